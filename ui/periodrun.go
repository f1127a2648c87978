package ui

import (
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"

	"partnerdesk/engine"
	"partnerdesk/engine/i18n"
	"partnerdesk/engine/views"
)

func init() {
	RegisterScreen(ScreenSpec{Name: ScreenPeriodRun, Title: "Period run", IconName: theme.IconNameMediaPlay, Order: 50,
		New: func(sh *Shell) Screen {
			svc, ok := sh.Backend().(PeriodService)
			if !ok {
				return missingScreen("period run")
			}
			return NewPeriodRunScreen(sh.Window(), svc)
		}})
}

// Filter choices that mean "no filter".
const (
	allPrograms = "All programs"
	allStatuses = "All statuses"
)

// The review table's columns.
var runColumns = []string{"", "Program", "Rule", "Payee", "Amount", "Status", "Explanation"}

// PeriodRunScreen computes a period, shows its reward lines for review and
// approves, pays and closes.
type PeriodRunScreen struct {
	win fyne.Window
	svc PeriodService

	period   *widget.Entry
	state    *widget.Label
	problem  *widget.Label
	compute  *widget.Button
	approve  *widget.Button
	pay      *widget.Button
	closeBtn *widget.Button
	progress *widget.ProgressBar

	program *widget.Select
	payee   *widget.Entry
	status  *widget.Select
	chosen  *widget.Label
	table   *widget.Table
	detail  *widget.Label
	totals  *fyne.Container
	summary *widget.Label

	// The panel under the lines: totals per program, and what the last
	// compute changed (ui/changes.go).
	tabs       *container.AppTabs
	changes    *changesPanel
	changesTab *container.TabItem
	split      *container.Split

	review   views.PeriodReview
	format   numFmt
	shown    []int // indexes into review.Lines after filtering
	selected map[engine.ID]bool
	texts    map[engine.ID]string // rendered explanations

	// loads counts the loads started: a load's answer is shown only while
	// it is the latest, so a slow read started before a compute cannot
	// put the previous lines back after it (issue #15.9).
	loads int
	// pending is what the detail line says once the next period opened
	// (goToBlocker); otherwise a new period resets it to detailHint.
	pending string

	content fyne.CanvasObject
	worker
}

// NewPeriodRunScreen builds the period run and opens the current period.
func NewPeriodRunScreen(w fyne.Window, svc PeriodService) *PeriodRunScreen {
	s := &PeriodRunScreen{win: w, svc: svc, selected: map[engine.ID]bool{}, texts: map[engine.ID]string{}}
	s.build()
	s.background(func() {
		key, err := svc.RunPeriodKey()
		fyne.Do(func() {
			if err != nil {
				s.setProblem(err.Error())
				return
			}
			s.period.SetText(key)
			s.open(key)
		})
	})
	return s
}

// Content is the screen's root object.
func (s *PeriodRunScreen) Content() fyne.CanvasObject { return s.content }

// Shown reloads the period's lines and puts the keyboard on the period.
func (s *PeriodRunScreen) Shown() fyne.Focusable {
	if k := s.review.Period.Key; k != "" {
		s.open(k)
	}
	return s.period
}

// Command handles the shell's Refresh and Compute.
func (s *PeriodRunScreen) Command(c Command) bool {
	switch c {
	case CmdRefresh:
		s.open(strings.TrimSpace(s.period.Text))
		return true
	case CmdCompute:
		if s.compute.Disabled() {
			return false
		}
		s.onCompute()
		return true
	}
	return false
}

// It is long because it declares the period run's filters, table and
// buttons and their layout in one place, as Fyne screens are written; it
// holds no rule.
func (s *PeriodRunScreen) build() {
	s.period = widget.NewEntry()
	s.period.SetPlaceHolder("2026-07")
	s.period.OnSubmitted = func(k string) { s.open(strings.TrimSpace(k)) }
	s.state = widget.NewLabel("")
	s.problem = widget.NewLabel("")
	s.problem.Importance = widget.DangerImportance
	s.problem.Wrapping = fyne.TextWrapWord
	s.compute = widget.NewButtonWithIcon(T("Compute"), theme.MediaPlayIcon(), s.onCompute)
	s.compute.Importance = widget.HighImportance
	s.approve = widget.NewButtonWithIcon(T("Approve"), theme.ConfirmIcon(), s.onApprove)
	s.pay = widget.NewButtonWithIcon(T("Pay…"), theme.ContentAddIcon(), s.onPay)
	s.closeBtn = widget.NewButtonWithIcon(T("Close period…"), theme.CancelIcon(), s.onClose)
	s.progress = widget.NewProgressBar()
	s.progress.Hide()

	s.program = widget.NewSelect([]string{T(allPrograms)}, func(string) { s.filter() })
	s.program.SetSelected(T(allPrograms))
	s.status = widget.NewSelect([]string{T(allStatuses), lineStatusWord(engine.LineDraft), lineStatusWord(engine.LineApproved), lineStatusWord(engine.LinePaid)}, func(string) { s.filter() })
	s.status.SetSelected(T(allStatuses))
	s.payee = widget.NewEntry()
	s.payee.SetPlaceHolder(T("Payee contains…"))
	s.payee.OnChanged = func(string) { s.filter() }
	all := widget.NewButton(T("Select shown"), s.selectShown)
	none := widget.NewButton(T("Clear"), func() { s.selected = map[engine.ID]bool{}; s.selectionChanged() })
	s.chosen = widget.NewLabel("")

	s.table = widget.NewTableWithHeaders(
		func() (int, int) { return len(s.shown), len(runColumns) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.TableCellID, o fyne.CanvasObject) { s.cell(id, o.(*widget.Label)) },
	)
	s.table.ShowHeaderColumn = false
	s.table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	s.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 {
			l := o.(*widget.Label)
			l.Alignment = fyne.TextAlignLeading
			if id.Col == 4 {
				l.Alignment = fyne.TextAlignTrailing
			}
			l.SetText(tableText(runColumns[id.Col]))
		}
	}
	s.table.OnSelected = func(id widget.TableCellID) {
		s.table.UnselectAll()
		if id.Row >= 0 && id.Row < len(s.shown) {
			s.toggle(id.Row)
		}
	}
	s.detail = widget.NewLabel(T(detailHint))
	s.detail.Wrapping = fyne.TextWrapWord
	s.detail.Importance = widget.LowImportance
	s.totals = container.NewVBox()
	s.summary = widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})

	// Three short rows rather than two long ones, so that the screen fits
	// a 1024-pixel window beside the sidebar (issue #15.11): the period
	// and the actions; the filters; the period's state and the choice.
	periodBox := container.NewHBox(widget.NewLabel(T("Period")), container.NewGridWrap(fyne.NewSize(130, s.period.MinSize().Height), s.period))
	actions := container.NewHBox(s.compute, s.approve, s.pay, s.closeBtn)
	head := container.NewBorder(nil, nil, periodBox, actions)
	filters := container.NewHBox(widget.NewIcon(theme.SearchIcon()), s.program, s.status, container.NewGridWrap(fyne.NewSize(180, s.payee.MinSize().Height), s.payee))
	bar := container.NewBorder(nil, nil, filters, container.NewHBox(all, none))
	info := container.NewBorder(nil, nil, s.state, s.chosen)
	s.problem.Hide()
	top := container.NewVBox(head, s.progress, s.problem, bar, info)

	// The lines get most of the height; the explanation of the chosen line
	// and the totals per program share a panel under them that the user can
	// make taller with the split's handle.
	table := fitTable(s.table, []float32{30, 150, 120, 210, 120, 90, 240}, 6)
	totalsHead := container.NewBorder(nil, nil, sectionTitle(T("Totals per program")), nil, s.summary)
	totals := container.NewBorder(container.NewVBox(widget.NewSeparator(), totalsHead), nil, nil, nil, container.NewVScroll(s.totals))
	s.changes = newChangesPanel(s.onPickChange)
	s.changesTab = container.NewTabItem(T("What changed"), s.changes.content)
	s.tabs = container.NewAppTabs(container.NewTabItem(T("Totals per program"), totals), s.changesTab)
	s.tabs.OnSelected = func(t *container.TabItem) {
		if t == s.changesTab {
			s.roomForChanges()
		}
	}
	panel := container.NewBorder(s.detail, nil, nil, nil, s.tabs)
	s.split = container.NewVSplit(table, panel)
	s.split.Offset = 0.66
	s.content = container.NewBorder(top, nil, nil, nil, s.split)
	s.enable()
}

// setProblem shows text under the actions, or hides the line when it is
// empty so that it takes no room.
func (s *PeriodRunScreen) setProblem(text string) {
	s.problem.SetText(text)
	if text == "" {
		s.problem.Hide()
	} else {
		s.problem.Show()
	}
}

// detailHint is the explanation panel before a line is chosen.
const detailHint = "Click a line (or move to it with the arrow keys and press Space) to choose it and read its whole explanation here."

// open validates key through the service and loads its lines. Only the
// latest load is shown: an older one that answers late is dropped.
func (s *PeriodRunScreen) open(key string) {
	s.setProblem("")
	s.loads++
	load := s.loads
	s.background(func() {
		info, err := s.svc.PeriodInfo(key)
		if err != nil {
			fyne.Do(func() {
				if load == s.loads {
					s.setProblem(err.Error())
				}
			})
			return
		}
		r, err := s.svc.Review(info.Key)
		cs, csErr := s.loadChanges(info.Key)
		fyne.Do(func() {
			if load != s.loads {
				return // a later load (a compute, another period) answers
			}
			if err != nil {
				s.setProblem(Tf("Could not read the lines of %s: %v", info.Key, err))
				return
			}
			s.show(r)
			s.showChanges(cs, csErr)
		})
	})
}

func (s *PeriodRunScreen) show(r views.PeriodReview) {
	if r.Period.Key != s.review.Period.Key {
		// Another period: nothing chosen, and the explanation panel no
		// longer shows a line of the previous one (issue #15.9).
		s.selected = map[engine.ID]bool{}
		s.detail.Importance = widget.LowImportance
		s.detail.SetText(T(detailHint))
	}
	if s.pending != "" {
		s.detail.Importance = widget.WarningImportance
		s.detail.SetText(s.pending)
		s.pending = ""
	}
	s.review = r
	s.format = numFmt{lang: Lang(), cur: r.Currency}
	s.period.SetText(r.Period.Key)
	span := i18n.Date(r.Period.Start, Lang()) + " – " + i18n.Date(r.Period.End, Lang())
	if r.Period.Closed {
		s.state.SetText(Tf("%s · closed", span))
		s.state.Importance = widget.WarningImportance
	} else {
		s.state.SetText(Tf("%s · open", span))
		s.state.Importance = widget.SuccessImportance
	}
	s.state.Refresh()
	s.texts = make(map[engine.ID]string, len(r.Lines))
	names := map[string]bool{}
	for _, l := range r.Lines {
		// The back end renders explanations in the company's language;
		// the window shows them in its own, from the stored key and args.
		t := l.Explanation
		if l.Line.Explanation.Key != "" || t == "" {
			t = i18n.Explain(l.Line.Explanation, Lang())
		}
		s.texts[l.Line.ID] = t
		names[l.Program] = true
	}
	// Drop choices of lines that are gone or changed status elsewhere.
	for id := range s.selected {
		if _, ok := s.texts[id]; !ok {
			delete(s.selected, id)
		}
	}
	opts := []string{T(allPrograms)}
	for _, t := range r.Totals {
		if names[t.Program] {
			opts = append(opts, t.Program)
			delete(names, t.Program)
		}
	}
	rest := make([]string, 0, len(names))
	for n := range names {
		rest = append(rest, n)
	}
	sort.Strings(rest)
	s.program.Options = append(opts, rest...)
	if !contains(s.program.Options, s.program.Selected) {
		s.program.SetSelected(T(allPrograms))
	}
	s.program.Refresh()
	s.showTotals()
	s.filter()
	s.enable()
}

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// filter recomputes which lines are shown.
func (s *PeriodRunScreen) filter() {
	if s.table == nil {
		return
	}
	prog, st := s.program.Selected, s.status.Selected
	q := strings.ToLower(strings.TrimSpace(s.payee.Text))
	s.shown = s.shown[:0]
	for i, l := range s.review.Lines {
		if prog != "" && prog != T(allPrograms) && l.Program != prog {
			continue
		}
		if st != "" && st != T(allStatuses) && lineStatusWord(l.Line.Status) != st {
			continue
		}
		if q != "" && !strings.Contains(strings.ToLower(l.Payee), q) {
			continue
		}
		s.shown = append(s.shown, i)
	}
	s.table.Refresh()
	s.selectionChanged()
}

func (s *PeriodRunScreen) cell(id widget.TableCellID, l *widget.Label) {
	if id.Row >= len(s.shown) {
		l.SetText("")
		return
	}
	rl := s.review.Lines[s.shown[id.Row]]
	l.Alignment = fyne.TextAlignLeading
	l.Truncation = fyne.TextTruncateEllipsis
	l.Importance = widget.MediumImportance
	l.TextStyle = fyne.TextStyle{}
	switch id.Col {
	case 0:
		if s.selected[rl.Line.ID] {
			l.SetText("☑")
		} else {
			l.SetText("☐")
		}
	case 1:
		l.SetText(rl.Program)
	case 2:
		l.SetText(rl.Rule)
	case 3:
		l.SetText(rl.Payee)
	case 4:
		l.Alignment = fyne.TextAlignTrailing
		l.TextStyle = fyne.TextStyle{Monospace: false, Bold: rl.Line.Adjustment != nil}
		l.SetText(s.amount(rl.Line))
	case 5:
		switch rl.Line.Status {
		case engine.LineApproved:
			l.Importance = widget.HighImportance
		case engine.LinePaid:
			l.Importance = widget.SuccessImportance
		}
		l.SetText(lineStatusWord(rl.Line.Status))
	case 6:
		t := s.texts[rl.Line.ID]
		if rl.Line.Adjustment != nil {
			t = Tf("Adjustment of %s", rl.Line.Adjustment.OriginalPeriod) + " · " + t
		}
		l.SetText(t)
	}
}

// amount is a line's money or points as the table shows it.
func (s *PeriodRunScreen) amount(l engine.RewardLine) string {
	if l.Unit == engine.UnitPoints {
		return s.format.points(l.Points)
	}
	return s.format.money(l.Amount)
}

// toggle chooses or drops the shown line at row and shows its explanation.
func (s *PeriodRunScreen) toggle(row int) {
	rl := s.review.Lines[s.shown[row]]
	id := rl.Line.ID
	if s.selected[id] {
		delete(s.selected, id)
	} else {
		s.selected[id] = true
	}
	s.detail.Importance = widget.MediumImportance
	s.detail.SetText(Tf("%s · %s · %s · %s\n%s", rl.Program, rl.Rule, rl.Payee, s.amount(rl.Line), s.texts[id]))
	s.table.RefreshItem(widget.TableCellID{Row: row, Col: 0})
	s.selectionChanged()
}

func (s *PeriodRunScreen) selectShown() {
	for _, i := range s.shown {
		s.selected[s.review.Lines[i].Line.ID] = true
	}
	s.table.Refresh()
	s.selectionChanged()
}

// chosenLines returns the selected lines, in review order.
func (s *PeriodRunScreen) chosenLines() []views.ReviewedLine {
	var out []views.ReviewedLine
	for _, l := range s.review.Lines {
		if s.selected[l.Line.ID] {
			out = append(out, l)
		}
	}
	return out
}

func (s *PeriodRunScreen) selectionChanged() {
	lines := s.chosenLines()
	if len(lines) == 0 {
		s.chosen.SetText(Tf("%d of %d lines shown", len(s.shown), len(s.review.Lines)))
	} else {
		sum, pts := decimal.Zero, int64(0)
		for _, l := range lines {
			sum = sum.Add(l.Line.Amount)
			pts += l.Line.Points
		}
		text := Tf("%d chosen · %s", len(lines), s.format.money(sum))
		if pts != 0 {
			text += " · " + s.format.points(pts)
		}
		s.chosen.SetText(text)
	}
	s.table.Refresh()
	s.enable()
}

// enable greys out what the period's state does not allow.
func (s *PeriodRunScreen) enable() {
	closed := s.review.Period.Closed || s.review.Period.Key == ""
	running := s.progress.Visible()
	set := func(b *widget.Button, on bool) {
		if on {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	set(s.compute, !closed && !running)
	set(s.approve, !closed && !running && len(s.review.Lines) > 0)
	// A closed period has nothing left to pay: closing needs every money
	// line paid.
	set(s.pay, !closed && !running && len(s.review.Lines) > 0)
	set(s.closeBtn, !closed && !running)
}

func (s *PeriodRunScreen) showTotals() {
	s.totals.RemoveAll()
	f := s.format
	for _, t := range s.review.Totals {
		name := widget.NewLabelWithStyle(t.Program, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		name.Truncation = fyne.TextTruncateEllipsis
		amount := f.money(t.Amount)
		if t.Points != 0 {
			amount += " · " + f.points(t.Points)
		}
		budget := T("no budget")
		if t.Budget.IsPositive() {
			budget = Tf("spent %s of %s", f.money(t.Spent), f.money(t.Budget))
		}
		right := widget.NewLabel(budget)
		right.Importance = widget.LowImportance
		if t.Over {
			right.Importance = widget.DangerImportance
		}
		amt := widget.NewLabelWithStyle(amount, fyne.TextAlignTrailing, fyne.TextStyle{})
		// The budget text takes its own width (a fixed 300 px cut it at
		// 1024 px); the meter gets what is left.
		row := container.NewBorder(nil, nil,
			container.NewGridWrap(fyne.NewSize(180, name.MinSize().Height), name),
			container.NewHBox(container.NewGridWrap(fyne.NewSize(max(200, amt.MinSize().Width), amt.MinSize().Height), amt), right),
			NewMeter(t.Spent, t.Budget))
		s.totals.Add(row)
	}
	text := Tf("%d lines · %s", len(s.review.Lines), f.money(s.review.Money))
	if s.review.Points != 0 {
		text += " · " + f.points(s.review.Points)
	}
	s.summary.SetText(text)
}

// loadChanges reads what the last compute of period changed, when the back
// end keeps it (off the UI goroutine).
func (s *PeriodRunScreen) loadChanges(period string) (views.ChangeReport, error) {
	cs, ok := s.svc.(ChangesService)
	if !ok {
		return views.ChangeReport{Period: period}, nil
	}
	return cs.Changes(period)
}

// showChanges fills the What changed tab and counts its rows in its title.
func (s *PeriodRunScreen) showChanges(list views.ChangeReport, err error) {
	s.changes.show(list, err, s.format)
	title := T("What changed")
	if n := s.changes.count(); n > 0 {
		title = Tf("What changed (%d)", n)
	}
	if s.changesTab.Text != title {
		s.changesTab.Text = title
		s.tabs.Refresh()
	}
}

// roomForChanges gives the What changed tab half the height at least, so
// that it shows more than a row or two.
func (s *PeriodRunScreen) roomForChanges() {
	if s.split.Offset > 0.5 {
		s.split.SetOffset(0.5)
	}
}

// onPickChange shows the lines behind a change: its program and payee.
func (s *PeriodRunScreen) onPickChange(r views.ChangeView) {
	if contains(s.program.Options, r.Program) {
		s.program.SetSelected(r.Program)
	} else {
		s.program.SetSelected(T(allPrograms))
	}
	s.status.SetSelected(T(allStatuses))
	s.payee.SetText(r.Payee)
	s.detail.Importance = widget.MediumImportance
	s.detail.SetText(Tf("%s · %s · %s: %s → %s (%s); the lines show this payee's.",
		r.Program, r.Rule, r.Payee, s.changeFigure(r.Change, false), s.changeFigure(r.Change, true), r.Reason))
}

// changeFigure is a change's old or new figure as the detail line shows it.
func (s *PeriodRunScreen) changeFigure(c engine.Change, newer bool) string {
	if c.Unit == engine.UnitPoints || c.OldPoints != 0 || c.NewPoints != 0 {
		if newer {
			return s.format.points(c.NewPoints)
		}
		return s.format.points(c.OldPoints)
	}
	if newer {
		return s.format.money(c.NewAmount)
	}
	return s.format.money(c.OldAmount)
}

// lineStatusWord is a reward line's status (draft, approved, paid) in the
// window's language.
func lineStatusWord(st engine.LineStatus) string {
	switch st {
	case engine.LineDraft:
		return T("draft|line")
	case engine.LineApproved:
		return T("approved|line")
	case engine.LinePaid:
		return T("paid|line")
	}
	return string(st)
}
