package data

import (
	"fmt"
	"sort"
)

// Index writes are buffered in the transaction and applied in key order
// before anything reads an index and before the commit. bbolt keeps every
// changed leaf as one in-memory node until the commit, so 100,000 inserts
// at random places in a small index cost a memmove each of a growing
// slice (minutes); applied in order they append (milliseconds).

type pendingOp struct {
	val []byte
	del bool
}

func (tx *Tx) pendingFor(name []byte) map[string]pendingOp {
	if tx.pending == nil {
		tx.pending = map[string]map[string]pendingOp{}
	}
	m := tx.pending[string(name)]
	if m == nil {
		m = map[string]pendingOp{}
		tx.pending[string(name)] = m
	}
	return m
}

func (tx *Tx) putIndex(name, key, val []byte) error {
	if val == nil {
		val = []byte{}
	}
	tx.pendingFor(name)[string(key)] = pendingOp{val: val}
	return nil
}

func (tx *Tx) delIndex(name, key []byte) error {
	tx.pendingFor(name)[string(key)] = pendingOp{del: true}
	return nil
}

// indexGet reads one index entry, pending writes first.
func (tx *Tx) indexGet(name, key []byte) ([]byte, error) {
	if m := tx.pending[string(name)]; m != nil {
		if op, ok := m[string(key)]; ok {
			if op.del {
				return nil, nil
			}
			return op.val, nil
		}
	}
	b, err := tx.bucket(name)
	if err != nil {
		return nil, err
	}
	return b.Get(key), nil
}

// flush applies the buffered index writes in key order.
func (tx *Tx) flush() error {
	if err := tx.flushSales(); err != nil {
		return err
	}
	if len(tx.pending) == 0 {
		return nil
	}
	names := make([]string, 0, len(tx.pending))
	for n := range tx.pending {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		ops := tx.pending[n]
		b, err := tx.bucket([]byte(n))
		if err != nil {
			return err
		}
		keys := make([]string, 0, len(ops))
		for k := range ops {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			op := ops[k]
			if op.del {
				err = b.Delete([]byte(k))
			} else {
				err = b.Put([]byte(k), op.val)
			}
			if err != nil {
				return fmt.Errorf("index %s: %w", n, err)
			}
		}
	}
	tx.pending = nil
	return nil
}
