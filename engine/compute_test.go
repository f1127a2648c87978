package engine_test

import (
	"testing"

	"github.com/shopspring/decimal"

	"partnerdesk/engine"
)

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

var eur = engine.NewCurrency("EUR")

// fixture is a small world: partners 1-3, reps 11 (partner 1) and 12
// (partner 2), products 100 (HW-1, hardware), 101 (SW-1, software,
// subscription) and 102 (HW-2, hardware).
func fixture(q string) engine.Inputs {
	return engine.Inputs{
		Company: engine.Company{Name: "Vendor", Currency: eur, FiscalYearStart: 1},
		Period:  mustPeriod(q),
		Partners: []engine.Partner{
			{ID: 1, Name: "Alpha", Kind: engine.KindReseller, Segment: "smb", Status: engine.StatusActive, ReferralCode: "ALPHA"},
			{ID: 2, Name: "Beta", Kind: engine.KindMSP, Segment: "enterprise", Status: engine.StatusActive, ReferralCode: "BETA"},
			{ID: 3, Name: "Gamma", Kind: engine.KindReferral, Status: engine.StatusActive, ReferralCode: "GAMMA"},
		},
		Reps: []engine.Rep{
			{ID: 11, PartnerID: 1, Name: "Ann", Role: "sales", Active: true},
			{ID: 12, PartnerID: 2, Name: "Bob", Role: "presales", Active: true},
		},
		Products: []engine.Product{
			{ID: 100, SKU: "HW-1", Name: "Box", Category: "hardware"},
			{ID: 101, SKU: "SW-1", Name: "Cloud", Category: "software", Subscription: true},
			{ID: 102, SKU: "HW-2", Name: "Big box", Category: "hardware"},
		},
	}
}

func mustPeriod(q string) engine.Period {
	p, err := engine.ParsePeriod(q, 1)
	if err != nil {
		panic(err)
	}
	return p
}

func program(rules ...engine.Rule) engine.Program {
	return engine.Program{ID: 1, Name: "P", Currency: "EUR", PeriodKind: engine.PeriodQuarter,
		ValidFrom: engine.MustDate("2026-01-01"), Status: engine.ProgramActive, Rules: rules}
}

var nextSaleID engine.ID

func sale(partner engine.ID, date, net string) engine.Sale {
	nextSaleID++
	return engine.Sale{ID: nextSaleID, Date: engine.MustDate(date), PartnerID: partner, Customer: "C", ProductID: 100,
		Quantity: d("1"), Net: d(net), Invoice: "INV-" + net, Line: 1}
}

func compute(tb testing.TB, in engine.Inputs) engine.Result {
	tb.Helper()
	res, err := engine.Compute(in)
	if err != nil {
		tb.Fatalf("Compute: %v", err)
	}
	return res
}

// only returns the one line of the result, failing otherwise.
func only(tb testing.TB, res engine.Result) engine.RewardLine {
	tb.Helper()
	if len(res.Lines) != 1 {
		tb.Fatalf("got %d lines, want 1: %+v", len(res.Lines), res.Lines)
	}
	return res.Lines[0]
}

func wantAmount(tb testing.TB, l engine.RewardLine, want string) {
	tb.Helper()
	if !l.Amount.Equal(d(want)) {
		tb.Errorf("amount %s, want %s (%s)", l.Amount, want, l.Explanation.Key)
	}
}

func argDec(tb testing.TB, e engine.Explanation, name string) decimal.Decimal {
	tb.Helper()
	a, ok := e.Arg(name)
	if !ok {
		tb.Fatalf("explanation %s has no argument %q: %+v", e.Key, name, e.Args)
	}
	return a.Dec
}

func hasMore(e engine.Explanation, key string) bool {
	for _, m := range e.More {
		if m.Key == key {
			return true
		}
	}
	return false
}

var specBands = []engine.Band{{From: d("0"), Rate: d("2")}, {From: d("50000"), Rate: d("4")}, {From: d("100000"), Rate: d("5")}}

func TestRateBandsSpecExample(t *testing.T) {
	tests := []struct {
		name, mode, want, key string
	}{
		// Retroactive: the whole 102,500.50 at 5 % = 5,125.025 -> 5,125.03.
		{"retroactive", "retroactive", "5125.03", "rate.retroactive"},
		// Marginal: 50,000 x 2 % = 1,000 + 50,000 x 4 % = 2,000 + 2,500.50 x 5 % = 125.025;
		// the line rounds once: 3,125.025 -> 3,125.03.
		{"marginal", "marginal", "3125.03", "rate.marginal"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := fixture("2026-Q3")
			in.Programs = []engine.Program{program(engine.Rule{Key: "r", Name: "Volume rebate", Kind: engine.RuleRate,
				Rate: &engine.RateRule{Bands: specBands, Mode: engine.BandMode(tt.mode)}})}
			in.Sales = []engine.Sale{sale(1, "2026-07-15", "60000.25"), sale(1, "2026-09-30", "42500.25")}
			l := only(t, compute(t, in))
			wantAmount(t, l, tt.want)
			if l.Explanation.Key != tt.key || !l.Basis.Equal(d("102500.50")) || l.Period != "2026-Q3" || l.Status != engine.LineDraft {
				t.Errorf("line %+v", l)
			}
			from, _ := l.Explanation.Arg("from")
			if from.Type != engine.ArgNumber || from.Dec.StringFixed(2) != "100000.00" || from.Dec.Exponent() != -2 {
				t.Errorf("from %+v, want number 100000.00", from)
			}
			if got := argDec(t, l.Explanation, "rate"); !got.Equal(d("5")) {
				t.Errorf("rate %s, want 5", got)
			}
			mode, _ := l.Explanation.Arg("mode")
			if mode.Type != engine.ArgKey || mode.Text != "word."+tt.mode {
				t.Errorf("mode %+v", mode)
			}
			if got := argDec(t, l.Explanation, "amount"); !got.Equal(d(tt.want)) {
				t.Errorf("amount arg %s, want %s", got, tt.want)
			}
			for _, name := range []string{"rule", "basis", "period"} {
				if _, ok := l.Explanation.Arg(name); !ok {
					t.Errorf("no %s argument", name)
				}
			}
		})
	}
}

func TestRounding(t *testing.T) {
	// The one rounding function: half away from zero, to the minor unit.
	tests := []struct {
		cur      engine.Currency
		in, want string
	}{
		{eur, "12.345", "12.35"},
		{eur, "-12.345", "-12.35"},
		{engine.NewCurrency("JPY"), "1234.5", "1235"},
	}
	for _, tt := range tests {
		if got := tt.cur.Round(d(tt.in)); !got.Equal(d(tt.want)) {
			t.Errorf("%s %s rounds to %s, want %s", tt.cur.Code, tt.in, got, tt.want)
		}
	}
	if got := engine.FloorPoints(d("99.99")); got != 99 {
		t.Errorf("points 99.99 -> %d, want 99", got)
	}

	t.Run("line EUR", func(t *testing.T) {
		// 246.90 x 5 % = 12.345 -> 12.35.
		in := fixture("2026-Q3")
		in.Programs = []engine.Program{program(engine.Rule{Key: "r", Name: "C", Kind: engine.RuleRate, Rate: &engine.RateRule{Rate: d("5")}})}
		in.Sales = []engine.Sale{sale(1, "2026-07-01", "246.90")}
		wantAmount(t, only(t, compute(t, in)), "12.35")
	})
	t.Run("line JPY", func(t *testing.T) {
		// 24,690 x 5 % = 1,234.5 -> 1,235 (no minor unit).
		in := fixture("2026-Q3")
		in.Company.Currency = engine.NewCurrency("JPY")
		p := program(engine.Rule{Key: "r", Name: "C", Kind: engine.RuleRate, Rate: &engine.RateRule{Rate: d("5")}})
		p.Currency = "JPY"
		in.Programs = []engine.Program{p}
		in.Sales = []engine.Sale{sale(1, "2026-07-01", "24690")}
		wantAmount(t, only(t, compute(t, in)), "1235")
	})
	t.Run("points floor", func(t *testing.T) {
		// 999.90 at 1 point per 10.00 = 99.99 points -> 99.
		in := fixture("2026-Q3")
		in.Programs = []engine.Program{program(engine.Rule{Key: "l", Name: "Marks", Kind: engine.RuleLoyalty,
			Loyalty: &engine.LoyaltyRule{Points: d("1"), Per: d("10.00")}})}
		in.Sales = []engine.Sale{sale(1, "2026-07-01", "999.90")}
		l := only(t, compute(t, in))
		if l.Points != 99 || l.Unit != engine.UnitPoints || !l.Amount.IsZero() {
			t.Errorf("points line %+v, want 99 points", l)
		}
	})
	t.Run("totals are sums of rounded lines", func(t *testing.T) {
		// Three partners at 100.50 x 5 % = 5.025 -> 5.03 each, 15.09 in total,
		// while the unrounded sum 15.075 would round to 15.08.
		in := fixture("2026-Q3")
		in.Programs = []engine.Program{program(engine.Rule{Key: "r", Name: "C", Kind: engine.RuleRate, Rate: &engine.RateRule{Rate: d("5")}})}
		in.Sales = []engine.Sale{sale(1, "2026-07-01", "100.50"), sale(2, "2026-07-01", "100.50"), sale(3, "2026-07-01", "100.50")}
		money, _ := compute(t, in).Total()
		if !money.Equal(d("15.09")) {
			t.Errorf("total %s, want 15.09", money)
		}
	})
}

func TestSplitsAndMatrix(t *testing.T) {
	rule := engine.Rule{Key: "r", Name: "C", Kind: engine.RuleRate, Rate: &engine.RateRule{Rate: d("10")}}
	t.Run("split 60/40", func(t *testing.T) {
		// 1,000.00 split 60/40: basis 600 and 400; at 10 %: 60.00 and 40.00.
		in := fixture("2026-Q3")
		in.Programs = []engine.Program{program(rule)}
		s := sale(1, "2026-07-01", "1000.00")
		s.Splits = []engine.CreditSplit{{PartnerID: 1, Share: d("60")}, {PartnerID: 2, Share: d("40")}}
		in.Sales = []engine.Sale{s}
		res := compute(t, in)
		if len(res.Lines) != 2 {
			t.Fatalf("got %d lines, want 2", len(res.Lines))
		}
		if res.Lines[0].Payee.ID != 1 || !res.Lines[0].Basis.Equal(d("600")) {
			t.Errorf("first line %+v, want partner 1 basis 600", res.Lines[0])
		}
		wantAmount(t, res.Lines[0], "60.00")
		wantAmount(t, res.Lines[1], "40.00")
	})
	t.Run("matrix 1.5 on new customer and new product", func(t *testing.T) {
		// New/new 1,000 x 1.5 = 1,500 plus existing/existing 200 x 1 = 1,700; at 10 % = 170.00.
		r := rule
		mx := engine.UnitMatrix()
		mx.NewNew = d("1.5")
		r.Matrix = &mx
		in := fixture("2026-Q3")
		in.Programs = []engine.Program{program(r)}
		s := sale(1, "2026-07-01", "1000.00")
		s.NewCustomer, s.NewProduct = true, true
		s2 := sale(1, "2026-07-02", "200.00")
		in.Sales = []engine.Sale{s, s2}
		l := only(t, compute(t, in))
		if !l.Basis.Equal(d("1700")) {
			t.Errorf("basis %s, want 1700", l.Basis)
		}
		wantAmount(t, l, "170.00")
	})
	t.Run("matrix on a split sale", func(t *testing.T) {
		// 1,000 x 1.5 x 60 % = 900 -> 90.00; 1,000 x 1.5 x 40 % = 600 -> 60.00.
		r := rule
		mx := engine.UnitMatrix()
		mx.NewNew = d("1.5")
		r.Matrix = &mx
		in := fixture("2026-Q3")
		in.Programs = []engine.Program{program(r)}
		s := sale(1, "2026-07-01", "1000.00")
		s.NewCustomer, s.NewProduct = true, true
		s.Splits = []engine.CreditSplit{{PartnerID: 1, Share: d("60")}, {PartnerID: 2, Share: d("40")}}
		in.Sales = []engine.Sale{s}
		res := compute(t, in)
		if len(res.Lines) != 2 {
			t.Fatalf("got %d lines", len(res.Lines))
		}
		wantAmount(t, res.Lines[0], "90.00")
		wantAmount(t, res.Lines[1], "60.00")
	})
}

func TestFilters(t *testing.T) {
	base := engine.Rule{Key: "r", Name: "C", Kind: engine.RuleRate, Rate: &engine.RateRule{Rate: d("10")}}
	mk := func() []engine.Sale {
		a := sale(1, "2026-07-01", "100") // HW-1, existing customer, rep 11 (sales)
		a.RepID = 11
		b := sale(1, "2026-07-02", "200") // SW-1, new customer
		b.ProductID, b.NewCustomer = 101, true
		c := sale(2, "2026-07-03", "400") // HW-2 at an MSP, rep 12 (presales), new product
		c.ProductID, c.RepID, c.NewProduct = 102, 12, true
		return []engine.Sale{a, b, c}
	}
	tests := []struct {
		name   string
		filter engine.Filter
		want   map[engine.ID]string // partner -> basis
	}{
		{"categories", engine.Filter{Categories: []string{"hardware"}}, map[engine.ID]string{1: "100", 2: "400"}},
		{"skus", engine.Filter{SKUs: []string{"SW-1"}}, map[engine.ID]string{1: "200"}},
		{"new customer", engine.Filter{Customer: engine.FilterNew}, map[engine.ID]string{1: "200"}},
		{"existing customer", engine.Filter{Customer: engine.FilterExisting}, map[engine.ID]string{1: "100", 2: "400"}},
		{"new product", engine.Filter{Product: engine.FilterNew}, map[engine.ID]string{2: "400"}},
		{"partner kinds", engine.Filter{PartnerKinds: []engine.PartnerKind{engine.KindMSP}}, map[engine.ID]string{2: "400"}},
		{"rep roles", engine.Filter{RepRoles: []string{"sales"}}, map[engine.ID]string{1: "100"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := base
			r.Filter = tt.filter
			in := fixture("2026-Q3")
			in.Programs = []engine.Program{program(r)}
			in.Sales = mk()
			res := compute(t, in)
			if len(res.Lines) != len(tt.want) {
				t.Fatalf("got %d lines, want %d: %+v", len(res.Lines), len(tt.want), res.Lines)
			}
			for _, l := range res.Lines {
				if !l.Basis.Equal(d(tt.want[l.Payee.ID])) {
					t.Errorf("partner %d basis %s, want %s", l.Payee.ID, l.Basis, tt.want[l.Payee.ID])
				}
			}
		})
	}
}

func TestReturnsAndNegativeBasis(t *testing.T) {
	rule := engine.Rule{Key: "r", Name: "Volume rebate", Kind: engine.RuleRate, Rate: &engine.RateRule{Bands: specBands}}
	t.Run("return drops below a band", func(t *testing.T) {
		// 105,000 - 10,000 = 95,000: below the 100,000 band, so 4 % retroactive = 3,800.00.
		in := fixture("2026-Q3")
		in.Programs = []engine.Program{program(rule)}
		ret := sale(1, "2026-08-01", "-10000")
		ret.Quantity, ret.OriginalInvoice = d("-1"), "INV-105000"
		in.Sales = []engine.Sale{sale(1, "2026-07-01", "105000"), ret}
		l := only(t, compute(t, in))
		if !l.Basis.Equal(d("95000")) {
			t.Errorf("basis %s, want 95000", l.Basis)
		}
		wantAmount(t, l, "3800.00")
	})
	t.Run("negative basis pays nothing", func(t *testing.T) {
		// 1,000 - 3,000 = -2,000: nothing, and the explanation says so.
		in := fixture("2026-Q3")
		in.Programs = []engine.Program{program(rule)}
		ret := sale(1, "2026-08-01", "-3000")
		ret.Quantity, ret.OriginalInvoice = d("-3"), "INV-X"
		in.Sales = []engine.Sale{sale(1, "2026-07-01", "1000"), ret}
		l := only(t, compute(t, in))
		wantAmount(t, l, "0")
		if l.Explanation.Key != "basis.negative" || !l.Basis.Equal(d("-2000")) {
			t.Errorf("line %+v", l)
		}
	})
}

func TestUnitBasis(t *testing.T) {
	// 30 units: flat 2.50 per unit = 75.00; bands {0: 1.00, 25: 2.00} retroactive = 60.00.
	in := fixture("2026-Q3")
	s := sale(1, "2026-07-01", "3000")
	s.Quantity = d("30")
	in.Sales = []engine.Sale{s}
	in.Programs = []engine.Program{program(
		engine.Rule{Key: "a", Name: "Per unit", Kind: engine.RuleRate, Basis: engine.BasisUnits, Rate: &engine.RateRule{Rate: d("2.50")}},
		engine.Rule{Key: "b", Name: "Per unit bands", Kind: engine.RuleRate, Basis: engine.BasisUnits,
			Rate: &engine.RateRule{Bands: []engine.Band{{From: d("0"), Rate: d("1")}, {From: d("25"), Rate: d("2")}}}},
	)}
	res := compute(t, in)
	if len(res.Lines) != 2 {
		t.Fatalf("got %d lines", len(res.Lines))
	}
	wantAmount(t, res.Lines[0], "75.00")
	wantAmount(t, res.Lines[1], "60.00")
	if res.Lines[0].Explanation.Key != "rate.units.flat" || res.Lines[1].Explanation.Key != "rate.units.band" {
		t.Errorf("keys %s, %s", res.Lines[0].Explanation.Key, res.Lines[1].Explanation.Key)
	}
}

type engineDec = decimal.Decimal

func itoa(n int) string { return decimal.NewFromInt(int64(n)).String() }
