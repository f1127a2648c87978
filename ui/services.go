package ui

import (
	"context"

	"github.com/shopspring/decimal"

	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// This file declares everything the screens ask of the application, as
// small interfaces over the values of package engine/views (the types the
// use cases take and return, declared once there). *app.Service satisfies
// every one of them as it is; app/gui hands it to NewShell.

// Backend is what the shell and its first screens ask of the application.
// *app.Service implements it over the store; the tests use in-memory
// fakes. Each group of screens declares the small interface it needs and
// Backend composes them, so a screen's dependencies stay visible in its own
// interface.
//
// The dashboard, programs, period run, statements and registrations
// screens ask for their own services (below) by type assertion on the same
// value, so a back end without them still opens the window.
type Backend interface {
	SettingsBackend
	PartnersBackend
	SalesBackend
	ImportBackend
}

// SettingsBackend serves the settings screen.
type SettingsBackend interface {
	// Company returns the stored company; a new file returns the zero Company
	// and no error.
	Company() (engine.Company, error)
	// SaveCompany validates and stores c; a *engine.ValidationError or
	// engine.ValidationErrors names the bad fields (see the Company* field keys).
	SaveCompany(c engine.Company) error
	// OperatorName is the name written into the audit trail.
	OperatorName() string
	// SetOperator changes the operator name; an empty name is refused with a
	// *engine.ValidationError on FieldOperator.
	SetOperator(name string) error
}

// PartnersBackend serves the partners screen and the sale form's pickers.
type PartnersBackend interface {
	// Partners returns the partners whose name, referral code, country or
	// email contains query (case-insensitive), sorted by name; an empty query
	// returns them all.
	Partners(query string) ([]engine.Partner, error)
	// Partner returns one partner or an error wrapping engine.ErrNotFound.
	Partner(id engine.ID) (engine.Partner, error)
	// SavePartner validates and stores p, setting p.ID when it is new.
	SavePartner(p *engine.Partner) error
	// Reps returns a partner's reps, sorted by name.
	Reps(partnerID engine.ID) ([]engine.Rep, error)
	// SaveRep validates and stores r, setting r.ID when it is new.
	SaveRep(r *engine.Rep) error
}

// SalesBackend serves the sale entry screen.
type SalesBackend interface {
	// Products returns every product, sorted by SKU.
	Products() ([]engine.Product, error)
	// AddSale parses and validates the typed line and stores it. Bad fields
	// come back as *engine.ValidationError or engine.ValidationErrors whose
	// Field is one of the Sale* field keys; a line that needs the user's
	// consent (e.g. a late sale into a closed period) returns an error
	// wrapping engine.ErrConfirmationNeeded, and the form asks and calls
	// again with confirmed true.
	AddSale(in views.SaleInput, confirmed bool) (engine.Sale, error)
	// RecentSales returns the last limit sales entered, newest first.
	RecentSales(limit int) ([]views.SaleRow, error)
	// Today is the default date of a new sale line (the clock is the app's).
	Today() engine.Date
}

// ImportBackend serves the import screen.
type ImportBackend interface {
	// ImportKinds lists the kinds of file the app imports ("sales",
	// "partners", ...) in display order.
	ImportKinds() []string
	// ImportPreview reads the file's header and first rows and proposes a
	// column for each field (the remembered mapping when there is one).
	ImportPreview(kind, path string) (views.ImportPreview, error)
	// SaveColumns remembers the mapping for the kind.
	SaveColumns(kind string, m views.ColumnMap) error
	// CheckFile checks every row without writing and reports every bad row.
	CheckFile(kind, path string, m views.ColumnMap) (views.ImportSummary, error)
	// ImportFile writes the file in one transaction: with any bad row it
	// writes nothing and returns the summary with its Errors. progress is
	// called from the import's goroutine with rows done so far and the
	// total.
	ImportFile(kind, path string, m views.ColumnMap, progress func(done, total int)) (views.ImportSummary, error)
	// SaveTemplate writes an empty file of the kind (headers and one example
	// row) to path; the extension (.csv or .xlsx) picks the format.
	SaveTemplate(kind, path string) error
}

// The field keys of a sale, as the backend names them in a
// *engine.ValidationError. They are the JSON names of engine.Sale.
const (
	SaleDate            = "date"
	SalePartner         = "partner"
	SaleRep             = "rep"
	SaleCustomer        = "customer"
	SaleNewCustomer     = "new_customer"
	SaleNewProduct      = "new_product"
	SaleProduct         = "product"
	SaleQuantity        = "quantity"
	SaleUnitPrice       = "unit_price"
	SaleNet             = "net"
	SaleInvoice         = "invoice"
	SaleLine            = "line"
	SaleRegistration    = "registration"
	SaleReferralCode    = "referral_code"
	SaleOriginalInvoice = "original_invoice"
)

// The field keys of the company and the operator.
const (
	CompanyName            = "name"
	CompanyAddress         = "address"
	CompanyTaxID           = "tax_id"
	CompanyLogo            = "logo"
	CompanyCurrency        = "currency"
	CompanyMinorUnits      = "minor_units"
	CompanyFiscalYearStart = "fiscal_year_start"
	CompanyLanguage        = "language"
	FieldOperator          = "operator"
)

// The dashboard, programs, period run and statements screens: the screens
// only display what these return, so every figure (growth, ratios, totals,
// budgets) is computed behind them.

// DashboardService gives the owner's first screen its figures and the
// lines behind each one.
type DashboardService interface {
	// Dashboard computes the figures of period (a key such as "2026-07";
	// empty: the current month) and of the period before it. A key that
	// is not a period returns an error whose text says how to write one.
	Dashboard(period string) (views.Dashboard, error)
	// DashboardDetail returns the rows behind one figure of the dashboard.
	DashboardDetail(period string, f views.Figure) (views.DetailTable, error)
}

// ProgramService lists, imports, exports, saves and simulates programs.
type ProgramService interface {
	// ProgramList lists every program with what it has spent.
	ProgramList() (views.ProgramList, error)
	// ProgramByID returns one program.
	ProgramByID(id engine.ID) (engine.Program, error)
	// ReadProgram parses and validates a program JSON file without saving it.
	ReadProgram(data []byte) (engine.Program, error)
	// SaveProgram validates and stores p (a new one when p.ID is 0) and
	// returns it as stored.
	SaveProgram(p engine.Program) (engine.Program, error)
	// ParseAmount reads an amount typed into field (the budget) as every
	// form's amounts are read, decimal comma included; a bad one is a
	// *engine.ValidationError on field.
	ParseAmount(field, text string) (decimal.Decimal, error)
	// ExportProgramByID returns the program as an indented JSON file.
	ExportProgramByID(id engine.ID) ([]byte, error)
	// Simulate computes p over period's inputs without writing anything
	// and compares it with what that period's lines of the program paid.
	Simulate(p engine.Program, period string) (views.Simulation, error)
}

// PeriodService runs a period: compute, review, approve, pay, close.
type PeriodService interface {
	// RunPeriodKey is the key of the period the run screen opens on.
	RunPeriodKey() (string, error)
	// Today is the default date of a payout (the clock is the app's).
	Today() engine.Date
	// PeriodInfo validates a typed key and says whether the period is closed.
	PeriodInfo(key string) (views.PeriodInfo, error)
	// ComputeForRun replaces the period's draft lines by a fresh
	// computation, calling progress(done, total) as it goes (from its own
	// goroutine).
	ComputeForRun(period string, progress func(done, total int)) (views.ComputeRun, error)
	// Review returns the period's reward lines with names and totals.
	Review(period string) (views.PeriodReview, error)
	// Approve approves the draft lines ids. Unless confirmed, an approval
	// that passes a program's budget returns an error wrapping
	// *engine.BudgetError (and so engine.ErrConfirmationNeeded).
	Approve(period string, ids []engine.ID, confirmed bool) (views.ApproveResult, error)
	// Pay records a payout that settles approved lines of one payee.
	Pay(in views.PayInput) (engine.Payout, error)
	// CloseImpact counts what closing the period makes read-only.
	CloseImpact(period string) (views.CloseImpact, error)
	// ClosePeriod closes the period.
	ClosePeriod(period string) (engine.PeriodState, error)
}

// StatementService previews, saves and prints partner statements.
type StatementService interface {
	// RunPeriodKey is the key of the period the screen opens on.
	RunPeriodKey() (string, error)
	// FindPayees returns up to limit partners and reps whose name contains
	// query (case-insensitive), partners first.
	FindPayees(query string, limit int) ([]views.PayeeRef, error)
	// StatementPreview summarises one payee's statement for a period.
	StatementPreview(period string, payee engine.Payee) (views.StatementPreview, error)
	// SaveStatementFile writes one statement as "pdf", "csv" or "xlsx" to
	// path, atomically and mode 0600 (the export statement verb's use case).
	SaveStatementFile(payee engine.Payee, period, format, path string) error
	// PrintAll writes one PDF per payee with lines in period into dir,
	// calling progress(done, total) from its own goroutine. A cancelled
	// ctx stops it between files; the result lists what was written.
	PrintAll(ctx context.Context, period, dir string, progress func(done, total int)) (views.BatchResult, error)
}

// The statement formats SaveStatementFile takes.
const (
	FormatPDF  = "pdf"
	FormatCSV  = "csv"
	FormatXLSX = "xlsx"
)

// EntriesService serves the registrations & activity screen: deal
// registrations and their decisions, trainings, activities and the tier
// review. The screen finds it on the shell's backend by type assertion, so
// a back end without it still opens the window. Typed values go over as
// text: parsing and every rule stay behind the interface, and bad fields
// come back as *engine.ValidationError or engine.ValidationErrors naming
// one of the Entry* field keys.
type EntriesService interface {
	// Partners and Reps feed the pickers (see PartnersBackend).
	Partners(query string) ([]engine.Partner, error)
	Reps(partnerID engine.ID) ([]engine.Rep, error)
	// Today is the default of every date on the screen.
	Today() engine.Date

	// AddRegistration records a deal registration; it starts pending.
	AddRegistration(in views.RegistrationInput) (engine.Registration, error)
	// DecideRegistration approves or rejects a pending registration or
	// sets the outcome of a decided one (a Verdict), dated on (empty:
	// today).
	DecideRegistration(id engine.ID, verdict, on string) (engine.Registration, error)
	// RecentRegistrations returns up to limit registrations, the last
	// entered first.
	RecentRegistrations(limit int) ([]views.RegistrationView, error)

	// AddTraining records a course a rep completed.
	AddTraining(in views.TrainingInput) (engine.Training, error)
	// RecentTrainings returns up to limit trainings, the last entered first.
	RecentTrainings(limit int) ([]views.TrainingView, error)

	// AddActivity records a partner's or rep's activity.
	AddActivity(in views.ActivityInput) (engine.Activity, error)
	// RecentActivities returns up to limit activities, the last entered
	// first.
	RecentActivities(limit int) ([]views.ActivityView, error)

	// ReviewTiersAsOf measures every partner over the ladder's trailing
	// window ending on asOf (empty: today) and proposes the changes.
	ReviewTiersAsOf(asOf string) (views.TierReviewView, error)
	// ApplyTiers records the chosen changes, effective from the typed day,
	// all or none.
	ApplyTiers(picks []views.TierPick, from, note string) ([]engine.TierChange, error)
}

// Verdict is what a person decides about a registration.
type Verdict string

// The verdicts, as the app's DecideRegistration takes them.
const (
	VerdictApprove Verdict = "approve"
	VerdictReject  Verdict = "reject"
	VerdictWon     Verdict = "won"
	VerdictLost    Verdict = "lost"
	VerdictExpired Verdict = "expired"
)

// The field keys of the entry forms, as the backend names them in a
// *engine.ValidationError.
const (
	EntryPartner       = "partner"
	EntryRep           = "rep"
	EntryCustomer      = "customer"
	EntryExpectedValue = "expected_value"
	EntrySubmitted     = "submitted"
	EntryWindowDays    = "window_days"
	EntryCourse        = "course"
	EntryCompleted     = "completed"
	EntryValidUntil    = "valid_until"
	EntryType          = "type"
	EntryDate          = "date"
	EntryNote          = "note"
	EntryRegistration  = "registration"
	EntryAsOf          = "as_of"
	EntryFrom          = "from"
	EntryTier          = "tier"
)
