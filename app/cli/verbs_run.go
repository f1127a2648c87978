package cli

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/shopspring/decimal"

	"partnerdesk/app"
	"partnerdesk/engine"
	"partnerdesk/engine/i18n"
	"partnerdesk/engine/views"
)

func init() {
	register(&verb{name: "compute", args: "PERIOD", summary: "compute (or recompute) the draft reward lines of a period", run: runCompute})
	register(&verb{name: "lines", args: "PERIOD [--program P] [--payee X] [--status S] [--format table|csv|json] [--lang L]",
		summary: "list a period's reward lines with their explanations", run: runLines})
	register(&verb{name: "approve", args: "PERIOD [--lines 1,2,3] [--yes]", summary: "approve draft lines (all, or the ids given); --yes confirms going past a budget", run: runApprove})
	register(&verb{name: "pay", args: "--lines 1,2 --method M [--reference R] [--date D] [--amount A] [--payee X]",
		summary: "record a payout settling approved lines of one payee", run: runPay})
	register(&verb{name: "close", args: "PERIOD [--check]", summary: "close a period: its inputs and rewards become read-only; --check only says what blocks it", run: runClose})
	register(&verb{name: "periods", args: "", summary: "list closed periods", run: runPeriods})
	register(&verb{name: "funds", args: "[PARTNER] [--date D] [--lots] [--format table|csv|json]", summary: "MDF / co-op fund balances (posting expiries due); --lots lists each accrual", run: runFunds})
	register(&verb{name: "claim", args: "PARTNER AMOUNT [--reference R] [--date D] [--approve]", summary: "record a fund claim (approved at once with --approve)", run: runClaim})
	register(&verb{name: "claim-decide", args: "CLAIM-ID approve|reject|reimburse [--reference R]", summary: "decide or reimburse a fund claim", run: runClaimDecide})
	register(&verb{name: "points", args: "[PAYEE] [--date D] [--lots] [--format table|csv|json]", summary: "points balances of partners and reps, and what expires next (posting expiries due)", run: runPoints})
	register(&verb{name: "redeem", args: "PAYEE POINTS --against WHAT [--date D]", summary: "redeem points (never below zero)", run: runRedeem})
}

func runCompute(c *cmd, args []string) error {
	pos, err := c.parse(c.flags(), args, 1, 1)
	if err != nil {
		return err
	}
	sum, err := c.svc.ComputePeriod(pos[0], terminalBar(c.stderr, "compute "+pos[0]))
	if err != nil {
		return err
	}
	co, _ := c.svc.Company()
	fmt.Fprintf(c.stdout, "%s: %d sales, %d draft lines (%s, %d points), %d approved or paid lines kept\n",
		sum.Period, sum.Sales, sum.Lines, i18n.Money(sum.Money, co.Currency, "en"), sum.Points, sum.Kept)
	fmt.Fprintf(c.stdout, "%s (see: changes %s)\n", app.ChangeSummaryText(sum.Changes, co.Currency, "en"), sum.Period)
	return nil
}

func runLines(c *cmd, args []string) error {
	fs := c.flags()
	var f app.LineFilter
	status := fs.String("status", "", "draft, approved or paid")
	format := fs.String("format", "table", "")
	lang := fs.String("lang", "en", "language of the explanations")
	fs.StringVar(&f.Program, "program", "", "")
	fs.StringVar(&f.Payee, "payee", "", "")
	pos, err := c.parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	f.Status = engine.LineStatus(*status)
	ls, err := c.svc.Lines(pos[0], f)
	if err != nil {
		return err
	}
	type jsonLine struct {
		ID          engine.ID         `json:"id"`
		Period      string            `json:"period"`
		Program     string            `json:"program"`
		Rule        string            `json:"rule"`
		PayeeKind   engine.PayeeKind  `json:"payee_kind"`
		PayeeID     engine.ID         `json:"payee_id"`
		Payee       string            `json:"payee"`
		Unit        engine.Unit       `json:"unit"`
		Amount      decimal.Decimal   `json:"amount"`
		Points      int64             `json:"points"`
		Basis       decimal.Decimal   `json:"basis"`
		Status      engine.LineStatus `json:"status"`
		Explanation string            `json:"explanation"`
		RuleVersion int               `json:"rule_version,omitempty"` // the version of the program's rules the line used
	}
	t := &table{header: []string{"id", "period", "program", "rule", "payee", "kind", "amount", "points", "basis", "status", "explanation"}}
	var js []jsonLine
	var money moneyTotal
	points := int64(0)
	for _, l := range ls {
		expl := i18n.Explain(l.Explanation, *lang)
		payee := fmt.Sprintf("%s%d %s", map[engine.PayeeKind]string{engine.PayeePartner: "P", engine.PayeeRep: "R"}[l.Payee.Kind], l.Payee.ID, l.PayeeName)
		amount := ""
		if l.Unit != engine.UnitPoints {
			amount = l.Currency.Format(l.Amount)
			money.add(l.Currency, l.Amount)
		}
		points += l.Points
		rule := l.RuleName
		if l.RuleVersion > 0 {
			rule = fmt.Sprintf("%s (rules v%d)", rule, l.RuleVersion)
		}
		t.add(l.ID, l.Period, l.ProgramName, rule, payee, l.Unit, amount, l.Points, l.Basis.String(), l.Status, expl)
		js = append(js, jsonLine{l.ID, l.Period, l.ProgramName, l.RuleName, l.Payee.Kind, l.Payee.ID, l.PayeeName, l.Unit, l.Amount, l.Points, l.Basis, l.Status, expl, l.RuleVersion})
	}
	t.objects = js
	if err := t.print(c.stdout, *format); err != nil {
		return err
	}
	if *format == "table" {
		fmt.Fprintf(c.stdout, "%d lines, money %s, points %d\n", len(ls), money, points)
	}
	return nil
}

func runApprove(c *cmd, args []string) error {
	fs := c.flags()
	lines := fs.String("lines", "", "line ids; all draft lines when empty")
	yes := fs.Bool("yes", false, "approve even past a program's budget")
	pos, err := c.parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	ids, err := parseIDs(*lines)
	if err != nil {
		return usagef("--lines: %v", err)
	}
	res, err := c.svc.Approve(pos[0], ids, *yes)
	var be *engine.BudgetError
	if errors.As(err, &be) {
		return fmt.Errorf("%v (run again with --yes)", be)
	}
	if err != nil {
		return err
	}
	co, _ := c.svc.Company()
	fmt.Fprintf(c.stdout, "%d lines approved\n", res.Approved)
	for _, b := range res.Budgets {
		if b.Budget.IsPositive() {
			fmt.Fprintf(c.stdout, "  %s: spent %s of %s\n", b.Program, i18n.Money(b.After(), co.Currency, "en"), i18n.Money(b.Budget, co.Currency, "en"))
		}
	}
	return nil
}

func runPay(c *cmd, args []string) error {
	fs := c.flags()
	var in views.PayInput
	lines := fs.String("lines", "", "")
	fs.StringVar(&in.Payee, "payee", "", "")
	fs.StringVar(&in.Method, "method", "", "")
	fs.StringVar(&in.Reference, "reference", "", "")
	fs.StringVar(&in.Date, "date", "", "")
	fs.StringVar(&in.Amount, "amount", "", "")
	if _, err := c.parse(fs, args, 0, 0); err != nil {
		return err
	}
	ids, err := parseIDs(*lines)
	if err != nil {
		return usagef("--lines: %v", err)
	}
	in.Lines = ids
	po, err := c.svc.Pay(in)
	if err != nil {
		return err
	}
	co, _ := c.svc.Company()
	fmt.Fprintf(c.stdout, "payout %d of %s to %s %d on %s settles %d lines\n", po.ID, i18n.Money(po.Amount, co.Currency, "en"), po.Payee.Kind, po.Payee.ID, po.Date, len(po.LineIDs))
	return nil
}

func runClose(c *cmd, args []string) error {
	fs := c.flags()
	check := fs.Bool("check", false, "say what blocks the close, close nothing")
	pos, err := c.parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	if *check {
		// The same words the window shows before it asks to confirm.
		ch, err := c.svc.CloseCheck(pos[0])
		if err != nil {
			return err
		}
		if !ch.CanClose() {
			return errors.New(ch.Text)
		}
		fmt.Fprintf(c.stdout, "%s can close: nothing blocks it\n", ch.Period)
		return nil
	}
	st, err := c.svc.ClosePeriod(pos[0])
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "%s (%s to %s) closed by %s on %s\n", st.Key, st.Start, st.End, st.ClosedBy, st.ClosedOn)
	return nil
}

func runPeriods(c *cmd, args []string) error {
	if _, err := c.parse(c.flags(), args, 0, 0); err != nil {
		return err
	}
	ps, err := c.svc.Periods()
	if err != nil {
		return err
	}
	t := &table{header: []string{"period", "start", "end", "closed", "closed_on", "closed_by"}}
	for _, p := range ps {
		t.add(p.Key, p.Start, p.End, p.Closed, p.ClosedOn, p.ClosedBy)
	}
	return t.print(c.stdout, "table")
}

// balanceArgs reads the arguments of the balance verbs: an optional payee,
// --date (default today), --format and --lots (list each accrual or lot
// with what is left of it and when it expires).
func (c *cmd) balanceArgs(args []string) (ref string, day engine.Date, format string, lots bool, err error) {
	fs := c.flags()
	date := fs.String("date", "", "")
	f := fs.String("format", "table", "")
	l := fs.Bool("lots", false, "")
	pos, err := c.parse(fs, args, 0, 1)
	if err != nil {
		return "", 0, "", false, err
	}
	if day, err = c.svc.DayOrToday("date", *date); err != nil {
		return "", 0, "", false, err
	}
	if len(pos) == 1 {
		ref = pos[0]
	}
	return ref, day, *f, *l, nil
}

func runFunds(c *cmd, args []string) error {
	ref, day, format, lots, err := c.balanceArgs(args)
	if err != nil {
		return err
	}
	fv, err := c.svc.Funds(ref, day)
	if err != nil {
		return err
	}
	cur, err := c.currency()
	if err != nil {
		return err
	}
	if lots {
		t := &table{header: []string{"partner", "accrual", "period", "accrued_on", "amount", "claimed", "expired", "clawed_back", "left", "expires_on"}, objects: fv}
		for _, f := range fv {
			for _, a := range f.Accruals {
				t.add(fmt.Sprintf("P%d", f.PartnerID), a.Accrual.ID, a.Accrual.Period, a.Accrual.Date, cur.Format(a.Accrual.Amount), cur.Format(a.Claimed),
					cur.Format(a.Lapsed()), cur.Format(a.ClawedBack), cur.Format(a.Left()), a.Accrual.ExpiresOn)
			}
			if f.Debt.IsPositive() {
				t.add(fmt.Sprintf("P%d", f.PartnerID), "", "claw-backs not covered", "", "", "", "", cur.Format(f.Debt.Neg()), cur.Format(f.Debt.Neg()), "")
			}
		}
		return t.print(c.stdout, format)
	}
	t := &table{header: []string{"partner", "name", "accrued", "balance", "expiring_30_days", "next_expiry", "claims"}, objects: fv}
	for _, f := range fv {
		t.add(fmt.Sprintf("P%d", f.PartnerID), f.Partner, cur.Format(f.Accrued), cur.Format(f.Balance), cur.Format(f.Expiring30), f.NextExpiry, len(f.Claims))
	}
	return t.print(c.stdout, format)
}

func runClaim(c *cmd, args []string) error {
	fs := c.flags()
	var in app.ClaimInput
	fs.StringVar(&in.Reference, "reference", "", "")
	fs.StringVar(&in.Date, "date", "", "")
	fs.BoolVar(&in.Approve, "approve", false, "")
	pos, err := c.parse(fs, args, 2, 2)
	if err != nil {
		return err
	}
	in.Partner, in.Amount = pos[0], pos[1]
	cl, err := c.svc.Claim(in)
	if err != nil {
		return err
	}
	cur, err := c.currency()
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "claim %d of %s: %s", cl.ID, cur.Format(cl.Amount), cl.Status)
	if cl.Status == engine.ClaimApproved {
		fmt.Fprintf(c.stdout, " %s", cur.Format(cl.Approved))
	}
	fmt.Fprintln(c.stdout)
	return nil
}

func runClaimDecide(c *cmd, args []string) error {
	fs := c.flags()
	ref := fs.String("reference", "", "")
	pos, err := c.parse(fs, args, 2, 2)
	if err != nil {
		return err
	}
	n, err := strconv.ParseUint(pos[0], 10, 64)
	if err != nil {
		return usagef("%q is not a claim id", pos[0])
	}
	id := engine.ID(n)
	switch pos[1] {
	case "approve", "reject":
		cl, err := c.svc.DecideClaim(id, pos[1] == "approve")
		if err != nil {
			return err
		}
		cur, err := c.currency()
		if err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "claim %d %s %s\n", cl.ID, cl.Status, cur.Format(cl.Approved))
	case "reimburse":
		if err := c.svc.ReimburseClaim(id, *ref); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "claim %d reimbursed\n", id)
	default:
		return usagef("claim-decide takes approve, reject or reimburse")
	}
	return nil
}

func runPoints(c *cmd, args []string) error {
	ref, day, format, lots, err := c.balanceArgs(args)
	if err != nil {
		return err
	}
	pv, err := c.svc.Points(ref, day)
	if err != nil {
		return err
	}
	if lots {
		t := &table{header: []string{"payee", "lot", "period", "earned_on", "points", "redeemed", "expired", "clawed_back", "left", "expires_on"}, objects: pv}
		for _, p := range pv {
			for _, lt := range p.Lots {
				t.add(fmt.Sprintf("%s %d", p.Payee.Kind, p.Payee.ID), lt.Earned.ID, lt.Earned.Period, lt.Earned.Date, lt.Earned.Points, lt.Redeemed,
					lt.Gone(), lt.Clawed, lt.Left(), lt.Earned.ExpiresOn)
			}
		}
		return t.print(c.stdout, format)
	}
	t := &table{header: []string{"payee", "name", "earned", "redeemed", "expired", "balance", "next_expiry", "expiring"}, objects: pv}
	for _, p := range pv {
		t.add(fmt.Sprintf("%s %d", p.Payee.Kind, p.Payee.ID), p.Name, p.Earned, p.Redeemed, p.Expired, p.Balance, p.NextExpiry, p.Expiring)
	}
	return t.print(c.stdout, format)
}

func runRedeem(c *cmd, args []string) error {
	fs := c.flags()
	var in app.RedeemInput
	fs.StringVar(&in.Against, "against", "", "")
	fs.StringVar(&in.Date, "date", "", "")
	pos, err := c.parse(fs, args, 2, 2)
	if err != nil {
		return err
	}
	n, err := strconv.ParseInt(pos[1], 10, 64)
	if err != nil {
		return usagef("%q is not a whole number of points", pos[1])
	}
	in.Payee, in.Points = pos[0], n
	e, err := c.svc.Redeem(in)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "%d points redeemed against %s\n", -e.Points, e.Against)
	return nil
}
