package app_test

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"partnerdesk/app"
	"partnerdesk/data"
	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// referralCompany is a company with one partner, one subscription product and
// a quarterly referral program valid from 2026-01-01 paying a 100.00 bounty
// and 10 % of the subscription revenue for one month.
func referralCompany(tb testing.TB) *app.Service {
	tb.Helper()
	st, err := data.Open(filepath.Join(tb.TempDir(), "ref.db"), data.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	now := engine.MustDate("2026-10-05").Time().Add(9 * time.Hour)
	svc := app.NewService(st, "tester", func() time.Time { return now })
	tb.Cleanup(func() {
		if rep, err := st.Check(); err != nil || !rep.OK() {
			tb.Errorf("check: %v %v", err, rep.Problems)
		}
		st.Close()
	})
	if err := svc.SaveCompany(engine.Company{Name: "Referral Vendor", Currency: engine.NewCurrency("EUR"), FiscalYearStart: time.January, Language: "en"}); err != nil {
		tb.Fatal(err)
	}
	if err := svc.SavePartner(&engine.Partner{Name: "Alpha", Kind: engine.KindReferral, Status: engine.StatusActive}); err != nil {
		tb.Fatal(err)
	}
	if err := svc.SaveProduct(&engine.Product{SKU: "SUB-1", Name: "Cloud", ListPrice: decimal.NewFromInt(100), Subscription: true}); err != nil {
		tb.Fatal(err)
	}
	_, err = svc.SaveProgram(engine.Program{Name: "Referrals", Currency: "EUR", PeriodKind: engine.PeriodQuarter, ValidFrom: engine.MustDate("2026-01-01"),
		Status: engine.ProgramActive, Rules: []engine.Rule{{Key: "ref", Name: "Referral", Kind: engine.RuleReferral,
			Referral: &engine.ReferralRule{Bounty: decimal.NewFromInt(100), Rate: decimal.NewFromInt(10), Months: 1}}}})
	if err != nil {
		tb.Fatal(err)
	}
	return svc
}

// TestReferralReadsWholeHistory is finding 12's loading half: the first sale
// of a customer is its first sale ever, however far back, so a customer
// first sold before the program, or first sold unmarked, is not paid as
// new when a later sale is marked new. The history used to start at the
// program's start or N months before the period, so both were re-paid.
func TestReferralReadsWholeHistory(t *testing.T) {
	tests := []struct {
		name  string
		first views.SaleInput // the customer's first sale, long before
	}{
		// First sold (marked new) in June 2025, before the program's validity.
		{"first sold before the program", views.SaleInput{Date: "2025-06-02", NewCustomer: true}},
		// First sold unmarked in February 2026, inside the validity but more than one month
		// before the quarter: the July sale marked new does not make it new again.
		{"first sold unmarked", views.SaleInput{Date: "2026-02-02"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			svc := referralCompany(t)
			add := func(in views.SaleInput) {
				t.Helper()
				in.Partner, in.Customer, in.Product, in.Quantity, in.UnitPrice = "Alpha", "Globex", "SUB-1", "1", "100"
				in.Invoice = "G-" + in.Date
				if _, err := svc.AddSale(in, false); err != nil {
					t.Fatalf("add sale %s: %v", in.Date, err)
				}
			}
			add(tt.first)
			add(views.SaleInput{Date: "2026-07-10", NewCustomer: true})
			if _, err := svc.ComputePeriod("2026-Q3", nil); err != nil {
				t.Fatal(err)
			}
			ls, err := svc.Lines("2026-Q3", app.LineFilter{})
			if err != nil {
				t.Fatal(err)
			}
			// Globex is no referral of the program: no bounty and no revenue share.
			for _, l := range ls {
				if !l.Amount.IsZero() {
					t.Errorf("line %s %s pays %s, want nothing", l.RuleKey, l.Explanation.Key, l.Amount)
				}
			}
		})
	}
}

// TestReferralPaysNewCustomer is the control: a customer first sold in the
// quarter, marked new, pays its bounty and 10 % of 100 = 10.00.
func TestReferralPaysNewCustomer(t *testing.T) {
	svc := referralCompany(t)
	if _, err := svc.AddSale(views.SaleInput{Date: "2026-07-10", NewCustomer: true, Partner: "Alpha", Customer: "Initech", Product: "SUB-1",
		Quantity: "1", UnitPrice: "100", Invoice: "I-1"}, false); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.ComputePeriod("2026-Q3", nil); err != nil {
		t.Fatal(err)
	}
	ls, err := svc.Lines("2026-Q3", app.LineFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var total decimal.Decimal
	for _, l := range ls {
		total = total.Add(l.Amount)
	}
	if !total.Equal(decimal.RequireFromString("110")) {
		t.Errorf("got %s, want 110.00: %+v", total, ls)
	}
}
