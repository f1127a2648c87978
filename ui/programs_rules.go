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
	f := numFmt{lang: s.format.lang, cur: engine.NewCurrency(p.Currency)}
	if p.Currency == "" {
		f.cur = s.format.cur
	}
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	if p.Description != "" {
		w("%s\n\n", md(p.Description))
	}
	budget := "no budget"
	if p.Budget.IsPositive() {
		budget = "budget " + f.money(p.Budget)
	}
	w("**%s** · %s periods · valid %s · %s\n\n", p.Status, p.PeriodKind, validity(p), budget)
	e := p.Eligibility
	var elig []string
	if len(e.Kinds) > 0 {
		elig = append(elig, "kinds "+joinKinds(e.Kinds))
	}
	if len(e.Segments) > 0 {
		elig = append(elig, "segments "+strings.Join(e.Segments, ", "))
	}
	if len(e.Tiers) > 0 {
		elig = append(elig, "tiers "+strings.Join(e.Tiers, ", "))
	}
	if len(e.Partners) > 0 {
		elig = append(elig, fmt.Sprintf("%d named partners", len(e.Partners)))
	}
	if len(elig) == 0 {
		w("Eligible: every partner\n\n")
	} else {
		w("Eligible: %s\n\n", md(strings.Join(elig, "; ")))
	}
	if len(p.Rules) == 0 {
		w("This program has no rules yet. Import its JSON file with the rules.\n")
	}
	for i, r := range p.Rules {
		w("## %d. %s\n\n", i+1, md(r.Name))
		kind := string(r.Kind)
		if r.Basis != "" {
			kind += " on " + string(r.Basis)
		}
		w("* Kind: %s (key %s)\n", kind, md(r.Key))
		if fl := filterText(r.Filter); fl != "" {
			w("* Filter: %s\n", md(fl))
		}
		for _, line := range ruleLines(r, f) {
			w("* %s\n", md(line))
		}
		if r.Matrix != nil {
			m := r.Matrix
			w("* Customer x product weights: new+new %s, new+existing %s, existing+new %s, existing+existing %s\n",
				weight(m.NewNew), weight(m.NewExisting), weight(m.ExistingNew), weight(m.ExistingExisting))
		}
		if len(r.TierMultipliers) > 0 {
			tiers := make([]string, 0, len(r.TierMultipliers))
			for t, m := range r.TierMultipliers {
				tiers = append(tiers, fmt.Sprintf("%s x%s", t, m.String()))
			}
			sort.Strings(tiers)
			w("* Tier multipliers: %s\n", md(strings.Join(tiers, ", ")))
		}
		if r.Cap.Valid {
			w("* Cap per payee per period: %s\n", f.money(r.Cap.Decimal))
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
				return f.money(d) + " per unit"
			}
			return pct(d)
		}
		bands := func(bs []engine.Band) string {
			parts := make([]string, len(bs))
			for i, b := range bs {
				parts[i] = "from " + i18nNumber(b.From, f) + " → " + rate(b.Rate)
			}
			return strings.Join(parts, "; ")
		}
		if len(rr.Bands) == 0 && len(rr.TierBands) == 0 {
			out = append(out, "Flat rate "+rate(rr.Rate))
		}
		if len(rr.Bands) > 0 {
			out = append(out, fmt.Sprintf("Bands (%s): %s", rr.Mode, bands(rr.Bands)))
		}
		tiers := make([]string, 0, len(rr.TierBands))
		for t := range rr.TierBands {
			tiers = append(tiers, t)
		}
		sort.Strings(tiers)
		for _, t := range tiers {
			out = append(out, fmt.Sprintf("Bands for %s (%s): %s", t, rr.Mode, bands(rr.TierBands[t])))
		}
	case r.Target != nil:
		t := r.Target
		out = append(out, "Default target "+f.money(t.DefaultTarget)+fmt.Sprintf(" (%d partners with their own)", len(t.Targets)))
		steps := make([]string, len(t.Steps))
		for i, st := range t.Steps {
			steps[i] = pct(st.Attainment) + " → " + f.money(st.Amount)
		}
		out = append(out, "Steps: "+strings.Join(steps, "; "))
		if !t.Accelerator.IsZero() {
			out = append(out, "Accelerator "+pct(t.Accelerator)+" on the basis above target")
		}
	case r.SPIF != nil:
		sp := r.SPIF
		pay := f.money(sp.Amount) + " per unit"
		if sp.PerDeal {
			pay = f.money(sp.Amount) + " per deal"
		}
		if !sp.Rate.IsZero() {
			pay = pct(sp.Rate) + " of the net amount"
		}
		out = append(out, fmt.Sprintf("SKUs %s sold %s to %s: %s", strings.Join(sp.SKUs, ", "), sp.From, sp.To, pay))
	case r.DealReg != nil:
		out = append(out, "Rate "+pct(r.DealReg.Rate)+" on sales linked to approved registrations closed within their window")
	case r.Referral != nil:
		rf := r.Referral
		if !rf.Bounty.IsZero() {
			out = append(out, "Bounty "+f.money(rf.Bounty)+" per new customer")
		}
		if !rf.Rate.IsZero() {
			months := "for as long as the program runs"
			if rf.Months > 0 {
				months = fmt.Sprintf("for %d months from the first sale", rf.Months)
			}
			out = append(out, "Rate "+pct(rf.Rate)+" on subscription revenue "+months)
		}
	case r.Fund != nil:
		fund := r.Fund.Fund
		if fund == "" {
			fund = "MDF"
		}
		out = append(out, fmt.Sprintf("%s accrual at %s, valid %d days after the period end", fund, pct(r.Fund.Rate), r.Fund.ValidityDays))
	case r.Training != nil:
		out = append(out, fmt.Sprintf("%s per course (%s), once per rep", unitAmount(r.Training.Amount, r.Training.Unit, f), strings.Join(r.Training.Courses, ", ")))
	case r.Activity != nil:
		to := "to the partner"
		if r.Activity.ToRep {
			to = "to the rep"
		}
		out = append(out, fmt.Sprintf("%s per activity of type %s, %s", unitAmount(r.Activity.Amount, r.Activity.Unit, f), strings.Join(r.Activity.Types, ", "), to))
	case r.Loyalty != nil:
		valid := ""
		if m := r.Loyalty.ValidityMonths; m > 0 {
			valid = fmt.Sprintf(", valid %d months after the period end", m)
		}
		out = append(out, fmt.Sprintf("%s points per %s of basis%s", r.Loyalty.Points.String(), f.money(r.Loyalty.Per), valid))
	}
	return out
}

func unitAmount(d decimal.Decimal, u engine.Unit, f numFmt) string {
	if u == engine.UnitPoints {
		return d.String() + " points"
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
		parts = append(parts, "categories "+strings.Join(fl.Categories, ", "))
	}
	if len(fl.SKUs) > 0 {
		parts = append(parts, "SKUs "+strings.Join(fl.SKUs, ", "))
	}
	if fl.Customer != engine.FilterAny {
		parts = append(parts, string(fl.Customer)+" customers")
	}
	if fl.Product != engine.FilterAny {
		parts = append(parts, string(fl.Product)+" products")
	}
	if len(fl.PartnerKinds) > 0 {
		parts = append(parts, "partner kinds "+joinKinds(fl.PartnerKinds))
	}
	if len(fl.RepRoles) > 0 {
		parts = append(parts, "rep roles "+strings.Join(fl.RepRoles, ", "))
	}
	return strings.Join(parts, "; ")
}

// md escapes the characters Markdown would read as formatting.
func md(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `*`, `\*`, `_`, `\_`, "`", "\\`", `#`, `\#`, `[`, `\[`, `]`, `\]`)
	return r.Replace(s)
}
