package ui

import (
	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// EntriesService serves the registrations & activity screen: deal
// registrations and their decisions, trainings, activities and the tier
// review. The screen finds it on the shell's backend by type assertion, so
// a back end without it still opens the window. Typed values go over as
// text: parsing and every rule stay behind the interface, and bad fields
// come back as *engine.ValidationError or engine.ValidationErrors naming
// one of the Entry* field keys.
type EntriesService interface {
	// Partners and Reps feed the pickers (see PartnersBackend).
	Partners(query string) ([]engine.Partner, error)
	Reps(partnerID engine.ID) ([]engine.Rep, error)
	// Today is the default of every date on the screen.
	Today() engine.Date

	// AddRegistration records a deal registration; it starts pending.
	AddRegistration(in views.RegistrationInput) (engine.Registration, error)
	// DecideRegistration approves or rejects a pending registration or
	// sets the outcome of a decided one (a Verdict), dated on (empty:
	// today).
	DecideRegistration(id engine.ID, verdict, on string) (engine.Registration, error)
	// RecentRegistrations returns up to limit registrations, the last
	// entered first.
	RecentRegistrations(limit int) ([]views.RegistrationView, error)

	// AddTraining records a course a rep completed.
	AddTraining(in views.TrainingInput) (engine.Training, error)
	// RecentTrainings returns up to limit trainings, the last entered first.
	RecentTrainings(limit int) ([]views.TrainingView, error)

	// AddActivity records a partner's or rep's activity.
	AddActivity(in views.ActivityInput) (engine.Activity, error)
	// RecentActivities returns up to limit activities, the last entered
	// first.
	RecentActivities(limit int) ([]views.ActivityView, error)

	// ReviewTiersAsOf measures every partner over the ladder's trailing
	// window ending on asOf (empty: today) and proposes the changes.
	ReviewTiersAsOf(asOf string) (views.TierReviewView, error)
	// ApplyTiers records the chosen changes, effective from the typed day,
	// all or none.
	ApplyTiers(picks []views.TierPick, from, note string) ([]engine.TierChange, error)
}

// Verdict is what a person decides about a registration.
type Verdict string

// The verdicts, as the app's DecideRegistration takes them.
const (
	VerdictApprove Verdict = "approve"
	VerdictReject  Verdict = "reject"
	VerdictWon     Verdict = "won"
	VerdictLost    Verdict = "lost"
	VerdictExpired Verdict = "expired"
)

// The field keys of the entry forms, as the backend names them in a
// *engine.ValidationError.
const (
	EntryPartner       = "partner"
	EntryRep           = "rep"
	EntryCustomer      = "customer"
	EntryExpectedValue = "expected_value"
	EntrySubmitted     = "submitted"
	EntryWindowDays    = "window_days"
	EntryCourse        = "course"
	EntryCompleted     = "completed"
	EntryValidUntil    = "valid_until"
	EntryType          = "type"
	EntryDate          = "date"
	EntryNote          = "note"
	EntryRegistration  = "registration"
	EntryAsOf          = "as_of"
	EntryFrom          = "from"
	EntryTier          = "tier"
)
