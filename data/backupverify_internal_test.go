package data

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"partnerdesk/engine"
)

// TestVerifyCopyRefusesWhatDiffers: the backup's verification refuses a
// copy cut short, one that does not open as a database, one of another
// schema and one of another transaction; it passes a faithful copy.
func TestVerifyCopyRefusesWhatDiffers(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(filepath.Join(dir, "p.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	good := filepath.Join(dir, "good.db")
	if err := s.Backup(good); err != nil {
		t.Fatal(err)
	}
	var want snapshot
	s.db.View(func(btx *bolt.Tx) error {
		want = snapshot{txid: btx.ID(), size: btx.Size(), schema: readSchema(btx)}
		return nil
	})
	s.Close()
	b, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	if err := verifyCopy(good, want); err != nil {
		t.Fatalf("a faithful copy: %v", err)
	}
	other := want
	other.schema--
	if err := verifyCopy(good, other); err == nil || !strings.Contains(err.Error(), "schema") {
		t.Errorf("another schema: %v", err)
	}
	other = want
	other.txid++
	if err := verifyCopy(good, other); err == nil || !strings.Contains(err.Error(), "transaction") {
		t.Errorf("another transaction: %v", err)
	}
	short := filepath.Join(dir, "short.db")
	if err := os.WriteFile(short, b[:len(b)-4096], 0o600); err != nil {
		t.Fatal(err)
	}
	if err := verifyCopy(short, want); err == nil || !strings.Contains(err.Error(), "bytes") {
		t.Errorf("a copy cut short: %v", err)
	}
	junk := filepath.Join(dir, "junk.db")
	os.WriteFile(junk, bytes.Repeat([]byte("not a database"), int(want.size)/14+1)[:want.size], 0o600)
	if err := verifyCopy(junk, want); err == nil || !strings.Contains(err.Error(), "does not open") {
		t.Errorf("junk: %v", err)
	}
}

// TestSnapshotIsBboltsCopy: the backup's copy (meta pages from bbolt,
// data pages by the system's file copy) is byte for byte what bbolt's
// WriteTo writes for the same transaction, and so is the fallback taken
// when the file at the path is not known to be the one open.
func TestSnapshotIsBboltsCopy(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(filepath.Join(dir, "p.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Update("t", func(tx *Tx) error {
		for i := range 3000 {
			p := engine.Partner{Name: "Partner " + strings.Repeat("x", i%50), Country: "DE"}
			if err := tx.Put(&p); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	for _, known := range []bool{true, false} {
		if !known {
			s.file = nil
		}
		var fast, want bytes.Buffer
		f, err := os.Create(filepath.Join(dir, "fast.db"))
		if err != nil {
			t.Fatal(err)
		}
		err = s.db.View(func(btx *bolt.Tx) error {
			if err := s.writeSnapshot(btx, f); err != nil {
				return err
			}
			_, err := btx.WriteTo(&want)
			return err
		})
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		got, _ := os.ReadFile(f.Name())
		fast.Write(got)
		if want.Len() < 8*4096 || !bytes.Equal(fast.Bytes(), want.Bytes()) {
			t.Fatalf("file known %v: the copy (%d bytes) differs from bbolt's (%d bytes)", known, fast.Len(), want.Len())
		}
	}
}
