package engine_test

import (
	"testing"

	"partnerdesk/engine"
)

// Two programs over the same sales: a monthly commission of 5 % (program 1)
// and a quarterly rebate of 10 % (program 2).
func twoKinds() []engine.Program {
	monthly := engine.Program{ID: 1, Name: "Monthly", Currency: "EUR", PeriodKind: engine.PeriodMonth,
		ValidFrom: engine.MustDate("2026-01-01"), Status: engine.ProgramActive,
		Rules: []engine.Rule{{Key: "m", Name: "Commission", Kind: engine.RuleRate, Rate: &engine.RateRule{Rate: d("5")}}}}
	quarterly := engine.Program{ID: 2, Name: "Quarterly", Currency: "EUR", PeriodKind: engine.PeriodQuarter,
		ValidFrom: engine.MustDate("2026-01-01"), Status: engine.ProgramActive,
		Rules: []engine.Rule{{Key: "q", Name: "Rebate", Kind: engine.RuleRate, Rate: &engine.RateRule{Rate: d("10")}}}}
	return []engine.Program{monthly, quarterly}
}

func paidLine(period string, program engine.ID, rule, amount, basis string) engine.RewardLine {
	return engine.RewardLine{Period: period, ProgramID: program, RuleKey: rule, Payee: engine.Payee{Kind: engine.PayeePartner, ID: 1},
		PartnerID: 1, Unit: engine.UnitMoney, Amount: d(amount), Basis: d(basis), Status: engine.LinePaid}
}

// sums adds a result's money per program.
func sums(res engine.Result) map[engine.ID]string {
	out := map[engine.ID]string{}
	acc := map[engine.ID]engineDec{}
	for _, l := range res.Lines {
		acc[l.ProgramID] = acc[l.ProgramID].Add(l.Amount)
	}
	for k, v := range acc {
		out[k] = v.StringFixed(2)
	}
	return out
}

// Finding 1: a return in April of a March sale, with March and Q1 closed,
// is clawed back once per program, in that program's own period kind:
// monthly: -200.00 x 5 % = -10.00 in 2026-04 only;
// quarterly: -200.00 x 10 % = -20.00 in 2026-Q2 only.
func TestReturnClawsBackOncePerProgramKind(t *testing.T) {
	orig := sale(1, "2026-03-10", "1000")
	orig.Invoice = "INV-MAR"
	ret := sale(1, "2026-04-05", "-200")
	ret.Quantity, ret.OriginalInvoice, ret.Invoice = d("-1"), "INV-MAR", "CN-1"
	closed := []engine.Period{mustPeriod("2026-01"), mustPeriod("2026-02"), mustPeriod("2026-03"), mustPeriod("2026-Q1")}
	lines := []engine.RewardLine{paidLine("2026-03", 1, "m", "50.00", "1000"), paidLine("2026-Q1", 2, "q", "100.00", "1000")}
	for _, tt := range []struct {
		period string
		want   map[engine.ID]string
	}{
		{"2026-04", map[engine.ID]string{1: "-10.00"}},
		{"2026-Q2", map[engine.ID]string{2: "-20.00"}},
	} {
		t.Run(tt.period, func(t *testing.T) {
			in := fixture(tt.period)
			in.Programs = twoKinds()
			in.Sales = []engine.Sale{ret}
			in.Originals = []engine.Sale{orig}
			in.ClosedPeriods, in.ClosedLines = closed, lines
			res := compute(t, in)
			got := sums(res)
			if len(got) != len(tt.want) {
				t.Fatalf("programs with lines %v, want %v", got, tt.want)
			}
			for k, v := range tt.want {
				if got[k] != v {
					t.Errorf("program %d: got %s, want %s", k, got[k], v)
				}
			}
			for _, l := range res.Lines {
				if l.Adjustment == nil {
					t.Errorf("plain line %+v: the return should only adjust", l)
				}
			}
		})
	}
}

// Finding 1, the quarter still open: March is closed but Q1 is not. The
// monthly program claws back in April at March's rate (-10.00); the
// quarterly program counts the return plainly in Q2, its own period:
// basis -200.00 is negative and pays nothing.
func TestReturnOfClosedMonthInOpenQuarter(t *testing.T) {
	orig := sale(1, "2026-03-10", "1000")
	orig.Invoice = "INV-MAR"
	ret := sale(1, "2026-04-05", "-200")
	ret.Quantity, ret.OriginalInvoice, ret.Invoice = d("-1"), "INV-MAR", "CN-1"
	in := fixture("2026-Q2")
	in.Programs = twoKinds()
	in.Sales = []engine.Sale{ret}
	in.Originals = []engine.Sale{orig}
	in.ClosedPeriods = []engine.Period{mustPeriod("2026-03")}
	in.ClosedLines = []engine.RewardLine{paidLine("2026-03", 1, "m", "50.00", "1000")}
	l := only(t, compute(t, in))
	if l.ProgramID != 2 || l.Adjustment != nil || !l.Amount.IsZero() || !l.Basis.Equal(d("-200")) {
		t.Errorf("Q2 line %+v, want the quarterly program's plain zero line on -200", l)
	}
}

// Finding 2: with January to March closed, the quarter is still computed
// over their sales: 1,000 + 2,000 + 3,000 = 6,000.00 x 10 % = 600.00.
func TestQuarterComputesAfterItsMonthsClose(t *testing.T) {
	in := fixture("2026-Q1")
	in.Programs = twoKinds()
	in.Sales = []engine.Sale{sale(1, "2026-01-10", "1000"), sale(1, "2026-02-10", "2000"), sale(1, "2026-03-10", "3000")}
	in.ClosedPeriods = []engine.Period{mustPeriod("2026-01"), mustPeriod("2026-02"), mustPeriod("2026-03")}
	in.ClosedLines = []engine.RewardLine{paidLine("2026-01", 1, "m", "50.00", "1000")}
	l := only(t, compute(t, in))
	if l.ProgramID != 2 || !l.Amount.Equal(d("600")) || l.Adjustment != nil {
		t.Errorf("Q1 line %+v, want 600.00 of the quarterly program", l)
	}
}

// A late sale dated 2026-03-20 (March closed, Q1 open), entered after
// March closed (id 50 > 40, the last sale id when March closed):
// monthly: an adjustment in April at March's rate, 50/1,000 = 5 % of
// 400.00 = 20.00; quarterly: plainly in Q1 (400.00 x 10 % = 40.00), and
// nothing in Q2.
func TestLateSaleCountsOncePerKind(t *testing.T) {
	late := sale(1, "2026-03-20", "400")
	late.ID, late.Booked, late.Invoice = 50, engine.MustDate("2026-04-02"), "LATE-1"
	closed := []engine.Period{mustPeriod("2026-03")}
	atClose := map[string]engine.ID{"2026-03": 40}
	lines := []engine.RewardLine{paidLine("2026-03", 1, "m", "50.00", "1000")}
	for _, tt := range []struct {
		period string
		want   map[engine.ID]string
		adjust bool
	}{
		{"2026-04", map[engine.ID]string{1: "20.00"}, true},
		{"2026-Q1", map[engine.ID]string{2: "40.00"}, false},
		{"2026-Q2", map[engine.ID]string{}, false},
	} {
		t.Run(tt.period, func(t *testing.T) {
			in := fixture(tt.period)
			in.Programs = twoKinds()
			in.Sales = []engine.Sale{late}
			in.ClosedPeriods, in.ClosedLines, in.SalesAtClose = closed, lines, atClose
			res := compute(t, in)
			got := sums(res)
			if len(got) != len(tt.want) {
				t.Fatalf("programs with lines %v, want %v", got, tt.want)
			}
			for k, v := range tt.want {
				if got[k] != v {
					t.Errorf("program %d: got %s, want %s", k, got[k], v)
				}
			}
			for _, l := range res.Lines {
				if (l.Adjustment != nil) != tt.adjust {
					t.Errorf("line %+v: adjustment %v, want %v", l, l.Adjustment != nil, tt.adjust)
				}
			}
		})
	}
}

// A late sale adjusts the first open month after its own, once: dated in
// February (closed with last sale id 40), entered as sale 45. March was
// closed later with last sale id 60, so March counted it; April must not
// count it again. Had March closed before it was entered (last id 44),
// April is the first open month and takes it: 300.00 x 5 % = 15.00.
func TestLateSaleAdjustsTheFirstOpenPeriodOnly(t *testing.T) {
	late := sale(1, "2026-02-20", "300")
	late.ID, late.Booked, late.Invoice = 45, engine.MustDate("2026-03-25"), "LATE-2"
	for _, tt := range []struct {
		name     string
		marchAt  engine.ID
		wantLine bool
	}{
		{"March counted it", 60, false},
		{"entered after March closed", 44, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			in := fixture("2026-04")
			in.Programs = twoKinds()[:1]
			in.Sales = []engine.Sale{late}
			in.ClosedPeriods = []engine.Period{mustPeriod("2026-02"), mustPeriod("2026-03")}
			in.SalesAtClose = map[string]engine.ID{"2026-02": 40, "2026-03": tt.marchAt}
			res := compute(t, in)
			if !tt.wantLine {
				if len(res.Lines) != 0 {
					t.Errorf("April counted the late sale again: %+v", res.Lines)
				}
				return
			}
			l := only(t, res)
			if !l.Amount.Equal(d("15")) || l.Adjustment == nil || l.Adjustment.OriginalPeriod != "2026-02" {
				t.Errorf("April line %+v", l)
			}
		})
	}
}

// Finding 15: returns of closed periods adjust loyalty points and the
// referral revenue share too, at the effective rate paid there.
// Loyalty: Q1 earned 100 points on 1,000.00; a return of -250.00 takes
// back 250 x 100/1,000 = 25 points. Referral: Q1 paid 20.00 on 200.00 of
// customer K's subscription (10 %); a return of -50.00 takes back -5.00.
func TestReturnsAdjustLoyaltyAndReferral(t *testing.T) {
	loyalty := engine.Program{ID: 3, Name: "Marks", Currency: "EUR", PeriodKind: engine.PeriodQuarter,
		ValidFrom: engine.MustDate("2026-01-01"), Status: engine.ProgramActive,
		Rules: []engine.Rule{{Key: "l", Name: "Marks", Kind: engine.RuleLoyalty, Loyalty: &engine.LoyaltyRule{Points: d("1"), Per: d("10")}}}}
	referral := engine.Program{ID: 4, Name: "Refer", Currency: "EUR", PeriodKind: engine.PeriodQuarter,
		ValidFrom: engine.MustDate("2026-01-01"), Status: engine.ProgramActive,
		Rules: []engine.Rule{{Key: "r", Name: "Share", Kind: engine.RuleReferral, Referral: &engine.ReferralRule{Rate: d("10")}}}}
	first := sale(1, "2026-02-01", "200")
	first.Customer, first.NewCustomer, first.ProductID, first.Invoice = "K", true, 101, "SUB-1"
	hw := sale(1, "2026-02-02", "1000")
	hw.Invoice = "HW-1"
	retHW := sale(1, "2026-04-10", "-250")
	retHW.Quantity, retHW.OriginalInvoice, retHW.Invoice = d("-1"), "HW-1", "CN-HW"
	retSub := sale(1, "2026-04-11", "-50")
	retSub.Customer, retSub.ProductID, retSub.Quantity, retSub.OriginalInvoice, retSub.Invoice = "K", 101, d("-1"), "SUB-1", "CN-SUB"
	in := fixture("2026-Q2")
	in.Programs = []engine.Program{loyalty, referral}
	in.Sales = []engine.Sale{retHW, retSub}
	in.Originals = []engine.Sale{first, hw}
	in.CustomerFirstSales = []engine.Sale{first}
	in.ClosedPeriods = []engine.Period{mustPeriod("2026-Q1")}
	pts := paidLine("2026-Q1", 3, "l", "0", "1200")
	pts.Unit, pts.Points, pts.Status = engine.UnitPoints, 120, engine.LineApproved
	in.ClosedLines = []engine.RewardLine{pts, paidLine("2026-Q1", 4, "r", "20.00", "200")}
	res := compute(t, in)
	var points int64
	var share engineDec
	for _, l := range res.Lines {
		if l.Adjustment == nil {
			continue
		}
		points += l.Points
		if l.ProgramID == 4 {
			share = share.Add(l.Amount)
		}
	}
	// Loyalty: Q1 earned 120 points on 1,200.00 (both sales): 0.1 a unit;
	// -250 - 50 = -300.00 x 0.1 = -30 points.
	if points != -30 {
		t.Errorf("points clawed back %d, want -30 (lines %+v)", points, res.Lines)
	}
	if !share.Equal(d("-5")) {
		t.Errorf("referral claw-back %s, want -5.00", share)
	}
}
