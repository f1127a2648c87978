package reports

import (
	"fmt"
	"sync"

	"golang.org/x/image/font/sfnt"

	"partnerdesk/icons/fonts"
	"partnerdesk/reports/internal/gofpdf"
)

// latinGlyphs answers whether DejaVu Sans (the font of every non-CJK run)
// has a glyph for a rune, from the font's own cmap, parsed once.
var latinGlyphs struct {
	once sync.Once
	mu   sync.Mutex
	font *sfnt.Font
	buf  sfnt.Buffer
	memo map[rune]bool
}

// hasLatinGlyph reports whether DejaVu Sans draws r. A font that cannot
// be parsed (it always can: it is embedded) answers yes, so text prints
// as before rather than as placeholders.
func hasLatinGlyph(r rune) bool {
	g := &latinGlyphs
	g.once.Do(func() {
		g.font, _ = sfnt.Parse(fonts.Regular)
		g.memo = map[rune]bool{}
	})
	if g.font == nil {
		return true
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if ok, seen := g.memo[r]; seen {
		return ok
	}
	i, err := g.font.GlyphIndex(&g.buf, r)
	ok := err == nil && i != 0
	g.memo[r] = ok
	return ok
}

// The embedded TrueType fonts, parsed for the PDF writer once per process
// (the CJK one only when a document first needs it): every document embeds
// its subset of them.
var (
	latinFont = sync.OnceValues(func() (*gofpdf.UTF8Font, error) { return parseFont(fonts.NameRegular, fonts.Regular) })
	cjkFont   = sync.OnceValues(func() (*gofpdf.UTF8Font, error) { return parseFont(fonts.NameCJK, fonts.CJK) })
)

func parseFont(name string, b []byte) (*gofpdf.UTF8Font, error) {
	f, err := gofpdf.ParseUTF8Font(b)
	if err != nil {
		return nil, fmt.Errorf("font %s: %w", name, err)
	}
	return f, nil
}
