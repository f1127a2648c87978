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
// Per-item rules cap afterwards across a payee's lines (capItems).
func (c *computer) settle(r *Rule, payee Payee, partnerID ID, pi int32, basis, full decimal.Decimal, ex Explanation, capIt bool) RewardLine {
	u := unitOf(r)
	// One exact allocation for the arguments plus the amount, rather than
	// append's doubling: a quarter can have hundreds of thousands of lines.
	args := make([]Arg, len(ex.Args)+1)
	copy(args, ex.Args)
	args[len(ex.Args)] = c.amountArg("amount", u, full)
	ex.Args = args
	if !full.IsZero() {
		tier := c.tierOf(pi)
		if m, ok := r.TierMultipliers[tier]; ok && !m.Equal(decimal.NewFromInt(1)) {
			full = full.Mul(m)
			ex.More = append(ex.More, Explanation{Key: "mod.tier.amount", Args: []Arg{
				NumberArg("multiplier", m), TextArg("tier", tier), c.amountArg("amount", u, full)}})
		}
		if capIt && r.Cap.Valid && full.GreaterThan(r.Cap.Decimal) {
			full = r.Cap.Decimal
			ex.More = append(ex.More, Explanation{Key: "mod.cap", Args: []Arg{c.amountArg("cap", u, full)}})
		}
	}
	l := RewardLine{Payee: payee, PartnerID: partnerID, Unit: u, Basis: basis, Explanation: ex}
	if u == UnitPoints {
		l.Points = FloorPoints(full)
	} else {
		l.Amount = c.cur.Round(full)
	}
	return l
}

// capItems applies rule r's cap per payee across the lines emitted from
// index start on (one line per invoice, customer, course or activity
// type): in line order, each line pays at most what is left under the cap.
func (c *computer) capItems(r *Rule, start int) {
	if !r.Cap.Valid {
		return
	}
	items := c.out[start:]
	slices.SortStableFunc(items, func(a, b *keyedLine) int {
		return cmp.Or(cmp.Compare(a.payeeOrd, b.payeeOrd), cmp.Compare(a.payeeID, b.payeeID),
			cmp.Compare(a.detail, b.detail), cmp.Compare(a.saleID, b.saleID))
	})
	capv := r.Cap.Decimal
	var used decimal.Decimal
	var prev Payee
	for i := range items {
		l := &items[i].line
		if i == 0 || l.Payee != prev {
			used = decimal.Zero
			prev = l.Payee
		}
		amt := l.Amount
		if l.Unit == UnitPoints {
			amt = decimal.NewFromInt(l.Points)
		}
		if !amt.IsPositive() {
			used = used.Add(amt)
			continue
		}
		left := capv.Sub(used)
		if left.IsNegative() {
			left = decimal.Zero
		}
		if amt.GreaterThan(left) {
			amt = left
			l.Explanation.More = append(l.Explanation.More, Explanation{Key: "mod.cap", Args: []Arg{c.amountArg("cap", l.Unit, capv)}})
			if l.Unit == UnitPoints {
				l.Points = amt.IntPart()
			} else {
				l.Amount = c.cur.Round(amt)
			}
		}
		used = used.Add(amt)
	}
}
