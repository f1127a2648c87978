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

// inputsFor loads what Compute reads for period per from the data set, as
// the store would.
func inputsFor(ds demo.Dataset, per engine.Period) engine.Inputs {
	in := engine.Inputs{Company: ds.Company, Period: per, Programs: ds.Programs, Partners: ds.Partners, Reps: ds.Reps,
		Products: ds.Products, Registrations: ds.Registrations, TierHistory: ds.TierHistory, Ladder: ds.Ladder}
	named := map[string]bool{}
	for _, s := range ds.Sales {
		if per.Contains(s.BookDate()) {
			in.Sales = append(in.Sales, s)
			if s.OriginalInvoice != "" {
				named[fmt.Sprint(s.PartnerID, s.OriginalInvoice)] = true
			}
		}
		if s.NewCustomer && s.Date <= per.End {
			in.CustomerFirstSales = append(in.CustomerFirstSales, s)
		}
	}
	for _, s := range ds.Sales {
		if named[fmt.Sprint(s.PartnerID, s.Invoice)] {
			in.Originals = append(in.Originals, s)
		}
	}
	for _, tr := range ds.Trainings {
		if tr.Completed <= per.End {
			in.Trainings = append(in.Trainings, tr)
		}
	}
	for _, a := range ds.Activities {
		if per.Contains(a.Date) {
			in.Activities = append(in.Activities, a)
		}
	}
	return in
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
			res, err := engine.Compute(inputsFor(ds, per))
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
