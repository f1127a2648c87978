package ui

import (
	"image/color"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"
)

// ChartPoint is one bar of a chart: a label (a period key) and a value.
type ChartPoint struct {
	Label string
	Value decimal.Decimal
}

// Charts are drawn with canvas primitives: Fyne has no chart widget, and a
// bar per value is all the dashboard needs. Values stay decimals; only the
// ratio of a value to the largest one becomes a float, for pixels.

// BarChart draws one bar per point, vertical (months along the bottom) or
// horizontal (names down the left). Tapping a bar calls OnTapped with its
// index, so each bar opens the lines behind it.
type BarChart struct {
	widget.BaseWidget

	Points     []ChartPoint
	Horizontal bool
	// Value formats a value for the label on its bar.
	Value func(decimal.Decimal) string
	// Label formats a point's label (a month key becomes "Jul").
	Label    func(string) string
	OnTapped func(i int)

	hover int // index of the bar under the mouse, -1 for none
}

// NewBarChart returns a chart of points.
func NewBarChart(points []ChartPoint, horizontal bool, value func(decimal.Decimal) string) *BarChart {
	c := &BarChart{Points: points, Horizontal: horizontal, Value: value, hover: -1}
	c.ExtendBaseWidget(c)
	return c
}

// SetPoints replaces the chart's points and redraws it.
func (c *BarChart) SetPoints(points []ChartPoint) {
	c.Points = points
	c.hover = -1
	c.Refresh()
}

// CreateRenderer is part of fyne.Widget.
func (c *BarChart) CreateRenderer() fyne.WidgetRenderer {
	r := &barRenderer{chart: c, axis: canvas.NewRectangle(theme.Color(theme.ColorNameSeparator))}
	r.rebuild()
	return r
}

// Tapped opens the bar under the pointer.
func (c *BarChart) Tapped(ev *fyne.PointEvent) {
	if i := c.indexAt(ev.Position); i >= 0 && c.OnTapped != nil {
		c.OnTapped(i)
	}
}

// Cursor shows a pointing hand where bars open details.
func (c *BarChart) Cursor() desktop.Cursor {
	if c.OnTapped != nil {
		return desktop.PointerCursor
	}
	return desktop.DefaultCursor
}

// MouseIn is part of desktop.Hoverable.
func (c *BarChart) MouseIn(ev *desktop.MouseEvent) { c.MouseMoved(ev) }

// MouseMoved highlights the bar under the pointer.
func (c *BarChart) MouseMoved(ev *desktop.MouseEvent) {
	if i := c.indexAt(ev.Position); i != c.hover {
		c.hover = i
		c.Refresh()
	}
}

// MouseOut is part of desktop.Hoverable.
func (c *BarChart) MouseOut() {
	if c.hover != -1 {
		c.hover = -1
		c.Refresh()
	}
}

// MinSize gives a vertical chart room for its labels and a horizontal one
// a row per point.
func (c *BarChart) MinSize() fyne.Size {
	if c.Horizontal {
		return fyne.NewSize(280, float32(len(c.Points))*c.rowHeight()+theme.Padding())
	}
	return fyne.NewSize(float32(len(c.Points))*36, 180)
}

func (c *BarChart) rowHeight() float32 { return theme.TextSize() * 2.2 }

// slot returns the index of the point whose slot contains pos, or -1.
func (c *BarChart) indexAt(pos fyne.Position) int {
	n := len(c.Points)
	if n == 0 {
		return -1
	}
	var i int
	if c.Horizontal {
		i = int(pos.Y / c.rowHeight())
	} else {
		i = int(pos.X / (c.Size().Width / float32(n)))
	}
	if i < 0 || i >= n {
		return -1
	}
	return i
}

// barRenderer's mu serialises rebuilding and laying out: the dashboard
// sets a chart's points from its loading goroutine (fyne.Do runs there
// under the test driver) while the window lays the chart out; a layout
// between a rebuild's new slices and their filling met nil texts.
type barRenderer struct {
	mu     sync.Mutex
	chart  *BarChart
	axis   *canvas.Rectangle
	bars   []*canvas.Rectangle
	labels []*canvas.Text
	values []*canvas.Text
}

func (r *barRenderer) rebuild() {
	n := len(r.chart.Points)
	bars := make([]*canvas.Rectangle, n)
	labels := make([]*canvas.Text, n)
	values := make([]*canvas.Text, n)
	for i := range n {
		bars[i] = canvas.NewRectangle(theme.Color(theme.ColorNamePrimary))
		bars[i].CornerRadius = 2
		labels[i] = canvas.NewText("", theme.Color(theme.ColorNameForeground))
		values[i] = canvas.NewText("", theme.Color(theme.ColorNameForeground))
		values[i].TextStyle = fyne.TextStyle{Bold: true}
	}
	r.bars, r.labels, r.values = bars, labels, values
	r.texts()
}

func (r *barRenderer) texts() {
	c := r.chart
	small := theme.CaptionTextSize()
	points := c.Points
	for i, p := range points[:min(len(points), len(r.bars), len(r.labels), len(r.values))] {
		label := p.Label
		if c.Label != nil {
			label = c.Label(p.Label)
		}
		r.labels[i].Text = label
		r.labels[i].TextSize = small
		r.labels[i].Color = theme.Color(theme.ColorNameForeground)
		v := p.Value.String()
		if c.Value != nil {
			v = c.Value(p.Value)
		}
		r.values[i].Text = v
		r.values[i].TextSize = small
		r.values[i].Color = theme.Color(theme.ColorNameForeground)
		col := theme.Color(theme.ColorNamePrimary)
		if i == c.hover {
			col = blend(col, theme.Color(theme.ColorNameForeground), 0.3)
		}
		r.bars[i].FillColor = col
	}
	r.axis.FillColor = theme.Color(theme.ColorNameSeparator)
}

// ratio is v / max as a float in [0, 1], for pixels only.
func ratio(v, max decimal.Decimal) float32 {
	if !max.IsPositive() || !v.IsPositive() {
		return 0
	}
	f, _ := v.Div(max).Float64()
	if f > 1 {
		f = 1
	}
	return float32(f)
}

func (r *barRenderer) max() decimal.Decimal {
	m := decimal.Zero
	for _, p := range r.chart.Points {
		if p.Value.GreaterThan(m) {
			m = p.Value
		}
	}
	return m
}

// Layout is part of fyne.WidgetRenderer.
func (r *barRenderer) Layout(size fyne.Size) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.layout(size)
}

func (r *barRenderer) layout(size fyne.Size) {
	c := r.chart
	points := c.Points
	n := min(len(points), len(r.bars), len(r.labels), len(r.values))
	if n == 0 {
		return
	}
	m := r.max()
	pad := theme.Padding()
	if c.Horizontal {
		rowH := c.rowHeight()
		labelW := size.Width * 0.34
		valueW := float32(0)
		for _, v := range r.values[:n] {
			if w := v.MinSize().Width; w > valueW {
				valueW = w
			}
		}
		barMax := size.Width - labelW - valueW - 3*pad
		if barMax < 10 {
			barMax = 10
		}
		for i := range n {
			y := float32(i) * rowH
			lh := r.labels[i].MinSize().Height
			r.labels[i].Move(fyne.NewPos(0, y+(rowH-lh)/2))
			r.labels[i].Resize(fyne.NewSize(labelW, lh))
			w := barMax * ratio(points[i].Value, m)
			if w < 2 {
				w = 2
			}
			bh := rowH * 0.62
			r.bars[i].Move(fyne.NewPos(labelW+pad, y+(rowH-bh)/2))
			r.bars[i].Resize(fyne.NewSize(w, bh))
			vh := r.values[i].MinSize().Height
			r.values[i].Move(fyne.NewPos(labelW+2*pad+w, y+(rowH-vh)/2))
		}
		r.axis.Move(fyne.NewPos(labelW+pad, 0))
		r.axis.Resize(fyne.NewSize(1, float32(n)*rowH))
		return
	}
	slot := size.Width / float32(n)
	labelH := r.labels[0].MinSize().Height
	valueH := r.values[0].MinSize().Height
	plotH := size.Height - labelH - valueH - 2*pad
	if plotH < 10 {
		plotH = 10
	}
	base := valueH + pad + plotH
	// Labels wider than their slot would run into each other: show every
	// step-th one, always the last (the chosen period).
	widest := float32(0)
	for _, l := range r.labels[:n] {
		widest = max(widest, l.MinSize().Width)
	}
	step := 1
	for float32(step)*slot < widest+pad && step < n {
		step++
	}
	for i := range n {
		r.labels[i].Hidden = (n-1-i)%step != 0
		x := float32(i) * slot
		bw := slot * 0.64
		h := plotH * ratio(points[i].Value, m)
		if h < 1 {
			h = 1
		}
		r.bars[i].Move(fyne.NewPos(x+(slot-bw)/2, base-h))
		r.bars[i].Resize(fyne.NewSize(bw, h))
		vs := r.values[i].MinSize()
		r.values[i].Move(fyne.NewPos(x+(slot-vs.Width)/2, base-h-vs.Height))
		ls := r.labels[i].MinSize()
		r.labels[i].Move(fyne.NewPos(x+(slot-ls.Width)/2, base+pad))
	}
	r.axis.Move(fyne.NewPos(0, base))
	r.axis.Resize(fyne.NewSize(size.Width, 1))
}

func (r *barRenderer) MinSize() fyne.Size { return r.chart.MinSize() }

func (r *barRenderer) Refresh() {
	r.mu.Lock()
	if len(r.bars) != len(r.chart.Points) {
		r.rebuild()
	} else {
		r.texts()
	}
	r.layout(r.chart.Size())
	r.mu.Unlock()
	canvas.Refresh(r.chart)
}

func (r *barRenderer) Objects() []fyne.CanvasObject {
	r.mu.Lock()
	defer r.mu.Unlock()
	n := min(len(r.bars), len(r.labels), len(r.values))
	objs := make([]fyne.CanvasObject, 0, 3*n+1)
	objs = append(objs, r.axis)
	for i := range n {
		objs = append(objs, r.bars[i], r.values[i], r.labels[i])
	}
	return objs
}

func (r *barRenderer) Destroy() {}

// Meter is a thin horizontal gauge of used against a whole (spent against
// budget); past the whole it turns the error colour.
type Meter struct {
	widget.BaseWidget
	Used, Whole decimal.Decimal
}

// NewMeter returns a gauge of used / whole.
func NewMeter(used, whole decimal.Decimal) *Meter {
	m := &Meter{Used: used, Whole: whole}
	m.ExtendBaseWidget(m)
	return m
}

// CreateRenderer is part of fyne.Widget.
func (m *Meter) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	bg.CornerRadius = 3
	fg := canvas.NewRectangle(theme.Color(theme.ColorNameSuccess))
	fg.CornerRadius = 3
	r := &meterRenderer{m: m, bg: bg, fg: fg}
	r.colors()
	return r
}

type meterRenderer struct {
	m      *Meter
	bg, fg *canvas.Rectangle
}

func (r *meterRenderer) Layout(size fyne.Size) {
	h := float32(8)
	y := (size.Height - h) / 2
	r.bg.Move(fyne.NewPos(0, y))
	r.bg.Resize(fyne.NewSize(size.Width, h))
	r.fg.Move(fyne.NewPos(0, y))
	r.fg.Resize(fyne.NewSize(size.Width*ratio(r.m.Used, r.m.Whole), h))
}

func (r *meterRenderer) MinSize() fyne.Size { return fyne.NewSize(60, 12) }

func (r *meterRenderer) Refresh() {
	r.colors()
	r.Layout(r.m.Size())
	canvas.Refresh(r.m)
}

func (r *meterRenderer) colors() {
	r.bg.FillColor = theme.Color(theme.ColorNameInputBackground)
	switch {
	case r.m.Whole.IsPositive() && r.m.Used.GreaterThan(r.m.Whole):
		r.fg.FillColor = theme.Color(theme.ColorNameError)
	case r.m.Whole.IsPositive() && r.m.Used.Mul(decimal.NewFromInt(10)).GreaterThan(r.m.Whole.Mul(decimal.NewFromInt(9))):
		r.fg.FillColor = theme.Color(theme.ColorNameWarning)
	default:
		r.fg.FillColor = theme.Color(theme.ColorNameSuccess)
	}
}

func (r *meterRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.bg, r.fg} }

func (r *meterRenderer) Destroy() {}

// blend mixes b into a by t (0: a, 1: b).
func blend(a, b color.Color, t float32) color.Color {
	ar, ag, ab, aa := a.RGBA()
	br, bg, bb, _ := b.RGBA()
	mix := func(x, y uint32) uint8 { return uint8((float32(x)*(1-t) + float32(y)*t) / 257) }
	return color.NRGBA{R: mix(ar, br), G: mix(ag, bg), B: mix(ab, bb), A: uint8(aa / 257)}
}
