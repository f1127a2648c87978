// Package gui wires the desktop window: it creates the Fyne app with the
// id of FyneApp.toml, the theme and the shell, and hands the screens the
// app's service. The screens declare the interfaces they need (package ui)
// over the types of package engine/views, and *app.Service satisfies them
// as it is: there is no conversion layer. It is the only package besides
// the root main that imports fyne.io/fyne/v2/app.
package gui

import (
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
	w := a.NewWindow("Partnerdesk — " + companyName(svc))
	w.SetIcon(icons.AppIcon)
	shell := ui.NewShell(w, a, svc)
	w.SetContent(shell.Content())
	w.Resize(fyne.NewSize(1280, 800))
	w.SetMaster()
	shell.Show(ui.ScreenDashboard)
	w.ShowAndRun()
	return nil
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
)

func companyName(svc *app.Service) string {
	co, err := svc.Company()
	if err != nil || co.Name == "" {
		return "no company yet"
	}
	return co.Name
}
