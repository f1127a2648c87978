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

// ruleDealReg pays a rate on the weighted net amount of sales linked to an
// approved registration sold no later than the approval date plus the
// window; every other linked sale gets a zero line that says why. The
// registration's partner is the payee, whatever the credit splits. Lines
// stay one per invoice line; settleItems then nets the payee's returns and
// applies the floor at zero and the cap to its period result.
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
		net := m.weigh(s.Net, sr.class)
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
			full = Percent(net, r.DealReg.Rate)
			ex = Explanation{Key: "dealreg.paid", Args: []Arg{rule, inv, regArg, DateArg("approved", reg.DecidedOn),
				NumberArg("window", decimal.NewFromInt(int64(reg.WindowDays))), MoneyArg("net", net, c.cur), PercentArg("rate", r.DealReg.Rate)}}
		}
		c.emit(pc, ri, c.settle(r, payee, partnerID, pi, net, full, ex, false), itemDetail(s), s.ID)
	}
	c.settleItems(r, start)
}

// firstSale is a customer's first sale ever (earliest date, then lowest
// id; returns never count), and who referred it.
type firstSale struct {
	s        *Sale
	date     Date  // s.Date, kept here for the per-sale test
	referrer int32 // partner index, -1 unknown
}

// referred reports whether the customer is a referral of program p: its
// first sale ever was marked new and falls inside p's validity. A customer
// first sold before the program, or first sold unmarked, is not new later.
func (f *firstSale) referred(p *Program) bool {
	return f.s != nil && f.s.NewCustomer && f.date >= p.ValidFrom && (p.ValidTo.IsZero() || f.date <= p.ValidTo)
}

// customerIndex numbers the customers once per computation: each period
// sale's customer as a dense index (custOf, -1 for none), and each
// customer's name and first sale by index. Referral rules then walk a
// million sales with slice lookups instead of hashing names.
type customerIndex struct {
	custOf []int32     // by sale record
	names  []string    // by customer
	first  []firstSale // by customer; s is nil when the customer has none
	ids    map[string]int32
}

// lookup returns the index of a customer by name, -1 when it has none.
func (ci *customerIndex) lookup(name string) int32 {
	if i, ok := ci.ids[name]; ok && name != "" {
		return i
	}
	return -1
}

// customers finds each customer's first sale ever across the history the
// caller loaded (Inputs.CustomerFirstSales), this period's sales and the
// sales adjusting closed periods. The referrer is the partner whose
// referral code the sale carries, else the sale's partner.
func (c *computer) customers() *customerIndex {
	// Every referral rule of the computation asks the same question.
	if c.cust != nil {
		return c.cust
	}
	ci := &customerIndex{custOf: make([]int32, len(c.sales)), ids: make(map[string]int32)}
	id := func(name string) int32 {
		if name == "" {
			return -1
		}
		if i, ok := ci.ids[name]; ok {
			return i
		}
		i := int32(len(ci.names))
		ci.ids[name] = i
		ci.names = append(ci.names, name)
		ci.first = append(ci.first, firstSale{referrer: -1})
		return i
	}
	consider := func(i int32, s *Sale) {
		if i < 0 || s.IsReturn() {
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
		consider(id(s.Customer), s)
	}
	for i := range c.adjSales {
		s := c.adjSales[i].s
		consider(id(s.Customer), s)
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

// ReferralUntil is the first day a referred customer's revenue no longer
// counts under a revenue share of months months: the same day months
// calendar months after the first sale, clamped to that month's end (first
// sale 31 August, 1 month: revenue dated before 30 September counts). Zero
// months has no end.
func ReferralUntil(first Date, months int) Date {
	if months <= 0 {
		return 0
	}
	return first.AddMonthsClamped(months)
}

// referralShare is the one test of whether sale record rec earns the
// revenue share of rule r and to whom: a subscription product matching the
// rule, sold to a customer referred while the program runs (see referred),
// on or after the first sale and before ReferralUntil, to an eligible
// referrer. It returns the referrer's slot and the sale's weighted net; the
// rule and the adjustments of closed periods both call it. The caller
// checks the sale date against the program window.
func (c *computer) referralShare(pc *progCtx, r *Rule, rec *saleRec, m *ruleMatch, k int32) (int, decimal.Decimal, bool) {
	rr := r.Referral
	if rr == nil || rec.product < 0 || !c.products[rec.product].Subscription || !m.product[rec.product] || !m.class[rec.class] || k < 0 {
		return 0, decimal.Zero, false
	}
	f := &c.customers().first[k]
	if !f.referred(pc.p) || rec.date < f.date || rr.Months > 0 && rec.date >= ReferralUntil(f.date, rr.Months) {
		return 0, decimal.Zero, false
	}
	slot, ok := c.slotFor(m, f.referrer, -1)
	if !ok {
		return 0, decimal.Zero, false
	}
	return slot, m.weigh(rec.s.Net, rec.class), true
}

// ruleReferral pays a bounty per new customer whose first sale falls in
// the period, and a rate on the subscription revenue of customers referred
// while the program runs, for Months months from the first sale (0: for as
// long as the program runs). Both go to the referrer of the first sale. The
// revenue share works on the payee's basis: one line per payee, in which
// one customer's returns net against another's sales.
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
			if !f.referred(pc.p) || s.Date < pc.from || s.Date > pc.to || s.BookDate() < c.period.Start || s.BookDate() > c.period.End {
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
		acc := newBasisAcc(len(c.partners), c.netScale)
		// The customers of each payee, in first-seen order, for the
		// explanation; a customer has one referrer, so one payee.
		named := make([]bool, len(ci.names))
		custs := make([][]int32, len(c.partners))
		for i := range c.sales {
			sr := &c.sales[i]
			if sr.date < m.from || sr.date > m.to {
				continue
			}
			k := ci.custOf[i]
			slot, v, ok := c.referralShare(pc, r, sr, m, k)
			if !ok {
				continue
			}
			if sr.fast {
				acc.ints[slot][sr.class] += sr.net
			} else {
				acc.dec[slot] = acc.dec[slot].Add(v)
			}
			acc.seen[slot] = true
			if !named[k] {
				named[k] = true
				custs[slot] = append(custs[slot], k)
			}
		}
		for slot, seen := range acc.seen {
			if !seen {
				continue
			}
			basis := acc.basis(slot, m)
			payee, partnerID, pi := c.payee(slot)
			var full decimal.Decimal
			var ex Explanation
			if basis.IsNegative() {
				ex = Explanation{Key: "basis.negative", Args: []Arg{rule, MoneyArg("basis", c.cur.Round(basis), c.cur), PeriodArg("period", c.period.Key)}}
			} else {
				full = Percent(basis, rr.Rate)
				ex = Explanation{Key: "referral.rate", Args: []Arg{rule, MoneyArg("basis", c.cur.Round(basis), c.cur), TextArg("customer", customerList(ci, custs[slot])),
					PeriodArg("period", c.period.Key), PercentArg("rate", rr.Rate)}}
			}
			c.emit(pc, ri, c.settle(r, payee, partnerID, pi, basis, full, ex, false), "\xffrate", 0)
		}
	}
	c.settleItems(r, start)
}

// customerList names the customers of a revenue share line: up to three
// names in alphabetical order, then how many more.
func customerList(ci *customerIndex, ks []int32) string {
	names := make([]string, len(ks))
	for i, k := range ks {
		names[i] = ci.names[k]
	}
	slices.Sort(names)
	if len(names) <= 3 {
		return strings.Join(names, ", ")
	}
	return strings.Join(names[:3], ", ") + " (+" + strconv.Itoa(len(names)-3) + ")"
}

// ruleTraining pays each rep's first completion of a listed course, in the
// period that contains it: a course taken again pays nothing. Course names
// match under FoldName and count under the rule's own spelling.
func (c *computer) ruleTraining(pc *progCtx, ri int) {
	r := &pc.p.Rules[ri]
	tr := r.Training
	type key struct {
		rep    ID
		course string // folded
	}
	first := make(map[key]*Training)
	for i := range c.in.Trainings {
		t := &c.in.Trainings[i]
		k := key{t.RepID, FoldName(t.Course)}
		if old, ok := first[k]; !ok || t.Completed < old.Completed || t.Completed == old.Completed && t.ID < old.ID {
			first[k] = t
		}
	}
	courses := make(map[string]string, len(tr.Courses)) // fold -> the rule's spelling
	for _, name := range tr.Courses {
		if _, dup := courses[FoldName(name)]; !dup {
			courses[FoldName(name)] = name
		}
	}
	m := c.newRuleMatch(pc, r, valueNet, true, nil)
	start := len(c.out)
	for k, t := range first {
		course, listed := courses[k.course]
		if !listed || t.Completed < pc.from || t.Completed > pc.to {
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
		ex := Explanation{Key: "training.course", Args: []Arg{TextArg("rule", r.Name), TextArg("rep", c.reps[ri2].Name), TextArg("course", course), DateArg("date", t.Completed)}}
		c.emit(pc, ri, c.settle(r, payee, partnerID, pi, decimal.NewFromInt(1), tr.Amount, ex, false), course, t.ID)
	}
	c.settleItems(r, start)
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
		// Types match under FoldName ("QBR" typed as "qbr", "Séminaire"
		// as "seminaire") and count under the rule's own spelling.
		at := FoldName(a.Type)
		ti := slices.IndexFunc(ar.Types, func(t string) bool { return FoldName(t) == at })
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
	c.settleItems(r, start)
}
