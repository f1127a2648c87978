package engine

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/shopspring/decimal"
)

// This file is the one model of the fund and points ledgers: the balance,
// what each accrual or lot has left, FIFO consumption, claw-backs, expiry
// and what expires soon are all derived here from the stored entries, and
// the use cases, the dashboard, the statements and the file check read it
// rather than adding entries up themselves.
//
// Every posted entry is replayed once, in the order it was posted (by id),
// to decide what it took of which accrual or lot. Posted entries are facts:
// a claim's or an expiry's draws name the accruals that paid for it, and
// whatever a new claim, redemption or expiry may take is what every posted
// entry, whatever its date, has left. That is what keeps a claim dated
// before an already-posted expiry from drawing the expired money a second
// time. A claw-back (a negative accrual or a negative points earning) takes
// from what is left of the oldest accruals still valid on its date; what
// they cannot cover is a debt that later accruals pay off first, so the
// balance goes negative and nothing can be claimed until it is covered.
//
// A view as of a day then applies what the entries dated up to that day
// took of the accruals dated up to that day; a claw-back's share that an
// accrual dated later covered is still a debt on that day. Deciding the
// shares once, over every entry, keeps the view of any past day consistent
// with the draws recorded: no accrual ever shows less than nothing left.

// noDate is after every date: a ledger as of noDate holds every entry.
const noDate = Date(1 << 30)

// IsClawback says that a fund entry takes back part of an earlier accrual:
// an approved adjustment line with a negative fund amount posts it.
func (e FundEntry) IsClawback() bool { return e.Kind == FundAccrual && e.Amount.IsNegative() }

// validOn says whether an accrual or lot expiring on expires can still be
// drawn on day: it expires at the start of that day.
func validOn(expires, day Date) bool { return expires == 0 || day < expires }

// FundAccrualState is one accrual with what is left of it.
type FundAccrualState struct {
	Accrual    FundEntry
	Remaining  decimal.Decimal // after claims, expiries, claw-backs and debt it covered
	Claimed    decimal.Decimal // drawn by approved or reimbursed claims
	ExpiredAmt decimal.Decimal // drawn by posted expiries
	ClawedBack decimal.Decimal // taken by claw-backs, or covering their debt
	Expired    bool            // ExpiresOn has come by the ledger's day
}

// Left is what can still be claimed of the accrual on the ledger's day.
func (a FundAccrualState) Left() decimal.Decimal {
	if a.Expired || !a.Remaining.IsPositive() {
		return decimal.Zero
	}
	return a.Remaining
}

// Lapsed is what of the accrual has expired by the ledger's day: the posted
// expiries, and what is left once its day has come though not yet posted.
func (a FundAccrualState) Lapsed() decimal.Decimal {
	if a.Expired && a.Remaining.IsPositive() {
		return a.ExpiredAmt.Add(a.Remaining)
	}
	return a.ExpiredAmt
}

// FundLedger is one partner's fund as of a day: the entries dated up to
// AsOf, with the shares decided over every posted entry.
type FundLedger struct {
	PartnerID ID
	AsOf      Date
	Accruals  []FundAccrualState // oldest first (date, then id)
	Clawbacks []FundEntry
	Claims    []FundEntry // every status
	Expiries  []FundEntry
	// Debt is what claw-backs took that no accrual could cover: the
	// balance is this much below zero until later accruals pay it.
	Debt decimal.Decimal
	// Overdrawn lists the claims and expiries whose draws name an accrual
	// of another partner or one that is not in the ledger.
	Overdrawn []ID
}

// fundTake is what one entry took of one accrual when every posted entry
// is replayed: a claim's or expiry's draw, a claw-back's share, or an
// accrual covering a claw-back's debt (by is then the claw-back).
type fundTake struct {
	by      int // index of the consuming entry
	accrual ID
	amount  decimal.Decimal
}

// NewFundLedger returns a partner's fund as of asOf. What every entry took
// of which accrual is decided once, replaying every posted entry in
// posting order; the view as of asOf then applies what the entries dated up
// to asOf took of the accruals dated up to asOf, so a view of any day agrees
// with the draws recorded and no accrual ever shows less than nothing left.
//
// It is long because it is the two passes described above (replay in
// posting order, then the view as of a day) over every kind of fund entry,
// a case each.
func NewFundLedger(entries []FundEntry, partnerID ID, asOf Date) FundLedger {
	l := FundLedger{PartnerID: partnerID, AsOf: asOf}
	var mine []FundEntry
	known := map[ID]bool{}
	for _, e := range entries {
		if e.PartnerID == partnerID {
			mine = append(mine, e)
			if e.Kind == FundAccrual && !e.IsClawback() {
				known[e.ID] = true
			}
		}
	}
	slices.SortStableFunc(mine, func(a, b FundEntry) int { return cmp.Compare(a.ID, b.ID) })

	// Every posted entry, in posting order.
	type debt struct {
		by   int
		need decimal.Decimal
	}
	var takes []fundTake
	var debts []debt
	var posted []FundEntry // accruals so far, oldest first
	left := map[ID]decimal.Decimal{}
	for i, e := range mine {
		switch {
		case e.IsClawback():
			need := e.Amount.Neg()
			for _, a := range posted {
				if !need.IsPositive() {
					break
				}
				r := left[a.ID]
				if !r.IsPositive() || !validOn(a.ExpiresOn, e.Date) {
					continue
				}
				t := decimal.Min(need, r)
				left[a.ID], need = r.Sub(t), need.Sub(t)
				takes = append(takes, fundTake{by: i, accrual: a.ID, amount: t})
			}
			if need.IsPositive() {
				debts = append(debts, debt{by: i, need: need})
			}
		case e.Kind == FundAccrual:
			r := e.Amount
			for len(debts) > 0 && r.IsPositive() {
				d := &debts[0]
				t := decimal.Min(d.need, r)
				r, d.need = r.Sub(t), d.need.Sub(t)
				takes = append(takes, fundTake{by: d.by, accrual: e.ID, amount: t})
				if !d.need.IsPositive() {
					debts = debts[1:]
				}
			}
			left[e.ID] = left[e.ID].Add(r)
			posted = insertFIFO(posted, e, func(x FundEntry) (Date, ID) { return x.Date, x.ID })
		case e.Kind == FundExpiry || e.Kind == FundClaim && (e.Status == ClaimApproved || e.Status == ClaimReimbursed):
			for _, d := range e.Draws {
				if !known[d.AccrualID] {
					l.Overdrawn = append(l.Overdrawn, e.ID)
					continue
				}
				left[d.AccrualID] = left[d.AccrualID].Sub(d.Amount)
				takes = append(takes, fundTake{by: i, accrual: d.AccrualID, amount: d.Amount})
			}
		}
	}

	// The view as of asOf.
	at := map[ID]int{}
	var states []FundAccrualState
	for _, e := range mine {
		if e.Date > asOf {
			continue
		}
		switch {
		case e.IsClawback():
			l.Clawbacks = append(l.Clawbacks, e)
			l.Debt = l.Debt.Sub(e.Amount)
		case e.Kind == FundAccrual:
			at[e.ID] = len(states)
			states = append(states, FundAccrualState{Accrual: e, Remaining: e.Amount})
		case e.Kind == FundClaim:
			l.Claims = append(l.Claims, e)
		case e.Kind == FundExpiry:
			l.Expiries = append(l.Expiries, e)
		}
	}
	for _, t := range takes {
		by := mine[t.by]
		i, ok := at[t.accrual]
		if by.Date > asOf || !ok {
			continue
		}
		s := &states[i]
		s.Remaining = s.Remaining.Sub(t.amount)
		switch {
		case by.IsClawback():
			s.ClawedBack = s.ClawedBack.Add(t.amount)
			l.Debt = l.Debt.Sub(t.amount)
		case by.Kind == FundClaim:
			s.Claimed = s.Claimed.Add(t.amount)
		default:
			s.ExpiredAmt = s.ExpiredAmt.Add(t.amount)
		}
	}
	slices.SortStableFunc(states, func(a, b FundAccrualState) int {
		return cmp.Or(cmp.Compare(a.Accrual.Date, b.Accrual.Date), cmp.Compare(a.Accrual.ID, b.Accrual.ID))
	})
	for i := range states {
		states[i].Expired = states[i].Accrual.ExpiresOn != 0 && states[i].Accrual.ExpiresOn <= asOf
	}
	l.Accruals = states
	return l
}

// insertFIFO inserts e into s, kept oldest first: by date, then id (after
// any entry with the same date and id).
func insertFIFO[E any](s []E, e E, key func(E) (Date, ID)) []E {
	d, id := key(e)
	i, _ := slices.BinarySearchFunc(s, e, func(x, _ E) int {
		xd, xid := key(x)
		if c := cmp.Or(cmp.Compare(xd, d), cmp.Compare(xid, id)); c != 0 {
			return c
		}
		return -1
	})
	return slices.Insert(s, i, e)
}

// Balance is what the partner has in the fund on AsOf: what is left of the
// accruals not yet expired, less any uncovered claw-back (so it may be
// negative).
func (l FundLedger) Balance() decimal.Decimal {
	b := decimal.Zero
	for _, a := range l.Accruals {
		if !a.Expired && a.Remaining.IsPositive() {
			b = b.Add(a.Remaining)
		}
	}
	return b.Sub(l.Debt)
}

// Accrued is what the accruals dated up to AsOf credited, net of claw-backs.
func (l FundLedger) Accrued() decimal.Decimal {
	t := decimal.Zero
	for _, a := range l.Accruals {
		t = t.Add(a.Accrual.Amount)
	}
	for _, c := range l.Clawbacks {
		t = t.Add(c.Amount)
	}
	return t
}

// Expiring is what will expire within days after AsOf unless claimed: what
// is left on AsOf of the accruals not yet expired then whose expiry falls on
// or before AsOf + days; with the earliest of those expiry days and the
// accruals themselves.
func (l FundLedger) Expiring(days int) (decimal.Decimal, Date, []FundAccrualState) {
	by := l.AsOf.AddDays(days)
	total, next := decimal.Zero, Date(0)
	var out []FundAccrualState
	for _, a := range l.Accruals {
		e := a.Accrual.ExpiresOn
		if e == 0 || a.Expired || e > by || !a.Remaining.IsPositive() {
			continue
		}
		total = total.Add(a.Remaining)
		out = append(out, a)
		if next == 0 || e < next {
			next = e
		}
	}
	return total, next, out
}

// Available is what a claim dated day may draw: what every posted entry has
// left of the accruals dated up to day and still valid on it, less any
// uncovered claw-back. Read it on a ledger of every entry (asOf noDate).
func (l FundLedger) Available(day Date) decimal.Decimal {
	t := decimal.Zero
	for _, a := range l.Accruals {
		if a.Accrual.Date <= day && validOn(a.Accrual.ExpiresOn, day) && a.Remaining.IsPositive() {
			t = t.Add(a.Remaining)
		}
	}
	t = t.Sub(l.Debt)
	if t.IsNegative() {
		return decimal.Zero
	}
	return t
}

// FundStates returns a partner's accruals up to asOf, oldest first, each
// with what the entries dated up to asOf have left of it.
func FundStates(entries []FundEntry, partnerID ID, asOf Date) []FundAccrualState {
	return NewFundLedger(entries, partnerID, asOf).Accruals
}

// FundBalance is what a partner has in the fund on asOf: the remainders of
// accruals not yet expired less uncovered claw-backs; negative when a
// claw-back took more than was left.
func FundBalance(entries []FundEntry, partnerID ID, asOf Date) decimal.Decimal {
	return NewFundLedger(entries, partnerID, asOf).Balance()
}

// FundExpiring is what of a partner's fund expires within days after asOf
// unless claimed, and the first day it does (0 when nothing does).
func FundExpiring(entries []FundEntry, partnerID ID, asOf Date, days int) (decimal.Decimal, Date) {
	t, next, _ := NewFundLedger(entries, partnerID, asOf).Expiring(days)
	return t, next
}

// DrawClaim decides a claim of amount dated day: it is approved only up to
// what is available that day (Available), consuming the oldest accruals
// first. It returns the approved amount and the draws that record which
// accruals paid for it.
func DrawClaim(entries []FundEntry, partnerID ID, day Date, amount decimal.Decimal) (decimal.Decimal, []FundDraw) {
	l := NewFundLedger(entries, partnerID, noDate)
	left := decimal.Min(amount, l.Available(day))
	approved := left
	var draws []FundDraw
	for _, a := range l.Accruals {
		if !left.IsPositive() {
			break
		}
		if a.Accrual.Date > day || !validOn(a.Accrual.ExpiresOn, day) || !a.Remaining.IsPositive() {
			continue
		}
		take := decimal.Min(left, a.Remaining)
		draws = append(draws, FundDraw{AccrualID: a.Accrual.ID, Amount: take})
		left = left.Sub(take)
	}
	return approved.Sub(left), draws
}

// DueExpiries returns the expiry entries that use-it-or-lose-it requires by
// asOf and that are not yet posted: for every accrual whose ExpiresOn has
// come, what every posted entry has left of it, dated on ExpiresOn.
func DueExpiries(entries []FundEntry, asOf Date) []FundEntry {
	by := map[ID][]FundEntry{}
	var ids []ID
	for _, e := range entries {
		if _, ok := by[e.PartnerID]; !ok {
			ids = append(ids, e.PartnerID)
		}
		by[e.PartnerID] = append(by[e.PartnerID], e)
	}
	slices.Sort(ids)
	var out []FundEntry
	for _, pid := range ids {
		for _, a := range NewFundLedger(by[pid], pid, noDate).Accruals {
			if a.Accrual.ExpiresOn == 0 || a.Accrual.ExpiresOn > asOf || !a.Remaining.IsPositive() {
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

// FundProblems lists, as sentences, what in a partner's posted fund
// entries breaks the ledger's rules: an accrual drawn beyond its amount, a
// draw on an accrual dated after the claim or expired by then, a claim whose
// approved amount is not the sum of its draws, a draw on an accrual that is
// not the partner's.
func FundProblems(entries []FundEntry, partnerID ID) []string {
	l := NewFundLedger(entries, partnerID, noDate)
	var out []string
	byID := map[ID]FundAccrualState{}
	for _, a := range l.Accruals {
		byID[a.Accrual.ID] = a
		if a.Remaining.IsNegative() {
			out = append(out, fmt.Sprintf("Accrual %d of %s is drawn for %s, more than it holds.", a.Accrual.ID, a.Accrual.Amount, a.Accrual.Amount.Sub(a.Remaining)))
		}
	}
	for _, id := range l.Overdrawn {
		out = append(out, fmt.Sprintf("Fund entry %d of partner %d draws on an accrual that is not the partner's.", id, partnerID))
	}
	for _, c := range l.Claims {
		if c.Status != ClaimApproved && c.Status != ClaimReimbursed {
			continue
		}
		sum := decimal.Zero
		for _, d := range c.Draws {
			sum = sum.Add(d.Amount)
			a, ok := byID[d.AccrualID]
			if !ok {
				continue
			}
			if a.Accrual.Date > c.Date || !validOn(a.Accrual.ExpiresOn, c.Date) {
				out = append(out, fmt.Sprintf("Claim %d dated %s draws on accrual %d, which is not valid that day (accrued %s, expires %s).", c.ID, c.Date, a.Accrual.ID, a.Accrual.Date, a.Accrual.ExpiresOn))
			}
		}
		if !sum.Equal(c.Approved) {
			out = append(out, fmt.Sprintf("Claim %d is approved for %s but draws %s.", c.ID, c.Approved, sum))
		}
	}
	return out
}
