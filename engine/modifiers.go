package engine

import (
	"cmp"
	"slices"

	"github.com/shopspring/decimal"
)

// unitOf returns the unit a rule pays in.
func unitOf(r *Rule) Unit {
	switch r.Kind {
	case RuleFund:
		return UnitFund
	case RuleLoyalty:
		return UnitPoints
	case RuleTraining:
		if r.Training.Unit == UnitPoints {
			return UnitPoints
		}
	case RuleActivity:
		if r.Activity.Unit == UnitPoints {
			return UnitPoints
		}
	}
	return UnitMoney
}

// amountArg shows a figure as the line will: money rounded to the
// currency, points floored.
func (c *computer) amountArg(name string, u Unit, d decimal.Decimal) Arg {
	if u == UnitPoints {
		return PointsArg(name, FloorPoints(d))
	}
	return MoneyArg(name, c.cur.Round(d), c.cur)
}

// basisArg shows a basis: money on revenue, a plain number on units.
func (c *computer) basisArg(name string, units bool, d decimal.Decimal) Arg {
	if units {
		return NumberArg(name, d)
	}
	return MoneyArg(name, c.cur.Round(d), c.cur)
}

// settle applies the rule's tier multiplier and, when capIt, its cap per
// payee to a full-precision result, rounds once and builds the line.
// Per-item rules cap afterwards across a payee's lines (settleItems).
func (c *computer) settle(r *Rule, payee Payee, partnerID ID, pi int32, basis, full decimal.Decimal, ex Explanation, capIt bool) RewardLine {
	return c.settleRatio(r, payee, partnerID, pi, basis, full, unitWeight, ex, capIt)
}

// settleRatio is settle for a result num / den, den positive. Loyalty
// points of 1 per 12.00 have no finite decimal: dividing last, after the
// multiplier and the cap, floors the exact product (100.00 / 12.00 x 1.2
// is 10 points, not 9).
func (c *computer) settleRatio(r *Rule, payee Payee, partnerID ID, pi int32, basis, num, den decimal.Decimal, ex Explanation, capIt bool) RewardLine {
	u := unitOf(r)
	// One exact allocation for the arguments plus the amount, rather than
	// append's doubling: a quarter can have hundreds of thousands of lines.
	args := make([]Arg, len(ex.Args)+1)
	copy(args, ex.Args)
	args[len(ex.Args)] = c.ratioArg("amount", u, num, den)
	ex.Args = args
	if !num.IsZero() {
		tier := c.tierOf(pi)
		if m, ok := r.TierMultipliers[tier]; ok && !m.Equal(unitWeight) {
			num = num.Mul(m)
			ex.More = append(ex.More, Explanation{Key: "mod.tier.amount", Args: []Arg{
				NumberArg("multiplier", m), TextArg("tier", tier), c.ratioArg("amount", u, num, den)}})
		}
		if capIt && r.Cap.Valid && num.GreaterThan(r.Cap.Decimal.Mul(den)) {
			num = r.Cap.Decimal.Mul(den)
			ex.More = append(ex.More, Explanation{Key: "mod.cap", Args: []Arg{c.amountArg("cap", u, r.Cap.Decimal)}})
		}
	}
	l := RewardLine{Payee: payee, PartnerID: partnerID, Unit: u, Basis: basis, Explanation: ex}
	if u == UnitPoints {
		l.Points = floorRatio(num, den)
	} else {
		l.Amount = c.cur.Round(exactRatio(num, den))
	}
	return l
}

// floorRatio returns num / den floored exactly (den positive): -7 / 2 is -4.
func floorRatio(num, den decimal.Decimal) int64 {
	if den.Equal(unitWeight) {
		return FloorPoints(num)
	}
	q, rem := num.QuoRem(den, 0)
	if rem.IsNegative() {
		q = q.Sub(unitWeight)
	}
	return q.IntPart()
}

// exactRatio returns num / den, exactly when den is 1 and to sixteen places
// otherwise (only points divide, and they floor with floorRatio).
func exactRatio(num, den decimal.Decimal) decimal.Decimal {
	if den.Equal(unitWeight) {
		return num
	}
	return num.DivRound(den, 16)
}

// ratioArg shows num / den as the line will: money rounded, points floored.
func (c *computer) ratioArg(name string, u Unit, num, den decimal.Decimal) Arg {
	if u == UnitPoints {
		return PointsArg(name, floorRatio(num, den))
	}
	return c.amountArg(name, u, exactRatio(num, den))
}

// settleItems settles the per-item lines a rule emitted from index start
// on (one line per invoice, course, activity type, bounty) per payee, on
// the payee's period result after its returns are netted, never line by
// line (SPEC: The basis). When the payee's lines add up to less than zero,
// its negative lines, in line order, give back at most what its positive
// lines pay (a negative result pays nothing); when they add up to more
// than the cap, its positive lines, in line order, pay at most what the
// cap leaves once the returns are counted (cap 100, lines 150 and -50:
// 100 and -50, not 50).
func (c *computer) settleItems(r *Rule, start int) {
	items := c.out[start:]
	slices.SortStableFunc(items, func(a, b *keyedLine) int {
		return cmp.Or(cmp.Compare(a.payeeOrd, b.payeeOrd), cmp.Compare(a.payeeID, b.payeeID),
			cmp.Compare(a.detail, b.detail), cmp.Compare(a.saleID, b.saleID))
	})
	amountOf := func(l *RewardLine) decimal.Decimal {
		if l.Unit == UnitPoints {
			return decimal.NewFromInt(l.Points)
		}
		return l.Amount
	}
	set := func(l *RewardLine, v decimal.Decimal) {
		if l.Unit == UnitPoints {
			l.Points = v.Floor().IntPart()
		} else {
			l.Amount = c.cur.Round(v)
		}
	}
	for i := 0; i < len(items); {
		j := i + 1
		for j < len(items) && items[j].line.Payee == items[i].line.Payee {
			j++
		}
		group := items[i:j]
		i = j
		var pos, neg, basis decimal.Decimal
		for _, it := range group {
			a := amountOf(&it.line)
			if a.IsPositive() {
				pos = pos.Add(a)
			} else {
				neg = neg.Add(a)
			}
			basis = basis.Add(it.line.Basis)
		}
		net := pos.Add(neg)
		switch {
		case net.IsNegative():
			left := pos
			for _, it := range group {
				l := &it.line
				a := amountOf(l)
				if !a.IsNegative() {
					continue
				}
				if a.Neg().GreaterThan(left) {
					set(l, left.Neg())
					l.Explanation.More = append(l.Explanation.More, Explanation{Key: "basis.negative", Args: []Arg{
						TextArg("rule", r.Name), MoneyArg("basis", c.cur.Round(basis), c.cur), PeriodArg("period", c.period.Key)}})
					a = left.Neg()
				}
				left = left.Add(a)
			}
		case r.Cap.Valid && net.GreaterThan(r.Cap.Decimal):
			left := r.Cap.Decimal.Sub(neg)
			for _, it := range group {
				l := &it.line
				a := amountOf(l)
				if !a.IsPositive() {
					continue
				}
				if a.GreaterThan(left) {
					set(l, left)
					l.Explanation.More = append(l.Explanation.More, Explanation{Key: "mod.cap", Args: []Arg{c.amountArg("cap", l.Unit, r.Cap.Decimal)}})
					a = amountOf(l)
				}
				left = left.Sub(a)
			}
		}
	}
}
