package views

import "partnerdesk/engine"

// RegistrationInput is a deal registration as typed.
type RegistrationInput struct {
	Partner       string
	Rep           string // optional
	Customer      string
	ExpectedValue string
	Submitted     string // empty: today
	WindowDays    string // empty: 90
	// PartnerID and RepID are set when the partner or rep was picked from
	// a list (and its text not changed since): a name two partners share
	// still finds the one the user chose. 0: read the text.
	PartnerID, RepID engine.ID
}

// TrainingInput is a completed course as typed.
type TrainingInput struct {
	Partner       string // the rep's partner, to find the rep by name
	Rep           string
	Course        string
	Completed     string // empty: today
	Certification bool
	ValidUntil    string // certifications only
	// PartnerID and RepID: as in RegistrationInput.
	PartnerID, RepID engine.ID
}

// ActivityInput is an activity as typed.
type ActivityInput struct {
	Partner string
	Rep     string // optional
	Type    string // demo, webinar, joint call, QBR, event...
	Date    string // empty: today
	Note    string
	// PartnerID and RepID: as in RegistrationInput.
	PartnerID, RepID engine.ID
}

// RegistrationView is a stored registration with the names a list shows.
type RegistrationView struct {
	Registration engine.Registration
	Partner      string
	Rep          string
	// CloseBy is the last day a linked sale earns the registration bonus
	// (decision day plus the window); zero until approved.
	CloseBy engine.Date
	// Waiting says what the registration waits for today (see
	// engine.RegistrationWaits); "" when nothing.
	Waiting  string
	Currency engine.Currency
	Language string
}

// TrainingView is a stored training with the rep's and partner's names.
type TrainingView struct {
	Training engine.Training
	Partner  string
	Rep      string
}

// ActivityView is a stored activity with the names a list shows.
type ActivityView struct {
	Activity engine.Activity
	Partner  string
	Rep      string
}

// TierProposalView is a proposal with the partner's name, its direction
// and the change already recorded after the review day, if any.
type TierProposalView struct {
	engine.TierProposal
	Partner   string
	Promotion bool // false: a demotion
	// Scheduled and ScheduledFrom are the partner's latest tier change
	// effective after the review day (a proposal applied earlier); "" when
	// none.
	Scheduled     string
	ScheduledFrom engine.Date
}

// TierReviewView is a tier review as the screen shows it.
type TierReviewView struct {
	AsOf     engine.Date
	From, To engine.Date // the trailing window, inclusive
	// EffectiveFrom is the default day a change applies from: the first day
	// of the month after AsOf, since a tier counts for a whole period from
	// the period's first day.
	EffectiveFrom engine.Date
	Levels        []string // the ladder, lowest first
	Currency      engine.Currency
	Language      string
	Proposals     []TierProposalView // by partner name
}

// TierPick is one proposal a person chose to apply.
type TierPick struct {
	PartnerID engine.ID
	Tier      string
}
