package app

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"partnerdesk/data"
	"partnerdesk/engine"
	"partnerdesk/engine/i18n"
	"partnerdesk/engine/views"
)

// recordChanges compares a fresh computation of in.Period (res) with the
// period's stored lines before it replaces them (existing: approved, paid
// and draft, which add up to the last computation's result) and stores
// what changed, with the tiers and rule fingerprints the next computation
// compares with, in the compute's transaction.
func (s *Service) recordChanges(tx *data.Tx, in engine.Inputs, existing []engine.RewardLine, res engine.Result) (engine.ChangeSummary, error) {
	p := in.Period
	prev, known, err := tx.ChangeLogHeader(p.Key)
	if err != nil {
		return engine.ChangeSummary{}, err
	}
	var prevMark *engine.ComputeMark
	if known {
		prevMark = &prev.Mark
	}
	mark := engine.NewComputeMark(p, in.Partners, in.Ladder, in.TierHistory, in.Programs)
	changes := engine.DiffComputations(engine.GroupLines(existing), prevMark, engine.GroupLines(res.Lines), mark)
	log := engine.ChangeLog{Period: p.Key, ComputedAt: s.Now(), ComputedBy: s.Operator, First: len(existing) == 0 && !known,
		Summary: engine.SummarizeChanges(changes), Changes: changes, Mark: mark}
	if known {
		log.PreviousAt = prev.ComputedAt
	}
	if err := tx.PutChangeLog(&log); err != nil {
		return engine.ChangeSummary{}, err
	}
	return log.Summary, nil
}

// Changes returns what the last computation of period changed, per payee
// and rule, with the old and new figures and the reasons.
//
// It is long because it reads the two computations, diffs them and names
// programs, rules and payees in one read transaction.
func (s *Service) Changes(period string) (views.ChangeReport, error) {
	p, err := s.Period(period)
	if err != nil {
		return views.ChangeReport{}, usagef("%v", err)
	}
	co, err := s.Company()
	if err != nil {
		return views.ChangeReport{}, err
	}
	rep := views.ChangeReport{Period: p.Key, Currency: co.Currency}
	err = s.view(func(tx *data.Tx) error {
		log, ok, err := tx.ChangeLog(p.Key)
		if err != nil || !ok {
			return err
		}
		if log.First {
			// A first computation's changes are its lines, all new: they
			// were not stored twice.
			ls, err := tx.LinesOfPeriod(p.Key)
			if err != nil {
				return err
			}
			log.Changes = engine.DiffComputations(nil, nil, engine.GroupLines(ls), log.Mark)
		}
		nm, err := loadNames(tx)
		if err != nil {
			return err
		}
		rep.Computed, rep.ComputedAt, rep.ComputedBy, rep.PreviousAt, rep.First, rep.Summary = true, log.ComputedAt, log.ComputedBy, log.PreviousAt, log.First, log.Summary
		rep.Changes = make([]views.ChangeView, len(log.Changes))
		for i, c := range log.Changes {
			v := views.ChangeView{Change: c, Payee: nm.payee(c.Payee)}
			if c.Payee.Kind == engine.PayeeRep {
				if partner := nm.partners[c.PartnerID]; partner != "" {
					v.Payee += " (" + partner + ")"
				}
			}
			if pr := nm.programs[c.ProgramID]; pr != nil {
				v.Program, v.Rule = pr.Name, c.RuleKey
				for _, r := range pr.Rules {
					if r.Key == c.RuleKey && r.Name != "" {
						v.Rule = r.Name
					}
				}
			} else {
				v.Program, v.Rule = fmt.Sprintf("program %d", c.ProgramID), c.RuleKey
			}
			rep.Changes[i] = v
		}
		// The lines' order: program, then rule as the program lists them.
		type ruleRef struct {
			program engine.ID
			rule    string
		}
		order := map[ruleRef]int{}
		for id, pr := range nm.programs {
			for i, r := range pr.Rules {
				order[ruleRef{id, r.Key}] = i
			}
		}
		ruleOrder := func(c engine.Change) int {
			if i, ok := order[ruleRef{c.ProgramID, c.RuleKey}]; ok {
				return i
			}
			return math.MaxInt
		}
		slices.SortStableFunc(rep.Changes, func(a, b views.ChangeView) int {
			return cmp.Or(cmp.Compare(a.Change.ProgramID, b.Change.ProgramID), cmp.Compare(ruleOrder(a.Change), ruleOrder(b.Change)))
		})
		return nil
	})
	lang := co.Language
	if lang == "" {
		lang = "en"
	}
	rep.SummaryText = ChangeSummaryText(rep.Summary, co.Currency, lang)
	for i := range rep.Changes {
		rep.Changes[i].Reason = ReasonText(rep.Changes[i].Change, lang)
	}
	return rep, err
}

// ChangeSummaryText says in one line what a computation changed, e.g.
// "12 changes: 3 new, 8 changed (inputs), 1 tier change; +1,234.56 EUR".
func ChangeSummaryText(sum engine.ChangeSummary, cur engine.Currency, lang string) string {
	if sum.Changes == 0 {
		return "No changes since the last compute"
	}
	plural := func(n int, one, many string) string {
		if n == 1 {
			return fmt.Sprintf("%d %s", n, one)
		}
		return fmt.Sprintf("%d %s", n, many)
	}
	var parts []string
	for _, p := range []struct {
		n         int
		one, many string
	}{
		{sum.New, "new", "new"},
		{sum.Gone, "gone", "gone"},
		{sum.Inputs, "changed (inputs)", "changed (inputs)"},
		{sum.Tier, "tier change", "tier changes"},
		{sum.Program, "program change", "program changes"},
		{sum.Several, "with several reasons", "with several reasons"},
	} {
		if p.n > 0 {
			parts = append(parts, plural(p.n, p.one, p.many))
		}
	}
	var moved []string
	if !sum.Money.IsZero() || sum.Points == 0 {
		moved = append(moved, SignedMoney(sum.Money, cur, lang))
	}
	if sum.Points != 0 {
		moved = append(moved, SignedPoints(sum.Points, lang))
	}
	return plural(sum.Changes, "change", "changes") + ": " + strings.Join(parts, ", ") + "; " + strings.Join(moved, ", ")
}

// SignedMoney formats a difference with its sign: "+1,234.56 EUR",
// "-50.00 EUR", "0.00 EUR".
func SignedMoney(d decimal.Decimal, cur engine.Currency, lang string) string {
	s := i18n.Money(d, cur, lang)
	if d.IsPositive() {
		s = "+" + s
	}
	return s
}

// SignedPoints formats a points difference with its sign: "+20 points".
func SignedPoints(n int64, lang string) string {
	s := i18n.Points(n, lang) + " points"
	if n > 0 {
		s = "+" + s
	}
	return s
}

// ReasonText names a change's reasons for a reader: "new", "inputs (basis
// 10,000.00 → 8,000.00)", "tier Silver → Gold", "gone: program",
// "inputs (basis 4,000.00 → 6,000.00), tier Silver → Gold".
func ReasonText(c engine.Change, lang string) string {
	var head string
	var causes []string
	for _, r := range c.Reasons {
		switch r {
		case engine.ChangeNew, engine.ChangeGone:
			head = string(r)
		case engine.ChangeInputs:
			if c.Has(engine.ChangeNew) || c.Has(engine.ChangeGone) || c.OldBasis.Equal(c.NewBasis) {
				causes = append(causes, string(r))
				break
			}
			places := max(-c.OldBasis.Exponent(), -c.NewBasis.Exponent(), 0)
			causes = append(causes, fmt.Sprintf("inputs (basis %s → %s)", i18n.Number(c.OldBasis, places, lang), i18n.Number(c.NewBasis, places, lang)))
		case engine.ChangeTier:
			causes = append(causes, "tier "+tierName(c.OldTier)+" → "+tierName(c.NewTier))
		default:
			causes = append(causes, string(r))
		}
	}
	switch {
	case head == "":
		return strings.Join(causes, ", ")
	case len(causes) == 0:
		return head
	}
	return head + ": " + strings.Join(causes, ", ")
}

func tierName(t string) string {
	if t == "" {
		return "none"
	}
	return t
}
