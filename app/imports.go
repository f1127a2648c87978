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
//
// The file is read twice and never held row by row: once to decide its
// notation and count its rows (imports.Prepare), then to check each row
// and write it at once (Conversion.Run into a storeSink), so that later
// rows are checked against the earlier ones through the store. A file
// with a bad row is still checked to its end, every good row written, so
// that the report is complete; the transaction is then rolled back.
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
		look := newStoreLookup(tx, co.Currency)
		conv, rowErrs := imports.Prepare(kind, t, mapping, look)
		if conv == nil || len(rowErrs) > 0 {
			rep.Rows = tableRows(t)
			if look.err != nil {
				return look.err
			}
			rep.Errors = rowErrs
			return ErrImportRejected
		}
		rep.Rows = conv.Rows()
		rep.Ignored = conv.Ignored
		var cp sheet.Progress
		if progress != nil {
			cp = sheet.Progress(progress)
		}
		sink := &storeSink{tx: tx, look: look}
		// One audit entry for the import names the file and what it
		// created, instead of one entry copying each record.
		info := data.ImportInfo{File: filepath.Base(path), SHA256: digest, Rows: rep.Rows}
		_, err := tx.Import(info, func() error {
			var err error
			if rowErrs, err = conv.Run(cp, sink); err != nil {
				return err
			}
			if look.err != nil {
				return look.err
			}
			if len(rowErrs) > 0 {
				return ErrImportRejected // no audit entry: it rolls back
			}
			return nil
		})
		if err != nil {
			if errors.Is(err, ErrImportRejected) {
				rep.Errors = rowErrs
			}
			return err
		}
		if dryRun {
			return errDryRun
		}
		rep.Written = sink.n
		return nil
	})
	if errors.Is(err, errDryRun) {
		return rep, nil
	}
	return rep, err
}

// storeSink writes each record of an import as soon as it is checked; a
// record the store refuses (a duplicate that only the store could see, a
// date in a closed period) becomes its row's problem, naming its line,
// and every other record is still tried so the user sees all of them at
// once.
type storeSink struct {
	tx   *data.Tx
	look *storeLookup
	n    int
}

func (k *storeSink) Add(rec any, line int) error {
	if err := k.tx.Put(rec); err != nil {
		return &imports.Refused{Reason: storeReason(err)}
	}
	k.n++
	if s, ok := rec.(*engine.Sale); ok {
		k.look.stored(s)
	}
	return nil
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
// records loaded into memory once per kind, when first asked (a sales file
// without a rep column never reads the reps), sale lines and closed
// periods read from the transaction, which holds the import's own sales
// as they are written.
type storeLookup struct {
	mem    *imports.MemLookup
	loaded [4]bool // partners, reps, products, registrations
	*txSales
}

func newStoreLookup(tx *data.Tx, cur engine.Currency) *storeLookup {
	return &storeLookup{mem: imports.NewMemLookup(cur), txSales: newTxSales(tx)}
}

// load reads the records of kind k (an index into loaded) the first time
// they are asked for; a read error sticks in err.
func (l *storeLookup) load(k int) *imports.MemLookup {
	if l.loaded[k] {
		return l.mem
	}
	l.loaded[k] = true
	m := l.mem
	var err error
	switch k {
	case 0:
		err = data.Each(l.tx, func(p *engine.Partner) error { m.AddPartner(*p); return nil })
	case 1:
		err = data.Each(l.tx, func(r *engine.Rep) error { m.AddRep(*r); return nil })
	case 2:
		err = data.Each(l.tx, func(p *engine.Product) error { m.AddProduct(*p); return nil })
	case 3:
		err = data.Each(l.tx, func(r *engine.Registration) error { m.AddRegistration(*r); return nil })
	}
	if err != nil {
		l.fail(err)
	}
	return m
}

// Currency implements imports.Lookup.
func (l *storeLookup) Currency() engine.Currency { return l.mem.Currency() }

// PartnerByID implements imports.Lookup.
func (l *storeLookup) PartnerByID(id engine.ID) (engine.Partner, bool) {
	return l.load(0).PartnerByID(id)
}

// PartnerByName implements imports.Lookup.
func (l *storeLookup) PartnerByName(name string) (engine.Partner, bool) {
	return l.load(0).PartnerByName(name)
}

// PartnerByReferralCode implements imports.Lookup.
func (l *storeLookup) PartnerByReferralCode(code string) (engine.Partner, bool) {
	return l.load(0).PartnerByReferralCode(code)
}

// RepByID implements imports.Lookup.
func (l *storeLookup) RepByID(id engine.ID) (engine.Rep, bool) { return l.load(1).RepByID(id) }

// RepByName implements imports.Lookup.
func (l *storeLookup) RepByName(partner engine.ID, name string) (engine.Rep, bool) {
	return l.load(1).RepByName(partner, name)
}

// ProductByID implements imports.Lookup.
func (l *storeLookup) ProductByID(id engine.ID) (engine.Product, bool) {
	return l.load(2).ProductByID(id)
}

// ProductBySKU implements imports.Lookup.
func (l *storeLookup) ProductBySKU(sku string) (engine.Product, bool) {
	return l.load(2).ProductBySKU(sku)
}

// RegistrationByID implements imports.Lookup.
func (l *storeLookup) RegistrationByID(id engine.ID) (engine.Registration, bool) {
	return l.load(3).RegistrationByID(id)
}

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

// stored tells the answers read once (ReturnsOf) of a sale just written
// in the transaction, so that a later return sees it.
func (t *txSales) stored(s *engine.Sale) {
	o := strings.TrimSpace(s.OriginalInvoice)
	if o == "" {
		return
	}
	if by, ok := t.returns[s.PartnerID]; ok {
		by[o] = append(by[o], *s)
	}
}

func (t *txSales) fail(err error) {
	if t.err == nil {
		t.err = err
	}
}

func (t *txSales) SaleLineExists(partner engine.ID, invoice string, line int) (engine.ID, bool) {
	// Asked once a row: the usual answer, "no", without building an error.
	id, ok, err := t.tx.InvoiceLineID(partner, strings.TrimSpace(invoice), line)
	if err != nil {
		t.fail(err)
	}
	return id, ok
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
