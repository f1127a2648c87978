package reference_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"partnerdesk/engine"
)

// gen draws one random company, program set and period of inputs from a
// seed. Everything it draws is valid input: programs pass
// engine.ValidateProgram, returns never exceed their line, splits add up to
// 100 and a return carries the credit splits of the line it returns.
type gen struct {
	r   *rand.Rand
	cur engine.Currency
	per engine.Period
	fy  time.Month

	nextSale engine.ID
	tiers    []string
	// extraOriginals are lines sold before the period that only a
	// return of the period names.
	extraOriginals []engine.Sale
}

func newGen(seed int64) *gen {
	return &gen{r: rand.New(rand.NewPCG(uint64(seed), uint64(seed)^0x9e3779b97f4a7c15))}
}

func (g *gen) chance(p float64) bool { return g.r.Float64() < p }
func (g *gen) n(lo, hi int) int      { return lo + g.r.IntN(hi-lo+1) }

func pick[T any](g *gen, xs []T) T { return xs[g.r.IntN(len(xs))] }

// subset returns a non-empty random subset of xs, in order.
func subset[T any](g *gen, xs []T) []T {
	for {
		var out []T
		for _, x := range xs {
			if g.chance(0.4) {
				out = append(out, x)
			}
		}
		if len(out) > 0 {
			return out
		}
	}
}

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// day draws a day from..to, often a month's first or last day, where
// month arithmetic and windows have their edges.
func (g *gen) day(from, to engine.Date) engine.Date {
	d := from.AddDays(g.r.IntN(int(to-from) + 1))
	if g.chance(0.3) {
		y, m, _ := d.YMD()
		edge := engine.NewDate(y, m, 1)
		if g.chance(0.6) {
			edge = engine.NewDate(y, m+1, 1).AddDays(-g.n(1, 3))
		}
		if edge >= from && edge <= to {
			return edge
		}
	}
	return d
}

// clampedMonths is the day n months after d, clamped to the month's end.
func clampedMonths(d engine.Date, n int) engine.Date {
	y, m, day := d.YMD()
	last := engine.NewDate(y, m+time.Month(n)+1, 1).AddDays(-1)
	_, _, lastDay := last.YMD()
	return engine.NewDate(y, m+time.Month(n), min(day, lastDay))
}

// money returns a random amount between lo and hi whole units, written with
// the currency's minor units.
func (g *gen) money(lo, hi int) decimal.Decimal {
	mu := g.cur.MinorUnits
	scale := int64(1)
	for range mu {
		scale *= 10
	}
	v := int64(lo)*scale + g.r.Int64N(int64(hi-lo)*scale+1)
	return decimal.New(v, -mu)
}

// rate returns a percentage such as 2.5 or 0.125.
func (g *gen) rate(max int) decimal.Decimal {
	switch g.r.IntN(4) {
	case 0:
		return decimal.NewFromInt(int64(g.n(0, max)))
	case 1:
		return decimal.New(int64(g.n(0, max*10)), -1)
	case 2:
		return decimal.New(int64(g.n(0, max*100)), -2)
	}
	return decimal.New(int64(g.n(0, max*1000)), -3)
}

// spell writes a name as a person might type it: another case, accents
// dropped, or accents as separate combining marks. SPEC: kinds, segments,
// activity types, categories, SKUs and course names match regardless of
// case and accents.
func (g *gen) spell(s string) string {
	switch g.r.IntN(6) {
	case 0:
		return strings.ToUpper(s)
	case 1:
		return strings.ToLower(s)
	case 2:
		return strip(s)
	case 3:
		return decompose(s)
	case 4:
		return strings.ToUpper(strip(s))
	}
	return s
}

var plain = strings.NewReplacer("é", "e", "É", "E", "è", "e", "ç", "c", "ü", "u", "Ü", "U", "ñ", "n", "ó", "o", "ö", "o")
var combining = strings.NewReplacer("é", "e\u0301", "É", "E\u0301", "è", "e\u0300", "ç", "c\u0327", "ü", "u\u0308", "Ü", "U\u0308", "ñ", "n\u0303", "ó", "o\u0301", "ö", "o\u0308")

func strip(s string) string     { return plain.Replace(s) }
func decompose(s string) string { return combining.Replace(s) }

func (g *gen) spellAll(xs []string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = g.spell(x)
	}
	return out
}

var (
	segments   = []string{"SMB", "Enterprise", "Éducation", "Public"}
	categories = []string{"Software", "Hardware", "Sécurité", "Services", "Größe"}
	skus       = []string{"SKU-A", "SKU-B", "CAFÉ-1", "SKU-D", "NIÑO-2", "SKU-F", "SKU-G"}
	courses    = []string{"Basics", "Advanced", "Sécurité 101", "Über cloud"}
	actTypes   = []string{"demo", "Webinar", "QBR", "Événement", "joint call"}
	roles      = []string{"sales", "presales", "manager"}
	customers  = []string{"Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark", "Wayne", "Tyrell", "Cyberdyne", "Soylent"}
)

// inputs draws a whole case.
func (g *gen) inputs() engine.Inputs {
	var in engine.Inputs
	g.cur = pick(g, []engine.Currency{{Code: "EUR", MinorUnits: 2}, {Code: "EUR", MinorUnits: 2}, {Code: "JPY", MinorUnits: 0}, {Code: "BHD", MinorUnits: 3}})
	g.fy = time.January
	if g.chance(0.3) {
		g.fy = time.Month(g.n(1, 12))
	}
	in.Company = engine.Company{Name: "Vendor", Currency: g.cur, FiscalYearStart: g.fy, Language: "en"}

	day := engine.NewDate(2026, time.Month(g.n(1, 12)), g.n(1, 28))
	switch g.r.IntN(10) {
	case 0, 1, 2, 3:
		g.per = engine.PeriodContaining(engine.PeriodMonth, day, g.fy)
	case 4, 5, 6:
		g.per = engine.PeriodContaining(engine.PeriodQuarter, day, g.fy)
	case 7, 8:
		g.per = engine.PeriodContaining(engine.PeriodYear, day, g.fy)
	default:
		g.per = engine.Custom(day, day.AddDays(g.n(5, 100)))
	}
	in.Period = g.per

	if !g.chance(0.1) {
		in.Ladder = engine.TierLadder{Levels: []engine.TierLevel{{Name: "Registered"}, {Name: "Silver"}, {Name: "Gold"}, {Name: "Platinum"}}, WindowMonths: 12}
		for _, l := range in.Ladder.Levels {
			g.tiers = append(g.tiers, l.Name)
		}
	} else {
		g.tiers = []string{""}
	}

	// Partners, sometimes with sparse ids.
	sparse := g.chance(0.2)
	np := g.n(2, 7)
	for i := 1; i <= np; i++ {
		id := engine.ID(i)
		if sparse {
			id = engine.ID(i*100000 + g.n(0, 999))
		}
		p := engine.Partner{ID: id, Name: fmt.Sprintf("Partner %d", i), Kind: pick(g, engine.PartnerKinds),
			Segment: g.spell(pick(g, segments)), Status: engine.StatusActive}
		switch g.r.IntN(12) {
		case 0:
			p.Status = engine.StatusSuspended
		case 1:
			p.Status = engine.StatusProspect
		case 2:
			p.Status = ""
		}
		if g.chance(0.2) {
			p.Kind = engine.PartnerKind(g.spell(string(p.Kind)))
		}
		if g.chance(0.4) {
			p.ReferralCode = fmt.Sprintf("REF%d", i)
		}
		in.Partners = append(in.Partners, p)
	}
	var rid engine.ID = 1
	for _, p := range in.Partners {
		for range g.n(0, 3) {
			id := rid
			if sparse {
				id = rid*7919 + 3
			}
			in.Reps = append(in.Reps, engine.Rep{ID: id, PartnerID: p.ID, Name: fmt.Sprintf("Rep %d", rid), Role: pick(g, roles), Active: true})
			rid++
		}
	}
	nprod := g.n(3, 7)
	for i := 1; i <= nprod; i++ {
		in.Products = append(in.Products, engine.Product{ID: engine.ID(i), SKU: g.spell(skus[i-1]), Name: fmt.Sprintf("Product %d", i),
			Category: g.spell(pick(g, categories)), ListPrice: g.money(10, 2000), Subscription: g.chance(0.5)})
	}

	// Tier history.
	for i := range g.n(0, 8) {
		in.TierHistory = append(in.TierHistory, engine.TierChange{ID: engine.ID(i + 1), PartnerID: pick(g, in.Partners).ID,
			Tier: pick(g, g.tiers), From: pick(g, []engine.Date{g.day(g.per.Start.AddDays(-200), g.per.End), g.per.Start, g.per.Start.AddDays(g.n(-1, 1))})})
	}

	// Registrations.
	for i := range g.n(0, 5) {
		reg := engine.Registration{ID: engine.ID(i + 1), PartnerID: pick(g, in.Partners).ID, Customer: pick(g, customers),
			ExpectedValue: g.money(100, 50000), Submitted: g.per.Start.AddDays(g.n(-90, 10)), WindowDays: g.n(0, 60),
			Decision: pick(g, []engine.Decision{engine.DecisionApproved, engine.DecisionApproved, engine.DecisionApproved, engine.DecisionRejected, engine.DecisionPending}),
			Outcome:  pick(g, []engine.Outcome{engine.OutcomeOpen, engine.OutcomeWon, engine.OutcomeWon, engine.OutcomeLost, engine.OutcomeExpired})}
		if reg.Decision != engine.DecisionPending && !g.chance(0.1) {
			reg.DecidedOn = reg.Submitted.AddDays(g.n(0, 40))
		}
		in.Registrations = append(in.Registrations, reg)
	}

	// Sales: some history before the period (for first sales), the period's
	// sales, and returns.
	var history []engine.Sale
	for range g.n(0, 15) {
		history = append(history, g.sale(&in, g.day(g.per.Start.AddDays(-420), g.per.Start.AddDays(-1))))
	}
	nsales := g.n(0, 40)
	if g.chance(0.1) {
		nsales = g.n(40, 150)
	}
	for range nsales {
		in.Sales = append(in.Sales, g.sale(&in, g.day(g.per.Start, g.per.End)))
	}
	// Invoices a whole number of months after a customer's sale (and the
	// day before), where a referral's revenue share ends.
	for _, s := range append(append([]engine.Sale(nil), history...), in.Sales...) {
		if !s.NewCustomer || !g.chance(0.3) {
			continue
		}
		d := clampedMonths(s.Date, g.n(1, 14)).AddDays(-g.r.IntN(2))
		if d >= g.per.Start && d <= g.per.End {
			x := g.sale(&in, d)
			x.Customer, x.PartnerID, x.RepID, x.Splits, x.ProductID = s.Customer, s.PartnerID, s.RepID, s.Splits, s.ProductID
			x.NewCustomer = g.chance(0.2)
			in.Sales = append(in.Sales, x)
		}
	}
	// Registration windows that end on a linked sale's day (or the day
	// before or after).
	for i := range in.Registrations {
		reg := &in.Registrations[i]
		if reg.DecidedOn == 0 || !g.chance(0.5) {
			continue
		}
		for _, s := range in.Sales {
			if s.RegistrationID == reg.ID && s.Date >= reg.DecidedOn {
				reg.WindowDays = max(0, int(s.Date-reg.DecidedOn)+g.n(-1, 1))
				break
			}
		}
	}
	var returns []engine.Sale
	for _, orig := range append(append([]engine.Sale(nil), history...), in.Sales...) {
		if !g.chance(0.2) {
			continue
		}
		from := max(orig.Date, g.per.Start)
		if from > g.per.End {
			continue
		}
		returns = append(returns, g.returnOf(orig, from.AddDays(g.r.IntN(int(g.per.End-from)+1))))
	}
	in.Sales = append(in.Sales, returns...)
	g.r.Shuffle(len(in.Sales), func(i, j int) { in.Sales[i], in.Sales[j] = in.Sales[j], in.Sales[i] })
	// As the application loads them: each customer's first sale before
	// the period, marked new or not (returns are never first sales).
	for _, c := range customers {
		var first *engine.Sale
		for i := range history {
			s := &history[i]
			if s.Customer == c && !s.IsReturn() && (first == nil || s.Date < first.Date || s.Date == first.Date && s.ID < first.ID) {
				first = s
			}
		}
		if first != nil {
			in.CustomerFirstSales = append(in.CustomerFirstSales, *first)
		}
	}

	// Trainings: all completions up to the period end.
	if len(in.Reps) > 0 {
		for i := range g.n(0, 12) {
			in.Trainings = append(in.Trainings, engine.Training{ID: engine.ID(i + 1), RepID: pick(g, in.Reps).ID, Course: g.spell(pick(g, courses)),
				Completed: g.day(g.per.Start.AddDays(-150), g.per.End), Certification: g.chance(0.3)})
		}
	}
	// Activities of the period.
	for i := range g.n(0, 12) {
		p := pick(g, in.Partners)
		a := engine.Activity{ID: engine.ID(i + 1), PartnerID: p.ID, Type: g.spell(pick(g, actTypes)), Date: g.day(g.per.Start, g.per.End)}
		if reps := repsOf(&in, p.ID); len(reps) > 0 && g.chance(0.7) {
			a.RepID = pick(g, reps).ID
		}
		in.Activities = append(in.Activities, a)
	}

	// Programs.
	in.IncludeDrafts = g.chance(0.3)
	for i := range g.n(1, 3) {
		in.Programs = append(in.Programs, g.program(&in, engine.ID(i+1)))
	}
	g.r.Shuffle(len(in.Programs), func(i, j int) { in.Programs[i], in.Programs[j] = in.Programs[j], in.Programs[i] })

	// A few lines written with more decimals than the currency has, or
	// large (within engine's limits: a net of at most 10^11 keeps every
	// line below MaxPoints and the money line limit), where sums leave the
	// engine's integer fast path.
	returned := map[string]bool{}
	for _, s := range in.Sales {
		returned[s.OriginalInvoice] = true
	}
	for i := range in.Sales {
		s := &in.Sales[i]
		if s.IsReturn() || returned[s.Invoice] || !g.chance(0.04) {
			continue
		}
		if g.chance(0.5) || s.Net.GreaterThan(decimal.NewFromInt(100000)) {
			s.Net = s.Net.Add(decimal.New(int64(g.n(1, 9999999)), -9))
		} else {
			s.Net = s.Net.Mul(decimal.New(1, int32(g.n(3, 6))))
		}
	}
	// Late sales: entered during this period (Booked) but dated before
	// it. With no period closed, each belongs to its own period, never
	// to this one (SPEC: sales count in the period that contains their
	// date), though it is a sale of its customer all the same.
	if g.chance(0.3) {
		for range g.n(1, 3) {
			late := g.sale(&in, g.day(g.per.Start.AddDays(-200), g.per.Start.AddDays(-1)))
			late.Booked = g.day(g.per.Start, g.per.End)
			in.Sales = append(in.Sales, late)
		}
	}
	g.referralEdges(&in)
	g.registrationReturns(&in)
	// As the application loads them: the lines this period's returns give
	// back, wherever they are dated (windows are tested on their dates).
	named := map[string]bool{}
	for _, s := range in.Sales {
		if s.IsReturn() && s.OriginalInvoice != "" {
			named[s.OriginalInvoice] = true
		}
	}
	for _, s := range append(append(append([]engine.Sale(nil), history...), g.extraOriginals...), in.Sales...) {
		if !s.IsReturn() && named[s.Invoice] {
			in.Originals = append(in.Originals, s)
		}
	}
	// The same inputs in any order give the same lines.
	shuffle(g, in.Sales)
	shuffle(g, in.Partners)
	shuffle(g, in.Reps)
	shuffle(g, in.Products)
	shuffle(g, in.TierHistory)
	shuffle(g, in.Trainings)
	shuffle(g, in.Activities)
	shuffle(g, in.Registrations)
	shuffle(g, in.CustomerFirstSales)
	shuffle(g, in.Originals)
	return in
}

func shuffle[T any](g *gen, xs []T) {
	g.r.Shuffle(len(xs), func(i, j int) { xs[i], xs[j] = xs[j], xs[i] })
}

// referralEdges adds, for referral rules paying N months, a customer first
// sold on a month's last days N months before a day of the period, and
// invoices around the day its revenue share ends (SPEC: first sale 31 Aug,
// N = 1: revenue dated before 30 Sep).
func (g *gen) referralEdges(in *engine.Inputs) {
	var subs []engine.Product
	for _, p := range in.Products {
		if p.Subscription {
			subs = append(subs, p)
		}
	}
	if len(subs) == 0 {
		return
	}
	k := 0
	for _, p := range in.Programs {
		for _, r := range p.Rules {
			if r.Kind != engine.RuleReferral || r.Referral.Months == 0 {
				continue
			}
			for range 2 {
				g.referralEdge(in, &p, r.Referral.Months, subs, &k)
			}
		}
	}
}

// referralEdge adds one edge customer for a revenue share of n months of
// program p (see referralEdges).
func (g *gen) referralEdge(in *engine.Inputs, p *engine.Program, n int, subs []engine.Product, k *int) {
	// A first sale on one of the last days of a month longer than
	// the month N later, inside the program's validity.
	var first engine.Date
	for range 10 {
		y, m, _ := g.day(g.per.Start, g.per.End).YMD()
		lastDay := engine.NewDate(y, m-time.Month(n)+1, 1).AddDays(-1)
		d := lastDay.AddDays(-g.r.IntN(3))
		_, _, fd := d.YMD()
		_, _, ed := clampedMonths(d, n).YMD()
		if fd > ed && d >= p.ValidFrom {
			first = d
			break
		}
	}
	if first == 0 {
		return
	}
	*k++
	fs := g.sale(in, first)
	fs.Customer, fs.NewCustomer, fs.ProductID, fs.Splits, fs.RegistrationID = fmt.Sprintf("Edge %d", *k), true, pick(g, subs).ID, nil, 0
	if first < g.per.Start {
		in.CustomerFirstSales = append(in.CustomerFirstSales, fs)
	} else {
		in.Sales = append(in.Sales, fs)
	}
	end := clampedMonths(first, n)
	for _, off := range []int{-1, 0, 1, 2, 3} {
		d := end.AddDays(off)
		if d < g.per.Start || d > g.per.End || d <= first {
			continue
		}
		x := g.sale(in, d)
		x.Customer, x.PartnerID, x.RepID, x.ProductID, x.NewCustomer, x.Splits, x.ReferralCode = fs.Customer, fs.PartnerID, fs.RepID, fs.ProductID, false, fs.Splits, ""
		in.Sales = append(in.Sales, x)
	}
}

// registrationReturns adds, for some approved registrations, a return in
// the period of a large linked sale made before it, so that a registering
// partner's linked net can be negative (SPEC: a negative basis pays nothing).
func (g *gen) registrationReturns(in *engine.Inputs) {
	for i := range in.Registrations {
		reg := &in.Registrations[i]
		if reg.Decision != engine.DecisionApproved || reg.DecidedOn == 0 || reg.DecidedOn > g.per.End || !g.chance(0.8) {
			continue
		}
		// The window reaches into the period.
		if deadline := reg.DecidedOn.AddDays(reg.WindowDays); deadline < g.per.Start {
			reg.WindowDays = int(g.per.Start-reg.DecidedOn) + g.r.IntN(g.per.Days())
		}
		orig := g.sale(in, g.day(g.per.Start.AddDays(-60), g.per.Start.AddDays(-1)))
		orig.RegistrationID, orig.Customer = reg.ID, fmt.Sprintf("Returned %d", reg.ID)
		orig.PartnerID, orig.RepID, orig.Splits = reg.PartnerID, 0, nil
		g.extraOriginals = append(g.extraOriginals, orig)
		ret := g.returnOf(orig, g.day(max(g.per.Start, reg.DecidedOn), min(g.per.End, reg.DecidedOn.AddDays(reg.WindowDays))))
		in.Sales = append(in.Sales, ret)
	}
}

func repsOf(in *engine.Inputs, partner engine.ID) []engine.Rep {
	var out []engine.Rep
	for _, r := range in.Reps {
		if r.PartnerID == partner {
			out = append(out, r)
		}
	}
	return out
}

// sale draws one sale line dated on day.
func (g *gen) sale(in *engine.Inputs, day engine.Date) engine.Sale {
	g.nextSale++
	p := pick(g, in.Partners)
	prod := pick(g, in.Products)
	s := engine.Sale{ID: g.nextSale, Date: day, PartnerID: p.ID, Customer: pick(g, customers), NewCustomer: g.chance(0.35), NewProduct: g.chance(0.35),
		ProductID: prod.ID, Invoice: fmt.Sprintf("INV-%d", g.nextSale), Line: 1}
	if reps := repsOf(in, p.ID); len(reps) > 0 && g.chance(0.7) {
		s.RepID = pick(g, reps).ID
	}
	qty := decimal.NewFromInt(int64(g.n(1, 6)))
	if g.chance(0.1) {
		qty = decimal.New(int64(g.n(1, 40)), -1)
	}
	price := g.money(1, 3000)
	if g.chance(0.3) {
		price = dec(pick(g, []string{"100", "250", "500", "1000", "1200", "12"}))
	}
	if g.chance(0.05) {
		price = g.money(10000, 900000)
	}
	s.Quantity, s.UnitPrice = qty, price
	s.Net = qty.Mul(price).Round(g.cur.MinorUnits)
	if g.chance(0.15) {
		s.Splits = g.splits(in)
	}
	if len(in.Registrations) > 0 && g.chance(0.25) {
		s.RegistrationID = pick(g, in.Registrations).ID
	}
	if g.chance(0.15) {
		if g.chance(0.8) {
			s.ReferralCode = fmt.Sprintf("REF%d", g.n(1, len(in.Partners)))
		} else {
			s.ReferralCode = "NOBODY"
		}
	}
	return s
}

// splits draws credit splits adding up to 100 %.
func (g *gen) splits(in *engine.Inputs) []engine.CreditSplit {
	shares := pick(g, [][]string{{"60", "40"}, {"50", "50"}, {"33.33", "33.33", "33.34"}, {"70", "20", "10"}, {"100"}, {"12.5", "87.5"}})
	var out []engine.CreditSplit
	for _, sh := range shares {
		p := pick(g, in.Partners)
		cs := engine.CreditSplit{PartnerID: p.ID, Share: dec(sh)}
		if reps := repsOf(in, p.ID); len(reps) > 0 && g.chance(0.6) {
			cs.RepID = pick(g, reps).ID
		}
		out = append(out, cs)
	}
	return out
}

// returnOf gives back part or all of orig on day, with orig's credit splits.
func (g *gen) returnOf(orig engine.Sale, day engine.Date) engine.Sale {
	g.nextSale++
	r := orig
	r.ID = g.nextSale
	r.Date = day
	r.Invoice = fmt.Sprintf("RET-%d", g.nextSale)
	r.OriginalInvoice = orig.Invoice
	r.Splits = append([]engine.CreditSplit(nil), orig.Splits...)
	if g.chance(0.5) || !orig.Quantity.IsInteger() {
		r.Quantity, r.Net = orig.Quantity.Neg(), orig.Net.Neg()
	} else {
		k := decimal.NewFromInt(int64(g.n(1, int(orig.Quantity.IntPart()))))
		r.Quantity = k.Neg()
		r.Net = k.Mul(orig.UnitPrice).Round(g.cur.MinorUnits).Neg()
	}
	return r
}

// program draws a valid program with one to four rules.
func (g *gen) program(in *engine.Inputs, id engine.ID) engine.Program {
	p := engine.Program{ID: id, Name: fmt.Sprintf("Program %d", id), Currency: g.cur.Code, PeriodKind: g.per.Kind, Status: engine.ProgramActive}
	switch g.r.IntN(10) {
	case 0:
		p.Status = engine.ProgramDraft
	case 1:
		p.Status = engine.ProgramEnded
	}
	if g.per.Kind == engine.PeriodCustom {
		p.ValidFrom, p.ValidTo = g.per.Start, g.per.End
		if g.chance(0.1) {
			p.ValidTo = p.ValidTo.AddDays(1) // another window: does not compute
		}
	} else {
		if g.chance(0.1) {
			p.PeriodKind = pick(g, []engine.PeriodKind{engine.PeriodMonth, engine.PeriodQuarter, engine.PeriodYear})
		}
		p.ValidFrom = g.per.Start.AddDays(-g.n(0, 400))
		if g.chance(0.3) {
			p.ValidFrom = g.day(g.per.Start, g.per.End)
		}
		if g.chance(0.25) {
			p.ValidTo = p.ValidFrom.AddDays(g.n(0, 500))
		}
	}
	e := &p.Eligibility
	if g.chance(0.2) {
		e.Kinds = subset(g, engine.PartnerKinds)
	}
	if g.chance(0.15) {
		e.Segments = g.spellAll(subset(g, segments))
	}
	if g.chance(0.15) && g.tiers[0] != "" {
		e.Tiers = subset(g, g.tiers)
	}
	if g.chance(0.1) {
		for _, pa := range subset(g, in.Partners) {
			e.Partners = append(e.Partners, pa.ID)
		}
	}
	kinds := engine.RuleKinds
	for i := range g.n(1, 4) {
		p.Rules = append(p.Rules, g.rule(in, fmt.Sprintf("r%d", i+1), pick(g, kinds)))
	}
	return p
}

func (g *gen) rule(in *engine.Inputs, key string, kind engine.RuleKind) engine.Rule {
	r := engine.Rule{Key: key, Name: "Rule " + key, Kind: kind}
	f := &r.Filter
	if g.chance(0.3) {
		if g.chance(0.6) {
			f.Categories = g.spellAll(subset(g, categories))
		}
		if g.chance(0.5) {
			f.SKUs = g.spellAll(subset(g, skus[:len(in.Products)]))
		}
	}
	if g.chance(0.15) {
		f.Customer = pick(g, []engine.NewFilter{engine.FilterNew, engine.FilterExisting})
	}
	if g.chance(0.15) {
		f.Product = pick(g, []engine.NewFilter{engine.FilterNew, engine.FilterExisting})
	}
	if g.chance(0.15) {
		for _, k := range subset(g, engine.PartnerKinds) {
			f.PartnerKinds = append(f.PartnerKinds, engine.PartnerKind(g.spell(string(k))))
		}
	}
	// Rep roles filter the rep credited on the line: for the rules whose
	// lines name one.
	switch kind {
	case engine.RuleRate, engine.RuleTarget, engine.RuleSPIF, engine.RuleFund, engine.RuleLoyalty, engine.RuleTraining, engine.RuleActivity:
		if g.chance(0.1) {
			f.RepRoles = subset(g, roles)
		}
	}
	switch kind {
	case engine.RuleRate, engine.RuleTarget, engine.RuleSPIF, engine.RuleDealReg, engine.RuleReferral, engine.RuleFund, engine.RuleLoyalty:
		if g.chance(0.3) {
			w := func() decimal.Decimal { return dec(pick(g, []string{"0", "0.5", "1", "1.5", "2", "0.25", "0"})) }
			r.Matrix = &engine.Matrix{NewNew: w(), NewExisting: w(), ExistingNew: w(), ExistingExisting: w()}
		}
	}
	if g.chance(0.25) && g.tiers[0] != "" {
		r.TierMultipliers = map[string]decimal.Decimal{}
		for _, t := range subset(g, g.tiers) {
			r.TierMultipliers[t] = dec(pick(g, []string{"1.2", "1.5", "0.5", "1.25", "2", "1", "1.15"}))
		}
	}
	if g.chance(0.25) {
		r.Cap = decimal.NewNullDecimal(g.money(0, 3000))
	}
	units := func() {
		if g.chance(0.2) {
			r.Basis = engine.BasisUnits
		} else if g.chance(0.5) {
			r.Basis = engine.BasisRevenue
		}
	}
	switch kind {
	case engine.RuleRate:
		units()
		rr := &engine.RateRule{}
		max := 30
		if r.Basis == engine.BasisUnits {
			max = 50
		}
		if g.chance(0.4) {
			rr.Rate = g.rate(max)
			if rr.Rate.IsZero() {
				rr.Rate = dec("1") // a flat rate of 0 pays nothing: refused
			}
		} else {
			rr.Bands = g.bands(max, r.Basis == engine.BasisUnits)
			rr.Mode = pick(g, []engine.BandMode{engine.Retroactive, engine.Marginal, ""})
			if g.chance(0.3) && g.tiers[0] != "" {
				rr.TierBands = map[string][]engine.Band{}
				for _, t := range subset(g, g.tiers) {
					rr.TierBands[t] = g.bands(max, r.Basis == engine.BasisUnits)
				}
			}
		}
		r.Rate = rr
	case engine.RuleTarget:
		if g.chance(0.2) {
			r.Basis = engine.BasisUnits
		}
		t := &engine.TargetRule{}
		if r.Basis == engine.BasisUnits {
			t.DefaultTarget = decimal.NewFromInt(int64(g.n(1, 30)))
		} else if g.chance(0.4) {
			t.DefaultTarget = decimal.NewFromInt(int64(500 * g.n(1, 10)))
		} else {
			t.DefaultTarget = g.money(100, 20000)
		}
		if g.chance(0.2) {
			t.DefaultTarget = decimal.Zero
		}
		if g.chance(0.4) || t.DefaultTarget.IsZero() {
			t.Targets = map[engine.ID]decimal.Decimal{}
			for _, pa := range subset(g, in.Partners) {
				t.Targets[pa.ID] = g.money(50, 10000)
			}
		}
		att := 0
		for range g.n(0, 3) {
			att += pick(g, []int{g.n(10, 60), 25, 50})
			t.Steps = append(t.Steps, engine.Step{Attainment: decimal.NewFromInt(int64(att)), Amount: g.money(0, 2000)})
		}
		// An accelerator is a percentage of the revenue above the target;
		// on a unit basis SPEC gives it no meaning, so none is drawn.
		if r.Basis != engine.BasisUnits && (g.chance(0.4) || len(t.Steps) == 0) {
			t.Accelerator = g.rate(20)
			if t.Accelerator.IsZero() {
				t.Accelerator = dec("1")
			}
		}
		if len(t.Steps) == 0 && t.Accelerator.IsZero() {
			t.Steps = []engine.Step{{Attainment: decimal.NewFromInt(100), Amount: g.money(1, 2000)}}
		}
		r.Target = t
	case engine.RuleSPIF:
		sp := &engine.SPIFRule{SKUs: g.spellAll(subset(g, skus[:len(in.Products)]))}
		sp.From = g.day(g.per.Start.AddDays(-30), g.per.End)
		sp.To = sp.From.AddDays(g.n(0, 60))
		switch g.r.IntN(4) {
		case 0:
			sp.Rate = g.rate(100)
			if g.chance(0.2) {
				sp.Rate, sp.Confirmed = dec("800"), true
			}
			if sp.Rate.IsZero() {
				sp.Rate = dec("5")
			}
		case 1:
			sp.PerDeal = true
			sp.Amount = g.money(1, 500)
		default:
			sp.Amount = g.money(1, 100)
		}
		r.SPIF = sp
	case engine.RuleDealReg:
		r.DealReg = &engine.DealRegRule{Rate: g.rate(20)}
	case engine.RuleReferral:
		rf := &engine.ReferralRule{}
		if g.chance(0.6) {
			rf.Bounty = g.money(1, 500)
		}
		if g.chance(0.6) || rf.Bounty.IsZero() {
			rf.Rate = g.rate(30)
			if rf.Rate.IsZero() {
				rf.Rate = dec("20")
			}
		}
		if g.chance(0.6) {
			rf.Months = g.n(1, 14)
		}
		r.Referral = rf
	case engine.RuleFund:
		units()
		r.Fund = &engine.FundRule{Rate: g.rate(10), ValidityDays: g.n(30, 365), Fund: pick(g, []string{"MDF", "co-op", ""})}
	case engine.RuleTraining:
		tr := &engine.TrainingRule{Courses: g.spellAll(subset(g, courses)), Unit: pick(g, []engine.Unit{engine.UnitMoney, engine.UnitPoints, ""})}
		tr.Amount = g.points(tr.Unit)
		r.Training = tr
	case engine.RuleActivity:
		ar := &engine.ActivityRule{Types: g.spellAll(subset(g, actTypes)), Unit: pick(g, []engine.Unit{engine.UnitMoney, engine.UnitPoints}), ToRep: g.chance(0.5)}
		ar.Amount = g.points(ar.Unit)
		r.Activity = ar
	case engine.RuleLoyalty:
		units()
		lr := &engine.LoyaltyRule{Points: dec(pick(g, []string{"1", "2", "1.5", "3", "0.5"})), Per: dec(pick(g, []string{"10", "12.00", "7.5", "1", "100", "3"})), ToRep: g.chance(0.4)}
		if g.chance(0.3) {
			lr.ValidityMonths = g.n(1, 24)
		}
		r.Loyalty = lr
	}
	return r
}

// points draws an amount per item: money, or points (sometimes with a fraction).
func (g *gen) points(u engine.Unit) decimal.Decimal {
	if u == engine.UnitPoints {
		return dec(pick(g, []string{"1", "5", "10", "2.5", "0.4", "3"}))
	}
	return g.money(1, 300)
}

// bands draws a band table: the first from 0, each from above the last.
func (g *gen) bands(max int, units bool) []engine.Band {
	bands := []engine.Band{{From: decimal.Zero, Rate: g.rate(max)}}
	from := decimal.Zero
	for range g.n(0, 3) {
		if units {
			from = from.Add(decimal.NewFromInt(int64(g.n(1, 10))))
		} else if g.chance(0.5) {
			from = from.Add(decimal.NewFromInt(int64(250 * g.n(1, 12))))
		} else {
			from = from.Add(g.money(1, 8000))
		}
		bands = append(bands, engine.Band{From: from, Rate: g.rate(max)})
	}
	return bands
}
