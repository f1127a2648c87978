package app

import (
	"cmp"
	"slices"

	"partnerdesk/data"
	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// ProgramChoices lists what the program editor offers to pick by typing:
// products (SKU order), their categories, partners (by name) and the tier
// ladder's levels (lowest first). Inactive partners are offered too: a
// program may name a partner that returns.
func (s *Service) ProgramChoices() (views.ProgramChoices, error) {
	var out views.ProgramChoices
	err := s.view(func(tx *data.Tx) error {
		cats := map[string]bool{}
		err := data.Each(tx, func(p *engine.Product) error {
			out.Products = append(out.Products, views.ProductChoice{SKU: p.SKU, Name: p.Name, Category: p.Category})
			if p.Category != "" && !cats[engine.FoldName(p.Category)] {
				cats[engine.FoldName(p.Category)] = true
				out.Categories = append(out.Categories, p.Category)
			}
			return nil
		})
		if err != nil {
			return err
		}
		err = data.Each(tx, func(p *engine.Partner) error {
			out.Partners = append(out.Partners, views.PartnerChoice{ID: p.ID, Name: p.Name, Code: p.ReferralCode})
			return nil
		})
		if err != nil {
			return err
		}
		l, err := ladder(tx)
		if err != nil {
			return err
		}
		for _, lv := range l.Levels {
			out.Tiers = append(out.Tiers, lv.Name)
		}
		return nil
	})
	byFold := func(a, b string) int {
		return cmp.Or(cmp.Compare(engine.FoldName(a), engine.FoldName(b)), cmp.Compare(a, b))
	}
	slices.SortFunc(out.Products, func(a, b views.ProductChoice) int { return byFold(a.SKU, b.SKU) })
	slices.SortFunc(out.Categories, byFold)
	slices.SortFunc(out.Partners, func(a, b views.PartnerChoice) int { return byFold(a.Name, b.Name) })
	return out, err
}
