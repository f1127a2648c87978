package reports

import (
	"bytes"
	"fmt"
	"image"
	"image/draw"
	_ "image/jpeg" // Logos may be JPEG.
	"image/png"
	"io"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"partnerdesk/engine"
	"partnerdesk/engine/i18n"
	"partnerdesk/icons/fonts"
	"partnerdesk/reports/internal/gofpdf"
)

// Page geometry of an A4 portrait statement, in mm.
const (
	pageW       = 210.0
	pageH       = 297.0
	marginL     = 15.0
	marginR     = 15.0
	marginTop   = 14.0
	contentW    = pageW - marginL - marginR
	footerTop   = pageH - 14.0 // the body never goes below this line
	bodySize    = 8.5
	smallSize   = 7.5
	headingSize = 11.0
	lineGap     = 1.38 // line height as a multiple of the font size
	cellPad     = 1.1  // padding inside table cells
	indentW     = 4.0  // indent of a row that details the one above
	ptToMM      = 25.4 / 72
	boldStroke  = 0.055 // outline width of bold text, as a fraction of the font size
)

// Colours, as RGB.
var (
	colInk     = [3]int{25, 25, 30}
	colMuted   = [3]int{100, 104, 112}
	colAccent  = [3]int{28, 63, 110}
	colRule    = [3]int{190, 196, 204}
	colHeadBg  = [3]int{232, 237, 243}
	colTotalBg = [3]int{244, 246, 249}
	colBadge   = [3]int{176, 40, 32}
)

// WritePDF draws st as an A4 PDF on w. Fonts are embedded and subset; the
// CJK font is added only when some text needs it. The same statement always
// gives the same bytes: the creation date is PrintedOn and the catalogue is
// sorted.
func WritePDF(w io.Writer, st *Statement) error {
	l, err := layoutStatement(st)
	if err != nil {
		return err
	}
	if err := l.pdf().Output(w); err != nil {
		return fmt.Errorf("write statement PDF for %s %s: %w", st.Period.Key, st.Payee.Name, err)
	}
	return nil
}

// StatementPages lays st out as WritePDF would, without writing it, and
// returns what each page holds: a dry run to check page breaks.
func StatementPages(st *Statement) ([]Page, error) {
	l, err := layoutStatement(st)
	if err != nil {
		return nil, err
	}
	return l.pages, nil
}

func layoutStatement(st *Statement) (*layout, error) {
	if err := st.Check(); err != nil {
		return nil, err
	}
	lang := i18n.Normalize(st.Language)
	d := docInfo{
		co: st.Company, lang: lang, printed: st.PrintedOn, fp: st.fingerprint(),
		title: Label(lang, "title"), subtitle: st.Period.Name,
		running: st.Company.Name + " · " + Label(lang, "title") + " " + st.Period.Name + " · " + st.Payee.Name,
		texts:   st.texts(),
	}
	if st.Provisional {
		d.badge = Label(lang, "provisional")
	}
	l := newLayout(d, Label(lang, "title")+" "+st.Period.Key+" "+st.Payee.Name)
	l.st = st
	l.draw()
	l.footers()
	return l, l.pdf().Error()
}

// docInfo is what every page of a document shows, whatever the document.
type docInfo struct {
	co       Company
	lang     string
	printed  engine.Date
	fp       string   // data fingerprint in the footer
	title    string   // big title, top right
	subtitle string   // under the title: the period, the number
	badge    string   // under the subtitle, in red: "provisional"
	running  string   // one line atop continuation pages
	texts    []string // every user text, to decide which fonts to embed
}

// Page is what one page of a document holds, in drawing order: a dry run
// of the layout (StatementPages) lets tests check page breaks.
type Page struct {
	Blocks []Block
}

// Block is one thing drawn on a page: Kind is "text" (a title, a name, a
// note), "heading" (a section title), "continued" (a section's title
// repeated on a new page), "head" (a table's column heads), "row" (a data
// row of a table) or "total" (a total row); Section is the section's key
// ("lines", "payouts", "ytd", ...).
type Block struct {
	Kind    string
	Section string
}

// Holds reports whether the page holds a block of kind (in section, if
// section is not empty).
func (p Page) Holds(kind, section string) bool {
	for _, b := range p.Blocks {
		if b.Kind == kind && (section == "" || b.Section == section) {
			return true
		}
	}
	return false
}

// newLayout starts a document: fonts (the CJK one only when some text
// needs it), metadata, the first page.
func newLayout(d docInfo, title string) *layout {
	pdf := gofpdf.New("P", "mm", "A4", "")
	pdf.SetCatalogSort(true)
	pdf.SetCompression(true)
	created := d.printed.Time()
	pdf.SetCreationDate(created)
	pdf.SetModificationDate(created)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(marginL, marginTop, marginR)
	// No page-count alias: a name holding "{nb}" prints as typed; the
	// footers are drawn once every page exists (footers).
	pdf.SetTitle(clean(title), true)
	pdf.SetAuthor(clean(d.co.Name), true)
	pdf.SetCreator("Partnerdesk", true)

	// Each font is parsed once per process and shared, read only, by
	// every document (parsing it per document was most of the cost of a
	// statement); the document still embeds the subset it uses.
	addFont(pdf, famLatin, latinFont)
	l := &layout{d: d, f: formatter{lang: d.lang, cur: d.co.Currency}, t: &typo{pdf: pdf}}
	for _, t := range d.texts {
		if fonts.NeedsCJK(t) {
			addFont(pdf, famCJK, cjkFont)
			l.t.hasCJK = true
			break
		}
	}
	l.addPage()
	return l
}

// addFont adds a parsed font to the document, or fails the document.
func addFont(pdf *gofpdf.Fpdf, family string, font func() (*gofpdf.UTF8Font, error)) {
	f, err := font()
	if err != nil {
		pdf.SetError(err)
		return
	}
	pdf.AddUTF8FontParsed(family, "", f)
}

// texts lists every user text the statement prints, to decide which fonts
// the document needs.
func (s *Statement) texts() []string {
	t := []string{s.Company.Name, s.Company.Address, s.Payee.Name, s.Payee.PartnerName, s.Payee.Country,
		s.Payee.Tier, s.Payee.NextTier, s.Period.Name, s.Period.Key}
	for _, p := range s.Summary.RewardsByProgram {
		t = append(t, p.Program)
	}
	for _, f := range s.Summary.Funds {
		t = append(t, f.Fund)
	}
	for _, ls := range [][]Line{s.Lines, s.Adjustments} {
		for _, l := range ls {
			t = append(t, l.Program, l.Rule, l.Explanation, l.Invoice, l.OriginalPeriod)
		}
	}
	for _, p := range s.Payouts {
		t = append(t, p.Method, p.Reference, p.Invoice)
	}
	return append(t, s.Nudges...)
}

// layout holds the drawing state of one document.
type layout struct {
	d     docInfo
	st    *Statement // set when the document is a statement
	inv   *Invoice   // set when it is a self-billed invoice
	f     formatter
	t     *typo
	y     float64 // top of the next thing to draw
	kw    float64 // width of the labels of keyValue; 0 is 32 mm
	pages []Page
}

// mark records that a block of kind was drawn on the current page.
func (l *layout) mark(kind, section string) {
	n := l.pdf().PageNo()
	for len(l.pages) < n {
		l.pages = append(l.pages, Page{})
	}
	l.pages[n-1].Blocks = append(l.pages[n-1].Blocks, Block{Kind: kind, Section: section})
}

func (l *layout) addPage() {
	l.pdf().AddPage()
	l.t.forget()
	l.pages = append(l.pages, Page{})
}

func (l *layout) pdf() *gofpdf.Fpdf { return l.t.pdf }

// formatter prints a statement's figures in its language, through the same
// package (engine/i18n) the screens use, so both show 1.234,56 the same way.
// It lives beside the layout, its only user.
type formatter struct {
	lang string
	cur  engine.Currency
}

func (f formatter) money(d decimal.Decimal) string { return i18n.Money(d, f.cur, f.lang) }

func (f formatter) points(p int64) string {
	return Label(f.lang, "points_unit", "points", i18n.Points(p, f.lang))
}

func (f formatter) date(d engine.Date) string { return i18n.Date(d, f.lang) }

func (f formatter) label(key string, kv ...string) string { return Label(f.lang, key, kv...) }

// lineFigure is what a line's amount column prints: money, points, or both
// when a line carries both.
func (f formatter) lineFigure(l Line) string {
	switch {
	case !l.FundCredit.IsZero() && l.Amount.IsZero() && l.Points == 0:
		return f.label("to_fund", "amount", f.money(l.FundCredit))
	case l.Points != 0 && l.Amount.IsZero():
		return f.points(l.Points)
	case l.Points != 0:
		return f.money(l.Amount) + " + " + f.points(l.Points)
	}
	return f.money(l.Amount)
}

func itoa(n int) string { return strconv.Itoa(n) }

func (l *layout) color(c [3]int) { l.pdf().SetTextColor(c[0], c[1], c[2]) }

func lineH(size float64) float64 { return size * ptToMM * lineGap }

// ascent is the distance from the top of a line box to its baseline.
func ascent(size float64) float64 { return size * ptToMM * 1.02 }

func (l *layout) draw() {
	l.header()
	l.payee()
	l.summary()
	l.nudges()
	// The year-to-date block closes the statement: it keeps with the end of
	// the section before it, so it never stands alone on a last page.
	ytdCols, ytdRows := l.ytdRows()
	tail := l.tableHeight(ytdCols, ytdRows, true)
	lastAdj := len(l.st.Adjustments) > 0 && len(l.st.Payouts) == 0
	lastLines := len(l.st.Adjustments) == 0 && len(l.st.Payouts) == 0
	l.linesTable("lines", l.f.label("lines"), l.st.Lines, false, keepIf(lastLines, tail))
	l.linesTable("adjustments", l.f.label("adjustments"), l.st.Adjustments, true, keepIf(lastAdj, tail))
	l.payouts(tail)
	l.table("ytd", l.f.label("ytd"), ytdCols, ytdRows, 0)
}

func keepIf(ok bool, h float64) float64 {
	if ok {
		return h
	}
	return 0
}

// newPage starts a continuation page with a one-line reminder of whose
// document it is.
func (l *layout) newPage() {
	l.addPage()
	l.t.set(smallSize, false)
	l.color(colMuted)
	l.t.text(marginL, marginTop+ascent(smallSize), l.fit(clean(l.d.running), contentW))
	l.y = marginTop + lineH(smallSize) + 1
	l.rule(l.y, colRule)
	l.y += 3
}

// need moves to a new page unless h mm still fit above the footer.
func (l *layout) need(h float64) bool {
	if l.y+h <= footerTop {
		return false
	}
	l.newPage()
	return true
}

// fit shortens s with "…" until it fits w mm in the current font.
func (l *layout) fit(s string, w float64) string {
	if l.t.width(s) <= w {
		return s
	}
	r := []rune(s)
	for len(r) > 0 && l.t.width(string(r)+"…") > w {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}

func (l *layout) rule(y float64, c [3]int) {
	p := l.pdf()
	p.SetDrawColor(c[0], c[1], c[2])
	p.SetLineWidth(0.2)
	p.Line(marginL, y, pageW-marginR, y)
}

// footers draws every page's footer once the page count is known: the
// print date, the data fingerprint and "page n of N".
func (l *layout) footers() {
	p := l.pdf()
	total := p.PageCount()
	for n := 1; n <= total; n++ {
		p.SetPage(n)
		// The page's content stream ends in whatever font its last text
		// used: select the footer's font afresh, not "as before".
		p.SetFont(famLatin, "", 1)
		l.t.forget()
		y := pageH - 9.0
		l.rule(y-3.5, colRule)
		l.t.set(smallSize, false)
		l.color(colMuted)
		left := l.f.label("printed", "date", l.f.date(l.d.printed)) + " — " + l.f.label("data", "fingerprint", l.d.fp)
		l.t.text(marginL, y, left)
		l.t.textRight(pageW-marginR, y, l.f.label("page", "n", itoa(n), "total", itoa(total)))
	}
}

// header draws the logo, the company's name and address, the title, the
// subtitle (period or number) and the badge ("provisional").
func (l *layout) header() {
	p := l.pdf()
	x := marginL
	top := marginTop
	logoH := 0.0
	if name, w, h, ok := l.registerLogo(); ok {
		// Fit the logo in 38 x 18 mm, keeping its proportions.
		lw, lh := 38.0, 38.0*h/w
		if lh > 18 {
			lw, lh = 18*w/h, 18.0
		}
		p.ImageOptions(name, x, top, lw, lh, false, gofpdf.ImageOptions{}, 0, "")
		x += lw + 5
		logoH = lh
	}
	titleW := 62.0
	l.t.set(12, true)
	l.color(colInk)
	y := top + ascent(12)
	for _, s := range l.t.wrap(clean(l.d.co.Name), pageW-marginR-titleW-x) {
		l.t.text(x, y, s)
		y += lineH(12)
	}
	l.t.set(bodySize, false)
	l.color(colMuted)
	for _, a := range strings.Split(clean(l.d.co.Address), "\n") {
		for _, s := range l.t.wrap(strings.TrimSpace(a), pageW-marginR-titleW-x) {
			l.t.text(x, y, s)
			y += lineH(bodySize)
		}
	}
	// Title, subtitle and badge on the right.
	// The title's size shrinks until its longest word fits
	// ("Gutschriftskorrektur"), so it wraps only between words.
	size := 18.0
	for ; size > headingSize; size-- {
		l.t.set(size, true)
		widest := 0.0
		for _, tok := range tokens(l.d.title) {
			widest = max(widest, l.t.width(tok))
		}
		if widest <= titleW {
			break
		}
	}
	ty := top + ascent(size)
	l.t.set(size, true)
	l.color(colAccent)
	for _, s := range l.t.wrap(l.d.title, titleW) {
		l.t.textRight(pageW-marginR, ty, s)
		ty += lineH(size)
	}
	ty += ascent(headingSize) - ascent(size)
	l.t.set(headingSize, false)
	l.color(colInk)
	l.t.textRight(pageW-marginR, ty, l.fit(clean(l.d.subtitle), titleW))
	ty += lineH(headingSize)
	if l.d.badge != "" {
		l.t.set(headingSize, true)
		l.color(colBadge)
		l.t.textRight(pageW-marginR, ty, l.fit(l.d.badge, titleW))
		ty += lineH(headingSize)
	}
	l.mark("text", "header")
	bottom := y - lineH(bodySize) + 2
	if b := top + logoH + 2; b > bottom {
		bottom = b
	}
	if b := ty - ascent(headingSize) + 1; b > bottom {
		bottom = b
	}
	l.y = bottom + 2
	l.rule(l.y, colAccent)
	l.y += 5
}

// registerLogo adds the company logo to the document. A logo gofpdf cannot
// read prints no logo rather than no statement.
func (l *layout) registerLogo() (name string, w, h float64, ok bool) {
	b := l.d.co.Logo
	if len(b) == 0 {
		return "", 0, 0, false
	}
	_, format, err := image.DecodeConfig(bytes.NewReader(b))
	if err != nil {
		return "", 0, 0, false
	}
	tp := map[string]string{"png": "PNG", "jpeg": "JPG"}[format]
	if tp == "" {
		return "", 0, 0, false
	}
	p := l.pdf()
	info := p.RegisterImageOptionsReader("logo", gofpdf.ImageOptions{ImageType: tp}, bytes.NewReader(b))
	if p.Err() || info == nil || info.Width() <= 0 || info.Height() <= 0 {
		p.ClearError()
		// gofpdf refuses 16-bit and interlaced PNGs, which image editors
		// write: such a logo is redrawn as a plain 8-bit PNG.
		plain, ok := plainPNG(b)
		if !ok {
			return "", 0, 0, false
		}
		info = p.RegisterImageOptionsReader("logo8", gofpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(plain))
		if p.Err() || info == nil || info.Width() <= 0 || info.Height() <= 0 {
			p.ClearError()
			return "", 0, 0, false
		}
		return "logo8", info.Width(), info.Height(), true
	}
	return "logo", info.Width(), info.Height(), true
}

// plainPNG decodes an image and encodes it again as a non-interlaced 8-bit
// RGBA PNG, the kind gofpdf reads.
func plainPNG(b []byte) ([]byte, bool) {
	img, _, err := image.Decode(bytes.NewReader(b))
	if err != nil {
		return nil, false
	}
	r := img.Bounds()
	rgba := image.NewNRGBA(image.Rect(0, 0, r.Dx(), r.Dy()))
	draw.Draw(rgba, rgba.Bounds(), img, r.Min, draw.Src)
	var out bytes.Buffer
	if err := png.Encode(&out, rgba); err != nil {
		return nil, false
	}
	return out.Bytes(), true
}

// payee draws who the statement is for, the period, the tier and the
// progress to the next tier, and says when the statement is provisional.
func (l *layout) payee() {
	st := l.st
	l.t.set(16, true)
	l.color(colInk)
	for _, s := range l.t.wrap(clean(st.Payee.Name), contentW) {
		l.t.text(marginL, l.y+ascent(16), s)
		l.y += lineH(16)
	}
	l.t.set(bodySize, false)
	l.color(colMuted)
	var sub []string
	if st.Payee.PartnerName != "" {
		sub = append(sub, l.f.label("rep_of", "partner", clean(st.Payee.PartnerName)))
	} else if st.Payee.Kind != "" {
		sub = append(sub, l.f.label(string(st.Payee.Kind)))
	}
	if st.Payee.Country != "" {
		sub = append(sub, l.f.label("country")+": "+clean(st.Payee.Country))
	}
	if len(sub) > 0 {
		for _, s := range l.t.wrap(strings.Join(sub, " · "), contentW) {
			l.t.text(marginL, l.y+ascent(bodySize), s)
			l.y += lineH(bodySize)
		}
	}
	l.mark("text", "payee")
	l.y += 2
	period := clean(st.Period.Name)
	if st.Period.Key != "" && st.Period.Key != st.Period.Name {
		period += " (" + clean(st.Period.Key) + ")"
	}
	l.keyValue("payee", l.f.label("period"), period)
	if st.Payee.Tier != "" {
		l.keyValue("payee", l.f.label("tier"), clean(st.Payee.Tier))
	}
	if st.Payee.NextTier != "" {
		l.keyValue("payee", l.f.label("progress"), clean(st.Payee.NextTier))
	}
	if st.Provisional {
		l.y += 1
		l.t.set(bodySize, false)
		l.color(colBadge)
		for _, s := range l.t.wrap(l.f.label("provisional_note"), contentW) {
			l.t.text(marginL, l.y+ascent(bodySize), s)
			l.y += lineH(bodySize)
		}
		l.mark("text", "provisional")
	}
	l.y += 3
}

// keyValue draws a label and a wrapped value beside it, the values
// aligned l.kw mm (32 unless set) from the margin.
func (l *layout) keyValue(section, k, v string) {
	kw := l.kw
	if kw == 0 {
		kw = 32
	}
	l.t.set(bodySize, false)
	lines := l.t.wrap(v, contentW-kw)
	l.need(float64(len(lines)) * lineH(bodySize))
	l.color(colMuted)
	l.t.text(marginL, l.y+ascent(bodySize), l.fit(k, kw-1))
	l.color(colInk)
	for _, s := range lines {
		l.t.text(marginL+kw, l.y+ascent(bodySize), s)
		l.y += lineH(bodySize)
	}
	l.mark("text", section)
}

// heading draws a section title, keeping at least minBelow mm of the
// section on the same page.
func (l *layout) heading(section, s string, minBelow float64) {
	l.need(lineH(headingSize) + 2 + minBelow)
	l.y += 2
	l.t.set(headingSize, true)
	l.color(colAccent)
	l.t.text(marginL, l.y+ascent(headingSize), s)
	l.y += lineH(headingSize) + 1
	l.mark("heading", section)
}

func (l *layout) summary() {
	st := l.st
	cols := []column{{w: contentW - 80, flex: true}, {w: 80, right: true}}
	rows := []row{{cells: []string{l.f.label("sales"), l.f.money(st.Summary.Sales)}}}
	if pt := st.programTotals(); len(pt) > 0 {
		rows = append(rows, row{cells: []string{l.f.label("by_program"), ""}})
		for _, t := range pt {
			rows = append(rows, row{cells: []string{t.Program, l.f.lineFigure(Line{Amount: t.Amount, Points: t.Points})}, indent: true})
		}
	}
	rows = append(rows, row{cells: []string{l.f.label("total_rewards"), l.f.money(st.Total())}, total: true})
	if tp := st.TotalPoints(); tp != 0 || st.Summary.PointsBalance != 0 {
		rows = append(rows, row{cells: []string{l.f.label("points_earned"), l.f.points(tp)}})
		rows = append(rows, row{cells: []string{l.f.label("points_balance"), l.f.points(st.Summary.PointsBalance)}})
	}
	for _, fb := range st.Summary.Funds {
		v := l.f.money(fb.Balance)
		if !fb.ExpiringNext30.IsZero() {
			v += "\n" + l.f.label("fund_expiring", "amount", l.f.money(fb.ExpiringNext30))
		}
		rows = append(rows, row{cells: []string{l.f.label("funds") + ": " + fb.Fund, v}})
	}
	l.table("summary", l.f.label("summary"), cols, rows, 0)
}

func (l *layout) nudges() {
	if len(l.st.Nudges) == 0 {
		return
	}
	l.t.set(bodySize, false)
	first := len(l.t.wrap(clean(l.st.Nudges[0]), contentW-5))
	l.heading("nudges", l.f.label("nudges"), float64(first)*lineH(bodySize))
	l.color(colInk)
	for _, n := range l.st.Nudges {
		l.t.set(bodySize, false)
		lines := l.t.wrap(clean(n), contentW-5)
		l.need(float64(len(lines)) * lineH(bodySize))
		l.color(colInk)
		l.t.text(marginL+1, l.y+ascent(bodySize), "•")
		for _, s := range lines {
			l.t.text(marginL+5, l.y+ascent(bodySize), s)
			l.y += lineH(bodySize)
		}
		l.mark("row", "nudges")
	}
	l.y += 2
}

// linesTable draws the reward lines or the adjustments with their total,
// keeping tail mm of what follows with its end.
func (l *layout) linesTable(section, title string, ls []Line, adjust bool, tail float64) {
	if len(ls) == 0 {
		if !adjust {
			l.none(section, title, tail)
		}
		return
	}
	var cols []column
	if adjust {
		cols = []column{
			{head: l.f.label("col_program"), w: 30},
			{head: l.f.label("col_invoice"), w: 27},
			{head: l.f.label("col_original"), w: 21},
			{head: l.f.label("col_explanation"), w: contentW - 30 - 27 - 21 - 34, flex: true},
			{head: l.f.label("col_amount"), w: 34, right: true},
		}
	} else {
		cols = []column{
			{head: l.f.label("col_program"), w: 34},
			{head: l.f.label("col_explanation"), w: contentW - 34 - 20 - 34, flex: true},
			{head: l.f.label("col_status"), w: 20},
			{head: l.f.label("col_amount"), w: 34, right: true},
		}
	}
	rows := make([]row, 0, len(ls)+1)
	var pts int64
	for _, ln := range ls {
		pts += ln.Points
		if adjust {
			rows = append(rows, row{cells: []string{ln.Program, ln.Invoice, ln.OriginalPeriod, ln.Explanation, l.f.lineFigure(ln)}})
		} else {
			rows = append(rows, row{cells: []string{ln.Program, ln.Explanation, statusLabel(l.f.lang, ln.Status), l.f.lineFigure(ln)}})
		}
	}
	tot := l.f.lineFigure(Line{Amount: sumLines(ls), Points: pts})
	cells := make([]string, len(cols))
	cells[0] = l.f.label("total")
	cells[len(cells)-1] = tot
	rows = append(rows, row{cells: cells, total: true})
	l.table(section, title, cols, rows, tail)
}

func (l *layout) payouts(tail float64) {
	if len(l.st.Payouts) == 0 {
		return
	}
	cols := []column{
		{head: l.f.label("col_date"), w: 28},
		{head: l.f.label("col_method"), w: 45},
		{head: l.f.label("col_reference"), w: contentW - 28 - 45 - 34, flex: true},
		{head: l.f.label("col_amount"), w: 34, right: true},
	}
	var rows []row
	for _, py := range l.st.Payouts {
		ref := py.Reference
		if py.Invoice != "" {
			ref = strings.TrimSpace(ref + " · " + py.Invoice)
		}
		rows = append(rows, row{cells: []string{l.f.date(py.Date), py.Method, ref, l.f.money(py.Amount)}})
	}
	rows = append(rows, row{cells: []string{l.f.label("total_paid"), "", "", l.f.money(l.st.PaidTotal())}, total: true})
	l.table("payouts", l.f.label("payouts"), cols, rows, tail)
}

// ytdRows are the year-to-date block's columns and rows.
func (l *layout) ytdRows() ([]column, []row) {
	y := l.st.YTD
	cols := []column{{head: "", w: contentW - 60, flex: true}, {head: "", w: 60, right: true}}
	rows := []row{
		{cells: []string{l.f.label("ytd_rewards"), l.f.money(y.Rewards)}},
	}
	if y.Points != 0 {
		rows = append(rows, row{cells: []string{l.f.label("ytd_points"), l.f.points(y.Points)}})
	}
	rows = append(rows, row{cells: []string{l.f.label("ytd_paid"), l.f.money(y.Paid)}})
	return cols, rows
}
