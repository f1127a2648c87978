package ui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"

	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// Issue 15 item 11: the dashboard is one scrolling page (nothing inside
// catches the wheel) and fits the content area of a 1024 x 700 window, its
// cards flowing onto a second row without overlapping.
func TestDashboardFitsANarrowWindowWithoutInnerScrolls(t *testing.T) {
	w := newTestWindow(t)
	s := NewDashboardScreen(w, newFakeServices())
	s.wait()
	w.SetContent(s.Content())
	for _, o := range test.LaidOutObjects(s.Content()) {
		switch o := o.(type) {
		case *container.Scroll:
			// An entry scrolls its own text sideways; that is no page.
			if o != s.scroll && !strings.Contains(fmt.Sprintf("%T", o.Content), "entry") {
				t.Errorf("a scroll area inside the page: %T", o.Content)
			}
		case *widget.Table, *widget.List:
			t.Errorf("a %T inside the page catches the wheel", o)
		}
	}
	// 1024 less the sidebar (about 235 pixels).
	if mw := s.Content().MinSize().Width; mw > 780 {
		t.Errorf("the dashboard needs %.0f pixels, more than a 1024 window leaves it", mw)
	}
	// One resize, one layout pass: the cards' height is right at once.
	w.Resize(fyne.NewSize(780, 700))
	var cards []*figureCard
	for _, o := range test.LaidOutObjects(s.Content()) {
		if c, ok := o.(*figureCard); ok {
			cards = append(cards, c)
		}
	}
	d := fyne.CurrentApp().Driver()
	type rect struct{ x0, y0, x1, y1 float32 }
	var rs []rect
	for _, c := range cards {
		p := d.AbsolutePositionForObject(c)
		rs = append(rs, rect{p.X, p.Y, p.X + c.Size().Width, p.Y + c.Size().Height})
		if c.Size().Width < c.MinSize().Width {
			t.Errorf("card %q is %.0f wide, narrower than its %.0f", c.title, c.Size().Width, c.MinSize().Width)
		}
	}
	for i := range rs {
		for j := i + 1; j < len(rs); j++ {
			a, b := rs[i], rs[j]
			if a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1 {
				t.Errorf("cards %q and %q overlap", cards[i].title, cards[j].title)
			}
		}
	}
	if len(rs) == 5 && rs[4].y0 <= rs[0].y0 {
		t.Errorf("at 780 pixels the fifth card stays on the first row")
	}
	// The panels below start under the last row of cards.
	if chartTop := d.AbsolutePositionForObject(s.months).Y; len(rs) == 5 && chartTop < rs[4].y1 {
		t.Errorf("the revenue chart starts at %.0f, over the cards (last ends at %.0f)", chartTop, rs[4].y1)
	}
}

// Issue 15 item 11: a month of quarterly programs says where their cost
// counts instead of a bare 0.00 and 0 %, and each budget names its span.
func TestDashboardSaysWhatTheCostCovers(t *testing.T) {
	w := newTestWindow(t)
	f := newFakeServices()
	f.dash.Programs = append([]views.ProgramCost(nil), f.dash.Programs...)
	f.dash.Programs[0].Cost, f.dash.Programs[0].CostRatio = decimal.Zero, decimal.NewNullDecimal(decimal.Zero)
	fy := engine.FiscalYear(2026, 1)
	f.dash.Programs[0].BudgetSpan, f.dash.Programs[1].BudgetSpan = fy, fy
	f.dash.CostCovers = []views.ProgramSpan{{ProgramID: 2, Name: "Gems", Kind: engine.PeriodMonth, Period: "2026-07"}}
	f.dash.CostLeavesOut = []views.ProgramSpan{{ProgramID: 1, Name: "Volume rebate", Kind: engine.PeriodQuarter, Period: "2026-Q3"}}
	s := NewDashboardScreen(w, f)
	s.wait()
	w.SetContent(s.Content())
	if !strings.Contains(s.costRatio.Text, "covers 1 of 2 programs") {
		t.Errorf("cost card = %q", s.costRatio.Text)
	}
	if want := "July 2026 counts Gems. Counted in Q3 2026: Volume rebate."; s.costNote.Text != want {
		t.Errorf("note = %q, want %q", s.costNote.Text, want)
	}
	if len(s.programs.Points) != 1 || s.programs.Points[0].Label != "Gems" {
		t.Errorf("cost chart = %+v, want Gems only", s.programs.Points)
	}
	for _, want := range []string{"in Q3 2026", "9,000.00 EUR of 10,000.00 EUR (FY 2026)", "2,500.00 EUR of 2,000.00 EUR (FY 2026)"} {
		if !hasLabel(t, w, want) {
			t.Errorf("no label %q; labels: %q", want, labelTexts(w))
		}
	}
	if !strings.Contains(s.budgetOf.Text, "over its own span: FY 2026") {
		t.Errorf("budget note = %q", s.budgetOf.Text)
	}
}

// Two months never share a label: French June and July both start "jui".
func TestShortMonthTellsMonthsApart(t *testing.T) {
	for _, lang := range []string{"en", "it", "fr", "nl", "id", "de", "es"} {
		seen := map[string]string{}
		for m := 1; m <= 12; m++ {
			key := fmt.Sprintf("2026-%02d", m)
			got := shortMonth(key, lang)
			if other, ok := seen[got]; ok {
				t.Errorf("%s: %s and %s are both %q", lang, other, key, got)
			}
			seen[got] = key
		}
	}
	if got := shortMonth("2026-07", "en"); got != "Jul 26" {
		t.Errorf("July in English = %q, want Jul 26", got)
	}
}

// Loads started one after another (built, shown, a period typed) never
// show at once: under the test driver two at once wrote the screen's maps
// concurrently and crashed the process ("concurrent map writes").
func TestDashboardLoadsShowOneAtATime(t *testing.T) {
	w := newTestWindow(t)
	s := NewDashboardScreen(w, newFakeServices())
	s.wait()
	w.SetContent(s.Content())
	want := s.period.Text
	for i := 0; i < 40; i++ {
		s.load(want)
	}
	s.wait()
	if s.period.Text != want || s.data.Period != want {
		t.Errorf("after 40 loads of %s: period %q, data %q", want, s.period.Text, s.data.Period)
	}
}
