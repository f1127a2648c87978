package data

import (
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"

	"partnerdesk/engine"
)

// lineKey: len(2) period id(8).
func lineKey(period string, id engine.ID) []byte {
	return binary.BigEndian.AppendUint64(linePrefix(period), uint64(id))
}

func linePrefix(period string) []byte {
	k := make([]byte, 2, 10+len(period))
	binary.BigEndian.PutUint16(k, uint16(len(period)))
	return append(k, period...)
}

// precheck refuses a new version that would break a uniqueness index,
// before anything is written.
func (tx *Tx) precheck(k *kindInfo, rec any) error {
	switch r := rec.(type) {
	case *engine.Sale:
		if r.Invoice == "" {
			return nil
		}
		held, err := tx.invoiceLines(r.PartnerID, r.Invoice, r.Line)
		if err != nil {
			return err
		}
		for _, h := range held {
			if h.ID != r.ID {
				return fmt.Errorf("sale of partner %d invoice %q line %d: sale %d already holds it: %w",
					r.PartnerID, r.Invoice, r.Line, h.ID, engine.ErrDuplicate)
			}
		}
	case *engine.RewardLine:
		if r.Period == "" || len(r.Period) > 0xffff {
			return engine.Invalid("period", "a reward line needs a period")
		}
	}
	return nil
}

// index writes the index entries of rec (after its id is set).
func (tx *Tx) index(k *kindInfo, rec any) error {
	switch r := rec.(type) {
	case *engine.Sale:
		return tx.indexSale(r)
	case *engine.RewardLine:
		return tx.putIndex(bLinesByPeriod, lineKey(r.Period, r.ID), nil)
	}
	return nil
}

// unindex removes the index entries of a stored version (nil: none).
func (tx *Tx) unindex(k *kindInfo, rec any) error {
	switch r := rec.(type) {
	case *engine.Sale:
		return tx.unindexSale(r)
	case *engine.RewardLine:
		return tx.delIndex(bLinesByPeriod, lineKey(r.Period, r.ID))
	}
	return nil
}

// SalesBetween calls fn for every sale whose BookDate lies in from..to
// (inclusive), in date then id order; return Stop from fn to end early.
// Each sale is a fresh copy.
func (tx *Tx) SalesBetween(from, to engine.Date, fn func(*engine.Sale) error) error {
	return tx.eachSaleBetween(from, to, fn)
}

// AnySaleBetween reports whether a sale is booked from..to, from the day
// index alone.
func (tx *Tx) AnySaleBetween(from, to engine.Date) (bool, error) {
	days, _, err := tx.daysBetween(from, to)
	return len(days) > 0, err
}

// AppendSalesBetween appends every sale whose BookDate lies in from..to to
// dst, in date then id order, decoding each block straight into the slice
// (on every core for a long read) and sharing the values that repeat
// (decimals, customers, an invoice's lines): a period's computation reads
// a million sales without millions of small allocations. The sales share
// immutable values with each other, never with the file.
func (tx *Tx) AppendSalesBetween(dst []engine.Sale, from, to engine.Date) ([]engine.Sale, error) {
	days, _, err := tx.daysBetween(from, to)
	if err != nil {
		return dst, err
	}
	return tx.appendDays(dst, days)
}

// SalesOfPartner calls fn for every sale of partner pid whose BookDate lies
// in from..to (inclusive), in date then id order, through the partner
// index.
func (tx *Tx) SalesOfPartner(pid engine.ID, from, to engine.Date, fn func(*engine.Sale) error) error {
	if to < from {
		return nil
	}
	ids, err := tx.partnerIDs(pid, from, to)
	if err != nil {
		return err
	}
	var out []engine.Sale
	var blk *saleBlock
	var blkN uint64
	for _, id := range ids {
		if blk == nil || blockOf(id) != blkN {
			blkN = blockOf(id)
			if blk, err = tx.readBlock(blkN); err != nil {
				return err
			}
		}
		s := findRow(blk.rows, id)
		if s == nil {
			return fmt.Errorf("the partner index names sale %d, which does not exist: run check", id)
		}
		if bd := s.BookDate(); bd >= from && bd <= to {
			out = append(out, *s)
		}
	}
	// Ids ascend; a stable sort by booking day gives day then id order.
	slices.SortStableFunc(out, func(a, b engine.Sale) int { return cmp.Compare(a.BookDate(), b.BookDate()) })
	for i := range out {
		if err := fn(&out[i]); err != nil {
			if errors.Is(err, Stop) {
				return nil
			}
			return err
		}
	}
	return nil
}

// readBlock is loadBlock without keeping the block among the changes: the
// block changed in the transaction, else the one read last, else decoded
// from the file (and kept as the one read last).
func (tx *Tx) readBlock(n uint64) (*saleBlock, error) {
	st := tx.saleState()
	if b := st.blocks[n]; b != nil {
		return b, nil
	}
	if st.lastRead != nil && st.lastN == n {
		return st.lastRead, nil
	}
	bk, err := tx.bucket(bSaleBlocks)
	if err != nil {
		return nil, err
	}
	blk := &saleBlock{}
	if v := bk.Get(blockKey(n)); v != nil {
		err = tx.decoder().decode(n, v, func(s *engine.Sale) error {
			blk.rows = append(blk.rows, *s)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	st.lastRead, st.lastN = blk, n
	return blk, nil
}

// partnerIDs returns, ascending, the ids of partner pid's sales booked in
// the months from..to touch.
func (tx *Tx) partnerIDs(pid engine.ID, from, to engine.Date) ([]engine.ID, error) {
	if err := tx.flush(); err != nil {
		return nil, err
	}
	b, err := tx.bucket(bSaleMonths)
	if err != nil {
		return nil, err
	}
	end := monthBound(to)
	var ids []engine.ID
	c := b.Cursor()
	start := binary.BigEndian.AppendUint32(itob(pid), monthBound(from))
	for k, v := c.Seek(start); k != nil && len(k) == 12 && engine.ID(binary.BigEndian.Uint64(k)) == pid; k, v = c.Next() {
		if binary.BigEndian.Uint32(k[8:]) > end {
			break
		}
		if ids, err = decodeIDSet(ids, v); err != nil {
			return nil, fmt.Errorf("the partner index of partner %d: %w: run check", pid, err)
		}
	}
	slices.Sort(ids)
	return ids, nil
}

// monthBound is the month key of d's month; days far outside the years a
// sale can have (an open end of a range) are the lowest or highest key.
func monthBound(d engine.Date) uint32 {
	switch {
	case d < engine.NewDate(1000, 1, 1):
		return 0
	case d > engine.NewDate(3000, 1, 1):
		return math.MaxUint32
	}
	return dateKey(monthStart(d))
}

// partnerSaleCount counts pid's sales, stopping at max (0: no limit).
func (tx *Tx) partnerSaleCount(pid engine.ID, max int) (int, error) {
	if err := tx.flush(); err != nil {
		return 0, err
	}
	b, err := tx.bucket(bSaleMonths)
	if err != nil {
		return 0, err
	}
	n := 0
	c := b.Cursor()
	for k, v := c.Seek(itob(pid)); k != nil && len(k) == 12 && engine.ID(binary.BigEndian.Uint64(k)) == pid; k, v = c.Next() {
		m, err := idSetLen(v)
		if err != nil {
			return 0, fmt.Errorf("the partner index of partner %d: %w: run check", pid, err)
		}
		n += m
		if max > 0 && n >= max {
			break
		}
	}
	return n, nil
}

// SaleByInvoiceLine returns the sale holding partner pid's invoice line;
// errors wrap engine.ErrNotFound.
func (tx *Tx) SaleByInvoiceLine(pid engine.ID, invoice string, line int) (*engine.Sale, error) {
	ss, err := tx.invoiceLines(pid, invoice, line)
	if err != nil {
		return nil, err
	}
	if len(ss) == 0 {
		return nil, fmt.Errorf("sale of partner %d invoice %q line %d: %w", pid, invoice, line, engine.ErrNotFound)
	}
	return &ss[0], nil
}

// InvoiceLineID returns the id of the sale holding partner pid's invoice
// line, and whether there is one.
func (tx *Tx) InvoiceLineID(pid engine.ID, invoice string, line int) (engine.ID, bool, error) {
	ss, err := tx.invoiceLines(pid, invoice, line)
	if err != nil || len(ss) == 0 {
		return 0, false, err
	}
	return ss[0].ID, true, nil
}

// SalesByInvoice returns every line of partner pid's invoice, in line order.
func (tx *Tx) SalesByInvoice(pid engine.ID, invoice string) ([]engine.Sale, error) {
	return tx.invoiceLines(pid, invoice, -1)
}

// LastSaleID returns the highest sale id handed out so far (0: none). A
// period records it when it closes: a sale dated in the period with a
// higher id was entered after the close (a late sale).
func (tx *Tx) LastSaleID() (engine.ID, error) {
	b, err := tx.bucket(bSaleBlocks)
	if err != nil {
		return 0, err
	}
	return engine.ID(b.Sequence()), nil
}
