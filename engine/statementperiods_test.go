package engine_test

import (
	"testing"

	"partnerdesk/engine"
)

// With the fiscal year starting in April, 2026 runs 2026-04-01..2027-03-31
// and 2026-Q2 is July to September 2026.
func TestInYearToDate(t *testing.T) {
	const april = 4
	per := func(k string) engine.Period {
		p, err := engine.ParsePeriod(k, april)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	for _, c := range []struct {
		line, statement string
		inside, ytd     bool
	}{
		{"2026-04", "2026-Q2", false, true},  // a month of 2026-Q1: counted, not shown
		{"2026-08", "2026-Q2", true, true},   // a month of the quarter
		{"2026-03", "2026-Q2", false, false}, // fiscal 2025
		{"2026-Q3", "2026-Q2", false, false}, // later
		{"2026", "2026-Q2", false, false},    // a year is in no quarter
		{"2026-Q1", "2026-Q2", false, true},
		{"2026-Q3", "2026", true, true},
		{"2027-04", "2026", false, false},
		{"2026-Q2", "2026-08", false, false}, // a monthly statement counts monthly lines only
		{"2026-07", "2026-08", false, true},
		{"2026-08", "2026-08", true, true},
		{"2026-04", "custom:2026-05-01..2026-08-15", false, true}, // from the fiscal year's start
		{"2026-08", "custom:2026-05-01..2026-08-15", false, false},
		{"2026-06", "custom:2026-05-01..2026-08-15", true, true},
	} {
		lp, s := per(c.line), per(c.statement)
		if got := lp.Inside(s); got != c.inside {
			t.Errorf("%s inside %s = %v, want %v", c.line, c.statement, got, c.inside)
		}
		if got := engine.InYearToDate(lp, s, april); got != c.ytd {
			t.Errorf("%s in the year to date of %s = %v, want %v", c.line, c.statement, got, c.ytd)
		}
	}
}
