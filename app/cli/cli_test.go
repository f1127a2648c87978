package cli_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"partnerdesk/app/cli"
)

// run calls the command line with args on db and returns status and output.
func run(t *testing.T, db string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := cli.Main(append([]string{"--db", db, "--operator", "cli-test"}, args...), &out, &errb, nil)
	return code, out.String(), errb.String()
}

func TestCLIExitStatuses(t *testing.T) {
	db := filepath.Join(t.TempDir(), "cli.db")
	tests := []struct {
		name string
		args []string
		code int
		out  string // a piece of stdout (or stderr when code != 0)
	}{
		{"help", []string{"--help"}, 0, "usage: partnerdesk"},
		{"verb help", []string{"compute", "--help"}, 0, "usage: partnerdesk [--db FILE] compute PERIOD"},
		{"unknown verb", []string{"frobnicate"}, 2, "unknown verb"},
		{"bad global flag", []string{"--nope"}, 2, "flag provided but not defined"},
		// Only init creates the database; the verbs below need one.
		{"init", []string{"init", "--company", "Acme", "--currency", "jpy"}, 0, "ready for Acme (JPY)"},
		{"missing argument", []string{"compute"}, 2, "compute needs PERIOD"},
		{"bad period", []string{"compute", "2026-13"}, 2, "is not a period"},
		{"unknown partner", []string{"sale-add", "--date", "2026-07-01", "--partner", "Nobody", "--product", "X", "--price", "1", "--invoice", "I", "--customer", "C"}, 1, "partner: no partner"},
		{"path", []string{"path"}, 0, "cli.db"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := run(t, db, tt.args...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d; stdout %q stderr %q", code, tt.code, out, errs)
			}
			where := out
			if code != 0 {
				where = errs
			}
			if !strings.Contains(where, tt.out) {
				t.Errorf("output %q does not contain %q", where, tt.out)
			}
		})
	}
	fi, err := os.Stat(db)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("database mode = %v (%v), want 0600", fi.Mode().Perm(), err)
	}
}

// A whole job from the command line: partner, product and sales entered,
// a file imported with every bad row reported and nothing written, then a
// good file, a computation, lines as CSV, and an XLSX export.
func TestCLIImportComputeExport(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "cli.db")
	steps := [][]string{
		{"init", "--company", "Acme SpA"},
		{"partner-add", "--name", "Società Ñandú", "--kind", "reseller", "--code", "NANDU"},
		{"product-add", "--sku", "LIC", "--name", "Licence", "--price", "100"},
	}
	for _, s := range steps {
		if code, out, errs := run(t, db, s...); code != 0 {
			t.Fatalf("%v: exit %d %s %s", s, code, out, errs)
		}
	}
	prog := `{"format":"partnerdesk-program","version":1,"name":"Rebate","currency":"EUR","period_kind":"quarter","valid_from":"2026-01-01","status":"active","budget":"1000",
"rules":[{"key":"r","name":"Volume rebate","kind":"rate","basis":"revenue","rate":{"mode":"retroactive","bands":[{"from":"0","rate":"2"},{"from":"1000","rate":"5"}]}}]}`
	pf := filepath.Join(dir, "rebate.json")
	os.WriteFile(pf, []byte(prog), 0o600)
	if code, out, errs := run(t, db, "program", "import", pf); code != 0 {
		t.Fatalf("program import: %d %s %s", code, out, errs)
	}

	// Italian Excel: BOM, semicolons, decimal comma; three bad rows.
	bad := "\ufeffdata;partner;cliente;prodotto;quantità;prezzo;fattura\n" +
		"03/07/2026;NANDU;Rossi;LIC;2;100,00;F-1\n" +
		"04/07/2026;Nobody;Rossi;LIC;1;100,00;F-2\n" +
		"32/07/2026;NANDU;Rossi;LIC;1;100,00;F-3\n" +
		"05/07/2026;NANDU;Rossi;LIC;1;abc;F-4\n"
	bf := filepath.Join(dir, "bad.csv")
	os.WriteFile(bf, []byte(bad), 0o600)
	code, _, errs := run(t, db, "import", "sales", bf)
	if code != 1 {
		t.Fatalf("bad import: exit %d, want 1; %s", code, errs)
	}
	for _, want := range []string{"line 3", "line 4", "line 5", "nothing was written"} {
		if !strings.Contains(errs, want) {
			t.Errorf("bad import stderr lacks %q:\n%s", want, errs)
		}
	}
	if _, out, _ := run(t, db, "sales", "2026-Q3", "--format", "csv"); strings.Count(out, "\n") != 1 {
		t.Errorf("a rejected file wrote sales:\n%s", out)
	}

	good := "\ufeffdata;partner;cliente;prodotto;quantità;prezzo;fattura\n" +
		"03/07/2026;NANDU;Rossi;LIC;2;100,00;F-1\n" +
		"04/08/2026;Società Ñandú;\"Bianchi\nSede 2\";LIC;10;100,00;F-2\n"
	gf := filepath.Join(dir, "good.csv")
	os.WriteFile(gf, []byte(good), 0o600)
	if code, out, errs := run(t, db, "import", "sales", gf); code != 0 || !strings.Contains(out, "2 sales imported") {
		t.Fatalf("good import: %d %s %s", code, out, errs)
	}
	// Importing it again is refused as duplicates.
	if code, _, errs := run(t, db, "import", "sales", gf); code != 1 || !strings.Contains(errs, "already stored as sale") {
		t.Errorf("re-import: exit %d, stderr %s; want duplicates refused", code, errs)
	}
	if code, out, errs := run(t, db, "compute", "2026-Q3"); code != 0 {
		t.Fatalf("compute: %d %s %s", code, out, errs)
	}
	// 1,200.00 reaches the 1,000 band: 5 % retroactive = 60.00.
	_, out, _ := run(t, db, "lines", "2026-Q3", "--format", "csv")
	if !strings.Contains(out, "60.00") || !strings.Contains(out, "reaches band from 1,000.00 at 5 % (retroactive) = 60.00 EUR") {
		t.Errorf("lines csv:\n%s", out)
	}
	xf := filepath.Join(dir, "lines.xlsx")
	if code, out, errs := run(t, db, "export", "lines", "2026-Q3", "--format", "xlsx", "-o", xf); code != 0 {
		t.Fatalf("export: %d %s %s", code, out, errs)
	}
	if fi, err := os.Stat(xf); err != nil || fi.Size() == 0 {
		t.Errorf("xlsx export missing: %v", err)
	}
	if code, out, errs := run(t, db, "check"); code != 0 || !strings.Contains(out, "no problems") {
		t.Errorf("check: %d %s %s", code, out, errs)
	}
}
