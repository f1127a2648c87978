package ui

import (
	"bytes"
	"fmt"
	"testing"

	"fyne.io/fyne/v2"

	"partnerdesk/engine"
	"partnerdesk/icons/fonts"
)

func TestMatchOptions(t *testing.T) {
	all := []option{
		{ID: 1, Text: "CRM-ENT", Detail: "CRM Enterprise"},
		{ID: 2, Text: "CRM", Detail: "CRM Basic"},
		{ID: 3, Text: "SUP-1Y", Detail: "Support for CRM"},
		{ID: 4, Text: "株式会社ニンバス"},
	}
	tests := []struct {
		q    string
		want []engine.ID
	}{
		{"crm", []engine.ID{2, 1, 3}}, // exact, then prefix, then contains
		{"support", []engine.ID{3}},   // the detail counts
		{"ニンバス", []engine.ID{4}},
		{"  ", nil},
		{"zzz", nil},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			got := matchOptions(all, tt.q)
			if len(got) != len(tt.want) {
				t.Fatalf("matchOptions(%q) = %v, want ids %v", tt.q, got, tt.want)
			}
			for i := range got {
				if got[i].ID != tt.want[i] {
					t.Errorf("matchOptions(%q)[%d] = %d, want %d", tt.q, i, got[i].ID, tt.want[i])
				}
			}
		})
	}
}

// Typing "ess" takes NL-ESS-LIC, a SKU part and a name word starting
// with it, before NL-CLOUD-PRO, whose "Professional" merely contains it
// (the trap of issue 15.6): the first choice is what Tab takes.
func TestMatchRanksSKUAndWordPrefixesFirst(t *testing.T) {
	all := []option{ // sorted by SKU, as Products returns them
		{ID: 1, Text: "NL-CLOUD-PRO", Detail: "Nordlicht Cloud Professional (seat/month)"},
		{ID: 2, Text: "NL-ESS-LIC", Detail: "Nordlicht Essentials licence"},
		{ID: 3, Text: "NL-SECGW", Detail: "Security gateway appliance"},
		{ID: 4, Text: "ESSX", Detail: "Express support"},
		{ID: 5, Text: "MÜLLER-1", Detail: "Zürcher Pakete"},
	}
	tests := []struct {
		q    string
		want []engine.ID
	}{
		{"ess", []engine.ID{4, 2, 1}},   // SKU prefix, SKU part, then inside a word
		{"ESS", []engine.ID{4, 2, 1}},   // case does not count
		{"ess-l", []engine.ID{2}},       // typed across the SKU's parts
		{"secur", []engine.ID{3}},       // a name word
		{"nordlicht e", []engine.ID{2}}, // the name's words as typed
		{"mull", []engine.ID{5}},        // accents do not count
		{"zur", []engine.ID{5}},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			got := matchOptions(all, tt.q)
			var ids []engine.ID
			for _, o := range got {
				ids = append(ids, o.ID)
			}
			if fmt.Sprint(ids) != fmt.Sprint(tt.want) {
				t.Errorf("matchOptions(%q) = %v, want %v", tt.q, ids, tt.want)
			}
		})
	}
	// rankOptions keeps what a backend chose (a partner found by its
	// referral code) but puts the better matches first.
	ps := rankOptions([]option{{ID: 1, Text: "Blue Professional Srl"}, {ID: 2, Text: "Essen IT GmbH"}, {ID: 3, Text: "Code match"}}, "ess")
	if ps[0].ID != 2 || ps[1].ID != 1 || ps[2].ID != 3 || len(ps) != 3 {
		t.Errorf("rankOptions = %v, want Essen, Blue Professional, then the code match", ps)
	}
}

func TestThemeFontDrawsCJK(t *testing.T) {
	th := NewTheme()
	for _, st := range []fyne.TextStyle{{}, {Bold: true}, {Italic: true}} {
		if got := th.Font(st).Content(); !bytes.Equal(got, fonts.CJK) {
			t.Errorf("Font(%+v) is not the bundled CJK font", st)
		}
	}
	if got := th.Font(fyne.TextStyle{Monospace: true}).Content(); bytes.Equal(got, fonts.CJK) {
		t.Error("monospace text uses the CJK font, want Fyne's monospace")
	}
}

// BenchmarkMatchOptions filters 10,000 products for one keystroke.
func BenchmarkMatchOptions(b *testing.B) {
	all := make([]option, 10000)
	for i := range all {
		all[i] = option{ID: engine.ID(i + 1), Text: fmt.Sprintf("SKU-%05d", i), Detail: fmt.Sprintf("Product number %d", i)}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if len(matchOptions(all, "number 99")) == 0 {
			b.Fatal("no match")
		}
	}
}
