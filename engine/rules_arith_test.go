package engine_test

import (
	"encoding/json"
	"testing"

	"github.com/shopspring/decimal"

	"partnerdesk/engine"
)

// The tests of this file cover the rule arithmetic findings 8 to 13 of
// issue 11; every figure is worked out by hand beside its case.

// matrix returns a matrix of the four weights (new/new, new/existing,
// existing/new, existing/existing).
func matrix(nn, ne, en, ee string) *engine.Matrix {
	return &engine.Matrix{NewNew: d(nn), NewExisting: d(ne), ExistingNew: d(en), ExistingExisting: d(ee)}
}

// approvedReg is registration 7 of partner 1, approved 2026-07-01 with a
// 90-day window.
func approvedReg() engine.Registration {
	return engine.Registration{ID: 7, PartnerID: 1, Customer: "C", Submitted: engine.MustDate("2026-06-20"),
		Decision: engine.DecisionApproved, DecidedOn: engine.MustDate("2026-07-01"), WindowDays: 90, Outcome: engine.OutcomeOpen}
}

// linked is a sale of partner 1 on registration 7 with its own invoice.
func linked(date, invoice, net string) engine.Sale {
	s := sale(1, date, net)
	s.Invoice, s.RegistrationID = invoice, 7
	if s.Net.IsNegative() {
		s.Quantity = d("-1")
	}
	return s
}

func sumAmounts(ls []engine.RewardLine) decimal.Decimal {
	var t decimal.Decimal
	for _, l := range ls {
		t = t.Add(l.Amount)
	}
	return t
}

// TestMatrixWeighsEveryBasisRule is finding 8: a weight of 0 earns nothing
// (it counted as 1), and the matrix weighs deal registration and the
// referral revenue share too (it was ignored there), but not a bounty.
func TestMatrixWeighsEveryBasisRule(t *testing.T) {
	newNew := func(s engine.Sale) engine.Sale { s.NewCustomer, s.NewProduct = true, true; return s }
	tests := []struct {
		name   string
		rule   engine.Rule
		sales  []engine.Sale
		amount string // the sum of the lines
		points int64
	}{
		{
			// new/new 1,000 x 1 + existing/existing 500 x 0 = 1,000 at 10 % = 100.00 (not 150.00).
			name:   "rate, weight 0 earns nothing",
			rule:   engine.Rule{Key: "r", Name: "Rate", Kind: engine.RuleRate, Matrix: matrix("1", "1", "1", "0"), Rate: &engine.RateRule{Rate: d("10")}},
			sales:  []engine.Sale{newNew(sale(1, "2026-07-01", "1000")), sale(1, "2026-07-02", "500")},
			amount: "100.00",
		},
		{
			// 3 units existing/existing x 0 = 0 units: 0.00 (not 3 x 50 = 150.00).
			name: "SPIF units, weight 0",
			rule: engine.Rule{Key: "s", Name: "SPIF", Kind: engine.RuleSPIF, Matrix: matrix("1", "1", "1", "0"),
				SPIF: &engine.SPIFRule{SKUs: []string{"HW-1"}, From: engine.MustDate("2026-07-01"), To: engine.MustDate("2026-09-30"), Amount: d("50")}},
			sales: func() []engine.Sale {
				s := sale(1, "2026-07-03", "300")
				s.Quantity = d("3")
				return []engine.Sale{s}
			}(),
			amount: "0",
		},
		{
			// Linked new/new sale 1,000 x 2 = 2,000 at 5 % = 100.00 (not 50.00).
			name:   "deal registration is weighted",
			rule:   engine.Rule{Key: "g", Name: "Deal reg", Kind: engine.RuleDealReg, Matrix: matrix("2", "1", "1", "1"), DealReg: &engine.DealRegRule{Rate: d("5")}},
			sales:  []engine.Sale{newNew(linked("2026-07-10", "A-1", "1000"))},
			amount: "100.00",
		},
		{
			// Subscription first sale new/new 200 x 0.5 = 100 at 10 % = 10.00 (not 20.00);
			// the bounty is not weighted: 100.00. Total 110.00.
			name: "referral revenue share is weighted, the bounty is not",
			rule: engine.Rule{Key: "f", Name: "Referral", Kind: engine.RuleReferral, Matrix: matrix("0.5", "0", "0", "0"),
				Referral: &engine.ReferralRule{Bounty: d("100"), Rate: d("10")}},
			sales: func() []engine.Sale {
				s := newNew(sale(1, "2026-07-01", "200"))
				s.ProductID = 101
				return []engine.Sale{s}
			}(),
			amount: "110.00",
		},
		{
			// Fund: existing/existing 1,000 x 0 = 0 at 5 % = 0.00 (not 50.00).
			name:   "fund accrual, weight 0",
			rule:   engine.Rule{Key: "m", Name: "MDF", Kind: engine.RuleFund, Matrix: matrix("1", "1", "1", "0"), Fund: &engine.FundRule{Rate: d("5"), ValidityDays: 90}},
			sales:  []engine.Sale{sale(1, "2026-07-01", "1000")},
			amount: "0",
		},
		{
			// Loyalty: new/new 100 x 2 = 200 at 1 point per 10 = 20 points (not 10).
			name:   "loyalty points are weighted",
			rule:   engine.Rule{Key: "l", Name: "Points", Kind: engine.RuleLoyalty, Matrix: matrix("2", "1", "1", "1"), Loyalty: &engine.LoyaltyRule{Points: d("1"), Per: d("10")}},
			sales:  []engine.Sale{newNew(sale(1, "2026-07-01", "100"))},
			amount: "0",
			points: 20,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := fixture("2026-Q3")
			in.Programs = []engine.Program{program(tt.rule)}
			in.Sales = tt.sales
			in.Registrations = []engine.Registration{approvedReg()}
			res := compute(t, in)
			money, points := res.Total()
			if !money.Equal(d(tt.amount)) || points != tt.points {
				t.Errorf("got %s and %d points, want %s and %d points: %+v", money, points, tt.amount, tt.points, res.Lines)
			}
		})
	}
}

// TestMatrixJSON: a cell left out of a program file weighs 1, a cell
// written 0 weighs 0.
func TestMatrixJSON(t *testing.T) {
	var m engine.Matrix
	if err := json.Unmarshal([]byte(`{"new_customer_new_product":"1.5","existing_customer_existing_product":"0"}`), &m); err != nil {
		t.Fatal(err)
	}
	got := []decimal.Decimal{m.NewNew, m.NewExisting, m.ExistingNew, m.ExistingExisting}
	want := []string{"1.5", "1", "1", "0"}
	for i := range want {
		if !got[i].Equal(d(want[i])) {
			t.Errorf("cell %d: got %s, want %s", i, got[i], want[i])
		}
	}
	// What is written reads back the same.
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	var back engine.Matrix
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if !back.ExistingExisting.IsZero() || !back.NewExisting.Equal(d("1")) {
		t.Errorf("round trip: %+v", back)
	}
}

// goldFixture is fixture with a ladder where partner 1 holds Gold.
func goldFixture(q string) engine.Inputs {
	in := fixture(q)
	in.Ladder = engine.TierLadder{Levels: []engine.TierLevel{{Name: "Registered"}, {Name: "Gold"}}}
	in.TierHistory = []engine.TierChange{{ID: 1, PartnerID: 1, Tier: "Gold", From: engine.MustDate("2026-01-01")}}
	return in
}

// TestLoyaltyFloorsOnceAfterMultiplier is finding 9: points are floored
// once, after the tier multiplier, on the exact product.
func TestLoyaltyFloorsOnceAfterMultiplier(t *testing.T) {
	tests := []struct {
		name, net, mult, per string
		want                 int64
	}{
		// 100.00 / 12.00 = 8.333...; x 1.2 = exactly 10 (was 9: 8.3333333333333333 x 1.2 < 10).
		{"whole number after the multiplier", "100.00", "1.2", "12.00", 10},
		// 100.00 / 12.00 = 8.333... without a multiplier: 8.
		{"no multiplier", "100.00", "1", "12.00", 8},
		// 99.99 / 12 x 1.2 = 9.999: 9.
		{"just below", "99.99", "1.2", "12", 9},
		// 70 / 3 x 1.5 = 35 exactly.
		{"thirds", "70", "1.5", "3", 35},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := goldFixture("2026-Q3")
			in.Programs = []engine.Program{program(engine.Rule{Key: "l", Name: "Points", Kind: engine.RuleLoyalty,
				TierMultipliers: map[string]decimal.Decimal{"Gold": d(tt.mult)},
				Loyalty:         &engine.LoyaltyRule{Points: d("1"), Per: d(tt.per)}})}
			in.Sales = []engine.Sale{sale(1, "2026-07-01", tt.net)}
			l := only(t, compute(t, in))
			if l.Points != tt.want {
				t.Errorf("got %d points, want %d", l.Points, tt.want)
			}
			// The explanation prints the points the line really has.
			for _, m := range l.Explanation.More {
				if a, ok := m.Arg("amount"); ok && m.Key == "mod.tier.amount" && !a.Dec.Equal(decimal.NewFromInt(tt.want)) {
					t.Errorf("explanation says %s points after the multiplier, want %d", a.Dec, tt.want)
				}
			}
		})
	}
}

// TestDealRegNetsAndFloors covers findings 10 and 11 for deal
// registration: the payee's linked sales make one period result, netted
// first, then floored at zero, multiplied and capped, rounded once.
func TestDealRegNetsAndFloors(t *testing.T) {
	tests := []struct {
		name  string
		rate  string
		cap   string // "" for none
		mult  string // partner 1 is Gold; "" for no multiplier
		sales []engine.Sale
		want  string
		key   string
	}{
		{
			// Only a return of -200 linked in the period: -200 x 5 % = -10.00 would be
			// negative; a negative basis pays nothing: 0.00 (was -10.00).
			name: "negative basis pays nothing", rate: "5",
			sales: []engine.Sale{linked("2026-07-10", "R-1", "-200")},
			want:  "0", key: "basis.negative",
		},
		{
			// 100 - 300 = -200: nothing (was 5.00 - 15.00 = -10.00).
			name: "return outweighs the sales", rate: "5",
			sales: []engine.Sale{linked("2026-07-10", "A-1", "100"), linked("2026-07-20", "B-1", "-300")},
			want:  "0", key: "basis.negative",
		},
		{
			// Cap 100: (1,500 - 500) x 10 % = 100.00, within the cap (was 150.00 capped at
			// 100.00, then -50.00: 50.00).
			name: "cap after the return is netted", rate: "10", cap: "100",
			sales: []engine.Sale{linked("2026-07-10", "A-1", "1500"), linked("2026-07-20", "B-1", "-500")},
			want:  "100.00", key: "rate.flat",
		},
		{
			// Cap 100: (1,500 + 300 - 200) x 10 % = 160.00, capped at 100.00.
			name: "cap on the period result", rate: "10", cap: "100",
			sales: []engine.Sale{linked("2026-07-10", "A-1", "1500"), linked("2026-07-11", "A-2", "300"), linked("2026-07-20", "B-1", "-200")},
			want:  "100.00", key: "rate.flat",
		},
		{
			// 33.33 + 33.33 = 66.66 x 5 % = 3.333 -> 3.33 rounded once (two lines of
			// 1.6665 -> 1.67 each would make 3.34).
			name: "rounded once", rate: "5",
			sales: []engine.Sale{linked("2026-07-10", "A-1", "33.33"), linked("2026-07-11", "A-2", "33.33")},
			want:  "3.33", key: "rate.flat",
		},
		{
			// Gold x 1.15 on (100 - 40) x 10 % = 6.00: 6.90; the multiplier applies to the
			// netted result.
			name: "multiplier after netting", rate: "10", mult: "1.15",
			sales: []engine.Sale{linked("2026-07-10", "A-1", "100"), linked("2026-07-20", "B-1", "-40")},
			want:  "6.90", key: "rate.flat",
		},
		{
			// One sale explains itself: 2,000 x 5 % = 100.00.
			name: "one sale", rate: "5",
			sales: []engine.Sale{linked("2026-07-10", "A-1", "2000")},
			want:  "100.00", key: "dealreg.paid",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := engine.Rule{Key: "g", Name: "Deal reg", Kind: engine.RuleDealReg, DealReg: &engine.DealRegRule{Rate: d(tt.rate)}}
			if tt.cap != "" {
				r.Cap = decimal.NewNullDecimal(d(tt.cap))
			}
			if tt.mult != "" {
				r.TierMultipliers = map[string]decimal.Decimal{"Gold": d(tt.mult)}
			}
			in := goldFixture("2026-Q3")
			in.Programs = []engine.Program{program(r)}
			in.Registrations = []engine.Registration{approvedReg()}
			in.Sales = tt.sales
			l := only(t, compute(t, in))
			wantAmount(t, l, tt.want)
			if l.Explanation.Key != tt.key {
				t.Errorf("key %s, want %s", l.Explanation.Key, tt.key)
			}
		})
	}
}

// TestItemRulesSettleOnce: training, activity and referral make one line
// per payee, its period result multiplied, capped and rounded or floored
// once (it was one line per course, type or customer, each rounded).
func TestItemRulesSettleOnce(t *testing.T) {
	tests := []struct {
		name   string
		rule   engine.Rule
		world  func(in *engine.Inputs)
		amount string
		points int64
	}{
		{
			// 1 webinar + 1 joint call at 2.5 points = 5 points (was 2 + 2 = 4).
			name: "activity points floor once",
			rule: engine.Rule{Key: "a", Name: "Activity", Kind: engine.RuleActivity,
				Activity: &engine.ActivityRule{Types: []string{"webinar", "joint call"}, Amount: d("2.5"), Unit: engine.UnitPoints}},
			world: func(in *engine.Inputs) {
				in.Activities = []engine.Activity{{ID: 1, PartnerID: 1, Type: "webinar", Date: engine.MustDate("2026-07-02")},
					{ID: 2, PartnerID: 1, Type: "joint call", Date: engine.MustDate("2026-07-03")}}
			},
			amount: "0", points: 5,
		},
		{
			// Two courses at 12.50 x Gold 1.15 = 2 x 14.375 = 28.75 (was 14.38 + 14.38 = 28.76).
			name: "training money rounds once",
			rule: engine.Rule{Key: "t", Name: "Training", Kind: engine.RuleTraining, TierMultipliers: map[string]decimal.Decimal{"Gold": d("1.15")},
				Training: &engine.TrainingRule{Courses: []string{"A", "B"}, Amount: d("12.50"), Unit: engine.UnitMoney}},
			world: func(in *engine.Inputs) {
				in.Trainings = []engine.Training{{ID: 1, RepID: 11, Course: "A", Completed: engine.MustDate("2026-07-01")},
					{ID: 2, RepID: 11, Course: "B", Completed: engine.MustDate("2026-07-02")}}
			},
			amount: "28.75",
		},
		{
			// Three courses at 40 points, cap 100: 100 points.
			name: "training points cap on the result",
			rule: engine.Rule{Key: "t", Name: "Training", Kind: engine.RuleTraining, Cap: decimal.NewNullDecimal(d("100")),
				Training: &engine.TrainingRule{Courses: []string{"A", "B", "C"}, Amount: d("40"), Unit: engine.UnitPoints}},
			world: func(in *engine.Inputs) {
				in.Trainings = []engine.Training{{ID: 1, RepID: 11, Course: "A", Completed: engine.MustDate("2026-07-01")},
					{ID: 2, RepID: 11, Course: "B", Completed: engine.MustDate("2026-07-02")},
					{ID: 3, RepID: 11, Course: "C", Completed: engine.MustDate("2026-07-03")}}
			},
			amount: "0", points: 100,
		},
		{
			// Two new customers at a 33.33 bounty x Gold 1.5 = 2 x 49.995 = 99.99 (was 50.00 + 50.00).
			name: "referral bounties round once",
			rule: engine.Rule{Key: "f", Name: "Referral", Kind: engine.RuleReferral, TierMultipliers: map[string]decimal.Decimal{"Gold": d("1.5")},
				Referral: &engine.ReferralRule{Bounty: d("33.33")}},
			world: func(in *engine.Inputs) {
				in.Sales = []engine.Sale{subSale(1, "2026-07-01", "A", "10", true), subSale(2, "2026-07-02", "B", "10", true)}
			},
			amount: "99.99",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := goldFixture("2026-Q3")
			in.Programs = []engine.Program{program(tt.rule)}
			tt.world(&in)
			l := only(t, compute(t, in))
			if !l.Amount.Equal(d(tt.amount)) || l.Points != tt.points {
				t.Errorf("got %s and %d points, want %s and %d: %+v", l.Amount, l.Points, tt.amount, tt.points, l.Explanation)
			}
		})
	}
}

// subSale is a subscription (SW-1) sale of partner 1 to customer cust.
func subSale(id engine.ID, date, cust, net string, isNew bool) engine.Sale {
	s := engine.Sale{ID: id, Date: engine.MustDate(date), PartnerID: 1, Customer: cust, NewCustomer: isNew, ProductID: 101,
		Quantity: d("1"), Net: d(net), Invoice: cust + "-" + date, Line: 1}
	if s.Net.IsNegative() {
		s.Quantity = d("-1")
	}
	return s
}

// TestReferralArithmetic is finding 12.
func TestReferralArithmetic(t *testing.T) {
	tests := []struct {
		name    string
		rr      engine.ReferralRule
		history []engine.Sale
		sales   []engine.Sale
		amount  string
		lines   int
	}{
		{
			// A (first sold in March) buys 100, B (first sold in April) returns 30 in the
			// quarter: the payee's basis 70 at 10 % = 7.00, one line (was A 10.00 + B clamped 0).
			name:    "returns of one customer net against another's sales",
			rr:      engine.ReferralRule{Rate: d("10")},
			history: []engine.Sale{subSale(901, "2026-03-01", "A", "10", true), subSale(902, "2026-04-01", "B", "10", true)},
			sales:   []engine.Sale{subSale(1, "2026-07-05", "A", "100", false), subSale(2, "2026-07-06", "B", "-30", false)},
			amount:  "7.00",
			lines:   1,
		},
		{
			// K was first sold in February, not marked new; a sale marked new in July does not
			// make K new again: no bounty (was 100.00).
			name:    "a customer is new only once",
			rr:      engine.ReferralRule{Bounty: d("100")},
			history: []engine.Sale{subSale(901, "2026-02-01", "K", "10", false)},
			sales:   []engine.Sale{subSale(1, "2026-07-10", "K", "50", true)},
			amount:  "0",
		},
		{
			// V was first sold (marked new) in December 2025, before the program's validity
			// (from 2026-01-01): neither its July sale marked new nor its revenue is a referral.
			name:    "first sold before the program",
			rr:      engine.ReferralRule{Bounty: d("100"), Rate: d("10")},
			history: []engine.Sale{subSale(901, "2025-12-01", "V", "10", true)},
			sales:   []engine.Sale{subSale(1, "2026-07-10", "V", "50", true)},
			amount:  "0",
		},
		{
			// First sale 2026-08-31, N = 1: the window ends 2026-09-30, exclusive, so the
			// revenue of 08-31 (100) and 09-29 (50) counts and 09-30 (70) does not:
			// 150 at 10 % = 15.00 (was 22.00 with the window to 1 October).
			name: "N months clamped to the month end, exclusive",
			rr:   engine.ReferralRule{Rate: d("10"), Months: 1},
			sales: []engine.Sale{subSale(1, "2026-08-31", "M", "100", true), subSale(2, "2026-09-29", "M", "50", false),
				subSale(3, "2026-09-30", "M", "70", false)},
			amount: "15.00",
			lines:  1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := fixture("2026-Q3")
			in.Programs = []engine.Program{program(engine.Rule{Key: "f", Name: "Referral", Kind: engine.RuleReferral, Referral: &tt.rr})}
			in.CustomerFirstSales = tt.history
			in.Sales = tt.sales
			res := compute(t, in)
			if got := sumAmounts(res.Lines); !got.Equal(d(tt.amount)) {
				t.Errorf("got %s, want %s: %+v", got, tt.amount, res.Lines)
			}
			if tt.lines > 0 && len(res.Lines) != tt.lines {
				t.Errorf("got %d lines, want %d", len(res.Lines), tt.lines)
			}
		})
	}
}

// TestReferralWindowIgnoresOtherRules: a rule's window depends on its own
// months only, whatever other referral rules the program has.
func TestReferralWindowIgnoresOtherRules(t *testing.T) {
	// First sale 2026-08-31 (100), 09-30 (70). One month: 100 at 10 % = 10.00; forever: 170 at 10 % = 17.00.
	one := engine.Rule{Key: "a", Name: "One month", Kind: engine.RuleReferral, Referral: &engine.ReferralRule{Rate: d("10"), Months: 1}}
	ever := engine.Rule{Key: "b", Name: "Forever", Kind: engine.RuleReferral, Referral: &engine.ReferralRule{Rate: d("10")}}
	for _, rules := range [][]engine.Rule{{one}, {one, ever}, {ever, one}} {
		in := fixture("2026-Q3")
		in.Programs = []engine.Program{program(rules...)}
		in.Sales = []engine.Sale{subSale(1, "2026-08-31", "M", "100", true), subSale(2, "2026-09-30", "M", "70", false)}
		for _, l := range compute(t, in).Lines {
			want := map[string]string{"a": "10.00", "b": "17.00"}[l.RuleKey]
			wantAmount(t, l, want)
		}
	}
}

func TestAddMonthsClamped(t *testing.T) {
	tests := []struct {
		from string
		n    int
		want string
	}{
		{"2026-08-31", 1, "2026-09-30"},
		{"2026-01-31", 1, "2026-02-28"},
		{"2028-01-31", 1, "2028-02-29"},
		{"2026-01-15", 1, "2026-02-15"},
		{"2026-10-31", 4, "2027-02-28"},
		{"2026-12-31", 12, "2027-12-31"},
		{"2026-03-31", -1, "2026-02-28"},
	}
	for _, tt := range tests {
		if got := engine.MustDate(tt.from).AddMonthsClamped(tt.n); got != engine.MustDate(tt.want) {
			t.Errorf("%s + %d months: got %s, want %s", tt.from, tt.n, got, tt.want)
		}
	}
	if got := engine.ReferralUntil(engine.MustDate("2026-08-31"), 1); got != engine.MustDate("2026-09-30") {
		t.Errorf("ReferralUntil: got %s", got)
	}
}

func TestFoldName(t *testing.T) {
	tests := []struct{ a, b string }{
		{"QBR", "qbr"},
		{"Séminaire", "seminaire"},
		{"  Réseau ", "RESEAU"},
		{"Straße", "STRASSE"},
		{"Ærø", "aero"},
		{"cafe\u0301", "café"}, // a combining accent
		{"Łódź", "lodz"},
		{"Ça Va", "ça va"},
	}
	for _, tt := range tests {
		if !engine.SameName(tt.a, tt.b) {
			t.Errorf("%q and %q: FoldName %q and %q differ", tt.a, tt.b, engine.FoldName(tt.a), engine.FoldName(tt.b))
		}
	}
	for _, tt := range []struct{ a, b string }{{"HW-1", "HW-2"}, {"reseller", "resellers"}, {"", "x"}} {
		if engine.SameName(tt.a, tt.b) {
			t.Errorf("%q and %q match", tt.a, tt.b)
		}
	}
}

// TestNamesMatchRegardlessOfCaseAndAccents is finding 13: every name a
// rule or an eligibility list selects by matches under FoldName.
func TestNamesMatchRegardlessOfCaseAndAccents(t *testing.T) {
	rate := func(f engine.Filter) engine.Rule {
		return engine.Rule{Key: "r", Name: "Rate", Kind: engine.RuleRate, Filter: f, Rate: &engine.RateRule{Rate: d("10")}}
	}
	tests := []struct {
		name   string
		prog   func() engine.Program
		world  func(in *engine.Inputs)
		amount string
		points int64
	}{
		{
			// Category "Hárdware" against the product's "hardware": 1,000 at 10 % = 100.00;
			// the other cases pay the same when their name matches, 0 when it does not.
			name:   "category",
			prog:   func() engine.Program { return program(rate(engine.Filter{Categories: []string{"Hárdware"}})) },
			amount: "100.00",
		},
		{
			name:   "SKU",
			prog:   func() engine.Program { return program(rate(engine.Filter{SKUs: []string{"hw-1"}})) },
			amount: "100.00",
		},
		{
			name: "partner kind in a filter",
			prog: func() engine.Program {
				return program(rate(engine.Filter{PartnerKinds: []engine.PartnerKind{"Reseller"}}))
			},
			amount: "100.00",
		},
		{
			name:   "rep role",
			prog:   func() engine.Program { return program(rate(engine.Filter{RepRoles: []string{"SALES"}})) },
			amount: "100.00",
		},
		{
			name: "eligibility kind and segment",
			prog: func() engine.Program {
				p := program(rate(engine.Filter{}))
				p.Eligibility = engine.Eligibility{Kinds: []engine.PartnerKind{"RESELLER"}, Segments: []string{"SMB"}}
				return p
			},
			amount: "100.00",
		},
		{
			// Segment "Éntreprise" against partner 1's "entreprise".
			name: "accented segment",
			prog: func() engine.Program {
				p := program(rate(engine.Filter{}))
				p.Eligibility = engine.Eligibility{Segments: []string{"Éntreprise"}}
				return p
			},
			world:  func(in *engine.Inputs) { in.Partners[0].Segment = "entreprise" },
			amount: "100.00",
		},
		{
			// SPIF on "hw-1" against the product's "HW-1": 3 units x 50 = 150.00 to rep 11.
			name: "SPIF SKU",
			prog: func() engine.Program {
				return program(engine.Rule{Key: "s", Name: "SPIF", Kind: engine.RuleSPIF, SPIF: &engine.SPIFRule{SKUs: []string{"hw-1"},
					From: engine.MustDate("2026-07-01"), To: engine.MustDate("2026-09-30"), Amount: d("50")}})
			},
			amount: "150.00",
			world:  func(in *engine.Inputs) { in.Sales[0].Quantity = d("3") },
		},
		{
			// Activity type "Séminaire" typed "seminaire" and "SEMINAIRE": 2 x 10 = 20 points.
			name: "activity type",
			prog: func() engine.Program {
				return program(engine.Rule{Key: "a", Name: "Activity", Kind: engine.RuleActivity,
					Activity: &engine.ActivityRule{Types: []string{"Séminaire"}, Amount: d("10"), Unit: engine.UnitPoints}})
			},
			world: func(in *engine.Inputs) {
				in.Activities = []engine.Activity{{ID: 1, PartnerID: 1, Type: "seminaire", Date: engine.MustDate("2026-07-02")},
					{ID: 2, PartnerID: 1, Type: "SEMINAIRE", Date: engine.MustDate("2026-07-03")}}
			},
			amount: "0",
			points: 20,
		},
		{
			// Course "Cloud Básics" completed as "cloud basics", then again as "CLOUD BASICS":
			// once per rep and course, 25.00.
			name: "course name",
			prog: func() engine.Program {
				return program(engine.Rule{Key: "t", Name: "Training", Kind: engine.RuleTraining,
					Training: &engine.TrainingRule{Courses: []string{"Cloud Básics"}, Amount: d("25"), Unit: engine.UnitMoney}})
			},
			world: func(in *engine.Inputs) {
				in.Trainings = []engine.Training{{ID: 1, RepID: 11, Course: "cloud basics", Completed: engine.MustDate("2026-07-02")},
					{ID: 2, RepID: 11, Course: "CLOUD BASICS", Completed: engine.MustDate("2026-08-02")}}
			},
			amount: "25.00",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := fixture("2026-Q3")
			s := sale(1, "2026-07-01", "1000") // HW-1, hardware, partner 1 (reseller, smb), rep 11 (sales)
			s.RepID = 11
			in.Sales = []engine.Sale{s}
			if tt.world != nil {
				tt.world(&in)
			}
			in.Programs = []engine.Program{tt.prog()}
			money, points := compute(t, in).Total()
			if !money.Equal(d(tt.amount)) || points != tt.points {
				t.Errorf("got %s and %d points, want %s and %d", money, points, tt.amount, tt.points)
			}
		})
	}
}

// TestCertificationsFoldCourses: the same certification typed twice in
// two spellings counts once towards a tier.
func TestCertificationsFoldCourses(t *testing.T) {
	in := engine.TierReviewInputs{
		Partners: []engine.Partner{{ID: 1, Status: engine.StatusActive}},
		Reps:     []engine.Rep{{ID: 11, PartnerID: 1}},
		Trainings: []engine.Training{
			{ID: 1, RepID: 11, Course: "Cloud Básics", Certification: true, Completed: engine.MustDate("2026-03-01")},
			{ID: 2, RepID: 11, Course: "cloud basics", Certification: true, Completed: engine.MustDate("2026-04-01")},
		},
		AsOf: engine.MustDate("2026-06-30"),
	}
	ev := engine.MeasureTiers(in)
	if len(ev) != 1 || ev[0].Certifications != 1 {
		t.Errorf("got %+v, want 1 certification", ev)
	}
}

// TestSaleCredits: the one rule for a payee's credit from a sale.
func TestSaleCredits(t *testing.T) {
	s := engine.Sale{PartnerID: 1, RepID: 11, Net: d("1000"), Quantity: d("4")}
	tests := []struct {
		name   string
		splits []engine.CreditSplit
		weight string
		want   []engine.Credit
	}{
		// No splits: 100 % to the sale's partner and rep.
		{"whole", nil, "1", []engine.Credit{{PartnerID: 1, RepID: 11, Share: d("100"), Net: d("1000"), Quantity: d("4")}}},
		// 60/40 at weight 1.5: 1,000 x 60 % x 1.5 = 900, 4 x 60 % x 1.5 = 3.6; 600 and 2.4.
		{"split and weighted", []engine.CreditSplit{{PartnerID: 1, Share: d("60")}, {PartnerID: 2, RepID: 12, Share: d("40")}}, "1.5",
			[]engine.Credit{{PartnerID: 1, Share: d("60"), Net: d("900"), Quantity: d("3.6")}, {PartnerID: 2, RepID: 12, Share: d("40"), Net: d("600"), Quantity: d("2.4")}}},
		// Weight 0: nothing.
		{"weight 0", nil, "0", []engine.Credit{{PartnerID: 1, RepID: 11, Share: d("100"), Net: d("0"), Quantity: d("0")}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := s
			x.Splits = tt.splits
			got := engine.SaleCredits(&x, d(tt.weight))
			if len(got) != len(tt.want) {
				t.Fatalf("got %+v, want %+v", got, tt.want)
			}
			for i, w := range tt.want {
				g := got[i]
				if g.PartnerID != w.PartnerID || g.RepID != w.RepID || !g.Share.Equal(w.Share) || !g.Net.Equal(w.Net) || !g.Quantity.Equal(w.Quantity) {
					t.Errorf("credit %d: got %+v, want %+v", i, g, w)
				}
			}
		})
	}
}

// TestProgramFileKindsFold: a program file may name a partner kind in any
// case ("Reseller", "MSP"): kinds match regardless of case and accents.
func TestProgramFileKindsFold(t *testing.T) {
	p := program(engine.Rule{Key: "r", Name: "Rate", Kind: engine.RuleRate, Rate: &engine.RateRule{Rate: d("10")}})
	p.Eligibility.Kinds = []engine.PartnerKind{"Reseller", "MSP"}
	if err := engine.ValidateProgram(p); err != nil {
		t.Errorf("ValidateProgram: %v", err)
	}
	p.Eligibility.Kinds = []engine.PartnerKind{"wholesaler"}
	if err := engine.ValidateProgram(p); err == nil {
		t.Error("an unknown kind was accepted")
	}
}

// TestReturnUsesOriginalWindow is the lead's decision D2: a return is
// tested against the rules' windows on its original line's date, so a
// return dated after a window claws back what the original earned inside
// it; the period it counts in still follows its own date.
func TestReturnUsesOriginalWindow(t *testing.T) {
	ret := func(orig engine.Sale, date, net string) engine.Sale {
		r := orig
		nextSaleID++
		r.ID, r.Date, r.Net, r.Quantity, r.OriginalInvoice, r.Invoice = nextSaleID, engine.MustDate(date), d(net), d("-1"), orig.Invoice, "CN-"+orig.Invoice
		r.NewCustomer = false
		return r
	}
	tests := []struct {
		name  string
		prog  func() engine.Program
		sales func() (sales, originals []engine.Sale)
		regs  []engine.Registration
		want  string
	}{
		{
			// SPIF 1 July - 31 August at 50 per unit: 5 units on 20 August, 2 returned on
			// 10 September: (5 - 2) x 50 = 150.00 (was 250.00: the return fell after the window).
			name: "SPIF window",
			prog: func() engine.Program {
				return program(engine.Rule{Key: "s", Name: "SPIF", Kind: engine.RuleSPIF, SPIF: &engine.SPIFRule{SKUs: []string{"HW-1"},
					From: engine.MustDate("2026-07-01"), To: engine.MustDate("2026-08-31"), Amount: d("50")}})
			},
			sales: func() ([]engine.Sale, []engine.Sale) {
				s := sale(1, "2026-08-20", "500")
				s.Quantity, s.Invoice = d("5"), "S-1"
				r := ret(s, "2026-09-10", "-200")
				r.Quantity = d("-2")
				return []engine.Sale{s, r}, []engine.Sale{s}
			},
			want: "150.00",
		},
		{
			// Program valid to 31 August, 10 %: 1,000 on 20 August, -400 returned on 10
			// September: 600 x 10 % = 60.00 (was 100.00).
			name: "program validity",
			prog: func() engine.Program {
				p := program(engine.Rule{Key: "r", Name: "Rate", Kind: engine.RuleRate, Rate: &engine.RateRule{Rate: d("10")}})
				p.ValidTo = engine.MustDate("2026-08-31")
				return p
			},
			sales: func() ([]engine.Sale, []engine.Sale) {
				s := sale(1, "2026-08-20", "1000")
				s.Invoice = "V-1"
				return []engine.Sale{s, ret(s, "2026-09-10", "-400")}, []engine.Sale{s}
			},
			want: "60.00",
		},
		{
			// Registration approved 1 July with a 30-day window: 1,000 sold 20 July, -400
			// returned 10 August: 600 x 5 % = 30.00 (was 50.00, the return "late").
			name: "deal registration window",
			prog: func() engine.Program {
				return program(engine.Rule{Key: "g", Name: "Deal reg", Kind: engine.RuleDealReg, DealReg: &engine.DealRegRule{Rate: d("5")}})
			},
			regs: []engine.Registration{{ID: 7, PartnerID: 1, Customer: "C", Decision: engine.DecisionApproved, DecidedOn: engine.MustDate("2026-07-01"), WindowDays: 30}},
			sales: func() ([]engine.Sale, []engine.Sale) {
				s := linked("2026-07-20", "D-1", "1000")
				return []engine.Sale{s, ret(s, "2026-08-10", "-400")}, []engine.Sale{s}
			},
			want: "30.00",
		},
		{
			// Referral, 1 month: first sale 31 July (50), 100 on 15 August, 30 of it returned
			// on 5 September (after the window ending 31 August): (50 + 100 - 30) x 10 % = 12.00
			// (was 15.00).
			name: "referral months",
			prog: func() engine.Program {
				return program(engine.Rule{Key: "f", Name: "Referral", Kind: engine.RuleReferral, Referral: &engine.ReferralRule{Rate: d("10"), Months: 1}})
			},
			sales: func() ([]engine.Sale, []engine.Sale) {
				a := subSale(1, "2026-07-31", "M", "50", true)
				b := subSale(2, "2026-08-15", "M", "100", false)
				return []engine.Sale{a, b, ret(b, "2026-09-05", "-30")}, []engine.Sale{b}
			},
			want: "12.00",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := fixture("2026-Q3")
			in.Programs = []engine.Program{tt.prog()}
			in.Sales, in.Originals = tt.sales()
			in.Registrations = tt.regs
			res := compute(t, in)
			if got := sumAmounts(res.Lines); !got.Equal(d(tt.want)) {
				t.Errorf("got %s, want %s: %+v", got, tt.want, res.Lines)
			}
		})
	}
}
