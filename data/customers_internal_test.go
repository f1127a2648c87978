package data

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/shopspring/decimal"

	"partnerdesk/engine"
)

// TestCustomersNumberedInOrderOfFirstUse: the customers of a large flush
// (encoded on several goroutines) get codes in the order the sales name
// them, after the codes already given, and the dictionary reads both ways
// and passes the check.
func TestCustomersNumberedInOrderOfFirstUse(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "p.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var pid, prod engine.ID
	one := decimal.NewFromInt(1)
	put := func(tx *Tx, i int, customer string) error {
		return tx.Put(&engine.Sale{Date: engine.MustDate("2026-03-02"), PartnerID: pid, ProductID: prod, Customer: customer,
			Quantity: one, UnitPrice: one, Net: one, Invoice: fmt.Sprintf("I-%d", i), Line: 1})
	}
	err = s.Update("t", func(tx *Tx) error {
		p, pr := engine.Partner{Name: "P"}, engine.Product{SKU: "S"}
		if err := tx.Put(&p); err != nil {
			return err
		}
		if err := tx.Put(&pr); err != nil {
			return err
		}
		pid, prod = p.ID, pr.ID
		return put(tx, 0, "Zed") // code 1
	})
	if err != nil {
		t.Fatal(err)
	}
	// 100 blocks: customer k of 300 first named by sale 3k+1; "Zed" again
	// and again; names in reverse alphabetical order of first use.
	var want []string
	err = s.Update("t", func(tx *Tx) error {
		for i := 1; i <= 6400; i++ {
			name := "Zed"
			if i%3 == 1 && i/3 < 300 {
				name = fmt.Sprintf("C%03d", 299-i/3)
				want = append(want, name)
			} else if i%3 == 2 {
				name = fmt.Sprintf("C%03d", 299-(i/3)%300)
			}
			if err := put(tx, i, name); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	err = s.View(func(tx *Tx) error {
		names, err := tx.readCustomerNames()
		if err != nil {
			return err
		}
		if len(names) != 302 || names[1] != "Zed" {
			return fmt.Errorf("%d codes, code 1 %q", len(names), names[1])
		}
		for k, name := range want {
			if names[k+2] != name {
				return fmt.Errorf("code %d is %q, want %q", k+2, names[k+2], name)
			}
			tx.saleState().codes = map[string]uint64{}
			if c, err := tx.customerCode(name); err != nil || c != uint64(k+2) {
				return fmt.Errorf("%q reads as code %d (%v), want %d", name, c, err, k+2)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := s.Check()
	if err != nil || !rep.OK() {
		t.Fatalf("check: %v %v", err, rep.Problems)
	}
}
