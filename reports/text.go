package reports

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"partnerdesk/icons/fonts"
	"partnerdesk/reports/internal/gofpdf"
)

// Font families as registered in each document.
const (
	famLatin = "dejavu"
	famCJK   = "cjk"
)

// firstCJK is the lowest rune fonts.IsCJK accepts (the Hangul Jamo):
// below it, which is most text, isCJK answers without looking it up in the
// Unicode tables.
const firstCJK = 0x1100

// isCJK is fonts.IsCJK, fast for the runes below firstCJK.
func isCJK(r rune) bool { return r >= firstCJK && fonts.IsCJK(r) }

// run is a stretch of text drawn in one font.
type run struct {
	text string
	cjk  bool
}

// splitRuns cuts s into runs by script: Han, Kana and Hangul go to the CJK
// font, everything else to DejaVu. A space joins the run it follows (both
// fonts have one), so "田中 太郎" stays one run.
func splitRuns(s string) []run {
	var out []run
	start := 0
	cur := false
	for i, r := range s {
		c := cur
		if r != ' ' {
			c = isCJK(r)
		}
		if i == 0 {
			cur = c
			continue
		}
		if c != cur {
			out = append(out, run{text: s[start:i], cjk: cur})
			start, cur = i, c
		}
	}
	if start < len(s) {
		out = append(out, run{text: s[start:], cjk: cur})
	}
	return out
}

// placeholder stands for a character no embedded font can draw (emoji,
// pictographs, runes beyond the Basic Multilingual Plane): a plain white
// square, which DejaVu Sans has, rather than the diamond of U+FFFD.
const placeholder = '\u25A1'

// clean makes user text printable by gofpdf: control characters other
// than "\n" (which wrap turns into a line break) become spaces; runes
// outside the Basic Multilingual Plane (emoji, rare Han), which gofpdf's
// UTF-16 text and 65,536-entry width table cannot hold, and symbols DejaVu
// Sans has no glyph for become one placeholder per emoji, however many
// code points it is made of (a skin tone, a ZWJ family, a flag's two
// regional indicators, variation selectors); invalid UTF-8 becomes the
// placeholder too.
func clean(s string) string {
	ok := true
	for _, r := range s {
		if r > 0xFFFF || r == utf8.RuneError || (unicode.IsControl(r) && r != '\n') || r == 0xFE0F || r == 0xFE0E || r == 0x200D || missingSymbol(r) {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	var b strings.Builder
	last := false   // the last rune written is a placeholder
	joined := false // ... followed by a zero-width joiner
	lastRI := false // ... for one regional indicator (half a flag)
	for _, r := range s {
		switch {
		case r == '\n':
			b.WriteRune(r)
			last = false
		case unicode.IsControl(r):
			b.WriteByte(' ')
			last = false
		case r == 0xFE0F || r == 0xFE0E:
			// Variation selectors choose emoji or text style: nothing
			// to draw.
		case r == 0x200D:
			if last {
				joined = true
			}
		case last && (joined || isEmojiModifier(r) || (lastRI && isRegionalIndicator(r))):
			// The rest of one emoji: a ZWJ sequence, a skin tone or tag,
			// the second half of a flag.
			joined, lastRI = false, false
		case r > 0xFFFF || r == utf8.RuneError || missingSymbol(r):
			b.WriteRune(placeholder)
			last, joined, lastRI = true, false, isRegionalIndicator(r)
		default:
			b.WriteRune(r)
			last = false
		}
	}
	return b.String()
}

func isEmojiModifier(r rune) bool {
	return (r >= 0x1F3FB && r <= 0x1F3FF) || (r >= 0xE0020 && r <= 0xE007F)
}

func isRegionalIndicator(r rune) bool { return r >= 0x1F1E6 && r <= 0x1F1FF }

// missingSymbol reports a symbol of the Basic Multilingual Plane (✅, ⭐,
// ⌚: emoji that Unicode placed there) that DejaVu Sans cannot draw.
func missingSymbol(r rune) bool {
	if r < 0x2000 || r > 0xFFFF || !unicode.Is(unicode.So, r) || fonts.IsCJK(r) {
		return false
	}
	return !hasLatinGlyph(r)
}

// typo draws and measures mixed-script text in one document.
type typo struct {
	pdf    *gofpdf.Fpdf
	hasCJK bool // the CJK font was added: only documents that need it pay for it
	size   float64
	bold   bool

	// The font use last selected, valid while selOK: selecting a font
	// writes an operator into the page, and measuring a word selects the
	// font of each of its runs, so use skips selecting the font already
	// selected. Whatever selects a font or page behind use's back calls
	// forget.
	selCJK  bool
	selSize float64
	selOK   bool
}

// forget says that the font selected is no longer known: the page or the
// font was changed without use.
func (t *typo) forget() { t.selOK = false }

func (t *typo) set(size float64, bold bool) { t.size, t.bold = size, bold }

// use selects the font of one run. Each document embeds one face per
// script: parsing and subsetting a TrueType font is most of the cost of a
// statement, so bold is drawn as filled and stroked text (rendering mode
// 2) rather than with DejaVu Sans Bold, which would double that cost.
func (t *typo) use(cjk bool) {
	cjk = cjk && t.hasCJK
	if t.selOK && t.selCJK == cjk && t.selSize == t.size {
		return
	}
	t.selCJK, t.selSize, t.selOK = cjk, t.size, true
	if cjk {
		t.pdf.SetFont(famCJK, "", t.size)
		return
	}
	t.pdf.SetFont(famLatin, "", t.size)
}

// width is the width of s in the current size and weight, in mm.
func (t *typo) width(s string) float64 {
	w := 0.0
	for _, r := range splitRuns(s) {
		t.use(r.cjk)
		w += t.pdf.GetStringWidth(r.text)
	}
	return w
}

// text draws s on one line with its baseline at y, starting at x.
func (t *typo) text(x, y float64, s string) {
	s = strings.ReplaceAll(s, "\n", " ")
	for _, r := range splitRuns(s) {
		t.use(r.cjk)
		if t.bold {
			// The outline is stroked in the text's colour, then every
			// setting goes back to what the rules and boxes use.
			dr, dg, db := t.pdf.GetDrawColor()
			lw := t.pdf.GetLineWidth()
			t.pdf.SetDrawColor(t.pdf.GetTextColor())
			t.pdf.SetTextRenderingMode(2)
			t.pdf.SetLineWidth(t.size * ptToMM * boldStroke)
			t.pdf.Text(x, y, r.text)
			t.pdf.SetTextRenderingMode(0)
			t.pdf.SetLineWidth(lw)
			t.pdf.SetDrawColor(dr, dg, db)
		} else {
			t.pdf.Text(x, y, r.text)
		}
		x += t.pdf.GetStringWidth(r.text)
	}
}

// textRight draws s so that it ends at x.
func (t *typo) textRight(x, y float64, s string) { t.text(x-t.width(s), y, s) }

// breakMark ends the part of a word that had to be cut because the word
// is wider than its whole line.
const breakMark = '\u21B5'

// wrap breaks s into lines no wider than w: at spaces only, and between
// any two CJK characters (which are written without spaces); never inside
// a word ("INV-2026-00246", "goedgekeurd") that fits on a line of its own.
// A word longer than a whole line is cut between characters, each cut
// marked with breakMark. "\n" forces a break.
func (t *typo) wrap(s string, w float64) []string {
	var out []string
	for _, para := range strings.Split(s, "\n") {
		out = append(out, t.wrapPara(para, w)...)
	}
	return out
}

func (t *typo) wrapPara(s string, w float64) []string {
	toks := tokens(s)
	if len(toks) == 0 {
		return []string{""}
	}
	var lines []string
	var cur strings.Builder
	curW := 0.0
	flush := func() {
		lines = append(lines, strings.TrimRight(cur.String(), " "))
		cur.Reset()
		curW = 0
	}
	for _, tok := range toks {
		if cur.Len() == 0 && tok == " " {
			continue
		}
		tw := t.width(tok)
		if curW+tw <= w || tok == " " {
			cur.WriteString(tok)
			curW += tw
			continue
		}
		if cur.Len() > 0 {
			flush()
		}
		if tw <= w {
			cur.WriteString(tok)
			curW = tw
			continue
		}
		// A word wider than the line cannot fit anywhere: cut it
		// between characters, each cut marked with breakMark so the
		// reader sees that the word goes on.
		mw := t.width(string(breakMark))
		for _, r := range tok {
			rw := t.width(string(r))
			if curW+rw+mw > w && cur.Len() > 0 {
				cur.WriteRune(breakMark)
				flush()
			}
			cur.WriteRune(r)
			curW += rw
		}
	}
	if cur.Len() > 0 {
		flush()
	}
	return lines
}

// tokens splits s into the pieces a line may break between: words, single
// spaces, and single CJK characters.
func tokens(s string) []string {
	var out []string
	start := -1
	for i, r := range s {
		switch {
		case r == ' ' && strings.HasPrefix(s[i+1:], "%"):
			// "5 %" never breaks before its sign.
			if start < 0 {
				start = i
			}
		case r == ' ':
			if start >= 0 {
				out = append(out, s[start:i])
				start = -1
			}
			out = append(out, " ")
		case isCJK(r):
			if start >= 0 {
				out = append(out, s[start:i])
				start = -1
			}
			out = append(out, string(r))
		default:
			if start < 0 {
				start = i
			}
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}
