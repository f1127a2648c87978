package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
)

func TestSettingsRoundTrip(t *testing.T) {
	s, fb, w, _ := newTestShell(t)
	c := w.Canvas()
	shortcut(c, fyne.Key9)
	sc := s.Screen(ScreenSettings).(*settingsScreen)
	if c.Focused() != sc.name {
		t.Fatalf("focus on show = %T, want the company name", c.Focused())
	}
	// What is stored is on show.
	if sc.name.Text != "Vendor Srl" || sc.currency.Text != "EUR" || sc.minor.Selected != "2" ||
		sc.fyStart.Selected != "January" || sc.lang.Selected != "Italiano" || sc.operator.Text != "Giulia" {
		t.Fatalf("form = %q %q %q %q %q %q, want the stored company", sc.name.Text, sc.currency.Text,
			sc.minor.Selected, sc.fyStart.Selected, sc.lang.Selected, sc.operator.Text)
	}
	sc.name.SetText("Vendor KK")
	sc.currency.SetText("JPY") // brings 0 minor units
	sc.fyStart.SetSelected("April")
	sc.lang.SetSelected("Deutsch")
	sc.operator.SetText("Kenji")
	shortcut(c, fyne.KeyS)
	got := fb.company
	if got.Name != "Vendor KK" || got.Currency.Code != "JPY" || got.Currency.MinorUnits != 0 ||
		got.FiscalYearStart != time.April || got.Language != "de" || got.Address != "Via Roma 1, Milano" {
		t.Errorf("stored company = %+v, want Vendor KK, JPY 0, April, de, address kept", got)
	}
	if fb.operator != "Kenji" {
		t.Errorf("operator = %q, want Kenji", fb.operator)
	}
	if got := w.Title(); got != "Partnerdesk — Vendor KK" {
		t.Errorf("window title = %q, want the new company name", got)
	}
	if got := s.operator.Text; got != "Operator: Kenji" {
		t.Errorf("status line operator = %q, want Operator: Kenji", got)
	}
	// Reloading shows the saved values.
	shortcut(c, fyne.KeyR)
	if sc.minor.Selected != "0" || sc.lang.Selected != "Deutsch" {
		t.Errorf("after reload minor %q lang %q, want 0 and Deutsch", sc.minor.Selected, sc.lang.Selected)
	}
	// A refusal goes under its field and nothing changes.
	sc.name.SetText("")
	shortcut(c, fyne.KeyS)
	if got := sc.fs.get(CompanyName).Error(); got != "A company needs a name." {
		t.Errorf("name note = %q, want the backend's reason", got)
	}
	if fb.company.Name != "Vendor KK" {
		t.Errorf("stored name = %q after a refused save, want Vendor KK", fb.company.Name)
	}
}
