package engine

import (
	"cmp"
	"slices"
)

// LowestTier is the ladder's first level, held by partners with no tier
// history; "" with an empty ladder.
func LowestTier(l TierLadder) string {
	if len(l.Levels) == 0 {
		return ""
	}
	return l.Levels[0].Name
}

// tierIndex groups tier changes per partner, ordered by date then id.
func tierIndex(history []TierChange) map[ID][]TierChange {
	m := make(map[ID][]TierChange)
	for _, h := range history {
		m[h.PartnerID] = append(m[h.PartnerID], h)
	}
	for _, hs := range m {
		slices.SortFunc(hs, func(a, b TierChange) int { return cmp.Or(cmp.Compare(a.From, b.From), cmp.Compare(a.ID, b.ID)) })
	}
	return m
}

// tierFrom returns the tier of the last change on or before d, or def.
func tierFrom(sorted []TierChange, d Date, def string) string {
	t := def
	for _, h := range sorted {
		if h.From > d {
			break
		}
		t = h.Tier
	}
	return t
}

// TierOn returns the tier partner holds on day d: the latest change
// effective on or before d; "" when it has none (callers then use the
// ladder's lowest level, see TierOnLadder). Called with a period's first day
// it gives the tier for the whole period, so a promotion mid-period counts
// from the next period.
func TierOn(history []TierChange, partnerID ID, d Date) string {
	var hs []TierChange
	for _, h := range history {
		if h.PartnerID == partnerID {
			hs = append(hs, h)
		}
	}
	slices.SortFunc(hs, func(a, b TierChange) int { return cmp.Or(cmp.Compare(a.From, b.From), cmp.Compare(a.ID, b.ID)) })
	return tierFrom(hs, d, "")
}

// TierOnLadder is TierOn with the ladder's lowest level for a partner with
// no history.
func TierOnLadder(l TierLadder, history []TierChange, partnerID ID, d Date) string {
	if t := TierOn(history, partnerID, d); t != "" {
		return t
	}
	return LowestTier(l)
}

// TierForPeriod returns the tier that counts for the whole of period p.
func TierForPeriod(l TierLadder, history []TierChange, partnerID ID, p Period) string {
	return TierOnLadder(l, history, partnerID, p.Start)
}
