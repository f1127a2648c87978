package app

import (
	"math"

	"github.com/shopspring/decimal"
)

// decSum adds decimals exactly and gives what adding them one by one with
// decimal.Add to a zero Decimal gives, value and exponent, at a fraction
// of the cost: it adds the terms' coefficients as int64s, scaled to the
// smallest exponent so far, while they fit, and only the others as
// decimals. A batch of statements adds up a million sales' credits this
// way.
type decSum struct {
	exp  int32
	n    int64 // the sum of the int64 terms, scaled by 10^exp; valid if has
	has  bool
	rest decimal.Decimal // the other terms
}

func (s *decSum) add(d decimal.Decimal) {
	// Up to 18 digits a coefficient fits an int64 (NumDigits and
	// CoefficientInt64 do not allocate).
	if d.NumDigits() <= 18 {
		c, e := d.CoefficientInt64(), d.Exponent()
		if !s.has {
			s.exp, s.n, s.has = e, c, true
			return
		}
		// Terms with other exponents (a sale of 100 beside one of
		// 99.50) are scaled to the smaller one, as decimal.Add does.
		n := s.n
		if e > s.exp {
			c, e = scaleInt64(c, e-s.exp), s.exp
		} else if e < s.exp {
			n = scaleInt64(n, s.exp-e)
		}
		if c != overflow && n != overflow {
			if sum, ok := addInt64(n, c); ok {
				s.n, s.exp = sum, e
				return
			}
		}
	}
	s.rest = s.rest.Add(d)
}

// overflow is what scaleInt64 answers when the product would not fit.
const overflow = math.MinInt64

// scaleInt64 is c·10^k, or overflow.
func scaleInt64(c int64, k int32) int64 {
	for ; k > 0; k-- {
		if c > math.MaxInt64/10 || c < -math.MaxInt64/10 {
			return overflow
		}
		c *= 10
	}
	return c
}

// value is the sum. decimal.Add's exponent is the smaller of its terms',
// so the sum's exponent is the smallest of 0 (the zero it starts from)
// and every term's, whichever way the terms were grouped.
func (s *decSum) value() decimal.Decimal {
	if !s.has {
		return s.rest
	}
	return s.rest.Add(decimal.New(s.n, s.exp))
}

// addInt64 is a+b, and false if it overflows.
func addInt64(a, b int64) (int64, bool) {
	sum := a + b
	// Overflow: both terms have one sign and the sum the other.
	return sum, (a^sum)&(b^sum) >= 0
}
