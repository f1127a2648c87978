package engine

import "github.com/shopspring/decimal"

// PayableLine says whether a payout can settle l: an approved money line.
// A draft is not approved yet, a paid line is settled, points are
// redeemed and fund credits claimed: none of them is paid out as money.
func PayableLine(l RewardLine) bool {
	return l.Status == LineApproved && l.Unit == UnitMoney
}

// PayoutPlan is what one payout settles: one payee's payable lines and
// their sum.
type PayoutPlan struct {
	Payee  Payee
	Lines  []ID
	Amount decimal.Decimal
}

// PlanPayouts groups the payable lines among lines by payee, one payout
// per payee, the payees in the order their first line appears; the lines
// that are not payable are left out. A partner and a rep with the same id
// are two payees.
func PlanPayouts(lines []RewardLine) []PayoutPlan {
	var out []PayoutPlan
	at := map[Payee]int{}
	for _, l := range lines {
		if !PayableLine(l) {
			continue
		}
		i, ok := at[l.Payee]
		if !ok {
			i = len(out)
			at[l.Payee] = i
			out = append(out, PayoutPlan{Payee: l.Payee, Amount: decimal.Zero})
		}
		out[i].Lines = append(out[i].Lines, l.ID)
		out[i].Amount = out[i].Amount.Add(l.Amount)
	}
	return out
}
