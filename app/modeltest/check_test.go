package modeltest

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/shopspring/decimal"

	"partnerdesk/data"
	"partnerdesk/engine"
)

// checkAll checks every invariant against the store after a step.
func (h *history) checkAll() *invFail {
	rep, err := h.st.Check()
	if err != nil {
		return failf("check", "the check could not run: %v", err)
	}
	if !rep.OK() {
		return failf("check", "%s", strings.Join(rep.Problems, " | "))
	}
	ls, err := h.lines()
	if err != nil {
		return failf("read", "reward lines: %v", err)
	}
	checks := []func([]engine.RewardLine) *invFail{h.checkClosed, h.checkFrozen, h.checkKinds, h.checkAdjustments, h.checkLedgers}
	// The costly checks read nothing but the store and the day: when a step
	// changed neither (a refused operation), they would find what they found.
	var version int
	if err := h.st.View(func(tx *data.Tx) error { version = tx.Version(); return nil }); err != nil {
		return failf("read", "store version: %v", err)
	}
	if version != h.checked.version || h.today != h.checked.day {
		checks = append(checks, h.checkFlat, h.checkStatements, h.checkJournal)
		h.checked.version, h.checked.day = version, h.today
	}
	for _, c := range checks {
		if f := c(ls); f != nil {
			return f
		}
	}
	return nil
}

func lineJSON(l engine.RewardLine) string {
	l.Status, l.PayoutID, l.ApprovedBy, l.ApprovedOn = "", 0, "", 0
	b, _ := json.Marshal(l)
	return string(b)
}

func byPeriod(ls []engine.RewardLine) map[string][]engine.RewardLine {
	out := map[string][]engine.RewardLine{}
	for _, l := range ls {
		out[l.Period] = append(out[l.Period], l)
	}
	return out
}

func fingerprint(ls []engine.RewardLine) string {
	ls = append([]engine.RewardLine(nil), ls...)
	sort.Slice(ls, func(i, j int) bool { return ls[i].ID < ls[j].ID })
	var b strings.Builder
	for _, l := range ls {
		fmt.Fprintf(&b, "%d %s %s|", l.ID, l.Status, lineJSON(l))
	}
	return b.String()
}

// checkClosed learns which periods are closed (a close cascades) and
// checks that a closed period's lines never change.
func (h *history) checkClosed(ls []engine.RewardLine) *invFail {
	states, err := h.svc.Periods()
	if err != nil {
		return failf("read", "period states: %v", err)
	}
	per := byPeriod(ls)
	for _, s := range states {
		if !s.Closed {
			if h.closedNow(s.Key) {
				return failf("closed-reopened", "period %s was closed and is open again", s.Key)
			}
			continue
		}
		if !h.closedNow(s.Key) {
			h.closedAt[s.Key] = h.step
			h.closedLines[s.Key] = fingerprint(per[s.Key])
			continue
		}
		if fp := fingerprint(per[s.Key]); fp != h.closedLines[s.Key] {
			return failf("closed-changed", "the lines of closed period %s changed:\n    at close: %s\n    now:      %s", s.Key, h.closedLines[s.Key], fp)
		}
	}
	return nil
}

// checkFrozen: an approved or paid line never changes (paid stays paid).
func (h *history) checkFrozen(ls []engine.RewardLine) *invFail {
	seen := map[engine.ID]bool{}
	for _, l := range ls {
		seen[l.ID] = true
		f, ok := h.frozen[l.ID]
		if !ok {
			if l.Status != engine.LineDraft {
				h.frozen[l.ID] = frozenLine{json: lineJSON(l), paid: l.Status == engine.LinePaid}
			}
			continue
		}
		if l.Status == engine.LineDraft || f.paid && l.Status != engine.LinePaid {
			return failf("approved-changed", "line %d of %s went back to %s", l.ID, l.Period, l.Status)
		}
		if j := lineJSON(l); j != f.json {
			return failf("approved-changed", "approved line %d of %s changed:\n    was %s\n    now %s", l.ID, l.Period, f.json, j)
		}
		if l.Status == engine.LinePaid && !f.paid {
			f.paid = true
			h.frozen[l.ID] = f
		}
	}
	for id := range h.frozen {
		if !seen[id] {
			return failf("approved-changed", "approved line %d disappeared", id)
		}
	}
	return nil
}

func kindOfKey(key string) engine.PeriodKind {
	switch {
	case strings.HasPrefix(key, "custom:"):
		return engine.PeriodCustom
	case strings.Contains(key, "-Q"):
		return engine.PeriodQuarter
	case len(key) == 4:
		return engine.PeriodYear
	}
	return engine.PeriodMonth
}

func (h *history) program(id engine.ID) *mProgram {
	for _, p := range h.programs {
		if p.p.ID == id {
			return p
		}
	}
	return nil
}

// checkKinds: a program only ever has lines in periods of its own kind.
func (h *history) checkKinds(ls []engine.RewardLine) *invFail {
	for _, l := range ls {
		p := h.program(l.ProgramID)
		if p == nil {
			return failf("line-kind", "line %d belongs to program %d, which the history never made", l.ID, l.ProgramID)
		}
		if k := kindOfKey(l.Period); k != p.p.PeriodKind {
			return failf("line-kind", "line %d (%s, %s %s) of %s program %q lies in %s %s", l.ID, l.RuleKey, payeeRef(l.Payee), l.Amount, p.p.PeriodKind, p.p.Name, k, l.Period)
		}
	}
	return nil
}

func (h *history) sale(id engine.ID) *mSale {
	for _, s := range h.sales {
		if s.id == id {
			return s
		}
	}
	return nil
}

// lateFor reports whether s was entered after its own period of kind k
// had closed.
func (h *history) lateFor(s *mSale, k engine.PeriodKind) bool {
	return h.closedBefore(h.period(k, s.date).Key, s.step)
}

// checkAdjustments: a sale adjusts one rule of one payee in at most one
// period, and only when its own period (a late sale) or its original's
// period (a return) of the program's kind is closed.
func (h *history) checkAdjustments(ls []engine.RewardLine) *invFail {
	type key struct {
		prog  engine.ID
		rule  string
		payee engine.Payee
		sale  engine.ID
	}
	where := map[key]string{}
	for _, l := range ls {
		if l.Adjustment == nil || l.Adjustment.SaleID == 0 {
			continue
		}
		k := key{l.ProgramID, l.RuleKey, l.Payee, l.Adjustment.SaleID}
		if p, ok := where[k]; ok && p != l.Period {
			return failf("double-count", "sale %d adjusts rule %s of %s in %s and again in %s", k.sale, k.rule, payeeRef(k.payee), p, l.Period)
		}
		where[k] = l.Period
		s, p := h.sale(k.sale), h.program(l.ProgramID)
		if s == nil || p == nil {
			return failf("double-count", "adjustment line %d names sale %d, which the history never entered", l.ID, k.sale)
		}
		kind := p.p.PeriodKind
		own := h.period(kind, s.date)
		switch {
		case h.lateFor(s, kind):
		case s.isReturn() && h.period(kind, s.orig.date).Key != own.Key && h.closedNow(h.period(kind, s.orig.date).Key):
		default:
			return failf("double-count", "line %d of %s adjusts rule %s of %s program %q for sale %d dated %s (%s), whose %s %s was open when it was entered and which is no return of a closed period: it counts there plainly",
				l.ID, l.Period, l.RuleKey, kind, p.p.Name, s.id, s.date, s.invoice, kind, own.Key)
		}
	}
	return nil
}

var hundred = decimal.NewFromInt(100)

// linear says what a rule linear in revenue pays per currency unit of
// basis, and whether in points.
func linear(r engine.Rule) (factor decimal.Decimal, points bool, inv string) {
	switch r.Kind {
	case engine.RuleFund:
		return r.Fund.Rate.Div(hundred), false, "fund-sum"
	case engine.RuleLoyalty:
		return r.Loyalty.Points.Div(r.Loyalty.Per), true, "loyalty-sum"
	}
	return r.Rate.Rate.Div(hundred), false, "flat-sum"
}

// lineValue is a line's money, or its points.
func lineValue(l engine.RewardLine, points bool) decimal.Decimal {
	if points {
		return decimal.NewFromInt(l.Points)
	}
	return l.Amount
}

// checkFlat: for every flat-rate revenue rule (and fund accrual, and
// loyalty points to the partner), the sum of its lines over all periods
// (the stored lines of closed periods, a fresh computation of open ones)
// equals rate x the credited basis of every sale, each counted once:
// plainly in its own period (a payee's negative period basis pays nothing),
// or as an adjustment at the effective rate the closed period paid. Money
// is within half a cent a line, points within one point a line (floored).
func (h *history) checkFlat(ls []engine.RewardLine) *invFail {
	for _, mp := range h.programs {
		if len(mp.flat) == 0 {
			continue
		}
		kind := mp.p.PeriodKind
		got := map[string]map[engine.ID]decimal.Decimal{} // rule -> partner -> sum
		inPoints := map[string]bool{}
		for _, rk := range mp.flat {
			got[rk] = map[engine.ID]decimal.Decimal{}
			for _, r := range mp.p.Rules {
				if r.Key == rk {
					_, inPoints[rk], _ = linear(r)
				}
			}
		}
		closedSum := map[string]map[string]map[engine.ID][2]decimal.Decimal{} // rule -> period -> partner -> amount, basis
		for _, l := range ls {
			if l.ProgramID != mp.p.ID || got[l.RuleKey] == nil || !h.closedNow(l.Period) {
				continue
			}
			v := lineValue(l, inPoints[l.RuleKey])
			got[l.RuleKey][l.Payee.ID] = got[l.RuleKey][l.Payee.ID].Add(v)
			if l.Adjustment == nil {
				m := closedSum[l.RuleKey]
				if m == nil {
					m = map[string]map[engine.ID][2]decimal.Decimal{}
					closedSum[l.RuleKey] = m
				}
				if m[l.Period] == nil {
					m[l.Period] = map[engine.ID][2]decimal.Decimal{}
				}
				ab := m[l.Period][l.Payee.ID]
				m[l.Period][l.Payee.ID] = [2]decimal.Decimal{ab[0].Add(v), ab[1].Add(l.Basis)}
			}
		}
		periods := h.periods(kind)
		for _, p := range periods {
			if h.closedNow(p.Key) {
				continue
			}
			sim, err := h.svc.Simulate(mp.p, p.Key)
			if err != nil {
				return failf("simulate", "simulate %q over open %s: %v", mp.p.Name, p.Key, err)
			}
			for _, l := range sim.Lines {
				if got[l.RuleKey] != nil && l.Payee.Kind == engine.PayeePartner {
					got[l.RuleKey][l.Payee.ID] = got[l.RuleKey][l.Payee.ID].Add(lineValue(l, inPoints[l.RuleKey]))
				}
			}
		}
		for _, rk := range mp.flat {
			var factor decimal.Decimal
			var points bool
			inv := ""
			for _, r := range mp.p.Rules {
				if r.Key == rk {
					factor, points, inv = linear(r)
				}
			}
			for _, pt := range h.partners {
				want, terms, why := h.flatExpected(kind, periods, factor, pt.id, closedSum[rk])
				tol := decimal.New(5, -3).Mul(decimal.NewFromInt(int64(terms)))
				if points {
					tol = decimal.NewFromInt(int64(terms))
				}
				if got[rk][pt.id].Sub(want).Abs().GreaterThan(tol) {
					return failf(inv, "rule %s (%s per unit of revenue%s) of %s program %q pays %s %s over all periods; rate x its credited basis gives %s (within %s):\n      %s",
						rk, factor.Round(6), map[bool]string{true: ", in points"}[points], kind, mp.p.Name, pt.name, got[rk][pt.id], want.Round(4), tol, strings.Join(why, "\n      "))
				}
			}
		}
	}
	return nil
}

// flatExpected works out what a flat rule owes partner pid over all
// periods of kind, the number of rounded terms, and how it got there.
func (h *history) flatExpected(kind engine.PeriodKind, periods []engine.Period, factor decimal.Decimal, pid engine.ID, closed map[string]map[engine.ID][2]decimal.Decimal) (decimal.Decimal, int, []string) {
	want := decimal.Zero
	terms := 0
	var why []string
	now := h.step + 1
	// when is the step before which period p's lines were computed: its
	// close, or now for an open period.
	when := func(key string) int {
		if c, ok := h.closedAt[key]; ok {
			return c
		}
		return now
	}
	// eff is the effective rate of the closed period key: its reward over
	// its basis; where the rule paid the payee nothing there, a late sale
	// is paid as the rule pays it alone (the lead's period model).
	eff := func(key string, late bool, credit decimal.Decimal) (decimal.Decimal, string) {
		ab := closed[key][pid]
		switch {
		case !ab[1].IsZero():
			return ab[0].Div(ab[1]), fmt.Sprintf("%s paid %s on %s", key, ab[0], ab[1])
		case late && credit.IsPositive():
			return factor, fmt.Sprintf("the rule's rate (%s paid nothing)", key)
		}
		return decimal.Zero, fmt.Sprintf("nothing paid in %s", key)
	}
	for _, p := range periods {
		t := when(p.Key)
		basis := decimal.Zero
		var in []string
		for _, s := range h.sales {
			c := s.credit(pid)
			if c.IsZero() || s.step >= t || h.period(kind, s.date).Key != p.Key || h.lateFor(s, kind) {
				continue
			}
			if s.isReturn() {
				ho := h.period(kind, s.orig.date).Key
				if ho != p.Key && h.closedBefore(ho, t) {
					continue // an adjustment of its original's period
				}
			}
			basis = basis.Add(c)
			in = append(in, fmt.Sprintf("%d:%s", s.id, c))
		}
		if len(in) == 0 {
			continue
		}
		terms++
		pay := decimal.Zero
		if basis.IsPositive() {
			pay = basis.Mul(factor)
		}
		want = want.Add(pay)
		state := "open"
		if h.closedNow(p.Key) {
			state = fmt.Sprintf("closed after step %d", h.closedAt[p.Key]+1)
		}
		why = append(why, fmt.Sprintf("%s (%s) plain basis %s from sales %s pays %s", p.Key, state, basis, strings.Join(in, " "), pay.Round(4)))
	}
	for _, s := range h.sales {
		c := s.credit(pid)
		if c.IsZero() {
			continue
		}
		own := h.period(kind, s.date).Key
		var src string
		late := false
		switch {
		case h.lateFor(s, kind) && s.isReturn() && h.closedBefore(h.period(kind, s.orig.date).Key, s.step):
			src = h.period(kind, s.orig.date).Key
		case h.lateFor(s, kind):
			src, late = own, true
		case s.isReturn():
			ho := h.period(kind, s.orig.date).Key
			if ho == own || !h.closedBefore(ho, when(own)) || s.step >= when(own) {
				continue
			}
			src = ho
		default:
			continue
		}
		terms++
		r, how := eff(src, late, c)
		pay := c.Mul(r)
		want = want.Add(pay)
		why = append(why, fmt.Sprintf("sale %d (%s dated %s) credit %s adjusts %s at %s: %s", s.id, s.invoice, s.date, c, src, how, pay.Round(4)))
	}
	return want, terms, why
}

// checkStatements: every statement's total equals the lines of the payee
// whose period lies inside it, and year to date chains from one statement
// to the next of the same kind in the fiscal year.
func (h *history) checkStatements(ls []engine.RewardLine) *invFail {
	payees := map[engine.Payee]bool{}
	var order []engine.Payee
	for _, l := range ls {
		if !payees[l.Payee] {
			payees[l.Payee] = true
			order = append(order, l.Payee)
		}
	}
	sort.Slice(order, func(i, j int) bool { return payeeRef(order[i]) < payeeRef(order[j]) })
	spans := map[string]engine.Period{}
	for _, l := range ls {
		if _, ok := spans[l.Period]; !ok {
			p, err := engine.ParsePeriod(l.Period, h.fy)
			if err != nil {
				return failf("line-period", "line %d has period %q: %v", l.ID, l.Period, err)
			}
			spans[l.Period] = p
		}
	}
	for _, k := range periodKinds {
		type ytd struct {
			money decimal.Decimal
			pts   int64
			key   string
		}
		prev := map[engine.Payee]ytd{}
		fy := ""
		for _, s := range h.periods(k) {
			y := engine.PeriodContaining(engine.PeriodYear, s.Start, h.fy).Key
			if y != fy {
				prev, fy = map[engine.Payee]ytd{}, y
			}
			for _, py := range order {
				st, err := h.svc.BuildStatement(py, s.Key)
				if err != nil {
					return failf("statement", "statement of %s for %s: %v", payeeRef(py), s.Key, err)
				}
				money, pts := decimal.Zero, int64(0)
				var ids []string
				for _, l := range ls {
					sp := spans[l.Period]
					if l.Payee != py || sp.Start < s.Start || sp.End > s.End {
						continue
					}
					if l.Unit == engine.UnitMoney {
						money = money.Add(l.Amount)
					}
					pts += l.Points
					if l.Unit != engine.UnitFund {
						ids = append(ids, fmt.Sprintf("%d(%s %s %s/%d)", l.ID, l.Period, l.RuleKey, l.Amount, l.Points))
					}
				}
				if !st.Total().Equal(money) || st.TotalPoints() != pts {
					return failf("statement-total", "the %s statement of %s totals %s and %d points; its lines inside the period give %s and %d points: %s",
						s.Key, payeeRef(py), st.Total(), st.TotalPoints(), money, pts, strings.Join(ids, " "))
				}
				if want := h.creditedSales(py, s); !st.Summary.Sales.Equal(want) {
					return failf("statement-sales", "the %s statement of %s shows sales of %s; the credited revenue of the sales booked in it (after credit splits, a return following its original's) is %s",
						s.Key, payeeRef(py), st.Summary.Sales, want)
				}
				pv := prev[py]
				if !st.YTD.Rewards.Equal(pv.money.Add(st.Total())) || st.YTD.Points != pv.pts+st.TotalPoints() {
					from := "the fiscal year's first statement of this kind"
					if pv.key != "" {
						from = "the " + pv.key + " statement's year to date " + pv.money.String() + fmt.Sprintf(" and %d points", pv.pts)
					}
					return failf("ytd-chain", "the %s statement of %s shows year to date %s and %d points with a total of %s and %d points; %s plus this total gives %s and %d points",
						s.Key, payeeRef(py), st.YTD.Rewards, st.YTD.Points, st.Total(), st.TotalPoints(), from, pv.money.Add(st.Total()), pv.pts+st.TotalPoints())
				}
				prev[py] = ytd{money: st.YTD.Rewards, pts: st.YTD.Points, key: s.Key}
			}
		}
	}
	return nil
}

// creditedSales is the revenue credited to a payee by the sales booked in
// period p, rounded once.
func (h *history) creditedSales(py engine.Payee, p engine.Period) decimal.Decimal {
	sum := decimal.Zero
	for _, s := range h.sales {
		day := s.date
		if s.booked != 0 {
			day = s.booked
		}
		if !p.Contains(day) {
			continue
		}
		for _, sp := range s.creditSplits() {
			if py.Kind == engine.PayeePartner && sp.PartnerID == py.ID || py.Kind == engine.PayeeRep && sp.RepID == py.ID {
				sum = sum.Add(s.net.Mul(sp.Share).Div(hundred))
			}
		}
	}
	return sum.Round(2)
}

// checkLedgers: fund and points ledgers follow the approved lines; no
// accrual is drawn beyond its amount, before it was credited or once it has
// expired; every balance the app shows equals its ledger.
func (h *history) checkLedgers(ls []engine.RewardLine) *invFail {
	fundLines := map[engine.ID]decimal.Decimal{}
	pointLines := map[engine.Payee]int64{}
	for _, l := range ls {
		if l.Status == engine.LineDraft {
			continue
		}
		switch l.Unit {
		case engine.UnitFund:
			fundLines[l.PartnerID] = fundLines[l.PartnerID].Add(l.Amount)
		case engine.UnitPoints:
			pointLines[l.Payee] += l.Points
		}
	}
	es, err := h.fundEntries()
	if err != nil {
		return failf("read", "fund entries: %v", err)
	}
	accrued := map[engine.ID]decimal.Decimal{}
	acc := map[engine.ID]engine.FundEntry{}
	for _, e := range es {
		if e.Kind == engine.FundAccrual {
			accrued[e.PartnerID] = accrued[e.PartnerID].Add(e.Amount)
			acc[e.ID] = e
		}
	}
	for _, pt := range h.partners {
		if !accrued[pt.id].Equal(fundLines[pt.id]) {
			return failf("fund-ledger", "the fund ledger of %s accrues %s; its approved fund lines credit %s", pt.name, accrued[pt.id], fundLines[pt.id])
		}
	}
	drawn := map[engine.ID]decimal.Decimal{}
	for _, e := range es {
		if !consumes(e) {
			continue
		}
		total := decimal.Zero
		for _, d := range e.Draws {
			a, ok := acc[d.AccrualID]
			if !ok {
				return failf("fund-draw", "%s %d draws on accrual %d, which does not exist", e.Kind, e.ID, d.AccrualID)
			}
			drawn[d.AccrualID] = drawn[d.AccrualID].Add(d.Amount)
			total = total.Add(d.Amount)
			if e.Kind == engine.FundClaim {
				if a.Date > e.Date {
					return failf("fund-draw", "claim %d dated %s draws %s on accrual %d credited only on %s", e.ID, e.Date, d.Amount, a.ID, a.Date)
				}
				if a.ExpiresOn != 0 && e.Date >= a.ExpiresOn {
					return failf("fund-expired-draw", "claim %d dated %s draws %s on accrual %d (%s of %s), which expired on %s", e.ID, e.Date, d.Amount, a.ID, a.Amount, a.Period, a.ExpiresOn)
				}
			}
		}
		if e.Kind == engine.FundClaim && !total.Equal(e.Approved) {
			return failf("fund-draw", "claim %d approved %s but its draws take %s", e.ID, e.Approved, total)
		}
	}
	for id, d := range drawn {
		if a := acc[id]; d.GreaterThan(decimal.Max(a.Amount, decimal.Zero)) {
			return failf("fund-overdrawn", "accrual %d of partner %d (%s, %s) is drawn for %s", id, a.PartnerID, a.Amount, a.Period, d)
		}
	}
	for _, pt := range h.partners {
		want, over, _ := replayFund(es, pt.id, 1<<30)
		if over != "" {
			return failf("fund-overdrawn", "%s", over)
		}
		want = available(es, pt.id, h.today)
		if got := engine.FundBalance(es, pt.id, h.today); !got.Equal(want) {
			return failf("fund-balance", "the fund balance of %s on %s is %s; its ledger (accruals and claw-backs, less claims and what expired) gives %s", pt.name, h.today, got, want)
		}
	}
	pes, err := h.pointsEntries()
	if err != nil {
		return failf("read", "points entries: %v", err)
	}
	earned := map[engine.Payee]int64{}
	for _, e := range pes {
		if e.Kind == engine.PointsEarned {
			earned[e.Payee] += e.Points
		}
	}
	for py, n := range pointLines {
		if earned[py] != n {
			return failf("points-ledger", "the points ledger of %s earns %d; its approved points lines give %d", payeeRef(py), earned[py], n)
		}
	}
	for py, n := range earned {
		if pointLines[py] != n {
			return failf("points-ledger", "the points ledger of %s earns %d; its approved points lines give %d", payeeRef(py), n, pointLines[py])
		}
	}
	for py := range earned {
		if _, short := replayPoints(pes, py, 1<<30); short != "" {
			return failf("points-overdrawn", "%s: %s", payeeRef(py), short)
		}
		n, _ := replayPoints(pes, py, h.today)
		if got := engine.PointsBalance(pes, py, h.today); got != n {
			return failf("points-balance", "the points balance of %s on %s is %d; its ledger (valid points left, less any claw-back debt) gives %d", payeeRef(py), h.today, got, n)
		}
	}
	return nil
}

// checkJournal posts the whole journal into a trial balance on every day
// up to today: debits equal credits and each liability account equals the
// ledger behind it (approved unpaid rewards, fund balances, claims not yet
// reimbursed, points outstanding), with points carrying no money and at a
// value of 0.01 per point.
func (h *history) checkJournal([]engine.RewardLine) *invFail {
	js, in, err := h.svc.Journal()
	if err != nil {
		return failf("journal", "the journal could not be computed: %v", err)
	}
	for _, pv := range []string{"0", "0.01"} {
		in.PointValue = decimal.RequireFromString(pv)
		if pv != "0" {
			if js, err = engine.Journal(in); err != nil {
				return failf("journal", "the journal at %s a point: %v", pv, err)
			}
		}
		problems, err := engine.ReconcileJournal(in, js, engine.Date(1), h.today)
		if err != nil {
			return failf("journal", "reconcile: %v", err)
		}
		if len(problems) > 0 {
			return failf("journal", "at %s a point: %s", pv, strings.Join(problems, " | "))
		}
	}
	return nil
}
