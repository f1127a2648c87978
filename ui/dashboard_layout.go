package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// The dashboard is one scrolling page: nothing inside it scrolls (a table
// or list inside a scrolling page catches the mouse wheel), and it shrinks
// to a 1024 x 700 window by putting fewer panels side by side. These two
// layouts do that.

// flowGrid lays its objects out in as many equal columns as fit (each at
// least minWidth wide, at most max columns), row after row, each row as
// tall as its tallest object, so a narrow window gets a taller page
// instead of a horizontal scroll. A minimum size is asked before the
// layout that gives the width, so the height is counted for the width
// widthHint reports (the scrolling page's, set before its content is laid
// out), else the width of the last layout.
type flowGrid struct {
	minWidth  float32
	max       int
	widthHint func() float32 // the width the grid will get; 0: unknown
	width     float32        // the width of the last layout
}

func newFlowGrid(minWidth float32, max int, widthHint func() float32) *flowGrid {
	return &flowGrid{minWidth: minWidth, max: max, widthHint: widthHint}
}

// scrollWidth is the width a padded content of scroll gets: the hint of a
// flowGrid inside a scrolling page.
func scrollWidth(scroll **container.Scroll) func() float32 {
	return func() float32 {
		if *scroll == nil {
			return 0
		}
		return (*scroll).Size().Width - 2*theme.Padding()
	}
}

func (g *flowGrid) columnsFor(width float32, n int) int {
	pad := theme.Padding()
	c := int((width + pad) / (g.minWidth + pad))
	c = max(1, min(c, g.max, n))
	return c
}

func visibleObjects(objs []fyne.CanvasObject) []fyne.CanvasObject {
	out := make([]fyne.CanvasObject, 0, len(objs))
	for _, o := range objs {
		if o.Visible() {
			out = append(out, o)
		}
	}
	return out
}

// rowHeights returns each row's height with cols columns.
func rowHeights(objs []fyne.CanvasObject, cols int) []float32 {
	var hs []float32
	for i, o := range objs {
		if i%cols == 0 {
			hs = append(hs, 0)
		}
		hs[len(hs)-1] = max(hs[len(hs)-1], o.MinSize().Height)
	}
	return hs
}

func (g *flowGrid) MinSize(objs []fyne.CanvasObject) fyne.Size {
	objs = visibleObjects(objs)
	if len(objs) == 0 {
		return fyne.Size{}
	}
	cols := min(g.max, len(objs))
	width := g.width
	if g.widthHint != nil {
		if w := g.widthHint(); w > 0 {
			width = w
		}
	}
	if width > 0 {
		cols = g.columnsFor(width, len(objs))
	}
	w := float32(0)
	for _, o := range objs {
		w = max(w, o.MinSize().Width)
	}
	pad := theme.Padding()
	h := float32(0)
	for i, rh := range rowHeights(objs, cols) {
		if i > 0 {
			h += pad
		}
		h += rh
	}
	return fyne.NewSize(max(w, g.minWidth), h)
}

func (g *flowGrid) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	objs = visibleObjects(objs)
	if len(objs) == 0 {
		return
	}
	cols := g.columnsFor(size.Width, len(objs))
	g.width = size.Width
	pad := theme.Padding()
	cw := (size.Width - pad*float32(cols-1)) / float32(cols)
	y := float32(0)
	for r, rh := range rowHeights(objs, cols) {
		for c := 0; c < cols; c++ {
			i := r*cols + c
			if i >= len(objs) {
				break
			}
			objs[i].Move(fyne.NewPos(float32(c)*(cw+pad), y))
			objs[i].Resize(fyne.NewSize(cw, rh))
		}
		y += rh + pad
	}
}

// tableGrid lays its objects out as a table of cols columns, row-major:
// each column as wide as its widest cell, except column stretch, which
// takes what is left (its cells should truncate: a name, never an
// amount, so amounts are never cut); each row as tall as its tallest cell.
// It does not scroll.
type tableGrid struct {
	cols    int
	stretch int
}

func (t tableGrid) widths(objs []fyne.CanvasObject) []float32 {
	ws := make([]float32, t.cols)
	for i, o := range objs {
		ws[i%t.cols] = max(ws[i%t.cols], o.MinSize().Width)
	}
	return ws
}

func (t tableGrid) MinSize(objs []fyne.CanvasObject) fyne.Size {
	if len(objs) == 0 {
		return fyne.Size{}
	}
	pad := theme.Padding()
	w := float32(0)
	for i, cw := range t.widths(objs) {
		if i > 0 {
			w += pad
		}
		w += cw
	}
	h := float32(0)
	for _, rh := range rowHeights(objs, t.cols) {
		h += rh
	}
	return fyne.NewSize(w, h)
}

func (t tableGrid) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if len(objs) == 0 {
		return
	}
	pad := theme.Padding()
	ws := t.widths(objs)
	used := pad * float32(t.cols-1)
	for _, w := range ws {
		used += w
	}
	if spare := size.Width - used; spare > 0 && t.stretch >= 0 && t.stretch < t.cols {
		ws[t.stretch] += spare
	}
	y := float32(0)
	for r, rh := range rowHeights(objs, t.cols) {
		x := float32(0)
		for c := 0; c < t.cols; c++ {
			i := r*t.cols + c
			if i >= len(objs) {
				break
			}
			objs[i].Move(fyne.NewPos(x, y))
			objs[i].Resize(fyne.NewSize(ws[c], rh))
			x += ws[c] + pad
		}
		y += rh
	}
}
