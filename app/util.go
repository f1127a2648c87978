package app

import (
	"errors"
	"partnerdesk/data"
	"partnerdesk/engine"
	"sort"
)

// sortBy sorts xs stably by the key each element gives.
func sortBy[T any](xs []T, key func(T) string) {
	sort.SliceStable(xs, func(i, j int) bool { return key(xs[i]) < key(xs[j]) })
}

// ladder returns the tier ladder, empty when none is set yet.
func ladder(tx *data.Tx) (engine.TierLadder, error) {
	l, err := tx.Ladder()
	if errors.Is(err, engine.ErrNotFound) {
		return engine.TierLadder{}, nil
	}
	return l, err
}
