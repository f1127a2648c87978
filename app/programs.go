package app

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"

	"partnerdesk/data"
	"partnerdesk/engine"
	"partnerdesk/engine/views"
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
// company's. A stored program keeps its identity (UID) through every save
// and a new one gets one. With id 0 (a program read from a file) the
// program is matched on its identity first, so importing an exported
// program under a new name replaces it rather than adding a second active
// program that pays again; then on its name, so re-importing an edited
// file without an identity updates it; else it is new. A program read
// from a file that matches a stored ACTIVE program is not saved: the error
// (*engine.ReplaceProgramError, wrapping engine.ErrConfirmationNeeded)
// says what would change, and the caller confirms by saving again with the
// error's ID set, or with ImportProgramReplacing. Every save refuses tiers,
// SKUs and partner ids the company does not have (engine.CheckProgramRefs).
func (s *Service) SaveProgram(p engine.Program) (engine.Program, error) {
	return s.saveProgram(p, false)
}

func (s *Service) saveProgram(p engine.Program, replaceActive bool) (engine.Program, error) {
	if err := s.checkProgram(&p); err != nil {
		return p, err
	}
	fromFile := p.ID == 0
	err := s.update(func(tx *data.Tx) error {
		if err := checkProgramRefs(tx, &p); err != nil {
			return err
		}
		if p.ID == 0 && p.UID != "" {
			_ = data.Each(tx, func(o *engine.Program) error {
				if o.UID == p.UID {
					p.ID = o.ID
				}
				return nil
			})
			if p.ID != 0 {
				if o := programNamed(tx, p.Name, p.ID); o != nil {
					return &engine.ValidationError{Field: "name", Reason: fmt.Sprintf(
						"this is program %d renamed %q, but program %d already has that name: rename one of them first", p.ID, p.Name, o.ID)}
				}
			}
		}
		if p.ID == 0 {
			if o := programNamed(tx, p.Name, 0); o != nil {
				p.ID = o.ID
				if o.UID != "" {
					p.UID = o.UID
				}
			}
		}
		if fromFile && p.ID != 0 && !replaceActive {
			o, err := data.Get[engine.Program](tx, p.ID)
			if err != nil {
				return err
			}
			if o.Status == engine.ProgramActive {
				return &engine.ReplaceProgramError{ID: o.ID, Name: o.Name, Changes: engine.ProgramChanges(o, &p)}
			}
		}
		return putProgram(tx, &p)
	})
	return p, err
}

// checkProgramRefs refuses a program naming a tier, SKU or partner id the
// company does not have.
func checkProgramRefs(tx *data.Tx, p *engine.Program) error {
	refs, err := programRefs(tx)
	if err != nil {
		return err
	}
	if errs := engine.CheckProgramRefs(p, refs); len(errs) > 0 {
		return errs
	}
	return nil
}

// programRefs gathers what a program may name: the ladder's tiers, the
// products' SKUs and the partners' ids.
func programRefs(tx *data.Tx) (engine.ProgramRefs, error) {
	var refs engine.ProgramRefs
	ladder, err := tx.Ladder()
	if err != nil && !errors.Is(err, engine.ErrNotFound) {
		return refs, err
	}
	for _, l := range ladder.Levels {
		refs.Tiers = append(refs.Tiers, l.Name)
	}
	if err := data.Each(tx, func(pr *engine.Product) error {
		refs.SKUs = append(refs.SKUs, pr.SKU)
		return nil
	}); err != nil {
		return refs, err
	}
	if err := data.Each(tx, func(pa *engine.Partner) error {
		refs.Partners = append(refs.Partners, pa.ID)
		return nil
	}); err != nil {
		return refs, err
	}
	return refs, nil
}

// ProgramRefs returns what a program may name (tiers, SKUs, partner ids),
// so that the program editor shows an unknown one beside its field as it
// is typed, with the words a save would use (engine.CheckProgramRefs).
func (s *Service) ProgramRefs() (engine.ProgramRefs, error) {
	var refs engine.ProgramRefs
	err := s.view(func(tx *data.Tx) error {
		var err error
		refs, err = programRefs(tx)
		return err
	})
	return refs, err
}

func (s *Service) checkProgram(p *engine.Program) error {
	co, err := s.Company()
	if err != nil {
		return err
	}
	if p.Currency == "" {
		p.Currency = co.Currency.Code
	}
	if p.Currency != co.Currency.Code {
		return &engine.ValidationError{Field: "currency", Reason: fmt.Sprintf("programs pay in the company's currency %s, not %s", co.Currency.Code, p.Currency)}
	}
	if err := engine.ValidateProgram(*p); err != nil {
		return err
	}
	// The golden examples are the program's own tests: a failing one
	// blocks the save with expected and computed side by side.
	return engine.CheckExamples(*p, co)
}

// putProgram stores p, keeping the stored program's identity when p has
// none (a form does not carry it) and giving a new program one.
func putProgram(tx *data.Tx, p *engine.Program) error {
	if p.ID != 0 && p.UID == "" {
		if o, err := data.Get[engine.Program](tx, p.ID); err == nil {
			p.UID = o.UID
		} else if !errors.Is(err, engine.ErrNotFound) {
			return err
		}
	}
	if p.UID == "" {
		uid, err := newProgramUID()
		if err != nil {
			return err
		}
		p.UID = uid
	}
	return tx.Put(p)
}

// newProgramUID returns 16 random bytes in hex.
func newProgramUID() (string, error) {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", fmt.Errorf("program identity: %w", err)
	}
	return hex.EncodeToString(b[:]), nil
}

// programNamed returns the stored program named name (case and accents
// aside, as names are compared everywhere), other than id, or nil.
func programNamed(tx *data.Tx, name string, id engine.ID) *engine.Program {
	var found *engine.Program
	_ = data.Each(tx, func(o *engine.Program) error {
		if o.ID != id && strings.EqualFold(strings.TrimSpace(o.Name), strings.TrimSpace(name)) {
			c := *o
			found = &c
		}
		return nil
	})
	return found
}

// ImportProgram reads a program file and stores it (see SaveProgram for
// how it is matched: identity, then name). The file's numeric id belongs
// to the database it came from and is not used.
// A file that would replace an active program is refused with
// *engine.ReplaceProgramError; ImportProgramReplacing confirms it.
func (s *Service) ImportProgram(b []byte) (engine.Program, error) {
	return s.importProgram(b, false)
}

// ImportProgramReplacing is ImportProgram confirmed: a file that matches a
// stored active program replaces it (`program import --replace`).
func (s *Service) ImportProgramReplacing(b []byte) (engine.Program, error) {
	return s.importProgram(b, true)
}

func (s *Service) importProgram(b []byte, replace bool) (engine.Program, error) {
	p, err := engine.ParseProgramFile(b)
	if err != nil {
		return p, err
	}
	p.ID = 0
	return s.saveProgram(p, replace)
}

// ExportProgram returns a program as its versioned JSON file, carrying its
// identity (a program stored before identities existed gets one now).
func (s *Service) ExportProgram(ref string) ([]byte, error) {
	p, err := s.FindProgram(ref)
	if err != nil {
		return nil, err
	}
	return s.exportProgram(p)
}

// ExportProgramByID is ExportProgram for the program with id.
func (s *Service) ExportProgramByID(id engine.ID) ([]byte, error) {
	var p engine.Program
	err := s.view(func(tx *data.Tx) error {
		o, err := data.Get[engine.Program](tx, id)
		if err != nil {
			return err
		}
		p = *o
		return nil
	})
	if err != nil {
		return nil, err
	}
	return s.exportProgram(p)
}

func (s *Service) exportProgram(p engine.Program) ([]byte, error) {
	if p.UID == "" {
		err := s.update(func(tx *data.Tx) error {
			o, err := data.Get[engine.Program](tx, p.ID)
			if err != nil {
				return err
			}
			if o.UID == "" {
				if err := putProgram(tx, o); err != nil {
					return err
				}
			}
			p.UID = o.UID
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return engine.MarshalProgramFile(p)
}

// Simulate computes p over period's stored inputs without writing
// anything, and compares it with the lines of the stored program of the
// same id (or name) in that period.
//
// It is long because it reads the inputs and the stored program's lines in
// one read transaction, computes the simulated program and compares the two
// line by line.
func (s *Service) Simulate(p engine.Program, period string) (views.Simulation, error) {
	co, err := s.Company()
	if err != nil {
		return views.Simulation{}, err
	}
	per, err := engine.ParsePeriod(period, co.FiscalYearStart)
	if err != nil {
		return views.Simulation{}, usagef("%v", err)
	}
	if p.Currency == "" {
		p.Currency = co.Currency.Code
	}
	if err := engine.ValidateProgram(p); err != nil {
		return views.Simulation{}, err
	}
	sim := views.Simulation{Period: per.Key, Program: p.Name, Currency: co.Currency, Language: co.Language}
	err = s.view(func(tx *data.Tx) error {
		// A simulated program that names an unknown tier, SKU or partner
		// would show it paying nothing: refused as a save is.
		if err := checkProgramRefs(tx, &p); err != nil {
			return err
		}
		// The stored program this one changes: by identity, then by name.
		if p.ID == 0 && p.UID != "" {
			_ = data.Each(tx, func(o *engine.Program) error {
				if o.UID == p.UID {
					p.ID = o.ID
				}
				return nil
			})
		}
		if p.ID == 0 {
			if o := programNamed(tx, p.Name, 0); o != nil {
				p.ID = o.ID
			}
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
		by := map[engine.Payee]*views.SimRow{}
		var order []engine.Payee
		row := func(py engine.Payee) *views.SimRow {
			r := by[py]
			if r == nil {
				r = &views.SimRow{Payee: py, Name: nm.payee(py)}
				by[py] = r
				order = append(order, py)
			}
			return r
		}
		for _, l := range res.Lines {
			r := row(l.Payee)
			switch l.Unit {
			case engine.UnitMoney:
				r.Simulated = r.Simulated.Add(l.Amount)
			case engine.UnitFund:
				r.Fund = r.Fund.Add(l.Amount)
			}
			r.Points += l.Points
		}
		// What was paid: the program's money lines of the period that a
		// payout settled. Drafts and approved lines are not paid yet, and
		// a fund credit is never paid out as money.
		for _, l := range stored {
			if l.ProgramID == p.ID && l.Unit == engine.UnitMoney && l.Status == engine.LinePaid {
				row(l.Payee).Actual = row(l.Payee).Actual.Add(l.Amount)
			}
		}
		for _, py := range order {
			r := by[py]
			r.Diff = r.Simulated.Sub(r.Actual)
			sim.Total = sim.Total.Add(r.Simulated)
			sim.Fund = sim.Fund.Add(r.Fund)
			sim.Actual = sim.Actual.Add(r.Actual)
			sim.Points += r.Points
			sim.Rows = append(sim.Rows, *r)
		}
		sim.Diff = sim.Total.Sub(sim.Actual)
		sortBy(sim.Rows, func(r views.SimRow) string { return fmt.Sprintf("%s%020d", r.Payee.Kind, r.Payee.ID) })
		return nil
	})
	return sim, err
}
