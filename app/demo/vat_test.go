package demo_test

import (
	"strings"
	"testing"

	"partnerdesk/engine"
)

// TestGenerateTaxDetails: the demo company has a VAT id naming its country
// (DE), and every partner a postal address of three lines ending in a
// country and a tax id, both as the record check would store them; partners
// outside Germany get the reverse-charge note, German ones do not.
func TestGenerateTaxDetails(t *testing.T) {
	co := generated.Company
	if engine.TaxIDCountry(co.TaxID) != "DE" {
		t.Errorf("company tax id %q does not name DE", co.TaxID)
	}
	foreign, domestic := 0, 0
	for _, p := range generated.Partners {
		q := p
		if e := engine.CheckAddress("address", &q.Address); e != nil || q.Address != p.Address || strings.Count(p.Address, "\n") != 2 {
			t.Errorf("%s: address %q (%v)", p.Name, p.Address, e)
		}
		if e := engine.CheckTaxID("tax_id", &q.TaxID); e != nil || q.TaxID != p.TaxID || p.TaxID == "" {
			t.Errorf("%s: tax id %q (%v)", p.Name, p.TaxID, e)
		}
		if engine.ReverseCharge(co, p) != (p.Country != "DE") {
			t.Errorf("%s in %s: reverse charge %v", p.Name, p.Country, engine.ReverseCharge(co, p))
		}
		if p.Country == "DE" {
			domestic++
		} else {
			foreign++
		}
	}
	if foreign == 0 || domestic == 0 {
		t.Errorf("%d foreign and %d domestic partners: the demo shows only one kind of invoice", foreign, domestic)
	}
}
