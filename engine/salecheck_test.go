package engine_test

import (
	"strings"
	"testing"

	"partnerdesk/engine"
)

// facts is a SaleFacts over a few records.
type facts struct {
	sales  []engine.Sale
	closed []engine.Period
}

func (f *facts) PartnerByID(id engine.ID) (engine.Partner, bool) {
	switch id {
	case 1:
		return engine.Partner{ID: 1, Name: "Alpha", Status: engine.StatusActive}, true
	case 2:
		return engine.Partner{ID: 2, Name: "Beta", Status: engine.StatusActive}, true
	case 3:
		return engine.Partner{ID: 3, Name: "Gamma", Status: engine.StatusSuspended}, true
	}
	return engine.Partner{}, false
}

func (f *facts) RepByID(id engine.ID) (engine.Rep, bool) {
	switch id {
	case 11:
		return engine.Rep{ID: 11, PartnerID: 1, Name: "Ann"}, true
	case 12:
		return engine.Rep{ID: 12, PartnerID: 1, Name: "Al"}, true
	}
	return engine.Rep{}, false
}

func (f *facts) ProductByID(id engine.ID) (engine.Product, bool) {
	return engine.Product{ID: id}, id == 100 || id == 101
}

func (f *facts) RegistrationByID(id engine.ID) (engine.Registration, bool) {
	return engine.Registration{ID: id, PartnerID: 2}, id == 7
}

func (f *facts) SaleLineExists(p engine.ID, inv string, line int) (engine.ID, bool) {
	for _, s := range f.sales {
		if s.PartnerID == p && s.Invoice == inv && s.Line == line {
			return s.ID, true
		}
	}
	return 0, false
}

func (f *facts) InvoiceLines(p engine.ID, inv string) []engine.Sale {
	var out []engine.Sale
	for _, s := range f.sales {
		if s.PartnerID == p && s.Invoice == inv {
			out = append(out, s)
		}
	}
	return out
}

func (f *facts) ReturnsOf(p engine.ID, inv string) []engine.Sale {
	var out []engine.Sale
	for _, s := range f.sales {
		if s.PartnerID == p && s.OriginalInvoice == inv {
			out = append(out, s)
		}
	}
	return out
}

func (f *facts) IsClosed(d engine.Date) bool {
	for _, p := range f.closed {
		if p.Contains(d) {
			return true
		}
	}
	return false
}

func goodSale(inv string, line int, qty, price, net string) engine.Sale {
	return engine.Sale{Date: engine.MustDate("2026-07-10"), PartnerID: 1, RepID: 11, Customer: "C", ProductID: 100,
		Quantity: d(qty), UnitPrice: d(price), Net: d(net), Invoice: inv, Line: line}
}

func fields(es engine.ValidationErrors) string {
	var f []string
	for _, e := range es {
		f = append(f, e.Field)
	}
	return strings.Join(f, ",")
}

// Invoice F-1 has two lines of product 100 (2 x 100.00 and 3 x 100.00, so
// 5 units and 500.00 sold), split 60/40 Alpha/Beta on the first, and one
// earlier return of 2 units (-200.00). At most 3 units and 300.00 are left.
func TestCheckSaleReturns(t *testing.T) {
	l1 := goodSale("F-1", 1, "2", "100", "200")
	l1.ID, l1.RepID = 1, 0
	l1.Splits = []engine.CreditSplit{{PartnerID: 1, Share: d("60")}, {PartnerID: 2, Share: d("40")}}
	l2 := goodSale("F-1", 2, "3", "100", "300")
	l2.ID, l2.Date, l2.RepID = 2, engine.MustDate("2026-07-12"), 0
	other := goodSale("F-1", 3, "1", "50", "50")
	other.ID, other.ProductID = 3, 101
	back := goodSale("CN-1", 1, "-2", "100", "-200")
	back.ID, back.RepID, back.OriginalInvoice = 4, 0, "F-1"
	f := &facts{sales: []engine.Sale{l1, l2, other, back}}
	ret := func(qty, net string) engine.Sale {
		r := goodSale("CN-2", 1, qty, "100", net)
		r.RepID, r.OriginalInvoice, r.Date = 0, "F-1", engine.MustDate("2026-07-20")
		return r
	}
	for _, c := range []struct {
		name   string
		s      engine.Sale
		fields string
	}{
		{"the 3 units left", ret("-3", "-300"), ""},
		{"4 units: 2 + 4 > 5", ret("-4", "-400"), "quantity,net"},
		{"3 units at a higher price: 300.01 > 300.00 left", ret("-3", "-300.01"), "net"},
	} {
		s := c.s
		if got := fields(engine.CheckSale(&s, eur, f)); got != c.fields {
			t.Errorf("%s: errors on %q, want %q", c.name, got, c.fields)
		}
	}
	// A good return takes the first line's splits and (no) rep.
	s := ret("-1", "-100")
	if es := engine.CheckSale(&s, eur, f); len(es) != 0 || len(s.Splits) != 2 || s.RepID != 0 {
		t.Errorf("return: %v, splits %+v rep %d; want l1's 60/40 and no rep", es, s.Splits, s.RepID)
	}
	// A different rep is refused; so are other splits.
	s = ret("-1", "-100")
	s.RepID = 12
	if got := fields(engine.CheckSale(&s, eur, f)); got != "rep" {
		t.Errorf("a return to another rep: errors on %q, want rep", got)
	}
	s = ret("-1", "-100")
	s.Splits = []engine.CreditSplit{{PartnerID: 1, Share: d("100")}}
	if got := fields(engine.CheckSale(&s, eur, f)); got != "splits" {
		t.Errorf("a return with other splits: errors on %q, want splits", got)
	}
	// Of a product the invoice did not sell, of an unknown invoice, before the sale.
	s = ret("-1", "-100")
	s.ProductID = 102
	if es := engine.CheckSale(&s, eur, f); fields(es) != "product" {
		t.Errorf("unknown product: %v", es)
	}
	f.sales = append(f.sales, func() engine.Sale { x := other; x.ID, x.ProductID, x.Invoice = 5, 101, "F-2"; return x }())
	s = ret("-1", "-100")
	s.OriginalInvoice = "F-2"
	if es := engine.CheckSale(&s, eur, f); fields(es) != "original_invoice" || !strings.Contains(es[0].Reason, "no line of this product") {
		t.Errorf("invoice without the product: %v", es)
	}
	s = ret("-1", "-100")
	s.OriginalInvoice = "NOPE"
	if es := engine.CheckSale(&s, eur, f); fields(es) != "original_invoice" || !strings.Contains(es[0].Reason, "no invoice NOPE") {
		t.Errorf("unknown invoice: %v", es)
	}
	s = ret("-1", "-100")
	s.Date = engine.MustDate("2026-07-01")
	if got := fields(engine.CheckSale(&s, eur, f)); got != "date" {
		t.Errorf("a return before the sale: errors on %q, want date", got)
	}
}

func TestCheckSaleFields(t *testing.T) {
	jun, _ := engine.ParsePeriod("2026-06", 1)
	f := &facts{sales: []engine.Sale{{ID: 9, PartnerID: 1, Invoice: "F-9", Line: 1}}, closed: []engine.Period{jun}}
	for _, c := range []struct {
		name   string
		edit   func(s *engine.Sale)
		unread []string
		fields string
	}{
		{"good", func(s *engine.Sale) {}, nil, ""},
		{"suspended partner", func(s *engine.Sale) { s.PartnerID, s.RepID = 3, 0 }, nil, "partner"},
		{"rep of another partner", func(s *engine.Sale) { s.PartnerID = 2 }, nil, "rep"},
		// 3 x 40.00 = 120.00, not 100.00; within half a cent per unit is fine.
		{"net not quantity x price", func(s *engine.Sale) { s.Quantity, s.UnitPrice = d("3"), d("40") }, nil, "net"},
		{"net within half a cent a unit", func(s *engine.Sale) { s.Quantity, s.UnitPrice, s.Net = d("3"), d("33.335"), d("100.01") }, nil, ""},
		{"opposite signs", func(s *engine.Sale) { s.Quantity = d("-1") }, nil, "net"},
		{"negative price", func(s *engine.Sale) { s.UnitPrice = d("-100") }, nil, "unit_price"},
		{"zero quantity", func(s *engine.Sale) { s.Quantity = d("0") }, nil, "quantity"},
		{"original on a sale", func(s *engine.Sale) { s.OriginalInvoice = "F-0" }, nil, "original_invoice"},
		{"return without original", func(s *engine.Sale) { s.Quantity, s.Net = d("-1"), d("-100") }, nil, "original_invoice"},
		{"stored duplicate", func(s *engine.Sale) { s.Invoice = "F-9" }, nil, "line"},
		{"registration of another partner", func(s *engine.Sale) { s.RegistrationID = 7 }, nil, "registration"},
		{"splits of 90", func(s *engine.Sale) {
			s.Splits = []engine.CreditSplit{{PartnerID: 1, Share: d("60")}, {PartnerID: 2, Share: d("30")}}
		}, nil, "splits"},
		{"closed without booked", func(s *engine.Sale) { s.Date = engine.MustDate("2026-06-10") }, nil, "date"},
		{"booked in a closed period", func(s *engine.Sale) { s.Date, s.Booked = engine.MustDate("2026-06-10"), engine.MustDate("2026-06-30") }, nil, "booked"},
		{"late sale", func(s *engine.Sale) { s.Date, s.Booked = engine.MustDate("2026-06-10"), engine.MustDate("2026-07-02") }, nil, ""},
		{"unread fields are not reported again", func(s *engine.Sale) { s.PartnerID, s.Quantity = 0, d("0") }, []string{"partner", "quantity"}, ""},
	} {
		s := goodSale("F-1", 1, "1", "100", "100")
		c.edit(&s)
		if got := fields(engine.CheckSale(&s, eur, f, c.unread...)); got != c.fields {
			t.Errorf("%s: errors on %q, want %q", c.name, got, c.fields)
		}
	}
}
