package reports

// Tables on a statement or a self-billed invoice: columns fitted to their
// longest word, rows wrapped at spaces, a table kept with its heading and
// tail so that no page holds an orphan row.

// column is one column of a table.
type column struct {
	head  string
	w     float64
	right bool
	// flex marks the one column that gives up width to the others, so
	// that no word of theirs (a status, an invoice number) has to break.
	flex bool
}

// row is one table row: a text per column, and whether it is a total.
type row struct {
	cells  []string
	total  bool
	indent bool // the first cell is a part of the row above it
}

// minFlex is the narrowest a flexible column gets when the others widen.
const minFlex = 45.0

// fitColumns widens each column whose longest word (or head word) does
// not fit, taking the width from the flexible column while it keeps
// minFlex, so words break only when they could not fit at all.
func (l *layout) fitColumns(cols []column, rows []row) []column {
	flex := -1
	for i, c := range cols {
		if c.flex {
			flex = i
		}
	}
	if flex < 0 {
		return cols
	}
	out := append([]column(nil), cols...)
	for j := range out {
		if j == flex {
			continue
		}
		need := 0.0
		measure := func(s string, bold bool) {
			l.t.set(bodySize, bold)
			for _, tok := range tokens(clean(s)) {
				if w := l.t.width(tok) + 2*cellPad + 0.2; w > need {
					need = w
				}
			}
		}
		measure(out[j].head, true)
		for _, r := range rows {
			in := 0.0
			if j == 0 && r.indent {
				in = indentW
			}
			before := need
			measure(r.cells[j], r.total)
			if need > before {
				need += in
			}
		}
		if extra := need - out[j].w; extra > 0 {
			give := out[flex].w - minFlex
			if extra > give {
				extra = give
			}
			if extra > 0 {
				out[j].w += extra
				out[flex].w -= extra
			}
		}
	}
	return out
}

// wrapRows wraps every cell of rows in its column and returns the lines
// and the height of each row.
func (l *layout) wrapRows(cols []column, rows []row) ([][][]string, []float64) {
	lh := lineH(bodySize)
	wrapped := make([][][]string, len(rows))
	heights := make([]float64, len(rows))
	for i, r := range rows {
		l.t.set(bodySize, r.total)
		wrapped[i] = make([][]string, len(cols))
		n := 1
		for j, c := range cols {
			w := c.w - 2*cellPad
			if j == 0 && r.indent {
				w -= indentW
			}
			wrapped[i][j] = l.t.wrap(clean(r.cells[j]), w)
			if len(wrapped[i][j]) > n {
				n = len(wrapped[i][j])
			}
		}
		heights[i] = float64(n)*lh + 2*cellPad
	}
	return wrapped, heights
}

// tableHeight is the height of a whole table with its heading, as table
// draws it on one page.
func (l *layout) tableHeight(cols []column, rows []row, withHeading bool) float64 {
	cols = l.fitColumns(cols, rows)
	_, heights := l.wrapRows(cols, rows)
	_, headH := l.wrapHead(cols)
	h := headH + 2
	for _, x := range heights {
		h += x
	}
	if withHeading {
		h += lineH(headingSize) + 3
	}
	return h
}

// keepRows is how many rows end a table together: its last two rows and
// the total, so a page never holds a total row alone.
const keepRows = 3

// table draws rows with a header, wrapping every cell, repeating the header
// on each new page. Its last keepRows rows stay together, and with tail mm
// of what follows the table (a block that must not stand alone).
func (l *layout) table(section, title string, cols []column, rows []row, tail float64) {
	cols = l.fitColumns(cols, rows)
	lh := lineH(bodySize)
	wrapped, heights := l.wrapRows(cols, rows)
	heads, headH := l.wrapHead(cols)
	// The heading keeps with the head and the first row, or with the
	// whole table when it is no longer than its kept end.
	first := headH
	keepFrom := len(rows) - keepRows
	if keepFrom <= 0 {
		keepFrom = 0
		for _, h := range heights {
			first += h
		}
		first += 2 + tail
	} else if len(heights) > 0 {
		first += heights[0]
	}
	l.heading(section, title, first)
	l.tableHead(section, cols, heads, headH)
	p := l.pdf()
	for i, r := range rows {
		need := heights[i]
		if i == keepFrom && i > 0 {
			for _, h := range heights[i+1:] {
				need += h
			}
			need += 2 + tail
		}
		if l.need(need) {
			l.t.set(headingSize, true)
			l.color(colAccent)
			l.t.text(marginL, l.y+ascent(headingSize), title+" "+l.f.label("continued"))
			l.y += lineH(headingSize) + 1
			l.mark("continued", section)
			l.tableHead(section, cols, heads, headH)
		}
		if r.total {
			p.SetFillColor(colTotalBg[0], colTotalBg[1], colTotalBg[2])
			p.Rect(marginL, l.y, contentW, heights[i], "F")
		}
		l.t.set(bodySize, r.total)
		l.color(colInk)
		x := marginL
		for j, c := range cols {
			y := l.y + cellPad + ascent(bodySize)
			in := 0.0
			if j == 0 && r.indent {
				in = indentW
			}
			for _, s := range wrapped[i][j] {
				if c.right {
					l.t.textRight(x+c.w-cellPad, y, s)
				} else {
					l.t.text(x+cellPad+in, y, s)
				}
				y += lh
			}
			x += c.w
		}
		l.y += heights[i]
		l.rule(l.y, colRule)
		if r.total {
			l.mark("total", section)
		} else {
			l.mark("row", section)
		}
	}
	l.y += 2
}

func hasHead(cols []column) bool {
	for _, c := range cols {
		if c.head != "" {
			return true
		}
	}
	return false
}

// wrapHead wraps the column heads; a table with no heads has height 0.
func (l *layout) wrapHead(cols []column) ([][]string, float64) {
	if !hasHead(cols) {
		return nil, 0
	}
	l.t.set(bodySize, true)
	heads := make([][]string, len(cols))
	n := 1
	for i, c := range cols {
		heads[i] = l.t.wrap(c.head, c.w-2*cellPad)
		if len(heads[i]) > n {
			n = len(heads[i])
		}
	}
	return heads, float64(n)*lineH(bodySize) + 2*cellPad
}

func (l *layout) tableHead(section string, cols []column, heads [][]string, h float64) {
	if h == 0 {
		return
	}
	p := l.pdf()
	p.SetFillColor(colHeadBg[0], colHeadBg[1], colHeadBg[2])
	p.Rect(marginL, l.y, contentW, h, "F")
	l.t.set(bodySize, true)
	l.color(colInk)
	x := marginL
	for i, c := range cols {
		y := l.y + cellPad + ascent(bodySize)
		for _, s := range heads[i] {
			if c.right {
				l.t.textRight(x+c.w-cellPad, y, s)
			} else {
				l.t.text(x+cellPad, y, s)
			}
			y += lineH(bodySize)
		}
		x += c.w
	}
	l.y += h
	l.mark("head", section)
}

// none prints that a section is empty, keeping tail mm of what follows
// on the same page.
func (l *layout) none(section, title string, tail float64) {
	l.heading(section, title, lineH(bodySize)+2+tail)
	l.t.set(bodySize, false)
	l.color(colMuted)
	l.t.text(marginL, l.y+ascent(bodySize), l.f.label("none"))
	l.y += lineH(bodySize) + 2
	l.mark("row", section)
}
