package engine

import "time"

// AddMonthsClamped returns the same day n calendar months later, clamped to
// the end of that month: 31 August + 1 month is 30 September (AddMonths
// would give 1 October), 31 January + 1 month is 28 or 29 February.
func (d Date) AddMonthsClamped(n int) Date {
	y, m, day := d.YMD()
	first := NewDate(y, m+time.Month(n), 1)
	fy, fm, _ := first.YMD()
	last := NewDate(fy, fm+1, 0)
	_, _, lastDay := last.YMD()
	return first + Date(min(day, lastDay)-1)
}
