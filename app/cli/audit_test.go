package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCLIAuditNamesImportedRecords: `audit` tells an import as one entry
// naming the file, its rows and the ids it created, and `audit --kind sale
// --id N` tells that sale's creation by the import.
func TestCLIAuditNamesImportedRecords(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "cli.db")
	for _, s := range [][]string{
		{"init", "--company", "Acme SpA"},
		{"partner-add", "--name", "Alpha", "--kind", "reseller", "--code", "ALPHA"},
		{"product-add", "--sku", "LIC", "--name", "Licence", "--price", "100"},
	} {
		if code, out, errs := run(t, db, s...); code != 0 {
			t.Fatalf("%v: exit %d %s %s", s, code, out, errs)
		}
	}
	f := filepath.Join(dir, "july.csv")
	os.WriteFile(f, []byte("date,partner,customer,product,quantity,unit_price,invoice\n"+
		"2026-07-03,ALPHA,Rossi,LIC,2,€ 100,F-1\n"+
		"2026-07-04,ALPHA,Bianchi,LIC,1,100 EUR,F-2\n"+
		"2026-07-05,ALPHA,Verdi,LIC,3,100,F-3\n"), 0o600)
	if code, out, errs := run(t, db, "import", "sales", f); code != 0 || !strings.Contains(out, "3 sales imported") {
		t.Fatalf("import: %d %s %s", code, out, errs)
	}
	_, out, errs := run(t, db, "audit", "--limit", "1")
	if want := "created 3 records (import batch 1: july.csv, 3 rows): sale 1-3"; !strings.Contains(out, want) {
		t.Errorf("audit:\n%s%s\nwant it to say %q", out, errs, want)
	}
	_, out, errs = run(t, db, "audit", "--kind", "sale", "--id", "2")
	if want := "created sale 2 (import batch 1: july.csv, 3 rows)"; !strings.Contains(out, want) || strings.Count(out, "\n") != 2 {
		t.Errorf("audit of sale 2:\n%s%s\nwant a header and one line saying %q", out, errs, want)
	}
	if code, _, errs := run(t, db, "audit", "--id", "2"); code == 0 || !strings.Contains(errs, "choose the kind") {
		t.Errorf("audit --id alone: exit %d %s", code, errs)
	}
}
