package engine

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// The limits on every number and date a user, a file or a program brings
// in. They are far beyond what a vendor runs through partners (a sale of ten
// trillion in the company's currency, a billion units, a rate of 10,000 %).
// Money is decimal and cannot overflow; the one place a figure becomes an
// int64 (points) saturates past the line limit instead of wrapping, and
// Compute refuses a line beyond it (checkLine), so a million lines of
// points still sum inside an int64.
// docs/reliability.md lists them; every check below names the field and
// the limit in its reason.
const (
	// MaxAmountDigits: an amount (net, unit price, list price, expected
	// value, a step's or a bounty's amount, a per-unit amount, a claim) is
	// at most 10^13 either way.
	MaxAmountDigits = 13
	// MaxTotalDigits: a budget, a target, a cap and a reward line's amount
	// are at most 10^15.
	MaxTotalDigits = 15
	// MaxQuantityDigits: a quantity is at most 10^9 units either way.
	MaxQuantityDigits = 9
	// MaxDecimals is the most decimal places a figure may be written with.
	MaxDecimals = 10
	// MaxRatePercent is the highest rate (percent) and attainment step.
	MaxRatePercent = 10000
	// MaxWeight is the highest matrix weight and tier multiplier.
	MaxWeight = 100
	// MaxPoints is the most points one reward line, one redemption or one
	// rule's points per amount can hold: a million lines of it sum to 10^18,
	// inside an int64 (9.2 x 10^18).
	MaxPoints int64 = 1_000_000_000_000
	// MaxDays bounds a number of days (a fund's validity, a registration's
	// window): ten years.
	MaxDays = 3660
	// MaxMonths bounds a number of months (a referral's months, points
	// validity): ten years.
	MaxMonths = 120
	// MaxCount bounds a count criterion (certifications, won registrations).
	MaxCount = 1_000_000
)

// MinInputDate and MaxInputDate are the first and last day a date may be:
// 1900-01-01 and 2199-12-31.
const (
	MinInputDate Date = -25567
	MaxInputDate Date = 84005
)

var (
	maxAmount   = decimal.New(1, MaxAmountDigits)
	maxTotal    = decimal.New(1, MaxTotalDigits)
	maxQuantity = decimal.New(1, MaxQuantityDigits)
	maxRate     = decimal.NewFromInt(MaxRatePercent)
	maxWeight   = decimal.NewFromInt(MaxWeight)
	maxPointsD  = decimal.NewFromInt(MaxPoints)
)

// limitErr is the one wording of a value beyond a limit.
func limitErr(field, what string, v any, limit string) *ValidationError {
	return &ValidationError{Field: field, Reason: fmt.Sprintf("%v is beyond the limit: %s %s", v, what, limit)}
}

// checkDecimal refuses |d| above max (10^digits) and more than MaxDecimals
// places. It looks at the exponent before comparing, so that a figure
// written 1e-2000000000 or 1e2000000000 is refused at once instead of
// being scaled to two billion digits.
func checkDecimal(field, what string, d, max decimal.Decimal, digits int, limit string) *ValidationError {
	if d.IsZero() {
		return nil
	}
	exp := int(d.Exponent())
	if d.NumDigits()+exp > digits+1 {
		return limitErr(field, what, shortDecimal(d), limit)
	}
	// Built only when returned: an import checks three amounts a row.
	tooFine := func() *ValidationError {
		return &ValidationError{Field: field, Reason: fmt.Sprintf("%s has more than %d decimal places", shortDecimal(d), MaxDecimals)}
	}
	if exp < -MaxDecimals-60 {
		return tooFine()
	}
	if d.Abs().GreaterThan(max) {
		return limitErr(field, what, shortDecimal(d), limit)
	}
	if exp < -MaxDecimals && !d.Equal(d.Round(MaxDecimals)) {
		return tooFine()
	}
	return nil
}

// shortDecimal prints a figure for a message without writing out two
// billion digits of 1e2000000000.
func shortDecimal(d decimal.Decimal) string {
	coef := d.Coefficient().String()
	exp := int(d.Exponent())
	if len(coef) <= 40 && exp >= -40 && exp <= 20 {
		return d.String()
	}
	sign := ""
	if coef[0] == '-' {
		sign, coef = "-", coef[1:]
	}
	return fmt.Sprintf("%s%se%d", sign, coef[:1], len(coef)-1+exp)
}

// CheckAmount refuses an amount beyond 10^13 either way.
func CheckAmount(field string, d decimal.Decimal) *ValidationError {
	return checkDecimal(field, "amounts are at most", d, maxAmount, MaxAmountDigits, "10,000,000,000,000 (10^13) either way")
}

// CheckTotal refuses a budget, target or cap beyond 10^15.
func CheckTotal(field string, d decimal.Decimal) *ValidationError {
	return checkDecimal(field, "budgets, targets and caps are at most", d, maxTotal, MaxTotalDigits, "1,000,000,000,000,000 (10^15)")
}

// CheckQuantity refuses a quantity beyond 10^9 units either way.
func CheckQuantity(field string, d decimal.Decimal) *ValidationError {
	return checkDecimal(field, "quantities are at most", d, maxQuantity, MaxQuantityDigits, "1,000,000,000 (10^9) units either way")
}

// CheckRate refuses a rate or attainment beyond 10,000 %.
func CheckRate(field string, d decimal.Decimal) *ValidationError {
	return checkDecimal(field, "rates are at most", d, maxRate, 4, "10,000 %")
}

// CheckWeight refuses a matrix weight or tier multiplier beyond 100.
func CheckWeight(field string, d decimal.Decimal) *ValidationError {
	return checkDecimal(field, "weights and multipliers are at most", d, maxWeight, 2, "100")
}

// CheckPointsFigure refuses a points figure (points per amount) beyond MaxPoints.
func CheckPointsFigure(field string, d decimal.Decimal) *ValidationError {
	return checkDecimal(field, "points are at most", d, maxPointsD, 12, "1,000,000,000,000 (10^12)")
}

// CheckPoints refuses a number of points beyond MaxPoints either way.
func CheckPoints(field string, n int64) *ValidationError {
	if n > MaxPoints || n < -MaxPoints {
		return limitErr(field, "points are at most", n, "1,000,000,000,000 (10^12) either way")
	}
	return nil
}

// CheckDays refuses a number of days below 0 or beyond MaxDays.
func CheckDays(field string, n int) *ValidationError {
	if n < 0 || n > MaxDays {
		return limitErr(field, "days are from 0 to", n, fmt.Sprintf("%d (ten years)", MaxDays))
	}
	return nil
}

// CheckMonths refuses a number of months below 0 or beyond MaxMonths.
func CheckMonths(field string, n int) *ValidationError {
	if n < 0 || n > MaxMonths {
		return limitErr(field, "months are from 0 to", n, fmt.Sprintf("%d (ten years)", MaxMonths))
	}
	return nil
}

// CheckCount refuses a count below 0 or beyond MaxCount.
func CheckCount(field string, n int) *ValidationError {
	if n < 0 || n > MaxCount {
		return limitErr(field, "counts are from 0 to", n, "1,000,000")
	}
	return nil
}

// InDateRange reports whether d lies from 1900-01-01 to 2199-12-31.
func InDateRange(d Date) bool { return d >= MinInputDate && d <= MaxInputDate }

// CheckDate refuses a set date before 1900-01-01 or after 2199-12-31 (the
// zero date means "not set" and passes).
func CheckDate(field string, d Date) *ValidationError {
	if d == 0 || InDateRange(d) {
		return nil
	}
	y, _, _ := d.Time().Date()
	return &ValidationError{Field: field, Reason: fmt.Sprintf("a date in the year %d is beyond the limit: dates are from 1900-01-01 to 2199-12-31", y)}
}

// limitSet collects the checks of one record, so that a caller writes
// lim.Amount("net", s.Net) and gets every problem at the end.
type limitSet struct{ Errs ValidationErrors }

func (l *limitSet) add(e *ValidationError) {
	if e != nil {
		l.Errs = append(l.Errs, e)
	}
}

// Amount, Total, Quantity, Rate, Weight, PointsFigure, Points, Days,
// Months, Count and Date add the matching check's problem, if any.
func (l *limitSet) Amount(field string, d decimal.Decimal)       { l.add(CheckAmount(field, d)) }
func (l *limitSet) Total(field string, d decimal.Decimal)        { l.add(CheckTotal(field, d)) }
func (l *limitSet) Quantity(field string, d decimal.Decimal)     { l.add(CheckQuantity(field, d)) }
func (l *limitSet) Rate(field string, d decimal.Decimal)         { l.add(CheckRate(field, d)) }
func (l *limitSet) Weight(field string, d decimal.Decimal)       { l.add(CheckWeight(field, d)) }
func (l *limitSet) PointsFigure(field string, d decimal.Decimal) { l.add(CheckPointsFigure(field, d)) }
func (l *limitSet) Points(field string, n int64)                 { l.add(CheckPoints(field, n)) }
func (l *limitSet) Days(field string, n int)                     { l.add(CheckDays(field, n)) }
func (l *limitSet) Months(field string, n int)                   { l.add(CheckMonths(field, n)) }
func (l *limitSet) Count(field string, n int)                    { l.add(CheckCount(field, n)) }
func (l *limitSet) Date(field string, d Date)                    { l.add(CheckDate(field, d)) }

// MaxLineAmountDigits and MaxLinePoints bound one reward line: 10^15 in
// the company's currency, 10^12 points. A revenue rate on one sale within
// the input limits stays within them (10^13 x 10,000 % = 10^15); per-unit
// amounts times quantities, loyalty points and a period's sums can pass
// them, and Compute then refuses the run, naming the program, rule and
// payee, rather than store the line.
const (
	MaxLineAmountDigits = MaxTotalDigits
	MaxLinePoints       = MaxPoints
)

// pointsOf converts a whole points figure to an int64 without ever
// wrapping: beyond the line limit it returns one past the limit (with the
// figure's sign), which checkLine then refuses.
func pointsOf(whole decimal.Decimal) int64 {
	switch {
	case whole.GreaterThan(maxPointsD):
		return MaxLinePoints + 1
	case whole.LessThan(maxPointsD.Neg()):
		return -(MaxLinePoints + 1)
	}
	return whole.IntPart()
}

// checkLine refuses a reward line beyond the line limits.
func checkLine(l *RewardLine) error {
	if l.Amount.Abs().GreaterThan(maxTotal) {
		return fmt.Errorf("the line of %s is beyond the limit of %s for one reward line; nothing was stored: look for a wrong amount, quantity or rate among the period's sales and the rule's settings",
			shortDecimal(l.Amount), maxTotal)
	}
	if l.Points > MaxLinePoints || l.Points < -MaxLinePoints {
		return fmt.Errorf("the line's points are beyond the limit of %d for one reward line; nothing was stored: look for a wrong amount, quantity or rate among the period's sales and the rule's settings",
			MaxLinePoints)
	}
	return nil
}

// payeeName names a payee for a message: "partner 1 (Alpha)".
func (c *computer) payeeName(p Payee) string {
	name := ""
	switch p.Kind {
	case PayeePartner:
		if i := c.partnerIndex(p.ID); i >= 0 {
			name = c.partners[i].Name
		}
	case PayeeRep:
		if i := c.repIndex(p.ID); i >= 0 {
			name = c.reps[i].Name
		}
	}
	if name == "" {
		return fmt.Sprintf("%s %d", p.Kind, p.ID)
	}
	return fmt.Sprintf("%s %d (%s)", p.Kind, p.ID, name)
}
