package engine_test

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/shopspring/decimal"

	"partnerdesk/engine"
)

func partnerKey(prog engine.ID, rule string, id engine.ID) engine.ChangeKey {
	return engine.ChangeKey{ProgramID: prog, RuleKey: rule, Payee: engine.Payee{Kind: engine.PayeePartner, ID: id}}
}

func money(partner engine.ID, amount, basis string) engine.GroupFigures {
	return engine.GroupFigures{PartnerID: partner, Unit: engine.UnitMoney, Amount: d(amount), Basis: d(basis)}
}

func TestGroupLinesSumsRegularLinesAndAdjustments(t *testing.T) {
	// Partner 1 under rule r: 500.00 on 10,000 plus a claw-back of -50.00
	// on a -1,000 return = 450.00 on 9,000. Rep 11 of partner 1 earns 12
	// points. A zero line of rule z stays a (zero) group.
	p := engine.Payee{Kind: engine.PayeePartner, ID: 1}
	rep := engine.Payee{Kind: engine.PayeeRep, ID: 11}
	lines := []engine.RewardLine{
		{ProgramID: 1, RuleKey: "r", Payee: p, PartnerID: 1, Unit: engine.UnitMoney, Amount: d("500.00"), Basis: d("10000")},
		{ProgramID: 1, RuleKey: "r", Payee: p, PartnerID: 1, Unit: engine.UnitMoney, Amount: d("-50.00"), Basis: d("-1000"),
			Adjustment: &engine.Adjustment{OriginalPeriod: "2026-Q2", Invoice: "INV-1"}},
		{ProgramID: 1, RuleKey: "pts", Payee: rep, PartnerID: 1, Unit: engine.UnitPoints, Points: 12, Basis: d("120")},
		{ProgramID: 1, RuleKey: "z", Payee: p, PartnerID: 1, Unit: engine.UnitMoney},
	}
	g := engine.GroupLines(lines)
	if g.Len() != 3 {
		t.Fatalf("groups: got %d, want 3", g.Len())
	}
	r, _ := g.Get(partnerKey(1, "r", 1))
	if !r.Amount.Equal(d("450")) || !r.Basis.Equal(d("9000")) || r.PartnerID != 1 {
		t.Errorf("rule r: got %s on %s (partner %d), want 450 on 9000 (partner 1)", r.Amount, r.Basis, r.PartnerID)
	}
	pts, ok := g.Get(engine.ChangeKey{ProgramID: 1, RuleKey: "pts", Payee: rep})
	if !ok {
		t.Fatal("no group of rep 11")
	}
	if pts.Points != 12 || pts.Unit != engine.UnitPoints || pts.PartnerID != 1 {
		t.Errorf("points: got %+v, want 12 points of partner 1", pts)
	}
}

func TestDiffComputations(t *testing.T) {
	fp := func(s string) map[string]string { return map[string]string{"1/r": s, "1/b": "B"} }
	mark := func(tier2, rule string) engine.ComputeMark {
		return engine.ComputeMark{Tiers: map[engine.ID]string{1: "Silver", 2: tier2, 3: "Silver"}, Rules: fp(rule), TierRules: map[string]bool{"1/r": true}}
	}
	tests := []struct {
		name       string
		prev, next map[engine.ChangeKey]engine.GroupFigures
		prevMark   *engine.ComputeMark
		nextMark   engine.ComputeMark
		want       []engine.Change
	}{
		{
			name:     "nothing moved",
			prev:     map[engine.ChangeKey]engine.GroupFigures{partnerKey(1, "r", 1): money(1, "500.00", "10000")},
			next:     map[engine.ChangeKey]engine.GroupFigures{partnerKey(1, "r", 1): money(1, "500.00", "10000")},
			prevMark: ptr(mark("Silver", "A")), nextMark: mark("Silver", "A"),
		},
		{
			// A return of 1,000 at 5 %: 10,000 -> 9,000, 500.00 -> 450.00.
			name:     "returned input",
			prev:     map[engine.ChangeKey]engine.GroupFigures{partnerKey(1, "r", 1): money(1, "500.00", "10000")},
			next:     map[engine.ChangeKey]engine.GroupFigures{partnerKey(1, "r", 1): money(1, "450.00", "9000")},
			prevMark: ptr(mark("Silver", "A")), nextMark: mark("Silver", "A"),
			want: []engine.Change{{ChangeKey: partnerKey(1, "r", 1), PartnerID: 1, Unit: engine.UnitMoney,
				OldAmount: d("500.00"), NewAmount: d("450.00"), OldBasis: d("10000"), NewBasis: d("9000"),
				Reasons: []engine.ChangeReason{engine.ChangeInputs}}},
		},
		{
			// Partner 2 promoted Silver -> Gold (x1.2): 10,000 x 5 % = 500.00 -> 600.00, same basis.
			name:     "tier",
			prev:     map[engine.ChangeKey]engine.GroupFigures{partnerKey(1, "r", 2): money(2, "500.00", "10000")},
			next:     map[engine.ChangeKey]engine.GroupFigures{partnerKey(1, "r", 2): money(2, "600.00", "10000")},
			prevMark: ptr(mark("Silver", "A")), nextMark: mark("Gold", "A"),
			want: []engine.Change{{ChangeKey: partnerKey(1, "r", 2), PartnerID: 2, Unit: engine.UnitMoney,
				OldAmount: d("500.00"), NewAmount: d("600.00"), OldBasis: d("10000"), NewBasis: d("10000"),
				OldTier: "Silver", NewTier: "Gold", Reasons: []engine.ChangeReason{engine.ChangeTier}}},
		},
		{
			// Partner 2 is promoted, but rule b has no multiplier, no tier
			// bands and no tier eligibility: the promotion is not the cause.
			name:     "tier of a rule that ignores it",
			prev:     map[engine.ChangeKey]engine.GroupFigures{partnerKey(1, "b", 2): money(2, "40.00", "4000")},
			next:     map[engine.ChangeKey]engine.GroupFigures{partnerKey(1, "b", 2): money(2, "80.00", "4000")},
			prevMark: ptr(mark("Silver", "A")), nextMark: mark("Gold", "A"),
			want: []engine.Change{{ChangeKey: partnerKey(1, "b", 2), PartnerID: 2, Unit: engine.UnitMoney,
				OldAmount: d("40.00"), NewAmount: d("80.00"), OldBasis: d("4000"), NewBasis: d("4000"),
				Reasons: []engine.ChangeReason{engine.ChangeInputs}}},
		},
		{
			// The rate goes 5 % -> 6 %: 10,000 -> 600.00; rule b, unchanged, moves nothing.
			name: "program",
			prev: map[engine.ChangeKey]engine.GroupFigures{partnerKey(1, "r", 1): money(1, "500.00", "10000"),
				partnerKey(1, "b", 1): money(1, "100.00", "10000")},
			next: map[engine.ChangeKey]engine.GroupFigures{partnerKey(1, "r", 1): money(1, "600.00", "10000"),
				partnerKey(1, "b", 1): money(1, "100.00", "10000")},
			prevMark: ptr(mark("Silver", "A")), nextMark: mark("Silver", "A2"),
			want: []engine.Change{{ChangeKey: partnerKey(1, "r", 1), PartnerID: 1, Unit: engine.UnitMoney,
				OldAmount: d("500.00"), NewAmount: d("600.00"), OldBasis: d("10000"), NewBasis: d("10000"),
				Reasons: []engine.ChangeReason{engine.ChangeProgram}}},
		},
		{
			// A new sale of 2,000 and Gold and a new rate at once:
			// 500.00 on 10,000 -> 12,000 x 6 % x 1.2 = 864.00.
			name:     "several",
			prev:     map[engine.ChangeKey]engine.GroupFigures{partnerKey(1, "r", 2): money(2, "500.00", "10000")},
			next:     map[engine.ChangeKey]engine.GroupFigures{partnerKey(1, "r", 2): money(2, "864.00", "12000")},
			prevMark: ptr(mark("Silver", "A")), nextMark: mark("Gold", "A2"),
			want: []engine.Change{{ChangeKey: partnerKey(1, "r", 2), PartnerID: 2, Unit: engine.UnitMoney,
				OldAmount: d("500.00"), NewAmount: d("864.00"), OldBasis: d("10000"), NewBasis: d("12000"),
				OldTier: "Silver", NewTier: "Gold",
				Reasons: []engine.ChangeReason{engine.ChangeInputs, engine.ChangeTier, engine.ChangeProgram}}},
		},
		{
			// Partner 3 sells for the first time (new, 2,000 x 5 % = 100.00);
			// partner 1's only sale is deleted (gone, basis 10,000 -> 0).
			name:     "new and gone",
			prev:     map[engine.ChangeKey]engine.GroupFigures{partnerKey(1, "r", 1): money(1, "500.00", "10000")},
			next:     map[engine.ChangeKey]engine.GroupFigures{partnerKey(1, "r", 3): money(3, "100.00", "2000")},
			prevMark: ptr(mark("Silver", "A")), nextMark: mark("Silver", "A"),
			want: []engine.Change{
				{ChangeKey: partnerKey(1, "r", 1), PartnerID: 1, Unit: engine.UnitMoney, OldAmount: d("500.00"), OldBasis: d("10000"),
					Reasons: []engine.ChangeReason{engine.ChangeGone, engine.ChangeInputs}},
				{ChangeKey: partnerKey(1, "r", 3), PartnerID: 3, Unit: engine.UnitMoney, NewAmount: d("100.00"), NewBasis: d("2000"),
					Reasons: []engine.ChangeReason{engine.ChangeNew}},
			},
		},
		{
			// The program ended: partner 1's 500.00 vanishes because of
			// the program, not of its inputs.
			name:     "gone with its program",
			prev:     map[engine.ChangeKey]engine.GroupFigures{partnerKey(1, "r", 1): money(1, "500.00", "10000")},
			next:     map[engine.ChangeKey]engine.GroupFigures{},
			prevMark: ptr(mark("Silver", "A")), nextMark: mark("Silver", "ended"),
			want: []engine.Change{{ChangeKey: partnerKey(1, "r", 1), PartnerID: 1, Unit: engine.UnitMoney, OldAmount: d("500.00"), OldBasis: d("10000"),
				Reasons: []engine.ChangeReason{engine.ChangeGone, engine.ChangeProgram}}},
		},
		{
			// A zero line that appears (an explanation of what did not pay) is no change.
			name:     "new zero line",
			prev:     map[engine.ChangeKey]engine.GroupFigures{},
			next:     map[engine.ChangeKey]engine.GroupFigures{partnerKey(1, "r", 1): money(1, "0", "-300")},
			prevMark: ptr(mark("Silver", "A")), nextMark: mark("Silver", "A"),
		},
		{
			// A rule added to the program: its lines are new, because of the program.
			name:     "new rule",
			prev:     map[engine.ChangeKey]engine.GroupFigures{},
			next:     map[engine.ChangeKey]engine.GroupFigures{partnerKey(1, "x", 1): money(1, "25.00", "500")},
			prevMark: ptr(mark("Silver", "A")), nextMark: engine.ComputeMark{Tiers: mark("Silver", "A").Tiers, Rules: map[string]string{"1/r": "A", "1/b": "B", "1/x": "X"}},
			want: []engine.Change{{ChangeKey: partnerKey(1, "x", 1), PartnerID: 1, Unit: engine.UnitMoney, NewAmount: d("25.00"), NewBasis: d("500"),
				Reasons: []engine.ChangeReason{engine.ChangeNew, engine.ChangeProgram}}},
		},
		{
			// Without the earlier mark, a change of the amount alone is put down to the inputs.
			name:     "unknown mark",
			prev:     map[engine.ChangeKey]engine.GroupFigures{partnerKey(1, "r", 2): money(2, "500.00", "10000")},
			next:     map[engine.ChangeKey]engine.GroupFigures{partnerKey(1, "r", 2): money(2, "600.00", "10000")},
			prevMark: nil, nextMark: mark("Gold", "A2"),
			want: []engine.Change{{ChangeKey: partnerKey(1, "r", 2), PartnerID: 2, Unit: engine.UnitMoney,
				OldAmount: d("500.00"), NewAmount: d("600.00"), OldBasis: d("10000"), NewBasis: d("10000"),
				Reasons: []engine.ChangeReason{engine.ChangeInputs}}},
		},
		{
			// Points: 1 point per 10.00 on 1,000 = 100 -> on 1,200 = 120.
			name: "points",
			prev: map[engine.ChangeKey]engine.GroupFigures{{ProgramID: 1, RuleKey: "r", Payee: engine.Payee{Kind: engine.PayeeRep, ID: 11}}: {
				PartnerID: 1, Unit: engine.UnitPoints, Points: 100, Basis: d("1000")}},
			next: map[engine.ChangeKey]engine.GroupFigures{{ProgramID: 1, RuleKey: "r", Payee: engine.Payee{Kind: engine.PayeeRep, ID: 11}}: {
				PartnerID: 1, Unit: engine.UnitPoints, Points: 120, Basis: d("1200")}},
			prevMark: ptr(mark("Silver", "A")), nextMark: mark("Silver", "A"),
			want: []engine.Change{{ChangeKey: engine.ChangeKey{ProgramID: 1, RuleKey: "r", Payee: engine.Payee{Kind: engine.PayeeRep, ID: 11}},
				PartnerID: 1, Unit: engine.UnitPoints, OldPoints: 100, NewPoints: 120, OldBasis: d("1000"), NewBasis: d("1200"),
				Reasons: []engine.ChangeReason{engine.ChangeInputs}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := engine.DiffComputations(engine.GroupsOf(tt.prev), tt.prevMark, engine.GroupsOf(tt.next), tt.nextMark)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d changes %+v, want %d", len(got), got, len(tt.want))
			}
			for i := range got {
				g, w := got[i], tt.want[i]
				if g.ChangeKey != w.ChangeKey || g.PartnerID != w.PartnerID || g.Unit != w.Unit ||
					!g.OldAmount.Equal(w.OldAmount) || !g.NewAmount.Equal(w.NewAmount) || g.OldPoints != w.OldPoints || g.NewPoints != w.NewPoints ||
					!g.OldBasis.Equal(w.OldBasis) || !g.NewBasis.Equal(w.NewBasis) || g.OldTier != w.OldTier || g.NewTier != w.NewTier ||
					!reflect.DeepEqual(g.Reasons, w.Reasons) {
					t.Errorf("change %d:\n got %+v\nwant %+v", i, g, w)
				}
			}
		})
	}
}

func ptr[T any](v T) *T { return &v }

func TestDiffComputationsOrderAndSummary(t *testing.T) {
	// Groups arrive from maps in any order; the result is always ordered by
	// program, rule, partners before reps, payee id.
	rep := func(id engine.ID) engine.ChangeKey {
		return engine.ChangeKey{ProgramID: 1, RuleKey: "r", Payee: engine.Payee{Kind: engine.PayeeRep, ID: id}}
	}
	next := map[engine.ChangeKey]engine.GroupFigures{
		partnerKey(2, "a", 1): money(1, "10.00", "100"),
		rep(3):                money(1, "30.00", "300"),
		partnerKey(1, "r", 9): money(9, "20.00", "200"),
		partnerKey(1, "r", 4): money(4, "40.00", "400"),
		partnerKey(1, "b", 5): money(5, "-5.00", "-100"),
	}
	m := engine.ComputeMark{}
	var first []engine.Change
	for i := 0; i < 20; i++ {
		got := engine.DiffComputations(engine.GroupsOf(nil), &m, engine.GroupsOf(next), m)
		var keys []engine.ChangeKey
		for _, c := range got {
			keys = append(keys, c.ChangeKey)
		}
		want := []engine.ChangeKey{partnerKey(1, "b", 5), partnerKey(1, "r", 4), partnerKey(1, "r", 9), rep(3), partnerKey(2, "a", 1)}
		if !reflect.DeepEqual(keys, want) {
			t.Fatalf("order: got %v, want %v", keys, want)
		}
		first = got
	}
	// 10 + 30 + 20 + 40 - 5 = 95.00, five new.
	s := engine.SummarizeChanges(first)
	if s.Changes != 5 || s.New != 5 || !s.Money.Equal(d("95")) || s.Points != 0 {
		t.Errorf("summary: got %+v, want 5 new, money 95.00", s)
	}
	labels := engine.SummarizeChanges([]engine.Change{
		{Reasons: []engine.ChangeReason{engine.ChangeInputs}, OldAmount: d("10"), NewAmount: d("7.50")},
		{Reasons: []engine.ChangeReason{engine.ChangeTier}, OldPoints: 5, NewPoints: 8},
		{Reasons: []engine.ChangeReason{engine.ChangeInputs, engine.ChangeProgram}},
		{Reasons: []engine.ChangeReason{engine.ChangeGone, engine.ChangeTier}, OldAmount: d("1")},
		{Reasons: []engine.ChangeReason{engine.ChangeProgram}},
	})
	// Money: -2.50 - 1 = -3.50; points +3.
	want := engine.ChangeSummary{Changes: 5, Inputs: 1, Tier: 1, Several: 1, Gone: 1, Program: 1, Money: d("-3.5"), Points: 3}
	if labels.Changes != want.Changes || labels.Inputs != 1 || labels.Tier != 1 || labels.Several != 1 || labels.Gone != 1 || labels.Program != 1 ||
		!labels.Money.Equal(want.Money) || labels.Points != 3 {
		t.Errorf("labels: got %+v, want %+v", labels, want)
	}
}

func TestComputeMarkAndFingerprint(t *testing.T) {
	in := fixture("2026-Q3")
	in.Ladder = engine.TierLadder{Levels: []engine.TierLevel{{Name: "Registered"}, {Name: "Gold"}}}
	// Partner 2 is Gold from 1 July (counts for Q3); partner 1 from
	// 15 July (counts from Q4 only); partner 3 has no history: Registered.
	in.TierHistory = []engine.TierChange{
		{ID: 1, PartnerID: 2, Tier: "Gold", From: engine.MustDate("2026-07-01")},
		{ID: 2, PartnerID: 1, Tier: "Gold", From: engine.MustDate("2026-07-15")},
	}
	rule := engine.Rule{Key: "r", Name: "Commission", Kind: engine.RuleRate, Rate: &engine.RateRule{Rate: d("5")}}
	in.Programs = []engine.Program{program(rule)}
	m := engine.NewComputeMark(in.Period, in.Partners, in.Ladder, in.TierHistory, in.Programs)
	if want := map[engine.ID]string{1: "Registered", 2: "Gold", 3: "Registered"}; !reflect.DeepEqual(m.Tiers, want) {
		t.Errorf("tiers: got %v, want %v", m.Tiers, want)
	}
	if m.TierRules[engine.RuleRef(1, "r")] {
		t.Errorf("rule r has no multiplier, tier bands or tier eligibility, but reads the tier: %v", m.TierRules)
	}
	tiered := program(engine.Rule{Key: "t", Kind: engine.RuleRate, Rate: &engine.RateRule{Rate: d("5"), TierBands: map[string][]engine.Band{"Gold": {{Rate: d("6")}}}}})
	if !engine.RuleReadsTier(&tiered, &tiered.Rules[0]) {
		t.Error("a rule with bands per tier does not read the tier")
	}
	base := m.Rules[engine.RuleRef(1, "r")]
	if base == "" {
		t.Fatalf("no fingerprint for rule 1/r in %v", m.Rules)
	}
	renamed := program(rule)
	renamed.Name, renamed.Description, renamed.Budget = "Renamed", "other words", d("1000")
	renamed.Rules[0].Name = "Other name"
	if got := engine.RuleFingerprint(&renamed, &renamed.Rules[0]); got != base {
		t.Errorf("a rename or a budget changed the fingerprint: %s, want %s", got, base)
	}
	changed := []func(p *engine.Program){
		func(p *engine.Program) { p.Rules[0].Rate = &engine.RateRule{Rate: d("6")} },
		func(p *engine.Program) { p.Eligibility.Segments = []string{"smb"} },
		func(p *engine.Program) { p.ValidTo = engine.MustDate("2026-12-31") },
		func(p *engine.Program) { p.Status = engine.ProgramEnded },
		func(p *engine.Program) { p.Rules[0].TierMultipliers = map[string]decimal.Decimal{"Gold": d("1.2")} },
	}
	for i, f := range changed {
		p := program(engine.Rule{Key: "r", Name: "Commission", Kind: engine.RuleRate, Rate: &engine.RateRule{Rate: d("5")}})
		f(&p)
		if got := engine.RuleFingerprint(&p, &p.Rules[0]); got == base {
			t.Errorf("change %d kept the fingerprint %s", i, got)
		}
	}
}

// TestDiffOfTwoComputations runs the engine twice around a return and a
// promotion and checks the changes name each cause with its figures.
func TestDiffOfTwoComputations(t *testing.T) {
	in := fixture("2026-Q3")
	in.Ladder = engine.TierLadder{Levels: []engine.TierLevel{{Name: "Registered"}, {Name: "Gold"}}}
	rule := engine.Rule{Key: "r", Name: "Commission", Kind: engine.RuleRate, Rate: &engine.RateRule{Rate: d("5")},
		TierMultipliers: map[string]decimal.Decimal{"Gold": d("1.5")}}
	in.Programs = []engine.Program{program(rule)}
	in.Sales = []engine.Sale{sale(1, "2026-07-10", "10000"), sale(2, "2026-08-10", "4000")}
	first := compute(t, in)
	m1 := engine.NewComputeMark(in.Period, in.Partners, in.Ladder, in.TierHistory, in.Programs)

	// Partner 1 returns 2,000 of its sale: 10,000 -> 8,000 x 5 % = 400.00
	// (was 500.00). Partner 2 is Gold from Q3: 4,000 x 5 % x 1.5 = 300.00
	// (was 200.00). Partner 3 sells 1,000 for the first time: 50.00.
	ret := sale(1, "2026-07-20", "-2000")
	ret.Quantity, ret.OriginalInvoice = d("-1"), in.Sales[0].Invoice
	in.Sales = append(in.Sales, ret, sale(3, "2026-09-01", "1000"))
	in.TierHistory = []engine.TierChange{{ID: 1, PartnerID: 2, Tier: "Gold", From: engine.MustDate("2026-07-01")}}
	second := compute(t, in)
	m2 := engine.NewComputeMark(in.Period, in.Partners, in.Ladder, in.TierHistory, in.Programs)

	got := engine.DiffComputations(engine.GroupLines(first.Lines), &m1, engine.GroupLines(second.Lines), m2)
	want := []struct {
		partner  engine.ID
		old, new string
		reasons  []engine.ChangeReason
	}{
		{1, "500.00", "400.00", []engine.ChangeReason{engine.ChangeInputs}},
		{2, "200.00", "300.00", []engine.ChangeReason{engine.ChangeTier}},
		{3, "0", "50.00", []engine.ChangeReason{engine.ChangeNew}},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d changes %+v, want %d", len(got), got, len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.Payee.ID != w.partner || !g.OldAmount.Equal(d(w.old)) || !g.NewAmount.Equal(d(w.new)) || !reflect.DeepEqual(g.Reasons, w.reasons) {
			t.Errorf("change %d: got partner %d %s -> %s %v, want partner %d %s -> %s %v", i, g.Payee.ID, g.OldAmount, g.NewAmount, g.Reasons,
				w.partner, w.old, w.new, w.reasons)
		}
	}
	// Recomputing the same inputs changes nothing.
	if again := engine.DiffComputations(engine.GroupLines(second.Lines), &m2, engine.GroupLines(compute(t, in).Lines), m2); len(again) != 0 {
		t.Errorf("the same inputs gave %d changes: %+v", len(again), again)
	}
}

// BenchmarkDiffComputations150k diffs two computations of 150,000 results
// (a compute of 1,000,000 sales), a tenth of which moved.
func BenchmarkDiffComputations150k(b *testing.B) {
	const n = 150_000
	prevLines := make([]engine.RewardLine, n)
	nextLines := make([]engine.RewardLine, n)
	for i := range prevLines {
		l := engine.RewardLine{ProgramID: engine.ID(1 + i%3), RuleKey: "r", Payee: engine.Payee{Kind: engine.PayeePartner, ID: engine.ID(i)},
			PartnerID: engine.ID(i), Unit: engine.UnitMoney, Amount: decimal.New(int64(10000+i), -2), Basis: decimal.New(int64(200000+i), -2)}
		prevLines[i], nextLines[i] = l, l
		if i%10 == 0 {
			nextLines[i].Amount = decimal.New(int64(10100+i), -2)
			nextLines[i].Basis = decimal.New(int64(202000+i), -2)
		}
	}
	mark := engine.ComputeMark{Tiers: map[engine.ID]string{}, Rules: map[string]string{"1/r": "a", "2/r": "b", "3/r": "c"}}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		got := engine.DiffComputations(engine.GroupLines(prevLines), &mark, engine.GroupLines(nextLines), mark)
		if len(got) != n/10 {
			b.Fatalf("got %d changes, want %d", len(got), n/10)
		}
	}
}

// A partner's rebate before and after a return of 1,000.00 at 5 %.
func ExampleDiffComputations() {
	key := engine.ChangeKey{ProgramID: 1, RuleKey: "rebate", Payee: engine.Payee{Kind: engine.PayeePartner, ID: 7}}
	before := engine.GroupsOf(map[engine.ChangeKey]engine.GroupFigures{key: {PartnerID: 7, Unit: engine.UnitMoney,
		Amount: decimal.RequireFromString("500.00"), Basis: decimal.RequireFromString("10000.00")}})
	after := engine.GroupsOf(map[engine.ChangeKey]engine.GroupFigures{key: {PartnerID: 7, Unit: engine.UnitMoney,
		Amount: decimal.RequireFromString("450.00"), Basis: decimal.RequireFromString("9000.00")}})
	mark := engine.ComputeMark{Rules: map[string]string{"1/rebate": "v1"}}
	for _, c := range engine.DiffComputations(before, &mark, after, mark) {
		fmt.Println(c.Payee.ID, c.OldAmount.StringFixed(2), "->", c.NewAmount.StringFixed(2), c.Difference().StringFixed(2), c.Reasons)
	}
	// Output: 7 500.00 -> 450.00 -50.00 [inputs]
}
