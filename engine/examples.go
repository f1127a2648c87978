package engine

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// Example is a golden example a program carries in its file: a situation
// (a partner of a tier, kind and segment selling an amount in one period
// of the program) and what each named rule must pay in it. The examples
// are the program's own tests: CheckExamples computes them on every save
// and import and before lines are approved, and a failing one blocks.
type Example struct {
	Name        string      `json:"name"`
	Tier        string      `json:"tier,omitempty"`
	PartnerKind PartnerKind `json:"partner_kind,omitempty"` // default: the first eligible kind, else reseller
	Segment     string      `json:"segment,omitempty"`      // default: the first eligible segment
	// Sales is the partner's net sales in the period, as one invoice line
	// (its basis for every revenue rule the line matches); Units its
	// quantity (default 1), the basis of unit rules.
	Sales decimal.Decimal `json:"sales"`
	Units decimal.Decimal `json:"units,omitempty"`
	// Customer and Product say whether the line sells to a new customer and
	// a new product for it; empty: what the rule's filter asks, else a new
	// customer for a referral rule and existing otherwise.
	Customer NewFilter `json:"customer,omitempty"`
	Product  NewFilter `json:"product,omitempty"`
	// Count is how many of the rule's courses a rep completed (training) or
	// activities of its first type the partner did (activity); default 1.
	Count  int           `json:"count,omitempty"`
	Expect []Expectation `json:"expect"`
}

// Expectation is what one rule pays in an example: an amount of money (the
// sum of its lines, fund accruals included), points, or both.
type Expectation struct {
	Rule   string              `json:"rule"`
	Amount decimal.NullDecimal `json:"amount,omitempty"`
	Points *int64              `json:"points,omitempty"`
}

// MaxExamples bounds a program's golden examples; MaxExampleCount an
// example's count of courses or activities.
const (
	MaxExamples     = 100
	MaxExampleCount = 1000
)

// validateExamples checks the examples' own fields (ValidateProgram).
func validateExamples(v *validator, p *Program) {
	if len(p.Examples) > MaxExamples {
		v.add("examples", "%d examples are beyond the limit: a program carries at most %d", len(p.Examples), MaxExamples)
		return
	}
	keys := map[string]bool{}
	for i := range p.Rules {
		keys[p.Rules[i].Key] = true
	}
	names := map[string]bool{}
	var lim limitSet
	for i, ex := range p.Examples {
		at := fmt.Sprintf("examples[%d]", i)
		switch {
		case strings.TrimSpace(ex.Name) == "":
			v.add(at+".name", "an example needs a name, e.g. \"a Gold reseller with 120,000.00 in a quarter\"")
		case names[FoldName(ex.Name)]:
			v.add(at+".name", "another example is named %q", ex.Name)
		}
		names[FoldName(ex.Name)] = true
		if ex.PartnerKind != "" && !slices.ContainsFunc(PartnerKinds, func(k PartnerKind) bool { return SameName(string(k), string(ex.PartnerKind)) }) {
			v.add(at+".partner_kind", "%q is not a partner kind", ex.PartnerKind)
		}
		for _, nf := range []struct {
			f    NewFilter
			name string
		}{{ex.Customer, "customer"}, {ex.Product, "product"}} {
			if nf.f != FilterAny && nf.f != FilterNew && nf.f != FilterExisting {
				v.add(at+"."+nf.name, "choose new, existing or leave empty (got %q)", nf.f)
			}
		}
		lim.Total(at+".sales", ex.Sales)
		lim.Quantity(at+".units", ex.Units)
		if ex.Count < 0 || ex.Count > MaxExampleCount {
			v.add(at+".count", "%d is beyond the limit: counts are from 0 to %d", ex.Count, MaxExampleCount)
		}
		if len(ex.Expect) == 0 {
			v.add(at+".expect", "say what at least one rule pays in this example")
		}
		for j, e := range ex.Expect {
			f := fmt.Sprintf("%s.expect[%d]", at, j)
			if !keys[e.Rule] {
				v.add(f+".rule", "the program has no rule with the key %q", e.Rule)
			}
			if !e.Amount.Valid && e.Points == nil {
				v.add(f, "give the amount, the points, or both that rule %q pays", e.Rule)
			}
			if e.Amount.Valid {
				lim.Total(f+".amount", e.Amount.Decimal)
			}
			if e.Points != nil {
				lim.Points(f+".points", *e.Points)
			}
		}
	}
	v.errs = append(v.errs, lim.Errs...)
}

// ExampleResult is what one rule computes in one example.
type ExampleResult struct {
	Example  string
	Rule     string
	Amount   decimal.Decimal
	Points   int64
	Expected Expectation
	Pass     bool
}

// RunExamples computes every expectation of p's examples for company co
// (its currency and fiscal year): each on synthetic inputs built for the
// example and that one rule (see exampleInputs). It is pure.
func RunExamples(p Program, co Company) ([]ExampleResult, error) {
	var out []ExampleResult
	for _, ex := range p.Examples {
		for _, e := range ex.Expect {
			ri := slices.IndexFunc(p.Rules, func(r Rule) bool { return r.Key == e.Rule })
			if ri < 0 {
				return out, fmt.Errorf("example %q: the program has no rule %q", ex.Name, e.Rule)
			}
			in := exampleInputs(&p, ri, &ex, co)
			res, err := Compute(in)
			if err != nil {
				return out, fmt.Errorf("example %q, rule %q: %w", ex.Name, e.Rule, err)
			}
			r := ExampleResult{Example: ex.Name, Rule: e.Rule, Expected: e}
			for _, l := range res.Lines {
				r.Amount = r.Amount.Add(l.Amount)
				r.Points += l.Points
			}
			r.Pass = (!e.Amount.Valid || e.Amount.Decimal.Equal(r.Amount)) && (e.Points == nil || *e.Points == r.Points)
			out = append(out, r)
		}
	}
	return out, nil
}

// CheckExamples runs p's examples and returns a ValidationError per
// failing expectation, on "examples[i].expect[j]", with the expected and
// the computed figures side by side; nil when all pass.
func CheckExamples(p Program, co Company) error {
	cur := co.Currency
	var errs ValidationErrors
	k := 0
	for i, ex := range p.Examples {
		for j, e := range ex.Expect {
			at := fmt.Sprintf("examples[%d].expect[%d]", i, j)
			ri := slices.IndexFunc(p.Rules, func(r Rule) bool { return r.Key == e.Rule })
			if ri < 0 {
				errs = append(errs, &ValidationError{Field: at + ".rule", Reason: fmt.Sprintf("example %q: the program has no rule %q", ex.Name, e.Rule)})
				continue
			}
			one := p
			one.Examples = []Example{{Name: ex.Name, Tier: ex.Tier, PartnerKind: ex.PartnerKind, Segment: ex.Segment, Sales: ex.Sales, Units: ex.Units,
				Customer: ex.Customer, Product: ex.Product, Count: ex.Count, Expect: []Expectation{e}}}
			rs, err := RunExamples(one, co)
			k++
			if err != nil {
				errs = append(errs, &ValidationError{Field: at, Reason: err.Error()})
				continue
			}
			r := rs[0]
			if r.Pass {
				continue
			}
			var want, got []string
			if e.Amount.Valid {
				want = append(want, cur.Format(e.Amount.Decimal)+" "+cur.Code)
				got = append(got, cur.Format(r.Amount)+" "+cur.Code)
			}
			if e.Points != nil {
				want = append(want, fmt.Sprintf("%d points", *e.Points))
				got = append(got, fmt.Sprintf("%d points", r.Points))
			}
			errs = append(errs, &ValidationError{Field: at, Reason: fmt.Sprintf("example %q: rule %q should pay %s and computes %s",
				ex.Name, e.Rule, strings.Join(want, " and "), strings.Join(got, " and "))})
		}
	}
	if len(errs) == 0 {
		return nil
	}
	return errs
}

// exampleInputs builds the inputs of one example for rule ri alone: a
// program holding only that rule (with the program's eligibility, period
// kind and validity), one active partner of the example's kind, segment
// and tier (held from the period's first day), one rep, one product that
// the rule's filters select, and in the program's first period (the SPIF's
// first day for a SPIF starting later) one invoice line of Sales and Units,
// linked to a registration approved that day, plus Count completed courses
// or activities.
func exampleInputs(p *Program, ri int, ex *Example, co Company) Inputs {
	r := p.Rules[ri]
	prog := *p
	prog.ID, prog.Status, prog.Examples = 1, ProgramActive, nil
	prog.Rules = []Rule{r}
	if co.FiscalYearStart < time.January || co.FiscalYearStart > time.December {
		co.FiscalYearStart = time.January
	}
	day := p.ValidFrom
	if r.SPIF != nil && r.SPIF.From > day {
		day = r.SPIF.From
	}
	period := ProgramPeriod(&prog, day, co.FiscalYearStart)

	partner := Partner{ID: 1, Name: "Example partner", Kind: KindReseller, Status: StatusActive}
	if len(p.Eligibility.Partners) > 0 {
		partner.ID = p.Eligibility.Partners[0]
	} else if r.Target != nil {
		// An example partner is no real one: it reads the default target,
		// not the own target of whichever partner shares its id.
		for _, own := r.Target.Targets[partner.ID]; own; _, own = r.Target.Targets[partner.ID] {
			partner.ID++
		}
	}
	switch {
	case ex.PartnerKind != "":
		partner.Kind = ex.PartnerKind
	case len(p.Eligibility.Kinds) > 0:
		partner.Kind = p.Eligibility.Kinds[0]
	case len(r.Filter.PartnerKinds) > 0:
		partner.Kind = r.Filter.PartnerKinds[0]
	}
	partner.Segment = ex.Segment
	if partner.Segment == "" && len(p.Eligibility.Segments) > 0 {
		partner.Segment = p.Eligibility.Segments[0]
	}
	rep := Rep{ID: 1, PartnerID: partner.ID, Name: "Example rep", Role: "sales", Active: true}
	if len(r.Filter.RepRoles) > 0 {
		rep.Role = r.Filter.RepRoles[0]
	}
	in := Inputs{Company: co, Period: period, Programs: []Program{prog}, IncludeDrafts: true,
		Partners: []Partner{partner}, Reps: []Rep{rep}}
	if ex.Tier != "" {
		in.Ladder = TierLadder{Levels: []TierLevel{{Name: ex.Tier}}}
		in.TierHistory = []TierChange{{ID: 1, PartnerID: partner.ID, Tier: ex.Tier, From: period.Start}}
	}

	product := Product{ID: 1, SKU: "EXAMPLE", Name: "Example product", Subscription: true}
	if len(r.Filter.SKUs) > 0 {
		product.SKU = r.Filter.SKUs[0]
	} else if r.SPIF != nil && len(r.SPIF.SKUs) > 0 {
		product.SKU = r.SPIF.SKUs[0]
	}
	if len(r.Filter.Categories) > 0 {
		product.Category = r.Filter.Categories[0]
	}
	in.Products = []Product{product}
	newCustomer := pick(ex.Customer, r.Filter.Customer, r.Kind == RuleReferral)
	newProduct := pick(ex.Product, r.Filter.Product, false)
	units := ex.Units
	if units.IsZero() {
		units = decimal.NewFromInt(1)
	}
	if !ex.Sales.IsZero() || !ex.Units.IsZero() {
		s := Sale{ID: 1, Date: day, PartnerID: partner.ID, RepID: rep.ID, Customer: "Example customer", NewCustomer: newCustomer, NewProduct: newProduct,
			ProductID: product.ID, Quantity: units, UnitPrice: ex.Sales.Div(units), Net: ex.Sales, Invoice: "EXAMPLE-1", Line: 1, RegistrationID: 1}
		in.Sales = []Sale{s}
		in.Registrations = []Registration{{ID: 1, PartnerID: partner.ID, RepID: rep.ID, Customer: s.Customer, ExpectedValue: ex.Sales, Submitted: day,
			Decision: DecisionApproved, DecidedBy: "example", DecidedOn: day, WindowDays: 30, Outcome: OutcomeWon}}
	}
	n := ex.Count
	if n == 0 {
		n = 1
	}
	if t := r.Training; t != nil {
		for i := 0; i < n && i < len(t.Courses); i++ {
			in.Trainings = append(in.Trainings, Training{ID: ID(i + 1), RepID: rep.ID, Course: t.Courses[i], Completed: day})
		}
	}
	if a := r.Activity; a != nil && len(a.Types) > 0 {
		for i := 0; i < n; i++ {
			in.Activities = append(in.Activities, Activity{ID: ID(i + 1), PartnerID: partner.ID, RepID: rep.ID, Type: a.Types[0], Date: day})
		}
	}
	return in
}

// pick says whether the example's line is "new": the example's choice,
// else the rule filter's, else def.
func pick(ex, filter NewFilter, def bool) bool {
	switch {
	case ex != FilterAny:
		return ex == FilterNew
	case filter != FilterAny:
		return filter == FilterNew
	}
	return def
}
