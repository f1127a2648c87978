package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCLIApproveAfterClose: a registration submitted on 28 March is
// approved on 3 April after March was closed, and the April sale linked
// to it earns the bonus when April is computed. A registration whose
// approval would pay a sale dated in closed March is refused with the
// reason, and can still be rejected.
func TestCLIApproveAfterClose(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "cli.db")
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
	prog := filepath.Join(dir, "dealreg.json")
	if err := os.WriteFile(prog, []byte(`{"format": "partnerdesk-program", "version": 1, "name": "Deal registration",
  "currency": "EUR", "period_kind": "month", "valid_from": "2026-01-01", "eligibility": {}, "status": "active",
  "rules": [{"key": "dealreg", "name": "Deal registration bonus", "kind": "dealreg", "dealreg": {"rate": "5"}}]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	ok("init", "--company", "Acme SpA")
	ok("partner-add", "--name", "Alpha", "--kind", "reseller")
	ok("product-add", "--sku", "LIC", "--name", "Licence", "--price", "100")
	ok("program", "import", prog)
	ok("registration-add", "--partner", "Alpha", "--customer", "Globex", "--value", "5000", "--submitted", "2026-03-28", "--window", "30")
	ok("registration-add", "--partner", "Alpha", "--customer", "Initech", "--value", "800", "--submitted", "2026-03-20", "--window", "30")
	// Initech bought in March while its registration was pending: 0 in March.
	ok("sale-add", "--date", "2026-03-25", "--partner", "Alpha", "--product", "LIC", "--qty", "8", "--price", "100", "--invoice", "F-1", "--customer", "Initech", "--registration", "2")
	ok("compute", "2026-03")
	ok("close", "2026-03")

	// Both wait for a decision, and the decision can now be recorded.
	if out := ok("registration-queue", "--format", "csv"); !strings.Contains(out, "Globex") || !strings.Contains(out, "Initech") {
		t.Errorf("queue after closing March:\n%s\nwant both registrations", out)
	}
	if out := ok("registration-decide", "1", "approve", "--date", "2026-04-03"); !strings.Contains(out, "approved by cli-test on 2026-04-03") {
		t.Errorf("approve in April: %s", out)
	}
	fails("2026-03", "registration-decide", "2", "approve", "--date", "2026-03-31")
	fails("sale 1 (invoice F-1, 2026-03-25) in closed period 2026-03", "registration-decide", "2", "approve", "--date", "2026-04-03")
	if out := ok("registration-decide", "2", "reject", "--date", "2026-04-03"); !strings.Contains(out, "rejected") {
		t.Errorf("reject in April: %s", out)
	}
	if out := ok("registration-queue", "--format", "csv"); strings.Contains(out, "Initech") {
		t.Errorf("queue after rejecting Initech:\n%s\nwant it gone", out)
	}

	// Globex buys on 10 April, inside the window: 5 % of 1000.00 = 50.00.
	ok("sale-add", "--date", "2026-04-10", "--partner", "Alpha", "--product", "LIC", "--qty", "10", "--price", "100", "--invoice", "F-2", "--customer", "Globex", "--registration", "1")
	ok("compute", "2026-04")
	out := ok("lines", "2026-04", "--format", "csv")
	if !strings.Contains(out, "50.00") {
		t.Errorf("April lines:\n%s\nwant the 50.00 bonus on F-2", out)
	}
	// Won in July, months after April: an outcome dated in an open period.
	if out := ok("registration-decide", "1", "won", "--date", "2026-07-15"); !strings.Contains(out, "won by cli-test on 2026-07-15") {
		t.Errorf("won in July: %s", out)
	}
}
