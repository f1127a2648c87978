package engine_test

import (
	"testing"

	"github.com/shopspring/decimal"

	"partnerdesk/engine"
)

func targetRule() engine.Rule {
	return engine.Rule{Key: "t", Name: "Quarter target", Kind: engine.RuleTarget, Target: &engine.TargetRule{
		DefaultTarget: d("200000"),
		Steps:         []engine.Step{{Attainment: d("80"), Amount: d("1000")}, {Attainment: d("100"), Amount: d("3000")}, {Attainment: d("120"), Amount: d("5000")}},
		Accelerator:   d("2"),
	}}
}

func TestTargetBonus(t *testing.T) {
	t.Run("115 % with accelerator", func(t *testing.T) {
		// 230,000 / 200,000 = 115 %: the 100 % step pays 3,000 (not 1,000 + 3,000),
		// plus 2 % x (230,000 - 200,000) = 600; line 3,600.00.
		in := fixture("2026-Q3")
		in.Programs = []engine.Program{program(targetRule())}
		in.Sales = []engine.Sale{sale(1, "2026-07-01", "230000")}
		res := compute(t, in)
		l := only(t, res)
		wantAmount(t, l, "3600.00")
		if l.Explanation.Key != "target.step.accel" || !argDec(t, l.Explanation, "attainment").Equal(d("115")) ||
			!argDec(t, l.Explanation, "above").Equal(d("30000")) {
			t.Errorf("explanation %+v", l.Explanation)
		}
		// Next step 120 % of 200,000 = 240,000: 10,000 missing.
		if len(res.Nudges) != 1 || res.Nudges[0].Explanation.Key != "nudge.step" || !argDec(t, res.Nudges[0].Explanation, "missing").Equal(d("10000")) {
			t.Errorf("nudges %+v", res.Nudges)
		}
	})
	t.Run("75 % pays nothing and says what is missing", func(t *testing.T) {
		// 150,000 / 200,000 = 75 %; the 80 % step needs 160,000: 10,000 more.
		in := fixture("2026-Q3")
		in.Programs = []engine.Program{program(targetRule())}
		in.Sales = []engine.Sale{sale(1, "2026-07-01", "150000")}
		l := only(t, compute(t, in))
		wantAmount(t, l, "0")
		if l.Explanation.Key != "target.below" || !argDec(t, l.Explanation, "missing").Equal(d("10000")) ||
			!argDec(t, l.Explanation, "step").Equal(d("80")) || !argDec(t, l.Explanation, "attainment").Equal(d("75")) {
			t.Errorf("explanation %+v", l.Explanation)
		}
	})
	t.Run("per-partner target", func(t *testing.T) {
		// Partner 1's own target 100,000: 100,000 is exactly 100 %: 3,000, no accelerator.
		r := targetRule()
		r.Target.Targets = map[engine.ID]decimal.Decimal{1: d("100000")}
		in := fixture("2026-Q3")
		in.Programs = []engine.Program{program(r)}
		in.Sales = []engine.Sale{sale(1, "2026-07-01", "100000")}
		l := only(t, compute(t, in))
		wantAmount(t, l, "3000.00")
		if l.Explanation.Key != "target.step" {
			t.Errorf("key %s", l.Explanation.Key)
		}
	})
}

func spifRule() engine.Rule {
	return engine.Rule{Key: "s", Name: "Summer SPIF", Kind: engine.RuleSPIF, Cap: decimal.NewNullDecimal(d("400")),
		SPIF: &engine.SPIFRule{SKUs: []string{"HW-1", "HW-2"}, From: engine.MustDate("2026-07-01"), To: engine.MustDate("2026-08-31"), Amount: d("50")}}
}

func TestSPIF(t *testing.T) {
	in := fixture("2026-Q3")
	in.Programs = []engine.Program{program(spifRule())}
	a := sale(1, "2026-07-10", "1000") // rep 11: 6 units of HW-1
	a.RepID, a.Quantity = 11, d("6")
	b := sale(1, "2026-08-10", "1000") // rep 11: 4 units of HW-2
	b.RepID, b.Quantity, b.ProductID = 11, d("4"), 102
	c := sale(2, "2026-07-20", "500") // no rep: 2 units to partner 2
	c.Quantity = d("2")
	late := sale(2, "2026-09-01", "500") // after the window: nothing
	late.Quantity = d("5")
	other := sale(2, "2026-07-20", "500") // SW-1 is not listed
	other.ProductID, other.Quantity = 101, d("9")
	in.Sales = []engine.Sale{a, b, c, late, other}
	res := compute(t, in)
	if len(res.Lines) != 2 {
		t.Fatalf("got %d lines: %+v", len(res.Lines), res.Lines)
	}
	// Partners sort before reps: partner 2 gets 2 x 50 = 100.00.
	p := res.Lines[0]
	if p.Payee != (engine.Payee{Kind: engine.PayeePartner, ID: 2}) {
		t.Errorf("first payee %+v, want partner 2", p.Payee)
	}
	wantAmount(t, p, "100.00")
	// Rep 11: 10 units x 50 = 500, capped at 400.00.
	r := res.Lines[1]
	if r.Payee != (engine.Payee{Kind: engine.PayeeRep, ID: 11}) || r.PartnerID != 1 || !r.Basis.Equal(d("10")) {
		t.Errorf("rep line %+v", r)
	}
	wantAmount(t, r, "400.00")
	if !hasMore(r.Explanation, "mod.cap") || !argDec(t, r.Explanation, "amount").Equal(d("500")) {
		t.Errorf("cap not explained: %+v", r.Explanation)
	}
}

func TestSPIFPerDealAndRate(t *testing.T) {
	// Per deal: 2 deals at 75 = 150.00. Rate 800 % (8x MRR, confirmed) on 99.00 = 792.00.
	in := fixture("2026-Q3")
	deal := spifRule()
	deal.Key, deal.Cap = "d", decimal.NullDecimal{}
	deal.SPIF.PerDeal, deal.SPIF.Amount = true, d("75")
	mrr := engine.Rule{Key: "m", Name: "8x MRR", Kind: engine.RuleSPIF,
		SPIF: &engine.SPIFRule{SKUs: []string{"SW-1"}, From: engine.MustDate("2026-07-01"), To: engine.MustDate("2026-09-30"), Rate: d("800"), Confirmed: true}}
	in.Programs = []engine.Program{program(deal, mrr)}
	a, b := sale(1, "2026-07-10", "10"), sale(1, "2026-07-11", "10")
	a.Quantity = d("7")
	m := sale(1, "2026-07-12", "99.00")
	m.ProductID = 101
	in.Sales = []engine.Sale{a, b, m}
	res := compute(t, in)
	if len(res.Lines) != 2 {
		t.Fatalf("got %d lines", len(res.Lines))
	}
	wantAmount(t, res.Lines[0], "150.00")
	wantAmount(t, res.Lines[1], "792.00")
}

func TestDealRegistration(t *testing.T) {
	approved := engine.MustDate("2026-07-10")
	in := fixture("2026-Q3")
	in.Programs = []engine.Program{program(engine.Rule{Key: "dr", Name: "Deal reg", Kind: engine.RuleDealReg, DealReg: &engine.DealRegRule{Rate: d("5")}})}
	in.Registrations = []engine.Registration{
		{ID: 1, PartnerID: 1, Customer: "C", Decision: engine.DecisionApproved, DecidedOn: approved, WindowDays: 30, Outcome: engine.OutcomeWon},
		{ID: 2, PartnerID: 1, Customer: "D", Decision: engine.DecisionRejected, DecidedOn: approved, WindowDays: 30},
		{ID: 3, PartnerID: 1, Customer: "E", Decision: engine.DecisionPending, WindowDays: 30},
	}
	mk := func(reg engine.ID, date, inv string) engine.Sale {
		s := sale(1, date, "2000")
		s.RegistrationID, s.Invoice = reg, inv
		return s
	}
	in.Sales = []engine.Sale{
		mk(1, "2026-08-09", "A1"),     // 2026-07-10 + 30 days = 2026-08-09: earns 2,000 x 5 % = 100.00
		mk(1, "2026-08-10", "A2"),     // a day late: nothing
		mk(2, "2026-07-20", "A3"),     // rejected: nothing
		mk(3, "2026-07-20", "A4"),     // not approved: nothing
		sale(1, "2026-07-20", "5000"), // no registration: not this rule's
	}
	res := compute(t, in)
	want := []struct{ amount, key string }{{"100.00", "dealreg.paid"}, {"0", "dealreg.late"}, {"0", "dealreg.rejected"}, {"0", "dealreg.pending"}}
	if len(res.Lines) != len(want) {
		t.Fatalf("got %d lines: %+v", len(res.Lines), res.Lines)
	}
	for i, w := range want {
		l := res.Lines[i]
		wantAmount(t, l, w.amount)
		if l.Explanation.Key != w.key {
			t.Errorf("line %d key %s, want %s", i, l.Explanation.Key, w.key)
		}
	}
	if a, _ := res.Lines[1].Explanation.Arg("deadline"); a.Date != engine.MustDate("2026-08-09") {
		t.Errorf("deadline %v, want 2026-08-09", a.Date)
	}
}

func TestTierPromotionCountsFromNextPeriod(t *testing.T) {
	// Silver 2 %, Gold 4 % on 10,000: Q3 (promotion on 2026-08-15) still Silver = 200.00, Q4 Gold = 400.00.
	rule := engine.Rule{Key: "r", Name: "C", Kind: engine.RuleRate, Rate: &engine.RateRule{
		Bands: []engine.Band{{From: d("0"), Rate: d("1")}},
		TierBands: map[string][]engine.Band{
			"Silver": {{From: d("0"), Rate: d("2")}},
			"Gold":   {{From: d("0"), Rate: d("4")}},
		}}}
	hist := []engine.TierChange{{ID: 1, PartnerID: 1, Tier: "Silver", From: engine.MustDate("2025-01-01")}, {ID: 2, PartnerID: 1, Tier: "Gold", From: engine.MustDate("2026-08-15")}}
	for _, tt := range []struct{ q, date, want string }{{"2026-Q3", "2026-09-01", "200.00"}, {"2026-Q4", "2026-10-01", "400.00"}} {
		in := fixture(tt.q)
		in.TierHistory = hist
		in.Programs = []engine.Program{program(rule)}
		in.Sales = []engine.Sale{sale(1, tt.date, "10000")}
		wantAmount(t, only(t, compute(t, in)), tt.want)
	}
	if got := engine.TierOn(hist, 1, mustPeriod("2026-Q3").Start); got != "Silver" {
		t.Errorf("Q3 tier %q, want Silver", got)
	}
	if got := engine.TierOn(hist, 1, mustPeriod("2026-Q4").Start); got != "Gold" {
		t.Errorf("Q4 tier %q, want Gold", got)
	}
	ladder := engine.TierLadder{Levels: []engine.TierLevel{{Name: "Registered"}, {Name: "Silver"}}}
	if got := engine.TierOnLadder(ladder, hist, 2, mustPeriod("2026-Q4").Start); got != "Registered" {
		t.Errorf("no history: %q, want the lowest level", got)
	}
}

func TestModifiers(t *testing.T) {
	// 10,000 at 5 % = 500, x 1.2 for Gold = 600, capped at 550.00. Budget 100 is not a cap.
	rule := engine.Rule{Key: "r", Name: "C", Kind: engine.RuleRate, Rate: &engine.RateRule{Rate: d("5")},
		TierMultipliers: map[string]decimal.Decimal{"Gold": d("1.2")}, Cap: decimal.NewNullDecimal(d("550"))}
	in := fixture("2026-Q3")
	p := program(rule)
	p.Budget = d("100")
	in.Programs = []engine.Program{p}
	in.TierHistory = []engine.TierChange{{PartnerID: 1, Tier: "Gold", From: engine.MustDate("2026-01-01")}}
	in.Sales = []engine.Sale{sale(1, "2026-07-01", "10000"), sale(2, "2026-07-01", "1000")}
	res := compute(t, in)
	if len(res.Lines) != 2 {
		t.Fatalf("got %d lines", len(res.Lines))
	}
	gold := res.Lines[0]
	wantAmount(t, gold, "550.00")
	if !hasMore(gold.Explanation, "mod.tier.amount") || !hasMore(gold.Explanation, "mod.cap") {
		t.Errorf("modifiers not explained: %+v", gold.Explanation.More)
	}
	// Partner 2 has no tier multiplier: 1,000 x 5 % = 50.00.
	wantAmount(t, res.Lines[1], "50.00")
}

func TestEligibility(t *testing.T) {
	rule := engine.Rule{Key: "r", Name: "C", Kind: engine.RuleRate, Rate: &engine.RateRule{Rate: d("10")}}
	tests := []struct {
		name string
		el   engine.Eligibility
		want []engine.ID
	}{
		{"all", engine.Eligibility{}, []engine.ID{1, 2, 3}},
		{"kinds", engine.Eligibility{Kinds: []engine.PartnerKind{engine.KindMSP}}, []engine.ID{2}},
		{"segments", engine.Eligibility{Segments: []string{"smb"}}, []engine.ID{1}},
		{"tiers", engine.Eligibility{Tiers: []string{"Gold"}}, []engine.ID{3}},
		{"named", engine.Eligibility{Partners: []engine.ID{1, 3}}, []engine.ID{1, 3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := fixture("2026-Q3")
			p := program(rule)
			p.Eligibility = tt.el
			in.Programs = []engine.Program{p}
			in.TierHistory = []engine.TierChange{{PartnerID: 3, Tier: "Gold", From: engine.MustDate("2026-01-01")}}
			in.Sales = []engine.Sale{sale(1, "2026-07-01", "10"), sale(2, "2026-07-01", "10"), sale(3, "2026-07-01", "10")}
			res := compute(t, in)
			var got []engine.ID
			for _, l := range res.Lines {
				got = append(got, l.Payee.ID)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("payees %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("payees %v, want %v", got, tt.want)
				}
			}
		})
	}
	t.Run("status, window, kind and drafts", func(t *testing.T) {
		in := fixture("2026-Q3")
		in.Partners[1].Status = engine.StatusSuspended
		in.Sales = []engine.Sale{sale(1, "2026-07-01", "10"), sale(2, "2026-07-01", "10"), sale(1, "2026-08-20", "90")}
		late := program(rule) // valid from 2026-08-15: only the 90 counts, 9.00
		late.ID, late.ValidFrom = 2, engine.MustDate("2026-08-15")
		monthly := program(rule) // a monthly program does not compute for a quarter
		monthly.ID, monthly.PeriodKind = 3, engine.PeriodMonth
		draft := program(rule)
		draft.ID, draft.Status = 4, engine.ProgramDraft
		in.Programs = []engine.Program{late, monthly, draft}
		l := only(t, compute(t, in))
		if l.ProgramID != 2 || l.Payee.ID != 1 {
			t.Errorf("line %+v", l)
		}
		wantAmount(t, l, "9.00")
		in.IncludeDrafts = true // a simulation computes the draft: 100 x 10 % for partner 1, partner 2 suspended
		res := compute(t, in)
		if len(res.Lines) != 2 || res.Lines[1].ProgramID != 4 {
			t.Fatalf("simulation lines %+v", res.Lines)
		}
		wantAmount(t, res.Lines[1], "10.00")
	})
}

func TestReferral(t *testing.T) {
	// Bounty 100 per new customer to the referrer, and 20 % of subscription revenue for 3 months.
	rule := engine.Rule{Key: "ref", Name: "Referral", Kind: engine.RuleReferral, Referral: &engine.ReferralRule{Bounty: d("100"), Rate: d("20"), Months: 3}}
	in := fixture("2026-Q3")
	in.Programs = []engine.Program{program(rule)}
	first := sale(1, "2026-07-05", "50") // first sale to X, via code GAMMA: referrer partner 3
	first.Customer, first.NewCustomer, first.ProductID, first.ReferralCode, first.Invoice = "X", true, 101, "GAMMA", "X1"
	second := sale(1, "2026-09-30", "50") // inside 3 months: 20 % x (50 + 50) = 20.00
	second.Customer, second.ProductID, second.Invoice = "X", 101, "X2"
	old := sale(2, "2026-08-01", "300") // Y's first sale was 2026-01-10, window ended 2026-04-10
	old.Customer, old.ProductID, old.Invoice = "Y", 101, "Y2"
	in.CustomerFirstSales = []engine.Sale{{ID: 900, Date: engine.MustDate("2026-01-10"), PartnerID: 2, Customer: "Y", NewCustomer: true, ProductID: 101, Net: d("300"), Quantity: d("1"), Invoice: "Y1"}}
	in.Sales = []engine.Sale{first, second, old}
	// One line, partner 3's period result: bounty 100.00 + 20 % x 100 = 20.00 = 120.00.
	l := only(t, compute(t, in))
	if l.Payee.ID != 3 || l.Explanation.Key != "referral.bounty" || !l.Basis.Equal(d("100")) {
		t.Errorf("line %+v", l)
	}
	wantAmount(t, l, "120.00")
	if len(l.Explanation.More) != 1 || l.Explanation.More[0].Key != "referral.rate" || !argDec(t, l.Explanation.More[0], "amount").Equal(d("20")) {
		t.Errorf("explanation %+v", l.Explanation)
	}
}

func TestFundTrainingActivity(t *testing.T) {
	in := fixture("2026-Q3")
	in.Programs = []engine.Program{program(
		engine.Rule{Key: "f", Name: "MDF", Kind: engine.RuleFund, Fund: &engine.FundRule{Rate: d("3"), ValidityDays: 90, Fund: "MDF"}},
		engine.Rule{Key: "t", Name: "Academy", Kind: engine.RuleTraining, Training: &engine.TrainingRule{Courses: []string{"Install"}, Amount: d("50"), Unit: engine.UnitPoints}},
		engine.Rule{Key: "a", Name: "Demos", Kind: engine.RuleActivity, Activity: &engine.ActivityRule{Types: []string{"demo"}, Amount: d("25"), Unit: engine.UnitMoney}},
	)}
	in.Sales = []engine.Sale{sale(1, "2026-07-01", "10000.50")}
	in.Trainings = []engine.Training{
		{ID: 1, RepID: 11, Course: "Install", Completed: engine.MustDate("2026-07-10")}, // first: 50 points
		{ID: 2, RepID: 11, Course: "Install", Completed: engine.MustDate("2026-08-10")}, // again: nothing
		{ID: 3, RepID: 12, Course: "Install", Completed: engine.MustDate("2026-03-10")}, // first was in Q1: nothing now
		{ID: 4, RepID: 12, Course: "Install", Completed: engine.MustDate("2026-07-11")},
		{ID: 5, RepID: 12, Course: "Other", Completed: engine.MustDate("2026-07-11")}, // not listed
	}
	in.Activities = []engine.Activity{
		{ID: 1, PartnerID: 2, Type: "demo", Date: engine.MustDate("2026-07-01")},
		{ID: 2, PartnerID: 2, Type: "demo", Date: engine.MustDate("2026-08-01")},
		{ID: 3, PartnerID: 2, Type: "qbr", Date: engine.MustDate("2026-08-01")},
	}
	res := compute(t, in)
	if len(res.Lines) != 3 {
		t.Fatalf("got %d lines: %+v", len(res.Lines), res.Lines)
	}
	// 10,000.50 x 3 % = 300.015 -> 300.02, credited to the fund, expiring 90 days after 2026-09-30.
	f := res.Lines[0]
	wantAmount(t, f, "300.02")
	if f.Unit != engine.UnitFund {
		t.Errorf("fund unit %s", f.Unit)
	}
	if a, _ := f.Explanation.Arg("expires"); a.Date != engine.MustDate("2026-12-29") {
		t.Errorf("expires %s, want 2026-12-29", a.Date)
	}
	tr := res.Lines[1]
	if tr.Payee != (engine.Payee{Kind: engine.PayeeRep, ID: 11}) || tr.Points != 50 {
		t.Errorf("training line %+v", tr)
	}
	// Two demos x 25 = 50.00.
	a := res.Lines[2]
	if a.Payee.ID != 2 || a.Explanation.Key != "activity.count" {
		t.Errorf("activity line %+v", a)
	}
	wantAmount(t, a, "50.00")
}
