package cli_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"partnerdesk/app"
	"partnerdesk/data"
)

// The export verb and the window's Exports screen save through one use
// case (Service.ExportToFile): for every kind, in both formats, the file
// the command line writes and the one the window writes are the same
// bytes, mode 0600.
func TestExportVerbAndWindowWriteTheSameBytes(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "pd.db")
	if code, out, errs := run(t, db, "demo", "--through", "2026-06-30"); code != 0 {
		t.Fatalf("demo: %d %s %s", code, out, errs)
	}
	if code, out, errs := run(t, db, "company", "--csv-style", "semicolon"); code != 0 {
		t.Fatalf("company: %d %s %s", code, out, errs)
	}
	type file struct{ kind, format string }
	var files []file
	for _, kind := range app.ExportKinds {
		for _, format := range []string{"csv", "xlsx"} {
			files = append(files, file{kind, format})
			f := filepath.Join(dir, "cli-"+kind+"."+format)
			if code, out, errs := run(t, db, "export", kind, "2026-Q2", "--format", format, "-o", f); code != 0 || !strings.Contains(out, "rows of "+kind) {
				t.Fatalf("export %s %s: %d %s %s", kind, format, code, out, errs)
			}
		}
	}
	st, err := data.Open(db, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	svc := app.NewService(st, "window", time.Now)
	rows := 0
	for _, f := range files {
		win := filepath.Join(dir, "win-"+f.kind+"."+f.format)
		n, err := svc.ExportToFile(f.kind, "2026-Q2", f.format, win, nil)
		if err != nil {
			t.Fatalf("window export %s: %v", f.kind, err)
		}
		rows += n
		a, err := os.ReadFile(filepath.Join(dir, "cli-"+f.kind+"."+f.format))
		if err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(win)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a, b) {
			t.Errorf("%s %s: the command line wrote %d bytes, the window %d, not the same", f.kind, f.format, len(a), len(b))
		}
		if f.format == "csv" && !bytes.HasPrefix(b, []byte("\ufeff")) {
			t.Errorf("%s.csv has no byte-order mark", f.kind)
		}
		if fi, err := os.Stat(win); err != nil {
			t.Error(err)
		} else if fi.Mode().Perm() != 0o600 {
			t.Errorf("%s: mode %v, want 0600", win, fi.Mode().Perm())
		}
	}
	if rows == 0 {
		t.Error("the demo's 2026-Q2 exports are all empty: nothing was compared")
	}
}
