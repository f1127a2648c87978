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
