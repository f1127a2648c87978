package gui_test

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"partnerdesk/app/demo"
	"partnerdesk/engine"
)

// The What changed tab's service over the demo: before a compute nothing;
// the first compute lists every result as new and its differences add up
// to the period's lines; computing again changes nothing.
func TestServiceChanges(t *testing.T) {
	b, _ := guiBackend(t, demo.Generate(1, engine.MustDate("2026-06-30")), "2026-07-05")
	before, err := b.Changes("2026-Q2")
	if err != nil || before.Computed || len(before.Changes) != 0 {
		t.Fatalf("before any compute: %+v, %v; want not computed", before, err)
	}
	if _, err := b.ComputeForRun("2026-Q2", func(int, int) {}); err != nil {
		t.Fatal(err)
	}
	first, err := b.Changes("2026-Q2")
	if err != nil || !first.Computed || !first.First || len(first.Changes) == 0 {
		t.Fatalf("after the first compute: computed %v first %v, %d changes, %v", first.Computed, first.First, len(first.Changes), err)
	}
	rev, err := b.Review("2026-Q2")
	if err != nil {
		t.Fatal(err)
	}
	lines, changes := decimal.Zero, decimal.Zero
	for _, l := range rev.Lines {
		lines = lines.Add(l.Line.Amount)
	}
	for _, c := range first.Changes {
		if c.Reason != "new" || c.Program == "" || c.Payee == "" || c.Rule == "" {
			t.Fatalf("a first compute's change: %+v", c)
		}
		changes = changes.Add(c.Change.Difference())
	}
	if !changes.Equal(lines) {
		t.Errorf("the changes add up to %s, the lines to %s", changes, lines)
	}
	if !strings.Contains(first.SummaryText, " new; +") {
		t.Errorf("summary %q", first.SummaryText)
	}
	if _, err := b.ComputeForRun("2026-Q2", func(int, int) {}); err != nil {
		t.Fatal(err)
	}
	again, err := b.Changes("2026-Q2")
	if err != nil || again.First || len(again.Changes) != 0 || again.SummaryText != "No changes since the last compute" || again.PreviousAt.IsZero() {
		t.Errorf("after computing the same inputs again: %+v, %v", again, err)
	}
}
