package app

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"partnerdesk/data/sheet"
)

// streamTable opens a CSV or XLSX file for an import: a CSV file's rows are
// read from its text as they are checked, never all held at once (see
// sheet.Stream), so a large file costs about its own size in memory before
// the records it converts to.
func streamTable(path string) (*sheet.Table, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	defer f.Close()
	t, err := sheet.Stream(f, filepath.Base(path))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return t, nil
}

// tableRows is the number of data rows of t, counting them when no read
// has yet gone through the file (a file refused for its columns).
func tableRows(t *sheet.Table) int {
	if n := t.Len(); n >= 0 {
		return n
	}
	n := 0
	if err := t.Each(func(sheet.Row) error { n++; return nil }); err != nil {
		return n
	}
	return n
}

// FileHeader returns the column names of a CSV or XLSX file, reading no
// data row (what choosing a saved mapping needs).
func FileHeader(path string) ([]string, error) {
	t, err := streamTable(path)
	if err != nil {
		return nil, err
	}
	return t.Header, nil
}

// fileDigest is the SHA-256 (hex) of the file at path, which an import's
// audit entry keeps: it names the very file that was imported.
func fileDigest(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", fmt.Errorf("open %s: %w", path, err)
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", fmt.Errorf("read %s: %w", path, err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
