package demo

import (
	"cmp"
	"slices"
	"time"

	"partnerdesk/engine"

	"github.com/shopspring/decimal"
)

// What the partners do besides selling, which tier criteria and
// registration rules read: trainings (certifications), marketing
// activities and deal registrations with their decisions.

// trainings records the courses the partners' reps completed.
func (g *gen) trainings() {
	var ts []engine.Training
	for i, s := range partnerSpecs {
		if s.status == engine.StatusProspect {
			continue
		}
		lo, hi := g.start, g.through
		if s.joinMonth >= 0 {
			lo = g.ds.Partners[i].Joined
		}
		if s.status == engine.StatusSuspended {
			hi = g.monthEnd(suspendAfterMonth)
		}
		for _, rep := range g.repsOf[i] {
			for _, c := range courses {
				if g.r.Float64() < 0.3+0.08*float64(s.size) {
					ts = append(ts, engine.Training{RepID: rep, Course: c, Completed: g.day(lo, hi)})
				}
			}
			for k, c := range certifications {
				if g.r.Float64() >= 0.15*float64(s.size)-0.1*float64(k) {
					continue
				}
				// Some certifications predate the window; a few have lapsed in it.
				from := lo
				if s.joinMonth < 0 {
					from = g.start.AddMonths(-certValidMonths - 3)
				}
				done := g.day(from, hi)
				ts = append(ts, engine.Training{RepID: rep, Course: c, Completed: done, Certification: true, ValidUntil: done.AddMonths(certValidMonths)})
			}
		}
	}
	slices.SortStableFunc(ts, func(a, b engine.Training) int {
		return cmp.Or(cmp.Compare(a.Completed, b.Completed), cmp.Compare(a.RepID, b.RepID))
	})
	for k := range ts {
		ts[k].ID = engine.ID(k + 1)
	}
	g.ds.Trainings = ts
}

var (
	webinars = []string{"What's new in Nordlicht Cloud", "Selling backup to SMBs", "Secure Gateway deep dive", "Migrating from legacy suites", "Quarterly partner update"}
	events   = []string{"Nordlicht Partner Summit", "it-sa Nürnberg", "Web Summit Lisboa", "Smart City Expo Barcelona", "Local user group evening", "Customer open day"}
)

func (g *gen) activities() {
	var as []engine.Activity
	add := func(i int, rep engine.ID, typ string, d engine.Date, note string) {
		as = append(as, engine.Activity{PartnerID: engine.ID(i + 1), RepID: rep, Type: typ, Date: d, Note: note})
	}
	for m := range 12 {
		lo, hi := g.monthStart(m), g.monthEnd(m)
		if lo > g.through {
			break
		}
		for i := range partnerSpecs {
			if !g.sells(i, m) {
				continue
			}
			sz := float64(g.size(i, m))
			pool := g.custPool[partnerSpecs[i].pool]
			for range g.poisson(0.35 * sz) {
				p := products[g.r.IntN(len(products))]
				add(i, g.rep(i), ActDemo, g.day(lo, hi), "Demo of "+p.name+" for "+pool[g.r.IntN(len(pool))])
			}
			for range g.poisson(0.25 * sz) {
				add(i, g.rep(i), ActWebinar, g.day(lo, hi), "Webinar: "+webinars[g.r.IntN(len(webinars))])
			}
			for range g.poisson(0.15 * sz) {
				add(i, g.rep(i), ActJointCall, g.day(lo, hi), "Joint call with "+pool[g.r.IntN(len(pool))])
			}
			if m%3 == 2 && g.tierIdx[i][m] >= 2 {
				add(i, g.repsOf[i][0], ActQBR, g.day(max(lo, hi-9), hi), "Quarterly business review "+engine.PeriodContaining(engine.PeriodQuarter, lo, time.January).Key)
			}
			for range g.poisson(0.06 * sz) {
				add(i, 0, ActEvent, g.day(lo, hi), events[g.r.IntN(len(events))])
			}
		}
	}
	slices.SortStableFunc(as, func(a, b engine.Activity) int {
		return cmp.Or(cmp.Compare(a.Date, b.Date), cmp.Compare(a.PartnerID, b.PartnerID))
	})
	for k := range as {
		as[k].ID = engine.ID(k + 1)
	}
	g.ds.Activities = as
}

// regPlan is a registration and the sale it leads to, if any.
type regPlan struct {
	reg      engine.Registration
	partner  int
	month    int
	saleDate engine.Date // zero: no sale
	seq      int
}

// registers lists the kinds that register deals.
func registers(k engine.PartnerKind) bool {
	switch k {
	case engine.KindReseller, engine.KindDistributor, engine.KindVAR, engine.KindMSP, engine.KindISV:
		return true
	}
	return false
}

var windows = []int{30, 45, 60, 90}

func (g *gen) registrations() {
	var plans []regPlan
	for m := range 12 {
		lo, hi := g.monthStart(m), g.monthEnd(m)
		if lo > g.through {
			break
		}
		for i, s := range partnerSpecs {
			if !g.sells(i, m) || !registers(s.kind) {
				continue
			}
			for range g.poisson(0.2 + 0.12*float64(g.size(i, m))) {
				p := regPlan{partner: i, month: m, seq: len(plans)}
				r := &p.reg
				r.PartnerID = engine.ID(i + 1)
				r.RepID = g.rep(i)
				r.Customer = g.customer(i, 0.7)
				r.ExpectedValue = decimal.NewFromInt(int64(50+g.r.IntN(750)) * 100)
				r.Submitted = g.day(lo, hi)
				r.WindowDays = windows[g.r.IntN(len(windows))]
				r.Outcome = engine.OutcomeOpen
				g.decide(&p)
				plans = append(plans, p)
			}
		}
	}
	slices.SortStableFunc(plans, func(a, b regPlan) int {
		return cmp.Or(cmp.Compare(a.reg.Submitted, b.reg.Submitted), cmp.Compare(a.partner, b.partner), cmp.Compare(a.seq, b.seq))
	})
	for k := range plans {
		p := &plans[k]
		p.reg.ID = engine.ID(k + 1)
		if p.saleDate != 0 && !g.sells(p.partner, g.monthOf(p.saleDate)) {
			// A suspended partner closes nothing after its suspension.
			p.saleDate, p.reg.Outcome = 0, engine.OutcomeLost
		}
		g.ds.Registrations = append(g.ds.Registrations, p.reg)
		if p.saleDate != 0 {
			g.regSales = append(g.regSales, g.regInvoice(p))
		}
	}
}

// decide gives a registration its decision, outcome and sale: most are
// approved and won inside the window; some are sold late, on a rejected
// registration, or before a decision, so that the statement has to say why
// they earn no bonus.
func (g *gen) decide(p *regPlan) {
	r := &p.reg
	s := r.Submitted
	if s > g.through-3 {
		r.Decision = engine.DecisionPending
		return
	}
	decided := min(s+engine.Date(1+g.r.IntN(5)), g.through)
	u := g.r.Float64()
	switch {
	case u < 0.74 || (u >= 0.88 && s < g.through-45):
		r.Decision, r.DecidedOn, r.DecidedBy = engine.DecisionApproved, decided, g.ds.Partners[p.partner].AccountManager
		deadline := decided.AddDays(r.WindowDays)
		v := g.r.Float64()
		switch {
		case v < 0.55:
			p.saleDate = g.day(decided+1, deadline)
		case v < 0.63:
			p.saleDate = g.day(deadline+3, deadline+28)
		case v < 0.82:
			r.Outcome = engine.OutcomeLost
			return
		}
		if p.saleDate > g.through {
			p.saleDate = 0
		}
		switch {
		case p.saleDate != 0:
			r.Outcome = engine.OutcomeWon
		case deadline < g.through:
			r.Outcome = engine.OutcomeExpired
		}
	case u < 0.88:
		r.Decision, r.DecidedOn, r.DecidedBy = engine.DecisionRejected, decided, g.ds.Partners[p.partner].AccountManager
		r.Outcome = engine.OutcomeLost
		if g.r.Float64() < 0.3 {
			if d := g.day(decided+5, decided+40); d <= g.through {
				p.saleDate, r.Outcome = d, engine.OutcomeWon
			}
		}
	default:
		r.Decision = engine.DecisionPending
		if g.r.Float64() < 0.35 {
			if d := g.day(s+2, s+10); d <= g.through {
				p.saleDate, r.Outcome = d, engine.OutcomeWon
			}
		}
	}
}

// regInvoice is the invoice that closes a registered deal: one-off products
// worth about the expected value.
func (g *gen) regInvoice(p *regPlan) draft {
	m := g.monthOf(p.saleDate)
	cat := kindCatalog[partnerSpecs[p.partner].kind]
	main := cat[g.r.IntN(len(cat))]
	price := g.price(p.partner, m, main)
	target := p.reg.ExpectedValue.Mul(decimal.NewFromInt(int64(80 + g.r.IntN(31)))).Shift(-2)
	n := max(target.Div(price).Round(0).IntPart(), 1)
	d := draft{date: p.saleDate, partner: p.partner, rep: p.reg.RepID, customer: p.reg.Customer, reg: p.reg.ID,
		lines: []draftLine{{product: main, qty: decimal.NewFromInt(n), unitPrice: price}}}
	if main != pImpl && g.r.IntN(2) == 0 {
		d.lines = append(d.lines, draftLine{product: pImpl, qty: decimal.NewFromInt(int64(1 + g.r.IntN(5))), unitPrice: g.price(p.partner, m, pImpl)})
	}
	return d
}
