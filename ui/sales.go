package ui

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partnerdesk/engine"
	"partnerdesk/engine/i18n"
	"partnerdesk/engine/views"
)

func init() {
	RegisterScreen(ScreenSpec{
		Name: ScreenSales, Title: "Sales", IconName: theme.IconNameDocumentCreate, Order: 30,
		New: func(s *Shell) Screen { return newSalesScreen(s) },
	})
}

// recentLimit is how many recent sales the list under the form shows.
const recentLimit = 50

// recentLang is the number format of a recent sale: the window's
// language, like every figure on screen.
func recentLang(views.SaleRow) string { return Lang() }

// saleAliases maps the other names a backend may give a sale's fields to the
// form's keys.
var saleAliases = map[string]string{
	"partner_id": SalePartner, "rep_id": SaleRep, "product_id": SaleProduct,
	"registration_id": SaleRegistration, "unitprice": SaleUnitPrice, "price": SaleUnitPrice,
	"sku": SaleProduct,
}

// salesScreen is keyboard-first sale entry: every field in reading order
// with Tab, partner, rep and product picked by typing, Enter saves and opens
// the next line with the same date and partner.
type salesScreen struct {
	shell *Shell
	b     Backend

	fs           fields
	date         *formEntry
	late         *enterCheck // shown while the date lies in a closed period
	partner      *completionEntry
	rep          *completionEntry
	customer     *formEntry
	newCustomer  *enterCheck
	newProduct   *enterCheck
	product      *completionEntry
	quantity     *formEntry
	unitPrice    *formEntry
	net          *formEntry
	invoice      *formEntry
	line         *formEntry
	registration *formEntry
	referral     *formEntry
	original     *formEntry
	save         *widget.Button
	title        *widget.Label
	message      *widget.Label

	products []engine.Product
	reps     []engine.Rep
	recent   []views.SaleRow
	table    *keyTable
	content  fyne.CanvasObject

	// edit is the correction and closed-date service, when the back end
	// has it (see sales_edit.go).
	edit SaleEditService
	// editing is the sale the form corrects (0: a new line); sel the
	// recent row chosen (-1: none).
	editing engine.ID
	sel     int
	// autoPrice is the price the form filled from the product's list
	// price, replaced when another product is picked; typed prices stay.
	autoPrice string
	// dateState is what the typed date means (closed or open).
	dateState views.SaleDate
	chosen    *widget.Label
	correct   *widget.Button
	remove    *widget.Button
}

func newSalesScreen(s *Shell) *salesScreen {
	sc := &salesScreen{shell: s, b: s.Backend(), sel: -1}
	sc.edit, _ = sc.b.(SaleEditService)
	sc.build()
	return sc
}

// Content is the screen.
func (sc *salesScreen) Content() fyne.CanvasObject { return sc.content }

// Shown reloads products and recent sales and puts the cursor where the
// next typing goes: the partner when the date is set, else the date.
func (sc *salesScreen) Shown() fyne.Focusable {
	sc.loadProducts()
	sc.loadRecent()
	if sc.date.Text == "" {
		sc.date.SetText(sc.b.Today().String())
	}
	if sc.quantity.Text == "" {
		sc.quantity.SetText("1")
	}
	sc.checkDate()
	if sc.partner.Text == "" {
		return sc.partner
	}
	return sc.rep
}

// Command handles New (a blank line), Save and Find (the partner field).
func (sc *salesScreen) Command(c Command) bool {
	switch c {
	case CmdNew:
		sc.endEdit()
		sc.clear(false)
		sc.shell.Window().Canvas().Focus(sc.partner)
	case CmdSave:
		sc.onSave()
	case CmdFind:
		sc.shell.Window().Canvas().Focus(sc.partner)
	case CmdRefresh:
		sc.loadProducts()
		sc.loadRecent()
	default:
		return false
	}
	return true
}

// It is long because it declares the sale form's widgets and their layout
// in one place, as Fyne forms are written; it holds no rule.
func (sc *salesScreen) build() {
	entry := func(placeholder string) *formEntry {
		e := newFormEntry(placeholder, sc.onSave)
		e.onEscape = sc.onEscape
		return e
	}
	sc.date = entry("2026-07-31")
	sc.date.OnChanged = func(string) { sc.checkDate() }
	sc.late = newEnterCheck(T("Late sale"), sc.onSave)
	sc.late.Hide()
	sc.partner = newCompletionEntry(sc.partnerOptions)
	sc.partner.PlaceHolder = T("Type a name or code")
	sc.partner.onPick = sc.onPartnerPicked
	sc.rep = newCompletionEntry(func(q string) []option { return matchOptions(sc.repOptions(), q) })
	sc.rep.PlaceHolder = T("Optional")
	sc.customer = entry(T("Customer name"))
	sc.newCustomer = newEnterCheck(T("First sale to this customer"), sc.onSave)
	sc.newProduct = newEnterCheck(T("New product for this customer"), sc.onSave)
	sc.product = newCompletionEntry(func(q string) []option { return matchOptions(sc.productOptions(), q) })
	sc.product.PlaceHolder = T("Type a SKU or name")
	sc.product.onPick = sc.onProductPicked
	sc.quantity = entry("")
	sc.quantity.SetText("1")
	sc.unitPrice = entry("0.00")
	sc.net = entry(T("Quantity × price"))
	for _, e := range []*formEntry{sc.quantity, sc.unitPrice, sc.net} {
		e.OnChanged = func(string) { sc.showNet() }
	}
	sc.invoice = entry(T("Invoice number"))
	// Not "1": a grey digit reads as a value; empty takes the next free line.
	sc.line = entry(T("Next free line"))
	sc.registration = entry(T("Optional"))
	sc.referral = entry(T("Optional"))
	sc.original = entry(T("Returns only"))
	for _, c := range []*completionEntry{sc.partner, sc.rep, sc.product} {
		c.OnSubmitted = func(string) { sc.onSave() }
		c.onEscape = sc.onEscape
	}
	sc.save = widget.NewButtonWithIcon(T("Save line"), theme.ConfirmIcon(), sc.onSave)
	sc.save.Importance = widget.HighImportance
	sc.message = widget.NewLabel("")
	sc.message.Wrapping = fyne.TextWrapWord

	add := func(key, label string, in fyne.CanvasObject) fyne.CanvasObject {
		return sc.fs.add(newField(key, label, in)).Cell()
	}
	// The save button sits where an input would, under an empty caption.
	saveCell := container.New(tightStack{}, widget.NewLabel(" "), sc.save)
	dateField := sc.fs.add(newField(SaleDate, T("Date"), sc.date))
	dateCell := container.New(tightStack{}, dateField.label, container.NewBorder(nil, nil, nil, sc.late, sc.date), dateField.note)
	grid := container.NewGridWithColumns(4,
		dateCell,
		add(SalePartner, T("Partner"), sc.partner),
		add(SaleRep, T("Rep"), sc.rep),
		add(SaleCustomer, T("Customer"), sc.customer),
		add(SaleNewCustomer, T("New customer"), sc.newCustomer),
		add(SaleNewProduct, T("New product"), sc.newProduct),
		add(SaleProduct, T("Product"), sc.product),
		add(SaleQuantity, T("Quantity"), sc.quantity),
		add(SaleUnitPrice, T("Unit price"), sc.unitPrice),
		add(SaleNet, T("Net amount"), sc.net),
		add(SaleInvoice, T("Invoice"), sc.invoice),
		add(SaleLine, T("Invoice line"), sc.line),
		add(SaleRegistration, T("Deal registration"), sc.registration),
		add(SaleReferralCode, T("Referral code"), sc.referral),
		add(SaleOriginalInvoice, T("Original invoice (returns)"), sc.original),
		saveCell,
	)
	hint := widget.NewLabel(T("Tab moves · type to pick, ↓ ↑ to choose · Enter saves, next line · Esc clears the line (cursor to Rep; again: all) · list: Enter corrects, Del removes"))
	hint.Importance = widget.LowImportance
	hint.Truncation = fyne.TextTruncateEllipsis
	hint.SizeName = theme.SizeNameCaptionText
	// The message shares the title's line so that the form does not grow
	// when a line is saved or refused.
	sc.title = sectionTitle(T("New sale line"))
	form := container.NewVBox(
		container.NewBorder(nil, nil, sc.title, nil, sc.message),
		grid, widget.NewSeparator())

	cols := []column{
		{T("Date"), 92, fyne.TextAlignLeading},
		{T("Partner"), 150, fyne.TextAlignLeading},
		{T("Rep"), 110, fyne.TextAlignLeading},
		{T("Customer"), 114, fyne.TextAlignLeading},
		{T("Product"), 104, fyne.TextAlignLeading},
		{T("Qty"), 48, fyne.TextAlignTrailing},
		{T("Unit price"), 86, fyne.TextAlignTrailing},
		{T("Net"), 112, fyne.TextAlignTrailing},
		{T("Invoice / line"), 156, fyne.TextAlignLeading},
	}
	sc.table = newKeyTable(cols, func() int { return len(sc.recent) }, sc.recentCell, func(row int) bool { return row == sc.sel })
	sc.table.onChoose = sc.chooseRecent
	sc.table.onKey = sc.onRecentKey
	recent := inOrder(container.NewBorder(nil, nil, sectionTitle(T("Recent sales")), nil, sc.recentBar()), sc.table.fit(1), hint)
	sc.content = inOrder(form, recent, nil)
}

func (sc *salesScreen) recentCell(row, col int) string {
	if row >= len(sc.recent) {
		return ""
	}
	r := sc.recent[row]
	s := r.Sale
	switch col {
	case 0:
		return s.Date.String()
	case 1:
		return r.Partner
	case 2:
		return r.Rep
	case 3:
		return s.Customer
	case 4:
		return r.Product
	case 5:
		return i18n.Number(s.Quantity, int32(max(0, -s.Quantity.Exponent())), recentLang(r))
	case 6:
		return i18n.Number(s.UnitPrice, r.Currency.MinorUnits, recentLang(r))
	case 7:
		return i18n.Money(s.Net, r.Currency, recentLang(r))
	case 8:
		return fmt.Sprintf("%s / %d", s.Invoice, s.Line)
	}
	return ""
}

func (sc *salesScreen) loadProducts() {
	ps, err := sc.b.Products()
	if err != nil {
		sc.shell.ShowError(fmt.Errorf("load products: %w", err))
		return
	}
	sc.products = ps
}

func (sc *salesScreen) loadRecent() {
	rows, err := sc.b.RecentSales(recentLimit)
	if err != nil {
		sc.shell.ShowError(fmt.Errorf("load recent sales: %w", err))
		return
	}
	var keep engine.ID
	if sc.sel >= 0 && sc.sel < len(sc.recent) {
		keep = sc.recent[sc.sel].Sale.ID
	}
	sc.recent, sc.sel = rows, -1
	for i, r := range rows {
		if keep != 0 && r.Sale.ID == keep {
			sc.sel = i
		}
	}
	sc.table.Refresh()
	if sc.chosen != nil {
		sc.showChosen(nil)
	}
}

// partnerOptions asks the backend, which also matches referral codes, and
// puts names that start with the text first.
func (sc *salesScreen) partnerOptions(q string) []option {
	ps, err := sc.b.Partners(strings.TrimSpace(q))
	if err != nil {
		sc.message.SetText(err.Error())
		return nil
	}
	return partnerChoices(ps, q)
}

func (sc *salesScreen) repOptions() []option { return repChoices(sc.reps) }

func (sc *salesScreen) productOptions() []option {
	opts := make([]option, 0, len(sc.products))
	for _, p := range sc.products {
		opts = append(opts, option{ID: p.ID, Text: p.SKU, Detail: p.Name})
	}
	return opts
}

// onPartnerPicked loads the partner's reps for the rep field.
func (sc *salesScreen) onPartnerPicked(o option) {
	sc.reps = nil
	if o.ID == 0 {
		return
	}
	reps, err := sc.b.Reps(o.ID)
	if err != nil {
		sc.shell.ShowError(fmt.Errorf("load reps: %w", err))
		return
	}
	sc.reps = reps
}

// input collects the typed line.
func (sc *salesScreen) input() views.SaleInput {
	t := func(e *widget.Entry) string { return strings.TrimSpace(e.Text) }
	return views.SaleInput{
		Date:            sc.date.trimmed(),
		Partner:         t(&sc.partner.Entry),
		Rep:             t(&sc.rep.Entry),
		Customer:        sc.customer.trimmed(),
		NewCustomer:     sc.newCustomer.Checked,
		NewProduct:      sc.newProduct.Checked,
		Product:         t(&sc.product.Entry),
		Quantity:        sc.quantity.trimmed(),
		UnitPrice:       sc.unitPrice.trimmed(),
		Net:             sc.net.trimmed(),
		Invoice:         sc.invoice.trimmed(),
		Line:            sc.line.trimmed(),
		Registration:    sc.registration.trimmed(),
		ReferralCode:    sc.referral.trimmed(),
		OriginalInvoice: sc.original.trimmed(),
		Late:            sc.late.Visible() && sc.late.Checked,
		PartnerID:       sc.partner.Picked().ID,
		RepID:           sc.rep.Picked().ID,
		ProductID:       sc.product.Picked().ID,
	}
}

// onSave sends the line to the backend and maps what comes back.
func (sc *salesScreen) onSave() {
	for _, c := range []*completionEntry{sc.partner, sc.rep, sc.product} {
		c.Resolve()
	}
	if !sc.dateAccepted() {
		return
	}
	sc.submit(sc.input(), false)
}

func (sc *salesScreen) submit(in views.SaleInput, confirmed bool) {
	var sale engine.Sale
	var err error
	if sc.editing != 0 {
		sale, err = sc.edit.EditSale(sc.editing, in)
	} else {
		sale, err = sc.b.AddSale(in, confirmed)
	}
	switch {
	case err == nil:
		sc.saved(sale)
	case errors.Is(err, engine.ErrConfirmationNeeded):
		back := sc.shell.Window().Canvas().Focused()
		sc.shell.Confirm(T("Save this sale?"), confirmQuestion(err)+"\n\n"+T("Save it anyway?"), func(ok bool) {
			if ok {
				sc.submit(in, true)
				return
			}
			// Back to the line as it was typed, to correct it.
			sc.message.Importance = widget.WarningImportance
			sc.message.SetText(T("Not saved: correct the line, or press Enter again to be asked once more."))
			if back != nil {
				sc.shell.Window().Canvas().Focus(back)
			}
		})
	default:
		rest, ok := sc.fs.showErrors(err, saleAliases)
		if !ok {
			sc.message.Importance = widget.DangerImportance
			sc.message.SetText(sentence(err))
			return
		}
		sc.message.Importance = widget.DangerImportance
		sc.message.SetText(strings.Join(rest, "\n"))
		if f := sc.fs.firstError(); f != nil {
			if fo, ok := f.input.(fyne.Focusable); ok {
				sc.shell.Window().Canvas().Focus(fo)
			}
		}
	}
}

// saved reports the stored line and opens the next one with the same date
// and partner, the cursor on the rep.
func (sc *salesScreen) saved(s engine.Sale) {
	sc.fs.clearErrors()
	sc.message.Importance = widget.SuccessImportance
	verb := T("Saved")
	if sc.editing != 0 {
		verb = Tf("Corrected sale #%d:", s.ID)
	}
	late := ""
	if s.Booked != 0 {
		late = Tf(", a late sale booked %s", s.Booked)
	}
	sc.message.SetText(Tf("%s %s line %d for %s: %s × %s%s.",
		verb, s.Invoice, s.Line, sc.partner.Text, s.Quantity.String(), sc.product.Text, late))
	sc.endEdit()
	sc.clear(true)
	sc.loadRecent()
	sc.shell.Window().Canvas().Focus(sc.rep)
}

// clear empties the line; keep holds the date and partner for the next line.
func (sc *salesScreen) clear(keep bool) {
	sc.fs.clearErrors()
	if !keep {
		sc.date.SetText(sc.b.Today().String())
		sc.partner.Clear()
		sc.reps = nil
		sc.message.SetText("")
	}
	sc.rep.Clear()
	sc.product.Clear()
	for _, e := range []*formEntry{sc.customer, sc.unitPrice, sc.net,
		sc.invoice, sc.line, sc.registration, sc.referral, sc.original} {
		e.SetText("")
	}
	sc.quantity.SetText("1")
	sc.autoPrice = ""
	sc.newCustomer.SetChecked(false)
	sc.newProduct.SetChecked(false)
	sc.late.SetChecked(false)
	sc.checkDate()
	sc.showNet()
}

// sentence turns an error into text for a person: the first letter upper
// case and a full stop.
func sentence(err error) string {
	s := strings.TrimSpace(err.Error())
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	s = string(unicode.ToUpper(r)) + s[n:]
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}

// enterCheck is a check box on which Enter submits the form, like in the
// entries around it.
type enterCheck struct {
	widget.Check
	onSubmit func()
}

func newEnterCheck(label string, onSubmit func()) *enterCheck {
	c := &enterCheck{onSubmit: onSubmit}
	c.Text = label
	c.ExtendBaseWidget(c)
	return c
}

// TypedKey submits on Enter and leaves Space to the check.
func (c *enterCheck) TypedKey(k *fyne.KeyEvent) {
	if (k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter) && c.onSubmit != nil {
		c.onSubmit()
		return
	}
	c.Check.TypedKey(k)
}
