package app_test

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"partnerdesk/app"
	"partnerdesk/data"
	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// mdf saves a 10 % fund accrual program of period kind k, expiring days
// after each period's end.
func mdf(t *testing.T, svc *app.Service, k engine.PeriodKind, days int) {
	t.Helper()
	prog := engine.Program{Name: "MDF", PeriodKind: k, ValidFrom: engine.MustDate("2026-01-01"), Status: engine.ProgramActive,
		Rules: []engine.Rule{{Key: "mdf", Name: "MDF", Kind: engine.RuleFund, Basis: engine.BasisRevenue,
			Fund: &engine.FundRule{Rate: decimal.NewFromInt(10), ValidityDays: days, Fund: "MDF"}}}}
	_, err := svc.SaveProgram(prog)
	must(t, err)
}

func computeApprove(t *testing.T, svc *app.Service, periods ...string) {
	t.Helper()
	for _, p := range periods {
		_, err := svc.ComputePeriod(p, nil)
		must(t, err)
		_, err = svc.Approve(p, nil, false)
		must(t, err)
	}
}

func oneFund(t *testing.T, svc *app.Service, asOf string) app.FundView {
	t.Helper()
	fv, err := svc.Funds("Alpha Reseller", engine.MustDate(asOf))
	must(t, err)
	if len(fv) != 1 {
		t.Fatalf("funds on %s = %+v, want one partner", asOf, fv)
	}
	return fv[0]
}

// Finding 4 of issue 11. Q1: 10,000.00 sold, 10 % = 1,000.00 accrued,
// claimed in full on 04-10, Q1 closed. Q2: 10 of the 100 units come back
// (-1,000.00, clawed back at Q1's 10 % = -100.00) and 500.00 is sold (50.00
// accrued). The fund is 50 - 100 = -50.00: a claim of 10 on 07-10 is
// refused, the file checks clean (tiny's cleanup), and the claw-back is in
// the view. Before: the claw-back was ignored, the balance read 50.00, the
// claim was approved and check found the fund below zero.
func TestFundClawbackGoesNegative(t *testing.T) {
	svc := tiny(t, "2026-07-15")
	mdf(t, svc, engine.PeriodQuarter, 180)
	orig := sale(t, svc, "2026-02-10", "100", "100", "INV-1")
	computeApprove(t, svc, "2026-Q1")
	_, err := svc.Claim(app.ClaimInput{Partner: "Alpha Reseller", Amount: "1000", Date: "2026-04-10", Approve: true})
	must(t, err)
	_, err = svc.ClosePeriod("2026-Q1")
	must(t, err)
	_, err = svc.AddSale(views.SaleInput{Date: "2026-04-20", Partner: "Alpha Reseller", Rep: "Ada", Customer: orig.Customer, Product: "LIC-1",
		Quantity: "-10", UnitPrice: "100", Invoice: "CN-1", OriginalInvoice: "INV-1"}, false)
	must(t, err)
	sale(t, svc, "2026-05-10", "5", "100", "INV-2")
	computeApprove(t, svc, "2026-Q2")

	f := oneFund(t, svc, "2026-07-10")
	if !f.Balance.Equal(decimal.NewFromInt(-50)) || len(f.Clawbacks) != 1 || !f.Clawbacks[0].Amount.Equal(decimal.NewFromInt(-100)) {
		t.Fatalf("fund = balance %s, claw-backs %+v; want -50.00 after a claw-back of -100.00", f.Balance, f.Clawbacks)
	}
	_, err = svc.Claim(app.ClaimInput{Partner: "Alpha Reseller", Amount: "10", Date: "2026-07-10", Approve: true})
	var ve *engine.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("claim while the fund is negative: err = %v, want a refusal", err)
	}
	// The statement of Q2 shows the negative balance.
	st, err := svc.BuildStatement(engine.Payee{Kind: engine.PayeePartner, ID: f.PartnerID}, "2026-Q2")
	must(t, err)
	if len(st.Summary.Funds) != 1 || !st.Summary.Funds[0].Balance.Equal(decimal.NewFromInt(-50)) {
		t.Errorf("statement funds = %+v, want a balance of -50.00", st.Summary.Funds)
	}
}

// Finding 5 of issue 11. January: 1,000.00 sold, 100.00 accrued on 01-31,
// gone on 02-10 (10 days). On 03-01 the expiry of the 100.00 is posted; a
// claim dated 02-05, when the accrual was still valid, finds it already
// expired and gets nothing. Before: it was approved for 100.00 and the
// accrual was drawn for 200.00.
func TestFundClaimBeforePostedExpiryRefused(t *testing.T) {
	svc := tiny(t, "2026-03-01")
	mdf(t, svc, engine.PeriodMonth, 10)
	sale(t, svc, "2026-01-10", "10", "100", "INV-1")
	computeApprove(t, svc, "2026-01")
	f := oneFund(t, svc, "2026-03-01")
	if len(f.Expiries) != 1 || !f.Expiries[0].Amount.Equal(decimal.NewFromInt(100)) || f.Expiries[0].Date != engine.MustDate("2026-02-10") {
		t.Fatalf("expiries = %+v, want 100.00 on 2026-02-10", f.Expiries)
	}
	c, err := svc.Claim(app.ClaimInput{Partner: "Alpha Reseller", Amount: "100", Date: "2026-02-05", Approve: true})
	if err == nil {
		t.Fatalf("back-dated claim approved: %+v", c)
	}
	if f := oneFund(t, svc, "2026-02-05"); !f.Balance.Equal(decimal.NewFromInt(100)) {
		t.Errorf("balance on 02-05 = %s, want 100.00 (what was there that day)", f.Balance)
	}
}

// Finding 6 of issue 11: a statement reads the funds on its own date and
// counts what expires within 30 days of it. Q1: 1,000.00 accrued, expiring
// 03-31 + 45 = 05-15.
//   - Q1's statement printed on 06-01 reads 03-31: 05-15 is past 03-31 + 30
//     = 04-30, so nothing expires within 30 days; balance 1,000.00. Before:
//     1,000.00, money that had expired by the print date.
//   - Q2's statement printed on 05-01 (Q2 open) reads 05-01: 05-15 is
//     inside 05-31, so 1,000.00 expires within 30 days. Before: 0, the
//     accrual was read as expired on 06-30.
func TestStatementFundExpiringOnStatementDate(t *testing.T) {
	tests := []struct {
		today, period       string
		balance, expiring30 int64
	}{
		{"2026-06-01", "2026-Q1", 1000, 0},
		{"2026-05-01", "2026-Q2", 1000, 1000},
	}
	for _, tt := range tests {
		t.Run(tt.period, func(t *testing.T) {
			svc := tiny(t, tt.today)
			mdf(t, svc, engine.PeriodQuarter, 45)
			sale(t, svc, "2026-02-10", "100", "100", "INV-1")
			computeApprove(t, svc, "2026-Q1")
			f := oneFund(t, svc, "2026-03-31")
			st, err := svc.BuildStatement(engine.Payee{Kind: engine.PayeePartner, ID: f.PartnerID}, tt.period)
			must(t, err)
			if len(st.Summary.Funds) != 1 {
				t.Fatalf("statement funds = %+v, want one", st.Summary.Funds)
			}
			got := st.Summary.Funds[0]
			if !got.Balance.Equal(decimal.NewFromInt(tt.balance)) || !got.ExpiringNext30.Equal(decimal.NewFromInt(tt.expiring30)) {
				t.Errorf("balance %s expiring %s, want %d and %d", got.Balance, got.ExpiringNext30, tt.balance, tt.expiring30)
			}
		})
	}
}

// Finding 7 of issue 11: loyalty points with a validity of 1 month. 1 point
// per 10.00: January's 1,000.00 earn 100 points (earned 01-31, valid
// through 02-28, gone 03-01); February's 500.00 earn 50 (earned 02-28,
// valid through 03-31, gone 04-01).
func TestLoyaltyPointsExpire(t *testing.T) {
	setup := func(t *testing.T) *app.Service {
		svc := tiny(t, "2026-03-15")
		prog := engine.Program{Name: "Marks", PeriodKind: engine.PeriodMonth, ValidFrom: engine.MustDate("2026-01-01"), Status: engine.ProgramActive,
			Rules: []engine.Rule{{Key: "marks", Name: "Marks", Kind: engine.RuleLoyalty, Basis: engine.BasisRevenue,
				Loyalty: &engine.LoyaltyRule{Points: decimal.NewFromInt(1), Per: decimal.NewFromInt(10), ValidityMonths: 1}}}}
		_, err := svc.SaveProgram(prog)
		must(t, err)
		sale(t, svc, "2026-01-10", "10", "100", "INV-1")
		sale(t, svc, "2026-02-10", "5", "100", "INV-2")
		computeApprove(t, svc, "2026-01", "2026-02")
		return svc
	}
	points := func(t *testing.T, svc *app.Service, asOf string) app.PointsView {
		t.Helper()
		pv, err := svc.Points("Alpha Reseller", engine.MustDate(asOf))
		must(t, err)
		if len(pv) != 1 {
			t.Fatalf("points on %s = %+v, want one payee", asOf, pv)
		}
		return pv[0]
	}
	t.Run("redeemed oldest first", func(t *testing.T) {
		svc := setup(t)
		// On 02-28: 150, of which January's 100 go next, on 03-01.
		if v := points(t, svc, "2026-02-28"); v.Balance != 150 || v.Expiring != 100 || v.NextExpiry != engine.MustDate("2026-03-01") {
			t.Fatalf("on 02-28 = %+v, want 150 with 100 going on 2026-03-01", v)
		}
		// 120 redeemed on 02-28 take January's 100 and 20 of February's:
		// nothing expires on 03-01 and 30 remain, going on 04-01.
		_, err := svc.Redeem(app.RedeemInput{Payee: "Alpha Reseller", Points: 120, Against: "voucher", Date: "2026-02-28"})
		must(t, err)
		v := points(t, svc, "2026-03-15")
		if v.Balance != 30 || v.Expired != 0 || v.Redeemed != 120 || v.Expiring != 30 || v.NextExpiry != engine.MustDate("2026-04-01") {
			t.Errorf("on 03-15 = %+v, want 30 left, none expired, 30 going on 2026-04-01", v)
		}
	})
	t.Run("unredeemed expire", func(t *testing.T) {
		svc := setup(t)
		// On 03-15 January's 100 have expired (posted on 03-01): 50 left.
		v := points(t, svc, "2026-03-15")
		if v.Balance != 50 || v.Expired != 100 || v.Earned != 150 {
			t.Fatalf("on 03-15 = %+v, want 50 left of 150 after 100 expired", v)
		}
		// A redemption dated 02-27, before the expiry and before
		// February's points were earned, finds nothing to take.
		_, err := svc.Redeem(app.RedeemInput{Payee: "Alpha Reseller", Points: 10, Against: "mug", Date: "2026-02-27"})
		if err == nil || !strings.Contains(err.Error(), "0 points are available") {
			t.Fatalf("back-dated redemption: err = %v, want 0 points available", err)
		}
		_, err = svc.Redeem(app.RedeemInput{Payee: "Alpha Reseller", Points: 51, Against: "mug", Date: "2026-03-15"})
		if err == nil {
			t.Fatal("redeeming 51 of 50 was accepted")
		}
		_, err = svc.Redeem(app.RedeemInput{Payee: "Alpha Reseller", Points: 50, Against: "mug", Date: "2026-03-15"})
		must(t, err)
		if v := points(t, svc, "2026-03-15"); v.Balance != 0 {
			t.Errorf("after redeeming 50: %+v, want 0", v)
		}
	})
	t.Run("statement figure", func(t *testing.T) {
		svc := setup(t)
		// February's statement (read on 02-28): 150 points, 100 go next.
		f, err := svc.StatementLedgers(points(t, svc, "2026-02-28").Payee, "2026-02")
		must(t, err)
		if f.PointsBalance != 150 || f.PointsExpiring != 100 || f.PointsExpiresOn != engine.MustDate("2026-03-01") {
			t.Errorf("statement figures = %+v, want 150 with 100 going on 2026-03-01", f)
		}
	})
}

// The ledger listing shows each lot with what is left and when it lapses:
// the points of the test above on 03-15, January's 100 expired on 03-01,
// February's 50 left until 04-01.
func TestCLIPointsLots(t *testing.T) {
	db := filepath.Join(t.TempDir(), "lots.db")
	st, err := data.Open(db, data.Options{})
	must(t, err)
	now := engine.MustDate("2026-03-15").Time().Add(9 * time.Hour)
	svc := app.NewService(st, "tester", func() time.Time { return now })
	must(t, svc.SaveCompany(engine.Company{Name: "Tiny Vendor", Currency: engine.NewCurrency("EUR"), FiscalYearStart: time.January, Language: "en"}))
	p := engine.Partner{Name: "Alpha Reseller", Kind: engine.KindReseller, Status: engine.StatusActive, Joined: engine.MustDate("2025-01-01")}
	must(t, svc.SavePartner(&p))
	r := engine.Rep{PartnerID: p.ID, Name: "Ada", Role: "sales", Active: true}
	must(t, svc.SaveRep(&r))
	prod := engine.Product{SKU: "LIC-1", Name: "Licence", Category: "licence", ListPrice: decimal.NewFromInt(100)}
	must(t, svc.SaveProduct(&prod))
	_, err = svc.SaveProgram(engine.Program{Name: "Marks", PeriodKind: engine.PeriodMonth, ValidFrom: engine.MustDate("2026-01-01"), Status: engine.ProgramActive,
		Rules: []engine.Rule{{Key: "marks", Name: "Marks", Kind: engine.RuleLoyalty, Basis: engine.BasisRevenue,
			Loyalty: &engine.LoyaltyRule{Points: decimal.NewFromInt(1), Per: decimal.NewFromInt(10), ValidityMonths: 1}}}})
	must(t, err)
	sale(t, svc, "2026-01-10", "10", "100", "INV-1")
	sale(t, svc, "2026-02-10", "5", "100", "INV-2")
	computeApprove(t, svc, "2026-01", "2026-02")
	must(t, st.Close())

	code, out, errs := run(t, db, "points", "--date", "2026-03-15", "--lots")
	if code != 0 {
		t.Fatalf("points --lots: exit %d, %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 || !strings.Contains(lines[0], "expires_on") {
		t.Fatalf("points --lots =\n%s\nwant a header and two lots", out)
	}
	// Fields: "partner" id lot period earned_on points redeemed expired
	// clawed_back left expires_on. January: 100 earned, 100 expired, 0
	// left, gone 2026-03-01.
	if f := strings.Fields(lines[1]); len(f) != 11 || f[3] != "2026-01" || f[5] != "100" || f[7] != "100" || f[9] != "0" || f[10] != "2026-03-01" {
		t.Errorf("January's lot = %q", lines[1])
	}
	// February: 50 earned, nothing taken, 50 left until 2026-04-01.
	if f := strings.Fields(lines[2]); len(f) != 11 || f[3] != "2026-02" || f[5] != "50" || f[9] != "50" || f[10] != "2026-04-01" {
		t.Errorf("February's lot = %q", lines[2])
	}
	code, out, _ = run(t, db, "points", "--date", "2026-03-15")
	if code != 0 || !strings.Contains(out, "next_expiry") || !strings.Contains(out, "2026-04-01") {
		t.Errorf("points = %d\n%s\nwant 2026-04-01 as next expiry", code, out)
	}
	if rep, err := data.CheckFile(db); err != nil || !rep.OK() {
		t.Errorf("check: %v %v", err, rep)
	}
}

// An expiry that falls in a closed period is booked on the day it is
// posted: January's 100.00 (gone 02-10) is still unposted when January and
// February are closed; reading the fund as of 02-15 on 03-15 books the
// expiry on 03-15, and the balance on 02-15 is 0 either way.
func TestFundExpiryInClosedPeriodBookedToday(t *testing.T) {
	svc := tiny(t, "2026-03-15")
	mdf(t, svc, engine.PeriodMonth, 10)
	sale(t, svc, "2026-01-10", "10", "100", "INV-1")
	computeApprove(t, svc, "2026-01")
	for _, p := range []string{"2026-01", "2026-02"} {
		_, err := svc.ComputePeriod(p, nil)
		must(t, err)
		_, err = svc.ClosePeriod(p)
		must(t, err)
	}
	f := oneFund(t, svc, "2026-02-15")
	if !f.Balance.IsZero() {
		t.Errorf("balance on 02-15 = %s, want 0", f.Balance)
	}
	f = oneFund(t, svc, "2026-03-15")
	if len(f.Expiries) != 1 || f.Expiries[0].Date != engine.MustDate("2026-03-15") || !f.Expiries[0].Amount.Equal(decimal.NewFromInt(100)) {
		t.Errorf("expiries = %+v, want 100.00 booked on 2026-03-15", f.Expiries)
	}
}
