package cli_test

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"partnerdesk/app"
	"partnerdesk/data"
	"partnerdesk/engine"
)

// TestSecondWindowIsToldWhoHoldsTheFile: a second window on a file in use
// showed nothing (the reason went to a terminal a desktop start does not
// have). Now the window is called with the reason, which names the
// holder's process and host, within 2 s, and the exit status is 1; and
// `backup` from a second process says to take it from the window.
func TestSecondWindowIsToldWhoHoldsTheFile(t *testing.T) {
	db := filepath.Join(t.TempDir(), "pd.db")
	if code, _, errs := mainArgs([]string{"--db", db, "init", "--company", "Vendor", "--currency", "EUR"}, nil); code != 0 {
		t.Fatalf("init: %s", errs)
	}
	holder, err := data.Open(db, data.Options{MustExist: true})
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	host, _ := os.Hostname()
	var shown []error
	gui := func(s *app.Service, openErr error) error {
		if s != nil {
			t.Error("the window opened on a file another process holds")
		}
		shown = append(shown, openErr)
		return openErr
	}
	start := time.Now()
	code, _, errs := mainArgs([]string{"--db", db}, gui)
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("the refusal took %v, want within 2 s", d)
	}
	if code != 1 || len(shown) != 1 || !errors.Is(shown[0], engine.ErrInUse) {
		t.Fatalf("exit %d, window shown %v; want 1 and the in-use reason shown once", code, shown)
	}
	msg := shown[0].Error()
	for _, want := range []string{"process " + strconv.Itoa(os.Getpid()), "host " + host, db} {
		if !strings.Contains(msg, want) || !strings.Contains(errs, want) {
			t.Errorf("window shows %q, stderr %q; want both to name %q", msg, errs, want)
		}
	}
	code, _, errs = mainArgs([]string{"--db", db, "backup"}, nil)
	if code != 1 || !strings.Contains(errs, "Settings > Back up now") || !strings.Contains(errs, "process "+strconv.Itoa(os.Getpid())) {
		t.Errorf("backup while held: exit %d, stderr %q; want 1, the holder and Settings > Back up now", code, errs)
	}
}

// TestBackupNowWhileHeld: the service the window holds takes the backup
// a second process cannot: a new checked file in backups/, never one
// replaced.
func TestBackupNowWhileHeld(t *testing.T) {
	db := filepath.Join(t.TempDir(), "pd.db")
	if code, _, errs := mainArgs([]string{"--db", db, "init", "--company", "Vendor", "--currency", "EUR"}, nil); code != 0 {
		t.Fatalf("init: %s", errs)
	}
	svc, err := app.OpenService(db, "tester")
	if err != nil {
		t.Fatal(err)
	}
	p1, err := svc.BackupNow()
	if err != nil {
		t.Fatal(err)
	}
	p2, err := svc.BackupNow()
	if err != nil {
		t.Fatal(err)
	}
	svc.Close()
	if p1 == p2 || filepath.Dir(p1) != filepath.Join(filepath.Dir(db), data.BackupDir) {
		t.Fatalf("backups %s and %s: want two files in %s", p1, p2, data.BackupDir)
	}
	for _, p := range []string{p1, p2} {
		if code, _, errs := mainArgs([]string{"--db", p, "check"}, nil); code != 0 {
			t.Errorf("check %s: %s", p, errs)
		}
	}
}
