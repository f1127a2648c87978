package engine

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// RuleVersion is an earlier set of a program's rules and the first day it
// counted from. A program's Rules are its newest version, counting from
// RulesFrom; a period computes with the version in effect on its first day,
// so changing an active program's rules from a period on leaves the open
// periods before it on the rules they were computed with.
type RuleVersion struct {
	From  Date   `json:"from"`
	Rules []Rule `json:"rules"`
}

// MaxRuleVersions bounds a program's earlier rule versions.
const MaxRuleVersions = 100

// RulesFor returns the rules of program p in effect for a period starting
// on start, and their version number (1 the oldest): the newest whose
// first day is on or before start; the oldest for a period before them all.
func RulesFor(p *Program, start Date) ([]Rule, int) {
	if len(p.EarlierRules) == 0 || p.RulesFrom == 0 || start >= p.RulesFrom {
		return p.Rules, len(p.EarlierRules) + 1
	}
	for i := len(p.EarlierRules) - 1; i >= 0; i-- {
		if start >= p.EarlierRules[i].From {
			return p.EarlierRules[i].Rules, i + 1
		}
	}
	return p.EarlierRules[0].Rules, 1
}

// ProgramForPeriod returns p with the rules in effect for period per (see
// RulesFor) as its Rules: what a computation of per reads.
func ProgramForPeriod(p Program, per Period) Program {
	p.Rules, _ = RulesFor(&p, per.Start)
	return p
}

// RuleNamed returns the name of the rule with key in any version of p,
// the newest first ("" when none has it).
func RuleNamed(p *Program, key string) string {
	sets := [][]Rule{p.Rules}
	for i := len(p.EarlierRules) - 1; i >= 0; i-- {
		sets = append(sets, p.EarlierRules[i].Rules)
	}
	for _, rs := range sets {
		for _, r := range rs {
			if r.Key == key {
				return r.Name
			}
		}
	}
	return ""
}

// validateVersions checks the earlier versions: each a valid set of rules
// (fields "earlier_rules[i].rules[j]..."), their first days in order, all
// before rules_from, which is set whenever there are earlier versions.
func validateVersions(v *validator, p *Program) {
	if len(p.EarlierRules) == 0 {
		return
	}
	if len(p.EarlierRules) > MaxRuleVersions {
		v.add("earlier_rules", "%d earlier versions are beyond the limit: a program keeps at most %d", len(p.EarlierRules), MaxRuleVersions)
		return
	}
	if p.RulesFrom == 0 {
		v.add("rules_from", "a program with earlier rule versions needs the first day its current rules count")
	} else if err := CheckDate("rules_from", p.RulesFrom); err != nil {
		v.errs = append(v.errs, err)
	}
	for i, ver := range p.EarlierRules {
		at := fmt.Sprintf("earlier_rules[%d]", i)
		if err := CheckDate(at+".from", ver.From); err != nil {
			v.errs = append(v.errs, err)
		}
		if ver.From == 0 {
			v.add(at+".from", "a rule version needs the first day it counts")
		}
		if i > 0 && ver.From <= p.EarlierRules[i-1].From {
			v.add(at+".from", "versions must be in order, each from a day after the one before")
		}
		if p.RulesFrom != 0 && ver.From >= p.RulesFrom {
			v.add(at+".from", "an earlier version must start before rules_from %s", p.RulesFrom)
		}
		one := *p
		one.Rules, one.EarlierRules, one.RulesFrom, one.Examples = ver.Rules, nil, 0, nil
		if err := ValidateProgram(one); err != nil {
			var errs ValidationErrors
			if !asValidationErrors(err, &errs) {
				v.add(at, "%s", err.Error())
				continue
			}
			for _, e := range errs {
				if strings.HasPrefix(e.Field, "rules") {
					v.add(at+"."+e.Field, "%s", e.Reason)
				}
			}
		}
	}
}

func asValidationErrors(err error, out *ValidationErrors) bool {
	errs, ok := err.(ValidationErrors)
	if ok {
		*out = errs
	}
	return ok
}

// ruleSets returns p's current rules and each earlier version's, with the
// path prefix of their fields ("" and "earlier_rules[i].").
func ruleSets(p *Program) (sets [][]Rule, prefixes []string) {
	sets, prefixes = [][]Rule{p.Rules}, []string{""}
	for i := range p.EarlierRules {
		sets = append(sets, p.EarlierRules[i].Rules)
		prefixes = append(prefixes, fmt.Sprintf("earlier_rules[%d].", i))
	}
	return sets, prefixes
}

// renameRulesTier renames tier old in the tier multipliers and band tables
// of rules, copying what it changes; it reports whether anything did.
func renameRulesTier(rules []Rule, old, new string) ([]Rule, bool) {
	changed := false
	rules = slices.Clone(rules)
	for i := range rules {
		r := &rules[i]
		if m, ok := r.TierMultipliers[old]; ok {
			r.TierMultipliers = renameKey(r.TierMultipliers, old, new, m)
			changed = true
		}
		if r.Rate != nil {
			if b, ok := r.Rate.TierBands[old]; ok {
				rr := *r.Rate
				rr.TierBands = renameKey(rr.TierBands, old, new, b)
				r.Rate = &rr
				changed = true
			}
		}
	}
	return rules, changed
}

// stampRuleVersions names on each line the version of its program's rules
// it was computed with: the version in effect on the first day of the
// line's period (the computed period, or the earlier period an adjustment
// line recomputes; a key that names no calendar period counts as the
// computed one). progs are the programs as the computation had them.
func stampRuleVersions(lines []RewardLine, progs []Program, per Period, fy time.Month) {
	byID := make(map[ID]*Program, len(progs))
	for i := range progs {
		byID[progs[i].ID] = &progs[i]
	}
	for i := range lines {
		l := &lines[i]
		p := byID[l.ProgramID]
		if p == nil {
			continue
		}
		start := per.Start
		if l.Period != per.Key {
			if lp, err := ParsePeriod(l.Period, fy); err == nil {
				start = lp.Start
			}
		}
		_, l.RuleVersion = RulesFor(p, start)
	}
}
