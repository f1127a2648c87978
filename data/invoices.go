package data

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"sort"

	bolt "go.etcd.io/bbolt"

	"partnerdesk/engine"
)

// Self-billing numbers (engine.InvoiceNo) live beside the payouts in two
// buckets of their own, so that numbering a payout dated in a closed
// period (an older file's payouts) never changes the payout record:
//
//	invoice_numbers    year(2) seq(4) -> payout id(8)
//	invoice_by_payout  payout id(8)   -> year(2) seq(4)
//
// and meta["invoices_through"] holds the highest payout id already
// considered, so numbering reads only the payouts recorded since.
// A number is assigned in the write transaction that records its payout
// (or, for payouts of files written before numbering existed, in the first
// write transaction that numbers: a payout or the first print), so a crash
// leaves either the payout with its number or neither: no gap, no
// duplicate. The buckets are created on first use.
var (
	bInvoiceNos       = []byte("invoice_numbers")
	bInvoiceByPayout  = []byte("invoice_by_payout")
	keyInvoiceThrough = []byte("invoices_through")
)

// KindInvoiceNumber names number assignments in the audit trail.
const KindInvoiceNumber = "invoice_number"

func sbKey(n engine.InvoiceNo) []byte {
	k := make([]byte, 6)
	binary.BigEndian.PutUint16(k, uint16(n.Year))
	binary.BigEndian.PutUint32(k[2:], uint32(n.Seq))
	return k
}

func sbFromKey(k []byte) engine.InvoiceNo {
	if len(k) != 6 {
		return engine.InvoiceNo{}
	}
	return engine.InvoiceNo{Year: int(binary.BigEndian.Uint16(k)), Seq: int(binary.BigEndian.Uint32(k[2:]))}
}

// NumberPayouts gives every payout that gets a self-billed document
// (engine.SelfBilled) and has no number yet the next number of its year,
// in payout date order (then id), and returns the numbers it gave. It is
// called in the transaction that records a payout, after the payout is
// put; the first call on an older file numbers all its payouts.
func (tx *Tx) NumberPayouts() ([]engine.NumberedPayout, error) {
	if err := tx.writable(); err != nil {
		return nil, err
	}
	nos, err := tx.btx.CreateBucketIfNotExists(bInvoiceNos)
	if err != nil {
		return nil, fmt.Errorf("invoice numbers: %w", err)
	}
	byPayout, err := tx.btx.CreateBucketIfNotExists(bInvoiceByPayout)
	if err != nil {
		return nil, fmt.Errorf("invoice numbers: %w", err)
	}
	meta, err := tx.btx.CreateBucketIfNotExists(bMeta)
	if err != nil {
		return nil, err
	}
	var through engine.ID
	if v := meta.Get(keyInvoiceThrough); len(v) == 8 {
		through = btoi(v)
	}
	k := kindByName[KindPayout]
	pb, err := tx.bucket(k.bucket)
	if err != nil {
		return nil, err
	}
	var todo []engine.Payout
	last := through
	c := pb.Cursor()
	for key, v := c.Seek(itob(through + 1)); key != nil; key, v = c.Next() {
		var po engine.Payout
		if err := decode(k, btoi(key), v, &po); err != nil {
			return nil, err
		}
		last = po.ID
		if engine.SelfBilled(po) && byPayout.Get(itob(po.ID)) == nil {
			todo = append(todo, po)
		}
	}
	sort.SliceStable(todo, func(i, j int) bool {
		if todo[i].Date != todo[j].Date {
			return todo[i].Date < todo[j].Date
		}
		return todo[i].ID < todo[j].ID
	})
	var out []engine.NumberedPayout
	for _, po := range todo {
		n := engine.InvoiceNo{Year: engine.InvoiceYear(po), Seq: lastSeq(nos, engine.InvoiceYear(po)) + 1}
		if n.Year < 1 || n.Year > 0xFFFF {
			return nil, fmt.Errorf("payout %d: date %s has no year a self-billing number can carry", po.ID, po.Date)
		}
		if err := nos.Put(sbKey(n), itob(po.ID)); err != nil {
			return nil, fmt.Errorf("number payout %d: %w", po.ID, err)
		}
		if err := byPayout.Put(itob(po.ID), sbKey(n)); err != nil {
			return nil, fmt.Errorf("number payout %d: %w", po.ID, err)
		}
		if err := tx.Audit("create", KindInvoiceNumber, po.ID, nil, map[string]string{"number": n.String(), "kind": string(engine.DocKindOf(po.Amount))}); err != nil {
			return nil, err
		}
		out = append(out, engine.NumberedPayout{Payout: po.ID, Date: po.Date, No: n})
	}
	if last != through {
		if err := meta.Put(keyInvoiceThrough, itob(last)); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// lastSeq is the highest number given in year (0 for none).
func lastSeq(nos *bolt.Bucket, year int) int {
	c := nos.Cursor()
	next := sbKey(engine.InvoiceNo{Year: year + 1})
	k, _ := c.Seek(next)
	if k == nil {
		k, _ = c.Last()
	} else {
		k, _ = c.Prev()
	}
	if n := sbFromKey(k); k != nil && n.Year == year {
		return n.Seq
	}
	return 0
}

// InvoiceNumber returns the self-billing number of a payout; ok is false
// while it has none (a rep's payout, or an older file not yet numbered).
func (tx *Tx) InvoiceNumber(payout engine.ID) (n engine.InvoiceNo, ok bool) {
	b := tx.btx.Bucket(bInvoiceByPayout)
	if b == nil {
		return n, false
	}
	v := b.Get(itob(payout))
	if v == nil {
		return n, false
	}
	return sbFromKey(v), true
}

// PayoutOfInvoice returns the payout a self-billing number was given to.
func (tx *Tx) PayoutOfInvoice(n engine.InvoiceNo) (engine.ID, bool) {
	b := tx.btx.Bucket(bInvoiceNos)
	if b == nil {
		return 0, false
	}
	v := b.Get(sbKey(n))
	if len(v) != 8 {
		return 0, false
	}
	return btoi(v), true
}

// InvoiceNumbers returns every payout's self-billing number.
func (tx *Tx) InvoiceNumbers() (map[engine.ID]engine.InvoiceNo, error) {
	out := map[engine.ID]engine.InvoiceNo{}
	b := tx.btx.Bucket(bInvoiceByPayout)
	if b == nil {
		return out, nil
	}
	err := b.ForEach(func(k, v []byte) error {
		out[btoi(k)] = sbFromKey(v)
		return nil
	})
	return out, err
}

// checkInvoices verifies the self-billing numbers: each year's numbers are
// 1..n with no gap and none twice, the two buckets agree, every number
// names an existing payout of a partner dated in the number's year, and
// every partner payout up to the numbered mark has its number.
func (tx *Tx) checkInvoices(rep *Report) error {
	nos := tx.btx.Bucket(bInvoiceNos)
	byPayout := tx.btx.Bucket(bInvoiceByPayout)
	if nos == nil && byPayout == nil {
		return nil // never numbered: an older file, numbered on its first payout or print
	}
	if nos == nil || byPayout == nil {
		rep.addf("Self-billing numbers: one of the buckets %s and %s is missing.", bInvoiceNos, bInvoiceByPayout)
		return nil
	}
	k := kindByName[KindPayout]
	pb := tx.btx.Bucket(k.bucket)
	payouts := map[engine.ID]engine.Payout{}
	if pb != nil {
		err := pb.ForEach(func(key, v []byte) error {
			var po engine.Payout
			if err := decode(k, btoi(key), v, &po); err != nil {
				return err
			}
			payouts[po.ID] = po
			return nil
		})
		if err != nil {
			return err
		}
	}
	var all []engine.NumberedPayout
	err := nos.ForEach(func(key, v []byte) error {
		n := sbFromKey(key)
		if n.IsZero() || len(v) != 8 {
			rep.addf("Self-billing numbers: a damaged entry %x.", key)
			return nil
		}
		id := btoi(v)
		po, ok := payouts[id]
		if !ok {
			rep.addf("Self-billing number %s names payout %d, which does not exist.", n, id)
		} else if !engine.SelfBilled(po) {
			rep.addf("Self-billing number %s was given to payout %d of a %s, which gets no self-billed document.", n, id, po.Payee.Kind)
		}
		if back := byPayout.Get(itob(id)); !bytes.Equal(back, key) {
			rep.addf("Self-billing number %s names payout %d, but that payout's number reads %s.", n, id, sbFromKey(back))
		}
		all = append(all, engine.NumberedPayout{Payout: id, Date: po.Date, No: n})
		return nil
	})
	if err != nil {
		return err
	}
	err = byPayout.ForEach(func(key, v []byte) error {
		if got := nos.Get(v); got == nil || !bytes.Equal(got, key) {
			all = append(all, engine.NumberedPayout{Payout: btoi(key), Date: payouts[btoi(key)].Date, No: sbFromKey(v)})
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, p := range engine.InvoiceSequenceProblems(all) {
		rep.addf("Self-billing numbers: %s.", p)
	}
	var through engine.ID
	if m := tx.btx.Bucket(bMeta); m != nil {
		if v := m.Get(keyInvoiceThrough); len(v) == 8 {
			through = btoi(v)
		}
	}
	ids := make([]engine.ID, 0, len(payouts))
	for id := range payouts {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	for _, id := range ids {
		if id <= through && engine.SelfBilled(payouts[id]) && byPayout.Get(itob(id)) == nil {
			rep.addf("Payout %d to partner %d has no self-billing number.", id, payouts[id].Payee.ID)
		}
	}
	return nil
}
