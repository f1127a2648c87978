package app

import (
	"fmt"
	"net/mail"
	"strings"

	"partnerdesk/data"
	"partnerdesk/engine"
)

// Partners returns the partners whose name, country, kind, referral code or
// account manager contains query (case-insensitive), sorted by name.
func (s *Service) Partners(query string) ([]engine.Partner, error) {
	q := strings.ToLower(strings.TrimSpace(query))
	var out []engine.Partner
	err := s.view(func(tx *data.Tx) error {
		return data.Each(tx, func(p *engine.Partner) error {
			if q == "" || strings.Contains(strings.ToLower(p.Name+"\x00"+p.Country+"\x00"+string(p.Kind)+"\x00"+p.ReferralCode+"\x00"+p.AccountManager+"\x00"+p.Segment), q) ||
				fmt.Sprint(p.ID) == q {
				out = append(out, *p)
			}
			return nil
		})
	})
	sortBy(out, func(p engine.Partner) string { return strings.ToLower(p.Name) })
	return out, err
}

// SavePartner validates and stores a partner (new when ID is 0).
func (s *Service) SavePartner(p *engine.Partner) error {
	var errs engine.ValidationErrors
	p.Name = strings.TrimSpace(p.Name)
	if p.Name == "" {
		errs = append(errs, &engine.ValidationError{Field: "name", Reason: "the partner needs a name"})
	}
	if !validKind(p.Kind) {
		errs = append(errs, &engine.ValidationError{Field: "kind", Reason: fmt.Sprintf("kind must be one of %s", kindList())})
	}
	if p.Status == "" {
		p.Status = engine.StatusActive
	}
	switch p.Status {
	case engine.StatusProspect, engine.StatusActive, engine.StatusSuspended, engine.StatusEnded:
	default:
		errs = append(errs, &engine.ValidationError{Field: "status", Reason: "status must be prospect, active, suspended or ended"})
	}
	if p.Email != "" {
		if _, err := mail.ParseAddress(p.Email); err != nil {
			errs = append(errs, &engine.ValidationError{Field: "email", Reason: fmt.Sprintf("%q is not an e-mail address", p.Email)})
		}
	}
	if p.Language != "" && !knownLanguage(p.Language) {
		errs = append(errs, &engine.ValidationError{Field: "language", Reason: "statement language must be one of en, it, fr, nl, id, de, es (or empty for the company's)"})
	}
	if len(errs) > 0 {
		return errs
	}
	return s.update(func(tx *data.Tx) error {
		if p.ReferralCode != "" {
			var clash *engine.Partner
			_ = data.Each(tx, func(o *engine.Partner) error {
				if o.ID != p.ID && strings.EqualFold(o.ReferralCode, p.ReferralCode) {
					c := *o
					clash = &c
				}
				return nil
			})
			if clash != nil {
				return &engine.ValidationError{Field: "referral_code", Reason: fmt.Sprintf("%s already uses the referral code %s", clash.Name, clash.ReferralCode)}
			}
		}
		return tx.Put(p)
	})
}

func validKind(k engine.PartnerKind) bool {
	for _, x := range engine.PartnerKinds {
		if x == k {
			return true
		}
	}
	return false
}

func kindList() string {
	var ks []string
	for _, k := range engine.PartnerKinds {
		ks = append(ks, string(k))
	}
	return strings.Join(ks, ", ")
}

// Reps returns the reps of a partner (all reps when pid is 0).
func (s *Service) Reps(pid engine.ID) ([]engine.Rep, error) {
	var out []engine.Rep
	err := s.view(func(tx *data.Tx) error {
		return data.Each(tx, func(r *engine.Rep) error {
			if pid == 0 || r.PartnerID == pid {
				out = append(out, *r)
			}
			return nil
		})
	})
	return out, err
}

// SaveRep validates and stores a rep.
func (s *Service) SaveRep(r *engine.Rep) error {
	r.Name = strings.TrimSpace(r.Name)
	if r.Name == "" {
		return &engine.ValidationError{Field: "name", Reason: "the rep needs a name"}
	}
	if r.Email != "" {
		if _, err := mail.ParseAddress(r.Email); err != nil {
			return &engine.ValidationError{Field: "email", Reason: fmt.Sprintf("%q is not an e-mail address", r.Email)}
		}
	}
	return s.update(func(tx *data.Tx) error {
		if _, err := data.Get[engine.Partner](tx, r.PartnerID); err != nil {
			return &engine.ValidationError{Field: "partner", Reason: fmt.Sprintf("there is no partner %d", r.PartnerID)}
		}
		return tx.Put(r)
	})
}

// Products returns every product, sorted by SKU.
func (s *Service) Products() ([]engine.Product, error) {
	var out []engine.Product
	err := s.view(func(tx *data.Tx) error {
		var err error
		out, err = data.All[engine.Product](tx)
		return err
	})
	sortBy(out, func(p engine.Product) string { return p.SKU })
	return out, err
}

// SaveProduct validates and stores a product; SKUs are unique.
func (s *Service) SaveProduct(p *engine.Product) error {
	p.SKU = strings.TrimSpace(p.SKU)
	var errs engine.ValidationErrors
	if p.SKU == "" {
		errs = append(errs, &engine.ValidationError{Field: "sku", Reason: "the product needs a SKU"})
	}
	if p.Name == "" {
		errs = append(errs, &engine.ValidationError{Field: "name", Reason: "the product needs a name"})
	}
	if p.ListPrice.IsNegative() {
		errs = append(errs, &engine.ValidationError{Field: "list_price", Reason: "a list price cannot be negative"})
	}
	if len(errs) > 0 {
		return errs
	}
	return s.update(func(tx *data.Tx) error {
		if o, err := findProduct(tx, p.SKU); err == nil && o.ID != p.ID && strings.EqualFold(o.SKU, p.SKU) {
			return &engine.ValidationError{Field: "sku", Reason: fmt.Sprintf("SKU %s is already product %d (%s)", o.SKU, o.ID, o.Name)}
		}
		return tx.Put(p)
	})
}

// SalesBetween returns the sales booked from..to, oldest first.
func (s *Service) SalesBetween(from, to engine.Date) ([]engine.Sale, error) {
	var out []engine.Sale
	err := s.view(func(tx *data.Tx) error {
		return tx.SalesBetween(from, to, func(x *engine.Sale) error {
			out = append(out, *x)
			return nil
		})
	})
	return out, err
}

// Partner returns one partner.
func (s *Service) Partner(id engine.ID) (engine.Partner, error) {
	var p engine.Partner
	err := s.view(func(tx *data.Tx) error {
		x, err := data.Get[engine.Partner](tx, id)
		if err != nil {
			return fmt.Errorf("partner %d: %w", id, err)
		}
		p = *x
		return nil
	})
	return p, err
}

// SaleRow is a stored sale with the names a list shows.
type SaleRow struct {
	Sale     engine.Sale
	Partner  string
	Rep      string
	Product  string
	Currency engine.Currency
}

// RecentSales returns the last limit sales entered (highest ids), newest first.
func (s *Service) RecentSales(limit int) ([]SaleRow, error) {
	co, err := s.Company()
	if err != nil {
		return nil, err
	}
	var out []SaleRow
	err = s.view(func(tx *data.Tx) error {
		sales, err := tx.LastSales(limit)
		if err != nil {
			return err
		}
		nm, err := loadNames(tx)
		if err != nil {
			return err
		}
		skus := map[engine.ID]string{}
		_ = data.Each(tx, func(p *engine.Product) error { skus[p.ID] = p.SKU; return nil })
		for _, x := range sales {
			out = append(out, SaleRow{Sale: x, Partner: nm.partners[x.PartnerID], Rep: nm.reps[x.RepID].Name, Product: skus[x.ProductID], Currency: co.Currency})
		}
		return nil
	})
	return out, err
}
