package data

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"sort"

	bolt "go.etcd.io/bbolt"

	"partnerdesk/engine"
)

// The sales of schemas 1-3: one bbolt element per sale (the v1 codec of
// codec.go) and one per sale in each of three indexes. Kept to upgrade
// and to check files of those schemas.
var (
	bLegacySales   = []byte("sales")            // id(8) -> sale (v1 codec)
	bSalesByDate   = []byte("sales_by_date")    // bookdate(4) id(8) -> copy of the sale (schema 2-3), nil (1)
	bSalesByPartnr = []byte("sales_by_partner") // partner(8) bookdate(4) id(8) -> nil (schema 2-3)
	bSalesByInv    = []byte("sales_by_invoice") // partner(8) len(2) invoice line(4) -> id(8)
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

// migrate3to4 moves the sales into blocks with grouped indexes (see
// saleblock.go, saleindex.go) and drops the schema 3 buckets, in the
// upgrade's one transaction. Sales are read in id order, so blocks and
// index groups are written in key order.
func migrate3to4(btx *bolt.Tx) error {
	old := btx.Bucket(bLegacySales)
	if old == nil {
		return errors.New("the sales bucket is missing")
	}
	for _, name := range [][]byte{bSaleBlocks, bCustomers, bSaleDays, bSaleMonths, bSaleInvoices} {
		if _, err := btx.CreateBucketIfNotExists(name); err != nil {
			return fmt.Errorf("create bucket %s: %w", name, err)
		}
	}
	tx := &Tx{btx: btx, s: &Store{version: 4}}
	err := old.ForEach(func(k, v []byte) error {
		var s engine.Sale
		if err := decodeSale(v, &s); err != nil {
			return fmt.Errorf("sale %d: %w", btoi(k), err)
		}
		s.ID = btoi(k)
		if err := tx.indexSale(&s); err != nil {
			return err
		}
		return tx.storeSale(&s)
	})
	if err != nil {
		return err
	}
	if err := tx.flushSales(); err != nil {
		return err
	}
	if err := btx.Bucket(bSaleBlocks).SetSequence(old.Sequence()); err != nil {
		return err
	}
	for _, name := range [][]byte{bLegacySales, bSalesByDate, bSalesByPartnr, bSalesByInv} {
		if btx.Bucket(name) == nil {
			continue
		}
		if err := btx.DeleteBucket(name); err != nil {
			return fmt.Errorf("drop bucket %s: %w", name, err)
		}
	}
	return nil
}

// checkLegacySales checks the sales of a schema 1-3 file (opened
// read-only, not yet upgraded): each index against the records, by digest.
func (tx *Tx) checkLegacySales(rep *Report, ids map[string]*idPresence) error {
	for _, name := range [][]byte{bLegacySales, bSalesByDate, bSalesByInv} {
		if tx.btx.Bucket(name) == nil {
			rep.addf("The bucket %s is missing.", name)
			return nil
		}
	}
	seed := newIndexSeed()
	type pair struct {
		name        []byte
		want, found indexSum
	}
	idx := []*pair{{name: bSalesByDate}, {name: bSalesByInv}}
	if tx.btx.Bucket(bSalesByPartnr) != nil {
		idx = append(idx, &pair{name: bSalesByPartnr})
	}
	for _, p := range idx {
		p.want.h.SetSeed(seed)
		p.found.h.SetSeed(seed)
	}
	v1 := tx.s.version < 2
	empty := []byte{}
	n := 0
	err := tx.btx.Bucket(bLegacySales).ForEach(func(k, v []byte) error {
		var s engine.Sale
		if err := decodeSale(v, &s); err != nil {
			rep.addf("Sale %d cannot be read: %v.", btoi(k), err)
			return nil
		}
		n++
		s.ID = btoi(k)
		tx.checkSaleRefs(rep, ids, &s)
		if v1 {
			idx[0].want.add(byDateKey(&s), empty)
		} else {
			idx[0].want.add(byDateKey(&s), v)
		}
		if s.Invoice != "" {
			idx[1].want.add(invoiceKey(s.PartnerID, s.Invoice, s.Line), k)
		}
		if len(idx) > 2 {
			idx[2].want.add(byPartnerKey(&s), empty)
		}
		return nil
	})
	if err != nil {
		return err
	}
	rep.Counts[KindSale] = n
	for _, p := range idx {
		tx.btx.Bucket(p.name).ForEach(func(k, v []byte) error {
			p.found.add(k, v)
			return nil
		})
		if p.want.n != p.found.n || p.want.sum != p.found.sum {
			rep.addf("The index %s does not agree with the sales (%d entries for %d expected).", p.name, p.found.n, p.want.n)
		}
	}
	return nil
}

// legacyIndexKeysSorted is used by migrate1to2: index keys written in
// order (bbolt is slow at random inserts in one transaction).
func putSorted(b *bolt.Bucket, es []legacyEntry) error {
	sort.Slice(es, func(i, j int) bool { return bytes.Compare(es[i].key, es[j].key) < 0 })
	for _, e := range es {
		if err := b.Put(e.key, e.val); err != nil {
			return err
		}
	}
	return nil
}

type legacyEntry struct{ key, val []byte }
