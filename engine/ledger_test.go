package engine_test

import (
	"testing"

	"github.com/shopspring/decimal"

	"partnerdesk/engine"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// The fund story of the period-run issue: accruals of 1,000 (Q1, expiring
// 2026-09-27 = Q1 end 03-31 + 180 days) and 500 (Q2, expiring 2026-12-27 =
// 06-30 + 180 days); a claim of 1,200 on 2026-07-15 takes all of Q1's 1,000
// and 200 of Q2's; a claim of 400 more is approved only up to the 300 left;
// nothing of Q2 is left to expire then. Without the second claim, Q2's 300
// expires on 2026-12-27.
func TestFundClaimsOldestFirstAndExpiry(t *testing.T) {
	q1End, q2End := engine.MustDate("2026-03-31"), engine.MustDate("2026-06-30")
	entries := []engine.FundEntry{
		{ID: 1, PartnerID: 7, Kind: engine.FundAccrual, Date: q1End, Amount: dec("1000"), ExpiresOn: q1End.AddDays(180)},
		{ID: 2, PartnerID: 7, Kind: engine.FundAccrual, Date: q2End, Amount: dec("500"), ExpiresOn: q2End.AddDays(180)},
		{ID: 3, PartnerID: 8, Kind: engine.FundAccrual, Date: q2End, Amount: dec("999"), ExpiresOn: q2End.AddDays(180)},
	}
	day := engine.MustDate("2026-07-15")
	if got := engine.FundBalance(entries, 7, day); !got.Equal(dec("1500")) {
		t.Fatalf("balance before claims = %s, want 1500", got)
	}
	approved, draws := engine.DrawClaim(entries, 7, day, dec("1200"))
	if !approved.Equal(dec("1200")) || len(draws) != 2 || draws[0].AccrualID != 1 || !draws[0].Amount.Equal(dec("1000")) || draws[1].AccrualID != 2 || !draws[1].Amount.Equal(dec("200")) {
		t.Fatalf("claim 1200: approved %s draws %+v, want 1200 from 1000 of #1 and 200 of #2", approved, draws)
	}
	entries = append(entries, engine.FundEntry{ID: 4, PartnerID: 7, Kind: engine.FundClaim, Date: day, Amount: dec("1200"), Approved: approved, Status: engine.ClaimApproved, Draws: draws})

	// Expiry at Q2's date without a second claim: 500 - 200 = 300 expires.
	exp := engine.DueExpiries(entries, q2End.AddDays(180))
	if len(exp) != 2 {
		t.Fatalf("due expiries = %+v, want partner 7's 300 and partner 8's 999", exp)
	}
	if exp[0].PartnerID != 7 || !exp[0].Amount.Equal(dec("300")) || exp[0].Date != q2End.AddDays(180) {
		t.Errorf("expiry = %+v, want 300 of partner 7 on %s", exp[0], q2End.AddDays(180))
	}
	// Q1's accrual was fully claimed, so nothing of it expires on 2026-09-27.
	if e := engine.DueExpiries(entries, q1End.AddDays(180)); len(e) != 0 {
		t.Errorf("expiries on Q1's date = %+v, want none", e)
	}
	// A day before Q2's date, nothing is due yet.
	if e := engine.DueExpiries(entries, q2End.AddDays(179)); len(e) != 0 {
		t.Errorf("expiries before the date = %+v, want none", e)
	}

	approved, draws = engine.DrawClaim(entries, 7, day.AddDays(1), dec("400"))
	if !approved.Equal(dec("300")) || len(draws) != 1 || draws[0].AccrualID != 2 {
		t.Fatalf("claim 400: approved %s draws %+v, want 300 from #2", approved, draws)
	}
	entries = append(entries, engine.FundEntry{ID: 5, PartnerID: 7, Kind: engine.FundClaim, Date: day.AddDays(1), Amount: dec("400"), Approved: approved, Status: engine.ClaimApproved, Draws: draws})
	if got := engine.FundBalance(entries, 7, day.AddDays(1)); !got.IsZero() {
		t.Errorf("balance after both claims = %s, want 0", got)
	}
	if e := engine.DueExpiries(entries, q2End.AddDays(180)); len(e) != 1 || e[0].PartnerID != 8 {
		t.Errorf("expiries after both claims = %+v, want only partner 8's", e)
	}
}

// An expired accrual can no longer be claimed: 100 accrued on 2026-01-31,
// expiring 2026-03-02, claimed on 2026-03-02 gives 0.
func TestFundExpiredNotClaimable(t *testing.T) {
	entries := []engine.FundEntry{{ID: 1, PartnerID: 1, Kind: engine.FundAccrual, Date: engine.MustDate("2026-01-31"), Amount: dec("100"), ExpiresOn: engine.MustDate("2026-03-02")}}
	if got, _ := engine.DrawClaim(entries, 1, engine.MustDate("2026-03-01"), dec("50")); !got.Equal(dec("50")) {
		t.Errorf("claim the day before expiry = %s, want 50", got)
	}
	if got, _ := engine.DrawClaim(entries, 1, engine.MustDate("2026-03-02"), dec("50")); !got.IsZero() {
		t.Errorf("claim on the expiry day = %s, want 0", got)
	}
}

// Points: 120 earned, 50 redeemed, 10 expired -> 60; the balance on a day
// before the redemption is 120.
func TestPointsBalance(t *testing.T) {
	rep := engine.Payee{Kind: engine.PayeeRep, ID: 3}
	entries := []engine.PointsEntry{
		{Payee: rep, Kind: engine.PointsEarned, Date: engine.MustDate("2026-03-31"), Points: 120},
		{Payee: rep, Kind: engine.PointsRedeemed, Date: engine.MustDate("2026-04-10"), Points: -50},
		{Payee: rep, Kind: engine.PointsExpired, Date: engine.MustDate("2026-05-01"), Points: -10},
		{Payee: engine.Payee{Kind: engine.PayeePartner, ID: 3}, Kind: engine.PointsEarned, Date: engine.MustDate("2026-03-31"), Points: 999},
	}
	if got := engine.PointsBalance(entries, rep, engine.MustDate("2026-12-31")); got != 60 {
		t.Errorf("balance = %d, want 60", got)
	}
	if got := engine.PointsBalance(entries, rep, engine.MustDate("2026-04-09")); got != 120 {
		t.Errorf("balance before redemption = %d, want 120", got)
	}
}

// A budget of 1,000.00 with 900.00 spent: approving 150.00 passes it (1,050
// > 1,000); approving 100.00 reaches it exactly and does not; a claw-back
// of -50.00 lowers the spend and never warns; no budget never warns.
func TestBudgetOverrunPasses(t *testing.T) {
	cur := engine.NewCurrency("EUR")
	tests := []struct {
		budget, spent, approving string
		want                     bool
	}{
		{"1000", "900", "150", true},
		{"1000", "900", "100", false},
		{"1000", "1100", "-50", false},
		{"0", "900", "150", false},
	}
	for _, tt := range tests {
		o := engine.BudgetOverrun{Currency: cur, Budget: dec(tt.budget), Spent: dec(tt.spent), Approving: dec(tt.approving)}
		if got := o.Passes(); got != tt.want {
			t.Errorf("budget %s spent %s approving %s: Passes = %v, want %v", tt.budget, tt.spent, tt.approving, got, tt.want)
		}
	}
}
