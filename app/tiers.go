package app

import (
	"partnerdesk/data"
	"partnerdesk/engine"
)

// tierInputs loads what a tier review reads for the window ending asOf;
// only partner pid's sales when pid is set.
func tierInputs(tx *data.Tx, asOf engine.Date, pid engine.ID) (engine.TierReviewInputs, error) {
	var in engine.TierReviewInputs
	var err error
	if in.Ladder, err = ladder(tx); err != nil {
		return in, err
	}
	if in.History, err = data.All[engine.TierChange](tx); err != nil {
		return in, err
	}
	if in.Partners, err = data.All[engine.Partner](tx); err != nil {
		return in, err
	}
	if in.Reps, err = data.All[engine.Rep](tx); err != nil {
		return in, err
	}
	if in.Trainings, err = data.All[engine.Training](tx); err != nil {
		return in, err
	}
	if in.Registrations, err = data.All[engine.Registration](tx); err != nil {
		return in, err
	}
	in.AsOf = asOf
	from, to := engine.TierWindow(in.Ladder, asOf)
	// Activity points count the activities dated in the window.
	if err = data.Each(tx, func(a *engine.Activity) error {
		if a.Date >= from && a.Date <= to && (pid == 0 || a.PartnerID == pid) {
			in.Activities = append(in.Activities, *a)
		}
		return nil
	}); err != nil {
		return in, err
	}
	if pid == 0 {
		// Every partner's window: decoded straight into one slice (a
		// year of sales appended one by one cost seconds at a million).
		in.Sales, err = tx.AppendSalesBetween(in.Sales, from, to)
		return in, err
	}
	err = tx.SalesOfPartner(pid, from, to, func(s *engine.Sale) error { in.Sales = append(in.Sales, *s); return nil })
	return in, err
}

// TierReview proposes, for every partner, the tier its trailing window
// qualifies it for, where that differs from the tier it holds on asOf.
func (s *Service) TierReview(asOf engine.Date) ([]engine.TierProposal, error) {
	var out []engine.TierProposal
	err := s.view(func(tx *data.Tx) error {
		in, err := tierInputs(tx, asOf, 0)
		if err != nil {
			return err
		}
		out = engine.ReviewTiers(in)
		return nil
	})
	return out, err
}

// ApplyTier records that a partner holds tier from a date on (a person
// applies what a review proposes). A promotion counts from the next period.
func (s *Service) ApplyTier(partner, tier string, from engine.Date, note string) (engine.TierChange, error) {
	var tc engine.TierChange
	err := s.update(func(tx *data.Tx) error {
		p, err := findPartner(tx, partner)
		if err != nil {
			return &engine.ValidationError{Field: "partner", Reason: err.Error()}
		}
		l, err := ladder(tx)
		if err != nil {
			return err
		}
		// The level as the ladder writes it: "gold" applies Gold.
		i, err := levelOf(&l, tier)
		if err != nil {
			return err
		}
		tc = engine.TierChange{PartnerID: p.ID, Tier: l.Levels[i].Name, From: from, Note: note}
		return tx.Put(&tc)
	})
	return tc, err
}
