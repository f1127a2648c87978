package data

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"strconv"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"

	"partnerdesk/engine"
)

// Tx is one transaction on the store. A Tx from View only reads; one from
// Update also writes, and every write is audited in the same transaction.
type Tx struct {
	btx      *bolt.Tx
	s        *Store
	operator string

	closed       []engine.PeriodState // closed periods, loaded on first use
	closedLoaded bool

	pending map[string]map[string]pendingOp // buffered index writes, see flush

	auditPrev []byte // hash of the last audit entry written, nil until read

	batch *importBatch // the records an import creates, see Import

	sales *saleTx // the sales' changed blocks and index groups, see salestore.go
}

// Operator is the person on whose behalf the transaction writes.
func (tx *Tx) Operator() string { return tx.operator }

// Now is the store's clock.
func (tx *Tx) Now() time.Time { return tx.s.now() }

// bucket returns a top-level bucket; only a read-only open of an older
// schema can lack one.
func (tx *Tx) bucket(name []byte) (*bolt.Bucket, error) {
	b := tx.btx.Bucket(name)
	if b == nil {
		return nil, fmt.Errorf("the database file has no %s bucket (schema %d): open it once without read-only to upgrade it", name, tx.s.version)
	}
	if tx.btx.Writable() {
		if f := fillPercent[string(name)]; f > 0 {
			b.FillPercent = f
		}
	}
	return b, nil
}

// fillPercent is how full bbolt fills the pages it splits, for buckets
// whose new keys mostly sort last, instead of half (its default, which
// leaves room for keys inserted between): the records by sequence id, the
// audit trail, the sale blocks and the day index (a new sale has the
// highest id and is dated about today). bbolt splits a changed leaf only
// at the commit, after every insert of the transaction, so keys inserted
// between (a partner's new month, a new customer's name, an invoice group
// that grows) still fill their pages; a stray key in a full page splits it
// into two as it would at half. Measured with a 404,324-sale import: the
// three indexes of schema 3 took 154 MB at 48-50 % full, 81 MB at 0.95;
// partners, reps and activities of the 1M-sale world halve.
var fillPercent = func() map[string]float64 {
	m := map[string]float64{"audit": 0.95, "lines_by_period": 0.95}
	for _, k := range kinds {
		m[string(k.bucket)] = 0.95
	}
	for _, b := range [][]byte{bCustomers, bSaleDays, bSaleMonths, bSaleInvoices} {
		m[string(b)] = 0.95
	}
	return m
}()

func (tx *Tx) writable() error {
	if !tx.btx.Writable() {
		return errors.New("a change was attempted in a read transaction: use Store.Update")
	}
	return nil
}

// Put creates or updates rec, a pointer to an engine record. A zero ID is
// assigned from the kind's sequence (and written back into rec). The change
// is refused when the stored or the new version is dated in a closed
// period (a registration's decision or outcome is dated by its own day:
// see guardPut); the audit entry is written in the same transaction.
func (tx *Tx) Put(rec any) error {
	if err := tx.writable(); err != nil {
		return err
	}
	k, idp, err := kindOf(rec)
	if err != nil {
		return err
	}
	if s, ok := rec.(*engine.Sale); ok {
		return tx.putSale(s)
	}
	b, err := tx.bucket(k.bucket)
	if err != nil {
		return err
	}
	var old any
	if *idp != 0 {
		if v := b.Get(itob(*idp)); v != nil {
			old = newRecord(k)
			if err := decode(k, *idp, v, old); err != nil {
				return err
			}
		}
	}
	if err := tx.guardPut(k, old, rec); err != nil {
		return err
	}
	if err := tx.precheck(k, rec); err != nil {
		return err
	}
	if *idp == 0 {
		seq, err := b.NextSequence()
		if err != nil {
			return fmt.Errorf("new %s id: %w", k.name, err)
		}
		*idp = engine.ID(seq)
	} else if uint64(*idp) > b.Sequence() {
		// An explicit id beyond the sequence moves it on, so that the
		// sequence never hands the same id out again.
		if err := b.SetSequence(uint64(*idp)); err != nil {
			return fmt.Errorf("%s id %d: %w", k.name, *idp, err)
		}
	}
	if err := tx.unindex(k, old); err != nil {
		return err
	}
	v, err := encode(k, rec)
	if err != nil {
		return err
	}
	if err := tx.index(k, rec); err != nil {
		return err
	}
	if err := b.Put(itob(*idp), v); err != nil {
		return fmt.Errorf("put %s %d: %w", k.name, *idp, err)
	}
	if old == nil {
		// A created record is named, not copied: as stored it is its own
		// "after", and its first change keeps it as the "before".
		if tx.batch != nil {
			tx.batch.add(k.name, *idp) // audited once for the import
			return nil
		}
		return tx.Audit("create", k.name, *idp, nil, nil)
	}
	return tx.Audit("update", k.name, *idp, old, rec)
}

// Delete removes the record of kind with id, audited. Deleting a record
// dated in a closed period, or a partner that has sales, is refused.
func (tx *Tx) Delete(kind string, id engine.ID) error {
	if err := tx.writable(); err != nil {
		return err
	}
	k := kindNamed(kind)
	if k == nil {
		return fmt.Errorf("delete: the store keeps no records of kind %q", kind)
	}
	if kind == KindSale {
		return tx.deleteSale(id)
	}
	b, err := tx.bucket(k.bucket)
	if err != nil {
		return err
	}
	v := b.Get(itob(id))
	if v == nil {
		return fmt.Errorf("delete %s %d: %w", kind, id, engine.ErrNotFound)
	}
	old := newRecord(k)
	if err := decode(k, id, v, old); err != nil {
		return err
	}
	if err := tx.guard(k, old, "delete"); err != nil {
		return err
	}
	if k.name == KindPartner {
		if n, err := tx.partnerSaleCount(id, 1); err != nil {
			return err
		} else if n > 0 {
			return fmt.Errorf("delete partner %d: it has sales; end the partner instead", id)
		}
	}
	if err := tx.unindex(k, old); err != nil {
		return err
	}
	if err := b.Delete(itob(id)); err != nil {
		return fmt.Errorf("delete %s %d: %w", kind, id, err)
	}
	return tx.Audit("delete", k.name, id, old, nil)
}

// Audit records an entry for a change the caller made (or a verb such as
// "approve" or "import"); Put and Delete call it themselves. before and
// after are marshalled to JSON; nil leaves them out.
func (tx *Tx) Audit(action, kind string, id engine.ID, before, after any) error {
	if err := tx.writable(); err != nil {
		return err
	}
	b, err := tx.bucket(bAudit)
	if err != nil {
		return err
	}
	e := engine.AuditEntry{At: tx.s.now().UTC(), Operator: tx.operator, Action: action, Kind: kind, RecordID: id}
	if e.Before, err = rawJSON(before); err != nil {
		return fmt.Errorf("audit %s %s %d: %w", action, kind, id, err)
	}
	if e.After, err = rawJSON(after); err != nil {
		return fmt.Errorf("audit %s %s %d: %w", action, kind, id, err)
	}
	seq, err := b.NextSequence()
	if err != nil {
		return fmt.Errorf("audit id: %w", err)
	}
	e.ID = engine.ID(seq)
	if tx.auditPrev == nil {
		tx.auditPrev = lastAuditHash(b)
	}
	e.Prev = hex.EncodeToString(tx.auditPrev)
	v := encodeAudit(&e)
	h := sha256.Sum256(v)
	tx.auditPrev = h[:]
	return b.Put(itob(e.ID), v)
}

// encodeAudit writes an entry as the JSON json.Marshal would, by hand:
// json.Marshal re-validates and compacts the before and after documents,
// which doubled the cost of a 100,000-line import.
func encodeAudit(e *engine.AuditEntry) []byte {
	b := make([]byte, 0, 128+len(e.Before)+len(e.After))
	b = append(b, `{"id":`...)
	b = strconv.AppendUint(b, uint64(e.ID), 10)
	b = append(b, `,"at":"`...)
	b = e.At.AppendFormat(b, time.RFC3339Nano)
	b = append(b, `","operator":`...)
	b = appendJSONString(b, e.Operator)
	b = append(b, `,"action":`...)
	b = appendJSONString(b, e.Action)
	b = append(b, `,"kind":`...)
	b = appendJSONString(b, e.Kind)
	b = append(b, `,"record_id":`...)
	b = strconv.AppendUint(b, uint64(e.RecordID), 10)
	if e.Prev != "" {
		b = append(b, `,"prev":"`...)
		b = append(b, e.Prev...)
		b = append(b, '"')
	}
	if len(e.Before) > 0 {
		b = append(b, `,"before":`...)
		b = append(b, e.Before...)
	}
	if len(e.After) > 0 {
		b = append(b, `,"after":`...)
		b = append(b, e.After...)
	}
	return append(b, '}')
}

func appendJSONString(b []byte, s string) []byte {
	q, _ := json.Marshal(s) // a string always marshals
	return append(b, q...)
}

func rawJSON(v any) (json.RawMessage, error) {
	switch x := v.(type) {
	case nil:
		return nil, nil
	case json.RawMessage:
		return x, nil
	}
	return json.Marshal(v)
}

// AuditEntries calls fn for each audit entry, newest first; return Stop
// from fn to end early.
func (tx *Tx) AuditEntries(fn func(*engine.AuditEntry) error) error {
	b, err := tx.bucket(bAudit)
	if err != nil {
		return err
	}
	c := b.Cursor()
	for k, v := c.Last(); k != nil; k, v = c.Prev() {
		e := new(engine.AuditEntry)
		if err := json.Unmarshal(v, e); err != nil {
			return fmt.Errorf("decode audit entry %d: %w", btoi(k), err)
		}
		if err := fn(e); err != nil {
			if errors.Is(err, Stop) {
				return nil
			}
			return err
		}
	}
	return nil
}

// RecentAudit returns up to limit audit entries, newest first.
func (tx *Tx) RecentAudit(limit int) ([]engine.AuditEntry, error) {
	var es []engine.AuditEntry
	err := tx.AuditEntries(func(e *engine.AuditEntry) error {
		if len(es) >= limit {
			return Stop
		}
		es = append(es, *e)
		return nil
	})
	return es, err
}

// Get reads the record of type T with id; errors wrap engine.ErrNotFound
// when there is none.
func Get[T any](tx *Tx, id engine.ID) (*T, error) {
	rec := new(T)
	k, _, err := kindOf(rec)
	if err != nil {
		return nil, err
	}
	if s, ok := any(rec).(*engine.Sale); ok {
		got, err := tx.getSale(id)
		if err != nil {
			return nil, err
		}
		if got == nil {
			return nil, fmt.Errorf("%s %d: %w", k.name, id, engine.ErrNotFound)
		}
		*s = *got
		return rec, nil
	}
	b, err := tx.bucket(k.bucket)
	if err != nil {
		return nil, err
	}
	v := b.Get(itob(id))
	if v == nil {
		return nil, fmt.Errorf("%s %d: %w", k.name, id, engine.ErrNotFound)
	}
	if err := decode(k, id, v, rec); err != nil {
		return nil, err
	}
	return rec, nil
}

// Each calls fn for every record of type T in id order; return Stop from
// fn to end early. Each record is a fresh copy.
func Each[T any](tx *Tx, fn func(*T) error) error { return walk(tx, false, fn) }

// EachNewest is Each from the newest id down.
func EachNewest[T any](tx *Tx, fn func(*T) error) error { return walk(tx, true, fn) }

func walk[T any](tx *Tx, newestFirst bool, fn func(*T) error) error {
	probe := new(T)
	k, _, err := kindOf(probe)
	if err != nil {
		return err
	}
	if _, ok := any(probe).(*engine.Sale); ok {
		return tx.eachSale(newestFirst, func(s *engine.Sale) error { return fn(any(s).(*T)) })
	}
	b, err := tx.bucket(k.bucket)
	if err != nil {
		return err
	}
	c := b.Cursor()
	first, next := c.First, c.Next
	if newestFirst {
		first, next = c.Last, c.Prev
	}
	for key, v := first(); key != nil; key, v = next() {
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

// All returns every record of type T in id order.
//
// A kind stored as JSON with many records (a computation reads 5,000
// partners and 20,000 reps) is decoded on every core: the stored bytes are
// collected in one walk of the bucket, then decoded in ranges straight
// into the slice; the first error in id order is returned.
func All[T any](tx *Tx) ([]T, error) {
	probe := new(T)
	k, _, err := kindOf(probe)
	if err != nil {
		return nil, err
	}
	if k.name == KindSale || k.name == KindRewardLine {
		var out []T
		err := Each(tx, func(r *T) error {
			out = append(out, *r)
			return nil
		})
		return out, err
	}
	b, err := tx.bucket(k.bucket)
	if err != nil {
		return nil, err
	}
	var keys, vals [][]byte
	c := b.Cursor()
	for key, v := c.First(); key != nil; key, v = c.Next() {
		keys, vals = append(keys, key), append(vals, v)
	}
	if len(vals) == 0 {
		return nil, nil
	}
	out := make([]T, len(vals))
	workers := 1
	if len(vals) >= parallelRecords {
		workers = min(runtime.GOMAXPROCS(0), 4)
	}
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := len(vals) * w / workers; i < len(vals)*(w+1)/workers; i++ {
				if err := decode(k, btoi(keys[i]), vals[i], &out[i]); err != nil {
					errs[w] = err
					return
				}
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// parallelRecords is the number of records from which All decodes on
// every core.
const parallelRecords = 2048

// Count returns how many records of kind the store holds.
func (tx *Tx) Count(kind string) (int, error) {
	k := kindNamed(kind)
	if k == nil {
		return 0, fmt.Errorf("count: the store keeps no records of kind %q", kind)
	}
	if kind == KindSale {
		return tx.saleCount()
	}
	b, err := tx.bucket(k.bucket)
	if err != nil {
		return 0, err
	}
	return b.Stats().KeyN, nil
}

// Company returns the vendor's settings; errors wrap engine.ErrNotFound
// until they are first saved.
func (tx *Tx) Company() (engine.Company, error) {
	var c engine.Company
	err := tx.getSingleton("company", &c)
	return c, err
}

// PutCompany saves the vendor's settings, audited.
func (tx *Tx) PutCompany(c engine.Company) error { return tx.putSingleton("company", c) }

// Ladder returns the tier ladder; errors wrap engine.ErrNotFound until it
// is first saved.
func (tx *Tx) Ladder() (engine.TierLadder, error) {
	var l engine.TierLadder
	err := tx.getSingleton("ladder", &l)
	return l, err
}

// PutLadder saves the tier ladder, audited.
func (tx *Tx) PutLadder(l engine.TierLadder) error { return tx.putSingleton("ladder", l) }

func (tx *Tx) getSingleton(name string, v any) error {
	b, err := tx.bucket(bSingletons)
	if err != nil {
		return err
	}
	raw := b.Get([]byte(name))
	if raw == nil {
		return fmt.Errorf("%s: %w", name, engine.ErrNotFound)
	}
	if err := json.Unmarshal(raw, v); err != nil {
		return fmt.Errorf("decode %s: %w", name, err)
	}
	return nil
}

func (tx *Tx) putSingleton(name string, v any) error {
	if err := tx.writable(); err != nil {
		return err
	}
	b, err := tx.bucket(bSingletons)
	if err != nil {
		return err
	}
	nv, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode %s: %w", name, err)
	}
	var before any
	if ov := b.Get([]byte(name)); ov != nil {
		if bytes.Equal(ov, nv) {
			return nil
		}
		before = json.RawMessage(bytes.Clone(ov))
	}
	if err := b.Put([]byte(name), nv); err != nil {
		return fmt.Errorf("put %s: %w", name, err)
	}
	return tx.Audit(auditAction(before), name, 0, before, json.RawMessage(nv))
}

func auditAction(before any) string {
	if before == nil {
		return "create"
	}
	return "update"
}

// Setting returns a small setting (operator name, last period, ...); ""
// when it was never set.
func (tx *Tx) Setting(key string) string {
	b := tx.btx.Bucket(bSettings)
	if b == nil {
		return ""
	}
	return string(b.Get([]byte(key)))
}

// PutSetting saves a small setting, audited when it changes.
func (tx *Tx) PutSetting(key, value string) error {
	if err := tx.writable(); err != nil {
		return err
	}
	b, err := tx.bucket(bSettings)
	if err != nil {
		return err
	}
	old := b.Get([]byte(key))
	if old != nil && string(old) == value {
		return nil
	}
	var before any
	if old != nil {
		before = map[string]string{key: string(old)}
	}
	if err := b.Put([]byte(key), []byte(value)); err != nil {
		return fmt.Errorf("put setting %s: %w", key, err)
	}
	return tx.Audit(auditAction(before), "setting", 0, before, map[string]string{key: value})
}

// Mapping returns the saved import mapping for kind and name; errors wrap
// engine.ErrNotFound when there is none.
func (tx *Tx) Mapping(kind, name string) ([]byte, error) {
	b, err := tx.bucket(bMappings)
	if err != nil {
		return nil, err
	}
	v := b.Get(mappingKey(kind, name))
	if v == nil {
		return nil, fmt.Errorf("mapping %s/%s: %w", kind, name, engine.ErrNotFound)
	}
	return bytes.Clone(v), nil
}

// PutMapping saves an import mapping (opaque bytes, usually JSON), audited.
func (tx *Tx) PutMapping(kind, name string, m []byte) error {
	if err := tx.writable(); err != nil {
		return err
	}
	b, err := tx.bucket(bMappings)
	if err != nil {
		return err
	}
	key := mappingKey(kind, name)
	old := b.Get(key)
	if old != nil && bytes.Equal(old, m) {
		return nil
	}
	var before any
	if old != nil {
		before = auditBytes(old)
	}
	if err := b.Put(key, bytes.Clone(m)); err != nil {
		return fmt.Errorf("put mapping %s/%s: %w", kind, name, err)
	}
	return tx.Audit(auditAction(before), "mapping", 0, before, map[string]any{"kind": kind, "name": name, "mapping": auditBytes(m)})
}

// auditBytes keeps JSON as JSON in an audit entry and quotes anything else.
func auditBytes(b []byte) any {
	if json.Valid(b) {
		return json.RawMessage(bytes.Clone(b))
	}
	return string(b)
}

func mappingKey(kind, name string) []byte { return []byte(kind + "\x00" + name) }
