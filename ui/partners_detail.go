package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partnerdesk/engine"
	"partnerdesk/engine/i18n"
	"partnerdesk/engine/views"
)

// PartnerListService lists partners filtered and sorted (the partner
// screen finds it on the backend by type assertion; without it the list
// only searches).
type PartnerListService interface {
	// PartnerList returns the partners f selects, in f's order, with the
	// tier each holds today and the values each filter can take.
	PartnerList(f views.PartnerFilter) (views.PartnerList, error)
}

// PartnerDetailService gives the tabs beside a partner's form their
// figures, and prints one of its statements through the statement use
// case.
type PartnerDetailService interface {
	// PartnerDetail returns the partner's tier and history, sales,
	// registrations, reward lines, balances and statement periods.
	PartnerDetail(id engine.ID) (views.PartnerDetail, error)
	// SaveStatementFile writes one statement as "pdf", "csv" or "xlsx" to
	// path, atomically and readable by the user only.
	SaveStatementFile(payee engine.Payee, period, format, path string) error
}

// The tabs beside the partner form, in order.
const (
	pdTabPartner = iota
	pdTabReps
	pdTabTiers
	pdTabSales
	pdTabRegistrations
	pdTabRewards
	pdTabStatements
)

// partnerDetail is the summary line and the tabs of the partner screen:
// the form and the reps, then what the partner has done and earned.
type partnerDetail struct {
	sc  *partnersScreen
	svc PartnerDetailService // nil: the form and the reps only

	summary *widget.Label
	tabs    *container.AppTabs
	box     *fyne.Container // holds the summary above the tabs; laid out again when it changes

	d   views.PartnerDetail // ID 0: nothing loaded
	fmt numFmt

	tierTable, salesTable, regTable, rewardTable *widget.Table
	stmtTable, stmtLineTable                     *widget.Table
	stmtPeriod                                   string
	stmtLines                                    []views.ReviewedLine
	stmtNote                                     *widget.Label
	print                                        *widget.Button
}

// It is long because it declares the five tables of the detail and their
// columns in one place; it holds no rule.
func newPartnerDetail(sc *partnersScreen, form, reps fyne.CanvasObject) *partnerDetail {
	pd := &partnerDetail{sc: sc}
	pd.svc, _ = sc.b.(PartnerDetailService)
	pd.summary = widget.NewLabel("")
	pd.summary.Wrapping = fyne.TextWrapWord
	right := fyne.TextAlignTrailing
	left := fyne.TextAlignLeading

	// Column minimums add up to what the pane has at 1280 pixels, so no
	// amount is cut; the text column (customer, explanation) takes what is
	// left, and its text is what truncates.
	pd.tierTable = newTextTable([]column{{T("From"), 110, left}, {T("Tier"), 160, left}, {T("Note"), 260, left}},
		func() int { return len(pd.d.TierHistory) }, pd.tierCell)
	pd.salesTable = newTextTable([]column{{T("Date"), 105, left}, {T("Invoice"), 130, left}, {T("Customer"), 90, left},
		{T("Product"), 110, left}, {T("Quantity"), 75, right}, {T("Net"), 130, right}},
		func() int { return len(pd.d.Sales) }, pd.saleCell)
	pd.regTable = newTextTable([]column{{T("Submitted"), 95, left}, {T("Customer"), 130, left}, {T("Expected value"), 130, right},
		{T("Decision"), 90, left}, {T("Outcome"), 80, left}, {T("Rep"), 120, left}},
		func() int { return len(pd.d.Registrations) }, pd.regCell)
	rewardCols := []int{0, 1, 3, 4, 5, 6} // period, program, payee, amount, status, explanation
	pd.rewardTable = newTextTable([]column{{T("Period"), 85, left}, {T("Program"), 130, left},
		{T("Payee"), 120, left}, {T("Amount"), 130, right}, {T("Status"), 85, left}, {T("Explanation"), 110, left}},
		func() int { return len(pd.d.Rewards) }, func(r, c int) string { return pd.lineCell(pd.d.Rewards, r, rewardCols[c]) })
	// Period, amount and paid first: they fit even a 1024-pixel window.
	pd.stmtTable = newTextTable([]column{{T("Period"), 100, left}, {T("Amount"), 130, right}, {T("Paid"), 130, right},
		{T("Lines"), 55, right}, {T("Points"), 80, right}, {T("Draft lines"), 90, right}},
		func() int { return len(pd.d.Statements) }, pd.stmtCell)
	pd.stmtTable.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(pd.d.Statements) {
			pd.showStatement(pd.d.Statements[id.Row].Period)
		}
	}
	// The statement's lines without period and payee (the selected row
	// names both); the explanation starts with the rule's name.
	stmtCols := []int{1, 4, 5, 6} // program, amount, status, explanation
	pd.stmtLineTable = newTextTable([]column{{T("Program"), 130, left},
		{T("Amount"), 130, right}, {T("Status"), 85, left}, {T("Explanation"), 200, left}},
		func() int { return len(pd.stmtLines) }, func(r, c int) string { return pd.lineCell(pd.stmtLines, r, stmtCols[c]) })
	pd.stmtNote = widget.NewLabel(T("Pick a period to see its lines."))
	pd.stmtNote.Truncation = fyne.TextTruncateEllipsis
	pd.print = widget.NewButtonWithIcon(T("Print statement…"), theme.DocumentPrintIcon(), pd.onPrint)
	pd.print.Disable()

	stmtTop := fitTable(pd.stmtTable, []float32{100, 130, 130, 55, 80, 90}, 0)
	stmtBottom := container.NewBorder(container.NewBorder(nil, nil, nil, pd.print, pd.stmtNote), nil, nil, nil,
		fitTable(pd.stmtLineTable, []float32{130, 130, 85, 200}, 3))
	stmts := container.NewVSplit(stmtTop, stmtBottom)
	stmts.Offset = 0.4

	pd.tabs = container.NewAppTabs(
		container.NewTabItem(T("Partner"), form),
		container.NewTabItem(T("Reps"), reps),
		container.NewTabItem(T("Tiers"), fitTable(pd.tierTable, []float32{110, 160, 260}, 2)),
		container.NewTabItem(T("Sales"), fitTable(pd.salesTable, []float32{105, 130, 90, 110, 75, 130}, 2)),
		container.NewTabItem(T("Registrations"), fitTable(pd.regTable, []float32{95, 130, 130, 90, 80, 120}, 1)),
		container.NewTabItem(T("Rewards"), fitTable(pd.rewardTable, []float32{85, 130, 120, 130, 85, 110}, 5)),
		container.NewTabItem(T("Statements"), stmts),
	)
	return pd
}

// load fetches partner id's detail off the UI goroutine (the shell's
// Async, which tests run in line); id 0 (a new partner) has none, and only
// its form is open.
func (pd *partnerDetail) load(id engine.ID) {
	pd.d = views.PartnerDetail{}
	pd.stmtPeriod, pd.stmtLines = "", nil
	pd.summary.SetText("")
	pd.summary.Hide()
	pd.refreshTables()
	defer pd.relayout()
	for i := pdTabReps; i <= pdTabStatements; i++ {
		if id == 0 || (pd.svc == nil && i > pdTabReps) {
			pd.tabs.DisableIndex(i)
		} else {
			pd.tabs.EnableIndex(i)
		}
	}
	if id == 0 {
		pd.tabs.SelectIndex(pdTabPartner)
	}
	if id == 0 || pd.svc == nil {
		return
	}
	// The line keeps its place while the figures come, so the tabs do
	// not jump under the pointer.
	pd.summary.SetText(T("Loading…"))
	pd.summary.Show()
	pd.sc.shell.Async(func() {
		d, err := pd.svc.PartnerDetail(id)
		fyne.Do(func() {
			if pd.sc.editing.ID != id {
				return // another partner was opened meanwhile
			}
			if err != nil {
				pd.summary.SetText(sentence(err))
				pd.summary.Show()
				pd.relayout()
				return
			}
			pd.show(d)
		})
	})
}

func (pd *partnerDetail) show(d views.PartnerDetail) {
	pd.d = d
	f := numFmt{lang: Lang(), cur: d.Currency}
	pd.fmt = f
	tier := d.Tier
	if tier == "" {
		tier = T("none")
	}
	pd.summary.SetText(Tf("Tier %s on %s · fund %s (%s lapse within 30 days) · points %s (its reps %s) · %d sales, %s",
		tier, i18n.Date(d.AsOf, f.lang), f.money(d.FundBalance), f.money(d.FundExpiring),
		f.pointsBare(d.Points), f.pointsBare(d.RepPoints), d.SalesCount, f.money(d.SalesNet)))
	pd.summary.Show()
	pd.relayout()
	pd.refreshTables()
	if len(d.Statements) > 0 {
		pd.stmtTable.Select(widget.TableCellID{Row: 0, Col: 0})
		pd.stmtTable.ScrollToTop()
		pd.stmtTable.ScrollToLeading()
	}
}

// relayout lays the summary and the tabs out again after the summary
// changed its height (shown, hidden, one line or three).
func (pd *partnerDetail) relayout() {
	if pd.box != nil {
		pd.box.Refresh()
	}
}

func (pd *partnerDetail) refreshTables() {
	for _, t := range []*widget.Table{pd.tierTable, pd.salesTable, pd.regTable, pd.rewardTable, pd.stmtTable, pd.stmtLineTable} {
		t.UnselectAll()
		t.Refresh()
	}
	pd.stmtNote.SetText(T("Pick a period to see its lines."))
	pd.print.Disable()
}

// showStatement lists the partner's own lines of period under the list of
// periods and offers to print that statement.
func (pd *partnerDetail) showStatement(period string) {
	pd.stmtPeriod = period
	pd.stmtLines = nil
	for _, l := range pd.d.Rewards {
		if l.Line.Period == period && l.Line.Payee == pd.payee() {
			pd.stmtLines = append(pd.stmtLines, l)
		}
	}
	pd.stmtLineTable.Refresh()
	pd.stmtNote.SetText(Tf("Statement of %s for %s: %d lines", pd.d.Partner.Name, i18n.PeriodName(period, pd.fmt.lang), len(pd.stmtLines)))
	pd.print.Enable()
}

func (pd *partnerDetail) payee() engine.Payee {
	return engine.Payee{Kind: engine.PayeePartner, ID: pd.d.Partner.ID}
}

// onPrint asks where to save the selected period's statement as a PDF and
// has the statement use case write it there, as the statements screen does
// (atomically: the window never writes a file itself).
func (pd *partnerDetail) onPrint() {
	if pd.stmtPeriod == "" || pd.svc == nil {
		return
	}
	period, name := pd.stmtPeriod, pd.d.Partner.Name
	win := pd.sc.shell.Window()
	d := newPathSave(win, folderStatements, Tf("Save the statement of %s for %s as PDF", name, period),
		fileName(period, name)+".pdf", []string{".pdf"}, pd.save)
	d.Show()
}

// save writes the selected period's statement as a PDF to path in the
// background.
func (pd *partnerDetail) save(path string) {
	payee, period, name := pd.payee(), pd.stmtPeriod, pd.d.Partner.Name
	win := pd.sc.shell.Window()
	pd.sc.shell.Async(func() {
		err := pd.svc.SaveStatementFile(payee, period, FormatPDF, path)
		fyne.Do(func() {
			if err != nil {
				showErr(fmt.Errorf("write the statement of %s for %s: %w", name, period, err), win)
				return
			}
			pd.sc.shell.SetStatus(Tf("Saved %s", path))
		})
	})
}

func (pd *partnerDetail) tierCell(row, col int) string {
	if row >= len(pd.d.TierHistory) {
		return ""
	}
	h := pd.d.TierHistory[row]
	switch col {
	case 0:
		return i18n.Date(h.From, pd.fmt.lang)
	case 1:
		return h.Tier
	}
	return h.Note
}

func (pd *partnerDetail) saleCell(row, col int) string {
	if row >= len(pd.d.Sales) {
		return ""
	}
	r := pd.d.Sales[row]
	x := r.Sale
	switch col {
	case 0:
		return i18n.Date(x.Date, pd.fmt.lang)
	case 1:
		if x.Line > 1 {
			return fmt.Sprintf("%s/%d", x.Invoice, x.Line)
		}
		return x.Invoice
	case 2:
		return x.Customer
	case 3:
		return r.Product
	case 4:
		return pd.fmt.cell(views.NumberCell(x.Quantity))
	}
	return pd.fmt.money(x.Net)
}

func (pd *partnerDetail) regCell(row, col int) string {
	if row >= len(pd.d.Registrations) {
		return ""
	}
	r := pd.d.Registrations[row]
	g := r.Registration
	switch col {
	case 0:
		return i18n.Date(g.Submitted, pd.fmt.lang)
	case 1:
		return g.Customer
	case 2:
		return pd.fmt.money(g.ExpectedValue)
	case 3:
		return string(g.Decision)
	case 4:
		return string(g.Outcome)
	}
	return r.Rep
}

// lineCell is one cell of a reward line: period, program, rule, payee,
// amount (or points), status, explanation.
func (pd *partnerDetail) lineCell(lines []views.ReviewedLine, row, col int) string {
	if row >= len(lines) {
		return ""
	}
	l := lines[row]
	switch col {
	case 0:
		return i18n.PeriodName(l.Line.Period, pd.fmt.lang)
	case 1:
		return l.Program
	case 2:
		return l.Rule
	case 3:
		return l.Payee
	case 4:
		if l.Line.Unit == engine.UnitPoints {
			return pd.fmt.points(l.Line.Points)
		}
		return pd.fmt.money(l.Line.Amount)
	case 5:
		return string(l.Line.Status)
	}
	return strings.TrimSpace(l.Explanation)
}

func (pd *partnerDetail) stmtCell(row, col int) string {
	if row >= len(pd.d.Statements) {
		return ""
	}
	s := pd.d.Statements[row]
	switch col {
	case 0:
		return i18n.PeriodName(s.Period, pd.fmt.lang)
	case 1:
		return pd.fmt.money(s.Amount)
	case 2:
		return pd.fmt.money(s.Paid)
	case 3:
		return fmt.Sprint(s.Lines)
	case 4:
		return pd.fmt.pointsBare(s.Points)
	}
	return fmt.Sprint(s.Draft)
}
