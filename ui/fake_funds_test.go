package ui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/shopspring/decimal"

	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// fundsFake is the shell's fake back end with the funds and points
// services: one fund (Acme Srl, 1,000.00 accrued on 2026-04-05, expiring
// 2026-08-01) and one rep's points (Ana Ruiz, 800 earned). It keeps the
// claims and redemptions the screen records and refuses what the app
// refuses (a claim that is not a positive amount, a redemption above the
// balance), so the tests assert what it holds afterwards.
type fundsFake struct {
	*fakeBackend
	accrued     decimal.Decimal
	claims      []engine.FundEntry
	earned      int64
	redemptions []engine.PointsEntry
	reimbursed  map[engine.ID]string
	// auditFilters are the filters the audit screen sent, in order.
	auditFilters []views.AuditFilter
}

func newFundsFake() *fundsFake {
	return &fundsFake{fakeBackend: newFake(), accrued: decimal.NewFromInt(1000), earned: 800, reimbursed: map[engine.ID]string{}}
}

// balance is what the fund holds: accrued less approved claims.
func (f *fundsFake) balance() decimal.Decimal {
	b := f.accrued
	for _, c := range f.claims {
		if c.Status == engine.ClaimApproved || c.Status == engine.ClaimReimbursed {
			b = b.Sub(c.Approved)
		}
	}
	return b
}

func (f *fundsFake) pointsLeft() int64 {
	n := f.earned
	for _, r := range f.redemptions {
		n += r.Points
	}
	return n
}

func (f *fundsFake) FundsOverview(asOf string) (views.FundsOverview, error) {
	day := f.today
	if asOf != "" {
		d, err := engine.ParseDate(asOf)
		if err != nil {
			return views.FundsOverview{}, engine.Invalid(FundsAsOf, "%s", err.Error())
		}
		day = d
	}
	fv := views.FundView{PartnerID: 1, Partner: "Acme Srl", Accrued: f.accrued, Balance: f.balance(), NextExpiry: engine.MustDate("2026-08-01"),
		Ledger: []views.LedgerRow{{ID: 1, Date: engine.MustDate("2026-04-05"), Kind: views.LedgerAccrual, Amount: f.accrued, Left: f.balance(), ExpiresOn: engine.MustDate("2026-08-01"), Detail: "2026-Q1"}}}
	fv.Expiring30 = fv.Balance
	for _, c := range f.claims {
		if c.Status == engine.ClaimRequested {
			fv.Waiting++
		}
		fv.Ledger = append(fv.Ledger, views.LedgerRow{ID: c.ID, Date: c.Date, Kind: views.LedgerClaim, Amount: c.Approved.Neg(), Requested: c.Amount, Status: c.Status, Detail: c.Reference})
	}
	pv := views.PointsView{Payee: engine.Payee{Kind: engine.PayeeRep, ID: 11}, Name: "Ana Ruiz", Partner: "Acme Srl", Earned: f.earned, Balance: f.pointsLeft(),
		Ledger: []views.LedgerRow{{ID: 1, Date: engine.MustDate("2026-04-05"), Kind: views.LedgerEarned, Points: f.earned, LeftPoints: f.pointsLeft()}}}
	for _, r := range f.redemptions {
		pv.Redeemed -= r.Points
		pv.Ledger = append(pv.Ledger, views.LedgerRow{ID: r.ID, Date: r.Date, Kind: views.LedgerRedeemed, Points: r.Points, Detail: r.Against})
	}
	return views.FundsOverview{AsOf: day, Funds: []views.FundView{fv}, Points: []views.PointsView{pv}, Currency: f.company.Currency,
		Language: "en", FundsExpiring30: fv.Expiring30}, nil
}

func (f *fundsFake) Claims(status engine.ClaimStatus, ref string) ([]views.ClaimRow, error) {
	var out []views.ClaimRow
	for _, c := range f.claims {
		if status == "" || c.Status == status {
			out = append(out, views.ClaimRow{Claim: c, Partner: "Acme Srl", Approvable: decimal.Min(c.Amount, f.balance())})
		}
	}
	return out, nil
}

func (f *fundsFake) Claim(in views.ClaimInput) (engine.FundEntry, error) {
	if in.Partner != "P1" {
		return engine.FundEntry{}, engine.Invalid(FundsPartner, "no partner has the id, name or referral code %q", in.Partner)
	}
	amt, err := decimal.NewFromString(in.Amount)
	if err != nil || !amt.IsPositive() {
		return engine.FundEntry{}, engine.Invalid(FundsAmount, "a claim is a positive amount")
	}
	day := f.today
	if in.Date != "" {
		if day, err = engine.ParseDate(in.Date); err != nil {
			return engine.FundEntry{}, engine.Invalid(FundsDate, "%s", err.Error())
		}
	}
	c := engine.FundEntry{ID: engine.ID(100 + len(f.claims)), PartnerID: 1, Kind: engine.FundClaim, Date: day, Amount: amt, Status: engine.ClaimRequested, Reference: in.Reference}
	if in.Approve {
		if err := f.approve(&c); err != nil {
			return engine.FundEntry{}, err
		}
	}
	f.claims = append(f.claims, c)
	return c, nil
}

func (f *fundsFake) approve(c *engine.FundEntry) error {
	got := decimal.Min(c.Amount, f.balance())
	if !got.IsPositive() {
		return engine.Invalid(FundsAmount, "the partner's fund has nothing available on %s", c.Date)
	}
	c.Status, c.Approved = engine.ClaimApproved, got
	return nil
}

func (f *fundsFake) claim(id engine.ID) *engine.FundEntry {
	for i := range f.claims {
		if f.claims[i].ID == id {
			return &f.claims[i]
		}
	}
	return nil
}

func (f *fundsFake) DecideClaim(id engine.ID, approve bool) (engine.FundEntry, error) {
	c := f.claim(id)
	if c == nil || c.Status != engine.ClaimRequested {
		return engine.FundEntry{}, engine.Invalid(FundsClaim, "claim %d is not waiting for a decision", id)
	}
	if !approve {
		c.Status = engine.ClaimRejected
		return *c, nil
	}
	if err := f.approve(c); err != nil {
		return engine.FundEntry{}, err
	}
	return *c, nil
}

func (f *fundsFake) ReimburseClaim(id engine.ID, reference string) error {
	c := f.claim(id)
	if c == nil || c.Status != engine.ClaimApproved {
		return engine.Invalid(FundsClaim, "only approved claims are reimbursed")
	}
	c.Status = engine.ClaimReimbursed
	f.reimbursed[id] = reference
	return nil
}

func (f *fundsFake) Redeem(in views.RedeemInput) (engine.PointsEntry, error) {
	if in.Payee != "R11" {
		return engine.PointsEntry{}, engine.Invalid(FundsPayee, "no partner or rep %q", in.Payee)
	}
	if in.Points <= 0 {
		return engine.PointsEntry{}, engine.Invalid(FundsPoints, "redeem a positive number of points")
	}
	if strings.TrimSpace(in.Against) == "" {
		return engine.PointsEntry{}, engine.Invalid(FundsAgainst, "say what the points are redeemed against")
	}
	if left := f.pointsLeft(); in.Points > left {
		return engine.PointsEntry{}, engine.Invalid(FundsPoints, "%d points are available on %s; %d cannot be redeemed", left, f.today, in.Points)
	}
	e := engine.PointsEntry{ID: engine.ID(200 + len(f.redemptions)), Payee: engine.Payee{Kind: engine.PayeeRep, ID: 11}, Kind: engine.PointsRedeemed,
		Date: f.today, Points: -in.Points, Against: in.Against}
	f.redemptions = append(f.redemptions, e)
	return e, nil
}

// shellOver is newTestShell over another back end (a fake with more
// services); confirms records each question asked and answers yes.
func shellOver(tb testing.TB, b Backend) (*Shell, fyne.Window, *[]error, *[]string) {
	tb.Helper()
	a := test.NewTempApp(tb)
	w := test.NewTempWindow(tb, nil)
	s := NewShell(w, a, b)
	w.SetContent(s.Content())
	w.Resize(fyne.NewSize(1280, 800))
	var errs []error
	var asked []string
	s.showError = func(err error) { errs = append(errs, err) }
	s.confirm = func(title, msg string, answer func(bool)) {
		asked = append(asked, fmt.Sprintf("%s: %s", title, msg))
		answer(true)
	}
	s.async = func(f func()) { f() }
	return s, w, &errs, &asked
}
