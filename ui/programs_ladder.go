package ui

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"

	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// LadderService defines the tier ladder: levels in order (the first is
// the lowest) with the criteria a partner meets over the trailing window.
// Every change is refused with a *engine.ValidationError (field "name",
// "position", "window_months"...) or an error whose text names the
// partners and programs that hold or name a level.
type LadderService interface {
	Ladder() (engine.TierLadder, error)
	AddTier(name string, at int, c engine.TierCriteria) (engine.TierLadder, error)
	SetTierCriteria(name string, c engine.TierCriteria) (engine.TierLadder, error)
	SetLadderWindow(months int) (engine.TierLadder, error)
	MoveTier(name string, to int) (engine.TierLadder, error)
	RemoveTier(name string) (engine.TierLadder, error)
	RenameTier(old, new string) (views.RenameResult, error)
	// ParseAmount reads a typed amount (revenue and units thresholds).
	ParseAmount(field, text string) (decimal.Decimal, error)
}

var ladderColumns = []string{"#", "Level", "Revenue", "Units", "Certifications", "Won registrations", "Activity points"}

// ladderTab shows and edits the tier ladder.
type ladderTab struct {
	win fyne.Window
	svc LadderService
	bg  func(func())
	fmt func() numFmt // the company's number format

	ladder   engine.TierLadder
	selected int // index of the level on the form; -1 for none

	table   *widget.Table
	window  *widget.Entry
	form    *widget.Form
	name    *widget.Entry
	crit    [5]*widget.Entry // revenue, units, certifications, won registrations, activity points
	message *widget.Label
	content fyne.CanvasObject
}

// The ladder form's labels, in the order of ladderTab.crit after Name.
var ladderLabels = []string{"Revenue", "Units", "Certifications", "Won registrations", "Activity points"}

func newLadderTab(w fyne.Window, svc LadderService, bg func(func()), format func() numFmt) *ladderTab {
	t := &ladderTab{win: w, svc: svc, bg: bg, fmt: format, selected: -1}
	t.table = widget.NewTableWithHeaders(
		func() (int, int) { return len(t.ladder.Levels), len(ladderColumns) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.TableCellID, o fyne.CanvasObject) { t.cell(id, o.(*widget.Label)) })
	t.table.ShowHeaderColumn = false
	t.table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	t.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 {
			o.(*widget.Label).SetText(tableText(ladderColumns[id.Col]))
		}
	}
	for i, wd := range []float32{30, 100, 90, 60, 105, 135, 110} {
		t.table.SetColumnWidth(i, wd)
	}
	t.table.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(t.ladder.Levels) {
			t.show(id.Row)
		}
	}
	t.window = widget.NewEntry()
	t.window.SetPlaceHolder("12")
	t.window.OnSubmitted = func(string) { t.onWindow() }
	t.name = widget.NewEntry()
	t.name.SetPlaceHolder(T("e.g. Gold"))
	items := []*widget.FormItem{widget.NewFormItem(T("Name"), t.name)}
	for i := range t.crit {
		t.crit[i] = widget.NewEntry()
		t.crit[i].SetPlaceHolder("0")
		t.crit[i].OnSubmitted = func(string) { t.onSaveCriteria() }
		items = append(items, widget.NewFormItem(tableText(ladderLabels[i]), t.crit[i]))
	}
	for _, it := range items {
		it.HintText = noHint // drawn from the start (see buildEditor)
	}
	t.form = widget.NewForm(items...)
	t.message = widget.NewLabel(T("Levels from the lowest (what a partner without tier history holds) to the highest. A partner reaches a level by meeting all its criteria over the trailing window."))
	t.message.Wrapping = fyne.TextWrapWord

	buttons := container.NewGridWithColumns(3,
		widget.NewButtonWithIcon(T("Add level"), theme.ContentAddIcon(), t.onAdd),
		widget.NewButtonWithIcon(T("Save criteria"), theme.DocumentSaveIcon(), t.onSaveCriteria),
		widget.NewButtonWithIcon(T("Rename to Name"), theme.DocumentCreateIcon(), t.onRename),
		widget.NewButtonWithIcon(T("Move up"), theme.MoveUpIcon(), func() { t.onMove(+1) }),
		widget.NewButtonWithIcon(T("Move down"), theme.MoveDownIcon(), func() { t.onMove(-1) }),
		widget.NewButtonWithIcon(T("Remove"), theme.DeleteIcon(), t.onRemove),
	)
	windowRow := container.NewHBox(widget.NewLabel(T("Trailing window (months)")),
		container.NewGridWrap(fyne.NewSize(70, t.window.MinSize().Height), t.window),
		widget.NewButton(T("Set"), t.onWindow))
	right := container.NewVScroll(container.NewVBox(windowRow, t.form, buttons, t.message))
	split := container.NewHSplit(t.table, container.NewPadded(right))
	split.Offset = 0.62
	t.content = split
	return t
}

func (t *ladderTab) cell(id widget.TableCellID, l *widget.Label) {
	if id.Row >= len(t.ladder.Levels) {
		l.SetText("")
		return
	}
	lv := t.ladder.Levels[id.Row]
	c := lv.Criteria
	l.Alignment = fyne.TextAlignTrailing
	switch id.Col {
	case 0:
		l.SetText(strconv.Itoa(id.Row + 1))
	case 1:
		l.Alignment = fyne.TextAlignLeading
		l.SetText(lv.Name)
	case 2:
		l.SetText(i18nNumber(c.Revenue, t.fmt()))
	case 3:
		l.SetText(i18nNumber(c.Units, t.fmt()))
	case 4:
		l.SetText(strconv.Itoa(c.Certifications))
	case 5:
		l.SetText(strconv.Itoa(c.WonRegistrations))
	case 6:
		l.SetText(strconv.Itoa(c.ActivityPoints))
	}
}

// load reads the ladder and shows level name (or the form empty).
func (t *ladderTab) load(name string) {
	t.bg(func() {
		l, err := t.svc.Ladder()
		fyne.Do(func() {
			if err != nil {
				t.message.SetText(Tf("Could not read the tier ladder: %v", err))
				return
			}
			t.set(l, name)
		})
	})
}

func (t *ladderTab) set(l engine.TierLadder, name string) {
	t.ladder = l
	t.table.Refresh()
	months := l.WindowMonths
	if months == 0 {
		months = 12
	}
	t.window.SetText(strconv.Itoa(months))
	t.selected = -1
	for i, lv := range l.Levels {
		if lv.Name == name {
			t.table.Select(widget.TableCellID{Row: i, Col: 1})
			t.show(i)
			return
		}
	}
}

func (t *ladderTab) show(i int) {
	t.selected = i
	c := t.ladder.Levels[i].Criteria
	t.name.SetText(t.ladder.Levels[i].Name)
	t.crit[0].SetText(c.Revenue.String())
	t.crit[1].SetText(c.Units.String())
	t.crit[2].SetText(strconv.Itoa(c.Certifications))
	t.crit[3].SetText(strconv.Itoa(c.WonRegistrations))
	t.crit[4].SetText(strconv.Itoa(c.ActivityPoints))
	t.hints(nil)
}

// hints puts each message beside its field ("Name", "Revenue"...).
func (t *ladderTab) hints(h map[string]string) {
	for _, it := range t.form.Items {
		it.HintText = noHint
		// h is keyed by the English label; the form shows it translated.
		for k, r := range h {
			if k != "" && r != "" && tableText(k) == it.Text {
				it.HintText = r
			}
		}
	}
	t.form.Refresh()
}

// criteria reads the form; bad fields come back by label.
func (t *ladderTab) criteria() (engine.TierCriteria, map[string]string) {
	var c engine.TierCriteria
	bad := map[string]string{}
	amount := func(i int) decimal.Decimal {
		s := strings.TrimSpace(t.crit[i].Text)
		if s == "" {
			return decimal.Zero
		}
		d, err := t.svc.ParseAmount(strings.ToLower(ladderLabels[i]), s)
		if err != nil {
			if by, ok := fieldErrors(err); ok {
				for _, r := range by {
					bad[ladderLabels[i]] = r
				}
			} else {
				bad[ladderLabels[i]] = err.Error()
			}
		}
		return d
	}
	count := func(i int) int {
		s := strings.TrimSpace(t.crit[i].Text)
		if s == "" {
			return 0
		}
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 {
			bad[ladderLabels[i]] = "a whole number, 0 or more"
		}
		return n
	}
	c.Revenue, c.Units = amount(0), amount(1)
	c.Certifications, c.WonRegistrations, c.ActivityPoints = count(2), count(3), count(4)
	return c, bad
}

// done shows a change's result: the new ladder, or the refusal beside its
// field, or in one dialog with the service's words.
func (t *ladderTab) done(what, keep string, l engine.TierLadder, err error) {
	if err != nil {
		if by, ok := fieldErrors(err); ok {
			h := map[string]string{}
			for f, r := range by {
				switch strings.ToLower(f) {
				case "name", "levels":
					h["Name"] = r
				case "revenue":
					h["Revenue"] = r
				case "units":
					h["Units"] = r
				case "certifications":
					h["Certifications"] = r
				case "won_registrations":
					h["Won registrations"] = r
				case "activity_points":
					h["Activity points"] = r
				default:
					h[""] = f + ": " + r
				}
			}
			if h[""] == "" {
				t.hints(h)
				t.message.SetText(Tf("%s refused.", what))
				return
			}
		}
		t.message.SetText(Tf("%s refused.", what))
		showErr(fmt.Errorf("%s: %w", what, err), t.win)
		return
	}
	t.message.SetText(Tf("%s saved.", what))
	t.set(l, keep)
}

func (t *ladderTab) onAdd() {
	name := strings.TrimSpace(t.name.Text)
	c, bad := t.criteria()
	if len(bad) > 0 {
		t.hints(bad)
		return
	}
	t.bg(func() {
		l, err := t.svc.AddTier(name, 0, c)
		fyne.Do(func() { t.done(Tf("Adding level %s", name), name, l, err) })
	})
}

func (t *ladderTab) current() (string, bool) {
	if t.selected < 0 || t.selected >= len(t.ladder.Levels) {
		t.message.SetText(T("Choose a level in the table first."))
		return "", false
	}
	return t.ladder.Levels[t.selected].Name, true
}

func (t *ladderTab) onSaveCriteria() {
	name, ok := t.current()
	if !ok {
		return
	}
	c, bad := t.criteria()
	if len(bad) > 0 {
		t.hints(bad)
		return
	}
	t.bg(func() {
		l, err := t.svc.SetTierCriteria(name, c)
		fyne.Do(func() { t.done(Tf("The criteria of %s", name), name, l, err) })
	})
}

func (t *ladderTab) onRename() {
	old, ok := t.current()
	if !ok {
		return
	}
	name := strings.TrimSpace(t.name.Text)
	t.bg(func() {
		res, err := t.svc.RenameTier(old, name)
		fyne.Do(func() {
			t.done(Tf("Renaming %s to %s", old, name), name, res.Ladder, err)
			if err == nil {
				t.message.SetText(Tf("Renamed %s to %s: %d tier history records and %d programs (%s) carried through.",
					old, name, res.TierChanges, len(res.Programs), strings.Join(res.Programs, ", ")))
			}
		})
	})
}

// onMove moves the level by one place: +1 up (higher), -1 down.
func (t *ladderTab) onMove(by int) {
	name, ok := t.current()
	if !ok {
		return
	}
	to := t.selected + 1 + by
	t.bg(func() {
		l, err := t.svc.MoveTier(name, to)
		fyne.Do(func() { t.done(Tf("Moving %s", name), name, l, err) })
	})
}

func (t *ladderTab) onRemove() {
	name, ok := t.current()
	if !ok {
		return
	}
	showConfirm(T("Remove level"), Tf("Remove the level %s from the ladder?", name), func(yes bool) {
		if !yes {
			return
		}
		t.bg(func() {
			l, err := t.svc.RemoveTier(name)
			fyne.Do(func() { t.done(Tf("Removing %s", name), "", l, err) })
		})
	}, t.win)
}

func (t *ladderTab) onWindow() {
	n, err := strconv.Atoi(strings.TrimSpace(t.window.Text))
	if err != nil {
		t.message.SetText(T("The trailing window is a whole number of months, 1 to 120."))
		return
	}
	keep := ""
	if t.selected >= 0 && t.selected < len(t.ladder.Levels) {
		keep = t.ladder.Levels[t.selected].Name
	}
	t.bg(func() {
		l, err := t.svc.SetLadderWindow(n)
		fyne.Do(func() { t.done(T("The trailing window"), keep, l, err) })
	})
}
