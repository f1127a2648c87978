package engine

import (
	"cmp"
	"fmt"
	"math"
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
	for _, ch := range c.sales {
		for i := range ch {
			sr := &ch[i]
			if sr.full < 0 {
				continue // a sale linking a registration is always kept whole
			}
			s := &c.kept[sr.full]
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
			s := &c.kept[a.only.full]
			reg := c.regs[s.RegistrationID]
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
// id; returns never count), and who referred it: what the referral rules
// read of it, next to each other.
type firstSale struct {
	has      bool
	newCust  bool
	class    uint8
	date     Date
	booked   Date // its BookDate
	id       ID
	invoice  string
	product  int32 // product index, -1 unknown
	referrer int32 // partner index, -1 unknown
}

// referred reports whether the customer is a referral of program p: its
// first sale ever was marked new and falls inside p's validity. A customer
// first sold before the program, or first sold unmarked, is not new later.
func (f *firstSale) referred(p *Program) bool {
	return f.has && f.newCust && f.date >= p.ValidFrom && (p.ValidTo.IsZero() || f.date <= p.ValidTo)
}

// shareWindow returns the sale dates whose revenue a referral rule of
// program p shares for the customer: from its first sale up to, not
// including, ReferralUntil (no end when months is 0); ok is false when the
// customer is not p's referral.
func (f *firstSale) shareWindow(p *Program, months int) (from, until Date, ok bool) {
	if !f.referred(p) {
		return 0, 0, false
	}
	until = Date(math.MaxInt32)
	if months > 0 {
		until = ReferralUntil(f.date, months)
	}
	return f.date, until, true
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
// adjustments of closed periods call it, and ruleReferral resolves the
// same test once per product and customer (newReferralTest). The caller
// checks the sale date against the program window.
func (c *computer) referralShare(pc *progCtx, r *Rule, rec *saleRec, m *ruleMatch, k int32) (int, decimal.Decimal, bool) {
	rr := r.Referral
	if rr == nil || rec.product < 0 || !c.products[rec.product].Subscription || !m.product[rec.product] || !m.class[rec.class] || k < 0 {
		return 0, decimal.Zero, false
	}
	from, until, ok := c.customers().first[k].shareWindow(pc.p, rr.Months)
	if !ok || rec.date < from || rec.date >= until {
		return 0, decimal.Zero, false
	}
	slot, ok := c.slotFor(m, c.customers().first[k].referrer, -1)
	if !ok {
		return 0, decimal.Zero, false
	}
	return slot, m.weigh(c.recFigure(rec, false), rec.class), true
}

// referralTest is referralShare resolved for every product and customer
// of one rule, so that the revenue share tests a million sales with a few
// slice lookups and never calls the calendar: a sale of customer k with
// product pr earns for cust[k].slot when product[pr], m.class and
// cust[k].from <= date < cust[k].until hold.
type referralTest struct {
	product []bool // a subscription product the rule counts
	// cust is by customer: a customer's window and slot side by side, so
	// that testing a sale reads one place in memory, not three.
	cust []referralWindow
}

type referralWindow struct {
	from, until Date // until 0: not a referral
	slot        int32
}

func (c *computer) newReferralTest(pc *progCtx, r *Rule, m *ruleMatch) *referralTest {
	ci := c.customers()
	t := &referralTest{product: make([]bool, len(c.products)), cust: make([]referralWindow, len(ci.first))}
	for i := range c.products {
		t.product[i] = c.products[i].Subscription && m.product[i]
	}
	for k := range ci.first {
		f := &ci.first[k]
		from, until, ok := f.shareWindow(pc.p, r.Referral.Months)
		slot, eligible := c.slotFor(m, f.referrer, -1)
		if ok && eligible {
			t.cust[k] = referralWindow{from: from, until: until, slot: int32(slot)}
		}
	}
	return t
}

// share is referralShare on the resolved test; rec's date is already
// inside the program window.
func (t *referralTest) share(rec *saleRec, m *ruleMatch, k int32) (int, bool) {
	if k < 0 || rec.product < 0 || !t.product[rec.product] || !m.class[rec.class] {
		return 0, false
	}
	if w := &t.cust[k]; rec.date >= w.from && rec.date < w.until {
		return int(w.slot), true
	}
	return 0, false
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
			if !f.referred(pc.p) || f.date < pc.from || f.date > pc.to || f.booked < c.period.Start || f.booked > c.period.End {
				continue
			}
			if f.product < 0 || !m.product[f.product] || !m.class[f.class] {
				continue
			}
			ks = append(ks, int32(k))
		}
		slices.SortFunc(ks, func(a, b int32) int {
			x, y := &ci.first[a], &ci.first[b]
			return cmp.Or(cmp.Compare(x.date, y.date), cmp.Compare(x.id, y.id))
		})
		// Every bounty's arguments come from one allocation, each with
		// room for the amount emitItems adds, and every payee's parts
		// from another, with room for its revenue share.
		args := make([]Arg, 0, 4*len(ks))
		count := make([]int32, len(c.partners))
		for _, k := range ks {
			if slot, ok := c.slotFor(m, ci.first[k].referrer, -1); ok {
				count[slot]++
			}
		}
		n := 0
		for _, k := range count {
			if k > 0 {
				n += int(k) + 1
			}
		}
		all := make([]itemPart, n)
		for slot, k := range count {
			if k > 0 {
				parts[slot], all = all[:0:k+1], all[k+1:]
			}
		}
		for _, k := range ks {
			f := &ci.first[k]
			slot, ok := c.slotFor(m, f.referrer, -1)
			if !ok {
				continue
			}
			at := len(args)
			args = append(args, rule, TextArg("customer", ci.names[k]), TextArg("invoice", f.invoice), Arg{})
			parts[slot] = append(parts[slot], itemPart{full: rr.Bounty,
				ex: Explanation{Key: "referral.bounty", Args: args[at : at+3 : at+4]}})
		}
	}
	acc := newBasisAcc(len(c.partners), c.netScale)
	if rr.Rate.IsPositive() {
		// The customers of each payee, in first-seen order, for the
		// explanation; a customer has one referrer, so one payee.
		named := make([]bool, len(ci.names))
		custs := make([][]int32, len(c.partners))
		test := c.newReferralTest(pc, r, m)
		for _, ch := range c.sales {
			for i := range ch {
				sr := &ch[i]
				if sr.date < m.from || sr.date > m.to {
					continue
				}
				k := sr.cust
				slot, ok := test.share(sr, m, k)
				if !ok {
					continue
				}
				if sr.fast {
					acc.ints[slot][sr.class] += sr.net
				} else {
					acc.dec[slot] = acc.dec[slot].Add(m.weigh(c.recFigure(sr, false), sr.class))
				}
				acc.seen[slot] = true
				if !named[k] {
					named[k] = true
					custs[slot] = append(custs[slot], k)
				}
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
