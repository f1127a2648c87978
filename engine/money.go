package engine

import (
	"github.com/shopspring/decimal"
)

// Currency is an ISO 4217 code and the number of minor units a reward line is
// rounded to (EUR 2, JPY 0, IDR 0 by default; editable per company).
type Currency struct {
	Code       string `json:"code"`
	MinorUnits int32  `json:"minor_units"`
}

// DefaultMinorUnits gives the minor units of the currencies a user is likely
// to pick; any other code defaults to 2.
var DefaultMinorUnits = map[string]int32{
	"EUR": 2, "USD": 2, "GBP": 2, "CHF": 2, "SEK": 2, "NOK": 2, "DKK": 2,
	"PLN": 2, "CZK": 2, "AUD": 2, "CAD": 2, "SGD": 2, "HKD": 2, "CNY": 2,
	"INR": 2, "BRL": 2, "MXN": 2, "ZAR": 2, "TRY": 2, "RUB": 2,
	"JPY": 0, "IDR": 0, "KRW": 0, "VND": 0, "CLP": 0, "ISK": 0, "HUF": 2,
	"BHD": 3, "KWD": 3, "OMR": 3, "JOD": 3, "TND": 3,
}

// NewCurrency returns code with its default minor units.
func NewCurrency(code string) Currency {
	mu, ok := DefaultMinorUnits[code]
	if !ok {
		mu = 2
	}
	return Currency{Code: code, MinorUnits: mu}
}

// Round is the one place where a figure becomes an amount of money: full
// precision in, rounded to the currency's minor unit half away from zero
// (12.345 EUR -> 12.35, -12.345 EUR -> -12.35).
func (c Currency) Round(d decimal.Decimal) decimal.Decimal {
	return d.Round(c.MinorUnits)
}

// Format prints an amount with exactly the currency's minor units and no
// grouping ("5125.03"); screens and statements group per language.
func (c Currency) Format(d decimal.Decimal) string {
	return d.StringFixed(c.MinorUnits)
}

// FloorPoints drops the fraction of a points figure: 99.99 -> 99. It is a
// true floor, so a negative figure (a clawback) goes down: -99.99 -> -100.
// It never wraps: beyond MaxLinePoints it returns one past the limit, which
// Compute refuses (see pointsOf).
func FloorPoints(d decimal.Decimal) int64 {
	return pointsOf(d.Floor())
}

// Percent returns basis x rate %, exactly (a shift, not a division).
func Percent(basis, rate decimal.Decimal) decimal.Decimal {
	return basis.Mul(rate).Shift(-2)
}

var hundred = decimal.NewFromInt(100)

// Hundred is 100 as a decimal, for shares and percentages.
func Hundred() decimal.Decimal { return hundred }

// Fixed rounds d like Round and keeps exactly the currency's minor units in
// its exponent, so that a threshold written "100000" prints "100,000.00".
func (c Currency) Fixed(d decimal.Decimal) decimal.Decimal {
	r := d.Round(c.MinorUnits)
	if r.Exponent() == -c.MinorUnits {
		return r
	}
	return decimal.New(0, -c.MinorUnits).Add(r)
}
