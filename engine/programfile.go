package engine

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/shopspring/decimal"
)

// ProgramFileFormat and ProgramFileVersion identify a program definition
// file: {"format":"partnerdesk-program","version":1, ...the program...}.
const (
	ProgramFileFormat  = "partnerdesk-program"
	ProgramFileVersion = 1
)

// programFile is the file form: the envelope and the program's own fields,
// decimals as strings and dates as ISO days. The program's uid travels
// with it, so an import recognises the program under a new name; its id
// belongs to the database the file came from.
type programFile struct {
	Format  string `json:"format"`
	Version int    `json:"version"`
	Program
}

// MarshalProgramFile writes program p as a versioned, indented JSON file
// that ParseProgramFile reads back to the same program.
func MarshalProgramFile(p Program) ([]byte, error) {
	if err := ValidateProgram(p); err != nil {
		return nil, fmt.Errorf("program file %q: %w", p.Name, err)
	}
	b, err := json.MarshalIndent(programFile{Format: ProgramFileFormat, Version: ProgramFileVersion, Program: p}, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("program file %q: %w", p.Name, err)
	}
	return append(b, '\n'), nil
}

// ParseProgramFile reads a program definition file and validates it. Unknown
// fields are refused, so a misspelt setting never silently does nothing.
func ParseProgramFile(b []byte) (Program, error) {
	var head struct {
		Format  string `json:"format"`
		Version int    `json:"version"`
	}
	if err := json.Unmarshal(b, &head); err != nil {
		return Program{}, fmt.Errorf("program file: not JSON: %w", err)
	}
	if head.Format != ProgramFileFormat {
		return Program{}, ValidationErrors{{Field: "format", Reason: fmt.Sprintf("this is not a Partnerdesk program file (format %q, want %q)", head.Format, ProgramFileFormat)}}
	}
	if head.Version != ProgramFileVersion {
		return Program{}, ValidationErrors{{Field: "version", Reason: fmt.Sprintf("version %d is not supported; this Partnerdesk reads version %d", head.Version, ProgramFileVersion)}}
	}
	var f programFile
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return Program{}, fmt.Errorf("program file: %w", err)
	}
	if err := ValidateProgram(f.Program); err != nil {
		return Program{}, err
	}
	return f.Program, nil
}

// checkRuleParts refuses a rule without its kind's settings.
func checkRuleParts(r *Rule) error {
	var ok bool
	switch r.Kind {
	case RuleRate:
		ok = r.Rate != nil
	case RuleTarget:
		ok = r.Target != nil
	case RuleSPIF:
		ok = r.SPIF != nil
	case RuleDealReg:
		ok = r.DealReg != nil
	case RuleReferral:
		ok = r.Referral != nil
	case RuleFund:
		ok = r.Fund != nil
	case RuleTraining:
		ok = r.Training != nil
	case RuleActivity:
		ok = r.Activity != nil
	case RuleLoyalty:
		ok = r.Loyalty != nil
	default:
		return fmt.Errorf("unknown rule kind %q", r.Kind)
	}
	if !ok {
		return fmt.Errorf("a %s rule needs its %q settings", r.Kind, r.Kind)
	}
	return nil
}

// validator collects problems with their field paths.
type validator struct{ errs ValidationErrors }

func (v *validator) add(field, format string, args ...any) {
	v.errs = append(v.errs, &ValidationError{Field: field, Reason: fmt.Sprintf(format, args...)})
}

func (v *validator) nonNeg(field string, d decimal.Decimal) {
	if d.IsNegative() {
		v.add(field, "must not be negative")
	}
}

// ValidateProgram checks everything a program needs to compute, and
// returns ValidationErrors whose fields are JSON paths of the program file
// ("rules[0].rate.bands[1].from").
func ValidateProgram(p Program) error {
	// Figures beyond the limits are reported alone: the checks below
	// compare them, and a rate of 1e400 is not worth comparing.
	if errs := programLimits(&p); len(errs) > 0 {
		return errs
	}
	v := &validator{}
	if p.Name == "" {
		v.add("name", "a program needs a name")
	} else if HasControl(p.Name) {
		v.add("name", controlReason)
	}
	switch p.PeriodKind {
	case PeriodMonth, PeriodQuarter, PeriodYear:
	case PeriodCustom:
		if p.ValidTo.IsZero() {
			v.add("valid_to", "a custom-window program needs the last day of its window")
		}
	default:
		v.add("period_kind", "choose month, quarter, year or custom (got %q)", p.PeriodKind)
	}
	if p.ValidFrom.IsZero() {
		v.add("valid_from", "a program needs the first day it is valid")
	}
	if !p.ValidTo.IsZero() && p.ValidTo < p.ValidFrom {
		v.add("valid_to", "the last valid day %s is before the first %s", p.ValidTo, p.ValidFrom)
	}
	switch p.Status {
	case ProgramDraft, ProgramActive, ProgramEnded:
	default:
		v.add("status", "choose draft, active or ended (got %q)", p.Status)
	}
	v.nonNeg("budget", p.Budget)
	for i, k := range p.Eligibility.Kinds {
		if !slices.ContainsFunc(PartnerKinds, func(pk PartnerKind) bool { return SameName(string(pk), string(k)) }) {
			v.add(fmt.Sprintf("eligibility.kinds[%d]", i), "%q is not a partner kind", k)
		}
	}
	if len(p.Rules) == 0 {
		v.add("rules", "a program needs at least one rule")
	}
	keys := map[string]bool{}
	for i := range p.Rules {
		validateRule(v, fmt.Sprintf("rules[%d]", i), &p.Rules[i], keys)
	}
	validateExamples(v, &p)
	validateVersions(v, &p)
	if len(v.errs) == 0 {
		return nil
	}
	return v.errs
}

// It is long because it is the table of the rule kinds: one case per kind,
// each checking that kind's fields with the file's paths.
func validateRule(v *validator, at string, r *Rule, keys map[string]bool) {
	if HasControl(r.Name) {
		v.add(at+".name", controlReason)
	}
	if HasControl(r.Key) {
		v.add(at+".key", controlReason)
	} else if r.Key == "" {
		v.add(at+".key", "a rule needs a key, unique within the program")
	} else if keys[r.Key] {
		v.add(at+".key", "the key %q is used by another rule", r.Key)
	}
	keys[r.Key] = true
	if r.Name == "" {
		v.add(at+".name", "a rule needs a name: it starts every explanation")
	}
	switch r.Basis {
	case "", BasisRevenue, BasisUnits:
	default:
		v.add(at+".basis", "choose revenue or units (got %q)", r.Basis)
	}
	if err := checkRuleParts(r); err != nil {
		v.add(at+".kind", "%s", err.Error())
		return
	}
	for _, nf := range []struct {
		f    NewFilter
		name string
	}{{r.Filter.Customer, "customer"}, {r.Filter.Product, "product"}} {
		if nf.f != FilterAny && nf.f != FilterNew && nf.f != FilterExisting {
			v.add(at+".filter."+nf.name, "choose new, existing or leave empty (got %q)", nf.f)
		}
	}
	if m := r.Matrix; m != nil {
		v.nonNeg(at+".matrix.new_customer_new_product", m.NewNew)
		v.nonNeg(at+".matrix.new_customer_existing_product", m.NewExisting)
		v.nonNeg(at+".matrix.existing_customer_new_product", m.ExistingNew)
		v.nonNeg(at+".matrix.existing_customer_existing_product", m.ExistingExisting)
	}
	for _, t := range sortedKeys(r.TierMultipliers) {
		v.nonNeg(at+".tier_multipliers."+t, r.TierMultipliers[t])
	}
	if r.Cap.Valid {
		v.nonNeg(at+".cap", r.Cap.Decimal)
	}
	revenue := r.Basis != BasisUnits
	switch r.Kind {
	case RuleRate:
		rr := r.Rate
		switch rr.Mode {
		case "", Retroactive, Marginal:
		default:
			v.add(at+".rate.mode", "choose retroactive or marginal (got %q)", rr.Mode)
		}
		checkRate := func(field string, d decimal.Decimal) {
			v.nonNeg(field, d)
			if revenue && d.GreaterThan(hundred) && !rr.Confirmed {
				v.add(field, "a rate over 100 %% on a revenue basis needs confirmed: true")
			}
		}
		if len(rr.Bands) == 0 && len(rr.TierBands) == 0 {
			checkRate(at+".rate.rate", rr.Rate)
			if rr.Rate.IsZero() {
				v.add(at+".rate.rate", "a rate rule needs a rate above 0 or bands: as it stands it pays nothing")
			}
		}
		validateBands(v, at+".rate.bands", rr.Bands, checkRate)
		for _, t := range sortedKeys(rr.TierBands) {
			validateBands(v, at+".rate.tier_bands."+t, rr.TierBands[t], checkRate)
		}
	case RuleTarget:
		t := r.Target
		if !t.DefaultTarget.IsPositive() && len(t.Targets) == 0 {
			v.add(at+".target.default_target", "a target bonus needs a positive default target or per-partner targets")
		}
		v.nonNeg(at+".target.default_target", t.DefaultTarget)
		for _, id := range sortedKeys(t.Targets) {
			if !t.Targets[id].IsPositive() {
				v.add(fmt.Sprintf("%s.target.targets.%d", at, id), "a target must be positive")
			}
		}
		if len(t.Steps) == 0 && !t.Accelerator.IsPositive() {
			v.add(at+".target.steps", "a target bonus needs at least one step or an accelerator")
		}
		for i, s := range t.Steps {
			f := fmt.Sprintf("%s.target.steps[%d]", at, i)
			if !s.Attainment.IsPositive() {
				v.add(f+".attainment", "an attainment step must be above 0 %%")
			}
			if i > 0 && !s.Attainment.GreaterThan(t.Steps[i-1].Attainment) {
				v.add(f+".attainment", "steps must be sorted by attainment, each above the one before")
			}
			v.nonNeg(f+".amount", s.Amount)
		}
		v.nonNeg(at+".target.accelerator", t.Accelerator)
	case RuleSPIF:
		s := r.SPIF
		if len(s.SKUs) == 0 {
			v.add(at+".spif.skus", "a SPIF needs the SKUs it pays for")
		}
		if s.From.IsZero() || s.To.IsZero() {
			v.add(at+".spif.from", "a SPIF needs its own date window, from and to")
		} else if s.To < s.From {
			v.add(at+".spif.to", "the SPIF ends %s, before it starts %s", s.To, s.From)
		}
		v.nonNeg(at+".spif.amount", s.Amount)
		v.nonNeg(at+".spif.rate", s.Rate)
		if s.Rate.GreaterThan(hundred) && !s.Confirmed {
			v.add(at+".spif.rate", "a rate over 100 %% on a revenue basis needs confirmed: true")
		}
		if s.Amount.IsZero() && s.Rate.IsZero() {
			v.add(at+".spif.amount", "a SPIF needs an amount per unit or deal, or a rate")
		}
	case RuleDealReg:
		v.nonNeg(at+".dealreg.rate", r.DealReg.Rate)
		if r.DealReg.Rate.GreaterThan(hundred) {
			v.add(at+".dealreg.rate", "a rate over 100 %% on a revenue basis needs confirmed: true")
		}
	case RuleReferral:
		rf := r.Referral
		v.nonNeg(at+".referral.bounty", rf.Bounty)
		v.nonNeg(at+".referral.rate", rf.Rate)
		if rf.Bounty.IsZero() && rf.Rate.IsZero() {
			v.add(at+".referral.bounty", "a referral rule needs a bounty, a rate, or both")
		}
		if rf.Months < 0 {
			v.add(at+".referral.months", "must not be negative; leave it empty to pay while the program runs")
		}
		if rf.Rate.GreaterThan(hundred) {
			v.add(at+".referral.rate", "a rate over 100 %% on a revenue basis needs confirmed: true")
		}
	case RuleFund:
		v.nonNeg(at+".fund.rate", r.Fund.Rate)
		if r.Fund.ValidityDays <= 0 {
			v.add(at+".fund.validity_days", "a fund accrual needs a validity in days after the period end")
		}
	case RuleTraining:
		if len(r.Training.Courses) == 0 {
			v.add(at+".training.courses", "list the courses that pay")
		}
		v.nonNeg(at+".training.amount", r.Training.Amount)
		validateUnit(v, at+".training.unit", r.Training.Unit)
	case RuleActivity:
		if len(r.Activity.Types) == 0 {
			v.add(at+".activity.types", "list the activity types that pay")
		}
		v.nonNeg(at+".activity.amount", r.Activity.Amount)
		validateUnit(v, at+".activity.unit", r.Activity.Unit)
	case RuleLoyalty:
		if !r.Loyalty.Points.IsPositive() {
			v.add(at+".loyalty.points", "points per amount must be positive")
		}
		if !r.Loyalty.Per.IsPositive() {
			v.add(at+".loyalty.per", "the amount that earns the points must be positive")
		}
		if m := r.Loyalty.ValidityMonths; m < 0 || m > MaxPointsValidityMonths {
			v.add(at+".loyalty.validity_months", "give the months points stay valid after the period end, from 1 to %d, or leave it empty for points that never expire", MaxPointsValidityMonths)
		}
	}
}

func validateUnit(v *validator, field string, u Unit) {
	if u != "" && u != UnitMoney && u != UnitPoints {
		v.add(field, "choose money or points (got %q)", u)
	}
}

func validateBands(v *validator, at string, bands []Band, checkRate func(string, decimal.Decimal)) {
	for i, b := range bands {
		f := fmt.Sprintf("%s[%d]", at, i)
		if i == 0 && !b.From.IsZero() {
			v.add(f+".from", "the first band must start from 0")
		}
		if i > 0 && !b.From.GreaterThan(bands[i-1].From) {
			v.add(f+".from", "bands must be sorted by from, each above the one before")
		}
		checkRate(f+".rate", b.Rate)
	}
}

// sortedKeys returns a map's keys in order, so that problems are listed
// the same way every time.
func sortedKeys[K interface{ ~string | ~uint64 }, V any](m map[K]V) []K {
	ks := make([]K, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// programLimits checks every figure and date of a program against the
// limits (engine/limits.go), with the field paths of the program file.
//
// It is long because it is a table: each figure and date of a program
// checked against its limit, one line each.
func programLimits(p *Program) ValidationErrors {
	var l limitSet
	l.Date("valid_from", p.ValidFrom)
	l.Date("valid_to", p.ValidTo)
	l.Total("budget", p.Budget)
	for i := range p.Rules {
		r := &p.Rules[i]
		at := fmt.Sprintf("rules[%d]", i)
		if m := r.Matrix; m != nil {
			l.Weight(at+".matrix.new_customer_new_product", m.NewNew)
			l.Weight(at+".matrix.new_customer_existing_product", m.NewExisting)
			l.Weight(at+".matrix.existing_customer_new_product", m.ExistingNew)
			l.Weight(at+".matrix.existing_customer_existing_product", m.ExistingExisting)
		}
		for _, t := range sortedKeys(r.TierMultipliers) {
			l.Weight(at+".tier_multipliers."+t, r.TierMultipliers[t])
		}
		if r.Cap.Valid {
			l.Total(at+".cap", r.Cap.Decimal)
		}
		// A rate on units is an amount per unit; band thresholds are sums
		// of a period, bounded like targets.
		rate := l.Rate
		if r.Basis == BasisUnits {
			rate = l.Amount
		}
		if rr := r.Rate; rr != nil {
			rate(at+".rate.rate", rr.Rate)
			bands := func(f string, bs []Band) {
				for j, b := range bs {
					l.Total(fmt.Sprintf("%s[%d].from", f, j), b.From)
					rate(fmt.Sprintf("%s[%d].rate", f, j), b.Rate)
				}
			}
			bands(at+".rate.bands", rr.Bands)
			for _, t := range sortedKeys(rr.TierBands) {
				bands(at+".rate.tier_bands."+t, rr.TierBands[t])
			}
		}
		if t := r.Target; t != nil {
			l.Total(at+".target.default_target", t.DefaultTarget)
			for _, id := range sortedKeys(t.Targets) {
				l.Total(fmt.Sprintf("%s.target.targets.%d", at, id), t.Targets[id])
			}
			for j, s := range t.Steps {
				l.Rate(fmt.Sprintf("%s.target.steps[%d].attainment", at, j), s.Attainment)
				l.Amount(fmt.Sprintf("%s.target.steps[%d].amount", at, j), s.Amount)
			}
			l.Rate(at+".target.accelerator", t.Accelerator)
		}
		if s := r.SPIF; s != nil {
			l.Date(at+".spif.from", s.From)
			l.Date(at+".spif.to", s.To)
			l.Amount(at+".spif.amount", s.Amount)
			l.Rate(at+".spif.rate", s.Rate)
		}
		if dr := r.DealReg; dr != nil {
			l.Rate(at+".dealreg.rate", dr.Rate)
		}
		if rf := r.Referral; rf != nil {
			l.Amount(at+".referral.bounty", rf.Bounty)
			l.Rate(at+".referral.rate", rf.Rate)
			l.Months(at+".referral.months", rf.Months)
		}
		if f := r.Fund; f != nil {
			l.Rate(at+".fund.rate", f.Rate)
			l.Days(at+".fund.validity_days", f.ValidityDays)
		}
		if tr := r.Training; tr != nil {
			if tr.Unit == UnitPoints {
				l.PointsFigure(at+".training.amount", tr.Amount)
			} else {
				l.Amount(at+".training.amount", tr.Amount)
			}
		}
		if a := r.Activity; a != nil {
			if a.Unit == UnitPoints {
				l.PointsFigure(at+".activity.amount", a.Amount)
			} else {
				l.Amount(at+".activity.amount", a.Amount)
			}
		}
		if ly := r.Loyalty; ly != nil {
			l.PointsFigure(at+".loyalty.points", ly.Points)
			l.Amount(at+".loyalty.per", ly.Per)
		}
	}
	return l.Errs
}

// ProgramRefs are what a program may name outside itself: the tier
// ladder's tiers, the products' SKUs and the partners' ids.
type ProgramRefs struct {
	Tiers    []string
	SKUs     []string
	Partners []ID
}

// CheckProgramRefs refuses a program that names a tier, SKU or partner id
// the company does not have: such a rule would silently pay nothing. Each
// problem names the field path ("rules[2].filter.skus[1]") and the value.
// Tier names match exactly (they key the multiplier and band tables), SKUs
// regardless of case and accents, as the rules match them.
func CheckProgramRefs(p *Program, refs ProgramRefs) ValidationErrors {
	tiers := map[string]bool{}
	for _, t := range refs.Tiers {
		tiers[t] = true
	}
	skus := map[string]bool{}
	for _, s := range refs.SKUs {
		skus[FoldName(s)] = true
	}
	partners := map[ID]bool{}
	for _, id := range refs.Partners {
		partners[id] = true
	}
	v := &validator{}
	tier := func(field, t string) {
		if !tiers[t] {
			if len(refs.Tiers) == 0 {
				v.add(field, "there is no tier %q: the tier ladder is empty", t)
			} else {
				v.add(field, "there is no tier %q: the tiers are %s", t, quotedList(refs.Tiers))
			}
		}
	}
	sku := func(field, s string) {
		if !skus[FoldName(s)] {
			v.add(field, "there is no product with the SKU %q", s)
		}
	}
	partner := func(field string, id ID) {
		if !partners[id] {
			v.add(field, "there is no partner with the id %d", id)
		}
	}
	for i, t := range p.Eligibility.Tiers {
		tier(fmt.Sprintf("eligibility.tiers[%d]", i), t)
	}
	for i, id := range p.Eligibility.Partners {
		partner(fmt.Sprintf("eligibility.partners[%d]", i), id)
	}
	for i, ex := range p.Examples {
		if ex.Tier != "" {
			tier(fmt.Sprintf("examples[%d].tier", i), ex.Tier)
		}
	}
	sets, prefixes := ruleSets(p)
	for k, rules := range sets {
		for i := range rules {
			r := &rules[i]
			at := fmt.Sprintf("%srules[%d]", prefixes[k], i)
			for j, s := range r.Filter.SKUs {
				sku(fmt.Sprintf("%s.filter.skus[%d]", at, j), s)
			}
			for _, t := range sortedKeys(r.TierMultipliers) {
				tier(at+".tier_multipliers."+t, t)
			}
			if rr := r.Rate; rr != nil {
				for _, t := range sortedKeys(rr.TierBands) {
					tier(at+".rate.tier_bands."+t, t)
				}
			}
			if tg := r.Target; tg != nil {
				for _, id := range sortedKeys(tg.Targets) {
					partner(fmt.Sprintf("%s.target.targets.%d", at, id), id)
				}
			}
			if s := r.SPIF; s != nil {
				for j, k := range s.SKUs {
					sku(fmt.Sprintf("%s.spif.skus[%d]", at, j), k)
				}
			}
		}
	}
	return v.errs
}

func quotedList(xs []string) string {
	var b bytes.Buffer
	for i, x := range xs {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%q", x)
	}
	return b.String()
}

// ReplaceProgramError says that a program read from a file would replace a
// stored active program, and what would change; it wraps
// ErrConfirmationNeeded. The caller confirms by saving the program with ID
// set (the window) or by `program import --replace` (the command line).
type ReplaceProgramError struct {
	ID      ID
	Name    string
	Changes []string // the settings that differ, in file order ("rules: changed r1, added r3")
}

func (e *ReplaceProgramError) Error() string {
	what := "nothing but its file form"
	if len(e.Changes) > 0 {
		what = joinList(e.Changes)
	}
	return fmt.Sprintf("the file replaces the active program %d %q, which computes from its next run with the file's settings; it changes %s", e.ID, e.Name, what)
}

func (e *ReplaceProgramError) Unwrap() error { return ErrConfirmationNeeded }

// ProgramChanges lists what replacing old with p changes: each top-level
// setting that differs, and the rules added, removed or changed by key.
func ProgramChanges(old, p *Program) []string {
	var out []string
	same := func(a, b any) bool {
		x, _ := json.Marshal(a)
		y, _ := json.Marshal(b)
		return bytes.Equal(x, y)
	}
	if old.Name != p.Name {
		out = append(out, fmt.Sprintf("name %q to %q", old.Name, p.Name))
	}
	if old.Description != p.Description {
		out = append(out, "description")
	}
	if old.PeriodKind != p.PeriodKind {
		out = append(out, fmt.Sprintf("period %s to %s", old.PeriodKind, p.PeriodKind))
	}
	if old.ValidFrom != p.ValidFrom || old.ValidTo != p.ValidTo {
		out = append(out, fmt.Sprintf("validity %s..%s to %s..%s", old.ValidFrom, old.ValidTo, p.ValidFrom, p.ValidTo))
	}
	if !same(old.Eligibility, p.Eligibility) {
		out = append(out, "eligibility")
	}
	if !old.Budget.Equal(p.Budget) {
		out = append(out, fmt.Sprintf("budget %s to %s", old.Budget, p.Budget))
	}
	if old.Status != p.Status {
		out = append(out, fmt.Sprintf("status %s to %s", old.Status, p.Status))
	}
	if !same(old.Examples, p.Examples) {
		out = append(out, "golden examples")
	}
	if old.RulesFrom != p.RulesFrom || !same(old.EarlierRules, p.EarlierRules) {
		out = append(out, fmt.Sprintf("rule versions (current rules from %s, %d earlier)", p.RulesFrom, len(p.EarlierRules)))
	}
	oldRules := map[string]*Rule{}
	for i := range old.Rules {
		oldRules[old.Rules[i].Key] = &old.Rules[i]
	}
	var changed, added, removed []string
	seen := map[string]bool{}
	for i := range p.Rules {
		r := &p.Rules[i]
		seen[r.Key] = true
		if o, ok := oldRules[r.Key]; !ok {
			added = append(added, r.Key)
		} else if !same(o, r) {
			changed = append(changed, r.Key)
		}
	}
	for i := range old.Rules {
		if !seen[old.Rules[i].Key] {
			removed = append(removed, old.Rules[i].Key)
		}
	}
	for _, g := range []struct {
		what string
		keys []string
	}{{"rules changed", changed}, {"rules added", added}, {"rules removed", removed}} {
		if len(g.keys) > 0 {
			out = append(out, g.what+" "+quotedList(g.keys))
		}
	}
	return out
}

func joinList(xs []string) string {
	var b bytes.Buffer
	for i, x := range xs {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(x)
	}
	return b.String()
}

// NeedsRateConfirmation reports whether rule r pays more than 100 % of
// revenue at some rate that the user has not confirmed yet: the flat rate
// or any band of a rate rule on a revenue basis, or a SPIF's rate. The
// program file's validation refuses such a rule; the editor asks first.
func NeedsRateConfirmation(r Rule) bool {
	hundred := decimal.NewFromInt(100)
	if r.Rate != nil && r.Basis != BasisUnits && !r.Rate.Confirmed {
		if r.Rate.Rate.GreaterThan(hundred) {
			return true
		}
		for _, b := range r.Rate.Bands {
			if b.Rate.GreaterThan(hundred) {
				return true
			}
		}
		for _, bs := range r.Rate.TierBands {
			for _, b := range bs {
				if b.Rate.GreaterThan(hundred) {
					return true
				}
			}
		}
	}
	return r.SPIF != nil && !r.SPIF.Confirmed && r.SPIF.Rate.GreaterThan(hundred)
}
