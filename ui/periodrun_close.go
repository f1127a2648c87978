package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// CloseCheckService says what keeps a period from closing before the user
// is asked to confirm (issue #15.9: the close used to fail only after the
// confirmation). *app.Service provides it; `partnerdesk close --check`
// prints the same words.
type CloseCheckService interface {
	CloseCheck(period string) (views.CloseCheck, error)
}

// onClose checks first: when something blocks the close it says what, with
// a button to each period that needs work; otherwise it asks to confirm.
func (s *PeriodRunScreen) onClose() {
	cs, ok := s.svc.(CloseCheckService)
	if !ok {
		s.confirmClose()
		return
	}
	key := s.review.Period.Key
	s.background(func() {
		check, err := cs.CloseCheck(key)
		fyne.Do(func() {
			switch {
			case err != nil:
				showErr(fmt.Errorf("check whether %s can close: %w", key, err), s.win)
			case check.CanClose():
				s.confirmClose()
			default:
				s.showBlockers(check)
			}
		})
	})
}

// showBlockers says why the period cannot close and offers to open each
// period that blocks it, filtered to the lines that need work.
func (s *PeriodRunScreen) showBlockers(check views.CloseCheck) {
	text := widget.NewLabel(sentence(fmt.Errorf("%s", check.Text)))
	text.Wrapping = fyne.TextWrapWord
	rows := container.NewVBox()
	var d dialog.Dialog
	for _, b := range check.Blockers {
		b := b
		what := widget.NewLabel(b.Text)
		what.Wrapping = fyne.TextWrapWord
		go1 := widget.NewButtonWithIcon(Tf("Open %s", b.Period), theme.NavigateNextIcon(), func() {
			d.Hide()
			s.goToBlocker(b)
		})
		rows.Add(container.NewBorder(nil, nil, nil, go1, what))
	}
	body := container.NewVBox(text, widget.NewSeparator(), rows)
	d = dialog.NewCustom(Tf("%s cannot close yet", check.Period), T("Cancel"), body, s.win)
	d.Resize(fyne.NewSize(600, 0))
	closeOnEscape(d, s.win.Canvas())
	d.Show()
}

// goToBlocker opens the period b names with its blocking lines shown:
// drafts to approve, else approved lines to pay; a stale period is to be
// computed, which the detail line says.
func (s *PeriodRunScreen) goToBlocker(b views.CloseBlocker) {
	status := T(allStatuses)
	switch {
	case b.Stale:
	case b.Draft > 0:
		status = lineStatusWord(engine.LineDraft)
	case b.Unpaid > 0:
		status = lineStatusWord(engine.LineApproved)
	}
	s.program.SetSelected(T(allPrograms))
	s.payee.SetText("")
	s.status.SetSelected(status)
	s.period.SetText(b.Period)
	s.open(b.Period)
	todo := T("approve and pay its lines, then close again.")
	if b.Stale {
		todo = Tf("compute it (Compute, or %s), then approve and pay its lines.", commandKeys(CmdCompute))
	}
	s.pending = b.Text + " — " + todo
}
