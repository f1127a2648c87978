package views

import (
	"github.com/shopspring/decimal"

	"partnerdesk/engine"
)

// PeriodInfo is a validated period and whether it is closed.
type PeriodInfo struct {
	Key        string
	Start, End engine.Date
	Closed     bool
}

// ComputeRun is what a computation wrote, with the number of programs
// that have lines in the period afterwards.
type ComputeRun struct {
	ComputeSummary
	Programs int
}

// ReviewedLine is a reward line with its names and its explanation
// rendered in the company's language.
type ReviewedLine struct {
	Line        engine.RewardLine
	Program     string
	Rule        string
	Payee       string // "Ana Ruiz (Acme Srl)" for a rep
	Explanation string
}

// ReviewTotal is one program's lines in a period against its budget.
type ReviewTotal struct {
	ProgramID engine.ID
	Program   string
	Amount    decimal.Decimal // money lines of the period, every status
	Points    int64
	Spent     decimal.Decimal // approved and paid money lines, every period
	Budget    decimal.Decimal
	Over      bool // spent is past a budget the program has
}

// PeriodReview is a period's lines as the run screen shows them.
type PeriodReview struct {
	Period   PeriodInfo
	Language string // the company's, for numbers and explanations
	Currency engine.Currency
	Lines    []ReviewedLine
	Totals   []ReviewTotal   // programs in the order their first line appears
	Money    decimal.Decimal // money lines of the period (fund credits and points apart)
	Points   int64
}

// CloseImpact counts what closing a period makes read-only.
type CloseImpact struct {
	Sales, Registrations, Trainings, Activities int
	Lines                                       int // reward lines of the period and of the periods inside it
	Draft                                       int // of which draft lines that pay something
}

// ComputeSummary says what a computation wrote.
type ComputeSummary struct {
	Period  string
	Lines   int // draft lines written
	Kept    int // approved or paid lines left as they were
	Money   decimal.Decimal
	Points  int64
	Sales   int
	Nudges  []engine.Nudge
	Removed int // draft lines replaced
	// Changes counts what changed since the last compute, per payee and
	// rule (a ChangeReport lists them).
	Changes engine.ChangeSummary
}

// ApproveResult says what Approve did: how many lines it approved and,
// for each program they belong to, the spend against its budget.
type ApproveResult struct {
	Approved int
	Budgets  []engine.BudgetOverrun
}

// PayInput is a payout as typed.
type PayInput struct {
	Payee     string // "P12", "R7" or a name
	Lines     []engine.ID
	Date      string // empty: today
	Method    string
	Reference string
	Amount    string // empty: the sum of the lines; else must equal it
}
