package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestInvoiceVerbs runs the demo's first months, lists its payouts with
// their self-billing numbers, prints one partner's document and refuses a
// rep's, and checks the file (numbers without gap or duplicate).
func TestInvoiceVerbs(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "pd.db")
	if code, _, errs := run(t, db, "demo", "--through", "2026-05-31"); code != 0 {
		t.Fatalf("demo: %s", errs)
	}
	code, out, errs := run(t, db, "invoices", "--year", "2026", "--format", "csv")
	if code != 0 {
		t.Fatalf("invoices: %s", errs)
	}
	lines := strings.Split(strings.TrimSpace(strings.TrimPrefix(out, "\ufeff")), "\n")
	if len(lines) < 10 || !strings.HasPrefix(lines[0], "payout,date,number,document,payee") {
		t.Fatalf("invoices listed:\n%s", out)
	}
	var partnerID, repID, first string
	for _, l := range lines[1:] {
		f := strings.Split(strings.TrimSpace(l), ",")
		switch {
		case strings.HasPrefix(f[4], "P") && partnerID == "":
			partnerID, first = f[0], f[2]
		case strings.HasPrefix(f[4], "R") && repID == "":
			repID = f[0]
			if f[2] != "" {
				t.Errorf("rep payout %s has number %q", f[0], f[2])
			}
		}
	}
	if first != "SB-2026-00001" {
		t.Errorf("the year's first partner payout is %q, want SB-2026-00001", first)
	}
	pdf := filepath.Join(dir, "one.pdf")
	code, out, errs = run(t, db, "invoice", partnerID, "-o", pdf, "--lang", "it")
	if code != 0 || !strings.Contains(out, first+" written to") {
		t.Fatalf("invoice %s: %d %s %s", partnerID, code, out, errs)
	}
	if b, err := os.ReadFile(pdf); err != nil || !strings.HasPrefix(string(b), "%PDF") {
		t.Errorf("no PDF written: %v", err)
	}
	if code, _, errs = run(t, db, "invoice", repID, "-o", filepath.Join(dir, "rep.pdf")); code != 1 || !strings.Contains(errs, "no self-billed invoice") {
		t.Errorf("a rep's invoice: exit %d, %s", code, errs)
	}
	if code, _, errs = run(t, db, "invoice", partnerID); code != 2 {
		t.Errorf("invoice without -o: exit %d, %s", code, errs)
	}
	if code, _, errs = run(t, db, "invoice", partnerID, "--year", "2026", "-o", dir); code != 2 {
		t.Errorf("invoice with a payout and --year: exit %d, %s", code, errs)
	}
	code, out, errs = run(t, db, "invoice", "--period", "2026-Q1", "-o", filepath.Join(dir, "q1"))
	if code != 0 || !strings.Contains(out, "self-billed documents written") {
		t.Errorf("invoice --period: %d %s %s", code, out, errs)
	}
	if code, out, errs = run(t, db, "check"); code != 0 || !strings.Contains(out, "no problems") {
		t.Errorf("check: %d %s %s", code, out, errs)
	}
}
