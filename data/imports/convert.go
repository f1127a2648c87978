package imports

import (
	"errors"
	"fmt"
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

// ConvertProgress is Convert that reports rows checked to progress. It
// holds the file's records in memory (a Batch); an import writing to a
// store streams them instead (Prepare, then Conversion.Run with a Sink).
func ConvertProgress(kind Kind, t *sheet.Table, m Mapping, look Lookup, progress sheet.Progress) (Batch, []RowError) {
	v, errs := Prepare(kind, t, m, look)
	if len(errs) > 0 {
		return Batch{}, errs
	}
	b := Batch{Kind: kind, Ignored: v.Ignored}
	if kind != Sales {
		// The other kinds are checked whole (their files are short and a
		// row may name an earlier one), into b itself.
		v.c.convertBatch(&b, progress)
		if errs := v.c.sortedErrs(); len(errs) > 0 {
			return Batch{Kind: kind, Ignored: b.Ignored}, errs
		}
		return b, nil
	}
	// Sales go through the streamed conversion into a sink that keeps
	// them, with an overlay that answers for them as a store would.
	b.Sales = make([]engine.Sale, 0, v.Rows())
	b.Lines = make([]int, 0, v.Rows())
	over := newPendingFacts(look, &b.Sales)
	v.c.look = over
	sink := &batchSink{b: &b, over: over}
	errs, err := v.Run(progress, sink)
	if err != nil {
		// The batch sink never fails; kept so that no error is lost.
		errs = append(errs, RowError{Line: t.HeaderLine, Reason: err.Error()})
	}
	if len(errs) > 0 {
		return Batch{Kind: kind, Ignored: b.Ignored}, errs
	}
	for i := range b.Sales {
		b.Sales[i].ID = 0 // the provisional ids of the overlay: these are new records
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
	failed       map[string]bool        // the fields of the current row found bad
	partnerCache map[string]*partnerHit // by the cell as written; pointers keep the map small
	productCache map[string]*productHit
	rows         int        // the file's data rows
	refused      []RowError // records the sink refused
	sinkErr      error      // the sink's failure, which ends the conversion
	unread       []string   // the current row's fields not to check again (reused)
	dates        map[string]dateHit
	// The reader's caches of rep and referral code references (nil: not
	// remembered; see aheadReader).
	repCache  map[repRef]repHit
	codeCache map[string]partnerHit
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
	if m.DecimalComma != nil {
		amounts, hasSplits = nil, false // decided by the mapping
	}
	if m.MonthFirst != nil {
		dates = nil
	}
	var dec sheet.DecimalEvidence
	var order sheet.DateEvidence
	// The date order is decided by whether some value cannot be day first
	// and whether some cannot be month first (DateEvidence.Order), not by
	// how many: a value seen before adds nothing, and a file's dates
	// repeat (a day per invoice run), so each is weighed once.
	seen := map[string]bool{}
	err := c.t.Each(func(r sheet.Row) error {
		c.rows++
		for _, i := range amounts {
			dec.Add(r.Cell(i))
		}
		for _, i := range dates {
			v := r.Cell(i)
			if seen[v] {
				continue
			}
			if len(seen) < maxMemo {
				seen[strings.Clone(v)] = true
			}
			order.Add(v)
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

// cell is text without the copy, for a value only looked up or parsed.
func (c *converter) cell(r sheet.Row, field string) string {
	i, ok := c.cols[field]
	if !ok {
		return ""
	}
	return sheet.UnescapeText(strings.TrimSpace(r.Cell(i)))
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
	return c.useAmount(r, field, c.readAmount(r, field))
}

// readAmount reads an amount cell. It changes nothing in c: the rows
// read ahead are read by another goroutine (see readAhead).
func (c *converter) readAmount(r sheet.Row, field string) amountCell {
	return c.parseAmount(c.cell(r, field), field)
}

// parseAmount reads the text s of an amount cell of field.
func (c *converter) parseAmount(s, field string) amountCell {
	if s == "" {
		return amountCell{}
	}
	if d, ok := plainAmount(s, c.decimalComma); ok {
		return amountCell{d: d, ok: true}
	}
	// Money may carry the company's own currency, never another one; a
	// quantity carries none.
	home := c.cur.Code
	if field == "quantity" {
		home = ""
	}
	d, err := sheet.ParseMoneyIn(s, c.decimalComma, home)
	if err != nil {
		return amountCell{err: err}
	}
	return amountCell{d: d, ok: true}
}

// amountCell is an amount cell read: its value, whether it holds one, or
// why it is not an amount.
type amountCell struct {
	d   decimal.Decimal
	ok  bool
	err error
}

// useAmount reports a bad amount on the row.
func (c *converter) useAmount(r sheet.Row, field string, a amountCell) (decimal.Decimal, bool) {
	if a.err != nil {
		c.fail(r, field, "%v", a.err)
		return decimal.Zero, false
	}
	if !a.ok {
		return decimal.Zero, false
	}
	return a.d, true
}

func (c *converter) date(r sheet.Row, field string, required bool) (engine.Date, bool) {
	if c.dates == nil {
		c.dates = map[string]dateHit{}
	}
	return c.useDate(r, field, required, c.readDate(r, field, c.dates))
}

// readDate reads a date cell, each distinct text once (memo); it changes
// nothing in c (see readAmount).
func (c *converter) readDate(r sheet.Row, field string, memo map[string]dateHit) dateHit {
	s := c.cell(r, field)
	if s == "" {
		return dateHit{empty: true}
	}
	h, ok := memo[s]
	if !ok {
		h.d, h.err = sheet.ParseDateIn(s, c.order, c.t.Date1904)
		if len(memo) < maxMemo {
			memo[strings.Clone(s)] = h
		}
	}
	return h
}

// useDate reports a missing or bad date on the row.
func (c *converter) useDate(r sheet.Row, field string, required bool, h dateHit) (engine.Date, bool) {
	if h.empty {
		if required {
			c.fail(r, field, "%s is required", field)
		}
		return 0, false
	}
	if h.err != nil {
		c.fail(r, field, "%v", h.err)
		return 0, false
	}
	return h.d, true
}

// dateHit is a date cell read: the date, or why it is not one, or empty.
type dateHit struct {
	d     engine.Date
	err   error
	empty bool
}

// maxMemo bounds the values a conversion remembers having read (dates):
// a file's distinct dates, not its rows, and never more than this.
const maxMemo = 4096

// openDate fails when d is in a closed period: a closed period's inputs
// cannot change.
func (c *converter) openDate(r sheet.Row, field string, d engine.Date) {
	if d != 0 && c.look.IsClosed(d) {
		c.fail(r, field, "%s is in a closed period", d)
	}
}

func (c *converter) boolean(r sheet.Row, field string, def bool) bool {
	s := c.cell(r, field)
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
	s := c.cell(r, field)
	if s == "" {
		return def
	}
	if n, ok := plainCount(s); ok {
		return n
	}
	d, err := sheet.ParseAmountIn(s, c.decimalComma)
	if err != nil || !d.IsInteger() || d.IsNegative() || d.GreaterThan(decimal.NewFromInt(1<<31-1)) {
		c.fail(r, field, "%q is not a whole number of 0 or more", s)
		return def
	}
	return int(d.IntPart())
}

// plainAmount reads the amount nearly every cell holds, digits with at
// most one decimal separator (the file's own: "1234.5" in a file with a
// decimal point, "1234,5" in one with a decimal comma) and maybe a
// leading minus, to the same decimal sheet.ParseMoneyIn returns for it,
// without its general path (currency marks, group separators, brackets)
// and its allocations; false sends any other cell down that path.
func plainAmount(s string, decimalComma bool) (decimal.Decimal, bool) {
	sep := byte('.')
	if decimalComma {
		sep = ','
	}
	neg := len(s) > 0 && s[0] == '-'
	if neg {
		s = s[1:]
	}
	if len(s) == 0 || len(s) > 18 { // 18 digits fit an int64
		return decimal.Decimal{}, false
	}
	var n int64
	frac := -1 // digits after the separator; -1 before it
	for i := 0; i < len(s); i++ {
		switch b := s[i]; {
		case b >= '0' && b <= '9':
			n = n*10 + int64(b-'0')
			if frac >= 0 {
				frac++
			}
		case b == sep && frac < 0 && i > 0 && i < len(s)-1:
			frac = 0
		default:
			return decimal.Decimal{}, false
		}
	}
	if neg {
		n = -n
	}
	return decimal.New(n, int32(-max(frac, 0))), true
}

// plainCount reads a whole number written as up to 9 ASCII digits, as a
// line number nearly always is, without a decimal: ParseAmountIn reads
// it the same in either notation, and it is below 2^31.
func plainCount(s string) (int, bool) {
	if len(s) == 0 || len(s) > 9 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
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
	// The key is copied: ref may be a slice of the line it was read from.
	c.partnerCache[strings.Clone(ref)] = &h
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

// rep resolves a rep of partner by explicit id (R7, #7), name, then bare
// id; remembered when c has a repCache.
func (c *converter) rep(partner engine.ID, ref string) (engine.Rep, string) {
	if c.repCache == nil {
		return c.findRep(partner, ref)
	}
	if h, ok := c.repCache[repRef{partner, ref}]; ok {
		return h.r, h.why
	}
	r, why := c.findRep(partner, ref)
	c.repCache[repRef{partner, strings.Clone(ref)}] = repHit{r, why}
	return r, why
}

func (c *converter) findRep(partner engine.ID, ref string) (engine.Rep, string) {
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
	c.productCache[strings.Clone(ref)] = &productHit{p, ok}
	return p, ok
}

// MaxCellChars is the longest cell a row may hold: Excel's own limit. The
// reader takes cells up to sheet.MaxCellSize so that it can say which line
// is wrong, but no field of a record is that long (a 10 MB customer name
// is a broken export, not a customer).
const MaxCellChars = 32767

// each runs fn on every row, read ahead by another goroutine (see
// readAhead), resetting the row's error flag first. A row with a cell
// longer than MaxCellChars is refused whatever its fields.
func (c *converter) each(progress sheet.Progress, fn func(r sheet.Row)) {
	n := 0
	err := readAhead(c.t, nil, func(r sheet.Row, _ *struct{}) {
		n++
		c.rowBad = false
		clear(c.failed)
		c.cellsFit(r)
		fn(r)
		if progress != nil && n%8192 == 0 {
			progress(n, c.rows)
		}
	})
	if err != nil {
		// detect has read the same text without a problem, so this does
		// not happen; kept so that no problem could pass unreported.
		c.errs = append(c.errs, fileError(err, c.t.HeaderLine))
	}
}

// cellsFit refuses a row with a value in a column the header does not
// name or a cell longer than MaxCellChars, whatever its fields.
func (c *converter) cellsFit(r sheet.Row) {
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
