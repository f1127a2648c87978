package ui

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"

	"partnerdesk/engine"
)

// ProgramVersionService saves an active program's new rules from a
// period on, so the open periods before it keep the earlier rules.
// *app.Service implements it; without it the editor saves in place.
type ProgramVersionService interface {
	SaveProgramFrom(p engine.Program, from string) (engine.Program, error)
}

// ProgramRefsService says what a program may name (tiers, SKUs, partner
// ids), so the editor shows an unknown one beside its field as it is
// typed. Optional: without it the save reports them.
type ProgramRefsService interface {
	ProgramRefs() (engine.ProgramRefs, error)
}

// loadRefs fetches what a program may name, in the background.
func (s *ProgramsScreen) loadRefs() {
	rs, ok := s.svc.(ProgramRefsService)
	if !ok {
		return
	}
	s.background(func() {
		refs, err := rs.ProgramRefs()
		if err != nil {
			return // the save checks them anyway
		}
		fyne.Do(func() {
			s.refs = &refs
			if !s.loading && s.re.pick != nil {
				s.validateDraft()
			}
		})
	})
}

// formReader reads typed text; problems are kept by JSON path.
type formReader struct {
	svc ProgramService
	bad map[string]string
}

func (fr *formReader) fail(path, format string, args ...any) {
	if _, seen := fr.bad[path]; !seen {
		fr.bad[path] = fmt.Sprintf(format, args...)
	}
}

// amount reads a figure as every form's amounts are read (the service's
// ParseAmount); a trailing % is allowed on rates.
func (fr *formReader) amount(path, text string) decimal.Decimal {
	text = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(text), "%"))
	if text == "" {
		return decimal.Zero
	}
	d, err := fr.svc.ParseAmount(path, text)
	if err != nil {
		if by, ok := fieldErrors(err); ok {
			for _, r := range by {
				fr.fail(path, "%s", r)
			}
		} else {
			fr.fail(path, "%v", err)
		}
	}
	return d
}

func (fr *formReader) integer(path, text string) int {
	text = strings.TrimSpace(text)
	if text == "" {
		return 0
	}
	n, err := strconv.Atoi(text)
	if err != nil {
		fr.fail(path, "%q is not a whole number", text)
	}
	return n
}

func (fr *formReader) date(path, text string) engine.Date {
	d, err := optionalDate(text)
	if err != nil {
		fr.fail(path, "%v", err)
	}
	return d
}

// list splits a comma-separated list; empty: nil.
func list(text string) []string {
	var out []string
	for _, p := range strings.Split(text, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// lines returns the non-empty lines of a table typed one row a line.
func lines(text string) []string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// pairs reads "a b; c d" (or one pair a line) into figure pairs.
func (fr *formReader) pairs(path, text, what string) [][2]decimal.Decimal {
	var out [][2]decimal.Decimal
	fields := strings.FieldsFunc(text, func(r rune) bool { return r == ' ' || r == '\t' || r == ';' || r == '\n' || r == '→' })
	if len(fields)%2 != 0 {
		fr.fail(path, "write each row as two figures, %s", what)
		return nil
	}
	for i := 0; i < len(fields); i += 2 {
		out = append(out, [2]decimal.Decimal{fr.amount(path, fields[i]), fr.amount(path, fields[i+1])})
	}
	return out
}

func (fr *formReader) bands(path, text string) []engine.Band {
	var out []engine.Band
	for _, p := range fr.pairs(path, text, "the band's start and its rate, e.g. 50000 4") {
		out = append(out, engine.Band{From: p[0], Rate: p[1]})
	}
	return out
}

// named reads "Name: rest" lines.
func (fr *formReader) named(path, text string, each func(name, rest string)) {
	for _, l := range lines(text) {
		i := strings.LastIndex(l, ":")
		if i <= 0 {
			fr.fail(path, "write %q as the name, a colon, then the figures (Gold: 1.2)", l)
			continue
		}
		each(strings.TrimSpace(l[:i]), strings.TrimSpace(l[i+1:]))
	}
}

// readRule reads the rule on show; problems by path under the rule. It is
// long because it reads every field of every rule kind, one parse each,
// mirroring writeRule.
func (s *ProgramsScreen) readRule() (engine.Rule, map[string]string) {
	e := &s.re
	fr := &formReader{svc: s.svc, bad: map[string]string{}}
	var old engine.Rule
	if e.cur >= 0 && e.cur < len(s.draft.Rules) {
		old = s.draft.Rules[e.cur]
	}
	r := engine.Rule{
		Key:   strings.TrimSpace(e.key.Text),
		Name:  strings.TrimSpace(e.name.Text),
		Kind:  engine.RuleKind(e.kind.Selected),
		Basis: engine.BasisKind(e.basis.Selected),
	}
	if strings.TrimSpace(e.cap.Text) != "" {
		r.Cap = decimal.NewNullDecimal(fr.amount("cap", e.cap.Text))
	}
	filterOf := func(sel *widget.Select) engine.NewFilter {
		if sel.Selected == "any" {
			return engine.FilterAny
		}
		return engine.NewFilter(sel.Selected)
	}
	r.Filter = engine.Filter{Categories: list(e.categories.Text), SKUs: list(e.skus.Text),
		Customer: filterOf(e.customer), Product: filterOf(e.product), RepRoles: list(e.repRoles.Text)}
	for _, k := range list(e.partnerKinds.Text) {
		r.Filter.PartnerKinds = append(r.Filter.PartnerKinds, engine.PartnerKind(k))
	}
	matrixPaths := []string{"matrix.new_customer_new_product", "matrix.new_customer_existing_product",
		"matrix.existing_customer_new_product", "matrix.existing_customer_existing_product"}
	var m engine.Matrix
	cells := []*decimal.Decimal{&m.NewNew, &m.NewExisting, &m.ExistingNew, &m.ExistingExisting}
	for i, c := range e.matrix {
		if strings.TrimSpace(c.Text) != "" {
			r.Matrix = &m
		}
		*cells[i] = fr.amount(matrixPaths[i], c.Text)
	}
	fr.named("tier_multipliers", e.multipliers.Text, func(tier, rest string) {
		if r.TierMultipliers == nil {
			r.TierMultipliers = map[string]decimal.Decimal{}
		}
		r.TierMultipliers[tier] = fr.amount("tier_multipliers", rest)
	})
	switch r.Kind {
	case engine.RuleRate:
		rr := &engine.RateRule{Rate: fr.amount("rate.rate", e.rate.Text), Mode: engine.BandMode(e.mode.Selected),
			Bands: fr.bands("rate.bands", e.bands.Text)}
		if old.Rate != nil {
			rr.Confirmed = old.Rate.Confirmed
		}
		fr.named("rate.tier_bands", e.tierBands.Text, func(tier, rest string) {
			if rr.TierBands == nil {
				rr.TierBands = map[string][]engine.Band{}
			}
			rr.TierBands[tier] = fr.bands("rate.tier_bands", rest)
		})
		r.Rate = rr
	case engine.RuleTarget:
		t := &engine.TargetRule{DefaultTarget: fr.amount("target.default_target", e.defaultTarget.Text),
			Accelerator: fr.amount("target.accelerator", e.accelerator.Text)}
		fr.named("target.targets", e.targets.Text, func(id, rest string) {
			n, err := strconv.ParseUint(id, 10, 64)
			if err != nil {
				fr.fail("target.targets", "%q is not a partner id", id)
				return
			}
			if t.Targets == nil {
				t.Targets = map[engine.ID]decimal.Decimal{}
			}
			t.Targets[engine.ID(n)] = fr.amount("target.targets", rest)
		})
		for _, p := range fr.pairs("target.steps", e.steps.Text, "the attainment % and the amount, e.g. 100 1500") {
			t.Steps = append(t.Steps, engine.Step{Attainment: p[0], Amount: p[1]})
		}
		r.Target = t
	case engine.RuleSPIF:
		sp := &engine.SPIFRule{SKUs: list(e.spifSKUs.Text), From: fr.date("spif.from", e.spifFrom.Text), To: fr.date("spif.to", e.spifTo.Text),
			Amount: fr.amount("spif.amount", e.spifAmount.Text), PerDeal: e.perDeal.Checked, Rate: fr.amount("spif.rate", e.spifRate.Text)}
		if old.SPIF != nil {
			sp.Confirmed = old.SPIF.Confirmed
		}
		r.SPIF = sp
	case engine.RuleDealReg:
		r.DealReg = &engine.DealRegRule{Rate: fr.amount("dealreg.rate", e.dealRate.Text)}
	case engine.RuleReferral:
		r.Referral = &engine.ReferralRule{Bounty: fr.amount("referral.bounty", e.bounty.Text), Rate: fr.amount("referral.rate", e.refRate.Text),
			Months: fr.integer("referral.months", e.refMonths.Text)}
	case engine.RuleFund:
		r.Fund = &engine.FundRule{Rate: fr.amount("fund.rate", e.fundRate.Text), ValidityDays: fr.integer("fund.validity_days", e.fundDays.Text), Fund: e.fund.Selected}
	case engine.RuleTraining:
		r.Training = &engine.TrainingRule{Courses: list(e.courses.Text), Amount: fr.amount("training.amount", e.trainAmount.Text), Unit: engine.Unit(e.trainUnit.Selected)}
	case engine.RuleActivity:
		r.Activity = &engine.ActivityRule{Types: list(e.types.Text), Amount: fr.amount("activity.amount", e.actAmount.Text),
			Unit: engine.Unit(e.actUnit.Selected), ToRep: e.actToRep.Checked}
	case engine.RuleLoyalty:
		r.Loyalty = &engine.LoyaltyRule{Points: fr.amount("loyalty.points", e.points.Text), Per: fr.amount("loyalty.per", e.per.Text),
			ToRep: e.loyToRep.Checked, ValidityMonths: fr.integer("loyalty.validity_months", e.loyMonths.Text)}
	}
	return r, fr.bad
}

// readProgram reads the whole editor into a program; problems by JSON
// path of the program file ("budget", "rules[0].rate.bands").
func (s *ProgramsScreen) readProgram() (engine.Program, map[string]string) {
	p := s.draft
	p.Rules = append([]engine.Rule(nil), s.draft.Rules...)
	p.Examples = append([]engine.Example(nil), s.draft.Examples...)
	fr := &formReader{svc: s.svc, bad: map[string]string{}}
	p.Name = strings.TrimSpace(s.name.Text)
	p.Status = engine.ProgramStatus(s.status.Selected)
	p.PeriodKind = engine.PeriodKind(s.kind.Selected)
	p.Description = strings.TrimSpace(s.desc.Text)
	p.ValidFrom = fr.date("valid_from", s.from.Text)
	p.ValidTo = fr.date("valid_to", s.to.Text)
	p.Budget = decimal.Zero
	if strings.TrimSpace(s.budget.Text) != "" {
		p.Budget = fr.amount("budget", s.budget.Text)
	}
	el := &s.elig
	p.Eligibility = engine.Eligibility{Segments: list(el.segments.Text), Tiers: list(el.tiers.Text)}
	for _, k := range list(el.kinds.Text) {
		p.Eligibility.Kinds = append(p.Eligibility.Kinds, engine.PartnerKind(k))
	}
	p.Eligibility.Partners = s.readPartners(fr, el.partners.Text)
	if c := s.re.cur; c >= 0 && c < len(p.Rules) {
		r, bad := s.readRule()
		p.Rules[c] = r
		for f, reason := range bad {
			fr.fail(fmt.Sprintf("rules[%d].%s", c, f), "%s", reason)
		}
	}
	if s.ex != nil {
		if c := s.ex.cur; c >= 0 && c < len(p.Examples) {
			e, bad := s.readExample()
			p.Examples[c] = e
			for f, reason := range bad {
				fr.fail(fmt.Sprintf("examples[%d].%s", c, f), "%s", reason)
			}
		}
	}
	if len(p.Examples) == 0 {
		p.Examples = nil
	}
	return p, fr.bad
}

// headPaths maps the program's JSON paths to the head form's labels.
var headPaths = map[string]string{
	"name": "Name", "status": "Status", "period_kind": "Period kind", "valid_from": "Valid from", "valid_to": "Valid to",
	"budget": "Budget", "description": "Description", "eligibility.kinds": "Eligible kinds", "eligibility.segments": "Segments",
	"eligibility.tiers": "Tiers", "eligibility.partners": "Partners",
}

// longestPrefix returns the registered path that field lies under.
func longestPrefix[V any](field string, m map[string]V) (V, bool) {
	var zero V
	best := ""
	for p := range m {
		if (field == p || strings.HasPrefix(field, p+".") || strings.HasPrefix(field, p+"[")) && len(p) > len(best) {
			best = p
		}
	}
	if best == "" {
		return zero, false
	}
	return m[best], true
}

// showProblems puts each problem beside its field: the head form's, the
// rule on show's, and the rest (other rules, golden examples) in one
// label below the editor. It reports whether there was any.
func (s *ProgramsScreen) showProblems(problems map[string]string) bool {
	for _, it := range s.form.Items {
		it.HintText = noHint
	}
	for _, it := range s.re.items {
		it.HintText = noHint
	}
	curEx := "-"
	if s.ex != nil {
		for _, it := range s.ex.items {
			it.HintText = noHint
		}
		curEx = fmt.Sprintf("examples[%d]", s.ex.cur)
	}
	labels := map[string]*widget.FormItem{}
	for _, it := range s.form.Items {
		labels[it.Text] = it
	}
	cur := fmt.Sprintf("rules[%d]", s.re.cur)
	fields := make([]string, 0, len(problems))
	for f := range problems {
		fields = append(fields, f)
	}
	sort.Strings(fields)
	var rest []string
	for _, f := range fields {
		reason := problems[f]
		if strings.HasPrefix(f, cur+".") {
			if it, ok := longestPrefix(strings.TrimPrefix(f, cur+"."), s.re.items); ok {
				if it.HintText == noHint {
					it.HintText = reason
				}
				continue
			}
		}
		if strings.HasPrefix(f, curEx+".") {
			if it, ok := longestPrefix(strings.TrimPrefix(f, curEx+"."), s.ex.items); ok {
				if it.HintText == noHint {
					it.HintText = reason
				}
				continue
			}
		}
		if label, ok := longestPrefix(f, headPaths); ok {
			if it := labels[tableText(label)]; it != nil && it.HintText == noHint {
				it.HintText = reason
				continue
			}
		}
		if it := labels[programFieldLabel(f)]; it != nil {
			it.HintText = reason
			continue
		}
		rest = append(rest, s.ruleLabel(f)+": "+reason)
	}
	// A picker's suggestions, while open, take its hint line; its problem
	// comes back when they close.
	for _, pk := range s.pickers.all {
		if pk.item == nil {
			continue
		}
		s.pickers.hint[pk] = pk.item.HintText
		if pk.shown != "" {
			pk.item.HintText = pk.shown
		}
	}
	s.refreshForms()
	s.editorProblems.SetText(strings.Join(rest, "\n"))
	return len(problems) > 0
}

// ruleLabel names a field of another rule (or golden example) by its name.
func (s *ProgramsScreen) ruleLabel(field string) string {
	var i int
	var rest string
	if n, _ := fmt.Sscanf(field, "examples[%d]", &i); n == 1 && i >= 0 && i < len(s.draft.Examples) {
		if j := strings.Index(field, "]."); j > 0 {
			rest = " " + field[j+2:]
		}
		return fmt.Sprintf("Example %d (%s)%s", i+1, s.draft.Examples[i].Name, rest)
	}
	if n, _ := fmt.Sscanf(field, "rules[%d]", &i); n == 1 && i >= 0 && i < len(s.draft.Rules) {
		if j := strings.Index(field, "]."); j > 0 {
			rest = " " + field[j+2:]
		}
		name := s.draft.Rules[i].Name
		if name == "" {
			name = s.draft.Rules[i].Key
		}
		return fmt.Sprintf("Rule %d (%s)%s", i+1, name, rest)
	}
	return field
}

// validateDraft reads the editor and shows what is wrong the moment it is:
// what cannot be read, and the engine's own validation (the one every
// save runs). Before the first save attempt, a field left empty is not
// yet a problem (the owner is still typing). It returns the program read
// and whether it is valid.
func (s *ProgramsScreen) validateDraft() (engine.Program, bool) {
	p, bad := s.readProgram()
	if p.Currency == "" {
		p.Currency = s.format.cur.Code
	}
	err := engine.ValidateProgram(p)
	if err == nil && s.refs != nil {
		if errs := engine.CheckProgramRefs(&p, *s.refs); len(errs) > 0 {
			err = errs
		}
	}
	valid := err == nil
	if by, ok := fieldErrors(err); ok {
		for f, r := range by {
			if _, seen := bad[f]; !seen && (s.tried || !s.emptyField(f)) {
				bad[f] = r
			}
		}
	}
	s.showProblems(bad)
	return p, len(bad) == 0 && valid
}

// emptyField reports whether the field a problem names is still empty on
// the form (a missing value, not a wrong one).
func (s *ProgramsScreen) emptyField(field string) bool {
	if field == "rules" {
		return true
	}
	cur := fmt.Sprintf("rules[%d].", s.re.cur)
	if strings.HasPrefix(field, cur) {
		it, ok := longestPrefix(strings.TrimPrefix(field, cur), s.re.items)
		if !ok {
			return false
		}
		if e, ok := it.Widget.(*widget.Entry); ok {
			return strings.TrimSpace(e.Text) == ""
		}
		if c, ok := it.Widget.(*completionEntry); ok {
			return strings.TrimSpace(c.Text) == ""
		}
		if sel, ok := it.Widget.(*widget.Select); ok {
			return sel.Selected == ""
		}
		return false
	}
	if s.ex != nil {
		if cur := fmt.Sprintf("examples[%d].", s.ex.cur); strings.HasPrefix(field, cur) {
			it, ok := longestPrefix(strings.TrimPrefix(field, cur), s.ex.items)
			if !ok {
				return false
			}
			if e, ok := it.Widget.(*widget.Entry); ok {
				return strings.TrimSpace(e.Text) == "" || strings.HasSuffix(strings.TrimSpace(e.Text), ":")
			}
			return false
		}
	}
	if label, ok := longestPrefix(field, headPaths); ok {
		for _, it := range s.form.Items {
			if it.Text == tableText(label) {
				if e, ok := it.Widget.(*widget.Entry); ok {
					return strings.TrimSpace(e.Text) == ""
				}
				if c, ok := it.Widget.(*completionEntry); ok {
					return strings.TrimSpace(c.Text) == ""
				}
				if sel, ok := it.Widget.(*widget.Select); ok {
					return sel.Selected == ""
				}
			}
		}
	}
	return false
}
