package ui

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"

	"partnerdesk/engine"
	"partnerdesk/engine/i18n"
	"partnerdesk/engine/views"
)

// The period run's four actions, each off the UI goroutine through the
// screen's background helper: compute, approve (asking past a budget),
// pay (one payout per payee and currency) and close.

// onCompute recomputes the period with a progress bar.
func (s *PeriodRunScreen) onCompute() {
	key := s.review.Period.Key
	if key == "" {
		return
	}
	s.setProblem("")
	s.progress.SetValue(0)
	s.progress.Show()
	s.enable()
	s.background(func() {
		res, err := s.svc.ComputeForRun(key, func(done, total int) {
			fyne.Do(func() {
				if total > 0 {
					s.progress.SetValue(float64(done) / float64(total))
				}
			})
		})
		fyne.Do(func() {
			s.progress.Hide()
			s.enable()
			if err != nil {
				s.setProblem(Tf("Compute %s: %v", key, err))
				return
			}
			s.detail.Importance = widget.MediumImportance
			s.detail.SetText(Tf("Computed %s: %d draft lines from %d programs; %d approved or paid lines kept.", key, res.Lines, res.Programs, res.Kept))
			// After a compute the first question is what it changed.
			s.tabs.Select(s.changesTab)
			s.roomForChanges()
			s.open(key)
		})
	})
}

// onApprove approves the chosen draft lines, or every draft line shown when
// none is chosen.
func (s *PeriodRunScreen) onApprove() {
	var ids []engine.ID
	for _, l := range s.chosenLines() {
		if l.Line.Status == engine.LineDraft {
			ids = append(ids, l.Line.ID)
		}
	}
	if len(ids) == 0 && len(s.selected) == 0 {
		for _, i := range s.shown {
			if l := s.review.Lines[i].Line; l.Status == engine.LineDraft {
				ids = append(ids, l.ID)
			}
		}
		if len(ids) == 0 {
			showInfo(T("Approve"), T("There are no draft lines to approve."), s.win)
			return
		}
		showConfirm(T("Approve"), Tf("No line is chosen. Approve all %d draft lines shown?", len(ids)), func(ok bool) {
			if ok {
				s.approveIDs(ids, false)
			}
		}, s.win)
		return
	}
	if len(ids) == 0 {
		showInfo(T("Approve"), T("None of the chosen lines is a draft."), s.win)
		return
	}
	s.approveIDs(ids, false)
}

func (s *PeriodRunScreen) approveIDs(ids []engine.ID, confirmed bool) {
	key := s.review.Period.Key
	s.background(func() {
		_, err := s.svc.Approve(key, ids, confirmed)
		fyne.Do(func() {
			var be *engine.BudgetError
			switch {
			case err == nil:
				for _, id := range ids {
					delete(s.selected, id)
				}
				s.detail.SetText(Tf("Approved %d lines.", len(ids)))
				s.open(key)
			case !confirmed && errors.As(err, &be):
				s.confirmBudget(be, ids)
			case !confirmed && errors.Is(err, engine.ErrConfirmationNeeded):
				showConfirm(T("Approve"), err.Error()+"\n\n"+T("Approve anyway?"), func(ok bool) {
					if ok {
						s.approveIDs(ids, true)
					}
				}, s.win)
			default:
				showErr(fmt.Errorf("approve %d lines of %s: %w", len(ids), key, err), s.win)
			}
		})
	})
}

// confirmBudget shows how far the approval passes each budget and approves
// again, confirmed, if the user agrees.
func (s *PeriodRunScreen) confirmBudget(be *engine.BudgetError, ids []engine.ID) {
	rows := container.NewVBox()
	for _, o := range be.Overruns {
		f := numFmt{lang: Lang(), cur: o.Currency}
		head := widget.NewLabelWithStyle(o.Program, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		// Amounts align on the right so their digits line up.
		fig := func(d decimal.Decimal) fyne.CanvasObject {
			return container.NewGridWrap(fyne.NewSize(160, 0), widget.NewLabelWithStyle(f.money(d), fyne.TextAlignTrailing, fyne.TextStyle{}))
		}
		form := widget.NewForm(
			widget.NewFormItem(T("Budget"), fig(o.Budget)),
			widget.NewFormItem(T("Spent so far"), fig(o.Spent)),
			widget.NewFormItem(T("Approving now"), fig(o.Approving)),
			widget.NewFormItem(T("Spent after"), fig(o.After())),
		)
		over := widget.NewLabel(Tf("Over budget by %s", f.money(o.Over())))
		over.Importance = widget.DangerImportance
		rows.Add(container.NewVBox(head, form, over, NewMeter(o.After(), o.Budget)))
	}
	intro := widget.NewLabel(Tf("Approving these %d lines passes the budget below. A budget is not a cap: you may approve anyway.", len(ids)))
	if len(ids) == 1 {
		intro.SetText(T("Approving this line passes the budget below. A budget is not a cap: you may approve anyway."))
	}
	intro.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(T("Budget exceeded"), T("Approve anyway"), T("Cancel"), container.NewVBox(intro, rows), func(ok bool) {
		if ok {
			s.approveIDs(ids, true)
		}
	}, s.win)
	d.Resize(fyne.NewSize(520, 0))
	confirmKeys(d, s.win.Canvas())
	d.Show()
}

// payGroup is one payout to record: what it settles (engine.PlanPayouts
// decides which lines are payable and how they group) and the payee's name.
type payGroup struct {
	engine.PayoutPlan
	name string
}

// payGroups plans the payouts of the chosen lines, naming each payee as
// the review does.
func payGroups(lines []views.ReviewedLine) []payGroup {
	rls := make([]engine.RewardLine, len(lines))
	names := map[engine.Payee]string{}
	for i, l := range lines {
		rls[i] = l.Line
		names[l.Line.Payee] = l.Payee
	}
	plans := engine.PlanPayouts(rls)
	out := make([]payGroup, len(plans))
	for i, p := range plans {
		out[i] = payGroup{PayoutPlan: p, name: names[p.Payee]}
	}
	return out
}

// onPay records payouts of the chosen approved money lines: one payout per
// payee, so paying a whole period is one dialog rather than one per payee.
func (s *PeriodRunScreen) onPay() {
	groups := payGroups(s.chosenLines())
	if len(groups) == 0 {
		showInfo(T("Pay"), T("Choose the approved money lines this payout settles."), s.win)
		return
	}
	sum, lines := decimal.Zero, 0
	for _, g := range groups {
		sum = sum.Add(g.Amount)
		lines += len(g.Lines)
	}
	date := widget.NewEntry()
	date.SetText(s.svc.Today().String())
	method := widget.NewSelectEntry([]string{T("Bank transfer"), T("Credit note"), T("Voucher"), T("Cheque")})
	method.SetText(T("Bank transfer"))
	ref := widget.NewEntry()
	ref.SetPlaceHolder(T("e.g. bank reference or credit note number"))
	payee := widget.NewLabel(groups[0].name)
	title := T("Record a payout")
	if len(groups) > 1 {
		payee.SetText(Tf("%d payees: one payout each", len(groups)))
		title = Tf("Record %d payouts", len(groups))
	}
	items := []*widget.FormItem{
		widget.NewFormItem(T("Payee"), payee),
		widget.NewFormItem(T("Amount"), widget.NewLabelWithStyle(s.format.money(sum), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})),
		widget.NewFormItem(T("Lines"), widget.NewLabel(fmt.Sprint(lines))),
		widget.NewFormItem(T("Date"), date),
		widget.NewFormItem(T("Method"), method),
		widget.NewFormItem(T("Reference"), ref),
	}
	items[3].HintText = T("YYYY-MM-DD")
	if len(groups) > 1 {
		items[5].HintText = T("the same on every payout, e.g. the bank batch")
	}
	d := dialog.NewForm(title, T("Pay"), T("Cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		day, err := engine.ParseDate(strings.TrimSpace(date.Text))
		if err != nil {
			showErr(err, s.win)
			return
		}
		s.recordPayouts(groups, day, method.Text, strings.TrimSpace(ref.Text))
	}, s.win)
	d.Resize(fyne.NewSize(460, 0))
	// Enter in the date or the reference pays, as in every other form.
	date.OnSubmitted = func(string) { d.Submit() }
	ref.OnSubmitted = func(string) { d.Submit() }
	d.Show()
	s.win.Canvas().Focus(ref)
}

// recordPayouts records one payout per group off the UI goroutine, with the
// progress bar; a payee that fails does not stop the others.
func (s *PeriodRunScreen) recordPayouts(groups []payGroup, day engine.Date, method, ref string) {
	key := s.review.Period.Key
	s.progress.SetValue(0)
	if len(groups) > 1 {
		s.progress.Show()
	}
	s.background(func() {
		var paid []engine.Payout
		var failed []string
		var firstErr error
		for i, g := range groups {
			req := views.PayInput{Lines: g.Lines, Date: day.String(), Method: method, Reference: ref}
			p, err := s.svc.Pay(req)
			if err != nil {
				failed = append(failed, g.name)
				if firstErr == nil {
					firstErr = fmt.Errorf("record the payout to %s: %w", g.name, err)
				}
			} else {
				paid = append(paid, p)
			}
			v := float64(i+1) / float64(len(groups)) // a bar position, not money
			fyne.Do(func() { s.progress.SetValue(v) })
		}
		fyne.Do(func() {
			s.progress.Hide()
			// What stays chosen are points and fund lines, which are not
			// paid: a fresh start is clearer than 276 leftovers.
			s.selected = map[engine.ID]bool{}
			s.detail.Importance = widget.MediumImportance
			s.detail.SetText(paySummary(groups, paid, failed, s.format))
			if firstErr != nil {
				showErr(firstErr, s.win)
			} else {
				ShowPaidInvoices(s.win, s.svc, paid) // their self-billing numbers (ui/invoices.go)
			}
			s.open(key)
		})
	})
}

// paySummary says in a sentence what a pay run recorded.
func paySummary(groups []payGroup, paid []engine.Payout, failed []string, f numFmt) string {
	if len(groups) == 1 && len(paid) == 1 {
		p := paid[0]
		return Tf("Paid %s to %s on %s (%s %s).", f.money(p.Amount), groups[0].name, i18n.Date(p.Date, f.lang), p.Method, p.Reference)
	}
	total := decimal.Zero
	for _, p := range paid {
		total = total.Add(p.Amount)
	}
	msg := Tf("Recorded %d payouts, %s in all.", len(paid), f.money(total))
	if len(failed) > 0 {
		msg += " " + Tf("%d could not be recorded: %s.", len(failed), strings.Join(failed, ", "))
	}
	return msg
}

// confirmClose asks before closing, naming what becomes read-only; onClose
// (ui/periodrun_close.go) has checked that nothing blocks the close.
func (s *PeriodRunScreen) confirmClose() {
	key := s.review.Period.Key
	s.background(func() {
		imp, err := s.svc.CloseImpact(key)
		fyne.Do(func() {
			if err != nil {
				showErr(fmt.Errorf("count what closing %s affects: %w", key, err), s.win)
				return
			}
			lang := Lang()
			n := func(v int) string { return i18n.Points(int64(v), lang) }
			msg := Tf("Closing %s makes these read-only:\n• %s sales, %s deal registrations, %s trainings and %s activities dated %s – %s\n• its %s reward lines\n\nA later return or late sale becomes an adjustment in the first open period.",
				key, n(imp.Sales), n(imp.Registrations), n(imp.Trainings), n(imp.Activities),
				i18n.Date(s.review.Period.Start, lang), i18n.Date(s.review.Period.End, lang), n(imp.Lines))
			if imp.Draft > 0 {
				msg += "\n\n" + Tf("%s lines are still drafts and will stay unapproved.", n(imp.Draft))
			}
			// A left-aligned, wrapped message reads as a list; the stock
			// confirm dialog centres every line.
			text := widget.NewLabel(msg)
			text.Wrapping = fyne.TextWrapWord
			d := dialog.NewCustomConfirm(Tf("Close %s?", key), T("Close period"), T("Cancel"), text, func(ok bool) {
				if !ok {
					return
				}
				s.background(func() {
					_, err := s.svc.ClosePeriod(key)
					fyne.Do(func() {
						if err != nil {
							showErr(fmt.Errorf("close %s: %w", key, err), s.win)
							return
						}
						s.detail.SetText(Tf("%s is closed.", key))
						s.open(key)
					})
				})
			}, s.win)
			d.Resize(fyne.NewSize(520, 0))
			// Closing cannot be undone: Escape cancels, but Enter does not
			// close; the button must be chosen.
			onDialogKeys(d, s.win.Canvas(), nil, d.Dismiss)
			d.Show()
		})
	})
}
