// Package boltdigest digests what a bbolt file holds, for the tests that
// must tell whether two files (a file and its backup, a file before and
// after a killed upgrade) hold the same data whatever their pages look
// like. The app never imports it.
package boltdigest

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Of returns the SHA-256 (hex) of every bucket of the file at path,
// nested ones too, with its name, sequence, keys and values in order.
func Of(path string) (string, error) {
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		return "", fmt.Errorf("open %s: %w", path, err)
	}
	defer db.Close()
	h := sha256.New()
	field := func(b []byte) {
		h.Write(binary.AppendUvarint(nil, uint64(len(b))))
		h.Write(b)
	}
	var walk func(name []byte, b *bolt.Bucket)
	walk = func(name []byte, b *bolt.Bucket) {
		field(name)
		h.Write(binary.AppendUvarint(nil, b.Sequence()))
		c := b.Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			if v == nil {
				walk(k, b.Bucket(k))
				continue
			}
			field(k)
			field(v)
		}
		field([]byte("end"))
	}
	err = db.View(func(tx *bolt.Tx) error {
		return tx.ForEach(func(name []byte, b *bolt.Bucket) error {
			walk(name, b)
			return nil
		})
	})
	if err != nil {
		return "", fmt.Errorf("read %s: %w", path, err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
