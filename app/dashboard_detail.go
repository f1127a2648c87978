package app

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"partnerdesk/data"
	"partnerdesk/engine"
	"partnerdesk/engine/i18n"
	"partnerdesk/engine/views"
)

func intCell(n int) views.Cell { return views.NumberCell(decimal.NewFromInt(int64(n))) }
func idCell(prefix string, id engine.ID) views.Cell {
	return views.TextCell(prefix + strconv.FormatUint(uint64(id), 10))
}

// DashboardDetail returns the rows behind one figure of period's dashboard
// (empty: the current month), read in one transaction. Each table adds up
// to the figure the dashboard shows.
func (s *Service) DashboardDetail(period string, f views.Figure) (views.DetailTable, error) {
	var t views.DetailTable
	err := s.view(func(tx *data.Tx) error {
		c, err := s.dashPeriod(tx, period)
		if err != nil {
			return err
		}
		switch f.Kind {
		case views.FigureRevenue:
			t, err = detailRevenue(tx, c, f.Arg)
		case views.FigureProgramCost:
			t, err = detailCost(tx, c, f.Program)
		case views.FigureActivePartners:
			t, err = detailActive(tx, c)
		case views.FigureTier:
			t, err = detailTier(tx, c, f.Arg)
		case views.FigureLeader:
			t, err = detailLeader(tx, c, f.Payee)
		case views.FigureRegistrations:
			t, err = detailRegistrations(tx, c, f.Arg)
		case views.FigureFunds:
			t, err = detailFunds(tx, c, false)
		case views.FigureExpiring:
			t, err = detailFunds(tx, c, true)
		case views.FigurePoints:
			t, err = detailPoints(tx, c)
		default:
			err = usagef("the dashboard has no figure %q", f.Kind)
		}
		return err
	})
	if err != nil {
		return views.DetailTable{}, fmt.Errorf("dashboard %s, %s: %w", period, f.Kind, err)
	}
	return t, nil
}

func (c dashCtx) money(d decimal.Decimal) string { return i18n.Money(d, c.co.Currency, c.co.Language) }

func (c dashCtx) points(p int64) string { return i18n.Points(p, c.co.Language) + " points" }

func namesIn(tx *data.Tx) (*payeeNames, error) {
	ps, err := data.All[engine.Partner](tx)
	if err != nil {
		return nil, fmt.Errorf("partners: %w", err)
	}
	return newPayeeNames(tx, ps), nil
}

func skus(tx *data.Tx) (map[engine.ID]string, error) {
	out := map[engine.ID]string{}
	err := data.Each(tx, func(p *engine.Product) error { out[p.ID] = p.SKU; return nil })
	if err != nil {
		return nil, fmt.Errorf("products: %w", err)
	}
	return out, nil
}

// saleNote says why a sale reads differently: a return or a late sale.
func saleNote(x *engine.Sale) string {
	var notes []string
	if x.OriginalInvoice != "" {
		notes = append(notes, "return of "+x.OriginalInvoice)
	}
	if x.Booked != 0 && x.Booked != x.Date {
		notes = append(notes, "late, booked "+x.Booked.String())
	}
	if len(x.Splits) > 0 {
		notes = append(notes, fmt.Sprintf("split %d ways", len(x.Splits)))
	}
	return strings.Join(notes, "; ")
}

// detailRevenue lists the sales booked in the period, or in the month arg
// names (one bar of the chart).
func detailRevenue(tx *data.Tx, c dashCtx, arg string) (views.DetailTable, error) {
	win := c.p
	if arg != "" {
		m, err := engine.ParsePeriod(arg, c.co.FiscalYearStart)
		if err != nil {
			return views.DetailTable{}, usagef("%v", err)
		}
		win = m
	}
	who, err := namesIn(tx)
	if err != nil {
		return views.DetailTable{}, err
	}
	sku, err := skus(tx)
	if err != nil {
		return views.DetailTable{}, err
	}
	t := views.DetailTable{Title: "Sales of " + win.Key,
		Columns: []string{"Date", "Invoice", "Line", "Partner", "Rep", "Customer", "Product", "Quantity", "Net", "Note"}}
	total := decimal.Zero
	err = tx.SalesBetween(win.Start, win.End, func(x *engine.Sale) error {
		total = total.Add(x.Net)
		t.Rows = append(t.Rows, []views.Cell{views.DateCell(x.Date), views.TextCell(x.Invoice), intCell(x.Line),
			views.TextCell(who.partner(x.PartnerID)), views.TextCell(who.rep(x.RepID)), views.TextCell(x.Customer),
			views.TextCell(sku[x.ProductID]), views.NumberCell(x.Quantity), views.MoneyCell(x.Net), views.TextCell(saleNote(x))})
		return nil
	})
	if err != nil {
		return t, fmt.Errorf("sales: %w", err)
	}
	t.Total = fmt.Sprintf("%d sales, total %s", len(t.Rows), c.money(total))
	return t, nil
}

// programNames gives each program's name and its rules' names.
type programNames map[engine.ID]*engine.Program

func (pn programNames) rule(id engine.ID, key string) string {
	if p := pn[id]; p != nil {
		for _, r := range p.Rules {
			if r.Key == key {
				return r.Name
			}
		}
	}
	return key
}

func (pn programNames) name(id engine.ID) string {
	if p := pn[id]; p != nil {
		return p.Name
	}
	return fmt.Sprintf("program %d", id)
}

func programsIn(tx *data.Tx) (programNames, error) {
	out := programNames{}
	err := data.Each(tx, func(p *engine.Program) error { out[p.ID] = p; return nil })
	if err != nil {
		return nil, fmt.Errorf("programs: %w", err)
	}
	return out, nil
}

// detailCost lists the money and points lines of the period (and of the
// shorter periods inside it) of one program, or of all when prog is 0.
// Lines that pay nothing and fund credits are left out: they are not cost.
func detailCost(tx *data.Tx, c dashCtx, prog engine.ID) (views.DetailTable, error) {
	who, err := namesIn(tx)
	if err != nil {
		return views.DetailTable{}, err
	}
	pn, err := programsIn(tx)
	if err != nil {
		return views.DetailTable{}, err
	}
	t := views.DetailTable{Title: "Reward lines of " + c.p.Key,
		Columns: []string{"Period", "Program", "Rule", "Payee", "Partner", "Status", "Amount", "Points", "Explanation"}}
	if prog != 0 {
		t.Title = pn.name(prog) + " – reward lines of " + c.p.Key
	}
	inside := lineInside(c.p, c.co.FiscalYearStart)
	total, points := decimal.Zero, int64(0)
	err = data.Each(tx, func(l *engine.RewardLine) error {
		if prog != 0 && l.ProgramID != prog || !inside(l.Period) {
			return nil
		}
		if l.Unit != engine.UnitMoney && l.Unit != engine.UnitPoints || l.Amount.IsZero() && l.Points == 0 {
			return nil
		}
		name, partner := who.of(l.Payee)
		total, points = total.Add(l.Amount), points+l.Points
		t.Rows = append(t.Rows, []views.Cell{views.TextCell(l.Period), views.TextCell(pn.name(l.ProgramID)), views.TextCell(pn.rule(l.ProgramID, l.RuleKey)),
			views.TextCell(name), views.TextCell(partner), views.TextCell(string(l.Status)), views.MoneyCell(l.Amount), views.PointsCell(l.Points),
			views.TextCell(i18n.Explain(l.Explanation, c.co.Language))})
		return nil
	})
	if err != nil {
		return t, fmt.Errorf("reward lines: %w", err)
	}
	t.Total = fmt.Sprintf("%d lines, total %s", len(t.Rows), c.money(total))
	if points != 0 {
		t.Total += " and " + c.points(points)
	}
	return t, nil
}

// detailActive lists the active partners that had a sale, a registration
// or an activity in the period, with how many of each.
func detailActive(tx *data.Tx, c dashCtx) (views.DetailTable, error) {
	type act struct {
		sales, regs, acts int
		revenue           decimal.Decimal
	}
	by := map[engine.ID]*act{}
	get := func(id engine.ID) *act {
		a := by[id]
		if a == nil {
			a = &act{}
			by[id] = a
		}
		return a
	}
	err := tx.SalesBetween(c.p.Start, c.p.End, func(x *engine.Sale) error {
		for _, cr := range engine.SaleCredits(x, wholeCredit) {
			a := get(cr.PartnerID)
			a.sales++
			a.revenue = a.revenue.Add(cr.Net)
		}
		return nil
	})
	if err != nil {
		return views.DetailTable{}, fmt.Errorf("sales: %w", err)
	}
	err = data.Each(tx, func(r *engine.Registration) error {
		if c.p.Contains(r.Submitted) {
			get(r.PartnerID).regs++
		}
		return nil
	})
	if err != nil {
		return views.DetailTable{}, fmt.Errorf("registrations: %w", err)
	}
	err = data.Each(tx, func(a *engine.Activity) error {
		if c.p.Contains(a.Date) {
			get(a.PartnerID).acts++
		}
		return nil
	})
	if err != nil {
		return views.DetailTable{}, fmt.Errorf("activities: %w", err)
	}
	partners, err := data.All[engine.Partner](tx)
	if err != nil {
		return views.DetailTable{}, fmt.Errorf("partners: %w", err)
	}
	slices.SortStableFunc(partners, func(a, b engine.Partner) int {
		return strings.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name))
	})
	t := views.DetailTable{Title: "Active partners in " + c.p.Key,
		Columns: []string{"Partner", "Kind", "Country", "Sales", "Revenue", "Registrations", "Activities"}}
	all := 0
	for _, p := range partners {
		if !isActivePartner(p) {
			continue
		}
		all++
		a := by[p.ID]
		if a == nil {
			continue
		}
		t.Rows = append(t.Rows, []views.Cell{views.TextCell(p.Name), views.TextCell(string(p.Kind)), views.TextCell(p.Country),
			intCell(a.sales), views.MoneyCell(a.revenue), intCell(a.regs), intCell(a.acts)})
	}
	t.Total = fmt.Sprintf("%d of %d active partners", len(t.Rows), all)
	return t, nil
}

// detailTier lists the active partners holding tier on the period's first day.
func detailTier(tx *data.Tx, c dashCtx, tier string) (views.DetailTable, error) {
	ladder, history, err := readTiers(tx)
	if err != nil {
		return views.DetailTable{}, err
	}
	partners, err := data.All[engine.Partner](tx)
	if err != nil {
		return views.DetailTable{}, fmt.Errorf("partners: %w", err)
	}
	var ids []engine.ID
	byID := map[engine.ID]engine.Partner{}
	for _, p := range partners {
		if isActivePartner(p) {
			ids = append(ids, p.ID)
			byID[p.ID] = p
		}
	}
	held := tiersOn(ladder, history, ids, c.p)
	// since is the day the tier held on the period's first day took effect.
	since := map[engine.ID]engine.Date{}
	for _, h := range history {
		if h.From <= c.p.Start && h.Tier == held[h.PartnerID] && h.From >= since[h.PartnerID] {
			since[h.PartnerID] = h.From
		}
	}
	label := tier
	if label == "" {
		label = "(none)"
	}
	t := views.DetailTable{Title: "Partners in tier " + label + " on " + c.p.Start.String(),
		Columns: []string{"Partner", "Kind", "Segment", "Country", "Since"}}
	for _, id := range ids {
		if held[id] != tier {
			continue
		}
		p := byID[id]
		t.Rows = append(t.Rows, []views.Cell{views.TextCell(p.Name), views.TextCell(string(p.Kind)), views.TextCell(p.Segment), views.TextCell(p.Country), views.DateCell(since[id])})
	}
	slices.SortStableFunc(t.Rows, func(a, b []views.Cell) int {
		return strings.Compare(strings.ToLower(a[0].Text), strings.ToLower(b[0].Text))
	})
	t.Total = fmt.Sprintf("%d partners", len(t.Rows))
	return t, nil
}

// detailLeader lists what puts a payee on the leaderboard: its share of
// the period's sales and its points lines.
func detailLeader(tx *data.Tx, c dashCtx, py engine.Payee) (views.DetailTable, error) {
	if py.ID == 0 {
		return views.DetailTable{}, usagef("choose a partner or rep of the leaderboard")
	}
	who, err := namesIn(tx)
	if err != nil {
		return views.DetailTable{}, err
	}
	pn, err := programsIn(tx)
	if err != nil {
		return views.DetailTable{}, err
	}
	name, _ := who.of(py)
	t := views.DetailTable{Title: name + " in " + c.p.Key, Columns: []string{"Date", "Source", "Reference", "Detail", "Revenue", "Points"}}
	revenue, points := decimal.Zero, int64(0)
	err = tx.SalesBetween(c.p.Start, c.p.End, func(x *engine.Sale) error {
		amt, ok := creditTo(x, py)
		if !ok {
			return nil
		}
		revenue = revenue.Add(amt)
		t.Rows = append(t.Rows, []views.Cell{views.DateCell(x.BookDate()), views.TextCell("sale"), views.TextCell(fmt.Sprintf("%s/%d", x.Invoice, x.Line)),
			views.TextCell(x.Customer), views.MoneyCell(amt), views.PointsCell(0)})
		return nil
	})
	if err != nil {
		return t, fmt.Errorf("sales: %w", err)
	}
	inside := lineInside(c.p, c.co.FiscalYearStart)
	err = data.Each(tx, func(l *engine.RewardLine) error {
		if l.Payee != py || l.Unit != engine.UnitPoints || l.Points == 0 || !inside(l.Period) {
			return nil
		}
		points += l.Points
		t.Rows = append(t.Rows, []views.Cell{views.DateCell(0), views.TextCell("points " + l.Period), views.TextCell(pn.name(l.ProgramID) + " / " + pn.rule(l.ProgramID, l.RuleKey)),
			views.TextCell(i18n.Explain(l.Explanation, c.co.Language)), views.MoneyCell(decimal.Zero), views.PointsCell(l.Points)})
		return nil
	})
	if err != nil {
		return t, fmt.Errorf("reward lines: %w", err)
	}
	t.Total = fmt.Sprintf("Revenue %s, %s", c.money(revenue), c.points(points))
	return t, nil
}

// detailRegistrations lists the registrations submitted in the period that
// are in state (submitted: all of them).
func detailRegistrations(tx *data.Tx, c dashCtx, state string) (views.DetailTable, error) {
	switch state {
	case "", "submitted", "approved", "won", "lost", "expired":
	default:
		return views.DetailTable{}, usagef("registrations are submitted, approved, won, lost or expired, not %q", state)
	}
	who, err := namesIn(tx)
	if err != nil {
		return views.DetailTable{}, err
	}
	if state == "" {
		state = "submitted"
	}
	t := views.DetailTable{Title: "Registrations " + state + " in " + c.p.Key,
		Columns: []string{"Id", "Submitted", "Partner", "Rep", "Customer", "Expected value", "Decision", "Decided on", "Outcome"}}
	total := decimal.Zero
	err = data.Each(tx, func(r *engine.Registration) error {
		if !c.p.Contains(r.Submitted) || !registrationState(r, state) {
			return nil
		}
		total = total.Add(r.ExpectedValue)
		t.Rows = append(t.Rows, []views.Cell{idCell("", r.ID), views.DateCell(r.Submitted), views.TextCell(who.partner(r.PartnerID)), views.TextCell(who.rep(r.RepID)),
			views.TextCell(r.Customer), views.MoneyCell(r.ExpectedValue), views.TextCell(string(r.Decision)), views.DateCell(r.DecidedOn), views.TextCell(string(r.Outcome))})
		return nil
	})
	if err != nil {
		return t, fmt.Errorf("registrations: %w", err)
	}
	t.Total = fmt.Sprintf("%d registrations, expected value %s", len(t.Rows), c.money(total))
	return t, nil
}

// detailFunds lists each partner's fund on the dashboard's day, or, with
// expiring, each accrual that lapses within the window unless claimed.
func detailFunds(tx *data.Tx, c dashCtx, expiring bool) (views.DetailTable, error) {
	who, err := namesIn(tx)
	if err != nil {
		return views.DetailTable{}, err
	}
	entries, err := data.All[engine.FundEntry](tx)
	if err != nil {
		return views.DetailTable{}, fmt.Errorf("fund ledger: %w", err)
	}
	funds := fundsByPartner(entries, c.asOf)
	by := c.asOf.AddDays(ExpiryWindowDays)
	if expiring {
		t := views.DetailTable{Title: "Fund accruals expiring by " + by.String(),
			Columns: []string{"Partner", "Earned in", "Accrued on", "Expires on", "Accrued", "Left"}}
		total := decimal.Zero
		for _, f := range funds {
			for _, a := range f.expiring {
				total = total.Add(a.Remaining)
				t.Rows = append(t.Rows, []views.Cell{views.TextCell(who.partner(f.PartnerID)), views.TextCell(a.Accrual.Period), views.DateCell(a.Accrual.Date),
					views.DateCell(a.Accrual.ExpiresOn), views.MoneyCell(a.Accrual.Amount), views.MoneyCell(a.Remaining)})
			}
		}
		slices.SortStableFunc(t.Rows, func(a, b []views.Cell) int { return cmp.Compare(a[3].Date, b[3].Date) })
		t.Total = "Expiring " + c.money(total)
		return t, nil
	}
	t := views.DetailTable{Title: "Fund balances on " + c.asOf.String(),
		Columns: []string{"Partner", "Accrued", "Balance", "Expiring by " + by.String(), "Next expiry"}}
	total := decimal.Zero
	for _, f := range funds {
		total = total.Add(f.Balance)
		t.Rows = append(t.Rows, []views.Cell{views.TextCell(who.partner(f.PartnerID)), views.MoneyCell(f.Accrued), views.MoneyCell(f.Balance), views.MoneyCell(f.Expiring), views.DateCell(f.NextExpiry)})
	}
	t.Total = "Balance " + c.money(total)
	return t, nil
}

// detailPoints lists every payee's points on the dashboard's day, largest
// balance first.
func detailPoints(tx *data.Tx, c dashCtx) (views.DetailTable, error) {
	who, err := namesIn(tx)
	if err != nil {
		return views.DetailTable{}, err
	}
	type bal struct{ earned, spent, balance int64 }
	by := map[engine.Payee]*bal{}
	entries, err := data.All[engine.PointsEntry](tx)
	if err != nil {
		return views.DetailTable{}, fmt.Errorf("points ledger: %w", err)
	}
	byPayee := pointsByPayee(entries)
	for _, py := range pointsPayees(entries, c.asOf) {
		v := pointsView(byPayee[py], py, "", c.asOf)
		by[py] = &bal{earned: v.Earned, spent: v.Spent, balance: v.Balance}
	}
	type row struct {
		py            engine.Payee
		name, partner string
		b             *bal
	}
	var rows []row
	var total int64
	for py, b := range by {
		name, partner := who.of(py)
		rows = append(rows, row{py, name, partner, b})
		total += b.balance
	}
	slices.SortFunc(rows, func(a, b row) int {
		return cmp.Or(cmp.Compare(b.b.balance, a.b.balance), strings.Compare(a.name, b.name), strings.Compare(string(a.py.Kind), string(b.py.Kind)), cmp.Compare(a.py.ID, b.py.ID))
	})
	t := views.DetailTable{Title: "Points balances on " + c.asOf.String(), Columns: []string{"Payee", "Kind", "Partner", "Earned", "Spent", "Balance"}}
	for _, r := range rows {
		t.Rows = append(t.Rows, []views.Cell{views.TextCell(r.name), views.TextCell(string(r.py.Kind)), views.TextCell(r.partner), views.PointsCell(r.b.earned), views.PointsCell(r.b.spent), views.PointsCell(r.b.balance)})
	}
	t.Total = "Outstanding " + c.points(total)
	return t, nil
}
