package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"github.com/shopspring/decimal"

	"partnerdesk/engine"
)

// Issue #15, done when: a claim and a redemption recorded from the
// keyboard in the Funds & points screen over the real store (the demo
// settled through June, today 2026-07-20), and what the store holds
// afterwards: the claim requested, approved with A and its balance lower
// by its amount; the redemption stored and the points balance lower.
func TestFundsScreenRecordsIntoTheStore(t *testing.T) {
	svc := exportsCompany(t)
	s, w, errs, _ := shellOver(t, svc)
	c := w.Canvas()
	s.Show(ScreenFunds)
	sc := s.Screen(ScreenFunds).(*fundsScreen)
	sc.wait()

	// The first partner with a fund: ↓ chooses it.
	c.Focus(sc.fundTable)
	press(t, c, fyne.KeyDown)
	pid := sc.fundID
	if pid == 0 {
		t.Fatal("↓ chose no fund")
	}
	balance := func() decimal.Decimal {
		fs, err := svc.Funds("P"+decimal.NewFromInt(int64(pid)).String(), engine.MustDate("2026-07-20"))
		if err != nil || len(fs) != 1 {
			t.Fatalf("funds of %d: %v %v", pid, fs, err)
		}
		return fs[0].Balance
	}
	before := balance()
	if !before.GreaterThan(decimal.NewFromInt(10)) {
		t.Fatalf("fund balance of partner %d is %s: the demo should hold more than 10.00", pid, before)
	}
	c.Focus(sc.amount)
	typeKeys(t, c, "10")
	sc.reference.SetText("booth EXPO-9")
	shortcut(c, fyne.KeyS)
	sc.wait()
	claims, err := svc.Claims(engine.ClaimRequested, "")
	if err != nil {
		t.Fatal(err)
	}
	var mine *engine.FundEntry
	for i := range claims {
		if claims[i].Claim.Reference == "booth EXPO-9" {
			mine = &claims[i].Claim
		}
	}
	if mine == nil || mine.PartnerID != pid || !mine.Amount.Equal(decimal.NewFromInt(10)) {
		t.Fatalf("requested claims in the store: %+v, want 10.00 of partner %d", claims, pid)
	}
	// Approved from the claims tab with A: the balance is 10.00 lower.
	sc.tabs.SelectIndex(fundsTabClaims)
	sc.wait()
	c.Focus(sc.claimTable)
	for i := 0; i <= len(sc.claims) && sc.claimID != mine.ID; i++ {
		press(t, c, fyne.KeyDown)
	}
	if sc.claimID != mine.ID {
		t.Fatalf("the claims tab never chose claim %d (%d waiting)", mine.ID, len(sc.claims))
	}
	typeKeys(t, c, "a")
	sc.wait()
	if after := balance(); !after.Equal(before.Sub(decimal.NewFromInt(10))) {
		t.Errorf("balance after approving 10.00: %s, want %s", after, before.Sub(decimal.NewFromInt(10)))
	}

	// A redemption of 5 points of the first payee with points.
	sc.tabs.SelectIndex(fundsTabPoints)
	sc.wait()
	if len(sc.points) == 0 {
		t.Fatal("the points tab lists no payee: the demo earns points")
	}
	c.Focus(sc.pointsTable)
	press(t, c, fyne.KeyDown)
	payee := sc.payee
	if payee.ID == 0 {
		t.Fatal("↓ chose no points payee")
	}
	pointsOf := func() int64 {
		ps, err := svc.Points(string(payee.Kind[:1])+decimal.NewFromInt(int64(payee.ID)).String(), engine.MustDate("2026-07-20"))
		if err != nil || len(ps) != 1 {
			t.Fatalf("points of %+v: %v %v", payee, ps, err)
		}
		return ps[0].Balance
	}
	was := pointsOf()
	c.Focus(sc.redeemPts)
	typeKeys(t, c, "5")
	sc.against.SetText("mug")
	shortcut(c, fyne.KeyS)
	sc.wait()
	if now := pointsOf(); now != was-5 {
		t.Errorf("points after redeeming 5: %d, want %d", now, was-5)
	}
	if len(*errs) > 0 {
		t.Errorf("dialogs: %v", *errs)
	}
}
