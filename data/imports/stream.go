package imports

import (
	"errors"
	"fmt"
	"sort"

	"partnerdesk/data/sheet"
)

// A Sink takes each good record of a file as soon as it is checked, in
// file order: a pointer to an engine record and the file line it was read
// from. It may set the record's id (a store assigns it); the record is
// the sink's only during Add (the conversion reuses it for the next row),
// so a sink copies what it keeps, as tx.Put does. For sales, the
// Lookup the conversion reads must then answer for the records the sink
// has taken (the sink writes to the store the Lookup reads, in one
// transaction): later rows are checked against them (a return of an
// earlier line, a duplicate line), and the file is never held whole.
//
// A record the sink cannot take is refused with a *Refused error, which
// becomes the row's problem; any other error ends the conversion.
type Sink interface {
	Add(rec any, line int) error
}

// Refused is a Sink's refusal of one record: a duplicate only the store
// could see, a date in a closed period.
type Refused struct{ Reason string }

func (e *Refused) Error() string { return e.Reason }

// Conversion is a file whose columns are mapped and whose notation
// (decimal separator, date order) is decided, ready to be checked row by
// row (Run).
type Conversion struct {
	c *converter
	// Ignored lists the file's columns no field is mapped to.
	Ignored []string
}

// Rows is the number of data rows of the file.
func (v *Conversion) Rows() int { return v.c.rows }

// Prepare maps the columns of t to kind's fields by m (an empty mapping
// is guessed from the header) and reads the file once to decide its
// notation and count its rows, keeping no row. Problems of the header or
// of the file itself come back as row errors; the Conversion is nil when
// the mapping does not fit.
func Prepare(kind Kind, t *sheet.Table, m Mapping, look Lookup) (*Conversion, []RowError) {
	if Fields(kind) == nil {
		return nil, []RowError{{Line: t.HeaderLine, Column: "", Reason: fmt.Sprintf("%q is not an import kind", kind)}}
	}
	if len(m.Columns) == 0 {
		g := GuessMapping(kind, t.Header)
		g.DecimalComma, g.MonthFirst = m.DecimalComma, m.MonthFirst
		m = g
	}
	cols, errs := m.columnsFor(kind, t.Header, t.HeaderLine)
	if len(errs) > 0 {
		return nil, errs
	}
	c := &converter{kind: kind, t: t, cols: cols, look: look, cur: look.Currency(),
		partnerCache: map[string]*partnerHit{}, productCache: map[string]*productHit{}, failed: map[string]bool{}}
	v := &Conversion{c: c}
	mapped := map[int]bool{}
	for _, i := range cols {
		mapped[i] = true
	}
	for i, h := range t.Header {
		if !mapped[i] && h != "" {
			v.Ignored = append(v.Ignored, h)
		}
	}
	wait := c.prefetch()
	err := c.detect(m)
	wait()
	if err != nil {
		return v, []RowError{fileError(err, t.HeaderLine)}
	}
	if c.rows == 0 {
		// A file that imports nothing is a wrong file (or one read wrong),
		// never a success.
		return v, []RowError{{Line: t.HeaderLine, Column: "", Reason: "the file has no rows under its header; nothing to import"}}
	}
	return v, nil
}

// Run checks every row and gives each good record to sink as soon as it
// is checked (sales; the records of the other kinds once the whole file
// is found good). It returns every problem, sorted by line: the rows'
// own, or when there are none, the records sink refused. The caller
// discards what sink took when any problem is returned (a file is
// imported whole or not at all). The error is sink's failure.
func (v *Conversion) Run(progress sheet.Progress, sink Sink) ([]RowError, error) {
	c := v.c
	if c.kind == Sales {
		c.sales(sink, progress)
	} else {
		b := Batch{Kind: c.kind}
		c.convertBatch(&b, progress)
		if len(c.errs) == 0 {
			c.emit(&b, sink)
		}
	}
	if c.sinkErr != nil {
		return nil, c.sinkErr
	}
	if progress != nil {
		progress(c.rows, c.rows)
	}
	if errs := c.sortedErrs(); len(errs) > 0 {
		return errs, nil
	}
	sort.SliceStable(c.refused, func(i, j int) bool { return c.refused[i].Line < c.refused[j].Line })
	return c.refused, nil
}

// prefetch asks look, on another goroutine while detect reads the file,
// for a partner and a product, which every good row of a sales file
// names: a store's Lookup (the app's) loads a kind's records on first
// use, and so the load overlaps the reading instead of following it.
// (Reps and registrations are loaded only if a row names one.) The
// answers are not used. It returns the function that waits for the
// questions to end; nothing else asks look in between.
func (c *converter) prefetch() (wait func()) {
	if c.kind != Sales {
		return func() {}
	}
	has := func(field string) bool { _, ok := c.cols[field]; return ok }
	var asks []func()
	if has(fPartner) {
		asks = append(asks, func() { c.look.PartnerByName("") })
	} else if has("referral_code") {
		asks = append(asks, func() { c.look.PartnerByReferralCode("") })
	}
	if has("product") {
		asks = append(asks, func() { c.look.ProductBySKU("") })
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for _, ask := range asks {
			ask()
		}
	}()
	return func() { <-done }
}

// convertBatch checks a file of a kind other than sales into b.
func (c *converter) convertBatch(b *Batch, progress sheet.Progress) {
	switch c.kind {
	case Partners:
		c.partners(b)
	case Reps:
		c.reps(b)
	case Products:
		c.products(b)
	case Registrations:
		c.registrations(b)
	case Trainings:
		c.trainings(b)
	case Activities:
		c.activities(b)
	}
	if progress != nil {
		progress(c.rows, c.rows)
	}
}

// emit gives a good batch's records to sink in order; every record is
// tried, so that the user sees every refusal at once.
func (c *converter) emit(b *Batch, sink Sink) {
	i := 0
	add := func(rec any) {
		line := 0
		if i < len(b.Lines) {
			line = b.Lines[i]
		}
		i++
		if c.sinkErr == nil {
			c.refuse(sink.Add(rec, line), line)
		}
	}
	for j := range b.Partners {
		add(&b.Partners[j])
	}
	for j := range b.Reps {
		add(&b.Reps[j])
	}
	for j := range b.Products {
		add(&b.Products[j])
	}
	for j := range b.Registrations {
		add(&b.Registrations[j])
	}
	for j := range b.Trainings {
		add(&b.Trainings[j])
	}
	for j := range b.Activities {
		add(&b.Activities[j])
	}
}

// refuse notes a sink's answer for the record of line: a refusal is a
// row problem, any other error ends the conversion. It reports whether
// the sink took the record.
func (c *converter) refuse(err error, line int) bool {
	if err == nil {
		return true
	}
	var r *Refused
	if errors.As(err, &r) {
		c.refused = append(c.refused, RowError{Line: line, Reason: r.Reason})
	} else if c.sinkErr == nil {
		c.sinkErr = err
	}
	return false
}

// sortedErrs returns the rows' problems in line order (a row's own in
// the order found).
func (c *converter) sortedErrs() []RowError {
	sort.SliceStable(c.errs, func(i, j int) bool { return c.errs[i].Line < c.errs[j].Line })
	return c.errs
}

// readAhead calls fn with every row of t in order, like t.Each, while
// another goroutine reads (tokenises) the rows that follow and runs read
// on each, handing them over in chunks: reading a CSV file's text and its
// cells is a good part of a conversion's own work and needs nothing the
// checks need, so on a machine with two cores it overlaps checking and
// writing the rows before. The rows are the reader's to hand over (a
// streamed table's rows are fresh per row). A problem of the file is
// returned after fn has seen every row before it.
func readAhead[P any](t *sheet.Table, read func(sheet.Row, *P), fn func(sheet.Row, *P)) error {
	if read == nil {
		read = func(sheet.Row, *P) {}
	}
	if t.Rows != nil { // the rows are held: nothing to read ahead
		var p P
		return t.Each(func(r sheet.Row) error {
			read(r, &p)
			fn(r, &p)
			return nil
		})
	}
	type ahead struct {
		r sheet.Row
		p P
	}
	const chunk = 512
	full := make(chan []ahead, 4)
	free := make(chan []ahead, 6)
	done := make(chan struct{})
	var err error
	go func() {
		defer close(full)
		buf := make([]ahead, 0, chunk)
		send := func() bool {
			select {
			case full <- buf:
			case <-done: // fn panicked: nobody takes rows any more
				return false
			}
			select {
			case buf = <-free:
				buf = buf[:0]
			default:
				buf = make([]ahead, 0, chunk)
			}
			return true
		}
		err = t.Each(func(r sheet.Row) error {
			buf = append(buf, ahead{r: r})
			read(r, &buf[len(buf)-1].p)
			if len(buf) == chunk && !send() {
				return errStopped
			}
			return nil
		})
		if err == nil && len(buf) > 0 {
			send()
		}
	}()
	defer close(done)
	for rows := range full {
		for i := range rows {
			fn(rows[i].r, &rows[i].p)
		}
		clear(rows) // no cell kept alive by a chunk waiting for reuse
		select {
		case free <- rows:
		default:
		}
	}
	return err
}

// errStopped ends a read whose rows nobody takes.
var errStopped = errors.New("the conversion stopped")
