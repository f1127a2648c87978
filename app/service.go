package app

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"partnerdesk/data"
	"partnerdesk/engine"
)

// Service is the set of use cases over one open database. The GUI and the
// command line both hold one and call the same methods.
type Service struct {
	store *data.Store
	// Operator is the name recorded in the audit trail for every change.
	Operator string
	// Now is the clock; tests replace it.
	Now func() time.Time

	snaps snapshotCache
}

// OpenMode says how OpenServiceMode opens the database file.
type OpenMode int

const (
	// OpenExisting opens a database that must be there (a file that is
	// missing or empty is refused, naming the path) for reading and writing.
	OpenExisting OpenMode = iota
	// OpenOrCreate creates the database when the path holds none: only
	// init, demo and the window's first run use it.
	OpenOrCreate
	// OpenReadOnly opens an existing database with a shared lock and
	// refuses every change. A file of an older schema is opened for
	// writing instead, so that it is upgraded before it is read.
	OpenReadOnly
)

// OpenService opens the existing database at path for reading and
// writing; a missing or empty file is refused.
func OpenService(path, operator string) (*Service, error) {
	return OpenServiceMode(path, operator, OpenExisting)
}

// OpenServiceMode opens the database at path as mode says. The operator
// must be a valid name (see ValidateOperator) once the saved one is
// taken into account.
func OpenServiceMode(path, operator string, mode OpenMode) (*Service, error) {
	opt := data.Options{MustExist: mode != OpenOrCreate, ReadOnly: mode == OpenReadOnly}
	st, err := data.Open(path, opt)
	if err == nil && opt.ReadOnly && st.SchemaVersion() < data.CurrentSchema {
		st.Close()
		opt.ReadOnly = false
		st, err = data.Open(path, opt)
	}
	if errors.Is(err, data.ErrNoDatabase) {
		return nil, fmt.Errorf("%w; check the path, or create a company there with `partnerdesk --db %s init` (or `demo` for the demo company)", err, path)
	}
	if err != nil {
		return nil, err
	}
	s := &Service{store: st, Operator: operator, Now: time.Now}
	if operator == "" || operator == "operator" {
		// The GUI's saved operator name wins over the OS user name.
		var saved string
		_ = st.View(func(tx *data.Tx) error { saved = tx.Setting("operator"); return nil })
		if ValidateOperator(saved) == nil {
			s.Operator = saved
		}
	}
	if err := ValidateOperator(s.Operator); err != nil {
		st.Close()
		return nil, err
	}
	return s, nil
}

// maxOperatorLen bounds the operator's name, recorded on every audit entry.
const maxOperatorLen = 100

// ValidateOperator refuses an operator name that is empty (or only
// spaces), longer than 100 characters, or holds a newline or another
// control character: the name is written on every audit entry, and a line
// break in it would forge a line of the audit trail's listings.
func ValidateOperator(name string) error {
	switch {
	case strings.TrimSpace(name) == "":
		return &engine.ValidationError{Field: "operator", Reason: "the operator needs a name for the audit trail"}
	case utf8.RuneCountInString(name) > maxOperatorLen:
		return &engine.ValidationError{Field: "operator", Reason: fmt.Sprintf("the operator's name is longer than %d characters", maxOperatorLen)}
	case !utf8.ValidString(name):
		return &engine.ValidationError{Field: "operator", Reason: "the operator's name is not valid UTF-8 text"}
	}
	for _, r := range name {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return &engine.ValidationError{Field: "operator", Reason: "the operator's name may not hold a line break, a tab or another control character"}
		}
	}
	return nil
}

// NewService wraps an already open store (tests, the crash harness).
func NewService(st *data.Store, operator string, now func() time.Time) *Service {
	if now == nil {
		now = time.Now
	}
	return &Service{store: st, Operator: operator, Now: now}
}

// Close closes the database.
func (s *Service) Close() error { return s.store.Close() }

// Store gives the open store to callers that need a raw transaction.
func (s *Service) Store() *data.Store { return s.store }

// Path is the database file.
func (s *Service) Path() string { return s.store.Path() }

// Today is the current calendar day by the service's clock.
func (s *Service) Today() engine.Date { return engine.DateOf(s.Now()) }

// update runs fn in one write transaction recorded under the operator.
func (s *Service) update(fn func(tx *data.Tx) error) error {
	return s.store.Update(s.Operator, fn)
}

func (s *Service) view(fn func(tx *data.Tx) error) error { return s.store.View(fn) }

// Company returns the company settings, with defaults for a new file.
func (s *Service) Company() (engine.Company, error) {
	var c engine.Company
	err := s.view(func(tx *data.Tx) error {
		var err error
		c, err = tx.Company()
		if errors.Is(err, engine.ErrNotFound) {
			return nil // a new file: the defaults below
		}
		return err
	})
	if err != nil {
		return c, fmt.Errorf("read company: %w", err)
	}
	return withCompanyDefaults(c), nil
}

func withCompanyDefaults(c engine.Company) engine.Company {
	if c.Currency.Code == "" {
		c.Currency = engine.NewCurrency("EUR")
	}
	if c.FiscalYearStart < 1 || c.FiscalYearStart > 12 {
		c.FiscalYearStart = time.January
	}
	if c.Language == "" {
		c.Language = "en"
	}
	c.Accounts = c.Accounts.WithDefaults()
	if c.CSVStyle == "" {
		c.CSVStyle = engine.CSVComma
	}
	return c
}

// SaveCompany validates and stores the company settings.
func (s *Service) SaveCompany(c engine.Company) error {
	var errs engine.ValidationErrors
	if c.Name == "" {
		errs = append(errs, &engine.ValidationError{Field: "name", Reason: "the company needs a name"})
	}
	if len(c.Currency.Code) != 3 {
		errs = append(errs, &engine.ValidationError{Field: "currency", Reason: "write the currency as its three-letter ISO 4217 code, e.g. EUR"})
	}
	if c.Currency.MinorUnits < 0 || c.Currency.MinorUnits > 4 {
		errs = append(errs, &engine.ValidationError{Field: "minor_units", Reason: "minor units are between 0 (JPY, IDR) and 4"})
	}
	if c.FiscalYearStart < 1 || c.FiscalYearStart > 12 {
		errs = append(errs, &engine.ValidationError{Field: "fiscal_year_start", Reason: "the fiscal year starts in a month from 1 to 12"})
	}
	if !knownLanguage(c.Language) {
		errs = append(errs, &engine.ValidationError{Field: "language", Reason: "statement language must be one of en, it, fr, nl, id, de, es"})
	}
	for _, e := range []*engine.ValidationError{engine.CheckAddress("address", &c.Address), engine.CheckTaxID("tax_id", &c.TaxID)} {
		if e != nil {
			errs = append(errs, e)
		}
	}
	c.Accounts = c.Accounts.Trimmed()
	errs = append(errs, engine.CheckBooks(c)...) // chart of accounts, CSV style, point value
	// A new logo is bounded and scaled down (a logo stored before the
	// bounds does not keep the rest of the company from being saved).
	if old, err := s.Company(); len(c.Logo) > 0 && (err != nil || !bytes.Equal(old.Logo, c.Logo)) {
		logo, err := PrepareLogo(c.Logo)
		if err != nil {
			errs = append(errs, &engine.ValidationError{Field: "logo", Reason: err.Error()})
		}
		c.Logo = logo
	}
	if len(errs) > 0 {
		return errs
	}
	return s.update(func(tx *data.Tx) error {
		old, err := tx.Company()
		if err != nil && !errors.Is(err, engine.ErrNotFound) {
			return err
		}
		if err := checkCompanyChange(tx, withCompanyDefaults(old), c); err != nil {
			return err
		}
		return tx.PutCompany(c)
	})
}

// checkCompanyChange refuses a change of the currency, its minor units or
// the fiscal year's first month once figures depend on them: a program's
// bands and amounts are written in the currency, every stored line,
// payout and fund movement is rounded to its minor units, and period keys
// of quarters and years are counted from the fiscal year's start. The
// reason names what stands in the way.
//
// It is long because it is the list of what can stand in the way of each
// change described above, one short check each.
func checkCompanyChange(tx *data.Tx, old, c engine.Company) error {
	curChanged := !strings.EqualFold(old.Currency.Code, c.Currency.Code) || old.Currency.MinorUnits != c.Currency.MinorUnits
	fyChanged := old.FiscalYearStart != c.FiscalYearStart
	if !curChanged && !fyChanged {
		return nil
	}
	var progs []string
	err := data.Each(tx, func(p *engine.Program) error { progs = append(progs, p.Name); return nil })
	if err != nil {
		return err
	}
	count := func(kind string) (int, error) { return tx.Count(kind) }
	lines, err := count(data.KindRewardLine)
	if err != nil {
		return err
	}
	payouts, err := count(data.KindPayout)
	if err != nil {
		return err
	}
	funds, err := count(data.KindFundEntry)
	if err != nil {
		return err
	}
	states, err := tx.PeriodStates()
	if err != nil {
		return err
	}
	var closed []string
	closedLines := 0
	for _, st := range states {
		if !st.Closed {
			continue
		}
		closed = append(closed, st.Key)
		ls, err := tx.LinesOfPeriod(st.Key)
		if err != nil {
			return err
		}
		closedLines += len(ls)
	}
	var errs engine.ValidationErrors
	if curChanged {
		var why []string
		if len(progs) > 0 {
			why = append(why, fmt.Sprintf("%s (%s) pay in %s", plural(len(progs), "program", "programs"), nameList(progs), old.Currency.Code))
		}
		if lines > 0 {
			w := fmt.Sprintf("%s are rounded to %d decimals", plural(lines, "reward line", "reward lines"), old.Currency.MinorUnits)
			if closedLines > 0 {
				w += fmt.Sprintf(" (%d of them in closed periods)", closedLines)
			}
			why = append(why, w)
		}
		if payouts > 0 {
			why = append(why, plural(payouts, "payout", "payouts")+" were made in "+old.Currency.Code)
		}
		if funds > 0 {
			why = append(why, plural(funds, "fund movement", "fund movements")+" are in "+old.Currency.Code)
		}
		if len(why) > 0 {
			field := "currency"
			if strings.EqualFold(old.Currency.Code, c.Currency.Code) {
				field = "minor_units"
			}
			errs = append(errs, &engine.ValidationError{Field: field, Reason: fmt.Sprintf(
				"the currency stays %s with %d minor units: %s. Changing it would silently re-round or break them; start a new company file for another currency",
				old.Currency.Code, old.Currency.MinorUnits, strings.Join(why, "; "))})
		}
	}
	if fyChanged && (lines > 0 || len(closed) > 0) {
		var why []string
		if lines > 0 {
			why = append(why, plural(lines, "reward line", "reward lines")+" belong to periods counted from it")
		}
		if len(closed) > 0 {
			why = append(why, fmt.Sprintf("%s (%s) are closed", plural(len(closed), "period", "periods"), nameList(closed)))
		}
		errs = append(errs, &engine.ValidationError{Field: "fiscal_year_start", Reason: fmt.Sprintf(
			"the fiscal year keeps starting in month %d: %s", int(old.FiscalYearStart), strings.Join(why, "; "))})
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

// plural is "1 program" or "3 programs".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// nameList names up to three items and counts the rest.
func nameList(names []string) string {
	if len(names) <= 3 {
		return strings.Join(names, ", ")
	}
	return strings.Join(names[:3], ", ") + fmt.Sprintf(" and %d more", len(names)-3)
}

// OperatorName is the name written into the audit trail (the Operator
// field, for the screens, which see the service through an interface).
func (s *Service) OperatorName() string { return s.Operator }

// SetOperator remembers the operator name for the next session.
func (s *Service) SetOperator(name string) error {
	if err := ValidateOperator(name); err != nil {
		return err
	}
	s.Operator = name
	return s.update(func(tx *data.Tx) error { return tx.PutSetting("operator", name) })
}

var languages = []string{"en", "it", "fr", "nl", "id", "de", "es"}

func knownLanguage(l string) bool {
	for _, x := range languages {
		if x == l {
			return true
		}
	}
	return false
}
