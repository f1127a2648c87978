package app_test

import (
	"errors"
	"strings"
	"testing"

	"partnerdesk/app"
	"partnerdesk/engine"
)

// Issue 14 item 5: changing an active program's rules from a period on
// leaves the open periods before it on the earlier rules.
//
// Rebate, quarterly, 5 %. Q1 sale 1,000, Q2 sale 2,000 (both open).
// Before: Q1 50.00, Q2 100.00. The file with 10 % imported --from 2026-Q2:
// Q1 still 50.00 (version 1), Q2 10 % x 2,000 = 200.00 (version 2).
// A plain replace would have made Q1 100.00.
func TestRuleVersionFromPeriod(t *testing.T) {
	svc := tiny(t, "2026-07-05")
	p, err := svc.SaveProgram(rateProgram("Rebate", engine.PeriodQuarter, "5"))
	must(t, err)
	sale(t, svc, "2026-02-10", "10", "100", "Q1-1")
	sale(t, svc, "2026-05-10", "20", "100", "Q2-1")
	amountOf := func(period string) string {
		t.Helper()
		_, err := svc.ComputePeriod(period, nil)
		must(t, err)
		a, ok := lineOf(t, svc, period, "Rebate")
		if !ok {
			return "none"
		}
		return a.StringFixed(2)
	}
	if q1, q2 := amountOf("2026-Q1"), amountOf("2026-Q2"); q1 != "50.00" || q2 != "100.00" {
		t.Fatalf("before: Q1 %s Q2 %s", q1, q2)
	}
	ten := p
	ten.Rules = []engine.Rule{{Key: "r", Name: "Rebate rate", Kind: engine.RuleRate, Basis: engine.BasisRevenue, Rate: &engine.RateRule{Rate: dec("10")}}}
	file, err := engineProgramFile(ten)
	must(t, err)
	// Without --from an active program is not replaced silently.
	if _, err := svc.ImportProgram(file); !errors.Is(err, engine.ErrConfirmationNeeded) {
		t.Fatalf("plain import over an active program: %v", err)
	}
	saved, err := svc.ImportProgramFrom(file, "2026-Q2")
	must(t, err)
	if saved.ID != p.ID || saved.RulesFrom != engine.MustDate("2026-04-01") || len(saved.EarlierRules) != 1 ||
		!saved.EarlierRules[0].Rules[0].Rate.Rate.Equal(dec("5")) || saved.EarlierRules[0].From != engine.MustDate("2026-01-01") {
		t.Fatalf("saved %+v", saved)
	}
	if q1, q2 := amountOf("2026-Q1"), amountOf("2026-Q2"); q1 != "50.00" || q2 != "200.00" {
		t.Errorf("after: Q1 %s (want 50.00, the earlier rules) Q2 %s (want 200.00)", q1, q2)
	}
	// Each line names the version it used.
	for period, want := range map[string]int{"2026-Q1": 1, "2026-Q2": 2} {
		ls, err := svc.Lines(period, app.LineFilter{})
		must(t, err)
		if len(ls) != 1 || ls[0].RuleVersion != want {
			t.Errorf("%s: lines %+v, want version %d", period, ls, want)
		}
	}
	// The export carries the history; re-importing it from the same
	// period replaces the current version only.
	b, err := svc.ExportProgram("Rebate")
	must(t, err)
	if !strings.Contains(string(b), `"earlier_rules"`) || !strings.Contains(string(b), `"rules_from": "2026-04-01"`) {
		t.Errorf("export lacks the versions:\n%s", b)
	}
	again, err := svc.ImportProgramFrom(b, "2026-Q2")
	must(t, err)
	if len(again.EarlierRules) != 1 {
		t.Errorf("same period: %d earlier versions, want 1", len(again.EarlierRules))
	}
	// Not before the current rules, not a closed period, not another kind.
	for _, from := range []string{"2026-Q1", "2026-05"} {
		_, err := svc.ImportProgramFrom(b, from)
		var ve *engine.ValidationError
		if !errors.As(err, &ve) || ve.Field != "from" {
			t.Errorf("from %s: %v", from, err)
		}
	}
	payAll(t, svc, "2026-Q3")
	_, err = svc.ClosePeriod("2026-Q3")
	must(t, err)
	if _, err := svc.ImportProgramFrom(b, "2026-Q3"); err == nil || !strings.Contains(err.Error(), "closed") {
		t.Errorf("from a closed period: %v", err)
	}
}
