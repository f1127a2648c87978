package data

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	bolt "go.etcd.io/bbolt"

	"partnerdesk/engine"
)

// legacySales writes sales in the shape of schema 3 (one element per sale
// and per index entry, the v1 codec) straight into the buckets.
func legacySales(btx *bolt.Tx, sales []engine.Sale) error {
	b, byDate, byPartner, byInv := btx.Bucket(bLegacySales), btx.Bucket(bSalesByDate), btx.Bucket(bSalesByPartnr), btx.Bucket(bSalesByInv)
	for i := range sales {
		s := &sales[i]
		v := encodeSale(s)
		if err := b.Put(itob(s.ID), v); err != nil {
			return err
		}
		if err := byDate.Put(byDateKey(s), v); err != nil {
			return err
		}
		if err := byPartner.Put(byPartnerKey(s), []byte{}); err != nil {
			return err
		}
		if s.Invoice != "" {
			if err := byInv.Put(invoiceKey(s.PartnerID, s.Invoice, s.Line), itob(s.ID)); err != nil {
				return err
			}
		}
	}
	return b.SetSequence(uint64(sales[len(sales)-1].ID) + 5) // ids handed out past the last, as after a removal
}

// TestUpgradeFromSchema3KeepsEverySale: a schema 3 file of 30,000 sales
// (returns, splits, late sales, accents, a removed id, sales entered out of
// date order) opens as schema 4 with every sale reading exactly as schema 3
// read it, by id, by period, by partner and by invoice; the check passes;
// the backup is kept; the file is compacted below its old size.
func TestUpgradeFromSchema3KeepsEverySale(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(3, 4))
	var sales []engine.Sale
	err = s.Update("t", func(tx *Tx) error {
		for i := 1; i <= 40; i++ {
			if err := tx.Put(&engine.Partner{Name: fmt.Sprint("P", i)}); err != nil {
				return err
			}
		}
		for i := 1; i <= 5; i++ {
			if err := tx.Put(&engine.Product{SKU: fmt.Sprint("S", i)}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	q := engine.Quarter(2026, 2, 1)
	for id := engine.ID(1); id <= 30_001; id++ {
		if id == 777 {
			continue // a removed sale: its id is never seen again
		}
		x := engine.Sale{ID: id, Date: q.Start.AddDays(r.IntN(q.Days())), PartnerID: engine.ID(1 + r.IntN(40)), ProductID: engine.ID(1 + r.IntN(5)),
			Customer: []string{"Müller GmbH", "東京商事", "Acme", ""}[r.IntN(4)] + fmt.Sprint(r.IntN(300)),
			Quantity: decimal.NewFromInt(int64(1 + r.IntN(9))), UnitPrice: decimal.New(int64(100+r.IntN(90000)), -2),
			Invoice: fmt.Sprintf("INV-%06d", id/3), Line: int(id%3) + 1}
		x.Net = x.UnitPrice.Mul(x.Quantity)
		switch r.IntN(20) {
		case 0:
			x.Net, x.Quantity = x.Net.Neg(), x.Quantity.Neg()
			x.OriginalInvoice = fmt.Sprintf("INV-%06d", id/6)
		case 1:
			x.Splits = []engine.CreditSplit{{PartnerID: 2, Share: decimal.NewFromInt(60)}, {PartnerID: 3, RepID: 0, Share: decimal.NewFromInt(40)}}
		case 2:
			x.Booked = q.End.AddDays(3)
		}
		sales = append(sales, x)
	}
	err = s.db.Update(func(btx *bolt.Tx) error {
		if err := asLegacyFile(btx, 3); err != nil {
			return err
		}
		return legacySales(btx, sales)
	})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	before, _ := os.Stat(path)

	s, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.SchemaVersion() != CurrentSchema {
		t.Fatalf("schema %d after open", s.SchemaVersion())
	}
	if baks, _ := filepath.Glob(path + ".v3-*.bak"); len(baks) != 1 {
		t.Errorf("backups %v, want one .v3-*.bak", baks)
	}
	after, _ := os.Stat(path)
	if after.Size() >= before.Size() {
		t.Errorf("the upgraded file is %d bytes, the schema 3 file was %d: it was not compacted", after.Size(), before.Size())
	}
	rep, err := s.Check()
	if err != nil || !rep.OK() || rep.Counts[KindSale] != len(sales) {
		t.Fatalf("check: %v %v, %d sales counted of %d", err, rep.Problems, rep.Counts[KindSale], len(sales))
	}
	// What schema 3 read: the v1 codec's round trip.
	want := map[engine.ID]string{}
	for i := range sales {
		var old engine.Sale
		if err := decodeSale(encodeSale(&sales[i]), &old); err != nil {
			t.Fatal(err)
		}
		old.ID = sales[i].ID
		j, _ := json.Marshal(old)
		want[old.ID] = string(j)
	}
	same := func(where string, x *engine.Sale) {
		t.Helper()
		j, _ := json.Marshal(x)
		if want[x.ID] != string(j) {
			t.Fatalf("%s: sale %d reads\n %s\nwant\n %s", where, x.ID, j, want[x.ID])
		}
	}
	err = s.View(func(tx *Tx) error {
		n := 0
		if err := Each(tx, func(x *engine.Sale) error { n++; same("each", x); return nil }); err != nil {
			return err
		}
		if n != len(sales) {
			t.Errorf("each read %d sales, want %d", n, len(sales))
		}
		last, _ := tx.LastSaleID()
		if last != 30_006 {
			t.Errorf("last sale id %d, want 30006 (the sequence kept)", last)
		}
		var prev *engine.Sale
		n = 0
		err := tx.SalesBetween(q.Start, q.End.AddDays(10), func(x *engine.Sale) error {
			n++
			same("period", x)
			if prev != nil && (x.BookDate() < prev.BookDate() || x.BookDate() == prev.BookDate() && x.ID <= prev.ID) {
				t.Fatalf("period order: sale %d after %d", x.ID, prev.ID)
			}
			prev = x
			return nil
		})
		if err != nil || n != len(sales) {
			t.Fatalf("period read %d sales, err %v", n, err)
		}
		all, err := tx.AppendSalesBetween(nil, q.Start, q.End.AddDays(10))
		if err != nil || len(all) != len(sales) {
			t.Fatalf("append read %d sales, err %v", len(all), err)
		}
		for i := range all {
			same("append", &all[i])
		}
		for pid := engine.ID(1); pid <= 40; pid++ {
			m := 0
			err := tx.SalesOfPartner(pid, q.Start, q.End.AddDays(10), func(x *engine.Sale) error {
				m++
				if x.PartnerID != pid {
					t.Fatalf("partner %d read sale %d of partner %d", pid, x.ID, x.PartnerID)
				}
				same("partner", x)
				return nil
			})
			if err != nil {
				return err
			}
			c := 0
			for i := range sales {
				if sales[i].PartnerID == pid {
					c++
				}
			}
			if m != c {
				t.Errorf("partner %d: %d sales read, want %d", pid, m, c)
			}
		}
		for i := 0; i < len(sales); i += 97 {
			x := sales[i]
			got, err := tx.SaleByInvoiceLine(x.PartnerID, x.Invoice, x.Line)
			if err != nil {
				return err
			}
			same("invoice line", got)
			lines, err := tx.SalesByInvoice(x.PartnerID, x.Invoice)
			if err != nil {
				return err
			}
			for _, l := range lines {
				if l.PartnerID != x.PartnerID || l.Invoice != x.Invoice {
					t.Fatalf("invoice %s of %d read line of %s/%d", x.Invoice, x.PartnerID, l.Invoice, l.PartnerID)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// The upgraded file takes new sales on the old sequence.
	err = s.Update("t", func(tx *Tx) error {
		x := &engine.Sale{Date: q.Start, PartnerID: 1, ProductID: 1, Customer: "New", Invoice: "N-1", Line: 1, Net: decimal.NewFromInt(1)}
		if err := tx.Put(x); err != nil {
			return err
		}
		if x.ID != 30_007 {
			t.Errorf("new sale id %d, want 30007", x.ID)
		}
		dup := *x
		dup.ID = 0
		if err := tx.Put(&dup); err == nil || !strings.Contains(err.Error(), "already holds it") {
			t.Errorf("a duplicate invoice line after the upgrade: %v", err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
