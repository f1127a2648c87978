package data_test

import (
	"errors"
	"strings"
	"testing"

	"partnerdesk/data"
	"partnerdesk/engine"
)

// Both ways of writing a period's state refuse a closed period through the
// one test, and both say who closed it, so the clerk knows whom to ask.
func TestWritingAClosedPeriodStateNamesWhoClosedIt(t *testing.T) {
	s, _ := openTemp(t)
	closeJune(t, s)
	jun := engine.PeriodState{Key: "2026-06", Start: engine.MustDate("2026-06-01"), End: engine.MustDate("2026-06-30")}
	for name, fn := range map[string]func(*data.Tx) error{
		"close again": func(tx *data.Tx) error { return tx.ClosePeriod(jun) },
		"put state":   func(tx *data.Tx) error { return tx.PutPeriodState(jun) },
	} {
		err := s.Update("clerk", fn)
		if !errors.Is(err, engine.ErrPeriodClosed) {
			t.Fatalf("%s: err = %v, want ErrPeriodClosed", name, err)
		}
		if !strings.Contains(err.Error(), "closed on") || !strings.Contains(err.Error(), "by boss") {
			t.Errorf("%s: %q does not say when and by whom the period was closed", name, err)
		}
	}
	// An open period's state is still written.
	jul := engine.PeriodState{Key: "2026-07", Start: engine.MustDate("2026-07-01"), End: engine.MustDate("2026-07-31")}
	if err := s.Update("clerk", func(tx *data.Tx) error { return tx.PutPeriodState(jul) }); err != nil {
		t.Fatalf("put an open period: %v", err)
	}
}
