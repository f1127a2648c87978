package i18n

import (
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"partnerdesk/engine"
)

// MaxPlaces bounds the decimal places Number prints, so a decimal with an
// absurd scale cannot produce a line no screen or page can hold.
const MaxPlaces = 30

// percentPlaces is how many decimals a percentage keeps before trailing
// zeros are dropped: an effective rate such as reward / basis may have many.
const percentPlaces = 4

// separators are a language's digit-group and decimal marks.
type separators struct{ group, decimal string }

// frGroup is U+202F NARROW NO-BREAK SPACE, the French group mark (CLDR);
// it never breaks a number across lines.
const frGroup = "\u202f"

func seps(lang string) separators {
	switch Normalize(lang) {
	case "en":
		return separators{",", "."}
	case "fr":
		return separators{frGroup, ","}
	default: // it, nl, id, de, es
		return separators{".", ","}
	}
}

// Number formats d with exactly places decimals, rounded half away from zero
// (12.345 -> 12.35, -12.345 -> -12.35), grouped by thousands per language:
// 1,234.56 (en), 1.234,56 (it, nl, id, de, es), 1 234,56 (fr, with U+202F).
// Negative numbers start with "-"; a value that rounds to zero prints without
// a sign. places below 0 count as 0 and above MaxPlaces as MaxPlaces.
func Number(d decimal.Decimal, places int32, lang string) string {
	places = min(max(places, 0), MaxPlaces)
	return layout(d.StringFixed(places), seps(lang))
}

// layout regroups a plain decimal string "-1234.56" with the language's marks.
func layout(s string, sp separators) string {
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	intPart, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	b.Grow(len(s) + len(s)/3*len(sp.group) + 2)
	if neg && strings.Trim(s, "0.") != "" {
		b.WriteByte('-')
	}
	writeGrouped(&b, intPart, sp.group)
	if hasFrac {
		b.WriteString(sp.decimal)
		b.WriteString(frac)
	}
	return b.String()
}

// writeGrouped writes the digits with group between every three from the right.
func writeGrouped(b *strings.Builder, digits, group string) {
	first := len(digits) % 3
	if first == 0 {
		first = 3
	}
	if first > len(digits) {
		first = len(digits)
	}
	b.WriteString(digits[:first])
	for i := first; i < len(digits); i += 3 {
		b.WriteString(group)
		b.WriteString(digits[i : i+3])
	}
}

// Money formats an amount with the currency's minor units, then a space and
// the ISO code: "5,125.03 EUR" (en), "5.125,03 EUR" (it), "1,235 JPY". The
// code follows the amount in every language so columns line up on the digits.
// A currency with no code prints the number alone.
func Money(d decimal.Decimal, c engine.Currency, lang string) string {
	n := Number(d, c.MinorUnits, lang)
	if c.Code == "" {
		return n
	}
	return n + " " + c.Code
}

// MoneyAsUsed formats an amount an explanation names the way Money does,
// but never hides a decimal the amount carries: a per-unit rate of 0.125
// EUR prints "0.125 EUR", not the 0.13 the currency would round it to,
// because the line was computed with 0.125. Amounts with no more decimals
// than the currency's print exactly as Money prints them (12.5 -> 12.50).
func MoneyAsUsed(d decimal.Decimal, c engine.Currency, lang string) string {
	places := c.MinorUnits
	if !d.Equal(d.Round(places)) {
		// The decimals the amount really has, trailing zeros dropped.
		s := d.Abs().String()
		if i := strings.IndexByte(s, '.'); i >= 0 {
			places = int32(len(strings.TrimRight(s[i+1:], "0")))
		}
	}
	n := Number(d, places, lang)
	if c.Code == "" {
		return n
	}
	return n + " " + c.Code
}

// Percent formats a percentage written as a decimal (2.5 means 2.5 %) with
// no trailing zeros, rounded half away from zero to 4 decimals, then " %":
// "5 %", "2.5 %" (en), "2,5 %" (it), "1,200 %" (en).
func Percent(d decimal.Decimal, lang string) string {
	r := d.Round(percentPlaces)
	var places int32
	if s := r.String(); strings.Contains(s, ".") {
		places = int32(len(s) - strings.IndexByte(s, '.') - 1)
	}
	return Number(r, places, lang) + " %"
}

// Points formats a whole number of points grouped per language, with no
// unit: the templates say "points" where the word is needed.
func Points(p int64, lang string) string {
	return layout(strconv.FormatInt(p, 10), seps(lang))
}
