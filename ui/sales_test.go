package ui

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// salesOnShow opens the sales screen and returns it.
func salesOnShow(tb testing.TB) (*salesScreen, *fakeBackend, fyne.Canvas, *[]error) {
	tb.Helper()
	s, fb, w, errs := newTestShell(tb)
	s.Show(ScreenSales)
	return s.Screen(ScreenSales).(*salesScreen), fb, w.Canvas(), errs
}

// typeLine types one sale line from the partner field on, with Tab between
// fields, as a person at the keyboard would: a few letters pick partner,
// rep and product.
func typeLine(tb testing.TB, c fyne.Canvas, partner string, rest ...string) {
	tb.Helper()
	if partner != "" {
		typeKeys(tb, c, partner)
		test.FocusNext(c)
	}
	for i, text := range rest {
		typeKeys(tb, c, text)
		if i < len(rest)-1 {
			test.FocusNext(c)
		}
	}
}

func TestSaleEntryFromTheKeyboard(t *testing.T) {
	sc, fb, c, errs := salesOnShow(t)
	if c.Focused() != sc.partner {
		t.Fatalf("focus on show = %T, want the partner field", c.Focused())
	}
	if got, want := sc.date.Text, "2026-07-15"; got != want {
		t.Errorf("date on show = %q, want today %q", got, want)
	}
	// Partner "acme s" picks Acme Srl (the only name starting with it);
	// rep "an" picks Ana Ruiz; the two check boxes are tabbed over;
	// "crm-p" picks CRM-PRO.
	typeLine(t, c, "acme s", "an", "Globex SpA", "", "", "crm-p", "2", "100", "", "INV-7", "1")
	press(t, c, fyne.KeyReturn)

	if len(*errs) > 0 {
		t.Fatalf("errors: %v", *errs)
	}
	if len(fb.sales) != 1 {
		t.Fatalf("backend got %d sales, want 1", len(fb.sales))
	}
	got := fb.sales[0]
	want := views.SaleInput{Date: "2026-07-15", Partner: "Acme Srl", Rep: "Ana Ruiz", Customer: "Globex SpA",
		Product: "CRM-PRO", Quantity: "2", UnitPrice: "100", Invoice: "INV-7", Line: "1",
		PartnerID: 1, RepID: 11, ProductID: 101}
	if got != want {
		t.Errorf("sale sent =\n %+v\nwant\n %+v", got, want)
	}
	// The next line keeps date and partner, the rest is blank, and the
	// cursor waits on the rep.
	if sc.date.Text != "2026-07-15" || sc.partner.Text != "Acme Srl" || sc.partner.Picked().ID != 1 {
		t.Errorf("next line date %q partner %q (id %d), want the same date and Acme Srl",
			sc.date.Text, sc.partner.Text, sc.partner.Picked().ID)
	}
	for name, e := range map[string]string{"rep": sc.rep.Text, "customer": sc.customer.Text,
		"product": sc.product.Text, "invoice": sc.invoice.Text} {
		if e != "" {
			t.Errorf("next line %s = %q, want empty", name, e)
		}
	}
	if sc.quantity.Text != "1" {
		t.Errorf("next line quantity = %q, want the default 1", sc.quantity.Text)
	}
	if c.Focused() != sc.rep {
		t.Errorf("focus after save = %T, want the rep field", c.Focused())
	}
	if len(sc.recent) != 1 || sc.recentCell(0, 7) != "200.00 EUR" {
		t.Errorf("recent sales = %d rows, net %q; want 1 row, 2 x 100 = 200.00 EUR", len(sc.recent), sc.recentCell(0, 7))
	}

	// A second line from the rep on: Marco, another customer, CRM-ENT.
	typeLine(t, c, "", "mar", "Initech", "", "", "ent", "1", "250", "", "INV-7", "2")
	press(t, c, fyne.KeyReturn)
	if len(fb.sales) != 2 {
		t.Fatalf("backend got %d sales after the second line, want 2", len(fb.sales))
	}
	if s := fb.sales[1]; s.PartnerID != 1 || s.Rep != "Marco Bianchi" || s.Product != "CRM-ENT" || s.Line != "2" {
		t.Errorf("second line = %+v, want Acme Srl, Marco Bianchi, CRM-ENT, line 2", s)
	}
}

func TestSaleSuggestionsMoveWithArrows(t *testing.T) {
	sc, _, c, _ := salesOnShow(t)
	typeKeys(t, c, "acme")
	// Acme Srl and Acme Distribution BV both start with "acme"; the fake
	// sorts by name, so Distribution comes first and Down moves to Srl.
	f := sc.fs.get(SalePartner)
	if got := f.NoteText(); got == "" {
		t.Fatal("no suggestions under the partner field")
	}
	press(t, c, fyne.KeyDown)
	test.FocusNext(c)
	if got, want := sc.partner.Text, "Acme Srl"; got != want {
		t.Errorf("after Down and Tab partner = %q, want %q", got, want)
	}
	if got := f.NoteText(); got != "" {
		t.Errorf("suggestions still on show after the pick: %q", got)
	}
}

func TestSaleErrorsNextToTheirFields(t *testing.T) {
	tests := []struct {
		name      string
		err       error
		field     string // "" : none
		wantNote  string
		wantMsg   string
		wantFocus func(*salesScreen) fyne.Focusable
	}{
		{
			name:      "one field",
			err:       engine.Invalid(SaleUnitPrice, "A sale that is not a return cannot have a negative price."),
			field:     SaleUnitPrice,
			wantNote:  "A sale that is not a return cannot have a negative price.",
			wantFocus: func(sc *salesScreen) fyne.Focusable { return sc.unitPrice },
		},
		{
			name: "several, first in form order gets the focus",
			err: fmt.Errorf("add sale: %w", engine.ValidationErrors{
				{Field: SaleInvoice, Reason: "Invoice INV-7 line 1 of Acme Srl is already on sale 12."},
				{Field: "partner_id", Reason: "There is no partner \"Zeta\"."},
			}),
			field:     SalePartner,
			wantNote:  "There is no partner \"Zeta\".",
			wantFocus: func(sc *salesScreen) fyne.Focusable { return sc.partner },
		},
		{
			name:    "field not on the form",
			err:     engine.Invalid("splits", "Shares must add up to 100."),
			wantMsg: "splits: Shares must add up to 100.",
		},
		{
			name:    "not a validation error",
			err:     fmt.Errorf("save sale: %w", engine.ErrPeriodClosed),
			wantMsg: "Save sale: period is closed.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc, fb, c, _ := salesOnShow(t)
			fb.addErr = func(views.SaleInput, bool) error { return tt.err }
			typeLine(t, c, "Zeta", "", "Globex", "", "", "CRM-PRO", "1", "-5")
			press(t, c, fyne.KeyReturn)
			if len(fb.sales) != 0 {
				t.Fatalf("backend stored %d sales, want none", len(fb.sales))
			}
			if tt.field != "" {
				if got := sc.fs.get(tt.field).NoteText(); got != tt.wantNote {
					t.Errorf("note under %s = %q, want %q", tt.field, got, tt.wantNote)
				}
			}
			for _, f := range sc.fs.order {
				if f.key != tt.field && f.key != SaleInvoice && f.Error() != "" {
					t.Errorf("field %s shows %q, want no error", f.key, f.Error())
				}
			}
			if got := sc.message.Text; got != tt.wantMsg {
				t.Errorf("form message = %q, want %q", got, tt.wantMsg)
			}
			if tt.wantFocus != nil && c.Focused() != tt.wantFocus(sc) {
				t.Errorf("focus = %T, want the field in error", c.Focused())
			}
			// The typed line stays for correction.
			if sc.customer.Text != "Globex" {
				t.Errorf("customer after a refusal = %q, want the typed Globex", sc.customer.Text)
			}
		})
	}
}

func TestSaleConfirmation(t *testing.T) {
	sc, fb, c, _ := salesOnShow(t)
	var asked string
	sc.shell.confirm = func(_, msg string, answer func(bool)) { asked = msg; answer(true) }
	fb.addErr = func(_ views.SaleInput, confirmed bool) error {
		if !confirmed {
			return fmt.Errorf("2026-06 is closed; the sale will be booked today as a late sale: %w", engine.ErrConfirmationNeeded)
		}
		return nil
	}
	sc.date.SetText("2026-06-30")
	typeLine(t, c, "acm", "", "Globex", "", "", "CRM-PRO", "1", "100", "", "INV-8", "1")
	press(t, c, fyne.KeyReturn)
	if asked == "" {
		t.Fatal("no confirmation was asked")
	}
	if len(fb.calls) != 2 || fb.calls[0] || !fb.calls[1] {
		t.Errorf("AddSale confirmed flags = %v, want [false true]", fb.calls)
	}
	if len(fb.sales) != 1 {
		t.Errorf("backend stored %d sales after yes, want 1", len(fb.sales))
	}
}

func TestEnterOnACheckBoxSaves(t *testing.T) {
	sc, fb, c, _ := salesOnShow(t)
	typeLine(t, c, "acme s", "", "Globex")
	test.FocusNext(c)
	if c.Focused() != sc.newCustomer {
		t.Fatalf("focus after customer = %T, want the new-customer box", c.Focused())
	}
	typeKeys(t, c, " ") // Space ticks the box.
	press(t, c, fyne.KeyReturn)
	if len(fb.sales) != 1 || !fb.sales[0].NewCustomer {
		t.Errorf("sales = %+v, want one with NewCustomer", fb.sales)
	}
}
