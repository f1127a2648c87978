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
// exactly what the sales call for (each group rebuilt and compared byte
// for byte; a difference names the sales).
func (tx *Tx) checkSales(rep *Report, ids map[string]map[engine.ID]bool) error {
	tx.checkCustomers(rep)
	names, err := tx.allCustomerNames()
	if err != nil {
		rep.addf("The customers dictionary cannot be read: %v.", err)
		return nil
	}
	days := map[string][]engine.ID{}
	months := map[string][]engine.ID{}
	invs := map[uint16][]invoiceEntry{}
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
			dk := string(dayKey(s.BookDate()))
			days[dk] = append(days[dk], s.ID)
			mk := string(monthKey(s.PartnerID, s.BookDate()))
			months[mk] = append(months[mk], s.ID)
			if s.Invoice != "" {
				g, fp := invoiceHash(s.PartnerID, s.Invoice)
				invs[g] = append(invs[g], invoiceEntry{fp, s.Line, s.ID})
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
	tx.compareIDGroups(rep, bSaleDays, "day", days)
	tx.compareIDGroups(rep, bSaleMonths, "partner", months)
	tx.compareInvoiceGroups(rep, invs)
	return nil
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

func (tx *Tx) compareInvoiceGroups(rep *Report, want map[uint16][]invoiceEntry) {
	seen := map[uint16]bool{}
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
		if !seen[g] {
			check(g, nil)
		}
	}
}
