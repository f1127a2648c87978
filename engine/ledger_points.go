package engine

import (
	"cmp"
	"fmt"
	"slices"
	"time"
)

// The points ledger: the same model as the fund ledger (see the comment at
// the top of ledger.go), over lots of points instead of accruals of money.

// PointsExpiresOn is the first day points earned in period p are gone when
// they are valid for months after the period end: they can be redeemed up
// to and including the day months calendar months after p's end (clamped
// to that month's last day; the last day of a month stays the last day),
// and expire the day after. Zero months: they never expire (0).
func PointsExpiresOn(p Period, months int) Date {
	if months <= 0 {
		return 0
	}
	return addMonthsClamped(p.End, months).AddDays(1)
}

// addMonthsClamped moves d by n calendar months, keeping the day of month
// where the target month has it, its last day otherwise; a month's last day
// moves to the target month's last day.
func addMonthsClamped(d Date, n int) Date {
	y, m, day := d.YMD()
	lastOf := func(y int, m time.Month) int { _, _, d := NewDate(y, m+1, 0).YMD(); return d }
	ty, tm, _ := NewDate(y, m+time.Month(n), 1).YMD()
	if tl := lastOf(ty, tm); day == lastOf(y, m) || day > tl {
		day = tl
	}
	return NewDate(ty, tm, day)
}

// PointsLot is one earning of points with what is left of it.
type PointsLot struct {
	Earned    PointsEntry
	Remaining int64
	Redeemed  int64 // taken by redemptions
	Lapsed    int64 // taken by posted expiries
	Clawed    int64 // taken by claw-backs, or covering their debt
	Expired   bool  // its ExpiresOn has come by the ledger's day
}

// Left is what can still be redeemed of the lot on the ledger's day.
func (lt PointsLot) Left() int64 {
	if lt.Expired || lt.Remaining < 0 {
		return 0
	}
	return lt.Remaining
}

// Gone is what of the lot has expired by the ledger's day: the posted
// expiries, and what is left once its day has come though not yet posted.
func (lt PointsLot) Gone() int64 {
	if lt.Expired && lt.Remaining > 0 {
		return lt.Lapsed + lt.Remaining
	}
	return lt.Lapsed
}

// PointsLedger is one payee's points as of a day: the entries dated up to
// AsOf, with the shares decided over every posted entry. Redemptions take
// the oldest points still valid on their date first; a posted expiry takes
// what its lot has left.
type PointsLedger struct {
	Payee       Payee
	AsOf        Date
	Lots        []PointsLot // oldest first (date, then id)
	Redemptions []PointsEntry
	Expiries    []PointsEntry
	Clawbacks   []PointsEntry
	// Debt is what claw-backs took that no lot could cover.
	Debt int64
	// Short lists the redemptions and expiries that took more than the
	// points available to them (a broken file or a back-dated import).
	Short []PointsShort
}

// PointsShort is a redemption or expiry that took more points than were
// available to it.
type PointsShort struct {
	Entry     PointsEntry
	Available int64
}

// pointsTake is what one entry took of one lot when every posted entry is
// replayed; debt marks a claw-back's share, or a lot covering a debt.
type pointsTake struct {
	by   int // index of the consuming entry
	lot  ID
	n    int64
	debt bool
}

// NewPointsLedger returns a payee's points as of asOf. What every entry took
// of which lot is decided once, replaying every posted entry in posting
// order (redemptions take the oldest points valid on their date, an expiry
// its lot, a claw-back the oldest valid points and then the next points
// earned); the view as of asOf applies what the entries dated up to asOf
// took of the lots earned up to asOf.
//
// It is long because it is the two passes described above (replay in
// posting order, then the view as of a day) over every kind of points
// entry, a case each.
func NewPointsLedger(entries []PointsEntry, payee Payee, asOf Date) PointsLedger {
	l := PointsLedger{Payee: payee, AsOf: asOf}
	var mine []PointsEntry
	for _, e := range entries {
		if e.Payee == payee {
			mine = append(mine, e)
		}
	}
	slices.SortStableFunc(mine, func(a, b PointsEntry) int { return cmp.Compare(a.ID, b.ID) })

	// Every posted entry, in posting order.
	type debt struct {
		by   int
		need int64
	}
	var takes []pointsTake
	var debts []debt
	var lots []PointsEntry // earned so far, oldest first
	left := map[ID]int64{}
	owed := make([]int64, len(mine)) // what each entry left owing (claw-backs, shorts)
	take := func(i int, need int64, ok func(PointsEntry) bool, isDebt bool) int64 {
		for _, lt := range lots {
			if need <= 0 {
				break
			}
			if left[lt.ID] <= 0 || !ok(lt) {
				continue
			}
			n := min(need, left[lt.ID])
			left[lt.ID] -= n
			need -= n
			takes = append(takes, pointsTake{by: i, lot: lt.ID, n: n, debt: isDebt})
		}
		return need
	}
	for i, e := range mine {
		switch {
		case e.Kind == PointsEarned && e.Points >= 0:
			r := e.Points
			for len(debts) > 0 && r > 0 {
				d := &debts[0]
				n := min(d.need, r)
				r, d.need = r-n, d.need-n
				takes = append(takes, pointsTake{by: d.by, lot: e.ID, n: n, debt: true})
				if d.need <= 0 {
					debts = debts[1:]
				}
			}
			left[e.ID] = r
			lots = insertFIFO(lots, e, func(x PointsEntry) (Date, ID) { return x.Date, x.ID })
		case e.Kind == PointsEarned:
			owed[i] = -e.Points
			if short := take(i, -e.Points, func(lt PointsEntry) bool { return validOn(lt.ExpiresOn, e.Date) }, true); short > 0 {
				debts = append(debts, debt{by: i, need: short})
			}
		case e.Kind == PointsRedeemed || e.Kind == PointsExpired:
			ok := func(lt PointsEntry) bool { return lt.Date <= e.Date && validOn(lt.ExpiresOn, e.Date) }
			if e.Kind == PointsExpired {
				ok = func(lt PointsEntry) bool { return e.Lot == 0 || lt.ID == e.Lot }
			}
			if short := take(i, -e.Points, ok, false); short > 0 {
				l.Short = append(l.Short, PointsShort{Entry: e, Available: -e.Points - short})
				owed[i] = short
				debts = append(debts, debt{by: i, need: short})
			}
		}
	}

	// The view as of asOf.
	at := map[ID]int{}
	var view []PointsLot
	for i, e := range mine {
		if e.Date > asOf {
			continue
		}
		l.Debt += owed[i]
		switch {
		case e.Kind == PointsEarned && e.Points >= 0:
			at[e.ID] = len(view)
			view = append(view, PointsLot{Earned: e, Remaining: e.Points})
		case e.Kind == PointsEarned:
			l.Clawbacks = append(l.Clawbacks, e)
		case e.Kind == PointsRedeemed:
			l.Redemptions = append(l.Redemptions, e)
		case e.Kind == PointsExpired:
			l.Expiries = append(l.Expiries, e)
		}
	}
	for _, t := range takes {
		by := mine[t.by]
		i, ok := at[t.lot]
		if by.Date > asOf || !ok {
			continue
		}
		lt := &view[i]
		lt.Remaining -= t.n
		switch {
		case t.debt:
			lt.Clawed += t.n
			l.Debt -= t.n
		case by.Kind == PointsRedeemed:
			lt.Redeemed += t.n
		default:
			lt.Lapsed += t.n
		}
	}
	slices.SortStableFunc(view, func(a, b PointsLot) int {
		return cmp.Or(cmp.Compare(a.Earned.Date, b.Earned.Date), cmp.Compare(a.Earned.ID, b.Earned.ID))
	})
	for i := range view {
		view[i].Expired = view[i].Earned.ExpiresOn != 0 && view[i].Earned.ExpiresOn <= asOf
	}
	l.Lots = view
	return l
}

// Balance is the points the payee can spend on AsOf: what is left of the
// lots not yet expired, less any uncovered claw-back.
func (l PointsLedger) Balance() int64 {
	var b int64
	for _, lt := range l.Lots {
		if !lt.Expired && lt.Remaining > 0 {
			b += lt.Remaining
		}
	}
	return b - l.Debt
}

// Totals are the points earned (net of claw-backs), redeemed and expired
// (posted expiries and lots expired by AsOf whose expiry is not posted yet),
// the last two as positive numbers.
func (l PointsLedger) Totals() (earned, redeemed, expired int64) {
	for _, lt := range l.Lots {
		earned += lt.Earned.Points
		if lt.Expired && lt.Remaining > 0 {
			expired += lt.Remaining
		}
	}
	for _, e := range l.Clawbacks {
		earned += e.Points
	}
	for _, e := range l.Redemptions {
		redeemed -= e.Points
	}
	for _, e := range l.Expiries {
		expired -= e.Points
	}
	return earned, redeemed, expired
}

// NextExpiry is what expires next after AsOf unless redeemed: the first
// expiry day of a lot with points left and not yet expired, and the points
// that lapse on that day (0, 0 when none will).
func (l PointsLedger) NextExpiry() (int64, Date) {
	var pts int64
	var next Date
	for _, lt := range l.Lots {
		e := lt.Earned.ExpiresOn
		if e == 0 || lt.Expired || lt.Remaining <= 0 {
			continue
		}
		switch {
		case next == 0 || e < next:
			next, pts = e, lt.Remaining
		case e == next:
			pts += lt.Remaining
		}
	}
	return pts, next
}

// Available is what a redemption dated day may take: what every posted
// entry has left of the lots earned up to day and still valid on it, less
// any uncovered claw-back. Read it on a ledger of every entry (asOf noDate).
func (l PointsLedger) Available(day Date) int64 {
	var t int64
	for _, lt := range l.Lots {
		if lt.Earned.Date <= day && validOn(lt.Earned.ExpiresOn, day) && lt.Remaining > 0 {
			t += lt.Remaining
		}
	}
	return max(t-l.Debt, 0)
}

// PointsBalance is a payee's points on asOf (PointsLedger.Balance).
func PointsBalance(entries []PointsEntry, payee Payee, asOf Date) int64 {
	return NewPointsLedger(entries, payee, asOf).Balance()
}

// PointsAvailable is what a redemption dated day may take from a payee's
// points, after every posted entry, whatever its date.
func PointsAvailable(entries []PointsEntry, payee Payee, day Date) int64 {
	return NewPointsLedger(entries, payee, noDate).Available(day)
}

// PointsNextExpiry is what of a payee's points expires next after asOf
// unless redeemed, and on which day (0, 0 when none will).
func PointsNextExpiry(entries []PointsEntry, payee Payee, asOf Date) (int64, Date) {
	return NewPointsLedger(entries, payee, asOf).NextExpiry()
}

// DuePointsExpiries returns the expiry entries due by asOf and not yet
// posted: for every lot whose ExpiresOn has come, what every posted entry
// has left of it, dated on ExpiresOn.
func DuePointsExpiries(entries []PointsEntry, asOf Date) []PointsEntry {
	by := map[Payee][]PointsEntry{}
	var payees []Payee
	expiring := map[Payee]bool{}
	for _, e := range entries {
		if _, ok := by[e.Payee]; !ok {
			payees = append(payees, e.Payee)
		}
		by[e.Payee] = append(by[e.Payee], e)
		expiring[e.Payee] = expiring[e.Payee] || e.ExpiresOn != 0
	}
	slices.SortFunc(payees, func(a, b Payee) int { return cmp.Or(cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.ID, b.ID)) })
	var out []PointsEntry
	for _, py := range payees {
		if !expiring[py] {
			continue
		}
		for _, lt := range NewPointsLedger(by[py], py, noDate).Lots {
			if lt.Earned.ExpiresOn == 0 || lt.Earned.ExpiresOn > asOf || lt.Remaining <= 0 {
				continue
			}
			out = append(out, PointsEntry{Payee: py, Kind: PointsExpired, Date: lt.Earned.ExpiresOn, Points: -lt.Remaining,
				Lot: lt.Earned.ID, Period: lt.Earned.Period})
		}
	}
	return out
}

// PointsProblems lists, as sentences, what in a payee's posted points
// entries breaks the ledger's rules: a redemption or expiry that took more
// than the points available to it.
func PointsProblems(entries []PointsEntry, payee Payee) []string {
	l := NewPointsLedger(entries, payee, noDate)
	var out []string
	for _, sh := range l.Short {
		out = append(out, fmt.Sprintf("Points entry %d of %s %d on %s takes %d points where %d were available: the points go below zero (%d).",
			sh.Entry.ID, payee.Kind, payee.ID, sh.Entry.Date, -sh.Entry.Points, sh.Available, sh.Available+sh.Entry.Points))
	}
	return out
}
