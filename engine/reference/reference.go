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

// ---- filters and credit ---------------------------------------------------

// lineMatches applies the rule's filters that look at the line itself: the
// products (categories or SKUs), new or existing customer and product.
func lineMatches(rule *engine.Rule, s *engine.Sale, prod *engine.Product) bool {
	if prod == nil {
		return false
	}
	f := &rule.Filter
	if len(f.Categories) > 0 || len(f.SKUs) > 0 {
		if !listed(f.Categories, prod.Category) && !listed(f.SKUs, prod.SKU) {
			return false
		}
	}
	if f.Customer == engine.FilterNew && !s.NewCustomer || f.Customer == engine.FilterExisting && s.NewCustomer {
		return false
	}
	if f.Product == engine.FilterNew && !s.NewProduct || f.Product == engine.FilterExisting && s.NewProduct {
		return false
	}
	return true
}

// whoMatches applies the filters and eligibility that look at who is
// credited: the partner (eligible, of a listed kind) and the rep (of a
// listed role).
func (r *run) whoMatches(p *engine.Program, rule *engine.Rule, pa *engine.Partner, rp *engine.Rep) bool {
	if pa == nil || !r.eligible(p, pa) {
		return false
	}
	f := &rule.Filter
	if len(f.PartnerKinds) > 0 && !kindListed(f.PartnerKinds, pa.Kind) {
		return false
	}
	if len(f.RepRoles) > 0 {
		if rp == nil {
			return false
		}
		found := false
		for _, x := range f.RepRoles {
			if x == rp.Role {
				found = true
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// weight is the credit weight of the sale's cell in the rule's matrix.
func weight(rule *engine.Rule, s *engine.Sale) decimal.Decimal {
	m := rule.Matrix
	if m == nil {
		return one
	}
	switch {
	case s.NewCustomer && s.NewProduct:
		return m.NewNew
	case s.NewCustomer:
		return m.NewExisting
	case s.NewProduct:
		return m.ExistingNew
	}
	return m.ExistingExisting
}

// share is one party's part of a sale line: 100 % to the sale's partner
// and rep when there are no credit splits.
type share struct {
	partner engine.ID
	rep     engine.ID
	percent decimal.Decimal
}

func shares(s *engine.Sale) []share {
	if len(s.Splits) == 0 {
		return []share{{partner: s.PartnerID, rep: s.RepID, percent: hundred}}
	}
	var out []share
	for _, sp := range s.Splits {
		out = append(out, share{partner: sp.PartnerID, rep: sp.RepID, percent: sp.Share})
	}
	return out
}

func isReturn(s *engine.Sale) bool { return s.Net.IsNegative() || s.Quantity.IsNegative() }

// periodSales are the sales that count in the period: dated inside it.
func (r *run) periodSales() []*engine.Sale {
	var out []*engine.Sale
	for i := range r.in.Sales {
		s := &r.in.Sales[i]
		if s.Date >= r.in.Period.Start && s.Date <= r.in.Period.End {
			out = append(out, s)
		}
	}
	return out
}

// basisSum accumulates exact bases per payee, in the order payees appear.
type basisSum struct {
	payees []engine.Payee
	owner  []engine.ID
	sums   []decimal.Decimal
}

func (b *basisSum) add(p engine.Payee, owner engine.ID, v decimal.Decimal) {
	for i := range b.payees {
		if b.payees[i] == p {
			b.sums[i] = b.sums[i].Add(v)
			return
		}
	}
	b.payees = append(b.payees, p)
	b.owner = append(b.owner, owner)
	b.sums = append(b.sums, v)
}

// creditedBasis sums, per payee, the credits of the period's sales tested
// inside from..to (see windowDate) that match the rule: net (or quantity,
// or one deal per line and minus one per return) x share x matrix weight.
// toRep pays the rep credited on the line (the partner when none).
func (r *run) creditedBasis(p *engine.Program, rule *engine.Rule, value string, toRep bool, from, to engine.Date, skus []string) *basisSum {
	b := &basisSum{}
	for _, s := range r.periodSales() {
		if wd := r.windowDate(s); wd < from || wd > to {
			continue
		}
		prod := r.product(s.ProductID)
		if !lineMatches(rule, s, prod) {
			continue
		}
		if skus != nil && !listed(skus, prod.SKU) {
			continue
		}
		var v decimal.Decimal
		switch value {
		case "net":
			v = s.Net
		case "qty":
			v = s.Quantity
		case "deals":
			v = one
			if isReturn(s) {
				v = one.Neg()
			}
		}
		v = v.Mul(weight(rule, s))
		for _, sh := range shares(s) {
			pa := r.partner(sh.partner)
			rp := r.rep(sh.rep)
			if !r.whoMatches(p, rule, pa, rp) {
				continue
			}
			credit := percentOf(v, sh.percent)
			if toRep && rp != nil {
				b.add(engine.Payee{Kind: engine.PayeeRep, ID: rp.ID}, pa.ID, credit)
			} else {
				b.add(engine.Payee{Kind: engine.PayeePartner, ID: pa.ID}, pa.ID, credit)
			}
		}
	}
	return b
}

func valueOf(rule *engine.Rule) string {
	if rule.Basis == engine.BasisUnits {
		return "qty"
	}
	return "net"
}

// onBasis applies a rate: a percentage of revenue, an amount per unit.
func onBasis(rule *engine.Rule, basis, rate decimal.Decimal) decimal.Decimal {
	if rule.Basis == engine.BasisUnits {
		return basis.Mul(rate)
	}
	return percentOf(basis, rate)
}

// ---- the rule kinds -----------------------------------------------------

func (r *run) rule(p *engine.Program, rule *engine.Rule) []result {
	switch rule.Kind {
	case engine.RuleRate:
		return r.rate(p, rule)
	case engine.RuleTarget:
		return r.target(p, rule)
	case engine.RuleSPIF:
		return r.spif(p, rule)
	case engine.RuleDealReg:
		return r.dealReg(p, rule)
	case engine.RuleReferral:
		return r.referral(p, rule)
	case engine.RuleFund:
		return r.fund(p, rule)
	case engine.RuleTraining:
		return r.training(p, rule)
	case engine.RuleActivity:
		return r.activity(p, rule)
	case engine.RuleLoyalty:
		return r.loyalty(p, rule)
	}
	return nil
}

// rate: one flat rate, or bands (retroactive or marginal), one band table
// per tier where the rule has one.
func (r *run) rate(p *engine.Program, rule *engine.Rule) []result {
	from, to := r.validity(p)
	b := r.creditedBasis(p, rule, valueOf(rule), false, from, to, nil)
	var out []result
	for i, payee := range b.payees {
		basis := b.sums[i]
		res := result{payee: payee, partner: b.owner[i], basis: basis, hasBasis: true, note: "basis " + basis.String()}
		if basis.IsNegative() {
			out = append(out, res)
			continue
		}
		bands := rule.Rate.Bands
		if tb, ok := rule.Rate.TierBands[r.tier(b.owner[i])]; ok && len(tb) > 0 {
			bands = tb
		}
		if len(bands) == 0 {
			res.full = onBasis(rule, basis, rule.Rate.Rate)
		} else if rule.Rate.Mode == engine.Marginal {
			for j, band := range bands {
				if basis.LessThan(band.From) {
					break
				}
				top := basis
				if j+1 < len(bands) && bands[j+1].From.LessThan(basis) {
					top = bands[j+1].From
				}
				res.full = res.full.Add(onBasis(rule, top.Sub(band.From), band.Rate))
			}
		} else {
			rate := zero
			for _, band := range bands {
				if !basis.LessThan(band.From) {
					rate = band.Rate
				}
			}
			res.full = onBasis(rule, basis, rate)
		}
		out = append(out, res)
	}
	return out
}

// target: the highest step reached of basis / target pays its amount, plus
// the accelerator's rate on the basis above the target.
func (r *run) target(p *engine.Program, rule *engine.Rule) []result {
	from, to := r.validity(p)
	b := r.creditedBasis(p, rule, valueOf(rule), false, from, to, nil)
	t := rule.Target
	var out []result
	for i, payee := range b.payees {
		basis := b.sums[i]
		target := t.DefaultTarget
		if own, ok := t.Targets[b.owner[i]]; ok {
			target = own
		}
		res := result{payee: payee, partner: b.owner[i], basis: basis, hasBasis: true, note: "basis " + basis.String() + " target " + target.String()}
		if !target.IsPositive() || basis.IsNegative() {
			out = append(out, res)
			continue
		}
		// Attainment in percent, exactly: basis / target x 100 >= step
		// is basis x 100 >= step x target.
		var best *engine.Step
		for j := range t.Steps {
			s := &t.Steps[j]
			if basis.Mul(hundred).LessThan(s.Attainment.Mul(target)) {
				continue
			}
			if best == nil || s.Attainment.GreaterThan(best.Attainment) {
				best = s
			}
		}
		if best != nil {
			res.full = best.Amount
		}
		if basis.GreaterThan(target) {
			res.full = res.full.Add(percentOf(basis.Sub(target), t.Accelerator))
		}
		out = append(out, res)
	}
	return out
}

// spif: an amount per unit or per deal, or a rate, for the listed SKUs sold
// inside the SPIF's own window, to the rep on the sale (else the partner).
func (r *run) spif(p *engine.Program, rule *engine.Rule) []result {
	sp := rule.SPIF
	from, to := r.validity(p)
	if sp.From != 0 && sp.From > from {
		from = sp.From
	}
	if sp.To != 0 && sp.To < to {
		to = sp.To
	}
	value := "qty"
	if sp.Rate.IsPositive() {
		value = "net"
	} else if sp.PerDeal {
		value = "deals"
	}
	skus := sp.SKUs
	if skus == nil {
		skus = []string{}
	}
	b := r.creditedBasis(p, rule, value, true, from, to, skus)
	var out []result
	for i, payee := range b.payees {
		basis := b.sums[i]
		res := result{payee: payee, partner: b.owner[i], basis: basis, hasBasis: true, note: value + " " + basis.String()}
		if !basis.IsNegative() {
			if value == "net" {
				res.full = percentOf(basis, sp.Rate)
			} else {
				res.full = basis.Mul(sp.Amount)
			}
		}
		out = append(out, res)
	}
	return out
}

// dealReg: a rate on the whole net amount of the sales linked to an
// approved registration, sold no later than the approval plus the window,
// to the registering partner whatever the credit splits.
func (r *run) dealReg(p *engine.Program, rule *engine.Rule) []result {
	from, to := r.validity(p)
	b := &basisSum{}
	for _, s := range r.periodSales() {
		wd := r.windowDate(s)
		if s.RegistrationID == 0 || wd < from || wd > to {
			continue
		}
		if !lineMatches(rule, s, r.product(s.ProductID)) {
			continue
		}
		reg := r.registration(s.RegistrationID)
		if reg == nil || reg.Decision != engine.DecisionApproved || reg.DecidedOn == 0 || reg.Outcome == engine.OutcomeExpired {
			continue
		}
		if wd > reg.DecidedOn+engine.Date(reg.WindowDays) {
			continue
		}
		pa := r.partner(reg.PartnerID)
		if !r.whoMatches(p, rule, pa, r.rep(s.RepID)) {
			continue
		}
		b.add(engine.Payee{Kind: engine.PayeePartner, ID: pa.ID}, pa.ID, s.Net.Mul(weight(rule, s)))
	}
	var out []result
	for i, payee := range b.payees {
		res := result{payee: payee, partner: b.owner[i], basis: b.sums[i], hasBasis: true, note: "linked net " + b.sums[i].String()}
		if !b.sums[i].IsNegative() {
			res.full = percentOf(b.sums[i], rule.DealReg.Rate)
		}
		out = append(out, res)
	}
	return out
}

// firstSale is a customer's first sale ever (a return is never one): the
// earliest by date, then by id, across the history and the period. The
// customer is new, once, when that sale is marked new.
func (r *run) firstSale(customer string) *engine.Sale {
	var best *engine.Sale
	consider := func(s *engine.Sale) {
		if s.Customer != customer || isReturn(s) {
			return
		}
		if best == nil || s.Date < best.Date || s.Date == best.Date && s.ID < best.ID {
			best = s
		}
	}
	for i := range r.in.CustomerFirstSales {
		consider(&r.in.CustomerFirstSales[i])
	}
	for i := range r.in.Sales {
		consider(&r.in.Sales[i])
	}
	return best
}

// referrer is the partner whose referral code the sale carries, else the
// sale's partner.
func (r *run) referrer(s *engine.Sale) *engine.Partner {
	if s.ReferralCode != "" {
		var best *engine.Partner
		for i := range r.in.Partners {
			pa := &r.in.Partners[i]
			if pa.ReferralCode == s.ReferralCode && (best == nil || pa.ID < best.ID) {
				best = pa
			}
		}
		if best != nil {
			return best
		}
	}
	return r.partner(s.PartnerID)
}

// referral: a bounty per new customer whose first sale falls in the period
// (not weighted), and a rate on the subscription revenue of customers first
// sold inside the program's validity, for N months from the first sale
// (clamped, exclusive), on the referrer's basis.
func (r *run) referral(p *engine.Program, rule *engine.Rule) []result {
	rr := rule.Referral
	from, to := r.window(p)
	bounties := &basisSum{}
	share := &basisSum{}
	// The customers of the period, each once, in order of appearance.
	var customers []string
	for _, s := range r.periodSales() {
		seen := false
		for _, c := range customers {
			if c == s.Customer {
				seen = true
			}
		}
		if !seen && s.Customer != "" {
			customers = append(customers, s.Customer)
		}
	}
	for _, c := range customers {
		first := r.firstSale(c)
		if first == nil || !first.NewCustomer {
			continue // first sold unmarked: an existing customer for good
		}
		ref := r.referrer(first)
		if !r.whoMatches(p, rule, ref, nil) {
			continue
		}
		payee := engine.Payee{Kind: engine.PayeePartner, ID: ref.ID}
		if first.Date >= from && first.Date <= to && lineMatches(rule, first, r.product(first.ProductID)) {
			bounties.add(payee, ref.ID, one)
		}
		if first.Date < p.ValidFrom {
			continue // first sold before the program: not its referral
		}
		var end engine.Date
		if rr.Months > 0 {
			end = monthsLater(first.Date, rr.Months)
		}
		for _, s := range r.periodSales() {
			wd := r.windowDate(s)
			if s.Customer != c || wd < p.ValidFrom || p.ValidTo != 0 && wd > p.ValidTo || wd < first.Date {
				continue
			}
			if end != 0 && wd >= end {
				continue
			}
			prod := r.product(s.ProductID)
			if prod == nil || !prod.Subscription || !lineMatches(rule, s, prod) {
				continue
			}
			share.add(payee, ref.ID, s.Net.Mul(weight(rule, s)))
		}
	}
	var out []result
	for i, payee := range bounties.payees {
		out = append(out, result{payee: payee, partner: bounties.owner[i], full: bounties.sums[i].Mul(rr.Bounty),
			note: "new customers " + bounties.sums[i].String()})
	}
	for i, payee := range share.payees {
		part := zero
		if !share.sums[i].IsNegative() {
			part = percentOf(share.sums[i], rr.Rate)
		}
		found := false
		for j := range out {
			if out[j].payee == payee {
				out[j].full = out[j].full.Add(part)
				out[j].note += ", subscription basis " + share.sums[i].String()
				found = true
			}
		}
		if !found {
			out = append(out, result{payee: payee, partner: share.owner[i], full: part, note: "subscription basis " + share.sums[i].String()})
		}
	}
	return out
}

// fund: a rate on the basis credited to the partner's fund.
func (r *run) fund(p *engine.Program, rule *engine.Rule) []result {
	from, to := r.validity(p)
	b := r.creditedBasis(p, rule, valueOf(rule), false, from, to, nil)
	var out []result
	for i, payee := range b.payees {
		res := result{payee: payee, partner: b.owner[i], basis: b.sums[i], hasBasis: true, note: "basis " + b.sums[i].String()}
		if !b.sums[i].IsNegative() {
			res.full = onBasis(rule, b.sums[i], rule.Fund.Rate)
		}
		out = append(out, res)
	}
	return out
}

// training: an amount or points per completed listed course, once per rep
// and course (the rep's first completion ever), in the period of that
// completion.
func (r *run) training(p *engine.Program, rule *engine.Rule) []result {
	tr := rule.Training
	from, to := r.window(p)
	counts := &basisSum{}
	for i := range r.in.Trainings {
		t := &r.in.Trainings[i]
		if !listed(tr.Courses, t.Course) || t.Completed < from || t.Completed > to {
			continue
		}
		first := true
		for j := range r.in.Trainings {
			o := &r.in.Trainings[j]
			if o.RepID == t.RepID && sameName(o.Course, t.Course) && (o.Completed < t.Completed || o.Completed == t.Completed && o.ID < t.ID) {
				first = false
			}
		}
		if !first {
			continue
		}
		rp := r.rep(t.RepID)
		if rp == nil {
			continue
		}
		pa := r.partner(rp.PartnerID)
		if !r.whoMatches(p, rule, pa, rp) {
			continue
		}
		counts.add(engine.Payee{Kind: engine.PayeeRep, ID: rp.ID}, pa.ID, one)
	}
	var out []result
	for i, payee := range counts.payees {
		out = append(out, result{payee: payee, partner: counts.owner[i], full: counts.sums[i].Mul(tr.Amount), note: "courses " + counts.sums[i].String()})
	}
	return out
}

// activity: an amount or points per activity of a listed type, to the
// partner or, when the rule says so, to the rep named on the activity.
func (r *run) activity(p *engine.Program, rule *engine.Rule) []result {
	ar := rule.Activity
	from, to := r.window(p)
	counts := &basisSum{}
	for i := range r.in.Activities {
		a := &r.in.Activities[i]
		if a.Date < from || a.Date > to || !listed(ar.Types, a.Type) {
			continue
		}
		pa := r.partner(a.PartnerID)
		rp := r.rep(a.RepID)
		if !r.whoMatches(p, rule, pa, rp) {
			continue
		}
		if ar.ToRep && rp != nil {
			counts.add(engine.Payee{Kind: engine.PayeeRep, ID: rp.ID}, pa.ID, one)
		} else {
			counts.add(engine.Payee{Kind: engine.PayeePartner, ID: pa.ID}, pa.ID, one)
		}
	}
	var out []result
	for i, payee := range counts.payees {
		out = append(out, result{payee: payee, partner: counts.owner[i], full: counts.sums[i].Mul(ar.Amount), note: "activities " + counts.sums[i].String()})
	}
	return out
}

// loyalty: points per currency unit (or unit) of basis, before the floor.
func (r *run) loyalty(p *engine.Program, rule *engine.Rule) []result {
	lr := rule.Loyalty
	from, to := r.validity(p)
	b := r.creditedBasis(p, rule, valueOf(rule), lr.ToRep, from, to, nil)
	var out []result
	for i, payee := range b.payees {
		res := result{payee: payee, partner: b.owner[i], basis: b.sums[i], hasBasis: true, note: "basis " + b.sums[i].String()}
		if !b.sums[i].IsNegative() && lr.Per.IsPositive() {
			// Kept as the fraction basis x points / per: finish floors it
			// exactly, after the multiplier.
			res.full = b.sums[i].Mul(lr.Points)
		}
		out = append(out, res)
	}
	return out
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
