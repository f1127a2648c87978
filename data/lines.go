package data

import (
	"bytes"
	"encoding/binary"
	"fmt"

	"github.com/shopspring/decimal"

	"partnerdesk/engine"
)

// LinesOfPeriod returns the reward lines of period key (every program and
// status), in id order, through the period index.
func (tx *Tx) LinesOfPeriod(key string) ([]engine.RewardLine, error) {
	if err := tx.flush(); err != nil {
		return nil, err
	}
	idx, err := tx.bucket(bLinesByPeriod)
	if err != nil {
		return nil, err
	}
	lines, err := tx.bucket(kindByName[KindRewardLine].bucket)
	if err != nil {
		return nil, err
	}
	k := kindByName[KindRewardLine]
	prefix := linePrefix(key)
	var out []engine.RewardLine
	c := idx.Cursor()
	for ik, _ := c.Seek(prefix); ik != nil && bytes.HasPrefix(ik, prefix); ik, _ = c.Next() {
		if len(ik) != len(prefix)+8 {
			continue
		}
		id := btoi(ik[len(prefix):])
		v := lines.Get(ik[len(prefix):])
		if v == nil {
			return nil, fmt.Errorf("period index of %s points at reward line %d, which does not exist: run check", key, id)
		}
		var l engine.RewardLine
		if err := decode(k, id, v, &l); err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, nil
}

// sameLineIDs reports whether ls are, in order, the lines the period
// index lists for key, from the index keys alone.
func (tx *Tx) sameLineIDs(key string, ls []engine.RewardLine) bool {
	if err := tx.flush(); err != nil {
		return false
	}
	idx, err := tx.bucket(bLinesByPeriod)
	if err != nil {
		return false
	}
	prefix := linePrefix(key)
	i := 0
	c := idx.Cursor()
	for ik, _ := c.Seek(prefix); ik != nil && bytes.HasPrefix(ik, prefix); ik, _ = c.Next() {
		if len(ik) != len(prefix)+8 {
			continue
		}
		if i == len(ls) || ls[i].ID != engine.ID(btoi(ik[len(prefix):])) {
			return false
		}
		i++
	}
	return i == len(ls)
}

// lineSummary is what the audit keeps of a recomputation: counts and
// totals, not every line.
type lineSummary struct {
	Period string          `json:"period"`
	Lines  int             `json:"lines"`
	Amount decimal.Decimal `json:"amount"`
	Points int64           `json:"points"`
}

func summarize(period string, ls []engine.RewardLine) lineSummary {
	s := lineSummary{Period: period, Lines: len(ls)}
	amounts := make([]decimal.Decimal, len(ls))
	for i := range ls {
		amounts[i] = ls[i].Amount
		s.Points += ls[i].Points
	}
	s.Amount = sumDecimals(amounts)
	return s
}

// sumDecimals adds ds exactly, as a chain of Decimal.Add from zero would
// (the same value and exponent), but sums the figures that share the first
// one's exponent as int64s: a period's amounts are all rounded to the
// currency, and 150,000 big.Int additions cost a tenth of a second.
func sumDecimals(ds []decimal.Decimal) decimal.Decimal {
	var slow decimal.Decimal
	var n int64
	exp, minExp := int32(0), int32(0)
	fast := false
	for _, d := range ds {
		minExp = min(minExp, d.Exponent())
		if d.IsZero() {
			continue
		}
		if !fast {
			exp, fast = min(d.Exponent(), 0), true
		}
		if d.Exponent() == exp && d.NumDigits() <= 18 {
			v := d.CoefficientInt64()
			if s, ok := addInt64(n, v); ok {
				n = s
				continue
			}
		}
		slow = slow.Add(d)
	}
	sum := decimal.New(n, exp).Add(slow)
	if minExp < sum.Exponent() {
		sum = sum.Add(decimal.New(0, minExp))
	}
	return sum
}

// addInt64 returns a+b and whether it did not overflow.
func addInt64(a, b int64) (int64, bool) {
	s := a + b
	if (a > 0 && b > 0 && s < 0) || (a < 0 && b < 0 && s >= 0) {
		return 0, false
	}
	return s, true
}

// ReplaceDraftLines deletes the draft reward lines of period and stores
// lines (new ids; each must be a draft of that period) in their place, in
// the caller's transaction. Approved and paid lines stay. The audit keeps
// one "recompute" entry with the counts and totals before and after. The
// ids assigned are written back into lines.
func (tx *Tx) ReplaceDraftLines(period string, lines []engine.RewardLine) error {
	return tx.ReplaceDraftLinesRead(period, nil, lines)
}

// ReplaceDraftLinesRead is ReplaceDraftLines for a caller that has just
// read the period's lines in this transaction (LinesOfPeriod): they are
// not decoded a second time. old is checked against the period index (the
// same ids in the same order) and read again when it differs.
func (tx *Tx) ReplaceDraftLinesRead(period string, old, lines []engine.RewardLine) error {
	if err := tx.writable(); err != nil {
		return err
	}
	if tx.IsPeriodClosed(period) {
		return fmt.Errorf("recompute %s: %w", period, engine.ErrPeriodClosed)
	}
	for i := range lines {
		l := &lines[i]
		if l.Period != period {
			return fmt.Errorf("recompute %s: line %d is for period %q", period, i+1, l.Period)
		}
		if l.Status == "" {
			l.Status = engine.LineDraft
		}
		if l.Status != engine.LineDraft {
			return fmt.Errorf("recompute %s: line %d is %s, not a draft", period, i+1, l.Status)
		}
	}
	enc := encodeLinesAsync(lines)
	defer enc.stop()
	return tx.replaceDrafts(period, old, lines, enc)
}

// replaceDrafts is ReplaceDraftLinesRead once lines are checked: enc
// encodes them on another goroutine while this one removes the old drafts
// and stores the new lines (encoding needs nothing of the transaction,
// and a quarter's lines take as long to encode as to store).
//
// It is long because it is one write transaction's steps (delete the
// drafts, store the new lines, index them, one audit entry), each with its
// error.
func (tx *Tx) replaceDrafts(period string, old, lines []engine.RewardLine, enc *asyncLines) error {
	if old == nil || !tx.sameLineIDs(period, old) {
		var err error
		if old, err = tx.LinesOfPeriod(period); err != nil {
			return err
		}
	}
	k := kindByName[KindRewardLine]
	b, err := tx.bucket(k.bucket)
	if err != nil {
		return err
	}
	var removed []engine.RewardLine
	for i := range old {
		if old[i].Status != engine.LineDraft {
			continue
		}
		if err := tx.unindex(k, &old[i]); err != nil {
			return err
		}
		if err := b.Delete(itob(old[i].ID)); err != nil {
			return fmt.Errorf("recompute %s: delete line %d: %w", period, old[i].ID, err)
		}
		removed = append(removed, old[i])
	}
	// The new lines' period index entries go straight to the index, not
	// through the transaction's buffer (tx.index): their ids only grow, so
	// they already arrive in key order, and 150,000 buffered keys would
	// cost a map and a sort. The deletions above are applied first.
	if err := tx.flush(); err != nil {
		return err
	}
	idx, err := tx.bucket(bLinesByPeriod)
	if err != nil {
		return err
	}
	prefix := linePrefix(period)
	// Keys are carved from shared chunks rather than allocated one by
	// one, as the values are (encodeLinesAsync): bbolt keeps every key
	// and value until the commit.
	var arena []byte
	carve := func(start int) []byte { return arena[start:len(arena):len(arena)] }
	i := 0
	for batch := range enc.out {
		for _, v := range batch {
			l := &lines[i]
			i++
			if l.Status == "" {
				// As encoded (PrepareDraftLines): set only now, since
				// the encoder reads the lines until it hands them over.
				l.Status = engine.LineDraft
			}
			seq, err := b.NextSequence()
			if err != nil {
				return fmt.Errorf("recompute %s: new line id: %w", period, err)
			}
			l.ID = engine.ID(seq)
			if cap(arena)-len(arena) < 1<<10 {
				arena = make([]byte, 0, 256<<10)
			}
			start := len(arena)
			arena = binary.BigEndian.AppendUint64(arena, uint64(l.ID))
			id := carve(start)
			start = len(arena)
			arena = append(append(arena, prefix...), id...)
			ik := carve(start)
			if err := b.Put(id, v); err != nil {
				return fmt.Errorf("recompute %s: put line %d: %w", period, l.ID, err)
			}
			if err := idx.Put(ik, []byte{}); err != nil {
				return fmt.Errorf("recompute %s: index line %d: %w", period, l.ID, err)
			}
		}
	}
	return tx.Audit("recompute", KindRewardLine, 0, summarize(period, removed), summarize(period, lines))
}
