package cli_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"partnerdesk/app"
	"partnerdesk/app/cli"
	"partnerdesk/data"
	"partnerdesk/engine"
)

// mainArgs runs the command line with exactly args (no --db added).
func mainArgs(args []string, gui cli.GUIFunc) (int, string, string) {
	var out, errb bytes.Buffer
	code := cli.Main(args, &out, &errb, gui)
	return code, out.String(), errb.String()
}

// TestVerbsRefuseAPathWithoutDatabase: a missing path (a typo) or an empty
// file is refused by every verb that does not create a company, naming the
// path, and nothing is created or written; an empty --db is a usage error.
// Before, each of them silently became a new empty company.
func TestVerbsRefuseAPathWithoutDatabase(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "typo.db")
	empty := filepath.Join(dir, "empty.db")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	neverCalled := func(s *app.Service, openErr error) error {
		if s != nil || openErr == nil {
			t.Error("the window opened on a path without a database")
		}
		return openErr
	}
	verbs := [][]string{
		{"partners"}, {"company"}, {"company", "--name", "X"}, {"backup"}, {"compute", "2026-07"}, {"audit"},
		{"partner-add", "--name", "P", "--kind", "reseller"}, {"check"}, {}, // {} is the window
	}
	for _, path := range []string{missing, empty} {
		for _, v := range verbs {
			t.Run(fmt.Sprintf("%s %v", filepath.Base(path), v), func(t *testing.T) {
				code, _, errs := mainArgs(append([]string{"--db", path}, v...), neverCalled)
				if code != 1 || !strings.Contains(errs, path) || !strings.Contains(errs, "no database") && !strings.Contains(errs, "no such file") {
					t.Errorf("exit %d, stderr %q; want 1 and a message naming %s", code, errs, path)
				}
				fi, err := os.Stat(path)
				if path == missing && err == nil {
					t.Errorf("%s was created", path)
				}
				if path == empty && (err != nil || fi.Size() != 0) {
					t.Errorf("the empty file was written: %v %v", fi, err)
				}
			})
		}
	}
	for _, args := range [][]string{{"--db", "", "partners"}, {"--db=", "init"}, {"--db", ""}} {
		code, _, errs := mainArgs(args, neverCalled)
		if code != 2 || !strings.Contains(errs, "--db names no file") {
			t.Errorf("%q: exit %d, stderr %q; want a usage error", args, code, errs)
		}
	}
	// init and demo create the database.
	for _, args := range [][]string{{"init", "--company", "New"}, {"demo", "--if-missing", "--raw", "--through", "2026-06-30"}} {
		db := filepath.Join(dir, args[0], "pd.db")
		if code, out, errs := mainArgs(append([]string{"--db", db}, args...), nil); code != 0 {
			t.Fatalf("%v: exit %d %s %s", args, code, out, errs)
		}
		if code, _, errs := mainArgs([]string{"--db", db, "check"}, nil); code != 0 {
			t.Errorf("%v made a file that does not check: %s", args, errs)
		}
	}
}

// TestWindowFirstRun: with no --db and no $PARTNERDESK_DB the window
// creates the database at the default path on its first run (make run);
// named with --db or $PARTNERDESK_DB, a missing file is refused.
func TestWindowFirstRun(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_DATA_HOME", filepath.Join(home, "data"))
	t.Setenv(app.DBEnv, "")
	def, err := app.DefaultDBPath()
	if err != nil {
		t.Fatal(err)
	}
	opened := 0
	gui := func(s *app.Service, openErr error) error {
		if openErr != nil {
			return openErr
		}
		opened++
		if s.Path() != def {
			t.Errorf("window opened %s, want %s", s.Path(), def)
		}
		return nil
	}
	if code, _, errs := mainArgs(nil, gui); code != 0 || opened != 1 {
		t.Fatalf("first run: exit %d, window opened %d times; %s", code, opened, errs)
	}
	if _, err := os.Stat(def); err != nil {
		t.Fatalf("first run made no database: %v", err)
	}
	// Second run: the same file.
	if code, _, errs := mainArgs(nil, gui); code != 0 || opened != 2 {
		t.Fatalf("second run: exit %d; %s", code, errs)
	}
	named := filepath.Join(home, "named.db")
	t.Setenv(app.DBEnv, named)
	if code, _, errs := mainArgs(nil, gui); code != 1 || opened != 2 || !strings.Contains(errs, named) {
		t.Errorf("window on a missing $PARTNERDESK_DB: exit %d, stderr %q", code, errs)
	}
	if _, err := os.Stat(named); err == nil {
		t.Error("the window created the named file")
	}
}

// TestOutputsNeverWriteThroughLinks plants a link at each output path the
// command line writes (template, program export, export, statement): each
// is refused, naming the link, and the link's target keeps its content.
// Before, the target was overwritten.
func TestOutputsNeverWriteThroughLinks(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "pd.db")
	prog := `{"format":"partnerdesk-program","version":1,"name":"Rebate","currency":"EUR","period_kind":"quarter","valid_from":"2026-01-01","status":"active","budget":"1000",
"rules":[{"key":"r","name":"Volume rebate","kind":"rate","basis":"revenue","rate":{"mode":"retroactive","bands":[{"from":"0","rate":"2"}]}}]}`
	pf := filepath.Join(dir, "rebate.json")
	os.WriteFile(pf, []byte(prog), 0o600)
	for _, s := range [][]string{
		{"init", "--company", "Acme"},
		{"partner-add", "--name", "Alpha", "--kind", "reseller"},
		{"product-add", "--sku", "LIC", "--name", "Licence", "--price", "100"},
		{"program", "import", pf},
	} {
		if code, out, errs := run(t, db, s...); code != 0 {
			t.Fatalf("%v: %d %s %s", s, code, out, errs)
		}
	}
	victim := filepath.Join(dir, "victim.txt")
	for i, args := range [][]string{
		{"template", "sales", "-o", "LINK.csv"},
		{"program", "export", "Rebate", "-o", "LINK.json"},
		{"export", "lines", "2026-Q3", "--format", "csv", "-o", "LINK.csv"},
		{"statement", "Alpha", "2026-Q3", "-o", "LINK.pdf"},
	} {
		os.WriteFile(victim, []byte("precious"), 0o600)
		link := filepath.Join(dir, fmt.Sprintf("out%d", i)+filepath.Ext(args[len(args)-1]))
		if err := os.Symlink(victim, link); err != nil {
			t.Fatal(err)
		}
		args[len(args)-1] = link
		code, _, errs := run(t, db, args...)
		if code != 1 || !strings.Contains(errs, "symbolic link") || !strings.Contains(errs, link) {
			t.Errorf("%v: exit %d, stderr %q; want a refusal naming the link", args[:2], code, errs)
		}
		if b, _ := os.ReadFile(victim); string(b) != "precious" {
			t.Errorf("%v wrote through the link: the target holds %q", args[:2], b)
		}
	}
}

// TestOperatorNameValidated: an empty operator name, or one holding a
// line break or another control character, is refused with the field
// named, on the command line and in SetOperator.
func TestOperatorNameValidated(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "pd.db")
	if code, _, errs := run(t, db, "init"); code != 0 {
		t.Fatal(errs)
	}
	for _, name := range []string{"", "   ", "Ada\nEVIL 2026-01-01 approve", "tab\there", "nul\x00", strings.Repeat("a", 101)} {
		code, _, errs := mainArgs([]string{"--db", db, "--operator", name, "partner-add", "--name", "P", "--kind", "reseller"}, nil)
		if code != 2 || !strings.Contains(errs, "--operator") {
			t.Errorf("--operator %q: exit %d, stderr %q; want a usage error naming --operator", name, code, errs)
		}
	}
	t.Setenv("PARTNERDESK_OPERATOR", "two\nlines")
	if code, _, errs := mainArgs([]string{"--db", db, "partner-add", "--name", "P", "--kind", "reseller"}, nil); code != 1 || !strings.Contains(errs, "operator") {
		t.Errorf("operator from the environment with a newline: exit %d, stderr %q", code, errs)
	}
	svc, err := app.OpenService(db, "Ada")
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	var ve *engine.ValidationError
	if err := svc.SetOperator("Ada\nBob"); !errors.As(err, &ve) || ve.Field != "operator" {
		t.Errorf("SetOperator with a newline = %v, want a ValidationError on operator", err)
	}
	if err := svc.SetOperator("Ada Lovelace"); err != nil {
		t.Errorf("SetOperator(a good name) = %v", err)
	}
}

// TestReadOnlyVerbsOpenReadOnly: while another process reads the file
// (a shared lock), the read-only verbs still run; and they leave the file
// byte for byte as it was. Before, each opened it for writing: refused as
// in use, and a commit on every open.
func TestReadOnlyVerbsOpenReadOnly(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "pd.db")
	for _, s := range [][]string{
		{"init", "--company", "Acme"},
		{"partner-add", "--name", "Alpha", "--kind", "reseller"},
		{"product-add", "--sku", "LIC", "--name", "Licence", "--price", "100"},
		{"sale-add", "--date", "2026-07-03", "--partner", "Alpha", "--product", "LIC", "--qty", "2", "--price", "100", "--invoice", "F-1", "--customer", "Rossi"},
	} {
		if code, out, errs := run(t, db, s...); code != 0 {
			t.Fatalf("%v: %d %s %s", s, code, out, errs)
		}
	}
	reader, err := data.Open(db, data.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(db)
	for _, args := range [][]string{
		{"partners"}, {"products"}, {"reps"}, {"sales", "2026-07"}, {"lines", "2026-07"}, {"periods"}, {"audit"},
		{"programs"}, {"funds"}, {"points"}, {"registrations"},
		{"export", "sales", "2026-07", "--format", "csv", "-o", filepath.Join(dir, "sales.csv")},
		{"statement", "Alpha", "2026-07", "-o", filepath.Join(dir, "alpha.pdf")},
		{"statements", "2026-07", "-o", filepath.Join(dir, "statements")},
		{"changes", "2026-07"},
		{"check"},
	} {
		if args[0] == "export" {
			// Exports of every kind the service knows; sales may not be one.
			args[1] = app.ExportKinds[0]
		}
		if code, out, errs := run(t, db, args...); code != 0 {
			t.Errorf("%v while another process reads the file: exit %d %s %s", args, code, out, errs)
		}
	}
	reader.Close()
	if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
		t.Error("a read-only verb changed the database file")
	}
	if _, err := os.Stat(data.LockPath(db)); err == nil {
		t.Error("a read-only verb left a lock file")
	}
	// A change is still refused while the reader holds it... and works after.
	if code, _, errs := run(t, db, "partner-add", "--name", "Beta", "--kind", "reseller"); code != 0 {
		t.Errorf("partner-add after the reader closed: %s", errs)
	}
}

// TestBackupVerbKeepsEveryBackup: backups taken one after another without
// a name are all kept (within one second they get -2, -3, ...).
func TestBackupVerbKeepsEveryBackup(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "pd.db")
	if code, _, errs := run(t, db, "init"); code != 0 {
		t.Fatal(errs)
	}
	for i := 0; i < 4; i++ {
		if code, _, errs := run(t, db, "backup"); code != 0 {
			t.Fatal(errs)
		}
	}
	got, _ := filepath.Glob(filepath.Join(dir, data.BackupDir, "partnerdesk-*.db"))
	if len(got) != 4 {
		t.Errorf("%d backups kept, want 4: %v", len(got), got)
	}
}
