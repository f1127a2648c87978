package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/shopspring/decimal"

	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// newTestWindow opens a 1200 x 800 test window on a fresh test app.
func newTestWindow(t *testing.T) fyne.Window {
	t.Helper()
	test.NewTempApp(t)
	w := test.NewWindow(nil)
	w.Resize(fyne.NewSize(1200, 800))
	t.Cleanup(w.Close)
	return w
}

func TestDashboardShowsFigures(t *testing.T) {
	w := newTestWindow(t)
	f := newFakeServices()
	s := NewDashboardScreen(w, f)
	s.wait()
	w.SetContent(s.Content())

	tests := []struct {
		name string
		got  string
		want string
	}{
		{"revenue", s.revenue.Text, "102,500.50 EUR"},
		// Growth 25.0 % from the back end, signed; previous revenue beside it.
		{"vs previous", s.revenueVsPrev.Text, "+25 % vs 2026-06 (82,000.40 EUR)"},
		// No revenue a year earlier: no growth figure, a dash.
		{"vs year", s.revenueVsYear.Text, "– vs 2025-07 (0.00 EUR)"},
		{"cost", s.cost.Text, "6,125.03 EUR"},
		// 5.98 % shown to one decimal is 6.0 %, printed "6 %".
		{"cost ratio", s.costRatio.Text, "6 % of revenue · 1,200 points"},
		{"active", s.active.Text, "7 of 12"},
		{"points", s.points.Text, "15,250 points"},
		{"funds", s.funds.Text, "4,300.00 EUR"},
		{"registrations won", s.funnel.Points[2].Value.String(), "3"},
		{"registrations expired", s.funnel.Points[4].Value.String(), "2"},
		{"funnel label", s.funnel.Points[2].Label, "Won"},
		{"period entry", s.period.Text, "2026-07"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
	if !strings.HasPrefix(s.expiring.Text, "750.50 EUR expires by ") {
		t.Errorf("expiring: got %q, want 750.50 EUR expires by ...", s.expiring.Text)
	}
	// Gems spent 2,500.00 of a 2,000.00 budget: its row says so in red.
	if !hasLabel(t, w, "2,500.00 EUR of 2,000.00 EUR") {
		t.Errorf("no spent/budget label for Gems; labels: %q", labelTexts(w))
	}
	if got := len(s.months.Points); got != 3 {
		t.Errorf("revenue bars: got %d, want 3", got)
	}
}

func TestDashboardLeaderboard(t *testing.T) {
	w := newTestWindow(t)
	s := NewDashboardScreen(w, newFakeServices())
	s.wait()
	w.SetContent(s.Content())
	cell := s.leaderText
	if got, want := cell(0, 1), "Acme Srl"; got != want {
		t.Errorf("partners by revenue, name: got %q, want %q", got, want)
	}
	if got, want := cell(0, 2), "60,000.00 EUR"; got != want {
		t.Errorf("partners by revenue, revenue: got %q, want %q", got, want)
	}
	s.leaderBy.SetSelected(leadRepsPoints)
	if got, want := cell(0, 1), "Ana Ruiz (Acme Srl)"; got != want {
		t.Errorf("reps by points, name: got %q, want %q", got, want)
	}
	if got, want := cell(0, 3), "900"; got != want {
		t.Errorf("reps by points, points: got %q, want %q", got, want)
	}
}

func TestDashboardBarOpensLines(t *testing.T) {
	w := newTestWindow(t)
	f := newFakeServices()
	s := NewDashboardScreen(w, f)
	s.wait()
	w.SetContent(s.Content())

	// Three bars share the chart's width: the middle of the second third is June.
	size := s.months.Size()
	test.TapAt(s.months, fyne.NewPos(size.Width*1.5/3, size.Height/2))
	s.wait()
	if len(f.figures) != 1 {
		t.Fatalf("detail calls: got %d, want 1", len(f.figures))
	}
	if got, want := f.figures[0], (views.Figure{Kind: views.FigureRevenue, Arg: "2026-06"}); got != want {
		t.Errorf("figure: got %+v, want %+v", got, want)
	}
	for _, want := range []string{"INV-1", "1,234.50 EUR", "1 lines · Total 1,234.50 EUR"} {
		if !hasLabel(t, w, want) {
			t.Errorf("detail dialog lacks %q; labels: %q", want, labelTexts(w))
		}
	}
}

func TestDashboardBadPeriod(t *testing.T) {
	w := newTestWindow(t)
	s := NewDashboardScreen(w, newFakeServices())
	s.wait()
	w.SetContent(s.Content())
	s.period.SetText("2026-13")
	s.period.OnSubmitted(s.period.Text)
	s.wait()
	if !strings.Contains(s.status.Text, "is not a period") {
		t.Errorf("status: got %q, want the service's reason", s.status.Text)
	}
	// The figures on show stay those of the last good period.
	if got, want := s.revenue.Text, "102,500.50 EUR"; got != want {
		t.Errorf("revenue after a bad key: got %q, want %q", got, want)
	}
}

func TestDashboardFigureCardsOpenLines(t *testing.T) {
	w := newTestWindow(t)
	f := newFakeServices()
	s := NewDashboardScreen(w, f)
	s.wait()
	w.SetContent(s.Content())
	var cards []*figureCard
	for _, o := range test.LaidOutObjects(s.Content()) {
		if c, ok := o.(*figureCard); ok {
			cards = append(cards, c)
		}
	}
	if len(cards) != 5 {
		t.Fatalf("figure cards: got %d, want 5", len(cards))
	}
	want := []views.FigureKind{views.FigureRevenue, views.FigureProgramCost, views.FigureActivePartners, views.FigureFunds, views.FigurePoints}
	for i, c := range cards {
		test.Tap(c)
		s.wait()
		if got := f.figures[len(f.figures)-1].Kind; got != want[i] {
			t.Errorf("card %d (%s): got %s, want %s", i, c.title, got, want[i])
		}
	}
}

func TestNumFmt(t *testing.T) {
	f := numFmt{lang: "en", cur: eurCurrency}
	tests := []struct {
		name, got, want string
	}{
		// 12,345.67 / 1,000 = 12.34567, one decimal: 12.3k.
		{"compact thousands", f.compact(mustDec("12345.67")), "12.3k"},
		// 2,500,000 / 1,000,000 = 2.5M.
		{"compact millions", f.compact(mustDec("2500000")), "2.5M"},
		{"compact small", f.compact(mustDec("999.5")), "1,000"},
		{"growth negative", f.growth(decimal.NewNullDecimal(mustDec("-12.34"))), "-12.3 %"},
		{"growth none", f.growth(decimal.NullDecimal{}), "–"},
		{"money cell", f.cell(views.MoneyCell(mustDec("-12.5"))), "-12.50 EUR"},
		{"points cell", f.cell(views.PointsCell(1234)), "1,234"},
		{"number cell keeps its places", f.cell(views.NumberCell(mustDec("3.250"))), "3.250"},
		{"short month", shortMonth("2026-07", "en"), "Jul 26"},
		{"short month not a month", shortMonth("2026-Q3", "en"), "2026-Q3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
	if got := f.cell(views.DateCell(engine.MustDate("2026-07-31"))); !strings.Contains(got, "2026") || !strings.Contains(got, "31") {
		t.Errorf("date cell: got %q, want the day and year of 2026-07-31", got)
	}
}
