package views

import (
	"github.com/shopspring/decimal"

	"partnerdesk/engine"
)

// Dashboard is every figure of the owner's first screen for one period,
// computed from one read transaction.
type Dashboard struct {
	Period     string // the chosen period's key
	Previous   string // the period before it
	YearBefore string // the same period a year earlier
	Next       string // the period after it
	Start, End engine.Date
	Language   string // the company's language, for numbers and dates
	Currency   engine.Currency
	// AsOf is the day balances are read on: the period's last day, or
	// today while the period is still running.
	AsOf engine.Date

	// Revenue through partners: net sales booked in each period (returns
	// reduce it).
	Revenue, RevenuePrevious, RevenueYearBefore decimal.Decimal
	// Growth in percent, rounded to 2 places; not Valid when the earlier
	// revenue is zero.
	GrowthPrevious, GrowthYear decimal.NullDecimal
	// RevenueByMonth is the revenue of the twelve calendar months ending
	// with the month that holds the period's last day, oldest first.
	RevenueByMonth []MonthRevenue

	// Cost is the money reward lines of the period (every status) over all
	// programs, CostPoints their points, CostRatio Cost / Revenue in percent.
	Cost       decimal.Decimal
	CostPoints int64
	CostRatio  decimal.NullDecimal
	Programs   []ProgramCost
	// CostCovers are the programs whose own periods lie inside the period,
	// whose lines Cost counts; CostLeavesOut those whose periods are
	// longer (a quarterly program on a month), which the period's cost
	// cannot hold, each with the key of its period that does.
	CostCovers, CostLeavesOut []ProgramSpan

	// ActivePartners had a sale, a registration or an activity in the
	// period, out of AllActivePartners whose status is active.
	ActivePartners, AllActivePartners int
	// Tiers counts active partners per tier held on the period's first day,
	// in ladder order.
	Tiers         []TierCount
	Leaders       Leaderboard
	Registrations RegistrationCounts
	Funds         FundPosition
	// PointsOutstanding is points earned less redeemed and expired, over
	// every payee, on AsOf.
	PointsOutstanding int64
}

// MonthRevenue is one bar of the revenue chart.
type MonthRevenue struct {
	Month   string // "2026-07"
	Revenue decimal.Decimal
}

// ProgramCost is what one program costs in the period against its budget.
type ProgramCost struct {
	ProgramID engine.ID
	Name      string
	Cost      decimal.Decimal     // money lines of the period, every status
	Points    int64               // points lines of the period
	CostRatio decimal.NullDecimal // Cost / revenue in percent
	Spent     decimal.Decimal     // approved and paid money lines inside BudgetSpan
	Budget    decimal.Decimal     // zero: no budget
	// BudgetSpan is what the budget counts over (engine.BudgetSpan): the
	// fiscal year holding the period's end, or the program's own window.
	BudgetSpan engine.Period
}

// ProgramSpan names a program, its period kind and one of its periods.
type ProgramSpan struct {
	ProgramID engine.ID
	Name      string
	Kind      engine.PeriodKind
	Period    string
}

// TierCount is how many active partners hold a tier.
type TierCount struct {
	Tier     string // "" when the ladder is empty
	Partners int
}

// Leaderboard holds the top payees of the period, best first.
type Leaderboard struct {
	Period   string // the period's key
	Currency engine.Currency
	Language string // the company's, for numbers

	PartnersByRevenue, PartnersByPoints []LeaderRow
	RepsByRevenue, RepsByPoints         []LeaderRow
}

// LeaderRow is one payee of a leaderboard with both of its figures.
type LeaderRow struct {
	Payee   engine.Payee
	Name    string
	Partner string // the rep's partner; the partner itself for a partner
	Revenue decimal.Decimal
	Points  int64
}

// RegistrationCounts counts the deal registrations submitted in the period
// and what became of those same registrations.
type RegistrationCounts struct {
	Submitted, Approved, Won, Lost, Expired int
}

// FundPosition is the MDF / co-op position over every partner on AsOf.
type FundPosition struct {
	Balance    decimal.Decimal // available: accrued less claimed and expired
	Expiring   decimal.Decimal // the part of Balance that expires by ExpiringBy
	ExpiringBy engine.Date
}

// The figures behind which there are rows.
const (
	FigureRevenue        FigureKind = "revenue"         // sales of the period (Arg: a month key for one bar)
	FigureProgramCost    FigureKind = "program_cost"    // money and points lines (Program 0: every program)
	FigureActivePartners FigureKind = "active_partners" // active partners and what made them active
	FigureTier           FigureKind = "tier"            // active partners holding tier Arg
	FigureLeader         FigureKind = "leader"          // Payee's sales and points lines
	FigureRegistrations  FigureKind = "registrations"   // registrations (Arg: submitted, approved, won, lost, expired)
	FigureFunds          FigureKind = "funds"           // fund balance per partner
	FigureExpiring       FigureKind = "expiring"        // accruals expiring within the dashboard's window
	FigurePoints         FigureKind = "points"          // points balance per payee
)

// FigureKind names a dashboard figure whose rows can be opened.
type FigureKind string

// Figure says which figure's rows to open.
type Figure struct {
	Kind    FigureKind
	Program engine.ID
	Payee   engine.Payee
	Arg     string
}

// CellKind says how a detail cell is formatted.
type CellKind int

// Cell is one value of a detail row, formatted by the reader.
type Cell struct {
	Kind CellKind
	Text string
	Dec  decimal.Decimal
	Date engine.Date
}

// DetailTable is the rows behind one dashboard figure.
type DetailTable struct {
	Title   string
	Columns []string
	Rows    [][]Cell
	Total   string // footer in the company's language, e.g. "Total 12,500.00 EUR"
}

// The cell kinds.
const (
	CellText CellKind = iota
	CellMoney
	CellNumber
	CellPoints
	CellDate
)

// TextCell, MoneyCell, NumberCell, PointsCell and DateCell build cells.
func TextCell(s string) Cell            { return Cell{Kind: CellText, Text: s} }
func MoneyCell(d decimal.Decimal) Cell  { return Cell{Kind: CellMoney, Dec: d} }
func NumberCell(d decimal.Decimal) Cell { return Cell{Kind: CellNumber, Dec: d} }
func PointsCell(p int64) Cell           { return Cell{Kind: CellPoints, Dec: decimal.NewFromInt(p)} }
func DateCell(d engine.Date) Cell       { return Cell{Kind: CellDate, Date: d} }
