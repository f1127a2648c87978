package engine

import (
	"cmp"
	"slices"

	"github.com/shopspring/decimal"
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

// TierReviewInputs is what a tier review reads.
type TierReviewInputs struct {
	Ladder        TierLadder
	History       []TierChange
	Partners      []Partner
	Reps          []Rep
	Sales         []Sale // at least those in the trailing window
	Trainings     []Training
	Registrations []Registration
	Activities    []Activity
	AsOf          Date // the window ends on this day, inclusive
}

// TierEvidence is what a partner achieved over the trailing window.
type TierEvidence struct {
	PartnerID        ID              `json:"partner_id"`
	From             Date            `json:"from"`
	To               Date            `json:"to"`
	Revenue          decimal.Decimal `json:"revenue"`
	Units            decimal.Decimal `json:"units"`
	Certifications   int             `json:"certifications"`
	WonRegistrations int             `json:"won_registrations"`
	ActivityPoints   int             `json:"activity_points"`
}

// TierProposal is a tier change a review proposes; a person applies it.
type TierProposal struct {
	PartnerID ID           `json:"partner_id"`
	Current   string       `json:"current"`
	Proposed  string       `json:"proposed"`
	Evidence  TierEvidence `json:"evidence"`
}

// TierWindow returns the trailing window ending on asOf: WindowMonths
// months (12 when unset) back, from the day after.
func TierWindow(l TierLadder, asOf Date) (from, to Date) {
	n := l.WindowMonths
	if n <= 0 {
		n = 12
	}
	return asOf.AddMonths(-n).AddDays(1), asOf
}

// MeasureTiers returns each partner's evidence over the trailing window,
// ordered by partner id. Revenue and units follow credit splits; returns
// reduce them. Certifications are distinct (rep, course) certifications
// completed by the window end and still valid on it. A won registration
// counts on its decision date (its submission date when undecided).
// Activity points add up the ladder's points of each activity dated in the
// window (every activity 1 point when the ladder weighs none).
//
// It is long because it adds up each kind of evidence listed above (sales,
// certifications, registrations, activities), one short loop each, into the
// same per-partner rows.
func MeasureTiers(in TierReviewInputs) []TierEvidence {
	from, to := TierWindow(in.Ladder, in.AsOf)
	ev := make(map[ID]*TierEvidence, len(in.Partners))
	ids := make([]ID, 0, len(in.Partners))
	for _, p := range in.Partners {
		if ev[p.ID] == nil {
			ev[p.ID] = &TierEvidence{PartnerID: p.ID, From: from, To: to}
			ids = append(ids, p.ID)
		}
	}
	slices.Sort(ids)
	for i := range in.Sales {
		s := &in.Sales[i]
		if s.Date < from || s.Date > to {
			continue
		}
		for _, cr := range SaleCredits(s, unitWeight) {
			if e := ev[cr.PartnerID]; e != nil {
				e.Revenue = e.Revenue.Add(cr.Net)
				e.Units = e.Units.Add(cr.Quantity)
			}
		}
	}
	repPartner := make(map[ID]ID, len(in.Reps))
	for _, r := range in.Reps {
		repPartner[r.ID] = r.PartnerID
	}
	type cert struct {
		rep    ID
		course string // folded: "Cloud Basics" taken as "cloud basics" is one certification
	}
	seen := make(map[cert]bool)
	for _, t := range in.Trainings {
		if !t.Certification || t.Completed > to || !t.ValidUntil.IsZero() && t.ValidUntil < to {
			continue
		}
		k := cert{t.RepID, FoldName(t.Course)}
		if seen[k] {
			continue
		}
		if e := ev[repPartner[t.RepID]]; e != nil {
			seen[k] = true
			e.Certifications++
		}
	}
	for _, r := range in.Registrations {
		day := r.DecidedOn
		if day.IsZero() {
			day = r.Submitted
		}
		if r.Outcome != OutcomeWon || day < from || day > to {
			continue
		}
		if e := ev[r.PartnerID]; e != nil {
			e.WonRegistrations++
		}
	}
	weight := make(map[string]int, len(in.Ladder.PointsPerActivity))
	for t, n := range in.Ladder.PointsPerActivity {
		weight[FoldName(t)] = n
	}
	for _, a := range in.Activities {
		if a.Date < from || a.Date > to {
			continue
		}
		e := ev[a.PartnerID]
		if e == nil {
			continue
		}
		if len(weight) == 0 {
			e.ActivityPoints++
		} else {
			e.ActivityPoints += weight[FoldName(a.Type)]
		}
	}
	out := make([]TierEvidence, 0, len(ids))
	for _, id := range ids {
		out = append(out, *ev[id])
	}
	return out
}

// meets reports whether evidence reaches every criterion of a level.
func meets(c TierCriteria, e TierEvidence) bool {
	return e.Revenue.GreaterThanOrEqual(c.Revenue) && e.Units.GreaterThanOrEqual(c.Units) &&
		e.Certifications >= c.Certifications && e.WonRegistrations >= c.WonRegistrations &&
		e.ActivityPoints >= c.ActivityPoints
}

// QualifyingTier returns the highest level whose criteria the evidence
// meets (the lowest level when none).
func QualifyingTier(l TierLadder, e TierEvidence) string {
	t := LowestTier(l)
	for _, lv := range l.Levels {
		if meets(lv.Criteria, e) {
			t = lv.Name
		}
	}
	return t
}

// ReviewTiers evaluates the ladder over the trailing window ending at
// in.AsOf and proposes a change for every active partner whose qualifying
// tier differs from the one it holds on that day (promotions and
// demotions), ordered by partner id.
func ReviewTiers(in TierReviewInputs) []TierProposal {
	active := make(map[ID]bool)
	for _, p := range in.Partners {
		active[p.ID] = p.Status == StatusActive || p.Status == ""
	}
	var out []TierProposal
	for _, e := range MeasureTiers(in) {
		if !active[e.PartnerID] {
			continue
		}
		cur := TierOnLadder(in.Ladder, in.History, e.PartnerID, in.AsOf)
		if q := QualifyingTier(in.Ladder, e); q != cur {
			out = append(out, TierProposal{PartnerID: e.PartnerID, Current: cur, Proposed: q, Evidence: e})
		}
	}
	return out
}
