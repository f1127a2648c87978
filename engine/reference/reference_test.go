package reference

import (
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"partnerdesk/engine"
)

// The reference is only worth comparing with if it follows SPEC: these
// cases check it against SPEC's own worked examples, by hand.

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func day(s string) engine.Date {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return engine.Date(t.Unix() / 86400)
}

func TestRoundMoneyHalfAwayFromZero(t *testing.T) {
	// SPEC: 12.345 EUR becomes 12.35, -12.345 becomes -12.35.
	r := &run{in: &engine.Inputs{Company: engine.Company{Currency: engine.Currency{Code: "EUR", MinorUnits: 2}}}}
	for _, tt := range []struct{ in, want string }{
		{"12.345", "12.35"}, {"-12.345", "-12.35"}, {"12.3449999", "12.34"}, {"0.005", "0.01"}, {"-0.004", "0"}, {"7", "7"},
	} {
		if got := r.roundMoney(d(tt.in)); !got.Equal(d(tt.want)) {
			t.Errorf("round %s: got %s, want %s", tt.in, got, tt.want)
		}
	}
	jpy := &run{in: &engine.Inputs{Company: engine.Company{Currency: engine.Currency{Code: "JPY"}}}}
	if got := jpy.roundMoney(d("767.5")); !got.Equal(d("768")) {
		t.Errorf("JPY 767.5: got %s, want 768", got)
	}
}

func TestFloorExact(t *testing.T) {
	// SPEC: 100.00 at 1 point per 12.00, x1.2 = 10 (120 / 12 exactly).
	for _, tt := range []struct {
		a, b string
		want int64
	}{{"120.000", "12.00", 10}, {"119.99", "12", 9}, {"-0.5", "1", -1}, {"99.99", "1", 99}, {"0", "7.5", 0}} {
		if got := floorExact(d(tt.a), d(tt.b)).Int64(); got != tt.want {
			t.Errorf("floor(%s / %s): got %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestMonthsLaterClamped(t *testing.T) {
	// SPEC: first sale 31 Aug, N = 1: revenue dated before 30 Sep.
	for _, tt := range []struct {
		from string
		n    int
		want string
	}{{"2026-08-31", 1, "2026-09-30"}, {"2026-01-31", 1, "2026-02-28"}, {"2028-01-31", 1, "2028-02-29"},
		{"2026-11-30", 3, "2027-02-28"}, {"2026-03-15", 12, "2027-03-15"}, {"2026-12-31", 14, "2028-02-29"}} {
		if got := monthsLater(day(tt.from), tt.n); got != day(tt.want) {
			t.Errorf("%s + %d months: got %v, want %s", tt.from, tt.n, got, tt.want)
		}
	}
}

func TestFoldIgnoresCaseAndAccents(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		same bool
	}{{"Sécurité", "SECURITE", true}, {"se\u0301curite\u0301", "Sécurité", true}, {"QBR", "qbr", true},
		{"Über cloud", "UBER CLOUD", true}, {"Reseller", "reseller", true}, {"demo", "demos", false}} {
		if got := sameName(tt.a, tt.b); got != tt.same {
			t.Errorf("sameName(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.same)
		}
	}
}

// fixture is a monthly period of July 2026 with one active reseller
// (id 1, Gold from 1 July) with one sales rep (id 10) and two products.
func fixture() engine.Inputs {
	return engine.Inputs{
		Company:     engine.Company{Currency: engine.Currency{Code: "EUR", MinorUnits: 2}, FiscalYearStart: time.January},
		Period:      engine.Period{Key: "2026-07", Kind: engine.PeriodMonth, Start: day("2026-07-01"), End: day("2026-07-31")},
		Partners:    []engine.Partner{{ID: 1, Kind: engine.KindReseller, Status: engine.StatusActive}, {ID: 2, Kind: engine.KindReferral, Status: engine.StatusActive, ReferralCode: "R2"}},
		Reps:        []engine.Rep{{ID: 10, PartnerID: 1, Role: "sales", Active: true}},
		Products:    []engine.Product{{ID: 1, SKU: "SKU-A", Category: "Software", Subscription: true}, {ID: 2, SKU: "SKU-B", Category: "Hardware"}},
		Ladder:      engine.TierLadder{Levels: []engine.TierLevel{{Name: "Silver"}, {Name: "Gold"}}},
		TierHistory: []engine.TierChange{{ID: 1, PartnerID: 1, Tier: "Gold", From: day("2026-07-01")}},
	}
}

func program(rules ...engine.Rule) engine.Program {
	return engine.Program{ID: 1, Name: "P", PeriodKind: engine.PeriodMonth, ValidFrom: day("2026-01-01"), Status: engine.ProgramActive, Rules: rules}
}

func sale(id engine.ID, date, net string) engine.Sale {
	return engine.Sale{ID: id, Date: day(date), PartnerID: 1, RepID: 10, Customer: "Acme", ProductID: 2, Quantity: d("1"), Net: d(net)}
}

func totals(t *testing.T, in engine.Inputs) map[Key]Figure {
	t.Helper()
	figs, err := Compute(in)
	if err != nil {
		t.Fatal(err)
	}
	m := map[Key]Figure{}
	for _, f := range figs {
		m[f.Key] = f
	}
	return m
}

var partner1 = engine.Payee{Kind: engine.PayeePartner, ID: 1}

func wantMoney(t *testing.T, m map[Key]Figure, k Key, want string) {
	t.Helper()
	if got := m[k].Amount; !got.Equal(d(want)) {
		t.Errorf("%s: got %s, want %s (%s)", k, got, want, m[k].Note)
	}
}

func TestComputeWorkedExamples(t *testing.T) {
	rate := engine.Rule{Key: "r", Kind: engine.RuleRate, Rate: &engine.RateRule{Rate: d("10")}}
	t.Run("cap after returns net", func(t *testing.T) {
		// SPEC: cap 100, lines 150 and -50 pay 100: 10 % of (1500 - 500) = 100, at the cap.
		r := rate
		r.Cap = decimal.NewNullDecimal(d("100"))
		in := fixture()
		in.Programs = []engine.Program{program(r)}
		in.Sales = []engine.Sale{sale(1, "2026-07-02", "1500"), sale(2, "2026-07-03", "-500")}
		wantMoney(t, totals(t, in), Key{1, "r", partner1, engine.UnitMoney}, "100")
	})
	t.Run("negative basis pays nothing", func(t *testing.T) {
		// 10 % of (200 - 500) = -30: nothing.
		in := fixture()
		in.Programs = []engine.Program{program(rate)}
		in.Sales = []engine.Sale{sale(1, "2026-07-02", "200"), sale(2, "2026-07-03", "-500")}
		if m := totals(t, in); len(m) != 0 {
			t.Errorf("got %v, want nothing", m)
		}
	})
	t.Run("matrix weight 0 earns nothing, splits share", func(t *testing.T) {
		// Sale 1 (existing/existing, weight 0) earns nothing; sale 2 (new
		// customer, existing product, weight 2) 1000 x 2 = 2000, split
		// 60/40 between partners 1 and 2: 10 % of 1200 = 120 and of 800 = 80.
		r := rate
		r.Matrix = &engine.Matrix{NewNew: d("1"), NewExisting: d("2"), ExistingNew: d("1"), ExistingExisting: d("0")}
		in := fixture()
		in.Programs = []engine.Program{program(r)}
		s2 := sale(2, "2026-07-05", "1000")
		s2.NewCustomer = true
		s2.Splits = []engine.CreditSplit{{PartnerID: 1, Share: d("60")}, {PartnerID: 2, Share: d("40")}}
		in.Sales = []engine.Sale{sale(1, "2026-07-02", "5000"), s2}
		m := totals(t, in)
		wantMoney(t, m, Key{1, "r", partner1, engine.UnitMoney}, "120")
		wantMoney(t, m, Key{1, "r", engine.Payee{Kind: engine.PayeePartner, ID: 2}, engine.UnitMoney}, "80")
	})
	t.Run("bands retroactive and marginal, tier multiplier", func(t *testing.T) {
		// Basis 150,000; bands 0: 2 %, 100,000: 5 %.
		// Retroactive: 150,000 x 5 % = 7,500; Gold x1.2 = 9,000.
		// Marginal: 100,000 x 2 % + 50,000 x 5 % = 4,500; x1.2 = 5,400.
		bands := []engine.Band{{From: d("0"), Rate: d("2")}, {From: d("100000"), Rate: d("5")}}
		retro := engine.Rule{Key: "a", Kind: engine.RuleRate, Rate: &engine.RateRule{Bands: bands, Mode: engine.Retroactive}, TierMultipliers: map[string]decimal.Decimal{"Gold": d("1.2")}}
		marg := engine.Rule{Key: "b", Kind: engine.RuleRate, Rate: &engine.RateRule{Bands: bands, Mode: engine.Marginal}, TierMultipliers: map[string]decimal.Decimal{"Gold": d("1.2")}}
		in := fixture()
		in.Programs = []engine.Program{program(retro, marg)}
		in.Sales = []engine.Sale{sale(1, "2026-07-02", "150000")}
		m := totals(t, in)
		wantMoney(t, m, Key{1, "a", partner1, engine.UnitMoney}, "9000")
		wantMoney(t, m, Key{1, "b", partner1, engine.UnitMoney}, "5400")
	})
	t.Run("loyalty floors once after the multiplier", func(t *testing.T) {
		// SPEC: 100.00 at 1 point per 12.00, x1.2 = 10 (not 9).
		r := engine.Rule{Key: "l", Kind: engine.RuleLoyalty, Loyalty: &engine.LoyaltyRule{Points: d("1"), Per: d("12.00")}, TierMultipliers: map[string]decimal.Decimal{"Gold": d("1.2")}}
		in := fixture()
		in.Programs = []engine.Program{program(r)}
		in.Sales = []engine.Sale{sale(1, "2026-07-02", "100.00")}
		if got := totals(t, in)[Key{1, "l", partner1, engine.UnitPoints}].Points; got != 10 {
			t.Errorf("got %d points, want 10", got)
		}
	})
	t.Run("referral window clamped and exclusive", func(t *testing.T) {
		// First sale 31 May (marked new, code R2): N = 2 months ends 31 July
		// exclusive, so the 30 July invoice counts and the 31 July one not:
		// 20 % of 100 = 20, plus no bounty (the first sale is not in July).
		r := engine.Rule{Key: "f", Kind: engine.RuleReferral, Referral: &engine.ReferralRule{Rate: d("20"), Months: 2}}
		in := fixture()
		in.Programs = []engine.Program{program(r)}
		first := sale(1, "2026-05-31", "100")
		first.ProductID, first.NewCustomer, first.ReferralCode = 1, true, "R2"
		in.CustomerFirstSales = []engine.Sale{first}
		a, b := sale(2, "2026-07-30", "100"), sale(3, "2026-07-31", "100")
		a.ProductID, b.ProductID = 1, 1
		in.Sales = []engine.Sale{a, b}
		m := totals(t, in)
		wantMoney(t, m, Key{1, "f", engine.Payee{Kind: engine.PayeePartner, ID: 2}, engine.UnitMoney}, "20")
		if len(m) != 1 {
			t.Errorf("got %v, want only the referrer's 20", m)
		}
	})
	t.Run("tier on the period's first day", func(t *testing.T) {
		// Promoted to Gold on 2 July: Silver (the ladder's first) counts for
		// July, whose multiplier 1 leaves 10 % of 1000 = 100.
		r := rate
		r.TierMultipliers = map[string]decimal.Decimal{"Gold": d("2")}
		in := fixture()
		in.TierHistory[0].From = day("2026-07-02")
		in.Programs = []engine.Program{program(r)}
		in.Sales = []engine.Sale{sale(1, "2026-07-02", "1000")}
		wantMoney(t, totals(t, in), Key{1, "r", partner1, engine.UnitMoney}, "100")
	})
}
