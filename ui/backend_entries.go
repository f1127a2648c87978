package ui

import (
	"partnerdesk/engine"
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
	AddRegistration(in RegistrationInput) (engine.Registration, error)
	// DecideRegistration approves or rejects a pending registration or
	// sets the outcome of a decided one, dated on (empty: today).
	DecideRegistration(id engine.ID, v Verdict, on string) (engine.Registration, error)
	// Registrations returns up to limit registrations, the last entered
	// first.
	Registrations(limit int) ([]RegistrationRow, error)

	// AddTraining records a course a rep completed.
	AddTraining(in TrainingInput) (engine.Training, error)
	// Trainings returns up to limit trainings, the last entered first.
	Trainings(limit int) ([]TrainingRow, error)

	// AddActivity records a partner's or rep's activity.
	AddActivity(in ActivityInput) (engine.Activity, error)
	// Activities returns up to limit activities, the last entered first.
	Activities(limit int) ([]ActivityRow, error)

	// ReviewTiers measures every partner over the ladder's trailing window
	// ending on asOf (empty: today) and proposes the changes.
	ReviewTiers(asOf string) (TierReview, error)
	// ApplyTiers records the chosen changes, effective from the typed day,
	// all or none.
	ApplyTiers(picks []TierPick, from, note string) ([]engine.TierChange, error)
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

// RegistrationInput is a deal registration as typed.
type RegistrationInput struct {
	Partner       string
	Rep           string // empty: none
	Customer      string
	ExpectedValue string
	Submitted     string // empty: today
	WindowDays    string // empty: 90
	// PartnerID and RepID are set when picked from a completion list.
	PartnerID engine.ID
	RepID     engine.ID
}

// TrainingInput is a completed course as typed.
type TrainingInput struct {
	Partner       string // the rep's partner
	Rep           string
	Course        string
	Completed     string // empty: today
	Certification bool
	ValidUntil    string // certifications only; empty: no expiry
	PartnerID     engine.ID
	RepID         engine.ID
}

// ActivityInput is an activity as typed.
type ActivityInput struct {
	Partner   string
	Rep       string // empty: the partner as a whole
	Type      string // demo, webinar, joint call, QBR, event or another word
	Date      string // empty: today
	Note      string
	PartnerID engine.ID
	RepID     engine.ID
}

// RegistrationRow is a stored registration with the names a list shows.
type RegistrationRow struct {
	Registration engine.Registration
	Partner      string
	Rep          string
	// CloseBy is the last day a linked sale earns the registration bonus;
	// zero until approved.
	CloseBy  engine.Date
	Currency engine.Currency
	Language string // number format of the company
}

// TrainingRow is a stored training with its rep's and partner's names.
type TrainingRow struct {
	Training engine.Training
	Partner  string
	Rep      string
}

// ActivityRow is a stored activity with the names a list shows.
type ActivityRow struct {
	Activity engine.Activity
	Partner  string
	Rep      string
}

// TierReview is the result of a tier review.
type TierReview struct {
	AsOf          engine.Date
	From, To      engine.Date // the trailing window, inclusive
	EffectiveFrom engine.Date // the default day a change applies from
	Levels        []string    // the ladder, lowest first
	Currency      engine.Currency
	Language      string
	Proposals     []TierProposalRow
}

// TierProposalRow is one proposed change with the evidence behind it.
type TierProposalRow struct {
	PartnerID engine.ID
	Partner   string
	Current   string
	Proposed  string
	Promotion bool // false: a demotion
	Evidence  engine.TierEvidence
	// Scheduled is a change already recorded after the review day (a
	// proposal applied earlier), from ScheduledFrom; "" when none.
	Scheduled     string
	ScheduledFrom engine.Date
}

// TierPick is one proposal chosen to apply.
type TierPick struct {
	PartnerID engine.ID
	Tier      string
}
