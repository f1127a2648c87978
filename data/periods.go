package data

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"partnerdesk/engine"
)

// periodRecord is a stored period state with the fingerprint of its reward
// lines at closing, which Check compares to prove they never changed.
type periodRecord struct {
	State       engine.PeriodState `json:"state"`
	Lines       int                `json:"lines"`
	Fingerprint string             `json:"fingerprint"`
}

// PeriodStates returns every stored period state in key order. A period
// with no stored state is open.
func (tx *Tx) PeriodStates() ([]engine.PeriodState, error) {
	recs, err := tx.periodRecords()
	if err != nil {
		return nil, err
	}
	out := make([]engine.PeriodState, len(recs))
	for i, r := range recs {
		out[i] = r.State
	}
	return out, nil
}

func (tx *Tx) periodRecords() ([]periodRecord, error) {
	b, err := tx.bucket(bPeriods)
	if err != nil {
		return nil, err
	}
	var out []periodRecord
	err = b.ForEach(func(k, v []byte) error {
		var r periodRecord
		if err := json.Unmarshal(v, &r); err != nil {
			return fmt.Errorf("decode period %s: %w", k, err)
		}
		out = append(out, r)
		return nil
	})
	return out, err
}

// closedPeriods returns the closed periods, read once per transaction.
func (tx *Tx) closedPeriods() ([]engine.PeriodState, error) {
	if tx.closedLoaded {
		return tx.closed, nil
	}
	all, err := tx.PeriodStates()
	if err != nil {
		return nil, err
	}
	tx.closed = tx.closed[:0]
	for _, st := range all {
		if st.Closed {
			tx.closed = append(tx.closed, st)
		}
	}
	tx.closedLoaded = true
	return tx.closed, nil
}

// closedAt returns the closed period containing d, if any.
func (tx *Tx) closedAt(d engine.Date) (engine.PeriodState, bool, error) {
	cs, err := tx.closedPeriods()
	if err != nil {
		return engine.PeriodState{}, false, err
	}
	for _, st := range cs {
		if d >= st.Start && d <= st.End {
			return st, true, nil
		}
	}
	return engine.PeriodState{}, false, nil
}

// IsClosed reports whether d lies in a closed period.
func (tx *Tx) IsClosed(d engine.Date) bool {
	_, ok, err := tx.closedAt(d)
	return err == nil && ok
}

// IsPeriodClosed reports whether the period with key is closed.
func (tx *Tx) IsPeriodClosed(key string) bool {
	cs, err := tx.closedPeriods()
	if err != nil {
		return false
	}
	for _, st := range cs {
		if st.Key == key {
			return true
		}
	}
	return false
}

// guard refuses a record (the stored or the new version; nil passes)
// dated in a closed period.
func (tx *Tx) guard(k *kindInfo, rec any, verb string) error {
	if rec == nil {
		return nil
	}
	var d engine.Date
	switch r := rec.(type) {
	case *engine.Sale:
		d = r.BookDate()
	case *engine.Activity:
		d = r.Date
	case *engine.Training:
		d = r.Completed
	case *engine.Registration:
		d = r.Submitted
	case *engine.Payout:
		d = r.Date
	case *engine.FundEntry:
		d = r.Date
	case *engine.PointsEntry:
		d = r.Date
	case *engine.TierChange:
		d = r.From
	case *engine.RewardLine:
		if tx.IsPeriodClosed(r.Period) {
			return fmt.Errorf("%s %s %d: reward lines of %s cannot change: %w", verb, k.name, r.ID, r.Period, engine.ErrPeriodClosed)
		}
		return nil
	default:
		return nil
	}
	if d == 0 {
		return nil
	}
	st, ok, err := tx.closedAt(d)
	if err != nil {
		return err
	}
	if ok {
		_, idp, _ := kindOf(rec)
		return fmt.Errorf("%s %s %d dated %s: period %s (%s to %s) is closed: %w",
			verb, k.name, *idp, d, st.Key, st.Start, st.End, engine.ErrPeriodClosed)
	}
	return nil
}

// guardPut refuses to store rec over old (nil when new) when either is
// dated in a closed period. A deal registration whose change records only
// its decision or outcome (engine.DecisionOnly) is dated by the days of
// that decision or outcome instead of its submission: a registration
// submitted on 28 March is approved on 3 April after March closed. Such a
// change is still refused when it would alter what the deal registration
// bonus pays on a linked sale dated in a closed period (approving it, or
// marking an approved one expired): that closed period's rewards cannot
// change, and a deal registration rule adjusts nothing for it.
func (tx *Tx) guardPut(k *kindInfo, old, rec any) error {
	if o, ok := old.(*engine.Registration); ok {
		if n, ok := rec.(*engine.Registration); ok && engine.DecisionOnly(*o, *n) {
			return tx.guardDecision(k, o, n)
		}
	}
	if err := tx.guard(k, old, "change"); err != nil {
		return err
	}
	return tx.guard(k, rec, "record")
}

// guardDecision is guardPut's test of a decision-only change of a
// registration: its days lie in open periods, and no linked sale dated in
// a closed period is paid differently after it.
func (tx *Tx) guardDecision(k *kindInfo, old, nw *engine.Registration) error {
	for _, d := range engine.DecisionDays(*old, *nw) {
		st, closed, err := tx.closedAt(d)
		if err != nil {
			return err
		}
		if closed {
			return fmt.Errorf("decide %s %d on %s: period %s (%s to %s) is closed; date the decision in an open period: %w",
				k.name, nw.ID, d, st.Key, st.Start, st.End, engine.ErrPeriodClosed)
		}
	}
	cs, err := tx.closedPeriods()
	if err != nil {
		return err
	}
	for _, st := range cs {
		err := tx.SalesOfPartner(nw.PartnerID, st.Start, st.End, func(s *engine.Sale) error {
			if s.RegistrationID != nw.ID || old.PaysOn(s.Date) == nw.PaysOn(s.Date) {
				return nil
			}
			return fmt.Errorf("decide %s %d: it would change the deal registration bonus on sale %d (invoice %s, %s) in closed period %s (%s to %s), "+
				"which cannot change; the decision is not recorded (reject it, or settle that bonus outside the closed period): %w",
				k.name, nw.ID, s.ID, s.Invoice, s.Date, st.Key, st.Start, st.End, engine.ErrPeriodClosed)
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// ClosePeriod stores st as closed (by the operator, today unless
// st.ClosedOn is set) with the fingerprint of its reward lines; from then
// on Put and Delete refuse anything dated in it. Closing a closed period
// again is refused.
func (tx *Tx) ClosePeriod(st engine.PeriodState) error {
	if err := tx.writable(); err != nil {
		return err
	}
	if st.Key == "" || st.End < st.Start {
		return fmt.Errorf("close period %q: it needs a key and a start no later than its end", st.Key)
	}
	b, err := tx.bucket(bPeriods)
	if err != nil {
		return err
	}
	before, err := storedOpenState(b, "close", st.Key)
	if err != nil {
		return err
	}
	st.Closed = true
	if st.ClosedOn == 0 {
		st.ClosedOn = engine.DateOf(tx.s.now())
	}
	if st.ClosedBy == "" {
		st.ClosedBy = tx.operator
	}
	lines, err := tx.LinesOfPeriod(st.Key)
	if err != nil {
		return err
	}
	rec := periodRecord{State: st, Lines: len(lines), Fingerprint: fingerprint(lines)}
	v, err := json.Marshal(rec)
	if err != nil {
		return fmt.Errorf("encode period %s: %w", st.Key, err)
	}
	if err := b.Put([]byte(st.Key), v); err != nil {
		return fmt.Errorf("put period %s: %w", st.Key, err)
	}
	tx.closedLoaded = false
	return tx.Audit("close", "period", 0, before, rec)
}

// PutPeriodState stores an open period state (for a period the app wants
// listed before it is closed). Closed states go through ClosePeriod, and a
// closed period cannot be reopened here.
func (tx *Tx) PutPeriodState(st engine.PeriodState) error {
	if err := tx.writable(); err != nil {
		return err
	}
	if st.Closed {
		return errors.New("put period state: close a period with ClosePeriod")
	}
	b, err := tx.bucket(bPeriods)
	if err != nil {
		return err
	}
	before, err := storedOpenState(b, "put", st.Key)
	if err != nil {
		return err
	}
	v, err := json.Marshal(periodRecord{State: st})
	if err != nil {
		return fmt.Errorf("encode period %s: %w", st.Key, err)
	}
	if err := b.Put([]byte(st.Key), v); err != nil {
		return fmt.Errorf("put period %s: %w", st.Key, err)
	}
	return tx.Audit(auditAction(before), "period", 0, before, st)
}

// fingerprint hashes reward lines (in id order, as LinesOfPeriod returns
// them) so that Check can tell whether a closed period's lines changed.
func fingerprint(lines []engine.RewardLine) string {
	h := sha256.New()
	for i := range lines {
		b, _ := json.Marshal(&lines[i])
		h.Write(b)
		h.Write([]byte{'\n'})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// storedOpenState returns the stored state of period key for the audit's
// "before" (nil when none is stored) and refuses, naming who closed it and
// when, a period that is closed: the one test both ClosePeriod and
// PutPeriodState make before writing a state.
func storedOpenState(b *bolt.Bucket, verb, key string) (any, error) {
	v := b.Get([]byte(key))
	if v == nil {
		return nil, nil
	}
	var old periodRecord
	if err := json.Unmarshal(v, &old); err != nil {
		return nil, fmt.Errorf("decode period %s: %w", key, err)
	}
	if old.State.Closed {
		return nil, fmt.Errorf("%s period %s: it was closed on %s by %s: %w", verb, key, old.State.ClosedOn, old.State.ClosedBy, engine.ErrPeriodClosed)
	}
	return old.State, nil
}
