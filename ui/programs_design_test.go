package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// designFake adds to the fake services what the program designer asks:
// the choices to pick by typing, and the golden examples computed and
// checked on save as the application does (engine.RunExamples and
// engine.CheckExamples, the company in EUR).
type designFake struct {
	*fakeServices
}

var designCompany = engine.Company{Name: "Vendor", Currency: engine.NewCurrency("EUR"), FiscalYearStart: time.January}

func (designFake) ProgramChoices() (views.ProgramChoices, error) {
	return views.ProgramChoices{
		Products: []views.ProductChoice{
			{SKU: "HW-1", Name: "Box", Category: "hardware"},
			{SKU: "SW-1", Name: "Hardware cloud", Category: "software"},
			{SKU: "HW-2", Name: "Big box", Category: "hardware"},
		},
		Categories: []string{"hardware", "software"},
		Partners:   []views.PartnerChoice{{ID: 7, Name: "Acme, Inc.", Code: "ACME"}, {ID: 9, Name: "Zeta Srl", Code: "ZED"}},
		Tiers:      []string{"Registered", "Silver", "Gold"},
	}, nil
}

func (designFake) RunProgramExamples(p engine.Program) ([]engine.ExampleResult, error) {
	return engine.RunExamples(p, designCompany)
}

func (f designFake) SaveProgram(p engine.Program) (engine.Program, error) {
	if err := engine.CheckExamples(p, designCompany); err != nil {
		return p, err
	}
	return f.fakeServices.SaveProgram(p)
}

func newDesignTest(t *testing.T) (fyne.Window, designFake, *ProgramsScreen) {
	t.Helper()
	old := previewDelay
	previewDelay = 20 * time.Millisecond
	t.Cleanup(func() { previewDelay = old })
	w := newTestWindow(t)
	f := designFake{newFakeServices()}
	s := NewProgramsScreen(w, f)
	s.wait()
	w.SetContent(s.Content())
	s.tabs.SelectIndex(1)
	return w, f, s
}

// typeInto types text into a picker as the keyboard does, the field
// already focused (test.Type would focus it again each time).
func typeInto(p *listPicker, text string) {
	for _, r := range text {
		p.TypedRune(r)
	}
}

// Issue 14: SKUs, categories, partners and tiers are picked by typing a
// few letters; a SKU or value that starts with them ranks first.
func TestEditorPicksByTyping(t *testing.T) {
	_, _, s := newDesignTest(t)
	// "h": HW-1 and HW-2 (SKUs starting with h) before SW-1 (whose name,
	// Hardware cloud, starts with h).
	typeInto(s.re.skus, "h")
	if got := s.re.skus.item.HintText; !strings.HasPrefix(got, "▸ HW-1 Box") || strings.Index(got, "HW-2") > strings.Index(got, "SW-1") {
		t.Fatalf("suggestions for h: %q, want HW-1 then HW-2 before SW-1", got)
	}
	pressKey(s.re.skus.completionEntry, fyne.KeyDown) // HW-2
	pressKey(s.re.skus.completionEntry, fyne.KeyReturn)
	typeInto(s.re.skus, ", cloud") // by the product's name
	s.re.skus.FocusLost()          // Tab takes the highlighted choice
	if got := s.re.skus.Text; got != "HW-2, SW-1" {
		t.Errorf("SKUs picked: %q, want HW-2, SW-1", got)
	}
	if got := s.re.skus.item.HintText; got != noHint {
		t.Errorf("SKUs hint after the pick: %q", got)
	}
	typeInto(s.re.categories, "SOFT")
	pressKey(s.re.categories.completionEntry, fyne.KeyReturn)
	typeInto(s.elig.tiers, "go")
	pressKey(s.elig.tiers.completionEntry, fyne.KeyReturn)
	// A partner by its code; its name may hold a comma.
	typeInto(s.elig.partners, "acm")
	pressKey(s.elig.partners.completionEntry, fyne.KeyReturn)
	typeInto(s.elig.partners, ", zeta")
	pressKey(s.elig.partners.completionEntry, fyne.KeyReturn)
	if got := s.elig.partners.Text; got != "7 (Acme, Inc.), 9 (Zeta Srl)" {
		t.Errorf("partners picked: %q", got)
	}
	p, bad := s.readProgram()
	if len(bad) > 0 {
		t.Fatalf("problems: %v", bad)
	}
	r := p.Rules[0]
	if strings.Join(r.Filter.SKUs, ",") != "HW-2,SW-1" || strings.Join(r.Filter.Categories, ",") != "software" ||
		strings.Join(p.Eligibility.Tiers, ",") != "Gold" || len(p.Eligibility.Partners) != 2 || p.Eligibility.Partners[0] != 7 || p.Eligibility.Partners[1] != 9 {
		t.Errorf("read back: skus %v categories %v tiers %v partners %v", r.Filter.SKUs, r.Filter.Categories, p.Eligibility.Tiers, p.Eligibility.Partners)
	}
	// A program's own text is not changed by passing through its field:
	// "HW" stays "HW" though HW-1 starts with it.
	s.re.skus.SetList("HW")
	s.re.skus.FocusLost()
	if s.re.skus.Text != "HW" {
		t.Errorf("a loaded SKU list changed on focus loss: %q", s.re.skus.Text)
	}
	// A name typed whole reads as that partner; an unknown one is refused
	// beside the field.
	s.elig.partners.SetList("Zeta Srl")
	if p, bad := s.readProgram(); len(bad) > 0 || len(p.Eligibility.Partners) != 1 || p.Eligibility.Partners[0] != 9 {
		t.Errorf("a partner by name: %v %v", p.Eligibility.Partners, bad)
	}
	s.elig.partners.SetList("Nobody")
	s.onEdited()
	if got := hintOf(s.form, "Partners"); !strings.Contains(got, `"Nobody" is not a partner`) {
		t.Errorf("an unknown partner: hint %q", got)
	}
}

// Issue 14: golden examples are added, edited and removed beside the rule
// editor; each is computed as it is typed, and a failing one blocks the
// save with the expected and the computed figures side by side.
//
// The fake's rebate: 2 % from 0, 5 % from 100,000, retroactive. 120,000
// reaches the second band: 5 % x 120,000 = 6,000.00.
func TestEditorGoldenExamples(t *testing.T) {
	_, f, s := newDesignTest(t)
	s.side.SelectIndex(1)
	test.Tap(buttonIn(t, s.win, "Add example"))
	if s.side.SelectedIndex() != 1 || len(s.draft.Examples) != 1 || s.ex.expect.Text != "rebate: " {
		t.Fatalf("after Add example: tab %d, %d examples, expect %q", s.side.SelectedIndex(), len(s.draft.Examples), s.ex.expect.Text)
	}
	s.ex.name.SetText("120,000 in a quarter")
	test.Type(s.ex.sales, "120000")
	test.Type(s.ex.expect, "5000") // after the key the form wrote
	if s.ex.expect.Text != "rebate: 5000" {
		t.Fatalf("expected %q", s.ex.expect.Text)
	}
	s.wait()
	if len(s.ex.results) != 1 || s.ex.results[0].Pass {
		t.Fatalf("results %+v, want one failing", s.ex.results)
	}
	want, got := s.exampleFigures(s.ex.results[0])
	if want != "5,000.00" || got != "6,000.00" {
		t.Errorf("expected %q computed %q, want 5,000.00 beside 6,000.00", want, got)
	}
	if !strings.Contains(s.ex.status.Text, "1 of 1 expectations fail") {
		t.Errorf("status %q", s.ex.status.Text)
	}
	// The save is refused, the reason beside the Expected field.
	s.onSave()
	s.wait()
	if len(f.saved) != 0 {
		t.Fatalf("a failing example was saved: %+v", f.saved)
	}
	if hint := s.ex.items["expect"].HintText; !strings.Contains(hint, "should pay 5000.00 EUR") || !strings.Contains(hint, "computes 6000.00 EUR") {
		t.Errorf("Expected hint %q, want expected and computed side by side", hint)
	}
	// Corrected, it passes and is saved in the program file's examples.
	s.ex.expect.SetText("rebate: 6000")
	s.wait()
	if len(s.ex.results) != 1 || !s.ex.results[0].Pass {
		t.Fatalf("after the fix: %+v", s.ex.results)
	}
	s.onSave()
	s.wait()
	if len(f.saved) != 1 {
		t.Fatalf("saves %d (problems %q)", len(f.saved), s.editorProblems.Text)
	}
	ex := f.saved[0].Examples
	if len(ex) != 1 || ex[0].Name != "120,000 in a quarter" || !ex[0].Sales.Equal(mustDec("120000")) || ex[0].Expect[0].Rule != "rebate" ||
		!ex[0].Expect[0].Amount.Decimal.Equal(mustDec("6000")) {
		t.Errorf("saved examples %+v", ex)
	}
	if !strings.Contains(mustExport(t, f.saved[0]), `"examples"`) {
		t.Error("the examples are not in the program file")
	}
	// A second example with points and a tier, then removed.
	s.edit(f.saved[0])
	test.Tap(buttonIn(t, s.win, "Add example"))
	typeInto(s.ex.tier, "Gol")
	pressKey(s.ex.tier.completionEntry, fyne.KeyReturn)
	s.ex.expect.SetText("rebate: 0 and 3 points")
	e, bad := s.readExample()
	if len(bad) > 0 || e.Tier != "Gold" || e.Expect[0].Points == nil || *e.Expect[0].Points != 3 || !e.Expect[0].Amount.Decimal.IsZero() {
		t.Errorf("read example %+v %v", e, bad)
	}
	test.Tap(buttonIn(t, s.win, "Remove example"))
	if p, _ := s.readProgram(); len(p.Examples) != 1 || p.Examples[0].Name != "120,000 in a quarter" {
		t.Errorf("after Remove: %+v", p.Examples)
	}
}

// Issue 14: the band designer draws payout against basis under both
// readings side by side, marks each cliff, and warns about gaps, overlaps
// and a first band not starting at 0.
//
// The fake's rebate, 2 % from 0 and 5 % from 100,000, retroactive: one
// euro below 100,000 pays 2 % x 99,999 = 1,999.98, at 100,000 5 % =
// 5,000.00: a cliff of 3,000.02. Marginal: 1,999.98 then 2,000.00, none.
func TestEditorBandDesigner(t *testing.T) {
	w, _, s := newDesignTest(t)
	s.side.SelectIndex(2)
	d := s.bd.design
	if len(d.Cliffs) != 1 || d.Cliffs[0].Mode != engine.Retroactive || !d.Cliffs[0].Jump.Equal(mustDec("3000.02")) {
		t.Fatalf("cliffs %+v", d.Cliffs)
	}
	if !strings.Contains(s.bd.note.Text, "Cliff at 100,000 (retroactive)") || !strings.Contains(s.bd.note.Text, "+€3,000.02") && !strings.Contains(s.bd.note.Text, "3,000.02") {
		t.Errorf("note %q", s.bd.note.Text)
	}
	// The retroactive chart marks the cliff with a red dot; the marginal
	// one has none.
	w.Resize(fyne.NewSize(1280, 800))
	if n := cliffDots(s.bd.retro); n != 1 {
		t.Errorf("retroactive chart: %d cliff dots, want 1", n)
	}
	if n := cliffDots(s.bd.marg); n != 0 {
		t.Errorf("marginal chart: %d cliff dots, want 0", n)
	}
	// A first band from 100 and two bands from 5,000: a gap and an overlap.
	s.re.bands.SetText("100 2\n5000 3\n5000 4")
	note := s.bd.note.Text
	for _, want := range []string{"Problem, band 1", "a gap", "Problem, band 3", "an overlap"} {
		if !strings.Contains(note, want) {
			t.Errorf("note lacks %q: %q", want, note)
		}
	}
	// Bands per tier have their own table to draw.
	s.re.tierBands.SetText("Gold: 0 3; 50000 6")
	if len(s.bd.table.Options) != 2 || s.bd.table.Options[1] != "Bands for Gold" {
		t.Fatalf("tables %v", s.bd.table.Options)
	}
	s.bd.table.SetSelectedIndex(1)
	if d := s.bd.design; len(d.Cliffs) != 1 || !d.Cliffs[0].From.Equal(mustDec("50000")) {
		t.Errorf("Gold's cliffs %+v", d.Cliffs)
	}
	// A flat rate has nothing to draw, and says so.
	s.re.bands.SetText("")
	s.re.tierBands.SetText("")
	s.re.rate.SetText("3")
	if !strings.Contains(s.bd.note.Text, "no bands") {
		t.Errorf("flat rate note %q", s.bd.note.Text)
	}
}

// cliffDots counts the red dots a band chart draws.
func cliffDots(c *bandChart) int {
	r := test.WidgetRenderer(c)
	n := 0
	for _, o := range r.Objects() {
		if _, ok := o.(*canvas.Circle); ok {
			n++
		}
	}
	return n
}

// The rule editor's list pickers rank with the one picker rule
// (matchRank): "ess" offers NL-ESS-LIC (a SKU part starting with it) and
// a product named "Essentials" before NL-CLOUD-PRO, whose name only
// contains it ("Professional").
func TestListPickerRanksLikeEveryPicker(t *testing.T) {
	p := &listPicker{typed: true, choices: func() []pickChoice {
		return []pickChoice{
			{Value: "NL-CLOUD-PRO", Label: "Cloud Professional"},
			{Value: "NL-ESS-LIC", Label: "Licence"},
			{Value: "NL-BOX", Label: "Box", Also: []string{"Nordlicht Essentials"}},
		}
	}}
	got := p.options("ess")
	var order []string
	for _, o := range got {
		order = append(order, o.Text)
	}
	if strings.Join(order, " ") != "NL-ESS-LIC NL-BOX NL-CLOUD-PRO" {
		t.Fatalf("order for ess: %v, want NL-ESS-LIC NL-BOX NL-CLOUD-PRO", order)
	}
}
