package gui

import (
	"fmt"

	"partnerdesk/app"
	"partnerdesk/engine"
	"partnerdesk/ui"
)

// The registrations & activity screen finds this service on the backend by
// type assertion.
var _ ui.EntriesService = (*Backend)(nil)

// AddRegistration implements ui.EntriesService.
func (b *Backend) AddRegistration(in ui.RegistrationInput) (engine.Registration, error) {
	return b.svc.AddRegistration(app.RegistrationInput{
		Partner: partnerRef(in.Partner, in.PartnerID), Rep: repRef(in.Rep, in.RepID),
		Customer: in.Customer, ExpectedValue: in.ExpectedValue, Submitted: in.Submitted, WindowDays: in.WindowDays,
	})
}

// DecideRegistration implements ui.EntriesService.
func (b *Backend) DecideRegistration(id engine.ID, v ui.Verdict, on string) (engine.Registration, error) {
	return b.svc.DecideRegistration(id, string(v), on)
}

// Registrations implements ui.EntriesService.
func (b *Backend) Registrations(limit int) ([]ui.RegistrationRow, error) {
	rs, err := b.svc.RecentRegistrations(limit)
	if err != nil {
		return nil, err
	}
	out := make([]ui.RegistrationRow, len(rs))
	for i, r := range rs {
		out[i] = ui.RegistrationRow(r)
	}
	return out, nil
}

// AddTraining implements ui.EntriesService.
func (b *Backend) AddTraining(in ui.TrainingInput) (engine.Training, error) {
	return b.svc.AddTraining(app.TrainingInput{
		Partner: partnerRef(in.Partner, in.PartnerID), Rep: repRef(in.Rep, in.RepID),
		Course: in.Course, Completed: in.Completed, Certification: in.Certification, ValidUntil: in.ValidUntil,
	})
}

// Trainings implements ui.EntriesService.
func (b *Backend) Trainings(limit int) ([]ui.TrainingRow, error) {
	ts, err := b.svc.RecentTrainings(limit)
	if err != nil {
		return nil, err
	}
	out := make([]ui.TrainingRow, len(ts))
	for i, t := range ts {
		out[i] = ui.TrainingRow(t)
	}
	return out, nil
}

// AddActivity implements ui.EntriesService.
func (b *Backend) AddActivity(in ui.ActivityInput) (engine.Activity, error) {
	return b.svc.AddActivity(app.ActivityInput{
		Partner: partnerRef(in.Partner, in.PartnerID), Rep: repRef(in.Rep, in.RepID),
		Type: in.Type, Date: in.Date, Note: in.Note,
	})
}

// Activities implements ui.EntriesService.
func (b *Backend) Activities(limit int) ([]ui.ActivityRow, error) {
	as, err := b.svc.RecentActivities(limit)
	if err != nil {
		return nil, err
	}
	out := make([]ui.ActivityRow, len(as))
	for i, a := range as {
		out[i] = ui.ActivityRow(a)
	}
	return out, nil
}

// ReviewTiers implements ui.EntriesService.
func (b *Backend) ReviewTiers(asOf string) (ui.TierReview, error) {
	v, err := b.svc.ReviewTiersAsOf(asOf)
	if err != nil {
		return ui.TierReview{}, err
	}
	out := ui.TierReview{AsOf: v.AsOf, From: v.From, To: v.To, EffectiveFrom: v.EffectiveFrom,
		Levels: v.Levels, Currency: v.Currency, Language: v.Language}
	for _, p := range v.Proposals {
		out.Proposals = append(out.Proposals, ui.TierProposalRow{
			PartnerID: p.PartnerID, Partner: p.Partner, Current: p.Current, Proposed: p.Proposed,
			Promotion: p.Promotion, Evidence: p.Evidence, Scheduled: p.Scheduled, ScheduledFrom: p.ScheduledFrom,
		})
	}
	return out, nil
}

// ApplyTiers implements ui.EntriesService.
func (b *Backend) ApplyTiers(picks []ui.TierPick, from, note string) ([]engine.TierChange, error) {
	ps := make([]app.TierPick, len(picks))
	for i, p := range picks {
		ps[i] = app.TierPick(p)
	}
	return b.svc.ApplyTiers(ps, from, note)
}

// partnerRef passes a picked partner by id, so a name two partners share
// still finds the one the user chose; a typed one goes as typed.
func partnerRef(text string, id engine.ID) string {
	if id != 0 {
		return fmt.Sprintf("P%d", id)
	}
	return text
}

// repRef is partnerRef for reps.
func repRef(text string, id engine.ID) string {
	if id != 0 {
		return fmt.Sprintf("R%d", id)
	}
	return text
}
