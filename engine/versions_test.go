package engine_test

import (
	"errors"
	"testing"

	"github.com/shopspring/decimal"

	"partnerdesk/engine"
)

func versioned() engine.Program {
	p := bandedRebate()
	v1 := []engine.Rule{{Key: "rebate", Name: "Old rebate", Kind: engine.RuleRate, Basis: engine.BasisRevenue,
		TierMultipliers: map[string]decimal.Decimal{"Gold": d("1.1")}, Rate: &engine.RateRule{Rate: d("1")}}}
	v2 := []engine.Rule{{Key: "rebate", Name: "Mid rebate", Kind: engine.RuleRate, Basis: engine.BasisRevenue, Rate: &engine.RateRule{Rate: d("2")}}}
	p.EarlierRules = []engine.RuleVersion{{From: engine.MustDate("2026-01-01"), Rules: v1}, {From: engine.MustDate("2026-04-01"), Rules: v2}}
	p.RulesFrom = engine.MustDate("2026-10-01")
	return p
}

func TestRulesFor(t *testing.T) {
	p := versioned()
	for _, c := range []struct {
		day     string
		version int
		name    string
	}{
		{"2025-10-01", 1, "Old rebate"}, // before every version: the oldest
		{"2026-01-01", 1, "Old rebate"},
		{"2026-04-01", 2, "Mid rebate"},
		{"2026-07-01", 2, "Mid rebate"},
		{"2026-10-01", 3, "Volume rebate"},
	} {
		rs, v := engine.RulesFor(&p, engine.MustDate(c.day))
		if v != c.version || rs[0].Name != c.name {
			t.Errorf("%s: version %d %q, want %d %q", c.day, v, rs[0].Name, c.version, c.name)
		}
	}
	if err := engine.ValidateProgram(p); err != nil {
		t.Fatal(err)
	}
	if n := engine.RuleNamed(&p, "rebate"); n != "Volume rebate" {
		t.Errorf("rule named %q", n)
	}
}

func TestRuleVersionsValidated(t *testing.T) {
	p := versioned()
	p.EarlierRules[1].From = engine.MustDate("2025-12-01")                                                           // out of order
	p.EarlierRules[0].Rules[0].Rate.Rate = d("-1")                                                                   // a bad rule in version 1
	p.EarlierRules = append(p.EarlierRules, engine.RuleVersion{From: engine.MustDate("2026-11-01"), Rules: p.Rules}) // after rules_from
	err := engine.ValidateProgram(p)
	var ve engine.ValidationErrors
	if !errors.As(err, &ve) {
		t.Fatalf("want field errors, got %v", err)
	}
	fields := map[string]bool{}
	for _, e := range ve {
		fields[e.Field] = true
	}
	for _, f := range []string{"earlier_rules[1].from", "earlier_rules[0].rules[0].rate.rate", "earlier_rules[2].from"} {
		if !fields[f] {
			t.Errorf("no error on %s: %v", f, err)
		}
	}
	q := versioned()
	q.RulesFrom = 0
	if err := engine.ValidateProgram(q); err == nil {
		t.Error("earlier versions without rules_from must be refused")
	}
}

func TestRenameAndRefsReachEarlierVersions(t *testing.T) {
	p := versioned()
	uses := engine.ProgramTierUses(&p, "Gold")
	if len(uses) != 2 || uses[1] != "earlier_rules[0].rules[0].tier_multipliers.Gold" {
		t.Fatalf("uses %v", uses)
	}
	errs := engine.CheckProgramRefs(&p, engine.ProgramRefs{Tiers: []string{"Silver"}})
	found := false
	for _, e := range errs {
		found = found || e.Field == "earlier_rules[0].rules[0].tier_multipliers.Gold"
	}
	if !found {
		t.Errorf("refs of version 1 not checked: %v", errs)
	}
	old := p.EarlierRules[0].Rules[0].TierMultipliers
	if !engine.RenameProgramTier(&p, "Gold", "Or") {
		t.Fatal("nothing renamed")
	}
	if _, ok := p.EarlierRules[0].Rules[0].TierMultipliers["Or"]; !ok {
		t.Errorf("version 1 not renamed: %+v", p.EarlierRules[0].Rules[0].TierMultipliers)
	}
	if _, ok := old["Gold"]; !ok {
		t.Error("the original version was changed in place")
	}
}

// TestLinesNameTheirRuleVersion: each computed line names the version of
// its program's rules it used, the one in effect on the period's first day.
func TestLinesNameTheirRuleVersion(t *testing.T) {
	p := versioned()
	p.ID, p.Status = 1, engine.ProgramActive
	for _, c := range []struct {
		period  string
		version int
		amount  string
	}{
		// Q2 computes with version 2, a flat 2 %: 2 % of 10,000 = 200.00.
		{"2026-Q2", 2, "200"},
		// Q4 with version 3 (the bands): 10,000 stays in the first band, 2 % = 200.00.
		{"2026-Q4", 3, "200"},
		// Q1 with version 1, a flat 1 %: 1 % of 10,000 = 100.00.
		{"2026-Q1", 1, "100"},
	} {
		in := fixture(c.period)
		in.Programs = []engine.Program{engine.ProgramForPeriod(p, in.Period)}
		in.Sales = []engine.Sale{sale(1, in.Period.Start.String(), "10000")}
		res := compute(t, in)
		if len(res.Lines) != 1 {
			t.Fatalf("%s: %d lines", c.period, len(res.Lines))
		}
		l := res.Lines[0]
		if l.RuleVersion != c.version || !l.Amount.Equal(d(c.amount)) {
			t.Errorf("%s: version %d amount %s, want version %d amount %s", c.period, l.RuleVersion, l.Amount, c.version, c.amount)
		}
	}
	// A program with one version: every line names version 1.
	in := fixture("2026-Q3")
	in.Programs = []engine.Program{program(engine.Rule{Key: "r", Name: "Flat", Kind: engine.RuleRate, Rate: &engine.RateRule{Rate: d("1")}})}
	in.Sales = []engine.Sale{sale(1, "2026-07-02", "500")}
	if res := compute(t, in); len(res.Lines) != 1 || res.Lines[0].RuleVersion != 1 {
		t.Fatalf("one-version program: %+v", res.Lines)
	}
}
