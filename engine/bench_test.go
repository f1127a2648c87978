package engine_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"

	"partnerdesk/engine"
)

// benchInputs builds a quarter of n sales lines over 5,000 partners, 20,000
// reps and 10 programs of 3 rules each (rate bands, marginal rate with a
// matrix, target, SPIF, fund, loyalty and deal registration in turn).
func benchInputs(n int) engine.Inputs {
	rng := rand.New(rand.NewPCG(42, uint64(n)))
	in := engine.Inputs{Company: engine.Company{Currency: eur, FiscalYearStart: 1}, Period: mustPeriod("2026-Q3")}
	kinds := engine.PartnerKinds
	for i := range 5000 {
		in.Partners = append(in.Partners, engine.Partner{ID: engine.ID(i + 1), Name: fmt.Sprint("P", i), Kind: kinds[i%len(kinds)], Status: engine.StatusActive})
	}
	roles := []string{"sales", "presales", "manager"}
	for i := range 20000 {
		in.Reps = append(in.Reps, engine.Rep{ID: engine.ID(i + 1), PartnerID: engine.ID(i%5000 + 1), Role: roles[i%3], Active: true})
	}
	cats := []string{"hardware", "software", "services", "support"}
	for i := range 200 {
		in.Products = append(in.Products, engine.Product{ID: engine.ID(i + 1), SKU: fmt.Sprint("SKU-", i), Category: cats[i%4], Subscription: i%4 == 1})
	}
	start := mustPeriod("2026-Q3").Start
	in.Sales = make([]engine.Sale, n)
	for i := range in.Sales {
		rep := rng.IntN(20000) + 1
		s := &in.Sales[i]
		*s = engine.Sale{ID: engine.ID(i + 1), Date: start.AddDays(rng.IntN(92)), PartnerID: engine.ID((rep-1)%5000 + 1), RepID: engine.ID(rep),
			Customer: fmt.Sprint("C", rng.IntN(50000)), NewCustomer: rng.IntN(5) == 0, NewProduct: rng.IntN(3) == 0, ProductID: engine.ID(rng.IntN(200) + 1),
			Quantity: decimal.NewFromInt(int64(rng.IntN(20) + 1)), Net: decimal.New(int64(rng.IntN(500000)+100), -2), Invoice: fmt.Sprint("INV-", i), Line: 1}
		if i%50 == 0 {
			s.Net, s.Quantity, s.OriginalInvoice = s.Net.Neg(), s.Quantity.Neg(), "INV-0"
		}
		if i%100 == 0 {
			s.RegistrationID = engine.ID(i/100%1000 + 1)
		}
	}
	for i := range 1000 {
		in.Registrations = append(in.Registrations, engine.Registration{ID: engine.ID(i + 1), PartnerID: engine.ID(i%5000 + 1), Decision: engine.DecisionApproved,
			DecidedOn: start, WindowDays: 45})
	}
	rules := []engine.Rule{
		{Kind: engine.RuleRate, Filter: engine.Filter{Categories: []string{"hardware"}}, Rate: &engine.RateRule{Bands: specBands}},
		{Kind: engine.RuleRate, Matrix: matrix("1.5", "1", "1", "1"), Rate: &engine.RateRule{Bands: specBands, Mode: engine.Marginal}},
		{Kind: engine.RuleTarget, Target: targetRule().Target},
		{Kind: engine.RuleSPIF, SPIF: &engine.SPIFRule{SKUs: []string{"SKU-1", "SKU-2", "SKU-3"}, From: start, To: start.AddDays(60), Amount: d("5")}, Cap: decimal.NewNullDecimal(d("400"))},
		{Kind: engine.RuleFund, Fund: &engine.FundRule{Rate: d("2"), ValidityDays: 180}},
		{Kind: engine.RuleLoyalty, Loyalty: &engine.LoyaltyRule{Points: d("1"), Per: d("10"), ToRep: true}},
		{Kind: engine.RuleDealReg, DealReg: &engine.DealRegRule{Rate: d("5")}},
		{Kind: engine.RuleRate, Basis: engine.BasisUnits, Filter: engine.Filter{RepRoles: []string{"sales"}}, Rate: &engine.RateRule{Rate: d("1.25")}},
	}
	for p := range 10 {
		prog := program()
		prog.ID, prog.Name = engine.ID(p+1), fmt.Sprint("Program ", p)
		for r := range 3 {
			rule := rules[(p*3+r)%len(rules)]
			rule.Key, rule.Name = fmt.Sprint("r", r), fmt.Sprint("Rule ", r)
			prog.Rules = append(prog.Rules, rule)
		}
		in.Programs = append(in.Programs, prog)
	}
	return in
}

func BenchmarkComputeQuarter(b *testing.B) {
	for _, n := range []int{100_000, 1_000_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			in := benchInputs(n)
			b.ReportAllocs()
			b.ResetTimer()
			var lines int
			for b.Loop() {
				res, err := engine.Compute(in)
				if err != nil {
					b.Fatal(err)
				}
				lines = len(res.Lines)
			}
			b.ReportMetric(float64(lines), "lines")
		})
	}
}
