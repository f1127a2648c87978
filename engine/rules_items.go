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
	referrer int32 // partner index, -1 unknown
}

// firstSales finds each customer's first sale marked new (earliest date,
// then lowest id) across history and this period. The referrer is the
// partner whose referral code the sale carries, else the sale's partner.
func (c *computer) firstSales() map[string]firstSale {
	// Every referral rule of the computation asks the same question.
	if c.first != nil {
		return c.first
	}
	m := make(map[string]firstSale)
	consider := func(s *Sale) {
		if !s.NewCustomer || s.IsReturn() || s.Customer == "" {
			return
		}
		old, ok := m[s.Customer]
		if ok && (old.s.Date < s.Date || old.s.Date == s.Date && old.s.ID <= s.ID) {
			return
		}
		ref := c.partnerIndex(s.PartnerID)
		if s.ReferralCode != "" {
			if pi, ok := c.byCode[s.ReferralCode]; ok {
				ref = pi
			}
		}
		m[s.Customer] = firstSale{s: s, referrer: ref}
	}
	for i := range c.in.CustomerFirstSales {
		consider(&c.in.CustomerFirstSales[i])
	}
	for i := range c.sales {
		consider(c.sales[i].s)
	}
	c.first = m
	return m
}

// ruleReferral pays a bounty per new customer whose first sale falls in
// the period, and a rate on the subscription revenue of customers referred
// while the program runs, for Months months from the first sale (0: for as
// long as the program runs). Both go to the referrer of the first sale.
func (c *computer) ruleReferral(pc *progCtx, ri int) {
	r := &pc.p.Rules[ri]
	rr := r.Referral
	m := c.newRuleMatch(pc, r, valueNet, false, nil)
	first := c.firstSales()
	start := len(c.out)
	rule := TextArg("rule", r.Name)
	if rr.Bounty.IsPositive() {
		for cust, f := range first {
			s := f.s
			if s.Date < pc.from || s.Date > pc.to || s.BookDate() < c.period.Start || s.BookDate() > c.period.End {
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
			payee, partnerID, pi := c.payee(slot)
			ex := Explanation{Key: "referral.bounty", Args: []Arg{rule, TextArg("customer", cust), TextArg("invoice", s.Invoice)}}
			c.emit(pc, ri, c.settle(r, payee, partnerID, pi, decimal.Zero, rr.Bounty, ex, false), cust+"\x00bounty", s.ID)
		}
	}
	if rr.Rate.IsPositive() {
		// Sums are kept per referrer slot and first sale (one per
		// customer): a pointer key hashes faster than the name, and exact
		// scaled integers add faster than decimals.
		type key struct {
			slot  int
			first *Sale
		}
		type sum struct {
			n     int64
			d     decimal.Decimal
			exact bool
		}
		acc := make(map[key]*sum)
		for i := range c.sales {
			sr := &c.sales[i]
			s := sr.s
			if sr.product < 0 || !c.products[sr.product].Subscription || !m.product[sr.product] || !m.class[sr.class] || sr.date < m.from || sr.date > m.to {
				continue
			}
			f, ok := first[s.Customer]
			if !ok || f.s.Date < pc.p.ValidFrom || s.Date < f.s.Date || rr.Months > 0 && s.Date >= f.s.Date.AddMonths(rr.Months) {
				continue
			}
			slot, ok := c.slotFor(m, f.referrer, -1)
			if !ok {
				continue
			}
			k := key{slot, f.s}
			a := acc[k]
			if a == nil {
				a = &sum{exact: true}
				acc[k] = a
			}
			if sr.fast && a.exact {
				a.n += sr.net
			} else {
				a.d = a.d.Add(s.Net)
				a.exact = false
			}
		}
		type custKey struct {
			slot int
			cust string
		}
		sums := make(map[custKey]decimal.Decimal, len(acc))
		for k, a := range acc {
			v := a.d
			if a.n != 0 {
				v = v.Add(decimal.New(a.n, -c.netScale))
			}
			ck := custKey{k.slot, k.first.Customer}
			sums[ck] = sums[ck].Add(v)
		}
		for k, basis := range sums {
			payee, partnerID, pi := c.payee(k.slot)
			var full decimal.Decimal
			var ex Explanation
			if basis.IsNegative() {
				ex = Explanation{Key: "basis.negative", Args: []Arg{rule, MoneyArg("basis", c.cur.Round(basis), c.cur), PeriodArg("period", c.period.Key)}}
			} else {
				full = Percent(basis, rr.Rate)
				ex = Explanation{Key: "referral.rate", Args: []Arg{rule, MoneyArg("basis", c.cur.Round(basis), c.cur), TextArg("customer", k.cust),
					PeriodArg("period", c.period.Key), PercentArg("rate", rr.Rate)}}
			}
			c.emit(pc, ri, c.settle(r, payee, partnerID, pi, basis, full, ex, false), k.cust+"\x00rate", 0)
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
