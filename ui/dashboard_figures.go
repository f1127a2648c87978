package ui

// The dashboard's tappable figures: cards and links that open the lines
// behind a figure in a detail dialog.

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partnerdesk/engine/views"
)

// showDetail shows a detail table in a dialog sized to the window.
func showDetail(w fyne.Window, t views.DetailTable, f numFmt) dialog.Dialog {
	cells := make([][]string, len(t.Rows))
	widths := make([]float32, len(t.Columns))
	measure := func(col int, s string) {
		if col >= len(widths) {
			return
		}
		if m := fyne.MeasureText(s, theme.TextSize(), fyne.TextStyle{}).Width + 2*theme.InnerPadding() + 2*theme.Padding(); m > widths[col] {
			widths[col] = min(m, 420)
		}
	}
	for c, h := range t.Columns {
		measure(c, h)
	}
	for r, row := range t.Rows {
		cells[r] = make([]string, len(row))
		for c, cell := range row {
			cells[r][c] = f.cell(cell)
			measure(c, cells[r][c])
		}
	}
	table := widget.NewTableWithHeaders(
		func() (int, int) { return len(cells), len(t.Columns) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.Truncation = fyne.TextTruncateEllipsis
			l.Alignment = fyne.TextAlignLeading
			if id.Row < len(t.Rows) && id.Col < len(t.Rows[id.Row]) {
				if k := t.Rows[id.Row][id.Col].Kind; k == views.CellMoney || k == views.CellNumber || k == views.CellPoints {
					l.Alignment = fyne.TextAlignTrailing
				}
				l.SetText(cells[id.Row][id.Col])
				return
			}
			l.SetText("")
		})
	table.ShowHeaderColumn = false
	table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(t.Columns) {
			o.(*widget.Label).SetText(t.Columns[id.Col])
		}
	}
	for c, wd := range widths {
		table.SetColumnWidth(c, wd)
	}
	foot := Tf("%d lines", len(t.Rows))
	if t.Total != "" {
		foot += " · " + t.Total
	}
	footer := widget.NewLabelWithStyle(foot, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	var body fyne.CanvasObject = table
	if len(t.Rows) == 0 {
		body = widget.NewLabel(T("There are no lines behind this figure."))
	}
	d := dialog.NewCustom(t.Title, T("Close"), container.NewBorder(nil, footer, nil, nil, body), w)
	size := w.Canvas().Size()
	d.Resize(fyne.NewSize(max(size.Width*0.85, 480), max(size.Height*0.8, 320)))
	closeOnEscape(d, w.Canvas())
	d.Show()
	return d
}

// figureCard is a tappable panel holding one figure of the dashboard.
type figureCard struct {
	widget.BaseWidget
	title    string
	body     fyne.CanvasObject
	onTapped func()
}

func newFigureCard(title string, body fyne.CanvasObject, onTapped func()) *figureCard {
	c := &figureCard{title: title, body: body, onTapped: onTapped}
	c.ExtendBaseWidget(c)
	return c
}

func (c *figureCard) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	bg.CornerRadius = theme.InputRadiusSize()
	h := widget.NewLabelWithStyle(c.title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	h.Wrapping = fyne.TextWrapWord // a narrow card shows its whole title on two lines
	more := widget.NewIcon(theme.ListIcon())
	head := container.NewBorder(nil, nil, nil, more, h)
	return widget.NewSimpleRenderer(container.NewStack(bg, container.NewPadded(container.NewBorder(head, nil, nil, nil, c.body))))
}

// Tapped opens the lines behind the figure.
func (c *figureCard) Tapped(*fyne.PointEvent) {
	if c.onTapped != nil {
		c.onTapped()
	}
}

// Cursor says the card can be clicked.
func (c *figureCard) Cursor() desktop.Cursor { return desktop.PointerCursor }

// newLink makes a label open something when tapped, inside a card.
func newLink(l *widget.Label, onTapped func()) fyne.CanvasObject {
	return container.NewStack(l, newFigureTap(onTapped))
}

// figureTap is an invisible tap target laid over a label.
type figureTap struct {
	widget.BaseWidget
	onTapped func()
}

func newFigureTap(f func()) *figureTap {
	t := &figureTap{onTapped: f}
	t.ExtendBaseWidget(t)
	return t
}

func (t *figureTap) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(layout.NewSpacer())
}

func (t *figureTap) Tapped(*fyne.PointEvent) { t.onTapped() }

func (t *figureTap) Cursor() desktop.Cursor { return desktop.PointerCursor }
