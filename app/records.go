package app

import (
	"fmt"
	"strings"

	"partnerdesk/data"
	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// Partners returns the partners a typed search finds (engine.PartnerMatches:
// any word of the name, code, country, kind, segment, region, contact, email
// or account manager, ignoring case and accents, or the id), sorted by name.
func (s *Service) Partners(query string) ([]engine.Partner, error) {
	var out []engine.Partner
	err := s.view(func(tx *data.Tx) error {
		return data.Each(tx, func(p *engine.Partner) error {
			if engine.PartnerMatches(*p, query) {
				out = append(out, *p)
			}
			return nil
		})
	})
	sortBy(out, func(p engine.Partner) string { return engine.FoldName(p.Name) })
	return out, err
}

// SavePartner validates (engine.CheckPartner, as the import does) and
// stores a partner (new when ID is 0).
func (s *Service) SavePartner(p *engine.Partner) error {
	return s.update(func(tx *data.Tx) error {
		if errs := engine.CheckPartner(p, storeFacts{tx}); len(errs) > 0 {
			return errs
		}
		return tx.Put(p)
	})
}

// storeFacts answers the record checks (engine.RecordFacts) from the store.
type storeFacts struct{ tx *data.Tx }

func (f storeFacts) PartnerByID(id engine.ID) (engine.Partner, bool) {
	if id == 0 {
		return engine.Partner{}, false
	}
	p, err := data.Get[engine.Partner](f.tx, id)
	if err != nil {
		return engine.Partner{}, false
	}
	return *p, true
}

func (f storeFacts) RepByID(id engine.ID) (engine.Rep, bool) {
	if id == 0 {
		return engine.Rep{}, false
	}
	r, err := data.Get[engine.Rep](f.tx, id)
	if err != nil {
		return engine.Rep{}, false
	}
	return *r, true
}

func (f storeFacts) IsClosed(d engine.Date) bool { return f.tx.IsClosed(d) }

func (f storeFacts) PartnerNamed(name string, except engine.ID) (engine.Partner, bool) {
	return firstOf(f.tx, func(o *engine.Partner) bool { return o.ID != except && engine.SameName(o.Name, name) })
}

func (f storeFacts) PartnerWithCode(code string, except engine.ID) (engine.Partner, bool) {
	return firstOf(f.tx, func(o *engine.Partner) bool {
		return o.ID != except && strings.EqualFold(strings.TrimSpace(o.ReferralCode), strings.TrimSpace(code))
	})
}

func (f storeFacts) ProductWithSKU(sku string, except engine.ID) (engine.Product, bool) {
	return firstOf(f.tx, func(o *engine.Product) bool { return o.ID != except && engine.SameName(o.SKU, sku) })
}

// firstOf returns the first stored record of its kind that match accepts.
func firstOf[T any](tx *data.Tx, match func(*T) bool) (T, bool) {
	var found T
	ok := false
	_ = data.Each(tx, func(o *T) error {
		if !ok && match(o) {
			found, ok = *o, true
		}
		return nil
	})
	return found, ok
}

// Reps returns the reps of a partner (all reps when pid is 0), sorted by
// name regardless of case.
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
	sortBy(out, func(r engine.Rep) string { return strings.ToLower(r.Name) })
	return out, err
}

// SaveRep validates (engine.CheckRep) and stores a rep.
func (s *Service) SaveRep(r *engine.Rep) error {
	return s.update(func(tx *data.Tx) error {
		if errs := engine.CheckRep(r, storeFacts{tx}); len(errs) > 0 {
			return errs
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

// SaveProduct validates (engine.CheckProduct, as the import does) and
// stores a product; SKUs are unique regardless of case and accents.
func (s *Service) SaveProduct(p *engine.Product) error {
	return s.update(func(tx *data.Tx) error {
		if errs := engine.CheckProduct(p, storeFacts{tx}); len(errs) > 0 {
			return errs
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

// RecentSales returns the last limit sales entered (highest ids), newest first.
func (s *Service) RecentSales(limit int) ([]views.SaleRow, error) {
	co, err := s.Company()
	if err != nil {
		return nil, err
	}
	var out []views.SaleRow
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
			out = append(out, views.SaleRow{Sale: x, Partner: nm.partners[x.PartnerID], Rep: nm.reps[x.RepID].Name, Product: skus[x.ProductID], Currency: co.Currency, Language: co.Language})
		}
		return nil
	})
	return out, err
}

// ResolvePartner finds a partner by id, name or referral code (the one
// precedence of findPartner); an unknown one is a *engine.ValidationError
// on "partner".
func (s *Service) ResolvePartner(ref string) (*engine.Partner, error) {
	var p *engine.Partner
	err := s.view(func(tx *data.Tx) error {
		var err error
		p, err = findPartner(tx, ref)
		if err != nil {
			return &engine.ValidationError{Field: "partner", Reason: err.Error()}
		}
		return nil
	})
	return p, err
}

// Registrations returns every deal registration, in id order.
func (s *Service) Registrations() ([]engine.Registration, error) {
	var rs []engine.Registration
	err := s.view(func(tx *data.Tx) error {
		var err error
		rs, err = data.All[engine.Registration](tx)
		return err
	})
	return rs, err
}

// RecentAudit returns the newest limit entries of the audit trail, newest
// first.
func (s *Service) RecentAudit(limit int) ([]engine.AuditEntry, error) {
	var es []engine.AuditEntry
	err := s.view(func(tx *data.Tx) error {
		var err error
		es, err = tx.RecentAudit(limit)
		return err
	})
	return es, err
}
