package engine

import (
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
// Per-item rules sum their parts first (emitItems).
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
	// An explanation of several parts (emitItems) already shows each
	// part's amount: the line's own is its amount column.
	if _, parts := ex.Arg("amount"); !parts {
		args := make([]Arg, len(ex.Args)+1)
		copy(args, ex.Args)
		args[len(ex.Args)] = c.ratioArg("amount", u, num, den)
		ex.Args = args
	}
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
	return pointsOf(q)
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

// itemPart is one item of a per-item rule's payee line: a course, an
// activity type, a new customer's bounty, the revenue share. full is its
// exact figure before the multiplier.
type itemPart struct {
	ex   Explanation // without its amount
	full decimal.Decimal
}

// emitItems emits the one line of a payee of a per-item rule (training,
// activity, referral): the sum of its parts is the payee's period result,
// multiplied, capped and rounded or floored once (SPEC: The basis, never
// line by line). One part explains itself; with several, each part shows
// its own figure and the first leads, the others following in More.
func (c *computer) emitItems(pc *progCtx, ri, slot int, basis decimal.Decimal, parts []itemPart, detail string) {
	if len(parts) == 0 {
		return
	}
	r := &pc.p.Rules[ri]
	u := unitOf(r)
	var full decimal.Decimal
	for _, p := range parts {
		full = full.Add(p.full)
	}
	ex := parts[0].ex
	if len(parts) > 1 {
		// A part built with room for its amount (the referral bounties)
		// takes it in place; the others' arguments and amounts are carved
		// from one allocation (a payee can have hundreds of parts). Each
		// piece is capped at its length, so that appending to one copies
		// it rather than overwrite the next.
		n := 0
		for i := range parts {
			if a := parts[i].ex.Args; cap(a) == len(a) {
				n += len(a) + 1
			}
		}
		slab := make([]Arg, 0, n)
		em := pc.em
		amount := func(d decimal.Decimal) Arg {
			// Parts mostly repeat one figure (a rule's bounty): the
			// rule builds its argument once (decimals and currencies
			// are shared, never changed).
			if !em.lastAmount.ok || d.Exponent() != em.lastAmount.full.Exponent() || !d.Equal(em.lastAmount.full) || u != em.lastAmount.unit {
				em.lastAmount = partAmount{ok: true, full: d, unit: u, arg: c.partArg(u, d)}
			}
			return em.lastAmount.arg
		}
		withAmount := func(p *itemPart) Explanation {
			e := p.ex
			if len(e.Args) < cap(e.Args) {
				e.Args = append(e.Args, amount(p.full))
				e.Args = e.Args[:len(e.Args):len(e.Args)]
				return e
			}
			at := len(slab)
			slab = append(append(slab, e.Args...), amount(p.full))
			e.Args = slab[at:len(slab):len(slab)]
			return e
		}
		ex = withAmount(&parts[0])
		// Room for the modifiers settle may add (a tier multiplier, a cap).
		ex.More = make([]Explanation, 0, len(parts)+1)
		for i := range parts[1:] {
			ex.More = append(ex.More, withAmount(&parts[1+i]))
		}
	}
	payee, partnerID, pi := c.payee(slot)
	c.emit(pc, ri, c.settle(r, payee, partnerID, pi, basis, full, ex, true), detail, 0)
}

// partAmount is the last part figure an emitter showed, and its argument.
type partAmount struct {
	ok   bool
	full decimal.Decimal
	unit Unit
	arg  Arg
}

// partArg shows one part's own figure: money rounded as a line would be,
// points exactly (the line floors the sum once, not each part).
func (c *computer) partArg(u Unit, d decimal.Decimal) Arg {
	if u == UnitPoints {
		return NumberArg("amount", d)
	}
	return MoneyArg("amount", c.cur.Round(d), c.cur)
}
