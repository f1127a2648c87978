package app

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"partnerdesk/data"
	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// This file holds the reads the registrations & activity screen needs
// (lists with names, a tier review with names and the changes already
// scheduled) and the one write it adds: applying several tier changes in
// one transaction.

// RecentRegistrations returns up to limit registrations, the last entered
// first (limit <= 0: all of them).
func (s *Service) RecentRegistrations(limit int) ([]views.RegistrationView, error) {
	co, err := s.Company()
	if err != nil {
		return nil, err
	}
	today := s.Today()
	var out []views.RegistrationView
	err = s.view(func(tx *data.Tx) error {
		nm, err := loadNames(tx)
		if err != nil {
			return err
		}
		return data.EachNewest(tx, func(r *engine.Registration) error {
			if limit > 0 && len(out) >= limit {
				return data.Stop
			}
			v := views.RegistrationView{Registration: *r, Partner: nm.partners[r.PartnerID], Currency: co.Currency, Language: co.Language}
			if r.RepID != 0 {
				v.Rep = nm.reps[r.RepID].Name
			}
			v.CloseBy = r.CloseBy()
			v.Waiting, _ = engine.RegistrationWaits(*r, today)
			out = append(out, v)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("list registrations: %w", err)
	}
	return out, nil
}

// RecentTrainings returns up to limit trainings, the last entered first.
func (s *Service) RecentTrainings(limit int) ([]views.TrainingView, error) {
	var out []views.TrainingView
	err := s.view(func(tx *data.Tx) error {
		nm, err := loadNames(tx)
		if err != nil {
			return err
		}
		return data.EachNewest(tx, func(t *engine.Training) error {
			if limit > 0 && len(out) >= limit {
				return data.Stop
			}
			rep := nm.reps[t.RepID]
			out = append(out, views.TrainingView{Training: *t, Partner: nm.partners[rep.PartnerID], Rep: rep.Name})
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("list trainings: %w", err)
	}
	return out, nil
}

// RecentActivities returns up to limit activities, the last entered first.
func (s *Service) RecentActivities(limit int) ([]views.ActivityView, error) {
	var out []views.ActivityView
	err := s.view(func(tx *data.Tx) error {
		nm, err := loadNames(tx)
		if err != nil {
			return err
		}
		return data.EachNewest(tx, func(a *engine.Activity) error {
			if limit > 0 && len(out) >= limit {
				return data.Stop
			}
			v := views.ActivityView{Activity: *a, Partner: nm.partners[a.PartnerID]}
			if a.RepID != 0 {
				v.Rep = nm.reps[a.RepID].Name
			}
			out = append(out, v)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("list activities: %w", err)
	}
	return out, nil
}

// FirstOfNextMonth is the first day of the month after d's.
func FirstOfNextMonth(d engine.Date) engine.Date {
	y, m, _ := d.YMD()
	return engine.NewDate(y, m+1, 1)
}

// ReviewTiersAsOf runs a tier review as of the typed day (empty: today)
// and names what it proposes. A bad day is a *engine.ValidationError on
// "as_of".
func (s *Service) ReviewTiersAsOf(asOf string) (views.TierReviewView, error) {
	day, err := s.dayOrToday("as_of", asOf)
	if err != nil {
		return views.TierReviewView{}, err
	}
	co, err := s.Company()
	if err != nil {
		return views.TierReviewView{}, err
	}
	v := views.TierReviewView{AsOf: day, EffectiveFrom: FirstOfNextMonth(day), Currency: co.Currency, Language: co.Language}
	err = s.view(func(tx *data.Tx) error {
		in, err := tierInputs(tx, day, 0)
		if err != nil {
			return err
		}
		v.From, v.To = engine.TierWindow(in.Ladder, day)
		rank := map[string]int{}
		for i, lv := range in.Ladder.Levels {
			v.Levels = append(v.Levels, lv.Name)
			rank[lv.Name] = i
		}
		name := map[engine.ID]string{}
		for _, p := range in.Partners {
			name[p.ID] = p.Name
		}
		later := map[engine.ID]engine.TierChange{}
		for _, h := range in.History {
			if h.From <= day {
				continue
			}
			if cur, ok := later[h.PartnerID]; !ok || h.From > cur.From || h.From == cur.From && h.ID > cur.ID {
				later[h.PartnerID] = h
			}
		}
		for _, p := range engine.ReviewTiers(in) {
			pv := views.TierProposalView{TierProposal: p, Partner: name[p.PartnerID], Promotion: rank[p.Proposed] > rank[p.Current]}
			if h, ok := later[p.PartnerID]; ok {
				pv.Scheduled, pv.ScheduledFrom = h.Tier, h.From
			}
			v.Proposals = append(v.Proposals, pv)
		}
		return nil
	})
	if err != nil {
		return views.TierReviewView{}, fmt.Errorf("tier review as of %s: %w", day, err)
	}
	slices.SortStableFunc(v.Proposals, func(a, b views.TierProposalView) int {
		return cmp.Or(cmp.Compare(strings.ToLower(a.Partner), strings.ToLower(b.Partner)), cmp.Compare(a.PartnerID, b.PartnerID))
	})
	return v, nil
}

// ApplyTiers records every pick as a tier change effective from the typed
// day, in one transaction: all of them or none. A day inside a closed
// period is refused, because the tier of that period's remaining days
// could no longer be explained by what was paid. Bad input comes back as
// *engine.ValidationError on "from", "tier" or "partner".
func (s *Service) ApplyTiers(picks []views.TierPick, from, note string) ([]engine.TierChange, error) {
	if strings.TrimSpace(from) == "" {
		return nil, &engine.ValidationError{Field: "from", Reason: "say from which day the new tiers count, e.g. the first day of next month"}
	}
	day, err := s.dayOrToday("from", from)
	if err != nil {
		return nil, err
	}
	if len(picks) == 0 {
		return nil, &engine.ValidationError{Field: "tier", Reason: "choose at least one proposal to apply"}
	}
	var out []engine.TierChange
	err = s.update(func(tx *data.Tx) error {
		if tx.IsClosed(day) {
			return &engine.ValidationError{Field: "from", Reason: fmt.Sprintf("%s lies in a closed period: choose a day in an open one", day)}
		}
		l, err := ladder(tx)
		if err != nil {
			return err
		}
		for _, pk := range picks {
			if _, err := data.Get[engine.Partner](tx, pk.PartnerID); err != nil {
				return &engine.ValidationError{Field: "partner", Reason: fmt.Sprintf("there is no partner %d", pk.PartnerID)}
			}
			if !slices.ContainsFunc(l.Levels, func(lv engine.TierLevel) bool { return lv.Name == pk.Tier }) {
				return &engine.ValidationError{Field: "tier", Reason: fmt.Sprintf("the ladder has no tier %q", pk.Tier)}
			}
			tc := engine.TierChange{PartnerID: pk.PartnerID, Tier: pk.Tier, From: day, Note: strings.TrimSpace(note)}
			if err := tx.Put(&tc); err != nil {
				return err
			}
			out = append(out, tc)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
