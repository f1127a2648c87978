package i18n_test

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"partnerdesk/engine"
	"partnerdesk/engine/i18n"
)

// Finding 19: an explanation prints the figures the line really used. A
// per-unit rate of 0.125 EUR is not rounded to the currency's 0.13.
func TestMoneyAsUsed(t *testing.T) {
	eur, jpy := engine.NewCurrency("EUR"), engine.NewCurrency("JPY")
	for _, c := range []struct {
		d    string
		cur  engine.Currency
		lang string
		want string
	}{
		{"0.125", eur, "en", "0.125 EUR"},
		{"0.125", eur, "it", "0,125 EUR"},
		{"0.1250", eur, "en", "0.125 EUR"}, // trailing zeros beyond the currency's are not figures
		{"12.5", eur, "en", "12.50 EUR"},   // never fewer decimals than the currency
		{"1234.5", eur, "en", "1,234.50 EUR"},
		{"-0.125", eur, "en", "-0.125 EUR"},
		{"1.5", jpy, "en", "1.5 JPY"},
		{"1500", jpy, "en", "1,500 JPY"},
	} {
		if got := i18n.MoneyAsUsed(decimal.RequireFromString(c.d), c.cur, c.lang); got != c.want {
			t.Errorf("MoneyAsUsed(%s %s, %s) = %q, want %q", c.d, c.cur.Code, c.lang, got, c.want)
		}
	}
}

// A unit rule at 0.125 EUR per unit over 3 units pays 0.375, rounded
// once to 0.38; its explanation says 0.125 EUR each (it said 0.13, and
// 3 x 0.13 = 0.39 is not what was paid).
func TestExplanationShowsUnitRateAsUsed(t *testing.T) {
	eur := engine.NewCurrency("EUR")
	p, err := engine.ParsePeriod("2026-07", 1)
	if err != nil {
		t.Fatal(err)
	}
	in := engine.Inputs{
		Company:  engine.Company{Name: "Vendor", Currency: eur, FiscalYearStart: 1},
		Period:   p,
		Partners: []engine.Partner{{ID: 1, Name: "Alpha", Kind: engine.KindReseller, Status: engine.StatusActive}},
		Products: []engine.Product{{ID: 100, SKU: "HW-1", Name: "Box", Category: "hardware"}},
		Sales: []engine.Sale{{ID: 1, Date: engine.MustDate("2026-07-03"), PartnerID: 1, Customer: "C", ProductID: 100,
			Quantity: decimal.NewFromInt(3), UnitPrice: decimal.NewFromInt(10), Net: decimal.NewFromInt(30), Invoice: "INV-1", Line: 1}},
		Programs: []engine.Program{{ID: 1, Name: "Per unit", Currency: "EUR", PeriodKind: engine.PeriodMonth,
			ValidFrom: engine.MustDate("2026-01-01"), Status: engine.ProgramActive, Rules: []engine.Rule{
				{Key: "u", Name: "Per unit", Kind: engine.RuleRate, Basis: engine.BasisUnits, Rate: &engine.RateRule{Rate: decimal.RequireFromString("0.125")}}}}},
	}
	res, err := engine.Compute(in)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Lines) != 1 || !res.Lines[0].Amount.Equal(decimal.RequireFromString("0.38")) {
		t.Fatalf("lines %+v, want one of 0.38", res.Lines)
	}
	got := i18n.Explain(res.Lines[0].Explanation, "en")
	if !strings.Contains(got, "0.125 EUR") || strings.Contains(got, "0.13 EUR") || !strings.Contains(got, "0.38 EUR") {
		t.Errorf("explanation %q: want the rate 0.125 EUR and the amount 0.38 EUR", got)
	}
}
