package app_test

import (
	"testing"

	"github.com/shopspring/decimal"

	"partnerdesk/engine"
)

// Issue #15.10: the statement preview carries the lines the statement
// prints, not only its summary. kindsDataset: 5 % monthly on 1,000, 2,000
// and 3,000 EUR (50.00, 100.00, 150.00) and 10 % on the quarter's 6,000
// (600.00): the quarter's statement shows all four, 900.00 in all.
func TestStatementPreviewHasTheLines(t *testing.T) {
	svc := dashService(t, kindsDataset(), "2026-04-20")
	for _, m := range []string{"2026-01", "2026-02", "2026-03"} {
		runAndClose(t, svc, m)
	}
	if _, err := svc.ComputePeriod("2026-Q1", nil); err != nil {
		t.Fatal(err)
	}
	p, err := svc.StatementPreview("2026-Q1", engine.Payee{Kind: engine.PayeePartner, ID: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Items) != p.Lines || len(p.Items) != 4 {
		t.Fatalf("%d items, %d lines counted; want 4", len(p.Items), p.Lines)
	}
	sum := decimal.Zero
	byProgram := map[string]string{}
	for _, it := range p.Items {
		sum = sum.Add(it.Amount)
		byProgram[it.Program] += it.Amount.StringFixed(2) + " "
		if it.Explanation == "" || it.Rule == "" {
			t.Errorf("item without explanation or rule: %+v", it)
		}
	}
	if !sum.Equal(p.Rewards) || p.Rewards.StringFixed(2) != "900.00" {
		t.Errorf("items add up to %s, rewards %s; want 900.00", sum, p.Rewards)
	}
	if byProgram["Quarterly"] != "600.00 " || len(byProgram["Monthly"]) != len("50.00 100.00 150.00 ") {
		t.Errorf("items by program %v", byProgram)
	}
}
