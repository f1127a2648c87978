package data

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"partnerdesk/engine"
)

// byDateKey: bookdate(4) id(8).
func byDateKey(s *engine.Sale) []byte {
	k := make([]byte, 12)
	binary.BigEndian.PutUint32(k, dateKey(s.BookDate()))
	binary.BigEndian.PutUint64(k[4:], uint64(s.ID))
	return k
}

// byPartnerKey: partner(8) bookdate(4) id(8).
func byPartnerKey(s *engine.Sale) []byte {
	k := make([]byte, 20)
	binary.BigEndian.PutUint64(k, uint64(s.PartnerID))
	binary.BigEndian.PutUint32(k[8:], dateKey(s.BookDate()))
	binary.BigEndian.PutUint64(k[12:], uint64(s.ID))
	return k
}

// invoicePrefix: partner(8) len(2) invoice; the line follows in invoiceKey.
func invoicePrefix(pid engine.ID, invoice string) []byte {
	k := make([]byte, 10, 14+len(invoice))
	binary.BigEndian.PutUint64(k, uint64(pid))
	binary.BigEndian.PutUint16(k[8:], uint16(len(invoice)))
	return append(k, invoice...)
}

func invoiceKey(pid engine.ID, invoice string, line int) []byte {
	return binary.BigEndian.AppendUint32(invoicePrefix(pid, invoice), uint32(int32(line))^0x80000000)
}

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
		if len(r.Invoice) > 0xffff {
			return engine.Invalid("invoice", "an invoice number may not be longer than 65535 bytes")
		}
		v, err := tx.indexGet(bSalesByInv, invoiceKey(r.PartnerID, r.Invoice, r.Line))
		if err != nil {
			return err
		}
		if v != nil && btoi(v) != r.ID {
			return fmt.Errorf("sale of partner %d invoice %q line %d: sale %d already holds it: %w",
				r.PartnerID, r.Invoice, r.Line, btoi(v), engine.ErrDuplicate)
		}
	case *engine.RewardLine:
		if r.Period == "" || len(r.Period) > 0xffff {
			return engine.Invalid("period", "a reward line needs a period")
		}
	}
	return nil
}

// index writes the index entries of rec (after its id is set); enc is
// the record as stored. The date index holds a copy of each sale, so that
// a period's sales are one sequential scan with no lookup per sale.
func (tx *Tx) index(k *kindInfo, rec any, enc []byte) error {
	switch r := rec.(type) {
	case *engine.Sale:
		if err := tx.putIndex(bSalesByDate, byDateKey(r), enc); err != nil {
			return err
		}
		if err := tx.putIndex(bSalesByPartnr, byPartnerKey(r), nil); err != nil {
			return err
		}
		if r.Invoice != "" {
			return tx.putIndex(bSalesByInv, invoiceKey(r.PartnerID, r.Invoice, r.Line), itob(r.ID))
		}
	case *engine.RewardLine:
		return tx.putIndex(bLinesByPeriod, lineKey(r.Period, r.ID), nil)
	}
	return nil
}

// unindex removes the index entries of a stored version (nil: none).
func (tx *Tx) unindex(k *kindInfo, rec any) error {
	switch r := rec.(type) {
	case *engine.Sale:
		if err := tx.delIndex(bSalesByDate, byDateKey(r)); err != nil {
			return err
		}
		if err := tx.delIndex(bSalesByPartnr, byPartnerKey(r)); err != nil {
			return err
		}
		if r.Invoice != "" {
			return tx.delIndex(bSalesByInv, invoiceKey(r.PartnerID, r.Invoice, r.Line))
		}
	case *engine.RewardLine:
		return tx.delIndex(bLinesByPeriod, lineKey(r.Period, r.ID))
	}
	return nil
}

// SalesBetween calls fn for every sale whose BookDate lies in from..to
// (inclusive), in date then id order, read through the date index; return
// Stop from fn to end early. Each sale is a fresh copy.
func (tx *Tx) SalesBetween(from, to engine.Date, fn func(*engine.Sale) error) error {
	if err := tx.flush(); err != nil {
		return err
	}
	idx, err := tx.bucket(bSalesByDate)
	if err != nil {
		return err
	}
	start := binary.BigEndian.AppendUint32(nil, dateKey(from))
	return tx.salesFromIndex(idx, start, 0, from, to, fn)
}

// SalesOfPartner calls fn for every sale of partner pid whose BookDate lies
// in from..to (inclusive), through the partner index.
func (tx *Tx) SalesOfPartner(pid engine.ID, from, to engine.Date, fn func(*engine.Sale) error) error {
	if err := tx.flush(); err != nil {
		return err
	}
	idx, err := tx.bucket(bSalesByPartnr)
	if err != nil {
		return err
	}
	start := binary.BigEndian.AppendUint64(nil, uint64(pid))
	start = binary.BigEndian.AppendUint32(start, dateKey(from))
	return tx.salesFromIndex(idx, start, 8, from, to, fn)
}

// salesFromIndex walks an index whose keys are prefix(skip) date(4) id(8)
// from start while the prefix matches and the date is <= to, and reads
// each sale from the sales bucket.
func (tx *Tx) salesFromIndex(idx *bolt.Bucket, start []byte, skip int, from, to engine.Date, fn func(*engine.Sale) error) error {
	if to < from {
		return nil
	}
	sales, err := tx.bucket(kindByName[KindSale].bucket)
	if err != nil {
		return err
	}
	prefix := start[:skip]
	end := dateKey(to)
	c := idx.Cursor()
	for k, v := c.Seek(start); k != nil; k, v = c.Next() {
		if len(k) != skip+12 || !bytes.HasPrefix(k, prefix) {
			break
		}
		if binary.BigEndian.Uint32(k[skip:]) > end {
			break
		}
		id := engine.ID(binary.BigEndian.Uint64(k[skip+4:]))
		if len(v) == 0 {
			// Only the date index carries the sale; the others point at it.
			v = sales.Get(k[skip+4:])
		}
		if v == nil {
			return fmt.Errorf("sales index points at sale %d, which does not exist: run check", id)
		}
		s := new(engine.Sale)
		if err := decodeSale(v, s); err != nil {
			return fmt.Errorf("decode sale %d: %w", id, err)
		}
		s.ID = id
		if err := fn(s); err != nil {
			if errors.Is(err, Stop) {
				return nil
			}
			return err
		}
	}
	return nil
}

// partnerSaleCount counts pid's sales, stopping at max (0: no limit).
func (tx *Tx) partnerSaleCount(pid engine.ID, max int) (int, error) {
	if err := tx.flush(); err != nil {
		return 0, err
	}
	b, err := tx.bucket(bSalesByPartnr)
	if err != nil {
		return 0, err
	}
	prefix := itob(pid)
	n := 0
	c := b.Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		n++
		if max > 0 && n >= max {
			break
		}
	}
	return n, nil
}

// SaleByInvoiceLine returns the sale holding partner pid's invoice line;
// errors wrap engine.ErrNotFound.
func (tx *Tx) SaleByInvoiceLine(pid engine.ID, invoice string, line int) (*engine.Sale, error) {
	if err := tx.flush(); err != nil {
		return nil, err
	}
	b, err := tx.bucket(bSalesByInv)
	if err != nil {
		return nil, err
	}
	v := b.Get(invoiceKey(pid, invoice, line))
	if v == nil {
		return nil, fmt.Errorf("sale of partner %d invoice %q line %d: %w", pid, invoice, line, engine.ErrNotFound)
	}
	return Get[engine.Sale](tx, btoi(v))
}

// SalesByInvoice returns every line of partner pid's invoice, in line order.
func (tx *Tx) SalesByInvoice(pid engine.ID, invoice string) ([]engine.Sale, error) {
	if err := tx.flush(); err != nil {
		return nil, err
	}
	b, err := tx.bucket(bSalesByInv)
	if err != nil {
		return nil, err
	}
	prefix := invoicePrefix(pid, invoice)
	var out []engine.Sale
	c := b.Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		if len(k) != len(prefix)+4 {
			continue
		}
		s, err := Get[engine.Sale](tx, btoi(v))
		if err != nil {
			return nil, fmt.Errorf("invoice index of %q: %w", invoice, err)
		}
		out = append(out, *s)
	}
	return out, nil
}

// LastSaleID returns the highest sale id handed out so far (0: none). A
// period records it when it closes: a sale dated in the period with a
// higher id was entered after the close (a late sale).
func (tx *Tx) LastSaleID() (engine.ID, error) {
	b, err := tx.bucket(kindByName[KindSale].bucket)
	if err != nil {
		return 0, err
	}
	return engine.ID(b.Sequence()), nil
}
