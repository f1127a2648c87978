package reports_test

import (
	"bytes"
	"strings"
	"testing"

	"partnerdesk/reports"
)

// invoiceText prints inv and returns its text, no-break spaces as spaces.
func invoiceText(t *testing.T, inv *reports.Invoice) string {
	t.Helper()
	var b bytes.Buffer
	if err := reports.WriteInvoicePDF(&b, inv); err != nil {
		t.Fatal(err)
	}
	path := t.TempDir() + "/inv.pdf"
	if err := writeFile(path, b.Bytes()); err != nil {
		t.Fatal(err)
	}
	return strings.NewReplacer("\u202f", " ", "\u00a0", " ").Replace(strings.Join(pdftotext(t, path), "\n"))
}

// squash removes all white space: pdftotext may break a wrapped sentence
// anywhere and lays the two parties' columns side by side.
func squash(s string) string { return strings.Join(strings.Fields(s), "") }

// TestInvoiceTaxDetails: in every language a self-billed invoice prints
// both parties' tax ids and the supplier's address; the reverse-charge
// sentence, in the document's language, only when the invoice says so;
// a supplier without a tax id reads "not given" in that language.
func TestInvoiceTaxDetails(t *testing.T) {
	for _, lang := range []string{"en", "it", "fr", "nl", "id", "de", "es"} {
		inv := invoiceFixture(lang)
		inv.Company.TaxID = "DE298765431"
		inv.Supplier.Address = "Jl. Jend. Sudirman Kav. 52-53\nJakarta Selatan 12190\nIndonesia"
		inv.Supplier.TaxID = "01.234.567.8-012.000"
		inv.ReverseCharge = true
		text := squash(invoiceText(t, inv))
		rc := squash(reports.Label(lang, "inv_reverse_charge"))
		for _, want := range []string{squash(reports.Label(lang, "inv_tax_id")) + ":DE298765431", squash(reports.Label(lang, "inv_tax_id")) + ":01.234.567.8-012.000",
			"Jl.Jend.SudirmanKav.52-53", "JakartaSelatan12190", rc} {
			if !strings.Contains(text, want) {
				t.Errorf("%s: the foreign partner's invoice does not print %q", lang, want)
			}
		}
		pages, err := reports.InvoicePages(inv)
		if err != nil || len(pages) != 1 {
			t.Errorf("%s: %d pages (%v), want 1", lang, len(pages), err)
		}

		// Domestic, and without the supplier's tax id: no note, the gap shown.
		inv = invoiceFixture(lang)
		inv.Company.TaxID = "DE298765431"
		text = squash(invoiceText(t, inv))
		if strings.Contains(text, rc) {
			t.Errorf("%s: an invoice without reverse charge prints the note", lang)
		}
		if want := squash(reports.Label(lang, "inv_tax_id") + ": " + reports.Label(lang, "inv_not_given")); !strings.Contains(text, want) {
			t.Errorf("%s: a supplier without a tax id does not read %q", lang, want)
		}
	}
	// The fingerprint covers what is new on the document.
	a, b := invoiceFixture("en"), invoiceFixture("en")
	b.Supplier.TaxID = "IT01234567890"
	c := invoiceFixture("en")
	c.ReverseCharge = true
	if a.ComputeFingerprint() == b.ComputeFingerprint() || a.ComputeFingerprint() == c.ComputeFingerprint() {
		t.Error("the fingerprint ignores the tax id or the reverse-charge note")
	}
}
