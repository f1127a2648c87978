package data

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	bolt "go.etcd.io/bbolt"

	"partnerdesk/engine"
)

// TestCheckFindsBrokenInvoiceNumbers damages the self-billing numbers
// behind the store's back and expects Check to name what is wrong.
func TestCheckFindsBrokenInvoiceNumbers(t *testing.T) {
	tests := []struct {
		name   string
		damage func(btx *bolt.Tx, ids []engine.ID) error
		want   string
	}{
		{"gap", func(btx *bolt.Tx, ids []engine.ID) error {
			// Number 2 vanishes and payout 2's entry moves to number 3.
			if err := btx.Bucket(bInvoiceNos).Delete(sbKey(engine.InvoiceNo{Year: 2026, Seq: 2})); err != nil {
				return err
			}
			return btx.Bucket(bInvoiceByPayout).Delete(itob(ids[1]))
		}, "jump from 1 to 3"},
		{"duplicate", func(btx *bolt.Tx, ids []engine.ID) error {
			return btx.Bucket(bInvoiceByPayout).Put(itob(ids[2]), sbKey(engine.InvoiceNo{Year: 2026, Seq: 1}))
		}, "SB-2026-00001 is given twice"},
		{"unnumbered payout", func(btx *bolt.Tx, ids []engine.ID) error {
			if err := btx.Bucket(bInvoiceNos).Delete(sbKey(engine.InvoiceNo{Year: 2026, Seq: 3})); err != nil {
				return err
			}
			return btx.Bucket(bInvoiceByPayout).Delete(itob(ids[2]))
		}, "has no self-billing number"},
		{"wrong year", func(btx *bolt.Tx, ids []engine.ID) error {
			if err := btx.Bucket(bInvoiceNos).Delete(sbKey(engine.InvoiceNo{Year: 2026, Seq: 3})); err != nil {
				return err
			}
			if err := btx.Bucket(bInvoiceNos).Put(sbKey(engine.InvoiceNo{Year: 2025, Seq: 1}), itob(ids[2])); err != nil {
				return err
			}
			return btx.Bucket(bInvoiceByPayout).Put(itob(ids[2]), sbKey(engine.InvoiceNo{Year: 2025, Seq: 1}))
		}, "in another year"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "p.db")
			s, err := Open(path, Options{Now: func() time.Time { return time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC) }})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			var ids []engine.ID
			err = s.Update("t", func(tx *Tx) error {
				p := &engine.Partner{Name: "P", Kind: engine.KindReseller, Status: engine.StatusActive}
				if err := tx.Put(p); err != nil {
					return err
				}
				for i := 1; i <= 3; i++ {
					po := engine.Payout{Date: engine.NewDate(2026, 5, i), Payee: engine.Payee{Kind: engine.PayeePartner, ID: p.ID}, Amount: decimal.NewFromInt(int64(i)), Method: "x"}
					if err := tx.Put(&po); err != nil {
						return err
					}
					ids = append(ids, po.ID)
				}
				_, err := tx.NumberPayouts()
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			if rep, err := s.Check(); err != nil || !rep.OK() {
				t.Fatalf("before the damage: %v %s", err, rep)
			}
			if err := s.db.Update(func(btx *bolt.Tx) error { return tt.damage(btx, ids) }); err != nil {
				t.Fatal(err)
			}
			rep, err := s.Check()
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(rep.String(), tt.want) {
				t.Errorf("Check says:\n%s\nwant a problem containing %q", rep, tt.want)
			}
		})
	}
}
