package views

import (
	"github.com/shopspring/decimal"

	"partnerdesk/engine"
)

// PayeeRef names a partner or a rep for pickers.
type PayeeRef struct {
	Payee   engine.Payee
	Name    string
	Partner string // the rep's partner; empty for a partner
}

// StatementPreview is the head of a payee's statement for a period.
type StatementPreview struct {
	Payee    PayeeRef
	Period   string
	Language string
	Currency engine.Currency
	Tier     string
	Progress string   // what is missing to the next tier, in the statement language
	Nudges   []string // what is missing to the next band or target step, rendered
	Sales    decimal.Decimal
	Programs []ProgramAmount
	Rewards  decimal.Decimal // money of the lines and adjustments
	Points   int64
	Fund     decimal.Decimal // fund balance at the period's end
	Paid     decimal.Decimal // payouts in the period
	YTD      decimal.Decimal // money rewards of the fiscal year to the period's end
	Lines    int
	// Items are the reward lines and adjustments as the statement prints
	// them, so the preview shows the lines and not only the summary.
	Items []StatementItem
}

// StatementItem is one line of a statement: a reward line of a period
// inside the statement's, or an adjustment of a closed period.
type StatementItem struct {
	Program, Rule string
	Explanation   string // in the statement language
	Amount        decimal.Decimal
	Points        int64
	FundCredit    decimal.Decimal // credited to the partner's fund, not paid
	Status        engine.LineStatus
	// Adjustment lines name the invoice and the period they correct.
	Adjustment     bool
	Invoice        string
	OriginalPeriod string
}

// ProgramAmount is one program's share of a statement.
type ProgramAmount struct {
	Program string
	Amount  decimal.Decimal
	Points  int64
}

// BatchResult says what printing a period's statements wrote.
type BatchResult struct {
	Dir      string
	Files    []string          // paths written, in order
	Failed   map[string]string // payee name -> reason
	Total    int               // statements to print
	Canceled bool              // the run was stopped before the end
}

// Label is how a payee is listed: "Ana Ruiz (Acme Srl)" for a rep.
func (p PayeeRef) Label() string {
	if p.Partner != "" {
		return p.Name + " (" + p.Partner + ")"
	}
	return p.Name
}
