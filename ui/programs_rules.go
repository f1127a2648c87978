package ui

import (
	"fmt"
	"sort"
	"strings"

	"github.com/shopspring/decimal"

	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// rulesMarkdown is a read view of a program: eligibility and every rule
// with its filter, bands, steps, multipliers and cap.
func (s *ProgramsScreen) rulesMarkdown(p engine.Program) string {
	f := numFmt{lang: Lang(), cur: engine.NewCurrency(p.Currency)}
	if p.Currency == "" {
		f.cur = s.format.cur
	}
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	if p.Description != "" {
		w("%s\n\n", md(p.Description))
	}
	budget := T("no budget")
	if p.Budget.IsPositive() {
		budget = Tf("budget %s", f.money(p.Budget))
	}
	w("%s\n\n", Tf("**%s** · %s periods · valid %s · %s", p.Status, p.PeriodKind, validity(p), budget))
	e := p.Eligibility
	var elig []string
	if len(e.Kinds) > 0 {
		elig = append(elig, Tf("kinds %s", joinKinds(e.Kinds)))
	}
	if len(e.Segments) > 0 {
		elig = append(elig, Tf("segments %s", strings.Join(e.Segments, ", ")))
	}
	if len(e.Tiers) > 0 {
		elig = append(elig, Tf("tiers %s", strings.Join(e.Tiers, ", ")))
	}
	if len(e.Partners) > 0 {
		elig = append(elig, Tf("%d named partners", len(e.Partners)))
	}
	if len(elig) == 0 {
		w("%s\n\n", T("Eligible: every partner"))
	} else {
		w("%s\n\n", Tf("Eligible: %s", md(strings.Join(elig, "; "))))
	}
	if len(p.Rules) == 0 {
		w("%s\n", T("This program has no rules yet. Import its JSON file with the rules."))
	}
	for i, r := range p.Rules {
		w("## %d. %s\n\n", i+1, md(r.Name))
		kind := string(r.Kind)
		if r.Basis != "" {
			kind = Tf("%s on %s", kind, string(r.Basis))
		}
		w("* %s\n", Tf("Kind: %s (key %s)", kind, md(r.Key)))
		if fl := filterText(r.Filter); fl != "" {
			w("* %s\n", Tf("Filter: %s", md(fl)))
		}
		for _, line := range ruleLines(r, f) {
			w("* %s\n", md(line))
		}
		if r.Matrix != nil {
			m := r.Matrix
			w("* "+T("Customer x product weights: new+new %s, new+existing %s, existing+new %s, existing+existing %s")+"\n",
				weight(m.NewNew), weight(m.NewExisting), weight(m.ExistingNew), weight(m.ExistingExisting))
		}
		if len(r.TierMultipliers) > 0 {
			tiers := make([]string, 0, len(r.TierMultipliers))
			for t, m := range r.TierMultipliers {
				tiers = append(tiers, fmt.Sprintf("%s x%s", t, m.String()))
			}
			sort.Strings(tiers)
			w("* %s\n", Tf("Tier multipliers: %s", md(strings.Join(tiers, ", "))))
		}
		if r.Cap.Valid {
			w("* %s\n", Tf("Cap per payee per period: %s", f.money(r.Cap.Decimal)))
		}
		w("\n")
	}
	return b.String()
}

// ruleLines describes the kind-specific part of a rule. It is long because
// it is a table of cases, one per rule kind.
func ruleLines(r engine.Rule, f numFmt) []string {
	var out []string
	pct := func(d decimal.Decimal) string { return f.percent(d) }
	switch {
	case r.Rate != nil:
		rr := r.Rate
		rate := func(d decimal.Decimal) string {
			if r.Basis == engine.BasisUnits {
				return Tf("%s per unit", f.money(d))
			}
			return pct(d)
		}
		bands := func(bs []engine.Band) string {
			parts := make([]string, len(bs))
			for i, b := range bs {
				parts[i] = Tf("from %s → %s", i18nNumber(b.From, f), rate(b.Rate))
			}
			return strings.Join(parts, "; ")
		}
		if len(rr.Bands) == 0 && len(rr.TierBands) == 0 {
			out = append(out, Tf("Flat rate %s", rate(rr.Rate)))
		}
		if len(rr.Bands) > 0 {
			out = append(out, Tf("Bands (%s): %s", rr.Mode, bands(rr.Bands)))
		}
		tiers := make([]string, 0, len(rr.TierBands))
		for t := range rr.TierBands {
			tiers = append(tiers, t)
		}
		sort.Strings(tiers)
		for _, t := range tiers {
			out = append(out, Tf("Bands for %s (%s): %s", t, rr.Mode, bands(rr.TierBands[t])))
		}
	case r.Target != nil:
		t := r.Target
		out = append(out, Tf("Default target %s (%d partners with their own)", f.money(t.DefaultTarget), len(t.Targets)))
		steps := make([]string, len(t.Steps))
		for i, st := range t.Steps {
			steps[i] = pct(st.Attainment) + " → " + f.money(st.Amount)
		}
		out = append(out, Tf("Steps: %s", strings.Join(steps, "; ")))
		if !t.Accelerator.IsZero() {
			out = append(out, Tf("Accelerator %s on the basis above target", pct(t.Accelerator)))
		}
	case r.SPIF != nil:
		sp := r.SPIF
		pay := Tf("%s per unit", f.money(sp.Amount))
		if sp.PerDeal {
			pay = Tf("%s per deal", f.money(sp.Amount))
		}
		if !sp.Rate.IsZero() {
			pay = Tf("%s of the net amount", pct(sp.Rate))
		}
		out = append(out, Tf("SKUs %s sold %s to %s: %s", strings.Join(sp.SKUs, ", "), sp.From, sp.To, pay))
	case r.DealReg != nil:
		out = append(out, Tf("Rate %s on sales linked to approved registrations closed within their window", pct(r.DealReg.Rate)))
	case r.Referral != nil:
		rf := r.Referral
		if !rf.Bounty.IsZero() {
			out = append(out, Tf("Bounty %s per new customer", f.money(rf.Bounty)))
		}
		if !rf.Rate.IsZero() {
			months := T("for as long as the program runs")
			if rf.Months > 0 {
				months = Tf("for %d months from the first sale", rf.Months)
			}
			out = append(out, Tf("Rate %s on subscription revenue %s", pct(rf.Rate), months))
		}
	case r.Fund != nil:
		fund := r.Fund.Fund
		if fund == "" {
			fund = "MDF"
		}
		out = append(out, Tf("%s accrual at %s, valid %d days after the period end", fund, pct(r.Fund.Rate), r.Fund.ValidityDays))
	case r.Training != nil:
		out = append(out, Tf("%s per course (%s), once per rep", unitAmount(r.Training.Amount, r.Training.Unit, f), strings.Join(r.Training.Courses, ", ")))
	case r.Activity != nil:
		to := T("to the partner")
		if r.Activity.ToRep {
			to = T("to the rep")
		}
		out = append(out, Tf("%s per activity of type %s, %s", unitAmount(r.Activity.Amount, r.Activity.Unit, f), strings.Join(r.Activity.Types, ", "), to))
	case r.Loyalty != nil:
		valid := ""
		if m := r.Loyalty.ValidityMonths; m > 0 {
			valid = Tf(", valid %d months after the period end", m)
		}
		out = append(out, Tf("%s points per %s of basis%s", r.Loyalty.Points.String(), f.money(r.Loyalty.Per), valid))
	}
	return out
}

func unitAmount(d decimal.Decimal, u engine.Unit, f numFmt) string {
	if u == engine.UnitPoints {
		return Tf("%s points", d.String())
	}
	return f.money(d)
}

func i18nNumber(d decimal.Decimal, f numFmt) string {
	return f.cell(views.NumberCell(d))
}

// weight prints a matrix cell as stored: a 0 earns nothing.
func weight(d decimal.Decimal) string { return d.String() }

func joinKinds(ks []engine.PartnerKind) string {
	s := make([]string, len(ks))
	for i, k := range ks {
		s[i] = string(k)
	}
	return strings.Join(s, ", ")
}

func filterText(fl engine.Filter) string {
	var parts []string
	if len(fl.Categories) > 0 {
		parts = append(parts, Tf("categories %s", strings.Join(fl.Categories, ", ")))
	}
	if len(fl.SKUs) > 0 {
		parts = append(parts, Tf("SKUs %s", strings.Join(fl.SKUs, ", ")))
	}
	if fl.Customer != engine.FilterAny {
		parts = append(parts, Tf("%s customers", string(fl.Customer)))
	}
	if fl.Product != engine.FilterAny {
		parts = append(parts, Tf("%s products", string(fl.Product)))
	}
	if len(fl.PartnerKinds) > 0 {
		parts = append(parts, Tf("partner kinds %s", joinKinds(fl.PartnerKinds)))
	}
	if len(fl.RepRoles) > 0 {
		parts = append(parts, Tf("rep roles %s", strings.Join(fl.RepRoles, ", ")))
	}
	return strings.Join(parts, "; ")
}

// md escapes the characters Markdown would read as formatting.
func md(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `*`, `\*`, `_`, `\_`, "`", "\\`", `#`, `\#`, `[`, `\[`, `]`, `\]`)
	return r.Replace(s)
}
