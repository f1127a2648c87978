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

// The journal of a paid quarter: the accruals to the liability at the
// quarter's end equal what the payouts dated after it settle, and the
// quarter's own journal holds the accruals but not the payouts (made on
// 2026-07-05, in Q3: a period selects what is dated inside it).
func TestJournalApprovalsAndPayouts(t *testing.T) {
	svc := newDemo(t, "2026-06-30", "2026-07-05")
	if _, err := svc.ComputePeriod("2026-Q2", nil); err != nil {
		t.Fatal(err)
	}
	payAll(t, svc, "2026-Q2")
	sum := func(period string) (accrued, paid decimal.Decimal, payouts int) {
		sh, err := svc.ExportSheet("journal", period)
		if err != nil {
			t.Fatal(err)
		}
		col := map[string]int{}
		for i, h := range sh.Header {
			col[h] = i
		}
		accrued, paid = decimal.Zero, decimal.Zero
		for _, r := range sh.Rows {
			amt := r[col["amount"]].Dec
			switch r[col["event"]].Text {
			case "accrual", "adjustment":
				if r[col["credit_account"]].Text == "2400" {
					accrued = accrued.Add(amt)
				}
			case "payout":
				paid, payouts = paid.Add(amt), payouts+1
			}
		}
		return accrued, paid, payouts
	}
	accQ2, paidQ2, nQ2 := sum("2026-Q2")
	_, paidQ3, nQ3 := sum("2026-Q3")
	if accQ2.IsZero() || !paidQ2.IsZero() || nQ2 != 0 {
		t.Errorf("2026-Q2's journal: accrued %s, %d payouts of %s; want the accruals and no payout", accQ2, nQ2, paidQ2)
	}
	if nQ3 == 0 || !accQ2.Equal(paidQ3) {
		t.Errorf("accrued %s in Q2, paid %s in %d payouts in Q3: a fully paid quarter settles what it accrued", accQ2, paidQ3, nQ3)
	}
}
