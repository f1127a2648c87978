// Package gui wires the desktop window: it creates the Fyne app with the
// id of FyneApp.toml, the theme and the shell, and hands the screens the
// app's service. The screens declare the interfaces they need (package ui)
// over the types of package engine/views, and *app.Service satisfies them
// as it is: there is no conversion layer. It is the only package besides
// the root main that imports fyne.io/fyne/v2/app.
package gui

import (
	"path/filepath"

	// Before Fyne's init: no "Error parsing user locale C" on stderr under
	// LANG=C.UTF-8 (internal/earlylocale says why it works).
	_ "early.partnerdesk/clocale"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"partnerdesk/app"
	"partnerdesk/icons"
	"partnerdesk/ui"
)

// AppID is the application id, the same as FyneApp.toml's.
const AppID = "com.partnerdesk.app"

// Run opens the main window on svc and returns when it is closed. When
// the database could not be opened (openErr; svc is nil), it shows the
// reason in a small window of its own, naming the Partnerdesk that holds
// the file when known, and returns openErr when the user closes it.
func Run(svc *app.Service, openErr error) error {
	a := fyneapp.NewWithID(AppID)
	a.SetIcon(icons.AppIcon)
	a.Settings().SetTheme(ui.NewTheme())
	if openErr != nil || svc == nil {
		w := a.NewWindow("Partnerdesk")
		w.SetIcon(icons.AppIcon)
		w.SetContent(ui.OpenRefused(openErr, w.Close))
		w.Resize(fyne.NewSize(520, 200))
		w.SetMaster()
		w.ShowAndRun()
		return openErr
	}
	w := a.NewWindow("")
	w.SetIcon(icons.AppIcon)
	open := &window{w: w, a: a}
	shell := open.on(svc)
	w.Resize(fyne.NewSize(1280, 800))
	w.SetMaster()
	shell.Show(ui.ScreenDashboard)
	w.ShowAndRun()
	// A restore reopened the file: close what the window opened (the cli
	// closes the service it gave).
	if open.svc != svc {
		return open.svc.Close()
	}
	return nil
}

// window is the main window over the service it shows; a restore replaces
// the service and the shell.
type window struct {
	w   fyne.Window
	a   fyne.App
	svc *app.Service
}

// on builds a shell over svc and puts it in the window.
func (win *window) on(svc *app.Service) *ui.Shell {
	win.svc = svc
	win.w.SetTitle(title(svc))
	shell := ui.NewShell(win.w, win.a, svc)
	// Settings > Restore from a backup: the window holds the file, so it
	// closes it, restores with the verb's atomic restore, opens it again
	// and shows a new shell on it (no screen keeps figures of the old one).
	shell.SetRestorer(func(backup string) func() {
		again, kept, err := app.RestoreInPlace(svc, backup)
		return func() {
			if again == nil {
				win.w.SetContent(ui.OpenRefused(err, win.w.Close))
				return
			}
			next := win.on(again)
			next.Restored(backup, kept, err)
		}
	})
	installHelpKey(win.w, shell)
	win.w.SetContent(shell.Content())
	return shell
}

// title names the company and the open file.
func title(svc *app.Service) string {
	return "Partnerdesk — " + companyName(svc) + " — " + filepath.Base(svc.DatabasePath())
}

// The service serves every screen: the shell's Backend and the services
// the screens find on it.
var (
	_ ui.Backend          = (*app.Service)(nil)
	_ ui.DashboardService = (*app.Service)(nil)
	_ ui.ProgramService   = (*app.Service)(nil)
	_ ui.PeriodService    = (*app.Service)(nil)
	_ ui.ChangesService   = (*app.Service)(nil)
	_ ui.StatementService = (*app.Service)(nil)
	_ ui.EntriesService   = (*app.Service)(nil)
	// The tier ladder tab and the rule versions of the program editor.
	_ ui.LadderService         = (*app.Service)(nil)
	_ ui.ProgramVersionService = (*app.Service)(nil)
	_ ui.ProgramRefsService    = (*app.Service)(nil)
	// Settings: where the file is, and what a backup holds before restore.
	_ ui.FileService     = (*app.Service)(nil)
	_ ui.BackupInspector = (*app.Service)(nil)
	// The period run says what blocks a close before asking.
	_ ui.CloseCheckService = (*app.Service)(nil)
)

func companyName(svc *app.Service) string {
	co, err := svc.Company()
	if err != nil || co.Name == "" {
		return "no company yet"
	}
	return co.Name
}
