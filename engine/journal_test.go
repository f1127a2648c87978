package engine_test

import (
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"partnerdesk/engine"
)

// journalStory is one quarter's history, worked out by hand:
//   - line 1: 100.00 commission of 2026-Q1 (ends 03-31), paid on 04-20
//     by payout 1;
//   - line 2: -30.00, an adjustment of 2026-Q2 (a return of a Q1 invoice,
//     ends 06-30), recovered by the negative payout 2 on 07-15;
//   - line 3: a fund credit of 50.00 of 2026-Q1, posted as fund entry 10
//     on 03-31, expiring 06-29 (90 days); claim 11 of 20.00 on 04-10,
//     reimbursed 05-05; on 06-29 the 30.00 left lapses;
//   - line 4: 120 points of 2026-Q1 (entry 20 on 03-31, expiring
//     2026-09-30), 20 redeemed on 04-15 (entry 21);
//   - line 5: a draft of 999.00, never booked.
func journalStory() engine.JournalInput {
	d := engine.MustDate
	partner := engine.Payee{Kind: engine.PayeePartner, ID: 7}
	return engine.JournalInput{
		Lines: []engine.RewardLine{
			{ID: 1, Period: "2026-Q1", ProgramID: 3, Payee: partner, PartnerID: 7, Unit: engine.UnitMoney, Amount: dec("100.00"), Status: engine.LinePaid, PayoutID: 1},
			{ID: 2, Period: "2026-Q2", ProgramID: 3, Payee: partner, PartnerID: 7, Unit: engine.UnitMoney, Amount: dec("-30.00"), Status: engine.LinePaid, PayoutID: 2,
				Adjustment: &engine.Adjustment{OriginalPeriod: "2026-Q1", Invoice: "INV-9"}},
			{ID: 3, Period: "2026-Q1", ProgramID: 4, Payee: partner, PartnerID: 7, Unit: engine.UnitFund, Amount: dec("50.00"), Status: engine.LineApproved},
			{ID: 4, Period: "2026-Q1", ProgramID: 5, Payee: partner, PartnerID: 7, Unit: engine.UnitPoints, Points: 120, Status: engine.LineApproved},
			{ID: 5, Period: "2026-Q2", ProgramID: 3, Payee: partner, PartnerID: 7, Unit: engine.UnitMoney, Amount: dec("999.00"), Status: engine.LineDraft},
		},
		Payouts: []engine.Payout{
			{ID: 1, Date: d("2026-04-20"), Payee: partner, Amount: dec("100.00"), Method: "bank transfer", Reference: "BT-1", LineIDs: []engine.ID{1}},
			{ID: 2, Date: d("2026-07-15"), Payee: partner, Amount: dec("-30.00"), Method: "credit note", Reference: "CN-1", LineIDs: []engine.ID{2}},
		},
		Funds: []engine.FundEntry{
			{ID: 10, PartnerID: 7, ProgramID: 4, Kind: engine.FundAccrual, Date: d("2026-03-31"), Amount: dec("50.00"), ExpiresOn: d("2026-06-29"), Period: "2026-Q1", LineID: 3},
			{ID: 11, PartnerID: 7, Kind: engine.FundClaim, Date: d("2026-04-10"), Amount: dec("20.00"), Approved: dec("20.00"), Status: engine.ClaimReimbursed,
				Draws: []engine.FundDraw{{AccrualID: 10, Amount: dec("20.00")}}, Reference: "EXPO-1", ReimbursedOn: d("2026-05-05")},
		},
		Points: []engine.PointsEntry{
			{ID: 20, Payee: partner, Kind: engine.PointsEarned, Date: d("2026-03-31"), Points: 120, LineID: 4, Period: "2026-Q1", ExpiresOn: d("2026-09-30")},
			{ID: 21, Payee: partner, Kind: engine.PointsRedeemed, Date: d("2026-04-15"), Points: -20, Against: "banners"},
		},
		Chart:           engine.DefaultChart(),
		Currency:        engine.Currency{Code: "EUR", MinorUnits: 2},
		FiscalYearStart: time.January,
		AsOf:            d("2026-07-31"),
	}
}

func TestJournalBooksEveryEventOnItsDate(t *testing.T) {
	in := journalStory()
	in.PointValue = dec("0.05")
	js, err := engine.Journal(in)
	if err != nil {
		t.Fatal(err)
	}
	// In date order: 03-31 accrual 100 (line 1), fund accrual 50 (entry
	// 10), points 120 x 0.05 = 6.00 (entry 20); 04-10 claim approved 20;
	// 04-15 redeemed 20 x 0.05 = 1.00; 04-20 payout 100; 05-05 claim
	// reimbursed 20; 06-29 fund expiry 50 - 20 = 30; 06-30 adjustment
	// -30 (swapped: Dr accrued / Cr expense); 07-15 payout -30 (swapped:
	// Dr bank / Cr accrued). The draft is not booked; the points expire
	// only on 09-30, after AsOf.
	want := []struct {
		date, event, debit, credit, amount string
	}{
		{"2026-03-31", "accrual", "6400", "2400", "100"},
		{"2026-03-31", "accrual", "6400", "2410", "50"},
		{"2026-03-31", "accrual", "6400", "2430", "6"},
		{"2026-04-10", "claim-approved", "2410", "2420", "20"},
		{"2026-04-15", "points-redeemed", "2430", "1200", "1"},
		{"2026-04-20", "payout", "2400", "1200", "100"},
		{"2026-05-05", "claim-reimbursed", "2420", "1200", "20"},
		{"2026-06-29", "fund-expiry", "2410", "6400", "30"},
		{"2026-06-30", "adjustment", "2400", "6400", "30"},
		{"2026-07-15", "payout", "1200", "2400", "30"},
	}
	if len(js) != len(want) {
		for _, e := range js {
			t.Logf("%s %s %s/%s %s %s", e.Date, e.Event, e.Debit.Code, e.Credit.Code, e.Amount, e.Text)
		}
		t.Fatalf("%d entries, want %d", len(js), len(want))
	}
	for i, w := range want {
		e := js[i]
		if e.Date.String() != w.date || string(e.Event) != w.event || e.Debit.Code != w.debit || e.Credit.Code != w.credit || !e.Amount.Equal(dec(w.amount)) || e.Entry != i+1 {
			t.Errorf("entry %d = %s %s Dr %s Cr %s %s (#%d), want %+v", i+1, e.Date, e.Event, e.Debit.Code, e.Credit.Code, e.Amount, e.Entry, w)
		}
	}
	if !strings.Contains(js[8].Text, "INV-9") || js[8].Reference != "line 2" {
		t.Errorf("the adjustment says %q (%s), want its invoice and line", js[8].Text, js[8].Reference)
	}
	// Balances on 07-31: expense 100 + 50 + 6 - 30 - 30 = 96 debit; bank
	// -1 -100 -20 +30 = -91 (credit 91); points liability 6 - 1 = 5 credit
	// (100 points at 0.05); every other liability 0. 96 - 91 - 5 = 0.
	b := engine.AccountBalances(js, in.AsOf)
	for code, w := range map[string]string{"6400": "96", "1200": "-91", "2430": "-5", "2400": "0", "2410": "0", "2420": "0"} {
		if !b[code].Equal(dec(w)) {
			t.Errorf("balance of %s = %s, want %s", code, b[code], w)
		}
	}
	problems, err := engine.ReconcileJournal(in, js, engine.MustDate("2026-01-01"), in.AsOf)
	if err != nil || len(problems) > 0 {
		t.Fatalf("reconcile: %v %v", err, problems)
	}
}

// Without a point value, points entries carry no money and say so; the
// points liability stays 0, as its ledger at no value.
func TestJournalPointsWithoutValue(t *testing.T) {
	in := journalStory()
	js, err := engine.Journal(in)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range js {
		if e.Points == 0 {
			continue
		}
		n++
		if !e.Amount.IsZero() || !strings.Contains(e.Text, "no point value") {
			t.Errorf("points entry %d: amount %s, text %q; want 0 and a note that points carry no money", e.Entry, e.Amount, e.Text)
		}
	}
	if n != 2 { // earned 120, redeemed 20
		t.Errorf("%d points entries, want 2", n)
	}
	if p, err := engine.ReconcileJournal(in, js, engine.MustDate("2026-01-01"), in.AsOf); err != nil || len(p) > 0 {
		t.Fatalf("reconcile: %v %v", err, p)
	}
}

// A journal that leaves out the fund expiry no longer matches the fund
// ledger from the day the accrual lapses: the check can fail.
func TestReconcileJournalFindsAMissingEntry(t *testing.T) {
	in := journalStory()
	js, _ := engine.Journal(in)
	var cut []engine.JournalEntry
	for _, e := range js {
		if e.Event != engine.EventFundExpiry {
			cut = append(cut, e)
		}
	}
	p, err := engine.ReconcileJournal(in, cut, engine.MustDate("2026-01-01"), in.AsOf)
	if err != nil || len(p) == 0 || !strings.HasPrefix(p[0], "2026-06-29: 2410") {
		t.Fatalf("want a difference on 2410 from 2026-06-29, got %v %v", err, p)
	}
}

func TestChartChecks(t *testing.T) {
	c := engine.DefaultChart()
	if errs := c.Check(); errs != nil {
		t.Fatalf("default chart: %v", errs)
	}
	c.Bank.Code = "2400" // the accrued rewards' code
	c.FundLiability.Name = " "
	c.PointsLiability.Code = "24\x0030"
	errs := c.Check()
	fields := map[string]bool{}
	for _, e := range errs {
		fields[e.Field] = true
	}
	if len(errs) != 3 || !fields["accounts.bank.code"] || !fields["accounts.fund_liability.name"] || !fields["accounts.points_liability.code"] {
		t.Fatalf("errors %v, want bank code duplicate, fund name empty, points code control character", errs)
	}
	co := engine.Company{Currency: engine.Currency{Code: "EUR", MinorUnits: 2}, CSVStyle: "tab", PointValue: decimal.RequireFromString("0.005")}
	errs = engine.CheckBooks(co)
	if len(errs) != 2 || errs[0].Field != "csv_style" || errs[1].Field != "point_value" {
		t.Fatalf("CheckBooks = %v, want csv_style and point_value refused", errs)
	}
	co.CSVStyle, co.PointValue = engine.CSVSemicolon, dec("0.010")
	if errs := engine.CheckBooks(co); errs != nil {
		t.Fatalf("semicolon and 0.010 per point: %v", errs)
	}
}

// A fund accrual approved after its period end was closed is posted on the
// approval day, which may be after its expiry (period end + validity): it
// lapses on the day it is posted, not before it was credited. Found by the
// random histories (fiscal year from April, 2025-Q4 approved on 05-01,
// expiring 04-15): the journal booked the expiry on 04-15, when the ledger
// had nothing yet, and the liability read -63.33 for two weeks.
func TestJournalLateAccrualLapsesWhenPosted(t *testing.T) {
	d := engine.MustDate
	in := engine.JournalInput{
		Funds:  []engine.FundEntry{{ID: 1, PartnerID: 3, Kind: engine.FundAccrual, Date: d("2026-05-01"), Amount: dec("63.33"), ExpiresOn: d("2026-04-15"), Period: "2025-Q4"}},
		Points: []engine.PointsEntry{{ID: 2, Payee: engine.Payee{Kind: engine.PayeePartner, ID: 3}, Kind: engine.PointsEarned, Date: d("2026-05-01"), Points: 40, ExpiresOn: d("2026-04-30")}},
		Chart:  engine.DefaultChart(), Currency: engine.Currency{Code: "EUR", MinorUnits: 2}, PointValue: dec("0.10"),
		FiscalYearStart: time.April, AsOf: d("2026-06-30"),
	}
	js, err := engine.Journal(in)
	if err != nil {
		t.Fatal(err)
	}
	// 05-01: accrual 63.33 and points 40 x 0.10 = 4.00, then their expiries
	// on the same day.
	if len(js) != 4 {
		t.Fatalf("%d entries, want 4", len(js))
	}
	for _, e := range js {
		if e.Date != d("2026-05-01") {
			t.Errorf("%s entry dated %s, want 2026-05-01", e.Event, e.Date)
		}
	}
	if p, err := engine.ReconcileJournal(in, js, d("2026-04-01"), in.AsOf); err != nil || len(p) > 0 {
		t.Fatalf("reconcile: %v %v", err, p)
	}
}
