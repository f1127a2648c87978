package data

import (
	"encoding/binary"
	"fmt"
	"slices"

	"partnerdesk/engine"
)

// An id set is the value of a grouped index entry (the sales booked on a
// day, a partner's sales of a month): its ids ascending, stored as runs,
// each the gap from the end of the run before and the run's length less
// one, both uvarints. Sales entered in order make long runs, so a day of
// 10,000 sales typed or imported in order costs a few bytes; scattered ids
// cost two or three bytes each. One bbolt element per group instead of one
// per sale is what keeps the file near the size of its data: an element
// costs 16 bytes of page header before its key.

// appendIDSet encodes ids (ascending, no repeats) after b.
func appendIDSet(b []byte, ids []engine.ID) []byte {
	var prev engine.ID // the last id of the run before
	for i := 0; i < len(ids); {
		j := i + 1
		for j < len(ids) && ids[j] == ids[j-1]+1 {
			j++
		}
		b = binary.AppendUvarint(b, uint64(ids[i]-prev))
		b = binary.AppendUvarint(b, uint64(j-i-1))
		prev = ids[j-1]
		i = j
	}
	return b
}

// decodeIDSet appends the ids of an encoded set to dst.
func decodeIDSet(dst []engine.ID, v []byte) ([]engine.ID, error) {
	var prev engine.ID
	for len(v) > 0 {
		gap, n := binary.Uvarint(v)
		if n <= 0 {
			return dst, errShort
		}
		v = v[n:]
		run, n := binary.Uvarint(v)
		if n <= 0 {
			return dst, errShort
		}
		v = v[n:]
		if gap == 0 || run > 1<<40 {
			return dst, fmt.Errorf("id set: bad run %d+%d", gap, run)
		}
		first := prev + engine.ID(gap)
		for id := first; id <= first+engine.ID(run); id++ {
			dst = append(dst, id)
		}
		prev = first + engine.ID(run)
	}
	return dst, nil
}

// idSetLen counts the ids of an encoded set without decoding them.
func idSetLen(v []byte) (int, error) {
	n := 0
	for len(v) > 0 {
		_, a := binary.Uvarint(v)
		if a <= 0 {
			return n, errShort
		}
		v = v[a:]
		run, b := binary.Uvarint(v)
		if b <= 0 {
			return n, errShort
		}
		v = v[b:]
		n += int(run) + 1
	}
	return n, nil
}

// addID inserts id into the ascending set s.
func addID(s []engine.ID, id engine.ID) []engine.ID {
	if n := len(s); n == 0 || s[n-1] < id {
		return append(s, id) // the usual case: a new sale has the highest id
	}
	i, found := slices.BinarySearch(s, id)
	if found {
		return s
	}
	return slices.Insert(s, i, id)
}

// removeID deletes id from the ascending set s.
func removeID(s []engine.ID, id engine.ID) []engine.ID {
	if i, found := slices.BinarySearch(s, id); found {
		return slices.Delete(s, i, i+1)
	}
	return s
}
