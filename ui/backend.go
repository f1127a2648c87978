package ui

import (
	"partnerdesk/engine"
)

// Backend is everything the screens ask of the application. The app package
// implements it over the store; the tests use an in-memory fake. Each group of
// screens declares the small interface it needs and Backend composes them, so
// a screen's dependencies stay visible in its own interface.
//
// The dashboard, programs, period run and statements screens ask for their
// own services (backend2.go) by type assertion on the same value, so a
// back end without them still opens the window.
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
	// Operator is the name written into the audit trail.
	Operator() string
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
	AddSale(in SaleInput, confirmed bool) (engine.Sale, error)
	// RecentSales returns the last limit sales entered, newest first.
	RecentSales(limit int) ([]SaleRow, error)
	// Today is the default date of a new sale line (the clock is the app's).
	Today() engine.Date
}

// ImportBackend serves the import screen.
type ImportBackend interface {
	// ImportKinds lists the kinds of file the app imports ("sales",
	// "partners", ...) in display order.
	ImportKinds() []string
	// GuessMapping reads the file's header and first rows and proposes a
	// column for each field (the remembered mapping when there is one).
	GuessMapping(kind, path string) (ImportPreview, error)
	// SaveMapping remembers the mapping for the kind.
	SaveMapping(kind string, m Mapping) error
	// DryRun checks every row without writing and reports every bad row.
	DryRun(kind, path string, m Mapping) (ImportReport, error)
	// Import writes the file in one transaction: with any bad row it writes
	// nothing and returns the report with its Errors. progress is called
	// from the import's goroutine with rows done so far and the total.
	Import(kind, path string, m Mapping, progress func(done, total int)) (ImportReport, error)
	// SaveTemplate writes an empty file of the kind (headers and one example
	// row) to path; the extension (.csv or .xlsx) picks the format.
	SaveTemplate(kind, path string) error
}

// SaleInput is a sale line as typed, so that parsing (dates, amounts in the
// company's notation) and validation stay in the backend and every error can
// name its field.
type SaleInput struct {
	Date     string
	Partner  string // name, id or referral code
	Rep      string // empty: no rep
	Customer string
	// NewCustomer and NewProduct are the two flags of the customer x product matrix.
	NewCustomer bool
	NewProduct  bool
	Product     string // SKU or name
	Quantity    string
	UnitPrice   string
	Net         string // empty: the backend may compute quantity x unit price
	Invoice     string
	Line        string
	// Registration is the linked deal registration's id; empty: none.
	Registration    string
	ReferralCode    string
	OriginalInvoice string // returns only

	// PartnerID, RepID and ProductID are set when the value was picked from
	// a completion list and its text not changed since; 0 means "resolve
	// the text".
	PartnerID engine.ID
	RepID     engine.ID
	ProductID engine.ID
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
	CompanyLogo            = "logo"
	CompanyCurrency        = "currency"
	CompanyMinorUnits      = "minor_units"
	CompanyFiscalYearStart = "fiscal_year_start"
	CompanyLanguage        = "language"
	FieldOperator          = "operator"
)

// SaleRow is a stored sale with the names a list shows.
type SaleRow struct {
	Sale     engine.Sale
	Partner  string
	Rep      string
	Product  string // SKU
	Currency engine.Currency
	// Language is the company's language, whose notation the list uses
	// for numbers; "" means English.
	Language string
}

// Mapping maps an import field key to the file's column header; a field
// missing from the map is not imported.
type Mapping map[string]string

// ImportField is one field an import kind can fill.
type ImportField struct {
	Key      string // e.g. "partner"
	Label    string // e.g. "Partner (name, id or referral code)"
	Required bool
}

// ImportPreview is what the import screen shows after a file is chosen.
type ImportPreview struct {
	Kind    string
	Columns []string   // the file's header cells, in file order
	Sample  [][]string // up to the first 5 data rows
	Fields  []ImportField
	Mapping Mapping // the guess, or the remembered mapping
	// Remembered is true when Mapping is the one saved for the kind.
	Remembered bool
}

// RowError is one problem of one row of an imported file.
type RowError struct {
	Line   int    // line (row) number in the file, the header being line 1
	Column string // the file's column header; empty for the whole row
	Reason string // a sentence the user can act on
}

// ImportReport is the result of a dry run or an import.
type ImportReport struct {
	Rows   int // data rows read (dry run) or written (import)
	Errors []RowError
}
