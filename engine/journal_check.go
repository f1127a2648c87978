package engine

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/shopspring/decimal"
)

// LiabilityLedgers are the ledgers behind the journal's liability accounts
// on one day, as positive amounts owed.
type LiabilityLedgers struct {
	AccruedRewards    decimal.Decimal // approved money lines accrued by the day, less what was paid by then
	FundLiability     decimal.Decimal // the partners' fund balances (FundLedger.Balance)
	FundClaimsPayable decimal.Decimal // approved claims not yet reimbursed
	PointsLiability   decimal.Decimal // points outstanding (PointsLedger.Balance) at the point value
}

// LedgersOn reads the ledgers behind the liability accounts on day from the
// same inputs the journal is made of, without going through the journal:
// lines by their period's end and the payout that settled them, the fund
// and points ledgers by their own model.
func LedgersOn(in JournalInput, day Date) (LiabilityLedgers, error) {
	var out LiabilityLedgers
	paidOn := map[ID]Date{}
	for _, po := range in.Payouts {
		for _, id := range po.LineIDs {
			paidOn[id] = po.Date
		}
	}
	for _, l := range in.Lines {
		if l.Unit != UnitMoney || l.Status == LineDraft {
			continue
		}
		p, err := ParsePeriod(l.Period, in.FiscalYearStart)
		if err != nil {
			return out, fmt.Errorf("line %d: %w", l.ID, err)
		}
		if p.End <= day {
			out.AccruedRewards = out.AccruedRewards.Add(l.Amount)
		}
		if d, ok := paidOn[l.ID]; ok && d <= day {
			out.AccruedRewards = out.AccruedRewards.Sub(l.Amount)
		}
	}
	partners := map[ID]bool{}
	for _, e := range in.Funds {
		partners[e.PartnerID] = true
		if e.Kind == FundClaim && (e.Status == ClaimApproved || e.Status == ClaimReimbursed) && e.Date <= day {
			reimbursed := e.Status == ClaimReimbursed && max(e.ReimbursedOn, e.Date) <= day
			if !reimbursed {
				out.FundClaimsPayable = out.FundClaimsPayable.Add(e.Approved)
			}
		}
	}
	for _, pid := range sortedIDs(partners) {
		out.FundLiability = out.FundLiability.Add(NewFundLedger(in.Funds, pid, day).Balance())
	}
	payees := map[Payee]bool{}
	for _, e := range in.Points {
		payees[e.Payee] = true
	}
	ps := make([]Payee, 0, len(payees))
	for p := range payees {
		ps = append(ps, p)
	}
	slices.SortFunc(ps, func(a, b Payee) int { return cmp.Or(cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.ID, b.ID)) })
	var pts int64
	for _, p := range ps {
		pts += NewPointsLedger(in.Points, p, day).Balance()
	}
	out.PointsLiability = in.Currency.Round(in.PointValue.Mul(decimal.NewFromInt(pts)))
	return out, nil
}

// ReconcileJournal compares, on every day from from to to, each liability
// account's balance in entries (credits positive) with the ledger behind
// it, checks that the journal's debits equal its credits, and returns one
// line per difference (nil when the books agree).
func ReconcileJournal(in JournalInput, entries []JournalEntry, from, to Date) ([]string, error) {
	c := in.Chart.WithDefaults()
	var out []string
	sorted := slices.Clone(entries)
	slices.SortStableFunc(sorted, func(a, b JournalEntry) int { return cmp.Compare(a.Date, b.Date) })
	bal := map[string]decimal.Decimal{}
	debits, credits := decimal.Zero, decimal.Zero
	next := 0
	for _, day := range changeDays(in, entries, from, to) {
		for ; next < len(sorted) && sorted[next].Date <= day; next++ {
			e := sorted[next]
			if e.Amount.IsNegative() {
				out = append(out, fmt.Sprintf("entry %d has a negative amount %s", e.Entry, e.Amount))
			}
			bal[e.Debit.Code] = bal[e.Debit.Code].Add(e.Amount)
			bal[e.Credit.Code] = bal[e.Credit.Code].Sub(e.Amount)
			debits, credits = debits.Add(e.Amount), credits.Add(e.Amount)
		}
		led, err := LedgersOn(in, day)
		if err != nil {
			return nil, err
		}
		for _, chk := range []struct {
			acc  Account
			want decimal.Decimal
		}{
			{c.AccruedRewards, led.AccruedRewards},
			{c.FundLiability, led.FundLiability},
			{c.FundClaimsPayable, led.FundClaimsPayable},
			{c.PointsLiability, led.PointsLiability},
		} {
			if got := bal[chk.acc.Code].Neg(); !got.Equal(chk.want) {
				out = append(out, fmt.Sprintf("%s: %s %s has a balance of %s, its ledger %s", day, chk.acc.Code, chk.acc.Name, got, chk.want))
			}
		}
		if len(out) > 20 {
			break
		}
	}
	total := decimal.Zero
	for _, b := range bal {
		total = total.Add(b)
	}
	if !total.IsZero() || !debits.Equal(credits) {
		out = append(out, fmt.Sprintf("debits %s and credits %s do not balance (trial balance off by %s)", debits, credits, total))
	}
	return out, nil
}

// changeDays are the days on which a balance or a ledger can move: the
// first and last day, and every day an entry, payout, period end or expiry
// falls on between them. Between two of them nothing changes, so checking
// them checks every day.
func changeDays(in JournalInput, entries []JournalEntry, from, to Date) []Date {
	set := map[Date]bool{from: true, to: true}
	add := func(d Date) {
		if d > from && d < to {
			set[d] = true
		}
	}
	for _, e := range entries {
		add(e.Date)
	}
	for _, po := range in.Payouts {
		add(po.Date)
	}
	for _, l := range in.Lines {
		if p, err := ParsePeriod(l.Period, in.FiscalYearStart); err == nil {
			add(p.End)
		}
	}
	for _, e := range in.Funds {
		add(e.Date)
		add(e.ExpiresOn)
		add(e.ReimbursedOn)
	}
	for _, e := range in.Points {
		add(e.Date)
		add(e.ExpiresOn)
	}
	days := make([]Date, 0, len(set))
	for d := range set {
		days = append(days, d)
	}
	slices.Sort(days)
	return days
}
