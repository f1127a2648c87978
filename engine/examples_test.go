package engine_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"partnerdesk/engine"
)

// bandedRebate is the banded retroactive rebate: 0 to 50,000 at
// 2 %, from 50,000 at 4 %, Gold x1.2, quarterly.
func bandedRebate(examples ...engine.Example) engine.Program {
	return engine.Program{Name: "Rebate", Currency: "EUR", PeriodKind: engine.PeriodQuarter, ValidFrom: engine.MustDate("2026-01-01"), Status: engine.ProgramDraft,
		Rules: []engine.Rule{{Key: "rebate", Name: "Volume rebate", Kind: engine.RuleRate, Basis: engine.BasisRevenue,
			TierMultipliers: map[string]decimal.Decimal{"Gold": d("1.2")},
			Rate:            &engine.RateRule{Mode: engine.Retroactive, Bands: []engine.Band{{From: d("0"), Rate: d("2")}, {From: d("50000"), Rate: d("4")}}}}},
		Examples: examples}
}

func expAmt(s string) decimal.NullDecimal { return decimal.NewNullDecimal(d(s)) }

var eurCo = engine.Company{Currency: engine.NewCurrency("EUR"), FiscalYearStart: time.January}

func TestGoldenExamplesPass(t *testing.T) {
	// Gold, 120,000 in a quarter: the band from 50,000 at 4 % on the whole
	// basis (retroactive) = 4,800.00, x1.2 = 5,760.00.
	// Silver (no multiplier), 40,000: first band 2 % = 800.00.
	p := bandedRebate(
		engine.Example{Name: "Gold 120k", Tier: "Gold", Sales: d("120000"), Expect: []engine.Expectation{{Rule: "rebate", Amount: expAmt("5760.00")}}},
		engine.Example{Name: "Silver 40k", Tier: "Silver", Sales: d("40000"), Expect: []engine.Expectation{{Rule: "rebate", Amount: expAmt("800")}}},
	)
	if err := engine.ValidateProgram(p); err != nil {
		t.Fatal(err)
	}
	if err := engine.CheckExamples(p, eurCo); err != nil {
		t.Fatalf("examples should pass: %v", err)
	}
	rs, err := engine.RunExamples(p, eurCo)
	if err != nil || len(rs) != 2 || !rs[0].Amount.Equal(d("5760")) || !rs[1].Amount.Equal(d("800")) {
		t.Fatalf("results %+v, %v", rs, err)
	}
}

func TestGoldenExampleFailsSideBySide(t *testing.T) {
	// The owner expected 5,000.00 for a Gold reseller with 120,000; the
	// rules compute 5,760.00 (see above): the error names the example,
	// its path, and both figures.
	p := bandedRebate(engine.Example{Name: "a Gold reseller with 120,000.00 EUR in a quarter", Tier: "Gold", Sales: d("120000"),
		Expect: []engine.Expectation{{Rule: "rebate", Amount: expAmt("5000")}}})
	err := engine.CheckExamples(p, eurCo)
	var ve engine.ValidationErrors
	if !errors.As(err, &ve) || len(ve) != 1 || ve[0].Field != "examples[0].expect[0]" {
		t.Fatalf("want one error on examples[0].expect[0], got %v", err)
	}
	for _, want := range []string{"a Gold reseller with 120,000.00 EUR in a quarter", "5000.00 EUR", "5760.00 EUR"} {
		if !strings.Contains(ve[0].Reason, want) {
			t.Errorf("reason %q lacks %q", ve[0].Reason, want)
		}
	}
}

func TestGoldenExamplesOtherKinds(t *testing.T) {
	pts := func(n int64) *int64 { return &n }
	// Training: 2 of the 3 listed courses at 50 points each = 100 points.
	// Loyalty: 1 point per 10.00 on 1,234.00 = 123.4, floored 123.
	// Units rebate: 30 units at 5.00 per unit = 150.00.
	p := engine.Program{Name: "Mixed", Currency: "EUR", PeriodKind: engine.PeriodMonth, ValidFrom: engine.MustDate("2026-03-01"), Status: engine.ProgramDraft,
		Rules: []engine.Rule{
			{Key: "tr", Name: "Courses", Kind: engine.RuleTraining, Training: &engine.TrainingRule{Courses: []string{"A", "B", "C"}, Amount: d("50"), Unit: engine.UnitPoints}},
			{Key: "ly", Name: "Marks", Kind: engine.RuleLoyalty, Loyalty: &engine.LoyaltyRule{Points: d("1"), Per: d("10")}},
			{Key: "un", Name: "Per unit", Kind: engine.RuleRate, Basis: engine.BasisUnits, Rate: &engine.RateRule{Rate: d("5")}},
		},
		Examples: []engine.Example{
			{Name: "two courses", Count: 2, Expect: []engine.Expectation{{Rule: "tr", Points: pts(100)}}},
			{Name: "1,234 sold, 30 units", Sales: d("1234"), Units: d("30"), Expect: []engine.Expectation{{Rule: "ly", Points: pts(123)}, {Rule: "un", Amount: expAmt("150")}}},
		}}
	if err := engine.ValidateProgram(p); err != nil {
		t.Fatal(err)
	}
	if err := engine.CheckExamples(p, eurCo); err != nil {
		t.Fatal(err)
	}
}

func TestGoldenExamplesValidated(t *testing.T) {
	p := bandedRebate(engine.Example{Name: "", Expect: []engine.Expectation{{Rule: "nope"}}, Count: -1})
	err := engine.ValidateProgram(p)
	var ve engine.ValidationErrors
	if !errors.As(err, &ve) {
		t.Fatalf("want validation errors, got %v", err)
	}
	fields := map[string]bool{}
	for _, e := range ve {
		fields[e.Field] = true
	}
	for _, f := range []string{"examples[0].name", "examples[0].count", "examples[0].expect[0].rule", "examples[0].expect[0]"} {
		if !fields[f] {
			t.Errorf("no error on %s in %v", f, err)
		}
	}
}

// FuzzGoldenExamples: a program file with examples that parses never
// makes CheckExamples panic, and its answer is stable.
func FuzzGoldenExamples(f *testing.F) {
	head := `{"format":"partnerdesk-program","version":1,"name":"P","currency":"EUR","period_kind":"month","valid_from":"2026-01-01","status":"draft","eligibility":{},"budget":"0",`
	f.Add([]byte(head + `"rules":[{"key":"r","name":"R","kind":"rate","rate":{"rate":"5"}}],"examples":[{"name":"e","sales":"1000","expect":[{"rule":"r","amount":"50"}]}]}`))
	f.Add([]byte(head + `"rules":[{"key":"s","name":"S","kind":"spif","spif":{"skus":["X"],"from":"2199-12-01","to":"2199-12-31","amount":"1"}}],"examples":[{"name":"e","units":"1000000000","sales":"-5","expect":[{"rule":"s","points":3}]}]}`))
	f.Add([]byte(head + `"rules":[{"key":"a","name":"A","kind":"activity","activity":{"types":["d"],"amount":"1","unit":"points"}}],"examples":[{"name":"e","count":1000,"tier":"G","expect":[{"rule":"a","points":1000}]}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := engine.ParseProgramFile(b)
		if err != nil {
			return
		}
		e1 := engine.CheckExamples(p, eurCo)
		e2 := engine.CheckExamples(p, eurCo)
		if (e1 == nil) != (e2 == nil) || e1 != nil && e1.Error() != e2.Error() {
			t.Fatalf("unstable: %v / %v", e1, e2)
		}
	})
}

// An example's partner reads the default target, not the own target of
// the partner that shares its id.
//
// Default target 80,000; partner 1's own 120,000. Steps 80 % -> 500,
// 100 % -> 1,500, 120 % -> 3,000. 100,000 against 80,000 is 125 %: 3,000
// (against partner 1's 120,000 it would be 83 %: 500).
func TestExampleReadsTheDefaultTarget(t *testing.T) {
	p := engine.Program{Name: "Target", Currency: "EUR", PeriodKind: engine.PeriodQuarter, ValidFrom: engine.MustDate("2026-01-01"), Status: engine.ProgramDraft,
		Rules: []engine.Rule{{Key: "target", Name: "Target", Kind: engine.RuleTarget, Basis: engine.BasisRevenue,
			Target: &engine.TargetRule{DefaultTarget: d("80000"), Targets: map[engine.ID]decimal.Decimal{1: d("120000"), 2: d("90000")},
				Steps: []engine.Step{{Attainment: d("80"), Amount: d("500")}, {Attainment: d("100"), Amount: d("1500")}, {Attainment: d("120"), Amount: d("3000")}}}}},
		Examples: []engine.Example{{Name: "100,000 in a quarter", Sales: d("100000"), Expect: []engine.Expectation{{Rule: "target", Amount: expAmt("3000")}}}}}
	if err := engine.CheckExamples(p, eurCo); err != nil {
		t.Fatal(err)
	}
}
