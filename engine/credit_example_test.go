package engine_test

import (
	"fmt"

	"github.com/shopspring/decimal"

	"partnerdesk/engine"
)

// A sale of 1,000.00 split 60/40 between two partners, in a rule whose
// matrix weighs its cell 1.5: 900 and 600 of credited revenue.
func ExampleSaleCredits() {
	s := engine.Sale{PartnerID: 1, Net: decimal.RequireFromString("1000.00"), Quantity: decimal.NewFromInt(2),
		Splits: []engine.CreditSplit{{PartnerID: 1, Share: decimal.NewFromInt(60)}, {PartnerID: 2, RepID: 12, Share: decimal.NewFromInt(40)}}}
	for _, c := range engine.SaleCredits(&s, decimal.RequireFromString("1.5")) {
		fmt.Println(c.PartnerID, c.RepID, c.Net.StringFixed(2), c.Quantity.String())
	}
	// Output:
	// 1 0 900.00 1.8
	// 2 12 600.00 1.2
}

// Names that select things match regardless of case and accents.
func ExampleFoldName() {
	fmt.Println(engine.FoldName(" Séminaire "), engine.SameName("QBR", "qbr"), engine.SameName("Straße", "STRASSE"))
	// Output: seminaire true true
}
