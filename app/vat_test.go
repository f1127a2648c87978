package app_test

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// TestDemoInvoicesCarryTaxDetails: on the demo (a German company with a
// VAT id), every partner's invoice carries both tax ids and the partner's
// address; an Italian partner's carries the reverse-charge note, a German
// partner's does not; a partner whose tax id is removed gets no note. One
// foreign invoice is written to $PD_VAT_PDF when set, to be looked at.
func TestDemoInvoicesCarryTaxDetails(t *testing.T) {
	svc, st := invoiceDemo(t, filepath.Join(t.TempDir(), "pd.db"))
	defer st.Close()
	docs, err := svc.PayoutDocs(views.PayoutDocFilter{})
	if err != nil {
		t.Fatal(err)
	}
	byCountry := map[string]engine.ID{} // a payout of a partner of each country
	for _, d := range docs {
		if d.Kind == "" {
			continue
		}
		p, err := svc.ResolvePartner("P" + strconv.FormatUint(uint64(d.Payee.ID), 10))
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := byCountry[p.Country]; !ok {
			byCountry[p.Country] = d.PayoutID
		}
	}
	for country, want := range map[string]bool{"IT": true, "FR": true, "US": true, "DE": false} {
		id, ok := byCountry[country]
		if !ok {
			t.Fatalf("no payout to a partner in %s", country)
		}
		inv, err := svc.BuildInvoice(strconv.FormatUint(uint64(id), 10), "")
		if err != nil {
			t.Fatal(err)
		}
		if inv.Company.TaxID != "DE298765431" || inv.Supplier.TaxID == "" || inv.Supplier.Address == "" {
			t.Errorf("%s: invoice %s has company tax id %q, supplier tax id %q, address %q", country, inv.Number, inv.Company.TaxID, inv.Supplier.TaxID, inv.Supplier.Address)
		}
		if inv.ReverseCharge != want {
			t.Errorf("%s: invoice %s reverse charge %v, want %v", country, inv.Number, inv.ReverseCharge, want)
		}
		if path := os.Getenv("PD_VAT_PDF"); path != "" && country == "IT" {
			if _, err := svc.SaveInvoice(strconv.FormatUint(uint64(id), 10), "", path); err != nil {
				t.Fatal(err)
			}
		}
	}
	// Without the partner's tax id: no note, and nothing printed as an id.
	id := byCountry["IT"]
	inv, err := svc.BuildInvoice(strconv.FormatUint(uint64(id), 10), "")
	if err != nil {
		t.Fatal(err)
	}
	p, err := svc.ResolvePartner(inv.Supplier.Name)
	if err != nil {
		t.Fatal(err)
	}
	p.TaxID = ""
	if err := svc.SavePartner(p); err != nil {
		t.Fatal(err)
	}
	if inv, err = svc.BuildInvoice(strconv.FormatUint(uint64(id), 10), ""); err != nil {
		t.Fatal(err)
	}
	if inv.ReverseCharge || inv.Supplier.TaxID != "" {
		t.Errorf("without the partner's tax id: reverse charge %v, tax id %q", inv.ReverseCharge, inv.Supplier.TaxID)
	}
}
