package engine

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// itemDetail orders a sale's line among a payee's lines: invoice, then line number.
func itemDetail(s *Sale) string { return fmt.Sprintf("%s\x00%09d", s.Invoice, s.Line) }

// ruleDealReg pays a rate on sales linked to an approved registration sold
// no later than the approval date plus the window; every other linked sale
// gets a zero line that says why. The registration's partner is the payee.
func (c *computer) ruleDealReg(pc *progCtx, ri int) {
	r := &pc.p.Rules[ri]
	m := c.newRuleMatch(pc, r, valueNet, false, nil)
	start := len(c.out)
	rule := TextArg("rule", r.Name)
	for i := range c.sales {
		sr := &c.sales[i]
		s := sr.s
		if s.RegistrationID == 0 || sr.product < 0 || !m.product[sr.product] || !m.class[sr.class] || sr.date < m.from || sr.date > m.to {
			continue
		}
		reg := c.regs[s.RegistrationID]
		pi := sr.partner
		if reg != nil {
			pi = c.partnerIndex(reg.PartnerID)
		}
		slot, ok := c.slotFor(m, pi, sr.rep)
		if !ok {
			continue
		}
		payee, partnerID, pi := c.payee(slot)
		inv := TextArg("invoice", s.Invoice)
		regArg := TextArg("registration", strconv.FormatUint(uint64(s.RegistrationID), 10))
		var full decimal.Decimal
		var ex Explanation
		switch {
		case reg == nil || reg.Decision == DecisionPending || reg.Decision == "" || (reg.Decision == DecisionApproved && reg.DecidedOn.IsZero()):
			ex = Explanation{Key: "dealreg.pending", Args: []Arg{rule, inv, regArg}}
		case reg.Decision == DecisionRejected:
			ex = Explanation{Key: "dealreg.rejected", Args: []Arg{rule, inv, regArg}}
		case reg.Outcome == OutcomeExpired:
			ex = Explanation{Key: "dealreg.expired", Args: []Arg{rule, inv, regArg}}
		case s.Date > reg.DecidedOn.AddDays(reg.WindowDays):
			ex = Explanation{Key: "dealreg.late", Args: []Arg{rule, inv, DateArg("date", s.Date), regArg, DateArg("deadline", reg.DecidedOn.AddDays(reg.WindowDays))}}
		default:
			full = Percent(s.Net, r.DealReg.Rate)
			ex = Explanation{Key: "dealreg.paid", Args: []Arg{rule, inv, regArg, DateArg("approved", reg.DecidedOn),
				NumberArg("window", decimal.NewFromInt(int64(reg.WindowDays))), MoneyArg("net", s.Net, c.cur), PercentArg("rate", r.DealReg.Rate)}}
		}
		c.emit(pc, ri, c.settle(r, payee, partnerID, pi, s.Net, full, ex, false), itemDetail(s), s.ID)
	}
	c.capItems(r, start)
}

// firstSale is a customer's first sale marked new, and who referred it.
type firstSale struct {
	s        *Sale
	date     Date  // s.Date, kept here for the per-sale test
	referrer int32 // partner index, -1 unknown
}

// customerIndex numbers the customers once per computation: each period
// sale's customer as a dense index (custOf, -1 for none), and each
// customer's name and first sale marked new by index. Referral rules then
// walk a million sales with slice lookups instead of hashing names.
type customerIndex struct {
	custOf []int32     // by sale record
	names  []string    // by customer
	first  []firstSale // by customer; s is nil when the customer has none
}

// customers finds each customer's first sale marked new (earliest date,
// then lowest id) across history and this period. The referrer is the
// partner whose referral code the sale carries, else the sale's partner.
func (c *computer) customers() *customerIndex {
	// Every referral rule of the computation asks the same question.
	if c.cust != nil {
		return c.cust
	}
	ci := &customerIndex{custOf: make([]int32, len(c.sales))}
	ids := make(map[string]int32)
	id := func(name string) int32 {
		if name == "" {
			return -1
		}
		if i, ok := ids[name]; ok {
			return i
		}
		i := int32(len(ci.names))
		ids[name] = i
		ci.names = append(ci.names, name)
		ci.first = append(ci.first, firstSale{referrer: -1})
		return i
	}
	consider := func(i int32, s *Sale) {
		if i < 0 || !s.NewCustomer || s.IsReturn() {
			return
		}
		old := &ci.first[i]
		if old.s != nil && (old.s.Date < s.Date || old.s.Date == s.Date && old.s.ID <= s.ID) {
			return
		}
		ref := c.partnerIndex(s.PartnerID)
		if s.ReferralCode != "" {
			if pi, ok := c.byCode[s.ReferralCode]; ok {
				ref = pi
			}
		}
		*old = firstSale{s: s, date: s.Date, referrer: ref}
	}
	for i := range c.in.CustomerFirstSales {
		s := &c.in.CustomerFirstSales[i]
		if s.NewCustomer {
			consider(id(s.Customer), s)
		}
	}
	var prev string
	cur := int32(-1)
	for i := range c.sales {
		s := c.sales[i].s
		// Sales of one customer often follow each other (the lines of
		// an invoice): the same name skips the map.
		if s.Customer != prev || cur < 0 {
			cur, prev = id(s.Customer), s.Customer
		}
		ci.custOf[i] = cur
		consider(cur, s)
	}
	c.cust = ci
	return ci
}

// ruleReferral pays a bounty per new customer whose first sale falls in
// the period, and a rate on the subscription revenue of customers referred
// while the program runs, for Months months from the first sale (0: for as
// long as the program runs). Both go to the referrer of the first sale.
func (c *computer) ruleReferral(pc *progCtx, ri int) {
	r := &pc.p.Rules[ri]
	rr := r.Referral
	m := c.newRuleMatch(pc, r, valueNet, false, nil)
	ci := c.customers()
	start := len(c.out)
	rule := TextArg("rule", r.Name)
	if rr.Bounty.IsPositive() {
		for k := range ci.first {
			f := &ci.first[k]
			s := f.s
			if s == nil || s.Date < pc.from || s.Date > pc.to || s.BookDate() < c.period.Start || s.BookDate() > c.period.End {
				continue
			}
			pr := c.productIndex(s.ProductID)
			if pr < 0 || !m.product[pr] || !m.class[classOf(s)] {
				continue
			}
			slot, ok := c.slotFor(m, f.referrer, -1)
			if !ok {
				continue
			}
			cust := ci.names[k]
			payee, partnerID, pi := c.payee(slot)
			ex := Explanation{Key: "referral.bounty", Args: []Arg{rule, TextArg("customer", cust), TextArg("invoice", s.Invoice)}}
			c.emit(pc, ri, c.settle(r, payee, partnerID, pi, decimal.Zero, rr.Bounty, ex, false), cust+"\x00bounty", s.ID)
		}
	}
	if rr.Rate.IsPositive() {
		// One sum per customer: the referrer (so the payee slot) is the
		// customer's, and exact scaled integers add faster than decimals.
		type sum struct {
			n       int64
			d       decimal.Decimal
			inexact bool
			seen    bool
		}
		acc := make([]sum, len(ci.names))
		// until is the first day a customer's revenue no longer counts
		// (0: no end), worked out once per customer.
		until := make([]Date, len(ci.names))
		for k := range ci.first {
			if s := ci.first[k].s; s != nil && rr.Months > 0 {
				until[k] = s.Date.AddMonths(rr.Months)
			}
		}
		for i := range c.sales {
			sr := &c.sales[i]
			if sr.product < 0 || !c.products[sr.product].Subscription || !m.product[sr.product] || !m.class[sr.class] || sr.date < m.from || sr.date > m.to {
				continue
			}
			k := ci.custOf[i]
			if k < 0 {
				continue
			}
			f := &ci.first[k]
			if f.s == nil || f.date < pc.p.ValidFrom || sr.date < f.date || rr.Months > 0 && sr.date >= until[k] {
				continue
			}
			if _, ok := c.slotFor(m, f.referrer, -1); !ok {
				continue
			}
			a := &acc[k]
			a.seen = true
			if sr.fast && !a.inexact {
				a.n += sr.net
			} else {
				a.d = a.d.Add(sr.s.Net)
				a.inexact = true
			}
		}
		for k := range acc {
			a := &acc[k]
			if !a.seen {
				continue
			}
			v := a.d
			if a.n != 0 {
				v = v.Add(decimal.New(a.n, -c.netScale))
			}
			// Added to a zero, as the sums always were: the basis keeps
			// the exponent it had (an integer net written 1E3 included).
			var basis decimal.Decimal
			basis = basis.Add(v)
			slot, _ := c.slotFor(m, ci.first[k].referrer, -1)
			cust := ci.names[k]
			payee, partnerID, pi := c.payee(slot)
			var full decimal.Decimal
			var ex Explanation
			if basis.IsNegative() {
				ex = Explanation{Key: "basis.negative", Args: []Arg{rule, MoneyArg("basis", c.cur.Round(basis), c.cur), PeriodArg("period", c.period.Key)}}
			} else {
				full = Percent(basis, rr.Rate)
				ex = Explanation{Key: "referral.rate", Args: []Arg{rule, MoneyArg("basis", c.cur.Round(basis), c.cur), TextArg("customer", cust),
					PeriodArg("period", c.period.Key), PercentArg("rate", rr.Rate)}}
			}
			c.emit(pc, ri, c.settle(r, payee, partnerID, pi, basis, full, ex, false), cust+"\x00rate", 0)
		}
	}
	c.capItems(r, start)
}

// ruleTraining pays each rep's first completion of a listed course, in the
// period that contains it: a course taken again pays nothing.
func (c *computer) ruleTraining(pc *progCtx, ri int) {
	r := &pc.p.Rules[ri]
	tr := r.Training
	type key struct {
		rep    ID
		course string
	}
	first := make(map[key]*Training)
	for i := range c.in.Trainings {
		t := &c.in.Trainings[i]
		k := key{t.RepID, t.Course}
		if old, ok := first[k]; !ok || t.Completed < old.Completed || t.Completed == old.Completed && t.ID < old.ID {
			first[k] = t
		}
	}
	m := c.newRuleMatch(pc, r, valueNet, true, nil)
	start := len(c.out)
	for k, t := range first {
		if !slices.Contains(tr.Courses, k.course) || t.Completed < pc.from || t.Completed > pc.to {
			continue
		}
		ri2 := c.repIndex(k.rep)
		if ri2 < 0 {
			continue
		}
		slot, ok := c.slotFor(m, c.partnerIndex(c.reps[ri2].PartnerID), ri2)
		if !ok {
			continue
		}
		payee, partnerID, pi := c.payee(slot)
		ex := Explanation{Key: "training.course", Args: []Arg{TextArg("rule", r.Name), TextArg("rep", c.reps[ri2].Name), TextArg("course", k.course), DateArg("date", t.Completed)}}
		c.emit(pc, ri, c.settle(r, payee, partnerID, pi, decimal.NewFromInt(1), tr.Amount, ex, false), k.course, t.ID)
	}
	c.capItems(r, start)
}

// ruleActivity pays per activity of a listed type in the period, one line
// per payee and type.
func (c *computer) ruleActivity(pc *progCtx, ri int) {
	r := &pc.p.Rules[ri]
	ar := r.Activity
	m := c.newRuleMatch(pc, r, valueNet, ar.ToRep, nil)
	type key struct {
		slot int
		typ  string
	}
	counts := make(map[key]int64)
	for i := range c.in.Activities {
		a := &c.in.Activities[i]
		if a.Date < pc.from || a.Date > pc.to {
			continue
		}
		// Types match regardless of case ("QBR" typed as "qbr") and count
		// under the rule's own spelling.
		ti := slices.IndexFunc(ar.Types, func(t string) bool { return strings.EqualFold(t, strings.TrimSpace(a.Type)) })
		if ti < 0 {
			continue
		}
		slot, ok := c.slotFor(m, c.partnerIndex(a.PartnerID), c.repIndex(a.RepID))
		if !ok {
			continue
		}
		counts[key{slot, ar.Types[ti]}]++
	}
	start := len(c.out)
	u := unitOf(r)
	for k, n := range counts {
		payee, partnerID, pi := c.payee(k.slot)
		count := decimal.NewFromInt(n)
		ex := Explanation{Key: "activity.count", Args: []Arg{TextArg("rule", r.Name), NumberArg("count", count), TextArg("type", k.typ),
			PeriodArg("period", c.period.Key), c.amountArg("each", u, ar.Amount)}}
		c.emit(pc, ri, c.settle(r, payee, partnerID, pi, count, count.Mul(ar.Amount), ex, false), k.typ, 0)
	}
	c.capItems(r, start)
}
