package views

import (
	"github.com/shopspring/decimal"

	"partnerdesk/engine"
)

// PayoutDoc is one payout with its self-billing document, as the
// invoices list (window and `partnerdesk invoices`) shows it.
type PayoutDoc struct {
	PayoutID    engine.ID
	Date        engine.Date
	Payee       engine.Payee
	PayeeName   string
	PartnerName string // the rep's partner; the partner itself for a partner
	Amount      decimal.Decimal
	Currency    engine.Currency
	Method      string
	Reference   string
	Lines       int
	// Number is the self-billing number ("SB-2026-00042"); empty for a
	// rep's payout (no document) or, in a file written before numbering,
	// until the first payout or print numbers it.
	Number string
	// Kind is invoice or credit note; empty for a rep's payout.
	Kind engine.DocKind
}

// PayoutDocFilter selects payouts; empty fields match everything.
type PayoutDocFilter struct {
	Period string // payouts dated inside this period ("2026", "2026-Q3", "2026-07")
	Year   int    // payouts dated in this calendar year (the numbering year)
	Payee  string // "P12", "R7", or a name
}
