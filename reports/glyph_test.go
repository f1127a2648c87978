package reports

import (
	"testing"

	"golang.org/x/image/font/sfnt"

	"partnerdesk/icons/fonts"
)

// printedNames are names in every script the statements promise to print,
// with the punctuation that goes with them.
var printedNames = []string{
	"Rossi & Figli S.r.l. — Müller Öztürk Łódź Ærø Ñandú Çelik Şahin Dvořák",
	"Ελληνική Λύση Α.Ε.",
	"ООО «Жуков и партнёры»",
	"Київ Україна ТОВ",
	"株式会社田中システム",
	"田中・太郎（タナカ）",
	"北京长城科技有限公司",
	"台灣資訊股份有限公司",
	"한국소프트웨어 주식회사",
	"Tanaka 田中 Παπαδόπουλος Жуков",
	"9 025,66 EUR · 1.025 punti · 3º trimestre · 1.er trimestre",
}

func loadFont(tb testing.TB, b []byte) *sfnt.Font {
	tb.Helper()
	f, err := sfnt.Parse(b)
	if err != nil {
		tb.Fatal(err)
	}
	return f
}

// TestEveryPrintedCharacterHasAGlyph checks the run splitting against the
// fonts' own cmaps: pdftotext extracts a name even when its glyphs are
// missing, so only this test (and a rendered page) proves it prints.
func TestEveryPrintedCharacterHasAGlyph(t *testing.T) {
	regular := loadFont(t, fonts.Regular)
	bold := loadFont(t, fonts.Bold)
	cjk := loadFont(t, fonts.CJK)
	var buf sfnt.Buffer
	has := func(f *sfnt.Font, r rune) bool {
		g, err := f.GlyphIndex(&buf, r)
		return err == nil && g != 0
	}
	for _, name := range printedNames {
		for _, rn := range splitRuns(clean(name)) {
			for _, r := range rn.text {
				if rn.cjk {
					if !has(cjk, r) {
						t.Errorf("%q: %q (%U) is drawn in the CJK font, which has no glyph for it", name, r, r)
					}
					continue
				}
				// The GUI theme draws names in DejaVu Sans Bold as well.
				if !has(regular, r) || !has(bold, r) {
					t.Errorf("%q: %q (%U) is drawn in DejaVu Sans, which has no glyph for it", name, r, r)
				}
			}
		}
	}
	// Every statement label too, in every language.
	for lang, m := range labels {
		for key, s := range m {
			for _, r := range s {
				if !has(regular, r) || !has(bold, r) {
					t.Errorf("label %s/%s: %q has no glyph", lang, key, r)
				}
			}
		}
	}
}

func TestSplitRuns(t *testing.T) {
	tests := []struct {
		in   string
		want []run
	}{
		{"", nil},
		{"Jean Müller", []run{{"Jean Müller", false}}},
		{"田中 太郎", []run{{"田中 太郎", true}}},
		{"Tanaka 田中 Ltd", []run{{"Tanaka ", false}, {"田中 ", true}, {"Ltd", false}}},
		{"한국 ΑΒΓ", []run{{"한국 ", true}, {"ΑΒΓ", false}}},
	}
	for _, tt := range tests {
		got := splitRuns(tt.in)
		if len(got) != len(tt.want) {
			t.Errorf("splitRuns(%q) = %v, want %v", tt.in, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("splitRuns(%q)[%d] = %v, want %v", tt.in, i, got[i], tt.want[i])
			}
		}
	}
}

func TestClean(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"a\tb\x00c", "a b c"},
		{"line\nnext", "line\nnext"},
		{"smile 😀", "smile \u25A1"}, // outside the BMP: gofpdf cannot encode it
		{"bad \xff byte", "bad \u25A1 byte"},
	}
	for _, tt := range tests {
		if got := clean(tt.in); got != tt.want {
			t.Errorf("clean(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTokens(t *testing.T) {
	got := tokens("at 5 % x 田中")
	want := []string{"at", " ", "5 %", " ", "x", " ", "田", "中"}
	if len(got) != len(want) {
		t.Fatalf("tokens = %q, want %q", got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("tokens = %q, want %q", got, want)
		}
	}
}

// isCJK answers "no" below firstCJK without asking fonts.IsCJK: no rune
// there may be one the CJK font draws.
func TestNoCJKBelowFirstCJK(t *testing.T) {
	for r := rune(0); r < firstCJK; r++ {
		if fonts.IsCJK(r) {
			t.Fatalf("fonts.IsCJK(%U) is true, below firstCJK %U", r, firstCJK)
		}
	}
	if !fonts.IsCJK(firstCJK) {
		t.Errorf("fonts.IsCJK(%U) is false: firstCJK could be higher", firstCJK)
	}
}
