package data

import (
	"bytes"
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
	for i := range ls {
		s.Amount = s.Amount.Add(ls[i].Amount)
		s.Points += ls[i].Points
	}
	return s
}

// ReplaceDraftLines deletes the draft reward lines of period and stores
// lines (new ids; each must be a draft of that period) in their place, in
// the caller's transaction. Approved and paid lines stay. The audit keeps
// one "recompute" entry with the counts and totals before and after. The
// ids assigned are written back into lines.
func (tx *Tx) ReplaceDraftLines(period string, lines []engine.RewardLine) error {
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
	old, err := tx.LinesOfPeriod(period)
	if err != nil {
		return err
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
	for i := range lines {
		l := &lines[i]
		seq, err := b.NextSequence()
		if err != nil {
			return fmt.Errorf("recompute %s: new line id: %w", period, err)
		}
		l.ID = engine.ID(seq)
		v, err := encode(k, l)
		if err != nil {
			return err
		}
		if err := tx.index(k, l, v); err != nil {
			return err
		}
		if err := b.Put(itob(l.ID), v); err != nil {
			return fmt.Errorf("recompute %s: put line %d: %w", period, l.ID, err)
		}
	}
	return tx.Audit("recompute", KindRewardLine, 0, summarize(period, removed), summarize(period, lines))
}
