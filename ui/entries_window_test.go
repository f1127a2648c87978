package ui_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/shopspring/decimal"

	"partnerdesk/app"
	"partnerdesk/data"
	"partnerdesk/engine"
	"partnerdesk/ui"
)

// These window tests live in ui (tested without the race detector, as
// Fyne's test driver is not race-clean) rather than in app, whose tests
// run under -race; they drive the real window over a real store.

// tiny is a store with one partner (Alpha Reseller), its rep Ada and one
// product LIC-1 at 100.00, the clock on today.
func tiny(t *testing.T, today string) *app.Service {
	t.Helper()
	st, err := data.Open(filepath.Join(t.TempDir(), "tiny.db"), data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	now := engine.MustDate(today).Time().Add(9 * time.Hour)
	svc := app.NewService(st, "tester", func() time.Time { return now })
	t.Cleanup(func() {
		if rep, err := st.Check(); err != nil || !rep.OK() {
			t.Errorf("check: %v %v", err, rep.Problems)
		}
		st.Close()
	})
	must(t, svc.SaveCompany(engine.Company{Name: "Tiny Vendor", Currency: engine.NewCurrency("EUR"), FiscalYearStart: time.January, Language: "en"}))
	p := engine.Partner{Name: "Alpha Reseller", Kind: engine.KindReseller, Status: engine.StatusActive, Joined: engine.MustDate("2025-01-01")}
	must(t, svc.SavePartner(&p))
	r := engine.Rep{PartnerID: p.ID, Name: "Ada", Role: "sales", Active: true}
	must(t, svc.SaveRep(&r))
	prod := engine.Product{SKU: "LIC-1", Name: "Licence", Category: "licence", ListPrice: decimal.NewFromInt(100)}
	must(t, svc.SaveProduct(&prod))
	return svc
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// storedSales returns the stored sales, newest first.
func storedSales(t *testing.T, svc *app.Service) []engine.Sale {
	t.Helper()
	rows, err := svc.RecentSales(100)
	must(t, err)
	var out []engine.Sale
	for _, r := range rows {
		out = append(out, r.Sale)
	}
	return out
}

// These tests drive the real window over the real store, from the
// keyboard only (runes, Tab, Enter, Escape, arrows, Delete), and assert
// what the store holds afterwards. Dialogs are Fyne's own: Enter answers
// yes and Escape no, as a person at the keyboard does.

// keyboard is a window on the service, typed at.
type keyboard struct {
	t *testing.T
	c fyne.Canvas
	s *ui.Shell
}

func openWindow(t *testing.T, svc *app.Service, screen string) *keyboard {
	t.Helper()
	a := test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	s := ui.NewShell(w, a, svc)
	w.SetContent(s.Content())
	w.Resize(fyne.NewSize(1280, 800))
	s.Show(screen)
	return &keyboard{t: t, c: w.Canvas(), s: s}
}

// typ types text into whatever has the keyboard.
func (k *keyboard) typ(text string) {
	k.t.Helper()
	f := k.c.Focused()
	if f == nil {
		k.t.Fatalf("type %q: nothing has the keyboard", text)
	}
	for _, r := range text {
		f.TypedRune(r)
	}
}

// key presses a key: the focused widget's, or the window's while a dialog
// is open and nothing in it has the keyboard.
func (k *keyboard) key(name fyne.KeyName) {
	k.t.Helper()
	ev := &fyne.KeyEvent{Name: name}
	if f := k.c.Focused(); f != nil {
		f.TypedKey(ev)
		return
	}
	if h := k.c.OnTypedKey(); h != nil {
		h(ev)
		return
	}
	k.t.Fatalf("key %s: nothing takes it", name)
}

func (k *keyboard) tab()         { test.FocusNext(k.c) }
func (k *keyboard) dialog() bool { return k.c.Overlays().Top() != nil }

// fields types each text and Tabs to the next field ("" Tabs over one).
func (k *keyboard) fields(texts ...string) {
	k.t.Helper()
	for i, text := range texts {
		if text != "" {
			k.typ(text)
		}
		if i < len(texts)-1 {
			k.tab()
		}
	}
}

// tabTo presses Tab until a widget of Go type typ has the keyboard.
func (k *keyboard) tabTo(typ string) {
	k.t.Helper()
	for i := 0; i < 60; i++ {
		if fmt.Sprintf("%T", k.c.Focused()) == typ {
			return
		}
		k.tab()
	}
	k.t.Fatalf("Tab never reaches a %s", typ)
}

func TestWindowTypesCorrectsAndRemovesSales(t *testing.T) {
	svc := tiny(t, "2026-07-20")
	k := openWindow(t, svc, ui.ScreenSales)
	// Partner, rep, customer, the two boxes, product; the quantity's 1 is
	// replaced by 2, the price is LIC-1's list price 100.00, the net left
	// to be computed, then the invoice and Enter.
	k.fields("alpha", "ada", "Rossi", "", "", "lic", "2", "", "", "INV-1")
	k.key(fyne.KeyReturn)
	ss := storedSales(t, svc)
	if len(ss) != 1 {
		t.Fatalf("stored %d sales, want 1", len(ss))
	}
	s1 := ss[0]
	if !s1.Quantity.Equal(decimal.NewFromInt(2)) || !s1.UnitPrice.Equal(decimal.NewFromInt(100)) || !s1.Net.Equal(decimal.NewFromInt(200)) ||
		s1.Invoice != "INV-1" || s1.Line != 1 || s1.RepID == 0 || s1.Customer != "Rossi" || s1.Date != engine.MustDate("2026-07-20") {
		t.Fatalf("stored sale = %+v, want 2 x 100.00 = 200 on INV-1 line 1 by Ada for Rossi today", s1)
	}

	// The same line again, from the rep on: asked; Escape says no and
	// stores nothing; Enter again and Enter in the dialog store it.
	k.fields("ada", "Rossi", "", "", "lic", "2", "", "", "INV-1")
	k.key(fyne.KeyReturn)
	if !k.dialog() {
		t.Fatal("a repeated line was not asked about")
	}
	k.key(fyne.KeyEscape)
	if n := len(storedSales(t, svc)); n != 1 || k.dialog() {
		t.Fatalf("after No: %d sales, dialog open %v; want 1 and the dialog closed", n, k.dialog())
	}
	k.key(fyne.KeyReturn)
	k.key(fyne.KeyReturn)
	ss = storedSales(t, svc)
	if len(ss) != 2 || ss[0].Line != 2 {
		t.Fatalf("after Yes: %+v, want a second sale on line 2", ss)
	}

	// Correct the first sale from the list: Down twice chooses it (the
	// older), Enter loads it, the cursor on the quantity: 3, Enter.
	k.tabTo("*ui.keyTable")
	k.key(fyne.KeyDown)
	k.key(fyne.KeyDown)
	k.key(fyne.KeyReturn)
	k.typ("3")
	k.key(fyne.KeyReturn)
	ss = storedSales(t, svc)
	if len(ss) != 2 || ss[1].ID != s1.ID || !ss[1].Quantity.Equal(decimal.NewFromInt(3)) || !ss[1].Net.Equal(decimal.NewFromInt(300)) {
		t.Fatalf("after the correction: %+v, want sale %d at 3 x 100 = 300", ss, s1.ID)
	}
	es, err := svc.AuditOf("sale", s1.ID, 3)
	must(t, err)
	if len(es) == 0 || es[0].Action != "update" || !strings.Contains(string(es[0].Before), `"quantity":"2"`) || !strings.Contains(string(es[0].After), `"quantity":"3"`) {
		t.Errorf("audit = %+v, want the update with quantity 2 before and 3 after", es)
	}

	// Remove the repeated line: Delete, then Enter in the dialog.
	k.tabTo("*ui.keyTable")
	k.key(fyne.KeyUp)
	k.key(fyne.KeyUp)
	k.key(fyne.KeyDelete)
	if !k.dialog() {
		t.Fatal("removal was not confirmed")
	}
	k.key(fyne.KeyReturn)
	ss = storedSales(t, svc)
	if len(ss) != 1 || ss[0].ID != s1.ID {
		t.Errorf("after removal: %+v, want only sale %d", ss, s1.ID)
	}
}

func TestWindowDecidesRegistrations(t *testing.T) {
	svc := tiny(t, "2026-07-20")
	k := openWindow(t, svc, ui.ScreenEntries)
	// Partner, rep, customer, value, Enter.
	k.fields("alpha", "ada", "Globex", "12000")
	k.key(fyne.KeyReturn)
	rs, err := svc.Registrations()
	must(t, err)
	if len(rs) != 1 || rs[0].Decision != engine.DecisionPending || !rs[0].ExpectedValue.Equal(decimal.NewFromInt(12000)) {
		t.Fatalf("stored registrations = %+v, want one pending of 12,000", rs)
	}
	id := rs[0].ID
	// Letters typed in a field go to the field.
	k.typ("a")
	k.tabTo("*ui.keyTable")
	k.key(fyne.KeyDown)
	k.typ("w") // not from pending: refused with no question
	if k.dialog() {
		t.Fatal("W on a pending registration asked a question")
	}
	k.typ("a")
	if !k.dialog() {
		t.Fatal("approval was not confirmed")
	}
	k.key(fyne.KeyReturn)
	k.typ("l")
	k.key(fyne.KeyEscape) // no: it stays open
	g, err := svc.Registrations()
	must(t, err)
	if g[0].Decision != engine.DecisionApproved || g[0].DecidedBy != "tester" || g[0].DecidedOn != engine.MustDate("2026-07-20") || g[0].Outcome != engine.OutcomeOpen {
		t.Fatalf("after A and L-no: %+v, want approved by tester on 2026-07-20, outcome open", g[0])
	}
	k.typ("l")
	k.key(fyne.KeyReturn)
	k.typ("w") // nothing after an outcome
	if k.dialog() {
		t.Fatal("W after an outcome asked a question")
	}
	g, err = svc.Registrations()
	must(t, err)
	if g[0].ID != id || g[0].Outcome != engine.OutcomeLost || g[0].OutcomeBy != "tester" || g[0].OutcomeOn != engine.MustDate("2026-07-20") {
		t.Errorf("stored = %+v, want lost by tester on 2026-07-20", g[0])
	}
	q, err := svc.RegistrationQueue()
	must(t, err)
	if len(q) != 0 {
		t.Errorf("queue = %+v, want nothing waiting", q)
	}
}
