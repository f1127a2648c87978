package cli

import (
	"fmt"

	"partnerdesk/engine/views"
)

func init() {
	register(&verb{name: "invoice", args: "PAYOUT-ID|SB-NUMBER -o FILE.pdf [--lang L] | --year Y|--period P [--payee X] -o DIR [--lang L]",
		summary: "write the self-billed invoice (credit note if negative) of a partner's payout, in the partner's language; or every one of a year or period into DIR", run: runInvoice})
	register(&verb{name: "invoices", args: "[--year Y] [--period P] [--payee X] [--format table|csv|json]",
		summary: "list payouts with their self-billing numbers (one gap-free sequence per calendar year; reps get none)", run: runInvoices})
}

func runInvoice(c *cmd, args []string) error {
	fs := c.flags()
	out := fs.String("o", "", "output file (one payout) or folder (--year, --period)")
	lang := fs.String("lang", "", "language (default: the partner's statement language)")
	var f views.PayoutDocFilter
	fs.IntVar(&f.Year, "year", 0, "every payout dated in this calendar year")
	fs.StringVar(&f.Period, "period", "", "every payout dated in this period")
	fs.StringVar(&f.Payee, "payee", "", "only this partner's payouts (with --year or --period)")
	pos, err := c.parse(fs, args, 0, 1)
	if err != nil {
		return err
	}
	if *out == "" {
		return usagef("invoice needs -o FILE (or -o DIR with --year or --period)")
	}
	many := f.Year != 0 || f.Period != ""
	switch {
	case len(pos) == 1 && many:
		return usagef("invoice takes a payout or --year/--period, not both")
	case len(pos) == 0 && !many:
		return usagef("invoice needs a payout id or self-billing number, or --year/--period")
	}
	if !many {
		no, err := c.svc.SaveInvoice(pos[0], *lang, *out)
		if err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "%s written to %s\n", no, *out)
		return nil
	}
	files, err := c.svc.SaveInvoices(f, *lang, *out)
	fmt.Fprintf(c.stdout, "%d self-billed documents written to %s\n", len(files), *out)
	return err
}

func runInvoices(c *cmd, args []string) error {
	fs := c.flags()
	var f views.PayoutDocFilter
	fs.IntVar(&f.Year, "year", 0, "payouts dated in this calendar year")
	fs.StringVar(&f.Period, "period", "", "payouts dated in this period")
	fs.StringVar(&f.Payee, "payee", "", "payee id (P12, R7) or name")
	format := fs.String("format", "table", "table, csv or json")
	if _, err := c.parse(fs, args, 0, 0); err != nil {
		return err
	}
	docs, err := c.svc.PayoutDocs(f)
	if err != nil {
		return err
	}
	t := &table{header: []string{"payout", "date", "number", "document", "payee", "name", "partner", "amount", "currency", "lines", "method", "reference"}, objects: docs}
	for _, d := range docs {
		no, kind := d.Number, string(d.Kind)
		switch {
		case d.Kind == "":
			no, kind = "", "none (rep)"
		case no == "":
			no = "(on first print)"
		}
		payee := fmt.Sprintf("P%d", d.Payee.ID)
		if d.Payee.Kind == "rep" {
			payee = fmt.Sprintf("R%d", d.Payee.ID)
		}
		t.add(d.PayoutID, d.Date, no, kind, payee, d.PayeeName, d.PartnerName, d.Amount.StringFixed(d.Currency.MinorUnits), d.Currency.Code, d.Lines, d.Method, d.Reference)
	}
	return t.print(c.stdout, *format)
}
