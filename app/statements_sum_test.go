package app

import (
	"math"
	"math/rand"
	"testing"

	"github.com/shopspring/decimal"
)

// decSum gives what decimal.Add one term at a time gives: the same value
// with the same exponent (so the same String), whatever the terms: cents,
// mixed exponents, 19-digit coefficients, and int64 sums that overflow.
func TestDecSumIsRepeatedAdd(t *testing.T) {
	r := rand.New(rand.NewSource(17))
	term := func() decimal.Decimal {
		switch r.Intn(8) {
		case 0:
			return decimal.New(r.Int63n(1000), int32(-r.Intn(6))) // another exponent
		case 1:
			return decimal.New(math.MaxInt64-r.Int63n(10), -2) // overflows the int64 sum
		case 2:
			return decimal.New(math.MinInt64+r.Int63n(10), -2)
		case 3:
			return decimal.RequireFromString("12345678901234567890.12") // 22 digits
		case 4:
			return decimal.New(r.Int63n(100), int32(r.Intn(3))) // 5E+2
		}
		return decimal.New(r.Int63n(2_000_000)-1_000_000, -2) // cents, either sign
	}
	for round := 0; round < 2000; round++ {
		var want decimal.Decimal
		var s decSum
		n := r.Intn(40)
		for i := 0; i < n; i++ {
			d := term()
			want = want.Add(d)
			s.add(d)
		}
		got := s.value()
		if !got.Equal(want) || got.Exponent() != want.Exponent() || got.String() != want.String() {
			t.Fatalf("round %d: sum %s (exp %d), decimal.Add gives %s (exp %d)", round, got, got.Exponent(), want, want.Exponent())
		}
	}
	// Worked by hand: 0.10 + 0.20 + 1.005 = 1.305, exponent -3 (1.005's).
	var s decSum
	for _, v := range []string{"0.10", "0.20", "1.005"} {
		s.add(decimal.RequireFromString(v))
	}
	if got := s.value(); got.String() != "1.305" || got.Exponent() != -3 {
		t.Errorf("0.10 + 0.20 + 1.005 = %s (exp %d), want 1.305 (exp -3)", got, got.Exponent())
	}
}

func TestAddInt64(t *testing.T) {
	for _, c := range []struct {
		a, b int64
		ok   bool
	}{{1, 2, true}, {math.MaxInt64, 1, false}, {math.MinInt64, -1, false}, {math.MaxInt64, math.MinInt64, true}, {-5, 3, true}} {
		if sum, ok := addInt64(c.a, c.b); ok != c.ok || (ok && sum != c.a+c.b) {
			t.Errorf("addInt64(%d, %d) = %d, %v", c.a, c.b, sum, ok)
		}
	}
}
