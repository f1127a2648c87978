package engine

import (
	"cmp"
	"slices"

	"github.com/shopspring/decimal"
)

// FundAccrualState is one accrual with what is left of it on a day.
type FundAccrualState struct {
	Accrual   FundEntry
	Remaining decimal.Decimal
	Expired   bool // ExpiresOn has come
}

// FundStates returns a partner's accruals up to asOf, oldest first, each
// with what claims and expiries dated up to asOf have left of it.
func FundStates(entries []FundEntry, partnerID ID, asOf Date) []FundAccrualState {
	used := map[ID]decimal.Decimal{}
	var out []FundAccrualState
	for _, e := range entries {
		if e.PartnerID != partnerID || e.Date > asOf {
			continue
		}
		switch {
		case e.Kind == FundAccrual:
			out = append(out, FundAccrualState{Accrual: e})
		case e.Kind == FundExpiry || (e.Kind == FundClaim && (e.Status == ClaimApproved || e.Status == ClaimReimbursed)):
			for _, d := range e.Draws {
				used[d.AccrualID] = used[d.AccrualID].Add(d.Amount)
			}
		}
	}
	slices.SortFunc(out, func(a, b FundAccrualState) int {
		return cmp.Or(cmp.Compare(a.Accrual.Date, b.Accrual.Date), cmp.Compare(a.Accrual.ID, b.Accrual.ID))
	})
	for i := range out {
		a := &out[i]
		a.Remaining = a.Accrual.Amount.Sub(used[a.Accrual.ID])
		a.Expired = a.Accrual.ExpiresOn != 0 && a.Accrual.ExpiresOn <= asOf
	}
	return out
}

// FundBalance is what a partner can still claim on asOf: the remainders of
// accruals not yet expired.
func FundBalance(entries []FundEntry, partnerID ID, asOf Date) decimal.Decimal {
	b := decimal.Zero
	for _, a := range FundStates(entries, partnerID, asOf) {
		if !a.Expired && a.Remaining.IsPositive() {
			b = b.Add(a.Remaining)
		}
	}
	return b
}

// DrawClaim decides a claim of amount on day: it is approved only up to the
// available balance, consuming the oldest accruals first. It returns the
// approved amount and the draws that record which accruals paid for it.
func DrawClaim(entries []FundEntry, partnerID ID, day Date, amount decimal.Decimal) (decimal.Decimal, []FundDraw) {
	left := amount
	var draws []FundDraw
	for _, a := range FundStates(entries, partnerID, day) {
		if !left.IsPositive() {
			break
		}
		if a.Expired || !a.Remaining.IsPositive() {
			continue
		}
		take := decimal.Min(left, a.Remaining)
		draws = append(draws, FundDraw{AccrualID: a.Accrual.ID, Amount: take})
		left = left.Sub(take)
	}
	return amount.Sub(left), draws
}

// DueExpiries returns the expiry entries that use-it-or-lose-it requires by
// asOf and that are not yet posted: for every accrual whose ExpiresOn has
// come, what is left of it, dated on ExpiresOn.
func DueExpiries(entries []FundEntry, asOf Date) []FundEntry {
	partners := map[ID]bool{}
	var ids []ID
	for _, e := range entries {
		if e.Kind == FundAccrual && !partners[e.PartnerID] {
			partners[e.PartnerID] = true
			ids = append(ids, e.PartnerID)
		}
	}
	slices.Sort(ids)
	var out []FundEntry
	for _, pid := range ids {
		for _, a := range FundStates(entries, pid, asOf) {
			if !a.Expired || !a.Remaining.IsPositive() {
				continue
			}
			out = append(out, FundEntry{
				PartnerID: pid, ProgramID: a.Accrual.ProgramID, Kind: FundExpiry,
				Date: a.Accrual.ExpiresOn, Amount: a.Remaining, Period: a.Accrual.Period,
				Draws: []FundDraw{{AccrualID: a.Accrual.ID, Amount: a.Remaining}},
			})
		}
	}
	return out
}

// PointsBalance is a payee's points on asOf: earned less redeemed and expired.
func PointsBalance(entries []PointsEntry, payee Payee, asOf Date) int64 {
	var b int64
	for _, e := range entries {
		if e.Payee == payee && e.Date <= asOf {
			b += e.Points
		}
	}
	return b
}
