package ui

import (
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

func init() {
	RegisterScreen(ScreenSpec{Name: ScreenPrograms, Title: "Programs", IconName: theme.IconNameDocument, Order: 40,
		New: func(sh *Shell) Screen {
			svc, ok := sh.Backend().(ProgramService)
			if !ok {
				return missingScreen("programs")
			}
			ps := NewProgramsScreen(sh.Window(), svc)
			if l, ok := sh.Backend().(LadderService); ok {
				ps.addLadder(l)
			}
			return ps
		}})
}

// The programs list's columns.
var programColumns = []string{"Program", "Status", "Period", "Valid", "Budget", "Spent"}

// ProgramsScreen lists programs, shows a program's rules, imports and
// exports program files, edits a program's head and simulates a program
// over a past period.
type ProgramsScreen struct {
	win fyne.Window
	svc ProgramService

	list    views.ProgramList
	format  numFmt
	current engine.Program // the program on show; ID 0 for a new one

	table   *widget.Table
	problem *widget.Label
	heading *widget.Label
	rules   *widget.RichText
	tabs    *container.AppTabs

	name, budget, from, to, desc *widget.Entry
	status                       *widget.Select
	kind                         *widget.Select
	form                         *widget.Form

	simPeriod *widget.Entry
	simInfo   *widget.Label
	simTable  *widget.Table
	sim       views.Simulation

	content fyne.CanvasObject
	worker  // long work off the UI goroutine; the preview uses its WaitGroup too

	// The rule editor (programs_editor.go): the program being edited, the
	// rule on show, and the pending preview.
	draft          engine.Program
	elig           eligibilityFields
	re             ruleEditor
	editorProblems *widget.Label
	loading, tried bool
	previewMu      sync.Mutex
	previewTimer   *time.Timer
	previewGen     int
	refs           *engine.ProgramRefs // what a program may name; nil until read
	pickers        pickerSet           // the fields picked by typing (programs_pickers.go)
	ex             *examplesEditor     // the golden examples beside the editor (programs_examples.go)
	bd             *bandDesigner       // the band designer beside the editor (programs_bandchart.go)
	side           *container.AppTabs  // beside the editor: preview, golden examples, band designer
	editScroll     *container.Scroll   // the editor's scroll

	ladder *ladderTab // nil when the back end does not define a ladder
	top    *container.AppTabs
}

// addLadder adds the tier ladder as a second tab beside the programs.
func (s *ProgramsScreen) addLadder(svc LadderService) {
	s.ladder = newLadderTab(s.win, svc, s.background, func() numFmt { return s.format })
	s.top = container.NewAppTabs(
		container.NewTabItemWithIcon(T("Programs"), theme.DocumentIcon(), s.content),
		container.NewTabItemWithIcon(T("Tier ladder"), theme.ListIcon(), s.ladder.content))
	s.top.OnSelected = func(*container.TabItem) {
		if s.top.SelectedIndex() == 1 {
			s.ladder.load("")
		} else {
			s.loadRefs() // the ladder's levels may have changed
			s.loadChoices()
		}
	}
	s.content = s.top
	s.ladder.load("")
}

// NewProgramsScreen builds the programs screen and loads the list.
func NewProgramsScreen(w fyne.Window, svc ProgramService) *ProgramsScreen {
	s := &ProgramsScreen{win: w, svc: svc}
	s.build()
	s.reload(0)
	s.loadRefs()
	s.loadChoices()
	return s
}

// Content is the screen's root object.
func (s *ProgramsScreen) Content() fyne.CanvasObject { return s.content }

// Shown reloads the list (spent changes with every approval) and what a
// program may name (tiers, SKUs and partners change elsewhere).
func (s *ProgramsScreen) Shown() fyne.Focusable {
	s.reload(s.current.ID)
	s.loadRefs()
	s.loadChoices()
	return s.table
}

// Command handles New and Refresh from the shell.
func (s *ProgramsScreen) Command(c Command) bool {
	switch c {
	case CmdNew:
		s.edit(engine.Program{Status: engine.ProgramDraft, PeriodKind: engine.PeriodQuarter})
		s.tabs.SelectIndex(1)
		s.win.Canvas().Focus(s.name)
		return true
	case CmdRefresh:
		s.reload(s.current.ID)
		return true
	case CmdSave:
		if s.tabs.SelectedIndex() == 1 {
			s.onSave()
			return true
		}
	}
	return false
}

// build lays out the programs screen: the list, the rules and editor
// tabs, the tier ladder tab and their shortcuts. It is long because it is
// one layout read top to bottom, widget after widget.
func (s *ProgramsScreen) build() {
	s.table = widget.NewTableWithHeaders(
		func() (int, int) { return len(s.list.Programs), len(programColumns) },
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
			if id.Col >= 4 { // amounts
				l.Alignment = fyne.TextAlignTrailing
			}
			text := tableText(programColumns[id.Col])
			if id.Col >= 4 && s.format.cur.Code != "" {
				// The code is said once, in the header, to keep the column narrow.
				text += " " + s.format.cur.Code
			}
			l.SetText(text)
		}
	}
	s.table.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(s.list.Programs) {
			s.edit(s.list.Programs[id.Row].Program)
		}
	}
	s.problem = widget.NewLabel("")
	s.problem.Importance = widget.DangerImportance
	s.problem.Wrapping = fyne.TextWrapWord

	importBtn := widget.NewButtonWithIcon(T("Import JSON…"), theme.FolderOpenIcon(), s.onImport)
	exportBtn := widget.NewButtonWithIcon(T("Export JSON…"), theme.DocumentSaveIcon(), s.onExport)
	newBtn := widget.NewButtonWithIcon(T("New"), theme.ContentAddIcon(), func() { s.Command(CmdNew) })
	buttons := container.NewHBox(newBtn)
	if _, ok := s.svc.(ProgramTemplateService); ok {
		buttons.Add(widget.NewButtonWithIcon(T("New from template…"), theme.ContentCopyIcon(), s.onNewFromTemplate))
	}
	buttons.Add(importBtn)
	buttons.Add(exportBtn)
	left := container.NewBorder(
		container.NewVBox(buttons, s.problem),
		nil, nil, nil, fitTable(s.table, []float32{140, 58, 72, 136, 100, 100}, 0))

	s.heading = widget.NewLabelWithStyle(T("Choose a program"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.heading.SizeName = theme.SizeNameSubHeadingText
	s.heading.Truncation = fyne.TextTruncateEllipsis
	s.rules = widget.NewRichText()
	s.rules.Wrapping = fyne.TextWrapWord

	s.name, s.budget, s.from, s.to, s.desc = widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewMultiLineEntry()
	s.from.SetPlaceHolder("2026-01-01")
	s.to.SetPlaceHolder(T("open-ended"))
	s.budget.SetPlaceHolder(T("0 for no budget"))
	s.desc.SetMinRowsVisible(3)
	s.status = widget.NewSelect([]string{string(engine.ProgramDraft), string(engine.ProgramActive), string(engine.ProgramEnded)}, nil)
	s.kind = widget.NewSelect([]string{string(engine.PeriodMonth), string(engine.PeriodQuarter), string(engine.PeriodYear), string(engine.PeriodCustom)}, nil)
	for _, e := range []*widget.Entry{s.name, s.budget, s.from, s.to, s.desc} {
		e.OnChanged = func(string) { s.onEdited() }
	}
	s.status.OnChanged = func(string) { s.onEdited() }
	s.kind.OnChanged = func(string) { s.onEdited() }
	s.form = widget.NewForm(
		widget.NewFormItem(T("Name"), s.name),
		widget.NewFormItem(T("Status"), s.status),
		widget.NewFormItem(T("Period kind"), s.kind),
		widget.NewFormItem(T("Valid from"), s.from),
		widget.NewFormItem(T("Valid to"), s.to),
		widget.NewFormItem(T("Budget"), s.budget),
		widget.NewFormItem(T("Description"), s.desc),
	)
	s.form.SubmitText = "Save"
	s.form.OnSubmit = s.onSave
	s.budget.OnSubmitted = func(string) { s.onSave() }

	s.simPeriod = widget.NewEntry()
	s.simPeriod.SetPlaceHolder(T("a past period, e.g. 2026-Q2"))
	s.simPeriod.OnSubmitted = func(string) { s.onSimulate() }
	s.simPeriod.OnChanged = func(string) { s.onEdited() }
	simBtn := widget.NewButtonWithIcon(T("Simulate"), theme.MediaPlayIcon(), s.onSimulate)
	simFile := widget.NewButtonWithIcon(T("Simulate a JSON file…"), theme.FolderOpenIcon(), s.onSimulateFile)
	s.simInfo = widget.NewLabel(T("Runs the program over a past period's inputs without writing anything, and compares it with what was paid."))
	s.simInfo.Wrapping = fyne.TextWrapWord
	s.simTable = newSimTable(s)
	simTop := container.NewVBox(
		// Two short lines rather than one long one, so that the rules pane
		// does not push the programs table narrower.
		container.NewHBox(widget.NewLabel(T("Period")), container.NewGridWrap(fyne.NewSize(110, s.simPeriod.MinSize().Height), s.simPeriod), simBtn),
		container.NewHBox(simFile),
		s.simInfo)
	simTab := container.NewBorder(simTop, nil, nil, nil, s.simTable)

	// The editor with the live preview beside it: the simulation of the
	// program as edited over a chosen past period.
	// Beside it too: the golden examples and the band designer.
	s.side = container.NewAppTabs(
		container.NewTabItem(T("Preview"), simTab),
		// In scrolls, so that they never make the screen wider than the window.
		container.NewTabItem(T("Golden examples"), container.NewScroll(s.buildExamples())),
		container.NewTabItem(T("Bands"), container.NewScroll(s.buildBandDesigner())))
	s.editScroll = container.NewVScroll(s.buildEditor())
	editSplit := container.NewHSplit(s.editScroll, container.NewPadded(s.side))
	editSplit.Offset = 0.6
	s.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(T("Rules"), theme.ListIcon(), container.NewVScroll(s.rules)),
		// In a scroll: the tabs are as wide as their widest, and the list
		// beside the Rules tab must keep its width.
		container.NewTabItemWithIcon(T("Edit"), theme.DocumentCreateIcon(), container.NewScroll(editSplit)),
	)
	right := container.NewBorder(s.heading, nil, nil, nil, s.tabs)
	split := container.NewHSplit(left, container.NewPadded(right))
	split.Offset = 0.62
	// The editor and its preview take the whole width while the Edit tab
	// is open; the list comes back with the Rules tab.
	s.tabs.OnSelected = func(*container.TabItem) {
		if s.tabs.SelectedIndex() == 1 {
			left.Hide()
		} else {
			left.Show()
		}
		split.Refresh()
	}
	s.content = split
}

// reload fetches the list and shows program id when it is there.
func (s *ProgramsScreen) reload(id engine.ID) {
	s.background(func() {
		l, err := s.svc.ProgramList()
		fyne.Do(func() {
			if err != nil {
				s.problem.SetText(Tf("Could not list the programs: %v", err))
				return
			}
			s.problem.SetText("")
			s.list = l
			s.format = numFmt{lang: Lang(), cur: l.Currency}
			s.table.Refresh()
			for i, p := range l.Programs {
				if p.Program.ID == id && id != 0 {
					s.table.Select(widget.TableCellID{Row: i, Col: 0})
					s.table.ScrollToLeading()
					return
				}
			}
			if s.current.ID == 0 && len(l.Programs) > 0 && s.name.Text == "" {
				s.table.Select(widget.TableCellID{Row: 0, Col: 0})
				s.table.ScrollToLeading()
			}
		})
	})
}

func (s *ProgramsScreen) cell(id widget.TableCellID, l *widget.Label) {
	if id.Row >= len(s.list.Programs) {
		l.SetText("")
		return
	}
	ps := s.list.Programs[id.Row]
	p := ps.Program
	l.Alignment = fyne.TextAlignLeading
	l.Truncation = fyne.TextTruncateEllipsis
	l.Importance = widget.MediumImportance
	switch id.Col {
	case 0:
		l.SetText(p.Name)
	case 1:
		switch p.Status {
		case engine.ProgramActive:
			l.Importance = widget.SuccessImportance
		case engine.ProgramDraft:
			l.Importance = widget.WarningImportance
		default:
			l.Importance = widget.LowImportance
		}
		l.SetText(string(p.Status))
	case 2:
		l.SetText(string(p.PeriodKind))
	case 3:
		l.SetText(shortValidity(p))
	case 4:
		l.Alignment = fyne.TextAlignTrailing
		if p.Budget.IsPositive() {
			l.SetText(s.format.amount(p.Budget))
		} else {
			l.SetText("–")
		}
	case 5:
		l.Alignment = fyne.TextAlignTrailing
		if p.Budget.IsPositive() && ps.Spent.GreaterThan(p.Budget) {
			l.Importance = widget.DangerImportance
		}
		l.SetText(s.format.amount(ps.Spent))
	}
}

func validity(p engine.Program) string {
	to := "open-ended"
	if !p.ValidTo.IsZero() {
		to = p.ValidTo.String()
	}
	return p.ValidFrom.String() + " → " + to
}

// shortValidity is validity for the narrow table column: "from 2025-11-01"
// when the program has no end.
func shortValidity(p engine.Program) string {
	if p.ValidTo.IsZero() {
		return "from " + p.ValidFrom.String()
	}
	return p.ValidFrom.String() + " – " + p.ValidTo.String()
}

// edit shows p in the rules view and the details form.
func (s *ProgramsScreen) edit(p engine.Program) {
	s.loading = true // loadEditor ends it
	s.current = p
	if p.ID == 0 {
		s.heading.SetText(T("New program"))
	} else {
		s.heading.SetText(p.Name)
	}
	s.rules.ParseMarkdown(s.rulesMarkdown(p))
	s.name.SetText(p.Name)
	s.status.SetSelected(string(p.Status))
	s.kind.SetSelected(string(p.PeriodKind))
	s.from.SetText(p.ValidFrom.String())
	s.to.SetText(p.ValidTo.String())
	if p.Budget.IsZero() {
		s.budget.SetText("")
	} else {
		s.budget.SetText(p.Budget.String())
	}
	s.desc.SetText(p.Description)
	s.loadEditor(p)
	for _, it := range s.form.Items {
		it.HintText = noHint
	}
	s.form.Refresh()
	s.sim = views.Simulation{}
	s.simTable.Refresh()
}

// programFieldLabel maps a validation field (a JSON name) to its form label.
func programFieldLabel(field string) string {
	switch strings.ToLower(field) {
	case "name":
		return T("Name")
	case "status":
		return T("Status")
	case "period_kind", "periodkind":
		return T("Period kind")
	case "valid_from", "validfrom":
		return T("Valid from")
	case "valid_to", "validto":
		return T("Valid to")
	case "budget":
		return T("Budget")
	case "description":
		return T("Description")
	}
	return field
}

func optionalDate(s string) (engine.Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	return engine.ParseDate(s)
}
