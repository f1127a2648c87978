package engine_test

import (
	"testing"

	"partnerdesk/app/demo"
	"partnerdesk/engine"
)

// scaleInputs is the app's scale world (app/scale_bench_test.go: 1,000,000
// sales of 5,000 partners and 20,000 reps in 2026-Q2, demo.Scale's ten
// programs) as loadInputs hands it to Compute, without the store: the
// engine's share of BenchmarkScaleComputeQuarter, measured on its own.
func scaleInputs(sales int) engine.Inputs {
	from, to := engine.MustDate("2026-04-01"), engine.MustDate("2026-06-30")
	ds := demo.Scale(5000, 20000, sales, 1, from, to)
	p, err := engine.ParsePeriod("2026-Q2", ds.Company.FiscalYearStart)
	if err != nil {
		panic(err)
	}
	in := engine.Inputs{Company: ds.Company, Period: p, Partners: ds.Partners, Reps: ds.Reps, Products: ds.Products,
		Sales: ds.Sales, Registrations: ds.Registrations, TierHistory: ds.TierHistory, Ladder: ds.Ladder}
	for _, pr := range ds.Programs {
		in.Programs = append(in.Programs, engine.ProgramForPeriod(pr, p))
	}
	for _, t := range ds.Trainings {
		if t.Completed <= p.End {
			in.Trainings = append(in.Trainings, t)
		}
	}
	for _, a := range ds.Activities {
		if p.Contains(a.Date) {
			in.Activities = append(in.Activities, a)
		}
	}
	// The original lines the period's returns name, as SalesByInvoice
	// reads them.
	type key struct {
		partner engine.ID
		invoice string
	}
	byInvoice := map[key][]engine.Sale{}
	for _, s := range ds.Sales {
		k := key{s.PartnerID, s.Invoice}
		byInvoice[k] = append(byInvoice[k], s)
	}
	seen := map[key]bool{}
	for _, s := range ds.Sales {
		k := key{s.PartnerID, s.OriginalInvoice}
		if s.OriginalInvoice == "" || seen[k] {
			continue
		}
		seen[k] = true
		in.Originals = append(in.Originals, byInvoice[k]...)
	}
	return in
}

func BenchmarkComputeScaleQuarter(b *testing.B) {
	in := scaleInputs(1_000_000)
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
}
