package engine

import (
	"slices"

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
			from := NumberArg("from", cur.Fixed(b.From))
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

// TierGap says what a partner holding current still misses to the next
// tier of the ladder, e.g. "34,500.00 EUR revenue and 1 certification to
// Gold" (key nudge.tier, argument missing a list of need.* parts); at the
// top, nudge.top; with every criterion met, nudge.tier.qualified.
func TierGap(l TierLadder, current string, e TierEvidence, cur Currency) Explanation {
	i := slices.IndexFunc(l.Levels, func(lv TierLevel) bool { return lv.Name == current })
	if i+1 >= len(l.Levels) {
		return Explanation{Key: "nudge.top", Args: []Arg{TextArg("tier", current)}}
	}
	next := l.Levels[i+1]
	c := next.Criteria
	var needs []Explanation
	if d := c.Revenue.Sub(e.Revenue); d.IsPositive() {
		needs = append(needs, Explanation{Key: "need.revenue", Args: []Arg{MoneyArg("amount", cur.Round(d), cur)}})
	}
	if d := c.Units.Sub(e.Units); d.IsPositive() {
		needs = append(needs, Explanation{Key: "need.units", Args: []Arg{NumberArg("units", d)}})
	}
	if n := c.Certifications - e.Certifications; n > 0 {
		key := "need.certs"
		if n == 1 {
			key = "need.cert"
		}
		needs = append(needs, Explanation{Key: key, Args: []Arg{NumberArg("count", decimal.NewFromInt(int64(n)))}})
	}
	if n := c.WonRegistrations - e.WonRegistrations; n > 0 {
		key := "need.regs"
		if n == 1 {
			key = "need.reg"
		}
		needs = append(needs, Explanation{Key: key, Args: []Arg{NumberArg("count", decimal.NewFromInt(int64(n)))}})
	}
	if n := c.ActivityPoints - e.ActivityPoints; n > 0 {
		key := "need.points"
		if n == 1 {
			key = "need.point"
		}
		needs = append(needs, Explanation{Key: key, Args: []Arg{NumberArg("count", decimal.NewFromInt(int64(n)))}})
	}
	if len(needs) == 0 {
		return Explanation{Key: "nudge.tier.qualified", Args: []Arg{TextArg("tier", next.Name)}}
	}
	return Explanation{Key: "nudge.tier", Args: []Arg{ListArg("missing", needs...), TextArg("tier", next.Name)}}
}
