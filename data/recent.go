package data

import (
	"errors"

	"partnerdesk/engine"
)

// EachNewest calls fn for the records of type T from the newest id down;
// return Stop from fn to end early.
func EachNewest[T any](tx *Tx, fn func(*T) error) error {
	probe := new(T)
	k, _, err := kindOf(probe)
	if err != nil {
		return err
	}
	b, err := tx.bucket(k.bucket)
	if err != nil {
		return err
	}
	c := b.Cursor()
	for key, v := c.Last(); key != nil; key, v = c.Prev() {
		rec := new(T)
		if err := decode(k, btoi(key), v, rec); err != nil {
			return err
		}
		if err := fn(rec); err != nil {
			if errors.Is(err, Stop) {
				return nil
			}
			return err
		}
	}
	return nil
}

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
