package app

import (
	"fmt"
	"strings"

	"partnerdesk/data"
	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// CloseCheck says what keeps period from closing, in the words ClosePeriod
// refuses with, so that the window can say it before asking to confirm
// and offer to go there (issue #15.9). A period that can close gets an
// empty list; an already closed one is an error.
func (s *Service) CloseCheck(period string) (views.CloseCheck, error) {
	co, err := s.Company()
	if err != nil {
		return views.CloseCheck{}, err
	}
	p, err := engine.ParsePeriod(period, co.FiscalYearStart)
	if err != nil {
		return views.CloseCheck{}, usagef("%v", err)
	}
	var check views.CloseCheck
	err = s.view(func(tx *data.Tx) error {
		if by, closed := closedBy(tx, p); closed {
			return fmt.Errorf("%s is already closed (with %s)", p.Key, by)
		}
		state, err := s.closeState(tx, co, p)
		check = state.check
		return err
	})
	if err != nil {
		return views.CloseCheck{}, err
	}
	return check, nil
}

// closeState is what ClosePeriod finds before it closes p: the periods
// inside p still open, what blocks the close, and the zero draft lines it
// approves on the way.
type closeState struct {
	open  []engine.Period
	check views.CloseCheck
	zeros []engine.RewardLine
}

// closeState gathers, in tx, every reason p cannot close: each open period
// inside it whose computation is stale, and each with draft lines or
// approved money lines unpaid. One function for CloseCheck and ClosePeriod,
// so the window's warning and the refusal cannot differ.
func (s *Service) closeState(tx *data.Tx, co engine.Company, p engine.Period) (closeState, error) {
	st := closeState{check: views.CloseCheck{Period: p.Key}}
	for _, q := range periodsInside(p, co.FiscalYearStart) {
		if _, closed := closedBy(tx, q); !closed {
			st.open = append(st.open, q)
		}
	}
	byPeriod := map[string]*views.CloseBlocker{}
	blocker := func(k string) *views.CloseBlocker {
		b := byPeriod[k]
		if b == nil {
			b = &views.CloseBlocker{Period: k}
			byPeriod[k] = b
		}
		return b
	}
	isOpen := map[string]bool{}
	for _, q := range st.open {
		isOpen[q.Key] = true
		stale, err := s.staleLines(tx, co, q)
		if err != nil {
			return st, err
		}
		if stale {
			blocker(q.Key).Stale = true
		}
	}
	err := data.Each(tx, func(l *engine.RewardLine) error {
		if !isOpen[l.Period] {
			return nil
		}
		switch {
		case l.Status == engine.LineDraft && l.Amount.IsZero() && l.Points == 0:
			st.zeros = append(st.zeros, *l)
		case l.Status == engine.LineDraft:
			blocker(l.Period).Draft++
		case l.Status == engine.LineApproved && l.Unit == engine.UnitMoney && !l.Amount.IsZero():
			blocker(l.Period).Unpaid++
		}
		return nil
	})
	if err != nil {
		return st, err
	}
	// Shortest periods first (periodsInside's order): the months before
	// the quarter that holds them.
	var stale, pending []string
	for _, q := range st.open {
		b := byPeriod[q.Key]
		if b == nil {
			continue
		}
		var says []string
		if b.Stale {
			stale = append(stale, q.Key)
			says = append(says, fmt.Sprintf("%s must be computed again (its inputs or programs changed, or it was never computed)", q.Key))
		}
		if b.Draft > 0 || b.Unpaid > 0 {
			line := fmt.Sprintf("%s has %d draft and %d approved unpaid lines", q.Key, b.Draft, b.Unpaid)
			pending = append(pending, line)
			says = append(says, line)
		}
		b.Text = strings.Join(says, "; ")
		st.check.Blockers = append(st.check.Blockers, *b)
	}
	var parts []string
	if len(stale) > 0 {
		parts = append(parts, fmt.Sprintf("a computation of %s now gives other lines than the stored ones (inputs or programs changed, or it was never computed); compute %s first",
			strings.Join(stale, ", "), strings.Join(stale, ", ")))
	}
	if len(pending) > 0 {
		parts = append(parts, fmt.Sprintf("%s; approve and pay them (or recompute) first", strings.Join(pending, ", ")))
	}
	if len(parts) > 0 {
		st.check.Text = p.Key + " cannot close yet: " + strings.Join(parts, "; and ")
	}
	return st, nil
}
