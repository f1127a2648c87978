package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCLIMoneyInMinorUnits: the command line printed every amount with two
// decimals whatever the currency ("net 3000.00" in yen). Each amount now
// has exactly its currency's minor units: none for JPY, three for KWD.
//
// JPY company; Alpha sells 3 x 1,000 = 3,000 on 2026-07-10. Programs:
// Rebate 2 % -> 3,000 x 2 % = 60; MDF fund 10 % -> 300 accrued.
// A claim of 100 leaves a balance of 200.
func TestCLIMoneyInMinorUnits(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "yen.db")
	prog := filepath.Join(dir, "p.json")
	must(t, os.WriteFile(prog, []byte(`{"format": "partnerdesk-program", "version": 1, "period_kind": "month", "valid_from": "2026-01-01", "status": "active", "name": "Yen programs", "rules": [`+
		`{"key": "r", "name": "Rebate", "kind": "rate", "rate": {"rate": "2"}},`+
		`{"key": "f", "name": "MDF", "kind": "fund", "fund": {"rate": "10", "validity_days": 365}}]}`), 0o600))
	step := func(args ...string) string {
		t.Helper()
		code, out, errs := run(t, db, args...)
		if code != 0 {
			t.Fatalf("%v: exit %d\n%s%s", args, code, out, errs)
		}
		return out
	}
	step("init", "--company", "Nihon", "--currency", "jpy")
	step("partner-add", "--name", "Alpha", "--kind", "reseller")
	step("program", "import", prog)
	if out := step("product-add", "--sku", "LIC-1", "--name", "Licence", "--price", "1000"); !strings.Contains(out, "LIC-1") {
		t.Errorf("product-add: %q", out)
	}
	checks := []struct {
		args []string
		want []string // pieces of stdout
	}{
		{[]string{"sale-add", "--date", "2026-07-10", "--partner", "Alpha", "--product", "LIC-1", "--qty", "3", "--price", "1000", "--invoice", "I-1", "--customer", "C"},
			[]string{"net 3000"}},
		{[]string{"products"}, []string{" 1000 "}},
		{[]string{"sales", "2026-07"}, []string{"1 sales, net 3000\n", " 3000 "}},
		{[]string{"compute", "2026-07"}, nil},
		// The lines' money total counts the fund credit: 60 + 300 = 360.
		{[]string{"lines", "2026-07"}, []string{"money 360,"}},
		{[]string{"approve", "2026-07"}, nil},
		{[]string{"funds", "--date", "2026-07-31"}, []string{" 300 "}},
		{[]string{"claim", "Alpha", "100", "--date", "2026-07-31", "--approve"}, []string{" of 100: approved 100\n"}},
		{[]string{"funds", "--date", "2026-07-31", "--lots"}, []string{" 300 ", " 100 ", " 200 "}},
	}
	for _, c := range checks {
		out := step(c.args...)
		if strings.Contains(out, ".00") {
			t.Errorf("%v printed yen with decimals:\n%s", c.args, out)
		}
		for _, w := range c.want {
			if !strings.Contains(out, w) {
				t.Errorf("%v: output lacks %q:\n%s", c.args, w, out)
			}
		}
	}
}
