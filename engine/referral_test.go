package engine_test

import (
	"math/rand/v2"
	"testing"

	"partnerdesk/engine"
)

// referralWorld has several customers, so that the customer index the
// referral rule builds once per computation is exercised: first sales in
// history and in the period, a return, a customer with no first sale, and
// customers whose lines interleave.
func referralWorld() engine.Inputs {
	in := fixture("2026-Q3")
	mk := func(id engine.ID, partner engine.ID, date, cust, net string, prod engine.ID, isNew bool, code string) engine.Sale {
		return engine.Sale{ID: id, Date: engine.MustDate(date), PartnerID: partner, Customer: cust, NewCustomer: isNew,
			ProductID: prod, Quantity: d("1"), Net: d(net), Invoice: cust + "-" + date, Line: int(id), ReferralCode: code}
	}
	in.CustomerFirstSales = []engine.Sale{
		// Y was first sold 2026-06-15 by partner 2 (no code): 3 months run to 2026-09-15.
		mk(901, 2, "2026-06-15", "Y", "10", 101, true, ""),
		// V was first sold 2025-12-01, before the program starts on 2026-01-01: never referred.
		mk(902, 1, "2025-12-01", "V", "10", 101, true, ""),
	}
	in.Sales = []engine.Sale{
		mk(1, 1, "2026-07-05", "X", "50", 101, true, "GAMMA"), // X's first sale, referred by partner 3
		mk(2, 2, "2026-07-06", "Z", "30.50", 101, true, ""),   // Z's first sale, partner 2 refers itself
		mk(3, 1, "2026-07-10", "X", "25.25", 101, false, ""),  // X again
		mk(4, 2, "2026-07-11", "Z", "999", 100, false, ""),    // hardware: no subscription revenue
		mk(5, 2, "2026-07-20", "Y", "40", 101, false, ""),     // Y inside its window
		mk(6, 2, "2026-09-20", "Y", "60", 101, false, ""),     // Y after 2026-09-15: out
		mk(7, 1, "2026-08-01", "W", "70", 101, false, ""),     // W has no first sale anywhere
		mk(8, 1, "2026-08-02", "V", "80", 101, false, ""),     // V's first sale predates the program
		mk(9, 1, "2026-08-03", "X", "-5.25", 101, false, ""),  // a return of X's revenue
	}
	in.Programs = []engine.Program{program(engine.Rule{Key: "ref", Name: "Referral", Kind: engine.RuleReferral,
		Referral: &engine.ReferralRule{Bounty: d("100"), Rate: d("10"), Months: 3}})}
	return in
}

func TestReferralManyCustomers(t *testing.T) {
	res := compute(t, referralWorld())
	// One line per payee, its period result: its bounties, then its
	// revenue share, which works on the payee's basis:
	//   partner 2: Z bounty 100.00 (Y's first sale was in June: no bounty)
	//              + 10 % x (Y 40 + Z 30.50) = 7.05 (Y's 60 is on or after
	//              2026-09-15; Z's 999 is hardware): 107.05 on a basis of 70.50
	//   partner 3: X bounty 100.00 + 10 % x (50 + 25.25 - 5.25) = 7.00: 107.00
	// W (its first sale ever, 2026-08-01, is not marked new) and V (first
	// sale before the program) earn nothing.
	want := []struct {
		payee  engine.ID
		amount string
		basis  string
		share  string // the revenue share part the explanation shows
	}{
		{2, "107.05", "70.50", "7.05"},
		{3, "107.00", "70", "7.00"},
	}
	if len(res.Lines) != len(want) {
		t.Fatalf("got %d lines, want %d: %+v", len(res.Lines), len(want), res.Lines)
	}
	for i, w := range want {
		l := res.Lines[i]
		if l.Payee.ID != w.payee || l.Explanation.Key != "referral.bounty" || !l.Basis.Equal(d(w.basis)) {
			t.Errorf("line %d: payee %d %s basis %s, want payee %d referral.bounty basis %s", i, l.Payee.ID, l.Explanation.Key, l.Basis, w.payee, w.basis)
		}
		wantAmount(t, l, w.amount)
		if len(l.Explanation.More) != 1 || l.Explanation.More[0].Key != "referral.rate" || !argDec(t, l.Explanation.More[0], "amount").Equal(d(w.share)) {
			t.Errorf("line %d: explanation %+v, want the revenue share %s after the bounty", i, l.Explanation, w.share)
		}
	}
}

// TestReferralIgnoresInputOrder: shuffled sales and history give the
// same lines (the customer index numbers customers in input order).
func TestReferralIgnoresInputOrder(t *testing.T) {
	base := compute(t, referralWorld())
	rng := rand.New(rand.NewPCG(4, 2))
	for i := range 20 {
		in := referralWorld()
		rng.Shuffle(len(in.Sales), func(a, b int) { in.Sales[a], in.Sales[b] = in.Sales[b], in.Sales[a] })
		rng.Shuffle(len(in.CustomerFirstSales), func(a, b int) {
			in.CustomerFirstSales[a], in.CustomerFirstSales[b] = in.CustomerFirstSales[b], in.CustomerFirstSales[a]
		})
		got := compute(t, in)
		if len(got.Lines) != len(base.Lines) {
			t.Fatalf("shuffle %d: %d lines, want %d", i, len(got.Lines), len(base.Lines))
		}
		for j := range got.Lines {
			g, w := got.Lines[j], base.Lines[j]
			if g.Payee != w.Payee || g.Explanation.Key != w.Explanation.Key || !g.Amount.Equal(w.Amount) || !g.Basis.Equal(w.Basis) {
				t.Fatalf("shuffle %d line %d: got %+v, want %+v", i, j, g, w)
			}
		}
	}
}

// TestSparseIDsComputeAlike: ids far apart (no dense index) give the
// same amounts as compact ones.
func TestSparseIDsComputeAlike(t *testing.T) {
	compact := compute(t, referralWorld())
	in := referralWorld()
	const far = 1 << 40
	for i := range in.Partners {
		in.Partners[i].ID += far
	}
	for i := range in.Reps {
		in.Reps[i].ID += far
		in.Reps[i].PartnerID += far
	}
	for i := range in.Products {
		in.Products[i].ID += far
	}
	for _, ss := range [][]engine.Sale{in.Sales, in.CustomerFirstSales} {
		for i := range ss {
			ss[i].PartnerID += far
			ss[i].ProductID += far
		}
	}
	sparse := compute(t, in)
	if len(sparse.Lines) != len(compact.Lines) {
		t.Fatalf("sparse ids: %d lines, want %d", len(sparse.Lines), len(compact.Lines))
	}
	for i := range sparse.Lines {
		s, c := sparse.Lines[i], compact.Lines[i]
		if s.Payee.ID != c.Payee.ID+far || !s.Amount.Equal(c.Amount) || s.Explanation.Key != c.Explanation.Key {
			t.Errorf("line %d: sparse %d %s %s, compact %d %s %s", i, s.Payee.ID, s.Explanation.Key, s.Amount, c.Payee.ID, c.Explanation.Key, c.Amount)
		}
	}
}
