package data

import (
	"fmt"

	"partnerdesk/engine"
)

// RenameTierHistory relabels every tier change naming tier old as new and
// returns how many it changed, each audited. It is the one write that
// reaches tier changes dated in closed periods: renaming a ladder level
// changes its label, not which level a partner held when, so no closed
// figure moves (stored lines keep the explanations they were paid with).
func (tx *Tx) RenameTierHistory(old, new string) (int, error) {
	if err := tx.writable(); err != nil {
		return 0, err
	}
	k := kindNamed(KindTierChange)
	b, err := tx.bucket(k.bucket)
	if err != nil {
		return 0, err
	}
	var changed []engine.TierChange
	c := b.Cursor()
	for key, v := c.First(); key != nil; key, v = c.Next() {
		var tc engine.TierChange
		if err := decode(k, btoi(key), v, &tc); err != nil {
			return 0, err
		}
		if tc.Tier == old {
			changed = append(changed, tc)
		}
	}
	for i := range changed {
		before := changed[i]
		after := before
		after.Tier = new
		v, err := encode(k, &after)
		if err != nil {
			return 0, err
		}
		if err := b.Put(itob(after.ID), v); err != nil {
			return 0, fmt.Errorf("rename tier in tier change %d: %w", after.ID, err)
		}
		if err := tx.Audit("rename tier", k.name, after.ID, &before, &after); err != nil {
			return 0, err
		}
	}
	return len(changed), nil
}
