package data

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"

	"github.com/shopspring/decimal"

	"partnerdesk/engine"
)

// bChanges holds, per period, the change log of its last computation:
//
//	len(2) period 'h'            -> the log's header (JSON engine.ChangeLog)
//	len(2) period 'c' chunk(4)   -> up to changeChunk changes (JSON changeRows)
//
// Only what changed is stored, never the unchanged results: the period's
// lines already hold the figures the next computation compares with.
var bChanges = []byte("changes")

// changeChunk is how many changes one value holds: a recompute that moves
// every one of 150,000 results writes 150 values of ~120 KB, not one of 18 MB.
const changeChunk = 1000

// changeRow is a Change as stored: short names, zero figures left out.
type changeRow struct {
	Program   engine.ID             `json:"p"`
	Rule      string                `json:"r"`
	Rep       bool                  `json:"e,omitempty"` // the payee is a rep, else a partner
	Payee     engine.ID             `json:"i"`
	Partner   engine.ID             `json:"pp,omitempty"` // when it is not the payee itself
	Unit      engine.Unit           `json:"u,omitempty"`  // empty: money
	OldAmount string                `json:"oa,omitempty"`
	NewAmount string                `json:"na,omitempty"`
	OldPoints int64                 `json:"op,omitempty"`
	NewPoints int64                 `json:"np,omitempty"`
	OldBasis  string                `json:"ob,omitempty"`
	NewBasis  string                `json:"nb,omitempty"`
	OldTier   string                `json:"ot,omitempty"`
	NewTier   string                `json:"nt,omitempty"`
	Reasons   []engine.ChangeReason `json:"w"`
}

func changeDec(d decimal.Decimal) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

func parseChangeDec(s string) (decimal.Decimal, error) {
	if s == "" {
		return decimal.Zero, nil
	}
	return decimal.NewFromString(s)
}

func toRow(c *engine.Change) changeRow {
	r := changeRow{Program: c.ProgramID, Rule: c.RuleKey, Rep: c.Payee.Kind == engine.PayeeRep, Payee: c.Payee.ID,
		OldAmount: changeDec(c.OldAmount), NewAmount: changeDec(c.NewAmount), OldPoints: c.OldPoints, NewPoints: c.NewPoints,
		OldBasis: changeDec(c.OldBasis), NewBasis: changeDec(c.NewBasis), OldTier: c.OldTier, NewTier: c.NewTier, Reasons: c.Reasons}
	if r.Rep || c.PartnerID != c.Payee.ID {
		r.Partner = c.PartnerID
	}
	if c.Unit != engine.UnitMoney {
		r.Unit = c.Unit
	}
	return r
}

func (r *changeRow) change() (engine.Change, error) {
	c := engine.Change{ChangeKey: engine.ChangeKey{ProgramID: r.Program, RuleKey: r.Rule, Payee: engine.Payee{Kind: engine.PayeePartner, ID: r.Payee}},
		PartnerID: r.Partner, Unit: r.Unit, OldPoints: r.OldPoints, NewPoints: r.NewPoints, OldTier: r.OldTier, NewTier: r.NewTier, Reasons: r.Reasons}
	if r.Rep {
		c.Payee.Kind = engine.PayeeRep
	}
	if c.PartnerID == 0 && !r.Rep {
		c.PartnerID = r.Payee
	}
	if c.Unit == "" {
		c.Unit = engine.UnitMoney
	}
	var err error
	for _, f := range []struct {
		dst *decimal.Decimal
		s   string
	}{{&c.OldAmount, r.OldAmount}, {&c.NewAmount, r.NewAmount}, {&c.OldBasis, r.OldBasis}, {&c.NewBasis, r.NewBasis}} {
		if *f.dst, err = parseChangeDec(f.s); err != nil {
			return c, err
		}
	}
	return c, nil
}

func changePrefix(period string) []byte {
	b := binary.BigEndian.AppendUint16(nil, uint16(len(period)))
	return append(b, period...)
}

// ChangeLog returns the change log of the last computation of period, and
// false when there is none (never computed since changes were recorded).
// A first computation's log has no changes: the period's lines are its list.
func (tx *Tx) ChangeLog(period string) (engine.ChangeLog, bool, error) {
	log, ok, err := tx.ChangeLogHeader(period)
	if err != nil || !ok {
		return log, ok, err
	}
	b := tx.btx.Bucket(bChanges)
	cp := append(changePrefix(period), 'c')
	c := b.Cursor()
	for k, v := c.Seek(cp); k != nil && bytes.HasPrefix(k, cp); k, v = c.Next() {
		var rows []changeRow
		if err := json.Unmarshal(v, &rows); err != nil {
			return log, false, fmt.Errorf("decode the changes of %s: %w", period, err)
		}
		for i := range rows {
			ch, err := rows[i].change()
			if err != nil {
				return log, false, fmt.Errorf("decode a change of %s: %w", period, err)
			}
			log.Changes = append(log.Changes, ch)
		}
	}
	return log, true, nil
}

// ChangeLogHeader is ChangeLog without the changes: the summary and the
// mark the next computation compares with.
func (tx *Tx) ChangeLogHeader(period string) (engine.ChangeLog, bool, error) {
	var log engine.ChangeLog
	b := tx.btx.Bucket(bChanges)
	if b == nil {
		// A read-only open of a file no writable open has upgraded yet.
		return log, false, nil
	}
	h := b.Get(append(changePrefix(period), 'h'))
	if h == nil {
		return log, false, nil
	}
	if err := json.Unmarshal(h, &log); err != nil {
		return log, false, fmt.Errorf("decode the change log of %s: %w", period, err)
	}
	return log, true, nil
}

// PutChangeLog replaces the change log of log.Period (refused once the
// period is closed), audited with its summary in the caller's transaction.
// The changes of a first computation (log.First) are not stored.
func (tx *Tx) PutChangeLog(log *engine.ChangeLog) error {
	if err := tx.writable(); err != nil {
		return err
	}
	if tx.IsPeriodClosed(log.Period) {
		return fmt.Errorf("record the changes of %s: %w", log.Period, engine.ErrPeriodClosed)
	}
	b, err := tx.bucket(bChanges)
	if err != nil {
		return err
	}
	prefix := changePrefix(log.Period)
	var before any
	if h := b.Get(append(bytes.Clone(prefix), 'h')); h != nil {
		var old engine.ChangeLog
		if err := json.Unmarshal(h, &old); err == nil {
			before = changeAudit{Period: old.Period, ComputedAt: old.ComputedAt.String(), Summary: old.Summary}
		}
	}
	// Delete the old log: collect its keys first, a cursor must not walk
	// keys it deletes.
	var old [][]byte
	c := b.Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		if len(k) > len(prefix) && (k[len(prefix)] == 'h' || k[len(prefix)] == 'c') {
			old = append(old, bytes.Clone(k))
		}
	}
	for _, k := range old {
		if err := b.Delete(k); err != nil {
			return fmt.Errorf("replace the changes of %s: %w", log.Period, err)
		}
	}
	h, err := json.Marshal(log)
	if err != nil {
		return fmt.Errorf("encode the change log of %s: %w", log.Period, err)
	}
	if err := b.Put(append(bytes.Clone(prefix), 'h'), h); err != nil {
		return fmt.Errorf("record the changes of %s: %w", log.Period, err)
	}
	if !log.First {
		for n := 0; n*changeChunk < len(log.Changes); n++ {
			part := log.Changes[n*changeChunk : min((n+1)*changeChunk, len(log.Changes))]
			rows := make([]changeRow, len(part))
			for i := range part {
				rows[i] = toRow(&part[i])
			}
			v, err := json.Marshal(rows)
			if err != nil {
				return fmt.Errorf("encode the changes of %s: %w", log.Period, err)
			}
			k := binary.BigEndian.AppendUint32(append(bytes.Clone(prefix), 'c'), uint32(n))
			if err := b.Put(k, v); err != nil {
				return fmt.Errorf("record the changes of %s: %w", log.Period, err)
			}
		}
	}
	after := changeAudit{Period: log.Period, ComputedAt: log.ComputedAt.String(), Summary: log.Summary}
	return tx.Audit(auditAction(before), "changes", 0, before, after)
}

// changeAudit is what the audit keeps of a change log: its summary.
type changeAudit struct {
	Period     string               `json:"period"`
	ComputedAt string               `json:"computed_at"`
	Summary    engine.ChangeSummary `json:"summary"`
}
