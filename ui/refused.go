package ui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partnerdesk/engine"
)

// OpenRefused is the content of the small window shown instead of the main
// one when the database cannot be opened: most often another Partnerdesk
// holds the file (the reason names its process and host when known), or
// there is no database at the path. A window started from the desktop has
// no terminal, so without it a second start would show nothing. onClose
// runs when the user presses Close.
func OpenRefused(err error, onClose func()) fyne.CanvasObject {
	title := widget.NewLabelWithStyle(T("Partnerdesk cannot open the database"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	reason := widget.NewLabel(sentence(err))
	reason.Wrapping = fyne.TextWrapWord
	hint := widget.NewLabel(Tf("Nothing was changed. %s", openRefusedHint(err)))
	hint.Wrapping = fyne.TextWrapWord
	closeBtn := widget.NewButtonWithIcon(T("Close"), theme.CancelIcon(), onClose)
	closeBtn.Importance = widget.HighImportance
	icon := widget.NewIcon(theme.WarningIcon())
	body := container.NewVBox(title, reason, hint, container.NewHBox(closeBtn))
	return container.NewPadded(container.NewBorder(nil, nil, container.NewVBox(icon), nil, body))
}

// openRefusedHint says what to do next.
func openRefusedHint(err error) string {
	if errors.Is(err, engine.ErrInUse) {
		return T("Switch to the Partnerdesk window that has it open (a backup is taken there: Settings > Back up now), or close it and start Partnerdesk again.")
	}
	return T("Start Partnerdesk again once the reason above is dealt with.")
}
