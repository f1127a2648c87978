package engine_test

import (
	"testing"

	"partnerdesk/engine"
)

// The table: 0 at 2 %, from 50,000 at 4 %, one euro steps.
//
//	basis     retroactive              marginal
//	0         0                        0
//	49,999    2 % = 999.98             999.98
//	50,000    4 % x 50,000 = 2,000     2 % x 50,000 = 1,000
//	75,000    4 % x 75,000 = 3,000     1,000 + 4 % x 25,000 = 2,000
//
// The retroactive reading jumps by 1,000.02 at 50,000 for one euro more,
// far above 4 % of 1 euro (0.04): a cliff. The marginal one moves 0.02.
func TestBandDesigner(t *testing.T) {
	bands := []engine.Band{{From: d("0"), Rate: d("2")}, {From: d("50000"), Rate: d("4")}}
	curve := engine.BandCurve(bands, false, d("1"), d("0"))
	want := [][3]string{{"0", "0", "0"}, {"49999", "999.98", "999.98"}, {"50000", "2000", "1000"}, {"75000", "3000", "2000"}}
	if len(curve) != len(want) {
		t.Fatalf("curve %+v", curve)
	}
	for i, w := range want {
		p := curve[i]
		if !p.Basis.Equal(d(w[0])) || !p.Retroactive.Equal(d(w[1])) || !p.Marginal.Equal(d(w[2])) {
			t.Errorf("point %d: %+v, want %v", i, p, w)
		}
	}
	cliffs := engine.BandCliffs(bands, false, d("1"))
	if len(cliffs) != 1 || cliffs[0].Mode != engine.Retroactive || !cliffs[0].Jump.Equal(d("1000.02")) || cliffs[0].Band != 1 {
		t.Fatalf("cliffs %+v", cliffs)
	}
	errs, warns := engine.BandProblems("bands", []engine.Band{{From: d("100"), Rate: d("5")}, {From: d("100"), Rate: d("3")}, {From: d("50"), Rate: d("-1")}}, engine.Retroactive)
	fields := map[string]bool{}
	for _, e := range errs {
		fields[e.Field] = true
	}
	for _, f := range []string{"bands[0].from", "bands[1].from", "bands[2].from", "bands[2].rate"} {
		if !fields[f] {
			t.Errorf("no problem on %s: %v", f, errs)
		}
	}
	if len(warns) != 2 || warns[0].Field != "bands[1].rate" {
		t.Errorf("warnings %v", warns)
	}
}

// DesignBands puts the curve, cliffs and problems together, drawing bands
// typed out of order in order of their start.
//
// Bands typed {from 1,000 at 5 %}, {from 100 at 2 %}, marginal, up to 2,000:
//
//	basis   retroactive            marginal
//	0       0                      0             (below the first band: a gap)
//	99      0                      0
//	100     2 % x 100 = 2          0
//	999     2 % x 999 = 19.98      2 % x 899 = 17.98
//	1,000   5 % x 1,000 = 50       2 % x 900 = 18
//	2,000   5 % x 2,000 = 100      18 + 5 % x 1,000 = 68
//
// Cliffs (one euro more changes the payout by more than the band's rate
// on it): retroactive at 100 (0 -> 2, more than 2 % of 1 = 0.02) and at
// 1,000 (19.98 -> 50); marginal: none (999 -> 1,000 moves 0.02 <= 0.05).
func TestDesignBands(t *testing.T) {
	bands := []engine.Band{{From: d("1000"), Rate: d("5")}, {From: d("100"), Rate: d("2")}}
	got := engine.DesignBands("rules[0].rate.bands", bands, engine.Marginal, false, d("2000"))
	want := [][3]string{{"0", "0", "0"}, {"99", "0", "0"}, {"100", "2", "0"}, {"999", "19.98", "17.98"}, {"1000", "50", "18"}, {"2000", "100", "68"}}
	if len(got.Curve) != len(want) {
		t.Fatalf("curve %+v", got.Curve)
	}
	for i, w := range want {
		p := got.Curve[i]
		if !p.Basis.Equal(d(w[0])) || !p.Retroactive.Equal(d(w[1])) || !p.Marginal.Equal(d(w[2])) {
			t.Errorf("point %d: %+v, want %v", i, p, w)
		}
	}
	if len(got.Cliffs) != 2 || !got.Cliffs[0].From.Equal(d("100")) || got.Cliffs[0].Band != 0 || !got.Cliffs[1].Jump.Equal(d("30.02")) {
		t.Errorf("cliffs %+v", got.Cliffs)
	}
	// The first band as typed starts at 1,000 (a gap), and the second starts
	// below it (out of order).
	fields := map[string]bool{}
	for _, e := range got.Errors {
		fields[e.Field] = true
	}
	if !fields["rules[0].rate.bands[0].from"] || !fields["rules[0].rate.bands[1].from"] || got.Mode != engine.Marginal {
		t.Errorf("errors %v", got.Errors)
	}
}
