package app_test

import (
	"bytes"
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"partnerdesk/app"
	"partnerdesk/data/imports"
	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func engineProgramFile(p engine.Program) ([]byte, error) {
	p.Currency = "EUR"
	return engine.MarshalProgramFile(p)
}

func rateProgram(name string, kind engine.PeriodKind, rate string) engine.Program {
	return engine.Program{Name: name, PeriodKind: kind, ValidFrom: engine.MustDate("2026-01-01"), Status: engine.ProgramActive,
		Rules: []engine.Rule{{Key: "r", Name: name + " rate", Kind: engine.RuleRate, Basis: engine.BasisRevenue,
			Rate: &engine.RateRule{Rate: dec(rate)}}}}
}

func alpha(t *testing.T, svc *app.Service) engine.Payee {
	t.Helper()
	py, err := svc.ResolvePayee("Alpha Reseller")
	must(t, err)
	return py
}

// Finding 3: a quarter's statement shows its months' monthly lines and a
// year's statement every line, and year to date chains from one statement
// of a kind to the next.
//
// Programs: monthly 10 %, quarterly 5 %, yearly 1 %. Sales: January 1,000,
// February 2,000, April 1,000. Lines of the partner:
//
//	monthly   2026-01 100, 2026-02 200, 2026-04 100
//	quarterly 2026-Q1 5 % of 3,000 = 150, 2026-Q2 5 % of 1,000 = 50
//	yearly    2026    1 % of 4,000 = 40
//
// Statements (total / year to date):
//
//	2026-01 100/100, 2026-02 200/300, 2026-03 0/300, 2026-04 100/400
//	2026-Q1 100+200+150 = 450/450, 2026-Q2 100+50 = 150/600
//	2026    100+200+100+150+50+40 = 640/640
func TestStatementPeriodsAndYearToDateChain(t *testing.T) {
	svc := tiny(t, "2026-05-20")
	for _, p := range []engine.Program{rateProgram("Monthly", engine.PeriodMonth, "10"),
		rateProgram("Quarterly", engine.PeriodQuarter, "5"), rateProgram("Yearly", engine.PeriodYear, "1")} {
		_, err := svc.SaveProgram(p)
		must(t, err)
	}
	sale(t, svc, "2026-01-10", "10", "100", "INV-1")
	sale(t, svc, "2026-02-10", "20", "100", "INV-2")
	sale(t, svc, "2026-04-10", "10", "100", "INV-3")
	for _, k := range []string{"2026-01", "2026-02", "2026-03", "2026-04", "2026-Q1", "2026-Q2", "2026"} {
		_, err := svc.ComputePeriod(k, nil)
		must(t, err)
	}
	py := alpha(t, svc)
	want := map[string][2]string{
		"2026-01": {"100", "100"}, "2026-02": {"200", "300"}, "2026-03": {"0", "300"}, "2026-04": {"100", "400"},
		"2026-Q1": {"450", "450"}, "2026-Q2": {"150", "600"}, "2026": {"640", "640"},
	}
	for _, chain := range [][]string{{"2026-01", "2026-02", "2026-03", "2026-04"}, {"2026-Q1", "2026-Q2"}, {"2026"}} {
		prev := decimal.Zero
		for _, k := range chain {
			st, err := svc.BuildStatement(py, k)
			must(t, err)
			w := want[k]
			if !st.Total().Equal(dec(w[0])) || !st.YTD.Rewards.Equal(dec(w[1])) {
				t.Errorf("%s: total %s, year to date %s; want %s and %s", k, st.Total(), st.YTD.Rewards, w[0], w[1])
			}
			if !prev.Add(st.Total()).Equal(st.YTD.Rewards) {
				t.Errorf("%s: previous year to date %s + total %s != year to date %s", k, prev, st.Total(), st.YTD.Rewards)
			}
			prev = st.YTD.Rewards
		}
	}
	// The quarter's statement is printed for the partner even though it
	// has a quarterly line too: its payees are those of its months as well.
	ps, err := svc.PayeesWithLines("2026-Q1")
	must(t, err)
	if len(ps) == 0 || ps[0] != py {
		t.Errorf("payees of 2026-Q1: %v, want %v first", ps, py)
	}
}

// Finding 17: simulate's "paid" is what the program's lines of the period
// actually paid: status paid, money only.
//
// The program pays 10 % and credits 5 % to the MDF fund. January's 1,000
// gives 100 (paid) and a fund credit of 50; February's 1,000 gives a draft
// 100 and 50. Simulated at 20 %: 200 money and 50 fund in each month.
// Paid: January 100 (not 150), February 0 (not 150).
func TestSimulatePaidCountsPaidMoneyOnly(t *testing.T) {
	svc := tiny(t, "2026-03-20")
	prog := rateProgram("Rebate", engine.PeriodMonth, "10")
	prog.Rules = append(prog.Rules, engine.Rule{Key: "mdf", Name: "MDF", Kind: engine.RuleFund, Basis: engine.BasisRevenue,
		Fund: &engine.FundRule{Rate: dec("5"), ValidityDays: 180, Fund: "MDF"}})
	prog, err := svc.SaveProgram(prog)
	must(t, err)
	sale(t, svc, "2026-01-10", "10", "100", "INV-1")
	sale(t, svc, "2026-02-10", "10", "100", "INV-2")
	_, err = svc.ComputePeriod("2026-01", nil)
	must(t, err)
	payAll(t, svc, "2026-01")
	_, err = svc.ComputePeriod("2026-02", nil)
	must(t, err)
	changed := prog
	changed.Rules = append([]engine.Rule(nil), prog.Rules...)
	changed.Rules[0].Rate = &engine.RateRule{Rate: dec("20")}
	py := alpha(t, svc)
	for _, c := range []struct{ period, paid string }{{"2026-01", "100"}, {"2026-02", "0"}} {
		sim, err := svc.Simulate(changed, c.period)
		must(t, err)
		var row *views.SimRow
		for i := range sim.Rows {
			if sim.Rows[i].Payee == py {
				row = &sim.Rows[i]
			}
		}
		if row == nil {
			t.Fatalf("%s: no row for the partner in %+v", c.period, sim.Rows)
		}
		if !row.Simulated.Equal(dec("200")) || !row.Fund.Equal(dec("50")) || !row.Actual.Equal(dec(c.paid)) || !row.Diff.Equal(dec("200").Sub(dec(c.paid))) {
			t.Errorf("%s: simulated %s, fund %s, paid %s, diff %s; want 200, 50, %s", c.period, row.Simulated, row.Fund, row.Actual, row.Diff, c.paid)
		}
	}
}

// Finding 20: the currency, its minor units and the fiscal year's start
// cannot change once figures depend on them; the refusal names what
// stands in the way. Other settings still save.
func TestCompanyCurrencyChangeRefused(t *testing.T) {
	svc := tiny(t, "2026-03-20")
	co, err := svc.Company()
	must(t, err)
	// Nothing depends on the currency yet: a change is allowed.
	usd := co
	usd.Currency = engine.NewCurrency("USD")
	must(t, svc.SaveCompany(usd))
	must(t, svc.SaveCompany(co))

	_, err = svc.SaveProgram(rateProgram("Rebate", engine.PeriodMonth, "10"))
	must(t, err)
	refused := func(c engine.Company, field string, words ...string) {
		t.Helper()
		err := svc.SaveCompany(c)
		var ve engine.ValidationErrors
		if !errors.As(err, &ve) || len(ve) == 0 || ve[0].Field != field {
			t.Fatalf("save %+v: %v, want a refusal on %s", c.Currency, err, field)
		}
		for _, w := range words {
			if !strings.Contains(ve[0].Reason, w) {
				t.Errorf("reason %q does not name %q", ve[0].Reason, w)
			}
		}
	}
	refused(usd, "currency", "1 program (Rebate)", "EUR")
	jpyUnits := co
	jpyUnits.Currency.MinorUnits = 0
	refused(jpyUnits, "minor_units", "Rebate")

	sale(t, svc, "2026-01-10", "10", "100", "INV-1")
	_, err = svc.ComputePeriod("2026-01", nil)
	must(t, err)
	payAll(t, svc, "2026-01")
	_, err = svc.ClosePeriod("2026-01")
	must(t, err)
	refused(jpyUnits, "minor_units", "reward line", "in closed periods", "payout")
	april := co
	april.FiscalYearStart = 4
	refused(april, "fiscal_year_start", "2026-01")

	renamed := co
	renamed.Name = "Tiny Vendor S.p.A."
	must(t, svc.SaveCompany(renamed))
	got, err := svc.Company()
	must(t, err)
	if got.Currency != co.Currency || got.Name != renamed.Name {
		t.Errorf("company after refusals: %+v", got)
	}
}

// Finding 16: a program keeps its identity through a rename. Exporting
// "Rebate" (10 %) and importing the file renamed "Rebate 2026" replaces
// it: one program, and January's 1,000 pays 100 once, not 100 twice.
func TestProgramKeepsIdentityThroughRename(t *testing.T) {
	svc := tiny(t, "2026-02-20")
	orig, err := svc.SaveProgram(rateProgram("Rebate", engine.PeriodMonth, "10"))
	must(t, err)
	other, err := svc.SaveProgram(rateProgram("Other", engine.PeriodQuarter, "1"))
	must(t, err)
	file, err := svc.ExportProgram("Rebate")
	must(t, err)
	renamed := []byte(strings.Replace(string(file), `"name": "Rebate"`, `"name": "Rebate 2026"`, 1))
	if string(renamed) == string(file) {
		t.Fatalf("the exported file has no name to change:\n%s", file)
	}
	// Rebate is active: the import asks first (issue 12 finding 6).
	_, err = svc.ImportProgram(renamed)
	var re *engine.ReplaceProgramError
	if !errors.As(err, &re) || re.ID != orig.ID || !errors.Is(err, engine.ErrConfirmationNeeded) || !strings.Contains(err.Error(), `name "Rebate" to "Rebate 2026"`) {
		t.Fatalf("import over the active program: %v, want a confirmation naming the change", err)
	}
	got, err := svc.ImportProgramReplacing(renamed)
	must(t, err)
	if got.ID != orig.ID || got.Name != "Rebate 2026" {
		t.Errorf("imported as program %d %q, want program %d renamed", got.ID, got.Name, orig.ID)
	}
	// The window's path: read the file, save what was read (refused: the
	// program is active), confirm, save under the stored id.
	read, err := svc.ReadProgram(renamed)
	must(t, err)
	_, err = svc.SaveProgram(read)
	if !errors.As(err, &re) || re.ID != orig.ID {
		t.Fatalf("window import over the active program: %v, want a confirmation", err)
	}
	read.ID = re.ID
	again, err := svc.SaveProgram(read)
	must(t, err)
	if again.ID != orig.ID {
		t.Errorf("read and saved as program %d, want %d", again.ID, orig.ID)
	}
	ps, err := svc.Programs()
	must(t, err)
	if len(ps) != 2 {
		t.Fatalf("%d programs after the re-imports, want 2: %+v", len(ps), ps)
	}
	sale(t, svc, "2026-01-10", "10", "100", "INV-1")
	_, err = svc.ComputePeriod("2026-01", nil)
	must(t, err)
	st, err := svc.BuildStatement(alpha(t, svc), "2026-01")
	must(t, err)
	if !st.Total().Equal(dec("100")) {
		t.Errorf("January pays %s, want 100 once", st.Total())
	}
	// Renaming onto another program's name is refused, naming both.
	clash := []byte(strings.Replace(string(file), `"name": "Rebate"`, `"name": "Other"`, 1))
	_, err = svc.ImportProgram(clash)
	var ve *engine.ValidationError
	if !errors.As(err, &ve) || ve.Field != "name" || !strings.Contains(ve.Reason, "Other") {
		t.Errorf("import renaming onto %q (program %d): %v, want a refusal on the name", other.Name, other.ID, err)
	}
}

// importSales writes a CSV file and imports it as sales.
func importSales(t *testing.T, svc *app.Service, csv string) (app.ImportReport, error) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "sales.csv")
	must(t, os.WriteFile(path, []byte(csv), 0o600))
	return svc.Import(imports.Sales, path, nil, false, nil)
}

// addBeta adds a second partner.
func addBeta(t *testing.T, svc *app.Service) engine.Payee {
	t.Helper()
	b := engine.Partner{Name: "Beta Distribution", Kind: engine.KindDistributor, Status: engine.StatusActive, Joined: engine.MustDate("2025-01-01")}
	must(t, svc.SavePartner(&b))
	return engine.Payee{Kind: engine.PayeePartner, ID: b.ID}
}

// Finding 18: the statement's sales are the payee's credited revenue after
// credit splits, and its CSV carries the fund credits the PDF prints.
//
// A sale of 1,000.00 split Alpha 60 / Beta 40; the program pays 10 % and
// credits 5 % to the MDF fund. Alpha: sales 600.00, reward 60.00, fund
// credit 30.00; Beta: sales 400.00, reward 40.00, fund credit 20.00.
func TestStatementSalesAfterSplitsAndFundCreditsInCSV(t *testing.T) {
	svc := tiny(t, "2026-02-20")
	beta := addBeta(t, svc)
	prog := rateProgram("Rebate", engine.PeriodMonth, "10")
	prog.Rules = append(prog.Rules, engine.Rule{Key: "mdf", Name: "MDF", Kind: engine.RuleFund, Basis: engine.BasisRevenue,
		Fund: &engine.FundRule{Rate: dec("5"), ValidityDays: 180, Fund: "MDF"}})
	_, err := svc.SaveProgram(prog)
	must(t, err)
	_, err = importSales(t, svc, "date,partner,customer,product,quantity,unit_price,net,invoice,splits\n"+
		"2026-01-10,Alpha Reseller,Rossi,LIC-1,10,100,1000.00,INV-1,Alpha Reseller:60;Beta Distribution:40\n")
	must(t, err)
	_, err = svc.ComputePeriod("2026-01", nil)
	must(t, err)
	for _, c := range []struct {
		payee                 engine.Payee
		sales, reward, credit string
	}{{alpha(t, svc), "600", "60", "30.00"}, {beta, "400", "40", "20.00"}} {
		st, err := svc.BuildStatement(c.payee, "2026-01")
		must(t, err)
		if !st.Summary.Sales.Equal(dec(c.sales)) || !st.Total().Equal(dec(c.reward)) {
			t.Errorf("%v: sales %s, rewards %s; want %s and %s", c.payee, st.Summary.Sales, st.Total(), c.sales, c.reward)
		}
		var b bytes.Buffer
		must(t, svc.WriteStatement(c.payee, "2026-01", "csv", &b))
		recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(b.String(), "\ufeff"))).ReadAll()
		must(t, err)
		col := map[string]int{}
		for i, h := range recs[0] {
			col[h] = i
		}
		var credits []string
		sales := ""
		for _, r := range recs[1:] {
			switch r[col["section"]] {
			case "line":
				if v := r[col["fund_credit"]]; v != "" {
					credits = append(credits, v)
				}
			case "sales":
				sales = r[col["amount"]]
			}
		}
		if len(credits) != 1 || credits[0] != c.credit || !dec(sales).Equal(dec(c.sales)) {
			t.Errorf("%v csv: fund credits %v, sales %q; want [%s] and %s", c.payee, credits, sales, c.credit, c.sales)
		}
	}
}

// ret enters a return through the form.
func ret(svc *app.Service, date, qty, price, invoice, original string) (engine.Sale, error) {
	return svc.AddSale(views.SaleInput{Date: date, Partner: "Alpha Reseller", Customer: "Cust", Product: "LIC-1",
		Quantity: qty, UnitPrice: price, Invoice: invoice, OriginalInvoice: original}, false)
}

// fieldErr reports whether err is a validation error naming field.
func fieldErr(err error, field string) bool {
	var ves engine.ValidationErrors
	if errors.As(err, &ves) {
		for _, ve := range ves {
			if ve.Field == field {
				return true
			}
		}
	}
	return false
}

// Finding 14: a return never gives back more than its original line sold,
// together with the earlier returns; the form and the import refuse the
// same things (one validation, engine.CheckSale).
//
// INV-1 sold 1 unit at 500.00. Returning 5 units (-2,500.00) is refused
// on quantity and net; returning the 1 unit is accepted and takes Ada,
// the original's rep; a second unit is refused (1 sold, 1 returned).
func TestReturnNeverExceedsItsLine(t *testing.T) {
	svc := tiny(t, "2026-03-20")
	sale(t, svc, "2026-01-10", "1", "500", "INV-1")
	_, err := ret(svc, "2026-01-20", "-5", "500", "CN-1", "INV-1")
	if !fieldErr(err, app.FieldQuantity) || !fieldErr(err, app.FieldNet) {
		t.Errorf("5 back of 1 sold: %v, want refusals on quantity and net", err)
	}
	r, err := ret(svc, "2026-01-20", "-1", "500", "CN-1", "INV-1")
	must(t, err)
	if ada, _ := svc.Reps(r.PartnerID); len(ada) != 1 || r.RepID != ada[0].ID {
		t.Errorf("the return credits rep %d, want the original's", r.RepID)
	}
	_, err = ret(svc, "2026-01-21", "-1", "500", "CN-2", "INV-1")
	if !fieldErr(err, app.FieldQuantity) {
		t.Errorf("a second unit back of 1 sold and 1 returned: %v, want a refusal on quantity", err)
	}
	// A return dated before its original is refused too.
	sale(t, svc, "2026-02-10", "2", "100", "INV-2")
	if _, err := ret(svc, "2026-02-01", "-1", "100", "CN-3", "INV-2"); !fieldErr(err, app.FieldDate) {
		t.Errorf("a return dated before its sale: %v, want a refusal on date", err)
	}

	// The import refuses what the form refuses: an unknown original, a
	// suspended partner, and two returns in one file that together give
	// back more than the line sold (INV-2: 2 sold; 1 + 2 back). Nothing
	// of such a file is written.
	sus := engine.Partner{Name: "Sleepy Srl", Kind: engine.KindReseller, Status: engine.StatusSuspended, Joined: engine.MustDate("2025-01-01")}
	must(t, svc.SavePartner(&sus))
	rep, err := importSales(t, svc, "date,partner,customer,product,quantity,unit_price,net,invoice,original_invoice\n"+
		"2026-02-15,Alpha Reseller,Cust,LIC-1,1,100,100.00,INV-3,\n"+ // good
		"2026-02-16,Alpha Reseller,Cust,LIC-1,-1,100,-100.00,CN-4,NOPE\n"+ // no invoice NOPE
		"2026-02-16,Alpha Reseller,Cust,LIC-1,-1,100,-100.00,CN-5,INV-2\n"+ // 1 of 2: fine
		"2026-02-17,Alpha Reseller,Cust,LIC-1,-2,100,-200.00,CN-6,INV-2\n"+ // 1 + 2 > 2
		"2026-02-17,Sleepy Srl,Cust,LIC-1,1,100,100.00,INV-9,\n") // suspended
	if !errors.Is(err, app.ErrImportRejected) || rep.Written != 0 {
		t.Fatalf("import: %v, %d written; want it rejected with nothing written", err, rep.Written)
	}
	want := map[int]string{3: "original_invoice", 5: "quantity", 6: "partner"}
	got := map[int]bool{}
	for _, e := range rep.Errors {
		if want[e.Line] == e.Column {
			got[e.Line] = true
		}
	}
	if len(got) != len(want) {
		t.Errorf("row errors %v, want lines/columns %v", rep.Errors, want)
	}
	stored, _ := svc.SalesBetween(engine.MustDate("2026-02-11"), engine.MustDate("2026-02-28"))
	if len(stored) != 0 {
		t.Errorf("%d sales of the rejected file were stored", len(stored))
	}
}

// A return follows the credit splits of the line it returns. INV-7 sold
// 1,000.00 split Alpha 60 / Beta 40 in January (10 %: Alpha 60.00, Beta
// 40.00), January is closed, and the whole line comes back in February
// through the form, which names no splits: it takes 60/40, so the claw-
// backs are Alpha -60.00 and Beta -40.00 (not Alpha -100.00 alone).
func TestReturnFollowsSplits(t *testing.T) {
	svc := tiny(t, "2026-02-20")
	beta := addBeta(t, svc)
	_, err := svc.SaveProgram(rateProgram("Rebate", engine.PeriodMonth, "10"))
	must(t, err)
	_, err = importSales(t, svc, "date,partner,customer,product,quantity,unit_price,net,invoice,splits\n"+
		"2026-01-10,Alpha Reseller,Rossi,LIC-1,10,100,1000.00,INV-7,Alpha Reseller:60;Beta Distribution:40\n")
	must(t, err)
	_, err = svc.ComputePeriod("2026-01", nil)
	must(t, err)
	payAll(t, svc, "2026-01")
	_, err = svc.ClosePeriod("2026-01")
	must(t, err)
	r, err := ret(svc, "2026-02-05", "-10", "100", "CN-7", "INV-7")
	must(t, err)
	if len(r.Splits) != 2 {
		t.Fatalf("the return's splits %+v, want the original's 60/40", r.Splits)
	}
	_, err = svc.ComputePeriod("2026-02", nil)
	must(t, err)
	for _, c := range []struct {
		payee engine.Payee
		want  string
	}{{alpha(t, svc), "-60"}, {beta, "-40"}} {
		st, err := svc.BuildStatement(c.payee, "2026-02")
		must(t, err)
		if !st.Total().Equal(dec(c.want)) {
			t.Errorf("%v: February claws back %s, want %s", c.payee, st.Total(), c.want)
		}
	}
}

// The command line's company verb goes through the same use case: with a
// program stored, another currency is refused with exit status 1, naming
// the program; export and re-import under a new name keeps one program.
func TestCLICompanyCurrencyAndProgramIdentity(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "cli.db")
	if code, out, errs := run(t, db, "init", "--company", "Acme", "--currency", "eur"); code != 0 {
		t.Fatalf("init: %d %s %s", code, out, errs)
	}
	file := filepath.Join(dir, "p.json")
	b, err := engineProgramFile(rateProgram("Rebate", engine.PeriodMonth, "10"))
	must(t, err)
	must(t, os.WriteFile(file, b, 0o600))
	if code, out, errs := run(t, db, "program", "import", file); code != 0 {
		t.Fatalf("program import: %d %s %s", code, out, errs)
	}
	code, out, errs := run(t, db, "company", "--currency", "usd")
	if code != 1 || !strings.Contains(errs, "Rebate") || !strings.Contains(errs, "EUR") {
		t.Errorf("company --currency usd: exit %d, stdout %q, stderr %q; want 1 naming the program and EUR", code, out, errs)
	}
	out2 := filepath.Join(dir, "out.json")
	if code, _, errs := run(t, db, "program", "export", "Rebate", "-o", out2); code != 0 {
		t.Fatalf("program export: %d %s", code, errs)
	}
	exported, err := os.ReadFile(out2)
	must(t, err)
	must(t, os.WriteFile(out2, []byte(strings.Replace(string(exported), `"name": "Rebate"`, `"name": "Rebate 2027"`, 1)), 0o600))
	// Rebate is active: without --replace nothing is saved and the refusal
	// says what changes and how to confirm (issue 12 finding 6).
	if code, _, errs := run(t, db, "program", "import", out2); code != 1 || !strings.Contains(errs, `name "Rebate" to "Rebate 2027"`) || !strings.Contains(errs, "--replace") {
		t.Fatalf("program import over an active program: exit %d %s, want 1 naming the change and --replace", code, errs)
	}
	if code, _, errs := run(t, db, "program", "import", "--replace", out2); code != 0 {
		t.Fatalf("program import --replace renamed: %d %s", code, errs)
	}
	_, list, _ := run(t, db, "programs")
	if strings.Count(list, "Rebate") != 1 || !strings.Contains(list, "Rebate 2027") {
		t.Errorf("programs after the renamed re-import:\n%s\nwant Rebate 2027 alone", list)
	}
}

// On the demo company every statement's year to date chains: for each
// payee, the year to date of each month (and quarter) is the previous
// one's plus this statement's total, and the first's is its own total.
func TestDemoStatementsChainYearToDate(t *testing.T) {
	svc := newDemo(t, "2026-06-30", "2026-07-05")
	chains := [][]string{{"2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"}, {"2026-Q1", "2026-Q2"}}
	for _, ch := range chains {
		for _, k := range ch {
			if _, err := svc.ComputePeriod(k, nil); err != nil {
				t.Fatalf("compute %s: %v", k, err)
			}
		}
	}
	if _, err := svc.ComputePeriod("2026", nil); err != nil {
		t.Fatalf("compute 2026: %v", err)
	}
	payees, err := svc.PayeesWithLines("2026")
	must(t, err)
	if len(payees) == 0 {
		t.Fatal("the demo has no payee with lines in 2026")
	}
	checked := 0
	for _, ch := range append(chains, []string{"2026"}) {
		prev := map[engine.Payee]decimal.Decimal{}
		for _, k := range ch {
			for _, py := range payees {
				st, err := svc.BuildStatement(py, k)
				must(t, err)
				if want := prev[py].Add(st.Total()); !st.YTD.Rewards.Equal(want) {
					t.Fatalf("%v %s: year to date %s, want previous %s + total %s = %s", py, k, st.YTD.Rewards, prev[py], st.Total(), want)
				}
				prev[py] = st.YTD.Rewards
				checked++
			}
		}
	}
	t.Logf("%d statements of %d payees chain", checked, len(payees))
}

// Progress nudges appear on a statement only while its period runs. A
// monthly rebate of 2 % from 0 and 4 % from 5,000.00; Alpha sold 1,000.00
// in January 2026: 4,000.00 more reaches the 4 % band. Printed on 20
// January the statement says so; printed on 20 February (January has
// ended, still open) it does not.
func TestStatementNudgesOnlyWhilePeriodRuns(t *testing.T) {
	for _, tt := range []struct {
		today string
		want  int
	}{{"2026-01-20", 1}, {"2026-02-20", 0}} {
		t.Run(tt.today, func(t *testing.T) {
			svc := tiny(t, tt.today)
			prog := rateProgram("Rebate", engine.PeriodMonth, "0")
			prog.Rules[0].Rate = &engine.RateRule{Mode: engine.Retroactive, Bands: []engine.Band{{From: dec("0"), Rate: dec("2")}, {From: dec("5000"), Rate: dec("4")}}}
			_, err := svc.SaveProgram(prog)
			must(t, err)
			_, err = importSales(t, svc, "date,partner,customer,product,quantity,unit_price,net,invoice\n"+
				"2026-01-10,Alpha Reseller,Rossi,LIC-1,10,100,1000.00,INV-1\n")
			must(t, err)
			_, err = svc.ComputePeriod("2026-01", nil)
			must(t, err)
			st, err := svc.BuildStatement(alpha(t, svc), "2026-01")
			must(t, err)
			if len(st.Nudges) != tt.want {
				t.Errorf("printed %s: nudges %q, want %d", tt.today, st.Nudges, tt.want)
			}
		})
	}
}

// A SKU typed in another case or with accents finds its product, as every
// name that selects a thing does (engine.FoldName): "lic-1" is LIC-1.
func TestSaleFormFindsSKUWhateverTheCase(t *testing.T) {
	svc := tiny(t, "2026-01-20")
	s, err := svc.AddSale(views.SaleInput{Date: "2026-01-10", Partner: "Alpha Reseller", Customer: "Rossi", Product: "lic-1",
		Quantity: "1", UnitPrice: "100", Invoice: "INV-SKU"}, false)
	must(t, err)
	ps, err := svc.Products()
	must(t, err)
	for _, p := range ps {
		if p.SKU == "LIC-1" && p.ID != s.ProductID {
			t.Errorf("sale of product %d, want LIC-1 (%d)", s.ProductID, p.ID)
		}
	}
}
