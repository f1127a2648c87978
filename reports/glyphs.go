package reports

import (
	"sync"

	"golang.org/x/image/font/sfnt"

	"partnerdesk/icons/fonts"
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
