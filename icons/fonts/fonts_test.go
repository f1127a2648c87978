package fonts_test

import (
	"bytes"
	"strings"
	"testing"

	"partnerdesk/icons/fonts"
)

func TestFontsAreTrueType(t *testing.T) {
	// gofpdf accepts TrueType outlines only (sfnt version 0x00010000), not
	// CFF-based OpenType ("OTTO") or collections ("ttcf").
	for name, b := range map[string][]byte{"Regular": fonts.Regular, "Bold": fonts.Bold, "CJK": fonts.CJK} {
		if len(b) < 100_000 {
			t.Errorf("%s: %d bytes, want an embedded font", name, len(b))
			continue
		}
		if !bytes.Equal(b[:4], []byte{0, 1, 0, 0}) {
			t.Errorf("%s: magic %x, want 00010000 (TrueType)", name, b[:4])
		}
	}
}

func TestLicences(t *testing.T) {
	got := fonts.Licences()
	for _, want := range []string{"Bitstream Vera", "DejaVu", "Apache License", "Version 2.0", "Google"} {
		if !strings.Contains(got, want) {
			t.Errorf("Licences() lacks %q", want)
		}
	}
}

func TestIsCJK(t *testing.T) {
	tests := []struct {
		r    rune
		want bool
	}{
		{'A', false}, {'é', false}, {'Ω', false}, {'Ж', false}, {'0', false}, {' ', false},
		{'あ', true}, {'ア', true}, {'ー', true}, {'中', true}, {'한', true}, {'。', true}, {'！', true},
	}
	for _, tt := range tests {
		if got := fonts.IsCJK(tt.r); got != tt.want {
			t.Errorf("IsCJK(%q) = %v, want %v", tt.r, got, tt.want)
		}
	}
	if !fonts.NeedsCJK("Tanaka 田中") || fonts.NeedsCJK("Παπαδόπουλος") {
		t.Error("NeedsCJK wrong")
	}
}
