package ui

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"

	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// fakeServices implements the dashboard, program, period and statement services
// in memory and records what the screens asked.
type fakeServices struct {
	mu sync.Mutex

	dash    views.Dashboard
	figures []views.Figure

	programs views.ProgramList
	saved    []engine.Program
	sim      views.Simulation
	amounts  map[string]decimal.Decimal // ParseAmount's answers
	parsed   []string                   // the texts ParseAmount was given
	simFor   string

	period   views.PeriodInfo
	review   views.PeriodReview
	computed int
	approved [][]engine.ID
	confirms []bool
	// budget, when set, is returned by Approve until it is confirmed.
	budget *engine.BudgetError
	pays   []views.PayInput
	closed []string

	payees   []views.PayeeRef
	previews []engine.Payee
	printed  []string // "period|dir"
	// printGate, when set, is closed by the fake after the first file and
	// the fake then waits for the context to be cancelled.
	printGate chan struct{}
}

func mustDec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

var eurCurrency = engine.Currency{Code: "EUR", MinorUnits: 2}

// newFakeServices returns a fake holding a small, hand-checked period.
func newFakeServices() *fakeServices {
	f := &fakeServices{}
	f.dash = views.Dashboard{
		Period: "2026-07", Previous: "2026-06", YearBefore: "2025-07", Next: "2026-08",
		Language: "en", Currency: eurCurrency,
		// Revenue 102,500.50 against 82,000.40: growth = 20,500.10 / 82,000.40 = 25.0 %.
		Revenue: mustDec("102500.50"), RevenuePrevious: mustDec("82000.40"), RevenueYearBefore: mustDec("0"),
		GrowthPrevious: decimal.NewNullDecimal(mustDec("25.0")),
		RevenueByMonth: []views.MonthRevenue{{Month: "2026-05", Revenue: mustDec("70000")}, {Month: "2026-06", Revenue: mustDec("82000.40")}, {Month: "2026-07", Revenue: mustDec("102500.50")}},
		// Cost 5,125.03 + 1,000.00 = 6,125.03; 6,125.03 / 102,500.50 = 5.98 % -> 6.0 %.
		Cost: mustDec("6125.03"), CostPoints: 1200, CostRatio: decimal.NewNullDecimal(mustDec("5.98")),
		Programs: []views.ProgramCost{
			{ProgramID: 1, Name: "Volume rebate", Cost: mustDec("5125.03"), CostRatio: decimal.NewNullDecimal(mustDec("5.0")), Spent: mustDec("9000"), Budget: mustDec("10000")},
			{ProgramID: 2, Name: "Gems", Cost: mustDec("1000"), Points: 1200, CostRatio: decimal.NewNullDecimal(mustDec("0.98")), Spent: mustDec("2500"), Budget: mustDec("2000")},
		},
		ActivePartners: 7, AllActivePartners: 12,
		Tiers: []views.TierCount{{Tier: "Registered", Partners: 6}, {Tier: "Silver", Partners: 4}, {Tier: "Gold", Partners: 2}},
		Leaders: views.Leaderboard{
			PartnersByRevenue: []views.LeaderRow{{Payee: engine.Payee{Kind: engine.PayeePartner, ID: 1}, Name: "Acme Srl", Revenue: mustDec("60000"), Points: 300}},
			RepsByPoints:      []views.LeaderRow{{Payee: engine.Payee{Kind: engine.PayeeRep, ID: 9}, Name: "Ana Ruiz", Partner: "Acme Srl", Points: 900}},
		},
		Registrations:     views.RegistrationCounts{Submitted: 9, Approved: 6, Won: 3, Lost: 1, Expired: 2},
		Funds:             views.FundPosition{Balance: mustDec("4300"), Expiring: mustDec("750.5"), ExpiringBy: engine.MustDate("2026-08-30")},
		PointsOutstanding: 15250,
	}
	rebate := engine.Program{ID: 1, Name: "Volume rebate", Currency: "EUR", PeriodKind: engine.PeriodQuarter,
		ValidFrom: engine.MustDate("2026-01-01"), Budget: mustDec("10000"), Status: engine.ProgramActive,
		Rules: []engine.Rule{{Key: "rebate", Name: "Volume rebate", Kind: engine.RuleRate, Basis: engine.BasisRevenue,
			Rate: &engine.RateRule{Mode: engine.Retroactive, Bands: []engine.Band{{From: mustDec("0"), Rate: mustDec("2")}, {From: mustDec("100000"), Rate: mustDec("5")}}}}}}
	f.programs = views.ProgramList{Language: "en", Currency: eurCurrency, Programs: []views.ProgramSpend{{Program: rebate, Spent: mustDec("9000")}}}

	f.period = views.PeriodInfo{Key: "2026-07", Start: engine.MustDate("2026-07-01"), End: engine.MustDate("2026-07-31")}
	f.payees = []views.PayeeRef{
		{Payee: engine.Payee{Kind: engine.PayeePartner, ID: 1}, Name: "Acme Srl"},
		{Payee: engine.Payee{Kind: engine.PayeePartner, ID: 2}, Name: "東京システム株式会社"},
		{Payee: engine.Payee{Kind: engine.PayeeRep, ID: 9}, Name: "Ana Ruiz", Partner: "Acme Srl"},
	}
	return f
}

// line builds a draft money line of a payee.
func draftLine(id engine.ID, prog engine.ID, payee engine.ID, amount string) engine.RewardLine {
	return engine.RewardLine{ID: id, Period: "2026-07", ProgramID: prog, RuleKey: "r", Unit: engine.UnitMoney,
		Payee: engine.Payee{Kind: engine.PayeePartner, ID: payee}, PartnerID: payee, Amount: mustDec(amount), Status: engine.LineDraft,
		Explanation: engine.Explanation{Key: "rate.flat", Args: []engine.Arg{
			engine.TextArg("rule", "Rebate"), engine.MoneyArg("basis", mustDec(amount).Mul(mustDec("20")), eurCurrency),
			engine.PeriodArg("period", "2026-07"), engine.PercentArg("rate", mustDec("5")), engine.MoneyArg("amount", mustDec(amount), eurCurrency)}}}
}

func (f *fakeServices) Dashboard(period string) (views.Dashboard, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if period != "" && period != f.dash.Period {
		return views.Dashboard{}, fmt.Errorf("%q is not a period: write a month 2026-07", period)
	}
	return f.dash, nil
}

func (f *fakeServices) DashboardDetail(period string, fig views.Figure) (views.DetailTable, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.figures = append(f.figures, fig)
	return views.DetailTable{Columns: []string{"Invoice", "Partner", "Net"}, Rows: [][]views.Cell{
		{views.TextCell("INV-1"), views.TextCell("Acme Srl"), views.MoneyCell(mustDec("1234.5"))},
	}, Total: "Total 1,234.50 EUR"}, nil
}

func (f *fakeServices) ProgramList() (views.ProgramList, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.programs, nil
}

func (f *fakeServices) ProgramByID(id engine.ID) (engine.Program, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, p := range f.programs.Programs {
		if p.Program.ID == id {
			return p.Program, nil
		}
	}
	return engine.Program{}, fmt.Errorf("program %d: %w", id, engine.ErrNotFound)
}

func (f *fakeServices) ReadProgram(data []byte) (engine.Program, error) {
	return engine.Program{Name: strings.TrimSpace(string(data))}, nil
}

func (f *fakeServices) SaveProgram(p engine.Program) (engine.Program, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if p.Name == "" {
		return p, &engine.ValidationError{Field: "name", Reason: "A program needs a name."}
	}
	if p.ID == 0 {
		p.ID = engine.ID(len(f.programs.Programs) + 1)
	}
	f.saved = append(f.saved, p)
	return p, nil
}

// ParseAmount answers from amounts (text -> value) when the test set it,
// else reads plain numbers only: the screen must pass what was typed and
// keep what the service read.
func (f *fakeServices) ParseAmount(field, text string) (decimal.Decimal, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.parsed = append(f.parsed, text)
	if d, ok := f.amounts[text]; ok {
		return d, nil
	}
	d, err := decimal.NewFromString(text)
	if err != nil {
		return d, &engine.ValidationError{Field: field, Reason: fmt.Sprintf("%q is not an amount", text)}
	}
	return d, nil
}

func (f *fakeServices) ExportProgramByID(id engine.ID) ([]byte, error) {
	return []byte(fmt.Sprintf(`{"id":%d}`, id)), nil
}

func (f *fakeServices) Simulate(p engine.Program, period string) (views.Simulation, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.simFor = p.Name + "|" + period
	return f.sim, nil
}

func (f *fakeServices) RunPeriodKey() (string, error) { return "2026-07", nil }

func (f *fakeServices) Today() engine.Date { return engine.MustDate("2026-08-05") }

func (f *fakeServices) PeriodInfo(key string) (views.PeriodInfo, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if key != f.period.Key {
		return views.PeriodInfo{}, fmt.Errorf("%q is not a period: write a month 2026-07, a quarter 2026-Q3, a fiscal year 2026 or custom:2026-01-15..2026-03-31", key)
	}
	return f.period, nil
}

// Compute makes three lines: two of Volume rebate (5,125.03 and 1,250.00 to
// partners 1 and 2) and one of Gems (300.00 to partner 1), reporting
// progress once per program.
func (f *fakeServices) ComputeForRun(period string, progress func(done, total int)) (views.ComputeRun, error) {
	progress(0, 2)
	progress(1, 2)
	progress(2, 2)
	f.mu.Lock()
	defer f.mu.Unlock()
	f.computed++
	f.review = views.PeriodReview{Period: f.period, Language: "en", Currency: eurCurrency,
		Lines: []views.ReviewedLine{
			{Line: draftLine(1, 1, 1, "5125.03"), Program: "Volume rebate", Rule: "Rebate", Payee: "Acme Srl"},
			{Line: draftLine(2, 1, 2, "1250.00"), Program: "Volume rebate", Rule: "Rebate", Payee: "東京システム株式会社"},
			{Line: demosLine(), Program: "Gems", Rule: "Demos", Payee: "Acme Srl", Explanation: "Demos: 3 x demo in 2026-07 at 100.00 EUR = 300.00 EUR"},
		},
		Totals: []views.ReviewTotal{
			{ProgramID: 1, Program: "Volume rebate", Amount: mustDec("6375.03"), Spent: mustDec("9000"), Budget: mustDec("10000")},
			{ProgramID: 2, Program: "Gems", Amount: mustDec("300"), Spent: mustDec("0")},
		}}
	return views.ComputeRun{ComputeSummary: views.ComputeSummary{Lines: 3}, Programs: 2}, nil
}

func (f *fakeServices) Review(period string) (views.PeriodReview, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	r := f.review
	r.Period = f.period
	r.Language, r.Currency = "en", eurCurrency
	// The back end sums the money lines; the screen only shows the sum.
	r.Money, r.Points = decimal.Zero, 0
	for _, l := range r.Lines {
		if l.Line.Unit == engine.UnitMoney || l.Line.Unit == "" {
			r.Money = r.Money.Add(l.Line.Amount)
		}
		r.Points += l.Line.Points
	}
	return r, nil
}

func (f *fakeServices) Approve(period string, ids []engine.ID, confirmed bool) (views.ApproveResult, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.confirms = append(f.confirms, confirmed)
	if f.budget != nil && !confirmed {
		return views.ApproveResult{}, fmt.Errorf("approve %d lines: %w", len(ids), f.budget)
	}
	f.approved = append(f.approved, ids)
	for i := range f.review.Lines {
		for _, id := range ids {
			if f.review.Lines[i].Line.ID == id {
				f.review.Lines[i].Line.Status = engine.LineApproved
			}
		}
	}
	return views.ApproveResult{Approved: len(ids)}, nil
}

func (f *fakeServices) Pay(in views.PayInput) (engine.Payout, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.pays = append(f.pays, in)
	return engine.Payout{ID: 1, Date: engine.MustDate(in.Date), Method: in.Method, Reference: in.Reference, LineIDs: in.Lines}, nil
}

func (f *fakeServices) CloseImpact(string) (views.CloseImpact, error) {
	return views.CloseImpact{Sales: 120, Registrations: 9, Trainings: 4, Activities: 30, Lines: 3, Draft: 1}, nil
}

func (f *fakeServices) ClosePeriod(period string) (engine.PeriodState, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.closed = append(f.closed, period)
	f.period.Closed = true
	return engine.PeriodState{Key: period}, nil
}

func (f *fakeServices) FindPayees(q string, limit int) ([]views.PayeeRef, error) {
	var out []views.PayeeRef
	for _, p := range f.payees {
		if strings.Contains(strings.ToLower(p.Label()), strings.ToLower(q)) && len(out) < limit {
			out = append(out, p)
		}
	}
	return out, nil
}

func (f *fakeServices) StatementPreview(period string, payee engine.Payee) (views.StatementPreview, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.previews = append(f.previews, payee)
	return views.StatementPreview{Payee: f.payees[0], Period: period, Language: "it", Currency: eurCurrency, Tier: "Silver",
		Progress: "34.500,00 EUR di fatturato e 1 certificazione per Gold", Sales: mustDec("65500"),
		Nudges:   []string{"mancano 9.500,00 EUR nel periodo 2026-Q3 per lo scaglione da 75.000,00 al 3,5 %"},
		Programs: []views.ProgramAmount{{Program: "Volume rebate", Amount: mustDec("1310")}}, Rewards: mustDec("1310"),
		Fund: mustDec("200"), YTD: mustDec("4000"), Lines: 1,
		Items: []views.StatementItem{{Program: "Volume rebate", Rule: "Rebate", Amount: mustDec("1310"), Status: engine.LineApproved,
			Explanation: "Rebate: 65.500,00 EUR nel periodo 2026-Q3 al 2 % = 1.310,00 EUR"}}}, nil
}

func (f *fakeServices) WriteStatement(payee engine.Payee, period, format string, w io.Writer) error {
	_, err := fmt.Fprintf(w, "%s %s %d", format, period, payee.ID)
	return err
}

// SaveStatementFile writes what WriteStatement writes to path.
func (f *fakeServices) SaveStatementFile(payee engine.Payee, period, format, path string) error {
	var b bytes.Buffer
	if err := f.WriteStatement(payee, period, format, &b); err != nil {
		return err
	}
	return os.WriteFile(path, b.Bytes(), 0o600)
}

// PrintAll writes three statements, or with printGate one and then waits
// to be cancelled.
func (f *fakeServices) PrintAll(ctx context.Context, period, dir string, progress func(done, total int)) (views.BatchResult, error) {
	f.mu.Lock()
	f.printed = append(f.printed, period+"|"+dir)
	gate := f.printGate
	f.mu.Unlock()
	res := views.BatchResult{Dir: dir, Total: 3}
	for i, p := range f.payees {
		if i == 1 && gate != nil {
			close(gate)
			<-ctx.Done()
			res.Canceled = true
			return res, ctx.Err()
		}
		res.Files = append(res.Files, fileName(period, p.Name)+".pdf")
		progress(i+1, 3)
	}
	return res, nil
}

// Compile-time checks that the fake serves the dashboard, programs, period
// run and statements screens.
var (
	_ DashboardService = (*fakeServices)(nil)
	_ ProgramService   = (*fakeServices)(nil)
	_ PeriodService    = (*fakeServices)(nil)
	_ StatementService = (*fakeServices)(nil)
)

// Helpers to look into a window, its dialogs included.

// allObjects returns every object drawn in w: the content and the overlays.
func allObjects(w fyne.Window) []fyne.CanvasObject {
	objs := walkObjects(nil, w.Content())
	for _, o := range w.Canvas().Overlays().List() {
		objs = walkObjects(objs, o)
	}
	return objs
}

// walkObjects collects o and its children through the renderers the canvas
// already uses (test.LaidOutObjects builds fresh ones, which hold no
// table cells).
func walkObjects(objs []fyne.CanvasObject, o fyne.CanvasObject) []fyne.CanvasObject {
	if o == nil {
		return objs
	}
	objs = append(objs, o)
	switch c := o.(type) {
	case fyne.Widget:
		for _, child := range test.WidgetRenderer(c).Objects() {
			objs = walkObjects(objs, child)
		}
	case *fyne.Container:
		for _, child := range c.Objects {
			objs = walkObjects(objs, child)
		}
	}
	return objs
}

// labelTexts returns the text of every visible label in w.
func labelTexts(w fyne.Window) []string {
	var out []string
	for _, o := range allObjects(w) {
		if l, ok := o.(*widget.Label); ok && l.Visible() {
			out = append(out, l.Text)
		}
	}
	return out
}

// hasLabel reports whether some label in w contains want.
func hasLabel(tb testing.TB, w fyne.Window, want string) bool {
	tb.Helper()
	for _, t := range labelTexts(w) {
		if strings.Contains(t, want) {
			return true
		}
	}
	return false
}

// buttonIn returns the visible button labelled text in w's overlays.
func buttonIn(tb testing.TB, w fyne.Window, text string) *widget.Button {
	tb.Helper()
	for _, o := range allObjects(w) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && b.Visible() {
			return b
		}
	}
	tb.Fatalf("no button %q in the window; labels: %q", text, labelTexts(w))
	return nil
}
