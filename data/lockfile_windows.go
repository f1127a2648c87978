//go:build windows

package data

import (
	"errors"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// lockFile takes bbolt's lock on path by opening it, waiting up to
// timeout. It fails with an *InUseError when the lock stays taken.
func lockFile(path string, timeout time.Duration) (func(), error) {
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: timeout})
	if errors.Is(err, berrors.ErrTimeout) {
		return nil, holderOf(path)
	}
	if err != nil {
		return nil, err
	}
	return func() { db.Close() }, nil
}
