package engine_test

import (
	"testing"

	"github.com/shopspring/decimal"

	"partnerdesk/engine"
)

// TestDecisionOnlyAndDays: which changes of a registration record only a
// decision or outcome, the days such a change is dated by, and which
// sale days the bonus pays.
func TestDecisionOnlyAndDays(t *testing.T) {
	d := engine.MustDate
	pending := engine.Registration{ID: 7, PartnerID: 1, Customer: "Acme", ExpectedValue: decimal.RequireFromString("1000"),
		Submitted: d("2026-03-28"), Decision: engine.DecisionPending, Outcome: engine.OutcomeOpen, WindowDays: 30}
	approved := pending
	if err := engine.DecideRegistration(&approved, engine.VerdictApprove, "boss", d("2026-04-03")); err != nil {
		t.Fatal(err)
	}
	won := approved
	if err := engine.DecideRegistration(&won, engine.VerdictWon, "boss", d("2026-09-01")); err != nil {
		t.Fatal(err)
	}
	if !engine.DecisionOnly(pending, approved) || !engine.DecisionOnly(approved, won) {
		t.Error("approving and winning are decision-only changes")
	}
	for name, change := range map[string]func(*engine.Registration){
		"value":     func(g *engine.Registration) { g.ExpectedValue = decimal.RequireFromString("1001") },
		"submitted": func(g *engine.Registration) { g.Submitted = d("2026-04-01") },
		"window":    func(g *engine.Registration) { g.WindowDays = 60 },
		"customer":  func(g *engine.Registration) { g.Customer = "Globex" },
		"partner":   func(g *engine.Registration) { g.PartnerID = 2 },
		"rep":       func(g *engine.Registration) { g.RepID = 3 },
	} {
		g := approved
		change(&g)
		if engine.DecisionOnly(pending, g) {
			t.Errorf("approving and changing the %s is not decision-only", name)
		}
	}
	if got := engine.DecisionDays(pending, approved); len(got) != 1 || got[0] != d("2026-04-03") {
		t.Errorf("days of the approval = %v, want [2026-04-03]", got)
	}
	if got := engine.DecisionDays(approved, won); len(got) != 1 || got[0] != d("2026-09-01") {
		t.Errorf("days of the outcome = %v, want [2026-09-01]", got)
	}
	// Approved 3 April with a 30-day window: sales up to 3 May pay
	// (earlier sales too), 4 May does not; pending and expired pay none.
	for _, c := range []struct {
		g    engine.Registration
		day  string
		want bool
	}{
		{pending, "2026-04-10", false},
		{approved, "2026-03-25", true},
		{approved, "2026-05-03", true},
		{approved, "2026-05-04", false},
		{won, "2026-04-10", true},
		{func() engine.Registration { g := approved; g.Outcome = engine.OutcomeExpired; return g }(), "2026-04-10", false},
	} {
		if got := c.g.PaysOn(d(c.day)); got != c.want {
			t.Errorf("%s/%s PaysOn(%s) = %v, want %v", c.g.Decision, c.g.Outcome, c.day, got, c.want)
		}
	}
}

// TestApprovalAfterCloseAdjustsNothing is why the store refuses an approval
// that would pay a sale dated in a closed period: the adjustment path has
// no way to carry it. March paid a zero line on F-1 (registration
// pending); the registration is approved on 3 April; computing April
// pays 5 % of the April sale F-2 (1,000.00 x 5 % = 50.00) and nothing
// for F-1 (800.00 x 5 % = 40.00 would be owed), whether or not F-1 is
// among the inputs.
func TestApprovalAfterCloseAdjustsNothing(t *testing.T) {
	rule := engine.Rule{Key: "dr", Name: "Deal registration bonus", Kind: engine.RuleDealReg, DealReg: &engine.DealRegRule{Rate: d("5")}}
	p := program(rule)
	p.PeriodKind = engine.PeriodMonth
	in := fixture("2026-04")
	in.Programs = []engine.Program{p}
	reg := engine.Registration{ID: 9, PartnerID: 1, Customer: "C", Submitted: engine.MustDate("2026-03-20"), WindowDays: 30,
		Decision: engine.DecisionApproved, DecidedBy: "boss", DecidedOn: engine.MustDate("2026-04-03"), Outcome: engine.OutcomeOpen}
	march := sale(1, "2026-03-25", "800")
	march.Invoice, march.RegistrationID = "F-1", reg.ID
	april := sale(1, "2026-04-10", "1000")
	april.Invoice, april.RegistrationID = "F-2", reg.ID
	in.Registrations = []engine.Registration{reg}
	in.ClosedPeriods = []engine.Period{mustPeriod("2026-03")}
	in.ClosedLines = []engine.RewardLine{{Period: "2026-03", ProgramID: 1, RuleKey: "dr", Payee: engine.Payee{Kind: engine.PayeePartner, ID: 1},
		PartnerID: 1, Unit: engine.UnitMoney, Amount: d("0"), Basis: d("0"), Status: engine.LineApproved}}
	for _, sales := range [][]engine.Sale{{april}, {march, april}} {
		in.Sales = sales
		res := compute(t, in)
		total := decimal.Zero
		for _, l := range res.Lines {
			total = total.Add(l.Amount)
			if l.Adjustment != nil {
				t.Errorf("unexpected adjustment %+v", l.Adjustment)
			}
		}
		if !total.Equal(d("50")) {
			t.Errorf("April pays %s over %d lines, want 50.00 (F-2 only): %+v", total, len(res.Lines), res.Lines)
		}
	}
}
