package app

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"partnerdesk/data"
	"partnerdesk/engine"
)

// FundView is a partner's fund on a day.
type FundView struct {
	PartnerID  engine.ID
	Partner    string
	Balance    decimal.Decimal
	Expiring30 decimal.Decimal // what expires in the next 30 days unless claimed
	NextExpiry engine.Date
	Accruals   []engine.FundAccrualState
	Claims     []engine.FundEntry
	Expiries   []engine.FundEntry
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
	if err := s.PostExpiries(due); err != nil {
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
		byPartner := map[engine.ID][]engine.FundEntry{}
		var ids []engine.ID
		for _, e := range entries {
			if only != 0 && e.PartnerID != only {
				continue
			}
			if _, ok := byPartner[e.PartnerID]; !ok {
				ids = append(ids, e.PartnerID)
			}
			byPartner[e.PartnerID] = append(byPartner[e.PartnerID], e)
		}
		if only != 0 && len(ids) == 0 {
			ids = append(ids, only)
		}
		sortBy(ids, func(id engine.ID) string { return fmt.Sprintf("%020d", id) })
		for _, pid := range ids {
			es := byPartner[pid]
			v := FundView{PartnerID: pid, Partner: nm.partners[pid], Balance: engine.FundBalance(es, pid, asOf), Accruals: engine.FundStates(es, pid, asOf)}
			for _, a := range v.Accruals {
				if !a.Expired && a.Remaining.IsPositive() && a.Accrual.ExpiresOn != 0 && a.Accrual.ExpiresOn <= asOf.AddDays(30) {
					v.Expiring30 = v.Expiring30.Add(a.Remaining)
					if v.NextExpiry == 0 || a.Accrual.ExpiresOn < v.NextExpiry {
						v.NextExpiry = a.Accrual.ExpiresOn
					}
				}
			}
			for _, e := range es {
				switch e.Kind {
				case engine.FundClaim:
					v.Claims = append(v.Claims, e)
				case engine.FundExpiry:
					v.Expiries = append(v.Expiries, e)
				}
			}
			out = append(out, v)
		}
		return nil
	})
	return out, err
}

// PostExpiries writes the expiry entries due by asOf (use it or lose it).
// It is idempotent: an accrual once expired has nothing left to expire.
func (s *Service) PostExpiries(asOf engine.Date) error {
	return s.update(func(tx *data.Tx) error {
		entries, err := data.All[engine.FundEntry](tx)
		if err != nil {
			return err
		}
		for _, e := range engine.DueExpiries(entries, asOf) {
			if tx.IsClosed(e.Date) {
				// The expiry fell in a period since closed: book it today.
				e.Date = asOf
			}
			if err := tx.Put(&e); err != nil {
				return fmt.Errorf("post fund expiry of partner %d: %w", e.PartnerID, err)
			}
		}
		return nil
	})
}

// ClaimInput is a fund claim as typed.
type ClaimInput struct {
	Partner   string
	Amount    string
	Date      string // empty: today
	Reference string // proof of spend
	Approve   bool   // decide it at once
}

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
		c.Status = engine.ClaimReimbursed
		if reference != "" {
			c.Reference = strings.TrimSpace(c.Reference + " " + reference)
		}
		return tx.Put(c)
	})
}

// PointsView is one payee's points.
type PointsView struct {
	Payee   engine.Payee
	Name    string
	Balance int64
	Earned  int64
	Spent   int64 // redeemed and expired, as a positive number
}

// Points returns the points balance of every payee that has points (or of
// the one ref names) on asOf.
func (s *Service) Points(ref string, asOf engine.Date) ([]PointsView, error) {
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
		by := map[engine.Payee]*PointsView{}
		var order []engine.Payee
		for _, e := range entries {
			if e.Date > asOf {
				continue
			}
			v := by[e.Payee]
			if v == nil {
				v = &PointsView{Payee: e.Payee, Name: nm.payee(e.Payee)}
				by[e.Payee] = v
				order = append(order, e.Payee)
			}
			v.Balance += e.Points
			if e.Points > 0 {
				v.Earned += e.Points
			} else {
				v.Spent -= e.Points
			}
		}
		for _, p := range order {
			v := by[p]
			if ref != "" && !matchPayee(ref, p, v.Name) {
				continue
			}
			out = append(out, *v)
		}
		sortBy(out, func(v PointsView) string { return fmt.Sprintf("%s%020d", v.Payee.Kind, v.Payee.ID) })
		return nil
	})
	return out, err
}

// RedeemInput is a redemption as typed.
type RedeemInput struct {
	Payee   string // "P12", "R7" or a name
	Points  int64
	Against string // voucher, co-branded material...
	Date    string
}

// Redeem records points spent against something; the balance never goes
// below zero: a redemption larger than it is refused and nothing is written.
func (s *Service) Redeem(in RedeemInput) (engine.PointsEntry, error) {
	var e engine.PointsEntry
	err := s.update(func(tx *data.Tx) error {
		if in.Points <= 0 {
			return &engine.ValidationError{Field: "points", Reason: "redeem a positive number of points"}
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
		// Later entries count too: a redemption back-dated before points
		// were spent must not let the balance dip below zero afterwards.
		bal := engine.PointsBalance(entries, payee, engine.Date(1<<30))
		if at := engine.PointsBalance(entries, payee, day); at < bal {
			bal = at
		}
		if in.Points > bal {
			return &engine.ValidationError{Field: "points", Reason: fmt.Sprintf("the balance is %d points; %d cannot be redeemed", bal, in.Points)}
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

func (s *Service) dayOrToday(field, text string) (engine.Date, error) {
	if strings.TrimSpace(text) == "" {
		return s.Today(), nil
	}
	d, err := engine.ParseDate(strings.TrimSpace(text))
	if err != nil {
		return 0, &engine.ValidationError{Field: field, Reason: err.Error()}
	}
	return d, nil
}

// YTD is a payee's year to date: what the statement shows.
type YTD struct {
	Year    engine.Period
	Rewards decimal.Decimal // approved and paid money lines of periods ending in the year up to the period
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
			if l.Payee != payee || l.Status == engine.LineDraft && l.Period != p.Key {
				return nil
			}
			lp, err := engine.ParsePeriod(l.Period, co.FiscalYearStart)
			if err != nil || lp.End < y.Start || lp.End > p.End {
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
