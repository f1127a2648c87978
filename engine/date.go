package engine

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// Date is a calendar day with no time zone, counted in days since 1970-01-01.
// Rewards depend on days, never on instants, and a small integer keeps a
// million sales cheap to compare and index. The zero Date (1970-01-01) means
// "not set" wherever a date is optional.
type Date int32

// MaxDate is later than any day a user can enter: an open end of a range.
const MaxDate Date = 1<<31 - 1

// NewDate returns the Date of year y, month m, day d (normalised like time.Date).
func NewDate(y int, m time.Month, d int) Date {
	return DateOf(time.Date(y, m, d, 0, 0, 0, 0, time.UTC))
}

// DateOf returns the calendar day of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	u := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return Date(u.Unix() / 86400)
}

// ParseDate reads an ISO date "2006-01-02" that a user typed: a day from
// 1900-01-01 to 2199-12-31 (see CheckDate); anything else is refused.
func ParseDate(s string) (Date, error) {
	d, err := parseISODate(s)
	if err != nil {
		return 0, err
	}
	if e := CheckDate("", d); e != nil {
		return 0, errors.New(e.Reason)
	}
	return d, nil
}

// parseISODate reads any ISO date: stored records and program files are
// read whole, and their dates are checked by the validations.
func parseISODate(s string) (Date, error) {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return 0, fmt.Errorf("%q is not a date of the form 2026-07-31", s)
	}
	return DateOf(t), nil
}

// MustDate is ParseDate for literals in tests and demo data, without the
// limits; it panics on a bad literal.
func MustDate(s string) Date {
	d, err := parseISODate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// Time returns midnight UTC of the day.
func (d Date) Time() time.Time { return time.Unix(int64(d)*86400, 0).UTC() }

// IsZero reports whether the date is unset.
func (d Date) IsZero() bool { return d == 0 }

// AddDays returns the day n days later (earlier when n < 0).
func (d Date) AddDays(n int) Date { return d + Date(n) }

// AddMonths returns the same day n months later, normalised like time.AddDate.
func (d Date) AddMonths(n int) Date { return DateOf(d.Time().AddDate(0, n, 0)) }

// YMD returns the year, month and day.
func (d Date) YMD() (int, time.Month, int) { return d.Time().Date() }

// String formats the date as ISO 2006-01-02; the zero date prints as "".
func (d Date) String() string {
	if d == 0 {
		return ""
	}
	return d.Time().Format("2006-01-02")
}

// MarshalJSON writes the ISO form, or null for an unset date.
func (d Date) MarshalJSON() ([]byte, error) {
	if d == 0 {
		return []byte("null"), nil
	}
	return json.Marshal(d.String())
}

// UnmarshalJSON reads the ISO form or null.
func (d *Date) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*d = 0
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	if s == "" {
		*d = 0
		return nil
	}
	v, err := parseISODate(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}
