package app_test

import (
	"errors"
	"testing"

	"github.com/shopspring/decimal"

	"partnerdesk/app"
	"partnerdesk/app/demo"
	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// rowsSum adds up a ledger's rows: money and points.
func rowsSum(rows []views.LedgerRow) (decimal.Decimal, int64) {
	m, p := decimal.Zero, int64(0)
	for _, r := range rows {
		m = m.Add(r.Amount)
		p += r.Points
	}
	return m, p
}

// The claims list and the ledger behind a fund. Q1 sells 100 x 100.00 =
// 10,000.00; 10 % accrues 1,000.00, expiring 03-31 + 180 days = 2026-09-27.
// A claim of 300.00 waits (the fund still reads 1,000.00, the claim moves
// nothing), is approved (700.00 left), a claim of 2,000.00 could be
// approved for 700.00 only; viewed on 2026-10-01 the 700.00 have lapsed
// (due, not yet posted: the clock says 2026-07-15) and the rows add up to 0.
func TestClaimsAndFundLedger(t *testing.T) {
	svc := tiny(t, "2026-07-15")
	mdf(t, svc, engine.PeriodQuarter, 180)
	sale(t, svc, "2026-02-10", "100", "100", "INV-1")
	computeApprove(t, svc, "2026-Q1")
	c, err := svc.Claim(app.ClaimInput{Partner: "Alpha Reseller", Amount: "300", Date: "2026-07-10", Reference: "booth"})
	must(t, err)

	waiting, err := svc.Claims(engine.ClaimRequested, "")
	must(t, err)
	if len(waiting) != 1 || waiting[0].Claim.ID != c.ID || waiting[0].Partner != "Alpha Reseller" || !waiting[0].Approvable.Equal(decimal.NewFromInt(300)) {
		t.Fatalf("waiting claims = %+v, want claim %d of Alpha Reseller approvable for 300", waiting, c.ID)
	}
	check := func(asOf string, balance int64, rows int) app.FundView {
		t.Helper()
		f := oneFund(t, svc, asOf)
		sum, _ := rowsSum(f.Ledger)
		if !f.Balance.Equal(decimal.NewFromInt(balance)) || !sum.Equal(f.Balance) || len(f.Ledger) != rows {
			t.Fatalf("on %s: balance %s, rows %+v (sum %s); want %d in %d rows that add up to it", asOf, f.Balance, f.Ledger, sum, balance, rows)
		}
		return f
	}
	f := check("2026-07-15", 1000, 2)
	if f.Waiting != 1 || f.Ledger[0].Kind != views.LedgerAccrual || !f.Ledger[0].Left.Equal(decimal.NewFromInt(1000)) ||
		f.Ledger[1].Kind != views.LedgerClaim || f.Ledger[1].Status != engine.ClaimRequested || f.Ledger[1].Detail != "booth" {
		t.Errorf("fund = waiting %d, rows %+v", f.Waiting, f.Ledger)
	}

	_, err = svc.DecideClaim(c.ID, true)
	must(t, err)
	f = check("2026-07-15", 700, 2)
	if f.Waiting != 0 || !f.Ledger[1].Amount.Equal(decimal.NewFromInt(-300)) {
		t.Errorf("after approval: waiting %d, claim row %+v", f.Waiting, f.Ledger[1])
	}
	if w, _ := svc.Claims(engine.ClaimRequested, ""); len(w) != 0 {
		t.Errorf("an approved claim still waits: %+v", w)
	}
	big, err := svc.Claim(app.ClaimInput{Partner: "P1", Amount: "2000", Date: "2026-07-12"})
	must(t, err)
	w, err := svc.Claims(engine.ClaimRequested, "Alpha Reseller")
	must(t, err)
	if len(w) != 1 || w[0].Claim.ID != big.ID || !w[0].Approvable.Equal(decimal.NewFromInt(700)) {
		t.Errorf("claim of 2,000 = %+v, want approvable for the 700 left", w)
	}
	must(t, svc.ReimburseClaim(c.ID, "bank 7/20"))
	if r, _ := svc.Claims(engine.ClaimReimbursed, ""); len(r) != 1 || r[0].Claim.ID != c.ID {
		t.Errorf("reimbursed claims = %+v, want claim %d", r, c.ID)
	}
	// 1,000 accrued - 300 claimed - 700 lapsing on 09-27 = 0.
	f = check("2026-10-01", 0, 4)
	if last := f.Ledger[3]; last.Kind != views.LedgerExpiry || !last.Amount.Equal(decimal.NewFromInt(-700)) || last.Date != engine.MustDate("2026-09-27") {
		t.Errorf("last row = %+v, want the 700 lapsing on 2026-09-27", last)
	}
	var ve *engine.ValidationError
	if _, err := svc.Claims("paid", ""); !errors.As(err, &ve) || ve.Field != "status" {
		t.Errorf("status paid: err = %v, want a refusal on status", err)
	}
}

// Over the demo, every fund's and every payee's ledger rows add up to its
// balance, and the overview adds up what expires in 30 days.
func TestLedgerRowsAddUpOverTheDemo(t *testing.T) {
	svc := dashService(t, demo.Generate(1, engine.MustDate("2026-06-30")), "2026-07-05")
	must(t, svc.SettleDemo(engine.MustDate("2026-06-30"), nil))
	ov, err := svc.FundsOverview("")
	must(t, err)
	if ov.AsOf != engine.MustDate("2026-07-05") || len(ov.Funds) == 0 || len(ov.Points) == 0 {
		t.Fatalf("overview on %s: %d funds, %d points; want both on 2026-07-05", ov.AsOf, len(ov.Funds), len(ov.Points))
	}
	exp := decimal.Zero
	for _, f := range ov.Funds {
		if sum, _ := rowsSum(f.Ledger); !sum.Equal(f.Balance) {
			t.Errorf("fund of %s: rows add up to %s, balance %s", f.Partner, sum, f.Balance)
		}
		exp = exp.Add(f.Expiring30)
	}
	var pexp int64
	for _, p := range ov.Points {
		if _, sum := rowsSum(p.Ledger); sum != p.Balance {
			t.Errorf("points of %s: rows add up to %d, balance %d", p.Name, sum, p.Balance)
		}
		if p.Payee.Kind == engine.PayeeRep && p.Partner == "" {
			t.Errorf("rep %s has no partner name", p.Name)
		}
		pexp += p.Expiring30
	}
	if !exp.Equal(ov.FundsExpiring30) || pexp != ov.PointsExpiring30 {
		t.Errorf("expiring: funds %s vs %s, points %d vs %d", ov.FundsExpiring30, exp, ov.PointsExpiring30, pexp)
	}
	if _, err := svc.FundsOverview("31/12/2026"); err == nil {
		t.Error("a date the app cannot read was accepted")
	}
}
