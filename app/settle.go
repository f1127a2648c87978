package app

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"partnerdesk/data"
	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// Settling a period: approving its lines (within the programs' budgets),
// paying them, and closing it; and the list of periods with their state.

// Approve approves the period's draft lines with the given ids (all draft
// lines when ids is empty). A program's budget is not a cap: when the lines
// take a program past it, Approve returns an *engine.BudgetError with the figures
// unless confirmed. Points lines post to the points ledger and fund lines
// post accruals to the fund ledger, in the same transaction.
func (s *Service) Approve(period string, ids []engine.ID, confirmed bool) (views.ApproveResult, error) {
	p, err := s.Period(period)
	if err != nil {
		return views.ApproveResult{}, usagef("%v", err)
	}
	co, err := s.Company()
	if err != nil {
		return views.ApproveResult{}, err
	}
	var res views.ApproveResult
	err = s.update(func(tx *data.Tx) error {
		ls, err := tx.LinesOfPeriod(p.Key)
		if err != nil {
			return err
		}
		want := map[engine.ID]bool{}
		for _, id := range ids {
			want[id] = true
		}
		var chosen []engine.RewardLine
		for _, l := range ls {
			if len(ids) > 0 && !want[l.ID] {
				continue
			}
			if len(ids) > 0 && l.Status != engine.LineDraft {
				return &engine.ValidationError{Field: "line", Reason: fmt.Sprintf("line %d is already %s", l.ID, l.Status)}
			}
			delete(want, l.ID)
			if l.Status == engine.LineDraft {
				chosen = append(chosen, l)
			}
		}
		for id := range want {
			return &engine.ValidationError{Field: "line", Reason: fmt.Sprintf("line %d is not a line of %s", id, p.Key)}
		}
		if err := checkApprovalExamples(tx, co, chosen); err != nil {
			return err
		}
		budgets, err := budgetUse(tx, co, p, chosen)
		if err != nil {
			return err
		}
		res.Budgets = budgets
		var over []engine.BudgetOverrun
		for _, b := range budgets {
			if b.Passes() {
				over = append(over, b)
			}
		}
		if len(over) > 0 && !confirmed {
			return &engine.BudgetError{Overruns: over}
		}
		today := s.Today()
		for i := range chosen {
			l := &chosen[i]
			l.Status, l.ApprovedBy, l.ApprovedOn = engine.LineApproved, s.Operator, today
			if err := tx.Put(l); err != nil {
				return fmt.Errorf("approve line %d: %w", l.ID, err)
			}
			if err := s.postLedgers(tx, p, l); err != nil {
				return err
			}
		}
		res.Approved = len(chosen)
		return nil
	})
	return res, err
}

// postLedgers books an approved line's points or fund accrual. Entries are
// dated at the period end, so a period's ledgers read as of its last day;
// if that day is closed (an adjustment line), they are dated today.
func (s *Service) postLedgers(tx *data.Tx, p engine.Period, l *engine.RewardLine) error {
	date := p.End
	if tx.IsClosed(date) {
		date = s.Today()
	}
	return postLedgerEntry(tx, p, l, date) // app/ledger.go
}

// budgetUse sums, per program of the chosen lines of period p, what was
// already approved or paid inside the program's budget span (the fiscal
// year holding p's end, programSpend) and what the chosen lines add.
func budgetUse(tx *data.Tx, co engine.Company, p engine.Period, chosen []engine.RewardLine) ([]engine.BudgetOverrun, error) {
	by := map[engine.ID]*engine.BudgetOverrun{}
	for _, l := range chosen {
		if l.Unit != engine.UnitMoney {
			continue
		}
		b := by[l.ProgramID]
		if b == nil {
			prog, err := data.Get[engine.Program](tx, l.ProgramID)
			if err != nil {
				return nil, fmt.Errorf("program %d of line %d: %w", l.ProgramID, l.ID, err)
			}
			b = &engine.BudgetOverrun{ProgramID: prog.ID, Program: prog.Name, Currency: co.Currency, Budget: prog.Budget}
			by[l.ProgramID] = b
		}
		b.Approving = b.Approving.Add(l.Amount)
	}
	if len(by) == 0 {
		return nil, nil
	}
	spent, _, err := programSpend(tx, p.End, co.FiscalYearStart)
	if err != nil {
		return nil, err
	}
	var out []engine.BudgetOverrun
	for id, b := range by {
		b.Spent = spent[id]
		out = append(out, *b)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ProgramID < out[j].ProgramID })
	return out, nil
}

// Pay records a payout that settles approved money lines of one payee; the
// amount must equal the sum of the lines it settles.
//
// It is long because it makes each check of a payout (payee, lines approved
// and unpaid, amount equal to their sum, open period) and writes it, in one
// write transaction.
func (s *Service) Pay(in views.PayInput) (engine.Payout, error) {
	co, err := s.Company()
	if err != nil {
		return engine.Payout{}, err
	}
	var po engine.Payout
	err = s.update(func(tx *data.Tx) error {
		date := s.Today()
		if in.Date != "" {
			d, err := engine.ParseDate(in.Date)
			if err != nil {
				return &engine.ValidationError{Field: "date", Reason: err.Error()}
			}
			date = d
		}
		if tx.IsClosed(date) {
			return &engine.ValidationError{Field: "date", Reason: fmt.Sprintf("%s lies in a closed period: date the payout in an open one", date)}
		}
		if strings.TrimSpace(in.Method) == "" {
			return &engine.ValidationError{Field: "method", Reason: "say how it was paid (bank transfer, credit note, voucher)"}
		}
		if len(in.Lines) == 0 {
			return &engine.ValidationError{Field: "lines", Reason: "choose the approved lines the payout settles"}
		}
		var payee engine.Payee
		total := decimal.Zero
		var lines []*engine.RewardLine
		seen := map[engine.ID]bool{}
		for _, id := range in.Lines {
			if seen[id] {
				continue
			}
			seen[id] = true
			l, err := data.Get[engine.RewardLine](tx, id)
			if err != nil {
				return &engine.ValidationError{Field: "lines", Reason: fmt.Sprintf("there is no line %d", id)}
			}
			if l.Status != engine.LineApproved {
				return &engine.ValidationError{Field: "lines", Reason: fmt.Sprintf("line %d is %s: only approved lines are paid", id, l.Status)}
			}
			if l.Unit != engine.UnitMoney {
				return &engine.ValidationError{Field: "lines", Reason: fmt.Sprintf("line %d is %s, not money", id, l.Unit)}
			}
			if payee.ID == 0 {
				payee = l.Payee
			} else if payee != l.Payee {
				return &engine.ValidationError{Field: "lines", Reason: "a payout settles the lines of one payee"}
			}
			total = total.Add(l.Amount)
			lines = append(lines, l)
		}
		if in.Payee != "" {
			nm, err := loadNames(tx)
			if err != nil {
				return err
			}
			if !matchPayee(in.Payee, payee, nm.payee(payee)) {
				return &engine.ValidationError{Field: "payee", Reason: fmt.Sprintf("the lines belong to %s %d (%s), not %s", payee.Kind, payee.ID, nm.payee(payee), in.Payee)}
			}
		}
		if in.Amount != "" {
			amt, err := parseMoney("amount", in.Amount)
			if err != nil {
				return err
			}
			if !amt.Equal(total) {
				return &engine.ValidationError{Field: "amount", Reason: fmt.Sprintf("the payout of %s does not equal the %s of the lines it settles", co.Currency.Format(amt), co.Currency.Format(total))}
			}
		}
		po = engine.Payout{Date: date, Payee: payee, Amount: total, Method: strings.TrimSpace(in.Method), Reference: strings.TrimSpace(in.Reference)}
		for _, l := range lines {
			po.LineIDs = append(po.LineIDs, l.ID)
		}
		if err := tx.Put(&po); err != nil {
			return fmt.Errorf("record payout: %w", err)
		}
		// Its self-billing number, in this transaction (data/invoices.go).
		if _, err := tx.NumberPayouts(); err != nil {
			return fmt.Errorf("number payout %d: %w", po.ID, err)
		}
		for _, l := range lines {
			l.Status, l.PayoutID = engine.LinePaid, po.ID
			if err := tx.Put(l); err != nil {
				return fmt.Errorf("mark line %d paid: %w", l.ID, err)
			}
		}
		return nil
	})
	return po, err
}

// closedBy reports whether period p is closed, itself or inside a longer
// closed period (closing a quarter closes its months), and names the period
// whose close froze it. Closing the three months never closes the quarter.
func closedBy(tx *data.Tx, p engine.Period) (string, bool) {
	states, err := tx.PeriodStates()
	if err != nil {
		return "", false
	}
	var closed []engine.Period
	for _, st := range states {
		if st.Closed {
			closed = append(closed, engine.Period{Key: st.Key, Start: st.Start, End: st.End})
		}
	}
	cp, ok := engine.ClosedBy(closed, p)
	return cp.Key, ok
}

// periodsInside returns the periods of every kind that lie inside p, p
// included, shortest first: closing p closes them all.
func periodsInside(p engine.Period, fy time.Month) []engine.Period {
	if p.Kind == engine.PeriodCustom {
		return []engine.Period{p}
	}
	var out []engine.Period
	for _, k := range []engine.PeriodKind{engine.PeriodMonth, engine.PeriodQuarter, engine.PeriodYear} {
		for q := engine.PeriodContaining(k, p.Start, fy); q.End <= p.End; q = q.Next(fy) {
			if q.Start >= p.Start {
				out = append(out, q)
			}
		}
	}
	return out
}

// staleLines reports whether a fresh computation of open period p would
// change what is stored for it: some program of its kind has inputs its
// last compute did not count (or no compute ran at all).
func (s *Service) staleLines(tx *data.Tx, co engine.Company, p engine.Period) (bool, error) {
	in, err := s.loadInputs(tx, co, p, nil)
	if err != nil {
		return false, err
	}
	res, err := engine.Compute(in)
	if err != nil {
		return false, fmt.Errorf("compute %s: %w", p.Key, err)
	}
	stored, err := tx.LinesOfPeriod(p.Key)
	if err != nil {
		return false, err
	}
	// Reconcile against every stored line, drafts included: what is left
	// is what a compute would still add. Anything but zero lines is stale.
	for _, l := range engine.Reconcile(res.Lines, stored) {
		if !l.Amount.IsZero() || l.Points != 0 {
			return true, nil
		}
	}
	return false, nil
}

// ClosePeriod closes a period: inputs dated in it and its reward lines
// become read-only, and so do the periods of every kind inside it (closing
// 2026-Q1 closes 2026-01 to 2026-03 too; closing months never closes their
// quarter). It refuses while a period inside it that is still open has
// lines its inputs no longer give (compute it first), draft lines with an
// amount, or approved money lines unpaid: the run is compute, approve, pay,
// close. Zero draft lines (explanations of what did not pay) are approved
// on the way. Each period closed records the last sale id, so a sale
// entered later and dated in it is told apart as a late sale.
//
// The refusals are closeState's (app/closecheck.go), made in the same write
// transaction as the close, so that nothing changes between the checks and
// the close.
func (s *Service) ClosePeriod(period string) (engine.PeriodState, error) {
	co, err := s.Company()
	if err != nil {
		return engine.PeriodState{}, err
	}
	p, err := engine.ParsePeriod(period, co.FiscalYearStart)
	if err != nil {
		return engine.PeriodState{}, usagef("%v", err)
	}
	today := s.Today()
	st := engine.PeriodState{Key: p.Key, Start: p.Start, End: p.End, Closed: true, ClosedOn: today, ClosedBy: s.Operator}
	err = s.update(func(tx *data.Tx) error {
		if by, closed := closedBy(tx, p); closed {
			return fmt.Errorf("%s is already closed (with %s)", p.Key, by)
		}
		// One function finds every refusal, for this and CloseCheck (the
		// window's warning before it asks to confirm).
		state, err := s.closeState(tx, co, p)
		if err != nil {
			return err
		}
		if !state.check.CanClose() {
			return errors.New(state.check.Text)
		}
		open, zeros := state.open, state.zeros
		for i := range zeros {
			l := &zeros[i]
			l.Status, l.ApprovedBy, l.ApprovedOn = engine.LineApproved, s.Operator, today
			if err := tx.Put(l); err != nil {
				return err
			}
		}
		last, err := tx.LastSaleID()
		if err != nil {
			return err
		}
		st.LastSaleID = last
		for _, q := range open {
			if q.Key == p.Key {
				continue
			}
			sub := engine.PeriodState{Key: q.Key, Start: q.Start, End: q.End, Closed: true, ClosedOn: today, ClosedBy: s.Operator, LastSaleID: last}
			if err := tx.ClosePeriod(sub); err != nil {
				return fmt.Errorf("close %s inside %s: %w", q.Key, p.Key, err)
			}
		}
		return tx.ClosePeriod(st)
	})
	return st, err
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// Periods returns the stored period states, closed ones included.
func (s *Service) Periods() ([]engine.PeriodState, error) {
	var out []engine.PeriodState
	err := s.view(func(tx *data.Tx) error {
		var err error
		out, err = tx.PeriodStates()
		return err
	})
	return out, err
}
