package ui

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"

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
			return NewProgramsScreen(sh.Window(), svc)
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
	wg      sync.WaitGroup
}

// NewProgramsScreen builds the programs screen and loads the list.
func NewProgramsScreen(w fyne.Window, svc ProgramService) *ProgramsScreen {
	s := &ProgramsScreen{win: w, svc: svc}
	s.build()
	s.reload(0)
	return s
}

// Content is the screen's root object.
func (s *ProgramsScreen) Content() fyne.CanvasObject { return s.content }

// Shown reloads the list (spent changes with every approval).
func (s *ProgramsScreen) Shown() fyne.Focusable {
	s.reload(s.current.ID)
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
			text := programColumns[id.Col]
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

	importBtn := widget.NewButtonWithIcon("Import JSON…", theme.FolderOpenIcon(), s.onImport)
	exportBtn := widget.NewButtonWithIcon("Export JSON…", theme.DocumentSaveIcon(), s.onExport)
	newBtn := widget.NewButtonWithIcon("New", theme.ContentAddIcon(), func() { s.Command(CmdNew) })
	left := container.NewBorder(
		container.NewVBox(container.NewHBox(newBtn, importBtn, exportBtn), s.problem),
		nil, nil, nil, fitTable(s.table, []float32{140, 58, 72, 136, 100, 100}, 0))

	s.heading = widget.NewLabelWithStyle("Choose a program", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.heading.SizeName = theme.SizeNameSubHeadingText
	s.heading.Truncation = fyne.TextTruncateEllipsis
	s.rules = widget.NewRichText()
	s.rules.Wrapping = fyne.TextWrapWord

	s.name, s.budget, s.from, s.to, s.desc = widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewMultiLineEntry()
	s.from.SetPlaceHolder("2026-01-01")
	s.to.SetPlaceHolder("open-ended")
	s.budget.SetPlaceHolder("0 for no budget")
	s.desc.SetMinRowsVisible(3)
	s.status = widget.NewSelect([]string{string(engine.ProgramDraft), string(engine.ProgramActive), string(engine.ProgramEnded)}, nil)
	s.kind = widget.NewSelect([]string{string(engine.PeriodMonth), string(engine.PeriodQuarter), string(engine.PeriodYear), string(engine.PeriodCustom)}, nil)
	s.form = widget.NewForm(
		widget.NewFormItem("Name", s.name),
		widget.NewFormItem("Status", s.status),
		widget.NewFormItem("Period kind", s.kind),
		widget.NewFormItem("Valid from", s.from),
		widget.NewFormItem("Valid to", s.to),
		widget.NewFormItem("Budget", s.budget),
		widget.NewFormItem("Description", s.desc),
	)
	s.form.SubmitText = "Save"
	s.form.OnSubmit = s.onSave
	s.budget.OnSubmitted = func(string) { s.onSave() }
	editNote := widget.NewLabel("Rules are written in the program's JSON file: export, edit, import.")
	editNote.Importance = widget.LowImportance
	editNote.Wrapping = fyne.TextWrapWord

	s.simPeriod = widget.NewEntry()
	s.simPeriod.SetPlaceHolder("a past period, e.g. 2026-Q2")
	s.simPeriod.OnSubmitted = func(string) { s.onSimulate() }
	simBtn := widget.NewButtonWithIcon("Simulate", theme.MediaPlayIcon(), s.onSimulate)
	simFile := widget.NewButtonWithIcon("Simulate a JSON file…", theme.FolderOpenIcon(), s.onSimulateFile)
	s.simInfo = widget.NewLabel("Runs the program over a past period's inputs without writing anything, and compares it with what was paid.")
	s.simInfo.Wrapping = fyne.TextWrapWord
	s.simTable = newSimTable(s)
	simTop := container.NewVBox(
		// Two short lines rather than one long one, so that the rules pane
		// does not push the programs table narrower.
		container.NewHBox(widget.NewLabel("Period"), container.NewGridWrap(fyne.NewSize(110, s.simPeriod.MinSize().Height), s.simPeriod), simBtn),
		container.NewHBox(simFile),
		s.simInfo)
	simTab := container.NewBorder(simTop, nil, nil, nil, s.simTable)

	s.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon("Rules", theme.ListIcon(), container.NewVScroll(s.rules)),
		container.NewTabItemWithIcon("Details", theme.DocumentCreateIcon(), container.NewVScroll(container.NewVBox(s.form, editNote))),
		container.NewTabItemWithIcon("Simulate", theme.MediaPlayIcon(), simTab),
	)
	right := container.NewBorder(s.heading, nil, nil, nil, s.tabs)
	split := container.NewHSplit(left, container.NewPadded(right))
	split.Offset = 0.62
	s.content = split
}

func (s *ProgramsScreen) background(f func()) {
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		f()
	}()
}

func (s *ProgramsScreen) wait() { s.wg.Wait() }

// reload fetches the list and shows program id when it is there.
func (s *ProgramsScreen) reload(id engine.ID) {
	s.background(func() {
		l, err := s.svc.ProgramList()
		fyne.Do(func() {
			if err != nil {
				s.problem.SetText("Could not list the programs: " + err.Error())
				return
			}
			s.problem.SetText("")
			s.list = l
			s.format = numFmt{lang: l.Language, cur: l.Currency}
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
	s.current = p
	if p.ID == 0 {
		s.heading.SetText("New program")
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
	for _, it := range s.form.Items {
		it.HintText = ""
	}
	s.form.Refresh()
	s.sim = views.Simulation{}
	s.simTable.Refresh()
}

// onSave saves the details form; the back end validates.
func (s *ProgramsScreen) onSave() {
	p := s.current
	p.Name = strings.TrimSpace(s.name.Text)
	p.Status = engine.ProgramStatus(s.status.Selected)
	p.PeriodKind = engine.PeriodKind(s.kind.Selected)
	p.Description = strings.TrimSpace(s.desc.Text)
	hints := map[string]string{}
	var err error
	if p.ValidFrom, err = optionalDate(s.from.Text); err != nil {
		hints["Valid from"] = err.Error()
	}
	if p.ValidTo, err = optionalDate(s.to.Text); err != nil {
		hints["Valid to"] = err.Error()
	}
	p.Budget = decimal.Zero
	if b := strings.TrimSpace(s.budget.Text); b != "" {
		if p.Budget, err = s.svc.ParseAmount("budget", b); err != nil {
			hints["Budget"] = err.Error()
			if byField, ok := fieldErrors(err); ok && byField["budget"] != "" {
				hints["Budget"] = byField["budget"]
			}
		}
	}
	if s.showHints(hints) {
		return
	}
	s.background(func() {
		saved, err := s.svc.SaveProgram(p)
		fyne.Do(func() {
			if err != nil {
				if byField, ok := fieldErrors(err); ok {
					h := map[string]string{}
					for f, r := range byField {
						h[programFieldLabel(f)] = r
					}
					if s.showHints(h) {
						return
					}
				}
				showErr(fmt.Errorf("save program %q: %w", p.Name, err), s.win)
				return
			}
			s.problem.SetText("")
			s.edit(saved)
			s.reload(saved.ID)
		})
	})
}

// showHints puts each message under its form field; it reports whether any
// message found its field.
func (s *ProgramsScreen) showHints(h map[string]string) bool {
	any := false
	for _, it := range s.form.Items {
		it.HintText = h[it.Text]
		if it.HintText != "" {
			any = true
		}
	}
	s.form.Refresh()
	return any
}

// programFieldLabel maps a validation field (a JSON name) to its form label.
func programFieldLabel(field string) string {
	switch strings.ToLower(field) {
	case "name":
		return "Name"
	case "status":
		return "Status"
	case "period_kind", "periodkind":
		return "Period kind"
	case "valid_from", "validfrom":
		return "Valid from"
	case "valid_to", "validto":
		return "Valid to"
	case "budget":
		return "Budget"
	case "description":
		return "Description"
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

// onImport reads a program JSON file, shows what it holds and saves it.
func (s *ProgramsScreen) onImport() {
	s.openJSON("Import a program from a JSON file", func(data []byte, name string) {
		p, err := s.svc.ReadProgram(data)
		fyne.Do(func() {
			if err != nil {
				showErr(fmt.Errorf("read %s: %w", name, err), s.win)
				return
			}
			msg := fmt.Sprintf("%s holds the program %q with %d rules (%s, %s). It replaces a stored program with the same identity or name, else it is added. Save it?", name, p.Name, len(p.Rules), p.Status, validity(p))
			showConfirm("Import program", msg, func(ok bool) {
				if ok {
					s.saveImported(p, name)
				}
			}, s.win)
		})
	})
}

// saveImported saves a program read from a file. When it would replace an
// active program the service refuses with *engine.ReplaceProgramError,
// saying what changes; the user confirms that and the program is saved
// under the stored program's id.
func (s *ProgramsScreen) saveImported(p engine.Program, name string) {
	s.background(func() {
		saved, err := s.svc.SaveProgram(p)
		fyne.Do(func() {
			var re *engine.ReplaceProgramError
			if errors.As(err, &re) {
				showConfirm("Replace an active program", re.Error()+".\n\nReplace it?", func(ok bool) {
					if ok {
						p.ID = re.ID
						s.saveImported(p, name)
					}
				}, s.win)
				return
			}
			if err != nil {
				showErr(fmt.Errorf("import %s: %w", name, err), s.win)
				return
			}
			s.edit(saved)
			s.reload(saved.ID)
		})
	})
}

// openJSON asks for a .json file and hands its bytes to use, off the UI goroutine.
func (s *ProgramsScreen) openJSON(title string, use func(data []byte, name string)) {
	d := newFileOpen(s.win, folderPrograms, title, []string{".json"}, func(r fyne.URIReadCloser, err error) {
		if err != nil {
			showErr(err, s.win)
			return
		}
		if r == nil {
			return
		}
		s.background(func() {
			defer r.Close()
			data, err := io.ReadAll(io.LimitReader(r, 16<<20))
			if err != nil {
				fyne.Do(func() { showErr(fmt.Errorf("read %s: %w", r.URI().Name(), err), s.win) })
				return
			}
			use(data, r.URI().Name())
		})
	})
	d.Show()
}

// onExport saves the program on show as a JSON file.
func (s *ProgramsScreen) onExport() {
	p := s.current
	if p.ID == 0 {
		showInfo("Export program", "Choose a saved program first.", s.win)
		return
	}
	d := newFileSave(s.win, folderPrograms, fmt.Sprintf("Export %q as JSON", p.Name), fileName(p.Name)+".json", []string{".json"}, func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			showErr(err, s.win)
			return
		}
		if w == nil {
			return
		}
		s.background(func() {
			data, err := s.svc.ExportProgramByID(p.ID)
			if err == nil {
				_, err = w.Write(data)
			}
			if cerr := w.Close(); err == nil {
				err = cerr
			}
			fyne.Do(func() {
				if err != nil {
					showErr(fmt.Errorf("export %q: %w", p.Name, err), s.win)
					return
				}
				s.problem.Importance = widget.LowImportance
				s.problem.SetText(fmt.Sprintf("Exported %q to %s.", p.Name, w.URI().Path()))
			})
		})
	})
	d.Show()
}

// fileName makes a name safe for a file: letters, digits and dashes.
func fileName(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		switch {
		case r == '/' || r == '\\' || r == ':' || r == '*' || r == '?' || r == '"' || r == '<' || r == '>' || r == '|' || r == ' ' || r == '.':
			if !dash && b.Len() > 0 {
				b.WriteByte('-')
				dash = true
			}
		default:
			b.WriteRune(r)
			dash = false
		}
	}
	out := strings.Trim(b.String(), "-")
	if out == "" {
		return "program"
	}
	return out
}

// onSimulate runs the program on show over the typed period.
func (s *ProgramsScreen) onSimulate() {
	if s.current.Name == "" && len(s.current.Rules) == 0 {
		showInfo("Simulate", "Choose a program first.", s.win)
		return
	}
	s.simulate(s.current)
}

// onSimulateFile simulates a program file without saving it: a changed
// rule can be tried before it replaces the stored one.
func (s *ProgramsScreen) onSimulateFile() {
	s.openJSON("Simulate a program file without saving it", func(data []byte, name string) {
		p, err := s.svc.ReadProgram(data)
		fyne.Do(func() {
			if err != nil {
				showErr(fmt.Errorf("read %s: %w", name, err), s.win)
				return
			}
			s.simulate(p)
		})
	})
}

func (s *ProgramsScreen) simulate(p engine.Program) {
	key := strings.TrimSpace(s.simPeriod.Text)
	if key == "" {
		s.simInfo.SetText("Type the past period to simulate, e.g. 2026-Q2 or 2026-05.")
		s.win.Canvas().Focus(s.simPeriod)
		return
	}
	s.simInfo.SetText("Simulating " + p.Name + " over " + key + "…")
	s.background(func() {
		sim, err := s.svc.Simulate(p, key)
		fyne.Do(func() {
			if err != nil {
				s.simInfo.SetText(fmt.Sprintf("Could not simulate %s over %s: %v", p.Name, key, err))
				return
			}
			s.showSimulation(sim)
		})
	})
}

func (s *ProgramsScreen) showSimulation(sim views.Simulation) {
	s.sim = sim
	f := numFmt{lang: sim.Language, cur: sim.Currency}
	text := fmt.Sprintf("%s over %s: %d payees would earn %s; %s was paid; difference %s.",
		sim.Program, sim.Period, len(sim.Rows), f.money(sim.Total), f.money(sim.Actual), signed(f, sim.Diff))
	if sim.Points != 0 {
		text += " Points: " + f.points(sim.Points) + "."
	}
	s.simInfo.SetText(text)
	s.simTable.Refresh()
}

func signed(f numFmt, d decimal.Decimal) string {
	if d.IsPositive() {
		return "+" + f.money(d)
	}
	return f.money(d)
}

var simColumns = []string{"Payee", "Simulated", "Points", "Paid", "Difference"}

func newSimTable(s *ProgramsScreen) *widget.Table {
	t := widget.NewTableWithHeaders(
		func() (int, int) { return len(s.sim.Rows), len(simColumns) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			if id.Row >= len(s.sim.Rows) {
				l.SetText("")
				return
			}
			r := s.sim.Rows[id.Row]
			f := numFmt{lang: s.sim.Language, cur: s.sim.Currency}
			l.Alignment = fyne.TextAlignTrailing
			l.Truncation = fyne.TextTruncateEllipsis
			l.Importance = widget.MediumImportance
			switch id.Col {
			case 0:
				l.Alignment = fyne.TextAlignLeading
				l.SetText(r.Name)
			case 1:
				l.SetText(f.money(r.Simulated))
			case 2:
				l.SetText(f.pointsBare(r.Points))
			case 3:
				l.SetText(f.money(r.Actual))
			case 4:
				switch {
				case r.Diff.IsPositive():
					l.Importance = widget.DangerImportance
				case r.Diff.IsNegative():
					l.Importance = widget.SuccessImportance
				}
				l.SetText(signed(f, r.Diff))
			}
		})
	t.ShowHeaderColumn = false
	t.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 {
			o.(*widget.Label).SetText(simColumns[id.Col])
		}
	}
	for i, w := range []float32{200, 120, 70, 120, 120} {
		t.SetColumnWidth(i, w)
	}
	return t
}

// rulesMarkdown is a read view of a program: eligibility and every rule
// with its filter, bands, steps, multipliers and cap.
func (s *ProgramsScreen) rulesMarkdown(p engine.Program) string {
	f := numFmt{lang: s.format.lang, cur: engine.NewCurrency(p.Currency)}
	if p.Currency == "" {
		f.cur = s.format.cur
	}
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	if p.Description != "" {
		w("%s\n\n", md(p.Description))
	}
	budget := "no budget"
	if p.Budget.IsPositive() {
		budget = "budget " + f.money(p.Budget)
	}
	w("**%s** · %s periods · valid %s · %s\n\n", p.Status, p.PeriodKind, validity(p), budget)
	e := p.Eligibility
	var elig []string
	if len(e.Kinds) > 0 {
		elig = append(elig, "kinds "+joinKinds(e.Kinds))
	}
	if len(e.Segments) > 0 {
		elig = append(elig, "segments "+strings.Join(e.Segments, ", "))
	}
	if len(e.Tiers) > 0 {
		elig = append(elig, "tiers "+strings.Join(e.Tiers, ", "))
	}
	if len(e.Partners) > 0 {
		elig = append(elig, fmt.Sprintf("%d named partners", len(e.Partners)))
	}
	if len(elig) == 0 {
		w("Eligible: every partner\n\n")
	} else {
		w("Eligible: %s\n\n", md(strings.Join(elig, "; ")))
	}
	if len(p.Rules) == 0 {
		w("This program has no rules yet. Import its JSON file with the rules.\n")
	}
	for i, r := range p.Rules {
		w("## %d. %s\n\n", i+1, md(r.Name))
		kind := string(r.Kind)
		if r.Basis != "" {
			kind += " on " + string(r.Basis)
		}
		w("* Kind: %s (key %s)\n", kind, md(r.Key))
		if fl := filterText(r.Filter); fl != "" {
			w("* Filter: %s\n", md(fl))
		}
		for _, line := range ruleLines(r, f) {
			w("* %s\n", md(line))
		}
		if r.Matrix != nil {
			m := r.Matrix
			w("* Customer x product weights: new+new %s, new+existing %s, existing+new %s, existing+existing %s\n",
				weight(m.NewNew), weight(m.NewExisting), weight(m.ExistingNew), weight(m.ExistingExisting))
		}
		if len(r.TierMultipliers) > 0 {
			tiers := make([]string, 0, len(r.TierMultipliers))
			for t, m := range r.TierMultipliers {
				tiers = append(tiers, fmt.Sprintf("%s x%s", t, m.String()))
			}
			sort.Strings(tiers)
			w("* Tier multipliers: %s\n", md(strings.Join(tiers, ", ")))
		}
		if r.Cap.Valid {
			w("* Cap per payee per period: %s\n", f.money(r.Cap.Decimal))
		}
		w("\n")
	}
	return b.String()
}

// ruleLines describes the kind-specific part of a rule.
func ruleLines(r engine.Rule, f numFmt) []string {
	var out []string
	pct := func(d decimal.Decimal) string { return f.percent(d) }
	switch {
	case r.Rate != nil:
		rr := r.Rate
		rate := func(d decimal.Decimal) string {
			if r.Basis == engine.BasisUnits {
				return f.money(d) + " per unit"
			}
			return pct(d)
		}
		bands := func(bs []engine.Band) string {
			parts := make([]string, len(bs))
			for i, b := range bs {
				parts[i] = "from " + i18nNumber(b.From, f) + " → " + rate(b.Rate)
			}
			return strings.Join(parts, "; ")
		}
		if len(rr.Bands) == 0 && len(rr.TierBands) == 0 {
			out = append(out, "Flat rate "+rate(rr.Rate))
		}
		if len(rr.Bands) > 0 {
			out = append(out, fmt.Sprintf("Bands (%s): %s", rr.Mode, bands(rr.Bands)))
		}
		tiers := make([]string, 0, len(rr.TierBands))
		for t := range rr.TierBands {
			tiers = append(tiers, t)
		}
		sort.Strings(tiers)
		for _, t := range tiers {
			out = append(out, fmt.Sprintf("Bands for %s (%s): %s", t, rr.Mode, bands(rr.TierBands[t])))
		}
	case r.Target != nil:
		t := r.Target
		out = append(out, "Default target "+f.money(t.DefaultTarget)+fmt.Sprintf(" (%d partners with their own)", len(t.Targets)))
		steps := make([]string, len(t.Steps))
		for i, st := range t.Steps {
			steps[i] = pct(st.Attainment) + " → " + f.money(st.Amount)
		}
		out = append(out, "Steps: "+strings.Join(steps, "; "))
		if !t.Accelerator.IsZero() {
			out = append(out, "Accelerator "+pct(t.Accelerator)+" on the basis above target")
		}
	case r.SPIF != nil:
		sp := r.SPIF
		pay := f.money(sp.Amount) + " per unit"
		if sp.PerDeal {
			pay = f.money(sp.Amount) + " per deal"
		}
		if !sp.Rate.IsZero() {
			pay = pct(sp.Rate) + " of the net amount"
		}
		out = append(out, fmt.Sprintf("SKUs %s sold %s to %s: %s", strings.Join(sp.SKUs, ", "), sp.From, sp.To, pay))
	case r.DealReg != nil:
		out = append(out, "Rate "+pct(r.DealReg.Rate)+" on sales linked to approved registrations closed within their window")
	case r.Referral != nil:
		rf := r.Referral
		if !rf.Bounty.IsZero() {
			out = append(out, "Bounty "+f.money(rf.Bounty)+" per new customer")
		}
		if !rf.Rate.IsZero() {
			months := "for as long as the program runs"
			if rf.Months > 0 {
				months = fmt.Sprintf("for %d months from the first sale", rf.Months)
			}
			out = append(out, "Rate "+pct(rf.Rate)+" on subscription revenue "+months)
		}
	case r.Fund != nil:
		fund := r.Fund.Fund
		if fund == "" {
			fund = "MDF"
		}
		out = append(out, fmt.Sprintf("%s accrual at %s, valid %d days after the period end", fund, pct(r.Fund.Rate), r.Fund.ValidityDays))
	case r.Training != nil:
		out = append(out, fmt.Sprintf("%s per course (%s), once per rep", unitAmount(r.Training.Amount, r.Training.Unit, f), strings.Join(r.Training.Courses, ", ")))
	case r.Activity != nil:
		to := "to the partner"
		if r.Activity.ToRep {
			to = "to the rep"
		}
		out = append(out, fmt.Sprintf("%s per activity of type %s, %s", unitAmount(r.Activity.Amount, r.Activity.Unit, f), strings.Join(r.Activity.Types, ", "), to))
	case r.Loyalty != nil:
		valid := ""
		if m := r.Loyalty.ValidityMonths; m > 0 {
			valid = fmt.Sprintf(", valid %d months after the period end", m)
		}
		out = append(out, fmt.Sprintf("%s points per %s of basis%s", r.Loyalty.Points.String(), f.money(r.Loyalty.Per), valid))
	}
	return out
}

func unitAmount(d decimal.Decimal, u engine.Unit, f numFmt) string {
	if u == engine.UnitPoints {
		return d.String() + " points"
	}
	return f.money(d)
}

func i18nNumber(d decimal.Decimal, f numFmt) string {
	return f.cell(views.NumberCell(d))
}

// weight prints a matrix cell as stored: a 0 earns nothing.
func weight(d decimal.Decimal) string { return d.String() }

func joinKinds(ks []engine.PartnerKind) string {
	s := make([]string, len(ks))
	for i, k := range ks {
		s[i] = string(k)
	}
	return strings.Join(s, ", ")
}

func filterText(fl engine.Filter) string {
	var parts []string
	if len(fl.Categories) > 0 {
		parts = append(parts, "categories "+strings.Join(fl.Categories, ", "))
	}
	if len(fl.SKUs) > 0 {
		parts = append(parts, "SKUs "+strings.Join(fl.SKUs, ", "))
	}
	if fl.Customer != engine.FilterAny {
		parts = append(parts, string(fl.Customer)+" customers")
	}
	if fl.Product != engine.FilterAny {
		parts = append(parts, string(fl.Product)+" products")
	}
	if len(fl.PartnerKinds) > 0 {
		parts = append(parts, "partner kinds "+joinKinds(fl.PartnerKinds))
	}
	if len(fl.RepRoles) > 0 {
		parts = append(parts, "rep roles "+strings.Join(fl.RepRoles, ", "))
	}
	return strings.Join(parts, "; ")
}

// md escapes the characters Markdown would read as formatting.
func md(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `*`, `\*`, `_`, `\_`, "`", "\\`", `#`, `\#`, `[`, `\[`, `]`, `\]`)
	return r.Replace(s)
}
