package data_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"partnerdesk/data"
	"partnerdesk/engine"
)

// newMarked writes a database at path whose setting "mark" is mark.
func newMarked(tb testing.TB, path, mark string) {
	tb.Helper()
	s, err := data.Open(path, data.Options{Now: fixedNow})
	if err != nil {
		tb.Fatal(err)
	}
	if err := s.Update("x", func(tx *data.Tx) error { return tx.PutSetting("mark", mark) }); err != nil {
		tb.Fatal(err)
	}
	checkAndClose(tb, s)
}

// markOf opens path read-only and returns its mark.
func markOf(tb testing.TB, path string) string {
	tb.Helper()
	s, err := data.Open(path, data.Options{ReadOnly: true})
	if err != nil {
		tb.Fatalf("the database path does not open: %v", err)
	}
	defer s.Close()
	var m string
	s.View(func(tx *data.Tx) error { m = tx.Setting("mark"); return nil })
	return m
}

// TestRestoreStoppedAtEveryStep stops Restore after each of its steps, as
// a crash or an I/O error there would: the path must still open with the
// old data, and the next full restore must put the new data in place.
// Before, the live file was renamed away first, so a stop before the copy
// was renamed in left no file at the path.
func TestRestoreStoppedAtEveryStep(t *testing.T) {
	for _, step := range []string{"copied", "checked", "kept"} {
		t.Run(step, func(t *testing.T) {
			dir := t.TempDir()
			db, bak := filepath.Join(dir, "live.db"), filepath.Join(dir, "new.bak")
			newMarked(t, db, "old")
			newMarked(t, bak, "new")
			boom := errors.New("stopped")
			undo := data.SetRestoreStep(func(s string) error {
				if s == step {
					return boom
				}
				return nil
			})
			err := data.Restore(bak, db, data.Options{Now: fixedNow})
			undo()
			if !errors.Is(err, boom) {
				t.Fatalf("Restore = %v, want it stopped after %s", err, step)
			}
			if got := markOf(t, db); got != "old" {
				t.Errorf("after a restore stopped at %s the path holds %q, want old", step, got)
			}
			if err := data.Restore(bak, db, data.Options{Now: fixedNow}); err != nil {
				t.Fatal(err)
			}
			if got := markOf(t, db); got != "new" {
				t.Errorf("after the restore the path holds %q, want new", got)
			}
			if left := temps(t, dir); len(left) > 0 {
				t.Errorf("temporary files left: %v", left)
			}
		})
	}
}

// temps lists the temporary files of atomic writes in dir.
func temps(tb testing.TB, dir string) []string {
	tb.Helper()
	m, _ := filepath.Glob(filepath.Join(dir, ".*.tmp-*"))
	return m
}

// TestRestoreKeepsEveryReplacedFile restores twice within one second:
// both replaced files are kept, under two names. Before, the second
// restore renamed the live file over the first kept copy.
func TestRestoreKeepsEveryReplacedFile(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "live.db")
	newMarked(t, db, "first")
	b2, b3 := filepath.Join(dir, "second.bak"), filepath.Join(dir, "third.bak")
	newMarked(t, b2, "second")
	newMarked(t, b3, "third")
	for _, b := range []string{b2, b3} {
		if err := data.Restore(b, db, data.Options{Now: fixedNow}); err != nil {
			t.Fatal(err)
		}
	}
	kept := db + ".before-restore-20260715-103000"
	for path, want := range map[string]string{db: "third", kept: "first", kept + "-2": "second"} {
		if got := markOf(t, path); got != want {
			t.Errorf("%s holds %q, want %q", filepath.Base(path), got, want)
		}
		if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
			t.Errorf("%s: mode %v (%v), want 0600", filepath.Base(path), fi.Mode().Perm(), err)
		}
	}
}

// TestRestoreOverDamagedFile restores over a live file bbolt cannot open
// (the usual reason to restore): the restore succeeds and the damaged
// file is kept. Before, Restore opened the live file with bbolt to lock
// it and gave up.
func TestRestoreOverDamagedFile(t *testing.T) {
	dir := t.TempDir()
	db, bak := filepath.Join(dir, "live.db"), filepath.Join(dir, "good.bak")
	junk := []byte(strings.Repeat("damaged ", 2048))
	if err := os.WriteFile(db, junk, 0o600); err != nil {
		t.Fatal(err)
	}
	newMarked(t, bak, "good")
	if err := data.Restore(bak, db, data.Options{Now: fixedNow}); err != nil {
		t.Fatalf("Restore over a damaged file: %v", err)
	}
	if got := markOf(t, db); got != "good" {
		t.Errorf("restored mark %q, want good", got)
	}
	kept, err := os.ReadFile(db + ".before-restore-20260715-103000")
	if err != nil || string(kept) != string(junk) {
		t.Errorf("the damaged file was not kept as it was (%v)", err)
	}
}

// TestRestoreRefusesWhileOpenReadOnly: a reader (shared lock) also keeps
// Restore away.
func TestRestoreRefusesWhileOpenReadOnly(t *testing.T) {
	dir := t.TempDir()
	db, bak := filepath.Join(dir, "live.db"), filepath.Join(dir, "new.bak")
	newMarked(t, db, "old")
	newMarked(t, bak, "new")
	r, err := data.Open(db, data.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	err = data.Restore(bak, db, data.Options{Timeout: 100 * time.Millisecond})
	r.Close()
	if !errors.Is(err, engine.ErrInUse) {
		t.Fatalf("Restore while a reader holds the file = %v, want ErrInUse", err)
	}
	if got := markOf(t, db); got != "old" {
		t.Errorf("mark %q, want old", got)
	}
}

// TestBackupIntoNeverOverwrites takes four backups in the same second (the
// clock stands still): four files, each whole. Before, the command line
// named backups by the second and the fourth replaced the first three.
func TestBackupIntoNeverOverwrites(t *testing.T) {
	s, path := openTemp(t)
	var got []string
	for i := 1; i <= 4; i++ {
		if err := s.Update("x", func(tx *data.Tx) error { return tx.PutSetting("mark", fmt.Sprint(i)) }); err != nil {
			t.Fatal(err)
		}
		p, err := s.BackupInto("")
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, p)
	}
	dir := filepath.Join(filepath.Dir(path), data.BackupDir)
	want := []string{"partnerdesk-20260715-103000.db", "partnerdesk-20260715-103000-2.db", "partnerdesk-20260715-103000-3.db", "partnerdesk-20260715-103000-4.db"}
	for i, w := range want {
		if got[i] != filepath.Join(dir, w) {
			t.Errorf("backup %d at %s, want %s", i+1, got[i], w)
		}
		if m := markOf(t, got[i]); m != fmt.Sprint(i+1) {
			t.Errorf("backup %d holds mark %q, want %d", i+1, m, i+1)
		}
	}
	if left := temps(t, dir); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// TestOpenMustExist: a missing or empty path is refused, naming it, and
// nothing is created; ReadOnly refuses the same. Before, both became a
// new empty company.
func TestOpenMustExist(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.db")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name, path, why string
		opt             data.Options
	}{
		{"missing", filepath.Join(dir, "typo.db"), "no file", data.Options{MustExist: true}},
		{"missing read-only", filepath.Join(dir, "typo.db"), "no file", data.Options{ReadOnly: true}},
		{"missing folder", filepath.Join(dir, "nodir", "x.db"), "no file", data.Options{MustExist: true}},
		{"empty", empty, "empty (0 bytes)", data.Options{MustExist: true}},
		{"empty read-only", empty, "empty (0 bytes)", data.Options{ReadOnly: true}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s, err := data.Open(tt.path, tt.opt)
			if err == nil {
				s.Close()
				t.Fatal("Open succeeded")
			}
			if !errors.Is(err, data.ErrNoDatabase) || !strings.Contains(err.Error(), tt.path) || !strings.Contains(err.Error(), tt.why) {
				t.Errorf("Open = %v, want ErrNoDatabase naming %s and saying %q", err, tt.path, tt.why)
			}
			fi, serr := os.Stat(tt.path)
			if tt.path == empty {
				if serr != nil || fi.Size() != 0 {
					t.Errorf("the empty file changed: %v %v", fi, serr)
				}
			} else if serr == nil {
				t.Errorf("Open created %s", tt.path)
			}
		})
	}
}

// deadPID returns the pid of a process that has exited.
func deadPID(tb testing.TB) int {
	tb.Helper()
	c := exec.Command("true")
	if err := c.Run(); err != nil {
		tb.Fatal(err)
	}
	return c.Process.Pid
}

// TestOpenCleansTempsOfKilledWrites: temporary files that a killed backup
// or restore left (their process is gone) are removed when the database
// is next opened for writing; those of a live process stay. Before, they
// stayed for ever, each as large as the database.
func TestOpenCleansTempsOfKilledWrites(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "live.db")
	newMarked(t, db, "x")
	dead, live := deadPID(t), os.Getpid()
	bdir := filepath.Join(dir, data.BackupDir)
	os.MkdirAll(bdir, 0o700)
	gone := []string{
		filepath.Join(dir, fmt.Sprintf(".live.db.tmp-%d-123", dead)),                      // a restore
		filepath.Join(dir, fmt.Sprintf(".live.db.v1-20260101-000000.bak.tmp-%d-9", dead)), // a backup before an upgrade
		filepath.Join(bdir, fmt.Sprintf(".partnerdesk-20260101-000000.db.tmp-%d-7", dead)),
		filepath.Join(dir, fmt.Sprintf(".named.bak.tmp-%d-3", dead)), // `backup named.bak` beside it
	}
	stay := []string{
		filepath.Join(dir, fmt.Sprintf(".live.db.tmp-%d-5", live)),   // still running
		filepath.Join(dir, fmt.Sprintf(".other.db.tmp~%d-5", dead)),  // not ours
		filepath.Join(dir, "live.db.before-restore-20260101-000000"), // kept on purpose
	}
	for _, p := range append(append([]string{}, gone...), stay...) {
		if err := os.WriteFile(p, []byte("partial"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	// A read-only open changes nothing.
	r, err := data.Open(db, data.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	r.Close()
	if _, err := os.Stat(gone[0]); err != nil {
		t.Errorf("a read-only open removed %s", gone[0])
	}
	s, err := data.Open(db, data.Options{MustExist: true})
	if err != nil {
		t.Fatal(err)
	}
	checkAndClose(t, s)
	for _, p := range gone {
		if _, err := os.Stat(p); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s left after the next open (%v)", p, err)
		}
	}
	for _, p := range stay {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s removed: %v", p, err)
		}
	}
}

// TestLockFileLinkRefused plants a link at <db>.lock pointing to another
// file: Open refuses, naming the link, and the other file is untouched.
// Before, the lock sidecar was written through the link.
func TestLockFileLinkRefused(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "live.db")
	newMarked(t, db, "x")
	victim := filepath.Join(dir, "victim.txt")
	os.WriteFile(victim, []byte("precious"), 0o600)
	if err := os.Symlink(victim, data.LockPath(db)); err != nil {
		t.Fatal(err)
	}
	s, err := data.Open(db, data.Options{})
	if err == nil {
		s.Close()
		t.Fatal("Open wrote its lock through a planted link")
	}
	if !strings.Contains(err.Error(), "symbolic link") || !strings.Contains(err.Error(), data.LockPath(db)) {
		t.Errorf("Open = %v, want a refusal naming the link", err)
	}
	if b, _ := os.ReadFile(victim); string(b) != "precious" {
		t.Errorf("the link's target now holds %q", b)
	}
	if fi, err := os.Lstat(data.LockPath(db)); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced (%v)", err)
	}
}

// TestStaleLockSidecarNotBelieved: a sidecar left by a process that died
// (SIGKILL, SIGPIPE) names a pid that is gone; when another process holds
// the file, the in-use error names the real holder. Before, it named the
// dead one.
func TestStaleLockSidecarNotBelieved(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "live.db")
	newMarked(t, db, "x")
	host, _ := os.Hostname()
	dead := deadPID(t)
	b, _ := json.Marshal(map[string]any{"pid": dead, "host": host, "since": clock})
	if err := os.WriteFile(data.LockPath(db), b, 0o600); err != nil {
		t.Fatal(err)
	}
	r, err := data.Open(db, data.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	_, err = data.Open(db, data.Options{Timeout: 100 * time.Millisecond})
	var ie *data.InUseError
	if !errors.As(err, &ie) {
		t.Fatalf("Open = %v, want an InUseError", err)
	}
	if ie.PID == dead {
		t.Errorf("the in-use error names pid %d, which is gone: %v", dead, err)
	}
	if _, err := os.Stat("/proc/locks"); err == nil && ie.PID != os.Getpid() {
		t.Errorf("the in-use error names pid %d, want the holder %d", ie.PID, os.Getpid())
	}
}

// TestRestoreThroughLinkedPath: a database path that is a link (the user's
// own, to a synced folder say) is restored in the real file, and the link
// stays a link.
func TestRestoreThroughLinkedPath(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real", "live.db")
	os.MkdirAll(filepath.Dir(real), 0o700)
	newMarked(t, real, "old")
	link := filepath.Join(dir, "link.db")
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	bak := filepath.Join(dir, "new.bak")
	newMarked(t, bak, "new")
	if err := data.Restore(bak, link, data.Options{Now: fixedNow}); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced (%v)", err)
	}
	if got := markOf(t, real); got != "new" {
		t.Errorf("the real file holds %q, want new", got)
	}
	if got := markOf(t, real+".before-restore-20260715-103000"); got != "old" {
		t.Errorf("kept copy holds %q, want old", got)
	}
}
