package cli_test

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"partnerdesk/app"
	"partnerdesk/app/cli"
	"partnerdesk/data"
	"partnerdesk/engine"
)

// FuzzCLIArgs runs the command line with arbitrary arguments (one per line
// of the input) on a small database: it must never panic, must exit 0, 1
// or 2 with a message on stderr for 1 and 2, and must always release the
// file. Arguments naming a path outside the working folder are left out,
// and the working folder is a temporary one, so nothing is written
// anywhere else.
func FuzzCLIArgs(f *testing.F) {
	dir := f.TempDir()
	f.Chdir(dir)
	f.Setenv(app.DBEnv, "")
	db := filepath.Join(dir, "fuzz.db")
	for _, args := range [][]string{
		{"init", "--company", "Fuzz Vendor"},
		{"partner-add", "--name", "Alpha Reseller", "--kind", "reseller"},
		{"rep-add", "--partner", "Alpha Reseller", "--name", "Ada"},
		{"product-add", "--sku", "LIC-1", "--name", "Licence", "--price", "100"},
		{"sale-add", "--date", "2026-07-03", "--partner", "Alpha Reseller", "--product", "LIC-1", "--qty", "2", "--price", "100", "--invoice", "F-1", "--customer", "Rossi"},
	} {
		var out, errb bytes.Buffer
		if code := cli.Main(append([]string{"--db", db}, args...), &out, &errb, nil); code != 0 {
			f.Fatalf("setup %v: exit %d: %s", args, code, errb.String())
		}
	}
	for _, s := range []string{
		"", "--help", "help", "help\nsale-add", "path", "check", "audit\n--limit\n3", "audit\n--limit\n-1", "audit\n--format\nxml",
		"partners\n--format\njson", "reps\nAlpha Reseller", "products", "sales\n2026-07", "sales\n2026-Q5",
		"sale-add\n--date\n2026-02-30\n--partner\nAlpha Reseller\n--product\nLIC-1\n--qty\n-1\n--price\n1e9999\n--invoice\nF-2\n--customer\nX",
		"compute\n2026-07", "compute\ncustom:2026-07-01..2026-06-01", "lines\n2026-07\n--status\nbogus", "approve\n2026-07\n--lines\n1,x,3",
		"pay\n--lines\n1\n--method\n", "close\n2026-07", "periods", "funds\n--date\nyesterday", "claim\nAlpha Reseller\n-5",
		"claim-decide\n0\nmaybe", "points", "redeem\nP1\n99999999999999999999\n--against\nmug", "statement\nP1\n2026-07\n-o\nst.pdf",
		"statements\n2026-07\n-o\nout", "tiers\nreview", "tiers\napply\nP1\nGold\n--from\nnever", "template\nsales",
		"template\nsales\n--format\nxlsx", "export\nlines\n2026-07\n--format\ncsv\n-o\nx.csv", "export\njournal\n2026\n--format\nods\n-o\nx",
		"import\nsales\nmissing.csv", "program\nimport\nnone.json", "program\nexport\nNo such", "simulate\n2026-07\n--program\nnone.json",
		"backup\nb.db", "restore\nb.db", "restore\nfuzz.db", "company\n--minor-units\n99", "company\n--fy-start\n13", "init\n--language\nxx",
		"--db", "--db=", "--operator\n\x00", "-h", "--\nsales", "unknown-verb", "demo\n--if-missing",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		args := strings.Split(s, "\n")
		if len(args) > 24 {
			return
		}
		for _, a := range args {
			// Paths stay inside the temporary working folder.
			if strings.ContainsAny(a, `/\`) || strings.HasPrefix(a, "~") {
				return
			}
		}
		var out, errb bytes.Buffer
		code := cli.Main(append([]string{"--db", db}, args...), &out, &errb, nil)
		switch code {
		case 0:
		case 1, 2:
			if !strings.Contains(errb.String(), "partnerdesk") {
				t.Errorf("Main(%q) = %d with stderr %q: an error must say what went wrong", args, code, errb.String())
			}
		default:
			t.Fatalf("Main(%q) = %d, want 0, 1 or 2; stderr %q", args, code, errb.String())
		}
		// The command line never keeps the file open after it returns.
		st, err := data.Open(db, data.Options{})
		if errors.Is(err, engine.ErrInUse) {
			t.Fatalf("after Main(%q) the database is still in use: %v", args, err)
		}
		if err == nil {
			st.Close()
		}
	})
}
