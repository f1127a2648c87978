package ui

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"

	"partnerdesk/engine"
)

// The golden examples beside the rule editor: the program's own tests
// ("a Gold reseller with 120,000.00 in a quarter earns 5,760.00"), added,
// edited and removed one at a time, each computed as it is typed, with
// the expected and the computed figures side by side. They are stored in
// the program file's "examples", as `program export` writes them; a
// failing one blocks the save (the service runs engine.CheckExamples).

// ProgramExampleService computes the golden examples of a program as
// edited. *app.Service implements it; without it the examples are
// checked on save only.
type ProgramExampleService interface {
	RunProgramExamples(p engine.Program) ([]engine.ExampleResult, error)
}

// examplesEditor is the golden examples tab.
type examplesEditor struct {
	cur                                int // the example on the form; -1 none
	list                               *widget.List
	name, segment, sales, units, count *widget.Entry
	expect                             *widget.Entry
	tier                               *listPicker
	kind, customer, product            *widget.Select
	form                               *widget.Form
	items                              map[string]*widget.FormItem // by JSON path under the example
	results                            []engine.ExampleResult
	table                              *widget.Table
	status                             *widget.Label
	content                            fyne.CanvasObject
	timer                              *time.Timer
	gen                                int
	removeBtn                          *widget.Button
}

var exampleColumns = []string{"Example", "Rule", "Expected", "Computed", ""}

// buildExamples makes the golden examples tab.
func (s *ProgramsScreen) buildExamples() fyne.CanvasObject {
	ex := &examplesEditor{cur: -1}
	s.ex = ex
	entry := func(ph string) *widget.Entry { return s.editorEntry(ph, false) }
	ex.name = entry(T("e.g. Gold, 120,000 in a quarter"))
	ex.tier = s.newPicker(T("no tier; type to pick"), tierChoices)
	kinds := []string{"default"}
	for _, k := range engine.PartnerKinds {
		kinds = append(kinds, string(k))
	}
	ex.kind = s.editorSelect(kinds)
	ex.segment = entry(T("the first eligible segment"))
	ex.sales = entry(T("net sales in one period, e.g. 120000"))
	ex.units = entry("1")
	nf := []string{"default", string(engine.FilterNew), string(engine.FilterExisting)}
	ex.customer, ex.product = s.editorSelect(nf), s.editorSelect(nf)
	ex.count = entry(T("courses or activities: 1"))
	ex.expect = s.editorEntry(T("one rule a line: key: amount, or key: N points\nrebate: 5760.00"), true)
	ex.form = widget.NewForm(
		hinted(T("Example"), ex.name),
		ex.tier.placed(T("Tier")),
		hinted(T("Partner kind"), ex.kind),
		hinted(T("Segment"), ex.segment),
		hinted(T("Sales"), ex.sales),
		hinted(T("Units"), ex.units),
		hinted(T("Customer"), ex.customer),
		hinted(T("Product"), ex.product),
		hinted(T("Count"), ex.count),
		hinted(T("Expected"), ex.expect),
	)
	ex.items = map[string]*widget.FormItem{}
	for i, p := range []string{"name", "tier", "partner_kind", "segment", "sales", "units", "customer", "product", "count", "expect"} {
		ex.items[p] = ex.form.Items[i]
	}
	ex.list = widget.NewList(
		func() int { return len(s.draft.Examples) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { s.exampleRow(i, o.(*widget.Label)) })
	ex.list.OnSelected = func(i widget.ListItemID) {
		if !s.loading && i != ex.cur {
			s.showExample(i)
		}
	}
	ex.table = widget.NewTableWithHeaders(
		func() (int, int) { return len(ex.results), len(exampleColumns) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.TableCellID, o fyne.CanvasObject) { s.exampleCell(id, o.(*widget.Label)) })
	ex.table.ShowHeaderColumn = false
	ex.table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	ex.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 {
			text := tableText(exampleColumns[id.Col])
			if (id.Col == 2 || id.Col == 3) && s.format.cur.Code != "" {
				text += " " + s.format.cur.Code // said once, to keep the figures narrow
			}
			o.(*widget.Label).SetText(text)
		}
	}
	for i, w := range []float32{92, 55, 108, 108, 42} {
		ex.table.SetColumnWidth(i, w)
	}
	ex.status = widget.NewLabel("")
	ex.status.Wrapping = fyne.TextWrapWord
	addBtn := widget.NewButtonWithIcon(T("Add example"), theme.ContentAddIcon(), s.onAddExample)
	ex.removeBtn = widget.NewButtonWithIcon(T("Remove example"), theme.DeleteIcon(), s.onRemoveExample)
	intro := widget.NewLabel(T("The program's own tests: a situation and what each rule must pay in it. They are computed as you type; one that fails blocks the save."))
	intro.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(intro, container.NewHBox(addBtn, ex.removeBtn))
	results := container.NewBorder(ex.status, nil, nil, nil, ex.table)
	listForm := container.NewHSplit(ex.list, container.NewVScroll(ex.form))
	listForm.Offset = 0.3
	body := container.NewVSplit(listForm, results)
	body.Offset = 0.5
	ex.content = container.NewBorder(top, nil, nil, nil, body)
	return ex.content
}

// exampleRow is one line of the examples list: the result, then the name.
func (s *ProgramsScreen) exampleRow(i int, l *widget.Label) {
	if i >= len(s.draft.Examples) {
		l.SetText("")
		return
	}
	name := s.draft.Examples[i].Name
	if strings.TrimSpace(name) == "" {
		name = fmt.Sprintf("example %d", i+1)
	}
	mark, imp := "·", widget.MediumImportance
	ran, pass := false, true
	for _, r := range s.ex.results {
		if r.Example == s.draft.Examples[i].Name {
			ran = true
			pass = pass && r.Pass
		}
	}
	if ran && pass {
		mark, imp = "✓", widget.SuccessImportance
	} else if ran {
		mark, imp = "✗", widget.DangerImportance
	}
	l.Importance = imp
	l.SetText(mark + " " + name)
}

func (s *ProgramsScreen) exampleCell(id widget.TableCellID, l *widget.Label) {
	ex := s.ex
	l.Importance = widget.MediumImportance
	l.Alignment = fyne.TextAlignLeading
	l.Truncation = fyne.TextTruncateEllipsis
	if id.Row >= len(ex.results) {
		l.SetText("")
		return
	}
	r := ex.results[id.Row]
	want, got := s.exampleFigures(r)
	switch id.Col {
	case 0:
		l.SetText(r.Example)
	case 1:
		l.SetText(r.Rule)
	case 2:
		l.Alignment = fyne.TextAlignTrailing
		l.SetText(want)
	case 3:
		l.Alignment = fyne.TextAlignTrailing
		if !r.Pass {
			l.Importance = widget.DangerImportance
		}
		l.SetText(got)
	case 4:
		if r.Pass {
			l.Importance = widget.SuccessImportance
			l.SetText(T("pass"))
		} else {
			l.Importance = widget.DangerImportance
			l.SetText(T("FAIL"))
		}
	}
}

// exampleFigures is an expectation and what computes, in the same units.
func (s *ProgramsScreen) exampleFigures(r engine.ExampleResult) (want, got string) {
	var w, g []string
	if r.Expected.Amount.Valid {
		w = append(w, s.format.amount(r.Expected.Amount.Decimal))
		g = append(g, s.format.amount(r.Amount))
	}
	if r.Expected.Points != nil {
		w = append(w, s.format.points(*r.Expected.Points))
		g = append(g, s.format.points(r.Points))
	}
	return strings.Join(w, " + "), strings.Join(g, " + ")
}

// loadExamples shows p's examples, the first on the form.
func (s *ProgramsScreen) loadExamples() {
	ex := s.ex
	if ex == nil {
		return
	}
	ex.results = nil
	ex.cur = -1
	ex.table.Refresh()
	ex.list.UnselectAll()
	ex.list.Refresh()
	if len(s.draft.Examples) > 0 {
		s.showExample(0)
	} else {
		s.writeExample(engine.Example{})
		s.enableExample(false)
	}
	ex.status.Importance = widget.MediumImportance
	if len(s.draft.Examples) == 0 {
		ex.status.SetText(T(noExamples))
	} else {
		ex.status.SetText("")
	}
}

const noExamples = "No golden examples yet: Add example writes down what a partner should earn, and every save checks it."

// enableExample enables the form while an example is on it.
func (s *ProgramsScreen) enableExample(on bool) {
	ex := s.ex
	for _, it := range ex.form.Items {
		if d, ok := it.Widget.(fyne.Disableable); ok {
			if on {
				d.Enable()
			} else {
				d.Disable()
			}
		}
	}
	if on {
		ex.removeBtn.Enable()
	} else {
		ex.removeBtn.Disable()
	}
}

// showExample keeps the example on the form and shows example i.
func (s *ProgramsScreen) showExample(i int) {
	ex := s.ex
	if i < 0 || i >= len(s.draft.Examples) {
		return
	}
	if ex.cur >= 0 && ex.cur < len(s.draft.Examples) && ex.cur != i {
		if e, bad := s.readExample(); len(bad) == 0 {
			s.draft.Examples[ex.cur] = e
		}
	}
	was := s.loading
	s.loading = true
	ex.cur = i
	ex.list.Select(i)
	s.writeExample(s.draft.Examples[i])
	s.enableExample(true)
	s.loading = was
	if !was {
		s.validateDraft()
	}
}

// writeExample shows e on the form.
func (s *ProgramsScreen) writeExample(e engine.Example) {
	ex := s.ex
	ex.name.SetText(e.Name)
	ex.tier.SetList(e.Tier)
	if e.PartnerKind == "" {
		ex.kind.SetSelected("default")
	} else {
		setSelected(ex.kind, string(e.PartnerKind))
	}
	ex.segment.SetText(e.Segment)
	ex.sales.SetText(decText(e.Sales))
	ex.units.SetText(decText(e.Units))
	nf := func(sel *widget.Select, f engine.NewFilter) {
		if f == engine.FilterAny {
			sel.SetSelected("default")
		} else {
			setSelected(sel, string(f))
		}
	}
	nf(ex.customer, e.Customer)
	nf(ex.product, e.Product)
	ex.count.SetText(intText(e.Count))
	lines := make([]string, len(e.Expect))
	for i, x := range e.Expect {
		var parts []string
		if x.Amount.Valid {
			parts = append(parts, x.Amount.Decimal.String())
		}
		if x.Points != nil {
			parts = append(parts, strconv.FormatInt(*x.Points, 10)+" points")
		}
		lines[i] = x.Rule + ": " + strings.Join(parts, " and ")
	}
	ex.expect.SetText(strings.Join(lines, "\n"))
}

// readExample reads the example on the form; problems by path under it.
func (s *ProgramsScreen) readExample() (engine.Example, map[string]string) {
	ex := s.ex
	fr := &formReader{svc: s.svc, bad: map[string]string{}}
	e := engine.Example{Name: strings.TrimSpace(ex.name.Text), Tier: strings.TrimSpace(strings.Trim(strings.TrimSpace(ex.tier.Text), ",")),
		Segment: strings.TrimSpace(ex.segment.Text), Sales: fr.amount("sales", ex.sales.Text), Units: fr.amount("units", ex.units.Text),
		Count: fr.integer("count", ex.count.Text)}
	if k := ex.kind.Selected; k != "" && k != "default" {
		e.PartnerKind = engine.PartnerKind(k)
	}
	nf := func(sel *widget.Select) engine.NewFilter {
		if sel.Selected == "" || sel.Selected == "default" {
			return engine.FilterAny
		}
		return engine.NewFilter(sel.Selected)
	}
	e.Customer, e.Product = nf(ex.customer), nf(ex.product)
	fr.named("expect", ex.expect.Text, func(rule, rest string) {
		x := engine.Expectation{Rule: rule}
		for _, part := range strings.FieldsFunc(rest, func(r rune) bool { return r == '+' || r == '&' }) {
			part = strings.TrimSpace(strings.ReplaceAll(part, " and ", " + "))
			for _, p := range strings.Split(part, " + ") {
				p = strings.TrimSpace(p)
				if p == "" {
					continue
				}
				low := strings.ToLower(p)
				if strings.HasSuffix(low, "points") || strings.HasSuffix(low, "point") {
					n, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(low, "points"), "point")), 10, 64)
					if err != nil {
						fr.fail("expect", "%q is not a whole number of points (write e.g. 75 points)", p)
						continue
					}
					x.Points = &n
					continue
				}
				x.Amount = decimal.NewNullDecimal(fr.amount("expect", p))
			}
		}
		e.Expect = append(e.Expect, x)
	})
	return e, fr.bad
}

// onAddExample adds an example naming the rule on show, its expectation
// left for the owner to type.
func (s *ProgramsScreen) onAddExample() {
	ex := s.ex
	if ex.cur >= 0 && ex.cur < len(s.draft.Examples) {
		if e, bad := s.readExample(); len(bad) == 0 {
			s.draft.Examples[ex.cur] = e
		}
	}
	key := ""
	if c := s.re.cur; c >= 0 && c < len(s.draft.Rules) {
		key = strings.TrimSpace(s.re.key.Text)
	}
	n := len(s.draft.Examples) + 1
	name := fmt.Sprintf("example %d", n)
	s.draft.Examples = append(s.draft.Examples, engine.Example{Name: name, Expect: []engine.Expectation{{Rule: key}}})
	ex.list.Refresh()
	ex.cur = -1
	s.showExample(n - 1)
	if key != "" {
		s.loading = true
		ex.expect.SetText(key + ": ")
		ex.expect.CursorRow, ex.expect.CursorColumn = 0, len([]rune(ex.expect.Text)) // the amount is typed after the key
		ex.expect.Refresh()
		s.loading = false
	}
	s.side.SelectIndex(1)
	s.win.Canvas().Focus(ex.name)
	ex.name.TypedShortcut(&fyne.ShortcutSelectAll{})
}

// onRemoveExample removes the example on the form.
func (s *ProgramsScreen) onRemoveExample() {
	ex := s.ex
	i := ex.cur
	if i < 0 || i >= len(s.draft.Examples) {
		return
	}
	s.draft.Examples = append(s.draft.Examples[:i:i], s.draft.Examples[i+1:]...)
	ex.cur = -1
	ex.list.UnselectAll()
	ex.list.Refresh()
	if len(s.draft.Examples) > 0 {
		s.showExample(max(0, i-1))
	} else {
		s.loading = true
		s.writeExample(engine.Example{})
		s.loading = false
		s.enableExample(false)
	}
	s.onEdited()
}

// scheduleExamples computes p's examples once the typing pauses and shows
// what each expectation computes beside what it expects.
func (s *ProgramsScreen) scheduleExamples(p engine.Program) {
	es, ok := s.svc.(ProgramExampleService)
	ex := s.ex
	if !ok || ex == nil {
		return
	}
	s.previewMu.Lock()
	defer s.previewMu.Unlock()
	if ex.timer != nil && ex.timer.Stop() {
		s.wg.Done()
	}
	if len(p.Examples) == 0 {
		ex.timer = nil
		ex.gen++
		ex.results = nil
		ex.table.Refresh()
		ex.status.Importance = widget.MediumImportance
		ex.status.SetText(T(noExamples))
		return
	}
	s.wg.Add(1)
	ex.gen++
	gen := ex.gen
	ex.timer = time.AfterFunc(previewDelay, func() {
		defer s.wg.Done()
		rs, err := es.RunProgramExamples(p)
		fyne.Do(func() {
			s.previewMu.Lock()
			stale := gen != ex.gen
			s.previewMu.Unlock()
			if !stale {
				s.showExampleResults(rs, err)
			}
		})
	})
}

// showExampleResults fills the table of expected beside computed.
func (s *ProgramsScreen) showExampleResults(rs []engine.ExampleResult, err error) {
	ex := s.ex
	ex.results = rs
	ex.table.Refresh()
	ex.list.Refresh()
	if err != nil {
		ex.status.Importance = widget.DangerImportance
		ex.status.SetText(Tf("The examples could not be computed: %v", err))
		return
	}
	failed := 0
	for _, r := range rs {
		if !r.Pass {
			failed++
		}
	}
	if failed == 0 {
		ex.status.Importance = widget.SuccessImportance
		ex.status.SetText(Tf("All %d expectations pass.", len(rs)))
		return
	}
	ex.status.Importance = widget.DangerImportance
	ex.status.SetText(Tf("%d of %d expectations fail: the save waits until the rules or the examples agree.", failed, len(rs)))
}

// showFailedExample brings a refused example forward: the examples tab,
// that example on the form, its expected and computed figures beside it.
func (s *ProgramsScreen) showFailedExample(problems map[string]string) bool {
	if s.ex == nil {
		return false
	}
	first := -1
	for f := range problems {
		var i int
		if n, _ := fmt.Sscanf(f, "examples[%d]", &i); n == 1 && (first < 0 || i < first) {
			first = i
		}
	}
	if first < 0 || first >= len(s.draft.Examples) {
		return false
	}
	s.side.SelectIndex(1)
	if first != s.ex.cur {
		s.showExample(first)
	}
	p, _ := s.readProgram()
	s.scheduleExamples(p)
	return true
}
