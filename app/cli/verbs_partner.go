package cli

import (
	"encoding/json"
	"fmt"
)

func init() {
	register(&verb{name: "partner", args: "PARTNER [--format table|json]",
		summary: "one partner as its screen shows it: tier and history, sales, registrations, rewards, fund and points balances, statement periods", run: runPartner})
}

func runPartner(c *cmd, args []string) error {
	fs := c.flags()
	format := fs.String("format", "table", "")
	pos, err := c.parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	p, err := c.svc.ResolvePartner(pos[0])
	if err != nil {
		return err
	}
	d, err := c.svc.PartnerDetail(p.ID)
	if err != nil {
		return err
	}
	switch *format {
	case "json":
		enc := json.NewEncoder(c.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(d)
	case "table", "":
	default:
		return usagef("--format is table or json, not %q", *format)
	}
	cur, w := d.Currency, c.stdout
	fmt.Fprintf(w, "P%d %s (%s, %s)\n", d.Partner.ID, d.Partner.Name, d.Partner.Kind, d.Partner.Status)
	fmt.Fprintf(w, "tier on %s: %s\n", d.AsOf, d.Tier)
	for _, h := range d.TierHistory {
		fmt.Fprintf(w, "  from %s: %s %s\n", h.From, h.Tier, h.Note)
	}
	fmt.Fprintf(w, "sales: %d, net %s\n", d.SalesCount, cur.Format(d.SalesNet))
	fmt.Fprintf(w, "registrations: %d\n", len(d.Registrations))
	fmt.Fprintf(w, "reward lines (partner and reps): %d\n", len(d.Rewards))
	fmt.Fprintf(w, "fund balance: %s (expiring within 30 days: %s)\n", cur.Format(d.FundBalance), cur.Format(d.FundExpiring))
	fmt.Fprintf(w, "points: %d (its reps: %d)\n", d.Points, d.RepPoints)
	t := &table{header: []string{"period", "lines", "amount", "points", "paid", "draft"}}
	for _, sp := range d.Statements {
		t.add(sp.Period, sp.Lines, cur.Format(sp.Amount), sp.Points, cur.Format(sp.Paid), sp.Draft)
	}
	fmt.Fprintln(w, fmt.Sprintf("statements (print one with: partnerdesk statement P%d PERIOD -o FILE.pdf):", d.Partner.ID))
	return t.print(w, "table")
}
