package engine

import "slices"

// Eligible reports whether partner, holding tier in the period, may earn
// from program p. Only active partners earn (a prospect has not signed, a
// suspended or ended partner is paused); every non-empty eligibility list
// must match. Kinds and segments match under FoldName; tiers are names of
// the ladder and match as written.
func Eligible(p *Program, partner *Partner, tier string) bool {
	if partner.Status != StatusActive && partner.Status != "" {
		return false
	}
	e := &p.Eligibility
	if len(e.Kinds) > 0 && !slices.ContainsFunc(e.Kinds, func(k PartnerKind) bool { return SameName(string(k), string(partner.Kind)) }) {
		return false
	}
	if len(e.Segments) > 0 && !slices.ContainsFunc(e.Segments, func(s string) bool { return SameName(s, partner.Segment) }) {
		return false
	}
	if len(e.Tiers) > 0 && !slices.Contains(e.Tiers, tier) {
		return false
	}
	if len(e.Partners) > 0 && !slices.Contains(e.Partners, partner.ID) {
		return false
	}
	return true
}

// ProgramComputesFor reports whether program p computes rewards for period
// per: active (or draft, when drafts is set, for a simulation), of the
// period's kind and overlapping its validity window.
func ProgramComputesFor(p *Program, per Period, drafts bool) bool {
	c := computer{in: &Inputs{IncludeDrafts: drafts}, period: per}
	return c.computes(p)
}
