package data

import (
	"fmt"
	"path/filepath"
	"reflect"
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
		var err error
		if pid, prod, err = partnerAndProduct(tx); err != nil {
			return err
		}
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

// TestSalesWithIDsReadsWhatGetSaleReads: the invoice look-up's reader
// (blocks decoded only up to the ids wanted) gives, for ids in one block,
// across two blocks, in a block the transaction changed, in the block
// read last and for an id with no sale, what reading each sale alone
// gives.
func TestSalesWithIDsReadsWhatGetSaleReads(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "p.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	one := decimal.NewFromInt(1)
	err = s.Update("t", func(tx *Tx) error {
		pid, prod, err := partnerAndProduct(tx)
		if err != nil {
			return err
		}
		for i := 1; i <= 200; i++ { // ids 1-200: blocks 0-3
			x := engine.Sale{Date: engine.MustDate("2026-03-02").AddDays(i % 9), PartnerID: pid, ProductID: prod,
				Customer: fmt.Sprintf("C%d", i%7), Quantity: one, UnitPrice: decimal.NewFromInt(int64(i)),
				Net: decimal.NewFromInt(int64(i)), Invoice: fmt.Sprintf("I-%d", i/10), Line: i%10 + 1}
			if err := tx.Put(&x); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sets := [][]engine.ID{{3}, {60, 61, 62, 63, 64, 65, 66}, {5, 70, 130, 199}, {200, 201}, {63, 64}}
	compare := func(tx *Tx, what string) error {
		for _, ids := range sets {
			got, err := tx.salesWithIDs(ids)
			if err != nil {
				return err
			}
			for k, id := range ids {
				want, err := tx.getSale(id)
				if err != nil {
					return err
				}
				if want == nil {
					want = &engine.Sale{}
				}
				if !reflect.DeepEqual(got[k], *want) {
					return fmt.Errorf("%s: sale %d of %v reads as %+v, want %+v", what, id, ids, got[k], *want)
				}
			}
		}
		return nil
	}
	if err := s.View(func(tx *Tx) error { return compare(tx, "stored") }); err != nil {
		t.Fatal(err)
	}
	err = s.Update("t", func(tx *Tx) error {
		x, err := tx.getSale(64) // block 1 read last
		if err != nil {
			return err
		}
		if err := compare(tx, "block read last"); err != nil {
			return err
		}
		x.Customer = "Changed"
		if err := tx.Put(x); err != nil { // block 1 changed in the transaction
			return err
		}
		if err := compare(tx, "changed in the transaction"); err != nil {
			return err
		}
		got, err := tx.salesWithIDs([]engine.ID{64})
		if err != nil || got[0].Customer != "Changed" {
			return fmt.Errorf("the changed sale reads as %+v (%v)", got[0], err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// partnerAndProduct stores the partner and the product the tests' sales
// name.
func partnerAndProduct(tx *Tx) (pid, prod engine.ID, err error) {
	p, pr := engine.Partner{Name: "P"}, engine.Product{SKU: "S"}
	if err := tx.Put(&p); err != nil {
		return 0, 0, err
	}
	if err := tx.Put(&pr); err != nil {
		return 0, 0, err
	}
	return p.ID, pr.ID, nil
}
