package cli

import (
	"flag"
	"fmt"
	"strconv"

	"partnerdesk/engine/views"
)

func init() {
	register(&verb{name: "product-edit", args: "SKU [--sku NEW] [--name N] [--category C] [--price P] [--subscription true|false]",
		summary: "change a product (the window's Products screen): only what the flags give changes", run: runProductEdit})
}

func runProductEdit(c *cmd, args []string) error {
	fs := c.flags()
	sku := fs.String("sku", "", "the new SKU")
	name := fs.String("name", "", "")
	category := fs.String("category", "", "")
	price := fs.String("price", "", "")
	sub := fs.String("subscription", "", "true (a subscription) or false (one-time)")
	pos, err := c.parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	p, err := c.svc.ProductBySKU(pos[0])
	if err != nil {
		return err
	}
	in := views.ProductInput{ID: p.ID, SKU: p.SKU, Name: p.Name, Category: p.Category, ListPrice: p.ListPrice.String(), Subscription: p.Subscription}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if set["sku"] {
		in.SKU = *sku
	}
	if set["name"] {
		in.Name = *name
	}
	if set["category"] {
		in.Category = *category
	}
	if set["price"] {
		in.ListPrice = *price
	}
	if set["subscription"] {
		b, err := strconv.ParseBool(*sub)
		if err != nil {
			return usagef("--subscription takes true or false, not %q", *sub)
		}
		in.Subscription = b
	}
	saved, err := c.svc.SaveProductInput(in)
	if err != nil {
		return err
	}
	kind := "one-time"
	if saved.Subscription {
		kind = "subscription"
	}
	fmt.Fprintf(c.stdout, "product %d %s changed: %s, %s, list price %s, %s\n", saved.ID, saved.SKU, saved.Name, saved.Category, saved.ListPrice.String(), kind)
	return nil
}
