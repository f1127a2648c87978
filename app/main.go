// Package app holds Partnerdesk's use cases, shared by the GUI and the
// command line, and the wiring that opens the store and the window.
package app

import (
	"io"

	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

// Main runs the command line (or the GUI with no verb) and returns the exit status.
func Main(args []string, stdout, stderr io.Writer) int {
	a := fyneapp.NewWithID("com.partnerdesk.app")
	w := a.NewWindow("Partnerdesk")
	w.SetContent(widget.NewLabel("Partnerdesk"))
	w.ShowAndRun()
	return 0
}
