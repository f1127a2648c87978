package engine

import (
	"cmp"
	"slices"

	"github.com/shopspring/decimal"
)

// adjSale is a sale of this period that corrects a closed one: a return of
// a sale dated in a closed period, or a late sale dated in one.
type adjSale struct {
	s       *Sale
	orig    Date // the original sale's date (a return) or the late sale's own date
	late    bool
	invoice string // the invoice the statement names
}

// closed reports whether d falls in a closed period.
func (c *computer) closed(d Date) bool {
	for _, p := range c.in.ClosedPeriods {
		if p.Contains(d) {
			return true
		}
	}
	return false
}

// splitAdjustments separates the period's sales into those that count in
// its basis and those that adjust a closed period.
func (c *computer) splitAdjustments() ([]*Sale, []adjSale) {
	type invKey struct {
		partner ID
		invoice string
	}
	var originals map[invKey][]*Sale
	basis := make([]*Sale, 0, len(c.in.Sales))
	var adj []adjSale
	for i := range c.in.Sales {
		s := &c.in.Sales[i]
		if !c.period.Contains(s.BookDate()) {
			continue
		}
		if len(c.in.ClosedPeriods) > 0 {
			// Only a closed period other than this one is adjusted: computing a
			// closed period again (a simulation) counts its own sales plainly.
			if s.Booked != 0 && !c.period.Contains(s.Date) && c.closed(s.Date) {
				adj = append(adj, adjSale{s: s, orig: s.Date, late: true, invoice: s.Invoice})
				continue
			}
			if s.OriginalInvoice != "" && s.IsReturn() {
				if originals == nil {
					originals = make(map[invKey][]*Sale)
					for j := range c.in.Originals {
						o := &c.in.Originals[j]
						k := invKey{o.PartnerID, o.Invoice}
						originals[k] = append(originals[k], o)
					}
				}
				if o := pickOriginal(originals[invKey{s.PartnerID, s.OriginalInvoice}], s); o != nil && !c.period.Contains(o.Date) && c.closed(o.Date) {
					adj = append(adj, adjSale{s: s, orig: o.Date, invoice: s.OriginalInvoice})
					continue
				}
			}
		}
		basis = append(basis, s)
	}
	return basis, adj
}

// pickOriginal returns the original line a return names: the line of the
// same product if there is one, else the earliest line of the invoice.
func pickOriginal(cands []*Sale, ret *Sale) *Sale {
	var best *Sale
	for _, o := range cands {
		if best == nil || betterOriginal(o, best, ret) {
			best = o
		}
	}
	return best
}

func betterOriginal(o, b, ret *Sale) bool {
	os, bs := o.ProductID == ret.ProductID, b.ProductID == ret.ProductID
	if os != bs {
		return os
	}
	return o.Date < b.Date || o.Date == b.Date && o.ID < b.ID
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
	unit          Unit
}

// adjustments claws back returns and pays late sales of closed periods at
// the effective rate each rule paid the payee there: its reward / its basis.
func (c *computer) adjustments(pi int, p *Program) {
	if len(c.adjSales) == 0 {
		return
	}
	sums := make(map[closedKey]*closedSum)
	for i := range c.in.ClosedLines {
		l := &c.in.ClosedLines[i]
		if l.ProgramID != p.ID || l.Adjustment != nil || l.Unit == UnitPoints {
			continue
		}
		k := closedKey{l.ProgramID, l.RuleKey, l.Payee, l.Period}
		s := sums[k]
		if s == nil {
			s = &closedSum{unit: l.Unit}
			sums[k] = s
		}
		s.amount = s.amount.Add(l.Amount)
		s.basis = s.basis.Add(l.Basis)
	}
	if len(sums) == 0 {
		return
	}
	pc := &progCtx{idx: pi, p: p, period: c.period, from: 0, to: Date(1 << 30), eligible: make([]bool, len(c.partners))}
	for i := range pc.eligible {
		pc.eligible[i] = true // the closed lines prove the payee earned there
	}
	var buf []credit
	for ri := range p.Rules {
		r := &p.Rules[ri]
		var m *ruleMatch
		switch r.Kind {
		case RuleRate, RuleTarget, RuleFund:
			m = c.newRuleMatch(pc, r, basisValue(r), false, nil)
		case RuleDealReg:
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
			continue // referral, training, activity and points do not adjust
		}
		units := m.value != valueNet
		for _, a := range c.adjSales {
			if r.Kind == RuleDealReg && a.s.RegistrationID == 0 {
				continue
			}
			rec := saleRec{s: a.s, date: a.orig, partner: c.partnerIndex(a.s.PartnerID), rep: c.repIndex(a.s.RepID),
				product: c.productIndex(a.s.ProductID), class: classOf(a.s), splits: len(a.s.Splits) > 0, ret: a.s.IsReturn()}
			p0 := ProgramPeriod(p, a.orig, c.fy)
			buf = c.credits(&rec, m, buf)
			for _, cr := range buf {
				payee, partnerID, _ := c.payee(cr.slot)
				s := sums[closedKey{p.ID, r.Key, payee, p0.Key}]
				if s == nil || s.basis.IsZero() {
					continue
				}
				full := cr.value.Mul(s.amount).DivRound(s.basis, 16)
				rate := s.amount.Mul(hundred).DivRound(s.basis, 4)
				rateArg := PercentArg("rate", rate)
				if units {
					rate = s.amount.DivRound(s.basis, 4)
					rateArg = MoneyArg("rate", rate, c.cur)
				}
				key := "adjust.return"
				if a.late {
					key = "adjust.late"
				}
				ex := Explanation{Key: key, Args: []Arg{TextArg("rule", r.Name), TextArg("invoice", a.invoice), PeriodArg("original_period", p0.Key),
					c.basisArg("basis", units, cr.value), rateArg, MoneyArg("amount", c.cur.Round(full), c.cur)}}
				l := RewardLine{Payee: payee, PartnerID: partnerID, Unit: s.unit, Amount: c.cur.Round(full), Basis: cr.value, Explanation: ex,
					Adjustment: &Adjustment{OriginalPeriod: p0.Key, Invoice: a.invoice, SaleID: a.s.ID, EffectiveRate: rate}}
				c.emit(pc, ri, l, p0.Key+"\x00"+a.invoice, a.s.ID)
			}
		}
	}
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
