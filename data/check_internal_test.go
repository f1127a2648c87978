package data

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	bolt "go.etcd.io/bbolt"

	"partnerdesk/engine"
)

// TestCheckFindsBrokenIndexes damages the indexes behind the store's back
// and expects Check to name what is wrong.
func TestCheckFindsBrokenIndexes(t *testing.T) {
	tests := []struct {
		name   string
		damage func(btx *bolt.Tx, s *engine.Sale) error
		want   string
	}{
		{"day entry missing", func(btx *bolt.Tx, s *engine.Sale) error {
			return putIDs(btx, bSaleDays, dayKey(s.BookDate()), nil)
		}, "Sale 2 is missing from the day index"},
		{"day entry stray", func(btx *bolt.Tx, s *engine.Sale) error {
			return putIDs(btx, bSaleDays, dayKey(s.BookDate()), []engine.ID{2, 77})
		}, "names sale 77, which does not belong there"},
		{"partner entry missing", func(btx *bolt.Tx, s *engine.Sale) error {
			return btx.Bucket(bSaleMonths).Delete(monthKey(s.PartnerID, s.BookDate()))
		}, "Sale 2 is missing from the partner index"},
		{"invoice entry wrong", func(btx *bolt.Tx, s *engine.Sale) error {
			g, fp := invoiceHash(s.PartnerID, s.Invoice)
			es, err := decodeInvoiceGroup(btx.Bucket(bSaleInvoices).Get(invoiceGroupKey(g)))
			if err != nil {
				return err
			}
			for i := range es {
				if es[i].fp == fp && es[i].line == 2 {
					es[i].id = 1
				}
			}
			return btx.Bucket(bSaleInvoices).Put(invoiceGroupKey(g), appendInvoiceGroup(nil, es))
		}, "Sale 2 (line 2) is missing from the invoice index"},
		{"block unreadable", func(btx *bolt.Tx, s *engine.Sale) error {
			return btx.Bucket(bSaleBlocks).Put(blockKey(blockOf(s.ID)), []byte{saleBlockV1, 3, 1})
		}, "The sales of block 0 (ids 0-63) cannot be read"},
		{"customer missing", func(btx *bolt.Tx, s *engine.Sale) error {
			return btx.Bucket(bCustomers).Delete(customerNameKey(1))
		}, "The customer \"Acme\" has code 1, which names \"\""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Open(filepath.Join(t.TempDir(), "p.db"), Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			var victim engine.Sale
			err = s.Update("t", func(tx *Tx) error {
				p := &engine.Partner{Name: "P"}
				pr := &engine.Product{SKU: "S"}
				if err := tx.Put(p); err != nil {
					return err
				}
				if err := tx.Put(pr); err != nil {
					return err
				}
				for i := 1; i <= 3; i++ {
					sl := &engine.Sale{Date: engine.MustDate("2026-07-01").AddDays(i), PartnerID: p.ID, ProductID: pr.ID, Customer: "Acme", Invoice: "I", Line: i, Net: decimal.NewFromInt(int64(i))}
					if err := tx.Put(sl); err != nil {
						return err
					}
					if i == 2 {
						victim = *sl
					}
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if rep, _ := s.Check(); !rep.OK() {
				t.Fatalf("clean file: %v", rep.Problems)
			}
			if err := s.db.Update(func(btx *bolt.Tx) error { return tt.damage(btx, &victim) }); err != nil {
				t.Fatal(err)
			}
			rep, err := s.Check()
			if err != nil {
				t.Fatal(err)
			}
			if all := strings.Join(rep.Problems, "\n"); !strings.Contains(all, tt.want) {
				t.Errorf("Check said:\n%s\nwant it to include %q", all, tt.want)
			}
		})
	}
}

func putIDs(btx *bolt.Tx, bucket, key []byte, ids []engine.ID) error {
	if len(ids) == 0 {
		return btx.Bucket(bucket).Delete(key)
	}
	return btx.Bucket(bucket).Put(key, appendIDSet(nil, ids))
}
