package data

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"slices"

	"partnerdesk/engine"
)

// The sales indexes of schema 4 group their entries, one bbolt element
// per group instead of one per sale:
//   - sale_days: the ids of the sales booked on a day (a period's sales
//     are the blocks those ids fall in);
//   - sale_partner_months: a partner's sale ids of a month of booking;
//   - sale_invoices: 4,096 groups by a hash of (partner, invoice), each
//     listing the hash's other 32 bits, the line and the sale id of every
//     invoice line in it; a lookup reads the candidates' sales to confirm.

func dayKey(d engine.Date) []byte { return binary.BigEndian.AppendUint32(nil, dateKey(d)) }

// monthKey: partner(8) first day of the month of d (4).
func monthKey(pid engine.ID, d engine.Date) []byte {
	k := itob(pid)
	return binary.BigEndian.AppendUint32(k, dateKey(monthStart(d)))
}

func monthStart(d engine.Date) engine.Date {
	y, m, _ := d.YMD()
	return engine.NewDate(y, m, 1)
}

// groupRef names an id group in the transaction's buffer without an
// allocation: which index, and the key (4 bytes of a day, 12 of a
// partner's month).
type groupRef struct {
	month bool
	n     uint8
	key   [12]byte
}

func refOf(bucket, key []byte) groupRef {
	r := groupRef{month: bytes.Equal(bucket, bSaleMonths), n: uint8(len(key))}
	copy(r.key[:], key)
	return r
}

// group returns the decoded id set of bucket (sale_days or
// sale_partner_months) under key, from the transaction's changes or the
// file.
func (tx *Tx) group(bucket, key []byte) (*idGroup, error) {
	st := tx.saleState()
	ref := refOf(bucket, key)
	last := &st.lastGroups[b2i(ref.month)]
	if last.g != nil && last.ref == ref {
		// Sales come in runs of one day (and often of one partner).
		return last.g, nil
	}
	if g := st.groups[ref]; g != nil {
		*last = lastGroup{ref, g}
		return g, nil
	}
	b, err := tx.bucket(bucket)
	if err != nil {
		return nil, err
	}
	g := &idGroup{bucket: bucket, key: bytes.Clone(key), enc: b.Get(key)}
	if g.tail, err = scanIDSetTail(g.enc); err != nil {
		return nil, fmt.Errorf("index %s: %w: run check", bucket, err)
	}
	st.groups[ref] = g
	*last = lastGroup{ref, g}
	return g, nil
}

// lastGroup is the id group tx.group returned last for one index.
type lastGroup struct {
	ref groupRef
	g   *idGroup
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// saleKeys are the day and month keys of a sale's index entries, built in
// buffers of the transaction (a month's first day looked up once per day).
func (st *saleTx) saleKeys(s *engine.Sale) (day, month []byte) {
	bd := s.BookDate()
	if bd != st.lastDay || st.lastMonth == 0 {
		st.lastDay, st.lastMonth = bd, monthStart(bd)
	}
	day = binary.BigEndian.AppendUint32(st.keyBuf[:0], dateKey(bd))
	month = binary.BigEndian.AppendUint64(st.keyBuf[4:4], uint64(s.PartnerID))
	month = binary.BigEndian.AppendUint32(month, dateKey(st.lastMonth))
	return day, month
}

// invoiceHash places (partner, invoice) in its group and gives the 32
// bits stored to tell invoices of one group apart. FNV-1a: the groups
// must not change between runs or builds.
func invoiceHash(pid engine.ID, invoice string) (group uint16, fp uint32) {
	h := fnv.New64a()
	h.Write(itob(pid))
	h.Write([]byte(invoice))
	s := h.Sum64()
	return uint16(s >> (64 - invoiceGroupBits)), uint32(s)
}

// invoiceGroupBits: sale_invoices has 1 << invoiceGroupBits groups.
const (
	invoiceGroupBits = 12
	invoiceGroups    = 1 << invoiceGroupBits
)

type invoiceEntry struct {
	fp   uint32
	line int
	id   engine.ID
}

func cmpInvoiceEntry(a, b invoiceEntry) int {
	switch {
	case a.fp != b.fp:
		if a.fp < b.fp {
			return -1
		}
		return 1
	case a.line != b.line:
		if a.line < b.line {
			return -1
		}
		return 1
	}
	return cmpID(a.id, b.id)
}

func invoiceGroupKey(n uint16) []byte { return binary.BigEndian.AppendUint16(nil, n) }

func (tx *Tx) invoiceGroup(n uint16) (*invoiceGroup, error) {
	st := tx.saleState()
	if st.invs == nil {
		st.invs = make([]*invoiceGroup, invoiceGroups)
	}
	if g := st.invs[n]; g != nil {
		return g, nil
	}
	b, err := tx.bucket(bSaleInvoices)
	if err != nil {
		return nil, err
	}
	g := &invoiceGroup{n: n, enc: b.Get(invoiceGroupKey(n))}
	st.invs[n] = g
	return g, nil
}

func appendInvoiceGroup(b []byte, es []invoiceEntry) []byte {
	var fp uint32
	for _, e := range es {
		b = binary.AppendUvarint(b, uint64(e.fp-fp))
		fp = e.fp
		b = binary.AppendVarint(b, int64(e.line))
		b = binary.AppendUvarint(b, uint64(e.id))
	}
	return b
}

func decodeInvoiceGroup(v []byte) ([]invoiceEntry, error) {
	er := entryReader{r: reader{b: v}}
	var out []invoiceEntry
	for {
		e, ok, err := er.next()
		if err != nil || !ok {
			return out, err
		}
		out = append(out, e)
	}
}

// indexSale adds s to the three indexes.
func (tx *Tx) indexSale(s *engine.Sale) error { return tx.reindexSale(s, true) }

// unindexSale removes a stored version of a sale from the indexes.
func (tx *Tx) unindexSale(s *engine.Sale) error { return tx.reindexSale(s, false) }

// reindexSale adds s to its day, partner-month and invoice groups, or
// removes it from them.
func (tx *Tx) reindexSale(s *engine.Sale, add bool) error {
	tx.saleState().lookup = invoiceLookup{}
	day, month := tx.saleState().saleKeys(s)
	for _, gk := range [2][2][]byte{{bSaleDays, day}, {bSaleMonths, month}} {
		g, err := tx.group(gk[0], gk[1])
		if err != nil {
			return err
		}
		change := g.remove
		if add {
			change = g.add
		}
		if err := change(s.ID); err != nil {
			return err
		}
	}
	if s.Invoice == "" {
		return nil
	}
	n, fp := invoiceHash(s.PartnerID, s.Invoice)
	g, err := tx.invoiceGroup(n)
	if err != nil {
		return err
	}
	e := invoiceEntry{fp, s.Line, s.ID}
	if add {
		g.insert(e)
		return nil
	}
	return g.remove(e)
}

// invoiceLines returns the stored sales of partner pid's invoice with the
// line (line < 0: every line), in line then id order.
func (tx *Tx) invoiceLines(pid engine.ID, invoice string, line int) ([]engine.Sale, error) {
	st := tx.saleState()
	if m := &st.lookup; m.ok && m.pid == pid && m.line == line && m.invoice == invoice {
		// An import asks whether a line is stored, then puts it: the put's
		// own check asks again before anything changed.
		return m.sales, nil
	}
	out, err := tx.readInvoiceLines(pid, invoice, line)
	if err == nil {
		st.lookup = invoiceLookup{ok: true, pid: pid, invoice: invoice, line: line, sales: out}
	}
	return out, err
}

// invoiceLookup is the last answer of invoiceLines, until an index changes.
type invoiceLookup struct {
	ok      bool
	pid     engine.ID
	invoice string
	line    int
	sales   []engine.Sale
}

func (tx *Tx) readInvoiceLines(pid engine.ID, invoice string, line int) ([]engine.Sale, error) {
	n, fp := invoiceHash(pid, invoice)
	g, err := tx.invoiceGroup(n)
	if err != nil {
		return nil, err
	}
	es, err := g.candidates(fp, line)
	if err != nil {
		return nil, err
	}
	ids := make([]engine.ID, len(es))
	for i, e := range es {
		ids[i] = e.id
	}
	found, err := tx.salesWithIDs(ids)
	if err != nil {
		return nil, err
	}
	var out []engine.Sale
	for i, e := range es {
		s := found[i]
		if s.ID == 0 {
			return nil, fmt.Errorf("the invoice index names sale %d, which does not exist: run check", e.id)
		}
		if s.PartnerID == pid && s.Invoice == invoice {
			out = append(out, s)
		}
	}
	return out, nil
}

// flushSales writes the transaction's changed blocks and index groups, in
// key order. A large flush (an import's) encodes the index groups on a
// second goroutine while this one encodes and writes the blocks: the
// groups' stored values are only read, and no bbolt call touches their
// buckets until both are done.
func (tx *Tx) flushSales() error {
	st := tx.sales
	if st == nil {
		return nil
	}
	var dirty []*idGroup
	for _, g := range st.groups {
		if g.dirty {
			dirty = append(dirty, g)
		}
	}
	slices.SortFunc(dirty, func(a, b *idGroup) int {
		if c := bytes.Compare(a.bucket, b.bucket); c != 0 {
			return c
		}
		return bytes.Compare(a.key, b.key)
	})
	var ns []uint16
	for n, g := range st.invs {
		if g != nil && g.dirty {
			ns = append(ns, uint16(n))
		}
	}
	idVals, invVals := make([][]byte, len(dirty)), make([][]byte, len(ns))
	var encErr error
	encode := func() {
		for i, g := range dirty {
			if !g.empty() {
				idVals[i] = g.encode()
			}
		}
		for i, n := range ns {
			if g := st.invs[n]; !g.empty() {
				if invVals[i], encErr = g.encode(); encErr != nil {
					return
				}
			}
		}
	}
	var err error
	if len(st.blocks) >= parallelFlush && len(dirty)+len(ns) >= parallelFlush {
		done := make(chan struct{})
		go func() {
			defer close(done)
			encode()
		}()
		err = tx.flushBlocks()
		<-done
	} else {
		encode()
		err = tx.flushBlocks()
	}
	if err != nil {
		return err
	}
	if encErr != nil {
		return fmt.Errorf("invoice index: %w", encErr)
	}
	for i, g := range dirty {
		b, err := tx.bucket(g.bucket)
		if err != nil {
			return err
		}
		if idVals[i] == nil {
			err = b.Delete(g.key)
		} else {
			err = b.Put(g.key, idVals[i])
		}
		if err != nil {
			return fmt.Errorf("index %s: %w", g.bucket, err)
		}
		g.dirty = false
	}
	if len(ns) > 0 {
		b, err := tx.bucket(bSaleInvoices)
		if err != nil {
			return err
		}
		for i, n := range ns {
			if invVals[i] == nil {
				err = b.Delete(invoiceGroupKey(n))
			} else {
				err = b.Put(invoiceGroupKey(n), invVals[i])
			}
			if err != nil {
				return fmt.Errorf("invoice index: %w", err)
			}
			st.invs[n].dirty = false
		}
	}
	return nil
}

// parallelFlush is the number of blocks, and of index groups, from which
// a flush encodes the groups on a second goroutine.
const parallelFlush = 64
