package data

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"partnerdesk/engine"
)

// TestAuditChainNamesTheFirstAlteredEntry writes five audited changes in
// two transactions, then alters, removes or unseals entries behind the
// store's back: check names the first entry that no longer fits.
func TestAuditChainNamesTheFirstAlteredEntry(t *testing.T) {
	tests := []struct {
		name   string
		damage func(b *bolt.Bucket) error
		want   string
	}{
		{"entry changed", func(b *bolt.Bucket) error {
			v := b.Get(itob(2))
			// A created record is named, not copied: change the id it names.
			return b.Put(itob(2), bytes.Replace(v, []byte(`"record_id":2`), []byte(`"record_id":9`), 1))
		}, "Audit entry 3 does not fit"},
		{"entry removed", func(b *bolt.Bucket) error { return b.Delete(itob(4)) }, "Audit entry 5 does not fit"},
		{"seal removed", func(b *bolt.Bucket) error {
			v := b.Get(itob(3))
			i := bytes.Index(v, []byte(`,"prev":"`))
			return b.Put(itob(3), append(append([]byte{}, v[:i]...), v[i+len(`,"prev":"`)+64+1:]...))
		}, "Audit entry 3 carries no seal"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Open(filepath.Join(t.TempDir(), "p.db"), Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			for _, names := range [][]string{{"P1", "P2"}, {"P3", "P4", "P5"}} {
				err = s.Update("t", func(tx *Tx) error {
					for _, n := range names {
						if err := tx.Put(&engine.Partner{Name: n}); err != nil {
							return err
						}
					}
					return nil
				})
				if err != nil {
					t.Fatal(err)
				}
			}
			if rep, _ := s.Check(); !rep.OK() {
				t.Fatalf("clean file: %v", rep.Problems)
			}
			if err := s.db.Update(func(btx *bolt.Tx) error { return tt.damage(btx.Bucket(bAudit)) }); err != nil {
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
