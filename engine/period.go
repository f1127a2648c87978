package engine

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Period is a span of days rewards are computed for: a calendar month
// ("2026-07"), a quarter of the fiscal year ("2026-Q3"), a fiscal year
// ("2026") or a program's custom window ("custom:<from>..<to>").
//
// A fiscal year is named after the calendar year in which it starts: with a
// fiscal year starting in April, "2026" runs from 2026-04-01 to 2027-03-31
// and "2026-Q1" is April to June 2026. With the default January start the
// names are the calendar ones.
type Period struct {
	Key   string     `json:"key"`
	Kind  PeriodKind `json:"kind"`
	Start Date       `json:"start"`
	End   Date       `json:"end"` // inclusive
}

// Contains reports whether d falls inside the period.
func (p Period) Contains(d Date) bool { return d >= p.Start && d <= p.End }

// Days is the number of days in the period.
func (p Period) Days() int { return int(p.End-p.Start) + 1 }

// String is the period key.
func (p Period) String() string { return p.Key }

// Month returns the calendar month containing d.
func Month(d Date) Period {
	y, m, _ := d.YMD()
	start := NewDate(y, m, 1)
	return Period{Key: fmt.Sprintf("%04d-%02d", y, int(m)), Kind: PeriodMonth, Start: start, End: start.AddMonths(1) - 1}
}

// fiscalYearOf returns the fiscal year (named by its starting calendar year)
// containing d.
func fiscalYearOf(d Date, fyStart time.Month) int {
	if fyStart < 1 || fyStart > 12 {
		fyStart = 1
	}
	y, m, _ := d.YMD()
	if m < fyStart {
		return y - 1
	}
	return y
}

// FiscalYear returns fiscal year fy (named by its starting calendar year).
func FiscalYear(fy int, fyStart time.Month) Period {
	if fyStart < 1 || fyStart > 12 {
		fyStart = 1
	}
	start := NewDate(fy, fyStart, 1)
	return Period{Key: strconv.Itoa(fy), Kind: PeriodYear, Start: start, End: start.AddMonths(12) - 1}
}

// Quarter returns quarter q (1-4) of fiscal year fy.
func Quarter(fy, q int, fyStart time.Month) Period {
	if fyStart < 1 || fyStart > 12 {
		fyStart = 1
	}
	start := NewDate(fy, fyStart, 1).AddMonths(3 * (q - 1))
	return Period{Key: fmt.Sprintf("%04d-Q%d", fy, q), Kind: PeriodQuarter, Start: start, End: start.AddMonths(3) - 1}
}

// Custom returns the custom window from..to (inclusive).
func Custom(from, to Date) Period {
	return Period{Key: "custom:" + from.String() + ".." + to.String(), Kind: PeriodCustom, Start: from, End: to}
}

// PeriodContaining returns the period of kind k that contains d. For
// PeriodCustom use Custom: a custom window is the program's own.
func PeriodContaining(k PeriodKind, d Date, fyStart time.Month) Period {
	switch k {
	case PeriodQuarter:
		fy := fiscalYearOf(d, fyStart)
		y0 := FiscalYear(fy, fyStart).Start
		y, m, _ := d.YMD()
		sy, sm, _ := y0.YMD()
		months := (y-sy)*12 + int(m) - int(sm)
		return Quarter(fy, months/3+1, fyStart)
	case PeriodYear:
		return FiscalYear(fiscalYearOf(d, fyStart), fyStart)
	default:
		return Month(d)
	}
}

// ParsePeriod reads a period key: "2026-07", "2026-Q3", "2026" or
// "custom:2026-01-15..2026-03-31".
func ParsePeriod(s string, fyStart time.Month) (Period, error) {
	s = strings.TrimSpace(s)
	bad := fmt.Errorf("%q is not a period: write a month 2026-07, a quarter 2026-Q3, a fiscal year 2026 or custom:2026-01-15..2026-03-31", s)
	switch {
	case strings.HasPrefix(s, "custom:"):
		from, to, ok := strings.Cut(strings.TrimPrefix(s, "custom:"), "..")
		if !ok {
			return Period{}, bad
		}
		f, err1 := ParseDate(from)
		t, err2 := ParseDate(to)
		if err1 != nil || err2 != nil || t < f {
			return Period{}, bad
		}
		return Custom(f, t), nil
	case len(s) == 7 && (s[5] == 'Q' || s[5] == 'q') && s[4] == '-':
		y, err := strconv.Atoi(s[:4])
		q := int(s[6] - '0')
		if err != nil || q < 1 || q > 4 {
			return Period{}, bad
		}
		return Quarter(y, q, fyStart), nil
	case len(s) == 7 && s[4] == '-':
		y, err1 := strconv.Atoi(s[:4])
		m, err2 := strconv.Atoi(s[5:])
		if err1 != nil || err2 != nil || m < 1 || m > 12 {
			return Period{}, bad
		}
		return Month(NewDate(y, time.Month(m), 1)), nil
	case len(s) == 4:
		y, err := strconv.Atoi(s)
		if err != nil {
			return Period{}, bad
		}
		return FiscalYear(y, fyStart), nil
	}
	return Period{}, bad
}

// Previous returns the period of the same kind just before p (for a custom
// window: the window of the same length ending the day before).
func (p Period) Previous(fyStart time.Month) Period {
	if p.Kind == PeriodCustom {
		n := p.Days()
		return Custom(p.Start.AddDays(-n), p.Start.AddDays(-1))
	}
	return PeriodContaining(p.Kind, p.Start.AddDays(-1), fyStart)
}

// YearBefore returns the period of the same kind a year earlier.
func (p Period) YearBefore(fyStart time.Month) Period {
	if p.Kind == PeriodCustom {
		return Custom(p.Start.AddMonths(-12), p.End.AddDays(1).AddMonths(-12).AddDays(-1))
	}
	return PeriodContaining(p.Kind, p.Start.AddMonths(-12), fyStart)
}

// Next returns the period of the same kind just after p.
func (p Period) Next(fyStart time.Month) Period {
	if p.Kind == PeriodCustom {
		n := p.Days()
		return Custom(p.End.AddDays(1), p.End.AddDays(n))
	}
	return PeriodContaining(p.Kind, p.End.AddDays(1), fyStart)
}

// ProgramPeriods returns the periods of program kind k that overlap the
// validity window from..to (to zero: up to and including the period that
// contains upTo). A program computes rewards only for these periods.
func ProgramPeriods(k PeriodKind, from, to, upTo Date, fyStart time.Month) []Period {
	if k == PeriodCustom {
		return []Period{Custom(from, to)}
	}
	end := to
	if end.IsZero() || end > upTo {
		end = upTo
	}
	var ps []Period
	for p := PeriodContaining(k, from, fyStart); p.Start <= end; p = p.Next(fyStart) {
		ps = append(ps, p)
	}
	return ps
}

// ClosedBy returns the closed period that freezes p: p itself or a longer
// closed period containing it (closing a quarter closes its months; closing
// the three months never closes the quarter). It is the one closed-period
// test of the compute, the close and the adjustments.
func ClosedBy(closed []Period, p Period) (Period, bool) {
	for _, cp := range closed {
		if cp.Start <= p.Start && p.End <= cp.End {
			return cp, true
		}
	}
	return Period{}, false
}
