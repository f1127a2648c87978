package data_test

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"partnerdesk/data"
	"partnerdesk/engine"
)

// clock is a fixed instant so audit entries and backup names are stable.
var clock = time.Date(2026, 7, 15, 10, 30, 0, 0, time.UTC)

func fixedNow() time.Time { return clock }

// openTemp opens a new store in a temporary folder; at cleanup it checks
// the file (bbolt's check and the app's invariants) and closes it.
func openTemp(tb testing.TB) (*data.Store, string) {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "sub", "partnerdesk.db")
	s, err := data.Open(path, data.Options{Now: fixedNow})
	if err != nil {
		tb.Fatalf("Open: %v", err)
	}
	tb.Cleanup(func() { checkAndClose(tb, s) })
	return s, path
}

func checkAndClose(tb testing.TB, s *data.Store) {
	tb.Helper()
	rep, err := s.Check()
	if err != nil {
		tb.Errorf("Check: %v", err)
	} else if !rep.OK() {
		tb.Errorf("Check found problems: %s", rep)
	}
	if err := s.Close(); err != nil {
		tb.Errorf("Close: %v", err)
	}
}

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// seed stores one partner, one rep and one product and returns their ids.
func seed(tb testing.TB, s *data.Store) (pid, rid, prod engine.ID) {
	tb.Helper()
	err := s.Update("tester", func(tx *data.Tx) error {
		p := &engine.Partner{Name: "Ωmega Σύστημα", Kind: engine.KindReseller, Status: engine.StatusActive}
		if err := tx.Put(p); err != nil {
			return err
		}
		r := &engine.Rep{PartnerID: p.ID, Name: "Анна", Active: true}
		if err := tx.Put(r); err != nil {
			return err
		}
		pr := &engine.Product{SKU: "SKU-1", Name: "Suite", ListPrice: dec("100.00")}
		if err := tx.Put(pr); err != nil {
			return err
		}
		pid, rid, prod = p.ID, r.ID, pr.ID
		return nil
	})
	if err != nil {
		tb.Fatalf("seed: %v", err)
	}
	return pid, rid, prod
}

func sale(pid, prod engine.ID, date, invoice string, line int, net string) *engine.Sale {
	return &engine.Sale{
		Date: engine.MustDate(date), PartnerID: pid, ProductID: prod, Customer: "Müller GmbH",
		Quantity: dec("1"), UnitPrice: dec(net), Net: dec(net), Invoice: invoice, Line: line,
	}
}
