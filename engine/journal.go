package engine

import (
	"cmp"
	"fmt"
	"slices"
	"time"

	"github.com/shopspring/decimal"
)

// The accountant's journal: every event that moves money owed to partners
// once, on its own date, as one debit and one credit of the same amount
// between two accounts of the company's chart.
//
//   - accrual: an approved reward line, at the end of the period that
//     earned it: Dr reward expense / Cr accrued rewards (money), fund
//     liability (fund credits) or points liability (points).
//   - adjustment: the same for an adjustment line (a late sale, a return
//     clawed back, a recompute of approved lines), at the end of the period
//     it is booked in (the first open period, the one the line belongs to);
//     a negative one (a claw-back) swaps debit and credit.
//   - payout: Dr accrued rewards / Cr bank on the payout's date (a negative
//     payout, a recovery, swaps them).
//   - claim-approved: Dr fund liability / Cr fund claims payable on the
//     claim's date, the day the fund ledger draws it.
//   - claim-reimbursed: Dr fund claims payable / Cr bank on the day it was
//     reimbursed.
//   - fund-expiry, points-expiry: Dr the liability / Cr reward expense on
//     the day the accrual or lot lapses: what was accrued and never used is
//     no longer owed, and the expense it was booked to is reversed.
//   - points-redeemed: Dr points liability / Cr bank on the redemption's
//     date.
//
// Fund and points accruals are dated as their ledger entries (the period
// end, or the approval day when that day was already closed), so that each
// liability account's balance equals its ledger on every day. Amounts are
// never negative: a movement the other way swaps the accounts. Points carry
// money only when the company sets a point value; without one, points
// entries have amount 0 and say so.

// JournalEvent is what a journal entry records.
type JournalEvent string

// The journal's events.
const (
	EventAccrual         JournalEvent = "accrual"
	EventAdjustment      JournalEvent = "adjustment"
	EventPayout          JournalEvent = "payout"
	EventClaimApproved   JournalEvent = "claim-approved"
	EventClaimReimbursed JournalEvent = "claim-reimbursed"
	EventFundExpiry      JournalEvent = "fund-expiry"
	EventPointsExpiry    JournalEvent = "points-expiry"
	EventPointsRedeemed  JournalEvent = "points-redeemed"
)

// eventOrder sorts a day's entries: what is earned before what settles it.
var eventOrder = map[JournalEvent]int{
	EventAccrual: 0, EventAdjustment: 1, EventClaimApproved: 2, EventClaimReimbursed: 3,
	EventPayout: 4, EventPointsRedeemed: 5, EventFundExpiry: 6, EventPointsExpiry: 7,
}

// JournalEntry is one posting: Amount debited to Debit and credited to
// Credit on Date.
type JournalEntry struct {
	Date      Date
	Entry     int // 1, 2, ... over the whole journal, in date order
	Event     JournalEvent
	Debit     Account
	Credit    Account
	Amount    decimal.Decimal // never negative
	Points    int64           // points entries: the points moved (never negative)
	ProgramID ID
	Payee     Payee
	Reference string
	Text      string
	// source orders entries of the same day and event: the id of the
	// line, payout, fund or points entry behind it.
	source ID
}

// JournalInput is everything the journal is computed from.
type JournalInput struct {
	Lines           []RewardLine
	Payouts         []Payout
	Funds           []FundEntry
	Points          []PointsEntry
	Chart           ChartOfAccounts
	Currency        Currency
	PointValue      decimal.Decimal // money per point; zero: points carry no money
	FiscalYearStart time.Month
	// AsOf is the last day whose expiries are booked (today).
	AsOf Date
}

// Journal computes the whole journal, numbered in date order. Draft lines
// are estimates, not bookings, and are left out.
func Journal(in JournalInput) ([]JournalEntry, error) {
	j := journal{in: in, chart: in.Chart.WithDefaults()}
	byID := map[ID]*RewardLine{}
	for i := range in.Lines {
		byID[in.Lines[i].ID] = &in.Lines[i]
	}
	if err := j.moneyLines(); err != nil {
		return nil, err
	}
	j.funds(byID)
	j.points(byID)
	for _, po := range in.Payouts {
		j.add(JournalEntry{Date: po.Date, Event: EventPayout, Payee: po.Payee, source: po.ID,
			Reference: payoutReference(po), Text: fmt.Sprintf("payout %d (%s) settles %d lines", po.ID, po.Method, len(po.LineIDs))},
			j.chart.AccruedRewards, j.chart.Bank, po.Amount)
	}
	slices.SortStableFunc(j.out, func(a, b JournalEntry) int {
		return cmp.Or(cmp.Compare(a.Date, b.Date), cmp.Compare(eventOrder[a.Event], eventOrder[b.Event]), cmp.Compare(a.source, b.source))
	})
	for i := range j.out {
		j.out[i].Entry = i + 1
	}
	return j.out, nil
}

func payoutReference(po Payout) string {
	if po.Reference != "" {
		return po.Reference
	}
	return fmt.Sprintf("payout %d", po.ID)
}

type journal struct {
	in    JournalInput
	chart ChartOfAccounts
	out   []JournalEntry
}

// add appends e as Dr debit / Cr credit of amt; a negative amount swaps the
// accounts, a zero one (and no points) books nothing.
func (j *journal) add(e JournalEntry, debit, credit Account, amt decimal.Decimal) {
	if amt.IsNegative() {
		debit, credit, amt = credit, debit, amt.Neg()
	}
	if amt.IsZero() && e.Points == 0 {
		return
	}
	e.Debit, e.Credit, e.Amount = debit, credit, amt
	j.out = append(j.out, e)
}

// lineEvent is accrual or adjustment, with a text saying which.
func lineEvent(l *RewardLine) (JournalEvent, string) {
	switch {
	case l == nil:
		return EventAccrual, ""
	case l.Adjustment != nil:
		t := "adjustment in " + l.Period + " of " + l.Adjustment.OriginalPeriod
		if l.Adjustment.Invoice != "" {
			t += ", invoice " + l.Adjustment.Invoice
		}
		return EventAdjustment, t
	case l.Explanation.Key == "adjust.recompute":
		return EventAdjustment, "recompute of approved lines of " + l.Period
	}
	return EventAccrual, "reward of " + l.Period
}

func (j *journal) moneyLines() error {
	ends := map[string]Date{}
	for i := range j.in.Lines {
		l := &j.in.Lines[i]
		if l.Unit != UnitMoney || l.Status == LineDraft || l.Amount.IsZero() {
			continue
		}
		end, ok := ends[l.Period]
		if !ok {
			p, err := ParsePeriod(l.Period, j.in.FiscalYearStart)
			if err != nil {
				return fmt.Errorf("journal: line %d: %w", l.ID, err)
			}
			end, ends[l.Period] = p.End, p.End
		}
		ev, text := lineEvent(l)
		j.add(JournalEntry{Date: end, Event: ev, ProgramID: l.ProgramID, Payee: l.Payee, source: l.ID,
			Reference: fmt.Sprintf("line %d", l.ID), Text: text},
			j.chart.RewardExpense, j.chart.AccruedRewards, l.Amount)
	}
	return nil
}

// funds books accruals and claw-backs as their ledger entries, approved
// and reimbursed claims, and what lapsed of each accrual up to AsOf on the
// day it lapsed (read from the fund ledger, whether or not the expiry has
// been posted yet).
func (j *journal) funds(lines map[ID]*RewardLine) {
	c := j.chart
	partners := map[ID]bool{}
	for _, e := range j.in.Funds {
		partners[e.PartnerID] = true
		payee := Payee{Kind: PayeePartner, ID: e.PartnerID}
		switch {
		case e.Kind == FundAccrual:
			l := lines[e.LineID]
			ev, text := lineEvent(l)
			if l == nil && e.IsClawback() {
				ev = EventAdjustment
			}
			text = joinText(text, "fund credit of "+e.Period)
			j.add(JournalEntry{Date: e.Date, Event: ev, ProgramID: e.ProgramID, Payee: payee, source: e.ID,
				Reference: fundReference(e), Text: text}, c.RewardExpense, c.FundLiability, e.Amount)
		case e.Kind == FundClaim && (e.Status == ClaimApproved || e.Status == ClaimReimbursed):
			j.add(JournalEntry{Date: e.Date, Event: EventClaimApproved, ProgramID: e.ProgramID, Payee: payee, source: e.ID,
				Reference: fundReference(e), Text: fmt.Sprintf("fund claim %d approved", e.ID)}, c.FundLiability, c.FundClaimsPayable, e.Approved)
			if e.Status == ClaimReimbursed {
				day := e.ReimbursedOn
				if day == 0 {
					day = e.Date
				}
				j.add(JournalEntry{Date: day, Event: EventClaimReimbursed, ProgramID: e.ProgramID, Payee: payee, source: e.ID,
					Reference: fundReference(e), Text: fmt.Sprintf("fund claim %d reimbursed", e.ID)}, c.FundClaimsPayable, c.Bank, e.Approved)
			}
		}
	}
	for _, pid := range sortedIDs(partners) {
		l := NewFundLedger(j.in.Funds, pid, j.in.AsOf)
		for _, a := range l.Accruals {
			lapsed := a.Lapsed()
			if !a.Expired || !lapsed.IsPositive() {
				continue
			}
			// An accrual posted after its expiry (approved once its period
			// end was closed) lapses on the day it is posted.
			j.add(JournalEntry{Date: max(a.Accrual.ExpiresOn, a.Accrual.Date), Event: EventFundExpiry, ProgramID: a.Accrual.ProgramID,
				Payee: Payee{Kind: PayeePartner, ID: pid}, source: a.Accrual.ID, Reference: fundReference(a.Accrual),
				Text: fmt.Sprintf("fund credit of %s expired unused", a.Accrual.Period)}, c.FundLiability, c.RewardExpense, lapsed)
		}
	}
}

func fundReference(e FundEntry) string {
	if e.Kind == FundClaim && e.Reference != "" {
		return e.Reference
	}
	if e.LineID != 0 {
		return fmt.Sprintf("line %d", e.LineID)
	}
	return fmt.Sprintf("fund entry %d", e.ID)
}

func joinText(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
}

// points books earned points (and claw-backs) as their ledger entries,
// redemptions, and what lapsed of each lot up to AsOf on the day it lapsed.
func (j *journal) points(lines map[ID]*RewardLine) {
	c := j.chart
	payees := map[Payee]bool{}
	for _, e := range j.in.Points {
		payees[e.Payee] = true
		switch e.Kind {
		case PointsEarned:
			l := lines[e.LineID]
			ev, text := lineEvent(l)
			if l == nil && e.Points < 0 {
				ev = EventAdjustment
			}
			j.addPoints(JournalEntry{Date: e.Date, Event: ev, ProgramID: programOf(l), Payee: e.Payee, source: e.ID,
				Reference: pointsReference(e), Text: text}, c.RewardExpense, c.PointsLiability, e.Points)
		case PointsRedeemed:
			j.addPoints(JournalEntry{Date: e.Date, Event: EventPointsRedeemed, Payee: e.Payee, source: e.ID,
				Reference: pointsReference(e), Text: "redeemed against " + e.Against}, c.PointsLiability, c.Bank, -e.Points)
		}
	}
	ps := make([]Payee, 0, len(payees))
	for p := range payees {
		ps = append(ps, p)
	}
	slices.SortFunc(ps, func(a, b Payee) int { return cmp.Or(cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.ID, b.ID)) })
	for _, p := range ps {
		l := NewPointsLedger(j.in.Points, p, j.in.AsOf)
		for _, lt := range l.Lots {
			if gone := lt.Gone(); lt.Expired && gone > 0 {
				j.addPoints(JournalEntry{Date: max(lt.Earned.ExpiresOn, lt.Earned.Date), Event: EventPointsExpiry, ProgramID: programOf(lines[lt.Earned.LineID]),
					Payee: p, source: lt.Earned.ID, Reference: pointsReference(lt.Earned),
					Text: "points of " + lt.Earned.Period + " expired unredeemed"}, c.PointsLiability, c.RewardExpense, gone)
			}
		}
	}
}

// addPoints books n points (negative: the other way) at the company's
// point value; without one the entry carries no money and says so.
func (j *journal) addPoints(e JournalEntry, debit, credit Account, n int64) {
	if n < 0 {
		debit, credit, n = credit, debit, -n
	}
	if n == 0 {
		return
	}
	e.Points = n
	amt := j.in.Currency.Round(j.in.PointValue.Mul(decimal.NewFromInt(n)))
	if j.in.PointValue.IsZero() {
		e.Text = joinText(e.Text, fmt.Sprintf("%d points; no point value is set, so points carry no money", n))
	} else {
		e.Text = joinText(e.Text, fmt.Sprintf("%d points at %s", n, j.in.PointValue.String()))
	}
	j.add(e, debit, credit, amt)
}

func programOf(l *RewardLine) ID {
	if l == nil {
		return 0
	}
	return l.ProgramID
}

func pointsReference(e PointsEntry) string {
	if e.LineID != 0 {
		return fmt.Sprintf("line %d", e.LineID)
	}
	return fmt.Sprintf("points entry %d", e.ID)
}

func sortedIDs(m map[ID]bool) []ID {
	out := make([]ID, 0, len(m))
	for id := range m {
		out = append(out, id)
	}
	slices.Sort(out)
	return out
}

// AccountBalances are the balances of a journal's accounts up to a day, by
// account code: debits positive, credits negative.
func AccountBalances(entries []JournalEntry, upTo Date) map[string]decimal.Decimal {
	b := map[string]decimal.Decimal{}
	for _, e := range entries {
		if e.Date > upTo {
			continue
		}
		b[e.Debit.Code] = b[e.Debit.Code].Add(e.Amount)
		b[e.Credit.Code] = b[e.Credit.Code].Sub(e.Amount)
	}
	return b
}

// JournalIn returns the entries dated inside p, keeping their numbers.
func JournalIn(entries []JournalEntry, p Period) []JournalEntry {
	var out []JournalEntry
	for _, e := range entries {
		if p.Contains(e.Date) {
			out = append(out, e)
		}
	}
	return out
}
