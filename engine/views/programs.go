package views

import (
	"github.com/shopspring/decimal"

	"partnerdesk/engine"
)

// ProgramList is every program with what it has spent, and the company's
// language and currency the figures are shown in.
type ProgramList struct {
	Language string
	Currency engine.Currency
	Programs []ProgramSpend // by id
}

// ProgramSpend is a program with what it has spent.
type ProgramSpend struct {
	Program engine.Program
	Spent   decimal.Decimal // approved and paid money lines of the periods inside Span
	Span    engine.Period   // what the budget counts over today (engine.BudgetSpan: the fiscal year)
}

// SimRow is one payee's cost under a simulated program next to what the
// stored lines of that program in the period actually paid.
type SimRow struct {
	Payee     engine.Payee
	Name      string
	Simulated decimal.Decimal // money rewards
	Fund      decimal.Decimal // credits to the partner's MDF / co-op fund, not paid as money
	Points    int64
	Actual    decimal.Decimal // the program's paid money lines of the period
	Diff      decimal.Decimal // Simulated - Actual
}

// Simulation is a simulated program over a past period.
type Simulation struct {
	Period        string
	Program       string
	Rows          []SimRow
	Total, Actual decimal.Decimal // simulated money, and what the stored lines paid
	Diff          decimal.Decimal // Total - Actual
	Fund          decimal.Decimal // simulated fund credits
	Points        int64           // simulated points
	Language      string          // the company's, for numbers
	Lines         []engine.RewardLine
	Currency      engine.Currency
}
