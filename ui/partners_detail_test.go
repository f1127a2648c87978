package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// openAcme opens Acme Srl from the list as a user would, and waits for its
// detail.
func openAcme(t *testing.T) (*partnersScreen, fyne.Canvas) {
	t.Helper()
	sc, _, c := partnersOnShow(t)
	typeKeys(t, c, "acme s")
	press(t, c, fyne.KeyReturn)
	if sc.editing.ID != 1 {
		t.Fatalf("opened partner %d, want Acme Srl (1)", sc.editing.ID)
	}
	return sc, c
}

func TestPartnerDetailBesideTheForm(t *testing.T) {
	sc, _ := openAcme(t)
	pd := sc.detail
	for _, want := range []string{"Tier Gold", "fund 1,200.00 EUR (70.00 EUR lapse within 30 days)", "points 50 (its reps 200)", "1 sales, 12,345,678.90 EUR"} {
		if !strings.Contains(pd.summary.Text, want) {
			t.Errorf("summary %q lacks %q", pd.summary.Text, want)
		}
	}
	for i := pdTabReps; i <= pdTabStatements; i++ {
		if pd.tabs.Items[i].Disabled() {
			t.Errorf("tab %q disabled for a stored partner", pd.tabs.Items[i].Text)
		}
	}
	// A large amount is written whole (the table column fits it).
	if got := pd.saleCell(0, 5); got != "12,345,678.90 EUR" {
		t.Errorf("sale net = %q", got)
	}
	if got := pd.tierCell(0, 1); got != "Gold" {
		t.Errorf("tier history = %q, want Gold", got)
	}
	if got := pd.regCell(0, 1); got != "Initech" {
		t.Errorf("registration customer = %q", got)
	}
	if got := pd.lineCell(pd.d.Rewards, 2, 3); got != "Acme Srl" || len(pd.d.Rewards) != 3 {
		t.Errorf("rewards: %d lines, payee %q", len(pd.d.Rewards), got)
	}
	// The newest statement is selected: its lines are the partner's own
	// (the rep's SPIF line goes on the rep's statement).
	if pd.stmtPeriod != "2026-07" || len(pd.stmtLines) != 1 || pd.stmtLines[0].Program != "Rebate" {
		t.Fatalf("statement %q with %d lines", pd.stmtPeriod, len(pd.stmtLines))
	}
	if pd.print.Disabled() {
		t.Fatal("print button disabled with a period selected")
	}
	if got := pd.stmtCell(1, 2); got != "100.00 EUR" {
		t.Errorf("June paid = %q", got)
	}
	// Printing hands the path to the statement use case
	// (SaveStatementFile), which writes the file.
	fakeStatementsWritten = nil
	path := filepath.Join(t.TempDir(), "acme.pdf")
	pd.save(path)
	if len(fakeStatementsWritten) != 1 || fakeStatementsWritten[0] != "partner1 2026-07 pdf" {
		t.Errorf("statements written = %q", fakeStatementsWritten)
	}
	if b, err := os.ReadFile(path); err != nil || !strings.HasPrefix(string(b), "%PDF") {
		t.Errorf("file = %q, %v", b, err)
	}

	// A new partner has only its form.
	sc.Command(CmdNew)
	if !pd.tabs.Items[pdTabSales].Disabled() || !pd.tabs.Items[pdTabStatements].Disabled() || pd.summary.Text != "" {
		t.Errorf("a new partner shows a detail: summary %q", pd.summary.Text)
	}
}

func TestPartnerListFiltersAndSorts(t *testing.T) {
	sc, _, _ := partnersOnShow(t)
	last := func() views.PartnerFilter { return fakeListFilters[len(fakeListFilters)-1] }
	sc.fKind.SetSelected(kindName(engine.KindReseller))
	if got := names(sc.partners); len(got) != 1 || got[0] != "Acme Srl" || last().Kind != engine.KindReseller {
		t.Errorf("resellers = %q, filter %+v", got, last())
	}
	if sc.count.Text != "1 of 4 partners" {
		t.Errorf("count = %q", sc.count.Text)
	}
	sc.fKind.SetSelectedIndex(0)
	sc.fTier.SetSelected("Gold")
	if got := names(sc.partners); len(got) != 1 || got[0] != "Acme Srl" || last().Tier != "Gold" {
		t.Errorf("gold = %q, filter %+v", got, last())
	}
	if got := partnerSummary(sc.partners[0], sc.tierOf[1]); got != "Reseller · IT · Active · Gold · ACME10" {
		t.Errorf("list line = %q", got)
	}
	sc.fTier.SetSelectedIndex(0)
	sc.fStatus.SetSelected(statusName(engine.StatusProspect))
	if got := names(sc.partners); len(got) != 1 || got[0] != "株式会社ニンバス" {
		t.Errorf("prospects = %q", got)
	}
	sc.fStatus.SetSelectedIndex(0)
	test.Tap(sc.sortDesc)
	if got := names(sc.partners); len(got) != 4 || got[0] != "株式会社ニンバス" || !last().Desc {
		t.Errorf("descending = %q, filter %+v", got, last())
	}
	sc.sortBy.SetSelected(sortName(views.SortTier))
	if last().Sort != views.SortTier {
		t.Errorf("sort = %q, want tier", last().Sort)
	}
	// The selects offer what the backend says the file holds.
	if len(sc.fTier.Options) != 3 || sc.fTier.Options[2] != "Gold" || sc.fSegment.Options[1] != "SMB" {
		t.Errorf("tier options %q, segment options %q", sc.fTier.Options, sc.fSegment.Options)
	}
}

// The reps table and the form to add a rep never lie over each other,
// even in a 1024 x 700 window.
func TestRepsTableAboveItsForm(t *testing.T) {
	sc, _ := openAcme(t)
	w := sc.shell.Window()
	w.Resize(fyne.NewSize(1024, 700))
	sc.detail.tabs.SelectIndex(pdTabReps)
	d := fyne.CurrentApp().Driver()
	tablePos, formPos := d.AbsolutePositionForObject(sc.repTable), d.AbsolutePositionForObject(sc.repName)
	if bottom := tablePos.Y + sc.repTable.Size().Height; bottom > formPos.Y {
		t.Errorf("reps table ends at %.0f, below the rep form's top %.0f", bottom, formPos.Y)
	}
	if sc.repTable.Size().Height < 100 {
		t.Errorf("reps table %.0f high: no room for its rows", sc.repTable.Size().Height)
	}
	if formPos.Y+sc.repName.Size().Height > 700 {
		t.Errorf("rep form at %.0f runs out of the window", formPos.Y)
	}
}
