package app

import (
	"errors"
	"fmt"

	"partnerdesk/data"
	"partnerdesk/engine"
	"partnerdesk/engine/i18n"
	"partnerdesk/engine/views"
)

// This file holds the period run's reads: whether a period is closed,
// which one the run opens on, its lines with names and budgets, and what
// closing it would make read-only.

// periodClosed is how ComputePeriod decides that a period can no longer
// change: its own state is closed, or both its ends lie in closed periods.
func periodClosed(tx *data.Tx, p engine.Period) bool {
	return tx.IsPeriodClosed(p.Key) || tx.IsClosed(p.Start) && tx.IsClosed(p.End)
}

// PeriodInfo parses key with the company's fiscal year and says whether
// the period is closed.
func (s *Service) PeriodInfo(key string) (views.PeriodInfo, error) {
	p, err := s.Period(key)
	if err != nil {
		return views.PeriodInfo{}, usagef("%v", err)
	}
	info := views.PeriodInfo{Key: p.Key, Start: p.Start, End: p.End}
	err = s.view(func(tx *data.Tx) error {
		info.Closed = periodClosed(tx, p)
		return nil
	})
	return info, err
}

// RunPeriodKey is the period the run and statement screens open on: the
// latest period that has ended and is still open, of the kind most active
// programs use (months on a tie, then quarters); the running one when the
// last one is closed already.
func (s *Service) RunPeriodKey() (string, error) {
	var key string
	err := s.view(func(tx *data.Tx) error {
		co, err := tx.Company()
		if err != nil && !errors.Is(err, engine.ErrNotFound) {
			return err
		}
		co = withCompanyDefaults(co)
		n := map[engine.PeriodKind]int{}
		err = data.Each(tx, func(p *engine.Program) error {
			if p.Status == engine.ProgramActive && p.PeriodKind != engine.PeriodCustom {
				n[p.PeriodKind]++
			}
			return nil
		})
		if err != nil {
			return err
		}
		kind := engine.PeriodMonth
		for _, k := range []engine.PeriodKind{engine.PeriodQuarter, engine.PeriodYear} {
			if n[k] > n[kind] {
				kind = k
			}
		}
		cur := engine.PeriodContaining(kind, s.Today(), co.FiscalYearStart)
		key = cur.Key
		if prev := cur.Previous(co.FiscalYearStart); !periodClosed(tx, prev) {
			key = prev.Key
		}
		return nil
	})
	return key, err
}

// ComputeForRun computes the period (ComputePeriod) and counts the
// programs its lines belong to.
func (s *Service) ComputeForRun(period string, progress func(done, total int)) (views.ComputeRun, error) {
	sum, err := s.ComputePeriod(period, progress)
	if err != nil {
		return views.ComputeRun{}, err
	}
	run := views.ComputeRun{ComputeSummary: sum}
	err = s.view(func(tx *data.Tx) error {
		ls, err := tx.LinesOfPeriod(sum.Period)
		if err != nil {
			return err
		}
		seen := map[engine.ID]bool{}
		for _, l := range ls {
			seen[l.ProgramID] = true
		}
		run.Programs = len(seen)
		return nil
	})
	return run, err
}

// Review returns the period's reward lines with names, rendered
// explanations and each program's totals against its budget, from one
// read transaction.
func (s *Service) Review(period string) (views.PeriodReview, error) {
	var r views.PeriodReview
	err := s.view(func(tx *data.Tx) error {
		c, err := s.dashPeriod(tx, period)
		if err != nil {
			return err
		}
		p := c.p
		r = views.PeriodReview{Period: views.PeriodInfo{Key: p.Key, Start: p.Start, End: p.End, Closed: periodClosed(tx, p)},
			Language: c.co.Language, Currency: c.co.Currency}
		ls, err := tx.LinesOfPeriod(p.Key)
		if err != nil {
			return fmt.Errorf("lines of %s: %w", p.Key, err)
		}
		who, err := namesIn(tx)
		if err != nil {
			return err
		}
		pn, err := programsIn(tx)
		if err != nil {
			return err
		}
		spent, _, err := programSpend(tx, p.End, c.co.FiscalYearStart)
		if err != nil {
			return err
		}
		idx := map[engine.ID]int{}
		for _, l := range ls {
			name, partner := who.of(l.Payee)
			if l.Payee.Kind == engine.PayeeRep && partner != "" {
				name += " (" + partner + ")"
			}
			r.Lines = append(r.Lines, views.ReviewedLine{Line: l, Program: pn.name(l.ProgramID), Rule: withRuleVersion(pn[l.ProgramID], pn.rule(l.ProgramID, l.RuleKey), l),
				Payee: name, Explanation: i18n.Explain(l.Explanation, c.co.Language)})
			i, ok := idx[l.ProgramID]
			if !ok {
				i = len(r.Totals)
				idx[l.ProgramID] = i
				t := views.ReviewTotal{ProgramID: l.ProgramID, Program: pn.name(l.ProgramID), Spent: spent[l.ProgramID]}
				if prog := pn[l.ProgramID]; prog != nil {
					t.Budget = prog.Budget
				}
				t.Over = t.Budget.IsPositive() && t.Spent.GreaterThan(t.Budget)
				r.Totals = append(r.Totals, t)
			}
			if l.Unit == engine.UnitMoney {
				r.Totals[i].Amount = r.Totals[i].Amount.Add(l.Amount)
				r.Money = r.Money.Add(l.Amount)
			}
			r.Totals[i].Points += l.Points
			r.Points += l.Points
		}
		return nil
	})
	if err != nil {
		return views.PeriodReview{}, fmt.Errorf("review %s: %w", period, err)
	}
	return r, nil
}

// CloseImpact counts the inputs dated in the period that are still open
// (sales by book date, registrations by submission, trainings by
// completion, activities by date) and the reward lines that ClosePeriod
// would close with it.
func (s *Service) CloseImpact(period string) (views.CloseImpact, error) {
	var ci views.CloseImpact
	err := s.view(func(tx *data.Tx) error {
		c, err := s.dashPeriod(tx, period)
		if err != nil {
			return err
		}
		p := c.p
		open := func(d engine.Date) bool { return p.Contains(d) && !tx.IsClosed(d) }
		err = tx.SalesBetween(p.Start, p.End, func(x *engine.Sale) error {
			if !tx.IsClosed(x.BookDate()) {
				ci.Sales++
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("sales: %w", err)
		}
		err = data.Each(tx, func(r *engine.Registration) error {
			if open(r.Submitted) {
				ci.Registrations++
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("registrations: %w", err)
		}
		err = data.Each(tx, func(t *engine.Training) error {
			if open(t.Completed) {
				ci.Trainings++
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("trainings: %w", err)
		}
		err = data.Each(tx, func(a *engine.Activity) error {
			if open(a.Date) {
				ci.Activities++
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("activities: %w", err)
		}
		inside := lineInside(p, c.co.FiscalYearStart)
		return data.Each(tx, func(l *engine.RewardLine) error {
			if !inside(l.Period) || tx.IsPeriodClosed(l.Period) {
				return nil
			}
			ci.Lines++
			if l.Status == engine.LineDraft && (!l.Amount.IsZero() || l.Points != 0) {
				ci.Draft++
			}
			return nil
		})
	})
	if err != nil {
		return views.CloseImpact{}, fmt.Errorf("close impact of %s: %w", period, err)
	}
	return ci, nil
}
