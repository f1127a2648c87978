package data

import (
	"bytes"
	"encoding/binary"
	"slices"

	"partnerdesk/engine"
)

func isSaleBucket(name []byte) bool {
	for _, b := range [][]byte{bSaleBlocks, bCustomers, bSaleDays, bSaleMonths, bSaleInvoices} {
		if bytes.Equal(b, name) {
			return true
		}
	}
	return false
}

// checkSales checks the sales of schema 4: every block decodes, rows in
// id order within their block's range, every customer in the dictionary
// both ways, the sequence at or past the last id, and the three indexes
// exactly what the sales call for. The indexes are compared by digest
// (see indexSum): one pass over the blocks and one over each index, in
// constant memory; only when a digest differs are the groups rebuilt and
// compared one by one to name the sales (explainSaleGroups).
func (tx *Tx) checkSales(rep *Report, ids map[string]*idPresence) error {
	tx.checkCustomers(rep)
	names, err := tx.allCustomerNames()
	if err != nil {
		rep.addf("The customers dictionary cannot be read: %v.", err)
		return nil
	}
	seed := newIndexSeed()
	var want, found [3]indexSum // day, partner month, invoice
	for i := range want {
		want[i].h.SetSeed(seed)
		found[i].h.SetSeed(seed)
	}
	var lastDay, lastMonth engine.Date
	var buf [24]byte
	blocks := tx.btx.Bucket(bSaleBlocks)
	dec := newBlockDecoder(names)
	n := 0
	var last engine.ID
	c := blocks.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		if len(k) != 8 {
			rep.addf("The sale blocks hold a bad key %x.", k)
			continue
		}
		bn := binary.BigEndian.Uint64(k)
		rows := 0
		err := dec.decode(bn, v, func(s *engine.Sale) error {
			n++
			rows++
			last = s.ID
			tx.checkSaleRefs(rep, ids, s)
			bd := s.BookDate()
			if bd != lastDay || lastMonth == 0 {
				lastDay, lastMonth = bd, monthStart(bd)
			}
			id := binary.BigEndian.AppendUint64(buf[16:16], uint64(s.ID))
			want[0].add(binary.BigEndian.AppendUint32(buf[:0], dateKey(bd)), id)
			mk := binary.BigEndian.AppendUint64(buf[:0], uint64(s.PartnerID))
			want[1].add(binary.BigEndian.AppendUint32(mk, dateKey(lastMonth)), id)
			if s.Invoice != "" {
				g, fp := invoiceHash(s.PartnerID, s.Invoice)
				want[2].add(invoiceEntryKey(buf[:0], g, invoiceEntry{fp, s.Line, s.ID}), nil)
			}
			return nil
		})
		if err != nil {
			rep.addf("The sales of block %d (ids %d-%d) cannot be read: %v.", bn, bn<<saleBlockBits, bn<<saleBlockBits|(saleBlockCap-1), err)
		} else if rows == 0 {
			rep.addf("The sale block %d is empty.", bn)
		}
	}
	rep.Counts[KindSale] = n
	if seq := engine.ID(blocks.Sequence()); last > seq {
		rep.addf("Sale %d is beyond the last sale id handed out (%d).", last, seq)
	}
	for i, bucket := range [][]byte{bSaleDays, bSaleMonths} {
		tx.btx.Bucket(bucket).ForEach(func(k, v []byte) error {
			got, err := decodeIDSet(nil, v)
			if err != nil {
				rep.addf("The index %s entry %x cannot be read: %v.", bucket, k, err)
				return nil
			}
			for _, id := range got {
				found[i].add(k, binary.BigEndian.AppendUint64(buf[16:16], uint64(id)))
			}
			return nil
		})
	}
	tx.btx.Bucket(bSaleInvoices).ForEach(func(k, v []byte) error {
		es, err := decodeInvoiceGroup(v)
		if err != nil || len(k) != 2 {
			rep.addf("The invoice index group %x cannot be read: %v.", k, err)
			return nil
		}
		for _, e := range es {
			found[2].add(invoiceEntryKey(buf[:0], binary.BigEndian.Uint16(k), e), nil)
		}
		return nil
	})
	for i := range want {
		if want[i].n != found[i].n || want[i].sum != found[i].sum {
			tx.explainSaleGroups(rep, names)
			break
		}
	}
	return nil
}

// invoiceEntryKey is an invoice index entry as bytes, for a digest.
func invoiceEntryKey(b []byte, g uint16, e invoiceEntry) []byte {
	b = binary.BigEndian.AppendUint16(b, g)
	b = binary.BigEndian.AppendUint32(b, e.fp)
	b = binary.AppendVarint(b, int64(e.line))
	return binary.BigEndian.AppendUint64(b, uint64(e.id))
}

// explainSaleGroups rebuilds every index group from the blocks and
// compares them one by one, naming each sale missing from a group or
// wrongly in one: slower and in memory, so it runs only when a digest
// differs.
func (tx *Tx) explainSaleGroups(rep *Report, names customerList) {
	days := map[engine.Date][]engine.ID{}
	months := map[monthRef][]engine.ID{}
	invs := make([][]invoiceEntry, 1<<16)
	dec := newBlockDecoder(names)
	tx.btx.Bucket(bSaleBlocks).ForEach(func(k, v []byte) error {
		if len(k) != 8 {
			return nil
		}
		dec.decode(binary.BigEndian.Uint64(k), v, func(s *engine.Sale) error {
			bd := s.BookDate()
			days[bd] = append(days[bd], s.ID)
			mk := monthRef{s.PartnerID, monthStart(bd)}
			months[mk] = append(months[mk], s.ID)
			if s.Invoice != "" {
				g, fp := invoiceHash(s.PartnerID, s.Invoice)
				invs[g] = append(invs[g], invoiceEntry{fp, s.Line, s.ID})
			}
			return nil
		})
		return nil
	})
	byDay := make(map[string][]engine.ID, len(days))
	for d, set := range days {
		byDay[string(dayKey(d))] = set
	}
	byMonth := make(map[string][]engine.ID, len(months))
	for m, set := range months {
		byMonth[string(monthKey(m.pid, m.month))] = set
	}
	tx.compareIDGroups(rep, bSaleDays, "day", byDay)
	tx.compareIDGroups(rep, bSaleMonths, "partner", byMonth)
	tx.compareInvoiceGroups(rep, invs)
}

func (tx *Tx) checkCustomers(rep *Report) {
	b := tx.btx.Bucket(bCustomers)
	b.ForEach(func(k, v []byte) error {
		switch {
		case len(k) > 0 && k[0] == 'n':
			code, m := binary.Uvarint(v)
			if m <= 0 || code == 0 {
				rep.addf("The customer %q has a bad code in the dictionary.", k[1:])
			} else if name := b.Get(customerNameKey(code)); !bytes.Equal(name, k[1:]) {
				rep.addf("The customer %q has code %d, which names %q.", k[1:], code, name)
			}
		case len(k) == 9 && k[0] == 'c':
			code, _ := binary.Uvarint(b.Get(append([]byte{'n'}, v...)))
			if code != binary.BigEndian.Uint64(k[1:]) {
				rep.addf("The customer code %d names %q, whose code is %d.", binary.BigEndian.Uint64(k[1:]), v, code)
			}
		default:
			rep.addf("The customers dictionary holds a bad key %q.", k)
		}
		return nil
	})
}

// compareIDGroups compares an id-set index with the groups the sales call
// for and names each sale missing from it or wrongly in it.
func (tx *Tx) compareIDGroups(rep *Report, bucket []byte, what string, want map[string][]engine.ID) {
	seen := map[string]bool{}
	tx.btx.Bucket(bucket).ForEach(func(k, v []byte) error {
		w := want[string(k)]
		seen[string(k)] = true
		if bytes.Equal(v, appendIDSet(nil, w)) {
			return nil
		}
		got, err := decodeIDSet(nil, v)
		if err != nil {
			rep.addf("The %s index entry %x cannot be read: %v.", what, k, err)
			return nil
		}
		reportIDDiff(rep, what, k, w, got)
		return nil
	})
	for k, w := range want {
		if !seen[k] {
			reportIDDiff(rep, what, []byte(k), w, nil)
		}
	}
}

func reportIDDiff(rep *Report, what string, key []byte, want, got []engine.ID) {
	for _, id := range want {
		if _, ok := slices.BinarySearch(got, id); !ok {
			rep.addf("Sale %d is missing from the %s index (entry %x).", id, what, key)
		}
	}
	for _, id := range got {
		if _, ok := slices.BinarySearch(want, id); !ok {
			rep.addf("The %s index entry %x names sale %d, which does not belong there.", what, key, id)
		}
	}
}

// monthRef is a partner's month of booking.
type monthRef struct {
	pid   engine.ID
	month engine.Date
}

func (tx *Tx) compareInvoiceGroups(rep *Report, want [][]invoiceEntry) {
	seen := make([]bool, len(want))
	check := func(g uint16, got []invoiceEntry) {
		w := want[g]
		slices.SortFunc(w, cmpInvoiceEntry)
		if slices.Equal(w, got) {
			return
		}
		for _, e := range w {
			if _, ok := slices.BinarySearchFunc(got, e, cmpInvoiceEntry); !ok {
				rep.addf("Sale %d (line %d) is missing from the invoice index.", e.id, e.line)
			}
		}
		for _, e := range got {
			if _, ok := slices.BinarySearchFunc(w, e, cmpInvoiceEntry); !ok {
				rep.addf("The invoice index names sale %d (line %d), which does not belong there.", e.id, e.line)
			}
		}
	}
	tx.btx.Bucket(bSaleInvoices).ForEach(func(k, v []byte) error {
		if len(k) != 2 {
			rep.addf("The invoice index holds a bad key %x.", k)
			return nil
		}
		g := binary.BigEndian.Uint16(k)
		seen[g] = true
		got, err := decodeInvoiceGroup(v)
		if err != nil {
			rep.addf("The invoice index group %d cannot be read: %v.", g, err)
			return nil
		}
		check(g, got)
		return nil
	})
	for g := range want {
		if !seen[g] && len(want[g]) > 0 {
			check(uint16(g), nil)
		}
	}
}
