package gui_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"partnerdesk/app"
	"partnerdesk/app/demo"
	"partnerdesk/data"
	"partnerdesk/engine"
	"partnerdesk/engine/views"
	"partnerdesk/ui"
)

// screens is everything the screens ask of the application: the tests
// below call the service only through it, as the window does.
type screens interface {
	ui.Backend
	ui.DashboardService
	ui.ProgramService
	ui.PeriodService
	ui.ChangesService
	ui.StatementService
	ui.EntriesService
}

// guiBackend opens a fresh database holding ds, with the clock on today,
// and checks the file when the test ends. It returns the service twice:
// as the screens see it, and whole for setting up.
func guiBackend(tb testing.TB, ds demo.Dataset, today string) (screens, *app.Service) {
	tb.Helper()
	st, err := data.Open(filepath.Join(tb.TempDir(), "gui.db"), data.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	now := engine.MustDate(today).Time().Add(10 * time.Hour)
	svc := app.NewService(st, "tester", func() time.Time { return now })
	tb.Cleanup(func() {
		rep, err := st.Check()
		if err != nil || !rep.OK() {
			tb.Errorf("check after test: %v %v", err, rep.Problems)
		}
		st.Close()
	})
	if err := svc.LoadDataset(ds, nil); err != nil {
		tb.Fatal(err)
	}
	return svc, svc
}

var ctx = context.Background()

// The dashboard through the screens' interface: the keys around the
// period, twelve bars, and the rows behind a bar add up to it.
func TestServiceDashboard(t *testing.T) {
	b, svc := guiBackend(t, demo.Generate(1, engine.MustDate("2026-06-30")), "2026-07-05")
	if _, err := svc.ComputePeriod("2026-Q2", nil); err != nil {
		t.Fatal(err)
	}
	got, err := b.Dashboard("2026-Q2")
	if err != nil {
		t.Fatal(err)
	}
	if got.Period != "2026-Q2" || got.Previous != "2026-Q1" || got.YearBefore != "2025-Q2" || got.Next != "2026-Q3" {
		t.Errorf("keys %s %s %s %s", got.Period, got.Previous, got.YearBefore, got.Next)
	}
	if len(got.RevenueByMonth) != 12 || got.RevenueByMonth[11].Month != "2026-06" || !got.Revenue.IsPositive() {
		t.Fatalf("revenue %s by month %+v: want 12 bars ending with 2026-06", got.Revenue, got.RevenueByMonth)
	}
	want := got
	tbl, err := b.DashboardDetail("2026-Q2", views.Figure{Kind: views.FigureRevenue, Arg: "2026-06"})
	if err != nil {
		t.Fatal(err)
	}
	net := -1
	for i, c := range tbl.Columns {
		if c == "Net" {
			net = i
		}
	}
	sum := decimal.Zero
	for _, r := range tbl.Rows {
		if r[net].Kind != views.CellMoney || r[0].Kind != views.CellDate {
			t.Fatalf("row cells %+v: want a date first and money under Net", r)
		}
		sum = sum.Add(r[net].Dec)
	}
	if !sum.Equal(want.RevenueByMonth[11].Revenue) {
		t.Errorf("June's rows add up to %s, the bar says %s", sum, want.RevenueByMonth[11].Revenue)
	}
	if _, err := b.Dashboard("someday"); err == nil || !strings.Contains(err.Error(), "is not a period") {
		t.Errorf("a bad key gave %v, want the sentence on how to write a period", err)
	}
}

// TestBackendPeriodRun walks compute, review, approve past a budget, pay
// and close through the screens' interface.
func TestServicePeriodRun(t *testing.T) {
	b, svc := guiBackend(t, demo.Generate(1, engine.MustDate("2026-06-30")), "2026-07-05")
	// Most demo programs run by the quarter, and Q2 has ended and is open.
	key, err := b.RunPeriodKey()
	if err != nil || key != "2026-Q2" {
		t.Fatalf("current period %q, %v; want 2026-Q2", key, err)
	}
	info, err := b.PeriodInfo(key)
	if err != nil || info.Closed || info.Start != engine.MustDate("2026-04-01") || info.End != engine.MustDate("2026-06-30") {
		t.Fatalf("period %+v, %v", info, err)
	}
	var calls int
	res, err := b.ComputeForRun(key, func(done, total int) { calls++ })
	if err != nil || res.Lines == 0 || res.Programs == 0 || calls == 0 {
		t.Fatalf("compute %+v, %v, %d progress calls", res, err, calls)
	}
	rev, err := b.Review(key)
	if err != nil {
		t.Fatal(err)
	}
	if len(rev.Lines) != res.Lines || len(rev.Totals) != res.Programs {
		t.Fatalf("review has %d lines of %d programs; compute wrote %d of %d", len(rev.Lines), len(rev.Totals), res.Lines, res.Programs)
	}
	// Each program's total is the sum of its money lines.
	sums := map[engine.ID]decimal.Decimal{}
	for _, l := range rev.Lines {
		if l.Explanation == "" || l.Program == "" || l.Payee == "" {
			t.Fatalf("line without names or explanation: %+v", l)
		}
		if l.Line.Unit == engine.UnitMoney {
			sums[l.Line.ProgramID] = sums[l.Line.ProgramID].Add(l.Line.Amount)
		}
	}
	for _, tot := range rev.Totals {
		if !tot.Amount.Equal(sums[tot.ProgramID]) {
			t.Errorf("%s total %s, lines add up to %s", tot.Program, tot.Amount, sums[tot.ProgramID])
		}
	}

	// Shrink the first program's budget: approving its lines must ask.
	first := rev.Totals[0]
	p, err := b.ProgramByID(first.ProgramID)
	if err != nil {
		t.Fatal(err)
	}
	p.Budget = decimal.NewFromInt(1)
	if _, err := b.SaveProgram(p); err != nil {
		t.Fatal(err)
	}
	var ids []engine.ID
	for _, l := range rev.Lines {
		if l.Line.ProgramID == first.ProgramID {
			ids = append(ids, l.Line.ID)
		}
	}
	_, err = b.Approve(key, ids, false)
	var be *engine.BudgetError
	if !errors.As(err, &be) || !errors.Is(err, engine.ErrConfirmationNeeded) || len(be.Overruns) != 1 {
		t.Fatalf("approve past the budget: %v, want one *engine.BudgetError overrun", err)
	}
	if o := be.Overruns[0]; o.ProgramID != first.ProgramID || !o.Approving.Equal(first.Amount) || !o.Budget.Equal(decimal.NewFromInt(1)) {
		t.Errorf("overrun %+v, want program %d approving %s of 1", o, first.ProgramID, first.Amount)
	}
	all := make([]engine.ID, len(rev.Lines))
	for i, l := range rev.Lines {
		all[i] = l.Line.ID
	}
	if _, err := b.Approve(key, all, true); err != nil {
		t.Fatalf("confirmed approval: %v", err)
	}

	imp, err := b.CloseImpact(key)
	if err != nil {
		t.Fatal(err)
	}
	if imp.Lines != len(rev.Lines) || imp.Draft != 0 || imp.Sales == 0 || imp.Registrations == 0 {
		t.Errorf("close impact %+v, want %d lines, none draft, some sales and registrations", imp, len(rev.Lines))
	}
	// Closing refuses unpaid lines; pay each payee, then close.
	if _, err := b.ClosePeriod(key); err == nil {
		t.Fatal("closing with unpaid lines gave no error")
	}
	by := map[engine.Payee][]engine.ID{}
	owed := map[engine.Payee]decimal.Decimal{}
	for _, l := range rev.Lines {
		if l.Line.Unit == engine.UnitMoney && !l.Line.Amount.IsZero() {
			by[l.Line.Payee] = append(by[l.Line.Payee], l.Line.ID)
			owed[l.Line.Payee] = owed[l.Line.Payee].Add(l.Line.Amount)
		}
	}
	for py, ids := range by {
		po, err := b.Pay(views.PayInput{Lines: ids, Date: b.Today().String(), Method: "bank transfer", Reference: "Q2"})
		if err != nil {
			t.Fatalf("pay %v: %v", py, err)
		}
		if !po.Amount.Equal(owed[py]) || po.Payee != py {
			t.Errorf("payout %+v, want %s to %v", po, owed[py], py)
		}
	}
	// The monthly programs' months inside the quarter must be computed
	// (and settled) before the quarter closes: closing it closes them.
	_, err = b.ClosePeriod(key)
	if err == nil || !strings.Contains(err.Error(), "compute 2026-04, 2026-05, 2026-06 first") {
		t.Fatalf("closing with uncomputed months: %v", err)
	}
	for _, m := range []string{"2026-04", "2026-05", "2026-06"} {
		if _, err := svc.ComputePeriod(m, nil); err != nil {
			t.Fatal(err)
		}
		if _, err := svc.Approve(m, nil, true); err != nil {
			t.Fatal(err)
		}
		ls, err := svc.Lines(m, app.LineFilter{Status: engine.LineApproved})
		if err != nil {
			t.Fatal(err)
		}
		pay := map[engine.Payee][]engine.ID{}
		for _, l := range ls {
			if l.Unit == engine.UnitMoney && !l.Amount.IsZero() {
				pay[l.Payee] = append(pay[l.Payee], l.ID)
			}
		}
		for _, ids := range pay {
			if _, err := svc.Pay(views.PayInput{Lines: ids, Method: "bank transfer", Reference: m}); err != nil {
				t.Fatal(err)
			}
		}
	}
	if _, err := b.ClosePeriod(key); err != nil {
		t.Fatal(err)
	}
	if info, err := b.PeriodInfo(key); err != nil || !info.Closed {
		t.Errorf("after closing: %+v, %v", info, err)
	}
	// With Q2 closed, the screens open on the running quarter.
	if key, err := b.RunPeriodKey(); err != nil || key != "2026-Q3" {
		t.Errorf("current period after closing %q, %v; want 2026-Q3", key, err)
	}
	// A line already paid is not paid twice.
	for py, ids := range by {
		if _, err := b.Pay(views.PayInput{Lines: ids, Method: "bank transfer"}); err == nil {
			t.Errorf("paying %v's lines twice gave no error", py)
		}
		break
	}
}

func TestServiceProgramsAndSimulation(t *testing.T) {
	b, svc := guiBackend(t, demo.Generate(1, engine.MustDate("2026-06-30")), "2026-07-05")
	if _, err := svc.ComputePeriod("2026-Q2", nil); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Approve("2026-Q2", nil, true); err != nil {
		t.Fatal(err)
	}
	list, err := b.ProgramList()
	if err != nil || len(list.Programs) == 0 || list.Currency.Code != "EUR" {
		t.Fatalf("programs %+v, %v", list, err)
	}
	spent := decimal.Zero
	for _, p := range list.Programs {
		spent = spent.Add(p.Spent)
	}
	// Every approved money line of Q2 is spend.
	ls, err := svc.Lines("2026-Q2", app.LineFilter{Status: engine.LineApproved})
	if err != nil {
		t.Fatal(err)
	}
	want := decimal.Zero
	for _, l := range ls {
		if l.Unit == engine.UnitMoney {
			want = want.Add(l.Amount)
		}
	}
	if !spent.Equal(want) || !want.IsPositive() {
		t.Errorf("spent %s, approved money lines %s", spent, want)
	}
	// The budget field is read as every form's amounts: a decimal comma
	// and grouping are fine; a typo names the field.
	if got, err := b.ParseAmount("budget", "25.000,50"); err != nil || !got.Equal(decimal.RequireFromString("25000.50")) {
		t.Errorf("budget 25.000,50 read as %s, %v", got, err)
	}
	var ve *engine.ValidationError
	if _, err := b.ParseAmount("budget", "12,5O0"); !errors.As(err, &ve) || ve.Field != "budget" {
		t.Errorf("budget 12,5O0: %v, want a *engine.ValidationError on budget", err)
	}
	file, err := b.ExportProgramByID(list.Programs[0].Program.ID)
	if err != nil {
		t.Fatal(err)
	}
	back, err := b.ReadProgram(file)
	if err != nil || back.Name != list.Programs[0].Program.Name {
		t.Fatalf("read back %q, %v", back.Name, err)
	}
	// Simulating the stored program unchanged costs what its lines paid,
	// once they are paid ("paid" counts paid money lines only).
	by := map[engine.Payee][]engine.ID{}
	for _, l := range ls {
		if l.Unit == engine.UnitMoney && !l.Amount.IsZero() {
			by[l.Payee] = append(by[l.Payee], l.ID)
		}
	}
	for _, ids := range by {
		if _, err := svc.Pay(views.PayInput{Lines: ids, Method: "bank transfer", Reference: "Q2"}); err != nil {
			t.Fatal(err)
		}
	}
	sim, err := b.Simulate(list.Programs[0].Program, "2026-Q2")
	if err != nil {
		t.Fatal(err)
	}
	if !sim.Diff.IsZero() || !sim.Total.Equal(sim.Actual) || len(sim.Rows) == 0 {
		t.Errorf("simulation of the unchanged program: cost %s paid %s diff %s, %d rows", sim.Total, sim.Actual, sim.Diff, len(sim.Rows))
	}
}

func TestServiceStatements(t *testing.T) {
	b, svc := guiBackend(t, demo.Generate(1, engine.MustDate("2026-06-30")), "2026-07-05")
	if _, err := svc.ComputePeriod("2026-Q2", nil); err != nil {
		t.Fatal(err)
	}
	found, err := b.FindPayees("a", 5)
	if err != nil || len(found) != 5 {
		t.Fatalf("find %d payees, %v; want 5", len(found), err)
	}
	for i, p := range found {
		if !strings.Contains(strings.ToLower(p.Name), "a") {
			t.Errorf("%q does not contain a", p.Name)
		}
		if i > 0 && found[i-1].Payee.Kind == engine.PayeeRep && p.Payee.Kind == engine.PayeePartner {
			t.Error("a partner listed after a rep")
		}
	}
	payees, err := svc.PayeesWithLines("2026-Q2")
	if err != nil || len(payees) == 0 {
		t.Fatal(payees, err)
	}
	py := payees[0]
	sum, err := b.StatementPreview("2026-Q2", py)
	if err != nil {
		t.Fatal(err)
	}
	ls, err := svc.Lines("2026-Q2", app.LineFilter{Payee: strings.ToUpper(string(py.Kind[:1])) + itoa(py.ID)})
	if err != nil {
		t.Fatal(err)
	}
	money := decimal.Zero
	for _, l := range ls {
		if l.Unit == engine.UnitMoney {
			money = money.Add(l.Amount)
		}
	}
	if sum.Payee.Payee != py || sum.Lines != len(ls) || !sum.Rewards.Equal(money) {
		t.Errorf("preview %+v: want %d lines and %s", sum, len(ls), money)
	}
	csvPath := filepath.Join(t.TempDir(), "statement.csv")
	if err := b.SaveStatementFile(py, "2026-Q2", ui.FormatCSV, csvPath); err != nil {
		t.Fatalf("csv statement: %v", err)
	}
	if fi, err := os.Stat(csvPath); err != nil || fi.Size() == 0 || fi.Mode().Perm() != 0o600 {
		t.Fatalf("csv statement file: %v, %v", fi, err)
	}
	// A run cancelled before it starts writes nothing and says so.
	stop, cancel := context.WithCancel(ctx)
	cancel()
	res, err := b.PrintAll(stop, "2026-Q2", t.TempDir(), func(int, int) {})
	if err != nil || !res.Canceled || len(res.Files) != 0 || res.Total != len(payees) {
		t.Errorf("cancelled print: %+v, %v", res, err)
	}
}

func itoa(id engine.ID) string { return decimal.NewFromInt(int64(id)).String() }

func TestServiceImport(t *testing.T) {
	ds := demo.Dataset{Company: engine.Company{Name: "Empty", Currency: engine.NewCurrency("EUR"), FiscalYearStart: time.January, Language: "en"}}
	b, svc := guiBackend(t, ds, "2026-07-05")
	if kinds := b.ImportKinds(); len(kinds) == 0 || kinds[0] != "partners" {
		t.Fatalf("kinds %v", kinds)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "partners.csv")
	if err := b.SaveTemplate("partners", path); err != nil {
		t.Fatal(err)
	}
	if err := b.SaveTemplate("partners", filepath.Join(dir, "partners.pdf")); err == nil {
		t.Error("a .pdf template gave no error")
	}
	pv, err := b.ImportPreview("partners", path)
	if err != nil {
		t.Fatal(err)
	}
	// The template's header maps every field, and it has two example rows.
	if pv.Remembered || len(pv.Mapping) != len(pv.Fields) || len(pv.Sample) != 2 || pv.Sample[0][0] != "Acme Srl" {
		t.Fatalf("preview %+v", pv)
	}
	rep, err := b.CheckFile("partners", path, pv.Mapping)
	if err != nil || rep.Rows != 2 || len(rep.Errors) != 0 {
		t.Fatalf("dry run %+v, %v", rep, err)
	}
	if ps, _ := svc.Partners(""); len(ps) != 0 {
		t.Fatalf("the dry run wrote %d partners", len(ps))
	}
	// Without the name column every row is bad and nothing is written.
	bad := views.ColumnMap{}
	for k, v := range pv.Mapping {
		if k != "name" {
			bad[k] = v
		}
	}
	rep, err = b.CheckFile("partners", path, bad)
	if err != nil || len(rep.Errors) == 0 {
		t.Fatalf("dry run without names: %+v, %v", rep, err)
	}
	var steps int
	rep, err = b.ImportFile("partners", path, pv.Mapping, func(done, total int) { steps++ })
	if err != nil || rep.Rows != 2 || len(rep.Errors) != 0 || steps == 0 {
		t.Fatalf("import %+v, %v, %d progress calls", rep, err, steps)
	}
	if ps, _ := svc.Partners(""); len(ps) != 2 {
		t.Fatalf("imported %d partners, want 2", len(ps))
	}
	// The same file again is refused row by row.
	rep, err = b.ImportFile("partners", path, pv.Mapping, nil)
	if err == nil || len(rep.Errors) == 0 {
		t.Fatalf("second import %+v, %v: want every duplicate reported", rep, err)
	}
	if err := b.SaveColumns("partners", pv.Mapping); err != nil {
		t.Fatal(err)
	}
	if pv, err := b.ImportPreview("partners", path); err != nil || !pv.Remembered {
		t.Errorf("after saving: remembered %v, %v", pv.Remembered, err)
	}
	if _, err := os.Stat(path); err != nil {
		t.Error(err)
	}
}
