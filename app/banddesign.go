package app

import (
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"partnerdesk/data"
	"partnerdesk/engine"
)

// BandDesign is the band designer over a stored program's band table
// (`partnerdesk bands PROGRAM`): the rate rule with key rule (empty: the
// first rule with bands), its table for tier (empty: the table every tier
// without its own reads), drawn up to upTo (zero: past the last band).
func (s *Service) BandDesign(program, rule, tier string, upTo decimal.Decimal) (engine.BandDesign, error) {
	var p *engine.Program
	if err := s.view(func(tx *data.Tx) error { p = programNamed(tx, program, 0); return nil }); err != nil {
		return engine.BandDesign{}, err
	}
	if p == nil {
		return engine.BandDesign{}, &engine.ValidationError{Field: "program", Reason: fmt.Sprintf("there is no program named %q", program)}
	}
	i := slices.IndexFunc(p.Rules, func(r engine.Rule) bool {
		if rule != "" {
			return strings.EqualFold(r.Key, rule)
		}
		return r.Rate != nil && (len(r.Rate.Bands) > 0 || len(r.Rate.TierBands) > 0)
	})
	if i < 0 {
		if rule != "" {
			return engine.BandDesign{}, &engine.ValidationError{Field: "rule", Reason: fmt.Sprintf("program %q has no rule with the key %q", p.Name, rule)}
		}
		return engine.BandDesign{}, &engine.ValidationError{Field: "rule", Reason: fmt.Sprintf("program %q has no rule with bands", p.Name)}
	}
	r := p.Rules[i]
	if r.Rate == nil {
		return engine.BandDesign{}, &engine.ValidationError{Field: "rule", Reason: fmt.Sprintf("rule %q is a %s rule: only rate rules have bands", r.Key, r.Kind)}
	}
	bands, field := r.Rate.Bands, fmt.Sprintf("rules[%d].rate.bands", i)
	if tier != "" {
		tb, ok := r.Rate.TierBands[tier]
		if !ok {
			var tiers []string
			for t := range r.Rate.TierBands {
				tiers = append(tiers, t)
			}
			slices.Sort(tiers)
			return engine.BandDesign{}, &engine.ValidationError{Field: "tier", Reason: fmt.Sprintf("rule %q has no band table for %q (it has: %s)", r.Key, tier, strings.Join(append([]string{"the default"}, tiers...), ", "))}
		}
		bands, field = tb, fmt.Sprintf("rules[%d].rate.tier_bands.%s", i, tier)
	}
	if len(bands) == 0 {
		return engine.BandDesign{}, &engine.ValidationError{Field: "rule", Reason: fmt.Sprintf("rule %q pays a flat rate: it has no bands to draw", r.Key)}
	}
	return engine.DesignBands(field, bands, r.Rate.Mode, r.Basis == engine.BasisUnits, upTo), nil
}
