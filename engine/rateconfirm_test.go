package engine

import (
	"testing"

	"github.com/shopspring/decimal"
)

// A rate above 100 % of revenue needs the user's confirmation, wherever
// it stands in the rule; a unit basis (an amount per unit) never does, and
// exactly 100 % does not.
func TestNeedsRateConfirmation(t *testing.T) {
	d := decimal.RequireFromString
	cases := []struct {
		name string
		r    Rule
		want bool
	}{
		{"flat 100 %", Rule{Basis: BasisRevenue, Rate: &RateRule{Rate: d("100")}}, false},
		{"flat 100.01 %", Rule{Basis: BasisRevenue, Rate: &RateRule{Rate: d("100.01")}}, true},
		{"flat 150 % confirmed", Rule{Basis: BasisRevenue, Rate: &RateRule{Rate: d("150"), Confirmed: true}}, false},
		{"150 per unit", Rule{Basis: BasisUnits, Rate: &RateRule{Rate: d("150")}}, false},
		{"second band 120 %", Rule{Basis: BasisRevenue, Rate: &RateRule{Bands: []Band{{From: d("0"), Rate: d("2")}, {From: d("50000"), Rate: d("120")}}}}, true},
		{"Gold's band 101 %", Rule{Basis: BasisRevenue, Rate: &RateRule{TierBands: map[string][]Band{"Gold": {{From: d("0"), Rate: d("101")}}}}}, true},
		{"SPIF 200 %", Rule{SPIF: &SPIFRule{Rate: d("200")}}, true},
		{"SPIF 200 % confirmed", Rule{SPIF: &SPIFRule{Rate: d("200"), Confirmed: true}}, false},
	}
	for _, c := range cases {
		if got := NeedsRateConfirmation(c.r); got != c.want {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}
