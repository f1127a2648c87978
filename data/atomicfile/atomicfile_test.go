package atomicfile_test

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"partnerdesk/data/atomicfile"
)

func read(tb testing.TB, p string) string {
	tb.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

func leftovers(tb testing.TB, dir string) []string {
	tb.Helper()
	m, _ := filepath.Glob(filepath.Join(dir, ".*.tmp-*"))
	return m
}

// TestWriteReplacesWhole: the new content replaces the old, mode 0600, and
// no temporary file stays.
func TestWriteReplacesWhole(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "out.csv")
	if err := os.WriteFile(p, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := atomicfile.WriteFile(p, []byte("new content"), 0o600); err != nil {
		t.Fatal(err)
	}
	if got := read(t, p); got != "new content" {
		t.Errorf("content %q", got)
	}
	if fi, _ := os.Stat(p); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %04o, want 0600", fi.Mode().Perm())
	}
	if l := leftovers(t, dir); len(l) > 0 {
		t.Errorf("left %v", l)
	}
}

// TestFullDiskKeepsOldFile: the writer fails half way with ENOSPC, as a
// full disk does: the existing file keeps its content and the partial
// copy is removed. Before, `program export -o` truncated the file first.
func TestFullDiskKeepsOldFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "program.json")
	os.WriteFile(p, []byte("the program as it was"), 0o600)
	err := atomicfile.Write(p, 0o600, func(w io.Writer) error {
		if _, err := w.Write([]byte(strings.Repeat("x", 4096))); err != nil {
			return err
		}
		return &os.PathError{Op: "write", Path: p, Err: syscall.ENOSPC}
	})
	if !errors.Is(err, syscall.ENOSPC) || !strings.Contains(err.Error(), p) {
		t.Fatalf("Write = %v, want ENOSPC naming %s", err, p)
	}
	if got := read(t, p); got != "the program as it was" {
		t.Errorf("the existing file now holds %q", got)
	}
	if l := leftovers(t, dir); len(l) > 0 {
		t.Errorf("partial copy left: %v", l)
	}
}

// TestNoWriteThroughLinks: a link (to a file, or dangling), a folder and
// a device at the destination are refused with the path named; the
// link's target is untouched.
func TestNoWriteThroughLinks(t *testing.T) {
	dir := t.TempDir()
	victim := filepath.Join(dir, "victim")
	os.WriteFile(victim, []byte("precious"), 0o600)
	link := filepath.Join(dir, "out.pdf")
	os.Symlink(victim, link)
	dangling := filepath.Join(dir, "dangling.csv")
	os.Symlink(filepath.Join(dir, "nowhere"), dangling)
	sub := filepath.Join(dir, "folder")
	os.Mkdir(sub, 0o700)
	for _, p := range []string{link, dangling, sub, "/dev/null"} {
		err := atomicfile.WriteFile(p, []byte("attack"), 0o600)
		if !errors.Is(err, atomicfile.ErrNotRegular) || !strings.Contains(err.Error(), p) {
			t.Errorf("WriteFile(%s) = %v, want ErrNotRegular naming it", p, err)
		}
	}
	if got := read(t, victim); got != "precious" {
		t.Errorf("victim holds %q", got)
	}
	if _, err := os.Lstat(filepath.Join(dir, "nowhere")); err == nil {
		t.Error("the dangling link's target was created")
	}
	if l := leftovers(t, dir); len(l) > 0 {
		t.Errorf("left %v", l)
	}
}

// TestCommitNewNeverReplaces: CommitNew refuses a taken name and can try
// the next one with the same temporary file.
func TestCommitNewNeverReplaces(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.db"), filepath.Join(dir, "b.db")
	os.WriteFile(a, []byte("first"), 0o600)
	f, err := atomicfile.Create(a, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Abort()
	f.Write([]byte("second"))
	if err := f.CommitNew(a); !errors.Is(err, os.ErrExist) {
		t.Fatalf("CommitNew onto a taken name = %v, want ErrExist", err)
	}
	if err := f.CommitNew(b); err != nil {
		t.Fatal(err)
	}
	if read(t, a) != "first" || read(t, b) != "second" {
		t.Errorf("a=%q b=%q", read(t, a), read(t, b))
	}
	if l := leftovers(t, dir); len(l) > 0 {
		t.Errorf("left %v", l)
	}
}

// TestCleanRemovesOnlyDeadWrites: Clean removes the temporary files of
// processes that are gone, for the names asked, and nothing else.
func TestCleanRemovesOnlyDeadWrites(t *testing.T) {
	dir := t.TempDir()
	c := exec.Command("true")
	if err := c.Run(); err != nil {
		t.Fatal(err)
	}
	dead, live := c.Process.Pid, os.Getpid()
	mk := func(name string) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte("x"), 0o600)
		return p
	}
	gone := mk(fmt.Sprintf(".pd.db.tmp-%d-1", dead))
	keep := []string{
		mk(fmt.Sprintf(".pd.db.tmp-%d-1", live)),
		mk(fmt.Sprintf(".x.csv.tmp-%d-1", dead)),
		mk("pd.db"),
		mk(".pd.db.tmp-notapid-1"),
	}
	got := atomicfile.Clean(dir, "pd.db")
	if len(got) != 1 || got[0] != gone {
		t.Errorf("Clean removed %v, want only %s", got, gone)
	}
	for _, p := range keep {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s removed", p)
		}
	}
}
