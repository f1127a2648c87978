package engine

import (
	"cmp"
	"slices"

	"github.com/shopspring/decimal"
)

// adjSale is a sale that corrects a closed period of the computed kind: a
// return of a sale whose period is closed, or a late sale entered after its
// own period was closed.
type adjSale struct {
	s       *Sale // kept[full], set once the sales are all in
	full    int32
	orig    Date   // the original sale's date (a return) or the late sale's own date
	rateKey string // the closed period whose effective rate applies
	late    bool
	invoice string // the invoice the statement names
}

// kindPeriod returns the period of the computed kind that contains d, and
// whether that period is closed. A custom window has no neighbours: its
// inputs never adjust another window.
func (c *computer) kindPeriod(d Date) (Period, bool) {
	if c.period.Kind == PeriodCustom {
		return c.period, false
	}
	p := PeriodContaining(c.period.Kind, d, c.fy)
	return p, c.isClosed(p)
}

// isClosed reports whether period p is closed: itself, or inside a longer
// closed period (closing a quarter closes its months).
func (c *computer) isClosed(p Period) bool {
	if closed, ok := c.closedKeys[p.Key]; ok {
		return closed
	}
	_, closed := ClosedBy(c.in.ClosedPeriods, p)
	c.closedKeys[p.Key] = closed
	return closed
}

// countedIn reports whether sale s, dated before period g, was already
// counted in closed period g: it existed when g was closed. Periods closed
// before the close recorded the last sale id fall back on the booking day.
func (c *computer) countedIn(s *Sale, g Period) bool {
	if last, ok := c.in.SalesAtClose[g.Key]; ok && last > 0 {
		return s.ID <= last
	}
	return s.Booked == 0 || s.Booked <= g.End
}

// lateTarget reports whether a sale dated in a closed period h of the
// computed kind, entered after h was closed, adjusts the computed period:
// the first period of the kind after h that did not count it when it
// closed, and is open.
func (c *computer) lateTarget(s *Sale, h Period) bool {
	if c.countedIn(s, h) {
		return false
	}
	for g := h.Next(c.fy); g.Start < c.period.Start; g = g.Next(c.fy) {
		if !c.isClosed(g) {
			return false // an earlier open period takes it
		}
		if c.countedIn(s, g) {
			return false // an earlier closed period took it
		}
	}
	return true
}

// originalLine returns the line a return gives back, as the sale check
// chose it (ReturnedLines); a return stored before that check, naming an
// invoice without its product, falls back on the invoice's earliest line.
func originalLine(invoice []Sale, ret *Sale) *Sale {
	if ls := ReturnedLines(invoice, ret); len(ls) > 0 {
		return &ls[0]
	}
	var best *Sale
	for i := range invoice {
		if o := &invoice[i]; !o.IsReturn() && (best == nil || earlierLine(*o, *best)) {
			best = o
		}
	}
	return best
}

// closedKey names one payee's lines of one rule in one closed period.
type closedKey struct {
	program ID
	rule    string
	payee   Payee
	period  string
}

type closedSum struct {
	amount, basis decimal.Decimal
	points        int64
	unit          Unit
}

// adjustments claws back returns and pays late sales of closed periods of
// the program's kind at the effective rate each rule paid the payee there
// (its reward / its basis). A late sale of a payee the rule paid nothing
// there is counted as the rule pays that sale on its own, where the rule is
// linear in its basis (rate, fund, loyalty, SPIF, referral revenue share).
//
// It is long because it handles, in one pass over the closed periods, the
// cases of a claw-back and of a late sale described above, each needing the
// same effective rates.
func (c *computer) adjustments(pi int, p *Program) {
	if len(c.adjSales) == 0 || p.PeriodKind != c.period.Kind || p.PeriodKind == PeriodCustom {
		return
	}
	sums := make(map[closedKey]*closedSum)
	for i := range c.in.ClosedLines {
		l := &c.in.ClosedLines[i]
		if l.ProgramID != p.ID || l.Adjustment != nil {
			continue
		}
		k := closedKey{l.ProgramID, l.RuleKey, l.Payee, l.Period}
		s := sums[k]
		if s == nil {
			s = &closedSum{unit: l.Unit}
			sums[k] = s
		}
		s.amount = s.amount.Add(l.Amount)
		s.points += l.Points
		s.basis = s.basis.Add(l.Basis)
	}
	// A claw-back follows what was paid, whatever the payee is now; a late
	// sale paid on its own needs the payee eligible as in any period.
	pc := &progCtx{idx: pi, p: p, period: c.period, from: 0, to: Date(1 << 30), eligible: make([]bool, len(c.partners)), em: &c.adj}
	eligible := make([]bool, len(c.partners))
	for i := range pc.eligible {
		pc.eligible[i] = true
		eligible[i] = Eligible(p, &c.partners[i], c.tiers[i])
	}
	var buf []credit
	for ri := range p.Rules {
		r := &p.Rules[ri]
		var m *ruleMatch
		switch r.Kind {
		case RuleRate, RuleTarget, RuleFund:
			m = c.newRuleMatch(pc, r, basisValue(r), false, nil)
		case RuleLoyalty:
			m = c.newRuleMatch(pc, r, basisValue(r), r.Loyalty.ToRep, nil)
		case RuleDealReg, RuleReferral:
			m = c.newRuleMatch(pc, r, valueNet, false, nil)
		case RuleSPIF:
			sp := r.SPIF
			v := valueQty
			switch {
			case sp.Rate.IsPositive():
				v = valueNet
			case sp.PerDeal:
				v = valueDeals
			}
			m = c.newRuleMatch(pc, r, v, true, sp.SKUs)
			m.from, m.to = sp.From, sp.To
			if m.to.IsZero() {
				m.to = Date(1 << 30)
			}
		default:
			continue // training and activity count their own records, never sales
		}
		units := m.value != valueNet
		for _, a := range c.adjSales {
			if r.Kind == RuleDealReg && a.s.RegistrationID == 0 {
				continue
			}
			if a.orig < p.ValidFrom || !p.ValidTo.IsZero() && a.orig > p.ValidTo {
				continue
			}
			rec := saleRec{full: a.full, cust: -1, date: a.orig, partner: c.partnerIndex(a.s.PartnerID), rep: c.repIndex(a.s.RepID),
				product: c.productIndex(a.s.ProductID), class: classOf(a.s), splits: len(a.s.Splits) > 0, ret: a.s.IsReturn()}
			if r.Kind == RuleReferral {
				buf = c.referralCredits(pc, r, &rec, m, buf)
			} else {
				buf = c.credits(&rec, m, buf)
			}
			for _, cr := range buf {
				payee, partnerID, pi := c.payee(cr.slot)
				sum := sums[closedKey{p.ID, r.Key, payee, a.rateKey}]
				if sum == nil && (pi < 0 || !eligible[pi]) {
					continue
				}
				l, ok := c.adjustLine(r, a, cr.value, units, sum, pi)
				if !ok {
					continue
				}
				l.Payee, l.PartnerID = payee, partnerID
				c.emit(pc, ri, l, a.rateKey+"\x00"+a.invoice, a.s.ID)
			}
		}
	}
}

// adjustLine prices one payee's credit of an adjusting sale under rule r:
// at the effective rate of the closed period's lines when it has any with a
// basis, else (a late sale only) as the rule pays that credit on its own.
func (c *computer) adjustLine(r *Rule, a adjSale, value decimal.Decimal, units bool, s *closedSum, pi int32) (RewardLine, bool) {
	u := unitOf(r)
	var full, rate decimal.Decimal
	switch {
	case s != nil && !s.basis.IsZero():
		paid := s.amount
		if u == UnitPoints {
			paid = decimal.NewFromInt(s.points)
		}
		full = value.Mul(paid).DivRound(s.basis, 16)
		rate = paid.DivRound(s.basis, 16)
	case a.late && value.IsPositive():
		var ok bool
		if full, ok = c.standalone(r, value, pi); !ok {
			return RewardLine{}, false
		}
		rate = full.DivRound(value, 16)
	default:
		return RewardLine{}, false // nothing was paid there to claw back
	}
	// The rate is shown as the line used it, to the precision a reader
	// can check: a percentage of revenue, an amount (or points) per unit.
	shown := rate.Mul(hundred).Round(4)
	rateArg := PercentArg("rate", shown)
	if units || u == UnitPoints {
		shown = rate.Round(6)
		rateArg = NumberArg("rate", shown)
		if u != UnitPoints {
			rateArg = MoneyArg("rate", shown, c.cur)
		}
	}
	key := "adjust.return"
	if a.late {
		key = "adjust.late"
	}
	l := RewardLine{Unit: u, Basis: value}
	var amountArg Arg
	if u == UnitPoints {
		// Fractional points are dropped: a claw-back takes back whole points only.
		l.Points = pointsOf(full.Truncate(0))
		amountArg = PointsArg("amount", l.Points)
	} else {
		l.Amount = c.cur.Round(full)
		amountArg = MoneyArg("amount", l.Amount, c.cur)
	}
	l.Explanation = Explanation{Key: key, Args: []Arg{TextArg("rule", r.Name), TextArg("invoice", a.invoice), PeriodArg("original_period", a.rateKey),
		c.basisArg("basis", units, value), rateArg, amountArg}}
	if r.Kind == RuleFund && r.Fund != nil {
		l.Explanation.Args = append(l.Explanation.Args, DateArg("expires", FundExpiresOn(c.period, r.Fund.ValidityDays)))
	}
	l.Adjustment = &Adjustment{OriginalPeriod: a.rateKey, Invoice: a.invoice, SaleID: a.s.ID, EffectiveRate: shown}
	return l, true
}

// standalone is what rule r pays for a credit of value on its own, at full
// precision, tier multiplier included, for the rules whose reward is
// proportional to their basis. Target and deal-registration rules are not:
// a late sale of a payee they paid nothing adjusts nothing.
func (c *computer) standalone(r *Rule, value decimal.Decimal, pi int32) (decimal.Decimal, bool) {
	var full decimal.Decimal
	switch r.Kind {
	case RuleRate:
		full, _ = RateAmount(r, c.tierOf(pi), value, c.period.Key, c.cur)
	case RuleFund:
		full = Percent(value, r.Fund.Rate)
	case RuleLoyalty:
		if !r.Loyalty.Per.IsPositive() {
			return decimal.Zero, false
		}
		// Kept as the exact product over Per: the points are floored once,
		// after the multiplier, below.
		if m, ok := r.TierMultipliers[c.tierOf(pi)]; ok {
			return value.Mul(r.Loyalty.Points).Mul(m).DivRound(r.Loyalty.Per, 32), true
		}
		return value.Mul(r.Loyalty.Points).DivRound(r.Loyalty.Per, 32), true
	case RuleReferral:
		full = Percent(value, r.Referral.Rate)
	case RuleSPIF:
		if r.SPIF.Rate.IsPositive() {
			full = Percent(value, r.SPIF.Rate)
		} else {
			full = value.Mul(r.SPIF.Amount)
		}
	default:
		return decimal.Zero, false
	}
	if m, ok := r.TierMultipliers[c.tierOf(pi)]; ok {
		full = full.Mul(m)
	}
	return full, true
}

// referralCredits returns the credit of an adjusting sale under a referral
// rule's revenue share, by the same test the period's own sales pass.
func (c *computer) referralCredits(pc *progCtx, r *Rule, rec *saleRec, m *ruleMatch, dst []credit) []credit {
	dst = dst[:0]
	if r.Referral == nil || !r.Referral.Rate.IsPositive() {
		return dst
	}
	slot, v, ok := c.referralShare(pc, r, rec, m, c.customers().lookup(c.kept[rec.full].Customer))
	if !ok {
		return dst
	}
	_, _, pi := c.payee(slot)
	return append(dst, credit{slot: slot, partner: pi, value: v})
}

// reconKey groups lines that Reconcile compares.
type reconKey struct {
	program ID
	rule    string
	payee   Payee
	unit    Unit
	adj     Adjustment
}

func reconKeyOf(l *RewardLine) reconKey {
	k := reconKey{program: l.ProgramID, rule: l.RuleKey, payee: l.Payee, unit: l.Unit}
	if l.Adjustment != nil {
		k.adj = Adjustment{OriginalPeriod: l.Adjustment.OriginalPeriod, Invoice: l.Adjustment.Invoice, SaleID: l.Adjustment.SaleID}
	}
	return k
}

// Reconcile merges a fresh computation of a period with the lines of the
// same period already approved or paid (kept). For every group of program,
// rule, payee, unit and adjustment identity that has kept lines, it returns
// only one draft line for the difference fresh - kept (none when they agree),
// explained "adjust.recompute"; groups without kept lines pass through
// unchanged. Approving the result never pays anything twice.
//
// It is long because it is one pass over the groups with the cases
// described above (no kept lines, a difference, a kept group gone), sharing
// the group index.
func Reconcile(fresh []RewardLine, kept []RewardLine) []RewardLine {
	if len(kept) == 0 {
		// Nothing approved yet (the usual first run): every line passes
		// through, copied in one allocation rather than grown line by line.
		if len(fresh) == 0 {
			return nil
		}
		return slices.Clone(fresh)
	}
	type agg struct {
		amount, basis decimal.Decimal
		points        int64
		first         *RewardLine
	}
	keptBy := make(map[reconKey]*agg)
	for i := range kept {
		l := &kept[i]
		k := reconKeyOf(l)
		a := keptBy[k]
		if a == nil {
			a = &agg{first: l}
			keptBy[k] = a
		}
		a.amount = a.amount.Add(l.Amount)
		a.basis = a.basis.Add(l.Basis)
		a.points += l.Points
	}
	freshBy := make(map[reconKey]*agg)
	var order []reconKey
	var out []RewardLine
	for i := range fresh {
		l := &fresh[i]
		k := reconKeyOf(l)
		if keptBy[k] == nil {
			out = append(out, *l)
			continue
		}
		a := freshBy[k]
		if a == nil {
			a = &agg{first: l}
			freshBy[k] = a
			order = append(order, k)
		}
		a.amount = a.amount.Add(l.Amount)
		a.basis = a.basis.Add(l.Basis)
		a.points += l.Points
	}
	// Kept groups that no longer compute at all are reversed in full.
	var gone []reconKey
	for k := range keptBy {
		if freshBy[k] == nil {
			gone = append(gone, k)
		}
	}
	slices.SortFunc(gone, func(a, b reconKey) int {
		return cmp.Or(cmp.Compare(a.program, b.program), cmp.Compare(a.rule, b.rule), cmp.Compare(a.payee.Kind, b.payee.Kind),
			cmp.Compare(a.payee.ID, b.payee.ID), cmp.Compare(a.unit, b.unit), cmp.Compare(a.adj.OriginalPeriod, b.adj.OriginalPeriod),
			cmp.Compare(a.adj.Invoice, b.adj.Invoice), cmp.Compare(a.adj.SaleID, b.adj.SaleID))
	})
	for _, k := range gone {
		freshBy[k] = &agg{}
		order = append(order, k)
	}
	for _, k := range order {
		f, kp := freshBy[k], keptBy[k]
		da, dp := f.amount.Sub(kp.amount), f.points-kp.points
		if da.IsZero() && dp == 0 {
			continue
		}
		src := kp.first
		if f.first != nil {
			src = f.first
		}
		rule := TextArg("rule", k.rule)
		if a, ok := src.Explanation.Arg("rule"); ok {
			rule = a
		}
		l := RewardLine{Period: src.Period, ProgramID: k.program, RuleKey: k.rule, Payee: k.payee, PartnerID: src.PartnerID, Unit: k.unit,
			Amount: da, Points: dp, Basis: f.basis.Sub(kp.basis), Status: LineDraft}
		if src.Adjustment != nil {
			adj := *src.Adjustment
			l.Adjustment = &adj
		}
		var fa, ka, am Arg
		if k.unit == UnitPoints {
			fa, ka, am = PointsArg("fresh", f.points), PointsArg("kept", kp.points), PointsArg("amount", dp)
		} else {
			cur := moneyCurrency(src)
			fa, ka, am = MoneyArg("fresh", f.amount, cur), MoneyArg("kept", kp.amount, cur), MoneyArg("amount", da, cur)
		}
		l.Explanation = Explanation{Key: "adjust.recompute", Args: []Arg{rule, PeriodArg("period", src.Period), fa, ka, am}}
		out = append(out, l)
	}
	return out
}

// moneyCurrency finds the currency a line's explanation shows its amount in.
func moneyCurrency(l *RewardLine) Currency {
	for _, a := range l.Explanation.Args {
		if a.Type == ArgMoney && a.Currency != nil {
			return *a.Currency
		}
	}
	return Currency{MinorUnits: 2}
}
