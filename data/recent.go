package data

import (
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

// Version identifies the committed state a transaction sees: it changes
// with every committed write, so callers can cache what they derive from
// the store (a period's nudges) until the next change.
func (tx *Tx) Version() int { return tx.btx.ID() }
