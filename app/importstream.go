package app

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

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

// softMemoryLimit lowers the process's soft memory limit while a CSV file
// at path is imported, and returns the function that restores it. Go's
// collector lets the heap grow to twice what is live before collecting.
// An import holds the file's text and, until the commit, what the store
// writes; it no longer holds the rows (Import streams them): the 40 MB
// file of BenchmarkImportSales40MB peaked at 264 MB in all (issue 17; 850
// MB before issue 12's limit, 470 MB under it, when the rows were held).
// The limit, 128 MB plus 8 times the file's size, stays as a guard for a
// store or a file that needs more. It is soft: a heap that must be larger
// makes the collector work harder (at most half the processor), never
// fails the import. A lower limit already set (GOMEMLIMIT) is kept; an
// XLSX file, whose size says little of its rows, gets none.
func softMemoryLimit(path string) (restore func()) {
	fi, err := os.Stat(path)
	if err != nil || !strings.EqualFold(filepath.Ext(path), ".csv") {
		return func() {}
	}
	want := max(importMemoryFloor, importMemoryBase+importMemoryPerByte*fi.Size())
	prev := debug.SetMemoryLimit(-1)
	if want >= prev {
		return func() {}
	}
	debug.SetMemoryLimit(want)
	return func() { debug.SetMemoryLimit(prev) }
}

const (
	importMemoryBase    = 128 << 20 // the program, the reference records, bbolt's buffers
	importMemoryPerByte = 8         // what a byte of CSV costs at most, live, with what the store writes
	importMemoryFloor   = 384 << 20 // below this a limit saves little and may cost time
)
