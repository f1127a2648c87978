package app_test

import (
	"errors"
	"testing"

	"github.com/shopspring/decimal"

	"partnerdesk/app"
	"partnerdesk/app/demo"
	"partnerdesk/engine"
)

// A budget counts per fiscal year: what a program spent in 2025 does not
// count against its 2026 budget, in the approval's warning, the period
// review and the programs list alike (one programSpend). With the New Logo
// Accelerator's budget set just above its 2026-Q1 lines, approving them
// needs no confirmation although 2025-Q4's approved lines would have taken
// a lifetime total past it; approving more in the same year then warns.
func TestBudgetCountsPerFiscalYear(t *testing.T) {
	svc := newDemo(t, "2026-06-30", "2026-07-05")
	for _, k := range []string{"2025-Q4", "2026-Q1"} {
		if _, err := svc.ComputePeriod(k, nil); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := svc.Approve("2025-Q4", nil, true); err != nil {
		t.Fatal(err)
	}
	sum := func(period string, st engine.LineStatus) decimal.Decimal {
		ls, err := svc.Lines(period, app.LineFilter{Status: st, Program: "New Logo Accelerator"})
		if err != nil {
			t.Fatal(err)
		}
		s := decimal.Zero
		for _, l := range ls {
			if l.Unit == engine.UnitMoney {
				s = s.Add(l.Amount)
			}
		}
		return s
	}
	spent25, q1 := sum("2025-Q4", engine.LineApproved), sum("2026-Q1", engine.LineDraft)
	if !spent25.IsPositive() || !q1.IsPositive() {
		t.Fatalf("New Logo spent %s in 2025-Q4, drafts %s in 2026-Q1; the test needs both", spent25, q1)
	}
	pr, err := svc.ProgramByID(demo.ProgramNewLogo)
	if err != nil {
		t.Fatal(err)
	}
	pr.Budget = q1.Add(decimal.NewFromInt(1)) // below 2025's spend + Q1, above Q1 alone
	if _, err := svc.SaveProgram(pr); err != nil {
		t.Fatal(err)
	}
	rv, err := svc.Review("2026-Q1")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range rv.Totals {
		if tt.ProgramID == demo.ProgramNewLogo && (!tt.Spent.IsZero() || tt.Over) {
			t.Errorf("2026-Q1 review: New Logo spent %s (over %v), want nothing yet in fiscal 2026", tt.Spent, tt.Over)
		}
	}
	ids := func() []engine.ID {
		ls, _ := svc.Lines("2026-Q1", app.LineFilter{Status: engine.LineDraft, Program: "New Logo Accelerator"})
		var out []engine.ID
		for _, l := range ls {
			out = append(out, l.ID)
		}
		return out
	}
	if _, err := svc.Approve("2026-Q1", ids(), false); err != nil {
		t.Fatalf("approving 2026-Q1's New Logo lines within fiscal 2026's budget: %v", err)
	}
	list, err := svc.ProgramList()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range list.Programs {
		if p.Program.ID == demo.ProgramNewLogo && (!p.Spent.Equal(q1) || p.Span.Key != "2026") {
			t.Errorf("programs list: New Logo spent %s over %s, want %s over 2026", p.Spent, p.Span.Key, q1)
		}
	}
	// 2026-Q2 in the same fiscal year: past the budget, a confirmation.
	if _, err := svc.ComputePeriod("2026-Q2", nil); err != nil {
		t.Fatal(err)
	}
	ls, _ := svc.Lines("2026-Q2", app.LineFilter{Status: engine.LineDraft, Program: "New Logo Accelerator"})
	var q2 []engine.ID
	for _, l := range ls {
		if l.Amount.IsPositive() {
			q2 = append(q2, l.ID)
		}
	}
	var be *engine.BudgetError
	if _, err := svc.Approve("2026-Q2", q2, false); !errors.As(err, &be) || !be.Overruns[0].Spent.Equal(q1) {
		t.Errorf("approving 2026-Q2 past fiscal 2026's budget: %v, want a BudgetError with %s spent", err, q1)
	}
}
