package data

import (
	"hash/maphash"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestVerifyCopyRefusesWhatDiffers: the backup's verification refuses a
// copy whose bytes on the disk are not what was written, one that does not
// open as a database, and one of another schema; it passes a faithful copy.
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
	s.Close()
	b, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	var sum maphash.Hash
	sum.Write(b)
	if err := verifyCopy(good, &sum, CurrentSchema); err != nil {
		t.Fatalf("a faithful copy: %v", err)
	}
	if err := verifyCopy(good, &sum, CurrentSchema-1); err == nil || !strings.Contains(err.Error(), "schema") {
		t.Errorf("another schema: %v", err)
	}
	flipped := append([]byte(nil), b...)
	flipped[len(flipped)/2] ^= 1
	bad := filepath.Join(dir, "bad.db")
	if err := os.WriteFile(bad, flipped, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := verifyCopy(bad, &sum, CurrentSchema); err == nil || !strings.Contains(err.Error(), "differs") {
		t.Errorf("a copy one bit off: %v", err)
	}
	junk := filepath.Join(dir, "junk.db")
	os.WriteFile(junk, []byte("not a database"), 0o600)
	var js maphash.Hash
	js.WriteString("not a database")
	if err := verifyCopy(junk, &js, CurrentSchema); err == nil || !strings.Contains(err.Error(), "does not open") {
		t.Errorf("junk: %v", err)
	}
}
