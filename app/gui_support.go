package app

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"partnerdesk/data"
	"partnerdesk/engine"
	"partnerdesk/engine/i18n"
	"partnerdesk/engine/views"
)

// This file holds the use cases the desktop screens need beyond the ones
// the command line shares: period facts, review with budgets, payee search
// and statement previews. The GUI adapter only converts their results.

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

// programSpend sums every program's approved and paid money lines over
// all periods: what a budget is measured against.
func programSpend(tx *data.Tx) (map[engine.ID]decimal.Decimal, error) {
	out := map[engine.ID]decimal.Decimal{}
	err := data.Each(tx, func(l *engine.RewardLine) error {
		if l.Unit == engine.UnitMoney && l.Status != engine.LineDraft {
			out[l.ProgramID] = out[l.ProgramID].Add(l.Amount)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("program spend: %w", err)
	}
	return out, nil
}

// ProgramList lists every program by id with its spend, in the company's
// language and currency.
func (s *Service) ProgramList() (views.ProgramList, error) {
	co, err := s.Company()
	if err != nil {
		return views.ProgramList{}, err
	}
	out := views.ProgramList{Language: co.Language, Currency: co.Currency}
	err = s.view(func(tx *data.Tx) error {
		spent, err := programSpend(tx)
		if err != nil {
			return err
		}
		return data.Each(tx, func(p *engine.Program) error {
			out.Programs = append(out.Programs, views.ProgramSpend{Program: *p, Spent: spent[p.ID]})
			return nil
		})
	})
	return out, err
}

// ProgramByID returns one program; errors wrap engine.ErrNotFound.
func (s *Service) ProgramByID(id engine.ID) (engine.Program, error) {
	var p engine.Program
	err := s.view(func(tx *data.Tx) error {
		got, err := data.Get[engine.Program](tx, id)
		if err != nil {
			return err
		}
		p = *got
		return nil
	})
	return p, err
}

// ReadProgram parses and validates a program file without storing it; a
// file that names no currency gets the company's.
func (s *Service) ReadProgram(b []byte) (engine.Program, error) {
	p, err := engine.ParseProgramFile(b)
	if err != nil {
		return p, err
	}
	// A file's id belongs to the database it came from: saving matches
	// the program by its identity (UID), then by name (see SaveProgram).
	p.ID = 0
	if p.Currency == "" {
		co, err := s.Company()
		if err != nil {
			return p, err
		}
		p.Currency = co.Currency.Code
	}
	return p, nil
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
		spent, err := programSpend(tx)
		if err != nil {
			return err
		}
		idx := map[engine.ID]int{}
		for _, l := range ls {
			name, partner := who.of(l.Payee)
			if l.Payee.Kind == engine.PayeeRep && partner != "" {
				name += " (" + partner + ")"
			}
			r.Lines = append(r.Lines, views.ReviewedLine{Line: l, Program: pn.name(l.ProgramID), Rule: pn.rule(l.ProgramID, l.RuleKey),
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

// FindPayees returns up to limit partners and then reps whose name contains
// query, ignoring case, each group by name. An empty query matches all.
func (s *Service) FindPayees(query string, limit int) ([]views.PayeeRef, error) {
	q := strings.ToLower(strings.TrimSpace(query))
	var partners, reps []views.PayeeRef
	err := s.view(func(tx *data.Tx) error {
		who, err := namesIn(tx)
		if err != nil {
			return err
		}
		for id, p := range who.partners {
			if strings.Contains(strings.ToLower(p.Name), q) {
				partners = append(partners, views.PayeeRef{Payee: engine.Payee{Kind: engine.PayeePartner, ID: id}, Name: p.Name})
			}
		}
		return data.Each(tx, func(r *engine.Rep) error {
			if strings.Contains(strings.ToLower(r.Name), q) {
				reps = append(reps, views.PayeeRef{Payee: engine.Payee{Kind: engine.PayeeRep, ID: r.ID}, Name: r.Name, Partner: who.partner(r.PartnerID)})
			}
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("find payees %q: %w", query, err)
	}
	byName := func(a, b views.PayeeRef) int {
		return cmp.Or(strings.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)),
			strings.Compare(strings.ToLower(a.Partner), strings.ToLower(b.Partner)), cmp.Compare(a.Payee.ID, b.Payee.ID))
	}
	slices.SortFunc(partners, byName)
	slices.SortFunc(reps, byName)
	out := append(partners, reps...)
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

// StatementPreview summarises the statement BuildStatement would print,
// so the screen shows the same figures as the PDF.
func (s *Service) StatementPreview(period string, payee engine.Payee) (views.StatementPreview, error) {
	st, err := s.BuildStatement(payee, period)
	if err != nil {
		return views.StatementPreview{}, err
	}
	sp := views.StatementPreview{
		Payee:    views.PayeeRef{Payee: payee, Name: st.Payee.Name, Partner: st.Payee.PartnerName},
		Period:   st.Period.Key,
		Language: st.Language,
		Currency: st.Company.Currency,
		Tier:     st.Payee.Tier,
		Progress: st.Payee.NextTier,
		Nudges:   st.Nudges,
		Sales:    st.Summary.Sales,
		Rewards:  st.Total(),
		Points:   st.TotalPoints(),
		Paid:     st.PaidTotal(),
		YTD:      st.YTD.Rewards,
		Lines:    len(st.Lines) + len(st.Adjustments),
	}
	for _, t := range st.ProgramTotals() {
		sp.Programs = append(sp.Programs, views.ProgramAmount{Program: t.Program, Amount: t.Amount, Points: t.Points})
	}
	for _, f := range st.Summary.Funds {
		sp.Fund = sp.Fund.Add(f.Balance)
	}
	return sp, nil
}
