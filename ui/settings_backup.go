package ui

import (
	"fmt"
	"net/url"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partnerdesk/engine"
	"partnerdesk/engine/i18n"
	"partnerdesk/engine/views"
)

// Settings > Backup and restore, and Where the file is (issue #15.2); and
// the hook by which other files add sections to Settings.

// SettingsSection is a part of the Settings screen that another file adds
// from its init with RegisterSettingsSection (ui/settings_books.go: the
// chart of accounts and the CSV style). Build makes its widgets once, with
// the screen; shown (may be nil) reloads them each time Settings shows.
type SettingsSection struct {
	Name  string // unique, e.g. "books"
	Order int    // sections show lowest first, after the company and before the backup
	Build func(s *Shell) (content fyne.CanvasObject, shown func())
}

var (
	settingsMu       sync.Mutex
	settingsSections = map[string]SettingsSection{}
)

// RegisterSettingsSection adds a section to every Settings screen built
// afterwards.
func RegisterSettingsSection(sec SettingsSection) {
	settingsMu.Lock()
	defer settingsMu.Unlock()
	if sec.Name == "" || sec.Build == nil {
		panic("ui: RegisterSettingsSection needs a Name and a Build function")
	}
	if _, dup := settingsSections[sec.Name]; dup {
		panic("ui: settings section " + sec.Name + " registered twice")
	}
	settingsSections[sec.Name] = sec
}

// addSections builds the registered sections into body, in order.
func (sc *settingsScreen) addSections(body *fyne.Container) {
	settingsMu.Lock()
	secs := make([]SettingsSection, 0, len(settingsSections))
	for _, sec := range settingsSections {
		secs = append(secs, sec)
	}
	settingsMu.Unlock()
	sort.Slice(secs, func(i, j int) bool {
		if secs[i].Order != secs[j].Order {
			return secs[i].Order < secs[j].Order
		}
		return secs[i].Name < secs[j].Name
	})
	for _, sec := range secs {
		content, shown := sec.Build(sc.shell)
		if content != nil {
			body.Add(content)
		}
		if shown != nil {
			sc.sectionsShown = append(sc.sectionsShown, shown)
		}
	}
}

// FileService says where the open database file is.
type FileService interface {
	// DatabasePath is the open file's path.
	DatabasePath() string
	// BackupsFolder is where Back up now writes, beside the file.
	BackupsFolder() string
}

// BackupInspector checks a backup as restore will and says what it holds.
type BackupInspector interface {
	InspectBackup(path string) (views.BackupInfo, error)
}

// Restorer puts the backup at path in place of the open file. The window
// holds the file, so only the window's wiring (app/gui) can: it closes the
// file, restores it with the `restore` verb's atomic restore, opens it
// again and builds a new shell on it. It runs off the UI goroutine and
// returns what to run on it afterwards (showing the new shell).
type Restorer func(backup string) (finish func())

// SetRestorer enables Settings > Restore from a backup.
func (s *Shell) SetRestorer(r Restorer) { s.restorer = r }

// addFileSections adds Backup and restore, and Where the file is.
func (sc *settingsScreen) addFileSections(body *fyne.Container) {
	bs, canBackup := sc.b.(BackupService)
	_, canInspect := sc.b.(BackupInspector)
	canRestore := canInspect && sc.shell.restorer != nil
	if canBackup || canRestore {
		sc.backedUp = widget.NewLabel(T("A checked copy of the database goes into the backups folder beside it; an earlier backup is never replaced. Restoring puts a backup in place of the open file after checking it; the file as it was is kept beside it."))
		sc.backedUp.Wrapping = fyne.TextWrapWord
		row := container.NewHBox()
		if canBackup {
			sc.backup = widget.NewButtonWithIcon(T("Back up now"), theme.DownloadIcon(), func() { sc.onBackup(bs) })
			row.Add(sc.backup)
		}
		if canRestore {
			sc.restore = widget.NewButtonWithIcon(T("Restore from a backup…"), theme.HistoryIcon(), sc.onRestore)
			row.Add(sc.restore)
		}
		body.Add(sectionTitle(T("Backup and restore")))
		body.Add(sc.backedUp)
		body.Add(row)
	}
	if _, ok := sc.b.(FileService); !ok {
		return
	}
	sc.filePath = widget.NewLabel("")
	sc.filePath.Wrapping = fyne.TextWrapBreak
	sc.filePath.Selectable = true
	copyPath := widget.NewButtonWithIcon(T("Copy path"), theme.ContentCopyIcon(), sc.onCopyPath)
	folder := widget.NewButtonWithIcon(T("Open folder"), theme.FolderOpenIcon(), func() { sc.openFolder(false) })
	backups := widget.NewButtonWithIcon(T("Open backups folder"), theme.FolderIcon(), func() { sc.openFolder(true) })
	body.Add(sectionTitle(T("Where the file is")))
	body.Add(sc.filePath)
	body.Add(container.NewHBox(copyPath, folder, backups))
}

// showFile shows the open file's path.
func (sc *settingsScreen) showFile() {
	if fs, ok := sc.b.(FileService); ok && sc.filePath != nil {
		sc.filePath.SetText(fs.DatabasePath())
	}
}

func (sc *settingsScreen) onCopyPath() {
	fs := sc.b.(FileService)
	if a := sc.shell.App(); a != nil {
		a.Clipboard().SetContent(fs.DatabasePath())
	}
	sc.shell.SetStatus(Tf("Copied %s", fs.DatabasePath()))
}

// openFolder shows the file's folder (or its backups folder) in the
// system's file manager where the system has one; otherwise it says the
// path, which Copy path puts on the clipboard.
func (sc *settingsScreen) openFolder(backups bool) {
	fs := sc.b.(FileService)
	dir := filepath.Dir(fs.DatabasePath())
	if backups {
		dir = fs.BackupsFolder()
	}
	a := sc.shell.App()
	if a == nil {
		return
	}
	u := &url.URL{Scheme: "file", Path: filepath.ToSlash(dir)}
	if err := a.OpenURL(u); err != nil {
		sc.shell.SetStatus(Tf("This system cannot open folders from here (%v); the folder is %s", err, dir))
		return
	}
	sc.shell.SetStatus(Tf("Opened %s", dir))
}

// onRestore asks for the backup (the backups folder first), then confirms.
func (sc *settingsScreen) onRestore() {
	d := newFileOpen(sc.shell.Window(), folderBackups, T("Choose the backup to restore"), []string{".db"}, func(r fyne.URIReadCloser, err error) {
		if err != nil {
			sc.shell.ShowError(err)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		sc.confirmRestore(path)
	})
	if fs, ok := sc.b.(FileService); ok && !hasFolder(folderBackups) {
		// The first time, the backups folder beside the file.
		if l, err := storage.ListerForURI(storage.NewFileURI(fs.BackupsFolder())); err == nil {
			rememberFolder(folderBackups, l)
		}
	}
	d.Show()
}

// confirmRestore checks the backup, says what it holds and when it was
// taken, and restores it if the user agrees.
func (sc *settingsScreen) confirmRestore(path string) {
	bi := sc.b.(BackupInspector)
	sc.shell.SetStatus(Tf("Checking %s…", path))
	sc.shell.Async(func() {
		info, err := bi.InspectBackup(path)
		fyne.Do(func() {
			if err != nil {
				sc.shell.SetStatus("")
				sc.shell.ShowError(fmt.Errorf("restore: %w", err))
				return
			}
			sc.shell.SetStatus("")
			current := ""
			if fs, ok := sc.b.(FileService); ok {
				current = fs.DatabasePath()
			}
			text := widget.NewLabel(restoreQuestion(info, current))
			text.Wrapping = fyne.TextWrapWord
			d := dialog.NewCustomConfirm(T("Restore this backup?"), T("Restore"), T("Cancel"), text, func(ok bool) {
				if ok {
					sc.runRestore(path)
				}
			}, sc.shell.Window())
			d.Resize(fyne.NewSize(600, 0))
			// Restoring replaces the books: Escape cancels, Enter does not
			// restore; the button must be chosen.
			onDialogKeys(d, sc.shell.Window().Canvas(), nil, d.Dismiss)
			d.Show()
		})
	})
}

// restoreQuestion is the confirmation's text: the backup's date and what
// it holds, and what happens to the open file.
func restoreQuestion(b views.BackupInfo, current string) string {
	lang := Lang()
	var sb strings.Builder
	fmt.Fprintf(&sb, T("Restore the backup taken on %s at %s?")+"\n\n", i18n.Date(engine.DateOf(b.Written), lang), b.Written.Format("15:04"))
	name := b.Company
	if name == "" {
		name = T("a company with no name yet")
	}
	fmt.Fprintf(&sb, T("It holds %s: %s partners, %s sales, %s programs and %s payouts."),
		name, i18n.Points(int64(b.Partners), lang), i18n.Points(int64(b.Sales), lang), i18n.Points(int64(b.Programs), lang), i18n.Points(int64(b.Payouts), lang))
	if !b.LastChange.IsZero() {
		fmt.Fprintf(&sb, " "+T("Its last change was on %s at %s by %s."), i18n.Date(engine.DateOf(b.LastChange), lang), b.LastChange.Format("15:04"), b.LastOperator)
	}
	if b.LastClosed != "" {
		fmt.Fprintf(&sb, " "+T("The latest closed period in it is %s."), b.LastClosed)
	} else {
		sb.WriteString(" " + T("No period is closed in it."))
	}
	sb.WriteString("\n\n")
	if current != "" {
		fmt.Fprintf(&sb, T("It takes the place of the open file %s; the file as it is now is kept beside it (its name ends in .before-restore-…), and the window opens the restored file."), current)
	} else {
		sb.WriteString(T("It takes the place of the open file, which is kept beside it, and the window opens the restored file."))
	}
	return sb.String()
}

// runRestore restores off the UI goroutine with a progress dialog; the
// window's Restorer then shows the reopened file.
func (sc *settingsScreen) runRestore(path string) {
	sh := sc.shell
	bar := widget.NewProgressBarInfinite()
	wait := dialog.NewCustomWithoutButtons(T("Restoring…"), container.NewVBox(widget.NewLabel(Tf("Checking and restoring %s…", filepath.Base(path))), bar), sh.Window())
	wait.Show()
	sh.Async(func() {
		finish := sh.restorer(path)
		fyne.Do(func() {
			wait.Hide()
			if finish != nil {
				finish()
			}
		})
	})
}

// Restored tells the user what a restore did, on the shell of the reopened
// file (or of the old one when the restore was refused).
func (s *Shell) Restored(backup, kept string, err error) {
	s.Show(ScreenSettings)
	if err != nil {
		s.SetStatus(T("Nothing was restored: the open file is as it was."))
		s.ShowError(fmt.Errorf("restore from %s: %w", backup, err))
		return
	}
	msg := Tf("Restored %s.", backup)
	if kept != "" {
		msg = Tf("Restored %s; the file as it was is kept as %s.", backup, kept)
	}
	s.SetStatus(msg)
	if sc, ok := s.screens[ScreenSettings].(*settingsScreen); ok && sc.backedUp != nil {
		sc.backedUp.Importance = widget.SuccessImportance
		sc.backedUp.SetText(msg + ".")
	}
}
