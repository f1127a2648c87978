package reference

import (
	"github.com/shopspring/decimal"

	"partnerdesk/engine"
)

// ---- filters and credit ---------------------------------------------------

// lineMatches applies the rule's filters that look at the line itself: the
// products (categories or SKUs), new or existing customer and product.
func lineMatches(rule *engine.Rule, s *engine.Sale, prod *engine.Product) bool {
	if prod == nil {
		return false
	}
	f := &rule.Filter
	if len(f.Categories) > 0 || len(f.SKUs) > 0 {
		if !listed(f.Categories, prod.Category) && !listed(f.SKUs, prod.SKU) {
			return false
		}
	}
	if f.Customer == engine.FilterNew && !s.NewCustomer || f.Customer == engine.FilterExisting && s.NewCustomer {
		return false
	}
	if f.Product == engine.FilterNew && !s.NewProduct || f.Product == engine.FilterExisting && s.NewProduct {
		return false
	}
	return true
}

// whoMatches applies the filters and eligibility that look at who is
// credited: the partner (eligible, of a listed kind) and the rep (of a
// listed role).
func (r *run) whoMatches(p *engine.Program, rule *engine.Rule, pa *engine.Partner, rp *engine.Rep) bool {
	if pa == nil || !r.eligible(p, pa) {
		return false
	}
	f := &rule.Filter
	if len(f.PartnerKinds) > 0 && !kindListed(f.PartnerKinds, pa.Kind) {
		return false
	}
	if len(f.RepRoles) > 0 {
		if rp == nil {
			return false
		}
		found := false
		for _, x := range f.RepRoles {
			if x == rp.Role {
				found = true
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// weight is the credit weight of the sale's cell in the rule's matrix.
func weight(rule *engine.Rule, s *engine.Sale) decimal.Decimal {
	m := rule.Matrix
	if m == nil {
		return one
	}
	switch {
	case s.NewCustomer && s.NewProduct:
		return m.NewNew
	case s.NewCustomer:
		return m.NewExisting
	case s.NewProduct:
		return m.ExistingNew
	}
	return m.ExistingExisting
}

// share is one party's part of a sale line: 100 % to the sale's partner
// and rep when there are no credit splits.
type share struct {
	partner engine.ID
	rep     engine.ID
	percent decimal.Decimal
}

func shares(s *engine.Sale) []share {
	if len(s.Splits) == 0 {
		return []share{{partner: s.PartnerID, rep: s.RepID, percent: hundred}}
	}
	var out []share
	for _, sp := range s.Splits {
		out = append(out, share{partner: sp.PartnerID, rep: sp.RepID, percent: sp.Share})
	}
	return out
}

func isReturn(s *engine.Sale) bool { return s.Net.IsNegative() || s.Quantity.IsNegative() }

// periodSales are the sales that count in the period: dated inside it.
func (r *run) periodSales() []*engine.Sale {
	var out []*engine.Sale
	for i := range r.in.Sales {
		s := &r.in.Sales[i]
		if s.Date >= r.in.Period.Start && s.Date <= r.in.Period.End {
			out = append(out, s)
		}
	}
	return out
}

// basisSum accumulates exact bases per payee, in the order payees appear.
type basisSum struct {
	payees []engine.Payee
	owner  []engine.ID
	sums   []decimal.Decimal
}

func (b *basisSum) add(p engine.Payee, owner engine.ID, v decimal.Decimal) {
	for i := range b.payees {
		if b.payees[i] == p {
			b.sums[i] = b.sums[i].Add(v)
			return
		}
	}
	b.payees = append(b.payees, p)
	b.owner = append(b.owner, owner)
	b.sums = append(b.sums, v)
}

// creditedBasis sums, per payee, the credits of the period's sales tested
// inside from..to (see windowDate) that match the rule: net (or quantity,
// or one deal per line and minus one per return) x share x matrix weight.
// toRep pays the rep credited on the line (the partner when none).
func (r *run) creditedBasis(p *engine.Program, rule *engine.Rule, value string, toRep bool, from, to engine.Date, skus []string) *basisSum {
	b := &basisSum{}
	for _, s := range r.periodSales() {
		if wd := r.windowDate(s); wd < from || wd > to {
			continue
		}
		prod := r.product(s.ProductID)
		if !lineMatches(rule, s, prod) {
			continue
		}
		if skus != nil && !listed(skus, prod.SKU) {
			continue
		}
		var v decimal.Decimal
		switch value {
		case "net":
			v = s.Net
		case "qty":
			v = s.Quantity
		case "deals":
			v = one
			if isReturn(s) {
				v = one.Neg()
			}
		}
		v = v.Mul(weight(rule, s))
		for _, sh := range shares(s) {
			pa := r.partner(sh.partner)
			rp := r.rep(sh.rep)
			if !r.whoMatches(p, rule, pa, rp) {
				continue
			}
			credit := percentOf(v, sh.percent)
			if toRep && rp != nil {
				b.add(engine.Payee{Kind: engine.PayeeRep, ID: rp.ID}, pa.ID, credit)
			} else {
				b.add(engine.Payee{Kind: engine.PayeePartner, ID: pa.ID}, pa.ID, credit)
			}
		}
	}
	return b
}

func valueOf(rule *engine.Rule) string {
	if rule.Basis == engine.BasisUnits {
		return "qty"
	}
	return "net"
}

// onBasis applies a rate: a percentage of revenue, an amount per unit.
func onBasis(rule *engine.Rule, basis, rate decimal.Decimal) decimal.Decimal {
	if rule.Basis == engine.BasisUnits {
		return basis.Mul(rate)
	}
	return percentOf(basis, rate)
}
