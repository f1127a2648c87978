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
