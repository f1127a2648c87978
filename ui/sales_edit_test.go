package ui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// Quantity holds a real 1 (not a grey placeholder) that typing replaces;
// picking a product fills its list price, which stays editable; the net
// shows under its field while the line is typed (issue 15.7).
func TestSaleQuantityPriceAndNetWhileTyping(t *testing.T) {
	sc, fb, c, _ := salesOnShow(t)
	if sc.quantity.Text != "1" {
		t.Fatalf("quantity on show = %q, want the value 1", sc.quantity.Text)
	}
	typeLine(t, c, "acme s", "", "Globex", "", "", "crm-p")
	test.FocusNext(c) // to the quantity: its 1 is selected
	if c.Focused() != sc.quantity {
		t.Fatalf("focus = %T, want the quantity", c.Focused())
	}
	if sc.unitPrice.Text != "100.00" {
		t.Errorf("price after picking CRM-PRO = %q, want its list price 100.00", sc.unitPrice.Text)
	}
	net := sc.fs.get(SaleNet)
	if got := digits(net.NoteText()); !strings.Contains(got, "10000") {
		t.Errorf("net while typing = %q, want 1 × 100 = 100.00", net.NoteText())
	}
	typeKeys(t, c, "3")
	if sc.quantity.Text != "3" {
		t.Fatalf("quantity after typing 3 = %q, want 3 (the 1 replaced)", sc.quantity.Text)
	}
	if got := digits(net.NoteText()); !strings.Contains(got, "30000") { // 3 × 100
		t.Errorf("net after quantity 3 = %q, want 300.00", net.NoteText())
	}
	// A typed price stays when another product is picked; the list
	// price of a product replaces only the price it filled itself.
	test.FocusNext(c)
	typeKeys(t, c, "90")
	if sc.unitPrice.Text != "90" {
		t.Fatalf("price = %q, want the typed 90 in place of 100.00", sc.unitPrice.Text)
	}
	sc.product.Pick(option{ID: 102, Text: "CRM-ENT"})
	if sc.unitPrice.Text != "90" {
		t.Errorf("price after picking CRM-ENT = %q, want the typed 90 kept", sc.unitPrice.Text)
	}
	if got := digits(net.NoteText()); !strings.Contains(got, "27000") { // 3 × 90
		t.Errorf("net = %q, want 270.00", net.NoteText())
	}
	test.FocusNext(c)
	typeKeys(t, c, "260")
	if got := net.NoteText(); got != "" {
		t.Errorf("a typed net still shows %q under it", got)
	}
	typeLine(t, c, "", "", "INV-9")
	press(t, c, fyne.KeyReturn)
	if len(fb.sales) != 1 || fb.sales[0].Quantity != "3" || fb.sales[0].UnitPrice != "90" || fb.sales[0].Net != "260" {
		t.Fatalf("sent %+v, want quantity 3, price 90, net 260", fb.sales)
	}
	if sc.quantity.Text != "1" || sc.unitPrice.Text != "" {
		t.Errorf("next line quantity %q price %q, want 1 and empty", sc.quantity.Text, sc.unitPrice.Text)
	}
}

// Shift+Tab back into a filled field selects its text: typing replaces it
// instead of landing in its middle.
func TestShiftTabSelectsTheFilledField(t *testing.T) {
	sc, _, c, _ := salesOnShow(t)
	typeLine(t, c, "acme s", "", "Globex SpA")
	test.FocusNext(c)
	test.FocusPrevious(c)
	if c.Focused() != sc.customer {
		t.Fatalf("focus after Shift+Tab = %T, want the customer", c.Focused())
	}
	typeKeys(t, c, "Initech")
	if sc.customer.Text != "Initech" {
		t.Errorf("customer = %q, want Initech (the old text replaced)", sc.customer.Text)
	}
	test.FocusPrevious(c)
	test.FocusPrevious(c) // the partner picker selects too
	if c.Focused() != sc.partner {
		t.Fatalf("focus = %T, want the partner", c.Focused())
	}
	typeKeys(t, c, "nim")
	if sc.partner.Text != "nim" {
		t.Errorf("partner = %q, want nim", sc.partner.Text)
	}
}

// Esc clears the typed line, keeps date and partner and puts the cursor
// on Rep; Esc on an empty line clears the partner too, the cursor on
// Partner.
func TestEscapeClearsTheLine(t *testing.T) {
	sc, fb, c, _ := salesOnShow(t)
	sc.date.SetText("2026-07-10")
	typeLine(t, c, "acme s", "an", "Globex", "", "", "crm-p", "4")
	press(t, c, fyne.KeyEscape)
	if sc.partner.Text != "Acme Srl" || sc.date.Text != "2026-07-10" || sc.customer.Text != "" || sc.product.Text != "" || sc.quantity.Text != "1" || sc.unitPrice.Text != "" {
		t.Errorf("after Esc: partner %q date %q customer %q product %q qty %q price %q; want the partner and date kept, the rest blank",
			sc.partner.Text, sc.date.Text, sc.customer.Text, sc.product.Text, sc.quantity.Text, sc.unitPrice.Text)
	}
	if c.Focused() != sc.rep {
		t.Fatalf("focus after Esc = %T, want the rep", c.Focused())
	}
	press(t, c, fyne.KeyEscape)
	if sc.partner.Text != "" || sc.date.Text != "2026-07-15" || c.Focused() != sc.partner {
		t.Errorf("after a second Esc: partner %q date %q focus %T; want all cleared, today, the partner", sc.partner.Text, sc.date.Text, c.Focused())
	}
	if len(fb.sales) != 0 {
		t.Errorf("Esc stored %d sales", len(fb.sales))
	}
}

// A date in a closed period is said beside the field, with a "Late sale"
// box there; the line is saved only once the box is ticked, as a late
// sale (issue 15.7).
func TestClosedDateSaidBesideTheField(t *testing.T) {
	sc, fb, c, errs := salesOnShow(t)
	fb.closeUntil("2026-06-30")
	asked := false
	sc.shell.confirm = func(_, _ string, answer func(bool)) { asked = true; answer(true) }
	c.Focus(sc.date)
	typeKeys(t, c, "2026-06-30")
	if got := sc.fs.get(SaleDate).NoteText(); got != "2026-06 is closed: late sale only" {
		t.Errorf("note beside the date = %q, want why and the late sale", got)
	}
	if got := sc.message.Text; !strings.Contains(got, "2026-06 was closed by Giulia on 2026-07-01") {
		t.Errorf("message = %q, want the whole reason", got)
	}
	if !sc.late.Visible() {
		t.Fatal("no late-sale box beside the closed date")
	}
	test.FocusNext(c)
	if c.Focused() != sc.late {
		t.Fatalf("Tab from the date = %T, want the late-sale box", c.Focused())
	}
	test.FocusNext(c)
	typeLine(t, c, "acme s", "", "Globex", "", "", "crm-p", "1", "", "", "INV-L")
	press(t, c, fyne.KeyReturn)
	if len(fb.sales) != 0 || asked || len(*errs) != 0 {
		t.Fatalf("saved %d, dialog %v, errors %v; want nothing saved and no dialog", len(fb.sales), asked, *errs)
	}
	if c.Focused() != sc.late || !strings.Contains(sc.message.Text, "Tick \"Late sale\"") {
		t.Fatalf("focus %T message %q, want the box and how to go on", c.Focused(), sc.message.Text)
	}
	typeKeys(t, c, " ")
	press(t, c, fyne.KeyReturn)
	if len(fb.sales) != 1 || !fb.sales[0].Late || fb.sales[0].Date != "2026-06-30" {
		t.Fatalf("sent %+v, want one late sale dated 2026-06-30", fb.sales)
	}
	// An open date hides the box and the reason.
	c.Focus(sc.date)
	typeKeys(t, c, "2026-07-02")
	if sc.late.Visible() || sc.fs.get(SaleDate).NoteText() != "" {
		t.Errorf("open date: box visible %v, note %q; want neither", sc.late.Visible(), sc.fs.get(SaleDate).NoteText())
	}
}

// A line that repeats one is asked about; No goes back to the line as
// typed and stores nothing, Yes stores it (issue 15.5).
func TestRepeatedLineAskedFirst(t *testing.T) {
	for _, yes := range []bool{false, true} {
		t.Run(fmt.Sprint("yes=", yes), func(t *testing.T) {
			sc, fb, c, _ := salesOnShow(t)
			var asked string
			sc.shell.confirm = func(_, msg string, answer func(bool)) { asked = msg; answer(yes) }
			fb.addErr = func(_ views.SaleInput, confirmed bool) error {
				if !confirmed {
					return fmt.Errorf("add sale: %w: this line repeats sale #4 (invoice INV-7 line 1): same partner, customer, product, quantity, price and date", engine.ErrConfirmationNeeded)
				}
				return nil
			}
			typeLine(t, c, "acme s", "", "Globex", "", "", "crm-p", "2", "100", "", "INV-7")
			press(t, c, fyne.KeyReturn)
			if !strings.HasPrefix(asked, "This line repeats sale #4") || strings.Contains(asked, "confirmation needed") {
				t.Errorf("question = %q, want it to name sale #4 in a sentence", asked)
			}
			if !yes {
				if len(fb.sales) != 0 || sc.customer.Text != "Globex" || c.Focused() != sc.invoice || !strings.HasPrefix(sc.message.Text, "Not saved") {
					t.Errorf("after No: %d sales, customer %q, focus %T, message %q; want nothing saved, the line kept, the cursor back",
						len(fb.sales), sc.customer.Text, c.Focused(), sc.message.Text)
				}
				return
			}
			if len(fb.sales) != 1 || fb.calls[len(fb.calls)-1] != true {
				t.Errorf("after Yes: %d sales, calls %v; want one, saved confirmed", len(fb.sales), fb.calls)
			}
		})
	}
}

// A sale of the recent list is corrected (Enter) or removed (Delete, then
// confirmed) from the keyboard; a closed period's sale says why not.
func TestCorrectAndRemoveFromTheRecentList(t *testing.T) {
	sc, fb, c, _ := salesOnShow(t)
	typeLine(t, c, "acme s", "", "Globex", "", "", "crm-p", "2", "", "", "INV-1")
	press(t, c, fyne.KeyReturn)
	typeLine(t, c, "", "", "Initech", "", "", "crm-e", "1", "", "", "INV-2")
	press(t, c, fyne.KeyReturn)
	if len(fb.sales) != 2 {
		t.Fatalf("saved %d, want 2", len(fb.sales))
	}
	// Tab from the form's last field reaches the list.
	for i := 0; i < 30 && c.Focused() != sc.table; i++ {
		test.FocusNext(c)
	}
	if c.Focused() != sc.table {
		t.Fatal("Tab never reaches the recent list")
	}
	press(t, c, fyne.KeyDown)
	press(t, c, fyne.KeyDown) // the older line: INV-1, sale #1
	if !strings.HasPrefix(sc.chosen.Text, "#1 INV-1") {
		t.Fatalf("chosen = %q, want #1 INV-1", sc.chosen.Text)
	}
	press(t, c, fyne.KeyReturn)
	if c.Focused() != sc.quantity || sc.editing != 1 || sc.customer.Text != "Globex" || sc.product.Picked().ID != 101 || sc.save.Text != "Save correction" {
		t.Fatalf("after Enter: focus %T editing %d customer %q product %d; want sale #1 in the form, the cursor on the quantity",
			c.Focused(), sc.editing, sc.customer.Text, sc.product.Picked().ID)
	}
	typeKeys(t, c, "5")
	press(t, c, fyne.KeyReturn)
	edits := fb.editState().edits
	if len(edits) != 1 || edits[0].id != 1 || edits[0].in.Quantity != "5" || edits[0].in.Customer != "Globex" || edits[0].in.PartnerID != 1 {
		t.Fatalf("edits = %+v, want sale 1 with quantity 5", edits)
	}
	if len(fb.sales) != 2 || sc.editing != 0 || !strings.HasPrefix(sc.message.Text, "Corrected sale #1") {
		t.Errorf("after the correction: %d sales, editing %d, message %q", len(fb.sales), sc.editing, sc.message.Text)
	}
	// Remove INV-2 (sale #2), confirmed.
	var asked string
	sc.shell.confirm = func(_, msg string, answer func(bool)) { asked = msg; answer(true) }
	c.Focus(sc.table)
	press(t, c, fyne.KeyUp)
	press(t, c, fyne.KeyUp)
	press(t, c, fyne.KeyDelete)
	if !strings.Contains(asked, "Remove sale #2") || !fb.removed[2] || len(sc.recent) != 1 {
		t.Fatalf("asked %q removed %v rows %d; want sale #2 asked about and gone", asked, fb.removed, len(sc.recent))
	}
	// A closed period's sale: the reason, and Enter changes nothing.
	fb.sales[0].Date = "2026-06-20"
	fb.closeUntil("2026-06-30")
	sc.loadRecent()
	c.Focus(sc.table)
	press(t, c, fyne.KeyDown)
	press(t, c, fyne.KeyReturn)
	if sc.editing != 0 || !strings.Contains(sc.chosen.Text, "enter a return") || !sc.correct.Disabled() {
		t.Errorf("closed sale: editing %d, chosen %q, correct disabled %v; want refused with the reason", sc.editing, sc.chosen.Text, sc.correct.Disabled())
	}
}

// The suggestions end where their field does, with an ellipsis, instead
// of running over the next field's note.
func TestSuggestionsStayInTheirField(t *testing.T) {
	sc, fb, c, _ := salesOnShow(t)
	for i := 0; i < 5; i++ {
		fb.products = append(fb.products, engine.Product{ID: engine.ID(200 + i), SKU: fmt.Sprintf("CRM-X%d", i), Name: "CRM extension with a long descriptive name number " + fmt.Sprint(i)})
	}
	sc.loadProducts()
	c.Focus(sc.product)
	typeKeys(t, c, "crm")
	f := sc.fs.get(SaleProduct)
	var w float32
	for _, s := range f.note.Segments {
		ts := s.(*widget.TextSegment)
		w += fyne.MeasureText(ts.Text, theme.CaptionTextSize(), ts.Style.TextStyle).Width
	}
	if room := f.note.Size().Width; w > room || !strings.HasSuffix(f.NoteText(), "…") {
		t.Errorf("suggestions %q are %.0f wide in a note of %.0f, want them cut with an ellipsis", f.NoteText(), w, room)
	}
	if !strings.HasPrefix(f.NoteText(), "▸ CRM-") {
		t.Errorf("note = %q, want the highlighted choice first", f.NoteText())
	}
}

// digits is text without the separators a language writes numbers with.
func digits(s string) string {
	return strings.NewReplacer(",", "", ".", "", " ", "", "\u202f", "", "\u00a0", "").Replace(s)
}

// A correction does not throw away a line being typed.
func TestCorrectionKeepsATypedLine(t *testing.T) {
	sc, _, c, _ := salesOnShow(t)
	typeLine(t, c, "acme s", "", "Globex", "", "", "crm-p", "2", "", "", "INV-1")
	press(t, c, fyne.KeyReturn)
	typeLine(t, c, "", "", "Initech")
	sc.chooseRecent(0)
	press(t, c, fyne.KeyReturn)
	if sc.editing != 0 || sc.customer.Text != "Initech" || !strings.Contains(sc.message.Text, "save it (Enter) or clear it (Esc)") {
		t.Errorf("editing %d customer %q message %q; want the typed line kept and said why", sc.editing, sc.customer.Text, sc.message.Text)
	}
	sc.Command(CmdNew)
	if sc.editing != 0 || sc.customer.Text != "" {
		t.Errorf("after New: editing %d customer %q", sc.editing, sc.customer.Text)
	}
}
