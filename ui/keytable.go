package ui

import (
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// keyTable is a read-only table with a chosen row that ↓ and ↑ move while
// it has the keyboard, and letters a screen can bind (the registration
// decisions). Fyne's own table moves a cell highlight that the code cannot
// read; this one keeps the chosen row itself and shows it in bold.
type keyTable struct {
	widget.Table
	cols []column

	rows   func() int
	chosen func(row int) bool
	// onChoose is called with the row ↓, ↑ or a click chose; nil: the
	// table only scrolls.
	onChoose func(row int)
	// onRune handles a typed letter; false passes it on.
	onRune func(r rune) bool
	// onKey handles a key the table does not use itself (Enter, Delete);
	// false passes it on.
	onKey func(k *fyne.KeyEvent) bool
	// cur is the row the arrows start from when there is no onChoose.
	cur int
}

func newKeyTable(cols []column, rows func() int, cell func(row, col int) string, chosen func(row int) bool) *keyTable {
	t := &keyTable{cols: cols, rows: rows, chosen: chosen, cur: -1}
	t.Length = func() (int, int) { return rows(), len(cols) }
	t.CreateCell = func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	t.UpdateCell = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		l.Alignment = cols[id.Col].Align
		l.TextStyle = fyne.TextStyle{Bold: t.chosen != nil && t.chosen(id.Row)}
		l.SetText(cell(id.Row, id.Col))
	}
	t.ShowHeaderRow = true
	t.CreateHeader = func() fyne.CanvasObject {
		l := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(cols) {
			l := o.(*widget.Label)
			l.Alignment = cols[id.Col].Align
			l.SetText(cols[id.Col].Title)
		}
	}
	t.OnSelected = func(id widget.TableCellID) {
		t.UnselectAll()
		if id.Row >= 0 && id.Row < rows() {
			t.cur = id.Row
			if t.onChoose != nil {
				t.onChoose(id.Row)
			}
		}
	}
	t.ExtendBaseWidget(t)
	return t
}

// fit lays the table out at least as wide as its columns, column stretch
// taking the spare width.
func (t *keyTable) fit(stretch int) fyne.CanvasObject {
	widths := make([]float32, len(t.cols))
	for i, c := range t.cols {
		widths[i] = c.Width
		t.SetColumnWidth(i, c.Width)
	}
	// The container holds t itself, not the embedded table, so that the
	// canvas can give t the focus and its keys.
	return container.New(&keyTableLayout{t: t, widths: widths, stretch: stretch}, t)
}

// keyTableLayout is fitColumns for a keyTable: the declared widths are
// minimums and column stretch takes the spare width.
type keyTableLayout struct {
	t       *keyTable
	widths  []float32
	stretch int
	last    float32
}

func (l *keyTableLayout) MinSize(objs []fyne.CanvasObject) fyne.Size { return objs[0].MinSize() }

func (l *keyTableLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if size.Width != l.last {
		l.last = size.Width
		// Fyne spaces table columns by the theme's padding, while fitWidths
		// counts a separator's thickness: take the difference off first, or
		// the last column ends under the edge.
		avail := size.Width - float32(len(l.widths))*(theme.Padding()-theme.SeparatorThicknessSize())
		for i, w := range fitWidths(l.widths, l.stretch, avail) {
			l.t.SetColumnWidth(i, w)
		}
	}
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// move chooses the row delta away from the current one.
func (t *keyTable) move(delta int) {
	n := t.rows()
	if n == 0 {
		return
	}
	cur := t.cur
	if t.chosen != nil {
		cur = -1
		for i := 0; i < n; i++ {
			if t.chosen(i) {
				cur = i
				break
			}
		}
	}
	next := cur + delta
	if cur < 0 {
		next = 0
	}
	next = min(max(next, 0), n-1)
	t.cur = next
	if t.onChoose != nil {
		t.onChoose(next)
		return
	}
	t.ScrollTo(widget.TableCellID{Row: next, Col: 0})
}

// TypedKey moves the chosen row with ↓ ↑ (Page keys by ten) and passes
// the other keys to the table.
func (t *keyTable) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyDown:
		t.move(1)
	case fyne.KeyUp:
		t.move(-1)
	case fyne.KeyPageDown:
		t.move(10)
	case fyne.KeyPageUp:
		t.move(-10)
	case fyne.KeySpace:
		// Space also arrives as a rune, which TypedRune hands on.
	default:
		if t.onKey != nil && t.onKey(k) {
			return
		}
		t.Table.TypedKey(k)
	}
}

// TypedRune gives a letter to the screen, lower-cased.
func (t *keyTable) TypedRune(r rune) {
	if t.onRune != nil && t.onRune(unicode.ToLower(r)) {
		return
	}
	t.Table.TypedRune(r)
}
