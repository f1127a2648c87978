package ui

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"

	"partnerdesk/engine"
	"partnerdesk/engine/i18n"
	"partnerdesk/engine/views"
)

// SaleEditService is what the sale screen asks beyond SalesBackend to
// keep fast entry from saving wrong data: correcting and removing a sale
// of an open period from the recent list, saying beside the date what a
// closed period's date means, and showing the net while the user types.
// The screen finds it on the backend by type assertion; without it the
// list only shows and a closed date is asked about in a dialog.
type SaleEditService interface {
	// SaleInputOf returns a stored sale as the form shows it; a sale of a
	// closed period is refused with the reason and what to enter instead.
	SaleInputOf(id engine.ID) (views.SaleInput, error)
	// EditSale corrects a sale of an open period, checked as a new one
	// is; bad fields come back as AddSale's do.
	EditSale(id engine.ID, in views.SaleInput) (engine.Sale, error)
	// RemoveSale removes a sale of an open period.
	RemoveSale(id engine.ID) (engine.Sale, error)
	// CheckSaleDate says whether a typed date lies in a closed period,
	// why, and the day a late sale would be booked.
	CheckSaleDate(text string) (views.SaleDate, error)
	// SaleNet is the net a line of quantity x unit price stores when no
	// net is typed; false while either is not a number.
	SaleNet(quantity, unitPrice string) (decimal.Decimal, bool)
}

// confirmQuestion is the question of an ErrConfirmationNeeded error, as a
// sentence, without the sentinel's words.
func confirmQuestion(err error) string {
	text := err.Error()
	mark := engine.ErrConfirmationNeeded.Error() + ": "
	if i := strings.Index(text, mark); i >= 0 {
		text = text[i+len(mark):]
	}
	return sentence(errors.New(strings.ReplaceAll(text, "; ", ".\n")))
}

// checkDate says beside the date what it means: a closed period's date
// shows why, and the "Late sale" box beside the field offers to book it
// today. An unreadable date is said on save, not while it is typed.
func (sc *salesScreen) checkDate() {
	f := sc.fs.get(SaleDate)
	if f == nil || sc.edit == nil {
		return
	}
	prev := sc.dateState
	sc.dateState = views.SaleDate{}
	d, err := sc.edit.CheckSaleDate(sc.date.trimmed())
	if err == nil {
		sc.dateState = d
	}
	if sc.dateState.Closed == "" {
		sc.late.Hide()
		sc.late.SetChecked(false)
		if prev.Closed != "" && strings.HasPrefix(f.Error(), Tf("%s is closed", prev.Closed)) {
			f.SetError("")
		}
		return
	}
	// Beside the field a few words, so that the form keeps its height;
	// the whole reason on the form's message line.
	d = sc.dateState
	if prev.Reason != d.Reason {
		sc.message.Importance = widget.WarningImportance
		sc.message.SetText(sentence(errors.New(d.Reason)))
	}
	if d.BookOn.IsZero() || sc.editing != 0 {
		f.SetError(Tf("%s is closed, and so is today's period", d.Closed))
		sc.late.Hide()
		return
	}
	f.SetError(Tf("%s is closed: late sale only", d.Closed))
	sc.late.Show()
}

// dateAccepted reports whether the line may go to the back end as far as
// its date goes: a closed period's date needs the "Late sale" box ticked,
// which the cursor is moved to, with the reason beside the date.
func (sc *salesScreen) dateAccepted() bool {
	sc.checkDate()
	d := sc.dateState
	if d.Closed == "" || sc.editing != 0 || (sc.late.Visible() && sc.late.Checked) {
		return true
	}
	c := sc.shell.Window().Canvas()
	sc.message.Importance = widget.DangerImportance
	if d.BookOn.IsZero() {
		sc.message.SetText(T("Not saved: no open period can take this date."))
		c.Focus(sc.date)
		return false
	}
	sc.message.SetText(Tf("Not saved: %s is closed. Tick \"Late sale\" (Space) and press Enter to book it on %s, or change the date.", d.Closed, d.BookOn))
	c.Focus(sc.late)
	return false
}

// showNet shows under the net field the net the line will store while no
// net is typed: quantity × price in the company's rounding, as the back
// end computes it.
func (sc *salesScreen) showNet() {
	f := sc.fs.get(SaleNet)
	if f == nil || sc.edit == nil {
		return
	}
	if sc.net.trimmed() != "" {
		f.SetHint("")
		return
	}
	n, ok := sc.edit.SaleNet(sc.quantity.trimmed(), sc.unitPrice.trimmed())
	if !ok {
		f.SetHint("")
		return
	}
	co, err := sc.b.Company()
	if err != nil {
		f.SetHint("")
		return
	}
	f.SetHint("= " + i18n.Money(n, co.Currency, langOr(co.Language)))
}

// onProductPicked fills the unit price with the product's list price,
// unless the user typed a price of their own.
func (sc *salesScreen) onProductPicked(o option) {
	if o.ID == 0 {
		return
	}
	co, _ := sc.b.Company()
	for _, p := range sc.products {
		if p.ID != o.ID || p.ListPrice.IsZero() {
			continue
		}
		price := p.ListPrice.StringFixed(co.Currency.MinorUnits)
		if cur := sc.unitPrice.trimmed(); cur == "" || cur == sc.autoPrice {
			sc.unitPrice.SetText(price)
			sc.autoPrice = price
		}
	}
}

// lineTyped reports whether anything past the date and partner was typed.
func (sc *salesScreen) lineTyped() bool {
	for _, e := range []*formEntry{sc.customer, sc.unitPrice, sc.net, sc.invoice, sc.line, sc.registration, sc.referral, sc.original} {
		if e.trimmed() != "" {
			return true
		}
	}
	q := sc.quantity.trimmed()
	return sc.rep.Text != "" || sc.product.Text != "" || (q != "" && q != "1") ||
		sc.newCustomer.Checked || sc.newProduct.Checked || sc.late.Checked
}

// onEscape clears the line. A correction is cancelled; a typed line is
// emptied but keeps its date and partner, the cursor on Rep; a line
// already empty is cleared whole, the cursor on Partner.
func (sc *salesScreen) onEscape() {
	c := sc.shell.Window().Canvas()
	sc.message.Importance = widget.MediumImportance
	switch {
	case sc.editing != 0:
		id := sc.editing
		sc.endEdit()
		sc.clear(true)
		sc.message.SetText(Tf("Correction cancelled: sale #%d is unchanged.", id))
		c.Focus(sc.rep)
	case sc.lineTyped():
		sc.clear(true)
		sc.message.SetText(T("Line cleared; the date and partner stay. Esc again clears them too."))
		c.Focus(sc.rep)
	default:
		sc.clear(false)
		c.Focus(sc.partner)
	}
}

// recentBar is the recent list's title line: the chosen sale and what
// can be done with it.
func (sc *salesScreen) recentBar() fyne.CanvasObject {
	sc.chosen = widget.NewLabel("")
	sc.chosen.Truncation = fyne.TextTruncateEllipsis
	sc.correct = widget.NewButtonWithIcon(T("Correct (Enter)"), theme.DocumentCreateIcon(), sc.startEdit)
	sc.remove = widget.NewButtonWithIcon(T("Remove (Del)"), theme.DeleteIcon(), sc.removeChosen)
	sc.showChosen(nil)
	if sc.edit == nil {
		sc.correct.Hide()
		sc.remove.Hide()
	}
	return container.NewBorder(nil, nil, nil, container.NewHBox(sc.correct, sc.remove), sc.chosen)
}

// chooseRecent makes row the sale the list's keys and buttons act on.
func (sc *salesScreen) chooseRecent(row int) {
	if row < 0 || row >= len(sc.recent) {
		return
	}
	sc.sel = row
	sc.table.Refresh()
	sc.table.ScrollTo(widget.TableCellID{Row: row, Col: 0})
	// A click chooses too: the list takes the keyboard, so that Enter
	// and Delete act on the row clicked.
	if w := sc.shell.Window(); w.Content() == sc.shell.Content() && w.Canvas().Focused() != sc.table {
		w.Canvas().Focus(sc.table)
	}
	var err error
	if sc.edit != nil {
		_, err = sc.edit.SaleInputOf(sc.recent[row].Sale.ID)
	}
	sc.showChosen(err)
}

// showChosen names the chosen sale, or why it can no longer change.
func (sc *salesScreen) showChosen(frozen error) {
	ok := sc.sel >= 0 && sc.sel < len(sc.recent) && frozen == nil
	for _, b := range []*widget.Button{sc.correct, sc.remove} {
		if ok {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	switch {
	case sc.sel < 0 || sc.sel >= len(sc.recent):
		sc.chosen.Importance = widget.LowImportance
		sc.chosen.SetText(T("Tab or click into the list, ↓ ↑ to choose a sale"))
	case frozen != nil:
		sc.chosen.Importance = widget.DangerImportance
		sc.chosen.SetText(sentence(frozen))
	default:
		r := sc.recent[sc.sel]
		sc.chosen.Importance = widget.MediumImportance
		sc.chosen.SetText(Tf("#%d %s / %d · %s · %s", r.Sale.ID, r.Sale.Invoice, r.Sale.Line, r.Partner, r.Product))
	}
}

// onRecentKey: Enter corrects the chosen sale, Delete removes it.
func (sc *salesScreen) onRecentKey(k *fyne.KeyEvent) bool {
	switch k.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		sc.startEdit()
	case fyne.KeyDelete:
		sc.removeChosen()
	default:
		return false
	}
	return true
}

// chosenSale returns the chosen sale's form values, or says why there is
// none to change.
func (sc *salesScreen) chosenSale() (views.SaleRow, views.SaleInput, bool) {
	if sc.edit == nil || sc.sel < 0 || sc.sel >= len(sc.recent) {
		sc.showChosen(nil)
		return views.SaleRow{}, views.SaleInput{}, false
	}
	r := sc.recent[sc.sel]
	in, err := sc.edit.SaleInputOf(r.Sale.ID)
	if err != nil {
		sc.showChosen(err)
		return r, in, false
	}
	return r, in, true
}

// startEdit loads the chosen sale into the form for a correction: Enter
// saves it, Esc cancels.
func (sc *salesScreen) startEdit() {
	r, in, ok := sc.chosenSale()
	if !ok {
		return
	}
	// A line being typed is not thrown away for a correction.
	if sc.editing == 0 && sc.lineTyped() {
		sc.message.Importance = widget.WarningImportance
		sc.message.SetText(T("A new line is being typed: save it (Enter) or clear it (Esc) before correcting a sale."))
		return
	}
	sc.clear(false)
	sc.editing = r.Sale.ID
	sc.date.SetText(in.Date)
	sc.partner.Pick(option{ID: in.PartnerID, Text: in.Partner})
	sc.onPartnerPicked(option{ID: in.PartnerID, Text: in.Partner})
	if in.RepID != 0 {
		sc.rep.Pick(option{ID: in.RepID, Text: in.Rep})
	}
	sc.customer.SetText(in.Customer)
	sc.newCustomer.SetChecked(in.NewCustomer)
	sc.newProduct.SetChecked(in.NewProduct)
	sc.product.Pick(option{ID: in.ProductID, Text: in.Product})
	sc.quantity.SetText(in.Quantity)
	sc.unitPrice.SetText(in.UnitPrice)
	sc.autoPrice = ""
	// A net that is quantity × price is left to be computed again, so
	// that a corrected quantity carries it along.
	if n, ok := sc.edit.SaleNet(in.Quantity, in.UnitPrice); ok {
		if stored, err := decimal.NewFromString(in.Net); err == nil && stored.Equal(n) {
			in.Net = ""
		}
	}
	sc.net.SetText(in.Net)
	sc.invoice.SetText(in.Invoice)
	sc.line.SetText(in.Line)
	sc.registration.SetText(in.Registration)
	sc.referral.SetText(in.ReferralCode)
	sc.original.SetText(in.OriginalInvoice)
	sc.checkDate()
	sc.showNet()
	sc.title.SetText(Tf("Correcting sale #%d", sc.editing))
	sc.save.SetText(T("Save correction"))
	sc.message.Importance = widget.MediumImportance
	sc.message.SetText(T("Correct the line and press Enter to save it; Esc cancels. The audit trail keeps it as it was."))
	sc.shell.Window().Canvas().Focus(sc.quantity)
}

// endEdit returns the form to new lines.
func (sc *salesScreen) endEdit() {
	if sc.editing == 0 {
		return
	}
	sc.editing = 0
	sc.title.SetText(T("New sale line"))
	sc.save.SetText(T("Save line"))
}

// removeChosen removes the chosen sale once confirmed.
func (sc *salesScreen) removeChosen() {
	r, _, ok := sc.chosenSale()
	if !ok {
		return
	}
	s := r.Sale
	q := Tf("Remove sale #%d: %s line %d of %s, %s, %s × %s, %s?\n\nThe audit trail keeps it as it was.",
		s.ID, s.Invoice, s.Line, s.Date, r.Partner, s.Quantity, r.Product, i18n.Money(s.Net, r.Currency, recentLang(r)))
	c := sc.shell.Window().Canvas()
	sc.shell.Confirm(T("Remove this sale?"), q, func(yes bool) {
		defer c.Focus(sc.table)
		if !yes {
			return
		}
		got, err := sc.edit.RemoveSale(s.ID)
		if err != nil {
			sc.message.Importance = widget.DangerImportance
			sc.message.SetText(sentence(err))
			return
		}
		if sc.editing == got.ID {
			sc.endEdit()
			sc.clear(true)
		}
		sc.message.Importance = widget.SuccessImportance
		sc.message.SetText(Tf("Removed sale #%d (%s line %d).", got.ID, got.Invoice, got.Line))
		sc.loadRecent()
		if sc.sel >= len(sc.recent) {
			sc.sel = len(sc.recent) - 1
		}
		if sc.sel >= 0 {
			sc.chooseRecent(sc.sel)
		} else {
			sc.showChosen(nil)
		}
	})
}
