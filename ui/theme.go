package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"partnerdesk/icons/fonts"
)

// cjkFont is the bundled Droid Sans Fallback as a Fyne resource, made once.
var cjkFont = fyne.NewStaticResource("DroidSansFallback.ttf", fonts.CJK)

// partnerTheme is Fyne's default theme with a text font that draws
// Japanese, Chinese and Korean on every machine.
//
// Fyne looks a glyph up in the theme's font first and then in its own
// bundled font of the same style. Droid Sans Fallback has CJK and no Latin,
// so returning it as the text font gives CJK from Droid and Latin, Greek and
// Cyrillic (regular, bold, italic) from Fyne's Noto Sans, which has those
// and looks the same as the default theme. DejaVu, the PDF font, is not
// used here: returning it would hide CJK behind a font that lacks it.
type partnerTheme struct {
	fyne.Theme
}

// NewTheme returns the app's theme: Fyne's default colours and sizes with
// the bundled CJK-capable text font.
func NewTheme() fyne.Theme { return &partnerTheme{Theme: theme.DefaultTheme()} }

// Font returns the bundled CJK font for text and Fyne's own for monospace
// and symbols.
func (t *partnerTheme) Font(s fyne.TextStyle) fyne.Resource {
	if s.Monospace || s.Symbol {
		return t.Theme.Font(s)
	}
	return cjkFont
}
