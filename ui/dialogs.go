package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

// Fyne's dialogs answer only to the mouse and Tab + Space. These helpers
// give them the keys a keyboard user tries first: Enter for the default
// answer and Escape to back out. The keys reach the canvas while nothing
// inside the dialog has the focus, which is how a dialog opens.

// onDialogKeys routes Enter and Escape to enter and escape while d is on
// show; the canvas's own key handler comes back when d closes.
func onDialogKeys(d dialog.Dialog, c fyne.Canvas, enter, escape func()) {
	prev := c.OnTypedKey()
	c.SetOnTypedKey(func(k *fyne.KeyEvent) {
		switch {
		case (k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter) && enter != nil:
			enter()
		case k.Name == fyne.KeyEscape && escape != nil:
			escape()
		case prev != nil:
			prev(k)
		}
	})
	d.SetOnClosed(func() { c.SetOnTypedKey(prev) })
}

// closeOnEscape lets Escape (and Enter) dismiss a dialog that only shows
// something.
func closeOnEscape(d dialog.Dialog, c fyne.Canvas) {
	onDialogKeys(d, c, d.Hide, d.Hide)
}

// confirmKeys makes Enter confirm and Escape cancel d.
func confirmKeys(d *dialog.ConfirmDialog, c fyne.Canvas) {
	onDialogKeys(d, c, d.Confirm, d.Dismiss)
}

// showConfirm is dialog.ShowConfirm with Enter for yes and Escape for no.
func showConfirm(title, message string, answer func(bool), w fyne.Window) *dialog.ConfirmDialog {
	d := dialog.NewConfirm(title, message, answer, w)
	confirmKeys(d, w.Canvas())
	d.Show()
	return d
}

// showInfo is dialog.ShowInformation that Enter or Escape closes.
func showInfo(title, message string, w fyne.Window) {
	d := dialog.NewInformation(title, message, w)
	closeOnEscape(d, w.Canvas())
	d.Show()
}

// showErr is dialog.ShowError that Enter or Escape closes.
func showErr(err error, w fyne.Window) {
	d := dialog.NewError(err, w)
	closeOnEscape(d, w.Canvas())
	d.Show()
}
