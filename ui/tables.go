package ui

import (
	"fyne.io/fyne/v2"
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
