package demo

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"partnerdesk/engine"

	"github.com/shopspring/decimal"
)

// subscriptions starts subscriptions and bills them monthly, on the same day
// of the month, until the customer leaves or the window ends.
func (g *gen) subscriptions() {
	for m := range 12 {
		if g.monthStart(m) > g.through {
			break
		}
		for i, s := range partnerSpecs {
			if !g.sells(i, m) {
				continue
			}
			subs := kindSubs[s.kind]
			for range g.poisson(kindSubRate[s.kind] * float64(g.size(i, m))) {
				prod := subs[g.r.IntN(len(subs))]
				seats := g.qty(prod, g.size(i, m))
				price := g.price(i, m, prod)
				cust := g.customer(i, 0.65)
				rep := g.rep(i)
				dom := 1 + g.r.IntN(28)
				code := ""
				if (s.kind == engine.KindReferral || s.kind == engine.KindInfluencer) && g.r.Float64() < 0.75 {
					code = s.code
				}
				for k := m; k < 12 && g.sells(i, k); k++ {
					d := g.monthStart(k).AddDays(dom - 1)
					if d > g.through {
						break
					}
					g.drafts = append(g.drafts, draft{date: d, partner: i, rep: rep, customer: cust, refCode: code,
						lines: []draftLine{{product: prod, qty: seats, unitPrice: price}}})
					code = ""
					if g.r.Float64() < 0.04 {
						break
					}
					if g.r.Float64() < 0.1 {
						seats = seats.Add(decimal.NewFromInt(int64(1 + g.r.IntN(5))))
					}
				}
			}
		}
	}
}

// invoices adds the one-off invoices and the registered deals' invoices.
func (g *gen) invoices() {
	for m := range 12 {
		lo, hi := g.monthStart(m), g.monthEnd(m)
		if lo > g.through {
			break
		}
		for i, s := range partnerSpecs {
			if !g.sells(i, m) {
				continue
			}
			cat := kindCatalog[s.kind]
			sz := g.size(i, m)
			for range g.poisson(kindInvoiceRate[s.kind] * 1.3 * float64(sz)) {
				d := draft{date: g.day(lo, hi), partner: i, rep: g.rep(i), customer: g.customer(i, 0.35)}
				n := 1
				if g.r.IntN(10) < 4 {
					n++
				}
				if g.r.IntN(10) < 1 {
					n++
				}
				var used [32]bool
				for range n {
					p := cat[g.r.IntN(len(cat))]
					if used[p] {
						continue
					}
					used[p] = true
					d.lines = append(d.lines, draftLine{product: p, qty: g.qty(p, sz), unitPrice: g.price(i, m, p)})
				}
				if s.kind == engine.KindReferral && g.r.Float64() < 0.5 {
					d.refCode = s.code
				}
				if g.r.Float64() < 0.02 {
					d.splits = g.split(i, d.rep)
				}
				g.drafts = append(g.drafts, d)
			}
		}
	}
	g.drafts = append(g.drafts, g.regSales...)
}

// split shares an invoice 60/40 with another selling partner of the same
// region (a co-sell), or returns nil when there is none.
func (g *gen) split(i int, rep engine.ID) []engine.CreditSplit {
	var others []int
	for j, s := range partnerSpecs {
		if j != i && s.status == engine.StatusActive && s.joinMonth < 0 && registers(s.kind) &&
			regionOf(s.country) == regionOf(partnerSpecs[i].country) {
			others = append(others, j)
		}
	}
	if len(others) == 0 {
		return nil
	}
	j := others[g.r.IntN(len(others))]
	return []engine.CreditSplit{
		{PartnerID: engine.ID(i + 1), RepID: rep, Share: dec("60")},
		{PartnerID: engine.ID(j + 1), RepID: g.rep(j), Share: dec("40")},
	}
}

// numberer hands out invoice numbers "INV-2026-004512" that rise through
// each year, with gaps for the vendor's direct sales.
type numberer struct {
	prefix string
	next   map[int]int
}

func (n *numberer) number(r *rand.Rand, d engine.Date, first int) string {
	y, _, _ := d.YMD()
	if _, ok := n.next[y]; !ok {
		n.next[y] = first
	}
	n.next[y] += 1 + r.IntN(3)
	return fmt.Sprintf("%s-%d-%06d", n.prefix, y, n.next[y])
}

// firstNumber is where the first year's counter starts, as if the vendor
// had issued invoices since the first of January.
func (g *gen) firstNumber(perDay int) int {
	y, _, _ := g.start.YMD()
	return int(g.start-engine.NewDate(y, time.January, 1)) * perDay
}

// sales numbers the invoices in date order and sets NewCustomer (every line
// of a customer's first invoice) and NewProduct (a customer's first line of
// a product).
func (g *gen) sales() {
	for k := range g.drafts {
		g.drafts[k].seq = k
	}
	slices.SortStableFunc(g.drafts, func(a, b draft) int {
		return cmp.Or(cmp.Compare(a.date, b.date), cmp.Compare(a.partner, b.partner), cmp.Compare(a.seq, b.seq))
	})
	num := numberer{prefix: "INV", next: map[int]int{}}
	first := g.firstNumber(3)
	seenCust := map[string]bool{}
	seenProd := map[string]bool{}
	for _, d := range g.drafts {
		if len(d.lines) == 0 {
			continue
		}
		inv := num.number(g.r, d.date, first)
		newCust := !seenCust[d.customer]
		seenCust[d.customer] = true
		for k, l := range d.lines {
			sku := products[l.product].sku
			newProd := !seenProd[d.customer+"\x00"+sku]
			seenProd[d.customer+"\x00"+sku] = true
			g.ds.Sales = append(g.ds.Sales, engine.Sale{
				Date:           d.date,
				PartnerID:      engine.ID(d.partner + 1),
				RepID:          d.rep,
				Customer:       d.customer,
				NewCustomer:    newCust,
				NewProduct:     newProd,
				ProductID:      engine.ID(l.product + 1),
				Quantity:       l.qty,
				UnitPrice:      l.unitPrice,
				Net:            l.qty.Mul(l.unitPrice).Round(2),
				Invoice:        inv,
				Line:           k + 1,
				RegistrationID: d.reg,
				ReferralCode:   d.refCode,
				Splits:         slices.Clone(d.splits),
			})
		}
	}
}

// returns adds credit notes for about one line in eighty of one-off
// products: part or all of the quantity comes back within a few weeks.
func (g *gen) returns() {
	var cands []int
	for k, s := range g.ds.Sales {
		if !products[s.ProductID-1].subscription && s.Date <= g.through-6 {
			cands = append(cands, k)
		}
	}
	n := len(g.ds.Sales) / 80
	g.r.Shuffle(len(cands), func(i, j int) { cands[i], cands[j] = cands[j], cands[i] })
	var rets []engine.Sale
	for _, k := range cands[:min(n, len(cands))] {
		o := g.ds.Sales[k]
		back := decimal.NewFromInt(1 + g.r.Int64N(o.Quantity.IntPart())).Neg()
		rets = append(rets, engine.Sale{
			Date:            g.day(o.Date+5, min(o.Date+45, g.through)),
			PartnerID:       o.PartnerID,
			RepID:           o.RepID,
			Customer:        o.Customer,
			ProductID:       o.ProductID,
			Quantity:        back,
			UnitPrice:       o.UnitPrice,
			Net:             back.Mul(o.UnitPrice).Round(2),
			Line:            1,
			RegistrationID:  o.RegistrationID,
			OriginalInvoice: o.Invoice,
			Splits:          slices.Clone(o.Splits),
		})
	}
	slices.SortStableFunc(rets, func(a, b engine.Sale) int { return cmp.Compare(a.Date, b.Date) })
	num := numberer{prefix: "CN", next: map[int]int{}}
	first := g.firstNumber(1) / 8
	for k := range rets {
		rets[k].Invoice = num.number(g.r, rets[k].Date, first)
	}
	all := append(g.ds.Sales, rets...)
	slices.SortStableFunc(all, func(a, b engine.Sale) int {
		return cmp.Or(cmp.Compare(a.Date, b.Date), strings.Compare(a.Invoice, b.Invoice), cmp.Compare(a.Line, b.Line))
	})
	for k := range all {
		all[k].ID = engine.ID(k + 1)
	}
	g.ds.Sales = all
}
