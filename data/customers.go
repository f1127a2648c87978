package data

import (
	"encoding/binary"
	"fmt"
	"slices"
)

// The customers dictionary numbers the customer names the sale blocks
// hold: 'n'+name -> uvarint code, 'c'+code(8) -> name; the bucket's
// sequence is the last code given.

// customerCode returns name's number in the customers dictionary (0 for
// ""); a name not in it is an error: the names a transaction's blocks hold
// are numbered by resolveCustomers before the blocks are written.
func (tx *Tx) customerCode(name string) (uint64, error) {
	if name == "" {
		return 0, nil
	}
	c, ok, err := tx.storedCustomerCode(name)
	if err == nil && !ok {
		err = fmt.Errorf("customer %q is not in the dictionary", name)
	}
	return c, err
}

// storedCustomerCode returns name's number from the transaction's codes
// or the dictionary, and whether it has one.
func (tx *Tx) storedCustomerCode(name string) (uint64, bool, error) {
	st := tx.saleState()
	if c, ok := st.codes[name]; ok && c != 0 {
		return c, true, nil
	}
	dict, err := tx.bucket(bCustomers)
	if err != nil {
		return 0, false, err
	}
	v := dict.Get(append([]byte{'n'}, name...))
	if v == nil {
		return 0, false, nil
	}
	c, n := binary.Uvarint(v)
	if n <= 0 || c == 0 {
		return 0, false, fmt.Errorf("customer %q has a bad code in the dictionary: run check", name)
	}
	st.codes[name] = c
	return c, true, nil
}

func customerNameKey(code uint64) []byte {
	k := make([]byte, 9)
	k[0] = 'c'
	binary.BigEndian.PutUint64(k[1:], code)
	return k
}

// customerName returns the name numbered code in the dictionary.
func (tx *Tx) customerName(code uint64) (string, error) {
	b, err := tx.bucket(bCustomers)
	if err != nil {
		return "", err
	}
	v := b.Get(customerNameKey(code))
	if v == nil {
		return "", fmt.Errorf("customer %d is missing from the dictionary: run check", code)
	}
	return string(v), nil
}

// allCustomerNames reads the whole dictionary, indexed by code, for a
// long read decoded on several goroutines; the transaction keeps it until
// a customer is added.
func (tx *Tx) allCustomerNames() (customerList, error) {
	st := tx.saleState()
	if st.names != nil {
		return st.names, nil
	}
	names, err := tx.readCustomerNames()
	if err == nil {
		st.names = names
	}
	return names, err
}

func (tx *Tx) readCustomerNames() (customerList, error) {
	b, err := tx.bucket(bCustomers)
	if err != nil {
		return nil, err
	}
	names := make(customerList, b.Sequence()+1)
	c := b.Cursor()
	for k, v := c.Seek([]byte{'c'}); k != nil && k[0] == 'c'; k, v = c.Next() {
		if len(k) != 9 {
			return nil, fmt.Errorf("the customers dictionary has a bad key %q: run check", k)
		}
		code := binary.BigEndian.Uint64(k[1:])
		if code >= uint64(len(names)) {
			return nil, fmt.Errorf("customer %d is beyond the dictionary's sequence: run check", code)
		}
		names[code] = string(v)
	}
	return names, nil
}

// customerList is the dictionary read whole; it only decodes.
type customerList []string

func (l customerList) customerCode(string) (uint64, error) {
	return 0, fmt.Errorf("no customer codes are made while reading")
}

func (l customerList) customerName(code uint64) (string, error) {
	if code == 0 || code >= uint64(len(l)) || l[code] == "" {
		return "", fmt.Errorf("customer %d is missing from the dictionary: run check", code)
	}
	return l[code], nil
}

// resolveCustomers numbers every customer the blocks ns (ascending) name
// into st.codes: a name already in the dictionary is read once; new names
// get the next codes in the order the blocks name them (what numbering
// them one at a time gave) and are written in key order, the codes at the
// end of their range and the names sorted, instead of two bbolt writes
// at random places per name.
func (tx *Tx) resolveCustomers(ns []uint64) error {
	st := tx.saleState()
	var fresh []string
	last := ""
	for _, n := range ns {
		rows := st.blocks[n].rows
		for i := range rows {
			name := rows[i].Customer
			if name == "" || len(name) > maxDictName || name == last {
				continue
			}
			last = name
			if _, ok := st.codes[name]; ok {
				continue // numbered, or new and numbered below
			}
			if _, ok, err := tx.storedCustomerCode(name); err != nil {
				return err
			} else if !ok {
				st.codes[name] = 0 // numbered below
				fresh = append(fresh, name)
			}
		}
	}
	if len(fresh) == 0 {
		return nil
	}
	if err := tx.writable(); err != nil {
		return err
	}
	dict, err := tx.bucket(bCustomers)
	if err != nil {
		return err
	}
	seq := dict.Sequence()
	for i, name := range fresh {
		c := seq + uint64(i) + 1
		st.codes[name] = c
		if err := dict.Put(customerNameKey(c), []byte(name)); err != nil {
			return fmt.Errorf("customer %q: %w", name, err)
		}
	}
	if err := dict.SetSequence(seq + uint64(len(fresh))); err != nil {
		return fmt.Errorf("new customer codes: %w", err)
	}
	slices.Sort(fresh)
	for _, name := range fresh {
		if err := dict.Put([]byte("n"+name), binary.AppendUvarint(nil, st.codes[name])); err != nil {
			return fmt.Errorf("customer %q: %w", name, err)
		}
	}
	st.names = nil // read again when next needed
	return nil
}

// resolvedCodes are the numbers resolveCustomers gave: encoding a block
// only reads them, from any goroutine.
type resolvedCodes map[string]uint64

func (r resolvedCodes) customerCode(name string) (uint64, error) {
	if name == "" {
		return 0, nil
	}
	if c := r[name]; c != 0 {
		return c, nil
	}
	return 0, fmt.Errorf("customer %q was not numbered before its block was written", name)
}

func (r resolvedCodes) customerName(uint64) (string, error) {
	return "", fmt.Errorf("resolved customer codes only encode")
}
