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
