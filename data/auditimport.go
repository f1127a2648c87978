package data

import (
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"partnerdesk/engine"
)

// The audit trail names a created record instead of copying it: the record
// as stored is the "after", and the first change to it keeps its "before".
// An import writes one audit entry for everything it created, naming the
// file, its rows and the ids (see Tx.Import). Changes and removals keep
// their whole before and after.

// ImportInfo describes the file an import reads, for its audit entry.
type ImportInfo struct {
	File   string // the file's name, without its folder
	SHA256 string // hex digest of the file's bytes; "" when not known
	Rows   int    // data rows read from the file
}

// ImportAudit is the "after" of an import's audit entry (action "import").
type ImportAudit struct {
	Batch  uint64 `json:"batch"` // the import's number, counted from 1 in this file
	File   string `json:"file"`
	SHA256 string `json:"sha256,omitempty"`
	Rows   int    `json:"rows"`
	// Created lists the ids created per kind, compactly: "1-404324" or
	// "3,5,7-9", ascending.
	Created map[string]string `json:"created"`
}

// Count is how many records the import created.
func (a *ImportAudit) Count() int {
	n := 0
	for _, ids := range a.Created {
		rs, err := parseIDRanges(ids)
		if err != nil {
			continue
		}
		for _, r := range rs {
			n += int(r.last - r.first + 1)
		}
	}
	return n
}

// Has reports whether the import created the record of kind with id.
func (a *ImportAudit) Has(kind string, id engine.ID) bool {
	rs, err := parseIDRanges(a.Created[kind])
	if err != nil {
		return false
	}
	i := sort.Search(len(rs), func(i int) bool { return rs[i].last >= id })
	return i < len(rs) && rs[i].first <= id
}

type importBatch struct {
	created map[string][]idRange
}

type idRange struct{ first, last engine.ID }

// add notes a created id; ids come in ascending order, so a run of new
// ids is one range and the list stays as small as the runs.
func (b *importBatch) add(kind string, id engine.ID) {
	rs := b.created[kind]
	if n := len(rs); n > 0 && rs[n-1].last+1 == id {
		rs[n-1].last = id
		return
	}
	b.created[kind] = append(rs, idRange{id, id})
}

func formatIDRanges(rs []idRange) string {
	rs = append([]idRange(nil), rs...)
	sort.Slice(rs, func(i, j int) bool { return rs[i].first < rs[j].first })
	var b []byte
	for i, r := range rs {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendUint(b, uint64(r.first), 10)
		if r.last != r.first {
			b = append(b, '-')
			b = strconv.AppendUint(b, uint64(r.last), 10)
		}
	}
	return string(b)
}

func parseIDRanges(s string) ([]idRange, error) {
	var rs []idRange
	for _, f := range strings.Split(s, ",") {
		a, z, isRange := strings.Cut(f, "-")
		first, err := strconv.ParseUint(a, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("id list %q: %w", s, err)
		}
		last := first
		if isRange {
			if last, err = strconv.ParseUint(z, 10, 64); err != nil || last < first {
				return nil, fmt.Errorf("id list %q: bad range %q", s, f)
			}
		}
		rs = append(rs, idRange{engine.ID(first), engine.ID(last)})
	}
	return rs, nil
}

// Import runs fn, which creates records with Put, as one import: the
// records fn creates get no audit entry each; one entry (action "import")
// lists them with the file's name, digest and row count, and the import's
// batch number. Changes and removals fn makes are audited as always. When
// fn fails nothing is audited and its error is returned (the caller's
// transaction then rolls back); nil ImportAudit when fn created nothing.
func (tx *Tx) Import(info ImportInfo, fn func() error) (*ImportAudit, error) {
	if err := tx.writable(); err != nil {
		return nil, err
	}
	if tx.batch != nil {
		return nil, errors.New("an import inside an import")
	}
	tx.batch = &importBatch{created: map[string][]idRange{}}
	err := fn()
	b := tx.batch
	tx.batch = nil
	if err != nil || len(b.created) == 0 {
		return nil, err
	}
	meta, err := tx.bucket(bMeta)
	if err != nil {
		return nil, err
	}
	n, err := meta.NextSequence() // the meta bucket's sequence counts imports
	if err != nil {
		return nil, fmt.Errorf("import batch number: %w", err)
	}
	a := &ImportAudit{Batch: n, File: info.File, SHA256: info.SHA256, Rows: info.Rows, Created: map[string]string{}}
	kinds := make([]string, 0, len(b.created))
	for k, rs := range b.created {
		a.Created[k] = formatIDRanges(rs)
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	return a, tx.Audit("import", strings.Join(kinds, ","), 0, nil, a)
}

// ImportOf reads an import entry's "after"; false for any other entry.
func ImportOf(e *engine.AuditEntry) (*ImportAudit, bool) {
	if e.Action != "import" || len(e.After) == 0 {
		return nil, false
	}
	a := new(ImportAudit)
	if err := json.Unmarshal(e.After, a); err != nil || a.Created == nil {
		return nil, false
	}
	return a, true
}

// AuditOf calls fn, newest first, for each audit entry about the record of
// kind with id: its creation (its own entry, or the import that created
// it), changes and removal; return Stop from fn to end early.
func (tx *Tx) AuditOf(kind string, id engine.ID, fn func(*engine.AuditEntry) error) error {
	return tx.AuditEntries(func(e *engine.AuditEntry) error {
		if e.Kind == kind && e.RecordID == id {
			return fn(e)
		}
		if a, ok := ImportOf(e); ok && a.Has(kind, id) {
			return fn(e)
		}
		return nil
	})
}

// AuditText says in words what an entry records. With a record (kind and
// id; "" and 0 for none) an import entry is told as that record's creation:
// "created sale 1234 (import batch 7: sales.csv, 404,324 rows)".
func AuditText(e *engine.AuditEntry, kind string, id engine.ID) string {
	if a, ok := ImportOf(e); ok {
		from := fmt.Sprintf("import batch %d: %s, %s rows", a.Batch, a.File, groupThousands(a.Rows))
		if kind != "" && a.Has(kind, id) {
			return fmt.Sprintf("created %s %d (%s)", kind, id, from)
		}
		kinds := make([]string, 0, len(a.Created))
		for k := range a.Created {
			kinds = append(kinds, k)
		}
		sort.Strings(kinds)
		parts := make([]string, len(kinds))
		for i, k := range kinds {
			parts[i] = k + " " + a.Created[k]
		}
		return fmt.Sprintf("created %s records (%s): %s", groupThousands(a.Count()), from, strings.Join(parts, "; "))
	}
	what := e.Kind
	if e.RecordID != 0 {
		what += " " + strconv.FormatUint(uint64(e.RecordID), 10)
	}
	switch e.Action {
	case "create":
		return "created " + what
	case "update":
		return "changed " + what
	case "delete":
		return "removed " + what
	}
	return e.Action + " " + what
}

func groupThousands(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}
