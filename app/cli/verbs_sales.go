package cli

import (
	"flag"
	"fmt"

	"partnerdesk/engine"
)

func init() {
	register(&verb{name: "sale-edit", args: "ID [--date D] [--partner P] [--product SKU] [--qty Q] [--price P] [--net N] [--invoice I] [--line N] [--customer C] [--rep R] [--new-customer=true|false] [--new-product=true|false] [--registration ID] [--original INV] [--code C]",
		summary: "correct a sale of an open period: the flags given replace its values, the rest stay (audited before and after; a closed period's sale is refused: enter a return or a late sale)", run: runSaleEdit})
	register(&verb{name: "sale-remove", args: "ID",
		summary: "remove a sale of an open period (audited; a closed period's sale is refused: enter a return instead)", run: runSaleRemove})
}

// saleID reads a sale id ("12" or "S12").
func saleID(arg string) (engine.ID, error) {
	if id, ok := engine.ParseRef(arg, "S"); ok {
		return id, nil
	}
	return 0, usagef("%q is not a sale id", arg)
}

func runSaleEdit(c *cmd, args []string) error {
	fs := c.flags()
	text := map[string]*string{}
	for _, name := range []string{"date", "partner", "rep", "customer", "product", "qty", "price", "net", "invoice", "line", "registration", "original", "code"} {
		text[name] = fs.String(name, "", "")
	}
	newCustomer := fs.Bool("new-customer", false, "")
	newProduct := fs.Bool("new-product", false, "")
	pos, err := c.parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	id, err := saleID(pos[0])
	if err != nil {
		return err
	}
	in, err := c.svc.SaleInputOf(id)
	if err != nil {
		return err
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if len(set) == 0 {
		return usagef("sale-edit: say what to change (e.g. --qty 3); usage: partnerdesk sale-edit %s", c.verb.args)
	}
	for name, field := range map[string]*string{"date": &in.Date, "customer": &in.Customer, "qty": &in.Quantity, "price": &in.UnitPrice,
		"net": &in.Net, "invoice": &in.Invoice, "line": &in.Line, "registration": &in.Registration, "original": &in.OriginalInvoice, "code": &in.ReferralCode} {
		if set[name] {
			*field = *text[name]
		}
	}
	// A new quantity or price with no new net recomputes the net.
	if (set["qty"] || set["price"]) && !set["net"] {
		in.Net = ""
	}
	if set["partner"] {
		in.Partner, in.PartnerID = *text["partner"], 0
		if !set["rep"] {
			in.Rep, in.RepID = "", 0
		}
	}
	if set["rep"] {
		in.Rep, in.RepID = *text["rep"], 0
	}
	if set["product"] {
		in.Product, in.ProductID = *text["product"], 0
	}
	if set["new-customer"] {
		in.NewCustomer = *newCustomer
	}
	if set["new-product"] {
		in.NewProduct = *newProduct
	}
	s, err := c.svc.EditSale(id, in)
	if err != nil {
		return err
	}
	cur, err := c.currency()
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "sale %d corrected: %s line %d, %s x %s, net %s, dated %s\n", s.ID, s.Invoice, s.Line, s.Quantity, cur.Format(s.UnitPrice), cur.Format(s.Net), s.Date)
	return nil
}

func runSaleRemove(c *cmd, args []string) error {
	fs := c.flags()
	pos, err := c.parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	id, err := saleID(pos[0])
	if err != nil {
		return err
	}
	s, err := c.svc.RemoveSale(id)
	if err != nil {
		return err
	}
	cur, err := c.currency()
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "sale %d removed: %s line %d of %s, net %s\n", s.ID, s.Invoice, s.Line, s.Date, cur.Format(s.Net))
	return nil
}
