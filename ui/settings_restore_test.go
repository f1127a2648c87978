package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"partnerdesk/engine/views"
)

// restoreFake is the backup fake that also says where its file is and
// what a backup holds.
type restoreFake struct {
	*backupFake
	inspected []string
}

func (r *restoreFake) DatabasePath() string  { return "/data/books.db" }
func (r *restoreFake) BackupsFolder() string { return "/data/backups" }

func (r *restoreFake) InspectBackup(path string) (views.BackupInfo, error) {
	r.inspected = append(r.inspected, path)
	return views.BackupInfo{Path: path, Written: time.Date(2026, 12, 1, 9, 0, 0, 0, time.Local), Company: "Acme Channel",
		Partners: 48, Sales: 12345, Programs: 9, Payouts: 310,
		LastChange: time.Date(2026, 11, 30, 17, 40, 0, 0, time.Local), LastOperator: "Ana", LastClosed: "2026-Q3"}, nil
}

func newRestoreShell(t *testing.T) (*Shell, *restoreFake, fyne.Window, *[]string) {
	t.Helper()
	a := test.NewTempApp(t)
	fb := &restoreFake{backupFake: &backupFake{fakeBackend: newFake()}}
	w := test.NewTempWindow(t, nil)
	s := NewShell(w, a, fb)
	var restored []string
	s.SetRestorer(func(backup string) func() {
		restored = append(restored, backup)
		return func() { s.Restored(backup, "/data/books.db.before-restore-20261206-181500", nil) }
	})
	w.SetContent(s.Content())
	w.Resize(fyne.NewSize(1280, 800))
	s.async = func(f func()) { f() }
	s.showError = func(err error) { t.Errorf("error shown: %v", err) }
	return s, fb, w, &restored
}

// Settings > Restore from a backup: the confirmation names the backup's
// date and what it holds and the file it replaces; only Restore restores,
// and the window then says where the replaced file is kept.
func TestSettingsRestoreConfirmsWhatTheBackupHolds(t *testing.T) {
	s, fb, w, restored := newRestoreShell(t)
	s.Show(ScreenSettings)
	sc := s.Screen(ScreenSettings).(*settingsScreen)
	if sc.restore == nil {
		t.Fatal("no Restore from a backup button")
	}
	backup := "/data/backups/partnerdesk-20261201-090000.db"
	sc.confirmRestore(backup)
	if len(fb.inspected) != 1 || fb.inspected[0] != backup {
		t.Fatalf("inspected %v", fb.inspected)
	}
	for _, want := range []string{"taken on 1 Dec 2026 at 09:00", "Acme Channel", "48 partners", "12,345 sales", "310 payouts",
		"30 Nov 2026 at 17:40 by Ana", "2026-Q3", "/data/books.db"} {
		if !hasLabel(t, w, want) {
			t.Errorf("the confirmation lacks %q", want)
		}
	}
	if len(*restored) != 0 {
		t.Fatal("restored before the user agreed")
	}
	test.Tap(buttonIn(t, w, "Cancel"))
	if len(*restored) != 0 {
		t.Fatal("Cancel restored")
	}
	sc.confirmRestore(backup)
	test.Tap(buttonIn(t, w, "Restore"))
	if len(*restored) != 1 || (*restored)[0] != backup {
		t.Fatalf("restored %v, want %s", *restored, backup)
	}
	if !strings.Contains(s.status.Text, "kept as /data/books.db.before-restore-20261206-181500") || s.Current() != ScreenSettings {
		t.Errorf("after the restore: status %q on %q", s.status.Text, s.Current())
	}
}

// The open file's path is in the status line and under Where the file is,
// and Copy path puts it on the clipboard.
func TestSettingsWhereTheFileIs(t *testing.T) {
	s, _, _, _ := newRestoreShell(t)
	if s.file.Text != "/data/books.db" {
		t.Errorf("status line shows %q, want the file's path", s.file.Text)
	}
	s.Show(ScreenSettings)
	sc := s.Screen(ScreenSettings).(*settingsScreen)
	if sc.filePath == nil || sc.filePath.Text != "/data/books.db" {
		t.Fatalf("Where the file is shows %v", sc.filePath)
	}
	sc.onCopyPath()
	if got := s.App().Clipboard().Content(); got != "/data/books.db" {
		t.Errorf("clipboard holds %q", got)
	}
	plain, _, _, _ := newTestShell(t)
	if sc := plain.Screen(ScreenSettings).(*settingsScreen); sc.restore != nil || sc.filePath != nil {
		t.Error("a backend that cannot restore or say its file shows the buttons anyway")
	}
}

// The hook for other sections of Settings (ui/settings_books.go): a
// registered section is built into the screen and reloaded when it shows.
func TestSettingsSectionsHook(t *testing.T) {
	shown := 0
	RegisterSettingsSection(SettingsSection{Name: "test-section", Order: 1, Build: func(*Shell) (fyne.CanvasObject, func()) {
		return sectionTitle("Test section"), func() { shown++ }
	}})
	defer func() {
		settingsMu.Lock()
		delete(settingsSections, "test-section")
		settingsMu.Unlock()
	}()
	s, _, w, _ := newTestShell(t)
	s.Show(ScreenSettings)
	if !hasLabel(t, w, "Test section") || shown != 1 {
		t.Errorf("section shown %d times; labels %q", shown, labelTexts(w))
	}
}
