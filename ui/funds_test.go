package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"github.com/shopspring/decimal"

	"partnerdesk/engine"
)

func fundsOnShow(tb testing.TB) (*fundsScreen, *fundsFake, fyne.Canvas, *[]error, *[]string) {
	tb.Helper()
	ff := newFundsFake()
	s, w, errs, asked := shellOver(tb, ff)
	s.Show(ScreenFunds)
	sc := s.Screen(ScreenFunds).(*fundsScreen)
	sc.wait()
	return sc, ff, w.Canvas(), errs, asked
}

// A claim typed on the funds tab is stored as requested, decided with A in
// the claims tab (approved up to the balance) and marked reimbursed.
func TestFundsClaimFromTheKeyboard(t *testing.T) {
	sc, ff, c, errs, _ := fundsOnShow(t)
	if c.Focused() != sc.fundTable {
		t.Fatalf("focus on show = %T, want the funds table", c.Focused())
	}
	if !strings.Contains(sc.summary.Text, "1,000.00") {
		t.Errorf("summary = %q, want the 1,000.00 expiring in 30 days", sc.summary.Text)
	}
	press(t, c, fyne.KeyDown)
	if sc.fundID != 1 || len(sc.fundRows) != 1 || !strings.Contains(sc.claimHead.Text, "Acme Srl") {
		t.Fatalf("after ↓: chosen %d, ledger %+v, heading %q; want Acme Srl's fund", sc.fundID, sc.fundRows, sc.claimHead.Text)
	}
	c.Focus(sc.amount)
	typeKeys(t, c, "300")
	sc.reference.SetText("booth EXPO-1")
	shortcut(c, fyne.KeyS)
	sc.wait()
	if len(ff.claims) != 1 || !ff.claims[0].Amount.Equal(decimal.NewFromInt(300)) || ff.claims[0].Status != engine.ClaimRequested ||
		ff.claims[0].Reference != "booth EXPO-1" || ff.claims[0].PartnerID != 1 {
		t.Fatalf("stored claims = %+v, want one requested claim of 300 by Acme Srl", ff.claims)
	}
	if sc.amount.Text != "" || len(sc.fundRows) != 2 {
		t.Errorf("after saving: amount %q, ledger rows %d; want a blank amount and the claim in the ledger", sc.amount.Text, len(sc.fundRows))
	}

	sc.tabs.SelectIndex(fundsTabClaims)
	if c.Focused() != sc.claimTable || len(sc.claims) != 1 {
		t.Fatalf("claims tab: focus %T, %d claims; want the table with the claim", c.Focused(), len(sc.claims))
	}
	press(t, c, fyne.KeyDown)
	typeKeys(t, c, "a")
	sc.wait()
	if got := ff.claims[0]; got.Status != engine.ClaimApproved || !got.Approved.Equal(decimal.NewFromInt(300)) {
		t.Fatalf("after A: claim %+v, want approved for 300", got)
	}
	if !ff.balance().Equal(decimal.NewFromInt(700)) || len(sc.claims) != 0 {
		t.Errorf("balance %s, claims waiting %d; want 700 and none", ff.balance(), len(sc.claims))
	}
	sc.status.SetSelectedIndex(1) // approved, to reimburse
	sc.wait()
	press(t, c, fyne.KeyDown)
	sc.payRef.SetText("SEPA 7731")
	sc.onReimburse()
	sc.wait()
	if ff.claims[0].Status != engine.ClaimReimbursed || ff.reimbursed[ff.claims[0].ID] != "SEPA 7731" {
		t.Errorf("after reimbursing: %+v %v", ff.claims[0], ff.reimbursed)
	}
	if len(*errs) > 0 {
		t.Errorf("dialogs: %v", *errs)
	}
}

// A claim above the balance is approved only in part, after a question;
// one that is refused shows the reason beside the field and stores nothing.
func TestFundsClaimRefusedAndPartial(t *testing.T) {
	sc, ff, c, errs, asked := fundsOnShow(t)
	sc.onClaim()
	if got := sc.cfs.get(FundsAmount).Error(); !strings.Contains(got, "Choose the partner") {
		t.Errorf("claim with no partner chosen: note %q", got)
	}
	press(t, c, fyne.KeyDown)
	sc.amount.SetText("-5")
	sc.onClaim()
	if got := sc.cfs.get(FundsAmount).Error(); got != "a claim is a positive amount" || len(ff.claims) != 0 {
		t.Errorf("claim of -5: note %q, stored %+v", got, ff.claims)
	}
	if c.Focused() != sc.amount {
		t.Errorf("focus after the refusal = %T, want the amount", c.Focused())
	}
	sc.amount.SetText("1500")
	sc.claimDate.SetText("2026-07-10")
	sc.onClaim()
	sc.wait()
	sc.tabs.SelectIndex(fundsTabClaims)
	press(t, c, fyne.KeyDown)
	sc.onDecide(true)
	sc.wait()
	if len(*asked) != 1 || !strings.Contains((*asked)[0], "approve 1,000.00 EUR of the 1,500.00 EUR requested") {
		t.Errorf("questions = %q, want one offering 1,000.00 of 1,500.00", *asked)
	}
	if got := ff.claims[0]; got.Status != engine.ClaimApproved || !got.Approved.Equal(decimal.NewFromInt(1000)) || got.Date != engine.MustDate("2026-07-10") {
		t.Errorf("claim = %+v, want approved for the 1,000 the fund held, dated 2026-07-10", got)
	}
	// Nothing is left: a second claim approved at once is refused, beside
	// the amount, and not stored.
	sc.tabs.SelectIndex(fundsTabFunds)
	sc.amount.SetText("10")
	sc.approveNow.SetChecked(true)
	sc.onClaim()
	if got := sc.cfs.get(FundsAmount).Error(); !strings.Contains(got, "nothing available") || len(ff.claims) != 1 {
		t.Errorf("claim on an empty fund: note %q, %d claims stored", got, len(ff.claims))
	}
	if len(*errs) > 0 {
		t.Errorf("dialogs: %v", *errs)
	}
}

// A redemption above the balance is refused beside the points; one within
// it is stored against what was typed.
func TestFundsRedeemPoints(t *testing.T) {
	sc, ff, c, errs, _ := fundsOnShow(t)
	shortcut(c, fyne.KeyPageDown) // the points tab
	if sc.tabs.SelectedIndex() != fundsTabPoints || c.Focused() != sc.pointsTable {
		t.Fatalf("Ctrl+PgDn: tab %d, focus %T", sc.tabs.SelectedIndex(), c.Focused())
	}
	press(t, c, fyne.KeyDown)
	if sc.payee.ID != 11 || !strings.Contains(sc.redeemHead.Text, "800") {
		t.Fatalf("chosen payee %+v, heading %q; want Ana Ruiz with 800 points", sc.payee, sc.redeemHead.Text)
	}
	c.Focus(sc.redeemPts)
	typeKeys(t, c, "900")
	sc.against.SetText("voucher")
	shortcut(c, fyne.KeyS)
	if got := sc.rfs.get(FundsPoints).Error(); !strings.Contains(got, "800 points are available") || len(ff.redemptions) != 0 {
		t.Errorf("900 of 800 points: note %q, stored %+v", got, ff.redemptions)
	}
	sc.redeemPts.SetText("many")
	sc.onRedeem()
	if got := sc.rfs.get(FundsPoints).Error(); !strings.Contains(got, "whole number") {
		t.Errorf("points \"many\": note %q", got)
	}
	sc.redeemPts.SetText("500")
	sc.onRedeem()
	sc.wait()
	if len(ff.redemptions) != 1 || ff.redemptions[0].Points != -500 || ff.redemptions[0].Against != "voucher" {
		t.Fatalf("stored redemptions = %+v, want 500 against voucher", ff.redemptions)
	}
	if sc.points[0].Balance != 300 || len(sc.pointRows) != 2 || sc.rfs.get(FundsPoints).Error() != "" {
		t.Errorf("after redeeming: balance %d, ledger rows %d, note %q", sc.points[0].Balance, len(sc.pointRows), sc.rfs.get(FundsPoints).Error())
	}
	if len(*errs) > 0 {
		t.Errorf("dialogs: %v", *errs)
	}
}

// The filter keeps the balances whose names match regardless of case and
// accents, and a bad as-of date shows its reason beside the field.
func TestFundsFilterAndAsOf(t *testing.T) {
	sc, _, _, errs, _ := fundsOnShow(t)
	sc.filter.SetText("ÁNA")
	if len(sc.points) != 1 || len(sc.funds) != 0 {
		t.Errorf("filter ÁNA: %d funds, %d points; want Ana Ruiz only", len(sc.funds), len(sc.points))
	}
	sc.filter.SetText("acme")
	if len(sc.points) != 1 || len(sc.funds) != 1 {
		t.Errorf("filter acme: %d funds, %d points; want Acme's fund and its rep", len(sc.funds), len(sc.points))
	}
	sc.asOf.SetText("31/07/2026")
	sc.reload()
	sc.wait()
	if sc.hfs.get(FundsAsOf).Error() == "" || len(*errs) != 0 {
		t.Errorf("as of 31/07/2026: note %q, dialogs %v", sc.hfs.get(FundsAsOf).Error(), *errs)
	}
}
