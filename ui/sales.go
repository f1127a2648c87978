package ui

import (
	"errors"
	"fmt"
	"sort"
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

// recentLang is the number format of a recent sale: the company's
// language, English when the back end names none.
func recentLang(r views.SaleRow) string {
	if r.Language == "" {
		return "en"
	}
	return r.Language
}

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
	date         *widget.Entry
	partner      *completionEntry
	rep          *completionEntry
	customer     *widget.Entry
	newCustomer  *enterCheck
	newProduct   *enterCheck
	product      *completionEntry
	quantity     *widget.Entry
	unitPrice    *widget.Entry
	net          *widget.Entry
	invoice      *widget.Entry
	line         *widget.Entry
	registration *widget.Entry
	referral     *widget.Entry
	original     *widget.Entry
	save         *widget.Button
	message      *widget.Label

	products []engine.Product
	reps     []engine.Rep
	recent   []views.SaleRow
	table    *widget.Table
	content  fyne.CanvasObject
}

func newSalesScreen(s *Shell) *salesScreen {
	sc := &salesScreen{shell: s, b: s.Backend()}
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
	if sc.partner.Text == "" {
		return sc.partner
	}
	return sc.rep
}

// Command handles New (a blank line), Save and Find (the partner field).
func (sc *salesScreen) Command(c Command) bool {
	switch c {
	case CmdNew:
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
	entry := func(placeholder string) *widget.Entry {
		e := widget.NewEntry()
		e.PlaceHolder = placeholder
		e.OnSubmitted = func(string) { sc.onSave() }
		return e
	}
	sc.date = entry("2026-07-31")
	sc.partner = newCompletionEntry(sc.partnerOptions)
	sc.partner.PlaceHolder = "Type a name or code"
	sc.partner.onPick = sc.onPartnerPicked
	sc.rep = newCompletionEntry(func(q string) []option { return matchOptions(sc.repOptions(), q) })
	sc.rep.PlaceHolder = "Optional"
	sc.customer = entry("Customer name")
	sc.newCustomer = newEnterCheck("First sale to this customer", sc.onSave)
	sc.newProduct = newEnterCheck("New product for this customer", sc.onSave)
	sc.product = newCompletionEntry(func(q string) []option { return matchOptions(sc.productOptions(), q) })
	sc.product.PlaceHolder = "Type a SKU or name"
	sc.quantity = entry("1")
	sc.unitPrice = entry("0.00")
	sc.net = entry("Quantity × price")
	sc.invoice = entry("Invoice number")
	sc.line = entry("1")
	sc.registration = entry("Optional")
	sc.referral = entry("Optional")
	sc.original = entry("Returns only")
	for _, c := range []*completionEntry{sc.partner, sc.rep, sc.product} {
		c.OnSubmitted = func(string) { sc.onSave() }
		c.onEscape = func() { sc.clear(true) }
	}
	sc.save = widget.NewButtonWithIcon("Save line", theme.ConfirmIcon(), sc.onSave)
	sc.save.Importance = widget.HighImportance
	sc.message = widget.NewLabel("")
	sc.message.Wrapping = fyne.TextWrapWord

	add := func(key, label string, in fyne.CanvasObject) fyne.CanvasObject {
		return sc.fs.add(newField(key, label, in)).Cell()
	}
	// The save button sits where an input would, under an empty caption.
	saveCell := container.New(tightStack{}, widget.NewLabel(" "), sc.save)
	grid := container.NewGridWithColumns(4,
		add(SaleDate, "Date", sc.date),
		add(SalePartner, "Partner", sc.partner),
		add(SaleRep, "Rep", sc.rep),
		add(SaleCustomer, "Customer", sc.customer),
		add(SaleNewCustomer, "New customer", sc.newCustomer),
		add(SaleNewProduct, "New product", sc.newProduct),
		add(SaleProduct, "Product", sc.product),
		add(SaleQuantity, "Quantity", sc.quantity),
		add(SaleUnitPrice, "Unit price", sc.unitPrice),
		add(SaleNet, "Net amount", sc.net),
		add(SaleInvoice, "Invoice", sc.invoice),
		add(SaleLine, "Invoice line", sc.line),
		add(SaleRegistration, "Deal registration", sc.registration),
		add(SaleReferralCode, "Referral code", sc.referral),
		add(SaleOriginalInvoice, "Original invoice (returns)", sc.original),
		saveCell,
	)
	hint := widget.NewLabel("Tab moves between fields · type a few letters to pick, ↓ ↑ to choose · Enter saves and opens the next line · Esc clears")
	hint.Importance = widget.LowImportance
	hint.Truncation = fyne.TextTruncateEllipsis
	hint.SizeName = theme.SizeNameCaptionText
	// The message shares the title's line so that the form does not grow
	// when a line is saved or refused.
	form := container.NewVBox(
		container.NewBorder(nil, nil, sectionTitle("New sale line"), nil, sc.message),
		grid, widget.NewSeparator())

	cols := []column{
		{"Date", 92, fyne.TextAlignLeading},
		{"Partner", 150, fyne.TextAlignLeading},
		{"Rep", 110, fyne.TextAlignLeading},
		{"Customer", 114, fyne.TextAlignLeading},
		{"Product", 104, fyne.TextAlignLeading},
		{"Qty", 48, fyne.TextAlignTrailing},
		{"Unit price", 86, fyne.TextAlignTrailing},
		{"Net", 112, fyne.TextAlignTrailing},
		{"Invoice / line", 156, fyne.TextAlignLeading},
	}
	widths := make([]float32, len(cols))
	for i, c := range cols {
		widths[i] = c.Width
	}
	sc.table = newTextTable(cols, func() int { return len(sc.recent) }, sc.recentCell)
	recent := container.NewBorder(sectionTitle("Recent sales"), hint, nil, nil, fitTable(sc.table, widths, 1))
	sc.content = container.NewBorder(form, nil, nil, nil, recent)
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
	sc.recent = rows
	sc.table.Refresh()
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
		Date:            t(sc.date),
		Partner:         t(&sc.partner.Entry),
		Rep:             t(&sc.rep.Entry),
		Customer:        t(sc.customer),
		NewCustomer:     sc.newCustomer.Checked,
		NewProduct:      sc.newProduct.Checked,
		Product:         t(&sc.product.Entry),
		Quantity:        t(sc.quantity),
		UnitPrice:       t(sc.unitPrice),
		Net:             t(sc.net),
		Invoice:         t(sc.invoice),
		Line:            t(sc.line),
		Registration:    t(sc.registration),
		ReferralCode:    t(sc.referral),
		OriginalInvoice: t(sc.original),
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
	sc.submit(sc.input(), false)
}

func (sc *salesScreen) submit(in views.SaleInput, confirmed bool) {
	sale, err := sc.b.AddSale(in, confirmed)
	switch {
	case err == nil:
		sc.saved(sale)
	case errors.Is(err, engine.ErrConfirmationNeeded):
		sc.shell.Confirm("Save this sale?", sentence(err)+"\n\nSave it anyway?", func(ok bool) {
			if ok {
				sc.submit(in, true)
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
	sc.message.SetText(fmt.Sprintf("Saved %s line %d for %s: %s × %s.",
		s.Invoice, s.Line, sc.partner.Text, s.Quantity.String(), sc.product.Text))
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
	for _, e := range []*widget.Entry{sc.customer, sc.quantity, sc.unitPrice, sc.net,
		sc.invoice, sc.line, sc.registration, sc.referral, sc.original} {
		e.SetText("")
	}
	sc.newCustomer.SetChecked(false)
	sc.newProduct.SetChecked(false)
}

// rankOptions keeps every option but puts an exact text first, then those
// that start with q.
func rankOptions(opts []option, q string) []option {
	q = strings.ToLower(strings.TrimSpace(q))
	rank := func(o option) int {
		t := strings.ToLower(o.Text)
		switch {
		case t == q:
			return 0
		case strings.HasPrefix(t, q):
			return 1
		}
		return 2
	}
	sort.SliceStable(opts, func(i, j int) bool { return rank(opts[i]) < rank(opts[j]) })
	return opts
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
