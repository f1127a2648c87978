package cli

import (
	"fmt"

	"github.com/shopspring/decimal"

	"partnerdesk/app"
	"partnerdesk/engine"
	"partnerdesk/engine/i18n"
)

func init() {
	register(&verb{name: "changes", args: "PERIOD [--format table|csv|json]",
		summary: "list what the last compute of a period changed, per payee and rule, and why", run: runChanges})
}

func runChanges(c *cmd, args []string) error {
	fs := c.flags()
	format := fs.String("format", "table", "")
	pos, err := c.parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	rep, err := c.svc.Changes(pos[0])
	if err != nil {
		return err
	}
	if !rep.Computed {
		if *format == "table" {
			fmt.Fprintf(c.stdout, "%s has not been computed since changes are recorded: run compute %s\n", rep.Period, rep.Period)
			return nil
		}
	}
	type jsonChange struct {
		Program    string                `json:"program"`
		ProgramID  engine.ID             `json:"program_id"`
		Rule       string                `json:"rule"`
		RuleKey    string                `json:"rule_key"`
		PayeeKind  engine.PayeeKind      `json:"payee_kind"`
		PayeeID    engine.ID             `json:"payee_id"`
		Payee      string                `json:"payee"`
		Unit       engine.Unit           `json:"unit"`
		OldAmount  decimal.Decimal       `json:"old_amount"`
		NewAmount  decimal.Decimal       `json:"new_amount"`
		Difference decimal.Decimal       `json:"difference"`
		OldPoints  int64                 `json:"old_points"`
		NewPoints  int64                 `json:"new_points"`
		OldBasis   decimal.Decimal       `json:"old_basis"`
		NewBasis   decimal.Decimal       `json:"new_basis"`
		OldTier    string                `json:"old_tier,omitempty"`
		NewTier    string                `json:"new_tier,omitempty"`
		Reasons    []engine.ChangeReason `json:"reasons"`
	}
	t := &table{header: []string{"payee", "program", "rule", "old", "new", "difference", "reason"}}
	js := []jsonChange{}
	cur := rep.Currency
	for _, v := range rep.Changes {
		ch := v.Change
		payee := fmt.Sprintf("%s%d %s", map[engine.PayeeKind]string{engine.PayeePartner: "P", engine.PayeeRep: "R"}[ch.Payee.Kind], ch.Payee.ID, v.Payee)
		old, nw, diff := changeFigures(ch, cur, *format)
		t.add(payee, v.Program, v.Rule, old, nw, diff, app.ReasonText(ch, "en"))
		js = append(js, jsonChange{v.Program, ch.ProgramID, v.Rule, ch.RuleKey, ch.Payee.Kind, ch.Payee.ID, v.Payee, ch.Unit,
			ch.OldAmount, ch.NewAmount, ch.Difference(), ch.OldPoints, ch.NewPoints, ch.OldBasis, ch.NewBasis, ch.OldTier, ch.NewTier, ch.Reasons})
	}
	t.objects = js
	if *format == "table" {
		since := "the previous compute"
		switch {
		case rep.First:
			since = "nothing: the first compute of the period"
		case !rep.PreviousAt.IsZero():
			since = "the compute of " + rep.PreviousAt.Local().Format("2006-01-02 15:04")
		}
		fmt.Fprintf(c.stdout, "%s computed %s by %s, against %s\n", rep.Period, rep.ComputedAt.Local().Format("2006-01-02 15:04"), rep.ComputedBy, since)
	}
	if err := t.print(c.stdout, *format); err != nil {
		return err
	}
	if *format == "table" {
		fmt.Fprintln(c.stdout, app.ChangeSummaryText(rep.Summary, cur, "en"))
	}
	return nil
}

// changeFigures are a change's old, new and difference as the list prints
// them: money for money and fund results, points for points; plain numbers
// in CSV and JSON.
func changeFigures(ch engine.Change, cur engine.Currency, format string) (old, nw, diff string) {
	if ch.Unit == engine.UnitPoints || ch.OldPoints != 0 || ch.NewPoints != 0 {
		if format != "table" {
			return fmt.Sprint(ch.OldPoints), fmt.Sprint(ch.NewPoints), fmt.Sprint(ch.PointsDifference())
		}
		return i18n.Points(ch.OldPoints, "en") + " pts", i18n.Points(ch.NewPoints, "en") + " pts", app.SignedPoints(ch.PointsDifference(), "en")
	}
	if format != "table" {
		return cur.Format(ch.OldAmount), cur.Format(ch.NewAmount), cur.Format(ch.Difference())
	}
	return i18n.Money(ch.OldAmount, cur, "en"), i18n.Money(ch.NewAmount, cur, "en"), app.SignedMoney(ch.Difference(), cur, "en")
}
