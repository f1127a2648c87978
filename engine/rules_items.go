package engine

import (
	"cmp"
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
// window, to the registration's partner whatever the credit splits: one
// line per payee on its period result (its linked returns netted, a
// negative result paying nothing, then the multiplier and the cap). Every
// other linked sale gets a zero line of its own that says why.
func (c *computer) ruleDealReg(pc *progCtx, ri int) {
	r := &pc.p.Rules[ri]
	m := c.newRuleMatch(pc, r, valueNet, false, nil)
	rule := TextArg("rule", r.Name)
	type paid struct {
		basis decimal.Decimal
		n     int
		only  *saleRec // the one sale, while n is 1
		seen  bool
	}
	acc := make([]paid, len(c.partners))
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
		inv := TextArg("invoice", s.Invoice)
		regArg := TextArg("registration", strconv.FormatUint(uint64(s.RegistrationID), 10))
		var why Explanation
		switch {
		case reg == nil || reg.Decision == DecisionPending || reg.Decision == "" || (reg.Decision == DecisionApproved && reg.DecidedOn.IsZero()):
			why = Explanation{Key: "dealreg.pending", Args: []Arg{rule, inv, regArg}}
		case reg.Decision == DecisionRejected:
			why = Explanation{Key: "dealreg.rejected", Args: []Arg{rule, inv, regArg}}
		case reg.Outcome == OutcomeExpired:
			why = Explanation{Key: "dealreg.expired", Args: []Arg{rule, inv, regArg}}
		case sr.date > reg.DecidedOn.AddDays(reg.WindowDays): // a return: its original's date
			why = Explanation{Key: "dealreg.late", Args: []Arg{rule, inv, DateArg("date", sr.date), regArg, DateArg("deadline", reg.DecidedOn.AddDays(reg.WindowDays))}}
		default:
			a := &acc[slot]
			a.basis = a.basis.Add(m.weigh(s.Net, sr.class))
			a.n++
			a.only = sr
			a.seen = true
			continue
		}
		// A sale that earns nothing adds nothing to the basis: the line
		// says why, and an effective rate of the period stays paid / paid basis.
		payee, partnerID, pi := c.payee(slot)
		c.emit(pc, ri, c.settle(r, payee, partnerID, pi, decimal.Zero, decimal.Zero, why, false), itemDetail(s), s.ID)
	}
	for slot := range acc {
		a := &acc[slot]
		if !a.seen {
			continue
		}
		payee, partnerID, pi := c.payee(slot)
		var full decimal.Decimal
		var ex Explanation
		switch {
		case a.basis.IsNegative():
			ex = Explanation{Key: "basis.negative", Args: []Arg{rule, MoneyArg("basis", c.cur.Round(a.basis), c.cur), PeriodArg("period", c.period.Key)}}
		case a.n == 1:
			s, reg := a.only.s, c.regs[a.only.s.RegistrationID]
			full = Percent(a.basis, r.DealReg.Rate)
			ex = Explanation{Key: "dealreg.paid", Args: []Arg{rule, TextArg("invoice", s.Invoice), TextArg("registration", strconv.FormatUint(uint64(s.RegistrationID), 10)),
				DateArg("approved", reg.DecidedOn), NumberArg("window", decimal.NewFromInt(int64(reg.WindowDays))), MoneyArg("net", a.basis, c.cur), PercentArg("rate", r.DealReg.Rate)}}
		default:
			full = Percent(a.basis, r.DealReg.Rate)
			ex = Explanation{Key: "rate.flat", Args: []Arg{rule, MoneyArg("basis", c.cur.Round(a.basis), c.cur), PeriodArg("period", c.period.Key), PercentArg("rate", r.DealReg.Rate)}}
		}
		c.emit(pc, ri, c.settle(r, payee, partnerID, pi, a.basis, full, ex, true), "", 0)
	}
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
// caller loaded (Inputs.CustomerFirstSales) and every sale booked in the
// period, late ones included. The referrer is the partner whose
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
	// Sales booked in the period but dated before it (late sales) may be
	// a customer's first, whichever period they adjust.
	for i := range c.in.Sales {
		if s := &c.in.Sales[i]; s.Date < c.period.Start {
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

// ruleReferral pays, to the referrer of each customer's first sale, a
// bounty per new customer whose first sale falls in the period and a rate
// on the subscription revenue of the customers it referred while the
// program runs, for Months months from the first sale (0: for as long as
// the program runs). The revenue share works on the payee's basis (one
// customer's returns net against another's sales; a negative basis pays
// nothing), and the payee's bounties and share make one line: its period
// result, multiplied, capped and rounded once.
//
// It is long because the bounty and the revenue share make one line per
// payee, as described above, and share the customers' first sales.
func (c *computer) ruleReferral(pc *progCtx, ri int) {
	r := &pc.p.Rules[ri]
	rr := r.Referral
	m := c.newRuleMatch(pc, r, valueNet, false, nil)
	ci := c.customers()
	rule := TextArg("rule", r.Name)
	parts := make([][]itemPart, len(c.partners))
	if rr.Bounty.IsPositive() {
		// Bounties in order of first sale (date, then id): the parts read
		// as the customers came.
		var ks []int32
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
			ks = append(ks, int32(k))
		}
		slices.SortFunc(ks, func(a, b int32) int {
			x, y := ci.first[a].s, ci.first[b].s
			return cmp.Or(cmp.Compare(x.Date, y.Date), cmp.Compare(x.ID, y.ID))
		})
		for _, k := range ks {
			f := &ci.first[k]
			slot, ok := c.slotFor(m, f.referrer, -1)
			if !ok {
				continue
			}
			parts[slot] = append(parts[slot], itemPart{full: rr.Bounty,
				ex: Explanation{Key: "referral.bounty", Args: []Arg{rule, TextArg("customer", ci.names[k]), TextArg("invoice", f.s.Invoice)}}})
		}
	}
	acc := newBasisAcc(len(c.partners), c.netScale)
	if rr.Rate.IsPositive() {
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
			p := itemPart{ex: Explanation{Key: "basis.negative", Args: []Arg{rule, MoneyArg("basis", c.cur.Round(basis), c.cur), PeriodArg("period", c.period.Key)}}}
			if !basis.IsNegative() {
				p = itemPart{full: Percent(basis, rr.Rate), ex: Explanation{Key: "referral.rate", Args: []Arg{rule, MoneyArg("basis", c.cur.Round(basis), c.cur),
					TextArg("customer", customerList(ci, custs[slot])), PeriodArg("period", c.period.Key), PercentArg("rate", rr.Rate)}}}
			}
			parts[slot] = append(parts[slot], p)
		}
	}
	for slot, ps := range parts {
		var basis decimal.Decimal
		if acc.seen[slot] {
			basis = acc.basis(slot, m)
		}
		c.emitItems(pc, ri, slot, basis, ps, "")
	}
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
// match under FoldName and count under the rule's own spelling. A rep's
// courses of the period make one line, its period result.
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
	type done struct {
		t      *Training
		course string
	}
	bySlot := make(map[int][]done)
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
		bySlot[slot] = append(bySlot[slot], done{t, course})
	}
	for slot, ds := range bySlot {
		slices.SortFunc(ds, func(a, b done) int {
			return cmp.Or(cmp.Compare(a.t.Completed, b.t.Completed), cmp.Compare(a.course, b.course), cmp.Compare(a.t.ID, b.t.ID))
		})
		rep := &c.reps[slot-len(c.partners)]
		parts := make([]itemPart, len(ds))
		for i, d := range ds {
			parts[i] = itemPart{full: tr.Amount, ex: Explanation{Key: "training.course", Args: []Arg{TextArg("rule", r.Name), TextArg("rep", rep.Name),
				TextArg("course", d.course), DateArg("date", d.t.Completed)}}}
		}
		c.emitItems(pc, ri, slot, decimal.NewFromInt(int64(len(ds))), parts, "")
	}
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
	// One line per payee, its types in the rule's order, each a part.
	each := MoneyArg("each", c.cur.Round(ar.Amount), c.cur)
	if unitOf(r) == UnitPoints {
		each = NumberArg("each", ar.Amount) // 2.5 points each shows as 2.5, not 2
	}
	bySlot := make(map[int][]itemPart)
	total := make(map[int]int64)
	listed := make(map[string]bool, len(ar.Types))
	for _, typ := range ar.Types {
		if listed[typ] {
			continue
		}
		listed[typ] = true
		for k, n := range counts {
			if k.typ != typ {
				continue
			}
			count := decimal.NewFromInt(n)
			bySlot[k.slot] = append(bySlot[k.slot], itemPart{full: count.Mul(ar.Amount), ex: Explanation{Key: "activity.count", Args: []Arg{TextArg("rule", r.Name),
				NumberArg("count", count), TextArg("type", typ), PeriodArg("period", c.period.Key), each}}})
			total[k.slot] += n
		}
	}
	for slot, parts := range bySlot {
		c.emitItems(pc, ri, slot, decimal.NewFromInt(total[slot]), parts, "")
	}
}
