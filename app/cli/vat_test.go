package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"partnerdesk/engine"
)

// partnersJSON lists the stored partners through the command line.
func partnersJSON(t *testing.T, db string) map[string]engine.Partner {
	t.Helper()
	code, out, errs := run(t, db, "partners", "--format", "json")
	if code != 0 {
		t.Fatalf("partners: exit %d %s", code, errs)
	}
	var ps []engine.Partner
	if err := json.Unmarshal([]byte(out), &ps); err != nil {
		t.Fatalf("partners json: %v\n%s", err, out)
	}
	m := map[string]engine.Partner{}
	for _, p := range ps {
		m[p.Name] = p
	}
	return m
}

// TestCLIPartnerAndCompanyTaxDetails: partner-add and partner-set store a
// partner's address and tax id (normalised), refuse a bad one naming the
// field and change nothing; company --tax-id sets and "-" clears the
// company's; the partners import reads the optional address and tax_id
// columns, and the template carries them.
func TestCLIPartnerAndCompanyTaxDetails(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "cli.db")
	if code, _, errs := run(t, db, "init", "--company", "Nordlicht GmbH"); code != 0 {
		t.Fatal(errs)
	}
	if code, _, errs := run(t, db, "partner-add", "--name", "Acme Srl", "--kind", "reseller", "--country", "IT",
		"--address", `Via Roma 12\n20121 Milano MI`, "--tax-id", "it 0123 4567 890"); code != 0 {
		t.Fatalf("partner-add: %s", errs)
	}
	p := partnersJSON(t, db)["Acme Srl"]
	if p.Address != "Via Roma 12\n20121 Milano MI" || p.TaxID != "IT01234567890" {
		t.Errorf("partner-add stored address %q tax id %q", p.Address, p.TaxID)
	}
	// A refused change writes nothing.
	code, _, errs := run(t, db, "partner-set", "Acme Srl", "--tax-id", "IT0123\x00", "--address", "Corso Como 1")
	if code != 1 || !strings.Contains(errs, "tax_id") {
		t.Errorf("partner-set with NUL: exit %d %q, want 1 naming tax_id", code, errs)
	}
	if p := partnersJSON(t, db)["Acme Srl"]; p.Address != "Via Roma 12\n20121 Milano MI" {
		t.Errorf("a refused partner-set changed the address to %q", p.Address)
	}
	if code, _, errs := run(t, db, "partner-set", "Acme Srl", "--address", "Corso Como 1\\n20154 Milano MI\\nItalia", "--tax-id", ""); code != 0 {
		t.Fatalf("partner-set: %s", errs)
	}
	if p := partnersJSON(t, db)["Acme Srl"]; p.Address != "Corso Como 1\n20154 Milano MI\nItalia" || p.TaxID != "" || p.Country != "IT" {
		t.Errorf("partner-set stored %q %q %q", p.Address, p.TaxID, p.Country)
	}
	if code, out, errs := run(t, db, "partner", "Acme Srl"); code != 0 || !strings.Contains(out, "address: Corso Como 1, 20154 Milano MI, Italia; tax id: (not given)\n") {
		t.Errorf("partner: exit %d %q %q", code, out, errs)
	}
	if code, _, _ := run(t, db, "partner-set", "Acme Srl"); code != 2 {
		t.Errorf("partner-set without a flag: exit %d, want 2", code)
	}
	code, out, errs := run(t, db, "company", "--tax-id", "de 298 765 431")
	if code != 0 || !strings.Contains(out, "tax id:      DE298765431") {
		t.Errorf("company --tax-id: exit %d %q %q", code, out, errs)
	}
	if code, out, _ := run(t, db, "company", "--tax-id", "-"); code != 0 || !strings.Contains(out, "tax id:      \n") {
		t.Errorf("company --tax-id -: exit %d %q", code, out)
	}
	if code, _, errs := run(t, db, "company", "--tax-id", strings.Repeat("9", 31)); code != 1 || !strings.Contains(errs, "tax_id") {
		t.Errorf("company with a 31-character tax id: exit %d %q", code, errs)
	}

	// The import: optional columns, a multi-line address in a quoted cell.
	f := filepath.Join(dir, "partners.csv")
	csv := "name,kind,country,address,tax_id\n" +
		"Beta BV,msp,NL,\"Keizersgracht 100\n1015 CV Amsterdam\",nl 1234 5678 9B01\n" +
		"Gamma GmbH,var,DE,,\n"
	if err := os.WriteFile(f, []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := run(t, db, "import", "partners", f); code != 0 {
		t.Fatalf("import: %s", errs)
	}
	ps := partnersJSON(t, db)
	if b := ps["Beta BV"]; b.Address != "Keizersgracht 100\n1015 CV Amsterdam" || b.TaxID != "NL123456789B01" {
		t.Errorf("imported Beta BV with address %q tax id %q", b.Address, b.TaxID)
	}
	if g := ps["Gamma GmbH"]; g.Address != "" || g.TaxID != "" {
		t.Errorf("imported Gamma GmbH with address %q tax id %q", g.Address, g.TaxID)
	}
	bad := filepath.Join(dir, "bad.csv")
	if err := os.WriteFile(bad, []byte("name,kind,tax_id\nDelta SA,var,"+strings.Repeat("X", 40)+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := run(t, db, "import", "partners", bad); code != 1 || !strings.Contains(errs, "tax_id") {
		t.Errorf("import of a 40-character tax id: exit %d %q", code, errs)
	}
	if _, ok := partnersJSON(t, db)["Delta SA"]; ok {
		t.Error("a refused import stored Delta SA")
	}
	code, out, errs = run(t, db, "template", "partners")
	if code != 0 {
		t.Errorf("template: exit %d %q", code, errs)
	}
	if !strings.Contains(strings.SplitN(out, "\n", 2)[0], ",address,tax_id") || !strings.Contains(out, "IT01234567890") {
		t.Errorf("the partners template lacks the address and tax_id columns: %q", out)
	}
}
