package engine_test

import (
	"testing"
	"time"

	"partnerdesk/engine"
)

func TestBudgetSpan(t *testing.T) {
	d := engine.MustDate
	tests := []struct {
		name string
		p    engine.Program
		day  string
		fy   time.Month
		want engine.Period
	}{
		// A fiscal year from April: 10 February 2027 lies in FY 2026,
		// 2026-04-01 .. 2027-03-31 (the year is named by its start).
		{"quarterly, fiscal year from April", engine.Program{PeriodKind: engine.PeriodQuarter}, "2027-02-10", time.April,
			engine.Period{Start: d("2026-04-01"), End: d("2027-03-31")}},
		{"monthly, calendar year", engine.Program{PeriodKind: engine.PeriodMonth}, "2026-07-31", time.January,
			engine.Period{Start: d("2026-01-01"), End: d("2026-12-31")}},
		{"custom window is its own span", engine.Program{PeriodKind: engine.PeriodCustom, ValidFrom: d("2026-11-15"), ValidTo: d("2027-02-28")}, "2027-01-10", time.January,
			engine.Period{Start: d("2026-11-15"), End: d("2027-02-28")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := engine.BudgetSpan(&tt.p, d(tt.day), tt.fy)
			if got.Start != tt.want.Start || got.End != tt.want.End {
				t.Errorf("span = %s .. %s, want %s .. %s", got.Start, got.End, tt.want.Start, tt.want.End)
			}
		})
	}
}
