package app

import (
	"strings"
	"time"

	"partnerdesk/data"
	"partnerdesk/engine"
)

// LineFilter selects reward lines; empty fields match everything.
type LineFilter struct {
	Program string // program id or name
	Payee   string // payee id ("P12", "R7") or name
	Status  engine.LineStatus
}

// LineView is a reward line with the names a reader needs.
type LineView struct {
	engine.RewardLine
	ProgramName string
	RuleName    string
	// RuleVersion is the version of the program's rules the line was
	// computed with (1 the oldest; for a line stored before lines named
	// it, the version its period computes with); 0 for a program with one
	// version.
	RuleVersion int
	PayeeName   string
	PartnerName string
	Currency    engine.Currency
}

// Lines returns the period's reward lines matching f, in a stable order.
func (s *Service) Lines(period string, f LineFilter) ([]LineView, error) {
	p, err := s.Period(period)
	if err != nil {
		return nil, usagef("%v", err)
	}
	co, err := s.Company()
	if err != nil {
		return nil, err
	}
	var out []LineView
	err = s.view(func(tx *data.Tx) error {
		ls, err := tx.LinesOfPeriod(p.Key)
		if err != nil {
			return err
		}
		names, err := loadNames(tx)
		if err != nil {
			return err
		}
		for _, l := range ls {
			v := names.view(l, co.Currency)
			if f.Status != "" && l.Status != f.Status {
				continue
			}
			if f.Program != "" && !matchRef(f.Program, l.ProgramID, "", v.ProgramName) {
				continue
			}
			if f.Payee != "" && !matchPayee(f.Payee, l.Payee, v.PayeeName) {
				continue
			}
			out = append(out, v)
		}
		return nil
	})
	return out, err
}

func matchRef(ref string, id engine.ID, prefix, name string) bool {
	if n, ok := parseID(ref, prefix); ok && n == id {
		return true
	}
	return strings.EqualFold(ref, name)
}

func matchPayee(ref string, p engine.Payee, name string) bool {
	up := strings.ToUpper(ref)
	switch {
	case strings.HasPrefix(up, "P"):
		if n, ok := parseID(ref, "P"); ok {
			return p.Kind == engine.PayeePartner && n == p.ID
		}
	case strings.HasPrefix(up, "R"):
		if n, ok := parseID(ref, "R"); ok {
			return p.Kind == engine.PayeeRep && n == p.ID
		}
	}
	if n, ok := parseID(ref, ""); ok {
		return n == p.ID
	}
	return strings.EqualFold(ref, name)
}

// names caches the names lines refer to.
type names struct {
	programs map[engine.ID]*engine.Program
	partners map[engine.ID]string
	reps     map[engine.ID]engine.Rep
	fy       time.Month // the fiscal year's first month, to place a line's period
}

func loadNames(tx *data.Tx) (*names, error) {
	n := &names{programs: map[engine.ID]*engine.Program{}, partners: map[engine.ID]string{}, reps: map[engine.ID]engine.Rep{}}
	err := data.Each(tx, func(p *engine.Program) error {
		c := *p
		n.programs[p.ID] = &c
		return nil
	})
	if err != nil {
		return nil, err
	}
	if err := data.Each(tx, func(p *engine.Partner) error { n.partners[p.ID] = p.Name; return nil }); err != nil {
		return nil, err
	}
	if err := data.Each(tx, func(r *engine.Rep) error { n.reps[r.ID] = *r; return nil }); err != nil {
		return nil, err
	}
	n.fy = time.January
	if co, err := tx.Company(); err == nil && co.FiscalYearStart >= time.January && co.FiscalYearStart <= time.December {
		n.fy = co.FiscalYearStart
	}
	return n, nil
}

func (n *names) payee(p engine.Payee) string {
	if p.Kind == engine.PayeeRep {
		r := n.reps[p.ID]
		return r.Name
	}
	return n.partners[p.ID]
}

func (n *names) view(l engine.RewardLine, cur engine.Currency) LineView {
	v := LineView{RewardLine: l, PayeeName: n.payee(l.Payee), PartnerName: n.partners[l.PartnerID], Currency: cur}
	if p := n.programs[l.ProgramID]; p != nil {
		v.ProgramName = p.Name
		v.RuleName = engine.RuleNamed(p, l.RuleKey)
		switch {
		case l.RuleVersion > 0:
			// The line names the version it was computed with; a program
			// that never had a second version says nothing.
			if len(p.EarlierRules) > 0 || l.RuleVersion > 1 {
				v.RuleVersion = l.RuleVersion
			}
		case len(p.EarlierRules) > 0:
			// A line stored before lines named their version: the version
			// its period computes with now.
			start := p.ValidFrom // a custom window's key names no calendar period
			if per, err := engine.ParsePeriod(l.Period, n.fy); err == nil {
				start = per.Start
			}
			_, v.RuleVersion = engine.RulesFor(p, start)
		}
	}
	return v
}
