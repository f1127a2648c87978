package cli

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

func init() {
	register(&verb{name: "partners", args: "[SEARCH] [--kind K] [--segment S] [--region R] [--tier T] [--status S] [--sort name|kind|segment|region|tier|status|country|joined] [--desc] [--format table|csv|json]",
		summary: "list partners: SEARCH finds any word of name, code, country, segment... ignoring case and accents, or an id; filter and sort", run: runPartners})
	register(&verb{name: "partner-add", args: "--name N --kind K [--segment S] [--region R] [--country CC] [--email E] [--code C] [--language L] [--manager M] [--status S] [--address A] [--tax-id T]",
		summary: "add a partner; --address is its legal postal address (lines separated by \\n), --tax-id its VAT or tax id, both printed on its self-billed invoices", run: runPartnerAdd})
	register(&verb{name: "reps", args: "[PARTNER] [--format table|csv|json]", summary: "list reps (of one partner)", run: runReps})
	register(&verb{name: "rep-add", args: "--partner P --name N [--role R] [--email E]", summary: "add a rep to a partner", run: runRepAdd})
	register(&verb{name: "products", args: "[--format table|csv|json]", summary: "list products", run: runProducts})
	register(&verb{name: "product-add", args: "--sku S --name N [--category C] [--price P] [--subscription]", summary: "add a product", run: runProductAdd})
	register(&verb{name: "sales", args: "PERIOD [--partner P] [--format table|csv|json]", summary: "list the sales booked in a period", run: runSales})
	register(&verb{name: "sale-add", args: "--date D --partner P --product SKU --qty Q --price P --invoice I --customer C [--rep R] [--net N] [--line N] [--new-customer] [--new-product] [--registration ID] [--original INV] [--code C] [--yes]",
		summary: "enter one sale (or a return: negative --qty and --original); --yes confirms a late sale dated in a closed period, or a line that repeats one already stored", run: runSaleAdd})
}

func runPartners(c *cmd, args []string) error {
	fs := c.flags()
	format := fs.String("format", "table", "")
	var f views.PartnerFilter
	kind := fs.String("kind", "", "")
	status := fs.String("status", "", "")
	fs.StringVar(&f.Segment, "segment", "", "")
	fs.StringVar(&f.Region, "region", "", "")
	fs.StringVar(&f.Tier, "tier", "", "")
	fs.StringVar(&f.Sort, "sort", "", "")
	fs.BoolVar(&f.Desc, "desc", false, "")
	pos, err := c.parse(fs, args, 0, 1)
	if err != nil {
		return err
	}
	if len(pos) == 1 {
		f.Query = pos[0]
	}
	f.Kind, f.Status = engine.PartnerKind(strings.ToLower(*kind)), engine.PartnerStatus(strings.ToLower(*status))
	list, err := c.svc.PartnerList(f)
	if err != nil {
		return err
	}
	ps := make([]engine.Partner, len(list.Rows))
	t := &table{header: []string{"id", "name", "kind", "segment", "country", "status", "code", "language", "region", "tier"}, objects: ps}
	for i, r := range list.Rows {
		p := r.Partner
		ps[i] = p
		t.add(fmt.Sprintf("P%d", p.ID), p.Name, p.Kind, p.Segment, p.Country, p.Status, p.ReferralCode, p.Language, p.Region, r.Tier)
	}
	return t.print(c.stdout, *format)
}

func runPartnerAdd(c *cmd, args []string) error {
	fs := c.flags()
	var p engine.Partner
	kind := fs.String("kind", "", "")
	status := fs.String("status", "active", "")
	joined := fs.String("joined", "", "")
	fs.StringVar(&p.Name, "name", "", "")
	fs.StringVar(&p.Segment, "segment", "", "")
	fs.StringVar(&p.Region, "region", "", "")
	fs.StringVar(&p.Country, "country", "", "")
	fs.StringVar(&p.Contact, "contact", "", "")
	fs.StringVar(&p.Email, "email", "", "")
	fs.StringVar(&p.ReferralCode, "code", "", "")
	fs.StringVar(&p.Language, "language", "", "")
	fs.StringVar(&p.AccountManager, "manager", "", "")
	fs.StringVar(&p.Notes, "notes", "", "")
	addr := fs.String("address", "", `postal address, lines separated by \n`)
	fs.StringVar(&p.TaxID, "tax-id", "", "VAT or tax id")
	if _, err := c.parse(fs, args, 0, 0); err != nil {
		return err
	}
	p.Address = cliLines(*addr)
	p.Kind, p.Status = engine.PartnerKind(strings.ToLower(*kind)), engine.PartnerStatus(*status)
	p.Joined = c.svc.Today()
	if *joined != "" {
		d, err := engine.ParseDate(*joined)
		if err != nil {
			return &engine.ValidationError{Field: "joined", Reason: err.Error()}
		}
		p.Joined = d
	}
	if err := c.svc.SavePartner(&p); err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "partner P%d %s added\n", p.ID, p.Name)
	return nil
}

func runReps(c *cmd, args []string) error {
	fs := c.flags()
	format := fs.String("format", "table", "")
	pos, err := c.parse(fs, args, 0, 1)
	if err != nil {
		return err
	}
	var pid engine.ID
	if len(pos) == 1 {
		ps, err := c.svc.ResolvePartner(pos[0])
		if err != nil {
			return err
		}
		pid = ps.ID
	}
	rs, err := c.svc.Reps(pid)
	if err != nil {
		return err
	}
	t := &table{header: []string{"id", "partner", "name", "role", "email", "active"}, objects: rs}
	for _, r := range rs {
		t.add(fmt.Sprintf("R%d", r.ID), fmt.Sprintf("P%d", r.PartnerID), r.Name, r.Role, r.Email, r.Active)
	}
	return t.print(c.stdout, *format)
}

func runRepAdd(c *cmd, args []string) error {
	fs := c.flags()
	var r engine.Rep
	partner := fs.String("partner", "", "")
	fs.StringVar(&r.Name, "name", "", "")
	fs.StringVar(&r.Role, "role", "sales", "")
	fs.StringVar(&r.Email, "email", "", "")
	if _, err := c.parse(fs, args, 0, 0); err != nil {
		return err
	}
	p, err := c.svc.ResolvePartner(*partner)
	if err != nil {
		return err
	}
	r.PartnerID, r.Active = p.ID, true
	if err := c.svc.SaveRep(&r); err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "rep R%d %s added to %s\n", r.ID, r.Name, p.Name)
	return nil
}

func runProducts(c *cmd, args []string) error {
	fs := c.flags()
	format := fs.String("format", "table", "")
	if _, err := c.parse(fs, args, 0, 0); err != nil {
		return err
	}
	ps, err := c.svc.Products()
	if err != nil {
		return err
	}
	t := &table{header: []string{"id", "sku", "name", "category", "list_price", "subscription"}, objects: ps}
	for _, p := range ps {
		t.add(p.ID, p.SKU, p.Name, p.Category, p.ListPrice.String(), p.Subscription)
	}
	return t.print(c.stdout, *format)
}

func runProductAdd(c *cmd, args []string) error {
	fs := c.flags()
	var p engine.Product
	price := fs.String("price", "0", "")
	fs.StringVar(&p.SKU, "sku", "", "")
	fs.StringVar(&p.Name, "name", "", "")
	fs.StringVar(&p.Category, "category", "", "")
	fs.BoolVar(&p.Subscription, "subscription", false, "")
	if _, err := c.parse(fs, args, 0, 0); err != nil {
		return err
	}
	d, err := c.svc.ParseAmount("list_price", *price)
	if err != nil {
		return err
	}
	p.ListPrice = d
	if err := c.svc.SaveProduct(&p); err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "product %d %s added\n", p.ID, p.SKU)
	return nil
}

func runSales(c *cmd, args []string) error {
	fs := c.flags()
	format := fs.String("format", "table", "")
	partner := fs.String("partner", "", "")
	pos, err := c.parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	p, err := c.svc.Period(pos[0])
	if err != nil {
		return usagef("%v", err)
	}
	ss, err := c.svc.SalesBetween(p.Start, p.End)
	if err != nil {
		return err
	}
	var pid engine.ID
	if *partner != "" {
		pp, err := c.svc.ResolvePartner(*partner)
		if err != nil {
			return err
		}
		pid = pp.ID
	}
	cur, err := c.currency()
	if err != nil {
		return err
	}
	t := &table{header: []string{"id", "date", "partner", "rep", "customer", "product", "quantity", "unit_price", "net", "invoice", "line", "original", "booked"}}
	var kept []engine.Sale
	total := decimal.Zero
	for _, s := range ss {
		if pid != 0 && s.PartnerID != pid {
			continue
		}
		kept = append(kept, s)
		total = total.Add(s.Net)
		t.add(s.ID, s.Date, fmt.Sprintf("P%d", s.PartnerID), optID("R", s.RepID), s.Customer, s.ProductID, s.Quantity.String(), s.UnitPrice.String(), cur.Format(s.Net), s.Invoice, s.Line, s.OriginalInvoice, s.Booked)
	}
	t.objects = kept
	if err := t.print(c.stdout, *format); err != nil {
		return err
	}
	if *format == "table" {
		fmt.Fprintf(c.stdout, "%d sales, net %s\n", len(kept), cur.Format(total))
	}
	return nil
}

func optID(prefix string, id engine.ID) string {
	if id == 0 {
		return ""
	}
	return fmt.Sprintf("%s%d", prefix, id)
}

func runSaleAdd(c *cmd, args []string) error {
	fs := c.flags()
	var in views.SaleInput
	yes := fs.Bool("yes", false, "confirm a late sale dated in a closed period, or a repeated line")
	fs.StringVar(&in.Date, "date", "", "")
	fs.StringVar(&in.Partner, "partner", "", "")
	fs.StringVar(&in.Rep, "rep", "", "")
	fs.StringVar(&in.Customer, "customer", "", "")
	fs.BoolVar(&in.NewCustomer, "new-customer", false, "")
	fs.BoolVar(&in.NewProduct, "new-product", false, "")
	fs.StringVar(&in.Product, "product", "", "")
	fs.StringVar(&in.Quantity, "qty", "1", "")
	fs.StringVar(&in.UnitPrice, "price", "", "")
	fs.StringVar(&in.Net, "net", "", "")
	fs.StringVar(&in.Invoice, "invoice", "", "")
	fs.StringVar(&in.Line, "line", "", "")
	fs.StringVar(&in.Registration, "registration", "", "")
	fs.StringVar(&in.OriginalInvoice, "original", "", "")
	fs.StringVar(&in.ReferralCode, "code", "", "")
	if _, err := c.parse(fs, args, 0, 0); err != nil {
		return err
	}
	if in.Date == "" {
		in.Date = c.svc.Today().String()
	}
	s, err := c.svc.AddSale(in, *yes)
	if err != nil {
		return err
	}
	cur, err := c.currency()
	if err != nil {
		return err
	}
	late := ""
	if s.Booked != 0 {
		late = fmt.Sprintf(" (late sale, booked %s)", s.Booked)
	}
	fmt.Fprintf(c.stdout, "sale %d saved: %s line %d, net %s%s\n", s.ID, s.Invoice, s.Line, cur.Format(s.Net), late)
	return nil
}
