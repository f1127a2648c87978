package app_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"partnerdesk/app"
	"partnerdesk/data"
	"partnerdesk/engine"
)

// fileService opens a service on a file of its own, which the test may
// close and reopen (dashService closes its store at cleanup).
func fileService(t *testing.T, today string) (*app.Service, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "books.db")
	st, err := data.Open(path, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	now := engine.MustDate(today).Time().Add(10 * time.Hour)
	svc := app.NewService(st, "tester", func() time.Time { return now })
	if err := svc.LoadDataset(kindsDataset(), nil); err != nil {
		t.Fatal(err)
	}
	return svc, path
}

func closedPeriods(t *testing.T, svc *app.Service) string {
	t.Helper()
	ps, err := svc.Periods()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, p := range ps {
		if p.Closed {
			out = append(out, p.Key)
		}
	}
	return strings.Join(out, ",")
}

// Settings > Restore from a backup: the confirmation says what the backup
// holds, and the restore puts it in place with the verb's atomic restore
// and opens the file again; the replaced file is kept.
func TestInspectAndRestoreInPlace(t *testing.T) {
	svc, path := fileService(t, "2026-04-20")
	runAndClose(t, svc, "2026-01")
	backup, err := svc.BackupNow()
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(backup) != svc.BackupsFolder() || svc.DatabasePath() != path {
		t.Errorf("backup %s not in %s, or the path %s is not %s", backup, svc.BackupsFolder(), svc.DatabasePath(), path)
	}
	// After the backup February is closed too: the backup does not hold it.
	runAndClose(t, svc, "2026-02")

	info, err := app.InspectBackup(backup)
	if err != nil {
		t.Fatal(err)
	}
	// kindsDataset: 1 partner, 3 sales, 2 programs; January paid once.
	if info.Company != "Kinds" || info.Partners != 1 || info.Sales != 3 || info.Programs != 2 || info.Payouts != 1 {
		t.Errorf("backup holds %+v", info)
	}
	if info.LastClosed != "2026-01" || info.LastOperator != "tester" || info.LastChange.IsZero() || info.Written.IsZero() {
		t.Errorf("backup's last close %q, last change %v by %q, written %v", info.LastClosed, info.LastChange, info.LastOperator, info.Written)
	}

	again, kept, err := app.RestoreInPlace(svc, backup)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if _, err := svc.Company(); err == nil {
		t.Error("the old service still reads after the restore")
	}
	if got := closedPeriods(t, again); got != "2026-01" {
		t.Errorf("after the restore closed periods are %q, want the backup's 2026-01", got)
	}
	if again.DatabasePath() != path || again.Operator != "tester" {
		t.Errorf("reopened %s as %q", again.DatabasePath(), again.Operator)
	}
	if _, err := os.Stat(kept); err != nil {
		t.Errorf("the replaced file is not kept: %v", err)
	}

	// A file that is no database: nothing is replaced, and the window goes
	// on with the file it had.
	junk := filepath.Join(t.TempDir(), "junk.db")
	if err := os.WriteFile(junk, []byte("not a database"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := app.InspectBackup(junk); err == nil {
		t.Error("a junk file inspects as a backup")
	}
	runAndClose(t, again, "2026-02")
	third, _, err := app.RestoreInPlace(again, junk)
	if err == nil || third == nil {
		t.Fatalf("restoring junk: %v, service %v", err, third)
	}
	defer third.Close()
	if got := closedPeriods(t, third); got != "2026-01,2026-02" {
		t.Errorf("after a refused restore closed periods are %q, want the file as it was", got)
	}
}
