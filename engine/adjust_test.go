package engine_test

import (
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"partnerdesk/engine"
)

func TestAdjustReturnOfClosedPeriod(t *testing.T) {
	// Q2 paid partner 1 a flat 5 %: 500.00 on 10,000 -> effective rate 5 %.
	// A return of -1,000.00 in Q3 of a Q2 invoice claws back -1,000 x 5 % = -50.00
	// and stays out of Q3's basis (Q3: 4,000 x 5 % = 200.00).
	rule := engine.Rule{Key: "r", Name: "Commission", Kind: engine.RuleRate, Rate: &engine.RateRule{Rate: d("5")}}
	in := fixture("2026-Q3")
	in.Programs = []engine.Program{program(rule)}
	orig := sale(1, "2026-05-10", "10000")
	orig.Invoice = "Q2-1"
	ret := sale(1, "2026-07-20", "-1000")
	ret.Quantity, ret.OriginalInvoice, ret.Invoice = d("-1"), "Q2-1", "CN-1"
	lateSale := sale(1, "2026-06-20", "2000") // dated in closed Q2, booked in Q3: 2,000 x 5 % = 100.00
	lateSale.Booked, lateSale.Invoice = engine.MustDate("2026-07-02"), "Q2-LATE"
	in.Sales = []engine.Sale{sale(1, "2026-07-01", "4000"), ret, lateSale}
	in.Originals = []engine.Sale{orig}
	in.ClosedPeriods = []engine.Period{mustPeriod("2026-Q2")}
	in.ClosedLines = []engine.RewardLine{{Period: "2026-Q2", ProgramID: 1, RuleKey: "r", Payee: engine.Payee{Kind: engine.PayeePartner, ID: 1},
		PartnerID: 1, Unit: engine.UnitMoney, Amount: d("500.00"), Basis: d("10000"), Status: engine.LineApproved}}
	res := compute(t, in)
	if len(res.Lines) != 3 {
		t.Fatalf("got %d lines: %+v", len(res.Lines), res.Lines)
	}
	wantAmount(t, res.Lines[0], "200.00")
	if !res.Lines[0].Basis.Equal(d("4000")) {
		t.Errorf("basis %s, want 4000", res.Lines[0].Basis)
	}
	byKey := map[string]engine.RewardLine{}
	for _, l := range res.Lines[1:] {
		if l.Adjustment == nil {
			t.Fatalf("line without adjustment: %+v", l)
		}
		byKey[l.Explanation.Key] = l
	}
	r := byKey["adjust.return"]
	wantAmount(t, r, "-50.00")
	if r.Adjustment.OriginalPeriod != "2026-Q2" || r.Adjustment.Invoice != "Q2-1" || !r.Adjustment.EffectiveRate.Equal(d("5")) || r.Period != "2026-Q3" {
		t.Errorf("return adjustment %+v %+v", r, r.Adjustment)
	}
	wantAmount(t, byKey["adjust.late"], "100.00")

	t.Run("nothing paid in Q2: no claw-back, the late sale paid on its own", func(t *testing.T) {
		// Q2 paid partner 1 nothing: the return takes nothing back; the late
		// sale earns what the rule pays it alone: 2,000 x 5 % = 100.00.
		in.ClosedLines = nil
		res := compute(t, in)
		if len(res.Lines) != 2 {
			t.Fatalf("got %d lines, want the period's and the late sale's: %+v", len(res.Lines), res.Lines)
		}
		if l := res.Lines[1]; l.Explanation.Key != "adjust.late" || !l.Amount.Equal(d("100")) || l.Adjustment == nil || l.Adjustment.OriginalPeriod != "2026-Q2" {
			t.Errorf("late line %+v", l)
		}
	})
}

func TestReconcile(t *testing.T) {
	p1 := engine.Payee{Kind: engine.PayeePartner, ID: 1}
	p2 := engine.Payee{Kind: engine.PayeePartner, ID: 2}
	ex := engine.Explanation{Key: "rate.flat", Args: []engine.Arg{engine.TextArg("rule", "Commission"), engine.MoneyArg("amount", d("0"), eur)}}
	line := func(p engine.Payee, amount string, st engine.LineStatus) engine.RewardLine {
		return engine.RewardLine{Period: "2026-Q3", ProgramID: 1, RuleKey: "r", Payee: p, PartnerID: p.ID, Unit: engine.UnitMoney, Amount: d(amount), Basis: d("1000"), Explanation: ex, Status: st}
	}
	fresh := []engine.RewardLine{line(p1, "120.00", engine.LineDraft), line(p2, "80.00", engine.LineDraft)}
	kept := []engine.RewardLine{line(p1, "100.00", engine.LineApproved)}
	got := engine.Reconcile(fresh, kept)
	// Partner 2 has nothing kept: its line passes. Partner 1: 120 - 100 = 20.00.
	if len(got) != 2 {
		t.Fatalf("got %d lines: %+v", len(got), got)
	}
	if got[0].Payee != p2 || !got[0].Amount.Equal(d("80")) {
		t.Errorf("pass-through %+v", got[0])
	}
	if got[1].Payee != p1 || !got[1].Amount.Equal(d("20")) || got[1].Explanation.Key != "adjust.recompute" || got[1].Status != engine.LineDraft {
		t.Errorf("difference %+v", got[1])
	}
	// Unchanged: nothing to add. Gone: reversed in full (-100.00).
	if got := engine.Reconcile([]engine.RewardLine{line(p1, "100.00", engine.LineDraft)}, kept); len(got) != 0 {
		t.Errorf("unchanged group gave %+v", got)
	}
	if got := engine.Reconcile(nil, kept); len(got) != 1 || !got[0].Amount.Equal(d("-100")) {
		t.Errorf("gone group gave %+v", got)
	}
}

func TestTierReviewAndGap(t *testing.T) {
	ladder := engine.TierLadder{WindowMonths: 12, Levels: []engine.TierLevel{
		{Name: "Registered"},
		{Name: "Silver", Criteria: engine.TierCriteria{Revenue: d("50000")}},
		{Name: "Gold", Criteria: engine.TierCriteria{Revenue: d("150000"), Certifications: 2}},
	}}
	in := engine.TierReviewInputs{
		Ladder:   ladder,
		Partners: fixture("2026-Q3").Partners,
		Reps:     fixture("2026-Q3").Reps,
		Sales: []engine.Sale{
			sale(1, "2026-03-01", "115500"),
			sale(2, "2026-06-30", "60000"),
			sale(2, "2025-06-30", "900000"), // a day before the window: ignored
		},
		Trainings: []engine.Training{
			{ID: 1, RepID: 11, Course: "Expert", Certification: true, Completed: engine.MustDate("2026-01-01"), ValidUntil: engine.MustDate("2027-01-01")},
			{ID: 2, RepID: 11, Course: "Old", Certification: true, Completed: engine.MustDate("2024-01-01"), ValidUntil: engine.MustDate("2025-01-01")}, // lapsed
		},
		History: []engine.TierChange{{PartnerID: 2, Tier: "Gold", From: engine.MustDate("2025-01-01")}},
		AsOf:    engine.MustDate("2026-06-30"),
	}
	props := engine.ReviewTiers(in)
	// Partner 1: 115,500 >= 50,000 -> Silver (from Registered). Partner 2: 60,000, no
	// certifications -> Silver (down from Gold). Partner 3: nothing, stays Registered.
	if len(props) != 2 || props[0].PartnerID != 1 || props[0].Proposed != "Silver" || props[0].Current != "Registered" ||
		props[1].PartnerID != 2 || props[1].Proposed != "Silver" || props[1].Current != "Gold" {
		t.Fatalf("proposals %+v", props)
	}
	if props[0].Evidence.Certifications != 1 || !props[0].Evidence.Revenue.Equal(d("115500")) {
		t.Errorf("evidence %+v", props[0].Evidence)
	}
	// To Gold: 150,000 - 115,500 = 34,500.00 EUR revenue and 2 - 1 = 1 certification.
	gap := engine.TierGap(ladder, "Silver", props[0].Evidence, eur)
	missing, _ := gap.Arg("missing")
	if gap.Key != "nudge.tier" || len(missing.Items) != 2 || missing.Items[0].Key != "need.revenue" || missing.Items[1].Key != "need.cert" ||
		!argDec(t, missing.Items[0], "amount").Equal(d("34500")) {
		t.Errorf("gap %+v", gap)
	}
	if g := engine.TierGap(ladder, "Gold", props[0].Evidence, eur); g.Key != "nudge.top" {
		t.Errorf("top gap %+v", g)
	}
}

// bigInputs is a world of every rule kind for the property test.
func bigInputs() engine.Inputs {
	in := fixture("2026-Q3")
	in.Programs = []engine.Program{program(
		engine.Rule{Key: "r", Name: "Volume rebate", Kind: engine.RuleRate, Rate: &engine.RateRule{Bands: specBands, Mode: engine.Marginal}},
		targetRule(), spifRule(),
		engine.Rule{Key: "dr", Name: "Deal reg", Kind: engine.RuleDealReg, DealReg: &engine.DealRegRule{Rate: d("5")}},
		engine.Rule{Key: "ref", Name: "Referral", Kind: engine.RuleReferral, Referral: &engine.ReferralRule{Bounty: d("10"), Rate: d("20")}},
		engine.Rule{Key: "l", Name: "Marks", Kind: engine.RuleLoyalty, Loyalty: &engine.LoyaltyRule{Points: d("1"), Per: d("7.5"), ToRep: true}},
	)}
	in.Registrations = []engine.Registration{{ID: 1, PartnerID: 1, Decision: engine.DecisionApproved, DecidedOn: engine.MustDate("2026-07-01"), WindowDays: 20}}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 300 {
		s := sale(engine.ID(rng.IntN(3)+1), "2026-07-01", "1")
		s.Date = s.Date.AddDays(rng.IntN(92))
		s.Net = decimal100(rng.IntN(2000000) - 100000)
		s.Quantity = d("1").Add(decimal100(rng.IntN(500)))
		s.ProductID = engine.ID(100 + rng.IntN(3))
		s.Customer = string(rune('A' + rng.IntN(20)))
		s.NewCustomer = rng.IntN(4) == 0
		s.Invoice = s.Customer + "-" + s.Date.String()
		if rng.IntN(3) == 0 {
			s.RepID = engine.ID(11 + rng.IntN(2))
		}
		if rng.IntN(10) == 0 {
			s.RegistrationID = 1
		}
		if rng.IntN(15) == 0 {
			s.Splits = []engine.CreditSplit{{PartnerID: 1, Share: d("33.3")}, {PartnerID: 2, Share: d("66.7")}}
		}
		in.Sales = append(in.Sales, s)
	}
	return in
}

func decimal100(n int) engineDec { return d("0.01").Mul(d(itoa(n))) }

func TestShuffleNeverChangesLines(t *testing.T) {
	in := bigInputs()
	want := compute(t, in)
	if len(want.Lines) < 10 {
		t.Fatalf("only %d lines: the fixture is too thin", len(want.Lines))
	}
	rng := rand.New(rand.NewPCG(7, 8))
	for i := range 20 {
		sh := in
		sh.Sales = append([]engine.Sale(nil), in.Sales...)
		sh.Partners = append([]engine.Partner(nil), in.Partners...)
		sh.Reps = append([]engine.Rep(nil), in.Reps...)
		sh.Products = append([]engine.Product(nil), in.Products...)
		rng.Shuffle(len(sh.Sales), func(a, b int) { sh.Sales[a], sh.Sales[b] = sh.Sales[b], sh.Sales[a] })
		rng.Shuffle(len(sh.Partners), func(a, b int) { sh.Partners[a], sh.Partners[b] = sh.Partners[b], sh.Partners[a] })
		rng.Shuffle(len(sh.Reps), func(a, b int) { sh.Reps[a], sh.Reps[b] = sh.Reps[b], sh.Reps[a] })
		rng.Shuffle(len(sh.Products), func(a, b int) { sh.Products[a], sh.Products[b] = sh.Products[b], sh.Products[a] })
		got := compute(t, sh)
		if len(got.Lines) != len(want.Lines) {
			t.Fatalf("shuffle %d: %d lines, want %d", i, len(got.Lines), len(want.Lines))
		}
		for j := range got.Lines {
			g, w := got.Lines[j], want.Lines[j]
			if !g.Amount.Equal(w.Amount) || !g.Basis.Equal(w.Basis) || g.Points != w.Points || g.Payee != w.Payee || g.RuleKey != w.RuleKey ||
				!reflect.DeepEqual(render(g.Explanation), render(w.Explanation)) {
				t.Fatalf("shuffle %d line %d:\n got %+v\nwant %+v", i, j, g, w)
			}
		}
	}
}

// render flattens an explanation to strings, comparing decimals by value.
func render(e engine.Explanation) []string {
	out := []string{e.Key}
	for _, a := range e.Args {
		out = append(out, a.Name+"="+a.Text+a.Dec.String()+a.Date.String())
	}
	for _, m := range e.More {
		out = append(out, render(m)...)
	}
	return out
}

// Computing a closed period again (a simulation of what it paid) counts a
// return of one of its own invoices in its basis, not as an adjustment:
// 1,000.00 sold and 200.00 returned in Q1 give a basis of 800.00 at 10 % =
// 80.00, the same whether or not Q1 is closed.
func TestReturnInsideAClosedPeriodIsNotAnAdjustmentOfItself(t *testing.T) {
	q1 := engine.Quarter(2026, 1, time.January)
	sale := engine.Sale{ID: 1, Date: engine.MustDate("2026-02-01"), PartnerID: 1, ProductID: 1, Customer: "C", Quantity: decimal.NewFromInt(10), UnitPrice: decimal.NewFromInt(100), Net: decimal.NewFromInt(1000), Invoice: "INV-1", Line: 1}
	ret := engine.Sale{ID: 2, Date: engine.MustDate("2026-03-01"), PartnerID: 1, ProductID: 1, Customer: "C", Quantity: decimal.NewFromInt(-2), UnitPrice: decimal.NewFromInt(100), Net: decimal.NewFromInt(-200), Invoice: "CN-1", Line: 1, OriginalInvoice: "INV-1"}
	in := engine.Inputs{
		Company:  engine.Company{Currency: engine.NewCurrency("EUR"), FiscalYearStart: time.January},
		Period:   q1,
		Partners: []engine.Partner{{ID: 1, Name: "P", Kind: engine.KindReseller, Status: engine.StatusActive}},
		Products: []engine.Product{{ID: 1, SKU: "X"}},
		Programs: []engine.Program{{ID: 1, Name: "R", PeriodKind: engine.PeriodQuarter, ValidFrom: engine.MustDate("2026-01-01"), Status: engine.ProgramActive,
			Rules: []engine.Rule{{Key: "r", Name: "Rebate", Kind: engine.RuleRate, Basis: engine.BasisRevenue, Rate: &engine.RateRule{Rate: decimal.NewFromInt(10)}}}}},
		Sales:         []engine.Sale{sale, ret},
		Originals:     []engine.Sale{sale},
		ClosedPeriods: []engine.Period{q1},
		ClosedLines:   []engine.RewardLine{{Period: q1.Key, ProgramID: 1, RuleKey: "r", Payee: engine.Payee{Kind: engine.PayeePartner, ID: 1}, Unit: engine.UnitMoney, Amount: decimal.NewFromInt(80), Basis: decimal.NewFromInt(800), Status: engine.LinePaid}},
	}
	res, err := engine.Compute(in)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Lines) != 1 || res.Lines[0].Adjustment != nil || !res.Lines[0].Amount.Equal(decimal.NewFromInt(80)) || !res.Lines[0].Basis.Equal(decimal.NewFromInt(800)) {
		t.Fatalf("lines = %+v, want one plain line of 80.00 on 800.00", res.Lines)
	}
}
