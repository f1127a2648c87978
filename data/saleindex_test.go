package data_test

import (
	"errors"
	"path/filepath"
	"testing"

	"github.com/shopspring/decimal"

	"partnerdesk/data"
	"partnerdesk/engine"
)

// TestSaleIndexesFollowChanges: a sale moved to another day and month, to
// another invoice, and removed leaves each index naming it exactly where it
// now is (the store's check rebuilds every group and compares), and reads
// over open ranges (an all-time partner read) find every sale.
func TestSaleIndexesFollowChanges(t *testing.T) {
	s, err := data.Open(filepath.Join(t.TempDir(), "p.db"), data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	check := func(step string) {
		t.Helper()
		rep, err := s.Check()
		if err != nil || !rep.OK() {
			t.Fatalf("%s: check: %v %v", step, err, rep.Problems)
		}
	}
	var ids []engine.ID
	err = s.Update("t", func(tx *data.Tx) error {
		if err := tx.Put(&engine.Partner{Name: "P"}); err != nil {
			return err
		}
		if err := tx.Put(&engine.Product{SKU: "S"}); err != nil {
			return err
		}
		// 150 sales over three months: three blocks of 64.
		for i := 0; i < 150; i++ {
			x := &engine.Sale{Date: engine.MustDate("2026-01-01").AddDays(i * 90 / 150), PartnerID: 1, ProductID: 1,
				Customer: "C", Invoice: "INV-1", Line: i + 1, Net: decimal.NewFromInt(int64(i))}
			if err := tx.Put(x); err != nil {
				return err
			}
			ids = append(ids, x.ID)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	check("created")
	count := func(from, to engine.Date) int {
		n := 0
		if err := s.View(func(tx *data.Tx) error {
			return tx.SalesOfPartner(1, from, to, func(*engine.Sale) error { n++; return nil })
		}); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if n := count(engine.Date(-1<<31), engine.Date(1<<31-1)); n != 150 {
		t.Fatalf("all-time partner read found %d sales, want 150", n)
	}
	// Sale 10 (January) moves to 2026-05-02 and to invoice INV-2 line 1.
	err = s.Update("t", func(tx *data.Tx) error {
		x, err := data.Get[engine.Sale](tx, ids[9])
		if err != nil {
			return err
		}
		x.Date, x.Invoice, x.Line = engine.MustDate("2026-05-02"), "INV-2", 1
		return tx.Put(x)
	})
	if err != nil {
		t.Fatal(err)
	}
	check("moved")
	if n := count(engine.MustDate("2026-05-01"), engine.MustDate("2026-05-31")); n != 1 {
		t.Errorf("May holds %d sales after the move, want 1", n)
	}
	err = s.View(func(tx *data.Tx) error {
		if x, err := tx.SaleByInvoiceLine(1, "INV-2", 1); err != nil || x.ID != ids[9] {
			t.Errorf("INV-2 line 1: %v %v, want sale %d", x, err, ids[9])
		}
		if _, err := tx.SaleByInvoiceLine(1, "INV-1", 10); !errors.Is(err, engine.ErrNotFound) {
			t.Errorf("INV-1 line 10 after the move: %v, want not found", err)
		}
		lines, err := tx.SalesByInvoice(1, "INV-1")
		if err != nil || len(lines) != 149 {
			t.Errorf("INV-1 has %d lines after the move, want 149 (%v)", len(lines), err)
		}
		for i := 1; i < len(lines); i++ {
			if lines[i].Line <= lines[i-1].Line {
				t.Fatalf("INV-1 lines out of order: %d after %d", lines[i].Line, lines[i-1].Line)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// The line freed by the move can be taken again; a removed sale frees
	// its line and leaves every index.
	err = s.Update("t", func(tx *data.Tx) error {
		if err := tx.Put(&engine.Sale{Date: engine.MustDate("2026-01-05"), PartnerID: 1, ProductID: 1, Invoice: "INV-1", Line: 10, Net: decimal.NewFromInt(1)}); err != nil {
			return err
		}
		return tx.Delete(data.KindSale, ids[70])
	})
	if err != nil {
		t.Fatal(err)
	}
	check("removed")
	err = s.View(func(tx *data.Tx) error {
		n, err := tx.Count(data.KindSale)
		if err != nil || n != 150 {
			t.Errorf("count %d, want 150 (%v)", n, err)
		}
		if _, err := data.Get[engine.Sale](tx, ids[70]); !errors.Is(err, engine.ErrNotFound) {
			t.Errorf("removed sale read: %v", err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
