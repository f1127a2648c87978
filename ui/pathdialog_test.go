package ui

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// pathHome makes a home folder with a Documents folder in it.
func pathHome(t *testing.T) (home, docs string) {
	t.Helper()
	test.NewTempApp(t)
	home = t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
	docs = filepath.Join(home, "Documents")
	if err := os.Mkdir(docs, 0o700); err != nil {
		t.Fatal(err)
	}
	return home, docs
}

// Issue #15.10: a save dialog opens on the documents folder with the name
// ready (Enter saves), takes a typed folder or path, adds the extension,
// asks before replacing, and remembers the folder.
func TestPathDialogSaveByTyping(t *testing.T) {
	_, docs := pathHome(t)
	w := test.NewWindow(nil)
	defer w.Close()
	w.Resize(fyne.NewSize(1280, 800))
	var got []string
	save := func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			t.Fatal(err)
		}
		if wc == nil {
			got = append(got, "cancel")
			return
		}
		io.WriteString(wc, "pdf")
		wc.Close()
		got = append(got, wc.URI().Path())
	}
	d := newFileSave(w, folderStatements, "Save the statement", "acme-2026-q3.pdf", []string{".pdf"}, save)
	d.Show()
	if want := filepath.Join(docs, "acme-2026-q3.pdf"); d.entry.Text != want {
		t.Fatalf("the path shown is %q, want %q (documents folder and name)", d.entry.Text, want)
	}
	// A folder typed: the file goes in it under the suggested name.
	out := filepath.Join(t.TempDir(), "q3")
	os.Mkdir(out, 0o700)
	d.entry.SetText(out)
	d.entry.OnSubmitted(d.entry.Text)
	if want := filepath.Join(out, "acme-2026-q3.pdf"); len(got) != 1 || got[0] != want {
		t.Fatalf("saved %v, want %s", got, want)
	}
	if b, _ := os.ReadFile(got[0]); string(b) != "pdf" {
		t.Errorf("the file holds %q", b)
	}
	// Next time it opens where the last one went; a name without the
	// extension gets it.
	d = newFileSave(w, folderStatements, "Save", "acme.pdf", []string{".pdf"}, save)
	d.Show()
	if want := filepath.Join(out, "acme.pdf"); d.entry.Text != want {
		t.Errorf("second dialog shows %q, want %q", d.entry.Text, want)
	}
	d.entry.SetText(filepath.Join(out, "summary"))
	d.submit()
	if want := filepath.Join(out, "summary.pdf"); len(got) != 2 || got[1] != want {
		t.Fatalf("saved %v, want %s last", got, want)
	}
	// An existing file is replaced only when the user agrees.
	d = newFileSave(w, folderStatements, "Save", "summary.pdf", []string{".pdf"}, save)
	d.Show()
	asked := ""
	d.askOverwrite = func(path string, yes func()) { asked = path }
	d.submit()
	if asked != filepath.Join(out, "summary.pdf") || len(got) != 2 {
		t.Errorf("replacing: asked %q, saved %v", asked, got)
	}
	// A folder that is not there is said under the field; nothing saved.
	d.entry.SetText(filepath.Join(out, "nope", "x.pdf"))
	d.submit()
	if !d.problem.Visible() || !strings.Contains(d.problem.Text, "no folder") || len(got) != 2 {
		t.Errorf("missing folder: problem %q, saved %v", d.problem.Text, got)
	}
	d.cancel()
	if got[len(got)-1] != "cancel" {
		t.Errorf("cancel was not passed on: %v", got)
	}
}

// Opening a file and choosing a folder by a typed path, ~ included; a
// path that is not there or of another kind is refused with the reason.
func TestPathDialogOpenAndFolderByTyping(t *testing.T) {
	home, _ := pathHome(t)
	w := test.NewWindow(nil)
	defer w.Close()
	w.Resize(fyne.NewSize(1280, 800))
	csv := filepath.Join(home, "july.csv")
	os.WriteFile(csv, []byte("a,b\n"), 0o600)
	var opened []string
	d := newFileOpen(w, folderImport, "Import", []string{".csv", ".xlsx"}, func(rc fyne.URIReadCloser, err error) {
		if err != nil || rc == nil {
			opened = append(opened, "?")
			return
		}
		opened = append(opened, rc.URI().Path())
		rc.Close()
	})
	d.Show()
	for _, bad := range []struct{ typed, why string }{
		{"~/august.csv", "no file"},
		{"~", "is a folder"},
		{"~/Documents", "is a folder"},
	} {
		d.entry.SetText(bad.typed)
		d.submit()
		if !strings.Contains(d.problem.Text, bad.why) || len(opened) != 0 {
			t.Errorf("%q: problem %q, opened %v; want %q", bad.typed, d.problem.Text, opened, bad.why)
		}
	}
	d.entry.SetText("~/july.csv")
	d.submit()
	if len(opened) != 1 || opened[0] != csv {
		t.Errorf("opened %v, want %s", opened, csv)
	}

	var dirs []string
	f := newFolderOpen(w, folderBatch, "Print into", "Print here", func(l fyne.ListableURI, err error) {
		if err == nil && l != nil {
			dirs = append(dirs, l.Path())
		}
	})
	f.Show()
	f.entry.SetText(csv)
	f.submit()
	if !strings.Contains(f.problem.Text, "not a folder") || len(dirs) != 0 {
		t.Errorf("a file as folder: %q, %v", f.problem.Text, dirs)
	}
	f.entry.SetText("~")
	f.submit()
	if len(dirs) != 1 || dirs[0] != home {
		t.Errorf("folder chosen %v, want %s", dirs, home)
	}
}

// The documents folder is the XDG one where the desktop names it.
func TestDocumentsFolderFollowsXDG(t *testing.T) {
	home, docs := pathHome(t)
	if got := documentsFolder(); got != docs {
		t.Errorf("documents folder %q, want %q", got, docs)
	}
	dok := filepath.Join(home, "Dokumente")
	os.Mkdir(dok, 0o700)
	os.MkdirAll(filepath.Join(home, ".config"), 0o700)
	if err := os.WriteFile(filepath.Join(home, ".config", "user-dirs.dirs"), []byte("XDG_DESKTOP_DIR=\"$HOME/Schreibtisch\"\nXDG_DOCUMENTS_DIR=\"$HOME/Dokumente\"\n"), 0o600); err != nil {
		t.Fatal(errors.New("write user-dirs"))
	}
	if got := documentsFolder(); got != dok {
		t.Errorf("documents folder %q, want the XDG %q", got, dok)
	}
}
