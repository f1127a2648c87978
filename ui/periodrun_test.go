package ui

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// newComputedRun opens the run screen on the fake and computes 2026-07.
func newComputedRun(t *testing.T) (fyne.Window, *fakeServices, *PeriodRunScreen) {
	t.Helper()
	w := newTestWindow(t)
	f := newFakeServices()
	s := NewPeriodRunScreen(w, f)
	s.wait()
	w.SetContent(s.Content())
	if got, want := s.period.Text, "2026-07"; got != want {
		t.Fatalf("period: got %q, want %q (the service's current period)", got, want)
	}
	if s.compute.Disabled() {
		t.Fatal("Compute is disabled on an open period")
	}
	test.Tap(s.compute)
	s.wait()
	return w, f, s
}

func (s *PeriodRunScreen) cellText(row, col int) string {
	l := widget.NewLabel("")
	s.cell(widget.TableCellID{Row: row, Col: col}, l)
	return l.Text
}

func TestPeriodRunComputeShowsLines(t *testing.T) {
	_, f, s := newComputedRun(t)
	if f.computed != 1 {
		t.Fatalf("Compute calls: got %d, want 1", f.computed)
	}
	if s.progress.Visible() {
		t.Error("the progress bar is still shown after the computation")
	}
	if got, want := len(s.shown), 3; got != want {
		t.Fatalf("lines shown: got %d, want %d", got, want)
	}
	tests := []struct {
		row, col int
		want     string
	}{
		{0, 1, "Volume rebate"},
		{1, 3, "東京システム株式会社"},
		{1, 4, "1,250.00 EUR"},
		{2, 5, "draft"},
		// A rendered explanation from the back end is shown as it is.
		{2, 6, "Demos: 3 x demo in 2026-07 at 100.00 EUR = 300.00 EUR"},
	}
	for _, tt := range tests {
		if got := s.cellText(tt.row, tt.col); got != tt.want {
			t.Errorf("cell (%d, %d): got %q, want %q", tt.row, tt.col, got, tt.want)
		}
	}
	// Without a rendered string the screen renders the explanation itself:
	// 1,250.00 x 20 = 25,000.00 EUR basis at 5 %.
	if got := s.cellText(1, 6); !strings.Contains(got, "25,000.00 EUR") || !strings.Contains(got, "1,250.00 EUR") {
		t.Errorf("rendered explanation: got %q, want the basis 25,000.00 EUR and the amount 1,250.00 EUR", got)
	}
	// Totals: 5,125.03 + 1,250.00 + 300.00 = 6,675.03.
	if got, want := s.summary.Text, "3 lines · 6,675.03 EUR"; got != want {
		t.Errorf("summary: got %q, want %q", got, want)
	}
	if !strings.HasPrefix(s.detail.Text, "Computed 2026-07: 3 draft lines from 2 programs") {
		t.Errorf("detail: got %q", s.detail.Text)
	}
}

func TestPeriodRunFilters(t *testing.T) {
	_, _, s := newComputedRun(t)
	tests := []struct {
		name            string
		program, status string
		payee           string
		want            int
	}{
		{"all", allPrograms, allStatuses, "", 3},
		{"one program", "Gems", allStatuses, "", 1},
		{"payee letters", allPrograms, allStatuses, "acme", 2},
		{"status", allPrograms, string(engine.LineApproved), "", 0},
		{"program and payee", "Volume rebate", allStatuses, "東京", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s.program.SetSelected(tt.program)
			s.status.SetSelected(tt.status)
			s.payee.SetText(tt.payee)
			if got := len(s.shown); got != tt.want {
				t.Errorf("shown: got %d, want %d", got, tt.want)
			}
		})
	}
}

func TestPeriodRunApprovesChosenLines(t *testing.T) {
	_, f, s := newComputedRun(t)
	s.table.OnSelected(widget.TableCellID{Row: 0, Col: 2})
	s.table.OnSelected(widget.TableCellID{Row: 1, Col: 4})
	// 5,125.03 + 1,250.00 = 6,375.03.
	if got, want := s.chosen.Text, "2 chosen · 6,375.03 EUR"; got != want {
		t.Errorf("chosen: got %q, want %q", got, want)
	}
	if got := s.cellText(0, 0); got != "☑" {
		t.Errorf("chosen mark: got %q, want ☑", got)
	}
	test.Tap(s.approve)
	s.wait()
	if want := [][]engine.ID{{1, 2}}; !reflect.DeepEqual(f.approved, want) {
		t.Fatalf("approved: got %v, want %v", f.approved, want)
	}
	if want := []bool{false}; !reflect.DeepEqual(f.confirms, want) {
		t.Errorf("confirmed flags: got %v, want %v", f.confirms, want)
	}
	if got := s.cellText(0, 5); got != "approved" {
		t.Errorf("status after approval: got %q, want approved", got)
	}
	if got := s.cellText(2, 5); got != "draft" {
		t.Errorf("the line not chosen: got %q, want draft", got)
	}
	if len(s.selected) != 0 {
		t.Errorf("selection after approval: got %d lines, want none", len(s.selected))
	}
}

func TestPeriodRunBudgetConfirmation(t *testing.T) {
	w, f, s := newComputedRun(t)
	// Budget 10,000.00, spent 9,000.00, approving 2,500.00: after 11,500.00, over by 1,500.00.
	f.budget = &engine.BudgetError{Overruns: []engine.BudgetOverrun{{
		ProgramID: 1, Program: "Volume rebate", Currency: eurCurrency,
		Budget: mustDec("10000"), Spent: mustDec("9000"), Approving: mustDec("2500"),
	}}}
	if !errors.Is(f.budget, engine.ErrConfirmationNeeded) {
		t.Fatal("a BudgetError must wrap ErrConfirmationNeeded")
	}
	s.toggle(0)
	test.Tap(s.approve)
	s.wait()
	if len(f.approved) != 0 {
		t.Fatalf("approved before confirmation: %v", f.approved)
	}
	for _, want := range []string{"10,000.00 EUR", "9,000.00 EUR", "2,500.00 EUR", "11,500.00 EUR", "Over budget by 1,500.00 EUR"} {
		if !hasLabel(t, w, want) {
			t.Errorf("the confirmation lacks %q; labels: %q", want, labelTexts(w))
		}
	}
	test.Tap(buttonIn(t, w, "Approve anyway"))
	s.wait()
	if want := []bool{false, true}; !reflect.DeepEqual(f.confirms, want) {
		t.Errorf("confirmed flags: got %v, want %v", f.confirms, want)
	}
	if want := [][]engine.ID{{1}}; !reflect.DeepEqual(f.approved, want) {
		t.Errorf("approved: got %v, want %v", f.approved, want)
	}
}

func TestPeriodRunPayAndClose(t *testing.T) {
	w, f, s := newComputedRun(t)
	// Approve lines 1 and 3 (both Acme Srl), then pay them together.
	s.toggle(0)
	s.toggle(2)
	test.Tap(s.approve)
	s.wait()
	s.toggle(0)
	s.toggle(2)
	test.Tap(s.pay)
	// 5,125.03 + 300.00 = 5,425.03 shown as the payout's amount.
	if !hasLabel(t, w, "5,425.03 EUR") {
		t.Errorf("pay dialog lacks the sum 5,425.03 EUR; labels: %q", labelTexts(w))
	}
	test.Tap(buttonIn(t, w, "Pay"))
	s.wait()
	if len(f.pays) != 1 {
		t.Fatalf("payouts: got %d, want 1", len(f.pays))
	}
	got := f.pays[0]
	want := views.PayInput{Lines: []engine.ID{1, 3}, Date: "2026-08-05", Method: "Bank transfer"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("pay request: got %+v, want %+v", got, want)
	}

	test.Tap(s.closeBtn)
	s.wait()
	for _, want := range []string{"120 sales", "its 3 reward lines", "1 lines are still drafts"} {
		found := false
		for _, o := range allObjects(w) {
			if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, want) {
				found = true
			}
		}
		if !found {
			t.Errorf("close dialog lacks %q; labels: %q", want, labelTexts(w))
		}
	}
	test.Tap(buttonIn(t, w, "Close period"))
	s.wait()
	if want := []string{"2026-07"}; !reflect.DeepEqual(f.closed, want) {
		t.Errorf("closed: got %v, want %v", f.closed, want)
	}
	if !strings.HasSuffix(s.state.Text, "closed") {
		t.Errorf("state: got %q, want it to say closed", s.state.Text)
	}
	if !s.compute.Disabled() || !s.approve.Disabled() {
		t.Error("Compute and Approve stay enabled on a closed period")
	}
}

func TestPeriodRunPaysSeveralPayeesOnePayoutEach(t *testing.T) {
	w, f, s := newComputedRun(t)
	s.selectShown()
	test.Tap(s.approve)
	s.wait()
	s.selectShown()
	test.Tap(s.pay)
	// Acme Srl 5,125.03 + 300.00 and 東京 1,250.00: 6,675.03 in two payouts.
	for _, want := range []string{"2 payees: one payout each", "6,675.03 EUR"} {
		if !hasLabel(t, w, want) {
			t.Errorf("pay dialog lacks %q; labels: %q", want, labelTexts(w))
		}
	}
	test.Tap(buttonIn(t, w, "Pay"))
	s.wait()
	// One payout for Acme Srl's lines 1 and 3, one for 東京's line 2.
	want := []views.PayInput{
		{Lines: []engine.ID{1, 3}, Date: "2026-08-05", Method: "Bank transfer"},
		{Lines: []engine.ID{2}, Date: "2026-08-05", Method: "Bank transfer"},
	}
	if !reflect.DeepEqual(f.pays, want) {
		t.Errorf("pay requests:\n got %+v\nwant %+v", f.pays, want)
	}
	if !strings.HasPrefix(s.detail.Text, "Recorded 2 payouts") {
		t.Errorf("detail: got %q, want it to count 2 payouts", s.detail.Text)
	}
	if len(s.selected) != 0 {
		t.Errorf("selection after paying: got %d lines, want none", len(s.selected))
	}
}

// The pay dialog's groups are engine.PlanPayouts' (see its test), each
// named as the review names the payee; a chosen draft is not paid.
func TestPayGroupsNamePayeesAndLeaveOutUnpayable(t *testing.T) {
	a, b := engine.Payee{Kind: engine.PayeePartner, ID: 7}, engine.Payee{Kind: engine.PayeeRep, ID: 7}
	approved := func(id engine.ID, py engine.Payee, amount string) engine.RewardLine {
		return engine.RewardLine{ID: id, Payee: py, Unit: engine.UnitMoney, Status: engine.LineApproved, Amount: mustDec(amount)}
	}
	draft := approved(4, a, "50.00")
	draft.Status = engine.LineDraft
	lines := []views.ReviewedLine{
		{Line: approved(1, b, "10.05"), Payee: "Rep"},
		{Line: approved(2, a, "100.00"), Payee: "Partner"},
		{Line: approved(3, b, "-0.05"), Payee: "Rep"},
		{Line: draft, Payee: "Partner"},
	}
	got := payGroups(lines)
	// Rep 7: 10.05 - 0.05 = 10.00 from lines 1 and 3; partner 7 (another
	// payee despite the same id): 100.00 from line 2, its draft left out.
	if len(got) != 2 || got[0].Payee != b || got[0].name != "Rep" || got[1].Payee != a || got[1].name != "Partner" {
		t.Fatalf("groups: got %+v, want Rep (rep 7) then Partner (partner 7)", got)
	}
	if !got[0].Amount.Equal(mustDec("10")) || !reflect.DeepEqual(got[0].Lines, []engine.ID{1, 3}) {
		t.Errorf("rep group: got %s %v, want 10.00 [1 3]", got[0].Amount, got[0].Lines)
	}
	if !got[1].Amount.Equal(mustDec("100")) || !reflect.DeepEqual(got[1].Lines, []engine.ID{2}) {
		t.Errorf("partner group: got %s %v, want 100.00 [2]", got[1].Amount, got[1].Lines)
	}
}

func TestPeriodRunBadPeriod(t *testing.T) {
	_, _, s := newComputedRun(t)
	s.period.SetText("2026-13")
	s.period.OnSubmitted(s.period.Text)
	s.wait()
	if !strings.Contains(s.problem.Text, "is not a period") {
		t.Errorf("problem: got %q, want the service's reason", s.problem.Text)
	}
}
