package imports

import (
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"partnerdesk/data/sheet"
	"partnerdesk/engine"
)

// invoiceKey is a sale's natural key within a file.
type invoiceKey struct {
	partner engine.ID
	invoice string
	line    int
}

type invoiceCount struct {
	partner engine.ID
	invoice string
}

// sales reads each row into a sale (names to ids, amounts derived where
// the file leaves them out), checks it with engine.CheckSale, the same
// validation the form uses, and gives it to sink as soon as it is good.
// Later rows are checked against the store and the file's earlier good
// rows, which the store answers for (see Sink): a return may give back a
// line of the same file, and two returns in one file may not together
// give back more than the line sold. No row is kept: what the file's
// rows need of each other (the file line of a duplicate, the position of
// a line among its invoice's rows) is read back from the store, and only
// the rows the store does not hold (bad or refused ones) are remembered,
// in offFile.
//
// What a row alone tells (its cells, the records it names, the checks
// of engine.PrecheckSale) is read ahead by another goroutine (see
// aheadReader.read); here each row gets what depends on the rows before
// and on the store, with its problems reported in the order of the
// row's columns, as when one goroutine did everything.
func (c *converter) sales(sink Sink, progress sheet.Progress) {
	look := &lockedLookup{l: c.look}
	c.look = look
	own := &ownSales{ids: make([]engine.ID, 0, c.rows), lines: make([]int32, 0, c.rows)}
	off := &offFile{}
	// The rows so far of each invoice that had a row without a line
	// number, counted from its first such row on (before it, from the
	// store): empty when every row has one.
	run := map[invoiceCount]int{}
	facts := &saleFacts{Lookup: look, own: own}
	ahead := c.aheadReader(look)
	rows := 0
	err := readAhead(c.t, ahead.read, func(r sheet.Row, p *saleRow) {
		rows++
		facts.forget() // the store may hold the line asked last by now
		if len(c.failed) > 0 {
			clear(c.failed)
		}
		c.rowBad = len(p.errs) > 0
		c.errs = append(c.errs, p.errs[:p.beforeDup]...)
		for _, f := range p.failed {
			c.failed[f] = true
		}
		// The sale as read; the sink copies what it keeps (see Sink).
		s := &p.sale
		partnerOK := p.partnerOK

		keyed, dup := partnerOK && s.Invoice != "", false
		if keyed {
			k := invoiceCount{s.PartnerID, s.Invoice}
			n, counted := run[k]
			if s.Line < 0 {
				// No line number (or a bad one): the row's position
				// among the file's rows of the invoice, this one included.
				if !counted {
					n = own.onInvoice(facts, k) + off.rows[k]
				}
				s.Line = n + 1
				run[k] = n + 1
			} else if counted {
				run[k] = n + 1
			}
			var first int
			if first, dup = c.fileLine(facts, off, invoiceKey{s.PartnerID, s.Invoice, s.Line}); dup {
				c.fail(r, "line", "duplicate of line %d: same partner, invoice %s and line %d", first, s.Invoice, s.Line)
			}
		}
		c.errs = append(c.errs, p.errs[p.beforeDup:]...)

		// A sale dated in a closed period is a late sale only with a
		// booked day in an open period (engine.CheckSale says so); in an
		// open period the booked column is ignored.
		if s.Date != 0 && look.IsClosed(s.Date) {
			s.Booked, _ = c.useDate(r, "booked", false, p.booked)
		}

		unread := c.unread[:0]
		for f := range c.failed {
			unread = append(unread, f)
		}
		if !partnerOK {
			unread = append(unread, fPartner)
		}
		if c.failed["quantity"] || c.failed["unit_price"] || c.failed["net"] {
			// The amounts are read together: one bad, none is known.
			unread = append(unread, "quantity", "unit_price", "net")
		}
		if !partnerOK || s.Invoice == "" {
			unread = append(unread, "line") // no line number could be given
		}
		c.unread = unread
		var es engine.ValidationErrors
		if p.checked {
			// The reader ran the rest (engine.PrecheckSale) with nothing
			// unread; unread now holds at most what was found bad since.
			es = engine.CheckSaleContext(s, c.cur, facts, unread...)
		} else {
			es = engine.CheckSale(s, c.cur, facts, unread...)
		}
		for _, e := range es {
			c.fail(r, e.Field, "%s", e.Reason)
		}

		stored := false
		if !c.rowBad && c.sinkErr == nil {
			// Given to the sink even after a bad row, so that later rows
			// are checked against every good one; nothing is kept then.
			if stored = c.refuse(look.add(sink, s, r.Line), r.Line); stored {
				own.add(s.ID, r.Line)
			}
		}
		if keyed && !stored {
			off.add(invoiceKey{s.PartnerID, s.Invoice, s.Line}, r.Line, !dup)
		}
		if progress != nil && rows%8192 == 0 {
			progress(rows, c.rows)
		}
	})
	if err != nil {
		// detect has read the same text without a problem, so this does
		// not happen; kept so that no problem could pass unreported.
		c.errs = append(c.errs, fileError(err, c.t.HeaderLine))
	}
}

// saleCells are the amount cells of a sale row.
type saleCells struct {
	qty, price, net amountCell
}

// fileLine returns the file line of an earlier row with the same partner,
// invoice and line: one the store holds for this file, or one it does not.
func (c *converter) fileLine(f *saleFacts, off *offFile, k invoiceKey) (int, bool) {
	if line, ok := off.first[k]; ok {
		return line, true
	}
	if id, ok := f.stored(k.partner, k.invoice, k.line); ok {
		return f.own.line(id)
	}
	return 0, false
}

// ownSales are the sales the sink took from this file, by id (ascending,
// as a store hands them out) with their file lines: two slices, a few
// bytes a row, not a map.
type ownSales struct {
	ids   []engine.ID
	lines []int32
}

func (o *ownSales) add(id engine.ID, line int) {
	i := len(o.ids)
	if i > 0 && o.ids[i-1] >= id {
		// Not ascending (a sink that sets no id, or an odd one): keep
		// the order that line relies on.
		i, _ = slices.BinarySearch(o.ids, id)
	}
	o.ids = slices.Insert(o.ids, i, id)
	o.lines = slices.Insert(o.lines, i, int32(line))
}

// line returns the file line of the sale the sink took with id.
func (o *ownSales) line(id engine.ID) (int, bool) {
	if id == 0 {
		return 0, false
	}
	i, ok := slices.BinarySearch(o.ids, id)
	if !ok {
		return 0, false
	}
	return int(o.lines[i]), true
}

// onInvoice counts the sales of the file on the partner's invoice that
// the store holds (asked once per invoice, at its first row without a
// line number).
func (o *ownSales) onInvoice(f *saleFacts, k invoiceCount) int {
	n := 0
	for _, s := range f.Lookup.InvoiceLines(k.partner, k.invoice) {
		if _, ok := o.line(s.ID); ok {
			n++
		}
	}
	return n
}

// offFile remembers the rows of the file the store does not hold (bad
// rows, refused ones) that have a partner and an invoice: the line of
// each key's first row, and the rows per invoice. Empty for a good file.
type offFile struct {
	first map[invoiceKey]int
	rows  map[invoiceCount]int
}

func (o *offFile) add(k invoiceKey, line int, first bool) {
	if o.first == nil {
		o.first, o.rows = map[invoiceKey]int{}, map[invoiceCount]int{}
	}
	if first {
		// A duplicate's first line is already known (here or stored).
		o.first[k] = line
	}
	o.rows[invoiceCount{k.partner, k.invoice}]++
}

// saleFacts answers engine.CheckSale: the store (through the Lookup),
// which holds the file's earlier good rows, except that a line stored
// from this file is not "already stored": the converter names it as a
// duplicate of its line. The last line asked is remembered, since the
// converter and CheckSale ask the same one in turn.
type saleFacts struct {
	Lookup
	own  *ownSales
	last struct {
		partner engine.ID
		invoice string
		line    int
		id      engine.ID
		ok      bool
		set     bool
	}
}

// stored is Lookup.SaleLineExists, remembered for the next call.
func (f *saleFacts) stored(partner engine.ID, invoice string, line int) (engine.ID, bool) {
	l := &f.last
	if !l.set || l.partner != partner || l.line != line || l.invoice != invoice {
		l.id, l.ok = f.Lookup.SaleLineExists(partner, invoice, line)
		l.partner, l.invoice, l.line, l.set = partner, invoice, line, true
	}
	return l.id, l.ok
}

// SaleLineExists implements engine.SaleFacts.
func (f *saleFacts) SaleLineExists(partner engine.ID, invoice string, line int) (engine.ID, bool) {
	id, ok := f.stored(partner, invoice, line)
	if !ok {
		return 0, false
	}
	if _, mine := f.own.line(id); mine {
		return 0, false
	}
	return id, true
}

// forget drops the remembered line: the sink may have stored it since.
func (f *saleFacts) forget() { f.last.set = false }

// pendingFacts is the store for a conversion that writes nothing
// (ConvertProgress): the Lookup, and the file's good sales so far held in
// the batch (indexes into it, not copies), each with a provisional id
// above any stored one so that stored lines sort first.
type pendingFacts struct {
	Lookup
	sales   *[]engine.Sale
	keys    map[invoiceKey]int32     // by partner, invoice and line
	lines   map[invoiceCount][]int32 // by partner and invoice
	returns map[invoiceCount][]int32 // by partner and original invoice
}

// pendingBase is the first provisional id.
const pendingBase = engine.ID(1) << 62

func newPendingFacts(l Lookup, sales *[]engine.Sale) *pendingFacts {
	return &pendingFacts{Lookup: l, sales: sales, keys: map[invoiceKey]int32{},
		lines: map[invoiceCount][]int32{}, returns: map[invoiceCount][]int32{}}
}

// add keeps s.
func (p *pendingFacts) add(s engine.Sale) {
	i := int32(len(*p.sales))
	s.ID = pendingBase + engine.ID(i)
	*p.sales = append(*p.sales, s)
	inv := strings.TrimSpace(s.Invoice)
	p.keys[invoiceKey{s.PartnerID, inv, s.Line}] = i
	k := invoiceCount{s.PartnerID, inv}
	p.lines[k] = append(p.lines[k], i)
	if o := strings.TrimSpace(s.OriginalInvoice); o != "" {
		k := invoiceCount{s.PartnerID, o}
		p.returns[k] = append(p.returns[k], i)
	}
}

// SaleLineExists implements Lookup: stored lines, then the file's.
func (p *pendingFacts) SaleLineExists(partner engine.ID, invoice string, line int) (engine.ID, bool) {
	if id, ok := p.Lookup.SaleLineExists(partner, invoice, line); ok {
		return id, true
	}
	if i, ok := p.keys[invoiceKey{partner, strings.TrimSpace(invoice), line}]; ok {
		return (*p.sales)[i].ID, true
	}
	return 0, false
}

// InvoiceLines implements Lookup: stored lines, then the file's.
func (p *pendingFacts) InvoiceLines(partner engine.ID, invoice string) []engine.Sale {
	return p.join(p.Lookup.InvoiceLines(partner, invoice), p.lines[invoiceCount{partner, strings.TrimSpace(invoice)}])
}

// ReturnsOf implements Lookup: stored returns, then the file's.
func (p *pendingFacts) ReturnsOf(partner engine.ID, invoice string) []engine.Sale {
	return p.join(p.Lookup.ReturnsOf(partner, invoice), p.returns[invoiceCount{partner, strings.TrimSpace(invoice)}])
}

func (p *pendingFacts) join(stored []engine.Sale, pending []int32) []engine.Sale {
	if len(pending) == 0 {
		return stored
	}
	out := append(make([]engine.Sale, 0, len(stored)+len(pending)), stored...)
	for _, i := range pending {
		out = append(out, (*p.sales)[i])
	}
	return out
}

// batchSink keeps a conversion's sales in its batch (ConvertProgress).
type batchSink struct {
	b    *Batch
	over *pendingFacts
}

func (k *batchSink) Add(rec any, line int) error {
	s, ok := rec.(*engine.Sale)
	if !ok {
		return fmt.Errorf("a sales conversion gave a %T", rec)
	}
	k.over.add(*s)
	s.ID = (*k.over.sales)[len(*k.over.sales)-1].ID
	k.b.Lines = append(k.b.Lines, line)
	return nil
}

// saleAmounts reads quantity, unit price and net, and fills what the file
// leaves out: a missing quantity is 1 (-1 for a negative net), a missing
// unit price is net / quantity, a missing net is quantity x unit price
// rounded to the currency. engine.CheckSale then checks them together.
func (c *converter) saleAmounts(r sheet.Row, s *engine.Sale, p *saleCells) {
	qty, qtyOK := c.useAmount(r, "quantity", p.qty)
	price, priceOK := c.useAmount(r, "unit_price", p.price)
	net, netOK := c.useAmount(r, "net", p.net)
	if c.failed["quantity"] || c.failed["unit_price"] || c.failed["net"] {
		return
	}
	if !netOK && !priceOK {
		c.fail(r, "net", "give the net amount or the unit price")
		return
	}
	if !qtyOK {
		qty = decimal.NewFromInt(1)
		if netOK && net.IsNegative() {
			qty = qty.Neg()
		}
	}
	switch {
	case netOK && priceOK:
	case qty.IsZero():
	case netOK:
		price = net.DivRound(qty, c.cur.MinorUnits+4).Abs()
	default:
		net = c.cur.Round(qty.Mul(price))
	}
	s.Quantity, s.UnitPrice, s.Net = qty, price, net
}

// splitItems cuts a splits cell at ";" or "|".
func splitItems(s string) []string {
	f := strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == '|' || r == '\n' })
	out := f[:0]
	for _, p := range f {
		if strings.TrimSpace(p) != "" {
			out = append(out, p)
		}
	}
	return out
}

// splits reads "P12:60;P15/R7:40" or "Acme:60;Beta:40": partner, an
// optional rep after "/", and a share in percent. engine.CheckSale checks
// that the shares add up to 100 and nobody is named twice.
func (c *converter) splits(r sheet.Row, s string) []engine.CreditSplit {
	var out []engine.CreditSplit
	for _, item := range splitItems(s) {
		k := strings.LastIndexByte(item, ':')
		if k < 0 {
			c.fail(r, "splits", "%q has no share: write partner:share, e.g. P12:60", strings.TrimSpace(item))
			continue
		}
		who, shareText := strings.TrimSpace(item[:k]), strings.TrimSuffix(strings.TrimSpace(item[k+1:]), "%")
		share, err := sheet.ParseAmountIn(shareText, c.decimalComma)
		if err != nil || !share.IsPositive() {
			c.fail(r, "splits", "the share %q of %q is not a percentage above 0", shareText, who)
			continue
		}
		partnerRef, repRef, _ := strings.Cut(who, "/")
		p, _, found := c.partner(strings.TrimSpace(partnerRef))
		if !found {
			c.fail(r, "splits", "no partner has the name, id or referral code %q", strings.TrimSpace(partnerRef))
			continue
		}
		cs := engine.CreditSplit{PartnerID: p.ID, Share: share}
		if repRef = strings.TrimSpace(repRef); repRef != "" {
			rp, why := c.rep(p.ID, repRef)
			if why != "" {
				c.fail(r, "splits", "%s", why)
				continue
			}
			cs.RepID = rp.ID
		}
		out = append(out, cs)
	}
	return out
}
