package ui

import (
	"context"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/shopspring/decimal"

	"partnerdesk/engine"
)

// This file declares what the dashboard, programs, period run and
// statements screens need from the back end. The app package implements
// the four services; the screens only display what they return, so every
// figure (growth, ratios, totals, budgets) is computed behind them.

// DashboardService gives the owner's first screen its figures and the
// lines behind each one.
type DashboardService interface {
	// Dashboard computes the figures of period (a key such as "2026-07";
	// empty: the current month) and of the period before it. A key that
	// is not a period returns an error whose text says how to write one.
	Dashboard(ctx context.Context, period string) (DashboardData, error)
	// DashboardDetail returns the rows behind one figure of the dashboard.
	DashboardDetail(ctx context.Context, period string, f Figure) (DetailTable, error)
}

// ProgramService lists, imports, exports, saves and simulates programs.
type ProgramService interface {
	// Programs lists every program with what it has spent.
	Programs(ctx context.Context) (ProgramList, error)
	// Program returns one program.
	Program(ctx context.Context, id engine.ID) (engine.Program, error)
	// ReadProgram parses and validates a program JSON file without saving it.
	ReadProgram(ctx context.Context, data []byte) (engine.Program, error)
	// SaveProgram validates and stores p (a new one when p.ID is 0) and
	// returns it as stored.
	SaveProgram(ctx context.Context, p engine.Program) (engine.Program, error)
	// ExportProgram returns the program as an indented JSON file.
	ExportProgram(ctx context.Context, id engine.ID) ([]byte, error)
	// Simulate computes p over period's inputs without writing anything
	// and compares it with what that period's lines of the program paid.
	Simulate(ctx context.Context, p engine.Program, period string) (Simulation, error)
}

// PeriodService runs a period: compute, review, approve, pay, close.
type PeriodService interface {
	// CurrentPeriod is the key of the period the run screen opens on.
	CurrentPeriod(ctx context.Context) (string, error)
	// Today is the default date of a payout (the clock is the app's).
	Today() engine.Date
	// Period validates a typed key and says whether the period is closed.
	Period(ctx context.Context, key string) (PeriodInfo, error)
	// Compute replaces the period's draft lines by a fresh computation,
	// calling progress(done, total) as it goes (from its own goroutine).
	Compute(ctx context.Context, period string, progress func(done, total int)) (ComputeResult, error)
	// Review returns the period's reward lines with names and totals.
	Review(ctx context.Context, period string) (Review, error)
	// Approve approves the draft lines ids. Unless confirmed, an approval
	// that passes a program's budget returns an error wrapping
	// *engine.BudgetError (and so engine.ErrConfirmationNeeded).
	Approve(ctx context.Context, period string, ids []engine.ID, confirmed bool) error
	// Pay records a payout that settles approved lines of one payee.
	Pay(ctx context.Context, req PayRequest) (engine.Payout, error)
	// CloseImpact counts what closing the period makes read-only.
	CloseImpact(ctx context.Context, period string) (CloseImpact, error)
	// ClosePeriod closes the period.
	ClosePeriod(ctx context.Context, period string) error
}

// StatementService previews, saves and prints partner statements.
type StatementService interface {
	// CurrentPeriod is the key of the period the screen opens on.
	CurrentPeriod(ctx context.Context) (string, error)
	// FindPayees returns up to limit partners and reps whose name contains
	// query (case-insensitive), partners first.
	FindPayees(ctx context.Context, query string, limit int) ([]PayeeRef, error)
	// StatementPreview summarises one payee's statement for a period.
	StatementPreview(ctx context.Context, period string, payee engine.Payee) (StatementSummary, error)
	// WriteStatement writes one statement as PDF, CSV or XLSX to w.
	WriteStatement(ctx context.Context, period string, payee engine.Payee, format StatementFormat, w io.Writer) error
	// PrintAll writes one PDF per payee with lines in period into dir,
	// calling progress(done, total) from its own goroutine. A cancelled
	// ctx stops it between files; the result lists what was written.
	PrintAll(ctx context.Context, period, dir string, progress func(done, total int)) (BatchResult, error)
}

// StatementFormat is the file format of a statement.
type StatementFormat string

// The statement formats.
const (
	FormatPDF  StatementFormat = "pdf"
	FormatCSV  StatementFormat = "csv"
	FormatXLSX StatementFormat = "xlsx"
)

// Dashboard DTOs.

// DashboardData is every figure of the dashboard, computed by the back end.
type DashboardData struct {
	Period     string          // key of the chosen period
	Previous   string          // key of the period before it
	YearBefore string          // key of the same period a year earlier
	Next       string          // key of the period after it, for the arrow
	Language   string          // the operator's language for numbers and dates
	Currency   engine.Currency // the company's currency
	// Revenue through partners (net sales) in the three periods.
	Revenue, RevenuePrevious, RevenueYearBefore decimal.Decimal
	// Growth in percent against the previous period and the year before;
	// Valid is false when the earlier revenue is zero.
	GrowthPrevious, GrowthYear decimal.NullDecimal
	// RevenueByMonth is revenue per month, oldest first (e.g. the last 12).
	RevenueByMonth []ChartPoint
	// Cost is the rewards cost of the period over all programs (money
	// lines, all statuses), CostPoints its points, CostRatio Cost / Revenue
	// in percent (not Valid when revenue is zero).
	Cost       decimal.Decimal
	CostPoints int64
	CostRatio  decimal.NullDecimal
	// Programs is the rewards cost of each program in the period.
	Programs []ProgramCost
	// ActivePartners had a sale, registration or activity in the period,
	// out of AllActivePartners with status active.
	ActivePartners, AllActivePartners int
	// Tiers counts partners per tier, ladder order, lowest first.
	Tiers []TierCount
	// Leaders are the top partners and reps of the period.
	Leaders Leaderboard
	// Registrations counts deal registrations of the period by state.
	Registrations RegistrationCounts
	// Funds is the MDF / co-op position at the period's end.
	Funds FundPosition
	// PointsOutstanding is points earned minus redeemed and expired, over all payees.
	PointsOutstanding int64
}

// ChartPoint is one bar of a chart: a label (a period key) and a value.
type ChartPoint struct {
	Label string
	Value decimal.Decimal
}

// ProgramCost is what one program costs in the period.
type ProgramCost struct {
	ProgramID engine.ID
	Name      string
	Cost      decimal.Decimal     // money reward lines of the period, all statuses
	Points    int64               // points reward lines of the period
	CostRatio decimal.NullDecimal // cost / revenue in percent; not Valid when revenue is zero
	Spent     decimal.Decimal     // approved and paid, over the program's life
	Budget    decimal.Decimal     // zero: no budget
}

// TierCount is how many active partners hold a tier.
type TierCount struct {
	Tier     string // "" for partners with no tier
	Partners int
}

// Leaderboard holds the top payees of the period, each list best first.
type Leaderboard struct {
	PartnersByRevenue, PartnersByPoints []LeaderRow
	RepsByRevenue, RepsByPoints         []LeaderRow
}

// LeaderRow is one payee on the leaderboard.
type LeaderRow struct {
	Payee   engine.Payee
	Name    string
	Partner string // the rep's partner; the partner itself for a partner
	Revenue decimal.Decimal
	Points  int64
}

// RegistrationCounts counts deal registrations submitted in the period and
// what became of them.
type RegistrationCounts struct {
	Submitted, Approved, Won, Lost, Expired int
}

// FundPosition is the MDF / co-op balance over all partners.
type FundPosition struct {
	Balance    decimal.Decimal // available: accrued minus claimed and expired
	Expiring   decimal.Decimal // part of Balance that expires within 30 days
	ExpiringBy engine.Date     // the last day of that 30-day window
}

// FigureKind names a dashboard figure whose lines can be opened.
type FigureKind string

// The figures behind which there are lines.
const (
	FigureRevenue        FigureKind = "revenue"         // sales of the period (Arg: a month key for one bar)
	FigureProgramCost    FigureKind = "program_cost"    // reward lines of Program
	FigureActivePartners FigureKind = "active_partners" // partners and what made them active
	FigureTier           FigureKind = "tier"            // partners holding tier Arg
	FigureLeader         FigureKind = "leader"          // the lines behind Payee's revenue and points
	FigureRegistrations  FigureKind = "registrations"   // registrations (Arg: submitted, approved, won, lost, expired)
	FigureFunds          FigureKind = "funds"           // fund balances per partner
	FigureExpiring       FigureKind = "expiring"        // accruals expiring within 30 days
	FigurePoints         FigureKind = "points"          // points balances per payee
)

// Figure says which lines to open.
type Figure struct {
	Kind    FigureKind
	Program engine.ID
	Payee   engine.Payee
	Arg     string
}

// DetailTable is the lines behind a figure, ready to show.
type DetailTable struct {
	Title   string
	Columns []string
	Rows    [][]Cell
	Total   string // optional footer, e.g. "Total 12,500.00 EUR"
}

// CellKind says how a detail cell is formatted.
type CellKind int

// The cell kinds.
const (
	CellText CellKind = iota
	CellMoney
	CellNumber
	CellPoints
	CellDate
)

// Cell is one value of a detail row; money and numbers are formatted by the
// screen in the operator's language.
type Cell struct {
	Kind CellKind
	Text string
	Dec  decimal.Decimal
	Date engine.Date
}

// TextCell, MoneyCell, NumberCell, PointsCell and DateCell build cells.
func TextCell(s string) Cell            { return Cell{Kind: CellText, Text: s} }
func MoneyCell(d decimal.Decimal) Cell  { return Cell{Kind: CellMoney, Dec: d} }
func NumberCell(d decimal.Decimal) Cell { return Cell{Kind: CellNumber, Dec: d} }
func PointsCell(p int64) Cell           { return Cell{Kind: CellPoints, Dec: decimal.NewFromInt(p)} }
func DateCell(d engine.Date) Cell       { return Cell{Kind: CellDate, Date: d} }

// Program DTOs.

// ProgramList is every program, with the language and currency the
// screen formats figures in.
type ProgramList struct {
	Language string
	Currency engine.Currency
	Programs []ProgramSummary
}

// ProgramSummary is one row of the programs list.
type ProgramSummary struct {
	Program engine.Program
	Spent   decimal.Decimal // approved and paid money lines
}

// Simulation is a program computed over a past period without writing.
type Simulation struct {
	Program  string
	Period   string
	Language string
	Currency engine.Currency
	Rows     []SimRow
	// Totals of the rows.
	Cost, Paid, Difference decimal.Decimal
	Points                 int64
}

// SimRow is one payee's simulated cost against what was paid.
type SimRow struct {
	Payee      engine.Payee
	Name       string
	Cost       decimal.Decimal // simulated money
	Points     int64           // simulated points
	Paid       decimal.Decimal // what the period's stored lines of the program pay
	Difference decimal.Decimal // Cost - Paid
}

// Period run DTOs.

// PeriodInfo is a validated period.
type PeriodInfo struct {
	Key    string
	Start  engine.Date
	End    engine.Date
	Closed bool
}

// ComputeResult says what a computation produced.
type ComputeResult struct {
	Lines    int // draft lines written
	Kept     int // approved or paid lines left as they were
	Programs int // programs computed
}

// Review is a period's reward lines as the run screen shows them.
type Review struct {
	Period   PeriodInfo
	Language string // the operator's language for explanations
	Currency engine.Currency
	Lines    []ReviewLine
	Totals   []ProgramTotal  // one per program with lines, in list order
	Money    decimal.Decimal // money lines of the period, every program
	Points   int64
}

// ReviewLine is a reward line with the names it refers to.
type ReviewLine struct {
	Line    engine.RewardLine
	Program string
	Rule    string
	Payee   string // the payee's name ("Ana Ruiz (Acme Srl)" for a rep)
	// Explanation is the line's explanation rendered in Review.Language;
	// empty, the screen renders Line.Explanation itself.
	Explanation string
}

// ProgramTotal is one program's lines in the period against its budget.
type ProgramTotal struct {
	ProgramID engine.ID
	Program   string
	Amount    decimal.Decimal // money lines of the period, all statuses
	Points    int64
	Spent     decimal.Decimal // approved and paid, over the program's life
	Budget    decimal.Decimal // zero: no budget
	Over      bool            // spent is past the budget
}

// PayRequest asks to record one payout.
type PayRequest struct {
	Period    string
	Payee     engine.Payee
	Date      engine.Date
	Method    string
	Reference string
	LineIDs   []engine.ID
}

// CloseImpact counts the records closing a period makes read-only.
type CloseImpact struct {
	Sales, Registrations, Trainings, Activities, Lines int
	Draft                                              int // lines still in draft
}

// Statement DTOs.

// PayeeRef names a payee for pickers.
type PayeeRef struct {
	Payee   engine.Payee
	Name    string
	Partner string // the rep's partner; empty for a partner
}

// Label is how a payee is listed: "Ana Ruiz (Acme Srl)" for a rep.
func (p PayeeRef) Label() string {
	if p.Partner != "" {
		return p.Name + " (" + p.Partner + ")"
	}
	return p.Name
}

// StatementSummary is the head of a payee's statement for a period.
type StatementSummary struct {
	Payee    PayeeRef
	Period   string
	Language string // the statement's language
	Currency engine.Currency
	Tier     string
	Progress string   // rendered nudge, e.g. "34,500.00 EUR revenue to Gold"
	Nudges   []string // what is missing to the next band or target step, rendered
	Sales    decimal.Decimal
	Programs []ProgramAmount
	Rewards  decimal.Decimal // sum of the money lines
	Points   int64
	Fund     decimal.Decimal // fund balance at the period's end
	Paid     decimal.Decimal // payouts in the period
	YTD      decimal.Decimal // money rewards in the fiscal year to date
	Lines    int
}

// ProgramAmount is one program's rewards on a statement.
type ProgramAmount struct {
	Program string
	Amount  decimal.Decimal
	Points  int64
}

// BatchResult says what a print run wrote.
type BatchResult struct {
	Dir      string
	Files    []string // names written, in order
	Failed   []BatchFailure
	Total    int  // statements to print
	Canceled bool // the run was stopped before the end
}

// BatchFailure is one statement that could not be written.
type BatchFailure struct {
	Payee  string
	Reason string
}

// missingScreen stands in for a screen whose service the back end does not
// provide yet, so the shell still opens.
type missingScreen string

func (m missingScreen) Content() fyne.CanvasObject {
	l := widget.NewLabel("The " + string(m) + " screen is not available in this build: the back end does not provide it.")
	l.Wrapping = fyne.TextWrapWord
	return l
}

func (m missingScreen) Shown() fyne.Focusable { return nil }
