package data

import (
	"path/filepath"
	"testing"

	"github.com/shopspring/decimal"
	bolt "go.etcd.io/bbolt"

	"partnerdesk/engine"
)

// A schema-2 file stored a matrix cell left out of a program file as 0,
// which weighed 1 then. Opening it with schema 3 (where 0 earns nothing)
// turns those cells into 1, so the program pays what it paid; a cell of
// 1.5 stays.
func TestMigrateMatrixZeroCellsToOne(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	err = s.db.Update(func(btx *bolt.Tx) error {
		prog := []byte(`{"id":1,"name":"P","period_kind":"quarter","status":"active","rules":[{"key":"r","name":"R","kind":"rate",` +
			`"rate":{"rate":"5"},"matrix":{"new_customer_new_product":"1.5","new_customer_existing_product":"0",` +
			`"existing_customer_new_product":"0","existing_customer_existing_product":"0"}}]}`)
		if err := btx.Bucket(kindByName[KindProgram].bucket).Put(itob(1), prog); err != nil {
			return err
		}
		return asLegacyFile(btx, 2)
	})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.SchemaVersion() != CurrentSchema {
		t.Fatalf("schema %d after open, want %d", s.SchemaVersion(), CurrentSchema)
	}
	var p *engine.Program
	err = s.View(func(tx *Tx) error {
		var err error
		p, err = Get[engine.Program](tx, 1)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	m := p.Rules[0].Matrix
	one := decimal.NewFromInt(1)
	if m == nil || !m.NewNew.Equal(decimal.RequireFromString("1.5")) || !m.NewExisting.Equal(one) || !m.ExistingNew.Equal(one) || !m.ExistingExisting.Equal(one) {
		t.Errorf("matrix after migration %+v, want 1.5, 1, 1, 1", m)
	}
}

// asLegacyFile gives a new file the sales buckets of schema 1-3 in place
// of schema 4's, and the schema number v.
func asLegacyFile(btx *bolt.Tx, v int) error {
	for _, n := range [][]byte{bSaleBlocks, bCustomers, bSaleDays, bSaleMonths, bSaleInvoices} {
		if err := btx.DeleteBucket(n); err != nil {
			return err
		}
	}
	for _, n := range [][]byte{bLegacySales, bSalesByDate, bSalesByPartnr, bSalesByInv} {
		if _, err := btx.CreateBucketIfNotExists(n); err != nil {
			return err
		}
	}
	return writeSchema(btx, v)
}
