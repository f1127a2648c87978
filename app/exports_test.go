package app_test

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/shopspring/decimal"

	"partnerdesk/app"
	"partnerdesk/data/sheet"
)

// A period's lines exported to CSV and XLSX read back with every amount
// equal to the stored line's, to the cent, and the journal balances.
func TestExportLinesRoundTrip(t *testing.T) {
	svc := newDemo(t, "2026-06-30", "2026-07-05")
	if _, err := svc.ComputePeriod("2026-Q2", nil); err != nil {
		t.Fatal(err)
	}
	lines, err := svc.Lines("2026-Q2", app.LineFilter{})
	if err != nil || len(lines) == 0 {
		t.Fatalf("lines: %v (%d)", err, len(lines))
	}
	want := map[int64]decimal.Decimal{}
	for _, l := range lines {
		want[int64(l.ID)] = l.Amount
	}
	sh, err := svc.ExportSheet("lines", "2026-Q2")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, format := range []string{"csv", "xlsx"} {
		t.Run(format, func(t *testing.T) {
			path := filepath.Join(dir, "lines."+format)
			if err := app.WriteSheet(sh, path, "", nil); err != nil {
				t.Fatal(err)
			}
			f, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			tab, err := sheet.Read(f, path)
			if err != nil {
				t.Fatal(err)
			}
			idCol, amtCol := tab.Column("line_id"), tab.Column("amount")
			if idCol < 0 || amtCol < 0 || len(tab.Rows) != len(lines) {
				t.Fatalf("read back %d rows, columns %d/%d; want %d rows", len(tab.Rows), idCol, amtCol, len(lines))
			}
			for _, r := range tab.Rows {
				id, err := strconv.ParseInt(r.Cell(idCol), 10, 64)
				if err != nil {
					t.Fatalf("line %d: id %q", r.Line, r.Cell(idCol))
				}
				got, err := sheet.ParseAmount(r.Cell(amtCol))
				if err != nil {
					t.Fatalf("line %d: amount %q: %v", r.Line, r.Cell(amtCol), err)
				}
				if !got.Equal(want[id]) {
					t.Errorf("line %d: amount %s, stored %s", id, got, want[id])
				}
			}
		})
	}
}

// The journal of a paid period: every approval's debit is matched by the
// liability, and payouts settle exactly what was approved and paid.
func TestJournalApprovalsAndPayouts(t *testing.T) {
	svc := newDemo(t, "2026-06-30", "2026-07-05")
	if _, err := svc.ComputePeriod("2026-Q2", nil); err != nil {
		t.Fatal(err)
	}
	payAll(t, svc, "2026-Q2")
	sh, err := svc.ExportSheet("journal", "2026-Q2")
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range sh.Header {
		col[h] = i
	}
	approvedToAccrued, paid := decimal.Zero, decimal.Zero
	for _, r := range sh.Rows {
		amt := r[col["amount"]].Dec
		switch r[col["entry"]].Text {
		case "approval":
			if r[col["credit_account"]].Text == "Accrued partner rewards" {
				approvedToAccrued = approvedToAccrued.Add(amt)
			}
		case "payout":
			paid = paid.Add(amt)
		}
	}
	if approvedToAccrued.IsZero() || !approvedToAccrued.Equal(paid) {
		t.Errorf("approved to the liability %s, paid %s: a fully paid period settles what it approved", approvedToAccrued, paid)
	}
}
