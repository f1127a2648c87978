package app_test

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"partnerdesk/engine/views"
)

// TestSaleFormAcceptsOwnCurrency: the sale form and `sale add` read the
// company's own currency sign or code with a price (tierWorld is a EUR
// company), refuse another currency, and refuse any currency in the
// quantity. Before, every mark was refused, "€ 5" too.
func TestSaleFormAcceptsOwnCurrency(t *testing.T) {
	svc, _ := tierWorld(t)
	for i, c := range []struct {
		price, net string
		want       string // the stored net
	}{
		{"€ 5", "", "50"},              // 10 x 5.00
		{"5,50 EUR", "", "55"},         // 10 x 5.50
		{"4,99", "€ 49,90", "49.9"},    // 10 x 4.99, the net typed with the sign
		{"1.234,50 €", "", "12345"},    // 10 x 1,234.50
		{"EUR 2.5", "EUR 25.00", "25"}, // 10 x 2.50, net as typed
	} {
		in := views.SaleInput{Date: "2026-06-01", Partner: "Alpha", Customer: "Globex", Product: "LIC-1",
			Quantity: "10", UnitPrice: c.price, Net: c.net, Invoice: "CUR-" + string(rune('A'+i))}
		s, err := svc.AddSale(in, false)
		if err != nil {
			t.Errorf("price %q net %q: %v", c.price, c.net, err)
			continue
		}
		if !s.Net.Equal(decimal.RequireFromString(c.want)) {
			t.Errorf("price %q net %q: net %s, want %s", c.price, c.net, s.Net, c.want)
		}
	}
	for _, c := range []struct{ qty, price, net, field string }{
		{"10", "$ 5", "", "unit_price"},
		{"10", "5 USD", "", "unit_price"},
		{"10", "5", "£ 50", "net"},
		{"10 EUR", "5", "", "quantity"},
	} {
		in := views.SaleInput{Date: "2026-06-01", Partner: "Alpha", Customer: "Globex", Product: "LIC-1",
			Quantity: c.qty, UnitPrice: c.price, Net: c.net, Invoice: "BAD-1"}
		_, err := svc.AddSale(in, false)
		if err == nil || !strings.Contains(err.Error(), c.field) {
			t.Errorf("qty %q price %q net %q: err %v, want one naming %s", c.qty, c.price, c.net, err, c.field)
		}
	}
	if d, err := svc.ParseAmount("budget", "€ 25.000,00"); err != nil || !d.Equal(decimal.NewFromInt(25000)) {
		t.Errorf("budget \"€ 25.000,00\" = %s, %v; want 25000", d, err)
	}
	if _, err := svc.ParseAmount("budget", "$ 25,000"); err == nil {
		t.Error("budget \"$ 25,000\" in a EUR company was read")
	}
}
