package engine

import (
	"strings"

	"github.com/shopspring/decimal"
)

// ruleSPIF pays per unit, per deal or a rate for listed SKUs sold inside
// the SPIF's own window, to the rep on the sale (the partner when none).
func (c *computer) ruleSPIF(pc *progCtx, ri int) {
	r := &pc.p.Rules[ri]
	sp := r.SPIF
	value := valueQty
	switch {
	case sp.Rate.IsPositive():
		value = valueNet
	case sp.PerDeal:
		value = valueDeals
	}
	m := c.newRuleMatch(pc, r, value, true, sp.SKUs)
	if !sp.From.IsZero() {
		m.from = max(m.from, sp.From)
	}
	if !sp.To.IsZero() {
		m.to = min(m.to, sp.To)
	}
	acc := c.accumulate(m)
	rule := TextArg("rule", r.Name)
	skus := TextArg("skus", strings.Join(sp.SKUs, ", "))
	for slot, seen := range acc.seen {
		if !seen {
			continue
		}
		basis := acc.basis(slot, m)
		payee, partnerID, pi := c.payee(slot)
		var full decimal.Decimal
		var ex Explanation
		switch {
		case basis.IsNegative():
			ex = Explanation{Key: "basis.negative", Args: []Arg{rule, c.basisArg("basis", value != valueNet, basis), PeriodArg("period", c.period.Key)}}
		case value == valueNet:
			full = Percent(basis, sp.Rate)
			ex = Explanation{Key: "spif.rate", Args: []Arg{rule, MoneyArg("basis", c.cur.Round(basis), c.cur), skus, DateArg("from", sp.From), DateArg("to", sp.To), PercentArg("rate", sp.Rate)}}
		case value == valueDeals:
			full = basis.Mul(sp.Amount)
			ex = Explanation{Key: "spif.deals", Args: []Arg{rule, NumberArg("deals", basis), skus, DateArg("from", sp.From), DateArg("to", sp.To), MoneyArg("each", sp.Amount, c.cur)}}
		default:
			full = basis.Mul(sp.Amount)
			ex = Explanation{Key: "spif.units", Args: []Arg{rule, NumberArg("units", basis), skus, DateArg("from", sp.From), DateArg("to", sp.To), MoneyArg("each", sp.Amount, c.cur)}}
		}
		c.emit(pc, ri, c.settle(r, payee, partnerID, pi, basis, full, ex, true), "", 0)
	}
}

// ruleFund credits a rate of the basis to the partner's fund, expiring a
// number of days after the period end.
func (c *computer) ruleFund(pc *progCtx, ri int) {
	r := &pc.p.Rules[ri]
	f := r.Fund
	m := c.newRuleMatch(pc, r, basisValue(r), false, nil)
	acc := c.accumulate(m)
	fund := f.Fund
	if fund == "" {
		fund = "MDF"
	}
	units := r.Basis == BasisUnits
	for slot, seen := range acc.seen {
		if !seen {
			continue
		}
		basis := acc.basis(slot, m)
		payee, partnerID, pi := c.payee(slot)
		var full decimal.Decimal
		var ex Explanation
		if basis.IsNegative() {
			ex = Explanation{Key: "basis.negative", Args: []Arg{TextArg("rule", r.Name), c.basisArg("basis", units, basis), PeriodArg("period", c.period.Key)}}
		} else {
			full = onBasis(basis, f.Rate, units)
			ex = Explanation{Key: "fund.accrual", Args: []Arg{TextArg("rule", r.Name), c.basisArg("basis", units, basis), PeriodArg("period", c.period.Key),
				PercentArg("rate", f.Rate), TextArg("fund", fund), DateArg("expires", FundExpiresOn(c.period, f.ValidityDays))}}
		}
		c.emit(pc, ri, c.settle(r, payee, partnerID, pi, basis, full, ex, true), "", 0)
	}
}

// FundExpiresOn is the day an accrual of period p expires: validityDays after
// the period end.
func FundExpiresOn(p Period, validityDays int) Date { return p.End.AddDays(validityDays) }

// ruleLoyalty earns Points per Per currency units of basis, floored.
func (c *computer) ruleLoyalty(pc *progCtx, ri int) {
	r := &pc.p.Rules[ri]
	lr := r.Loyalty
	m := c.newRuleMatch(pc, r, basisValue(r), lr.ToRep, nil)
	acc := c.accumulate(m)
	units := r.Basis == BasisUnits
	for slot, seen := range acc.seen {
		if !seen {
			continue
		}
		basis := acc.basis(slot, m)
		payee, partnerID, pi := c.payee(slot)
		var num decimal.Decimal
		var ex Explanation
		if basis.IsNegative() || !lr.Per.IsPositive() {
			ex = Explanation{Key: "basis.negative", Args: []Arg{TextArg("rule", r.Name), c.basisArg("basis", units, basis), PeriodArg("period", c.period.Key)}}
		} else {
			// Points are basis x points / per, floored once after the
			// multiplier on the exact product: settleRatio divides last.
			num = basis.Mul(lr.Points)
			per := MoneyArg("per", lr.Per, c.cur)
			if units {
				per = NumberArg("per", lr.Per)
			}
			ex = Explanation{Key: "loyalty.points", Args: []Arg{TextArg("rule", r.Name), c.basisArg("basis", units, basis), PeriodArg("period", c.period.Key),
				NumberArg("points", lr.Points), per}}
		}
		den := lr.Per
		if !den.IsPositive() {
			den = unitWeight
		}
		c.emit(pc, ri, c.settleRatio(r, payee, partnerID, pi, basis, num, den, ex, true), "", 0)
	}
}
