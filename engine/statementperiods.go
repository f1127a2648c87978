package engine

import "time"

// Which lines a statement shows and which count in its year to date: one
// rule, used by statements, their exports and every other year-to-date
// figure.

// Inside reports whether period p lies inside period s (s's lines of
// p print on s's statement): a quarter holds its months, a fiscal year its
// quarters and months, any period itself, and a custom window every
// period within its days.
func (p Period) Inside(s Period) bool { return p.Start >= s.Start && p.End <= s.End }

// InYearToDate reports whether a line of period lp counts in the year to
// date of the statement of period s: lp lies inside one period of s's kind
// that starts on or after the start of s's fiscal year and ends on or
// before s's end. So the year to date of s is the sum of the totals of the
// statements of s's kind in the fiscal year up to and including s, and it
// always equals the previous statement's year to date plus s's total (the
// first statement of a fiscal year: its own total). A monthly statement's
// year to date thus counts monthly lines only, a quarterly one monthly and
// quarterly lines, a yearly one every line of the year.
//
// A custom statement window has no statements of its kind before it: its
// year to date counts every line lying inside the days from the start of
// the fiscal year that contains the window's end up to that end.
func InYearToDate(lp, s Period, fyStart time.Month) bool {
	y := PeriodContaining(PeriodYear, s.End, fyStart)
	if s.Kind == PeriodCustom {
		return lp.Start >= y.Start && lp.End <= s.End
	}
	k := PeriodContaining(s.Kind, lp.Start, fyStart)
	return lp.Inside(k) && k.Start >= y.Start && k.End <= s.End
}
