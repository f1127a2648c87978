package app_test

import (
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"partnerdesk/app"
	"partnerdesk/app/demo"
	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// kindsDataset is one partner with a monthly commission of 5 % and a
// quarterly rebate of 10 %, and sales of 1,000, 2,000 and 3,000 EUR in
// January, February and March 2026.
func kindsDataset() demo.Dataset {
	act := engine.StatusActive
	sale := func(id engine.ID, date, net, invoice string) engine.Sale {
		return engine.Sale{ID: id, Date: day(date), PartnerID: 1, Customer: "C", ProductID: 1, Quantity: decimal.NewFromInt(1),
			UnitPrice: dd(net), Net: dd(net), Invoice: invoice, Line: 1}
	}
	return demo.Dataset{
		Company:  engine.Company{Name: "Kinds", Currency: engine.NewCurrency("EUR"), FiscalYearStart: time.January, Language: "en"},
		Partners: []engine.Partner{{ID: 1, Name: "Acme", Kind: engine.KindReseller, Status: act}},
		Products: []engine.Product{{ID: 1, SKU: "LIC", Name: "Licence", ListPrice: dd("100")}},
		Programs: []engine.Program{
			{ID: 1, Name: "Monthly", Currency: "EUR", PeriodKind: engine.PeriodMonth, ValidFrom: day("2026-01-01"), Status: engine.ProgramActive,
				Rules: []engine.Rule{{Key: "m", Name: "Commission", Kind: engine.RuleRate, Basis: engine.BasisRevenue, Rate: &engine.RateRule{Rate: dd("5")}}}},
			{ID: 2, Name: "Quarterly", Currency: "EUR", PeriodKind: engine.PeriodQuarter, ValidFrom: day("2026-01-01"), Status: engine.ProgramActive,
				Rules: []engine.Rule{{Key: "q", Name: "Rebate", Kind: engine.RuleRate, Basis: engine.BasisRevenue, Rate: &engine.RateRule{Rate: dd("10")}}}},
		},
		Sales: []engine.Sale{sale(1, "2026-01-10", "1000", "INV-JAN"), sale(2, "2026-02-10", "2000", "INV-FEB"), sale(3, "2026-03-10", "3000", "INV-MAR")},
	}
}

func periodTotal(t *testing.T, svc *app.Service, period string) map[engine.ID]string {
	t.Helper()
	ls, err := svc.Lines(period, app.LineFilter{})
	if err != nil {
		t.Fatal(err)
	}
	acc := map[engine.ID]decimal.Decimal{}
	for _, l := range ls {
		acc[l.ProgramID] = acc[l.ProgramID].Add(l.Amount)
	}
	out := map[engine.ID]string{}
	for k, v := range acc {
		out[k] = v.StringFixed(2)
	}
	return out
}

func runAndClose(t *testing.T, svc *app.Service, period string) {
	t.Helper()
	if _, err := svc.ComputePeriod(period, nil); err != nil {
		t.Fatalf("compute %s: %v", period, err)
	}
	payAll(t, svc, period)
	if _, err := svc.ClosePeriod(period); err != nil {
		t.Fatalf("close %s: %v", period, err)
	}
}

// Findings 1 and 2 end to end: the quarter is computed, paid and closed
// after its months; a return in April of the March invoice (-200.00) is
// clawed back once by each program, in its own period kind.
func TestMonthsAndQuartersEachRewardOnce(t *testing.T) {
	svc := dashService(t, kindsDataset(), "2026-04-20")
	for _, m := range []string{"2026-01", "2026-02", "2026-03"} {
		runAndClose(t, svc, m)
	}
	// Monthly lines: 50 + 100 + 150; no quarterly line in any month.
	for m, want := range map[string]string{"2026-01": "50.00", "2026-02": "100.00", "2026-03": "150.00"} {
		if got := periodTotal(t, svc, m); len(got) != 1 || got[1] != want {
			t.Errorf("%s lines %v, want only the monthly program's %s", m, got, want)
		}
	}
	// The quarter was never computed: closing it is refused, naming it.
	_, err := svc.ClosePeriod("2026-Q1")
	if err == nil || !strings.Contains(err.Error(), "compute 2026-Q1") {
		t.Fatalf("close of an uncomputed quarter: %v, want a refusal asking to compute 2026-Q1", err)
	}
	// Q1: 6,000.00 x 10 % = 600.00, the quarterly program only.
	if _, err := svc.ComputePeriod("2026-Q1", nil); err != nil {
		t.Fatalf("compute 2026-Q1 after its months closed: %v", err)
	}
	if got := periodTotal(t, svc, "2026-Q1"); len(got) != 1 || got[2] != "600.00" {
		t.Fatalf("2026-Q1 lines %v, want 600.00 of the quarterly program", got)
	}
	payAll(t, svc, "2026-Q1")
	if _, err := svc.ClosePeriod("2026-Q1"); err != nil {
		t.Fatalf("close 2026-Q1: %v", err)
	}
	if _, err := svc.ComputePeriod("2026-Q1", nil); err == nil {
		t.Error("a closed quarter computed again")
	}
	_, err = svc.AddSale(views.SaleInput{Date: "2026-04-05", Partner: "1", Customer: "C", Product: "LIC", Quantity: "-1", UnitPrice: "200",
		Net: "-200", Invoice: "CN-1", OriginalInvoice: "INV-MAR"}, true)
	if err != nil {
		t.Fatalf("return: %v", err)
	}
	// April: -200.00 at March's 150/3,000 = 5 % = -10.00; Q2: -200.00 at
	// Q1's 600/6,000 = 10 % = -20.00.
	for period, want := range map[string]map[engine.ID]string{"2026-04": {1: "-10.00"}, "2026-Q2": {2: "-20.00"}} {
		if _, err := svc.ComputePeriod(period, nil); err != nil {
			t.Fatalf("compute %s: %v", period, err)
		}
		got := periodTotal(t, svc, period)
		if len(got) != len(want) {
			t.Errorf("%s lines %v, want %v", period, got, want)
		}
		for k, v := range want {
			if got[k] != v {
				t.Errorf("%s program %d: %s, want %s", period, k, got[k], v)
			}
		}
	}
}

// Closing a year closes its quarters and months, with or without lines;
// closing three months leaves their quarter open.
func TestCloseClosesEveryPeriodInside(t *testing.T) {
	svc := dashService(t, kindsDataset(), "2027-01-20")
	runAndClose(t, svc, "2026-01")
	states := func() map[string]bool {
		ps, err := svc.Periods()
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]bool{}
		for _, p := range ps {
			out[p.Key] = p.Closed
		}
		return out
	}
	if st := states(); st["2026-Q1"] {
		t.Fatal("closing January closed the quarter")
	}
	for _, p := range []string{"2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12",
		"2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"} {
		if _, err := svc.ComputePeriod(p, nil); err != nil {
			t.Fatalf("compute %s: %v", p, err)
		}
		payAll(t, svc, p)
	}
	if _, err := svc.ClosePeriod("2026"); err != nil {
		t.Fatalf("close 2026: %v", err)
	}
	st := states()
	for _, p := range []string{"2026-01", "2026-05", "2026-12", "2026-Q1", "2026-Q4", "2026"} {
		if !st[p] {
			t.Errorf("%s is not closed after closing 2026", p)
		}
	}
	if _, err := svc.ComputePeriod("2026-07", nil); err == nil {
		t.Error("a month of a closed year computed again")
	}
}

// On the demo company every line belongs to a period of its program's kind
// and every sale adjusts each rule in one period at most: nothing is
// counted in a month and again in its quarter, nor twice as an adjustment.
func TestDemoEveryRewardOnce(t *testing.T) {
	svc := newDemo(t, "2026-10-31", "2026-11-15")
	if err := svc.SettleDemo(engine.MustDate("2026-10-31"), nil); err != nil {
		t.Fatal(err)
	}
	progs, err := svc.Programs()
	if err != nil {
		t.Fatal(err)
	}
	kind := map[engine.ID]engine.PeriodKind{}
	for _, p := range progs {
		kind[p.ID] = p.PeriodKind
	}
	var keys []string
	for m := engine.Month(engine.MustDate("2025-11-01")); m.Start <= engine.MustDate("2026-12-31"); m = engine.Month(m.End.AddDays(1)) {
		keys = append(keys, m.Key)
	}
	keys = append(keys, "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4", "2025", "2026")
	type adjKey struct {
		prog  engine.ID
		rule  string
		payee engine.Payee
		sale  engine.ID
	}
	adjustedIn := map[adjKey]string{}
	lines := 0
	for _, key := range keys {
		st := engine.PeriodState{Key: key}
		ls, err := svc.Lines(st.Key, app.LineFilter{})
		if err != nil {
			t.Fatal(err)
		}
		p, err := svc.Period(st.Key)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range ls {
			lines++
			if kind[l.ProgramID] != p.Kind {
				t.Errorf("%s holds a line of program %d, which computes per %s: %s", st.Key, l.ProgramID, kind[l.ProgramID], l.Explanation.Key)
			}
			if l.Adjustment == nil || l.Explanation.Key == "adjust.recompute" {
				continue
			}
			k := adjKey{l.ProgramID, l.RuleKey, l.Payee, l.Adjustment.SaleID}
			if prev, ok := adjustedIn[k]; ok && prev != st.Key {
				t.Errorf("sale %d adjusts program %d rule %s for %v in %s and again in %s", k.sale, k.prog, k.rule, k.payee, prev, st.Key)
			}
			adjustedIn[k] = st.Key
		}
	}
	if lines == 0 {
		t.Fatal("the demo has no lines")
	}
}
