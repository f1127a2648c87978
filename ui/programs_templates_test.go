package ui

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"partnerdesk/app"
	"partnerdesk/data"
	"partnerdesk/engine"
)

// The services a window on a real company has: the screen is tested here
// against *app.Service itself, so that "already valid" means what the
// application checks, not what a fake says.
var (
	_ ProgramTemplateService = (*app.Service)(nil)
	_ ProgramExampleService  = (*app.Service)(nil)
	_ ProgramChoicesService  = (*app.Service)(nil)
	_ ProgramRefsService     = (*app.Service)(nil)
)

// templateCompany opens a new company in EUR with a ladder, a
// subscription product and a partner: what every template may name.
func templateCompany(t *testing.T) *app.Service {
	t.Helper()
	st, err := data.Open(filepath.Join(t.TempDir(), "templates.db"), data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	now := engine.MustDate("2026-07-15").Time().Add(9 * time.Hour)
	svc := app.NewService(st, "tester", func() time.Time { return now })
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(svc.SaveCompany(engine.Company{Name: "Vendor", Currency: engine.NewCurrency("EUR"), FiscalYearStart: time.January, Language: "en"}))
	must(svc.SaveProduct(&engine.Product{SKU: "CLOUD-M", Name: "Cloud monthly", Category: "software", Subscription: true, ListPrice: decimal.NewFromInt(49)}))
	must(svc.SavePartner(&engine.Partner{Name: "Acme Srl", Kind: engine.KindReseller, Status: engine.StatusActive, Joined: engine.MustDate("2025-01-01")}))
	_, err = svc.ImportLadder([]byte(`{"format":"partnerdesk-tier-ladder","version":1,"levels":[{"name":"Registered","criteria":{}},{"name":"Gold","criteria":{"revenue":"100000"}}]}`))
	must(err)
	return svc
}

// Issue 14: "New from template" lists every template; the one chosen opens
// in the editor as a new draft that is valid as it stands (no problem
// beside any field, its golden examples passing), and Save stores it.
func TestNewFromTemplateOpensValid(t *testing.T) {
	old := previewDelay
	previewDelay = 10 * time.Millisecond
	defer func() { previewDelay = old }()
	svc := templateCompany(t)
	w := newTestWindow(t)
	s := NewProgramsScreen(w, svc)
	s.wait()
	w.SetContent(s.Content())
	if buttonIn(t, w, "New from template…") == nil {
		t.Fatal("no New from template button")
	}
	list := svc.ProgramTemplateList()
	if len(list) != len(app.ProgramTemplates()) || len(list) < 11 {
		t.Fatalf("%d templates listed", len(list))
	}
	for _, tp := range list {
		s.openTemplate(svc, tp, 0)
		s.wait()
		if s.current.ID != 0 || s.tabs.SelectedIndex() != 1 || s.name.Text != tp.Title {
			t.Errorf("%s: opened as id %d, tab %d, name %q", tp.Name, s.current.ID, s.tabs.SelectedIndex(), s.name.Text)
			continue
		}
		p, ok := s.validateDraft()
		if !ok || strings.TrimSpace(s.editorProblems.Text) != "" {
			t.Errorf("%s: not valid as it opens: %q", tp.Name, s.editorProblems.Text)
		}
		if p.Status != engine.ProgramDraft || len(p.Examples) == 0 {
			t.Errorf("%s: status %s, %d examples", tp.Name, p.Status, len(p.Examples))
		}
		if len(s.ex.results) == 0 {
			t.Errorf("%s: the examples were not computed", tp.Name)
		}
		for _, r := range s.ex.results {
			if !r.Pass {
				t.Errorf("%s: example %q fails: %+v", tp.Name, r.Example, r)
			}
		}
	}
	// The volume rebate, saved, is stored as a draft with its examples and
	// the top tier's multiplier; a second one gets a name of its own.
	for i := range 2 {
		s.openTemplate(svc, list[len(list)-2], 0)
		s.wait()
		s.onSave()
		s.wait()
		if s.current.ID == 0 {
			t.Fatalf("save %d: not saved (problems %q)", i, s.editorProblems.Text)
		}
	}
	ps, err := svc.Programs()
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]engine.Program{}
	for _, p := range ps {
		names[p.Name] = p
	}
	p, ok := names["Volume rebate"]
	if !ok || names["Volume rebate (2)"].ID == 0 || p.Status != engine.ProgramDraft || len(p.Examples) != 2 || !p.Rules[0].TierMultipliers["Gold"].Equal(decimal.RequireFromString("1.2")) {
		t.Errorf("stored: %v", names)
	}
}
