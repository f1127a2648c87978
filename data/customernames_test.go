package data_test

import (
	"fmt"
	"testing"

	"partnerdesk/data"
	"partnerdesk/engine"
)

// TestBlockReadsAfterALongReadNameCustomers: once a long read has loaded
// the customers dictionary, the transaction's own block reads (an
// invoice look-up) name customers from it; a customer added after it is
// named too, by the same look-up and by the next long read.
func TestBlockReadsAfterALongReadNameCustomers(t *testing.T) {
	s, _ := openTemp(t)
	pid, _, prod := seed(t, s)
	// 260 blocks of 64 sales, so that the quarter's read decodes on every
	// core and loads the whole dictionary (from 256 blocks).
	const n = 64 * 260
	err := s.Update("t", func(tx *data.Tx) error {
		for i := range n {
			x := sale(pid, prod, "2026-01-05", fmt.Sprintf("INV-%d", i), 1, "10")
			x.Customer = fmt.Sprintf("Customer %d", i%700)
			if err := tx.Put(x); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	from, to := engine.MustDate("2026-01-01"), engine.MustDate("2026-03-31")
	err = s.Update("t", func(tx *data.Tx) error {
		all, err := tx.AppendSalesBetween(nil, from, to)
		if err != nil || len(all) != n {
			return fmt.Errorf("long read: %d sales, %v", len(all), err)
		}
		for _, i := range []int{0, 699, 700, 1999, n - 1} {
			got, err := tx.SalesByInvoice(pid, fmt.Sprintf("INV-%d", i))
			if err != nil || len(got) != 1 || got[0].Customer != fmt.Sprintf("Customer %d", i%700) {
				return fmt.Errorf("invoice INV-%d after the long read: %+v %v", i, got, err)
			}
		}
		x := sale(pid, prod, "2026-02-01", "INV-NEW", 1, "10")
		x.Customer = "A customer never seen"
		if err := tx.Put(x); err != nil {
			return err
		}
		got, err := tx.SalesByInvoice(pid, "INV-NEW")
		if err != nil || len(got) != 1 || got[0].Customer != x.Customer {
			return fmt.Errorf("the new customer's invoice: %+v %v", got, err)
		}
		all, err = tx.AppendSalesBetween(all[:0], from, to)
		if err != nil || len(all) != n+1 {
			return fmt.Errorf("second long read: %d sales, %v", len(all), err)
		}
		for _, s := range all {
			if s.Invoice == "INV-NEW" && s.Customer != x.Customer {
				return fmt.Errorf("second long read names the new sale's customer %q", s.Customer)
			}
		}
		got, err = tx.SalesByInvoice(pid, "INV-NEW")
		if err != nil || len(got) != 1 || got[0].Customer != x.Customer {
			return fmt.Errorf("the new customer's invoice after the second long read: %+v %v", got, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
