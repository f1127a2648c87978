package app

import (
	"fmt"

	"github.com/shopspring/decimal"

	"partnerdesk/data"
	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// This file holds the programs list's reads: every program with what it
// has spent against its budget, one program, and a program file read
// without storing it.

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
