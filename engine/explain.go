package engine

import "github.com/shopspring/decimal"

// ArgType says how an explanation argument is formatted.
type ArgType string

// The argument types.
const (
	ArgText    ArgType = "text"    // printed as is (rule names, invoice numbers, customers)
	ArgMoney   ArgType = "money"   // Dec with Currency's minor units and code
	ArgNumber  ArgType = "number"  // Dec grouped per language (a threshold without currency, units)
	ArgPercent ArgType = "percent" // Dec followed by " %"
	ArgPoints  ArgType = "points"  // whole number
	ArgPeriod  ArgType = "period"  // a period key
	ArgDate    ArgType = "date"    // Date, formatted per language
	ArgKey     ArgType = "key"     // a message key translated per language (e.g. "retroactive")
	ArgList    ArgType = "list"    // Items rendered and joined: "a, b and c"
)

// Arg is one typed argument of an explanation.
type Arg struct {
	Name     string          `json:"name"`
	Type     ArgType         `json:"type"`
	Text     string          `json:"text,omitempty"`
	Dec      decimal.Decimal `json:"dec,omitempty"`
	Currency *Currency       `json:"currency,omitempty"`
	Date     Date            `json:"date,omitempty"`
	// Places is the number of decimals a number prints with. Stored JSON
	// drops a decimal's trailing zeros, so the scale travels separately.
	Places int32 `json:"places,omitempty"`
	// Items are the parts of an ArgList, e.g. the needs of a tier nudge
	// ("34,500.00 EUR revenue and 1 certification").
	Items []Explanation `json:"items,omitempty"`
}

// Explanation is a reward line's reason as a message key and typed
// arguments, rendered to one line per language by the shared renderer, so a
// statement in Italian and a screen in English say the same thing.
type Explanation struct {
	Key  string `json:"key"`
	Args []Arg  `json:"args,omitempty"`
	// More holds modifiers that followed the main computation (a tier
	// multiplier, a cap); the renderer appends them, separated by "; ".
	More []Explanation `json:"more,omitempty"`
}

// Arg returns the argument named name, and whether there is one.
func (e Explanation) Arg(name string) (Arg, bool) {
	for _, a := range e.Args {
		if a.Name == name {
			return a, true
		}
	}
	return Arg{}, false
}

// Helpers that build arguments.

// TextArg is a text argument.
func TextArg(name, s string) Arg { return Arg{Name: name, Type: ArgText, Text: s} }

// MoneyArg is an amount in currency c.
func MoneyArg(name string, d decimal.Decimal, c Currency) Arg {
	cc := c
	return Arg{Name: name, Type: ArgMoney, Dec: d, Currency: &cc}
}

// NumberArg is a plain decimal number.
func NumberArg(name string, d decimal.Decimal) Arg {
	return Arg{Name: name, Type: ArgNumber, Dec: d, Places: max(-d.Exponent(), 0)}
}

// PercentArg is a percentage.
func PercentArg(name string, d decimal.Decimal) Arg { return Arg{Name: name, Type: ArgPercent, Dec: d} }

// PointsArg is a whole number of points.
func PointsArg(name string, p int64) Arg {
	return Arg{Name: name, Type: ArgPoints, Dec: decimal.NewFromInt(p)}
}

// PeriodArg is a period key.
func PeriodArg(name, key string) Arg { return Arg{Name: name, Type: ArgPeriod, Text: key} }

// DateArg is a date.
func DateArg(name string, d Date) Arg { return Arg{Name: name, Type: ArgDate, Date: d} }

// ListArg is a list of explanations, rendered each in the language and
// joined with commas and the language's "and" (message key "word.and").
func ListArg(name string, items ...Explanation) Arg {
	return Arg{Name: name, Type: ArgList, Items: items}
}

// KeyArg is a word translated per language.
func KeyArg(name, key string) Arg { return Arg{Name: name, Type: ArgKey, Text: key} }
