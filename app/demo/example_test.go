package demo_test

import (
	"fmt"

	"partnerdesk/app/demo"
	"partnerdesk/engine"
)

func ExampleGenerate() {
	ds := demo.Generate(42, engine.MustDate("2026-06-30"))
	fmt.Println(ds.Company.Name, ds.Company.Currency.Code)
	fmt.Println("window from", demo.WindowStart(engine.MustDate("2026-06-30")))
	fmt.Println(len(ds.Partners), "partners,", len(ds.Products), "products,", len(ds.Programs), "programs")
	for _, p := range ds.Programs[:3] {
		fmt.Println(p.ID, p.Name, p.PeriodKind, len(p.Rules), "rules")
	}
	// Output:
	// Nordlicht Software GmbH EUR
	// window from 2025-07-01
	// 42 partners, 20 products, 9 programs
	// 1 Reseller Rebate quarter 2 rules
	// 2 MSP & Referral month 3 rules
	// 3 Rep SPIF & Gems quarter 5 rules
}

func ExampleScale() {
	ds := demo.Scale(5000, 20000, 100, 1, engine.MustDate("2026-01-01"), engine.MustDate("2026-12-31"))
	fmt.Println(len(ds.Partners), "partners,", len(ds.Reps), "reps,", len(ds.Sales), "sales,", len(ds.Programs), "programs")
	fmt.Println(ds.Sales[0].Invoice, ds.Sales[0].Date)
	fmt.Println(ds.Summary())
	// Output:
	// 5000 partners, 20000 reps, 100 sales, 10 programs
	// INV-2026-0000001 2026-01-01
	// 5000 partners, 20000 reps, 20 products, 10 programs, 100 sales lines, 0 registrations, 10000 trainings, 20000 activities, 5500 tier changes
}
