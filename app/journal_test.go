package app_test

import (
	"testing"

	"github.com/shopspring/decimal"

	"partnerdesk/app"
	"partnerdesk/engine"
)

// settledDemo is the demo company of 2025-11..2026-10 run the way SettleDemo
// runs it, looked at on 2026-11-23.
func settledDemo(t *testing.T) *app.Service {
	t.Helper()
	svc := newDemo(t, "2026-10-31", "2026-11-23")
	if err := svc.SettleDemo(engine.MustDate("2026-10-31"), nil); err != nil {
		t.Fatal(err)
	}
	return svc
}

// The demo's journal posts into a trial balance that balances, with every
// liability account equal to its ledger on every day of the demo, and it
// shows every kind of event; the fiscal year's journal is selected by
// date.
func TestDemoJournalBalancesWithItsLedgers(t *testing.T) {
	svc := settledDemo(t)
	for _, pv := range []string{"", "0.01"} {
		if pv != "" {
			co, err := svc.Company()
			if err != nil {
				t.Fatal(err)
			}
			co.PointValue = decimal.RequireFromString(pv)
			if err := svc.SaveCompany(co); err != nil {
				t.Fatal(err)
			}
		}
		problems, err := svc.ReconcileBooks(engine.MustDate("2025-11-01"), engine.MustDate("2026-11-23"))
		if err != nil {
			t.Fatal(err)
		}
		if len(problems) > 0 {
			t.Fatalf("point value %q: the journal does not agree with the ledgers:\n%v", pv, problems)
		}
	}
	js, _, err := svc.Journal()
	if err != nil {
		t.Fatal(err)
	}
	events := map[engine.JournalEvent]int{}
	for _, e := range js {
		events[e.Event]++
	}
	for _, ev := range []engine.JournalEvent{engine.EventAccrual, engine.EventAdjustment, engine.EventPayout, engine.EventClaimApproved,
		engine.EventClaimReimbursed, engine.EventFundExpiry, engine.EventPointsExpiry, engine.EventPointsRedeemed} {
		if events[ev] == 0 {
			t.Errorf("the demo's journal has no %s entry (%v)", ev, events)
		}
	}
	// Today the accrued rewards account holds exactly the approved money
	// lines still unpaid (their status, not the payouts), and the claims
	// payable account the approved claims not yet reimbursed.
	_, in, err := svc.Journal()
	if err != nil {
		t.Fatal(err)
	}
	unpaid, payable := decimal.Zero, decimal.Zero
	for _, l := range in.Lines {
		if l.Unit == engine.UnitMoney && l.Status == engine.LineApproved {
			unpaid = unpaid.Add(l.Amount)
		}
	}
	for _, e := range in.Funds {
		if e.Kind == engine.FundClaim && e.Status == engine.ClaimApproved {
			payable = payable.Add(e.Approved)
		}
	}
	bal := engine.AccountBalances(js, svc.Today())
	if got := bal["2400"].Neg(); !got.Equal(unpaid) || unpaid.IsZero() {
		t.Errorf("accrued rewards today %s, approved unpaid lines %s", got, unpaid)
	}
	if got := bal["2420"].Neg(); !got.Equal(payable) {
		t.Errorf("fund claims payable today %s, approved claims not reimbursed %s", got, payable)
	}
	// The fiscal year 2026 by dates: as many rows as entries dated in it.
	sh, err := svc.ExportSheet("journal", "2026")
	if err != nil {
		t.Fatal(err)
	}
	in2026 := engine.JournalIn(js, engine.FiscalYear(2026, 1))
	if len(sh.Rows) != len(in2026) || len(sh.Rows) < 500 {
		t.Errorf("export journal 2026: %d rows, %d entries dated in 2026", len(sh.Rows), len(in2026))
	}
	// The year's trial balance balances.
	sum := decimal.Zero
	for _, b := range engine.AccountBalances(in2026, engine.MaxDate) {
		sum = sum.Add(b)
	}
	if !sum.IsZero() {
		t.Errorf("2026's trial balance is off by %s", sum)
	}
}

// The demo books like a real company: approvals and payouts a few weeks
// after the period they settle (never all on the day the demo was made),
// claims reimbursed, funds expiring; and its budgets fit its volume: one
// or two programs near or over their fiscal year's budget, not five.
func TestDemoBooksLikeARealOne(t *testing.T) {
	svc := settledDemo(t)
	today := svc.Today()
	js, in, err := svc.Journal()
	if err != nil {
		t.Fatal(err)
	}
	byDay := map[engine.Date]int{}
	for _, po := range in.Payouts {
		byDay[po.Date]++
		if po.Date >= today {
			t.Errorf("payout %d dated %s, on or after the day the demo was made", po.ID, po.Date)
		}
	}
	if len(byDay) < 8 {
		t.Errorf("payouts fall on %d days, want one run a few weeks after each month and quarter", len(byDay))
	}
	for _, l := range in.Lines {
		if l.Status == engine.LineDraft {
			continue
		}
		p, err := engine.ParsePeriod(l.Period, 1)
		if err != nil {
			t.Fatal(err)
		}
		if l.ApprovedOn <= p.End && l.ApprovedOn != today || l.ApprovedOn > p.End.AddDays(20) {
			t.Fatalf("line %d of %s approved on %s, want 1-20 days after its end", l.ID, l.Period, l.ApprovedOn)
		}
	}
	n := map[engine.JournalEvent]int{}
	for _, e := range js {
		n[e.Event]++
	}
	if n[engine.EventClaimReimbursed] < 2 || n[engine.EventFundExpiry] < 5 || n[engine.EventPointsExpiry] == 0 {
		t.Errorf("events %v: want reimbursed claims, fund and points expiries", n)
	}
	progs, err := svc.Programs()
	if err != nil {
		t.Fatal(err)
	}
	near, over := 0, 0
	for _, pr := range progs {
		span := engine.BudgetSpan(&pr, today, 1)
		spent := decimal.Zero
		for _, l := range in.Lines {
			lp, _ := engine.ParsePeriod(l.Period, 1)
			if l.ProgramID == pr.ID && l.Unit == engine.UnitMoney && l.Status != engine.LineDraft && lp.Inside(span) {
				spent = spent.Add(l.Amount)
			}
		}
		ratio := spent.Div(pr.Budget)
		t.Logf("%s: %s of %s (%s)", pr.Name, spent.StringFixed(2), pr.Budget, ratio.StringFixed(2))
		switch {
		case ratio.GreaterThan(decimal.NewFromInt(1)):
			over++
		case ratio.GreaterThanOrEqual(decimal.RequireFromString("0.85")):
			near++
		}
		if ratio.GreaterThan(decimal.RequireFromString("1.6")) {
			t.Errorf("%s spends %s of its budget: a broken-looking first screen", pr.Name, ratio.StringFixed(2))
		}
	}
	if over+near < 1 || over+near > 2 {
		t.Errorf("%d programs over and %d near their budget, want one or two in all", over, near)
	}
}
