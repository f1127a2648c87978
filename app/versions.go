package app

import (
	"fmt"
	"slices"
	"strings"

	"partnerdesk/data"
	"partnerdesk/engine"
)

// SaveProgramFrom saves p over the stored program it matches (by id, then
// identity, then name) with its rules counting from period from on (a key
// of the program's period kind, e.g. "2026-Q3"): the stored rules become
// an earlier version, so the open periods before from keep computing with
// them. The period must be open and after the current rules' first
// period; from the same period as the current rules, p's rules replace
// them. Everything but the rules (name, eligibility, budget, validity,
// examples) is p's from now on. Bad input comes back as
// *engine.ValidationError on "from".
func (s *Service) SaveProgramFrom(p engine.Program, from string) (engine.Program, error) {
	co, err := s.Company()
	if err != nil {
		return p, err
	}
	per, err := engine.ParsePeriod(strings.TrimSpace(from), co.FiscalYearStart)
	if err != nil {
		return p, &engine.ValidationError{Field: "from", Reason: err.Error()}
	}
	var stored engine.Program
	err = s.view(func(tx *data.Tx) error {
		var o *engine.Program
		if p.ID != 0 {
			o, err = data.Get[engine.Program](tx, p.ID)
			if err != nil {
				return err
			}
		}
		if o == nil && p.UID != "" {
			_ = data.Each(tx, func(x *engine.Program) error {
				if x.UID == p.UID {
					c := *x
					o = &c
				}
				return nil
			})
		}
		if o == nil {
			o = programNamed(tx, p.Name, 0)
		}
		if o == nil {
			return &engine.ValidationError{Field: "from", Reason: fmt.Sprintf("there is no stored program %q to change from %s: save it first", p.Name, per.Key)}
		}
		if tx.IsPeriodClosed(per.Key) {
			return &engine.ValidationError{Field: "from", Reason: fmt.Sprintf("%s is closed: the new rules can count from an open period only", per.Key)}
		}
		stored = *o
		return nil
	})
	if err != nil {
		return p, err
	}
	if per.Kind != stored.PeriodKind || p.PeriodKind != stored.PeriodKind {
		return p, &engine.ValidationError{Field: "from", Reason: fmt.Sprintf("program %q computes per %s: give a period of that kind (and keep its period kind)", stored.Name, stored.PeriodKind)}
	}
	curFrom := stored.RulesFrom
	if curFrom == 0 {
		curFrom = stored.ValidFrom
	}
	p.ID, p.UID = stored.ID, stored.UID
	p.EarlierRules, p.RulesFrom = slices.Clone(stored.EarlierRules), stored.RulesFrom
	switch {
	case per.Start < curFrom:
		return p, &engine.ValidationError{Field: "from", Reason: fmt.Sprintf("the current rules count from %s: a new version counts from then or later (earlier versions are history)", curFrom)}
	case per.Start == curFrom:
		// The current version is replaced: nothing computed with it is
		// kept apart from its own periods, which recompute.
	default:
		p.EarlierRules = append(p.EarlierRules, engine.RuleVersion{From: curFrom, Rules: stored.Rules})
		p.RulesFrom = per.Start
	}
	if len(p.EarlierRules) == 0 {
		p.RulesFrom = 0
	}
	return s.saveProgram(p, true)
}

// ImportProgramFrom reads a program file and saves it with SaveProgramFrom:
// its rules count from period from on (`program import FILE --from PERIOD`).
func (s *Service) ImportProgramFrom(b []byte, from string) (engine.Program, error) {
	p, err := engine.ParseProgramFile(b)
	if err != nil {
		return p, err
	}
	p.ID = 0
	return s.SaveProgramFrom(p, from)
}

// withRuleVersion is a line's rule name as the review shows it: with the
// version of the program's rules the line was computed with, "Rebate
// (rules v2)", when the program has had more than one version.
func withRuleVersion(p *engine.Program, rule string, l engine.RewardLine) string {
	if p == nil || l.RuleVersion == 0 || (len(p.EarlierRules) == 0 && l.RuleVersion == 1) {
		return rule
	}
	return fmt.Sprintf("%s (rules v%d)", rule, l.RuleVersion)
}
