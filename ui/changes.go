package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"partnerdesk/engine"
	"partnerdesk/engine/i18n"
	"partnerdesk/engine/views"
)

// ChangesService says what the last compute of a period changed. The
// period run screen finds it on the back end by type assertion, so a back
// end without it still opens the screen (without the What changed tab's
// rows).
type ChangesService interface {
	// Changes returns what the last compute of period changed, per payee
	// and rule, its summary and reasons worded.
	Changes(period string) (views.ChangeReport, error)
}

// The What changed table's columns.
var changeColumns = []string{"Payee", "Program", "Rule", "Old", "New", "Difference", "Reason"}

// changesPanel lists what the last compute of the shown period changed,
// beside the lines of the period run.
type changesPanel struct {
	head  *widget.Label
	table *widget.Table
	list  views.ChangeReport
	f     numFmt
	// onPick is called with a change the user chose (the run screen then
	// shows that payee's lines).
	onPick  func(views.ChangeView)
	content fyne.CanvasObject
}

func newChangesPanel(onPick func(views.ChangeView)) *changesPanel {
	p := &changesPanel{onPick: onPick}
	p.head = widget.NewLabel(T("Compute the period to see what changed since the last compute."))
	// One line, the summary first: the rows get the height.
	p.head.Truncation = fyne.TextTruncateEllipsis
	p.table = widget.NewTableWithHeaders(
		func() (int, int) { return len(p.list.Changes), len(changeColumns) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.TableCellID, o fyne.CanvasObject) { p.cell(id, o.(*widget.Label)) },
	)
	p.table.ShowHeaderColumn = false
	p.table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	p.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 {
			l := o.(*widget.Label)
			l.Alignment = fyne.TextAlignLeading
			if id.Col >= 3 && id.Col <= 5 {
				l.Alignment = fyne.TextAlignTrailing
			}
			l.SetText(tableText(changeColumns[id.Col]))
		}
	}
	p.table.OnSelected = func(id widget.TableCellID) {
		p.table.UnselectAll()
		if id.Row >= 0 && id.Row < len(p.list.Changes) && p.onPick != nil {
			p.onPick(p.list.Changes[id.Row])
		}
	}
	table := fitTable(p.table, []float32{200, 140, 120, 120, 120, 120, 200}, 6)
	p.content = container.NewBorder(p.head, nil, nil, nil, table)
	return p
}

// show puts a period's changes (or the error reading them) in the panel.
func (p *changesPanel) show(list views.ChangeReport, err error, f numFmt) {
	p.f = f
	if err != nil {
		p.list = views.ChangeReport{}
		p.head.Importance = widget.DangerImportance
		p.head.SetText(Tf("Could not read what changed: %v", err))
		p.table.Refresh()
		return
	}
	p.list = list
	p.head.Importance = widget.MediumImportance
	p.head.SetText(p.heading())
	p.table.Refresh()
}

// heading says which compute the list compares with what, and sums it up.
func (p *changesPanel) heading() string {
	l := p.list
	if !l.Computed {
		return Tf("%s has not been computed since changes are recorded: Compute, and what it changes shows here.", l.Period)
	}
	when := i18n.Date(engine.DateOf(l.ComputedAt), p.f.lang) + " " + l.ComputedAt.Format("15:04")
	since := T("the compute before it")
	switch {
	case l.First:
		since = T("nothing: it was the first compute of the period")
	case !l.PreviousAt.IsZero():
		since = Tf("the compute of %s", i18n.Date(engine.DateOf(l.PreviousAt), p.f.lang)+" "+l.PreviousAt.Format("15:04"))
	}
	by := ""
	if l.ComputedBy != "" {
		by = " " + Tf("by %s", l.ComputedBy)
	}
	return Tf("%s · compute of %s%s against %s", l.SummaryText, when, by, since)
}

// count is the number the tab shows.
func (p *changesPanel) count() int { return len(p.list.Changes) }

func (p *changesPanel) cell(id widget.TableCellID, l *widget.Label) {
	l.Alignment = fyne.TextAlignLeading
	l.Truncation = fyne.TextTruncateEllipsis
	l.Importance = widget.MediumImportance
	if id.Row >= len(p.list.Changes) {
		l.SetText("")
		return
	}
	r := p.list.Changes[id.Row]
	c := r.Change
	points := c.Unit == engine.UnitPoints || c.OldPoints != 0 || c.NewPoints != 0
	switch id.Col {
	case 0:
		l.SetText(r.Payee)
	case 1:
		l.SetText(r.Program)
	case 2:
		l.SetText(r.Rule)
	case 3, 4:
		l.Alignment = fyne.TextAlignTrailing
		amount, pts := c.OldAmount, c.OldPoints
		if id.Col == 4 {
			amount, pts = c.NewAmount, c.NewPoints
		}
		if points {
			l.SetText(p.f.points(pts))
		} else {
			l.SetText(p.f.money(amount))
		}
	case 5:
		l.Alignment = fyne.TextAlignTrailing
		var sign int
		if points {
			d := c.PointsDifference()
			l.SetText(signedPoints(p.f, d))
			sign = cmpInt64(d)
		} else {
			d := c.Difference()
			l.SetText(signed(p.f, d))
			sign = d.Sign()
		}
		switch {
		case sign > 0:
			l.Importance = widget.SuccessImportance
		case sign < 0:
			l.Importance = widget.DangerImportance
		}
	case 6:
		l.SetText(r.Reason)
	}
}

// signedPoints is signed for points.
func signedPoints(f numFmt, n int64) string {
	if n > 0 {
		return "+" + f.points(n)
	}
	return f.points(n)
}

func cmpInt64(n int64) int {
	switch {
	case n > 0:
		return 1
	case n < 0:
		return -1
	}
	return 0
}
