package engine_test

import (
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"

	"partnerdesk/engine"
)

// ledgerHistory plays a random history of fund and points movements on
// one partner, posted in random date order (back-dated claims and
// redemptions, claw-backs, expiry postings), deciding every claim and
// redemption with the model as the app does, and checks the ledgers'
// invariants after every step: nothing drawn beyond its amount or after
// its expiry, claims only up to what is available, and the balance equal
// to the movements.
func ledgerHistory(t *testing.T, seed uint64, steps int) {
	t.Helper()
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	start := engine.MustDate("2026-01-01")
	day := func() engine.Date { return start.AddDays(r.IntN(365)) }
	var fe []engine.FundEntry
	var pe []engine.PointsEntry
	rep := engine.Payee{Kind: engine.PayeeRep, ID: 1}
	var id engine.ID
	next := func() engine.ID { id++; return id }
	for step := 0; step < steps; step++ {
		switch r.IntN(9) {
		case 0, 1:
			d := day()
			fe = append(fe, engine.FundEntry{ID: next(), PartnerID: 1, Kind: engine.FundAccrual, Date: d,
				Amount: decimal.NewFromInt(int64(1 + r.IntN(1000))), ExpiresOn: d.AddDays(10 + r.IntN(200))})
			d = day()
			e := engine.PointsEntry{ID: next(), Payee: rep, Kind: engine.PointsEarned, Date: d, Points: int64(1 + r.IntN(500))}
			if r.IntN(3) > 0 {
				e.ExpiresOn = d.AddDays(10 + r.IntN(200))
			}
			pe = append(pe, e)
		case 2:
			fe = append(fe, engine.FundEntry{ID: next(), PartnerID: 1, Kind: engine.FundAccrual, Date: day(), Amount: decimal.NewFromInt(-int64(1 + r.IntN(300)))})
			pe = append(pe, engine.PointsEntry{ID: next(), Payee: rep, Kind: engine.PointsEarned, Date: day(), Points: -int64(1 + r.IntN(150))})
		case 3, 4, 5:
			d, amt := day(), decimal.NewFromInt(int64(1+r.IntN(800)))
			avail := engine.NewFundLedger(fe, 1, engine.MustDate("2999-12-31")).Available(d)
			approved, draws := engine.DrawClaim(fe, 1, d, amt)
			if !approved.Equal(decimal.Min(amt, avail)) {
				t.Fatalf("seed %d step %d: claim %s on %s approved %s, available %s", seed, step, amt, d, approved, avail)
			}
			if approved.IsPositive() {
				fe = append(fe, engine.FundEntry{ID: next(), PartnerID: 1, Kind: engine.FundClaim, Date: d, Amount: amt, Approved: approved,
					Status: engine.ClaimApproved, Draws: draws})
			}
			d = day()
			n := int64(1 + r.IntN(400))
			if n <= engine.PointsAvailable(pe, rep, d) {
				pe = append(pe, engine.PointsEntry{ID: next(), Payee: rep, Kind: engine.PointsRedeemed, Date: d, Points: -n, Against: "voucher"})
			}
		default:
			d := day()
			for _, e := range engine.DueExpiries(fe, d) {
				e.ID = next()
				fe = append(fe, e)
			}
			for _, e := range engine.DuePointsExpiries(pe, d) {
				e.ID = next()
				pe = append(pe, e)
			}
		}
		if p := engine.FundProblems(fe, 1); len(p) > 0 {
			t.Fatalf("seed %d step %d: fund problems %q", seed, step, p)
		}
		if p := engine.PointsProblems(pe, rep); len(p) > 0 {
			t.Fatalf("seed %d step %d: points problems %q", seed, step, p)
		}
		// The ledger on every entry: what is left less the debt equals the
		// movements.
		all := engine.MustDate("2999-12-31")
		fl := engine.NewFundLedger(fe, 1, all)
		moves, left := decimal.Zero, fl.Debt.Neg()
		for _, e := range fe {
			switch {
			case e.Kind == engine.FundAccrual:
				moves = moves.Add(e.Amount)
			case e.Kind == engine.FundClaim:
				moves = moves.Sub(e.Approved)
			case e.Kind == engine.FundExpiry:
				moves = moves.Sub(e.Amount)
			}
		}
		for _, a := range fl.Accruals {
			left = left.Add(a.Remaining)
		}
		if !left.Equal(moves) {
			t.Fatalf("seed %d step %d: fund left %s, movements %s", seed, step, left, moves)
		}
		pl := engine.NewPointsLedger(pe, rep, all)
		var pmoves, pleft int64 = 0, -pl.Debt
		for _, e := range pe {
			pmoves += e.Points
		}
		for _, lt := range pl.Lots {
			pleft += lt.Remaining
			if lt.Remaining < 0 {
				t.Fatalf("seed %d step %d: lot %d left %d", seed, step, lt.Earned.ID, lt.Remaining)
			}
		}
		if pleft != pmoves {
			t.Fatalf("seed %d step %d: points left %d, movements %d", seed, step, pleft, pmoves)
		}
		// Any day's view: nothing is drawn below zero, and expiring
		// money is never more than the balance's unexpired part.
		d := day()
		v := engine.NewFundLedger(fe, 1, d)
		for _, a := range v.Accruals {
			if a.Remaining.IsNegative() {
				t.Fatalf("seed %d step %d: on %s accrual %d left %s", seed, step, d, a.Accrual.ID, a.Remaining)
			}
		}
		for _, lt := range engine.NewPointsLedger(pe, rep, d).Lots {
			if lt.Remaining < 0 {
				t.Fatalf("seed %d step %d: on %s lot %d left %d", seed, step, d, lt.Earned.ID, lt.Remaining)
			}
		}
		exp, _, _ := v.Expiring(30)
		if exp.GreaterThan(v.Balance().Add(v.Debt)) {
			t.Fatalf("seed %d step %d: on %s expiring %s above the balance %s", seed, step, d, exp, v.Balance())
		}
	}
}

func TestLedgerRandomHistories(t *testing.T) {
	n := 500
	if testing.Short() {
		n = 200
	}
	for seed := range uint64(n) {
		ledgerHistory(t, seed, 40)
	}
}

func FuzzLedgerHistory(f *testing.F) {
	for _, s := range []uint64{1, 2, 3, 42} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, seed uint64) { ledgerHistory(t, seed, 60) })
}
