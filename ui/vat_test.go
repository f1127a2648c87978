package ui

import (
	"testing"

	"fyne.io/fyne/v2"

	"partnerdesk/engine"
)

// TestPartnerFormTaxDetails: the partner form shows a stored partner's
// address and tax id, saves what is typed there, and shows the backend's
// refusal under the tax id field.
func TestPartnerFormTaxDetails(t *testing.T) {
	sc, fb, c := partnersOnShow(t)
	fb.partners[1].Address, fb.partners[1].TaxID = "Via Roma 1\nMilano", "IT01234567890"
	sc.edit(fb.partners[1])
	if sc.address.Text != "Via Roma 1\nMilano" || sc.taxID.Text != "IT01234567890" {
		t.Fatalf("form shows address %q tax id %q", sc.address.Text, sc.taxID.Text)
	}
	sc.address.SetText("Corso Como 1\n20154 Milano MI")
	sc.taxID.SetText("IT 0987 6543 210")
	shortcut(c, fyne.KeyS)
	p, _ := fb.Partner(fb.partners[1].ID)
	if p.Address != "Corso Como 1\n20154 Milano MI" || p.TaxID != "IT 0987 6543 210" {
		t.Errorf("stored address %q tax id %q", p.Address, p.TaxID)
	}
	fb.saveErr = engine.Invalid(PartnerTaxID, "the tax id holds a control character")
	shortcut(c, fyne.KeyS)
	if got := sc.fs.get(PartnerTaxID).Error(); got != "the tax id holds a control character" {
		t.Errorf("tax id note = %q, want the backend's reason", got)
	}
}

// TestSettingsCompanyTaxID: Settings shows and saves the company's tax id.
func TestSettingsCompanyTaxID(t *testing.T) {
	s, fb, w, _ := newTestShell(t)
	fb.company.TaxID = "IT11111111111"
	c := w.Canvas()
	shortcut(c, fyne.Key9)
	sc := s.Screen(ScreenSettings).(*settingsScreen)
	if sc.taxID.Text != "IT11111111111" {
		t.Fatalf("tax id on show = %q", sc.taxID.Text)
	}
	sc.taxID.SetText("IT22222222222")
	shortcut(c, fyne.KeyS)
	if fb.company.TaxID != "IT22222222222" || fb.company.Address != "Via Roma 1, Milano" {
		t.Errorf("stored tax id %q address %q", fb.company.TaxID, fb.company.Address)
	}
}
