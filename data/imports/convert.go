package imports

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"partnerdesk/data/sheet"
	"partnerdesk/engine"
)

// RowError is one problem of one row: the file's line (or spreadsheet row),
// the column as the file's header names it (the field name when the file
// has no such column), and a sentence saying what is wrong.
type RowError struct {
	Line   int
	Column string
	Reason string
}

func (e RowError) Error() string {
	return fmt.Sprintf("line %d, column %s: %s", e.Line, e.Column, e.Reason)
}

// Batch holds the records a file converts to, ready to be written in one
// transaction. Lines gives the file line of each record, in the order of
// the kind's slice, so the writer can name a line if the store refuses one.
type Batch struct {
	Kind          Kind
	Partners      []engine.Partner
	Reps          []engine.Rep
	Products      []engine.Product
	Sales         []engine.Sale
	Registrations []engine.Registration
	Trainings     []engine.Training
	Activities    []engine.Activity
	Lines         []int
	// Ignored lists the file's columns no field is mapped to.
	Ignored []string
}

// Len is the number of records in the batch.
func (b *Batch) Len() int { return len(b.Lines) }

// Convert checks every row of t as kind, with columns mapped by m (an
// empty mapping is guessed from the header), against what look knows. It
// returns the records, or every problem found and an empty batch: a file
// with any bad row imports nothing.
func Convert(kind Kind, t *sheet.Table, m Mapping, look Lookup) (Batch, []RowError) {
	return ConvertProgress(kind, t, m, look, nil)
}

// ConvertProgress is Convert that reports rows checked to progress.
func ConvertProgress(kind Kind, t *sheet.Table, m Mapping, look Lookup, progress sheet.Progress) (Batch, []RowError) {
	if Fields(kind) == nil {
		return Batch{}, []RowError{{Line: t.HeaderLine, Column: "", Reason: fmt.Sprintf("%q is not an import kind", kind)}}
	}
	if len(m.Columns) == 0 {
		g := GuessMapping(kind, t.Header)
		g.DecimalComma, g.MonthFirst = m.DecimalComma, m.MonthFirst
		m = g
	}
	cols, errs := m.columnsFor(kind, t.Header, t.HeaderLine)
	if len(errs) > 0 {
		return Batch{}, errs
	}
	c := &converter{kind: kind, t: t, cols: cols, look: look, cur: look.Currency(),
		partnerCache: map[string]partnerHit{}, productCache: map[string]productHit{}, failed: map[string]bool{}}
	if err := c.detect(m); err != nil {
		return Batch{}, []RowError{fileError(err, t.HeaderLine)}
	}
	if c.rows == 0 {
		// A file that imports nothing is a wrong file (or one read wrong),
		// never a success.
		return Batch{}, []RowError{{Line: t.HeaderLine, Column: "", Reason: "the file has no rows under its header; nothing to import"}}
	}
	b := Batch{Kind: kind}
	mapped := map[int]bool{}
	for _, i := range cols {
		mapped[i] = true
	}
	for i, h := range t.Header {
		if !mapped[i] && h != "" {
			b.Ignored = append(b.Ignored, h)
		}
	}
	switch kind {
	case Partners:
		c.partners(&b)
	case Reps:
		c.reps(&b)
	case Products:
		c.products(&b)
	case Sales:
		c.sales(&b, progress)
	case Registrations:
		c.registrations(&b)
	case Trainings:
		c.trainings(&b)
	case Activities:
		c.activities(&b)
	}
	if progress != nil {
		progress(c.rows, c.rows)
	}
	if len(c.errs) > 0 {
		sort.SliceStable(c.errs, func(i, j int) bool { return c.errs[i].Line < c.errs[j].Line })
		return Batch{Kind: kind, Ignored: b.Ignored}, c.errs
	}
	return b, nil
}

type partnerHit struct {
	p      engine.Partner
	byCode bool
	ok     bool
}

type productHit struct {
	p  engine.Product
	ok bool
}

// converter holds one file's conversion state.
type converter struct {
	kind         Kind
	t            *sheet.Table
	cols         map[string]int
	look         Lookup
	cur          engine.Currency
	decimalComma bool
	order        sheet.DateOrder
	errs         []RowError
	rowBad       bool
	failed       map[string]bool // the fields of the current row found bad
	partnerCache map[string]partnerHit
	productCache map[string]productHit
	rows         int // the file's data rows
}

// detect decides the file's decimal separator and date order once, from
// every amount and date column, unless the mapping fixes them, and counts
// the rows. It reads the file once, row by row, keeping no cell.
func (c *converter) detect(m Mapping) error {
	var amounts, dates []int
	for _, f := range Fields(c.kind) {
		i, ok := c.cols[f.Name]
		if !ok {
			continue
		}
		switch f.Type {
		case TypeAmount:
			amounts = append(amounts, i)
		case TypeDate:
			dates = append(dates, i)
		}
	}
	splits, hasSplits := c.cols["splits"]
	hasSplits = hasSplits && c.kind == Sales
	var dec sheet.DecimalEvidence
	var order sheet.DateEvidence
	err := c.t.Each(func(r sheet.Row) error {
		c.rows++
		for _, i := range amounts {
			dec.Add(r.Cell(i))
		}
		for _, i := range dates {
			order.Add(r.Cell(i))
		}
		if hasSplits {
			// Shares in splits follow the file's convention too.
			for _, part := range splitItems(r.Cell(splits)) {
				if k := strings.LastIndexByte(part, ':'); k >= 0 {
					dec.Add(strings.TrimSuffix(strings.TrimSpace(part[k+1:]), "%"))
				}
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if m.DecimalComma != nil {
		c.decimalComma = *m.DecimalComma
	} else {
		c.decimalComma = dec.DecimalComma(c.t.Comma)
	}
	if m.MonthFirst != nil {
		if *m.MonthFirst {
			c.order = sheet.MDY
		}
	} else {
		c.order = order.Order()
	}
	return nil
}

// fileError is the row error for a problem of the file itself, such as a
// stray quote found while its rows are read.
func fileError(err error, headerLine int) RowError {
	var le *sheet.LineError
	if errors.As(err, &le) {
		return RowError{Line: le.Line, Column: strconv.Itoa(le.Column), Reason: le.Reason}
	}
	return RowError{Line: headerLine, Column: "", Reason: err.Error()}
}

// colName is the file's header for field, or the field name.
func (c *converter) colName(field string) string {
	if i, ok := c.cols[field]; ok && i < len(c.t.Header) && c.t.Header[i] != "" {
		return c.t.Header[i]
	}
	return field
}

func (c *converter) fail(r sheet.Row, field, format string, args ...any) {
	c.rowBad = true
	c.failed[field] = true
	c.errs = append(c.errs, RowError{Line: r.Line, Column: c.colName(field), Reason: fmt.Sprintf(format, args...)})
}

// text returns a field's trimmed cell, without the quote an export put
// before text a spreadsheet would run; "" when the field is not mapped.
func (c *converter) text(r sheet.Row, field string) string {
	i, ok := c.cols[field]
	if !ok {
		return ""
	}
	// A copy: a record keeps its own few bytes, not the whole line it
	// was read from.
	return strings.Clone(sheet.UnescapeText(strings.TrimSpace(r.Cell(i))))
}

func (c *converter) required(r sheet.Row, field string) (string, bool) {
	s := c.text(r, field)
	if s == "" {
		c.fail(r, field, "%s is required", field)
		return "", false
	}
	return s, true
}

func (c *converter) amount(r sheet.Row, field string) (decimal.Decimal, bool) {
	s := c.text(r, field)
	if s == "" {
		return decimal.Zero, false
	}
	// Money may carry the company's own currency, never another one; a
	// quantity carries none.
	home := c.cur.Code
	if field == "quantity" {
		home = ""
	}
	d, err := sheet.ParseMoneyIn(s, c.decimalComma, home)
	if err != nil {
		c.fail(r, field, "%v", err)
		return decimal.Zero, false
	}
	return d, true
}

func (c *converter) date(r sheet.Row, field string, required bool) (engine.Date, bool) {
	s := c.text(r, field)
	if s == "" {
		if required {
			c.fail(r, field, "%s is required", field)
		}
		return 0, false
	}
	d, err := sheet.ParseDateIn(s, c.order, c.t.Date1904)
	if err != nil {
		c.fail(r, field, "%v", err)
		return 0, false
	}
	return d, true
}

// openDate fails when d is in a closed period: a closed period's inputs
// cannot change.
func (c *converter) openDate(r sheet.Row, field string, d engine.Date) {
	if d != 0 && c.look.IsClosed(d) {
		c.fail(r, field, "%s is in a closed period", d)
	}
}

func (c *converter) boolean(r sheet.Row, field string, def bool) bool {
	s := c.text(r, field)
	if s == "" {
		return def
	}
	v, ok := parseBool(s)
	if !ok {
		c.fail(r, field, "%q is not yes or no", s)
	}
	return v
}

func (c *converter) integer(r sheet.Row, field string, def int) int {
	s := c.text(r, field)
	if s == "" {
		return def
	}
	d, err := sheet.ParseAmountIn(s, c.decimalComma)
	if err != nil || !d.IsInteger() || d.IsNegative() || d.GreaterThan(decimal.NewFromInt(1<<31-1)) {
		c.fail(r, field, "%q is not a whole number of 0 or more", s)
		return def
	}
	return int(d.IntPart())
}

// parseBool reads yes and no in the languages Partnerdesk speaks.
func parseBool(s string) (bool, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "yes", "y", "true", "1", "x", "si", "sì", "oui", "o", "ja", "j", "sí", "ya", "wahr", "vero", "vrai", "waar", "verdadero", "benar", "✓", "✔":
		return true, true
	case "no", "n", "false", "0", "non", "nee", "nein", "tidak", "t", "falso", "faux", "onwaar", "salah", "-":
		return false, true
	}
	return false, false
}

// parseID reads "12", "#12" or a prefixed id such as "P12" or "P-12".
func parseID(s string, prefixes ...string) (engine.ID, bool) {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "#")
	for _, p := range prefixes {
		if len(s) > len(p) && strings.EqualFold(s[:len(p)], p) {
			s = strings.TrimPrefix(s[len(p):], "-")
			break
		}
	}
	if s == "" || len(s) > 19 {
		return 0, false
	}
	n, err := strconv.ParseUint(s, 10, 64)
	if err != nil || n == 0 {
		return 0, false
	}
	return engine.ID(n), true
}

// explicitID reports whether s is written as an id ("P12", "#12"), not a
// bare number that might be a name.
func explicitID(s string, prefix string) bool {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "#") {
		return true
	}
	return len(s) > len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) && s[len(prefix)] >= '0' && s[len(prefix)] <= '9' || strings.HasPrefix(strings.ToUpper(s), strings.ToUpper(prefix)+"-")
}

// partner resolves a reference by explicit id (P12, #12), name, referral
// code, then a bare id, in that order.
func (c *converter) partner(ref string) (engine.Partner, bool, bool) {
	if h, ok := c.partnerCache[ref]; ok {
		return h.p, h.byCode, h.ok
	}
	h := c.findPartner(ref)
	c.partnerCache[ref] = h
	return h.p, h.byCode, h.ok
}

func (c *converter) findPartner(ref string) partnerHit {
	if explicitID(ref, "P") {
		if id, ok := parseID(ref, "P"); ok {
			if p, ok := c.look.PartnerByID(id); ok {
				return partnerHit{p: p, ok: true}
			}
		}
	}
	if p, ok := c.look.PartnerByName(ref); ok {
		return partnerHit{p: p, ok: true}
	}
	if p, ok := c.look.PartnerByReferralCode(ref); ok {
		return partnerHit{p: p, byCode: true, ok: true}
	}
	if id, ok := parseID(ref); ok {
		if p, ok := c.look.PartnerByID(id); ok {
			return partnerHit{p: p, ok: true}
		}
	}
	return partnerHit{}
}

// partnerField resolves a required partner column.
func (c *converter) partnerField(r sheet.Row, field string) (engine.Partner, bool) {
	ref, ok := c.required(r, field)
	if !ok {
		return engine.Partner{}, false
	}
	p, _, ok := c.partner(ref)
	if !ok {
		c.fail(r, field, "no partner has the name, id or referral code %q", ref)
	}
	return p, ok
}

// rep resolves a rep of partner by explicit id (R7, #7), name, then bare id.
func (c *converter) rep(partner engine.ID, ref string) (engine.Rep, string) {
	if explicitID(ref, "R") {
		if id, ok := parseID(ref, "R"); ok {
			if rp, ok := c.look.RepByID(id); ok {
				if partner != 0 && rp.PartnerID != partner {
					return engine.Rep{}, fmt.Sprintf("rep %q works for another partner", ref)
				}
				return rp, ""
			}
		}
	}
	if partner != 0 {
		if rp, ok := c.look.RepByName(partner, ref); ok {
			return rp, ""
		}
	}
	if id, ok := parseID(ref); ok {
		if rp, ok := c.look.RepByID(id); ok {
			if partner != 0 && rp.PartnerID != partner {
				return engine.Rep{}, fmt.Sprintf("rep %q works for another partner", ref)
			}
			return rp, ""
		}
	}
	if partner == 0 {
		return engine.Rep{}, fmt.Sprintf("no rep has the id %q; name a rep by id (R7) or give the partner column", ref)
	}
	return engine.Rep{}, fmt.Sprintf("the partner has no rep named %q", ref)
}

func (c *converter) product(ref string) (engine.Product, bool) {
	if h, ok := c.productCache[ref]; ok {
		return h.p, h.ok
	}
	p, ok := c.look.ProductBySKU(ref)
	if !ok {
		if id, idOK := parseID(ref); idOK {
			p, ok = c.look.ProductByID(id)
		}
	}
	c.productCache[ref] = productHit{p, ok}
	return p, ok
}

// MaxCellChars is the longest cell a row may hold: Excel's own limit. The
// reader takes cells up to sheet.MaxCellSize so that it can say which line
// is wrong, but no field of a record is that long (a 10 MB customer name
// is a broken export, not a customer).
const MaxCellChars = 32767

// each runs fn on every row, resetting the row's error flag first. A row
// with a cell longer than MaxCellChars is refused whatever its fields.
func (c *converter) each(progress sheet.Progress, fn func(r sheet.Row)) {
	n := 0
	err := c.t.Each(func(r sheet.Row) error {
		n++
		c.rowBad = false
		clear(c.failed)
		c.beyondHeader(r)
		for i, cell := range r.Cells {
			if len(cell) > MaxCellChars && utf8.RuneCountInString(cell) > MaxCellChars {
				col := fmt.Sprintf("column %d", i+1)
				if i < len(c.t.Header) && c.t.Header[i] != "" {
					col = c.t.Header[i]
				}
				c.rowBad = true
				c.errs = append(c.errs, RowError{Line: r.Line, Column: col,
					Reason: fmt.Sprintf("the cell holds %d characters; a cell holds at most %d", utf8.RuneCountInString(cell), MaxCellChars)})
			}
		}
		fn(r)
		if progress != nil && n%8192 == 0 {
			progress(n, c.rows)
		}
		return nil
	})
	if err != nil {
		// detect has read the same text without a problem, so this does
		// not happen; kept so that no problem could pass unreported.
		c.errs = append(c.errs, fileError(err, c.t.HeaderLine))
	}
}

// beyondHeader refuses a row with a value in a column the header does not
// name: the value would be dropped without a word.
func (c *converter) beyondHeader(r sheet.Row) {
	for i, cell := range r.Cells {
		if strings.TrimSpace(cell) == "" || i < len(c.t.Header) && c.t.Header[i] != "" {
			continue
		}
		c.rowBad = true
		c.errs = append(c.errs, RowError{Line: r.Line, Column: strconv.Itoa(i + 1),
			Reason: fmt.Sprintf("the value %q is in a column with no header; name the column in the header or remove the value", sheet.Clip(cell))})
	}
}
