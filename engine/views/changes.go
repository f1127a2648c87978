package views

import (
	"time"

	"partnerdesk/engine"
)

// ChangeView is one change with the names a reader needs.
type ChangeView struct {
	Change  engine.Change
	Program string
	Rule    string
	Payee   string // "Ana Ruiz (Acme Srl)" for a rep
	// Reason is the change's reasons worded in the company's language,
	// e.g. "tier Silver → Gold" or "inputs, program".
	Reason string
}

// ChangeReport is what the last computation of a period changed.
type ChangeReport struct {
	Period   string
	Currency engine.Currency
	// Computed is false when the period was not computed since changes
	// are recorded; the rest is then empty.
	Computed   bool
	ComputedAt time.Time
	ComputedBy string
	PreviousAt time.Time // zero: the first computation, or one before changes were recorded
	First      bool      // the first computation: every result is new
	Summary    engine.ChangeSummary
	// SummaryText is Summary worded in the company's language, e.g.
	// "12 changes: 3 new, 8 changed (inputs), 1 tier change; +1,234.56 EUR".
	SummaryText string
	Changes     []ChangeView
}
