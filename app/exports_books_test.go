package app_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/shopspring/decimal"

	"partnerdesk/app"
	"partnerdesk/data/sheet"
	"partnerdesk/engine"
)

// readExport writes kind of period as CSV in the company's style and reads
// it back: the rows as maps of header to cell, amounts read with the
// style's decimal mark.
func readExport(t *testing.T, svc *app.Service, kind, period string) []map[string]string {
	t.Helper()
	sh, err := svc.ExportSheet(kind, period)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), kind+".csv")
	if err := app.WriteSheet(sh, path, "", nil); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(raw, []byte("\ufeff")) {
		t.Errorf("%s.csv does not start with a byte-order mark", kind)
	}
	tab, err := sheet.Read(bytes.NewReader(raw), path)
	if err != nil {
		t.Fatal(err)
	}
	wantSep := map[string]rune{engine.CSVComma: ',', engine.CSVSemicolon: ';'}[sh.CSVStyle]
	if tab.Comma != wantSep {
		t.Errorf("%s.csv is separated by %q in style %s", kind, tab.Comma, sh.CSVStyle)
	}
	var out []map[string]string
	for _, r := range tab.Rows {
		m := map[string]string{}
		for i, h := range tab.Header {
			m[h] = r.Cell(i)
		}
		out = append(out, m)
	}
	return out
}

func amountIn(t *testing.T, style, s string) decimal.Decimal {
	t.Helper()
	if s == "" {
		return decimal.Zero
	}
	d, err := sheet.ParseAmountIn(s, style == engine.CSVSemicolon)
	if err != nil {
		t.Fatalf("amount %q (%s): %v", s, style, err)
	}
	return d
}

// Exports of every kind for a closed quarter of the demo agree with that
// quarter's journal (counts and sums) and its statements, in both CSV
// styles: a period selects what is dated inside it, for every kind.
func TestExportsAgreeWithTheJournal(t *testing.T) {
	svc := settledDemo(t)
	const q = "2026-Q2"
	qp, err := svc.Period(q)
	if err != nil {
		t.Fatal(err)
	}
	js, _, err := svc.Journal()
	if err != nil {
		t.Fatal(err)
	}
	chart := engine.DefaultChart()
	// What the journal says of the quarter, from its entries dated in it.
	var accruals, payouts, fundAccr, claims, redeemed, earned int
	sumAccr, sumPaid, sumFund, sumClaims := decimal.Zero, decimal.Zero, decimal.Zero, decimal.Zero
	var ptsEarned, ptsRedeemed int64
	signed := func(e engine.JournalEntry, liability engine.Account) decimal.Decimal {
		if e.Credit.Code == liability.Code {
			return e.Amount
		}
		return e.Amount.Neg()
	}
	for _, e := range engine.JournalIn(js, qp) {
		switch {
		case (e.Event == engine.EventAccrual || e.Event == engine.EventAdjustment) && (e.Debit == chart.AccruedRewards || e.Credit == chart.AccruedRewards):
			accruals++
			sumAccr = sumAccr.Add(signed(e, chart.AccruedRewards))
		case (e.Event == engine.EventAccrual || e.Event == engine.EventAdjustment) && (e.Debit == chart.FundLiability || e.Credit == chart.FundLiability):
			fundAccr++
			sumFund = sumFund.Add(signed(e, chart.FundLiability))
		case (e.Event == engine.EventAccrual || e.Event == engine.EventAdjustment) && e.Points != 0:
			earned++
			if e.Credit == chart.PointsLiability {
				ptsEarned += e.Points
			} else {
				ptsEarned -= e.Points
			}
		case e.Event == engine.EventPayout:
			payouts++
			sumPaid = sumPaid.Add(signed(e, chart.Bank))
		case e.Event == engine.EventClaimApproved:
			claims++
			sumClaims = sumClaims.Add(e.Amount)
		case e.Event == engine.EventPointsRedeemed:
			redeemed++
			ptsRedeemed += e.Points
		}
	}
	if accruals == 0 || payouts == 0 || fundAccr == 0 || claims == 0 || redeemed == 0 || earned == 0 {
		t.Fatalf("the quarter's journal lacks events: %d accruals, %d payouts, %d fund accruals, %d claims, %d redemptions, %d points earnings",
			accruals, payouts, fundAccr, claims, redeemed, earned)
	}
	t.Logf("%s: %d accruals of %s, %d payouts of %s, %d fund accruals of %s, %d claims of %s, %d redemptions, %d points earnings", q, accruals, sumAccr, payouts, sumPaid, fundAccr, sumFund, claims, sumClaims, redeemed, earned)
	// The statements of the quarter add up to its money lines.
	payees, err := svc.PayeesWithLines(q)
	if err != nil {
		t.Fatal(err)
	}
	stTotal := decimal.Zero
	for _, p := range payees {
		st, err := svc.BuildStatement(p, q)
		if err != nil {
			t.Fatal(err)
		}
		stTotal = stTotal.Add(st.Total())
	}
	if !stTotal.Equal(sumAccr) {
		t.Errorf("the quarter's statements total %s, its journal accrues %s", stTotal, sumAccr)
	}

	for _, style := range []string{engine.CSVComma, engine.CSVSemicolon} {
		co, err := svc.Company()
		if err != nil {
			t.Fatal(err)
		}
		co.CSVStyle = style
		if err := svc.SaveCompany(co); err != nil {
			t.Fatal(err)
		}
		t.Run(style, func(t *testing.T) {
			n, sum := 0, decimal.Zero
			for _, r := range readExport(t, svc, "lines", q) {
				d, err := engine.ParseDate(r["date"])
				if err != nil || !qp.Contains(d) {
					t.Fatalf("line %s dated %q, outside %s", r["line_id"], r["date"], q)
				}
				a := amountIn(t, style, r["amount"])
				if r["unit"] == string(engine.UnitMoney) && r["status"] != string(engine.LineDraft) && !a.IsZero() {
					n++
					sum = sum.Add(a)
				}
			}
			if n != accruals || !sum.Equal(sumAccr) {
				t.Errorf("lines: %d money lines of %s, the journal %d accruals of %s", n, sum, accruals, sumAccr)
			}
			n, sum = 0, decimal.Zero
			for _, r := range readExport(t, svc, "payouts", q) {
				n++
				sum = sum.Add(amountIn(t, style, r["amount"]))
			}
			if n != payouts || !sum.Equal(sumPaid) {
				t.Errorf("payouts: %d of %s, the journal %d of %s", n, sum, payouts, sumPaid)
			}
			nf, nc, sumF, sumC := 0, 0, decimal.Zero, decimal.Zero
			for _, r := range readExport(t, svc, "funds", q) {
				switch r["kind"] {
				case string(engine.FundAccrual):
					nf++
					sumF = sumF.Add(amountIn(t, style, r["amount"]))
				case string(engine.FundClaim):
					if a := amountIn(t, style, r["approved"]); a.IsPositive() {
						nc++
						sumC = sumC.Add(a)
					}
				}
			}
			if nf != fundAccr || !sumF.Equal(sumFund) || nc != claims || !sumC.Equal(sumClaims) {
				t.Errorf("funds: %d accruals of %s and %d claims of %s; the journal %d of %s and %d of %s", nf, sumF, nc, sumC, fundAccr, sumFund, claims, sumClaims)
			}
			var pe, pr int64
			ne, nr := 0, 0
			for _, r := range readExport(t, svc, "points", q) {
				p, err := strconv.ParseInt(r["points"], 10, 64)
				if err != nil {
					t.Fatalf("points %q", r["points"])
				}
				switch r["kind"] {
				case string(engine.PointsEarned):
					ne++
					pe += p
				case string(engine.PointsRedeemed):
					nr++
					pr -= p
				}
			}
			if ne != earned || pe != ptsEarned || nr != redeemed || pr != ptsRedeemed {
				t.Errorf("points: %d earnings of %d and %d redemptions of %d; the journal %d of %d and %d of %d", ne, pe, nr, pr, earned, ptsEarned, redeemed, ptsRedeemed)
			}
			jr := readExport(t, svc, "journal", q)
			if len(jr) != len(engine.JournalIn(js, qp)) {
				t.Errorf("journal export: %d rows, %d entries dated in %s", len(jr), len(engine.JournalIn(js, qp)), q)
			}
			for i, h := range app.JournalHeader {
				if len(jr) > 0 {
					if _, ok := jr[0][h]; !ok {
						t.Errorf("journal column %d %q missing", i, h)
					}
				}
			}
		})
	}
}
