package app_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"partnerdesk/app"
	"partnerdesk/engine"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

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
		var row *app.SimRow
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
	got, err := svc.ImportProgram(renamed)
	must(t, err)
	if got.ID != orig.ID || got.Name != "Rebate 2026" {
		t.Errorf("imported as program %d %q, want program %d renamed", got.ID, got.Name, orig.ID)
	}
	// The window's path: read the file, then save what was read.
	read, err := svc.ReadProgram(renamed)
	must(t, err)
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

var _ = errors.Is
var _ = strings.Contains
