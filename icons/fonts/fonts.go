// Package fonts ships the TrueType fonts that the PDF statements and the
// GUI theme share, with their licences, inside the binary.
//
// DejaVu Sans covers Latin (with accents), Greek and Cyrillic; Droid Sans
// Fallback covers Japanese, Chinese and Korean but has no Latin letters, so
// callers split text into runs by script and draw each run in the font that
// has its glyphs (see NeedsCJK and IsCJK).
package fonts

import (
	_ "embed" // The font files and their licences are embedded.
	"unicode"
)

// Regular is DejaVu Sans (fonts-dejavu-core): Latin, Greek, Cyrillic.
//
//go:embed DejaVuSans.ttf
var Regular []byte

// Bold is DejaVu Sans Bold, with the same coverage as Regular.
//
//go:embed DejaVuSans-Bold.ttf
var Bold []byte

// CJK is Droid Sans Fallback (fonts-droid-fallback, the variant that has
// Hangul): Han, Hiragana, Katakana, Hangul. It has no Latin letters.
//
//go:embed DroidSansFallback.ttf
var CJK []byte

//go:embed LICENSE-DejaVu.txt
var licenceDejaVu string

//go:embed LICENSE-DroidSansFallback.txt
var licenceDroid string

// Names of the embedded fonts, used as family names by the PDF writer.
const (
	NameRegular = "DejaVuSans"
	NameCJK     = "DroidSansFallback"
)

// Licences returns the licence texts of every embedded font, for an About
// box or a --licences flag.
func Licences() string {
	return "DejaVu Sans, DejaVu Sans Bold\n" +
		"==============================\n\n" + licenceDejaVu +
		"\n\nDroid Sans Fallback\n" +
		"===================\n\n" + licenceDroid
}

// IsCJK reports whether r belongs to a script that only the CJK font draws:
// Han, Hiragana, Katakana, Hangul, and the CJK punctuation and full-width
// forms that go with them.
func IsCJK(r rune) bool {
	switch {
	case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul):
		return true
	case r >= 0x3000 && r <= 0x303F: // CJK symbols and punctuation.
		return true
	case r >= 0x30FB && r <= 0x30FC: // Katakana middle dot, prolonged sound mark.
		return true
	case r >= 0xFF01 && r <= 0xFF60, r >= 0xFFE0 && r <= 0xFFE6: // Full-width forms.
		return true
	case r >= 0x3130 && r <= 0x318F: // Hangul compatibility jamo.
		return true
	}
	return false
}

// NeedsCJK reports whether any rune of s needs the CJK font.
func NeedsCJK(s string) bool {
	for _, r := range s {
		if IsCJK(r) {
			return true
		}
	}
	return false
}
