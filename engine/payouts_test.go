package engine

import (
	"reflect"
	"testing"

	"github.com/shopspring/decimal"
)

func TestPlanPayouts(t *testing.T) {
	d := decimal.RequireFromString
	partner, rep := Payee{Kind: PayeePartner, ID: 7}, Payee{Kind: PayeeRep, ID: 7}
	money := func(id ID, py Payee, amount string, st LineStatus) RewardLine {
		return RewardLine{ID: id, Payee: py, Unit: UnitMoney, Amount: d(amount), Status: st}
	}
	lines := []RewardLine{
		money(1, rep, "10.05", LineApproved),
		money(2, partner, "100.00", LineApproved),
		money(3, rep, "-0.05", LineApproved),
		money(4, partner, "50.00", LineDraft),                                             // not approved yet
		money(5, partner, "70.00", LinePaid),                                              // settled already
		{ID: 6, Payee: partner, Unit: UnitPoints, Points: 300, Status: LineApproved},      // redeemed, not paid
		{ID: 7, Payee: partner, Unit: UnitFund, Amount: d("25.00"), Status: LineApproved}, // claimed, not paid
	}
	got := PlanPayouts(lines)
	// Rep 7 first (its line comes first): 10.05 - 0.05 = 10.00 from lines
	// 1 and 3. Partner 7, another payee despite the same id: 100.00 from
	// line 2; its draft, paid, points and fund lines are not payable.
	want := []PayoutPlan{{Payee: rep, Lines: []ID{1, 3}, Amount: d("10.00")}, {Payee: partner, Lines: []ID{2}, Amount: d("100.00")}}
	if len(got) != len(want) {
		t.Fatalf("plans: got %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i].Payee != want[i].Payee || !reflect.DeepEqual(got[i].Lines, want[i].Lines) || !got[i].Amount.Equal(want[i].Amount) {
			t.Errorf("plan %d: got %+v, want %+v", i, got[i], want[i])
		}
	}
	if got := PlanPayouts(lines[3:]); len(got) != 0 {
		t.Errorf("no payable line: got %+v, want no payout", got)
	}
}
