package data

import (
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// TestChangeLogOnFileWithoutBucket: a file last written before change logs
// existed has no changes bucket. Opened read-only (not upgraded), it reads
// as "never computed since changes are recorded" and checks clean; the next
// writable open creates the bucket.
func TestChangeLogOnFileWithoutBucket(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.db.Update(func(btx *bolt.Tx) error { return btx.DeleteBucket(bChanges) }); err != nil {
		t.Fatal(err)
	}
	s.Close()

	ro, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	err = ro.View(func(tx *Tx) error {
		_, ok, err := tx.ChangeLog("2026-07")
		if ok || err != nil {
			t.Errorf("ChangeLog on a file without the bucket: ok %v, err %v; want false, nil", ok, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if rep, err := ro.Check(); err != nil || !rep.OK() {
		t.Errorf("check of a file without the changes bucket: %v %s", err, rep)
	}
	ro.Close()

	rw, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer rw.Close()
	rw.db.View(func(btx *bolt.Tx) error {
		if btx.Bucket(bChanges) == nil {
			t.Error("a writable open did not create the changes bucket")
		}
		return nil
	})
}
