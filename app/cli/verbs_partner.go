package cli

import (
	"encoding/json"
	"fmt"
	"strings"

	"partnerdesk/engine"
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
	id, err := pickPartner(c, pos[0])
	if err != nil {
		return err
	}
	d, err := c.svc.PartnerDetail(id)
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
	addr, tax := strings.ReplaceAll(d.Partner.Address, "\n", ", "), d.Partner.TaxID
	if addr == "" {
		addr = "(not given)"
	}
	if tax == "" {
		tax = "(not given)"
	}
	fmt.Fprintf(w, "address: %s; tax id: %s\n", addr, tax)
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

// pickPartner resolves what was typed as an id, referral code or name, or
// else as a search (ignoring case and accents) that finds one partner.
func pickPartner(c *cmd, ref string) (engine.ID, error) {
	p, err := c.svc.ResolvePartner(ref)
	if err == nil {
		return p.ID, nil
	}
	ps, serr := c.svc.Partners(ref)
	if serr != nil || len(ps) == 0 {
		return 0, err
	}
	if len(ps) == 1 {
		return ps[0].ID, nil
	}
	var names []string
	for i, p := range ps {
		if i == 5 {
			names = append(names, "...")
			break
		}
		names = append(names, fmt.Sprintf("P%d %s", p.ID, p.Name))
	}
	return 0, fmt.Errorf("%d partners match %q (%s): use the id", len(ps), ref, strings.Join(names, ", "))
}
