package app

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"partnerdesk/data"
	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// LeaderLimit is how many payees each leaderboard list holds: the spec's
// "top ten reps of the year".
const LeaderLimit = 10

// ExpiryWindowDays is how far ahead the dashboard looks for fund accruals
// about to expire.
const ExpiryWindowDays = 30

// dashCtx is what every dashboard computation starts from.
type dashCtx struct {
	co   engine.Company
	p    engine.Period
	asOf engine.Date
}

// dashPeriod reads the company and the chosen period (empty: the month
// that contains today) inside tx.
func (s *Service) dashPeriod(tx *data.Tx, period string) (dashCtx, error) {
	co, err := tx.Company()
	if err != nil && !errors.Is(err, engine.ErrNotFound) {
		return dashCtx{}, fmt.Errorf("read company: %w", err)
	}
	co = withCompanyDefaults(co)
	today := s.Today()
	var p engine.Period
	if strings.TrimSpace(period) == "" {
		// The latest month with sales, up to a year back, so the first
		// screen shows figures rather than an empty month just begun.
		p = engine.Month(today)
		for m, i := p, 0; i < 12; m, i = engine.Month(m.Start.AddDays(-1)), i+1 {
			if found, _ := tx.AnySaleBetween(m.Start, m.End); found {
				p = m
				break
			}
		}
	} else if p, err = engine.ParsePeriod(period, co.FiscalYearStart); err != nil {
		return dashCtx{}, usagef("%v", err)
	}
	return dashCtx{co: co, p: p, asOf: min(p.End, today)}, nil
}

// Dashboard computes every figure of the dashboard for period (empty: the
// latest month with sales, else the current month) in one read transaction. Sales are read through the date
// index over the span from the same period a year earlier to its end.
func (s *Service) Dashboard(period string) (views.Dashboard, error) {
	var d views.Dashboard
	err := s.view(func(tx *data.Tx) error {
		c, err := s.dashPeriod(tx, period)
		if err != nil {
			return err
		}
		d, err = buildDashboard(tx, c)
		return err
	})
	if err != nil {
		return views.Dashboard{}, fmt.Errorf("dashboard %s: %w", period, err)
	}
	return d, nil
}

// It is long because it is one read transaction's sequence of the
// dashboard's sections (sales, registrations, tiers, reward lines,
// ledgers), each a short commented block; one walk of the date index covers
// all periods, which separate functions would repeat.
func buildDashboard(tx *data.Tx, c dashCtx) (views.Dashboard, error) {
	co, p, fy := c.co, c.p, c.co.FiscalYearStart
	prev, yb := p.Previous(fy), p.YearBefore(fy)
	d := views.Dashboard{
		Period: p.Key, Previous: prev.Key, YearBefore: yb.Key, Next: p.Next(fy).Key,
		Start: p.Start, End: p.End, Language: co.Language, Currency: co.Currency, AsOf: c.asOf,
	}
	partners, err := data.All[engine.Partner](tx)
	if err != nil {
		return d, fmt.Errorf("partners: %w", err)
	}
	who := newPayeeNames(tx, partners)

	// Sales: one walk of the date index covers the three periods and the
	// twelve months of the chart.
	months := lastTwelveMonths(p)
	monthRev := make([]decimal.Decimal, len(months))
	active := map[engine.ID]bool{}
	lo := min(p.Start, prev.Start, yb.Start, months[0].Start)
	hi := max(p.End, prev.End, yb.End)
	err = tx.SalesBetween(lo, hi, func(x *engine.Sale) error {
		bd := x.BookDate()
		if p.Contains(bd) {
			d.Revenue = d.Revenue.Add(x.Net)
			active[x.PartnerID] = true
			for _, cr := range engine.SaleCredits(x, wholeCredit) {
				active[cr.PartnerID] = true
			}
		}
		if prev.Contains(bd) {
			d.RevenuePrevious = d.RevenuePrevious.Add(x.Net)
		}
		if yb.Contains(bd) {
			d.RevenueYearBefore = d.RevenueYearBefore.Add(x.Net)
		}
		if i := monthIndex(months, bd); i >= 0 {
			monthRev[i] = monthRev[i].Add(x.Net)
		}
		return nil
	})
	if err != nil {
		return d, fmt.Errorf("sales: %w", err)
	}
	d.GrowthPrevious = growth(d.Revenue, d.RevenuePrevious)
	d.GrowthYear = growth(d.Revenue, d.RevenueYearBefore)
	for i, m := range months {
		d.RevenueByMonth = append(d.RevenueByMonth, views.MonthRevenue{Month: m.Key, Revenue: monthRev[i]})
	}

	// Registrations submitted in the period, and their fate.
	err = data.Each(tx, func(r *engine.Registration) error {
		if !p.Contains(r.Submitted) {
			return nil
		}
		active[r.PartnerID] = true
		countRegistration(&d.Registrations, r)
		return nil
	})
	if err != nil {
		return d, fmt.Errorf("registrations: %w", err)
	}
	err = data.Each(tx, func(a *engine.Activity) error {
		if p.Contains(a.Date) {
			active[a.PartnerID] = true
		}
		return nil
	})
	if err != nil {
		return d, fmt.Errorf("activities: %w", err)
	}
	var activeIDs []engine.ID
	for _, pt := range partners {
		if isActivePartner(pt) {
			d.AllActivePartners++
			activeIDs = append(activeIDs, pt.ID)
			if active[pt.ID] {
				d.ActivePartners++
			}
		}
	}

	// Tiers held on the period's first day.
	ladder, history, err := readTiers(tx)
	if err != nil {
		return d, err
	}
	d.Tiers = tierCounts(ladder, tiersOn(ladder, history, activeIDs, p))

	// Reward lines: the period's cost, and each program's spend over its life.
	inside := lineInside(p, fy)
	progs, err := data.All[engine.Program](tx)
	if err != nil {
		return d, fmt.Errorf("programs: %w", err)
	}
	// Spend against each budget over the budget's span, as the programs
	// list, the period review and the approval measure it (programSpend).
	spent, spans, err := programSpend(tx, p.End, fy)
	if err != nil {
		return d, err
	}
	cost := map[engine.ID]*views.ProgramCost{}
	for _, pr := range progs {
		cost[pr.ID] = &views.ProgramCost{ProgramID: pr.ID, Name: pr.Name, Budget: pr.Budget, Spent: spent[pr.ID], BudgetSpan: spans[pr.ID]}
	}
	showProg := map[engine.ID]bool{}
	err = data.Each(tx, func(l *engine.RewardLine) error {
		pc := cost[l.ProgramID]
		if pc == nil {
			pc = &views.ProgramCost{ProgramID: l.ProgramID, Name: fmt.Sprintf("program %d", l.ProgramID)}
			cost[l.ProgramID] = pc
		}
		if !inside(l.Period) {
			return nil
		}
		showProg[l.ProgramID] = true
		switch l.Unit {
		case engine.UnitMoney:
			pc.Cost = pc.Cost.Add(l.Amount)
			d.Cost = d.Cost.Add(l.Amount)
		case engine.UnitPoints:
			pc.Points += l.Points
			d.CostPoints += l.Points
		}
		return nil
	})
	if err != nil {
		return d, fmt.Errorf("reward lines: %w", err)
	}
	d.CostRatio = ratio(d.Cost, d.Revenue)
	for _, pr := range progs {
		if pr.Status == engine.ProgramActive && overlaps(pr, p) {
			showProg[pr.ID] = true
		}
	}
	for id, pc := range cost {
		if showProg[id] {
			pc.CostRatio = ratio(pc.Cost, d.Revenue)
			d.Programs = append(d.Programs, *pc)
		}
	}
	slices.SortFunc(d.Programs, func(a, b views.ProgramCost) int { return cmp.Compare(a.ProgramID, b.ProgramID) })
	d.CostCovers, d.CostLeavesOut = costCoverage(progs, showProg, p, fy)

	if d.Leaders, err = periodLeaders(tx, c, who, LeaderLimit); err != nil {
		return d, err
	}

	// Ledgers on AsOf.
	funds, err := data.All[engine.FundEntry](tx)
	if err != nil {
		return d, fmt.Errorf("fund ledger: %w", err)
	}
	d.Funds = fundPosition(funds, c.asOf)
	pts, err := data.All[engine.PointsEntry](tx)
	if err != nil {
		return d, fmt.Errorf("points ledger: %w", err)
	}
	d.PointsOutstanding = pointsOutstanding(pts, c.asOf)
	return d, nil
}

// growth is (cur - before) / |before| in percent, rounded to 2 places; not
// Valid when there was nothing before to compare with.
func growth(cur, before decimal.Decimal) decimal.NullDecimal {
	if before.IsZero() {
		return decimal.NullDecimal{}
	}
	return decimal.NewNullDecimal(cur.Sub(before).Mul(engine.Hundred()).DivRound(before.Abs(), 2))
}

// ratio is part / whole in percent, rounded to 2 places; not Valid unless
// whole is positive (a cost over no revenue, or over net returns, is no ratio).
func ratio(part, whole decimal.Decimal) decimal.NullDecimal {
	if !whole.IsPositive() {
		return decimal.NullDecimal{}
	}
	return decimal.NewNullDecimal(part.Mul(engine.Hundred()).DivRound(whole, 2))
}

// lastTwelveMonths returns the twelve calendar months ending with the one
// that holds p's last day, oldest first.
func lastTwelveMonths(p engine.Period) []engine.Period {
	last := engine.Month(p.End)
	out := make([]engine.Period, 12)
	for i := range out {
		out[i] = engine.Month(last.Start.AddMonths(i - 11))
	}
	return out
}

func monthIndex(months []engine.Period, d engine.Date) int {
	if d < months[0].Start || d > months[len(months)-1].End {
		return -1
	}
	i, _ := slices.BinarySearchFunc(months, d, func(m engine.Period, d engine.Date) int {
		switch {
		case m.End < d:
			return -1
		case m.Start > d:
			return 1
		}
		return 0
	})
	return i
}

// lineInside returns a test of whether a reward line's period key lies
// inside p: a quarter holds its months' lines as well as its own, so the
// cost of a quarter counts its monthly programs too, while a month shows
// only the programs that run by the month.
func lineInside(p engine.Period, fy time.Month) func(key string) bool {
	memo := map[string]bool{}
	return func(key string) bool {
		in, ok := memo[key]
		if !ok {
			lp, err := engine.ParsePeriod(key, fy)
			in = err == nil && lp.Start >= p.Start && lp.End <= p.End
			memo[key] = in
		}
		return in
	}
}

// costCoverage splits the programs the dashboard shows into those whose
// own periods fit inside p, whose lines the period's cost counts, and
// those whose period is longer (a quarterly program on a month), with the
// key of their period that holds p's first day: a month of a quarterly
// program shows no cost until its quarter is computed, and the screen says
// so instead of showing a bare zero.
func costCoverage(progs []engine.Program, shown map[engine.ID]bool, p engine.Period, fy time.Month) (covers, leavesOut []views.ProgramSpan) {
	for i := range progs {
		pr := &progs[i]
		if !shown[pr.ID] {
			continue
		}
		own := engine.ProgramPeriod(pr, p.Start, fy)
		ps := views.ProgramSpan{ProgramID: pr.ID, Name: pr.Name, Kind: pr.PeriodKind, Period: own.Key}
		if own.Inside(p) {
			covers = append(covers, ps)
		} else {
			leavesOut = append(leavesOut, ps)
		}
	}
	return covers, leavesOut
}

// overlaps reports whether a program's validity window meets p.
func overlaps(pr engine.Program, p engine.Period) bool {
	return pr.ValidFrom <= p.End && (pr.ValidTo.IsZero() || pr.ValidTo >= p.Start)
}

// isActivePartner treats an unset status as active, like the tier review.
func isActivePartner(p engine.Partner) bool {
	return p.Status == engine.StatusActive || p.Status == ""
}

func countRegistration(c *views.RegistrationCounts, r *engine.Registration) {
	c.Submitted++
	if r.Decision == engine.DecisionApproved {
		c.Approved++
	}
	switch r.Outcome {
	case engine.OutcomeWon:
		c.Won++
	case engine.OutcomeLost:
		c.Lost++
	case engine.OutcomeExpired:
		c.Expired++
	}
}

// registrationState reports whether r is in the named state of the
// dashboard's registration figure.
func registrationState(r *engine.Registration, state string) bool {
	switch state {
	case "", "submitted":
		return true
	case "approved":
		return r.Decision == engine.DecisionApproved
	case "won":
		return r.Outcome == engine.OutcomeWon
	case "lost":
		return r.Outcome == engine.OutcomeLost
	case "expired":
		return r.Outcome == engine.OutcomeExpired
	}
	return false
}

// readTiers reads the ladder (empty on a new file) and the tier history.
func readTiers(tx *data.Tx) (engine.TierLadder, []engine.TierChange, error) {
	ladder, err := tx.Ladder()
	if err != nil && !errors.Is(err, engine.ErrNotFound) {
		return ladder, nil, fmt.Errorf("tier ladder: %w", err)
	}
	history, err := data.All[engine.TierChange](tx)
	if err != nil {
		return ladder, nil, fmt.Errorf("tier history: %w", err)
	}
	return ladder, history, nil
}

// tiersOn returns the tier each partner holds for period p.
func tiersOn(l engine.TierLadder, history []engine.TierChange, ids []engine.ID, p engine.Period) map[engine.ID]string {
	by := map[engine.ID][]engine.TierChange{}
	for _, h := range history {
		by[h.PartnerID] = append(by[h.PartnerID], h)
	}
	out := make(map[engine.ID]string, len(ids))
	for _, id := range ids {
		out[id] = engine.TierForPeriod(l, by[id], id, p)
	}
	return out
}

// tierCounts counts partners per tier in ladder order (every level, even
// an empty one), then tiers the ladder no longer has, by name.
func tierCounts(l engine.TierLadder, held map[engine.ID]string) []views.TierCount {
	n := map[string]int{}
	for _, t := range held {
		n[t]++
	}
	var out []views.TierCount
	for _, lv := range l.Levels {
		out = append(out, views.TierCount{Tier: lv.Name, Partners: n[lv.Name]})
		delete(n, lv.Name)
	}
	var rest []string
	for t := range n {
		rest = append(rest, t)
	}
	slices.Sort(rest)
	for _, t := range rest {
		out = append(out, views.TierCount{Tier: t, Partners: n[t]})
	}
	return out
}

// credits sums each payee's share of the period's net sales, as
// engine.SaleCredits gives it: a sale's credit splits when it has them,
// else all of it to its partner and rep.
type credits struct {
	by map[engine.Payee]decimal.Decimal
}

func newCredits() *credits { return &credits{by: map[engine.Payee]decimal.Decimal{}} }

// add credits sale x and returns its credits.
func (c *credits) add(x *engine.Sale) []engine.Credit {
	give := func(k engine.PayeeKind, id engine.ID, amt decimal.Decimal) {
		if id != 0 {
			py := engine.Payee{Kind: k, ID: id}
			c.by[py] = c.by[py].Add(amt)
		}
	}
	crs := engine.SaleCredits(x, wholeCredit)
	for _, cr := range crs {
		give(engine.PayeePartner, cr.PartnerID, cr.Net)
		give(engine.PayeeRep, cr.RepID, cr.Net)
	}
	return crs
}

// wholeCredit is the matrix weight outside a rule: a sale credits its whole share.
var wholeCredit = decimal.NewFromInt(1)

// creditTo returns the payee's share of sale x, and whether it has one.
func creditTo(x *engine.Sale, py engine.Payee) (decimal.Decimal, bool) {
	c := newCredits()
	c.add(x)
	amt, ok := c.by[py]
	return amt, ok
}

// payeeNames names partners and reps. Partners are few and loaded whole;
// a rep is read by id the first time it is named, so a dashboard over
// twenty thousand reps decodes only the ten on its board.
type payeeNames struct {
	tx       *data.Tx
	partners map[engine.ID]*engine.Partner
	reps     map[engine.ID]*engine.Rep
}

func newPayeeNames(tx *data.Tx, ps []engine.Partner) *payeeNames {
	n := &payeeNames{tx: tx, partners: make(map[engine.ID]*engine.Partner, len(ps)), reps: map[engine.ID]*engine.Rep{}}
	for i := range ps {
		n.partners[ps[i].ID] = &ps[i]
	}
	return n
}

func (n *payeeNames) partner(id engine.ID) string {
	if p := n.partners[id]; p != nil {
		return p.Name
	}
	if id == 0 {
		return ""
	}
	return fmt.Sprintf("partner %d", id)
}

// repOf returns the rep with id, nil when there is none.
func (n *payeeNames) repOf(id engine.ID) *engine.Rep {
	if id == 0 {
		return nil
	}
	r, ok := n.reps[id]
	if !ok {
		r, _ = data.Get[engine.Rep](n.tx, id)
		n.reps[id] = r
	}
	return r
}

func (n *payeeNames) rep(id engine.ID) string {
	if r := n.repOf(id); r != nil {
		return r.Name
	}
	if id == 0 {
		return ""
	}
	return fmt.Sprintf("rep %d", id)
}

// of returns the payee's name and its partner's name.
func (n *payeeNames) of(py engine.Payee) (name, partner string) {
	if py.Kind == engine.PayeeRep {
		var pid engine.ID
		if r := n.repOf(py.ID); r != nil {
			pid = r.PartnerID
		}
		return n.rep(py.ID), n.partner(pid)
	}
	nm := n.partner(py.ID)
	return nm, nm
}

// Leaderboard ranks the partners and the reps of period by the revenue
// credited to them (engine.SaleCredits: after credit splits, returns
// deducted, by book date) and by the points the period's reward lines
// earned them (a quarter holds its months' lines, see lineInside): the
// dashboard's leaderboard and the leaderboard verb are this one
// computation. limit is how many each list holds (payees tied with the
// last place stay in, up to limit); 0 or less: every payee.
func (s *Service) Leaderboard(period string, limit int) (views.Leaderboard, error) {
	if strings.TrimSpace(period) == "" {
		return views.Leaderboard{}, usagef("the leaderboard needs a period, e.g. 2026-07, 2026-Q3 or FY2026")
	}
	var lb views.Leaderboard
	err := s.view(func(tx *data.Tx) error {
		c, err := s.dashPeriod(tx, period)
		if err != nil {
			return err
		}
		who, err := namesIn(tx)
		if err != nil {
			return err
		}
		lb, err = periodLeaders(tx, c, who, limit)
		return err
	})
	if err != nil {
		return views.Leaderboard{}, fmt.Errorf("leaderboard %s: %w", period, err)
	}
	return lb, nil
}

// periodLeaders reads what the leaderboard ranks: the credits of the
// sales booked in c's period and the points of the reward lines inside it.
func periodLeaders(tx *data.Tx, c dashCtx, who *payeeNames, limit int) (views.Leaderboard, error) {
	credit := newCredits()
	err := tx.SalesBetween(c.p.Start, c.p.End, func(x *engine.Sale) error {
		credit.add(x)
		return nil
	})
	if err != nil {
		return views.Leaderboard{}, fmt.Errorf("sales: %w", err)
	}
	inside := lineInside(c.p, c.co.FiscalYearStart)
	points := map[engine.Payee]int64{}
	err = data.Each(tx, func(l *engine.RewardLine) error {
		if l.Unit == engine.UnitPoints && inside(l.Period) {
			points[l.Payee] += l.Points
		}
		return nil
	})
	if err != nil {
		return views.Leaderboard{}, fmt.Errorf("reward lines: %w", err)
	}
	lb := leaderboard(credit, points, who, limit)
	lb.Period, lb.Currency, lb.Language = c.p.Key, c.co.Currency, c.co.Language
	return lb, nil
}

// leaderboard ranks payees by revenue credited and by points earned in
// the period. Only positive figures rank; ties go by name, then id. Names
// are read only for the payees that can make the board.
func leaderboard(c *credits, points map[engine.Payee]int64, who *payeeNames, limit int) views.Leaderboard {
	type cand struct {
		py   engine.Payee
		val  decimal.Decimal
		name string
	}
	top := func(kind engine.PayeeKind, byRevenue bool) []views.LeaderRow {
		var cs []cand
		if byRevenue {
			for py, amt := range c.by {
				if py.Kind == kind && amt.IsPositive() {
					cs = append(cs, cand{py: py, val: amt})
				}
			}
		} else {
			for py, pts := range points {
				if py.Kind == kind && pts > 0 {
					cs = append(cs, cand{py: py, val: decimal.NewFromInt(pts)})
				}
			}
		}
		slices.SortFunc(cs, func(a, b cand) int { return cmp.Or(b.val.Cmp(a.val), cmp.Compare(a.py.ID, b.py.ID)) })
		// Keep every payee tied with the last place, then order by name.
		n := len(cs)
		if limit > 0 && limit < n {
			n = limit
			for n < len(cs) && cs[n].val.Equal(cs[limit-1].val) {
				n++
			}
		}
		cs = cs[:n]
		for i := range cs {
			cs[i].name, _ = who.of(cs[i].py)
		}
		slices.SortFunc(cs, func(a, b cand) int {
			return cmp.Or(b.val.Cmp(a.val), strings.Compare(a.name, b.name), cmp.Compare(a.py.ID, b.py.ID))
		})
		if limit > 0 && len(cs) > limit {
			cs = cs[:limit]
		}
		rows := make([]views.LeaderRow, len(cs))
		for i, x := range cs {
			name, partner := who.of(x.py)
			rows[i] = views.LeaderRow{Payee: x.py, Name: name, Partner: partner, Revenue: c.by[x.py], Points: points[x.py]}
		}
		return rows
	}
	return views.Leaderboard{
		PartnersByRevenue: top(engine.PayeePartner, true),
		PartnersByPoints:  top(engine.PayeePartner, false),
		RepsByRevenue:     top(engine.PayeeRep, true),
		RepsByPoints:      top(engine.PayeeRep, false),
	}
}

// partnerFunds is one partner's fund on a day.
type partnerFunds struct {
	PartnerID  engine.ID
	Accrued    decimal.Decimal // accruals dated up to the day
	Balance    decimal.Decimal
	Expiring   decimal.Decimal
	NextExpiry engine.Date
	expiring   []engine.FundAccrualState
}

// fundsByPartner returns every partner's fund on asOf, by partner id. An
// accrual is expiring when what is left of it lapses within
// ExpiryWindowDays after asOf.
func fundsByPartner(entries []engine.FundEntry, asOf engine.Date) []partnerFunds {
	by := map[engine.ID][]engine.FundEntry{}
	for _, e := range entries {
		by[e.PartnerID] = append(by[e.PartnerID], e)
	}
	ids := make([]engine.ID, 0, len(by))
	for id := range by {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	var out []partnerFunds
	for _, id := range ids {
		// One model of the ledger (engine.FundLedger): claw-backs lower the
		// balance, and only what is unexpired on asOf can be expiring.
		l := engine.NewFundLedger(by[id], id, asOf)
		f := partnerFunds{PartnerID: id, Accrued: l.Accrued(), Balance: l.Balance()}
		f.Expiring, f.NextExpiry, f.expiring = l.Expiring(ExpiryWindowDays)
		out = append(out, f)
	}
	return out
}

func fundPosition(entries []engine.FundEntry, asOf engine.Date) views.FundPosition {
	fp := views.FundPosition{ExpiringBy: asOf.AddDays(ExpiryWindowDays)}
	for _, f := range fundsByPartner(entries, asOf) {
		fp.Balance = fp.Balance.Add(f.Balance)
		fp.Expiring = fp.Expiring.Add(f.Expiring)
	}
	return fp
}
