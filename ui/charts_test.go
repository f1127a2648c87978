package ui

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/shopspring/decimal"
)

func TestRatio(t *testing.T) {
	tests := []struct {
		name   string
		v, max string
		want   float32
	}{
		{"half", "50", "100", 0.5},
		{"full", "100", "100", 1},
		{"negative draws nothing", "-5", "100", 0},
		{"zero max", "5", "0", 0},
		// 102,500.50 / 82,000.40 > 1: clamped.
		{"over", "102500.50", "82000.40", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ratio(mustDec(tt.v), mustDec(tt.max)); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestBarChartTapsTheBarUnderThePointer(t *testing.T) {
	test.NewTempApp(t)
	pts := []ChartPoint{{"2026-05", decimal.NewFromInt(10)}, {"2026-06", decimal.NewFromInt(20)}, {"2026-07", decimal.NewFromInt(30)}, {"2026-08", decimal.NewFromInt(40)}}
	tests := []struct {
		name       string
		horizontal bool
		pos        fyne.Position
		want       int
	}{
		// 400 px wide, four slots of 100 px: x = 250 is the third bar.
		{"vertical", false, fyne.NewPos(250, 50), 2},
		{"vertical first", false, fyne.NewPos(1, 50), 0},
		// Rows of 2.2 x the text size: y = 0.5 row is the first bar.
		{"horizontal", true, fyne.NewPos(200, 0), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := NewBarChart(pts, tt.horizontal, nil)
			c.Resize(fyne.NewSize(400, 200))
			got := -1
			c.OnTapped = func(i int) { got = i }
			test.TapAt(c, tt.pos)
			if got != tt.want {
				t.Errorf("tapped bar: got %d, want %d", got, tt.want)
			}
		})
	}
	c := NewBarChart(pts, true, nil)
	c.Resize(fyne.NewSize(400, 200))
	if got := c.indexAt(fyne.NewPos(10, 3.5*c.rowHeight())); got != 3 {
		t.Errorf("horizontal row 3.5: got %d, want 3", got)
	}
	if got := c.indexAt(fyne.NewPos(10, 9*c.rowHeight())); got != -1 {
		t.Errorf("below the last bar: got %d, want -1", got)
	}
}

// Month labels never run into each other: in a narrow chart every other
// one shows, the last (the chosen month) always.
func TestBarChartThinsLabelsThatDoNotFit(t *testing.T) {
	test.NewTempApp(t)
	var pts []ChartPoint
	for _, m := range []string{"Dec 25", "Jan 26", "Feb 26", "Mar 26", "Apr 26", "May 26", "Jun 26", "Jul 26", "Aug 26", "Sep 26", "Oct 26", "Nov 26"} {
		pts = append(pts, ChartPoint{Label: m, Value: decimal.NewFromInt(10)})
	}
	c := NewBarChart(pts, false, nil)
	r := test.TempWidgetRenderer(t, c).(*barRenderer)
	for _, tt := range []struct {
		width float32
		shown int
	}{{1200, 12}, {380, 6}} {
		c.Resize(fyne.NewSize(tt.width, 200))
		r.Layout(c.Size())
		shown := 0
		var right float32 = -1
		for _, l := range r.labels {
			if l.Hidden {
				continue
			}
			shown++
			if l.Position().X < right {
				t.Errorf("width %.0f: label %q starts at %.0f, inside the one before (ends %.0f)", tt.width, l.Text, l.Position().X, right)
			}
			right = l.Position().X + l.MinSize().Width
		}
		if shown != tt.shown {
			t.Errorf("width %.0f: %d labels shown, want %d", tt.width, shown, tt.shown)
		}
		if r.labels[11].Hidden {
			t.Errorf("width %.0f: the last month's label is hidden", tt.width)
		}
	}
}

// TestBarChartLaysOutWhilePointsChange: the dashboard sets a chart's points
// from its loading goroutine (under the test driver fyne.Do runs there)
// while the window lays the chart out. A layout between a rebuild's new,
// still empty slices and their filling crashed on a nil text; points
// longer than the slices indexed past them.
func TestBarChartLaysOutWhilePointsChange(t *testing.T) {
	test.NewTempApp(t)
	for _, horizontal := range []bool{false, true} {
		c := NewBarChart(nil, horizontal, nil)
		r := test.TempWidgetRenderer(t, c)
		done := make(chan struct{})
		go func() {
			defer close(done)
			for i := 0; i < 2000; i++ {
				pts := make([]ChartPoint, 1+i%13)
				for j := range pts {
					pts[j] = ChartPoint{fmt.Sprint("m", j), decimal.NewFromInt(int64(j * i))}
				}
				c.SetPoints(pts)
			}
		}()
		for running := true; running; {
			select {
			case <-done:
				running = false
			default:
				r.Layout(fyne.NewSize(400, 200))
				_ = r.Objects()
			}
		}
	}
}
