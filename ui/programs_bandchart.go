package ui

import (
	"fmt"
	"image/color"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"

	"partnerdesk/engine"
)

// The band designer beside the rule editor: for the band table of the
// rate rule on show, payout against basis under the retroactive and the
// marginal reading side by side, each cliff marked, and the table's gaps,
// overlaps and order problems said in words. The arithmetic is the
// engine's (engine.DesignBands); this file only draws it.

// bandDesigner is the band designer tab.
type bandDesigner struct {
	table   *widget.Select // which band table: the default one or a tier's
	retro   *bandChart
	marg    *bandChart
	note    *widget.Label // what the designer says about the table
	content fyne.CanvasObject
	design  engine.BandDesign
	tables  []string // the table names offered, "" the default
	busy    bool     // updating: the table choice's own change is not an edit
}

const defaultBands = "Bands (every tier without its own)"

func (s *ProgramsScreen) buildBandDesigner() fyne.CanvasObject {
	bd := &bandDesigner{}
	s.bd = bd
	bd.table = widget.NewSelect(nil, func(string) { s.updateBands() })
	bd.retro = newBandChart(engine.Retroactive)
	bd.marg = newBandChart(engine.Marginal)
	bd.note = widget.NewLabel("")
	bd.note.Wrapping = fyne.TextWrapWord
	intro := widget.NewLabel(T("Payout against basis for the band table of the rate rule on show, before multipliers and caps. A cliff (red) is where one more unit of basis changes the payout by more than the band's own rate on it."))
	intro.Wrapping = fyne.TextWrapWord
	charts := container.NewGridWithColumns(2, bd.retro, bd.marg)
	bd.content = container.NewBorder(
		container.NewVBox(intro, container.NewBorder(nil, nil, widget.NewLabel(T("Table")), nil, bd.table)),
		bd.note, nil, nil, charts)
	return bd.content
}

// updateBands redraws the designer for the rule on show, as typed.
func (s *ProgramsScreen) updateBands() {
	bd := s.bd
	if bd == nil || s.re.kind == nil || bd.busy {
		return
	}
	bd.busy = true
	defer func() { bd.busy = false }()
	r, _ := s.readRule()
	if r.Kind != engine.RuleRate || r.Rate == nil || (len(r.Rate.Bands) == 0 && len(r.Rate.TierBands) == 0) {
		bd.tables = nil
		bd.table.Options = nil
		bd.table.ClearSelected()
		bd.table.Disable()
		bd.design = engine.BandDesign{}
		bd.retro.set(engine.BandDesign{}, s.format)
		bd.marg.set(engine.BandDesign{}, s.format)
		bd.note.SetText(T("The rule on show has no bands. The designer draws a rate rule's band table: type bands under Bands, one a line (from, rate)."))
		return
	}
	tables := []string{}
	if len(r.Rate.Bands) > 0 {
		tables = append(tables, "")
	}
	var tiers []string
	for t := range r.Rate.TierBands {
		tiers = append(tiers, t)
	}
	sort.Strings(tiers)
	tables = append(tables, tiers...)
	opts := make([]string, len(tables))
	for i, t := range tables {
		opts[i] = T(defaultBands)
		if t != "" {
			opts[i] = Tf("Bands for %s", t)
		}
	}
	chosen := bd.table.SelectedIndex()
	if chosen < 0 || chosen >= len(opts) || strings.Join(opts, "\n") != strings.Join(bd.table.Options, "\n") {
		chosen = 0
	}
	bd.tables = tables
	bd.table.Options = opts
	bd.table.Enable()
	if bd.table.SelectedIndex() != chosen {
		bd.table.SetSelectedIndex(chosen)
	}
	bd.table.Refresh()
	bands := r.Rate.Bands
	field := fmt.Sprintf("rules[%d].rate.bands", s.re.cur)
	if t := tables[chosen]; t != "" {
		bands = r.Rate.TierBands[t]
		field = fmt.Sprintf("rules[%d].rate.tier_bands.%s", s.re.cur, t)
	}
	d := engine.DesignBands(field, bands, r.Rate.Mode, r.Basis == engine.BasisUnits, decimal.Zero)
	bd.design = d
	bd.retro.set(d, s.format)
	bd.marg.set(d, s.format)
	bd.note.SetText(s.bandNote(d))
}

// bandNote says what the designer sees: the cliffs, and the table's
// problems and warnings in the words a save uses.
func (s *ProgramsScreen) bandNote(d engine.BandDesign) string {
	f := s.format
	unit := T("of basis")
	if d.Units {
		unit = T("unit")
	}
	var b strings.Builder
	b.WriteString(Tf("This rule reads its bands %s.", d.Mode))
	if len(d.Cliffs) == 0 {
		b.WriteString(" " + Tf("No cliff: one more %s never pays more than the band's rate on it.", unitWord(d.Units)))
	}
	for _, c := range d.Cliffs {
		fmt.Fprintf(&b, "\n"+T("Cliff at %s (%s): %s one %s below, %s at it — %s for one more %s."),
			i18nNumber(c.From, f), c.Mode, f.money(c.Below), unitWord(d.Units), f.money(c.At), signed(f, c.Jump), unit)
	}
	for _, e := range d.Errors {
		fmt.Fprintf(&b, "\n"+T("Problem, %s: %s."), bandRow(e.Field), e.Reason)
	}
	for _, e := range d.Warnings {
		fmt.Fprintf(&b, "\n"+T("Warning, %s: %s."), bandRow(e.Field), e.Reason)
	}
	return b.String()
}

func unitWord(units bool) string {
	if units {
		return T("unit")
	}
	return T("currency unit")
}

// bandRow names a band by its line in the field ("band 2") from a path
// like "rules[0].rate.bands[1].from".
func bandRow(field string) string {
	i := strings.LastIndex(field, "[")
	var n int
	if i >= 0 {
		if _, err := fmt.Sscanf(field[i:], "[%d]", &n); err == nil {
			return Tf("band %d", n+1)
		}
	}
	return field
}

// bandChart draws one reading of a band table: payout (up) against basis
// (across), the points of engine.BandCurve joined by straight lines
// (between two band starts a reading is linear), cliffs as red dots.
type bandChart struct {
	widget.BaseWidget
	mode   engine.BandMode
	design engine.BandDesign
	format numFmt
}

func newBandChart(mode engine.BandMode) *bandChart {
	c := &bandChart{mode: mode}
	c.ExtendBaseWidget(c)
	return c
}

func (c *bandChart) set(d engine.BandDesign, f numFmt) {
	c.design, c.format = d, f
	c.Refresh()
}

// value is the chart's reading at a point.
func (c *bandChart) value(p engine.BandPoint) decimal.Decimal {
	if c.mode == engine.Marginal {
		return p.Marginal
	}
	return p.Retroactive
}

// CreateRenderer is part of fyne.Widget.
func (c *bandChart) CreateRenderer() fyne.WidgetRenderer {
	r := &bandChartRenderer{chart: c}
	r.rebuild()
	return r
}

// MinSize leaves room for the title, the axes' labels and a readable curve.
func (c *bandChart) MinSize() fyne.Size { return fyne.NewSize(180, 200) }

type bandChartRenderer struct {
	chart   *bandChart
	objects []fyne.CanvasObject
	size    fyne.Size
}

func (r *bandChartRenderer) rebuild() { r.layoutAt(r.size) }

// layoutAt builds the chart's objects for size. The chart is small (a few
// bands), so it is rebuilt whole on every layout.
func (r *bandChartRenderer) layoutAt(size fyne.Size) {
	c := r.chart
	r.objects = r.objects[:0]
	fg := theme.Color(theme.ColorNameForeground)
	muted := theme.Color(theme.ColorNamePlaceHolder)
	sep := theme.Color(theme.ColorNameSeparator)
	title := T("Retroactive")
	if c.mode == engine.Marginal {
		title = T("Marginal")
	}
	if c.design.Mode == c.mode && len(c.design.Curve) > 0 {
		title += " · " + T("this rule")
	}
	ts := theme.TextSize()
	head := canvas.NewText(title, fg)
	head.TextStyle = fyne.TextStyle{Bold: c.design.Mode == c.mode}
	head.TextSize = ts
	head.Move(fyne.NewPos(4, 0))
	r.objects = append(r.objects, head)
	curve := c.design.Curve
	if len(curve) < 2 || size.Width < 60 || size.Height < 80 {
		return
	}
	small := ts * 0.8
	left, top := float32(6), ts*2.6
	right, bottom := size.Width-10, size.Height-small*2.6
	w, h := right-left, bottom-top
	maxX := curve[len(curve)-1].Basis
	maxY := decimal.Zero
	for _, p := range curve {
		maxY = decimal.Max(maxY, p.Retroactive, p.Marginal) // both charts on one scale
	}
	pos := func(p engine.BandPoint) fyne.Position {
		return fyne.NewPos(left+w*ratio(p.Basis, maxX), bottom-h*ratio(c.value(p), maxY))
	}
	line := func(a, b fyne.Position, col color.Color, width float32) {
		l := canvas.NewLine(col)
		l.StrokeWidth = width
		l.Position1, l.Position2 = a, b
		r.objects = append(r.objects, l)
	}
	text := func(s string, at fyne.Position, col color.Color, align fyne.TextAlign) {
		t := canvas.NewText(s, col)
		t.TextSize = small
		t.Alignment = align
		ms := t.MinSize()
		switch align {
		case fyne.TextAlignTrailing:
			at.X -= ms.Width
		case fyne.TextAlignCenter:
			at.X -= ms.Width / 2
		}
		if at.X < 0 {
			at.X = 0 // inside the chart, not under its neighbour
		}
		t.Move(at)
		r.objects = append(r.objects, t)
	}
	// Axes, with each band start marked along the bottom.
	line(fyne.NewPos(left, bottom), fyne.NewPos(right, bottom), sep, 1)
	line(fyne.NewPos(left, top), fyne.NewPos(left, bottom), sep, 1)
	text(c.format.money(maxY), fyne.NewPos(left+4, top-small*1.5), muted, fyne.TextAlignLeading)
	text(c.format.compact(maxX), fyne.NewPos(right, bottom+2), muted, fyne.TextAlignTrailing)
	last := float32(-1000)
	for _, cl := range c.design.Cliffs {
		if cl.Mode != c.mode {
			continue
		}
		x := left + w*ratio(cl.From, maxX)
		line(fyne.NewPos(x, top), fyne.NewPos(x, bottom), blend(sep, theme.Color(theme.ColorNameError), 0.35), 1)
	}
	for i, p := range curve {
		if !p.Basis.IsPositive() || !isBandStart(curve, i) {
			continue
		}
		x := left + w*ratio(p.Basis, maxX)
		line(fyne.NewPos(x, bottom), fyne.NewPos(x, bottom+3), sep, 1)
		if x-last > 56 && x < right-90 { // clear of the one before and of the end's label
			text(c.format.compact(p.Basis), fyne.NewPos(x, bottom+2), muted, fyne.TextAlignCenter)
			last = x
		}
	}
	// The curve.
	col := theme.Color(theme.ColorNamePrimary)
	if c.design.Mode != c.mode {
		col = blend(col, muted, 0.45)
	}
	for i := 1; i < len(curve); i++ {
		line(pos(curve[i-1]), pos(curve[i]), col, 2)
	}
	// The cliffs, each a red dot where it lands, with the jump beside it.
	red := theme.Color(theme.ColorNameError)
	for _, cl := range c.design.Cliffs {
		if cl.Mode != c.mode {
			continue
		}
		at := pos(engine.BandPoint{Basis: cl.From, Retroactive: cl.At, Marginal: cl.At})
		dot := canvas.NewCircle(red)
		dot.Resize(fyne.NewSize(8, 8))
		dot.Move(fyne.NewPos(at.X-4, at.Y-4))
		r.objects = append(r.objects, dot)
		label := "+" + c.format.compact(cl.Jump)
		if cl.Jump.IsNegative() {
			label = c.format.compact(cl.Jump)
		}
		align := fyne.TextAlignLeading
		x := at.X + 6
		if at.X > left+w*0.7 {
			align, x = fyne.TextAlignTrailing, at.X-6
		}
		text(label, fyne.NewPos(x, at.Y-small*1.6), red, align)
	}
}

// isBandStart reports whether curve point i is where a band starts, not
// the point one step below a start (followed by the start itself).
func isBandStart(curve []engine.BandPoint, i int) bool {
	return !(i+1 < len(curve) && curve[i].Basis.Add(decimal.NewFromInt(1)).Equal(curve[i+1].Basis))
}

func (r *bandChartRenderer) Layout(size fyne.Size) {
	r.size = size
	r.layoutAt(size)
}

func (r *bandChartRenderer) MinSize() fyne.Size { return r.chart.MinSize() }

func (r *bandChartRenderer) Refresh() {
	r.layoutAt(r.size)
	for _, o := range r.objects {
		o.Refresh()
	}
}

func (r *bandChartRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *bandChartRenderer) Destroy() {}
