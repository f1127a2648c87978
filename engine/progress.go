package engine

import (
	"github.com/shopspring/decimal"
)

// NextBand says what a payee holding tier still misses, on basis, to the
// next band of a banded rate rule; ok is false for a flat rate or the top band.
func NextBand(r *Rule, tier string, basis decimal.Decimal, period string, cur Currency) (Explanation, bool) {
	if r.Kind != RuleRate || r.Rate == nil {
		return Explanation{}, false
	}
	bands := bandsFor(r.Rate, tier)
	for _, b := range bands {
		if b.From.GreaterThan(basis) {
			units := r.Basis == BasisUnits
			missing := b.From.Sub(basis)
			c := &computer{cur: cur}
			rate := PercentArg("rate", b.Rate)
			from := NumberArg("from", b.From.Round(cur.MinorUnits))
			if units {
				rate = MoneyArg("rate", b.Rate, cur)
				from = NumberArg("from", b.From)
			}
			return Explanation{Key: "nudge.band", Args: []Arg{c.basisArg("missing", units, missing), PeriodArg("period", period), from, rate}}, true
		}
	}
	return Explanation{}, false
}

// NextStep says what a partner still misses, on basis, to the next step of
// a target rule; ok is false past the top step.
func NextStep(r *Rule, partnerID ID, basis decimal.Decimal, period string, cur Currency) (Explanation, bool) {
	if r.Kind != RuleTarget || r.Target == nil {
		return Explanation{}, false
	}
	target := TargetFor(r.Target, partnerID)
	if !target.IsPositive() {
		return Explanation{}, false
	}
	for _, s := range sortedSteps(r.Target) {
		if !reaches(basis, target, s.Attainment) {
			units := r.Basis == BasisUnits
			c := &computer{cur: cur}
			missing := s.Attainment.Mul(target).Div(hundred).Sub(basis)
			return Explanation{Key: "nudge.step", Args: []Arg{c.basisArg("missing", units, missing), PeriodArg("period", period),
				PercentArg("step", s.Attainment), MoneyArg("amount", s.Amount, cur)}}, true
		}
	}
	return Explanation{}, false
}
