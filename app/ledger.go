package app

import (
	"errors"
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"partnerdesk/data"
	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// FundView is a partner's fund on a day (views.FundView).
type FundView = views.FundView

// fundView reads one partner's fund on asOf from the ledger model.
func fundView(entries []engine.FundEntry, partnerID engine.ID, name string, asOf engine.Date) FundView {
	l := engine.NewFundLedger(entries, partnerID, asOf)
	v := FundView{PartnerID: partnerID, Partner: name, Accrued: l.Accrued(), Balance: l.Balance(), Debt: l.Debt,
		Accruals: l.Accruals, Clawbacks: l.Clawbacks, Claims: l.Claims, Expiries: l.Expiries}
	v.Expiring30, v.NextExpiry, _ = l.Expiring(ExpiryWindowDays)
	for _, c := range l.Claims {
		if c.Status == engine.ClaimRequested {
			v.Waiting++
		}
	}
	v.Ledger = fundLedgerRows(l)
	return v
}

// Funds returns the fund of every partner that has one (or of the partner
// ref names), as of asOf, after posting the expiries due by then.
func (s *Service) Funds(ref string, asOf engine.Date) ([]FundView, error) {
	// Expiries are booked up to today only; a view of a later day shows
	// them without writing what has not happened yet.
	due := asOf
	if today := s.Today(); due > today {
		due = today
	}
	// Read-only (a shared look at the file), the expiries due stay
	// unposted: the ledger model already counts them as expired.
	if err := s.PostExpiries(due); err != nil && !errors.Is(err, data.ErrReadOnly) {
		return nil, err
	}
	var out []FundView
	err := s.view(func(tx *data.Tx) error {
		entries, err := data.All[engine.FundEntry](tx)
		if err != nil {
			return err
		}
		var only engine.ID
		if ref != "" {
			p, err := findPartner(tx, ref)
			if err != nil {
				return &engine.ValidationError{Field: "partner", Reason: err.Error()}
			}
			only = p.ID
		}
		nm, err := loadNames(tx)
		if err != nil {
			return err
		}
		by := map[engine.ID][]engine.FundEntry{}
		var ids []engine.ID
		for _, e := range entries {
			if only != 0 && e.PartnerID != only {
				continue
			}
			if _, ok := by[e.PartnerID]; !ok {
				ids = append(ids, e.PartnerID)
			}
			by[e.PartnerID] = append(by[e.PartnerID], e)
		}
		if only != 0 && len(ids) == 0 {
			ids = append(ids, only)
		}
		sortBy(ids, func(id engine.ID) string { return fmt.Sprintf("%020d", id) })
		for _, pid := range ids {
			out = append(out, fundView(by[pid], pid, nm.partners[pid], asOf))
		}
		return nil
	})
	return out, err
}

// PostExpiries writes the fund and points expiry entries due by asOf (use
// it or lose it). It is idempotent: an accrual or lot once expired has
// nothing left to expire. With nothing due it writes nothing, so that a
// database opened read-only can still be read.
func (s *Service) PostExpiries(asOf engine.Date) error {
	due := false
	err := s.view(func(tx *data.Tx) error {
		fe, err := data.All[engine.FundEntry](tx)
		if err != nil {
			return err
		}
		pe, err := data.All[engine.PointsEntry](tx)
		if err != nil {
			return err
		}
		due = len(engine.DueExpiries(fe, asOf)) > 0 || len(engine.DuePointsExpiries(pe, asOf)) > 0
		return nil
	})
	if err != nil || !due {
		return err
	}
	return s.update(func(tx *data.Tx) error {
		entries, err := data.All[engine.FundEntry](tx)
		if err != nil {
			return err
		}
		for _, e := range engine.DueExpiries(entries, asOf) {
			if tx.IsClosed(e.Date) {
				// The expiry fell in a period since closed: book it today
				// (not on asOf, which may lie in a closed period too).
				e.Date = s.Today()
			}
			if err := tx.Put(&e); err != nil {
				return fmt.Errorf("post fund expiry of partner %d: %w", e.PartnerID, err)
			}
		}
		pts, err := data.All[engine.PointsEntry](tx)
		if err != nil {
			return err
		}
		for _, e := range engine.DuePointsExpiries(pts, asOf) {
			if tx.IsClosed(e.Date) {
				e.Date = s.Today()
			}
			if err := tx.Put(&e); err != nil {
				return fmt.Errorf("post points expiry of %s %d: %w", e.Payee.Kind, e.Payee.ID, err)
			}
		}
		return nil
	})
}

// ClaimInput is a fund claim as typed (views.ClaimInput).
type ClaimInput = views.ClaimInput

// Claim records a claim against a partner's fund; with Approve it is
// approved at once, up to the available balance, oldest accruals first.
func (s *Service) Claim(in ClaimInput) (engine.FundEntry, error) {
	var claim engine.FundEntry
	err := s.update(func(tx *data.Tx) error {
		p, err := findPartner(tx, in.Partner)
		if err != nil {
			return &engine.ValidationError{Field: "partner", Reason: err.Error()}
		}
		amt, err := parseMoney("amount", in.Amount)
		if err != nil {
			return err
		}
		if e := engine.CheckAmount("amount", amt); e != nil {
			return e
		}
		if !amt.IsPositive() {
			return &engine.ValidationError{Field: "amount", Reason: "a claim is a positive amount"}
		}
		day, err := s.dayOrToday("date", in.Date)
		if err != nil {
			return err
		}
		claim = engine.FundEntry{PartnerID: p.ID, Kind: engine.FundClaim, Date: day, Amount: amt, Status: engine.ClaimRequested, Reference: strings.TrimSpace(in.Reference)}
		if in.Approve {
			if err := decideClaim(tx, &claim, true); err != nil {
				return err
			}
		}
		return tx.Put(&claim)
	})
	return claim, err
}

// DecideClaim approves (up to the balance) or rejects a requested claim.
func (s *Service) DecideClaim(id engine.ID, approve bool) (engine.FundEntry, error) {
	var claim engine.FundEntry
	err := s.update(func(tx *data.Tx) error {
		c, err := data.Get[engine.FundEntry](tx, id)
		if err != nil || c.Kind != engine.FundClaim {
			return &engine.ValidationError{Field: "claim", Reason: fmt.Sprintf("there is no claim %d", id)}
		}
		if c.Status != engine.ClaimRequested {
			return &engine.ValidationError{Field: "claim", Reason: fmt.Sprintf("claim %d is already %s", id, c.Status)}
		}
		if err := decideClaim(tx, c, approve); err != nil {
			return err
		}
		claim = *c
		return tx.Put(c)
	})
	return claim, err
}

func decideClaim(tx *data.Tx, c *engine.FundEntry, approve bool) error {
	if !approve {
		c.Status = engine.ClaimRejected
		return nil
	}
	entries, err := data.All[engine.FundEntry](tx)
	if err != nil {
		return err
	}
	approved, draws := engine.DrawClaim(entries, c.PartnerID, c.Date, c.Amount)
	if !approved.IsPositive() {
		return &engine.ValidationError{Field: "amount", Reason: fmt.Sprintf("the partner's fund has nothing available on %s", c.Date)}
	}
	c.Status, c.Approved, c.Draws = engine.ClaimApproved, approved, draws
	return nil
}

// ReimburseClaim marks an approved claim as paid back to the partner.
func (s *Service) ReimburseClaim(id engine.ID, reference string) error {
	return s.update(func(tx *data.Tx) error {
		c, err := data.Get[engine.FundEntry](tx, id)
		if err != nil || c.Kind != engine.FundClaim {
			return &engine.ValidationError{Field: "claim", Reason: fmt.Sprintf("there is no claim %d", id)}
		}
		if c.Status != engine.ClaimApproved {
			return &engine.ValidationError{Field: "claim", Reason: fmt.Sprintf("claim %d is %s: only approved claims are reimbursed", id, c.Status)}
		}
		c.Status, c.ReimbursedOn = engine.ClaimReimbursed, max(s.Today(), c.Date) // the journal's claim-reimbursed day
		if reference != "" {
			c.Reference = strings.TrimSpace(c.Reference + " " + reference)
		}
		return tx.Put(c)
	})
}

// PointsView is one payee's points on a day (views.PointsView).
type PointsView = views.PointsView

// pointsView reads one payee's points on asOf from the ledger model.
func pointsView(entries []engine.PointsEntry, payee engine.Payee, name string, asOf engine.Date) PointsView {
	l := engine.NewPointsLedger(entries, payee, asOf)
	v := PointsView{Payee: payee, Name: name, Balance: l.Balance(), Lots: l.Lots}
	v.Earned, v.Redeemed, v.Expired = l.Totals()
	v.Spent = v.Redeemed + v.Expired
	v.Expiring, v.NextExpiry = l.NextExpiry()
	v.Expiring30, _ = l.Expiring(ExpiryWindowDays)
	v.Ledger = pointsLedgerRows(l)
	return v
}

// Points returns the points balance of every payee that has points (or of
// the one ref names) on asOf, after posting the expiries due by then.
func (s *Service) Points(ref string, asOf engine.Date) ([]PointsView, error) {
	due := asOf
	if today := s.Today(); due > today {
		due = today
	}
	// Read-only (a shared look at the file), the expiries due stay
	// unposted: the ledger model already counts them as expired.
	if err := s.PostExpiries(due); err != nil && !errors.Is(err, data.ErrReadOnly) {
		return nil, err
	}
	var out []PointsView
	err := s.view(func(tx *data.Tx) error {
		entries, err := data.All[engine.PointsEntry](tx)
		if err != nil {
			return err
		}
		nm, err := loadNames(tx)
		if err != nil {
			return err
		}
		by := pointsByPayee(entries)
		for _, py := range pointsPayees(entries, asOf) {
			name := nm.payee(py)
			if ref != "" && !matchPayee(ref, py, name) {
				continue
			}
			v := pointsView(by[py], py, name, asOf)
			if py.Kind == engine.PayeeRep {
				v.Partner = nm.partners[nm.reps[py.ID].PartnerID]
			}
			out = append(out, v)
		}
		sortBy(out, func(v PointsView) string { return fmt.Sprintf("%s%020d", v.Payee.Kind, v.Payee.ID) })
		return nil
	})
	return out, err
}

// RedeemInput is a redemption as typed (views.RedeemInput).
type RedeemInput = views.RedeemInput

// Redeem records points spent against something; the balance never goes
// below zero: a redemption larger than it is refused and nothing is written.
func (s *Service) Redeem(in RedeemInput) (engine.PointsEntry, error) {
	var e engine.PointsEntry
	err := s.update(func(tx *data.Tx) error {
		if in.Points <= 0 {
			return &engine.ValidationError{Field: "points", Reason: "redeem a positive number of points"}
		}
		if e := engine.CheckPoints("points", in.Points); e != nil {
			return e
		}
		if strings.TrimSpace(in.Against) == "" {
			return &engine.ValidationError{Field: "against", Reason: "say what the points are redeemed against"}
		}
		payee, err := findPayee(tx, in.Payee)
		if err != nil {
			return &engine.ValidationError{Field: "payee", Reason: err.Error()}
		}
		day, err := s.dayOrToday("date", in.Date)
		if err != nil {
			return err
		}
		entries, err := data.All[engine.PointsEntry](tx)
		if err != nil {
			return err
		}
		// What every posted entry left of the points valid that day,
		// oldest first: a back-dated redemption takes neither points spent
		// or expired since nor points earned later.
		bal := engine.PointsAvailable(entries, payee, day)
		if in.Points > bal {
			return &engine.ValidationError{Field: "points", Reason: fmt.Sprintf("%d points are available on %s; %d cannot be redeemed", bal, day, in.Points)}
		}
		e = engine.PointsEntry{Payee: payee, Kind: engine.PointsRedeemed, Date: day, Points: -in.Points, Against: strings.TrimSpace(in.Against)}
		return tx.Put(&e)
	})
	return e, err
}

// findPayee resolves "P12", "R7", a partner (id, name, code) or a rep name.
func findPayee(tx *data.Tx, ref string) (engine.Payee, error) {
	ref = strings.TrimSpace(ref)
	if len(ref) > 1 && (ref[0] == 'R' || ref[0] == 'r') {
		if id, ok := parseID(ref, "R"); ok {
			if _, err := data.Get[engine.Rep](tx, id); err == nil {
				return engine.Payee{Kind: engine.PayeeRep, ID: id}, nil
			}
		}
	}
	if p, err := findPartner(tx, ref); err == nil {
		return engine.Payee{Kind: engine.PayeePartner, ID: p.ID}, nil
	}
	var found []engine.ID
	_ = data.Each(tx, func(r *engine.Rep) error {
		if strings.EqualFold(r.Name, ref) {
			found = append(found, r.ID)
		}
		return nil
	})
	if len(found) == 1 {
		return engine.Payee{Kind: engine.PayeeRep, ID: found[0]}, nil
	}
	if len(found) > 1 {
		return engine.Payee{}, fmt.Errorf("%d reps are named %q: use R and the id", len(found), ref)
	}
	return engine.Payee{}, fmt.Errorf("no partner or rep %q", ref)
}

// DayOrToday reads a date typed on a form or a command line; empty is
// today (the service's clock). A bad one is a *engine.ValidationError on
// field.
func (s *Service) DayOrToday(field, text string) (engine.Date, error) {
	return s.dayOrToday(field, text)
}

func (s *Service) dayOrToday(field, text string) (engine.Date, error) {
	if strings.TrimSpace(text) == "" {
		return s.Today(), nil
	}
	d, err := engine.ParseDate(strings.TrimSpace(text))
	if err != nil {
		return 0, &engine.ValidationError{Field: field, Reason: err.Error()}
	}
	if e := engine.CheckDate(field, d); e != nil {
		return 0, e
	}
	return d, nil
}

// YTD is a payee's year to date: what the statement shows.
type YTD struct {
	Year    engine.Period
	Rewards decimal.Decimal // money lines counted by engine.InYearToDate (any status)
	Points  int64
	Paid    decimal.Decimal // payouts dated in the year up to the period end
}

// YearToDate sums a payee's rewards, points and payouts over the fiscal
// year that contains period p, up to p's end.
func (s *Service) YearToDate(payee engine.Payee, p engine.Period) (YTD, error) {
	co, err := s.Company()
	if err != nil {
		return YTD{}, err
	}
	y := engine.PeriodContaining(engine.PeriodYear, p.End, co.FiscalYearStart)
	out := YTD{Year: y}
	err = s.view(func(tx *data.Tx) error {
		err := data.Each(tx, func(l *engine.RewardLine) error {
			if l.Payee != payee {
				return nil
			}
			lp, err := engine.ParsePeriod(l.Period, co.FiscalYearStart)
			if err != nil || !engine.InYearToDate(lp, p, co.FiscalYearStart) {
				return nil
			}
			if l.Unit == engine.UnitMoney {
				out.Rewards = out.Rewards.Add(l.Amount)
			}
			out.Points += l.Points
			return nil
		})
		if err != nil {
			return err
		}
		return data.Each(tx, func(po *engine.Payout) error {
			if po.Payee == payee && po.Date >= y.Start && po.Date <= p.End {
				out.Paid = out.Paid.Add(po.Amount)
			}
			return nil
		})
	})
	return out, err
}

// postLedgerEntry books an approved line's points or fund movement dated
// date. Earned points carry the expiry of their loyalty rule (validity in
// months from the end of period p, the one that earned them); a fund
// credit the expiry its explanation names or, for an adjustment line, its
// rule's validity from p's end. A negative line is a claw-back: it expires
// nothing of its own (engine.NewFundLedger, engine.NewPointsLedger).
func postLedgerEntry(tx *data.Tx, p engine.Period, l *engine.RewardLine, date engine.Date) error {
	var rule *engine.Rule
	if prog, err := data.Get[engine.Program](tx, l.ProgramID); err == nil {
		for i := range prog.Rules {
			if prog.Rules[i].Key == l.RuleKey {
				rule = &prog.Rules[i]
			}
		}
	}
	switch {
	case l.Unit == engine.UnitPoints && l.Points != 0:
		e := engine.PointsEntry{Payee: l.Payee, Kind: engine.PointsEarned, Date: date, Points: l.Points, LineID: l.ID, Period: p.Key}
		if l.Points > 0 && rule != nil && rule.Loyalty != nil {
			e.ExpiresOn = engine.PointsExpiresOn(p, rule.Loyalty.ValidityMonths)
		}
		if err := tx.Put(&e); err != nil {
			return fmt.Errorf("post points of line %d: %w", l.ID, err)
		}
	case l.Unit == engine.UnitFund && !l.Amount.IsZero():
		expires := engine.Date(0)
		if a, ok := l.Explanation.Arg("expires"); ok {
			expires = a.Date
		} else if l.Amount.IsPositive() && rule != nil && rule.Fund != nil {
			expires = engine.FundExpiresOn(p, rule.Fund.ValidityDays)
		}
		if l.Amount.IsNegative() {
			expires = 0
		}
		e := engine.FundEntry{PartnerID: l.PartnerID, ProgramID: l.ProgramID, Kind: engine.FundAccrual, Date: date,
			Amount: l.Amount, ExpiresOn: expires, Period: p.Key, LineID: l.ID}
		if err := tx.Put(&e); err != nil {
			return fmt.Errorf("post fund accrual of line %d: %w", l.ID, err)
		}
	}
	return nil
}

// LedgerFigures are the fund and points figures of a payee's statement,
// as of the statement's date.
type LedgerFigures struct {
	AsOf            engine.Date
	PointsBalance   int64
	PointsExpiring  int64       // what lapses next unless redeemed
	PointsExpiresOn engine.Date // when (0: nothing will)
	FundBalance     decimal.Decimal
	FundExpiring    decimal.Decimal // expires within ExpiryWindowDays of AsOf unless claimed
	FundExpiresOn   engine.Date
}

// StatementDate is the day a statement of period p printed on today reads
// the ledgers on: the period's end once it has ended, today before.
func StatementDate(p engine.Period, today engine.Date) engine.Date {
	return min(p.End, today)
}

// StatementLedgers returns the fund and points figures of payee's
// statement of period, as of the statement's date (StatementDate).
func (s *Service) StatementLedgers(payee engine.Payee, period string) (LedgerFigures, error) {
	co, err := s.Company()
	if err != nil {
		return LedgerFigures{}, err
	}
	p, err := engine.ParsePeriod(period, co.FiscalYearStart)
	if err != nil {
		return LedgerFigures{}, &engine.ValidationError{Field: "period", Reason: err.Error()}
	}
	var f LedgerFigures
	err = s.view(func(tx *data.Tx) error {
		pts, err := data.All[engine.PointsEntry](tx)
		if err != nil {
			return err
		}
		funds, err := data.All[engine.FundEntry](tx)
		if err != nil {
			return err
		}
		f = statementLedgers(pts, funds, payee, p, s.Today())
		return nil
	})
	return f, err
}

// statementLedgers reads a payee's ledgers for a statement of period p
// printed on today; funds are the partner's entries (nil for a rep).
func statementLedgers(points []engine.PointsEntry, funds []engine.FundEntry, payee engine.Payee, p engine.Period, today engine.Date) LedgerFigures {
	f := LedgerFigures{AsOf: StatementDate(p, today)}
	pl := engine.NewPointsLedger(points, payee, f.AsOf)
	f.PointsBalance = pl.Balance()
	f.PointsExpiring, f.PointsExpiresOn = pl.NextExpiry()
	if payee.Kind == engine.PayeePartner {
		fv := fundView(funds, payee.ID, "", f.AsOf)
		f.FundBalance, f.FundExpiring, f.FundExpiresOn = fv.Balance, fv.Expiring30, fv.NextExpiry
	}
	return f
}

// pointsPayees lists the payees with points entries dated up to asOf, in
// the order of their first entry.
func pointsPayees(entries []engine.PointsEntry, asOf engine.Date) []engine.Payee {
	seen := map[engine.Payee]bool{}
	var out []engine.Payee
	for _, e := range entries {
		if e.Date <= asOf && !seen[e.Payee] {
			seen[e.Payee] = true
			out = append(out, e.Payee)
		}
	}
	return out
}

// pointsByPayee groups points entries by payee, so that each payee's
// ledger reads only its own entries.
func pointsByPayee(entries []engine.PointsEntry) map[engine.Payee][]engine.PointsEntry {
	by := map[engine.Payee][]engine.PointsEntry{}
	for _, e := range entries {
		by[e.Payee] = append(by[e.Payee], e)
	}
	return by
}

// pointsOutstanding is every payee's points balance on asOf added up.
func pointsOutstanding(entries []engine.PointsEntry, asOf engine.Date) int64 {
	var t int64
	by := pointsByPayee(entries)
	for _, py := range pointsPayees(entries, asOf) {
		t += engine.NewPointsLedger(by[py], py, asOf).Balance()
	}
	return t
}
