package app_test

import (
	"testing"

	"partnerdesk/engine"
)

// The program editor's pickers offer the company's products by SKU, their
// categories once each, its partners and the ladder's levels lowest first.
func TestProgramChoices(t *testing.T) {
	svc := tiny(t, "2026-07-05")
	must(t, svc.SaveProduct(&engine.Product{SKU: "ADD-1", Name: "Add-on", Category: "Licence"})) // the same category, another case
	_, err := svc.ImportLadder([]byte(`{"format":"partnerdesk-tier-ladder","version":1,"levels":[{"name":"Registered","criteria":{}},{"name":"Gold","criteria":{"revenue":"1000"}}]}`))
	must(t, err)
	c, err := svc.ProgramChoices()
	must(t, err)
	if len(c.Products) != 2 || c.Products[0].SKU != "ADD-1" || c.Products[1].SKU != "LIC-1" || c.Products[1].Name != "Licence" {
		t.Errorf("products %+v", c.Products)
	}
	if len(c.Categories) != 1 {
		t.Errorf("categories %v, want one (licence and Licence are the same)", c.Categories)
	}
	if len(c.Partners) != 1 || c.Partners[0].Name != "Alpha Reseller" || c.Partners[0].ID == 0 {
		t.Errorf("partners %+v", c.Partners)
	}
	if len(c.Tiers) != 2 || c.Tiers[0] != "Registered" || c.Tiers[1] != "Gold" {
		t.Errorf("tiers %v", c.Tiers)
	}
}
