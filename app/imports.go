package app

import (
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"

	"partnerdesk/data"
	"partnerdesk/data/imports"
	"partnerdesk/data/sheet"
	"partnerdesk/engine"
)

// DefaultMapping is the name under which a kind's mapping is remembered
// when the user does not name it.
const DefaultMapping = "default"

// ImportReport says what an import (or a dry run) found and did.
type ImportReport struct {
	Kind    imports.Kind
	File    string
	Rows    int // data rows read
	Written int // records written (0 on a dry run or when any row is bad)
	Errors  []imports.RowError
	Ignored []string // the file's columns no field is mapped to
	Mapping imports.Mapping
}

// ErrImportRejected: the file has bad rows and nothing was written.
var ErrImportRejected = errors.New("the file has bad rows; nothing was written")

// errDryRun rolls a dry run's transaction back.
var errDryRun = errors.New("dry run")

// ReadTable reads a CSV or XLSX file.
func ReadTable(path string, progress Progress) (*sheet.Table, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	defer f.Close()
	var p sheet.Progress
	if progress != nil {
		p = sheet.Progress(progress)
	}
	t, err := sheet.ReadProgress(f, filepath.Base(path), p)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return t, nil
}

// ResolveMapping returns the mapping to read a file of kind with: the one
// saved under name when name is given; else the remembered default when
// every column it names is in the header; else a guess from the header.
func (s *Service) ResolveMapping(kind imports.Kind, name string, header []string) (imports.Mapping, bool, error) {
	want := name
	if want == "" {
		want = DefaultMapping
	}
	var raw []byte
	err := s.view(func(tx *data.Tx) error {
		var err error
		raw, err = tx.Mapping(string(kind), want)
		return err
	})
	if err != nil && !errors.Is(err, engine.ErrNotFound) {
		return imports.Mapping{}, false, err
	}
	if raw != nil {
		m, err := imports.ParseMapping(raw)
		if err != nil {
			return imports.Mapping{}, false, err
		}
		if name != "" || headerHas(header, m) {
			return m, true, nil
		}
	} else if name != "" {
		return imports.Mapping{}, false, usagef("no %s mapping is saved under the name %q", kind, name)
	}
	return imports.GuessMapping(kind, header), false, nil
}

func headerHas(header []string, m imports.Mapping) bool {
	have := map[string]bool{}
	for _, h := range header {
		have[imports.FoldHeader(h)] = true
	}
	for _, h := range m.Columns {
		if h != "" && !have[imports.FoldHeader(h)] {
			return false
		}
	}
	return true
}

// SaveMapping remembers m for its kind under m.Name (the default when empty).
func (s *Service) SaveMapping(m imports.Mapping) error {
	if m.Name == "" || m.Name == "guess" {
		m.Name = DefaultMapping
	}
	b, err := m.Marshal()
	if err != nil {
		return err
	}
	return s.update(func(tx *data.Tx) error { return tx.PutMapping(string(m.Kind), m.Name, b) })
}

// Import reads a file of kind and writes its records in one transaction. A
// file with any bad row writes nothing: the report lists every bad row with
// its line, column and reason, and the error is ErrImportRejected. With
// dryRun nothing is written either way.
func (s *Service) Import(kind imports.Kind, path string, m *imports.Mapping, dryRun bool, progress Progress) (ImportReport, error) {
	rep := ImportReport{Kind: kind, File: path}
	// Streamed: the rows are read as they are checked (see streamTable).
	t, err := streamTable(path)
	if err != nil {
		return rep, err
	}
	var mapping imports.Mapping
	if m != nil {
		mapping = *m
	} else if mapping, _, err = s.ResolveMapping(kind, "", t.Header); err != nil {
		return rep, err
	}
	rep.Mapping = mapping
	co, err := s.Company()
	if err != nil {
		return rep, err
	}
	var digest string
	if !dryRun {
		if digest, err = fileDigest(path); err != nil {
			return rep, err
		}
	}
	defer softMemoryLimit(path)()
	err = s.update(func(tx *data.Tx) error {
		look, err := newStoreLookup(tx, co.Currency)
		if err != nil {
			return err
		}
		var cp sheet.Progress
		if progress != nil {
			cp = func(done, total int) { progress(done/2, total) }
		}
		b, rowErrs := imports.ConvertProgress(kind, t, mapping, look, cp)
		rep.Rows = tableRows(t)
		t = nil // the file's text is not needed past here
		if look.err != nil {
			return look.err
		}
		rep.Ignored = b.Ignored
		if len(rowErrs) > 0 {
			rep.Errors = rowErrs
			return ErrImportRejected
		}
		if dryRun {
			return errDryRun
		}
		// One audit entry for the import names the file and what it
		// created, instead of one entry copying each record.
		info := data.ImportInfo{File: filepath.Base(path), SHA256: digest, Rows: rep.Rows}
		_, err = tx.Import(info, func() error {
			var n int
			n, rowErrs = writeBatch(tx, &b, progress)
			rep.Written = n
			return nil
		})
		if err != nil {
			return err
		}
		if len(rowErrs) > 0 {
			rep.Written = 0
			rep.Errors = rowErrs
			return ErrImportRejected
		}
		return nil
	})
	if errors.Is(err, errDryRun) {
		return rep, nil
	}
	return rep, err
}

// writeBatch puts every record; a record the store refuses (a duplicate
// that only the store could see) becomes a row error naming its line, and
// every other record is still tried so the user sees all of them at once.
func writeBatch(tx *data.Tx, b *imports.Batch, progress Progress) (int, []imports.RowError) {
	var errs []imports.RowError
	n, total := 0, b.Len()
	put := func(i int, rec any) {
		if err := tx.Put(rec); err != nil {
			line := 0
			if i < len(b.Lines) {
				line = b.Lines[i]
			}
			errs = append(errs, imports.RowError{Line: line, Reason: storeReason(err)})
			return
		}
		n++
		if progress != nil && n%1000 == 0 {
			progress(total/2+n/2, total)
		}
	}
	for i := range b.Partners {
		put(i, &b.Partners[i])
	}
	for i := range b.Reps {
		put(i, &b.Reps[i])
	}
	for i := range b.Products {
		put(i, &b.Products[i])
	}
	for i := range b.Sales {
		put(i, &b.Sales[i])
		// Stored: its memory can go before the transaction commits.
		b.Sales[i] = engine.Sale{}
	}
	for i := range b.Registrations {
		put(i, &b.Registrations[i])
	}
	for i := range b.Trainings {
		put(i, &b.Trainings[i])
	}
	for i := range b.Activities {
		put(i, &b.Activities[i])
	}
	if progress != nil {
		progress(total, total)
	}
	return n, errs
}

func storeReason(err error) string {
	switch {
	case errors.Is(err, engine.ErrDuplicate):
		return "duplicate: " + err.Error()
	case errors.Is(err, engine.ErrPeriodClosed):
		return "the date lies in a closed period: " + err.Error()
	}
	return err.Error()
}

// storeLookup answers a conversion's questions from the store: reference
// records loaded once into memory, sale lines and closed periods read from
// the transaction's indexes.
type storeLookup struct {
	*imports.MemLookup
	*txSales
}

func newStoreLookup(tx *data.Tx, cur engine.Currency) (*storeLookup, error) {
	m := imports.NewMemLookup(cur)
	if err := data.Each(tx, func(p *engine.Partner) error { m.AddPartner(*p); return nil }); err != nil {
		return nil, err
	}
	if err := data.Each(tx, func(r *engine.Rep) error { m.AddRep(*r); return nil }); err != nil {
		return nil, err
	}
	if err := data.Each(tx, func(p *engine.Product) error { m.AddProduct(*p); return nil }); err != nil {
		return nil, err
	}
	if err := data.Each(tx, func(r *engine.Registration) error { m.AddRegistration(*r); return nil }); err != nil {
		return nil, err
	}
	return &storeLookup{MemLookup: m, txSales: newTxSales(tx)}, nil
}

// The stored sales answer, not the lookup's empty in-memory ones.

// SaleLineExists implements imports.Lookup.
func (l *storeLookup) SaleLineExists(partner engine.ID, invoice string, line int) (engine.ID, bool) {
	return l.txSales.SaleLineExists(partner, invoice, line)
}

// InvoiceLines implements imports.Lookup.
func (l *storeLookup) InvoiceLines(partner engine.ID, invoice string) []engine.Sale {
	return l.txSales.InvoiceLines(partner, invoice)
}

// ReturnsOf implements imports.Lookup.
func (l *storeLookup) ReturnsOf(partner engine.ID, invoice string) []engine.Sale {
	return l.txSales.ReturnsOf(partner, invoice)
}

// IsClosed implements imports.Lookup.
func (l *storeLookup) IsClosed(d engine.Date) bool { return l.txSales.IsClosed(d) }

// txSales answers the questions engine.CheckSale asks about stored sales
// and closed periods from one transaction. A read error sticks in err and
// the caller returns it instead of the validation's verdict.
type txSales struct {
	tx      *data.Tx
	returns map[engine.ID]map[string][]engine.Sale // per partner, by original invoice
	err     error
}

func newTxSales(tx *data.Tx) *txSales {
	return &txSales{tx: tx, returns: map[engine.ID]map[string][]engine.Sale{}}
}

func (t *txSales) fail(err error) {
	if t.err == nil {
		t.err = err
	}
}

func (t *txSales) SaleLineExists(partner engine.ID, invoice string, line int) (engine.ID, bool) {
	s, err := t.tx.SaleByInvoiceLine(partner, strings.TrimSpace(invoice), line)
	if err != nil {
		if !errors.Is(err, engine.ErrNotFound) {
			t.fail(err)
		}
		return 0, false
	}
	return s.ID, true
}

func (t *txSales) InvoiceLines(partner engine.ID, invoice string) []engine.Sale {
	ls, err := t.tx.SalesByInvoice(partner, strings.TrimSpace(invoice))
	if err != nil {
		t.fail(err)
		return nil
	}
	return ls
}

// ReturnsOf reads the partner's returns once, through the partner index.
func (t *txSales) ReturnsOf(partner engine.ID, invoice string) []engine.Sale {
	by, ok := t.returns[partner]
	if !ok {
		by = map[string][]engine.Sale{}
		err := t.tx.SalesOfPartner(partner, engine.Date(math.MinInt32), engine.Date(math.MaxInt32), func(x *engine.Sale) error {
			if o := strings.TrimSpace(x.OriginalInvoice); o != "" {
				by[o] = append(by[o], *x)
			}
			return nil
		})
		if err != nil {
			t.fail(err)
			return nil
		}
		t.returns[partner] = by
	}
	return by[strings.TrimSpace(invoice)]
}

func (t *txSales) IsClosed(d engine.Date) bool { return t.tx.IsClosed(d) }

// txFacts answers engine.CheckSale for one typed sale: records read as
// asked, sales through txSales.
type txFacts struct{ *txSales }

func (f txFacts) PartnerByID(id engine.ID) (engine.Partner, bool) {
	return getRecord[engine.Partner](f.txSales, id)
}
func (f txFacts) RepByID(id engine.ID) (engine.Rep, bool) {
	return getRecord[engine.Rep](f.txSales, id)
}
func (f txFacts) ProductByID(id engine.ID) (engine.Product, bool) {
	return getRecord[engine.Product](f.txSales, id)
}
func (f txFacts) RegistrationByID(id engine.ID) (engine.Registration, bool) {
	return getRecord[engine.Registration](f.txSales, id)
}

func getRecord[T any](t *txSales, id engine.ID) (T, bool) {
	var zero T
	if id == 0 {
		return zero, false
	}
	x, err := data.Get[T](t.tx, id)
	if err != nil {
		if !errors.Is(err, engine.ErrNotFound) {
			t.fail(err)
		}
		return zero, false
	}
	return *x, true
}
