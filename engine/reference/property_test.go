package reference_test

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"partnerdesk/engine"
	"partnerdesk/engine/reference"
)

// quickCases is how many random cases the normal test run compares;
// PARTNERDESK_PROPERTY_N=10000 (make property) runs the full comparison.
const quickCases = 300

// TestReferenceMatchesEngine compares engine.Compute with the naive
// reference on random programs and datasets: every rule kind, filters,
// splits, the matrix, tiers, multipliers, caps and returns. Every total
// per program, rule, payee and unit must agree to the cent and the point.
// On a difference it prints the seed and the smallest case it can shrink
// the difference to. PARTNERDESK_PROPERTY_SEED=n checks seed n alone;
// PARTNERDESK_PROPERTY_SUMMARY=1 prints one line per differing seed and
// does not shrink (to survey many).
func TestReferenceMatchesEngine(t *testing.T) {
	if s := os.Getenv("PARTNERDESK_PROPERTY_SEED"); s != "" {
		seed, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			t.Fatalf("PARTNERDESK_PROPERTY_SEED=%q: %v", s, err)
		}
		if msg := checkSeed(seed, true, nil); msg != "" {
			t.Fatal(msg)
		}
		return
	}
	n := quickCases
	if s := os.Getenv("PARTNERDESK_PROPERTY_N"); s != "" {
		v, err := strconv.Atoi(s)
		if err != nil || v <= 0 {
			t.Fatalf("PARTNERDESK_PROPERTY_N=%q is not a positive number", s)
		}
		n = v
	}
	summary := os.Getenv("PARTNERDESK_PROPERTY_SUMMARY") != ""
	cov := coverage{}
	start := time.Now()
	var failed []int64
	for seed := int64(1); seed <= int64(n); seed++ {
		msg := checkSeed(seed, !summary && len(failed) < 3, cov)
		if msg == "" {
			continue
		}
		failed = append(failed, seed)
		if summary {
			t.Log(firstLine(msg))
		} else if len(failed) <= 3 {
			t.Error(msg)
		}
	}
	if len(failed) > 0 {
		t.Errorf("%d of %d random cases differ; seeds: %v", len(failed), n, head(failed, 40))
	}
	t.Logf("%d random cases compared, %d with a difference, in %s", n, len(failed), time.Since(start).Round(time.Millisecond))
	t.Logf("non-zero totals compared: %v", cov)
	// The comparison means something only if every rule kind paid, and
	// caps, multipliers and negative bases took part.
	for _, k := range engine.RuleKinds {
		if cov[string(k)] == 0 {
			t.Errorf("no %s rule paid anything in %d cases: the generator no longer exercises it", k, n)
		}
	}
	for _, f := range []string{"capped", "tier multiplier", "negative basis", "points"} {
		if cov[f] == 0 {
			t.Errorf("no total had a %s in %d cases: the generator no longer exercises it", f, n)
		}
	}
}

var negative = regexp.MustCompile(`(basis|net|qty|deals) -[0-9]`)

// coverage counts the non-zero totals compared, by rule kind and feature.
type coverage map[string]int

func (c coverage) add(in engine.Inputs, f reference.Figure) {
	if c == nil {
		return
	}
	for _, p := range in.Programs {
		for _, r := range p.Rules {
			if p.ID == f.Program && r.Key == f.Rule {
				c[string(r.Kind)]++
			}
		}
	}
	for _, feat := range []struct{ note, name string }{{"capped", "capped"}, {", tier ", "tier multiplier"}} {
		if strings.Contains(f.Note, feat.note) {
			c[feat.name]++
		}
	}
	if f.Unit == engine.UnitPoints {
		c["points"]++
	}
}

// FuzzReference lets the fuzzer choose seeds: go test ./engine/reference -fuzz FuzzReference.
func FuzzReference(f *testing.F) {
	for _, s := range []int64{1, 2, 3, 42, 1000} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, seed int64) {
		if msg := checkSeed(seed, true, nil); msg != "" {
			t.Fatal(msg)
		}
	})
}

func head(xs []int64, n int) []int64 {
	if len(xs) > n {
		return xs[:n]
	}
	return xs
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// checkSeed draws the case of seed, compares the two implementations and
// returns "" when they agree, else the seed and a description; with shrink,
// the description is of a smallest case that still differs.
func checkSeed(seed int64, shrink bool, cov coverage) string {
	in := newGen(seed).inputs()
	for _, p := range in.Programs {
		if err := engine.ValidateProgram(p); err != nil {
			return fmt.Sprintf("seed %d: the generator drew an invalid program %q: %v", seed, p.Name, err)
		}
	}
	diffs := compare(in)
	if len(diffs) == 0 {
		if cov != nil {
			figs, _ := reference.Compute(in)
			for _, f := range figs {
				cov.add(in, f)
			}
			all, _ := reference.ComputeAll(in)
			for _, f := range all {
				if negative.MatchString(f.Note) {
					cov["negative basis"]++
				}
			}
		}
		return ""
	}
	first := diffs[0]
	small := in
	if shrink {
		small = shrinkInputs(in, func(x engine.Inputs) bool {
			for _, d := range compare(x) {
				if d.key.Program == first.key.Program && d.key.Rule == first.key.Rule {
					return true
				}
			}
			return false
		})
		diffs = compare(small)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "seed %d: %s differs: engine %s, reference %s (%s)\n", seed, diffs[0].kind(small), diffs[0].engine, diffs[0].ref, diffs[0].note)
	for _, d := range diffs[1:] {
		fmt.Fprintf(&b, "  also %s: engine %s, reference %s (%s)\n", d.key, d.engine, d.ref, d.note)
	}
	if shrink {
		b.WriteString("smallest case found:\n")
		b.WriteString(describe(small))
	}
	return b.String()
}

// diff is one key on which the two implementations disagree.
type diff struct {
	key         reference.Key
	engine, ref string
	note        string
}

func (d diff) kind(in engine.Inputs) string {
	for _, p := range in.Programs {
		if p.ID != d.key.Program {
			continue
		}
		for _, r := range p.Rules {
			if r.Key == d.key.Rule {
				return fmt.Sprintf("%s [%s rule]", d.key, r.Kind)
			}
		}
	}
	return d.key.String()
}

type total struct {
	amount decimal.Decimal
	points int64
	basis  decimal.Decimal
}

func (t total) String() string {
	if t.points != 0 {
		return fmt.Sprintf("%d points", t.points)
	}
	return t.amount.String()
}

// compare runs both implementations and lists the keys whose totals differ.
func compare(in engine.Inputs) (out []diff) {
	eng := map[reference.Key]total{}
	res, err := safeEngine(in)
	if err != nil {
		return []diff{{engine: "error: " + err.Error(), ref: "-", note: "the engine refused the inputs"}}
	}
	for _, l := range res.Lines {
		k := reference.Key{Program: l.ProgramID, Rule: l.RuleKey, Payee: l.Payee, Unit: l.Unit}
		t := eng[k]
		t.amount = t.amount.Add(l.Amount)
		t.points += l.Points
		t.basis = t.basis.Add(l.Basis)
		eng[k] = t
	}
	figs, err := safeReference(in)
	if err != nil {
		return []diff{{engine: "-", ref: "error: " + err.Error(), note: "the reference failed"}}
	}
	ref := map[reference.Key]reference.Figure{}
	for _, f := range figs {
		ref[f.Key] = f
	}
	// Every key either side pays something on (the reference leaves out
	// its zero totals; the engine may hold zero lines that say why).
	var keys []reference.Key
	for k, t := range eng {
		if !t.amount.IsZero() || t.points != 0 {
			keys = append(keys, k)
		}
	}
	for k := range ref {
		if t := eng[k]; t.amount.IsZero() && t.points == 0 {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if a.Program != b.Program {
			return a.Program < b.Program
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		if a.Payee.Kind != b.Payee.Kind {
			return a.Payee.Kind < b.Payee.Kind
		}
		if a.Payee.ID != b.Payee.ID {
			return a.Payee.ID < b.Payee.ID
		}
		return a.Unit < b.Unit
	})
	for _, k := range keys {
		e, f := eng[k], ref[k]
		if e.amount.Equal(f.Amount) && e.points == f.Points {
			// The lines must also name the basis they came from (SPEC:
			// a reward line keeps "the basis it came from").
			if f.HasBasis && !e.basis.Equal(f.Basis) {
				out = append(out, diff{key: k, engine: e.String() + " on a basis of " + e.basis.String(),
					ref: total{f.Amount, f.Points, f.Basis}.String() + " on a basis of " + f.Basis.String(), note: f.Note})
			}
			continue
		}
		out = append(out, diff{key: k, engine: e.String(), ref: total{f.Amount, f.Points, f.Basis}.String(), note: f.Note})
	}
	return out
}

func safeEngine(in engine.Inputs) (res engine.Result, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("panic: %v", p)
		}
	}()
	return engine.Compute(in)
}

func safeReference(in engine.Inputs) (figs []reference.Figure, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("panic: %v", p)
		}
	}()
	return reference.Compute(in)
}

// shrinkInputs removes programs, rules, sales and every other input, and
// simplifies rules and sales, while still differs holds.
func shrinkInputs(in engine.Inputs, differs func(engine.Inputs) bool) engine.Inputs {
	for pass := 0; pass < 6; pass++ {
		changed := false
		cs := candidates(in)
		for i := 0; i < len(cs); {
			if differs(cs[i]) {
				// Candidates are listed alike for the smaller case: go on
				// from about the same place.
				in, cs, changed = cs[i], candidates(cs[i]), true
				continue
			}
			i++
		}
		if !changed {
			break
		}
	}
	return in
}

// candidates lists the inputs one step simpler than in.
func candidates(in engine.Inputs) []engine.Inputs {
	var out []engine.Inputs
	drop := func(n int, f func(x *engine.Inputs, i int)) {
		if n > 3 {
			// The upper half at once first: most inputs do not matter.
			x := clone(in)
			for i := n - 1; i >= n/2; i-- {
				f(&x, i)
			}
			out = append(out, x)
		}
		for i := n - 1; i >= 0; i-- {
			x := clone(in)
			f(&x, i)
			out = append(out, x)
		}
	}
	drop(len(in.Programs), func(x *engine.Inputs, i int) { x.Programs = slices.Delete(x.Programs, i, i+1) })
	for pi := range in.Programs {
		drop(len(in.Programs[pi].Rules), func(x *engine.Inputs, i int) {
			x.Programs[pi].Rules = slices.Delete(x.Programs[pi].Rules, i, i+1)
		})
	}
	drop(len(in.Sales), func(x *engine.Inputs, i int) { x.Sales = slices.Delete(x.Sales, i, i+1) })
	drop(len(in.CustomerFirstSales), func(x *engine.Inputs, i int) {
		x.CustomerFirstSales = slices.Delete(x.CustomerFirstSales, i, i+1)
	})
	drop(len(in.Originals), func(x *engine.Inputs, i int) { x.Originals = slices.Delete(x.Originals, i, i+1) })
	drop(len(in.Registrations), func(x *engine.Inputs, i int) { x.Registrations = slices.Delete(x.Registrations, i, i+1) })
	drop(len(in.Trainings), func(x *engine.Inputs, i int) { x.Trainings = slices.Delete(x.Trainings, i, i+1) })
	drop(len(in.Activities), func(x *engine.Inputs, i int) { x.Activities = slices.Delete(x.Activities, i, i+1) })
	drop(len(in.TierHistory), func(x *engine.Inputs, i int) { x.TierHistory = slices.Delete(x.TierHistory, i, i+1) })
	drop(len(in.Partners), func(x *engine.Inputs, i int) { x.Partners = slices.Delete(x.Partners, i, i+1) })
	drop(len(in.Reps), func(x *engine.Inputs, i int) { x.Reps = slices.Delete(x.Reps, i, i+1) })
	drop(len(in.Products), func(x *engine.Inputs, i int) { x.Products = slices.Delete(x.Products, i, i+1) })
	// Simpler rules: no matrix, multipliers, cap or filter; simpler sales:
	// no splits, registration or referral code.
	for pi := range in.Programs {
		for ri := range in.Programs[pi].Rules {
			r := &in.Programs[pi].Rules[ri]
			simplify := func(cond bool, f func(r *engine.Rule)) {
				if cond {
					x := clone(in)
					f(&x.Programs[pi].Rules[ri])
					out = append(out, x)
				}
			}
			simplify(r.Matrix != nil, func(r *engine.Rule) { r.Matrix = nil })
			simplify(r.TierMultipliers != nil, func(r *engine.Rule) { r.TierMultipliers = nil })
			simplify(r.Cap.Valid, func(r *engine.Rule) { r.Cap = decimal.NullDecimal{} })
			simplify(!filterEmpty(r.Filter), func(r *engine.Rule) { r.Filter = engine.Filter{} })
		}
		if e := in.Programs[pi].Eligibility; len(e.Kinds)+len(e.Segments)+len(e.Tiers)+len(e.Partners) > 0 {
			x := clone(in)
			x.Programs[pi].Eligibility = engine.Eligibility{}
			out = append(out, x)
		}
	}
	for si := range in.Sales {
		s := &in.Sales[si]
		if len(s.Splits) > 0 || s.RegistrationID != 0 || s.ReferralCode != "" {
			x := clone(in)
			x.Sales[si].Splits, x.Sales[si].RegistrationID, x.Sales[si].ReferralCode = nil, 0, ""
			out = append(out, x)
		}
	}
	return out
}

func filterEmpty(f engine.Filter) bool {
	return len(f.Categories)+len(f.SKUs)+len(f.PartnerKinds)+len(f.RepRoles) == 0 && f.Customer == "" && f.Product == ""
}

// clone copies in deeply enough for candidates to change it.
func clone(in engine.Inputs) engine.Inputs {
	x := in
	x.Programs = slices.Clone(in.Programs)
	for i := range x.Programs {
		x.Programs[i].Rules = slices.Clone(x.Programs[i].Rules)
	}
	x.Sales = slices.Clone(in.Sales)
	x.CustomerFirstSales = slices.Clone(in.CustomerFirstSales)
	x.Originals = slices.Clone(in.Originals)
	x.Registrations = slices.Clone(in.Registrations)
	x.Trainings = slices.Clone(in.Trainings)
	x.Activities = slices.Clone(in.Activities)
	x.TierHistory = slices.Clone(in.TierHistory)
	x.Partners = slices.Clone(in.Partners)
	x.Reps = slices.Clone(in.Reps)
	x.Products = slices.Clone(in.Products)
	return x
}

// describe prints a case one input a line, as JSON.
func describe(in engine.Inputs) string {
	var b strings.Builder
	line := func(label string, v any) {
		j, err := json.Marshal(v)
		if err != nil {
			j = []byte(err.Error())
		}
		fmt.Fprintf(&b, "  %s %s\n", label, j)
	}
	fmt.Fprintf(&b, "  period %s (%s..%s), currency %s/%d, fiscal year from month %d, drafts %v\n", in.Period.Key, in.Period.Start, in.Period.End,
		in.Company.Currency.Code, in.Company.Currency.MinorUnits, in.Company.FiscalYearStart, in.IncludeDrafts)
	if len(in.Ladder.Levels) > 0 {
		var names []string
		for _, l := range in.Ladder.Levels {
			names = append(names, l.Name)
		}
		fmt.Fprintf(&b, "  ladder %s (the first for partners with no tier history)\n", strings.Join(names, ", "))
	}
	for _, p := range in.Programs {
		line("program", p)
	}
	for _, p := range in.Partners {
		line("partner", p)
	}
	for _, r := range in.Reps {
		line("rep", r)
	}
	for _, p := range in.Products {
		line("product", p)
	}
	for _, s := range in.Sales {
		line("sale", s)
	}
	for _, s := range in.CustomerFirstSales {
		line("first sale before the period", s)
	}
	for _, s := range in.Originals {
		line("original of a return", s)
	}
	for _, r := range in.Registrations {
		line("registration", r)
	}
	for _, t := range in.Trainings {
		line("training", t)
	}
	for _, a := range in.Activities {
		line("activity", a)
	}
	for _, h := range in.TierHistory {
		line("tier", h)
	}
	return b.String()
}
