package cli_test

import (
	"path/filepath"
	"strings"
	"testing"
)

// `examples` and `bands`: the window's golden examples table and band
// designer on the command line.
//
// The volume-rebate template: 2 % from 0, 4 % from 50,000, 5 % from
// 100,000, retroactive; its example "120,000 in a quarter" expects 5 % of
// 120,000 = 6,000.00. The band table jumps at 50,000 (2 % x 49,999 =
// 999.98 to 4 % x 50,000 = 2,000.00: +1,000.02) and at 100,000 (4 % x
// 99,999 = 3,999.96 to 5,000.00: +1,000.04) under the retroactive reading.
func TestCLIExamplesAndBands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "d.db")
	for _, s := range [][]string{{"init", "--company", "Acme"}, {"program", "new", "--template", "volume-rebate", "--from", "2026-01-01"}} {
		if code, out, errs := run(t, db, s...); code != 0 {
			t.Fatalf("%v: %d %s %s", s, code, out, errs)
		}
	}
	code, out, errs := run(t, db, "examples", "Volume rebate")
	if code != 0 || !strings.Contains(out, "120,000 in a quarter") || !strings.Contains(out, "6,000.00") || !strings.Contains(out, "all 1 expectations pass") {
		t.Fatalf("examples: %d %s %s", code, out, errs)
	}
	code, out, errs = run(t, db, "bands", "Volume rebate")
	if code != 0 {
		t.Fatalf("bands: %d %s %s", code, out, errs)
	}
	for _, want := range []string{"49999", "999.98", "2,000.00", "cliff at 50000 (retroactive)", "1,000.02 EUR for one more", "cliff at 100000 (retroactive)", "1,000.04 EUR for one more"} {
		if !strings.Contains(out, want) {
			t.Errorf("bands output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "(marginal)") {
		t.Errorf("the marginal reading has no cliff here:\n%s", out)
	}
	if code, _, errs := run(t, db, "bands", "Volume rebate", "--rule", "nope"); code == 0 || !strings.Contains(errs, `no rule with the key "nope"`) {
		t.Errorf("unknown rule: %d %s", code, errs)
	}
	if code, _, errs := run(t, db, "examples", "Nothing"); code == 0 || !strings.Contains(errs, `no program named "Nothing"`) {
		t.Errorf("unknown program: %d %s", code, errs)
	}
}
