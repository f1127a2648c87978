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
		{"date entry missing", func(btx *bolt.Tx, s *engine.Sale) error {
			return btx.Bucket(bSalesByDate).Delete(byDateKey(s))
		}, "Sale 2 is missing from the date index"},
		{"date copy stale", func(btx *bolt.Tx, s *engine.Sale) error {
			c := *s
			c.Net = decimal.RequireFromString("999")
			return btx.Bucket(bSalesByDate).Put(byDateKey(s), encodeSale(&c))
		}, "Sale 2 differs from its copy in the date index"},
		{"partner entry missing", func(btx *bolt.Tx, s *engine.Sale) error {
			return btx.Bucket(bSalesByPartnr).Delete(byPartnerKey(s))
		}, "Sale 2 is missing from the partner index"},
		{"invoice points elsewhere", func(btx *bolt.Tx, s *engine.Sale) error {
			return btx.Bucket(bSalesByInv).Put(invoiceKey(s.PartnerID, s.Invoice, s.Line), itob(1))
		}, "Sale 2 (invoice \"I\" line 2) is missing from the invoice index"},
		{"stray partner entry", func(btx *bolt.Tx, s *engine.Sale) error {
			c := *s
			c.ID = 77
			return btx.Bucket(bSalesByPartnr).Put(byPartnerKey(&c), []byte{})
		}, "sales_by_partner does not agree with the sales (4 entries for 3 expected)"},
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
					sl := &engine.Sale{Date: engine.MustDate("2026-07-01").AddDays(i), PartnerID: p.ID, ProductID: pr.ID, Invoice: "I", Line: i, Net: decimal.NewFromInt(int64(i))}
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
