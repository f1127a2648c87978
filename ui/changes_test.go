package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

var _ ChangesService = (*fakeServices)(nil)

// Changes of the fake: nothing before the first compute; after it, three
// changes of 2026-07: Acme's rebate 4,875.03 -> 5,125.03 (+250.00, inputs),
// 東京's rebate new at 1,250.00, and Ana's points 120 -> 100 (tier).
func (f *fakeServices) Changes(period string) (views.ChangeReport, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.computed == 0 {
		return views.ChangeReport{Period: period}, nil
	}
	at := time.Date(2026, 8, 3, 14, 5, 0, 0, time.Local)
	key := func(prog engine.ID, kind engine.PayeeKind, id engine.ID) engine.ChangeKey {
		return engine.ChangeKey{ProgramID: prog, RuleKey: "r", Payee: engine.Payee{Kind: kind, ID: id}}
	}
	return views.ChangeReport{Period: period, Computed: true, ComputedAt: at, ComputedBy: "Maria", PreviousAt: at.Add(-26 * time.Hour),
		SummaryText: "3 changes: 1 new, 1 changed (inputs), 1 tier change; +1,500.00 EUR, -20 points",
		Changes: []views.ChangeView{
			{Change: engine.Change{ChangeKey: key(1, engine.PayeePartner, 1), PartnerID: 1, Unit: engine.UnitMoney,
				OldAmount: mustDec("4875.03"), NewAmount: mustDec("5125.03"), Reasons: []engine.ChangeReason{engine.ChangeInputs}},
				Program: "Volume rebate", Rule: "Rebate", Payee: "Acme Srl", Reason: "inputs"},
			{Change: engine.Change{ChangeKey: key(1, engine.PayeePartner, 2), PartnerID: 2, Unit: engine.UnitMoney,
				NewAmount: mustDec("1250.00"), Reasons: []engine.ChangeReason{engine.ChangeNew}},
				Program: "Volume rebate", Rule: "Rebate", Payee: "東京システム株式会社", Reason: "new"},
			{Change: engine.Change{ChangeKey: key(3, engine.PayeeRep, 9), PartnerID: 1, Unit: engine.UnitPoints,
				OldPoints: 120, NewPoints: 100, OldTier: "Gold", NewTier: "Silver", Reasons: []engine.ChangeReason{engine.ChangeTier}},
				Program: "Loyalty", Rule: "Points", Payee: "Ana Ruiz (Acme Srl)", Reason: "tier Gold → Silver"},
		}}, nil
}

func (p *changesPanel) cellText(row, col int) string {
	l := widget.NewLabel("")
	p.cell(widget.TableCellID{Row: row, Col: col}, l)
	return l.Text
}

func TestPeriodRunShowsChangesBeforeCompute(t *testing.T) {
	w := newTestWindow(t)
	s := NewPeriodRunScreen(w, newFakeServices())
	s.wait()
	w.SetContent(s.Content())
	if got := s.changes.head.Text; !strings.Contains(got, "has not been computed") {
		t.Errorf("heading before any compute: got %q", got)
	}
	if s.changesTab.Text != "What changed" || s.changes.count() != 0 {
		t.Errorf("tab before any compute: got %q with %d rows, want \"What changed\" and none", s.changesTab.Text, s.changes.count())
	}
	if s.tabs.Selected() == s.changesTab {
		t.Error("the What changed tab is chosen before any compute: the totals should show")
	}
	// Choosing the tab gives it room.
	if s.split.Offset <= 0.5 {
		t.Fatalf("split offset %v before choosing the tab, want the lines' 0.66", s.split.Offset)
	}
	s.tabs.Select(s.changesTab)
	if s.split.Offset > 0.5 {
		t.Errorf("split offset %v after choosing What changed, want at most 0.5", s.split.Offset)
	}
}

func TestPeriodRunShowsChangesAfterCompute(t *testing.T) {
	_, _, s := newComputedRun(t)
	if s.tabs.Selected() != s.changesTab {
		t.Errorf("after a compute the chosen tab is %q, want What changed", s.tabs.Selected().Text)
	}
	if got, want := s.changesTab.Text, "What changed (3)"; got != want {
		t.Errorf("tab title: got %q, want %q", got, want)
	}
	head := s.changes.head.Text
	for _, want := range []string{"by Maria", "against the compute of", "3 changes: 1 new, 1 changed (inputs), 1 tier change; +1,500.00 EUR, -20 points"} {
		if !strings.Contains(head, want) {
			t.Errorf("heading %q lacks %q", head, want)
		}
	}
	tests := []struct {
		row, col int
		want     string
	}{
		{0, 0, "Acme Srl"},
		{0, 1, "Volume rebate"},
		{0, 3, "4,875.03 EUR"},
		{0, 4, "5,125.03 EUR"},
		// 5,125.03 - 4,875.03 = +250.00.
		{0, 5, "+250.00 EUR"},
		{0, 6, "inputs"},
		{1, 3, "0.00 EUR"},
		{1, 5, "+1,250.00 EUR"},
		{1, 6, "new"},
		// 100 - 120 = -20 points.
		{2, 3, "120 points"},
		{2, 5, "-20 points"},
		{2, 6, "tier Gold → Silver"},
	}
	for _, tt := range tests {
		if got := s.changes.cellText(tt.row, tt.col); got != tt.want {
			t.Errorf("cell (%d, %d): got %q, want %q", tt.row, tt.col, got, tt.want)
		}
	}
	l := widget.NewLabel("")
	s.changes.cell(widget.TableCellID{Row: 2, Col: 5}, l)
	if l.Importance != widget.DangerImportance {
		t.Errorf("a fall is shown with importance %v, want danger", l.Importance)
	}

	// Choosing a change shows that payee's lines of its program.
	s.changes.table.OnSelected(widget.TableCellID{Row: 1, Col: 0})
	if got, want := len(s.shown), 1; got != want {
		t.Fatalf("lines shown after choosing 東京's change: got %d, want %d", got, want)
	}
	if got := s.cellText(0, 3); got != "東京システム株式会社" {
		t.Errorf("line shown: got payee %q", got)
	}
	if !strings.Contains(s.detail.Text, "0.00 EUR → 1,250.00 EUR (new)") {
		t.Errorf("detail after choosing a change: got %q", s.detail.Text)
	}
	// The totals are one tab away.
	test.Tap(s.compute)
	s.wait()
	s.tabs.SelectIndex(0)
	if s.summary.Text == "" {
		t.Error("the totals tab lost its summary")
	}
}
