package app

import (
	"partnerdesk/data"
	"sort"
)

// sortBy sorts xs stably by the key each element gives.
func sortBy[T any](xs []T, key func(T) string) {
	sort.SliceStable(xs, func(i, j int) bool { return key(xs[i]) < key(xs[j]) })
}

// txAlias keeps signatures short where a file does not otherwise need data.
type txAlias = data.Tx
