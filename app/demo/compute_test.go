package demo_test

import (
	"fmt"
	"testing"
	"time"

	"partnerdesk/app/demo"
	"partnerdesk/engine"
)

func TestProgramsValidate(t *testing.T) {
	sets := map[string][]engine.Program{
		"demo":  generated.Programs,
		"scale": demo.Scale(10, 10, 10, 1, scaleFrom, scaleTo).Programs,
	}
	for name, progs := range sets {
		for _, p := range progs {
			if err := engine.ValidateProgram(p); err != nil {
				t.Errorf("%s program %d %q: %v", name, p.ID, p.Name, err)
			}
		}
	}
}

// TestDemoComputesEveryRule runs the engine over every period of the demo
// year and expects each rule of each program to pay someone something: the
// demo data exercises every rule.
func TestDemoComputesEveryRule(t *testing.T) {
	ds := generated
	start := demo.WindowStart(through)
	paid := map[string]int{}
	for _, k := range []engine.PeriodKind{engine.PeriodMonth, engine.PeriodQuarter, engine.PeriodYear} {
		for _, per := range engine.ProgramPeriods(k, start, 0, through, time.January) {
			res, err := engine.Compute(demo.PeriodInputs(ds, per))
			if err != nil {
				t.Fatalf("compute %s: %v", per.Key, err)
			}
			for _, l := range res.Lines {
				if l.Amount.IsPositive() || l.Points > 0 {
					paid[fmt.Sprintf("%d/%s", l.ProgramID, l.RuleKey)]++
				}
			}
		}
	}
	for _, p := range ds.Programs {
		for _, r := range p.Rules {
			if key := fmt.Sprintf("%d/%s", p.ID, r.Key); paid[key] == 0 {
				t.Errorf("program %d %q rule %q pays nothing in the whole year", p.ID, p.Name, r.Key)
			}
		}
	}
	t.Logf("paying lines per program/rule: %v", paid)
}

// TestProgramReferences checks that what the programs name exists in the
// data: SKUs, categories, courses, activity types, tiers and partners.
func TestProgramReferences(t *testing.T) {
	for name, ds := range map[string]demo.Dataset{"demo": generated, "scale": demo.Scale(50, 50, 100, 1, scaleFrom, scaleTo)} {
		skus, cats, tiers := map[string]bool{}, map[string]bool{}, map[string]bool{}
		for _, p := range ds.Products {
			skus[p.SKU], cats[p.Category] = true, true
		}
		for _, l := range ds.Ladder.Levels {
			tiers[l.Name] = true
		}
		courses := map[string]bool{}
		for _, tr := range ds.Trainings {
			courses[tr.Course] = true
		}
		types := map[string]bool{}
		for _, a := range ds.Activities {
			types[a.Type] = true
		}
		for _, p := range ds.Programs {
			bad := func(what string, v any) {
				t.Errorf("%s program %d %q: %s %v does not exist", name, p.ID, p.Name, what, v)
			}
			for _, id := range p.Eligibility.Partners {
				if id < 1 || int(id) > len(ds.Partners) {
					bad("eligible partner", id)
				}
			}
			for _, tier := range p.Eligibility.Tiers {
				if !tiers[tier] {
					bad("tier", tier)
				}
			}
			for _, r := range p.Rules {
				for _, s := range r.Filter.SKUs {
					if !skus[s] {
						bad("SKU", s)
					}
				}
				for _, c := range r.Filter.Categories {
					if !cats[c] {
						bad("category", c)
					}
				}
				for tier := range r.TierMultipliers {
					if !tiers[tier] {
						bad("tier", tier)
					}
				}
				switch {
				case r.SPIF != nil:
					for _, s := range r.SPIF.SKUs {
						if !skus[s] {
							bad("SPIF SKU", s)
						}
					}
				case r.Training != nil:
					for _, c := range r.Training.Courses {
						if !courses[c] {
							bad("course", c)
						}
					}
				case r.Activity != nil:
					for _, a := range r.Activity.Types {
						if !types[a] {
							bad("activity type", a)
						}
					}
				case r.Target != nil:
					for id := range r.Target.Targets {
						if id < 1 || int(id) > len(ds.Partners) {
							bad("target partner", id)
						}
					}
				}
			}
		}
	}
}

// TestRegisteredSalesTiming checks each registered sale against its
// registration: never before submission, and the won outcome recorded.
func TestRegisteredSalesTiming(t *testing.T) {
	var inWindow, late, unapproved int
	for _, s := range generated.Sales {
		if s.RegistrationID == 0 || s.IsReturn() {
			continue
		}
		r := generated.Registrations[s.RegistrationID-1]
		if s.Date < r.Submitted || r.Outcome != engine.OutcomeWon {
			t.Errorf("sale %d dated %s on registration %d submitted %s with outcome %s", s.ID, s.Date, r.ID, r.Submitted, r.Outcome)
		}
		switch {
		case r.Decision != engine.DecisionApproved:
			unapproved++
		case s.Date <= r.DecidedOn.AddDays(r.WindowDays):
			inWindow++
		default:
			late++
		}
	}
	// Every case the deal registration rule must tell apart is present.
	if inWindow == 0 || late == 0 || unapproved == 0 {
		t.Errorf("registered sales: %d in window, %d late, %d on rejected or pending registrations; want some of each", inWindow, late, unapproved)
	}
}
