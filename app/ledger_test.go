package app_test

import (
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"partnerdesk/app"
	"partnerdesk/data"
	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// tiny opens an empty database for a small hand-made company: one EUR
// partner with a rep, one product, clock at today.
func tiny(t *testing.T, today string) *app.Service {
	t.Helper()
	st, err := data.Open(filepath.Join(t.TempDir(), "tiny.db"), data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	now := engine.MustDate(today).Time().Add(9 * time.Hour)
	svc := app.NewService(st, "tester", func() time.Time { return now })
	t.Cleanup(func() {
		if rep, err := st.Check(); err != nil || !rep.OK() {
			t.Errorf("check: %v %v", err, rep.Problems)
		}
		st.Close()
	})
	must(t, svc.SaveCompany(engine.Company{Name: "Tiny Vendor", Currency: engine.NewCurrency("EUR"), FiscalYearStart: time.January, Language: "en"}))
	p := engine.Partner{Name: "Alpha Reseller", Kind: engine.KindReseller, Status: engine.StatusActive, Joined: engine.MustDate("2025-01-01")}
	must(t, svc.SavePartner(&p))
	r := engine.Rep{PartnerID: p.ID, Name: "Ada", Role: "sales", Active: true}
	must(t, svc.SaveRep(&r))
	prod := engine.Product{SKU: "LIC-1", Name: "Licence", Category: "licence", ListPrice: decimal.NewFromInt(100)}
	must(t, svc.SaveProduct(&prod))
	return svc
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func sale(t *testing.T, svc *app.Service, date, qty, price, invoice string) engine.Sale {
	t.Helper()
	s, err := svc.AddSale(views.SaleInput{Date: date, Partner: "Alpha Reseller", Rep: "Ada", Customer: "Cust " + invoice, Product: "LIC-1", Quantity: qty, UnitPrice: price, Invoice: invoice}, false)
	if err != nil {
		t.Fatalf("sale %s: %v", invoice, err)
	}
	return s
}

// The fund story: a 10 % MDF rule accrues 1,000 on Q1's 10,000 and 500 on
// Q2's 5,000, each expiring 180 days after its quarter's end (Q1: 03-31 +
// 180 = 2026-09-27; Q2: 06-30 + 180 = 2026-12-27). A claim of 1,200 on
// 2026-07-10 takes Q1's 1,000 and 200 of Q2's; a claim of 400 more is
// approved only up to the 300 left. Without that second claim the 300
// expire on 2026-12-27.
func TestFundAccrualsClaimsExpiry(t *testing.T) {
	for _, second := range []bool{true, false} {
		name := "second claim"
		if !second {
			name = "expiry"
		}
		t.Run(name, func(t *testing.T) {
			svc := tiny(t, "2027-01-15")
			prog := engine.Program{Name: "MDF", PeriodKind: engine.PeriodQuarter, ValidFrom: engine.MustDate("2026-01-01"), Status: engine.ProgramActive,
				Rules: []engine.Rule{{Key: "mdf", Name: "MDF", Kind: engine.RuleFund, Basis: engine.BasisRevenue,
					Fund: &engine.FundRule{Rate: decimal.NewFromInt(10), ValidityDays: 180, Fund: "MDF"}}}}
			_, err := svc.SaveProgram(prog)
			must(t, err)
			sale(t, svc, "2026-02-10", "100", "100", "INV-1") // 10,000.00
			sale(t, svc, "2026-05-10", "50", "100", "INV-2")  // 5,000.00
			for _, q := range []string{"2026-Q1", "2026-Q2"} {
				_, err := svc.ComputePeriod(q, nil)
				must(t, err)
				_, err = svc.Approve(q, nil, false)
				must(t, err)
			}
			fv, err := svc.Funds("Alpha Reseller", engine.MustDate("2026-07-01"))
			must(t, err)
			if len(fv) != 1 || !fv[0].Balance.Equal(decimal.NewFromInt(1500)) || len(fv[0].Accruals) != 2 {
				t.Fatalf("funds on 2026-07-01 = %+v, want 1,500 from two accruals", fv)
			}
			if fv[0].Accruals[0].Accrual.ExpiresOn != engine.MustDate("2026-09-27") || fv[0].Accruals[1].Accrual.ExpiresOn != engine.MustDate("2026-12-27") {
				t.Errorf("expiry dates = %s, %s; want 2026-09-27, 2026-12-27", fv[0].Accruals[0].Accrual.ExpiresOn, fv[0].Accruals[1].Accrual.ExpiresOn)
			}
			c1, err := svc.Claim(app.ClaimInput{Partner: "Alpha Reseller", Amount: "1200", Date: "2026-07-10", Reference: "trade show invoice", Approve: true})
			must(t, err)
			if !c1.Approved.Equal(decimal.NewFromInt(1200)) || len(c1.Draws) != 2 || !c1.Draws[0].Amount.Equal(decimal.NewFromInt(1000)) || !c1.Draws[1].Amount.Equal(decimal.NewFromInt(200)) {
				t.Fatalf("claim 1,200 = %+v, want 1,000 of Q1 then 200 of Q2", c1)
			}
			if second {
				c2, err := svc.Claim(app.ClaimInput{Partner: "Alpha Reseller", Amount: "400", Date: "2026-07-11", Approve: true})
				must(t, err)
				if !c2.Approved.Equal(decimal.NewFromInt(300)) || c2.Status != engine.ClaimApproved {
					t.Fatalf("claim 400 = %+v, want approved 300", c2)
				}
				fv, err = svc.Funds("Alpha Reseller", engine.MustDate("2027-01-15"))
				must(t, err)
				if !fv[0].Balance.IsZero() || len(fv[0].Expiries) != 0 {
					t.Errorf("after both claims: balance %s, expiries %d; want 0 and none", fv[0].Balance, len(fv[0].Expiries))
				}
				return
			}
			fv, err = svc.Funds("Alpha Reseller", engine.MustDate("2026-12-26"))
			must(t, err)
			if !fv[0].Balance.Equal(decimal.NewFromInt(300)) || !fv[0].Expiring30.Equal(decimal.NewFromInt(300)) {
				t.Fatalf("on 2026-12-26: balance %s expiring %s, want 300 and 300", fv[0].Balance, fv[0].Expiring30)
			}
			fv, err = svc.Funds("Alpha Reseller", engine.MustDate("2027-01-15"))
			must(t, err)
			if !fv[0].Balance.IsZero() || len(fv[0].Expiries) != 1 || !fv[0].Expiries[0].Amount.Equal(decimal.NewFromInt(300)) || fv[0].Expiries[0].Date != engine.MustDate("2026-12-27") {
				t.Fatalf("after the expiry date: %+v, want 300 expired on 2026-12-27", fv[0])
			}
			// Posting again is idempotent.
			fv, err = svc.Funds("Alpha Reseller", engine.MustDate("2027-01-15"))
			must(t, err)
			if len(fv[0].Expiries) != 1 {
				t.Errorf("expiries after a second look = %d, want 1", len(fv[0].Expiries))
			}
		})
	}
}

// Points: a loyalty rule of 1 point per 10.00 gives 150 points on 1,500.00
// (plus 0 from the floor); a redemption of 151 is refused and nothing is
// written; 100 then leaves 50.
func TestPointsRedemptionNeverBelowZero(t *testing.T) {
	svc := tiny(t, "2026-08-01")
	prog := engine.Program{Name: "Marks", PeriodKind: engine.PeriodMonth, ValidFrom: engine.MustDate("2026-01-01"), Status: engine.ProgramActive,
		Rules: []engine.Rule{{Key: "marks", Name: "Marks", Kind: engine.RuleLoyalty, Basis: engine.BasisRevenue,
			Loyalty: &engine.LoyaltyRule{Points: decimal.NewFromInt(1), Per: decimal.NewFromInt(10)}}}}
	_, err := svc.SaveProgram(prog)
	must(t, err)
	sale(t, svc, "2026-07-03", "15", "100.05", "INV-9") // 1,500.75 -> 150.075 points -> 150
	_, err = svc.ComputePeriod("2026-07", nil)
	must(t, err)
	_, err = svc.Approve("2026-07", nil, false)
	must(t, err)
	pv, err := svc.Points("Alpha Reseller", engine.MustDate("2026-08-01"))
	must(t, err)
	if len(pv) != 1 || pv[0].Balance != 150 {
		t.Fatalf("points = %+v, want 150", pv)
	}
	countEntries := func() int {
		n := 0
		_ = svc.Store().View(func(tx *data.Tx) error {
			n, _ = tx.Count(data.KindPointsEntry)
			return nil
		})
		return n
	}
	before := countEntries()
	_, err = svc.Redeem(app.RedeemInput{Payee: "Alpha Reseller", Points: 151, Against: "voucher"})
	var ve *engine.ValidationError
	if !errors.As(err, &ve) || ve.Field != "points" {
		t.Fatalf("redeem 151 of 150: err = %v, want a ValidationError on points", err)
	}
	if after := countEntries(); after != before {
		t.Errorf("a refused redemption wrote %d entries", after-before)
	}
	_, err = svc.Redeem(app.RedeemInput{Payee: "Alpha Reseller", Points: 100, Against: "co-branded banners"})
	must(t, err)
	pv, _ = svc.Points("Alpha Reseller", engine.MustDate("2026-08-01"))
	if pv[0].Balance != 50 || pv[0].Spent != 100 {
		t.Errorf("after redeeming 100: %+v, want balance 50", pv[0])
	}
}

// Typed sales refuse what cannot be right, each with a reason on its field.
func TestAddSaleValidation(t *testing.T) {
	svc := tiny(t, "2026-08-01")
	sale(t, svc, "2026-07-03", "2", "100", "INV-1")
	tests := []struct {
		name  string
		in    views.SaleInput
		field string
	}{
		{"unknown partner", views.SaleInput{Date: "2026-07-04", Partner: "Nobody GmbH", Customer: "C", Product: "LIC-1", Quantity: "1", UnitPrice: "10", Invoice: "X1"}, app.FieldPartner},
		{"negative price", views.SaleInput{Date: "2026-07-04", Partner: "Alpha Reseller", Customer: "C", Product: "LIC-1", Quantity: "1", UnitPrice: "-10", Invoice: "X2"}, app.FieldUnitPrice},
		{"return without original invoice", views.SaleInput{Date: "2026-07-04", Partner: "Alpha Reseller", Customer: "C", Product: "LIC-1", Quantity: "-1", UnitPrice: "10", Invoice: "X3"}, app.FieldOriginal},
		{"return of an unknown invoice", views.SaleInput{Date: "2026-07-04", Partner: "Alpha Reseller", Customer: "C", Product: "LIC-1", Quantity: "-1", UnitPrice: "10", Invoice: "X4", OriginalInvoice: "NOPE"}, app.FieldOriginal},
		{"bad date", views.SaleInput{Date: "31/31/2026", Partner: "Alpha Reseller", Customer: "C", Product: "LIC-1", Quantity: "1", UnitPrice: "10", Invoice: "X5"}, app.FieldDate},
		{"duplicate invoice line", views.SaleInput{Date: "2026-07-05", Partner: "Alpha Reseller", Customer: "C", Product: "LIC-1", Quantity: "1", UnitPrice: "10", Invoice: "INV-1", Line: "1"}, app.FieldLine},
		{"unknown product", views.SaleInput{Date: "2026-07-04", Partner: "Alpha Reseller", Customer: "C", Product: "NOPE-9", Quantity: "1", UnitPrice: "10", Invoice: "X6"}, app.FieldProduct},
		{"zero quantity", views.SaleInput{Date: "2026-07-04", Partner: "Alpha Reseller", Customer: "C", Product: "LIC-1", Quantity: "0", UnitPrice: "10", Invoice: "X7"}, app.FieldQuantity},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := svc.AddSale(tt.in, false)
			var ves engine.ValidationErrors
			if !errors.As(err, &ves) {
				t.Fatalf("err = %v, want ValidationErrors", err)
			}
			found := false
			for _, ve := range ves {
				if ve.Field == tt.field && ve.Reason != "" {
					found = true
				}
			}
			if !found {
				t.Errorf("errors %v name no %q field", ves, tt.field)
			}
		})
	}
	got, _ := svc.SalesBetween(engine.MustDate("2026-07-01"), engine.MustDate("2026-07-31"))
	if len(got) != 1 {
		t.Errorf("%d sales stored, want only the first one", len(got))
	}
	// A return of the stored invoice is accepted; the next line is numbered for us.
	r, err := svc.AddSale(views.SaleInput{Date: "2026-07-20", Partner: "Alpha Reseller", Customer: "Cust INV-1", Product: "LIC-1", Quantity: "-1", UnitPrice: "100", Invoice: "CN-1", OriginalInvoice: "INV-1"}, false)
	if err != nil || !r.Net.Equal(decimal.NewFromInt(-100)) || r.Line != 1 {
		t.Fatalf("return: %v %+v", err, r)
	}
}

// A rate over 100 % on a revenue basis is refused unless confirmed.
func TestProgramRateOver100NeedsConfirmation(t *testing.T) {
	svc := tiny(t, "2026-08-01")
	prog := engine.Program{Name: "SPIF 8x", PeriodKind: engine.PeriodMonth, ValidFrom: engine.MustDate("2026-01-01"), Status: engine.ProgramActive,
		Rules: []engine.Rule{{Key: "r", Name: "Rate", Kind: engine.RuleRate, Basis: engine.BasisRevenue, Rate: &engine.RateRule{Rate: decimal.NewFromInt(800)}}}}
	_, err := svc.SaveProgram(prog)
	if err == nil {
		t.Fatal("a rate of 800 % on revenue was saved without confirmation")
	}
	prog.Rules[0].Rate.Confirmed = true
	if _, err := svc.SaveProgram(prog); err != nil {
		t.Fatalf("confirmed 800 %%: %v", err)
	}
}

// Registrations, trainings and activities typed on the command line's
// use cases, with their refusals.
func TestTypedEntries(t *testing.T) {
	svc := tiny(t, "2026-08-01")
	r, err := svc.AddRegistration(views.RegistrationInput{Partner: "Alpha Reseller", Rep: "Ada", Customer: "Big Co", ExpectedValue: "25.000,00", WindowDays: "30"})
	must(t, err)
	if r.Decision != engine.DecisionPending || !r.ExpectedValue.Equal(decimal.NewFromInt(25000)) || r.Submitted != engine.MustDate("2026-08-01") {
		t.Fatalf("registration = %+v", r)
	}
	if _, err := svc.DecideRegistration(r.ID, "approve", "2026-07-01"); err == nil {
		t.Error("a decision before the submission was accepted")
	}
	r, err = svc.DecideRegistration(r.ID, "approve", "2026-08-02")
	must(t, err)
	if r.Decision != engine.DecisionApproved || r.DecidedBy != "tester" {
		t.Errorf("decided = %+v", r)
	}
	if _, err := svc.DecideRegistration(r.ID, "reject", ""); err == nil {
		t.Error("a decided registration was decided again")
	}
	_, err = svc.AddRegistration(views.RegistrationInput{Partner: "Nobody", Customer: "", ExpectedValue: "x"})
	var ves engine.ValidationErrors
	if !errors.As(err, &ves) || len(ves) != 3 {
		t.Errorf("bad registration: %v, want 3 problems (partner, customer, value)", err)
	}

	tr, err := svc.AddTraining(views.TrainingInput{Partner: "Alpha Reseller", Rep: "Ada", Course: "Sales Basics", Completed: "2026-07-10", Certification: true, ValidUntil: "2027-07-10"})
	must(t, err)
	if tr.ValidUntil != engine.MustDate("2027-07-10") {
		t.Errorf("training = %+v", tr)
	}
	if _, err := svc.AddTraining(views.TrainingInput{Partner: "Alpha Reseller", Rep: "Ada", Course: "X", Completed: "2026-07-10", Certification: true, ValidUntil: "2026-07-01"}); err == nil {
		t.Error("a certification expiring before it was earned was accepted")
	}
	if _, err := svc.AddTraining(views.TrainingInput{Partner: "Alpha Reseller", Rep: "Bob", Course: "X"}); err == nil {
		t.Error("a training of an unknown rep was accepted")
	}
	a, err := svc.AddActivity(views.ActivityInput{Partner: "Alpha Reseller", Type: "Demo", Date: "2026-07-15"})
	must(t, err)
	if a.Type != "Demo" {
		t.Errorf("activity type %q, want Demo as typed", a.Type)
	}
	if _, err := svc.AddActivity(views.ActivityInput{Partner: "Alpha Reseller"}); err == nil {
		t.Error("an activity without a type was accepted")
	}
}
