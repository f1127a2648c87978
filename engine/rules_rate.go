package engine

import (
	"slices"

	"github.com/shopspring/decimal"
)

// bandsFor returns the band table that counts for tier: the tier's own
// table when the rule has one, else the rule's bands.
func bandsFor(rr *RateRule, tier string) []Band {
	if tb, ok := rr.TierBands[tier]; ok && len(tb) > 0 {
		return tb
	}
	return rr.Bands
}

// bandReached returns the index of the highest band whose From the basis
// reaches (bands sorted by From, the first from 0).
func bandReached(bands []Band, basis decimal.Decimal) int {
	h := 0
	for i, b := range bands {
		if basis.GreaterThanOrEqual(b.From) {
			h = i
		}
	}
	return h
}

// onBasis applies a rate to a basis: a percentage of revenue, an amount per unit.
func onBasis(basis, rate decimal.Decimal, units bool) decimal.Decimal {
	if units {
		return basis.Mul(rate)
	}
	return Percent(basis, rate)
}

// RateAmount computes a rate rule for a payee holding tier on a basis: the
// full-precision amount (not yet multiplied, capped or rounded) and its
// explanation without the amount argument. A negative basis pays nothing.
func RateAmount(r *Rule, tier string, basis decimal.Decimal, period string, cur Currency) (decimal.Decimal, Explanation) {
	units := r.Basis == BasisUnits
	c := &computer{cur: cur}
	rule := TextArg("rule", r.Name)
	if basis.IsNegative() {
		return decimal.Zero, Explanation{Key: "basis.negative", Args: []Arg{rule, c.basisArg("basis", units, basis), PeriodArg("period", period)}}
	}
	bands := bandsFor(r.Rate, tier)
	if len(bands) == 0 {
		full := onBasis(basis, r.Rate.Rate, units)
		if units {
			return full, Explanation{Key: "rate.units.flat", Args: []Arg{rule, NumberArg("units", basis), PeriodArg("period", period), MoneyArg("each", r.Rate.Rate, cur)}}
		}
		return full, Explanation{Key: "rate.flat", Args: []Arg{rule, MoneyArg("basis", cur.Round(basis), cur), PeriodArg("period", period), PercentArg("rate", r.Rate.Rate)}}
	}
	h := bandReached(bands, basis)
	var full decimal.Decimal
	mode := r.Rate.Mode
	if mode == Marginal {
		for j := 0; j <= h; j++ {
			top := basis
			if j < h {
				top = bands[j+1].From
			}
			full = full.Add(onBasis(top.Sub(bands[j].From), bands[j].Rate, units))
		}
	} else {
		mode = Retroactive
		full = onBasis(basis, bands[h].Rate, units)
	}
	from := NumberArg("from", cur.Fixed(bands[h].From))
	modeArg := KeyArg("mode", "word."+string(mode))
	if units {
		from = NumberArg("from", bands[h].From)
		return full, Explanation{Key: "rate.units.band", Args: []Arg{rule, NumberArg("units", basis), PeriodArg("period", period), from, MoneyArg("each", bands[h].Rate, cur), modeArg}}
	}
	return full, Explanation{Key: "rate." + string(mode), Args: []Arg{rule, MoneyArg("basis", cur.Round(basis), cur), PeriodArg("period", period), from, PercentArg("rate", bands[h].Rate), modeArg}}
}

func basisValue(r *Rule) valueKind {
	if r.Basis == BasisUnits {
		return valueQty
	}
	return valueNet
}

func (c *computer) ruleRate(pc *progCtx, ri int) {
	r := &pc.p.Rules[ri]
	m := c.newRuleMatch(pc, r, basisValue(r), false, nil)
	acc := c.accumulate(m)
	for slot, seen := range acc.seen {
		if !seen {
			continue
		}
		basis := acc.basis(slot, m)
		payee, partnerID, pi := c.payee(slot)
		tier := c.tierOf(pi)
		full, ex := RateAmount(r, tier, basis, c.period.Key, c.cur)
		c.emit(pc, ri, c.settle(r, payee, partnerID, pi, basis, full, ex, true), "", 0)
		if n, ok := NextBand(r, tier, basis, c.period.Key, c.cur); ok {
			c.emitNudge(pc, ri, payee, partnerID, n)
		}
	}
}

// sortedSteps returns a target rule's steps by attainment.
func sortedSteps(t *TargetRule) []Step {
	s := slices.Clone(t.Steps)
	slices.SortStableFunc(s, func(a, b Step) int { return a.Attainment.Cmp(b.Attainment) })
	return s
}

// TargetFor returns partner's target under a target rule: its own, else the default.
func TargetFor(t *TargetRule, partnerID ID) decimal.Decimal {
	if v, ok := t.Targets[partnerID]; ok {
		return v
	}
	return t.DefaultTarget
}

// reaches reports whether basis reaches att percent of target, exactly.
func reaches(basis, target, att decimal.Decimal) bool {
	return basis.Mul(hundred).GreaterThanOrEqual(att.Mul(target))
}

// TargetAmount computes a target bonus: the highest step reached pays its
// amount (not the sum of steps), plus the accelerator rate on the basis
// above 100 %. ok is false when the partner has no positive target.
func TargetAmount(r *Rule, partnerID ID, basis decimal.Decimal, period string, cur Currency) (full decimal.Decimal, ex Explanation, ok bool) {
	t := r.Target
	target := TargetFor(t, partnerID)
	if !target.IsPositive() {
		return decimal.Zero, Explanation{}, false
	}
	rule := TextArg("rule", r.Name)
	if basis.IsNegative() {
		return decimal.Zero, Explanation{Key: "basis.negative", Args: []Arg{rule, MoneyArg("basis", cur.Round(basis), cur), PeriodArg("period", period)}}, true
	}
	units := r.Basis == BasisUnits
	c := &computer{cur: cur}
	steps := sortedSteps(t)
	reached := -1
	for i, s := range steps {
		if reaches(basis, target, s.Attainment) {
			reached = i
		}
	}
	att := basis.Mul(hundred).DivRound(target, 2)
	common := []Arg{rule, c.basisArg("basis", units, basis), c.basisArg("target", units, target), PeriodArg("period", period), PercentArg("attainment", att)}
	var accel, above decimal.Decimal
	if t.Accelerator.IsPositive() && basis.GreaterThan(target) {
		above = basis.Sub(target)
		accel = Percent(above, t.Accelerator)
	}
	if reached < 0 {
		var next *Step
		for i := range steps {
			if steps[i].Attainment.IsPositive() {
				next = &steps[i]
				break
			}
		}
		if next == nil {
			next = &Step{Attainment: hundred}
		}
		missing := next.Attainment.Mul(target).Div(hundred).Sub(basis)
		return accel, Explanation{Key: "target.below", Args: append(common, c.basisArg("missing", units, missing), PercentArg("step", next.Attainment))}, true
	}
	s := steps[reached]
	if accel.IsZero() {
		return s.Amount, Explanation{Key: "target.step", Args: append(common, PercentArg("step", s.Attainment))}, true
	}
	return s.Amount.Add(accel), Explanation{Key: "target.step.accel", Args: append(common, PercentArg("step", s.Attainment),
		MoneyArg("step_amount", s.Amount, cur), PercentArg("accel", t.Accelerator), c.basisArg("above", units, above))}, true
}

func (c *computer) ruleTarget(pc *progCtx, ri int) {
	r := &pc.p.Rules[ri]
	m := c.newRuleMatch(pc, r, basisValue(r), false, nil)
	acc := c.accumulate(m)
	for slot, seen := range acc.seen {
		if !seen {
			continue
		}
		basis := acc.basis(slot, m)
		payee, partnerID, pi := c.payee(slot)
		full, ex, ok := TargetAmount(r, partnerID, basis, c.period.Key, c.cur)
		if !ok {
			continue
		}
		c.emit(pc, ri, c.settle(r, payee, partnerID, pi, basis, full, ex, true), "", 0)
		if n, ok := NextStep(r, partnerID, basis, c.period.Key, c.cur); ok {
			c.emitNudge(pc, ri, payee, partnerID, n)
		}
	}
}
