package data

import (
	"encoding/binary"
	"fmt"
	"slices"

	"partnerdesk/engine"
)

// LastSales returns the limit sales entered last, newest first.
func (tx *Tx) LastSales(limit int) ([]engine.Sale, error) {
	var out []engine.Sale
	err := EachNewest(tx, func(s *engine.Sale) error {
		if len(out) >= limit {
			return Stop
		}
		out = append(out, *s)
		return nil
	})
	return out, err
}

// AppendSalesBetween appends every sale whose BookDate lies in from..to to
// dst, in date then id order. It sizes dst with a scan of the index keys
// first and decodes each sale straight into the slice, sharing the values
// that repeat (decimals, customers, an invoice's lines): a period's
// computation reads a million sales without millions of small allocations.
// The sales share immutable values with each other, never with the file.
func (tx *Tx) AppendSalesBetween(dst []engine.Sale, from, to engine.Date) ([]engine.Sale, error) {
	if to < from {
		return dst, nil
	}
	if err := tx.flush(); err != nil {
		return dst, err
	}
	idx, err := tx.bucket(bSalesByDate)
	if err != nil {
		return dst, err
	}
	sales, err := tx.bucket(kindByName[KindSale].bucket)
	if err != nil {
		return dst, err
	}
	start := binary.BigEndian.AppendUint32(nil, dateKey(from))
	end := dateKey(to)
	n := 0
	c := idx.Cursor()
	for k, _ := c.Seek(start); k != nil && len(k) == 12 && binary.BigEndian.Uint32(k) <= end; k, _ = c.Next() {
		n++
	}
	dst = slices.Grow(dst, n)
	shared := newSaleCache()
	for k, v := c.Seek(start); k != nil && len(k) == 12 && binary.BigEndian.Uint32(k) <= end; k, v = c.Next() {
		id := engine.ID(binary.BigEndian.Uint64(k[4:]))
		if len(v) == 0 {
			v = sales.Get(k[4:])
		}
		if v == nil {
			return dst, fmt.Errorf("sales index points at sale %d, which does not exist: run check", id)
		}
		// Room was made above; decodeSaleShared sets every field.
		if len(dst) < cap(dst) {
			dst = dst[:len(dst)+1]
		} else {
			dst = append(dst, engine.Sale{})
		}
		s := &dst[len(dst)-1]
		if err := decodeSaleShared(v, s, shared); err != nil {
			return dst, fmt.Errorf("decode sale %d: %w", id, err)
		}
		s.ID = id
	}
	return dst, nil
}

// Version identifies the committed state a transaction sees: it changes
// with every committed write, so callers can cache what they derive from
// the store (a period's nudges) until the next change.
func (tx *Tx) Version() int { return tx.btx.ID() }
