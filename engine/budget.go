package engine

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// BudgetOverrun is one program whose spend would pass its budget if the
// lines being approved were approved.
type BudgetOverrun struct {
	ProgramID ID              `json:"program_id"`
	Program   string          `json:"program"`
	Currency  Currency        `json:"currency"`
	Budget    decimal.Decimal `json:"budget"`
	Spent     decimal.Decimal `json:"spent"`     // approved and paid before this approval
	Approving decimal.Decimal `json:"approving"` // the money lines being approved
}

// After is what the program will have spent once the lines are approved.
func (o BudgetOverrun) After() decimal.Decimal { return o.Spent.Add(o.Approving) }

// Over is how far the approval goes past the budget.
func (o BudgetOverrun) Over() decimal.Decimal { return o.After().Sub(o.Budget) }

// Passes reports whether the approval takes the program past a budget it
// has. An approval that lowers the spend (claw-backs) never does.
func (o BudgetOverrun) Passes() bool {
	return o.Budget.IsPositive() && o.Approving.IsPositive() && o.After().GreaterThan(o.Budget)
}

// BudgetError says that an approval would pass one or more programs'
// budgets. A budget is not a cap: it wraps ErrConfirmationNeeded, and the
// caller approves again, confirmed, once the user has seen the figures.
type BudgetError struct {
	Overruns []BudgetOverrun
}

func (e *BudgetError) Error() string {
	parts := make([]string, 0, len(e.Overruns))
	for _, o := range e.Overruns {
		parts = append(parts, fmt.Sprintf("%s: spent %s + approving %s = %s of budget %s %s",
			o.Program, o.Currency.Format(o.Spent), o.Currency.Format(o.Approving),
			o.Currency.Format(o.After()), o.Currency.Format(o.Budget), o.Currency.Code))
	}
	return "approval passes the budget (" + strings.Join(parts, "; ") + ")"
}

// Unwrap lets callers test errors.Is(err, ErrConfirmationNeeded).
func (e *BudgetError) Unwrap() error { return ErrConfirmationNeeded }
