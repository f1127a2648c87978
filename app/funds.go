package app

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"partnerdesk/data"
	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// This file holds what the funds and points screen asks beyond the
// command line's funds, points, claim, claim-decide and redeem: the
// overview of every balance, the ledger behind one, and the claims to
// decide.

// FundsOverview returns every fund and points balance on asOf (empty:
// today), with what lapses in the next ExpiryWindowDays, after posting
// the expiries due (as Funds and Points do).
func (s *Service) FundsOverview(asOf string) (views.FundsOverview, error) {
	day, err := s.dayOrToday("as_of", asOf)
	if err != nil {
		return views.FundsOverview{}, err
	}
	co, err := s.Company()
	if err != nil {
		return views.FundsOverview{}, err
	}
	out := views.FundsOverview{AsOf: day, Currency: co.Currency, Language: co.Language, FundsExpiring30: decimal.Zero}
	if out.Funds, err = s.Funds("", day); err != nil {
		return out, err
	}
	if out.Points, err = s.Points("", day); err != nil {
		return out, err
	}
	for _, f := range out.Funds {
		out.FundsExpiring30 = out.FundsExpiring30.Add(f.Expiring30)
	}
	for _, p := range out.Points {
		out.PointsExpiring30 += p.Expiring30
	}
	return out, nil
}

// Claims returns the fund claims of status (empty: every status) of the
// partner ref names (empty: every partner), oldest first; a requested
// claim says what approving it now would approve.
func (s *Service) Claims(status engine.ClaimStatus, ref string) ([]views.ClaimRow, error) {
	switch status {
	case "", engine.ClaimRequested, engine.ClaimApproved, engine.ClaimRejected, engine.ClaimReimbursed:
	default:
		return nil, &engine.ValidationError{Field: "status", Reason: fmt.Sprintf("%q is not a claim status: requested, approved, rejected or reimbursed", status)}
	}
	var out []views.ClaimRow
	err := s.view(func(tx *data.Tx) error {
		var only engine.ID
		if strings.TrimSpace(ref) != "" {
			p, err := findPartner(tx, ref)
			if err != nil {
				return &engine.ValidationError{Field: "partner", Reason: err.Error()}
			}
			only = p.ID
		}
		entries, err := data.All[engine.FundEntry](tx)
		if err != nil {
			return err
		}
		nm, err := loadNames(tx)
		if err != nil {
			return err
		}
		for _, e := range entries {
			if e.Kind != engine.FundClaim || (status != "" && e.Status != status) || (only != 0 && e.PartnerID != only) {
				continue
			}
			r := views.ClaimRow{Claim: e, Partner: nm.partners[e.PartnerID]}
			if e.Status == engine.ClaimRequested {
				r.Approvable, _ = engine.DrawClaim(entries, e.PartnerID, e.Date, e.Amount)
			}
			out = append(out, r)
		}
		return nil
	})
	slices.SortStableFunc(out, func(a, b views.ClaimRow) int {
		return cmp.Or(cmp.Compare(a.Claim.Date, b.Claim.Date), cmp.Compare(a.Claim.ID, b.Claim.ID))
	})
	return out, err
}

// fundLedgerRows lists every entry behind a fund's balance on the
// ledger's day, oldest first: the rows' amounts add up to the balance
// (an accrual whose day has come shows its lapse even before the expiry
// is posted; a claim not approved moves nothing).
func fundLedgerRows(l engine.FundLedger) []views.LedgerRow {
	var rows []views.LedgerRow
	for _, a := range l.Accruals {
		e := a.Accrual
		rows = append(rows, views.LedgerRow{ID: e.ID, Date: e.Date, Kind: views.LedgerAccrual, Amount: e.Amount,
			Left: a.Left(), ExpiresOn: e.ExpiresOn, Detail: e.Period})
		if a.Expired && a.Remaining.IsPositive() {
			rows = append(rows, views.LedgerRow{Date: e.ExpiresOn, Kind: views.LedgerExpiry, Amount: a.Remaining.Neg(),
				Detail: fmt.Sprintf("accrual %d, due (not yet posted)", e.ID)})
		}
	}
	for _, e := range l.Clawbacks {
		rows = append(rows, views.LedgerRow{ID: e.ID, Date: e.Date, Kind: views.LedgerClawback, Amount: e.Amount, Detail: e.Period})
	}
	for _, e := range l.Claims {
		r := views.LedgerRow{ID: e.ID, Date: e.Date, Kind: views.LedgerClaim, Amount: decimal.Zero, Requested: e.Amount, Status: e.Status, Detail: e.Reference}
		if e.Status == engine.ClaimApproved || e.Status == engine.ClaimReimbursed {
			r.Amount = e.Approved.Neg()
		}
		rows = append(rows, r)
	}
	for _, e := range l.Expiries {
		rows = append(rows, views.LedgerRow{ID: e.ID, Date: e.Date, Kind: views.LedgerExpiry, Amount: e.Amount.Neg(), Detail: e.Period})
	}
	sortLedger(rows)
	return rows
}

// pointsLedgerRows is fundLedgerRows for points: earned lots, claw-backs,
// redemptions and expiries (posted, or due and not yet posted).
func pointsLedgerRows(l engine.PointsLedger) []views.LedgerRow {
	var rows []views.LedgerRow
	for _, lt := range l.Lots {
		e := lt.Earned
		rows = append(rows, views.LedgerRow{ID: e.ID, Date: e.Date, Kind: views.LedgerEarned, Points: e.Points,
			LeftPoints: lt.Left(), ExpiresOn: e.ExpiresOn, Detail: e.Period})
		if lt.Expired && lt.Remaining > 0 {
			rows = append(rows, views.LedgerRow{Date: e.ExpiresOn, Kind: views.LedgerExpired, Points: -lt.Remaining,
				Detail: fmt.Sprintf("earned entry %d, due (not yet posted)", e.ID)})
		}
	}
	for _, e := range l.Clawbacks {
		rows = append(rows, views.LedgerRow{ID: e.ID, Date: e.Date, Kind: views.LedgerClawback, Points: e.Points, Detail: e.Period})
	}
	for _, e := range l.Redemptions {
		rows = append(rows, views.LedgerRow{ID: e.ID, Date: e.Date, Kind: views.LedgerRedeemed, Points: e.Points, Detail: e.Against})
	}
	for _, e := range l.Expiries {
		rows = append(rows, views.LedgerRow{ID: e.ID, Date: e.Date, Kind: views.LedgerExpired, Points: e.Points, Detail: e.Period})
	}
	sortLedger(rows)
	return rows
}

// sortLedger orders rows by date; on one day what came in before what
// went out, then by id.
func sortLedger(rows []views.LedgerRow) {
	in := func(r views.LedgerRow) int {
		if r.Kind == views.LedgerAccrual || r.Kind == views.LedgerEarned {
			return 0
		}
		return 1
	}
	slices.SortStableFunc(rows, func(a, b views.LedgerRow) int {
		return cmp.Or(cmp.Compare(a.Date, b.Date), cmp.Compare(in(a), in(b)), cmp.Compare(a.ID, b.ID))
	})
}

// Ledger returns the fund (a partner only) and points of the partner or
// rep ref names ("P12", "R7", a name or a referral code) on asOf (empty:
// today), each with the entries behind its balance.
func (s *Service) Ledger(ref, asOf string) (*views.FundView, *views.PointsView, error) {
	day, err := s.dayOrToday("date", asOf)
	if err != nil {
		return nil, nil, err
	}
	var payee engine.Payee
	err = s.view(func(tx *data.Tx) error {
		var err error
		if payee, err = findPayee(tx, ref); err != nil {
			return &engine.ValidationError{Field: "payee", Reason: err.Error()}
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	var fv *views.FundView
	if payee.Kind == engine.PayeePartner {
		fs, err := s.Funds(fmt.Sprintf("P%d", payee.ID), day)
		if err != nil {
			return nil, nil, err
		}
		if len(fs) == 1 {
			fv = &fs[0]
		}
	}
	prefix := "P"
	if payee.Kind == engine.PayeeRep {
		prefix = "R"
	}
	ps, err := s.Points(fmt.Sprintf("%s%d", prefix, payee.ID), day)
	if err != nil {
		return nil, nil, err
	}
	pv := &views.PointsView{Payee: payee}
	if len(ps) == 1 {
		pv = &ps[0]
	}
	return fv, pv, nil
}
