//go:build !windows

package cli_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"partnerdesk/app/cli"
)

func mode(tb testing.TB, path string) os.FileMode {
	tb.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		tb.Fatal(err)
	}
	return fi.Mode().Perm()
}

// TestCLIFilesArePrivate runs the command line under a umask of 0, so the
// modes below come from the app and not from the user's umask: the
// database, its folder, backups (named and default) and a restored file
// are for the owner alone, and a database others can write is refused
// with the reason and the fix.
func TestCLIFilesArePrivate(t *testing.T) {
	old := syscall.Umask(0)
	defer syscall.Umask(old)
	dir := t.TempDir()
	db := filepath.Join(dir, "new", "pd.db")
	run := func(want int, args ...string) string {
		t.Helper()
		var out, errb bytes.Buffer
		if code := cli.Main(append([]string{"--db", db}, args...), &out, &errb, nil); code != want {
			t.Fatalf("partnerdesk %v: exit %d, want %d; stderr %s", args, code, want, errb.String())
		}
		return out.String() + errb.String()
	}
	run(0, "init", "--company", "Private Vendor")
	if m := mode(t, db); m != 0o600 {
		t.Errorf("database mode %04o, want 0600", m)
	}
	if m := mode(t, filepath.Dir(db)); m != 0o700 {
		t.Errorf("database folder mode %04o, want 0700", m)
	}
	named := filepath.Join(dir, "named.bak")
	run(0, "backup", named)
	if m := mode(t, named); m != 0o600 {
		t.Errorf("named backup mode %04o, want 0600", m)
	}
	run(0, "backup")
	defaults, _ := filepath.Glob(filepath.Join(filepath.Dir(db), "backups", "*.db"))
	if len(defaults) != 1 {
		t.Fatalf("default backups = %v, want one", defaults)
	}
	if m := mode(t, defaults[0]); m != 0o600 {
		t.Errorf("default backup mode %04o, want 0600", m)
	}
	if m := mode(t, filepath.Dir(defaults[0])); m != 0o700 {
		t.Errorf("backup folder mode %04o, want 0700", m)
	}
	run(0, "restore", named)
	if m := mode(t, db); m != 0o600 {
		t.Errorf("restored database mode %04o, want 0600", m)
	}

	for _, bad := range []os.FileMode{0o666, 0o620} {
		if err := os.Chmod(db, bad); err != nil {
			t.Fatal(err)
		}
		for _, verb := range []string{"partners", "check"} {
			msg := run(1, verb)
			if !strings.Contains(msg, "other users can change it") || !strings.Contains(msg, "chmod 600") {
				t.Errorf("%s on a %04o file said %q; want the reason and the fix", verb, bad, msg)
			}
		}
	}
}
