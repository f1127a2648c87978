package engine_test

import (
	"testing"

	"partnerdesk/engine"
)

// PointsLedger.Expiring counts what is left of the lots not yet expired
// whose expiry falls within the window. Lots: 100 expiring 2026-07-20,
// 50 expiring 2026-08-10, 70 expiring 2026-09-30, 30 never; 40 redeemed on
// 2026-07-01 take the oldest first (the first lot keeps 60). As of
// 2026-07-15 with 30 days (up to 2026-08-14): 60 + 50 = 110, first on
// 2026-07-20. As of 2026-07-25 the first lot has expired: 50, on 08-10.
func TestPointsExpiringWithinDays(t *testing.T) {
	py := engine.Payee{Kind: engine.PayeeRep, ID: 7}
	d := engine.MustDate
	entries := []engine.PointsEntry{
		{ID: 1, Payee: py, Kind: engine.PointsEarned, Date: d("2026-01-31"), Points: 100, ExpiresOn: d("2026-07-20")},
		{ID: 2, Payee: py, Kind: engine.PointsEarned, Date: d("2026-02-28"), Points: 50, ExpiresOn: d("2026-08-10")},
		{ID: 3, Payee: py, Kind: engine.PointsEarned, Date: d("2026-03-31"), Points: 70, ExpiresOn: d("2026-09-30")},
		{ID: 4, Payee: py, Kind: engine.PointsEarned, Date: d("2026-04-30"), Points: 30},
		{ID: 5, Payee: py, Kind: engine.PointsRedeemed, Date: d("2026-07-01"), Points: -40, Against: "mug"},
	}
	tests := []struct {
		asOf string
		days int
		want int64
		next string
	}{
		{"2026-07-15", 30, 110, "2026-07-20"},
		{"2026-07-25", 30, 50, "2026-08-10"},
		{"2026-07-15", 3, 0, ""},
		{"2026-10-01", 365, 0, ""}, // only the lot that never expires is left
	}
	for _, tt := range tests {
		got, next := engine.NewPointsLedger(entries, py, d(tt.asOf)).Expiring(tt.days)
		wantNext := engine.Date(0)
		if tt.next != "" {
			wantNext = d(tt.next)
		}
		if got != tt.want || next != wantNext {
			t.Errorf("as of %s within %d days: %d on %s, want %d on %s", tt.asOf, tt.days, got, next, tt.want, wantNext)
		}
	}
}
