package app

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"partnerdesk/data"
	"partnerdesk/engine"
)

// Programs returns every program, by id.
func (s *Service) Programs() ([]engine.Program, error) {
	var out []engine.Program
	err := s.view(func(tx *data.Tx) error {
		var err error
		out, err = data.All[engine.Program](tx)
		return err
	})
	return out, err
}

// FindProgram resolves a program by id or name.
func (s *Service) FindProgram(ref string) (engine.Program, error) {
	ps, err := s.Programs()
	if err != nil {
		return engine.Program{}, err
	}
	for _, p := range ps {
		if matchRef(ref, p.ID, "", p.Name) {
			return p, nil
		}
	}
	return engine.Program{}, fmt.Errorf("program %q: %w", ref, engine.ErrNotFound)
}

// SaveProgram validates and stores a program; the currency is the
// company's. A program with the same name replaces the stored one when id
// is 0, so re-importing an edited file updates it.
func (s *Service) SaveProgram(p engine.Program) (engine.Program, error) {
	co, err := s.Company()
	if err != nil {
		return p, err
	}
	if p.Currency == "" {
		p.Currency = co.Currency.Code
	}
	if p.Currency != co.Currency.Code {
		return p, &engine.ValidationError{Field: "currency", Reason: fmt.Sprintf("programs pay in the company's currency %s, not %s", co.Currency.Code, p.Currency)}
	}
	if err := engine.ValidateProgram(p); err != nil {
		return p, err
	}
	err = s.update(func(tx *data.Tx) error {
		if p.ID == 0 {
			_ = data.Each(tx, func(o *engine.Program) error {
				if strings.EqualFold(o.Name, p.Name) {
					p.ID = o.ID
				}
				return nil
			})
		}
		return tx.Put(&p)
	})
	return p, err
}

// ImportProgram reads a program file and stores it.
func (s *Service) ImportProgram(b []byte) (engine.Program, error) {
	p, err := engine.ParseProgramFile(b)
	if err != nil {
		return p, err
	}
	p.ID = 0
	return s.SaveProgram(p)
}

// ExportProgram returns a program as its versioned JSON file.
func (s *Service) ExportProgram(ref string) ([]byte, error) {
	p, err := s.FindProgram(ref)
	if err != nil {
		return nil, err
	}
	return engine.MarshalProgramFile(p)
}

// SimRow is one payee's cost under a simulated program next to what the
// stored lines of that program paid (or would pay) in the period.
type SimRow struct {
	Payee     engine.Payee
	Name      string
	Simulated decimal.Decimal
	Points    int64
	Actual    decimal.Decimal
	Diff      decimal.Decimal // Simulated - Actual
}

// Simulation is a simulated program over a past period.
type Simulation struct {
	Period        string
	Program       string
	Rows          []SimRow
	Total, Actual decimal.Decimal
	Lines         []engine.RewardLine
	Currency      engine.Currency
}

// Simulate computes p over period's stored inputs without writing
// anything, and compares it with the lines of the stored program of the
// same id (or name) in that period.
func (s *Service) Simulate(p engine.Program, period string) (Simulation, error) {
	co, err := s.Company()
	if err != nil {
		return Simulation{}, err
	}
	per, err := engine.ParsePeriod(period, co.FiscalYearStart)
	if err != nil {
		return Simulation{}, usagef("%v", err)
	}
	if p.Currency == "" {
		p.Currency = co.Currency.Code
	}
	if err := engine.ValidateProgram(p); err != nil {
		return Simulation{}, err
	}
	sim := Simulation{Period: per.Key, Program: p.Name, Currency: co.Currency}
	err = s.view(func(tx *data.Tx) error {
		if p.ID == 0 {
			_ = data.Each(tx, func(o *engine.Program) error {
				if strings.EqualFold(o.Name, p.Name) {
					p.ID = o.ID
				}
				return nil
			})
		}
		if p.ID == 0 {
			p.ID = engine.ID(1 << 62) // a draft never stored: an id no line has
		}
		in, err := s.loadInputs(tx, co, per, []engine.Program{p})
		if err != nil {
			return err
		}
		res, err := engine.Compute(in)
		if err != nil {
			return err
		}
		sim.Lines = res.Lines
		stored, err := tx.LinesOfPeriod(per.Key)
		if err != nil {
			return err
		}
		nm, err := loadNames(tx)
		if err != nil {
			return err
		}
		by := map[engine.Payee]*SimRow{}
		var order []engine.Payee
		row := func(py engine.Payee) *SimRow {
			r := by[py]
			if r == nil {
				r = &SimRow{Payee: py, Name: nm.payee(py)}
				by[py] = r
				order = append(order, py)
			}
			return r
		}
		for _, l := range res.Lines {
			r := row(l.Payee)
			if l.Unit != engine.UnitPoints {
				r.Simulated = r.Simulated.Add(l.Amount)
			}
			r.Points += l.Points
		}
		for _, l := range stored {
			if l.ProgramID == p.ID && l.Unit != engine.UnitPoints {
				row(l.Payee).Actual = row(l.Payee).Actual.Add(l.Amount)
			}
		}
		for _, py := range order {
			r := by[py]
			r.Diff = r.Simulated.Sub(r.Actual)
			sim.Total = sim.Total.Add(r.Simulated)
			sim.Actual = sim.Actual.Add(r.Actual)
			sim.Rows = append(sim.Rows, *r)
		}
		sortBy(sim.Rows, func(r SimRow) string { return fmt.Sprintf("%s%020d", r.Payee.Kind, r.Payee.ID) })
		return nil
	})
	return sim, err
}

func parseProgramFile(b []byte) (engine.Program, error) { return engine.ParseProgramFile(b) }
