package data

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"

	bolt "go.etcd.io/bbolt"
)

// lastAuditHash returns the SHA-256 of the newest audit entry as stored,
// or a zero hash when there is none: the first entry's Prev is all zeros.
func lastAuditHash(b *bolt.Bucket) []byte {
	_, v := b.Cursor().Last()
	if v == nil {
		return make([]byte, sha256.Size)
	}
	h := sha256.Sum256(v)
	return h[:]
}

// checkAuditChain verifies that every audit entry names the hash of the one
// before it, and reports the first entry that does not fit: an entry
// changed, removed or inserted after it was written. Entries written
// before the chain existed (no prev) may only precede the first sealed one.
func (tx *Tx) checkAuditChain(rep *Report) error {
	b, err := tx.bucket(bAudit)
	if err != nil {
		return err
	}
	var prev []byte
	sealed := false
	c := b.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		var e struct {
			Prev string `json:"prev"`
		}
		if err := json.Unmarshal(v, &e); err != nil {
			rep.addf("Audit entry %d cannot be read (%v): the audit trail was altered.", btoi(k), err)
			return nil
		}
		switch {
		case e.Prev == "" && sealed:
			rep.addf("Audit entry %d carries no seal although the entries before it do: the audit trail was altered at entry %d.", btoi(k), btoi(k))
			return nil
		case e.Prev != "":
			want := prev
			if want == nil {
				want = make([]byte, sha256.Size)
			}
			if got, err := hex.DecodeString(e.Prev); err != nil || !bytes.Equal(got, want) {
				rep.addf("Audit entry %d does not fit the entry before it: the audit trail was changed at or just before entry %d.", btoi(k), btoi(k))
				return nil
			}
			sealed = true
		}
		h := sha256.Sum256(v)
		prev = h[:]
	}
	return nil
}
