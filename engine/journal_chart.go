package engine

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/shopspring/decimal"
)

// Account is one account of the company's chart of accounts.
type Account struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

// ChartOfAccounts names the accounts the accountant's journal books to.
// A reward is an expense against an accrued liability until it is paid;
// MDF / co-op money is a liability of its own until it is claimed, then a
// claim payable until it is reimbursed; points are a liability while they
// are outstanding (valued only when the company sets a point value).
type ChartOfAccounts struct {
	RewardExpense     Account `json:"reward_expense"`
	AccruedRewards    Account `json:"accrued_rewards"`
	FundLiability     Account `json:"fund_liability"`
	FundClaimsPayable Account `json:"fund_claims_payable"`
	PointsLiability   Account `json:"points_liability"`
	Bank              Account `json:"bank"`
}

// AccountRoles are the roles of the chart, in the order files and forms
// list them: the key a file uses, and what the account is for.
var AccountRoles = []struct{ Key, Label string }{
	{"reward_expense", "Reward expense"},
	{"accrued_rewards", "Accrued rewards (approved, unpaid)"},
	{"fund_liability", "MDF / co-op fund liability"},
	{"fund_claims_payable", "Fund claims payable"},
	{"points_liability", "Points liability"},
	{"bank", "Bank or payables"},
}

// DefaultChart is the chart a new company starts with: codes in the usual
// ranges of a small company's chart (1xxx assets, 2xxx liabilities, 6xxx
// expenses), which the accountant renumbers to the ledger's own.
func DefaultChart() ChartOfAccounts {
	return ChartOfAccounts{
		RewardExpense:     Account{"6400", "Partner incentives expense"},
		AccruedRewards:    Account{"2400", "Accrued partner rewards"},
		FundLiability:     Account{"2410", "Partner MDF / co-op funds"},
		FundClaimsPayable: Account{"2420", "Fund claims payable"},
		PointsLiability:   Account{"2430", "Partner points liability"},
		Bank:              Account{"1200", "Bank"},
	}
}

// Role returns the account of a role key (AccountRoles), or false.
func (c *ChartOfAccounts) Role(key string) (*Account, bool) {
	switch key {
	case "reward_expense":
		return &c.RewardExpense, true
	case "accrued_rewards":
		return &c.AccruedRewards, true
	case "fund_liability":
		return &c.FundLiability, true
	case "fund_claims_payable":
		return &c.FundClaimsPayable, true
	case "points_liability":
		return &c.PointsLiability, true
	case "bank":
		return &c.Bank, true
	}
	return nil, false
}

// WithDefaults fills each account left empty (no code and no name) with
// the default chart's, so a company stored before charts existed books to
// the defaults.
func (c ChartOfAccounts) WithDefaults() ChartOfAccounts {
	d := DefaultChart()
	for _, r := range AccountRoles {
		a, _ := c.Role(r.Key)
		if a.Code == "" && a.Name == "" {
			def, _ := d.Role(r.Key)
			*a = *def
		}
	}
	return c
}

// Check validates a chart: every account has a code and a name without
// control characters, and no two accounts share a code (the journal would
// then post two ledgers into one account and no balance could be checked).
func (c ChartOfAccounts) Check() ValidationErrors {
	var errs ValidationErrors
	seen := map[string]string{}
	for _, r := range AccountRoles {
		a, _ := c.Role(r.Key)
		a.Code, a.Name = strings.TrimSpace(a.Code), strings.TrimSpace(a.Name)
		field := "accounts." + r.Key
		switch {
		case a.Code == "":
			errs = append(errs, &ValidationError{Field: field + ".code", Reason: fmt.Sprintf("the %s account needs a code", strings.ToLower(r.Label))})
		case len(a.Code) > 20 || HasControl(a.Code):
			errs = append(errs, &ValidationError{Field: field + ".code", Reason: "an account code is at most 20 characters, without control characters"})
		case seen[strings.ToLower(a.Code)] != "":
			errs = append(errs, &ValidationError{Field: field + ".code", Reason: fmt.Sprintf("code %s is already the %s account: each account has its own code", a.Code, seen[strings.ToLower(a.Code)])})
		default:
			seen[strings.ToLower(a.Code)] = strings.ToLower(r.Label)
		}
		switch {
		case a.Name == "":
			errs = append(errs, &ValidationError{Field: field + ".name", Reason: fmt.Sprintf("the %s account needs a name", strings.ToLower(r.Label))})
		case len(a.Name) > 200 || HasControl(a.Name):
			errs = append(errs, &ValidationError{Field: field + ".name", Reason: "an account name is at most 200 characters, without control characters"})
		}
	}
	if len(errs) == 0 {
		return nil
	}
	return errs
}

// Trimmed returns the chart with spaces around codes and names removed.
func (c ChartOfAccounts) Trimmed() ChartOfAccounts {
	for _, r := range AccountRoles {
		a, _ := c.Role(r.Key)
		a.Code, a.Name = strings.TrimSpace(a.Code), strings.TrimSpace(a.Name)
	}
	return c
}

// HasControl reports whether s holds a control character (C0, DEL, C1) or
// a Unicode format character such as a bidirectional override: none
// belongs in a name, and in an exported cell they hide a formula trigger
// from a spreadsheet's eye and from the user's.
func HasControl(s string) bool {
	for _, r := range s {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) && r != '\u200c' && r != '\u200d' {
			return true
		}
	}
	return false
}

// The CSV styles a company can choose.
const (
	CSVComma     = "comma"     // comma separator, decimal point
	CSVSemicolon = "semicolon" // semicolon separator, decimal comma
)

// CheckBooks validates the company's bookkeeping settings: the chart of
// accounts, the CSV style and the point value (money per point, with at
// most the currency's decimals so that every points entry is exact money
// and the liability equals the points outstanding at their value).
func CheckBooks(c Company) ValidationErrors {
	errs := c.Accounts.WithDefaults().Check()
	switch c.CSVStyle {
	case "", CSVComma, CSVSemicolon:
	default:
		errs = append(errs, &ValidationError{Field: "csv_style", Reason: fmt.Sprintf("%q is not a CSV style: use comma (comma and decimal point) or semicolon (semicolon and decimal comma)", c.CSVStyle)})
	}
	if v := c.PointValue; !v.IsZero() {
		switch {
		case v.IsNegative():
			errs = append(errs, &ValidationError{Field: "point_value", Reason: "a point's value is positive, or empty for points that carry no money"})
		case v.Exponent() < -c.Currency.MinorUnits && !v.Equal(v.Round(c.Currency.MinorUnits)):
			errs = append(errs, &ValidationError{Field: "point_value", Reason: fmt.Sprintf("a point's value has at most %d decimals (the currency's), so that every points entry is exact money", c.Currency.MinorUnits)})
		case v.GreaterThan(decimal.NewFromInt(1_000_000)):
			errs = append(errs, &ValidationError{Field: "point_value", Reason: "a point's value is at most 1,000,000"})
		}
	}
	if len(errs) == 0 {
		return nil
	}
	return errs
}
