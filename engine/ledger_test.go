package engine_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"partnerdesk/engine"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// The fund story of the period-run issue: accruals of 1,000 (Q1, expiring
// 2026-09-27 = Q1 end 03-31 + 180 days) and 500 (Q2, expiring 2026-12-27 =
// 06-30 + 180 days); a claim of 1,200 on 2026-07-15 takes all of Q1's 1,000
// and 200 of Q2's; a claim of 400 more is approved only up to the 300 left;
// nothing of Q2 is left to expire then. Without the second claim, Q2's 300
// expires on 2026-12-27.
func TestFundClaimsOldestFirstAndExpiry(t *testing.T) {
	q1End, q2End := engine.MustDate("2026-03-31"), engine.MustDate("2026-06-30")
	entries := []engine.FundEntry{
		{ID: 1, PartnerID: 7, Kind: engine.FundAccrual, Date: q1End, Amount: dec("1000"), ExpiresOn: q1End.AddDays(180)},
		{ID: 2, PartnerID: 7, Kind: engine.FundAccrual, Date: q2End, Amount: dec("500"), ExpiresOn: q2End.AddDays(180)},
		{ID: 3, PartnerID: 8, Kind: engine.FundAccrual, Date: q2End, Amount: dec("999"), ExpiresOn: q2End.AddDays(180)},
	}
	day := engine.MustDate("2026-07-15")
	if got := engine.FundBalance(entries, 7, day); !got.Equal(dec("1500")) {
		t.Fatalf("balance before claims = %s, want 1500", got)
	}
	approved, draws := engine.DrawClaim(entries, 7, day, dec("1200"))
	if !approved.Equal(dec("1200")) || len(draws) != 2 || draws[0].AccrualID != 1 || !draws[0].Amount.Equal(dec("1000")) || draws[1].AccrualID != 2 || !draws[1].Amount.Equal(dec("200")) {
		t.Fatalf("claim 1200: approved %s draws %+v, want 1200 from 1000 of #1 and 200 of #2", approved, draws)
	}
	entries = append(entries, engine.FundEntry{ID: 4, PartnerID: 7, Kind: engine.FundClaim, Date: day, Amount: dec("1200"), Approved: approved, Status: engine.ClaimApproved, Draws: draws})

	// Expiry at Q2's date without a second claim: 500 - 200 = 300 expires.
	exp := engine.DueExpiries(entries, q2End.AddDays(180))
	if len(exp) != 2 {
		t.Fatalf("due expiries = %+v, want partner 7's 300 and partner 8's 999", exp)
	}
	if exp[0].PartnerID != 7 || !exp[0].Amount.Equal(dec("300")) || exp[0].Date != q2End.AddDays(180) {
		t.Errorf("expiry = %+v, want 300 of partner 7 on %s", exp[0], q2End.AddDays(180))
	}
	// Q1's accrual was fully claimed, so nothing of it expires on 2026-09-27.
	if e := engine.DueExpiries(entries, q1End.AddDays(180)); len(e) != 0 {
		t.Errorf("expiries on Q1's date = %+v, want none", e)
	}
	// A day before Q2's date, nothing is due yet.
	if e := engine.DueExpiries(entries, q2End.AddDays(179)); len(e) != 0 {
		t.Errorf("expiries before the date = %+v, want none", e)
	}

	approved, draws = engine.DrawClaim(entries, 7, day.AddDays(1), dec("400"))
	if !approved.Equal(dec("300")) || len(draws) != 1 || draws[0].AccrualID != 2 {
		t.Fatalf("claim 400: approved %s draws %+v, want 300 from #2", approved, draws)
	}
	entries = append(entries, engine.FundEntry{ID: 5, PartnerID: 7, Kind: engine.FundClaim, Date: day.AddDays(1), Amount: dec("400"), Approved: approved, Status: engine.ClaimApproved, Draws: draws})
	if got := engine.FundBalance(entries, 7, day.AddDays(1)); !got.IsZero() {
		t.Errorf("balance after both claims = %s, want 0", got)
	}
	if e := engine.DueExpiries(entries, q2End.AddDays(180)); len(e) != 1 || e[0].PartnerID != 8 {
		t.Errorf("expiries after both claims = %+v, want only partner 8's", e)
	}
}

// An expired accrual can no longer be claimed: 100 accrued on 2026-01-31,
// expiring 2026-03-02, claimed on 2026-03-02 gives 0.
func TestFundExpiredNotClaimable(t *testing.T) {
	entries := []engine.FundEntry{{ID: 1, PartnerID: 1, Kind: engine.FundAccrual, Date: engine.MustDate("2026-01-31"), Amount: dec("100"), ExpiresOn: engine.MustDate("2026-03-02")}}
	if got, _ := engine.DrawClaim(entries, 1, engine.MustDate("2026-03-01"), dec("50")); !got.Equal(dec("50")) {
		t.Errorf("claim the day before expiry = %s, want 50", got)
	}
	if got, _ := engine.DrawClaim(entries, 1, engine.MustDate("2026-03-02"), dec("50")); !got.IsZero() {
		t.Errorf("claim on the expiry day = %s, want 0", got)
	}
}

// Points: 120 earned, 50 redeemed, 10 expired -> 60; the balance on a day
// before the redemption is 120.
func TestPointsBalance(t *testing.T) {
	rep := engine.Payee{Kind: engine.PayeeRep, ID: 3}
	entries := []engine.PointsEntry{
		{Payee: rep, Kind: engine.PointsEarned, Date: engine.MustDate("2026-03-31"), Points: 120},
		{Payee: rep, Kind: engine.PointsRedeemed, Date: engine.MustDate("2026-04-10"), Points: -50},
		{Payee: rep, Kind: engine.PointsExpired, Date: engine.MustDate("2026-05-01"), Points: -10},
		{Payee: engine.Payee{Kind: engine.PayeePartner, ID: 3}, Kind: engine.PointsEarned, Date: engine.MustDate("2026-03-31"), Points: 999},
	}
	if got := engine.PointsBalance(entries, rep, engine.MustDate("2026-12-31")); got != 60 {
		t.Errorf("balance = %d, want 60", got)
	}
	if got := engine.PointsBalance(entries, rep, engine.MustDate("2026-04-09")); got != 120 {
		t.Errorf("balance before redemption = %d, want 120", got)
	}
}

// A budget of 1,000.00 with 900.00 spent: approving 150.00 passes it (1,050
// > 1,000); approving 100.00 reaches it exactly and does not; a claw-back
// of -50.00 lowers the spend and never warns; no budget never warns.
func TestBudgetOverrunPasses(t *testing.T) {
	cur := engine.NewCurrency("EUR")
	tests := []struct {
		budget, spent, approving string
		want                     bool
	}{
		{"1000", "900", "150", true},
		{"1000", "900", "100", false},
		{"1000", "1100", "-50", false},
		{"0", "900", "150", false},
	}
	for _, tt := range tests {
		o := engine.BudgetOverrun{Currency: cur, Budget: dec(tt.budget), Spent: dec(tt.spent), Approving: dec(tt.approving)}
		if got := o.Passes(); got != tt.want {
			t.Errorf("budget %s spent %s approving %s: Passes = %v, want %v", tt.budget, tt.spent, tt.approving, got, tt.want)
		}
	}
}

func fund(id engine.ID, kind engine.FundEntryKind, date, amount string) engine.FundEntry {
	return engine.FundEntry{ID: id, PartnerID: 1, Kind: kind, Date: engine.MustDate(date), Amount: dec(amount)}
}

func approvedClaim(id engine.ID, date, amount string, draws ...engine.FundDraw) engine.FundEntry {
	c := fund(id, engine.FundClaim, date, amount)
	c.Status, c.Approved, c.Draws = engine.ClaimApproved, dec(amount), draws
	return c
}

// Finding 4 of issue 11: a claw-back of a fund accrual lowers the balance.
func TestFundClawbackLowersBalance(t *testing.T) {
	a := fund(1, engine.FundAccrual, "2026-03-31", "1000")
	a.ExpiresOn = engine.MustDate("2026-09-27")
	t.Run("money left", func(t *testing.T) {
		// 1,000 accrued, nothing claimed, a return claws back 100 on
		// 2026-06-30: balance 1,000 - 100 = 900, and a claim of the old
		// 1,000 on 07-01 is approved for 900 only, all of it from #1.
		es := []engine.FundEntry{a, fund(2, engine.FundAccrual, "2026-06-30", "-100")}
		day := engine.MustDate("2026-07-01")
		if got := engine.FundBalance(es, 1, day); !got.Equal(dec("900")) {
			t.Fatalf("balance = %s, want 900", got)
		}
		got, draws := engine.DrawClaim(es, 1, day, dec("1000"))
		if !got.Equal(dec("900")) || len(draws) != 1 || draws[0].AccrualID != 1 || !draws[0].Amount.Equal(dec("900")) {
			t.Fatalf("claim 1,000: approved %s draws %+v, want 900 from #1", got, draws)
		}
		es = append(es, approvedClaim(3, "2026-07-01", "900", draws...))
		if p := engine.FundProblems(es, 1); len(p) != 0 {
			t.Errorf("problems = %v, want none", p)
		}
		// The claw-back is no accrual of its own.
		if st := engine.FundStates(es, 1, day); len(st) != 1 || !st[0].ClawedBack.Equal(dec("100")) || !st[0].Remaining.IsZero() {
			t.Errorf("states = %+v, want #1 alone, 100 clawed back, nothing left", st)
		}
	})
	t.Run("already spent", func(t *testing.T) {
		// The 1,000 were claimed on 04-10; the claw-back of 100 on 06-30
		// finds nothing left: balance 0 - 100 = -100 and a claim of 50 on
		// 07-01 gets nothing. Q3's accrual of 300 (posted after the
		// claw-back) first pays the 100: balance 200; a claim of 250 is
		// approved for 200, from Q3's accrual.
		es := []engine.FundEntry{a, approvedClaim(2, "2026-04-10", "1000", engine.FundDraw{AccrualID: 1, Amount: dec("1000")}),
			fund(3, engine.FundAccrual, "2026-06-30", "-100")}
		day := engine.MustDate("2026-07-01")
		if got := engine.FundBalance(es, 1, day); !got.Equal(dec("-100")) {
			t.Fatalf("balance = %s, want -100", got)
		}
		if got, draws := engine.DrawClaim(es, 1, day, dec("50")); !got.IsZero() || len(draws) != 0 {
			t.Fatalf("claim while negative: approved %s draws %+v, want nothing", got, draws)
		}
		b := fund(4, engine.FundAccrual, "2026-09-30", "300")
		b.ExpiresOn = engine.MustDate("2027-03-29")
		es = append(es, b)
		later := engine.MustDate("2026-10-01")
		if got := engine.FundBalance(es, 1, later); !got.Equal(dec("200")) {
			t.Fatalf("balance after Q3 = %s, want 200", got)
		}
		// On 2026-09-29 (before Q3's accrual) the fund was still -100.
		if got := engine.FundBalance(es, 1, engine.MustDate("2026-09-29")); !got.Equal(dec("-100")) {
			t.Errorf("balance on 09-29 = %s, want -100", got)
		}
		got, draws := engine.DrawClaim(es, 1, later, dec("250"))
		if !got.Equal(dec("200")) || len(draws) != 1 || draws[0].AccrualID != 4 || !draws[0].Amount.Equal(dec("200")) {
			t.Fatalf("claim 250: approved %s draws %+v, want 200 from #4", got, draws)
		}
		// Only Q3's 200 can expire: 300 - 100 covered.
		exp := engine.DueExpiries(es, engine.MustDate("2027-03-29"))
		if len(exp) != 1 || exp[0].Draws[0].AccrualID != 4 || !exp[0].Amount.Equal(dec("200")) {
			t.Errorf("due expiries = %+v, want 200 of #4", exp)
		}
	})
}

// Finding 5 of issue 11: a claim dated before an already-posted expiry must
// not draw the expired money again. #1 (100, expires 03-02) expired and its
// 100 was posted; #2 (50, accrued 02-28, expires 03-30). A claim of 120
// dated 03-01 finds #1 emptied by the posted expiry and gets 50 from #2.
// (Before: 100 of #1 + 20 of #2, so #1 was drawn for 200.)
func TestFundClaimBeforePostedExpiry(t *testing.T) {
	a := fund(1, engine.FundAccrual, "2026-01-31", "100")
	a.ExpiresOn = engine.MustDate("2026-03-02")
	b := fund(2, engine.FundAccrual, "2026-02-28", "50")
	b.ExpiresOn = engine.MustDate("2026-03-30")
	es := []engine.FundEntry{a, b}
	due := engine.DueExpiries(es, engine.MustDate("2026-03-10"))
	if len(due) != 1 || !due[0].Amount.Equal(dec("100")) || due[0].Date != a.ExpiresOn {
		t.Fatalf("due = %+v, want 100 of #1 on 03-02", due)
	}
	due[0].ID = 3
	es = append(es, due[0])
	got, draws := engine.DrawClaim(es, 1, engine.MustDate("2026-03-01"), dec("120"))
	if !got.Equal(dec("50")) || len(draws) != 1 || draws[0].AccrualID != 2 {
		t.Fatalf("back-dated claim: approved %s draws %+v, want 50 from #2", got, draws)
	}
	// A claim dated before #2 was accrued cannot draw on it either.
	if got, _ := engine.DrawClaim(es, 1, engine.MustDate("2026-02-27"), dec("10")); !got.IsZero() {
		t.Errorf("claim before #2 accrued = %s, want 0", got)
	}
	// The double draw the old code made is what FundProblems reports.
	bad := append(es, approvedClaim(4, "2026-03-01", "120", engine.FundDraw{AccrualID: 1, Amount: dec("100")}, engine.FundDraw{AccrualID: 2, Amount: dec("20")}))
	if p := engine.FundProblems(bad, 1); len(p) != 1 {
		t.Errorf("problems = %q, want accrual 1 drawn beyond its amount", p)
	}
	// A draw after the accrual's expiry is reported too.
	late := append([]engine.FundEntry{a}, approvedClaim(5, "2026-03-02", "10", engine.FundDraw{AccrualID: 1, Amount: dec("10")}))
	if p := engine.FundProblems(late, 1); len(p) != 1 {
		t.Errorf("problems = %q, want claim 5 not valid that day", p)
	}
}

// Finding 6 of issue 11: "expires within 30 days" counts what is left on
// the day and not yet expired then, expiring by day + 30. On 2026-04-15:
// #1 (expires 04-15) has expired that morning: out; #2 (400, expires
// 05-15 = 04-15 + 30, claimed 150 on 04-01) counts its 250 left; #3
// (expires 05-16) is outside the window; #4 never expires. Expiring = 250,
// first on 05-15; balance = 250 + 700 + 900 = 1,850.
func TestFundExpiringWithin30Days(t *testing.T) {
	mk := func(id engine.ID, amount, expires string) engine.FundEntry {
		e := fund(id, engine.FundAccrual, "2026-01-31", amount)
		if expires != "" {
			e.ExpiresOn = engine.MustDate(expires)
		}
		return e
	}
	es := []engine.FundEntry{mk(1, "100", "2026-04-15"), mk(2, "400", "2026-05-15"), mk(3, "700", "2026-05-16"), mk(4, "900", ""),
		approvedClaim(5, "2026-04-01", "150", engine.FundDraw{AccrualID: 2, Amount: dec("150")})}
	day := engine.MustDate("2026-04-15")
	got, next := engine.FundExpiring(es, 1, day, 30)
	if !got.Equal(dec("250")) || next != engine.MustDate("2026-05-15") {
		t.Errorf("expiring = %s on %s, want 250 on 2026-05-15", got, next)
	}
	if b := engine.FundBalance(es, 1, day); !b.Equal(dec("1850")) {
		t.Errorf("balance = %s, want 1850", b)
	}
	// A day earlier #1's 100 still counts, and #2 (05-15) is one day past
	// 04-14 + 30 = 05-14: 100 from 04-15.
	got, next = engine.FundExpiring(es, 1, day.AddDays(-1), 30)
	if !got.Equal(dec("100")) || next != engine.MustDate("2026-04-15") {
		t.Errorf("expiring on 04-14 = %s on %s, want 100 on 2026-04-15", got, next)
	}
}

// PointsExpiresOn: valid through the day N months after the period end
// (a month's last day stays the last day), gone the day after.
func TestPointsExpiresOn(t *testing.T) {
	tests := []struct {
		period engine.Period
		months int
		want   string
	}{
		{engine.Quarter(2026, 1, 1), 12, "2027-04-01"},                                                 // 03-31 + 12 months = 2027-03-31
		{engine.Month(engine.MustDate("2026-01-15")), 1, "2026-03-01"},                                 // 01-31 -> 02-28
		{engine.Month(engine.MustDate("2026-02-15")), 1, "2026-04-01"},                                 // 02-28 (last day) -> 03-31
		{engine.Custom(engine.MustDate("2026-08-01"), engine.MustDate("2026-08-30")), 1, "2026-10-01"}, // 08-30 -> 09-30
		{engine.Custom(engine.MustDate("2026-12-01"), engine.MustDate("2027-01-30")), 1, "2027-03-01"}, // 01-30 -> 02-28 (clamped)
		{engine.Custom(engine.MustDate("2026-12-01"), engine.MustDate("2027-01-30")), 0, "1970-01-01"}, // never
	}
	for _, tt := range tests {
		got := engine.PointsExpiresOn(tt.period, tt.months)
		if tt.months == 0 && got != 0 || tt.months > 0 && got != engine.MustDate(tt.want) {
			t.Errorf("%s + %d months: %s, want %s", tt.period.Key, tt.months, got, tt.want)
		}
	}
}

func pts(id engine.ID, kind engine.PointsEntryKind, date string, points int64, expires string) engine.PointsEntry {
	e := engine.PointsEntry{ID: id, Payee: engine.Payee{Kind: engine.PayeeRep, ID: 3}, Kind: kind, Date: engine.MustDate(date), Points: points}
	if expires != "" {
		e.ExpiresOn = engine.MustDate(expires)
	}
	return e
}

// Finding 7 of issue 11: points expire, oldest first. Lot #1: 100 earned
// 01-31, gone 04-01; lot #2: 50 earned 02-28, gone 05-01.
func TestPointsExpireOldestFirst(t *testing.T) {
	rep := engine.Payee{Kind: engine.PayeeRep, ID: 3}
	lots := []engine.PointsEntry{pts(1, engine.PointsEarned, "2026-01-31", 100, "2026-04-01"), pts(2, engine.PointsEarned, "2026-02-28", 50, "2026-05-01")}
	t.Run("unredeemed", func(t *testing.T) {
		// 150 on 03-31; on 04-01 #1's 100 are gone: 50 left.
		if got := engine.PointsBalance(lots, rep, engine.MustDate("2026-03-31")); got != 150 {
			t.Errorf("balance on 03-31 = %d, want 150", got)
		}
		if got := engine.PointsBalance(lots, rep, engine.MustDate("2026-04-01")); got != 50 {
			t.Errorf("balance on 04-01 = %d, want 50", got)
		}
		if n, on := engine.PointsNextExpiry(lots, rep, engine.MustDate("2026-03-15")); n != 100 || on != engine.MustDate("2026-04-01") {
			t.Errorf("next expiry on 03-15 = %d on %s, want 100 on 2026-04-01", n, on)
		}
		due := engine.DuePointsExpiries(lots, engine.MustDate("2026-04-02"))
		if len(due) != 1 || due[0].Points != -100 || due[0].Lot != 1 || due[0].Date != engine.MustDate("2026-04-01") {
			t.Fatalf("due = %+v, want -100 of lot 1 on 04-01", due)
		}
		due[0].ID = 3
		es := append(slices.Clone(lots), due[0])
		// Posted, it does not change the balance; a redemption dated
		// 03-20 (before the expiry) cannot take the expired 100 again:
		// only #2's 50 are available.
		if got := engine.PointsBalance(es, rep, engine.MustDate("2026-04-01")); got != 50 {
			t.Errorf("balance after posting = %d, want 50", got)
		}
		if got := engine.PointsAvailable(es, rep, engine.MustDate("2026-03-20")); got != 50 {
			t.Errorf("available on 03-20 after the expiry = %d, want 50", got)
		}
		if due := engine.DuePointsExpiries(es, engine.MustDate("2026-04-02")); len(due) != 0 {
			t.Errorf("due again = %+v, want none", due)
		}
	})
	t.Run("redeemed first", func(t *testing.T) {
		// 120 redeemed on 03-15 take #1's 100 and 20 of #2: 30 left, and
		// nothing of #1 expires; #2's 30 expire on 05-01.
		es := append(slices.Clone(lots), pts(3, engine.PointsRedeemed, "2026-03-15", -120, ""))
		l := engine.NewPointsLedger(es, rep, engine.MustDate("2026-03-15"))
		if l.Balance() != 30 || l.Lots[0].Remaining != 0 || l.Lots[1].Remaining != 30 {
			t.Fatalf("ledger = %+v, want 0 and 30 left", l.Lots)
		}
		if n, on := l.NextExpiry(); n != 30 || on != engine.MustDate("2026-05-01") {
			t.Errorf("next expiry = %d on %s, want 30 on 2026-05-01", n, on)
		}
		if due := engine.DuePointsExpiries(es, engine.MustDate("2026-04-02")); len(due) != 0 {
			t.Errorf("due by 04-02 = %+v, want none", due)
		}
		if due := engine.DuePointsExpiries(es, engine.MustDate("2026-05-01")); len(due) != 1 || due[0].Points != -30 || due[0].Lot != 2 {
			t.Errorf("due by 05-01 = %+v, want -30 of lot 2", due)
		}
		if earned, redeemed, expired := engine.NewPointsLedger(es, rep, engine.MustDate("2026-05-01")).Totals(); earned != 150 || redeemed != 120 || expired != 30 {
			t.Errorf("totals = %d %d %d, want 150 120 30", earned, redeemed, expired)
		}
	})
	t.Run("redemption beyond the valid points", func(t *testing.T) {
		// On 04-10 only #2's 50 are valid: 60 is more than available,
		// and a posted one is reported.
		if got := engine.PointsAvailable(lots, rep, engine.MustDate("2026-04-10")); got != 50 {
			t.Errorf("available on 04-10 = %d, want 50", got)
		}
		es := append(slices.Clone(lots), pts(3, engine.PointsRedeemed, "2026-04-10", -60, ""))
		if p := engine.PointsProblems(es, rep); len(p) != 1 {
			t.Errorf("problems = %q, want one", p)
		}
	})
	t.Run("claw-back", func(t *testing.T) {
		// All 150 redeemed on 03-01; a recompute claws back 30 on 03-31:
		// -30; 100 more earned on 04-30 pay it: 70.
		es := append(slices.Clone(lots), pts(3, engine.PointsRedeemed, "2026-03-01", -150, ""), pts(4, engine.PointsEarned, "2026-03-31", -30, ""))
		if got := engine.PointsBalance(es, rep, engine.MustDate("2026-03-31")); got != -30 {
			t.Errorf("balance after the claw-back = %d, want -30", got)
		}
		es = append(es, pts(5, engine.PointsEarned, "2026-04-30", 100, ""))
		if got := engine.PointsBalance(es, rep, engine.MustDate("2026-04-30")); got != 70 {
			t.Errorf("balance after new points = %d, want 70", got)
		}
		if p := engine.PointsProblems(es, rep); len(p) != 0 {
			t.Errorf("problems = %q, want none", p)
		}
	})
}

// A loyalty rule's validity_months is optional and bounded (1..120): the
// documented example (24 months) loads and round-trips; -1 and 121 are
// refused on the field.
func TestLoyaltyValidityMonthsValidated(t *testing.T) {
	var src string
	for _, ex := range docExamples(t) {
		if strings.Contains(ex, `"kind": "loyalty"`) {
			src = ex
		}
	}
	p, err := engine.ParseProgramFile([]byte(src))
	if err != nil || p.Rules[0].Loyalty.ValidityMonths != 24 {
		t.Fatalf("loyalty example: %v, validity %+v; want 24 months", err, p.Rules)
	}
	out, err := engine.MarshalProgramFile(p)
	if err != nil || !strings.Contains(string(out), `"validity_months": 24`) {
		t.Errorf("marshal: %v\n%s", err, out)
	}
	for _, bad := range []string{"-1", "121"} {
		_, err := engine.ParseProgramFile([]byte(strings.Replace(src, `"validity_months": 24`, `"validity_months": `+bad, 1)))
		var ves engine.ValidationErrors
		if !errors.As(err, &ves) || len(ves) != 1 || ves[0].Field != "rules[0].loyalty.validity_months" {
			t.Errorf("validity %s: err = %v, want a problem on rules[0].loyalty.validity_months", bad, err)
		}
	}
	if _, err := engine.ParseProgramFile([]byte(strings.Replace(src, `"validity_months": 24`, `"validity_months": 120`, 1))); err != nil {
		t.Errorf("validity 120: %v", err)
	}
}
