package app_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"partnerdesk/app"
	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// rebate saves a monthly 10 % rebate on revenue from 2026-01-01.
func rebate(t *testing.T, svc *app.Service) {
	t.Helper()
	_, err := svc.SaveProgram(engine.Program{Name: "Rebate", PeriodKind: engine.PeriodMonth, ValidFrom: engine.MustDate("2026-01-01"),
		Status: engine.ProgramActive, Rules: []engine.Rule{{Key: "r", Name: "Rebate", Kind: engine.RuleRate, Basis: engine.BasisRevenue,
			Rate: &engine.RateRule{Rate: decimal.NewFromInt(10)}}}})
	must(t, err)
}

// storedSales returns the stored sales, newest first.
func storedSales(t *testing.T, svc *app.Service) []engine.Sale {
	t.Helper()
	rows, err := svc.RecentSales(100)
	must(t, err)
	var out []engine.Sale
	for _, r := range rows {
		out = append(out, r.Sale)
	}
	return out
}

// A correction of an open period's sale is stored, audited before and
// after, and makes the period's lines stale exactly as a new sale does:
// closing refuses until a compute took it in.
func TestCorrectSaleOfOpenPeriod(t *testing.T) {
	svc := tiny(t, "2026-07-20")
	rebate(t, svc)
	s1 := sale(t, svc, "2026-07-03", "2", "100", "INV-1") // 200.00
	sum, err := svc.ComputePeriod("2026-07", nil)
	must(t, err)
	if !sum.Money.Equal(decimal.NewFromInt(20)) { // 10 % of 200
		t.Fatalf("July before the correction = %s, want 20", sum.Money)
	}

	in, err := svc.SaleInputOf(s1.ID)
	must(t, err)
	if in.Quantity != "2" || in.UnitPrice != "100.00" || in.Product != "LIC-1" || in.PartnerID != s1.PartnerID || in.Line != "1" {
		t.Fatalf("sale as the form shows it = %+v", in)
	}
	in.Quantity, in.Net = "3", ""
	got, err := svc.EditSale(s1.ID, in)
	must(t, err)
	if got.ID != s1.ID || !got.Net.Equal(decimal.NewFromInt(300)) || got.Line != 1 { // 3 x 100
		t.Fatalf("corrected sale = %+v, want sale %d with net 300 on line 1", got, s1.ID)
	}
	if ss := storedSales(t, svc); len(ss) != 1 || !ss[0].Quantity.Equal(decimal.NewFromInt(3)) {
		t.Fatalf("stored sales = %+v, want the one sale with quantity 3", ss)
	}
	es, err := svc.AuditOf("sale", s1.ID, 5)
	must(t, err)
	if len(es) < 2 || es[0].Action != "update" || es[0].Operator != "tester" {
		t.Fatalf("audit of the sale = %+v, want an update by tester first", es)
	}
	var before, after engine.Sale
	must(t, json.Unmarshal(es[0].Before, &before))
	must(t, json.Unmarshal(es[0].After, &after))
	if !before.Quantity.Equal(decimal.NewFromInt(2)) || !after.Quantity.Equal(decimal.NewFromInt(3)) {
		t.Errorf("audit before %s after %s, want 2 then 3", before.Quantity, after.Quantity)
	}

	// The stored lines still say 20: the period is stale until computed.
	if _, err := svc.ClosePeriod("2026-07"); err == nil || !strings.Contains(err.Error(), "compute 2026-07 first") {
		t.Fatalf("close after a correction = %v, want compute first", err)
	}
	sum, err = svc.ComputePeriod("2026-07", nil)
	must(t, err)
	if !sum.Money.Equal(decimal.NewFromInt(30)) { // 10 % of 300
		t.Errorf("July after the correction = %s, want 30", sum.Money)
	}

	// Removing it is stale the same way: the computed 30 is gone.
	_, err = svc.RemoveSale(s1.ID)
	must(t, err)
	if ss := storedSales(t, svc); len(ss) != 0 {
		t.Fatalf("stored sales after removal = %d, want none", len(ss))
	}
	es, err = svc.AuditOf("sale", s1.ID, 5)
	must(t, err)
	if len(es) == 0 || es[0].Action != "delete" || len(es[0].Before) == 0 {
		t.Errorf("audit after removal = %+v, want a delete with the sale before", es)
	}
	if _, err := svc.ClosePeriod("2026-07"); err == nil || !strings.Contains(err.Error(), "compute 2026-07 first") {
		t.Errorf("close after a removal = %v, want compute first", err)
	}
}

// A sale that counts in a closed period is refused with the reason and what
// to do instead; a correction cannot move a sale into a closed period; a
// date there is a late sale, said before saving.
func TestClosedPeriodSaleCannotChange(t *testing.T) {
	svc := tiny(t, "2026-07-20")
	june := sale(t, svc, "2026-06-10", "1", "100", "INV-J")
	july := sale(t, svc, "2026-07-02", "1", "100", "INV-K")
	_, err := svc.ClosePeriod("2026-06")
	must(t, err)

	in := views.SaleInput{Date: "2026-06-10", Partner: "Alpha Reseller", Customer: "X", Product: "LIC-1", Quantity: "2", UnitPrice: "100", Invoice: "INV-J", Line: "1"}
	for name, err := range map[string]error{
		"form":   func() error { _, err := svc.SaleInputOf(june.ID); return err }(),
		"edit":   func() error { _, err := svc.EditSale(june.ID, in); return err }(),
		"remove": func() error { _, err := svc.RemoveSale(june.ID); return err }(),
	} {
		if !errors.Is(err, engine.ErrPeriodClosed) || !strings.Contains(err.Error(), "closed by tester on 2026-07-20") ||
			!strings.Contains(err.Error(), "enter a return") {
			t.Errorf("%s of a June sale = %v, want refused: closed by whom and when, enter a return instead", name, err)
		}
	}
	if ss := storedSales(t, svc); len(ss) != 2 || !ss[1].Quantity.Equal(decimal.NewFromInt(1)) {
		t.Errorf("stored sales = %+v, want both, June's unchanged", ss)
	}

	moved := views.SaleInput{Date: "2026-06-30", PartnerID: july.PartnerID, Customer: "Cust INV-K", ProductID: july.ProductID, Quantity: "1", UnitPrice: "100", Invoice: "INV-K", Line: "1"}
	_, err = svc.EditSale(july.ID, moved)
	var ve engine.ValidationErrors
	if !errors.As(err, &ve) || ve[0].Field != "date" || !strings.Contains(ve[0].Reason, "cannot move a sale there") {
		t.Errorf("moving a July sale into June = %v, want a date error", err)
	}

	d, err := svc.CheckSaleDate("2026-06-15")
	must(t, err)
	if d.Closed != "2026-06" || d.BookOn != engine.MustDate("2026-07-20") || !strings.Contains(d.Reason, "late sale, booked on 2026-07-20") {
		t.Errorf("June 15 = %+v, want closed 2026-06, a late sale booked 2026-07-20", d)
	}
	if d, err := svc.CheckSaleDate("2026-07-15"); err != nil || d.Closed != "" || d.Reason != "" {
		t.Errorf("July 15 = %+v, %v; want open", d, err)
	}
	// The form's late-sale box books it today with no question asked.
	late, err := svc.AddSale(views.SaleInput{Date: "2026-06-15", Partner: "Alpha Reseller", Customer: "Late Co", Product: "LIC-1",
		Quantity: "1", UnitPrice: "50", Invoice: "INV-L", Late: true}, false)
	must(t, err)
	if late.Booked != engine.MustDate("2026-07-20") {
		t.Errorf("late sale booked %s, want 2026-07-20", late.Booked)
	}
	// It is corrected in the open period it is booked in, and stays booked there.
	lin, err := svc.SaleInputOf(late.ID)
	must(t, err)
	lin.Quantity, lin.Net = "2", ""
	late2, err := svc.EditSale(late.ID, lin)
	must(t, err)
	if late2.Booked != late.Booked || late2.Date != late.Date || !late2.Net.Equal(decimal.NewFromInt(100)) { // 2 x 50
		t.Errorf("corrected late sale = %+v, want still booked %s, net 100", late2, late.Booked)
	}
}

// The same line typed twice is asked about, naming the sale it repeats;
// a changed quantity is no repeat; a confirmed repeat is stored.
func TestRepeatedSaleIsAskedFirst(t *testing.T) {
	svc := tiny(t, "2026-07-20")
	first := sale(t, svc, "2026-07-03", "2", "100", "INV-1")
	again := views.SaleInput{Date: "2026-07-03", Partner: "Alpha Reseller", Rep: "Ada", Customer: "cust inv-1", Product: "LIC-1", Quantity: "2", UnitPrice: "100.00", Invoice: "INV-1"}
	_, err := svc.AddSale(again, false)
	if !errors.Is(err, engine.ErrConfirmationNeeded) || !strings.Contains(err.Error(), "repeats sale #1 (invoice INV-1 line 1)") {
		t.Fatalf("the same line again = %v, want a question naming sale #1", err)
	}
	if n := len(storedSales(t, svc)); n != 1 {
		t.Fatalf("stored %d sales before the answer, want 1", n)
	}
	other := again
	other.Quantity = "3"
	if _, err := svc.AddSale(other, false); err != nil {
		t.Fatalf("another quantity = %v, want it saved", err)
	}
	s, err := svc.AddSale(again, true)
	must(t, err)
	if s.Line != 3 || s.ID == first.ID {
		t.Errorf("confirmed repeat = %+v, want a new sale on line 3", s)
	}
}

// A line that returns name cannot be removed, nor sell less than they
// gave back.
func TestSaleWithReturnsKeepsThemCovered(t *testing.T) {
	svc := tiny(t, "2026-07-20")
	orig := sale(t, svc, "2026-07-03", "5", "100", "INV-1")
	_, err := svc.AddSale(views.SaleInput{Date: "2026-07-05", Partner: "Alpha Reseller", Customer: "Cust INV-1", Product: "LIC-1",
		Quantity: "-3", UnitPrice: "100", Invoice: "RET-1", OriginalInvoice: "INV-1"}, false)
	must(t, err)
	if _, err := svc.RemoveSale(orig.ID); err == nil || !strings.Contains(err.Error(), "gave back 3") {
		t.Errorf("removing a returned line = %v, want refused", err)
	}
	in, err := svc.SaleInputOf(orig.ID)
	must(t, err)
	in.Quantity, in.Net = "2", ""
	if _, err := svc.EditSale(orig.ID, in); err == nil {
		t.Error("a line selling 2 after 3 were returned was accepted")
	}
	in.Quantity = "4"
	if _, err := svc.EditSale(orig.ID, in); err != nil {
		t.Errorf("a line selling 4 after 3 returned = %v, want accepted", err)
	}
}

// The net the form shows while typing is the one AddSale would store.
func TestSaleNetWhileTyping(t *testing.T) {
	svc := tiny(t, "2026-07-20")
	tests := []struct {
		qty, price, want string
		ok               bool
	}{
		{"3", "19,99", "59.97", true},  // 3 x 19.99
		{"1.5", "0.333", "0.50", true}, // 0.4995 rounds half away from zero to 0.50
		{"", "10", "0", false},
		{"2", "abc", "0", false},
	}
	for _, tt := range tests {
		got, ok := svc.SaleNet(tt.qty, tt.price)
		if ok != tt.ok || (ok && got.StringFixed(2) != tt.want) {
			t.Errorf("SaleNet(%q, %q) = %s %v, want %s %v", tt.qty, tt.price, got, ok, tt.want, tt.ok)
		}
	}
}
