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
)

// This file holds the use cases the desktop screens need beyond the ones
// the command line shares: period facts, review with budgets, payee search
// and statement previews. The GUI adapter only converts their results.

// PeriodInfo is a validated period and whether it is closed.
type PeriodInfo struct {
	Key        string
	Start, End engine.Date
	Closed     bool
}

// periodClosed is how ComputePeriod decides that a period can no longer
// change: its own state is closed, or both its ends lie in closed periods.
func periodClosed(tx *data.Tx, p engine.Period) bool {
	return tx.IsPeriodClosed(p.Key) || tx.IsClosed(p.Start) && tx.IsClosed(p.End)
}

// PeriodInfo parses key with the company's fiscal year and says whether
// the period is closed.
func (s *Service) PeriodInfo(key string) (PeriodInfo, error) {
	p, err := s.Period(key)
	if err != nil {
		return PeriodInfo{}, usagef("%v", err)
	}
	info := PeriodInfo{Key: p.Key, Start: p.Start, End: p.End}
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

// ComputeRun is what a computation wrote, with the number of programs
// that have lines in the period afterwards.
type ComputeRun struct {
	ComputeSummary
	Programs int
}

// ComputeForRun computes the period (ComputePeriod) and counts the
// programs its lines belong to.
func (s *Service) ComputeForRun(period string, progress Progress) (ComputeRun, error) {
	sum, err := s.ComputePeriod(period, progress)
	if err != nil {
		return ComputeRun{}, err
	}
	run := ComputeRun{ComputeSummary: sum}
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

// ProgramSpend is a program with what it has spent.
type ProgramSpend struct {
	Program engine.Program
	Spent   decimal.Decimal // approved and paid money lines, every period
}

// ProgramsWithSpend lists every program by id with its spend.
func (s *Service) ProgramsWithSpend() ([]ProgramSpend, error) {
	var out []ProgramSpend
	err := s.view(func(tx *data.Tx) error {
		spent, err := programSpend(tx)
		if err != nil {
			return err
		}
		return data.Each(tx, func(p *engine.Program) error {
			out = append(out, ProgramSpend{Program: *p, Spent: spent[p.ID]})
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

// ReviewedLine is a reward line with its names and its explanation
// rendered in the company's language.
type ReviewedLine struct {
	Line        engine.RewardLine
	Program     string
	Rule        string
	Payee       string // "Ana Ruiz (Acme Srl)" for a rep
	Explanation string
}

// ReviewTotal is one program's lines in a period against its budget.
type ReviewTotal struct {
	ProgramID engine.ID
	Program   string
	Amount    decimal.Decimal // money lines of the period, every status
	Points    int64
	Spent     decimal.Decimal // approved and paid money lines, every period
	Budget    decimal.Decimal
	Over      bool // spent is past a budget the program has
}

// PeriodReview is a period's lines as the run screen shows them.
type PeriodReview struct {
	Period   PeriodInfo
	Language string
	Currency engine.Currency
	Lines    []ReviewedLine
	Totals   []ReviewTotal   // programs in the order their first line appears
	Money    decimal.Decimal // money lines of the period (fund credits and points apart)
	Points   int64
}

// Review returns the period's reward lines with names, rendered
// explanations and each program's totals against its budget, from one
// read transaction.
func (s *Service) Review(period string) (PeriodReview, error) {
	var r PeriodReview
	err := s.view(func(tx *data.Tx) error {
		c, err := s.dashPeriod(tx, period)
		if err != nil {
			return err
		}
		p := c.p
		r = PeriodReview{Period: PeriodInfo{Key: p.Key, Start: p.Start, End: p.End, Closed: periodClosed(tx, p)},
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
			r.Lines = append(r.Lines, ReviewedLine{Line: l, Program: pn.name(l.ProgramID), Rule: pn.rule(l.ProgramID, l.RuleKey),
				Payee: name, Explanation: i18n.Explain(l.Explanation, c.co.Language)})
			i, ok := idx[l.ProgramID]
			if !ok {
				i = len(r.Totals)
				idx[l.ProgramID] = i
				t := ReviewTotal{ProgramID: l.ProgramID, Program: pn.name(l.ProgramID), Spent: spent[l.ProgramID]}
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
		return PeriodReview{}, fmt.Errorf("review %s: %w", period, err)
	}
	return r, nil
}

// CloseImpact counts what closing a period makes read-only.
type CloseImpact struct {
	Sales, Registrations, Trainings, Activities int
	Lines                                       int // reward lines of the period and of the periods inside it
	Draft                                       int // of which draft lines that pay something
}

// CloseImpact counts the inputs dated in the period that are still open
// (sales by book date, registrations by submission, trainings by
// completion, activities by date) and the reward lines that ClosePeriod
// would close with it.
func (s *Service) CloseImpact(period string) (CloseImpact, error) {
	var ci CloseImpact
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
		return CloseImpact{}, fmt.Errorf("close impact of %s: %w", period, err)
	}
	return ci, nil
}

// PayeeRef names a partner or a rep for pickers.
type PayeeRef struct {
	Payee   engine.Payee
	Name    string
	Partner string // the rep's partner; empty for a partner
}

// FindPayees returns up to limit partners and then reps whose name contains
// query, ignoring case, each group by name. An empty query matches all.
func (s *Service) FindPayees(query string, limit int) ([]PayeeRef, error) {
	q := strings.ToLower(strings.TrimSpace(query))
	var partners, reps []PayeeRef
	err := s.view(func(tx *data.Tx) error {
		who, err := namesIn(tx)
		if err != nil {
			return err
		}
		for id, p := range who.partners {
			if strings.Contains(strings.ToLower(p.Name), q) {
				partners = append(partners, PayeeRef{Payee: engine.Payee{Kind: engine.PayeePartner, ID: id}, Name: p.Name})
			}
		}
		return data.Each(tx, func(r *engine.Rep) error {
			if strings.Contains(strings.ToLower(r.Name), q) {
				reps = append(reps, PayeeRef{Payee: engine.Payee{Kind: engine.PayeeRep, ID: r.ID}, Name: r.Name, Partner: who.partner(r.PartnerID)})
			}
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("find payees %q: %w", query, err)
	}
	byName := func(a, b PayeeRef) int {
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

// StatementPreview is the head of a payee's statement for a period.
type StatementPreview struct {
	Payee    PayeeRef
	Period   string
	Language string
	Currency engine.Currency
	Tier     string
	Progress string   // what is missing to the next tier, in the statement language
	Nudges   []string // what is missing to the next band or target step, rendered
	Sales    decimal.Decimal
	Programs []ProgramAmount
	Rewards  decimal.Decimal // money of the lines and adjustments
	Points   int64
	Fund     decimal.Decimal // fund balance at the period's end
	Paid     decimal.Decimal // payouts in the period
	YTD      decimal.Decimal // money rewards of the fiscal year to the period's end
	Lines    int
}

// ProgramAmount is one program's share of a statement.
type ProgramAmount struct {
	Program string
	Amount  decimal.Decimal
	Points  int64
}

// StatementPreview summarises the statement BuildStatement would print,
// so the screen shows the same figures as the PDF.
func (s *Service) StatementPreview(period string, payee engine.Payee) (StatementPreview, error) {
	st, err := s.BuildStatement(payee, period)
	if err != nil {
		return StatementPreview{}, err
	}
	sp := StatementPreview{
		Payee:    PayeeRef{Payee: payee, Name: st.Payee.Name, Partner: st.Payee.PartnerName},
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
		sp.Programs = append(sp.Programs, ProgramAmount{Program: t.Program, Amount: t.Amount, Points: t.Points})
	}
	for _, f := range st.Summary.Funds {
		sp.Fund = sp.Fund.Add(f.Balance)
	}
	return sp, nil
}
