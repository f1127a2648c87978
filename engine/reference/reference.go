package reference

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/shopspring/decimal"

	"partnerdesk/engine"
)

// Key names one total: what a payee earns from one rule of one program, in
// one unit (money, points or fund credit).
type Key struct {
	Program engine.ID
	Rule    string
	Payee   engine.Payee
	Unit    engine.Unit
}

// String prints the key for a failure message.
func (k Key) String() string {
	return fmt.Sprintf("program %d rule %q %s %d (%s)", k.Program, k.Rule, k.Payee.Kind, k.Payee.ID, k.Unit)
}

// Figure is the reference's result for one key: the rounded amount (money
// and fund) or the floored points, and a note of how it came about.
type Figure struct {
	Key
	Amount decimal.Decimal
	Points int64
	// Basis is the payee's basis the total came from (weighted, after
	// credit splits, returns netted), for the rules paid on one basis.
	Basis    decimal.Decimal
	HasBasis bool
	Note     string
}

// Compute returns the period's totals per program, rule, payee and unit,
// ordered by key, leaving out totals that are zero.
func Compute(in engine.Inputs) ([]Figure, error) { return compute(in, false) }

// ComputeAll is Compute with the zero totals too: a payee with sales but a
// negative basis, a target not reached.
func ComputeAll(in engine.Inputs) ([]Figure, error) { return compute(in, true) }

func compute(in engine.Inputs, keepZero bool) ([]Figure, error) {
	if len(in.ClosedPeriods) > 0 {
		return nil, errors.New("reference: closed periods (adjustments) are not modelled")
	}
	if in.Company.Currency.Code == "" {
		return nil, errors.New("reference: the company has no currency")
	}
	r := &run{in: &in}
	var out []Figure
	for pi := range in.Programs {
		p := &in.Programs[pi]
		if !r.programComputes(p) {
			continue
		}
		for ri := range p.Rules {
			rule := &p.Rules[ri]
			for _, res := range r.rule(p, rule) {
				f := r.finish(p, rule, res)
				if f.Amount.IsZero() && f.Points == 0 && !keepZero {
					continue
				}
				out = append(out, f)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return less(out[i].Key, out[j].Key) })
	return out, nil
}

func less(a, b Key) bool {
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
}

type run struct {
	in *engine.Inputs
}

// result is a payee's exact, unmultiplied, uncapped result of one rule.
type result struct {
	payee    engine.Payee
	partner  engine.ID // the payee's partner (itself for a partner)
	full     decimal.Decimal
	basis    decimal.Decimal
	hasBasis bool
	note     string
}

var (
	zero      = decimal.Zero
	one       = decimal.NewFromInt(1)
	hundred   = decimal.NewFromInt(100)
	hundredth = decimal.New(1, -2)
)

// ---- names --------------------------------------------------------------

// fold lowers a name and drops its accents, so that "Sécurité", "SECURITE"
// and "securite" are one name (SPEC: kinds, segments, regions, activity
// types, categories, SKUs and course names match regardless of case and
// accents).
func fold(s string) string {
	var b strings.Builder
	for _, c := range s {
		if c >= 0x300 && c <= 0x36f { // a combining accent, written apart
			continue
		}
		c = unicode.ToLower(c)
		if base, ok := unaccented[c]; ok {
			c = base
		}
		b.WriteRune(c)
	}
	return b.String()
}

var unaccented = func() map[rune]rune {
	m := map[rune]rune{}
	for base, accented := range map[rune]string{
		'a': "àáâãäåāăą", 'c': "çćĉċč", 'd': "ďđ", 'e': "èéêëēĕėęě", 'g': "ĝğġģ", 'h': "ĥħ",
		'i': "ìíîïĩīĭįı", 'j': "ĵ", 'k': "ķ", 'l': "ĺļľŀł", 'n': "ñńņňŉ", 'o': "òóôõöøōŏő",
		'r': "ŕŗř", 's': "śŝşš", 't': "ţťŧ", 'u': "ùúûüũūŭůűų", 'w': "ŵ", 'y': "ýÿŷ", 'z': "źżž",
	} {
		for _, c := range accented {
			m[c] = base
		}
	}
	return m
}()

func sameName(a, b string) bool { return fold(a) == fold(b) }

func listed(list []string, name string) bool {
	for _, x := range list {
		if sameName(x, name) {
			return true
		}
	}
	return false
}

func kindListed(list []engine.PartnerKind, k engine.PartnerKind) bool {
	for _, x := range list {
		if sameName(string(x), string(k)) {
			return true
		}
	}
	return false
}

// ---- money and points ---------------------------------------------------

// roundMoney rounds half away from zero to the currency's minor units.
func (r *run) roundMoney(d decimal.Decimal) decimal.Decimal {
	mu := r.in.Company.Currency.MinorUnits
	neg := d.IsNegative()
	a := d.Abs().Shift(mu).Add(decimal.New(5, -1))
	whole := floorExact(a, one)
	v := decimal.NewFromBigInt(whole, 0).Shift(-mu)
	if neg {
		v = v.Neg()
	}
	return v
}

// floorExact returns floor(a / b) for b > 0, exactly, with integers.
func floorExact(a, b decimal.Decimal) *big.Int {
	// a = A x 10^ea, b = B x 10^eb: a / b = A x 10^(ea-eb) / B.
	A, ea := a.Coefficient(), a.Exponent()
	B, eb := b.Coefficient(), b.Exponent()
	e := ea - eb
	num := new(big.Int).Set(A)
	den := new(big.Int).Set(B)
	ten := big.NewInt(10)
	if e > 0 {
		num.Mul(num, new(big.Int).Exp(ten, big.NewInt(int64(e)), nil))
	} else if e < 0 {
		den.Mul(den, new(big.Int).Exp(ten, big.NewInt(int64(-e)), nil))
	}
	q := new(big.Int)
	m := new(big.Int)
	q.QuoRem(num, den, m) // truncates towards zero
	if m.Sign() != 0 && num.Sign() < 0 {
		q.Sub(q, big.NewInt(1))
	}
	return q
}

// percentOf is basis x rate %, exactly: a hundredth is a finite decimal.
func percentOf(basis, rate decimal.Decimal) decimal.Decimal {
	return basis.Mul(rate).Mul(hundredth)
}

// ---- dates --------------------------------------------------------------

func ymd(d engine.Date) (int, time.Month, int) {
	return time.Unix(int64(d)*86400, 0).UTC().Date()
}

func dateOf(y int, m time.Month, day int) engine.Date {
	return engine.Date(time.Date(y, m, day, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// monthsLater is the day n calendar months after d, clamped to the end of
// that month (31 Aug + 1 month = 30 Sep).
func monthsLater(d engine.Date, n int) engine.Date {
	y, m, day := ymd(d)
	mi := int(m) - 1 + n
	y += mi / 12
	mi %= 12
	tm := time.Month(mi + 1)
	last := 31
	for {
		if _, mm, _ := time.Date(y, tm, last, 0, 0, 0, 0, time.UTC).Date(); mm == tm {
			break
		}
		last--
	}
	if day > last {
		day = last
	}
	return dateOf(y, tm, day)
}

// ---- look-ups, by plain loops -------------------------------------------

func (r *run) partner(id engine.ID) *engine.Partner {
	for i := range r.in.Partners {
		if r.in.Partners[i].ID == id {
			return &r.in.Partners[i]
		}
	}
	return nil
}

func (r *run) rep(id engine.ID) *engine.Rep {
	if id == 0 {
		return nil
	}
	for i := range r.in.Reps {
		if r.in.Reps[i].ID == id {
			return &r.in.Reps[i]
		}
	}
	return nil
}

func (r *run) product(id engine.ID) *engine.Product {
	for i := range r.in.Products {
		if r.in.Products[i].ID == id {
			return &r.in.Products[i]
		}
	}
	return nil
}

func (r *run) registration(id engine.ID) *engine.Registration {
	for i := range r.in.Registrations {
		if r.in.Registrations[i].ID == id {
			return &r.in.Registrations[i]
		}
	}
	return nil
}

// tier is the partner's tier on the period's first day: the latest change
// effective on or before it, else the ladder's first level.
func (r *run) tier(partnerID engine.ID) string {
	var best *engine.TierChange
	for i := range r.in.TierHistory {
		h := &r.in.TierHistory[i]
		if h.PartnerID != partnerID || h.From > r.in.Period.Start {
			continue
		}
		if best == nil || h.From > best.From || h.From == best.From && h.ID > best.ID {
			best = h
		}
	}
	if best != nil {
		return best.Tier
	}
	if len(r.in.Ladder.Levels) > 0 {
		return r.in.Ladder.Levels[0].Name
	}
	return ""
}

// ---- programs -----------------------------------------------------------

func (r *run) programComputes(p *engine.Program) bool {
	switch p.Status {
	case engine.ProgramActive:
	case engine.ProgramDraft:
		if !r.in.IncludeDrafts {
			return false
		}
	default:
		return false
	}
	per := r.in.Period
	if p.PeriodKind != per.Kind {
		return false
	}
	if p.PeriodKind == engine.PeriodCustom {
		return p.ValidFrom == per.Start && p.ValidTo == per.End
	}
	if p.ValidFrom > per.End {
		return false
	}
	return p.ValidTo == 0 || p.ValidTo >= per.Start
}

// window is the span of days whose trainings, activities and first sales
// count: the period inside the program's validity. Sale lines are tested
// on their windowDate against the validity instead.
func (r *run) window(p *engine.Program) (engine.Date, engine.Date) {
	from, to := r.in.Period.Start, r.in.Period.End
	if p.ValidFrom > from {
		from = p.ValidFrom
	}
	if p.ValidTo != 0 && p.ValidTo < to {
		to = p.ValidTo
	}
	return from, to
}

// validity is the program's validity window. A sale line of the period
// counts when the day it is tested on (windowDate) falls inside it.
func (r *run) validity(p *engine.Program) (engine.Date, engine.Date) {
	to := engine.Date(math.MaxInt32)
	if p.ValidTo != 0 {
		to = p.ValidTo
	}
	return p.ValidFrom, to
}

// windowDate is the day a sale line is tested against windows on (the
// program's validity, a SPIF's dates, a registration's deadline, a
// referral's months): its own date, or for a return the date of the line
// it gives back, so that a return claws back what its original earned
// (lead's decision on SPEC: "a return follows ... the line it returns").
// The line given back is the original invoice's (same partner) sold line
// of the return's product, the earliest; else the invoice's earliest line.
func (r *run) windowDate(s *engine.Sale) engine.Date {
	if !isReturn(s) || s.OriginalInvoice == "" {
		return s.Date
	}
	var best *engine.Sale
	better := func(o *engine.Sale) bool {
		if best == nil {
			return true
		}
		if (o.ProductID == s.ProductID) != (best.ProductID == s.ProductID) {
			return o.ProductID == s.ProductID
		}
		return o.Date < best.Date || o.Date == best.Date && o.ID < best.ID
	}
	for _, list := range [][]engine.Sale{r.in.Originals, r.in.Sales} {
		for i := range list {
			o := &list[i]
			if o.Invoice == s.OriginalInvoice && o.PartnerID == s.PartnerID && !isReturn(o) && better(o) {
				best = o
			}
		}
	}
	if best != nil && best.Date < s.Date {
		return best.Date
	}
	return s.Date
}

func (r *run) eligible(p *engine.Program, pa *engine.Partner) bool {
	if pa.Status != engine.StatusActive && pa.Status != "" {
		return false
	}
	e := &p.Eligibility
	if len(e.Kinds) > 0 && !kindListed(e.Kinds, pa.Kind) {
		return false
	}
	if len(e.Segments) > 0 && !listed(e.Segments, pa.Segment) {
		return false
	}
	if len(e.Tiers) > 0 {
		t := r.tier(pa.ID)
		found := false
		for _, x := range e.Tiers {
			if x == t {
				found = true
			}
		}
		if !found {
			return false
		}
	}
	if len(e.Partners) > 0 {
		found := false
		for _, x := range e.Partners {
			if x == pa.ID {
				found = true
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// ---- the payee's period result ------------------------------------------

func unitOf(rule *engine.Rule) engine.Unit {
	switch rule.Kind {
	case engine.RuleFund:
		return engine.UnitFund
	case engine.RuleLoyalty:
		return engine.UnitPoints
	case engine.RuleTraining:
		if rule.Training.Unit == engine.UnitPoints {
			return engine.UnitPoints
		}
	case engine.RuleActivity:
		if rule.Activity.Unit == engine.UnitPoints {
			return engine.UnitPoints
		}
	}
	return engine.UnitMoney
}

// finish applies the tier multiplier and the cap per payee to the payee's
// period result, then rounds money once (half away from zero) or floors
// points once, on the exact figure.
func (r *run) finish(p *engine.Program, rule *engine.Rule, res result) Figure {
	f := Figure{Key: Key{Program: p.ID, Rule: rule.Key, Payee: res.payee, Unit: unitOf(rule)}, Basis: res.basis, HasBasis: res.hasBasis, Note: res.note}
	full := res.full
	tier := r.tier(res.partner)
	if m, ok := rule.TierMultipliers[tier]; ok {
		full = full.Mul(m)
		f.Note += fmt.Sprintf(", tier %s x%s", tier, m)
	}
	per := one
	if rule.Kind == engine.RuleLoyalty {
		per = rule.Loyalty.Per
	}
	if rule.Cap.Valid && full.GreaterThan(rule.Cap.Decimal.Mul(per)) {
		full = rule.Cap.Decimal.Mul(per)
		f.Note += ", capped at " + rule.Cap.Decimal.String()
	}
	if f.Unit == engine.UnitPoints {
		f.Points = floorExact(full, per).Int64()
	} else {
		f.Amount = r.roundMoney(full)
	}
	return f
}
