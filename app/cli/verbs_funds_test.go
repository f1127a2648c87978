package cli_test

import (
	"path/filepath"
	"strings"
	"testing"
)

// product-edit changes only what its flags give, refuses a bad price or a
// SKU another product has (saying which field) and writes nothing then;
// audit filters by who, kind and day and shows an entry's before and after.
func TestCLIProductEditAndAuditFilters(t *testing.T) {
	db := filepath.Join(t.TempDir(), "cli.db")
	for _, s := range [][]string{
		{"init", "--company", "Acme SpA"},
		{"product-add", "--sku", "LIC", "--name", "Licence", "--category", "licence", "--price", "100"},
		{"product-add", "--sku", "SUP", "--name", "Support", "--price", "40"},
	} {
		if code, out, errs := run(t, db, s...); code != 0 {
			t.Fatalf("%v: exit %d %s %s", s, code, out, errs)
		}
	}
	if code, out, errs := run(t, db, "--operator", "Giulia", "product-edit", "lic", "--price", "120,50", "--subscription", "true"); code != 0 ||
		!strings.Contains(out, "LIC changed: Licence, licence, list price 120.5, subscription") {
		t.Fatalf("product-edit: exit %d %q %s", code, out, errs)
	}
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"product-edit", "LIC", "--price", "abc"}, "list_price"},
		{[]string{"product-edit", "LIC", "--sku", "sup"}, "already stored"},
		{[]string{"product-edit", "NOPE", "--name", "x"}, "no product"},
		{[]string{"product-edit", "LIC", "--subscription", "maybe"}, "true or false"},
	} {
		if code, _, errs := run(t, db, tt.args...); code == 0 || !strings.Contains(errs, tt.want) {
			t.Errorf("%v: exit %d %q, want a refusal saying %q", tt.args, code, errs, tt.want)
		}
	}
	_, out, _ := run(t, db, "products", "--format", "csv")
	if !strings.Contains(out, "LIC,Licence,licence,120.5,true") || !strings.Contains(out, "SUP,Support,,40,false") {
		t.Errorf("products after the edits:\n%s", out)
	}
	_, out, errs := run(t, db, "audit", "--who", "giu", "--kind", "product")
	if strings.Count(out, "\n") != 2 || !strings.Contains(out, "changed product 1") {
		t.Errorf("audit --who giu --kind product:\n%s%s\nwant the header and Giulia's one change", out, errs)
	}
	_, out, _ = run(t, db, "audit", "--kind", "product", "--from", "2000-01-01", "--to", "2000-01-02")
	if strings.Count(out, "\n") != 1 {
		t.Errorf("audit of a day long past:\n%s\nwant the header only", out)
	}
	if code, _, errs := run(t, db, "audit", "--from", "2026-07-10", "--to", "2026-07-01"); code == 0 || !strings.Contains(errs, "before it starts") {
		t.Errorf("audit --to before --from: exit %d %s", code, errs)
	}
	_, out, _ = run(t, db, "audit", "--who", "giu", "--format", "csv")
	id := strings.Split(strings.Split(out, "\n")[1], ",")[0]
	_, out, errs = run(t, db, "audit", "--entry", id)
	for _, want := range []string{"list_price", "100", "120.5", "*"} {
		if !strings.Contains(out, want) {
			t.Errorf("audit --entry %s:\n%s%s\nwant %q", id, out, errs, want)
		}
	}
}

// claims and ledger on a database with no fund: empty lists, and a
// partner that is not there named in the error.
func TestCLIClaimsAndLedgerVerbs(t *testing.T) {
	db := filepath.Join(t.TempDir(), "cli.db")
	for _, s := range [][]string{
		{"init", "--company", "Acme SpA"},
		{"partner-add", "--name", "Alpha", "--kind", "reseller", "--code", "ALPHA"},
	} {
		if code, out, errs := run(t, db, s...); code != 0 {
			t.Fatalf("%v: exit %d %s %s", s, code, out, errs)
		}
	}
	if code, out, errs := run(t, db, "claims"); code != 0 || strings.Count(out, "\n") != 1 {
		t.Errorf("claims: exit %d %q %s", code, out, errs)
	}
	if code, _, errs := run(t, db, "claims", "--status", "paid"); code == 0 || !strings.Contains(errs, "not a claim status") {
		t.Errorf("claims --status paid: exit %d %s", code, errs)
	}
	if code, out, errs := run(t, db, "ledger", "ALPHA"); code != 0 || !strings.Contains(out, "balance") {
		t.Errorf("ledger ALPHA: exit %d %q %s", code, out, errs)
	}
	if code, _, errs := run(t, db, "ledger", "Nobody"); code == 0 || !strings.Contains(errs, "Nobody") {
		t.Errorf("ledger Nobody: exit %d %s", code, errs)
	}
}
