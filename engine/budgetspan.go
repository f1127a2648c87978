package engine

import "time"

// BudgetSpan is the span over which a program's budget counts, for day d:
// the program's own window when it runs one custom window (its budget is
// that window's), else the fiscal year that holds d. SPEC leaves the span
// open; issue 16 settles it per fiscal year unless the program says
// otherwise. Spend against the budget is the approved and paid money lines
// whose period lies inside the span (see Period.Inside).
func BudgetSpan(p *Program, d Date, fyStart time.Month) Period {
	if p.PeriodKind == PeriodCustom {
		return Custom(p.ValidFrom, p.ValidTo)
	}
	return PeriodContaining(PeriodYear, d, fyStart)
}
