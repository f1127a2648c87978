package app_test

import (
	"strings"
	"testing"
)

// Issue #15.9: closing a quarter failed only after the user confirmed,
// because its months had unpaid lines. CloseCheck lists what blocks,
// period by period, in exactly the words the close refuses with; when
// nothing blocks, the close goes through.
func TestCloseCheckSaysWhatBlocksBeforeClosing(t *testing.T) {
	svc := dashService(t, kindsDataset(), "2026-04-20")
	// January: computed, approved and paid (50.00 EUR, 5 % of 1,000).
	runAndClose(t, svc, "2026-01")
	// February: never computed, so stale. March: computed (150.00 EUR,
	// 5 % of 3,000) and approved, not paid: one approved unpaid line.
	if _, err := svc.ComputePeriod("2026-03", nil); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Approve("2026-03", nil, true); err != nil {
		t.Fatal(err)
	}
	check, err := svc.CloseCheck("2026-Q1")
	if err != nil {
		t.Fatal(err)
	}
	if check.CanClose() {
		t.Fatalf("2026-Q1 can close with February never computed and March unpaid: %+v", check)
	}
	got := map[string]string{}
	for _, b := range check.Blockers {
		got[b.Period] = b.Text
	}
	if b := got["2026-02"]; !strings.Contains(b, "2026-02 must be computed again") {
		t.Errorf("February's blocker %q, want it to say compute it", b)
	}
	if b := got["2026-03"]; b != "2026-03 has 0 draft and 1 approved unpaid lines" {
		t.Errorf("March's blocker %q", b)
	}
	if _, ok := got["2026-01"]; ok {
		t.Error("January is closed and paid, yet listed as a blocker")
	}
	if !strings.HasPrefix(check.Text, "2026-Q1 cannot close yet: ") || !strings.Contains(check.Text, "compute 2026-02") ||
		!strings.Contains(check.Text, "2026-03 has 0 draft and 1 approved unpaid lines") {
		t.Errorf("check text %q", check.Text)
	}
	// The close refuses with the same words, and closes nothing.
	if _, err := svc.ClosePeriod("2026-Q1"); err == nil || err.Error() != check.Text {
		t.Errorf("close said %v, the check %q", err, check.Text)
	}
	ps, _ := svc.Periods()
	for _, p := range ps {
		if p.Closed && p.Key != "2026-01" {
			t.Errorf("%s closed by a refused close", p.Key)
		}
	}
	// Once every month and the quarter are computed, approved and paid,
	// nothing blocks and the close goes through.
	for _, p := range []string{"2026-02", "2026-03", "2026-Q1"} {
		if _, err := svc.ComputePeriod(p, nil); err != nil {
			t.Fatalf("compute %s: %v", p, err)
		}
		payAll(t, svc, p)
	}
	check, err = svc.CloseCheck("2026-Q1")
	if err != nil || !check.CanClose() || check.Text != "" {
		t.Fatalf("after paying everything: %+v, %v", check, err)
	}
	if _, err := svc.ClosePeriod("2026-Q1"); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.CloseCheck("2026-Q1"); err == nil || !strings.Contains(err.Error(), "already closed") {
		t.Errorf("checking a closed quarter: %v", err)
	}
}
