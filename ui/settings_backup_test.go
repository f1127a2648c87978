package ui

import (
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// backupFake is the fake backend with the window's backup.
type backupFake struct {
	*fakeBackend
	taken []string
	err   error
}

func (b *backupFake) BackupNow() (string, error) {
	if b.err != nil {
		return "", b.err
	}
	p := "/data/backups/partnerdesk-20261206-181500.db"
	b.taken = append(b.taken, p)
	return p, nil
}

// TestSettingsBackUpNow: the window holds the database file, so a backup
// from a second process is refused; Settings offers "Back up now", which
// takes the backup through the backend and says where it went, or why it
// failed. A backend without backups shows no button.
func TestSettingsBackUpNow(t *testing.T) {
	a := test.NewTempApp(t)
	fb := &backupFake{fakeBackend: newFake()}
	w := test.NewTempWindow(t, nil)
	s := NewShell(w, a, fb)
	w.SetContent(s.Content())
	w.Resize(fyne.NewSize(1280, 800))
	var errs []error
	s.showError = func(err error) { errs = append(errs, err) }
	sc := s.Screen(ScreenSettings).(*settingsScreen)
	if sc.backup == nil || sc.backup.Text != "Back up now" {
		t.Fatalf("settings offer no Back up now button")
	}
	test.Tap(sc.backup)
	if len(fb.taken) != 1 || !strings.Contains(sc.backedUp.Text, fb.taken[0]) || len(errs) != 0 {
		t.Errorf("after Back up now: %d backups, note %q, errors %v; want one backup named in the note", len(fb.taken), sc.backedUp.Text, errs)
	}
	fb.err = errors.New("disk full")
	test.Tap(sc.backup)
	if len(errs) != 1 || !strings.Contains(sc.backedUp.Text, "disk full") || len(fb.taken) != 1 {
		t.Errorf("a failed backup: note %q, errors %v; want the reason shown", sc.backedUp.Text, errs)
	}

	plain, _, _, _ := newTestShell(t)
	if sc := plain.Screen(ScreenSettings).(*settingsScreen); sc.backup != nil {
		t.Error("a backend without backups shows a Back up now button")
	}
}
