package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// column is one column of a read-only table.
type column struct {
	Title string
	Width float32
	Align fyne.TextAlign // trailing for figures
}

// newTextTable builds a table of labels with a header row. rows returns the
// number of data rows; cell returns the text of one cell.
func newTextTable(cols []column, rows func() int, cell func(row, col int) string) *widget.Table {
	t := widget.NewTableWithHeaders(
		func() (int, int) { return rows(), len(cols) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.Alignment = cols[id.Col].Align
			l.SetText(cell(id.Row, id.Col))
		})
	t.ShowHeaderColumn = false
	t.CreateHeader = func() fyne.CanvasObject {
		l := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		if id.Col >= 0 && id.Col < len(cols) {
			l.Alignment = cols[id.Col].Align
			l.SetText(cols[id.Col].Title)
		}
	}
	for i, c := range cols {
		t.SetColumnWidth(i, c.Width)
	}
	return t
}

// fitColumns lays out one table and gives it the width of the space it is
// in: the declared column widths are minimums, and what the window has to
// spare goes to the stretch column (the one whose text is longest, such as
// an explanation), so no column is cut while the window is wide enough.
type fitColumns struct {
	table   *widget.Table
	widths  []float32
	stretch int
	last    float32
}

// fitTable wraps t, whose column i is at least widths[i] wide; the column
// stretch takes the spare width.
func fitTable(t *widget.Table, widths []float32, stretch int) *fyne.Container {
	f := &fitColumns{table: t, widths: widths, stretch: stretch}
	for i, w := range widths {
		t.SetColumnWidth(i, w)
	}
	return container.New(f, t)
}

func (f *fitColumns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	if len(objs) == 0 {
		return fyne.Size{}
	}
	return objs[0].MinSize()
}

func (f *fitColumns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if size.Width != f.last {
		f.last = size.Width
		for i, w := range fitWidths(f.widths, f.stretch, size.Width) {
			f.table.SetColumnWidth(i, w)
		}
	}
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// fitWidths returns the column widths for a table avail wide: the minimums,
// with the spare width added to column stretch. Each column is followed by a
// divider, and the vertical scroll bar needs a little room at the end.
func fitWidths(min []float32, stretch int, avail float32) []float32 {
	out := append([]float32(nil), min...)
	if stretch < 0 || stretch >= len(out) {
		return out
	}
	used := theme.ScrollBarSize()
	for _, w := range min {
		used += w + theme.Padding() // the table puts a padding between columns
	}
	if spare := avail - used; spare > 0 {
		out[stretch] += spare
	}
	return out
}
