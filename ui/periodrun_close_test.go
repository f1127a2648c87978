package ui

import (
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// runFake is the period run's fake with a second period (2026-08, one
// line), a close check, and a Review that can be held: the next call reads
// the lines as they are, then waits for release, as a slow read started
// before a compute does.
type runFake struct {
	*fakeServices
	august views.PeriodReview
	check  views.CloseCheck

	hold    sync.Mutex
	held    bool
	entered chan struct{}
	release chan struct{}
}

func newRunFake() *runFake {
	f := &runFake{fakeServices: newFakeServices()}
	f.august = views.PeriodReview{
		Period: views.PeriodInfo{Key: "2026-08", Start: engine.MustDate("2026-08-01"), End: engine.MustDate("2026-08-31")},
		Lines:  []views.ReviewedLine{{Line: draftLine(9, 2, 2, "40.00"), Program: "Gems", Rule: "Demos", Payee: "東京システム株式会社"}},
	}
	return f
}

// holdNextReview makes the next Review wait until release is closed.
func (f *runFake) holdNextReview() {
	f.hold.Lock()
	defer f.hold.Unlock()
	f.held = true
	f.entered = make(chan struct{})
	f.release = make(chan struct{})
}

func (f *runFake) PeriodInfo(key string) (views.PeriodInfo, error) {
	if key == f.august.Period.Key {
		return f.august.Period, nil
	}
	return f.fakeServices.PeriodInfo(key)
}

func (f *runFake) Review(period string) (views.PeriodReview, error) {
	if period == f.august.Period.Key {
		r := f.august
		r.Language, r.Currency = "en", eurCurrency
		return r, nil
	}
	r, err := f.fakeServices.Review(period)
	f.hold.Lock()
	held := f.held
	f.held = false
	f.hold.Unlock()
	if held {
		close(f.entered)
		<-f.release
	}
	return r, err
}

func (f *runFake) CloseCheck(period string) (views.CloseCheck, error) { return f.check, nil }

func newRunScreen(t *testing.T, f *runFake) *PeriodRunScreen {
	t.Helper()
	w := newTestWindow(t)
	s := NewPeriodRunScreen(w, f)
	s.wait()
	w.SetContent(s.Content())
	return s
}

// waitFor polls cond (the screen's goroutines are running) for a second.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for i := 0; i < 200; i++ {
		if cond() {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("timed out waiting for %s", what)
}

// Issue #15.9: after a compute the table once showed the previous lines: a
// load started before the compute (showing the screen again) answered after
// the compute's own load. Only the latest load is shown now.
func TestPeriodRunLateLoadDoesNotBringBackOldLines(t *testing.T) {
	f := newRunFake()
	s := newRunScreen(t, f)
	if len(s.shown) != 0 {
		t.Fatalf("before the compute %d lines show", len(s.shown))
	}
	f.holdNextReview()
	s.Shown() // reads the lines of before the compute: none; held
	<-f.entered
	test.Tap(s.compute)
	waitFor(t, "the computed lines", func() bool { return f.computed == 1 && len(s.shown) == 3 })
	close(f.release) // the old read answers now
	s.wait()
	if got := len(s.shown); got != 3 {
		t.Errorf("after the late answer of an older load %d lines show, want the 3 computed", got)
	}
}

// Issue #15.9: the explanation panel kept the previous period's line after
// switching period.
func TestPeriodRunSwitchingPeriodClearsTheExplanation(t *testing.T) {
	f := newRunFake()
	s := newRunScreen(t, f)
	test.Tap(s.compute)
	s.wait()
	s.toggle(0)
	if !strings.Contains(s.detail.Text, "Acme Srl") {
		t.Fatalf("detail after choosing line 1: %q", s.detail.Text)
	}
	s.period.SetText("2026-08")
	s.period.OnSubmitted(s.period.Text)
	s.wait()
	if s.review.Period.Key != "2026-08" || len(s.shown) != 1 {
		t.Fatalf("after switching: period %q, %d lines", s.review.Period.Key, len(s.shown))
	}
	if s.detail.Text != detailHint {
		t.Errorf("detail after switching to 2026-08: %q, want the hint", s.detail.Text)
	}
	if len(s.selected) != 0 {
		t.Errorf("%d lines of 2026-07 still chosen", len(s.selected))
	}
}

// Issue #15.9: Close says what blocks before asking, and offers to go
// there: the month with unpaid lines opens with its approved lines shown.
func TestPeriodRunCloseSaysWhatBlocksFirst(t *testing.T) {
	f := newRunFake()
	f.check = views.CloseCheck{Period: "2026-07",
		Blockers: []views.CloseBlocker{{Period: "2026-08", Unpaid: 1, Text: "2026-08 has 0 draft and 1 approved unpaid lines"}},
		Text:     "2026-07 cannot close yet: 2026-08 has 0 draft and 1 approved unpaid lines; approve and pay them (or recompute) first"}
	s := newRunScreen(t, f)
	w := s.win
	test.Tap(s.compute)
	s.wait()
	test.Tap(s.closeBtn)
	s.wait()
	if !hasLabel(t, w, "2026-07 cannot close yet: 2026-08 has 0 draft and 1 approved unpaid lines") {
		t.Errorf("the blockers are not said; labels %q", labelTexts(w))
	}
	if hasButton(w, "Close period") {
		t.Error("the confirmation to close is offered although the close is blocked")
	}
	test.Tap(buttonIn(t, w, "Open 2026-08"))
	s.wait()
	if len(f.closed) != 0 {
		t.Errorf("closed %v", f.closed)
	}
	if s.review.Period.Key != "2026-08" || s.status.Selected != string(engine.LineApproved) {
		t.Errorf("went to %q with status %q, want 2026-08's approved lines", s.review.Period.Key, s.status.Selected)
	}
	if !strings.Contains(s.detail.Text, "1 approved unpaid lines") {
		t.Errorf("detail after going there: %q", s.detail.Text)
	}
	// When nothing blocks, the confirmation comes as before.
	f.check = views.CloseCheck{Period: "2026-08"}
	test.Tap(s.closeBtn)
	s.wait()
	if !hasButton(w, "Close period") {
		t.Errorf("no confirmation when nothing blocks; labels %q", labelTexts(w))
	}
}

// hasButton reports whether a visible button labelled text is in w.
func hasButton(w fyne.Window, text string) bool {
	for _, o := range allObjects(w) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && b.Visible() {
			return true
		}
	}
	return false
}
