package engine_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"partnerdesk/engine"
)

// TestLimitChecks: each check passes its limit and refuses just beyond it,
// naming the field and the limit.
func TestLimitChecks(t *testing.T) {
	cases := []struct {
		name   string
		err    *engine.ValidationError
		reject bool
		words  string
	}{
		{"amount at 10^13", engine.CheckAmount("net", d("10000000000000")), false, ""},
		{"amount -10^13", engine.CheckAmount("net", d("-10000000000000")), false, ""},
		{"amount beyond 10^13", engine.CheckAmount("net", d("10000000000000.01")), true, "10^13"},
		{"20-digit amount", engine.CheckAmount("net", d("12345678901234567890")), true, "beyond the limit"},
		{"amount 1e400", engine.CheckAmount("net", d("1e400")), true, "1e400"},
		{"amount 1e-9000", engine.CheckAmount("net", d("1e-9000")), true, "decimal places"},
		{"amount 11 decimals", engine.CheckAmount("net", d("1.00000000001")), true, "more than 10 decimal places"},
		{"amount trailing zeros", engine.CheckAmount("net", d("1.000000000000000")), false, ""},
		{"quantity 10^9", engine.CheckQuantity("quantity", d("1000000000")), false, ""},
		{"quantity beyond", engine.CheckQuantity("quantity", d("1000000001")), true, "10^9"},
		{"rate 10000", engine.CheckRate("rate", d("10000")), false, ""},
		{"rate 1e400", engine.CheckRate("rate", d("1e400")), true, "10,000 %"},
		{"budget 10^15", engine.CheckTotal("budget", d("1000000000000000")), false, ""},
		{"budget beyond", engine.CheckTotal("budget", d("1000000000000001")), true, "10^15"},
		{"weight 100", engine.CheckWeight("matrix", d("100")), false, ""},
		{"weight 101", engine.CheckWeight("matrix", d("101")), true, "100"},
		{"points 10^12", engine.CheckPoints("points", 1_000_000_000_000), false, ""},
		{"points beyond", engine.CheckPoints("points", 1_000_000_000_001), true, "10^12"},
		{"days 3660", engine.CheckDays("validity_days", 3660), false, ""},
		{"days 1e18", engine.CheckDays("validity_days", 1_000_000_000_000_000_000), true, "3660"},
		{"days negative", engine.CheckDays("validity_days", -1), true, "from 0"},
		{"months 121", engine.CheckMonths("months", 121), true, "120"},
		{"date 1900-01-01", engine.CheckDate("date", engine.MustDate("1900-01-01")), false, ""},
		{"date 2199-12-31", engine.CheckDate("date", engine.MustDate("2199-12-31")), false, ""},
		{"date 1899-12-31", engine.CheckDate("date", engine.MustDate("1899-12-31")), true, "1900-01-01 to 2199-12-31"},
		{"date 2200-01-01", engine.CheckDate("date", engine.MustDate("2200-01-01")), true, "year 2200"},
		{"date year 1", engine.CheckDate("date", engine.MustDate("0001-01-01")), true, "year 1 "},
		{"date 9999", engine.CheckDate("date", engine.MustDate("9999-12-31")), true, "year 9999"},
		{"unset date", engine.CheckDate("date", 0), false, ""},
	}
	for _, c := range cases {
		if (c.err != nil) != c.reject {
			t.Errorf("%s: got %v, want refused %v", c.name, c.err, c.reject)
			continue
		}
		if c.err != nil && !strings.Contains(c.err.Error(), c.words) {
			t.Errorf("%s: %q does not say %q", c.name, c.err, c.words)
		}
	}
}

// TestFloorPointsNeverWraps: a points figure beyond an int64 used to wrap to
// a huge negative number (10^20 floored to int64 is 7766279631452241920).
func TestFloorPointsNeverWraps(t *testing.T) {
	if got := engine.FloorPoints(d("100000000000000000000")); got != engine.MaxLinePoints+1 {
		t.Errorf("FloorPoints(10^20) = %d, want one past the line limit %d", got, engine.MaxLinePoints+1)
	}
	if got := engine.FloorPoints(d("-100000000000000000000.5")); got != -(engine.MaxLinePoints + 1) {
		t.Errorf("FloorPoints(-10^20) = %d, want %d", got, -(engine.MaxLinePoints + 1))
	}
	// Within the limit the floor is exact: 999,999,999,999.99 -> 999,999,999,999.
	if got := engine.FloorPoints(d("999999999999.99")); got != 999_999_999_999 {
		t.Errorf("FloorPoints = %d", got)
	}
}

// TestComputeRefusesLineBeyondLimit: sums of many sales can pass the line
// limit even when every sale is within the input limits; Compute refuses,
// naming the program, the rule and the payee, instead of storing a wrapped
// or absurd line.
func TestComputeRefusesLineBeyondLimit(t *testing.T) {
	// Loyalty: 1,000 points per 0.01 EUR. Two sales of 10^12 EUR give
	// 2 x 10^12 / 0.01 x 1,000 = 2 x 10^17 points: beyond 10^12.
	in := fixture("2026-Q1")
	p := program(engine.Rule{Key: "loy", Name: "Loyalty", Kind: engine.RuleLoyalty,
		Loyalty: &engine.LoyaltyRule{Points: d("1000"), Per: d("0.01")}})
	p.Name = "Points galore"
	in.Programs = []engine.Program{p}
	in.Sales = []engine.Sale{sale(1, "2026-02-01", "1000000000000"), sale(1, "2026-02-02", "1000000000000")}
	_, err := engine.Compute(in)
	if err == nil {
		t.Fatal("Compute accepted a line of 2 x 10^17 points")
	}
	for _, w := range []string{`"Points galore"`, `"loy"`, "partner 1 (Alpha)", "beyond the limit", "nothing was stored"} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("error %q does not name %s", err, w)
		}
	}

	// Money: a rate of 10,000 % (confirmed) on two sales of 10^13 gives
	// 2 x 10^15 EUR: beyond the line limit of 10^15.
	in = fixture("2026-Q1")
	in.Programs = []engine.Program{program(engine.Rule{Key: "big", Name: "Big", Kind: engine.RuleRate,
		Rate: &engine.RateRule{Rate: d("10000"), Confirmed: true}})}
	in.Sales = []engine.Sale{sale(2, "2026-02-01", "10000000000000"), sale(2, "2026-02-03", "10000000000000")}
	if _, err := engine.Compute(in); err == nil || !strings.Contains(err.Error(), "partner 2") {
		t.Errorf("Compute of a 2 x 10^15 line: %v", err)
	}
	// One such sale is exactly at the limit: 10^13 x 10,000 % = 10^15.
	in.Sales = in.Sales[:1]
	wantAmount(t, only(t, compute(t, in)), "1000000000000000")
}

// TestFastSumsDoNotWrap: 200 sales of 99,999,999,999.999999 EUR are each
// summed as scaled integers of about 10^17; their absolute sum (2 x 10^19)
// used to wrap the uint64 guard to 1.6 x 10^18, below the guard, and the
// int64 accumulators then overflowed. 1 % of 200 x 99,999,999,999.999999
// = 199,999,999,999.999998 -> 200,000,000,000.00 EUR.
func TestFastSumsDoNotWrap(t *testing.T) {
	in := fixture("2026-Q1")
	in.Programs = []engine.Program{program(engine.Rule{Key: "r", Name: "Rate", Kind: engine.RuleRate,
		Rate: &engine.RateRule{Rate: d("1")}})}
	for i := 0; i < 200; i++ {
		s := sale(1, "2026-01-15", "99999999999.999999")
		s.Invoice = "INV-" + strings.Repeat("x", i%7) + string(rune('a'+i%26))
		s.Line = i + 1
		in.Sales = append(in.Sales, s)
	}
	wantAmount(t, only(t, compute(t, in)), "200000000000.00")
}

// TestValidationErrorIsTyped: every check returns *ValidationError so that
// forms put the reason next to the field.
func TestValidationErrorIsTyped(t *testing.T) {
	var ve *engine.ValidationError
	if err := error(engine.CheckAmount("unit_price", d("1e20"))); !errors.As(err, &ve) || ve.Field != "unit_price" {
		t.Errorf("CheckAmount: %v", err)
	}
}

// TestCheckSaleLimits: a 20-digit net (it wrapped points to a huge
// negative int64), a quantity of 10^12, a sale in year 9999, an invoice
// line of 10^10 and a split share of 1e400 are refused on their fields;
// the fields beyond the limits are not checked further (one mistake, one
// message).
func TestCheckSaleLimits(t *testing.T) {
	cases := []struct {
		mod   func(s *engine.Sale)
		field string
		words string
	}{
		{func(s *engine.Sale) {
			s.UnitPrice, s.Net = d("12345678901234567890"), d("12345678901234567890")
		}, "unit_price,net", "12345678901234567890 is beyond the limit"},
		{func(s *engine.Sale) { s.Quantity, s.Net = d("1000000000000"), d("1000000000000") }, "quantity", "10^9"},
		{func(s *engine.Sale) { s.Date = engine.MustDate("9999-07-10") }, "date", "year 9999"},
		{func(s *engine.Sale) { s.Line = 10_000_000_000 }, "line", "1,000,000"},
		{func(s *engine.Sale) {
			s.Splits = []engine.CreditSplit{{PartnerID: 1, Share: d("1e400")}}
		}, "splits", "10,000 %"},
	}
	for _, c := range cases {
		s := goodSale("L-1", 1, "1", "1", "1")
		c.mod(&s)
		errs := engine.CheckSale(&s, eur, &facts{})
		if fields(errs) != c.field || !strings.Contains(errs.Error(), c.words) {
			t.Errorf("want %s saying %q, got %v", c.field, c.words, errs)
		}
	}
}

// FuzzCheckAmount: any figure the decimal library reads is checked without
// a panic and quickly (1e-9000 is refused from its exponent), and a figure
// the check lets through lies within 10^13 and 10 decimal places.
func FuzzCheckAmount(f *testing.F) {
	for _, s := range []string{"0", "1", "-10000000000000", "10000000000000.0000000001", "1e400", "1e-9000", "-1E+13", "0.00000000001", "123.4500000000000000000"} {
		f.Add(s)
	}
	limit := d("10000000000000")
	f.Fuzz(func(t *testing.T, s string) {
		v, err := decimal.NewFromString(s)
		if err != nil {
			return
		}
		if e := engine.CheckAmount("net", v); e == nil {
			if v.Abs().GreaterThan(limit) || !v.Equal(v.Round(10)) {
				t.Fatalf("CheckAmount accepted %s", s)
			}
		} else if e.Field != "net" || e.Reason == "" {
			t.Fatalf("CheckAmount(%s) = %+v", s, e)
		}
	})
}
