package app

import (
	"errors"
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"partnerdesk/data"
	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// ProductBySKU returns the product whose SKU matches ref regardless of case
// and accents, or the product with id ref ("12"); an unknown one is a
// *engine.ValidationError on "sku".
func (s *Service) ProductBySKU(ref string) (engine.Product, error) {
	var out engine.Product
	err := s.view(func(tx *data.Tx) error {
		ref = strings.TrimSpace(ref)
		if p, ok := firstOf(tx, func(p *engine.Product) bool { return engine.SameName(p.SKU, ref) }); ok {
			out = p
			return nil
		}
		if id, ok := parseID(ref, ""); ok {
			if p, err := data.Get[engine.Product](tx, id); err == nil {
				out = *p
				return nil
			}
		}
		return &engine.ValidationError{Field: "sku", Reason: fmt.Sprintf("there is no product with the SKU %q", ref)}
	})
	return out, err
}

// SaveProductInput reads a product as typed (the list price as every
// form's amounts are read, decimal comma included), checks it with
// engine.CheckProduct and stores it, new when in.ID is 0; the audit entry
// is written in the same transaction. Bad fields come back as
// engine.ValidationErrors naming sku, name or list_price, and nothing is
// written.
func (s *Service) SaveProductInput(in views.ProductInput) (engine.Product, error) {
	co, err := s.Company()
	if err != nil {
		return engine.Product{}, err
	}
	p := engine.Product{ID: in.ID, SKU: in.SKU, Name: in.Name, Category: strings.TrimSpace(in.Category), Subscription: in.Subscription, ListPrice: decimal.Zero}
	var errs engine.ValidationErrors
	if strings.TrimSpace(in.ListPrice) != "" {
		if p.ListPrice, err = parseMoneyIn("list_price", in.ListPrice, co.Currency.Code); err != nil {
			var ve *engine.ValidationError
			if !errors.As(err, &ve) {
				return engine.Product{}, err
			}
			errs = append(errs, ve)
			p.ListPrice = decimal.Zero
		}
	}
	err = s.update(func(tx *data.Tx) error {
		if p.ID != 0 {
			if _, err := data.Get[engine.Product](tx, p.ID); err != nil {
				return &engine.ValidationError{Field: "sku", Reason: fmt.Sprintf("there is no product %d to change", p.ID)}
			}
		}
		all := append(errs, engine.CheckProduct(&p, storeFacts{tx})...)
		if len(all) > 0 {
			return all
		}
		return tx.Put(&p)
	})
	if err != nil {
		return engine.Product{}, err
	}
	return p, nil
}
