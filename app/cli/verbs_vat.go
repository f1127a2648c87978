package cli

import (
	"flag"
	"fmt"
	"strings"
)

// The partner's invoicing details: its legal postal address and VAT or
// tax id, which its self-billed invoices print.

func init() {
	register(&verb{name: "partner-set", args: "PARTNER [--address A] [--tax-id T] [--country CC]",
		summary: "change a partner's invoicing details: --address its legal postal address (lines separated by \\n), --tax-id its VAT or tax id, --country its ISO country; an empty value clears one",
		run:     runPartnerSet})
}

// cliLines turns the "\n" typed on a command line into line breaks.
func cliLines(s string) string { return strings.ReplaceAll(s, `\n`, "\n") }

func runPartnerSet(c *cmd, args []string) error {
	fs := c.flags()
	addr := fs.String("address", "", `postal address, lines separated by \n`)
	taxID := fs.String("tax-id", "", "VAT or tax id")
	country := fs.String("country", "", "ISO 3166 two-letter code")
	pos, err := c.parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	if len(given) == 0 {
		return usagef("partner-set: give --address, --tax-id or --country; usage: partnerdesk %s %s", c.verb.name, c.verb.args)
	}
	p, err := c.svc.ResolvePartner(pos[0])
	if err != nil {
		return err
	}
	if given["address"] {
		p.Address = cliLines(*addr)
	}
	if given["tax-id"] {
		p.TaxID = *taxID
	}
	if given["country"] {
		p.Country = *country
	}
	if err := c.svc.SavePartner(p); err != nil {
		return err
	}
	tax := p.TaxID
	if tax == "" {
		tax = "(none)"
	}
	fmt.Fprintf(c.stdout, "partner P%d %s: address %q, tax id %s, country %s\n", p.ID, p.Name, strings.ReplaceAll(p.Address, "\n", ", "), tax, p.Country)
	return nil
}
