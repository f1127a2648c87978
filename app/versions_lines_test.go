package app_test

import (
	"strings"
	"testing"

	"partnerdesk/app"
	"partnerdesk/engine"
)

// Issue 14 item 5, "each line names the version it used": the stored line
// carries the version its computation used, and the review (the period
// run screen's explanation panel) says it beside the rule.
//
// Rebate, quarterly, 5 %; Q1 sale 1,000, Q2 sale 2,000. Rules changed to
// 10 % from 2026-Q2: Q1 computes with version 1 (50.00), Q2 with version
// 2 (200.00).
func TestStoredLinesNameTheirRuleVersion(t *testing.T) {
	svc := tiny(t, "2026-07-05")
	p, err := svc.SaveProgram(rateProgram("Rebate", engine.PeriodQuarter, "5"))
	must(t, err)
	sale(t, svc, "2026-02-10", "10", "100", "Q1-1")
	sale(t, svc, "2026-05-10", "20", "100", "Q2-1")
	ten := p
	ten.Rules = []engine.Rule{{Key: "r", Name: "Rebate rate", Kind: engine.RuleRate, Basis: engine.BasisRevenue, Rate: &engine.RateRule{Rate: dec("10")}}}
	if _, err := svc.SaveProgramFrom(ten, "2026-Q2"); err != nil {
		t.Fatal(err)
	}
	for period, want := range map[string]int{"2026-Q1": 1, "2026-Q2": 2} {
		_, err := svc.ComputePeriod(period, nil)
		must(t, err)
		ls, err := svc.Lines(period, app.LineFilter{})
		must(t, err)
		if len(ls) != 1 || ls[0].RewardLine.RuleVersion != want || ls[0].RuleVersion != want {
			t.Fatalf("%s: stored version %d, shown %d, want %d", period, ls[0].RewardLine.RuleVersion, ls[0].RuleVersion, want)
		}
		r, err := svc.Review(period)
		must(t, err)
		if len(r.Lines) != 1 || !strings.HasSuffix(r.Lines[0].Rule, "(rules v"+string(rune('0'+want))+")") {
			t.Errorf("%s: the review's rule is %q, want it to name version %d", period, r.Lines[0].Rule, want)
		}
	}
	// A program with one version says nothing about versions.
	_, err = svc.SaveProgram(rateProgram("Plain", engine.PeriodQuarter, "1"))
	must(t, err)
	_, err = svc.ComputePeriod("2026-Q3", nil)
	must(t, err)
	sale(t, svc, "2026-07-02", "1", "100", "Q3-1")
	_, err = svc.ComputePeriod("2026-Q3", nil)
	must(t, err)
	ls, err := svc.Lines("2026-Q3", app.LineFilter{})
	must(t, err)
	for _, l := range ls {
		if l.ProgramName == "Plain" && (l.RewardLine.RuleVersion != 1 || l.RuleVersion != 0) {
			t.Errorf("one-version program: stored %d shown %d, want 1 and 0", l.RewardLine.RuleVersion, l.RuleVersion)
		}
	}
}
