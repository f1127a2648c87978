package engine_test

import (
	"testing"
	"time"

	"partnerdesk/app/demo"
	"partnerdesk/engine"
)

// TestUnreadInputsChangeNothing: where ReadsRuleKind says no training (or
// activity) rule runs, computing without the trainings (activities) gives
// the same lines and nudges, byte for byte; where it says one runs, the
// demo's programs pay for them, so the inputs matter.
func TestUnreadInputsChangeNothing(t *testing.T) {
	through := engine.MustDate("2026-06-30")
	ds := demo.Generate(42, through)
	type input struct {
		kind engine.RuleKind
		drop func(*engine.Inputs)
	}
	inputs := []input{
		{engine.RuleTraining, func(in *engine.Inputs) { in.Trainings = nil }},
		{engine.RuleActivity, func(in *engine.Inputs) { in.Activities = nil }},
	}
	skipped, read, mattered := 0, 0, 0
	check := func(name string, in engine.Inputs) {
		t.Helper()
		want := computeWith(t, in, *engine.RuleWorkers)
		for _, x := range inputs {
			less := in
			x.drop(&less)
			got := computeWith(t, less, *engine.RuleWorkers)
			if engine.ReadsRuleKind(in.Programs, in.Period, x.kind) {
				read++
				if got != want {
					mattered++
				}
				continue
			}
			skipped++
			if got != want {
				t.Errorf("%s without the inputs of %s rules computes otherwise", name, x.kind)
			}
		}
	}
	for _, k := range []engine.PeriodKind{engine.PeriodMonth, engine.PeriodQuarter, engine.PeriodYear} {
		for _, per := range engine.ProgramPeriods(k, demo.WindowStart(through), 0, through, time.January) {
			check(per.Key, demo.PeriodInputs(ds, per))
		}
	}
	// The scale world's quarterly programs have neither kind of rule.
	sc := scaleInputs(5000)
	if engine.ReadsRuleKind(sc.Programs, sc.Period, engine.RuleTraining) || engine.ReadsRuleKind(sc.Programs, sc.Period, engine.RuleActivity) {
		t.Error("the scale world's quarter reads trainings or activities; the test expects it not to")
	}
	check("scale "+sc.Period.Key, sc)
	if skipped == 0 || mattered == 0 {
		t.Errorf("the demo left inputs out %d times and needed them %d times (of %d): the test wants both", skipped, mattered, read)
	}
}
