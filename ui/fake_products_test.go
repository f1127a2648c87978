package ui

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// SaveProductInput checks a product as the app does (SKU and name needed,
// SKUs unique regardless of case and accents, a price that reads and is
// not negative) and stores it in the shell fake's products.
func (f *fundsFake) SaveProductInput(in views.ProductInput) (engine.Product, error) {
	p := engine.Product{ID: in.ID, SKU: strings.TrimSpace(in.SKU), Name: strings.TrimSpace(in.Name), Category: strings.TrimSpace(in.Category), Subscription: in.Subscription}
	var errs engine.ValidationErrors
	if in.ListPrice != "" {
		d, err := decimal.NewFromString(strings.ReplaceAll(in.ListPrice, ",", ""))
		switch {
		case err != nil:
			errs = append(errs, bad(ProductListPrice, "%q is not an amount", in.ListPrice))
		case d.IsNegative():
			errs = append(errs, bad(ProductListPrice, "the list price %s is negative", d))
		default:
			p.ListPrice = d
		}
	}
	if p.SKU == "" {
		errs = append(errs, bad(ProductSKU, "the product needs a SKU"))
	}
	for _, o := range f.products {
		if o.ID != p.ID && engine.SameName(o.SKU, p.SKU) {
			errs = append(errs, bad(ProductSKU, "SKU %q is already stored (product %d, %s)", o.SKU, o.ID, o.Name))
		}
	}
	if p.Name == "" {
		errs = append(errs, bad(ProductName, "the product needs a name"))
	}
	if len(errs) > 0 {
		return engine.Product{}, errs
	}
	if p.ID == 0 {
		p.ID = engine.ID(200 + len(f.products))
		f.products = append(f.products, p)
		return p, nil
	}
	for i := range f.products {
		if f.products[i].ID == p.ID {
			f.products[i] = p
		}
	}
	return p, nil
}

// bad is one refused field.
func bad(field, format string, args ...any) *engine.ValidationError {
	return &engine.ValidationError{Field: field, Reason: fmt.Sprintf(format, args...)}
}
