package app_test

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"partnerdesk/app"
	"partnerdesk/app/demo"
	"partnerdesk/data"
	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// dashService opens a fresh database with ds loaded, the clock on today,
// and checks the file's consistency when the test ends.
func dashService(tb testing.TB, ds demo.Dataset, today string) *app.Service {
	tb.Helper()
	st, err := data.Open(filepath.Join(tb.TempDir(), "dash.db"), data.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	now := engine.MustDate(today).Time().Add(10 * time.Hour)
	svc := app.NewService(st, "tester", func() time.Time { return now })
	tb.Cleanup(func() {
		rep, err := st.Check()
		if err != nil || !rep.OK() {
			tb.Errorf("check after test: %v %v", err, rep.Problems)
		}
		st.Close()
	})
	if err := svc.LoadDataset(ds, nil); err != nil {
		tb.Fatal(err)
	}
	return svc
}

func dd(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func day(s string) engine.Date { return engine.MustDate(s) }

func partnerPayee(id engine.ID) engine.Payee { return engine.Payee{Kind: engine.PayeePartner, ID: id} }

func repPayee(id engine.ID) engine.Payee { return engine.Payee{Kind: engine.PayeeRep, ID: id} }

// tinyDataset is a small company whose July 2026 dashboard is worked out
// by hand in the comments of TestDashboardTiny.
func tinyDataset() demo.Dataset {
	act := engine.StatusActive
	sale := func(id engine.ID, date string, pid, rid engine.ID, net string) engine.Sale {
		n := dd(net)
		q := decimal.NewFromInt(1)
		if n.IsNegative() {
			q = q.Neg()
		}
		return engine.Sale{ID: id, Date: day(date), PartnerID: pid, RepID: rid, Customer: "Customer", ProductID: 1,
			Quantity: q, UnitPrice: n.Abs(), Net: n, Invoice: "INV-" + string(rune('A'+id)), Line: 1}
	}
	ds := demo.Dataset{
		Company: engine.Company{Name: "Tiny", Currency: engine.NewCurrency("EUR"), FiscalYearStart: time.January, Language: "en"},
		Ladder:  engine.TierLadder{Levels: []engine.TierLevel{{Name: "Registered"}, {Name: "Silver"}, {Name: "Gold"}}, WindowMonths: 12},
		Partners: []engine.Partner{
			{ID: 1, Name: "Acme Srl", Kind: engine.KindReseller, Status: act},
			{ID: 2, Name: "Beta BV", Kind: engine.KindMSP, Status: act},
			{ID: 3, Name: "Gamma", Kind: engine.KindVAR, Status: act},
			{ID: 4, Name: "Delta", Kind: engine.KindReseller, Status: engine.StatusSuspended},
			{ID: 5, Name: "Epsilon", Kind: engine.KindISV, Status: act},
			{ID: 6, Name: "Zeta", Kind: engine.KindReferral, Status: act},
		},
		Reps: []engine.Rep{
			{ID: 11, PartnerID: 1, Name: "Ana Ruiz", Active: true},
			{ID: 12, PartnerID: 2, Name: "Bo Jansen", Active: true},
		},
		Products: []engine.Product{{ID: 1, SKU: "LIC", Name: "Licence", ListPrice: dd("100")}},
		Programs: []engine.Program{
			{ID: 1, Name: "Rebate", Currency: "EUR", PeriodKind: engine.PeriodMonth, ValidFrom: day("2026-01-01"), Budget: dd("1000"), Status: engine.ProgramActive,
				Rules: []engine.Rule{{Key: "r", Name: "Rebate", Kind: engine.RuleRate, Basis: engine.BasisRevenue, Rate: &engine.RateRule{Rate: dd("5")}}}},
			{ID: 2, Name: "Gems", Currency: "EUR", PeriodKind: engine.PeriodQuarter, ValidFrom: day("2026-01-01"), Status: engine.ProgramActive,
				Rules: []engine.Rule{{Key: "g", Name: "Demos", Kind: engine.RuleActivity, Activity: &engine.ActivityRule{Types: []string{"demo"}, Amount: dd("10"), Unit: engine.UnitPoints}}}},
			{ID: 3, Name: "Old", Currency: "EUR", PeriodKind: engine.PeriodMonth, ValidFrom: day("2025-01-01"), ValidTo: day("2025-12-31"), Status: engine.ProgramEnded,
				Rules: []engine.Rule{{Key: "r", Name: "Rebate", Kind: engine.RuleRate, Basis: engine.BasisRevenue, Rate: &engine.RateRule{Rate: dd("1")}}}},
		},
		TierHistory: []engine.TierChange{
			{ID: 1, PartnerID: 1, Tier: "Silver", From: day("2026-01-01")},
			{ID: 2, PartnerID: 1, Tier: "Gold", From: day("2026-07-15")}, // mid-July: counts from August
			{ID: 3, PartnerID: 2, Tier: "Gold", From: day("2026-06-01")},
		},
		Registrations: []engine.Registration{
			{ID: 1, PartnerID: 3, Customer: "C1", ExpectedValue: dd("1000"), Submitted: day("2026-07-05"), Decision: engine.DecisionApproved, DecidedOn: day("2026-07-06"), WindowDays: 90, Outcome: engine.OutcomeWon},
			{ID: 2, PartnerID: 3, Customer: "C2", ExpectedValue: dd("2000"), Submitted: day("2026-07-06"), Decision: engine.DecisionRejected, DecidedOn: day("2026-07-07"), WindowDays: 90, Outcome: engine.OutcomeLost},
			{ID: 3, PartnerID: 1, Customer: "C3", ExpectedValue: dd("3000"), Submitted: day("2026-07-30"), Decision: engine.DecisionPending, WindowDays: 90, Outcome: engine.OutcomeOpen},
			{ID: 4, PartnerID: 2, Customer: "C4", ExpectedValue: dd("4000"), Submitted: day("2026-06-30"), Decision: engine.DecisionApproved, DecidedOn: day("2026-07-01"), WindowDays: 90, Outcome: engine.OutcomeWon},
			{ID: 5, PartnerID: 1, Customer: "C5", ExpectedValue: dd("5000"), Submitted: day("2026-07-10"), Decision: engine.DecisionApproved, DecidedOn: day("2026-07-11"), WindowDays: 30, Outcome: engine.OutcomeExpired},
		},
		Activities: []engine.Activity{
			{ID: 1, PartnerID: 5, Type: "demo", Date: day("2026-07-12")},
			{ID: 2, PartnerID: 6, Type: "demo", Date: day("2026-06-12")},
		},
	}
	split := sale(5, "2026-07-28", 1, 0, "500.00")
	split.Splits = []engine.CreditSplit{{PartnerID: 1, RepID: 11, Share: dd("60")}, {PartnerID: 2, RepID: 12, Share: dd("40")}}
	ret := sale(3, "2026-07-25", 1, 0, "-200.00")
	ret.OriginalInvoice = "INV-B"
	late := sale(10, "2026-05-05", 2, 0, "50.00")
	late.Booked = day("2026-07-31")
	ds.Sales = []engine.Sale{
		sale(1, "2026-07-03", 1, 11, "1000.00"),
		sale(2, "2026-07-20", 2, 12, "2500.50"),
		ret,
		sale(4, "2026-07-10", 4, 0, "300.00"),
		split,
		sale(6, "2026-06-15", 1, 0, "3000.00"),
		sale(7, "2026-06-30", 2, 0, "280.40"),
		sale(8, "2025-07-01", 3, 0, "2050.25"),
		sale(9, "2025-08-31", 3, 0, "100.00"),
		late,
		sale(11, "2025-06-30", 3, 0, "999.00"), // before every window
	}
	return ds
}

// putTinyLedgers writes reward lines and ledger entries straight into the
// store: the dashboard reads them whatever produced them.
func putTinyLedgers(tb testing.TB, svc *app.Service) {
	tb.Helper()
	line := func(period string, prog engine.ID, py engine.Payee, unit engine.Unit, amount string, points int64, st engine.LineStatus) *engine.RewardLine {
		pid := py.ID
		if py.Kind == engine.PayeeRep {
			pid = map[engine.ID]engine.ID{11: 1, 12: 2}[py.ID]
		}
		return &engine.RewardLine{Period: period, ProgramID: prog, RuleKey: "r", Payee: py, PartnerID: pid, Unit: unit,
			Amount: dd(amount), Points: points, Status: st, Explanation: engine.Explanation{Key: "x"}}
	}
	recs := []any{
		line("2026-07", 1, partnerPayee(1), engine.UnitMoney, "55.00", 0, engine.LineApproved),
		line("2026-07", 1, partnerPayee(2), engine.UnitMoney, "137.53", 0, engine.LineDraft),
		line("2026-07", 1, repPayee(11), engine.UnitPoints, "0", 120, engine.LineDraft),
		line("2026-06", 1, partnerPayee(1), engine.UnitMoney, "200.00", 0, engine.LinePaid),
		line("2026-Q3", 2, repPayee(12), engine.UnitPoints, "0", 500, engine.LineDraft),
		line("2026-07", 1, partnerPayee(2), engine.UnitFund, "40.00", 0, engine.LineApproved),
		line("2026-05", 1, partnerPayee(2), engine.UnitMoney, "900.00", 0, engine.LineApproved),
		line("2026-07", 1, partnerPayee(3), engine.UnitMoney, "0", 0, engine.LineDraft), // pays nothing
		&engine.FundEntry{ID: 1, PartnerID: 1, Kind: engine.FundAccrual, Date: day("2026-03-31"), Amount: dd("100"), ExpiresOn: day("2026-08-15"), Period: "2026-03"},
		&engine.FundEntry{ID: 2, PartnerID: 1, Kind: engine.FundAccrual, Date: day("2026-06-30"), Amount: dd("50"), ExpiresOn: day("2026-12-31"), Period: "2026-06"},
		&engine.FundEntry{ID: 3, PartnerID: 1, Kind: engine.FundClaim, Date: day("2026-07-10"), Amount: dd("30"), Approved: dd("30"), Status: engine.ClaimApproved,
			Draws: []engine.FundDraw{{AccrualID: 1, Amount: dd("30")}}},
		&engine.FundEntry{ID: 4, PartnerID: 2, Kind: engine.FundAccrual, Date: day("2026-01-31"), Amount: dd("80"), ExpiresOn: day("2026-06-30"), Period: "2026-01"},
		&engine.FundEntry{ID: 5, PartnerID: 2, Kind: engine.FundAccrual, Date: day("2026-07-31"), Amount: dd("40"), ExpiresOn: day("2026-08-30"), Period: "2026-07"},
		&engine.FundEntry{ID: 6, PartnerID: 2, Kind: engine.FundAccrual, Date: day("2026-08-05"), Amount: dd("999"), ExpiresOn: day("2026-12-31"), Period: "2026-08"},
		&engine.PointsEntry{Payee: repPayee(11), Kind: engine.PointsEarned, Date: day("2026-06-30"), Points: 300},
		&engine.PointsEntry{Payee: repPayee(11), Kind: engine.PointsRedeemed, Date: day("2026-07-15"), Points: -100, Against: "voucher"},
		&engine.PointsEntry{Payee: partnerPayee(1), Kind: engine.PointsEarned, Date: day("2026-07-31"), Points: 50},
		&engine.PointsEntry{Payee: repPayee(12), Kind: engine.PointsEarned, Date: day("2026-08-02"), Points: 1000},
	}
	err := svc.Store().Update("tester", func(tx *data.Tx) error {
		for _, r := range recs {
			if err := tx.Put(r); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
}

func wantDec(t *testing.T, what string, got decimal.Decimal, want string) {
	t.Helper()
	if !got.Equal(dd(want)) {
		t.Errorf("%s = %s, want %s", what, got, want)
	}
}

func wantNull(t *testing.T, what string, got decimal.NullDecimal, want string) {
	t.Helper()
	if want == "" {
		if got.Valid {
			t.Errorf("%s = %s, want none", what, got.Decimal)
		}
		return
	}
	if !got.Valid || !got.Decimal.Equal(dd(want)) {
		t.Errorf("%s = %v, want %s", what, got, want)
	}
}

func TestDashboardTiny(t *testing.T) {
	svc := dashService(t, tinyDataset(), "2026-08-10")
	putTinyLedgers(t, svc)
	d, err := svc.Dashboard("2026-07")
	if err != nil {
		t.Fatal(err)
	}
	if d.Period != "2026-07" || d.Previous != "2026-06" || d.YearBefore != "2025-07" || d.Next != "2026-08" {
		t.Errorf("keys = %s %s %s %s", d.Period, d.Previous, d.YearBefore, d.Next)
	}
	// July has ended by 2026-08-10: balances are read on its last day.
	if d.AsOf != day("2026-07-31") {
		t.Errorf("as of %s, want 2026-07-31", d.AsOf)
	}

	// Revenue by book date: 1,000.00 + 2,500.50 - 200.00 (return) + 300.00
	// (a suspended partner still sold) + 500.00 (split) + 50.00 (a May sale
	// booked late on 31 July) = 4,150.50.
	wantDec(t, "revenue", d.Revenue, "4150.50")
	// June: 3,000.00 + 280.40 = 3,280.40; July 2025: 2,050.25.
	wantDec(t, "revenue previous", d.RevenuePrevious, "3280.40")
	wantDec(t, "revenue year before", d.RevenueYearBefore, "2050.25")
	// (4,150.50 - 3,280.40) / 3,280.40 = 870.10 / 3,280.40 = 26.524 % -> 26.52.
	wantNull(t, "growth previous", d.GrowthPrevious, "26.52")
	// (4,150.50 - 2,050.25) / 2,050.25 = 2,100.25 / 2,050.25 = 102.439 % -> 102.44.
	wantNull(t, "growth year", d.GrowthYear, "102.44")

	// Twelve months 2025-08 .. 2026-07: 2025-08 holds 100.00, May is empty
	// (its sale was booked in July), June 3,280.40, July 4,150.50.
	if len(d.RevenueByMonth) != 12 || d.RevenueByMonth[0].Month != "2025-08" || d.RevenueByMonth[11].Month != "2026-07" {
		t.Fatalf("months = %+v", d.RevenueByMonth)
	}
	for _, m := range []struct {
		i    int
		want string
	}{{0, "100"}, {9, "0"}, {10, "3280.40"}, {11, "4150.50"}, {5, "0"}} {
		wantDec(t, "month "+d.RevenueByMonth[m.i].Month, d.RevenueByMonth[m.i].Revenue, m.want)
	}

	// Cost: the money lines of 2026-07 only (the Q3 line is not inside a
	// month; the fund line is no cost): 55.00 + 137.53 = 192.53; points 120.
	wantDec(t, "cost", d.Cost, "192.53")
	if d.CostPoints != 120 {
		t.Errorf("cost points = %d, want 120", d.CostPoints)
	}
	// 192.53 / 4,150.50 = 4.6387 % -> 4.64.
	wantNull(t, "cost ratio", d.CostRatio, "4.64")
	// Programs: Rebate (lines) and Gems (active, no lines inside July); Old
	// ended in 2025 and has no lines.
	if len(d.Programs) != 2 || d.Programs[0].Name != "Rebate" || d.Programs[1].Name != "Gems" {
		t.Fatalf("programs = %+v", d.Programs)
	}
	reb := d.Programs[0]
	wantDec(t, "rebate cost", reb.Cost, "192.53")
	// Spent over the program's life, approved and paid money only:
	// 55.00 (Jul) + 200.00 (Jun, paid) + 900.00 (May) = 1,155.00 of 1,000.00.
	wantDec(t, "rebate spent", reb.Spent, "1155.00")
	wantDec(t, "rebate budget", reb.Budget, "1000")
	wantNull(t, "rebate ratio", reb.CostRatio, "4.64")
	wantDec(t, "gems cost", d.Programs[1].Cost, "0")
	wantNull(t, "gems ratio", d.Programs[1].CostRatio, "0")

	// Active partners: Acme and Beta sold, Gamma registered, Epsilon had a
	// demo; Zeta's demo was in June; Delta sold but is suspended. 4 of 5.
	if d.ActivePartners != 4 || d.AllActivePartners != 5 {
		t.Errorf("active = %d of %d, want 4 of 5", d.ActivePartners, d.AllActivePartners)
	}
	// Tiers on 1 July: Acme Silver (its Gold starts on 15 July), Beta Gold,
	// Gamma, Epsilon and Zeta Registered.
	wantTiers := []views.TierCount{{Tier: "Registered", Partners: 3}, {Tier: "Silver", Partners: 1}, {Tier: "Gold", Partners: 1}}
	if len(d.Tiers) != 3 {
		t.Fatalf("tiers = %+v", d.Tiers)
	}
	for i, w := range wantTiers {
		if d.Tiers[i] != w {
			t.Errorf("tier %d = %+v, want %+v", i, d.Tiers[i], w)
		}
	}

	// Credits: Beta 2,500.50 + 40 % of 500.00 + 50.00 = 2,750.50; Acme
	// 1,000.00 - 200.00 + 60 % of 500.00 = 1,100.00; Delta 300.00.
	pr := d.Leaders.PartnersByRevenue
	if len(pr) != 3 || pr[0].Name != "Beta BV" || pr[1].Name != "Acme Srl" || pr[2].Name != "Delta" {
		t.Fatalf("partners by revenue = %+v", pr)
	}
	wantDec(t, "Beta credit", pr[0].Revenue, "2750.50")
	wantDec(t, "Acme credit", pr[1].Revenue, "1100.00")
	// Reps: Bo 2,500.50 + 200.00 = 2,700.50; Ana 1,000.00 + 300.00 = 1,300.00.
	rr := d.Leaders.RepsByRevenue
	if len(rr) != 2 || rr[0].Name != "Bo Jansen" || rr[0].Partner != "Beta BV" || rr[1].Name != "Ana Ruiz" {
		t.Fatalf("reps by revenue = %+v", rr)
	}
	wantDec(t, "Bo credit", rr[0].Revenue, "2700.50")
	wantDec(t, "Ana credit", rr[1].Revenue, "1300.00")
	// Points of July's lines: Ana 120; no partner earned points.
	if rp := d.Leaders.RepsByPoints; len(rp) != 1 || rp[0].Payee != repPayee(11) || rp[0].Points != 120 || !rp[0].Revenue.Equal(dd("1300")) {
		t.Errorf("reps by points = %+v", rp)
	}
	if len(d.Leaders.PartnersByPoints) != 0 {
		t.Errorf("partners by points = %+v, want none", d.Leaders.PartnersByPoints)
	}

	// Registrations submitted in July: 1, 2, 3 and 5 (4 was in June);
	// approved 1 and 5; won 1, lost 2, expired 5.
	if want := (views.RegistrationCounts{Submitted: 4, Approved: 2, Won: 1, Lost: 1, Expired: 1}); d.Registrations != want {
		t.Errorf("registrations = %+v, want %+v", d.Registrations, want)
	}

	// Funds on 31 July: Acme 100 - 30 claimed + 50 = 120; Beta's January
	// accrual expired on 30 June, its July one is 40, the August one is
	// later: 40. Balance 160; expiring by 30 August: Acme's 70 (15 August)
	// and Beta's 40 (30 August) = 110.
	wantDec(t, "fund balance", d.Funds.Balance, "160")
	wantDec(t, "fund expiring", d.Funds.Expiring, "110")
	if d.Funds.ExpiringBy != day("2026-08-30") {
		t.Errorf("expiring by %s, want 2026-08-30", d.Funds.ExpiringBy)
	}
	// Points on 31 July: 300 - 100 + 50 = 250 (Bo's 1,000 come in August).
	if d.PointsOutstanding != 250 {
		t.Errorf("points outstanding = %d, want 250", d.PointsOutstanding)
	}
}

func TestDashboardQuarterHoldsItsMonths(t *testing.T) {
	svc := dashService(t, tinyDataset(), "2026-08-10")
	putTinyLedgers(t, svc)
	d, err := svc.Dashboard("2026-Q3")
	if err != nil {
		t.Fatal(err)
	}
	// Q3 so far is July: the same 4,150.50; Q2 holds June's 3,280.40 and
	// the May sale was booked in July, so 3,280.40 too.
	wantDec(t, "revenue", d.Revenue, "4150.50")
	wantDec(t, "revenue Q2", d.RevenuePrevious, "3280.40")
	// The quarter holds July's lines and its own: 192.53 and 120 + 500 points.
	wantDec(t, "cost", d.Cost, "192.53")
	if d.CostPoints != 620 {
		t.Errorf("cost points = %d, want 620", d.CostPoints)
	}
	// Q3 ends on 30 September, after today: balances are read today, when
	// Acme's first accrual (15 August) has not yet lapsed: 120 + 40 + 999.
	if d.AsOf != day("2026-08-10") {
		t.Errorf("as of %s, want today", d.AsOf)
	}
	wantDec(t, "fund balance", d.Funds.Balance, "1159")
	// Points on 10 August: 250 + Bo's 1,000.
	if d.PointsOutstanding != 1250 {
		t.Errorf("points = %d, want 1250", d.PointsOutstanding)
	}
	if rp := d.Leaders.RepsByPoints; len(rp) != 2 || rp[0].Payee != repPayee(12) || rp[0].Points != 500 {
		t.Errorf("reps by points = %+v", rp)
	}
}

func TestDashboardPeriodKeys(t *testing.T) {
	svc := dashService(t, tinyDataset(), "2026-08-10")
	tests := []struct {
		name, period, key, prev, yb string
		wantErr                     bool
	}{
		{"empty is the latest month with sales", "", "2026-07", "2026-06", "2025-07", false},
		{"quarter", "2026-Q1", "2026-Q1", "2025-Q4", "2025-Q1", false},
		{"year", "2026", "2026", "2025", "2025", false},
		{"not a period", "July", "", "", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := svc.Dashboard(tt.period)
			if tt.wantErr {
				if err == nil {
					t.Fatalf("Dashboard(%q) gave no error", tt.period)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if d.Period != tt.key || d.Previous != tt.prev || d.YearBefore != tt.yb {
				t.Errorf("got %s %s %s, want %s %s %s", d.Period, d.Previous, d.YearBefore, tt.key, tt.prev, tt.yb)
			}
		})
	}
}

func TestDashboardNoEarlierRevenueHasNoGrowth(t *testing.T) {
	svc := dashService(t, tinyDataset(), "2026-08-10")
	// August 2025 holds 100.00; July 2025 2,050.25; August 2024 nothing.
	d, err := svc.Dashboard("2025-08")
	if err != nil {
		t.Fatal(err)
	}
	wantDec(t, "revenue", d.Revenue, "100")
	// (100.00 - 2,050.25) / 2,050.25 = -95.12 %.
	wantNull(t, "growth previous", d.GrowthPrevious, "-95.12")
	wantNull(t, "growth year", d.GrowthYear, "")
	// A month with no revenue has no cost ratio.
	d, err = svc.Dashboard("2026-02")
	if err != nil {
		t.Fatal(err)
	}
	wantNull(t, "cost ratio", d.CostRatio, "")
}

// detailSum adds up one column of a detail table.
func detailSum(t *testing.T, tbl views.DetailTable, col string) decimal.Decimal {
	t.Helper()
	for i, c := range tbl.Columns {
		if c == col {
			s := decimal.Zero
			for _, r := range tbl.Rows {
				s = s.Add(r[i].Dec)
			}
			return s
		}
	}
	t.Fatalf("no column %q in %v", col, tbl.Columns)
	return decimal.Zero
}

func TestDashboardDetailTiny(t *testing.T) {
	svc := dashService(t, tinyDataset(), "2026-08-10")
	putTinyLedgers(t, svc)
	tests := []struct {
		name  string
		fig   views.Figure
		rows  int
		col   string // a column whose sum is checked
		sum   string
		total string
	}{
		// Six sales booked in July add up to the revenue 4,150.50.
		{"revenue", views.Figure{Kind: views.FigureRevenue}, 6, "Net", "4150.50", "6 sales, total 4,150.50 EUR"},
		{"one bar", views.Figure{Kind: views.FigureRevenue, Arg: "2026-06"}, 2, "Net", "3280.40", "2 sales, total 3,280.40 EUR"},
		// Three July lines pay something: 55.00 + 137.53 and 120 points.
		{"cost", views.Figure{Kind: views.FigureProgramCost}, 3, "Amount", "192.53", "3 lines, total 192.53 EUR and 120 points"},
		{"cost of Gems", views.Figure{Kind: views.FigureProgramCost, Program: 2}, 0, "Amount", "0", "0 lines, total 0.00 EUR"},
		{"active", views.Figure{Kind: views.FigureActivePartners}, 4, "Revenue", "3850.50", "4 of 5 active partners"},
		{"tier", views.Figure{Kind: views.FigureTier, Arg: "Registered"}, 3, "", "", "3 partners"},
		// Ana: 1,000.00 + 300.00 of sales and 120 points.
		{"leader", views.Figure{Kind: views.FigureLeader, Payee: repPayee(11)}, 3, "Revenue", "1300", "Revenue 1,300.00 EUR, 120 points"},
		{"approved", views.Figure{Kind: views.FigureRegistrations, Arg: "approved"}, 2, "Expected value", "6000", "2 registrations, expected value 6,000.00 EUR"},
		{"funds", views.Figure{Kind: views.FigureFunds}, 2, "Balance", "160", "Balance 160.00 EUR"},
		{"expiring", views.Figure{Kind: views.FigureExpiring}, 2, "Left", "110", "Expiring 110.00 EUR"},
		{"points", views.Figure{Kind: views.FigurePoints}, 2, "Balance", "250", "Outstanding 250 points"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tbl, err := svc.DashboardDetail("2026-07", tt.fig)
			if err != nil {
				t.Fatal(err)
			}
			if len(tbl.Rows) != tt.rows {
				t.Fatalf("%d rows, want %d: %+v", len(tbl.Rows), tt.rows, tbl.Rows)
			}
			for i, r := range tbl.Rows {
				if len(r) != len(tbl.Columns) {
					t.Errorf("row %d has %d cells for %d columns", i, len(r), len(tbl.Columns))
				}
			}
			if tt.col != "" {
				wantDec(t, tt.col, detailSum(t, tbl, tt.col), tt.sum)
			}
			if tbl.Total != tt.total {
				t.Errorf("total %q, want %q", tbl.Total, tt.total)
			}
		})
	}
	if _, err := svc.DashboardDetail("2026-07", views.Figure{Kind: "nonsense"}); err == nil {
		t.Error("an unknown figure gave no error")
	}
	if _, err := svc.DashboardDetail("2026-07", views.Figure{Kind: views.FigureRegistrations, Arg: "maybe"}); err == nil {
		t.Error("an unknown registration state gave no error")
	}
}

// demoDashService is the demo company through June 2026 with Q2 and its
// months computed, approved and paid, so every figure has data.
func demoDashService(tb testing.TB) *app.Service {
	tb.Helper()
	svc := dashService(tb, demo.Generate(1, day("2026-06-30")), "2026-07-05")
	for _, p := range []string{"2026-04", "2026-05", "2026-06", "2026-Q2"} {
		if _, err := svc.ComputePeriod(p, nil); err != nil {
			tb.Fatalf("compute %s: %v", p, err)
		}
		if _, err := svc.Approve(p, nil, true); err != nil {
			tb.Fatalf("approve %s: %v", p, err)
		}
	}
	return svc
}

// TestDashboardDemoAddsUp checks, on the demo data, that each figure equals
// the sum of the rows that open behind it.
func TestDashboardDemoAddsUp(t *testing.T) {
	svc := demoDashService(t)
	for _, period := range []string{"2026-06", "2026-Q2"} {
		t.Run(period, func(t *testing.T) {
			d, err := svc.Dashboard(period)
			if err != nil {
				t.Fatal(err)
			}
			if !d.Revenue.IsPositive() || !d.Cost.IsPositive() || d.ActivePartners == 0 || d.Registrations.Submitted == 0 {
				t.Fatalf("the demo gives an empty dashboard: %+v", d)
			}
			detail := func(f views.Figure) views.DetailTable {
				t.Helper()
				tbl, err := svc.DashboardDetail(period, f)
				if err != nil {
					t.Fatal(err)
				}
				return tbl
			}
			wantDec(t, "revenue rows", detailSum(t, detail(views.Figure{Kind: views.FigureRevenue}), "Net"), d.Revenue.String())
			// The chart's last months are the period's own.
			months := decimal.Zero
			n := map[string]int{"2026-06": 1, "2026-Q2": 3}[period]
			for _, m := range d.RevenueByMonth[12-n:] {
				months = months.Add(m.Revenue)
			}
			wantDec(t, "last months", months, d.Revenue.String())
			cost := detail(views.Figure{Kind: views.FigureProgramCost})
			wantDec(t, "cost rows", detailSum(t, cost, "Amount"), d.Cost.String())
			wantDec(t, "cost points", detailSum(t, cost, "Points"), decimal.NewFromInt(d.CostPoints).String())
			byProg := decimal.Zero
			for _, p := range d.Programs {
				byProg = byProg.Add(p.Cost)
				wantDec(t, p.Name+" rows", detailSum(t, detail(views.Figure{Kind: views.FigureProgramCost, Program: p.ProgramID}), "Amount"), p.Cost.String())
			}
			wantDec(t, "programs", byProg, d.Cost.String())
			if got := len(detail(views.Figure{Kind: views.FigureActivePartners}).Rows); got != d.ActivePartners {
				t.Errorf("active rows %d, figure %d", got, d.ActivePartners)
			}
			tiers := 0
			for _, tc := range d.Tiers {
				tiers += tc.Partners
				if got := len(detail(views.Figure{Kind: views.FigureTier, Arg: tc.Tier}).Rows); got != tc.Partners {
					t.Errorf("tier %s rows %d, figure %d", tc.Tier, got, tc.Partners)
				}
			}
			if tiers != d.AllActivePartners {
				t.Errorf("tiers hold %d partners, %d are active", tiers, d.AllActivePartners)
			}
			regs := map[string]int{"submitted": d.Registrations.Submitted, "approved": d.Registrations.Approved,
				"won": d.Registrations.Won, "lost": d.Registrations.Lost, "expired": d.Registrations.Expired}
			for st, want := range regs {
				if got := len(detail(views.Figure{Kind: views.FigureRegistrations, Arg: st}).Rows); got != want {
					t.Errorf("registrations %s rows %d, figure %d", st, got, want)
				}
			}
			for _, r := range append(d.Leaders.PartnersByRevenue, d.Leaders.RepsByPoints...) {
				tbl := detail(views.Figure{Kind: views.FigureLeader, Payee: r.Payee})
				wantDec(t, r.Name+" revenue", detailSum(t, tbl, "Revenue"), r.Revenue.String())
				wantDec(t, r.Name+" points", detailSum(t, tbl, "Points"), decimal.NewFromInt(r.Points).String())
			}
			if len(d.Leaders.PartnersByRevenue) != app.LeaderLimit {
				t.Errorf("%d partners on the board, want %d", len(d.Leaders.PartnersByRevenue), app.LeaderLimit)
			}
			wantDec(t, "fund rows", detailSum(t, detail(views.Figure{Kind: views.FigureFunds}), "Balance"), d.Funds.Balance.String())
			wantDec(t, "expiring rows", detailSum(t, detail(views.Figure{Kind: views.FigureExpiring}), "Left"), d.Funds.Expiring.String())
			wantDec(t, "points rows", detailSum(t, detail(views.Figure{Kind: views.FigurePoints}), "Balance"), decimal.NewFromInt(d.PointsOutstanding).String())
		})
	}
}

// TestDashboardDemoMatchesLedgers checks the ledger figures against the
// app's own ledger views on the same day.
func TestDashboardDemoMatchesLedgers(t *testing.T) {
	svc := demoDashService(t)
	d, err := svc.Dashboard("2026-Q2")
	if err != nil {
		t.Fatal(err)
	}
	if !d.Funds.Balance.IsPositive() || d.PointsOutstanding <= 0 {
		t.Fatalf("the demo has no funds or points after approving Q2: %+v %d", d.Funds, d.PointsOutstanding)
	}
	funds, err := svc.Funds("", d.AsOf)
	if err != nil {
		t.Fatal(err)
	}
	bal, exp := decimal.Zero, decimal.Zero
	for _, f := range funds {
		bal, exp = bal.Add(f.Balance), exp.Add(f.Expiring30)
	}
	wantDec(t, "fund balance", d.Funds.Balance, bal.String())
	wantDec(t, "fund expiring", d.Funds.Expiring, exp.String())
	pts, err := svc.Points("", d.AsOf)
	if err != nil {
		t.Fatal(err)
	}
	var sum int64
	for _, p := range pts {
		sum += p.Balance
	}
	if sum != d.PointsOutstanding {
		t.Errorf("points outstanding %d, ledger %d", d.PointsOutstanding, sum)
	}
}

// benchSales is the number of sales lines the dashboard benchmark loads
// over two years; PD_DASH_SALES overrides it for the scale report.
func benchSales() int {
	if n, err := strconv.Atoi(os.Getenv("PD_DASH_SALES")); err == nil && n > 0 {
		return n
	}
	return 200_000
}

// BenchmarkDashboardScale measures one dashboard over the scale data set:
// run with -benchtime=1x, the load dominates the wall time.
func BenchmarkDashboardScale(b *testing.B) {
	ds := demo.Scale(5000, 20000, benchSales(), 1, day("2024-07-01"), day("2026-06-30"))
	start := time.Now()
	svc := dashService(b, ds, "2026-07-05")
	b.Logf("loaded %d sales in %s", len(ds.Sales), time.Since(start).Round(time.Millisecond))
	for _, period := range []string{"2026-06", "2026-Q2", "2025"} {
		b.Run(period, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				d, err := svc.Dashboard(period)
				if err != nil {
					b.Fatal(err)
				}
				if !d.Revenue.IsPositive() {
					b.Fatalf("no revenue in %s", period)
				}
			}
		})
	}
}

// TestDashboardSaysWhatCostAndBudgetsCover checks issue 15 item 11: a
// month's cost names the quarterly programs it cannot hold, and a budget
// compares with the spend of its fiscal year, not of every year.
func TestDashboardSaysWhatCostAndBudgetsCover(t *testing.T) {
	svc := dashService(t, tinyDataset(), "2026-08-10")
	putTinyLedgers(t, svc)
	// A paid Rebate line of December 2025, the fiscal year before.
	err := svc.Store().Update("tester", func(tx *data.Tx) error {
		return tx.Put(&engine.RewardLine{Period: "2025-12", ProgramID: 1, RuleKey: "r", Payee: partnerPayee(1), PartnerID: 1,
			Unit: engine.UnitMoney, Amount: dd("700.00"), Status: engine.LineApproved, Explanation: engine.Explanation{Key: "x"}})
	})
	if err != nil {
		t.Fatal(err)
	}
	d, err := svc.Dashboard("2026-07")
	if err != nil {
		t.Fatal(err)
	}
	if len(d.CostCovers) != 1 || d.CostCovers[0].Name != "Rebate" || d.CostCovers[0].Period != "2026-07" {
		t.Errorf("covers = %+v, want Rebate of 2026-07", d.CostCovers)
	}
	if len(d.CostLeavesOut) != 1 || d.CostLeavesOut[0].Name != "Gems" || d.CostLeavesOut[0].Period != "2026-Q3" || d.CostLeavesOut[0].Kind != engine.PeriodQuarter {
		t.Errorf("leaves out = %+v, want Gems of 2026-Q3", d.CostLeavesOut)
	}
	reb := d.Programs[0]
	// Fiscal year 2026 (January to December): 55.00 + 200.00 + 900.00 =
	// 1,155.00; December 2025's 700.00 is last year's budget.
	wantDec(t, "rebate spent in FY2026", reb.Spent, "1155.00")
	if reb.BudgetSpan.Start != day("2026-01-01") || reb.BudgetSpan.End != day("2026-12-31") {
		t.Errorf("budget span = %+v", reb.BudgetSpan)
	}
	// The quarter holds both programs' periods.
	q, err := svc.Dashboard("2026-Q3")
	if err != nil {
		t.Fatal(err)
	}
	if len(q.CostCovers) != 2 || len(q.CostLeavesOut) != 0 {
		t.Errorf("Q3 covers %+v, leaves out %+v", q.CostCovers, q.CostLeavesOut)
	}
}
