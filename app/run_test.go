package app_test

import (
	"encoding/json"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"partnerdesk/app"
	"partnerdesk/app/demo"
	"partnerdesk/data"
	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// newDemo opens a fresh database holding the demo company through `through`,
// with the clock on `today`.
func newDemo(tb testing.TB, through, today string) *app.Service {
	tb.Helper()
	st, err := data.Open(filepath.Join(tb.TempDir(), "pd.db"), data.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	now := engine.MustDate(today).Time().Add(10 * time.Hour)
	svc := app.NewService(st, "tester", func() time.Time { return now })
	tb.Cleanup(func() {
		rep, err := st.Check()
		if err != nil || !rep.OK() {
			tb.Errorf("check after test: %v %v", err, rep.Problems)
		}
		st.Close()
	})
	if err := svc.LoadDataset(demo.Generate(1, engine.MustDate(through)), nil); err != nil {
		tb.Fatal(err)
	}
	return svc
}

// payAll approves every draft line of the period and pays each payee's
// approved money lines in one payout.
func payAll(t *testing.T, svc *app.Service, period string) {
	t.Helper()
	if _, err := svc.Approve(period, nil, true); err != nil {
		t.Fatalf("approve %s: %v", period, err)
	}
	ls, err := svc.Lines(period, app.LineFilter{Status: engine.LineApproved})
	if err != nil {
		t.Fatal(err)
	}
	by := map[engine.Payee][]engine.ID{}
	for _, l := range ls {
		if l.Unit == engine.UnitMoney && !l.Amount.IsZero() {
			by[l.Payee] = append(by[l.Payee], l.ID)
		}
	}
	for _, ids := range by {
		if _, err := svc.Pay(views.PayInput{Lines: ids, Method: "bank transfer", Reference: "T-" + period}); err != nil {
			t.Fatalf("pay %s: %v", period, err)
		}
	}
}

// lineKeys strips ids so two computations can be compared.
func lineKeys(t *testing.T, ls []app.LineView) string {
	t.Helper()
	type k struct {
		Prog   engine.ID
		Rule   string
		Payee  engine.Payee
		Amount string
		Points int64
		Basis  string
		Expl   engine.Explanation
		Adj    *engine.Adjustment
		Status engine.LineStatus
	}
	var ks []k
	for _, l := range ls {
		ks = append(ks, k{l.ProgramID, l.RuleKey, l.Payee, l.Amount.String(), l.Points, l.Basis.String(), l.Explanation, l.Adjustment, l.Status})
	}
	b, err := json.Marshal(ks)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// The period run of the demo company through two quarters: Q1 computed,
// approved, paid and closed; a return of a Q1 invoice entered in Q2 claws
// back at Q1's effective rate and names the invoice; Q2 recomputes to the
// same lines; a Q1 sale can no longer change.
func TestPeriodRunTwoQuarters(t *testing.T) {
	svc := newDemo(t, "2026-06-30", "2026-07-05")

	// Monthly programs run inside the quarter: compute and settle them too.
	for _, p := range []string{"2026-01", "2026-02", "2026-03", "2026-Q1"} {
		if _, err := svc.ComputePeriod(p, nil); err != nil {
			t.Fatalf("compute %s: %v", p, err)
		}
		payAll(t, svc, p)
	}
	if _, err := svc.ClosePeriod("2026-Q1"); err != nil {
		t.Fatalf("close Q1: %v", err)
	}

	// A rebate line of Q1 and one of its partner's Q1 sales.
	q1, err := svc.Lines("2026-Q1", app.LineFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var rebate *app.LineView
	for i := range q1 {
		l := &q1[i]
		if l.Unit == engine.UnitMoney && l.Amount.IsPositive() && l.Basis.IsPositive() && l.Payee.Kind == engine.PayeePartner && l.Adjustment == nil {
			rebate = l
			break
		}
	}
	if rebate == nil {
		t.Fatal("no paid partner money line in 2026-Q1 to claw back from")
	}
	q1Sales, err := svc.SalesBetween(engine.MustDate("2026-01-01"), engine.MustDate("2026-03-31"))
	if err != nil {
		t.Fatal(err)
	}
	var orig *engine.Sale
	for i := range q1Sales {
		s := &q1Sales[i]
		if s.PartnerID == rebate.Payee.ID && s.Net.IsPositive() && len(s.Splits) == 0 && s.OriginalInvoice == "" {
			orig = s
			break
		}
	}
	if orig == nil {
		t.Fatalf("partner %d has no Q1 sale", rebate.Payee.ID)
	}

	// Editing a Q1 sale is refused by the store.
	err = svc.Store().Update("tester", func(tx *data.Tx) error {
		changed := *orig
		changed.Customer = "someone else"
		return tx.Put(&changed)
	})
	if !errors.Is(err, engine.ErrPeriodClosed) {
		t.Fatalf("editing a Q1 sale: err = %v, want ErrPeriodClosed", err)
	}
	// So is adding a sale dated in Q1 without confirming it as a late sale.
	_, err = svc.AddSale(views.SaleInput{Date: "2026-02-10", Partner: "P1", Customer: "Late Srl", Product: "1", Quantity: "1", UnitPrice: "100", Invoice: "LATE-1"}, false)
	if !errors.Is(err, engine.ErrConfirmationNeeded) {
		t.Fatalf("sale dated in closed Q1: err = %v, want ErrConfirmationNeeded", err)
	}

	// The return, dated in Q2, of the Q1 invoice line.
	ret, err := svc.AddSale(views.SaleInput{
		Date: "2026-04-20", Partner: idStr("P", orig.PartnerID), Customer: orig.Customer, Product: idStr("", orig.ProductID),
		Quantity: orig.Quantity.Neg().String(), UnitPrice: orig.UnitPrice.String(), Net: orig.Net.Neg().String(),
		Invoice: "CN-" + orig.Invoice, OriginalInvoice: orig.Invoice,
	}, false)
	if err != nil {
		t.Fatalf("enter the return: %v", err)
	}
	if _, err := svc.ComputePeriod("2026-Q2", nil); err != nil {
		t.Fatal(err)
	}
	q2, err := svc.Lines("2026-Q2", app.LineFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var claw *app.LineView
	for i := range q2 {
		l := &q2[i]
		if l.Adjustment != nil && l.Adjustment.Invoice == orig.Invoice && l.ProgramID == rebate.ProgramID && l.RuleKey == rebate.RuleKey && l.Payee == rebate.Payee {
			claw = l
		}
	}
	if claw == nil {
		t.Fatalf("no clawback line for the return of %s in 2026-Q2", orig.Invoice)
	}
	if claw.Adjustment.OriginalPeriod != "2026-Q1" {
		t.Errorf("clawback original period = %q, want 2026-Q1", claw.Adjustment.OriginalPeriod)
	}
	// Q1's effective rate for that rule and payee: the reward over the
	// basis of its Q1 lines, as a percentage.
	reward, basis := decimal.Zero, decimal.Zero
	for _, l := range q1 {
		if l.ProgramID == rebate.ProgramID && l.RuleKey == rebate.RuleKey && l.Payee == rebate.Payee {
			reward, basis = reward.Add(l.Amount), basis.Add(l.Basis)
		}
	}
	// The rate is shown to 4 places; the amount uses the exact ratio.
	rate := reward.Mul(decimal.NewFromInt(100)).DivRound(basis, 4)
	if !claw.Adjustment.EffectiveRate.Equal(rate) {
		t.Errorf("effective rate = %s, want Q1's %s (= %s / %s)", claw.Adjustment.EffectiveRate, rate, reward, basis)
	}
	want := engine.NewCurrency("EUR").Round(claw.Basis.Mul(reward).DivRound(basis, 16))
	if !claw.Amount.Equal(want) || !claw.Amount.IsNegative() {
		t.Errorf("clawback = %s, want %s (= basis %s x %s / %s), negative", claw.Amount, want, claw.Basis, reward, basis)
	}
	if _, ok := claw.Explanation.Arg("invoice"); !ok || claw.Explanation.Key != "adjust.return" {
		t.Errorf("clawback explanation = %+v, want adjust.return naming the invoice", claw.Explanation)
	}
	_ = ret

	// Recomputing Q2 twice gives the same lines.
	if _, err := svc.ComputePeriod("2026-Q2", nil); err != nil {
		t.Fatal(err)
	}
	again, err := svc.Lines("2026-Q2", app.LineFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if lineKeys(t, again) != lineKeys(t, q2) {
		t.Error("recomputing 2026-Q2 changed its lines")
	}

	// Q1 cannot be computed again, and its lines cannot be approved or paid twice.
	if _, err := svc.ComputePeriod("2026-Q1", nil); !errors.Is(err, engine.ErrPeriodClosed) {
		t.Errorf("recompute closed Q1: err = %v, want ErrPeriodClosed", err)
	}
}

// Approving lines that take a program past its budget needs a
// confirmation that carries the figures; nothing is approved without it.
func TestApproveWarnsPastBudget(t *testing.T) {
	svc := newDemo(t, "2026-06-30", "2026-07-05")
	if _, err := svc.ComputePeriod("2026-Q2", nil); err != nil {
		t.Fatal(err)
	}
	progs, err := svc.Programs()
	if err != nil {
		t.Fatal(err)
	}
	// Shrink every budget to 1.00 so any approval passes it.
	for _, p := range progs {
		p.Budget = decimal.NewFromInt(1)
		if _, err := svc.SaveProgram(p); err != nil {
			t.Fatal(err)
		}
	}
	_, err = svc.Approve("2026-Q2", nil, false)
	var be *engine.BudgetError
	if !errors.As(err, &be) || !errors.Is(err, engine.ErrConfirmationNeeded) || len(be.Overruns) == 0 {
		t.Fatalf("approve past budget: err = %v, want a BudgetError", err)
	}
	if draft, _ := svc.Lines("2026-Q2", app.LineFilter{Status: engine.LineApproved}); len(draft) != 0 {
		t.Errorf("%d lines approved without confirmation", len(draft))
	}
	res, err := svc.Approve("2026-Q2", nil, true)
	if err != nil || res.Approved == 0 {
		t.Fatalf("confirmed approval: %v, %d approved", err, res.Approved)
	}
}

// A payout must equal the lines it settles.
func TestPayAmountMustEqualLines(t *testing.T) {
	svc := newDemo(t, "2026-06-30", "2026-07-05")
	if _, err := svc.ComputePeriod("2026-Q2", nil); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Approve("2026-Q2", nil, true); err != nil {
		t.Fatal(err)
	}
	ls, _ := svc.Lines("2026-Q2", app.LineFilter{Status: engine.LineApproved})
	var l *app.LineView
	for i := range ls {
		if ls[i].Unit == engine.UnitMoney && ls[i].Amount.IsPositive() {
			l = &ls[i]
			break
		}
	}
	if l == nil {
		t.Fatal("no approved money line")
	}
	wrong := l.Amount.Add(decimal.New(1, -2)).String()
	_, err := svc.Pay(views.PayInput{Lines: []engine.ID{l.ID}, Method: "bank transfer", Amount: wrong})
	var ve *engine.ValidationError
	if !errors.As(err, &ve) || ve.Field != "amount" {
		t.Fatalf("pay %s for a line of %s: err = %v, want a ValidationError on amount", wrong, l.Amount, err)
	}
	po, err := svc.Pay(views.PayInput{Lines: []engine.ID{l.ID}, Method: "bank transfer", Amount: l.Amount.String()})
	if err != nil || !po.Amount.Equal(l.Amount) {
		t.Fatalf("pay the exact amount: %v, %s", err, po.Amount)
	}
	if _, err := svc.Pay(views.PayInput{Lines: []engine.ID{l.ID}, Method: "bank transfer"}); err == nil {
		t.Error("paying a paid line again was accepted")
	}
}

func idStr(prefix string, id engine.ID) string {
	return prefix + decimal.NewFromInt(int64(id)).String()
}

// The demo's history: past quarters closed and paid, the last one approved
// and open, the running month drafted, the ledgers moved; the file checks.
func TestSettleDemo(t *testing.T) {
	svc := newDemo(t, "2026-10-31", "2026-11-23")
	if err := svc.SettleDemo(engine.MustDate("2026-10-31"), nil); err != nil {
		t.Fatal(err)
	}
	ps, err := svc.Periods()
	if err != nil {
		t.Fatal(err)
	}
	closed := map[string]bool{}
	for _, p := range ps {
		closed[p.Key] = p.Closed
	}
	for _, k := range []string{"2025-Q4", "2026-Q1", "2026-Q2", "2026-04"} {
		if !closed[k] {
			t.Errorf("%s is not closed", k)
		}
	}
	if closed["2026-Q3"] {
		t.Error("2026-Q3 was closed; the demo leaves it for the user to pay and close")
	}
	q3, _ := svc.Lines("2026-Q3", app.LineFilter{})
	for _, l := range q3 {
		if l.Status != engine.LineApproved {
			t.Fatalf("2026-Q3 line %d is %s, want approved", l.ID, l.Status)
		}
	}
	if oct, _ := svc.Lines("2026-10", app.LineFilter{Status: engine.LineDraft}); len(oct) == 0 {
		t.Error("the running month has no draft lines")
	}
	if q2, _ := svc.Lines("2026-Q2", app.LineFilter{Status: engine.LineApproved}); len(q2) != 0 {
		for _, l := range q2 {
			if l.Unit == engine.UnitMoney && !l.Amount.IsZero() {
				t.Fatalf("2026-Q2 money line %d left unpaid in a closed period", l.ID)
			}
		}
	}
}
