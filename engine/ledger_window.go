package engine

// Expiring is what of the payee's points lapses within days after AsOf
// unless redeemed: what is left on AsOf of the lots not yet expired then
// whose expiry falls on or before AsOf + days, with the earliest of those
// expiry days (the points twin of FundLedger.Expiring).
func (l PointsLedger) Expiring(days int) (int64, Date) {
	by := l.AsOf.AddDays(days)
	var total int64
	var next Date
	for _, lt := range l.Lots {
		e := lt.Earned.ExpiresOn
		if e == 0 || lt.Expired || e > by || lt.Remaining <= 0 {
			continue
		}
		total += lt.Remaining
		if next == 0 || e < next {
			next = e
		}
	}
	return total, next
}
