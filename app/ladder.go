package app

import (
	"fmt"
	"slices"
	"strings"

	"partnerdesk/data"
	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// The tier ladder's use cases: show, export, import, add, set, rename,
// move and remove a level. Every change is one audited transaction and
// leaves a valid ladder (engine.ValidateLadder); a level that partners
// hold or programs name is never dropped silently.

// Ladder returns the tier ladder, empty on a new company.
func (s *Service) Ladder() (engine.TierLadder, error) {
	var l engine.TierLadder
	err := s.view(func(tx *data.Tx) error {
		var err error
		l, err = ladder(tx)
		return err
	})
	return l, err
}

// ExportLadder returns the ladder as its versioned JSON file.
func (s *Service) ExportLadder() ([]byte, error) {
	l, err := s.Ladder()
	if err != nil {
		return nil, err
	}
	if len(l.Levels) == 0 {
		return nil, &engine.ValidationError{Field: "levels", Reason: "the company has no tier ladder yet: import one (tiers ladder import FILE) or add a level (tiers ladder add NAME)"}
	}
	return engine.MarshalLadderFile(l)
}

// ImportLadder reads a ladder file and replaces the ladder with it. Levels
// keep their identity by name: a level of the stored ladder missing from
// the file is a removal, refused while partners hold it or programs name
// it (rename it first with RenameTier). Bad fields come back as
// engine.ValidationErrors with their JSON paths.
func (s *Service) ImportLadder(b []byte) (engine.TierLadder, error) {
	l, err := engine.ParseLadderFile(b)
	if err != nil {
		return l, err
	}
	err = s.update(func(tx *data.Tx) error {
		old, err := ladder(tx)
		if err != nil {
			return err
		}
		for _, lv := range old.Levels {
			if engine.LadderIndex(l, lv.Name) >= 0 {
				continue
			}
			if err := refuseIfUsed(tx, lv.Name, "the file drops the level"); err != nil {
				return err
			}
		}
		return tx.PutLadder(l)
	})
	return l, err
}

// AddTier inserts a level with criteria at position at (1 = lowest; 0 or
// past the top: on top).
func (s *Service) AddTier(name string, at int, c engine.TierCriteria) (engine.TierLadder, error) {
	return s.changeLadder(func(tx *data.Tx, l *engine.TierLadder) error {
		if i := slices.IndexFunc(l.Levels, func(lv engine.TierLevel) bool { return engine.SameName(lv.Name, name) }); i >= 0 {
			return &engine.ValidationError{Field: "name", Reason: fmt.Sprintf("the ladder already has the level %q", l.Levels[i].Name)}
		}
		pos := len(l.Levels)
		if at > 0 && at <= len(l.Levels) {
			pos = at - 1
		}
		l.Levels = slices.Insert(l.Levels, pos, engine.TierLevel{Name: name, Criteria: c})
		return nil
	})
}

// SetTierCriteria replaces the criteria of level name.
func (s *Service) SetTierCriteria(name string, c engine.TierCriteria) (engine.TierLadder, error) {
	return s.changeLadder(func(tx *data.Tx, l *engine.TierLadder) error {
		i, err := levelOf(l, name)
		if err != nil {
			return err
		}
		l.Levels[i].Criteria = c
		return nil
	})
}

// SetLadderWindow sets the trailing window in months.
func (s *Service) SetLadderWindow(months int) (engine.TierLadder, error) {
	return s.changeLadder(func(tx *data.Tx, l *engine.TierLadder) error {
		l.WindowMonths = months
		return nil
	})
}

// MoveTier moves level name to position to (1 = lowest). The lowest level
// is what partners without tier history hold, so moving a level to or
// from the bottom changes their tier from the next compute on.
func (s *Service) MoveTier(name string, to int) (engine.TierLadder, error) {
	return s.changeLadder(func(tx *data.Tx, l *engine.TierLadder) error {
		i, err := levelOf(l, name)
		if err != nil {
			return err
		}
		if to < 1 || to > len(l.Levels) {
			return &engine.ValidationError{Field: "position", Reason: fmt.Sprintf("give a position from 1 (lowest) to %d (highest)", len(l.Levels))}
		}
		lv := l.Levels[i]
		l.Levels = slices.Insert(slices.Delete(l.Levels, i, i+1), to-1, lv)
		return nil
	})
}

// RemoveTier removes level name, refused while a partner's tier history
// names it or a program names it (eligibility, tier multipliers, tier band
// tables, golden examples): the message lists which.
func (s *Service) RemoveTier(name string) (engine.TierLadder, error) {
	return s.changeLadder(func(tx *data.Tx, l *engine.TierLadder) error {
		i, err := levelOf(l, name)
		if err != nil {
			return err
		}
		if err := refuseIfUsed(tx, l.Levels[i].Name, "cannot remove the level"); err != nil {
			return err
		}
		l.Levels = slices.Delete(l.Levels, i, i+1)
		return nil
	})
}

// RenameResult says what a rename carried through (declared in
// engine/views, where the window reads it).
type RenameResult = views.RenameResult

// RenameTier renames level old to new and carries the new name through
// the tier history (closed periods included: a label, not a change of
// tier), every program's eligibility, tier multipliers and tier band
// tables, and the golden examples: one audited transaction.
func (s *Service) RenameTier(old, new string) (RenameResult, error) {
	var res RenameResult
	if err := engine.CheckTierName(new); err != nil {
		return res, &engine.ValidationError{Field: "name", Reason: err.Error()}
	}
	err := s.update(func(tx *data.Tx) error {
		l, err := ladder(tx)
		if err != nil {
			return err
		}
		i, err := levelOf(&l, old)
		if err != nil {
			return err
		}
		old = l.Levels[i].Name
		if j := slices.IndexFunc(l.Levels, func(lv engine.TierLevel) bool { return engine.SameName(lv.Name, new) }); j >= 0 && j != i {
			return &engine.ValidationError{Field: "name", Reason: fmt.Sprintf("the ladder already has the level %q", l.Levels[j].Name)}
		}
		if old == new {
			res.Ladder = l
			return nil
		}
		l.Levels = slices.Clone(l.Levels)
		l.Levels[i].Name = new
		if err := engine.ValidateLadder(l); err != nil {
			return err
		}
		if err := tx.PutLadder(l); err != nil {
			return err
		}
		if res.TierChanges, err = tx.RenameTierHistory(old, new); err != nil {
			return err
		}
		progs, err := data.All[engine.Program](tx)
		if err != nil {
			return err
		}
		for i := range progs {
			p := progs[i]
			if engine.RenameProgramTier(&p, old, new) {
				if err := tx.Put(&p); err != nil {
					return err
				}
				res.Programs = append(res.Programs, fmt.Sprintf("%d %q", p.ID, p.Name))
			}
		}
		res.Ladder = l
		return nil
	})
	return res, err
}

// changeLadder applies fn to the stored ladder and saves the result when
// it is valid, in one transaction.
func (s *Service) changeLadder(fn func(tx *data.Tx, l *engine.TierLadder) error) (engine.TierLadder, error) {
	var out engine.TierLadder
	err := s.update(func(tx *data.Tx) error {
		l, err := ladder(tx)
		if err != nil {
			return err
		}
		l.Levels = slices.Clone(l.Levels)
		if err := fn(tx, &l); err != nil {
			return err
		}
		if err := engine.ValidateLadder(l); err != nil {
			return err
		}
		out = l
		return tx.PutLadder(l)
	})
	return out, err
}

// levelOf finds level name (as written, else regardless of case and
// accents).
func levelOf(l *engine.TierLadder, name string) (int, error) {
	if i := engine.LadderIndex(*l, name); i >= 0 {
		return i, nil
	}
	if i := slices.IndexFunc(l.Levels, func(lv engine.TierLevel) bool { return engine.SameName(lv.Name, name) }); i >= 0 {
		return i, nil
	}
	if len(l.Levels) == 0 {
		return -1, &engine.ValidationError{Field: "tier", Reason: fmt.Sprintf("there is no level %q: the tier ladder is empty", name)}
	}
	var names []string
	for _, lv := range l.Levels {
		names = append(names, lv.Name)
	}
	return -1, &engine.ValidationError{Field: "tier", Reason: fmt.Sprintf("there is no level %q: the levels are %s", name, strings.Join(names, ", "))}
}

// refuseIfUsed returns a ValidationError naming the partners whose tier
// history names tier t and the programs (with the fields) that name it;
// nil when none does.
func refuseIfUsed(tx *data.Tx, t, what string) error {
	held := map[engine.ID]bool{}
	if err := data.Each(tx, func(tc *engine.TierChange) error {
		if tc.Tier == t {
			held[tc.PartnerID] = true
		}
		return nil
	}); err != nil {
		return err
	}
	var partners []string
	if err := data.Each(tx, func(p *engine.Partner) error {
		if held[p.ID] {
			partners = append(partners, fmt.Sprintf("%d %q", p.ID, p.Name))
		}
		return nil
	}); err != nil {
		return err
	}
	var programs []string
	if err := data.Each(tx, func(p *engine.Program) error {
		if uses := engine.ProgramTierUses(p, t); len(uses) > 0 {
			programs = append(programs, fmt.Sprintf("%d %q (%s)", p.ID, p.Name, strings.Join(uses, ", ")))
		}
		return nil
	}); err != nil {
		return err
	}
	if len(partners) == 0 && len(programs) == 0 {
		return nil
	}
	var why []string
	if len(partners) > 0 {
		why = append(why, "partners "+strings.Join(partners, ", ")+" hold or held it in their tier history")
	}
	if len(programs) > 0 {
		why = append(why, "programs "+strings.Join(programs, "; ")+" name it")
	}
	return &engine.ValidationError{Field: "tier", Reason: fmt.Sprintf("%s %q: %s; rename the level instead (tiers ladder rename), or change those first", what, t, strings.Join(why, "; "))}
}
