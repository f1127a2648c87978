package sheet

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"partnerdesk/engine"
)

// maxAmountDigits bounds the digits ParseAmount reads: more is a wrong
// column, not money, and keeps a hostile cell from costing time.
const maxAmountDigits = 40

// ParseAmount reads an amount written the way spreadsheets and people write
// numbers: 1234.56, 1,234.56, 1.234,56, 1 234,56 (space, no-break or narrow
// no-break space groups), 1'234.56, 1234,5; negative with a leading or
// trailing minus or in parentheses. An amount that carries a currency sign
// or code ("99.00 USD", "$1.00") is refused: its currency cannot be known to
// be the company's; ParseMoneyIn accepts the company's own.
// A lone separator followed by exactly three digits ("1,234", "1.234") is
// read as a thousands separator for a comma and a decimal point for a dot;
// use ParseAmountIn with the file's convention to decide otherwise.
func ParseAmount(s string) (decimal.Decimal, error) {
	return ParseAmountIn(s, false)
}

// ParseAmountIn is ParseAmount where decimalComma says how to read a lone
// separator followed by three digits: true reads "1,234" as 1.234 and
// "1.234" as 1234 (Italian, French, Dutch, German, Spanish, Indonesian
// files); false reads them as 1234 and 1.234.
func ParseAmountIn(s string, decimalComma bool) (decimal.Decimal, error) {
	return ParseMoneyIn(s, decimalComma, "")
}

// ParseMoneyIn is ParseAmountIn for money of the currency whose ISO code is
// home: the amount may carry that code ("1.234,56 EUR") or a sign the
// currency is written with at home ("€ 1.234,56"; "$" for USD, CAD, AUD and
// the other dollars; "Rp" for IDR); any other currency is refused, since
// the amount would be stored as home money without being converted. An
// empty home accepts no currency at all.
func ParseMoneyIn(s string, decimalComma bool, home string) (decimal.Decimal, error) {
	num, marks, err := canonicalAmount(s, decimalComma)
	if err != nil {
		return decimal.Zero, err
	}
	for _, m := range marks {
		if !homeMark(m, home) {
			return decimal.Zero, foreignCurrency(s, m, home)
		}
	}
	d, err := decimal.NewFromString(num)
	if err != nil {
		return decimal.Zero, fmt.Errorf("%q is not an amount", Clip(s))
	}
	return d, nil
}

// currencySigns are the currency signs stripped from either end of an
// amount, longest first, with the ISO codes of the currencies that write
// them at home.
var currencySigns = []struct {
	sign  string
	codes []string
}{
	{"US$", []string{"USD"}}, {"R$", []string{"BRL"}}, {"Rp.", []string{"IDR"}}, {"Rp", []string{"IDR"}},
	{"Fr.", []string{"CHF"}}, {"kr", []string{"SEK", "NOK", "DKK", "ISK"}}, {"zł", []string{"PLN"}},
	{"€", []string{"EUR"}}, {"£", []string{"GBP"}}, {"¥", []string{"JPY", "CNY"}}, {"₹", []string{"INR"}},
	{"₩", []string{"KRW"}}, {"₫", []string{"VND"}},
	{"$", []string{"USD", "AUD", "CAD", "NZD", "SGD", "HKD", "MXN", "TWD"}},
}

// homeMark reports whether mark, a sign or a three-letter code found around
// an amount, stands for the currency home.
func homeMark(mark, home string) bool {
	if home == "" {
		return false
	}
	if mark == home {
		return true
	}
	for _, cs := range currencySigns {
		if cs.sign == mark {
			for _, c := range cs.codes {
				if c == home {
					return true
				}
			}
		}
	}
	return false
}

func foreignCurrency(s, mark, home string) error {
	if home == "" {
		return fmt.Errorf("%q is not an amount: it carries the currency %q; write the number alone", Clip(s), mark)
	}
	return fmt.Errorf("%q is not an amount in %s, the company's currency: it is marked %q; convert it to %s first", Clip(s), home, mark, home)
}

func isSpaceRune(r rune) bool {
	switch r {
	case ' ', '\t', '\u00a0', '\u202f', '\u2009', '\u2007', '\u2008', '\u200a', '\u205f', '\u3000':
		return true
	}
	return false
}

func trimSpaces(s string) string {
	return strings.TrimFunc(s, isSpaceRune)
}

// stripCurrency removes a currency sign or ISO code at either end and
// appends what it removed to marks.
func stripCurrency(s string, marks *[]string) string {
	// The common case, a bare number, has nothing to strip.
	if s != "" && numByte(s[0]) && numByte(s[len(s)-1]) {
		return s
	}
	for range 2 {
		s = trimSpaces(s)
		for _, cs := range currencySigns {
			w := cs.sign
			if strings.HasPrefix(s, w) {
				s = s[len(w):]
				*marks = append(*marks, w)
			} else if strings.HasSuffix(s, w) {
				s = s[:len(s)-len(w)]
				*marks = append(*marks, w)
			}
		}
		s = trimSpaces(s)
		// A three-letter upper-case code such as EUR, USD or IDR.
		if len(s) > 3 && isUpper3(s[:3]) {
			*marks = append(*marks, s[:3])
			s = s[3:]
		} else if len(s) > 3 && isUpper3(s[len(s)-3:]) {
			*marks = append(*marks, s[len(s)-3:])
			s = s[:len(s)-3]
		}
	}
	return trimSpaces(s)
}

func numByte(c byte) bool {
	return c >= '0' && c <= '9' || c == '.' || c == ',' || c == '-' || c == '+'
}

func isUpper3(s string) bool {
	for i := 0; i < 3; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// Clip shortens a value quoted in a message to 40 bytes, on a rune
// boundary, with an ellipsis: the one rule for quoting a bad cell (the
// parsers here and the import's row checks).
func Clip(s string) string {
	if len(s) <= 40 {
		return s
	}
	i := 40
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + "…"
}

// canonicalAmount rewrites s as "-1234.56" for decimal.NewFromString and
// returns the currency signs and codes found around it.
func canonicalAmount(s string, decimalComma bool) (string, []string, error) {
	var marks []string
	out, err := canonicalNumber(s, decimalComma, &marks)
	return out, marks, err
}

// It is long because it is a table of cases: the signs around the number,
// one case per mark (digit, point, comma, space or apostrophe), then the
// cases that decide which mark is the decimal sign; a number's grammar
// reads best in one place.
func canonicalNumber(s string, decimalComma bool, marks *[]string) (string, error) {
	orig := s
	bad := func(why string) error {
		return fmt.Errorf("%q is not an amount: %s", Clip(orig), why)
	}
	if len(s) > 200 {
		return "", bad("too long")
	}
	s = trimSpaces(s)
	if s == "" {
		return "", errors.New("the amount is empty")
	}
	neg := false
	if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") {
		neg = true
		s = s[1 : len(s)-1]
	}
	s = stripCurrency(s, marks)
	// A sign may come before or after the currency symbol: "-€ 5", "€ -5", "5-".
	signs := 0
	for range 2 {
		switch {
		case strings.HasPrefix(s, "-"):
			neg, s, signs = !neg, s[1:], signs+1
		case strings.HasPrefix(s, "\u2212"): // the minus sign
			neg, s, signs = !neg, s[len("\u2212"):], signs+1
		case strings.HasPrefix(s, "+"):
			s, signs = s[1:], signs+1
		case strings.HasSuffix(s, "-"):
			neg, s, signs = !neg, s[:len(s)-1], signs+1
		}
		s = stripCurrency(s, marks)
	}
	if signs > 1 {
		return "", bad("it has more than one sign")
	}
	if s == "" {
		return "", bad("there are no digits")
	}
	// Exponent forms come from spreadsheets ("1.5E-3").
	if i := strings.IndexAny(s, "eE"); i > 0 {
		if !looksExp(s) {
			return "", bad("it holds letters")
		}
		d, err := decimal.NewFromString(s)
		if err != nil || d.Exponent() < -maxAmountDigits || d.Exponent() > maxAmountDigits {
			return "", bad("the exponent is out of range")
		}
		// looksExp admits no sign in the mantissa, so out has none.
		out := d.String()
		if len(strings.TrimLeft(strings.Replace(out, ".", "", 1), "0")) > maxAmountDigits {
			return "", bad("it has too many digits")
		}
		if neg {
			out = "-" + out
		}
		return out, nil
	}
	// Keep digits and separators; drop group spaces and apostrophes.
	var b strings.Builder
	b.Grow(len(s))
	digits, sig := 0, 0 // sig counts from the first non-zero digit
	var dots, commas, lastDot, lastComma int
	lastDot, lastComma = -1, -1
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
			digits++
			if r != '0' || sig > 0 {
				sig++
			}
		case r == '.':
			lastDot = b.Len()
			dots++
			b.WriteByte('.')
		case r == ',':
			lastComma = b.Len()
			commas++
			b.WriteByte(',')
		case isSpaceRune(r) || r == '\'' || r == '\u2019':
			// A group separator.
		default:
			return "", bad(fmt.Sprintf("%q is not part of a number", r))
		}
	}
	if digits == 0 {
		return "", bad("there are no digits")
	}
	if sig > maxAmountDigits {
		return "", bad("it has too many digits")
	}
	t := b.String()
	var decSep, groupSep byte
	switch {
	case dots > 0 && commas > 0:
		if lastDot > lastComma {
			decSep, groupSep = '.', ','
		} else {
			decSep, groupSep = ',', '.'
		}
		if (decSep == '.' && dots > 1) || (decSep == ',' && commas > 1) {
			return "", bad("the decimal separator appears twice")
		}
	case commas > 1:
		groupSep = ','
	case dots > 1:
		groupSep = '.'
	case commas == 1:
		decSep = ','
		if frac := len(t) - lastComma - 1; frac == 3 && !decimalComma && !leadingZero(t[:lastComma]) {
			decSep, groupSep = 0, ','
		}
	case dots == 1:
		decSep = '.'
		if frac := len(t) - lastDot - 1; frac == 3 && decimalComma && !leadingZero(t[:lastDot]) {
			decSep, groupSep = 0, '.'
		}
	}
	intPart, frac := t, ""
	if decSep != 0 {
		i := strings.LastIndexByte(t, decSep)
		intPart, frac = t[:i], t[i+1:]
		if strings.IndexByte(frac, groupSep) >= 0 && groupSep != 0 {
			return "", bad("a thousands separator follows the decimal separator")
		}
	}
	if groupSep != 0 {
		if !validGroups(strings.Split(intPart, string(groupSep))) {
			return "", bad("the thousands separators are not in groups of three digits")
		}
		intPart = strings.ReplaceAll(intPart, string(groupSep), "")
	}
	if intPart == "" {
		intPart = "0"
	}
	out := intPart
	if frac != "" {
		out += "." + frac
	}
	if neg {
		out = "-" + out
	}
	return out, nil
}

func leadingZero(intPart string) bool {
	return intPart == "0" || intPart == ""
}

// validGroups accepts western grouping (1,234,567) and Indian grouping
// (12,34,567): the first group 1-3 digits, the middle ones 2 or 3, the last 3.
func validGroups(g []string) bool {
	if len(g) < 2 {
		return len(g) == 1
	}
	if len(g[0]) < 1 || len(g[0]) > 3 {
		return false
	}
	for i := 1; i < len(g)-1; i++ {
		if len(g[i]) != 2 && len(g[i]) != 3 {
			return false
		}
	}
	return len(g[len(g)-1]) == 3
}

func looksExp(s string) bool {
	i := strings.IndexAny(s, "eE")
	m, e := s[:i], s[i+1:]
	if e == "" || m == "" {
		return false
	}
	if e[0] == '+' || e[0] == '-' {
		e = e[1:]
	}
	if e == "" || len(e) > 3 {
		return false
	}
	for _, c := range e {
		if c < '0' || c > '9' {
			return false
		}
	}
	dot := false
	for _, c := range m {
		switch {
		case c >= '0' && c <= '9':
		case c == '.' && !dot:
			dot = true
		default:
			return false
		}
	}
	return true
}

// DetectDecimalComma decides once per file whether amounts use a decimal
// comma. A value is evidence for the comma when it ends in a comma and one,
// two or four or more digits with no dot ("1234,5", "12,30"), or has both
// separators with the comma last ("1.234,56"); evidence for the point is the
// mirror image. The side with more evidence wins; with none, sep decides: a
// semicolon-separated file (as Italian, French, Dutch and German Excel write
// them) uses a decimal comma.
func DetectDecimalComma(values []string, sep rune) bool {
	var e DecimalEvidence
	for _, v := range values {
		e.Add(v)
	}
	return e.DecimalComma(sep)
}

// DecimalEvidence gathers what DetectDecimalComma decides on one value at
// a time, so that a file need not be held to be judged.
type DecimalEvidence struct{ comma, point int }

// Add counts the evidence of one value.
func (e *DecimalEvidence) Add(v string) {
	v = trimSpaces(v)
	c := strings.LastIndexByte(v, ',')
	d := strings.LastIndexByte(v, '.')
	switch {
	case c >= 0 && d >= 0:
		if c > d {
			e.comma++
		} else {
			e.point++
		}
	case c >= 0:
		if n := trailingDigits(v[c+1:]); n > 0 && n != 3 && strings.Count(v, ",") == 1 {
			e.comma++
		} else if strings.Count(v, ",") > 1 {
			e.point++ // 1,234,567 groups with commas
		}
	case d >= 0:
		if n := trailingDigits(v[d+1:]); n > 0 && n != 3 && strings.Count(v, ".") == 1 {
			e.point++
		} else if strings.Count(v, ".") > 1 {
			e.comma++
		}
	}
}

// DecimalComma is the decision: the side with more evidence, else a
// semicolon separator means a decimal comma.
func (e DecimalEvidence) DecimalComma(sep rune) bool {
	if e.comma != e.point {
		return e.comma > e.point
	}
	return sep == ';'
}

// trailingDigits counts the digits at the start of s before anything that
// is not a digit, space or currency; it returns 0 when other characters
// follow the digits.
func trailingDigits(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	var marks []string
	rest := stripCurrency(s[n:], &marks)
	if rest != "" && rest != "-" && rest != ")" {
		return 0
	}
	return n
}

// DateOrder says how to read a date whose parts are all numbers.
type DateOrder int

// The date orders. DMY is the default: every language Partnerdesk prints
// in except US English writes the day first.
const (
	DMY DateOrder = iota // 31/07/2026
	MDY                  // 07/31/2026
)

// Excel counts days from 1899-12-30 (serial 1 is 1900-01-01 because of the
// 1900 leap-year bug, which only matters before March 1900).
const excelEpochOffset = 25569 // serial of 1970-01-01

// Plausible serials: 1900-03-01 to 9999-12-31.
const (
	minSerial = 61
	maxSerial = 2958465
)

// ParseDate reads a day: ISO 2026-07-31 (also with / or . and a time that
// is ignored), 31/07/2026, 31.07.2026, 31-07-2026 (07/31/2026 when order is
// MDY), compact 20260731, or an Excel serial number such as 46234 (in the
// 1900 date system). A two-digit year ("02/12/30") is refused: it could be
// 1930 or 2030.
func ParseDate(s string, order DateOrder) (engine.Date, error) {
	return ParseDateIn(s, order, false)
}

// date1904Offset is the number of days between the 1900 and the 1904 date
// systems: serial 0 of a 1904 workbook is 1904-01-01, serial 1462 of a 1900
// one.
const date1904Offset = 1462

// ParseDateIn is ParseDate for a workbook whose serials count in the 1904
// date system (Excel for Mac before 2011, and any workbook with "Use 1904
// date system" ticked) when date1904 is true.
func ParseDateIn(s string, order DateOrder, date1904 bool) (engine.Date, error) {
	orig := s
	s = trimSpaces(s)
	if s == "" {
		return 0, errors.New("the date is empty")
	}
	if len(s) > 64 {
		return 0, fmt.Errorf("%q is not a date", Clip(orig))
	}
	bad := func(why string) (engine.Date, error) {
		return 0, fmt.Errorf("%q is not a date: %s", Clip(orig), why)
	}
	// An Excel serial (maybe with a time fraction) or a compact yyyymmdd.
	ip, fp, hasFrac := strings.Cut(s, ".")
	if allDigits(ip) && (!hasFrac || allDigits(fp)) {
		if len(ip) == 8 && !hasFrac {
			return makeDate(atoi(ip[:4]), atoi(ip[4:6]), atoi(ip[6:]), orig)
		}
		n := atoi(ip)
		if date1904 && len(ip) <= 7 {
			n += date1904Offset
		}
		if len(ip) <= 7 && n >= minSerial && n <= maxSerial {
			if n == excelEpochOffset {
				return bad(epochReason)
			}
			return engine.Date(n - excelEpochOffset), nil
		}
		return bad("a spreadsheet date serial is a number from 61 to 2958465")
	}
	// Drop a time of day: "2026-07-31T10:00:00", "31/07/2026 10:00".
	if i := strings.IndexAny(s, "T "); i > 0 {
		rest := strings.TrimSpace(s[i+1:])
		if rest == "" || strings.ContainsRune(rest, ':') {
			s = s[:i]
		}
	}
	var sep byte
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '-' || c == '/' || c == '.' {
			sep = c
			break
		}
	}
	if sep == 0 {
		return bad("write it as 2026-07-31 or 31/07/2026")
	}
	parts := strings.Split(strings.TrimSuffix(s, "."), string(sep))
	if len(parts) != 3 {
		return bad("it needs a day, a month and a year")
	}
	for _, p := range parts {
		if p == "" || len(p) > 4 || !allDigits(p) {
			return bad("write it as 2026-07-31 or 31/07/2026")
		}
	}
	a, b, c := atoi(parts[0]), atoi(parts[1]), atoi(parts[2])
	if len(parts[0]) == 4 {
		return makeDate(a, b, c, orig)
	}
	if len(parts[2]) == 2 {
		// "02/12/30" could be 1930 or 2030: guessing would store a date a
		// century off without a word.
		return bad(fmt.Sprintf("the year %q has two digits; write it with four (19%s or 20%s)", parts[2], parts[2], parts[2]))
	} else if len(parts[2]) != 4 {
		return bad("the year needs four digits")
	}
	if order == MDY {
		a, b = b, a
	}
	if b > 12 && a <= 12 {
		if order == MDY {
			return bad(fmt.Sprintf("there is no month %d; is the file in day/month/year order?", a))
		}
		return bad(fmt.Sprintf("there is no month %d; is the file in month/day/year order?", b))
	}
	return makeDate(c, b, a, orig)
}

func makeDate(y, m, d int, orig string) (engine.Date, error) {
	if y < 1900 || y > 9999 {
		return 0, fmt.Errorf("%q is not a date: the year %d is out of range", Clip(orig), y)
	}
	if m < 1 || m > 12 {
		return 0, fmt.Errorf("%q is not a date: there is no month %d", Clip(orig), m)
	}
	dt := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if d < 1 || dt.Day() != d {
		return 0, fmt.Errorf("%q is not a date: %s has no day %d", Clip(orig), time.Month(m), d)
	}
	if day := engine.DateOf(dt); day != 0 {
		return day, nil
	}
	return 0, fmt.Errorf("%q is not a date: %s", Clip(orig), epochReason)
}

// epochReason explains why 1970-01-01 is refused: the zero Date means "no
// date" throughout Partnerdesk, so storing it would lose the value.
const epochReason = "1970-01-01 cannot be stored, it means \"no date\""

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// atoi reads at most 9 digits checked by allDigits.
func atoi(s string) int {
	n := 0
	for i := 0; i < len(s) && i < 9; i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// DetectDateOrder decides once per file whether numeric dates put the month
// first: only when some value cannot be day-first (07/31/2026) and none
// cannot be month-first. ISO dates and serials say nothing.
func DetectDateOrder(values []string) DateOrder {
	var e DateEvidence
	for _, v := range values {
		e.Add(v)
	}
	return e.Order()
}

// DateEvidence gathers what DetectDateOrder decides on one value at a
// time.
type DateEvidence struct{ dayFirst, monthFirst int }

// Add counts the evidence of one value.
func (e *DateEvidence) Add(v string) {
	v = trimSpaces(v)
	if i := strings.IndexByte(v, ' '); i > 0 {
		v = v[:i]
	}
	var parts []string
	for _, sep := range []string{"/", ".", "-"} {
		if strings.Count(v, sep) == 2 {
			parts = strings.Split(v, sep)
			break
		}
	}
	if len(parts) != 3 || len(parts[0]) > 2 || !allDigits(parts[0]) || !allDigits(parts[1]) {
		return
	}
	a, b := atoi(parts[0]), atoi(parts[1])
	switch {
	case a > 12 && b <= 12:
		e.dayFirst++
	case b > 12 && a <= 12:
		e.monthFirst++
	}
}

// Order is the decision: month first only when some value cannot be day
// first and none cannot be month first.
func (e DateEvidence) Order() DateOrder {
	if e.monthFirst > 0 && e.dayFirst == 0 {
		return MDY
	}
	return DMY
}
