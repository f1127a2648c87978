package engine_test

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"partnerdesk/engine"
)

// randomSale draws a sale whose every field is good (half the sales:
// nearly always; the others: half the time) and otherwise one of the
// values CheckSale refuses (beyond a limit, unknown, of another partner,
// in a closed period...), with the fields a caller could not read.
func randomSale(r *rand.Rand) (engine.Sale, []string) {
	odds := 2 + 14*r.IntN(2)
	good := func() bool { return r.IntN(odds) != 0 }
	pick := func(ok string, bad ...string) string {
		if good() {
			return ok
		}
		return bad[r.IntN(len(bad))]
	}
	date := func(good string, bad ...string) engine.Date {
		if v := pick(good, bad...); v != "" {
			return engine.MustDate(v)
		}
		return 0
	}
	id := func(ok engine.ID, bad ...engine.ID) engine.ID {
		if good() {
			return ok
		}
		return bad[r.IntN(len(bad))]
	}
	s := engine.Sale{
		ID:              id(0, 1, 9),
		Date:            date("2026-07-10", "", "2026-06-10", "1800-01-01", "2026-07-01", "2026-07-20"),
		Booked:          date("", "2026-06-30", "2026-07-02", "2026-06-01", "2300-01-01"),
		PartnerID:       id(1, 0, 2, 3, 4),
		RepID:           id(11, 0, 12, 13),
		Customer:        pick("C", "", " "),
		ProductID:       id(100, 0, 101, 102),
		Quantity:        d(pick("1", "2", "-1", "0", "-3", "1e10", "0.5", "3", "-1e-12")),
		UnitPrice:       d(pick("100", "-100", "40", "33.335", "1e14", "0.00000000001", "0", "1e-80")),
		Net:             d(pick("100", "-100", "200", "0", "100.01", "-300", "1e14", "50")),
		Invoice:         pick("F-1", "", "F-9", " F-1 ", "CN-2"),
		Line:            int(id(1, 0, 2, 3, 2_000_000)) - int(id(0, 1)),
		RegistrationID:  id(0, 7, 8),
		OriginalInvoice: pick("", "F-1", " F-1", "NOPE", "F-2"),
	}
	switch r.IntN(8) * r.IntN(2) {
	case 1:
		s.Splits = []engine.CreditSplit{{PartnerID: 1, Share: d("60")}, {PartnerID: 2, Share: d("40")}}
	case 2:
		s.Splits = []engine.CreditSplit{{PartnerID: 1, Share: d("60")}, {PartnerID: 2, Share: d("30")}}
	case 3:
		s.Splits = []engine.CreditSplit{{PartnerID: 1, Share: d("100")}}
	case 4:
		s.Splits = []engine.CreditSplit{{PartnerID: 5, Share: d("100")}}
	case 5:
		s.Splits = []engine.CreditSplit{{PartnerID: 1, Share: d("50")}, {PartnerID: 1, Share: d("50")}}
	case 6:
		s.Splits = []engine.CreditSplit{{PartnerID: 1, Share: d("20000")}}
	case 7:
		s.Splits = []engine.CreditSplit{{PartnerID: 1, RepID: 12, Share: d("60")}, {PartnerID: 2, RepID: 11, Share: d("40")}}
	}
	var unread []string
	if r.IntN(4) == 0 {
		names := []string{"date", "booked", "partner", "rep", "customer", "product", "quantity", "unit_price", "net",
			"invoice", "line", "registration", "original_invoice", "splits", "new_customer", "referral_code"}
		for range r.IntN(3) + 1 {
			unread = append(unread, names[r.IntN(len(names))])
		}
	}
	return s, unread
}

// saleFacts are the facts of TestCheckSaleReturns, with June closed and a
// stored line 1 of invoice F-9.
func saleFacts() *facts {
	l1 := goodSale("F-1", 1, "2", "100", "200")
	l1.ID, l1.RepID = 1, 0
	l1.Splits = []engine.CreditSplit{{PartnerID: 1, Share: d("60")}, {PartnerID: 2, Share: d("40")}}
	l2 := goodSale("F-1", 2, "3", "100", "300")
	l2.ID, l2.Date, l2.RepID = 2, engine.MustDate("2026-07-12"), 0
	other := goodSale("F-1", 3, "1", "50", "50")
	other.ID, other.ProductID = 3, 101
	back := goodSale("CN-1", 1, "-2", "100", "-200")
	back.ID, back.RepID, back.OriginalInvoice = 4, 0, "F-1"
	f2 := other
	f2.ID, f2.Invoice = 5, "F-2"
	jun, _ := engine.ParsePeriod("2026-06", 1)
	return &facts{sales: []engine.Sale{l1, l2, other, back, f2, {ID: 9, PartnerID: 1, Invoice: "F-9", Line: 1}},
		closed: []engine.Period{jun}}
}

func errText(es engine.ValidationErrors) string {
	out := ""
	for _, e := range es {
		out += e.Field + ": " + e.Reason + "\n"
	}
	return out
}

// PrecheckSale then CheckSaleContext is CheckSale, whatever the sale, its
// Line and Booked set in between and the fields found bad in between;
// PrecheckSale changes nothing.
func TestPrecheckSaleThenContextIsCheckSale(t *testing.T) {
	f := saleFacts()
	r := rand.New(rand.NewPCG(1, 2))
	passed, failed := 0, 0
	for i := range 20000 {
		s, unread := randomSale(r)
		before := fmt.Sprintf("%+v", s)
		if !engine.PrecheckSale(&s, eur, f, unread...) {
			failed++
			if after := fmt.Sprintf("%+v", s); after != before {
				t.Fatalf("case %d: PrecheckSale changed %s to %s", i, before, after)
			}
			continue
		}
		passed++
		// What an import decides after the precheck.
		other, _ := randomSale(r)
		s.Line, s.Booked = other.Line, other.Booked
		more := append([]string(nil), unread...)
		if r.IntN(3) == 0 {
			more = append(more, []string{"line", "booked", "date"}[r.IntN(3)])
		}
		full, split := s, s
		want := engine.CheckSale(&full, eur, f, more...)
		got := engine.CheckSaleContext(&split, eur, f, more...)
		if errText(got) != errText(want) || !reflect.DeepEqual(full, split) {
			t.Fatalf("case %d: %+v unread %v:\nCheckSale:\n%s%+v\nPrecheckSale, CheckSaleContext:\n%s%+v", i, s, more, errText(want), full, errText(got), split)
		}
	}
	if passed < 500 || failed < 500 {
		t.Errorf("%d sales passed the precheck and %d failed: the draw tests too little", passed, failed)
	}
}

// A figure within its limit by its digits alone is one the limit check
// passes; the others are left to it.
func TestCheckSaleFigureLimits(t *testing.T) {
	for _, c := range []struct {
		net    string
		fields string
	}{
		{"9999999999999", ""}, // 13 digits: below 10^13
		{"10000000000000", ""},
		{"10000000000000.0000000000", ""},
		{"10000000000000.01", "net"},
		{"-10000000000000.01", "net"},
		{"0.0000000001", ""},  // 10 places
		{"0.00000000010", ""}, // 11 places, the last a zero
		{"0.00000000011", "net"},
	} {
		s := goodSale("F-1", 1, "1", "100", "100")
		s.Net, s.UnitPrice = d(c.net), d("0")
		if c.net[0] == '-' {
			s.Quantity = d("-1")
		}
		es := engine.CheckSale(&s, eur, saleFacts(), "unit_price", "original_invoice")
		// Only the limit matters here: net against quantity x price is
		// reported on net too, so look at the reason.
		got := ""
		for _, e := range es {
			if e.Field == "net" && (strings.Contains(e.Reason, "beyond the limit") || strings.Contains(e.Reason, "decimal places")) {
				got = "net"
			}
		}
		if got != c.fields {
			t.Errorf("net %s: limit error on %q, want %q (%v)", c.net, got, c.fields, es)
		}
	}
}
