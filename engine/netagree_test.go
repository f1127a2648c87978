package engine

import (
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
)

// TestNetAgreesSmallMatchesDecimals: the int64 check of quantity x unit
// price against net gives the decimal check's answer whenever it gives
// one, over figures of every sign, scale and size near the tolerance.
// Worked example: 3 x 19.99 = 59.97; net 59.98 is 0.01 off, the tolerance
// is 0.005 x 3 = 0.015 (EUR, 2 minor units): agree; net 59.99 is 0.02 off:
// disagree.
func TestNetAgreesSmallMatchesDecimals(t *testing.T) {
	d := decimal.RequireFromString
	for _, c := range []struct {
		q, p, n string
		want    bool
	}{
		{"3", "19.99", "59.98", true},
		{"3", "19.99", "59.99", false},
		{"0.5", "10", "5.005", true}, // |q| < 1: tolerance 0.005
		{"0.5", "10", "5.0051", false},
		{"-2", "7.50", "-15", true},
		{"-2", "7.50", "15", false},
	} {
		got, known := netAgreesSmall(d(c.q), d(c.p), d(c.n), 2)
		if !known || got != c.want || netAgrees(d(c.q), d(c.p), d(c.n), 2) != c.want {
			t.Errorf("%s x %s vs %s: small %v (known %v), want %v", c.q, c.p, c.n, got, known, c.want)
		}
	}
	r := rand.New(rand.NewPCG(11, 12))
	known := 0
	for i := 0; i < 200_000; i++ {
		q := decimal.New(r.Int64N(2_000_000)-1_000_000, -r.Int32N(5))
		if q.IsZero() {
			continue
		}
		if r.IntN(10) == 0 {
			q = decimal.New(r.Int64N(1e12), r.Int32N(4))
		}
		p := decimal.New(r.Int64N(10_000_000), -r.Int32N(6))
		minor := r.Int32N(4)
		n := q.Mul(p)
		switch r.IntN(4) {
		case 0: // near the tolerance
			n = n.Add(decimal.New(r.Int64N(21)-10, -minor-1).Mul(q.Abs().Add(decimal.NewFromInt(r.Int64N(2)))))
		case 1:
			n = n.Add(decimal.New(r.Int64N(2001)-1000, -minor-3))
		case 2:
			n = decimal.New(r.Int64N(1e15), -r.Int32N(8))
		}
		got, ok := netAgreesSmall(q, p, n, minor)
		if !ok {
			continue
		}
		known++
		if want := netAgrees(q, p, n, minor); got != want {
			t.Fatalf("%s x %s vs %s (minor %d): small %v, decimals %v", q, p, n, minor, got, want)
		}
	}
	if known < 100_000 {
		t.Errorf("the int64 path answered %d of 200,000 cases; most import rows should take it", known)
	}
}
