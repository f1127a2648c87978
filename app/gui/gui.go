// Package gui wires the desktop window: it creates the Fyne app with the
// id of FyneApp.toml, the theme and the shell, and hands the screens a
// backend over the app's use cases. It is the only package besides the root
// main that imports fyne.io/fyne/v2/app.
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

// Run opens the main window on svc and returns when it is closed.
func Run(svc *app.Service) error {
	a := fyneapp.NewWithID(AppID)
	a.SetIcon(icons.AppIcon)
	a.Settings().SetTheme(ui.NewTheme())
	w := a.NewWindow("Partnerdesk — " + companyName(svc))
	w.SetIcon(icons.AppIcon)
	shell := ui.NewShell(w, a, NewBackend(svc))
	w.SetContent(shell.Content())
	w.Resize(fyne.NewSize(1280, 800))
	w.SetMaster()
	shell.Show(ui.ScreenDashboard)
	w.ShowAndRun()
	return nil
}

func companyName(svc *app.Service) string {
	co, err := svc.Company()
	if err != nil || co.Name == "" {
		return "no company yet"
	}
	return co.Name
}
