package cli_test

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestCLICorrectRemoveAndDecide: the same use cases as the window's sale
// list and registrations queue, from the command line.
func TestCLICorrectRemoveAndDecide(t *testing.T) {
	db := filepath.Join(t.TempDir(), "cli.db")
	ok := func(args ...string) string {
		t.Helper()
		code, out, errs := run(t, db, args...)
		if code != 0 {
			t.Fatalf("%v: exit %d\n%s%s", args, code, out, errs)
		}
		return out
	}
	fails := func(want string, args ...string) {
		t.Helper()
		code, out, errs := run(t, db, args...)
		if code == 0 || !strings.Contains(errs, want) {
			t.Errorf("%v: exit %d\n%s%s\nwant a refusal saying %q", args, code, out, errs, want)
		}
	}
	ok("init", "--company", "Acme SpA")
	ok("partner-add", "--name", "Alpha", "--kind", "reseller")
	ok("product-add", "--sku", "LIC", "--name", "Licence", "--price", "100")
	ok("sale-add", "--date", "2026-01-05", "--partner", "Alpha", "--product", "LIC", "--qty", "2", "--price", "100", "--invoice", "F-1", "--customer", "Rossi")

	// The same line again is asked about; --yes stores it.
	fails("repeats sale #1", "sale-add", "--date", "2026-01-05", "--partner", "Alpha", "--product", "LIC", "--qty", "2", "--price", "100", "--invoice", "F-1", "--customer", "Rossi")
	ok("sale-add", "--date", "2026-01-05", "--partner", "Alpha", "--product", "LIC", "--qty", "2", "--price", "100", "--invoice", "F-1", "--customer", "Rossi", "--yes")

	// Correct the first: 3 x 100 = 300.00; the rest stays.
	if out := ok("sale-edit", "1", "--qty", "3"); !strings.Contains(out, "sale 1 corrected: F-1 line 1, 3 x ") || !strings.Contains(out, "net 300.00") {
		t.Errorf("sale-edit: %s", out)
	}
	fails("say what to change", "sale-edit", "1")
	if out := ok("sale-remove", "2"); !strings.Contains(out, "sale 2 removed: F-1 line 2") {
		t.Errorf("sale-remove: %s", out)
	}
	out := ok("sales", "2026-01", "--format", "csv")
	if strings.Count(out, "\n") != 2 || !strings.Contains(out, "300") {
		t.Errorf("sales after edit and remove:\n%s\nwant one sale of 300", out)
	}
	if out := ok("audit", "--kind", "sale", "--id", "1"); !strings.Contains(out, "update") && !strings.Contains(out, "changed") {
		t.Errorf("audit of sale 1:\n%s\nwant the correction", out)
	}
	ok("compute", "2026-01")
	ok("close", "2026-01")
	fails("enter a return", "sale-edit", "1", "--qty", "4")
	fails("enter a return", "sale-remove", "1")

	// Registrations: only valid transitions, each saying who and when.
	ok("registration-add", "--partner", "Alpha", "--customer", "Globex", "--value", "5000", "--submitted", "2026-02-02", "--window", "10")
	ok("registration-add", "--partner", "Alpha", "--customer", "Initech", "--value", "100", "--submitted", "2026-02-03")
	fails("approve or reject it first", "registration-decide", "1", "won")
	if out := ok("registration-decide", "1", "approve", "--date", "2026-02-04"); !strings.Contains(out, "approved by cli-test on 2026-02-04") {
		t.Errorf("approve: %s", out)
	}
	// Approved 2026-02-04 with 10 days: the window runs to 2026-02-14,
	// long past, so it waits for its outcome; Initech waits for approval.
	out = ok("registration-queue", "--format", "csv")
	if !strings.Contains(out, "Globex") || !strings.Contains(out, "window ended on 2026-02-14") || !strings.Contains(out, "Initech") || !strings.Contains(out, "approval or rejection") {
		t.Errorf("queue:\n%s", out)
	}
	fails("runs to 2026-02-14", "registration-decide", "1", "expired", "--date", "2026-02-14")
	if out := ok("registration-decide", "1", "expired", "--date", "2026-02-15"); !strings.Contains(out, "expired by cli-test on 2026-02-15") {
		t.Errorf("expired: %s", out)
	}
	fails("an outcome is final", "registration-decide", "1", "won")
	ok("registration-decide", "2", "reject")
	fails("a rejection is final", "registration-decide", "2", "approve")
	if out := ok("registration-queue"); strings.Contains(out, "Globex") || strings.Contains(out, "Initech") {
		t.Errorf("queue after the decisions:\n%s\nwant nothing waiting", out)
	}
}
