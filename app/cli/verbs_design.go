package cli

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"partnerdesk/engine"
	"partnerdesk/engine/i18n"
)

// The program designer's verbs: the window's golden examples table and
// band designer on the command line.
func init() {
	register(&verb{name: "examples", args: "PROGRAM", summary: "run a program's golden examples: each expectation, expected beside computed", run: runExamples})
	register(&verb{name: "bands", args: "PROGRAM [--rule KEY] [--tier T] [--to X]", summary: "band designer: payout against basis under the retroactive and marginal readings, the cliffs, and gaps or overlaps", run: runBands})
}

// runExamples prints `examples PROGRAM`; it fails (exit 1) when one fails.
func runExamples(c *cmd, args []string) error {
	pos, err := c.parse(c.flags(), args, 1, 1)
	if err != nil {
		return err
	}
	p, rs, err := c.svc.ProgramExamples(pos[0])
	if err != nil {
		return err
	}
	co, err := c.svc.Company()
	if err != nil {
		return err
	}
	if len(rs) == 0 {
		fmt.Fprintf(c.stdout, "program %q has no golden examples: add them in the window (Programs > Edit > Golden examples) or to its file's \"examples\"\n", p.Name)
		return nil
	}
	t := &table{header: []string{"example", "rule", "expected", "computed", "result"}, objects: rs}
	failed := 0
	for _, r := range rs {
		want, got := exampleFigures(r, co.Currency)
		result := "pass"
		if !r.Pass {
			result = "FAIL"
			failed++
		}
		t.add(r.Example, r.Rule, want, got, result)
	}
	if err := t.print(c.stdout, "table"); err != nil {
		return err
	}
	if failed > 0 {
		return fmt.Errorf("program %q: %d of %d expectations fail", p.Name, failed, len(rs))
	}
	fmt.Fprintf(c.stdout, "program %q: all %d expectations pass\n", p.Name, len(rs))
	return nil
}

// exampleFigures is an expectation and what computes, side by side, in
// the same units: money, points, or both.
func exampleFigures(r engine.ExampleResult, cur engine.Currency) (want, got string) {
	var w, g []string
	if r.Expected.Amount.Valid {
		w = append(w, i18n.Money(r.Expected.Amount.Decimal, cur, "en"))
		g = append(g, i18n.Money(r.Amount, cur, "en"))
	}
	if r.Expected.Points != nil {
		w = append(w, fmt.Sprintf("%d points", *r.Expected.Points))
		g = append(g, fmt.Sprintf("%d points", r.Points))
	}
	return strings.Join(w, " + "), strings.Join(g, " + ")
}

// runBands prints `bands PROGRAM`.
func runBands(c *cmd, args []string) error {
	fs := c.flags()
	rule := fs.String("rule", "", "the rule's key (default: the first rule with bands)")
	tier := fs.String("tier", "", "the tier's own band table (default: the table every other tier reads)")
	to := fs.String("to", "", "draw up to this basis (default: past the last band)")
	pos, err := c.parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	upTo := decimal.Zero
	if strings.TrimSpace(*to) != "" {
		if upTo, err = decimal.NewFromString(strings.TrimSpace(*to)); err != nil || upTo.IsNegative() {
			return usagef("--to: %q is not a basis (a number from 0)", *to)
		}
	}
	d, err := c.svc.BandDesign(pos[0], *rule, *tier, upTo)
	if err != nil {
		return err
	}
	co, err := c.svc.Company()
	if err != nil {
		return err
	}
	pay := func(x decimal.Decimal) string { return i18n.Money(x, co.Currency, "en") }
	t := &table{header: []string{"basis", "retroactive", "marginal"}, objects: d}
	for _, p := range d.Curve {
		t.add(p.Basis.String(), pay(p.Retroactive), pay(p.Marginal))
	}
	if err := t.print(c.stdout, "table"); err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "the rule reads its bands %s\n", d.Mode)
	for _, cl := range d.Cliffs {
		fmt.Fprintf(c.stdout, "cliff at %s (%s): %s one below, %s at it (%s for one more)\n", cl.From, cl.Mode, pay(cl.Below), pay(cl.At), pay(cl.Jump))
	}
	for _, e := range d.Errors {
		fmt.Fprintf(c.stdout, "problem: %s: %s\n", e.Field, e.Reason)
	}
	for _, e := range d.Warnings {
		fmt.Fprintf(c.stdout, "warning: %s: %s\n", e.Field, e.Reason)
	}
	return nil
}
