package ui

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2/test"

	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// BenchmarkPeriodRunShow10k measures showing a period of 10,000 reward
// lines: rendering every explanation, building the filters and the table.
func BenchmarkPeriodRunShow10k(b *testing.B) {
	test.NewTempApp(b)
	w := test.NewWindow(nil)
	defer w.Close()
	f := newFakeServices()
	s := NewPeriodRunScreen(w, f)
	s.wait()
	w.SetContent(s.Content())
	r := views.PeriodReview{Period: f.period, Language: "en", Currency: eurCurrency}
	for i := 1; i <= 10000; i++ {
		r.Lines = append(r.Lines, views.ReviewedLine{Line: draftLine(engine.ID(i), 1, engine.ID(i%500+1), "125.50"),
			Program: "Volume rebate", Rule: "Rebate", Payee: fmt.Sprintf("Partner %d", i%500)})
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s.show(r)
		s.payee.SetText("partner 42") // one filter pass over every line
		s.payee.SetText("")
	}
	if len(s.shown) != 10000 {
		b.Fatalf("shown: got %d, want 10000", len(s.shown))
	}
}
