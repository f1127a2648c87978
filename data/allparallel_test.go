package data_test

import (
	"fmt"
	"path/filepath"
	"testing"

	"partnerdesk/data"
	"partnerdesk/engine"
)

// TestAllDecodesManyRecordsInOrder: a kind with more records than All
// decodes on one core comes back whole and in id order, as Each walks it
// (under -race in make test: the decoders share nothing).
func TestAllDecodesManyRecordsInOrder(t *testing.T) {
	s, err := data.Open(filepath.Join(t.TempDir(), "p.db"), data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	const n = 5000
	err = s.Update("t", func(tx *data.Tx) error {
		for i := 1; i <= n; i++ {
			if err := tx.Put(&engine.Partner{Name: fmt.Sprint("Partner ", i), Kind: engine.KindReseller}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	err = s.View(func(tx *data.Tx) error {
		all, err := data.All[engine.Partner](tx)
		if err != nil {
			return err
		}
		if len(all) != n {
			t.Fatalf("All gave %d partners, want %d", len(all), n)
		}
		i := 0
		return data.Each(tx, func(p *engine.Partner) error {
			if all[i].ID != p.ID || all[i].Name != p.Name {
				t.Fatalf("All[%d] = %d %q, Each gives %d %q", i, all[i].ID, all[i].Name, p.ID, p.Name)
			}
			i++
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
}
