package app_test

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"partnerdesk/app"
	"partnerdesk/data"
	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// changesWorld is a small company for What changed: partners Alpha, Beta
// and Gamma on a Registered / Gold ladder, one product, two monthly
// programs: Rebate (5 %, Gold x1.5) and Growth (1 %, no tier), and July
// sales of Alpha 10,000.00 (invoice A-1) and Beta 4,000.00.
func changesWorld(t *testing.T) (*app.Service, engine.Program) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "changes.db")
	st, err := data.Open(path, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	now := engine.MustDate("2026-08-05").Time().Add(9 * time.Hour)
	svc := app.NewService(st, "tester", func() time.Time { return now })
	t.Cleanup(func() {
		// The verb test closes the store to hand the file to the command
		// line: check the file as it is on disk.
		st.Close()
		again, err := data.Open(path, data.Options{})
		if err != nil {
			t.Fatalf("reopen: %v", err)
		}
		defer again.Close()
		if rep, err := again.Check(); err != nil || !rep.OK() {
			t.Errorf("check: %v %v", err, rep.Problems)
		}
	})
	ok := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	ok(svc.SaveCompany(engine.Company{Name: "Change Vendor", Currency: engine.NewCurrency("EUR"), FiscalYearStart: time.January, Language: "en"}))
	ok(st.Update("tester", func(tx *data.Tx) error {
		return tx.PutLadder(engine.TierLadder{WindowMonths: 12, Levels: []engine.TierLevel{{Name: "Registered"}, {Name: "Gold"}}})
	}))
	for _, n := range []string{"Alpha", "Beta", "Gamma"} {
		ok(svc.SavePartner(&engine.Partner{Name: n, Kind: engine.KindReseller, Status: engine.StatusActive, Joined: engine.MustDate("2025-01-01")}))
	}
	ok(svc.SaveProduct(&engine.Product{SKU: "LIC-1", Name: "Licence", ListPrice: decimal.NewFromInt(100)}))
	_, err = svc.SaveProgram(engine.Program{Name: "Rebate", PeriodKind: engine.PeriodMonth, ValidFrom: engine.MustDate("2026-01-01"), Status: engine.ProgramActive,
		Rules: []engine.Rule{{Key: "r", Name: "Rebate 5 %", Kind: engine.RuleRate, Basis: engine.BasisRevenue,
			Rate: &engine.RateRule{Rate: decimal.NewFromInt(5)}, TierMultipliers: map[string]decimal.Decimal{"Gold": decimal.RequireFromString("1.5")}}}})
	ok(err)
	growth, err := svc.SaveProgram(engine.Program{Name: "Growth", PeriodKind: engine.PeriodMonth, ValidFrom: engine.MustDate("2026-01-01"), Status: engine.ProgramActive,
		Rules: []engine.Rule{{Key: "g", Name: "Growth 1 %", Kind: engine.RuleRate, Basis: engine.BasisRevenue, Rate: &engine.RateRule{Rate: decimal.NewFromInt(1)}}}})
	ok(err)
	changeSale(t, svc, views.SaleInput{Date: "2026-07-10", Partner: "Alpha", Customer: "Globex", Product: "LIC-1", Quantity: "100", UnitPrice: "100", Invoice: "A-1"})
	changeSale(t, svc, views.SaleInput{Date: "2026-07-12", Partner: "Beta", Customer: "Initech", Product: "LIC-1", Quantity: "40", UnitPrice: "100", Invoice: "B-1"})
	return svc, growth
}

func changeSale(t *testing.T, svc *app.Service, in views.SaleInput) {
	t.Helper()
	if _, err := svc.AddSale(in, false); err != nil {
		t.Fatalf("sale %s: %v", in.Invoice, err)
	}
}

type wantChange struct {
	program, rule, payee string
	old, new, diff       string
	reason               string
	reasons              []engine.ChangeReason
}

func checkChanges(t *testing.T, rep views.ChangeReport, want []wantChange) {
	t.Helper()
	if len(rep.Changes) != len(want) {
		for _, c := range rep.Changes {
			t.Logf("%s / %s / %s: %s -> %s %v", c.Program, c.Rule, c.Payee, c.Change.OldAmount, c.Change.NewAmount, c.Change.Reasons)
		}
		t.Fatalf("changes: got %d, want %d", len(rep.Changes), len(want))
	}
	for i, w := range want {
		c := rep.Changes[i]
		got := wantChange{c.Program, c.Rule, c.Payee, c.Change.OldAmount.StringFixed(2), c.Change.NewAmount.StringFixed(2),
			c.Change.Difference().StringFixed(2), app.ReasonText(c.Change, "en"), c.Change.Reasons}
		if !reflect.DeepEqual(got, w) {
			t.Errorf("change %d:\n got %+v\nwant %+v", i, got, w)
		}
	}
}

// TestChangesOfRecompute computes July, approves it, then changes an
// input, a tier and a program and adds a sale, computes again, and checks
// that the compute summary and `changes` give each result's old and new
// amount with the right reason.
func TestChangesOfRecompute(t *testing.T) {
	svc, growth := changesWorld(t)

	// First compute: Rebate 10,000 x 5 % = 500.00 and 4,000 x 5 % = 200.00;
	// Growth 10,000 x 1 % = 100.00 and 4,000 x 1 % = 40.00; all new,
	// 840.00 in all.
	sum, err := svc.ComputePeriod("2026-07", nil)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := app.ChangeSummaryText(sum.Changes, engine.NewCurrency("EUR"), "en"), "4 changes: 4 new; +840.00 EUR"; got != want {
		t.Errorf("first summary: got %q, want %q", got, want)
	}
	rep, err := svc.Changes("2026-07")
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Computed || !rep.First {
		t.Errorf("first compute: computed %v first %v, want both", rep.Computed, rep.First)
	}
	checkChanges(t, rep, []wantChange{
		{"Rebate", "Rebate 5 %", "Alpha", "0.00", "500.00", "500.00", "new", []engine.ChangeReason{engine.ChangeNew}},
		{"Rebate", "Rebate 5 %", "Beta", "0.00", "200.00", "200.00", "new", []engine.ChangeReason{engine.ChangeNew}},
		{"Growth", "Growth 1 %", "Alpha", "0.00", "100.00", "100.00", "new", []engine.ChangeReason{engine.ChangeNew}},
		{"Growth", "Growth 1 %", "Beta", "0.00", "40.00", "40.00", "new", []engine.ChangeReason{engine.ChangeNew}},
	})

	// The same inputs again: nothing changed.
	if sum, err = svc.ComputePeriod("2026-07", nil); err != nil {
		t.Fatal(err)
	}
	if sum.Changes.Changes != 0 || app.ChangeSummaryText(sum.Changes, engine.NewCurrency("EUR"), "en") != "No changes since the last compute" {
		t.Errorf("recompute of the same inputs: %+v", sum.Changes)
	}

	// Approve everything: the next compute's old figures come from the
	// approved lines and its new drafts are differences.
	if _, err := svc.Approve("2026-07", nil, true); err != nil {
		t.Fatal(err)
	}
	// An input: Alpha returns 20 of its 100 licences (-2,000.00).
	changeSale(t, svc, views.SaleInput{Date: "2026-07-20", Partner: "Alpha", Customer: "Globex", Product: "LIC-1", Quantity: "-20", UnitPrice: "100", Invoice: "A-2", OriginalInvoice: "A-1"})
	// A tier: Beta is Gold from 1 July.
	if _, err := svc.ApplyTier("Beta", "Gold", engine.MustDate("2026-07-01"), "test"); err != nil {
		t.Fatal(err)
	}
	// A program: Growth pays 2 % instead of 1 %.
	growth.Rules[0].Rate = &engine.RateRule{Rate: decimal.NewFromInt(2)}
	if _, err := svc.SaveProgram(growth); err != nil {
		t.Fatal(err)
	}
	// A new payee: Gamma sells 1,000.00.
	changeSale(t, svc, views.SaleInput{Date: "2026-07-15", Partner: "Gamma", Customer: "Umbrella", Product: "LIC-1", Quantity: "10", UnitPrice: "100", Invoice: "G-1"})

	// Rebate: Alpha 8,000 x 5 % = 400.00 (inputs); Beta 4,000 x 5 % x 1.5 =
	// 300.00 (tier); Gamma 1,000 x 5 % = 50.00 (new).
	// Growth: Alpha 8,000 x 2 % = 160.00 (inputs and program); Beta 4,000 x
	// 2 % = 80.00 (program only: Growth has no tier multiplier); Gamma
	// 1,000 x 2 % = 20.00 (new, under a changed program).
	// Total: -100 + 100 + 50 + 60 + 40 + 20 = +170.00.
	if sum, err = svc.ComputePeriod("2026-07", nil); err != nil {
		t.Fatal(err)
	}
	want := "6 changes: 2 new, 1 changed (inputs), 1 tier change, 1 program change, 1 with several reasons; +170.00 EUR"
	if got := app.ChangeSummaryText(sum.Changes, engine.NewCurrency("EUR"), "en"); got != want {
		t.Errorf("summary: got %q, want %q", got, want)
	}
	if rep, err = svc.Changes("2026-07"); err != nil {
		t.Fatal(err)
	}
	if rep.First || rep.PreviousAt.IsZero() {
		t.Errorf("second compute: first %v, previous %v; want false and the first compute's time", rep.First, rep.PreviousAt)
	}
	checkChanges(t, rep, []wantChange{
		{"Rebate", "Rebate 5 %", "Alpha", "500.00", "400.00", "-100.00", "inputs (basis 10,000 → 8,000)", []engine.ChangeReason{engine.ChangeInputs}},
		{"Rebate", "Rebate 5 %", "Beta", "200.00", "300.00", "100.00", "tier Registered → Gold", []engine.ChangeReason{engine.ChangeTier}},
		{"Rebate", "Rebate 5 %", "Gamma", "0.00", "50.00", "50.00", "new", []engine.ChangeReason{engine.ChangeNew}},
		{"Growth", "Growth 1 %", "Alpha", "100.00", "160.00", "60.00", "inputs (basis 10,000 → 8,000), program", []engine.ChangeReason{engine.ChangeInputs, engine.ChangeProgram}},
		{"Growth", "Growth 1 %", "Beta", "40.00", "80.00", "40.00", "program", []engine.ChangeReason{engine.ChangeProgram}},
		{"Growth", "Growth 1 %", "Gamma", "0.00", "20.00", "20.00", "new: program", []engine.ChangeReason{engine.ChangeNew, engine.ChangeProgram}},
	})

	// The drafts hold exactly the differences of the approved results.
	ls, err := svc.Lines("2026-07", app.LineFilter{Status: engine.LineDraft})
	if err != nil {
		t.Fatal(err)
	}
	drafts := decimal.Zero
	for _, l := range ls {
		drafts = drafts.Add(l.Amount)
	}
	if !drafts.Equal(decimal.NewFromInt(170)) {
		t.Errorf("draft lines add up to %s, want the 170.00 the changes add up to", drafts)
	}

	// Growth ends: its three results vanish, because of the program:
	// -160.00 - 80.00 - 20.00 = -260.00.
	growth.Status = engine.ProgramEnded
	if _, err := svc.SaveProgram(growth); err != nil {
		t.Fatal(err)
	}
	if sum, err = svc.ComputePeriod("2026-07", nil); err != nil {
		t.Fatal(err)
	}
	if got, want := app.ChangeSummaryText(sum.Changes, engine.NewCurrency("EUR"), "en"), "3 changes: 3 gone; -260.00 EUR"; got != want {
		t.Errorf("summary after ending Growth: got %q, want %q", got, want)
	}
	if rep, err = svc.Changes("2026-07"); err != nil {
		t.Fatal(err)
	}
	gone := []engine.ChangeReason{engine.ChangeGone, engine.ChangeProgram}
	checkChanges(t, rep, []wantChange{
		{"Growth", "Growth 1 %", "Alpha", "160.00", "0.00", "-160.00", "gone: program", gone},
		{"Growth", "Growth 1 %", "Beta", "80.00", "0.00", "-80.00", "gone: program", gone},
		{"Growth", "Growth 1 %", "Gamma", "20.00", "0.00", "-20.00", "gone: program", gone},
	})
}

// TestChangesVerb runs compute and changes on the command line.
func TestChangesVerb(t *testing.T) {
	svc, _ := changesWorld(t)
	db := svc.Path()
	svc.Close()
	code, out, errs := run(t, db, "changes", "2026-07")
	if code != 0 || !strings.Contains(out, "has not been computed") {
		t.Errorf("changes before any compute: exit %d, out %q, err %q", code, out, errs)
	}
	if code, out, errs = run(t, db, "compute", "2026-07"); code != 0 || !strings.Contains(out, "4 changes: 4 new; +840.00 EUR (see: changes 2026-07)") {
		t.Errorf("compute: exit %d, out %q, err %q", code, out, errs)
	}
	code, out, errs = run(t, db, "changes", "2026-07")
	if code != 0 {
		t.Fatalf("changes: exit %d, err %q", code, errs)
	}
	for _, want := range []string{"payee", "difference", "reason", "Rebate 5 %", "500.00 EUR", "+500.00 EUR", "new", "4 changes: 4 new; +840.00 EUR"} {
		if !strings.Contains(out, want) {
			t.Errorf("changes output lacks %q:\n%s", want, out)
		}
	}
	code, out, errs = run(t, db, "changes", "2026-07", "--format", "csv")
	if code != 0 || !strings.Contains(out, "payee,program,rule,old,new,difference,reason") || !strings.Contains(out, ",0.00,500.00,500.00,new") {
		t.Errorf("changes csv: exit %d, err %q, out:\n%s", code, errs, out)
	}
}

func TestChangeSummaryText(t *testing.T) {
	eur := engine.NewCurrency("EUR")
	tests := []struct {
		name string
		sum  engine.ChangeSummary
		want string
	}{
		{"none", engine.ChangeSummary{}, "No changes since the last compute"},
		{"money", engine.ChangeSummary{Changes: 12, New: 3, Inputs: 8, Tier: 1, Money: decimal.RequireFromString("1234.56")},
			"12 changes: 3 new, 8 changed (inputs), 1 tier change; +1,234.56 EUR"},
		{"points only", engine.ChangeSummary{Changes: 2, Program: 2, Points: -40}, "2 changes: 2 program changes; -40 points"},
		{"both", engine.ChangeSummary{Changes: 2, Gone: 1, Several: 1, Money: decimal.RequireFromString("-50"), Points: 1200},
			"2 changes: 1 gone, 1 with several reasons; -50.00 EUR, +1,200 points"},
		{"even", engine.ChangeSummary{Changes: 2, Inputs: 2, Money: decimal.Zero}, "2 changes: 2 changed (inputs); 0.00 EUR"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := app.ChangeSummaryText(tt.sum, eur, "en"); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
