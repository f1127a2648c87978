package app

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"partnerdesk/data"
	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// This file holds the programs list's reads: every program with what it
// has spent against its budget, one program, and a program file read
// without storing it.

// programSpend sums, for each program, its approved and paid money lines
// whose period lies inside the program's budget span for day
// (engine.BudgetSpan: the fiscal year holding day, or a custom program's
// own window): what its budget is measured against, the same for the
// programs list, the period review and the approval's warning. It returns
// the spans too.
func programSpend(tx *data.Tx, day engine.Date, fy time.Month) (map[engine.ID]decimal.Decimal, map[engine.ID]engine.Period, error) {
	spans := map[engine.ID]engine.Period{}
	err := data.Each(tx, func(p *engine.Program) error {
		spans[p.ID] = engine.BudgetSpan(p, day, fy)
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("program spend: %w", err)
	}
	out := map[engine.ID]decimal.Decimal{}
	periods := map[string]engine.Period{}
	err = data.Each(tx, func(l *engine.RewardLine) error {
		if l.Unit != engine.UnitMoney || l.Status == engine.LineDraft {
			return nil
		}
		lp, ok := periods[l.Period]
		if !ok {
			var err error
			if lp, err = engine.ParsePeriod(l.Period, fy); err != nil {
				return fmt.Errorf("line %d: %w", l.ID, err)
			}
			periods[l.Period] = lp
		}
		if span, ok := spans[l.ProgramID]; ok && lp.Inside(span) {
			out[l.ProgramID] = out[l.ProgramID].Add(l.Amount)
		}
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("program spend: %w", err)
	}
	return out, spans, nil
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
		spent, spans, err := programSpend(tx, s.Today(), co.FiscalYearStart)
		if err != nil {
			return err
		}
		return data.Each(tx, func(p *engine.Program) error {
			out.Programs = append(out.Programs, views.ProgramSpend{Program: *p, Spent: spent[p.ID], Span: spans[p.ID]})
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
