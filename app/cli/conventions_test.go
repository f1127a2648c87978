package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// bareLF returns the line (1-based) of the first record that ends with a
// bare "\n" instead of "\r\n", or 0. Line breaks inside a quoted field are
// the field's text, not record ends.
func bareLF(s string) int {
	quoted, line := false, 1
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '"':
			quoted = !quoted
		case '\n':
			if !quoted && (i == 0 || s[i-1] != '\r') {
				return line
			}
			line++
		}
	}
	return 0
}

// TestCSVLineEnds: every CSV Partnerdesk writes ends its records with CRLF
// (RFC 4180, and what Excel writes), to standard output or to a file: the
// listings' --format csv, templates, exports and statements' data.
func TestCSVLineEnds(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "pd.db")
	if code, out, errs := run(t, db, "demo", "--raw", "--through", "2026-06-30"); code != 0 {
		t.Fatalf("demo: %d %s %s", code, out, errs)
	}
	check := func(what, s string) {
		t.Helper()
		if strings.Count(s, "\n") < 1 {
			t.Errorf("%s wrote no record:\n%q", what, s)
			return
		}
		if n := bareLF(s); n != 0 {
			t.Errorf("%s: record %d ends with a bare LF, want CRLF:\n%q", what, n, s[:min(len(s), 300)])
		}
	}
	for _, args := range [][]string{
		{"partners", "--format", "csv"},
		{"sales", "2026-Q2", "--format", "csv"},
		{"audit", "--format", "csv"},
		{"template", "sales"},
	} {
		code, out, errs := run(t, db, args...)
		if code != 0 {
			t.Fatalf("%v: exit %d %s", args, code, errs)
		}
		check(strings.Join(args, " "), out)
	}
	for i, args := range [][]string{
		{"template", "partners", "-o"},
		{"export", "lines", "2026-Q2", "--format", "csv", "-o"},
		{"export", "payouts", "2026-Q2", "--format", "csv", "-o"},
		{"statement", "P1", "2026-Q2", "-o"},
	} {
		f := filepath.Join(dir, "out"+string(rune('a'+i))+".csv")
		if code, out, errs := run(t, db, append(args, f)...); code != 0 {
			t.Fatalf("%v: exit %d %s %s", args, code, out, errs)
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		check(strings.Join(args, " "), string(b))
	}
}

// TestPathsWithSpacesAndNonLatinLetters: a database, its backups and the
// files written live in folders named as users name them on Windows and
// macOS ("Dokumente Müller", "ドキュメント 2026", "Мои файлы").
func TestPathsWithSpacesAndNonLatinLetters(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "Dokumente Müller", "ドキュメント 2026")
	out := filepath.Join(dir, "Мои файлы")
	for _, d := range []string{dir, out} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(dir, "Société Générale.db")
	bak := filepath.Join(out, "copia di sicurezza.db")
	csvFile := filepath.Join(out, "righe Q2 (bozza).csv")
	for _, args := range [][]string{
		{"demo", "--raw", "--through", "2026-06-30"},
		{"backup"},
		{"backup", bak},
		{"export", "lines", "2026-Q2", "--format", "csv", "-o", csvFile},
		{"statement", "P1", "2026-Q2", "-o", filepath.Join(out, "estratto conto ñ.pdf")},
		{"restore", bak},
		{"check"},
	} {
		if code, o, errs := run(t, db, args...); code != 0 {
			t.Fatalf("%v: exit %d %s %s", args, code, o, errs)
		}
	}
	for _, f := range []string{bak, csvFile, filepath.Join(out, "estratto conto ñ.pdf")} {
		if fi, err := os.Stat(f); err != nil || fi.Size() == 0 {
			t.Errorf("%s: %v", f, err)
		}
	}
	backups, err := os.ReadDir(filepath.Join(dir, "backups"))
	if err != nil || len(backups) != 1 {
		t.Errorf("backups beside %s: %v %v, want one", db, backups, err)
	}
}
