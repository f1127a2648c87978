package ui

import (
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"partnerdesk/app/demo"
	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// The equivalent JSON file of the done-when case of issue 14.
const bandedRebateJSON = `{
  "format": "partnerdesk-program",
  "version": 1,
  "name": "Volume rebate 2026",
  "currency": "EUR",
  "period_kind": "quarter",
  "valid_from": "2026-01-01",
  "eligibility": {},
  "budget": "0",
  "status": "draft",
  "rules": [
    {
      "key": "rule1",
      "name": "Banded rebate",
      "kind": "rate",
      "basis": "revenue",
      "tier_multipliers": {"Gold": "1.2"},
      "rate": {
        "mode": "retroactive",
        "bands": [{"from": "0", "rate": "2"}, {"from": "50000", "rate": "4"}]
      }
    }
  ]
}`

// pressKey sends one key to a focusable widget, as the keyboard does.
func pressKey(w fyne.Focusable, k fyne.KeyName) { w.TypedKey(&fyne.KeyEvent{Name: k}) }

// Issue 14, done when: a banded retroactive rebate (0 to 50,000 at 2 %,
// from 50,000 at 4 %) with a Gold x1.2 multiplier is built from the
// keyboard only, saved, and computes the same lines as the equivalent
// JSON file.
func TestEditorBuildsBandedRebateFromTheKeyboard(t *testing.T) {
	w, f, s := newProgramsTest(t)
	s.Command(CmdNew) // Ctrl+N: a new program, the editor open on its name
	if s.tabs.SelectedIndex() != 1 || w.Canvas().Focused() != s.name {
		t.Fatalf("after New: tab %d, focus %v; want the editor with the name focused", s.tabs.SelectedIndex(), w.Canvas().Focused())
	}
	test.Type(s.name, "Volume rebate 2026")
	test.Type(s.from, "2026-01-01")
	test.Type(s.re.name, "Banded rebate")
	pressKey(s.re.basis, fyne.KeyRight) // revenue
	pressKey(s.re.mode, fyne.KeyRight)  // retroactive
	test.Type(s.re.bands, "0 2")
	pressKey(s.re.bands, fyne.KeyReturn)
	test.Type(s.re.bands, "50000 4")
	// A wrong figure is refused beside its field as it is typed.
	test.Type(s.re.multipliers, "Gold: -1.2")
	if got := s.re.items["tier_multipliers"].HintText; got != "must not be negative" {
		t.Errorf("a negative multiplier: hint %q, want the engine's reason", got)
	}
	s.re.multipliers.SetText("")
	test.Type(s.re.multipliers, "Gold: 1.2")
	if got := s.re.items["tier_multipliers"].HintText; strings.TrimSpace(got) != "" {
		t.Errorf("multiplier hint after the fix: %q", got)
	}
	s.Command(CmdSave) // Ctrl+S
	s.wait()
	if len(f.saved) != 1 {
		t.Fatalf("saves: got %d, want 1 (problems: %q)", len(f.saved), s.editorProblems.Text)
	}
	saved := f.saved[0]

	file, err := engine.ParseProgramFile([]byte(bandedRebateJSON))
	if err != nil {
		t.Fatal(err)
	}
	// The form fills the currency from the company on save; the file
	// names it. Ids and identity belong to the store.
	saved.Currency = "EUR"
	file.ID, file.UID = saved.ID, saved.UID
	if !reflect.DeepEqual(mustExport(t, saved), mustExport(t, file)) {
		t.Errorf("saved program's file differs from the equivalent JSON file:\n%s\nwant:\n%s", mustExport(t, saved), mustExport(t, file))
	}
	saved.Status, file.Status = engine.ProgramActive, engine.ProgramActive
	got, want := computeQ1(t, saved), computeQ1(t, file)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("lines differ:\nform %+v\nfile %+v", got, want)
	}
	// By hand: Gold partner 1 sold 60,000.00: retroactive 4 % = 2,400.00,
	// x1.2 = 2,880.00. Partner 2 (no tier) sold 30,000.00: 2 % = 600.00.
	amounts := map[engine.ID]string{}
	for _, l := range got {
		amounts[l.PartnerID] = l.Amount.StringFixed(2)
	}
	if amounts[1] != "2880.00" || amounts[2] != "600.00" {
		t.Errorf("amounts: got %v, want partner 1 2880.00 and partner 2 600.00", amounts)
	}
}

func mustExport(t *testing.T, p engine.Program) string {
	t.Helper()
	b, err := engine.MarshalProgramFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// computeQ1 computes p over 2026-Q1 with a Gold partner selling 60,000
// and a partner without tier selling 30,000.
func computeQ1(t *testing.T, p engine.Program) []engine.RewardLine {
	t.Helper()
	per, err := engine.ParsePeriod("2026-Q1", time.January)
	if err != nil {
		t.Fatal(err)
	}
	sale := func(id, partner engine.ID, net string) engine.Sale {
		return engine.Sale{ID: id, Date: engine.MustDate("2026-02-10"), PartnerID: partner, Customer: "C", ProductID: 1,
			Quantity: mustDec("1"), UnitPrice: mustDec(net), Net: mustDec(net), Invoice: "INV" + net, Line: 1}
	}
	in := engine.Inputs{
		Company:  engine.Company{Name: "Vendor", Currency: engine.NewCurrency("EUR"), FiscalYearStart: time.January},
		Period:   per,
		Programs: []engine.Program{p},
		Partners: []engine.Partner{{ID: 1, Name: "Gold Co", Kind: engine.KindReseller, Status: engine.StatusActive},
			{ID: 2, Name: "Plain Co", Kind: engine.KindReseller, Status: engine.StatusActive}},
		Products:    []engine.Product{{ID: 1, SKU: "HW-1", Name: "Box", Category: "hardware"}},
		Sales:       []engine.Sale{sale(1, 1, "60000"), sale(2, 2, "30000")},
		TierHistory: []engine.TierChange{{ID: 1, PartnerID: 1, Tier: "Gold", From: engine.MustDate("2025-01-01")}},
		Ladder:      engine.TierLadder{Levels: []engine.TierLevel{{Name: "Registered"}, {Name: "Gold"}}},
	}
	res, err := engine.Compute(in)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Lines) != 2 {
		t.Fatalf("lines: got %d, want 2: %+v", len(res.Lines), res.Lines)
	}
	return res.Lines
}

// versionedFake adds the rule versions and counts the simulations.
type versionedFake struct {
	*fakeServices
	mu       sync.Mutex
	from     string
	fromProg engine.Program
	sims     int
}

func (v *versionedFake) SaveProgramFrom(p engine.Program, from string) (engine.Program, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	v.from, v.fromProg = from, p
	return p, nil
}

func (v *versionedFake) Simulate(p engine.Program, period string) (views.Simulation, error) {
	v.mu.Lock()
	v.sims++
	v.mu.Unlock()
	return v.fakeServices.Simulate(p, period)
}

// Changing an active program's rules asks from which period they count,
// and saves through SaveProgramFrom; the head alone saves in place.
func TestEditorAsksFromWhichPeriodForAnActiveProgram(t *testing.T) {
	w := newTestWindow(t)
	f := &versionedFake{fakeServices: newFakeServices()}
	s := NewProgramsScreen(w, f)
	s.wait()
	w.SetContent(s.Content())
	if s.current.Status != engine.ProgramActive {
		t.Fatalf("the fake's first program should be active, got %s", s.current.Status)
	}
	s.re.bands.SetText("0 2\n100000 6")
	s.onSave()
	test.Type(w.Canvas().Focused().(*widget.Entry), "2026-Q3")
	test.Tap(buttonIn(t, w, "Save"))
	s.wait()
	if f.from != "2026-Q3" || !f.fromProg.Rules[0].Rate.Bands[1].Rate.Equal(mustDec("6")) {
		t.Errorf("SaveProgramFrom got from %q, bands %+v", f.from, f.fromProg.Rules)
	}
	if len(f.saved) != 0 {
		t.Errorf("saved in place too: %+v", f.saved)
	}
	// A rate over 100 % of revenue asks first, and the answer is kept.
	s.re.bands.SetText("0 2\n100000 150")
	s.onSave()
	if !hasLabel(t, w, "more than 100 %") {
		t.Fatalf("no confirmation of a rate over 100 %%; labels %q", labelTexts(w))
	}
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyReturn}) // yes
	w.Canvas().Focused().(*widget.Entry).SetText("2026-Q3")
	test.Tap(buttonIn(t, w, "Save"))
	s.wait()
	if !f.fromProg.Rules[0].Rate.Confirmed {
		t.Errorf("the confirmed rate was not kept: %+v", f.fromProg.Rules[0].Rate)
	}
}

// The preview follows the edits once the typing pauses: several quick
// edits run one simulation, of the program as edited.
func TestEditorPreviewFollowsTheEdits(t *testing.T) {
	old := previewDelay
	previewDelay = 300 * time.Millisecond
	defer func() { previewDelay = old }()
	w := newTestWindow(t)
	f := &versionedFake{fakeServices: newFakeServices()}
	s := NewProgramsScreen(w, f)
	s.wait()
	w.SetContent(s.Content())
	s.simPeriod.SetText("2026-Q2")
	s.wait()
	f.sims = 0
	for _, name := range []string{"Rebate A", "Rebate B", "Rebate C"} {
		s.name.SetText(name)
	}
	s.wait()
	if f.sims != 1 || f.simFor != "Rebate C|2026-Q2" {
		t.Errorf("simulations %d of %q, want 1 of the last edit Rebate C|2026-Q2", f.sims, f.simFor)
	}
	// A wrong band stops the preview and says why beside the field.
	f.sims = 0
	s.re.bands.SetText("0 2\n0 4")
	s.wait()
	if f.sims != 0 || s.re.items["rate.bands"].HintText == noHint {
		t.Errorf("two bands from 0: %d simulations, hint %q", f.sims, s.re.items["rate.bands"].HintText)
	}
	// The reason is drawn under the field (Fyne draws a hint only for an
	// item that had one when first drawn).
	s.tabs.SelectIndex(1)
	drawn := false
	for _, o := range allObjects(w) {
		if tx, ok := o.(*canvas.Text); ok && tx.Visible() && strings.Contains(tx.Text, "bands must be sorted") {
			drawn = true
		}
	}
	if !drawn {
		t.Errorf("the bands' reason %q is not drawn", s.re.items["rate.bands"].HintText)
	}
}

// refsFake knows the company's tiers, SKUs and partners.
type refsFake struct{ *fakeServices }

func (refsFake) ProgramRefs() (engine.ProgramRefs, error) {
	return engine.ProgramRefs{Tiers: []string{"Silver", "Gold"}, SKUs: []string{"HW-1"}, Partners: []engine.ID{1, 2}}, nil
}

// A tier the ladder does not have is refused beside the field as it is
// typed, with the words a save uses (engine.CheckProgramRefs).
func TestEditorUnknownTierShownAsTyped(t *testing.T) {
	w := newTestWindow(t)
	s := NewProgramsScreen(w, refsFake{newFakeServices()})
	s.wait()
	w.SetContent(s.Content())
	s.re.multipliers.SetText("Gold: 1.2")
	if got := s.re.items["tier_multipliers"].HintText; got != noHint {
		t.Errorf("a known tier: hint %q", got)
	}
	s.re.multipliers.SetText("Gld: 1.2")
	if got := s.re.items["tier_multipliers"].HintText; !strings.Contains(got, "Gld") {
		t.Errorf("an unknown tier: hint %q, want one naming Gld", got)
	}
	s.elig.tiers.SetText("Platinum")
	if got := hintOf(s.form, "Tiers"); !strings.Contains(got, "Platinum") {
		t.Errorf("an unknown eligible tier: hint %q", got)
	}
}

func hintOf(f *widget.Form, label string) string {
	for _, it := range f.Items {
		if it.Text == label {
			return it.HintText
		}
	}
	return ""
}

// Every demo program (all nine kinds, bands per tier, matrices, caps,
// targets per partner) reads back from the editor unchanged, rule by
// rule: opening a program and saving it must not change what it pays.
func TestEditorRoundTripsEveryDemoProgram(t *testing.T) {
	w := newTestWindow(t)
	f := newFakeServices()
	s := NewProgramsScreen(w, f)
	s.wait()
	w.SetContent(s.Content())
	kinds := map[engine.RuleKind]bool{}
	for _, p := range demo.Generate(1, engine.MustDate("2026-06-30")).Programs {
		s.edit(p)
		for i := range p.Rules {
			s.showRule(i)
			kinds[p.Rules[i].Kind] = true
		}
		got, bad := s.readProgram()
		if len(bad) > 0 {
			t.Errorf("%s: problems reading it back: %v", p.Name, bad)
			continue
		}
		if a, b := mustExport(t, got), mustExport(t, p); a != b {
			t.Errorf("%s changed through the editor:\n%s\nwant\n%s", p.Name, a, b)
		}
	}
	if len(kinds) != len(engine.RuleKinds) {
		t.Errorf("the demo covers %d rule kinds, want all %d: %v", len(kinds), len(engine.RuleKinds), kinds)
	}
}
