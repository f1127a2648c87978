package demo

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"partnerdesk/engine"

	"github.com/shopspring/decimal"
)

// Dataset is everything the demo or scale data holds, with IDs pre-assigned
// from 1 per kind; every reference uses those IDs.
type Dataset struct {
	Company       engine.Company        `json:"company"`
	Ladder        engine.TierLadder     `json:"ladder"`
	Partners      []engine.Partner      `json:"partners"`
	Reps          []engine.Rep          `json:"reps"`
	Products      []engine.Product      `json:"products"`
	Programs      []engine.Program      `json:"programs"`
	Sales         []engine.Sale         `json:"sales"`
	Registrations []engine.Registration `json:"registrations"`
	Trainings     []engine.Training     `json:"trainings"`
	Activities    []engine.Activity     `json:"activities"`
	TierHistory   []engine.TierChange   `json:"tier_history"`
}

// CompanyName is the demo vendor.
const CompanyName = "Nordlicht Software GmbH"

// WindowStart returns the first day of the twelve calendar months that end
// with the month containing through: the demo's sales start there and its
// programs are valid from there.
func WindowStart(through engine.Date) engine.Date {
	y, m, _ := through.YMD()
	return engine.NewDate(y, m, 1).AddMonths(-11)
}

// seedStream is the PCG stream; any fixed value keeps runs reproducible.
const seedStream = 0x9e3779b97f4a7c15

func newRand(seed int64) *rand.Rand {
	return rand.New(rand.NewPCG(uint64(seed), seedStream))
}

// Generate returns the demo data of a small vendor: about forty partners of
// every kind, their reps, a price list, a tier ladder and history, programs
// using all nine rule kinds, and twelve months of sales, registrations,
// trainings and activities ending on through. The same seed and through
// always give the same Dataset.
func Generate(seed int64, through engine.Date) Dataset {
	g := &gen{r: newRand(seed), through: through, start: WindowStart(through)}
	g.company()
	g.ladder()
	g.products()
	g.partners()
	g.reps()
	g.tierHistory()
	g.customerPools()
	g.trainings()
	g.activities()
	g.registrations()
	g.subscriptions()
	g.invoices()
	g.sales()
	g.returns()
	g.ds.Programs = demoPrograms(g)
	return g.ds
}

// gen holds the state of one Generate run.
type gen struct {
	r              *rand.Rand
	ds             Dataset
	start, through engine.Date

	repsOf   [][]engine.ID // reps of each partner index
	tierIdx  [][12]int     // tier index of each partner in each month; -1: none
	cursor   map[string]int
	custPool map[string][]string
	custOf   [][]string // customers each partner has sold to
	custHas  []map[string]bool
	drafts   []draft
	// regSales are the invoices planned for registrations, added by invoices.
	regSales []draft
}

// draft is an invoice before numbering.
type draft struct {
	date     engine.Date
	partner  int // index into partnerSpecs
	seq      int // creation order, the last tie-break
	rep      engine.ID
	customer string
	lines    []draftLine
	reg      engine.ID
	refCode  string
	splits   []engine.CreditSplit
}

type draftLine struct {
	product   int
	qty       decimal.Decimal
	unitPrice decimal.Decimal
}

// monthStart and monthEnd bound month m (0-11) of the window; the last
// month ends on through.
func (g *gen) monthStart(m int) engine.Date { return g.start.AddMonths(m) }

func (g *gen) monthEnd(m int) engine.Date {
	return min(g.start.AddMonths(m+1)-1, g.through)
}

// sells reports whether partner i does business in month m.
func (g *gen) sells(i, m int) bool {
	s := partnerSpecs[i]
	switch {
	case s.status == engine.StatusProspect:
		return false
	case s.status == engine.StatusSuspended && m > suspendAfterMonth:
		return false
	case s.joinMonth > m:
		return false
	}
	return g.monthStart(m) <= g.through
}

// size is partner i's volume factor in month m: a promotion comes with growth.
func (g *gen) size(i, m int) int {
	s := partnerSpecs[i]
	if s.promoteMonth > 0 && m >= s.promoteMonth {
		return s.size + 1
	}
	return s.size
}

// day returns a working day in [lo, hi], moving weekends to the nearest
// weekday inside the range.
func (g *gen) day(lo, hi engine.Date) engine.Date {
	if hi < lo {
		return lo
	}
	d := lo + engine.Date(g.r.IntN(int(hi-lo)+1))
	switch d.Time().Weekday() {
	case time.Saturday:
		if d-1 >= lo {
			return d - 1
		}
		if d+2 <= hi {
			return d + 2
		}
	case time.Sunday:
		if d+1 <= hi {
			return d + 1
		}
		if d-2 >= lo {
			return d - 2
		}
	}
	return d
}

// poisson draws a small count with mean lambda (Knuth's method).
func (g *gen) poisson(lambda float64) int {
	if lambda <= 0 {
		return 0
	}
	l := math.Exp(-lambda)
	k, p := 0, 1.0
	for {
		p *= g.r.Float64()
		if p <= l {
			return k
		}
		k++
	}
}

func (g *gen) company() { g.ds.Company = demoCompany() }

// demoCompany is the vendor of both data sets.
func demoCompany() engine.Company {
	return engine.Company{
		Name:            CompanyName,
		Address:         "Am Sandtorkai 54\n20457 Hamburg\nGermany",
		Currency:        engine.NewCurrency("EUR"),
		FiscalYearStart: time.January,
		Language:        "en",
	}
}

func (g *gen) ladder() { g.ds.Ladder = demoLadder() }

// demoLadder is the Registered/Silver/Gold/Platinum ladder over 12 months.
func demoLadder() engine.TierLadder {
	return engine.TierLadder{
		WindowMonths: 12,
		Levels: []engine.TierLevel{
			{Name: TierRegistered},
			{Name: TierSilver, Criteria: engine.TierCriteria{Revenue: dec("150000"), Certifications: 1}},
			{Name: TierGold, Criteria: engine.TierCriteria{Revenue: dec("400000"), Certifications: 2, WonRegistrations: 2}},
			{Name: TierPlatinum, Criteria: engine.TierCriteria{Revenue: dec("800000"), Units: dec("2500"), Certifications: 4, WonRegistrations: 5}},
		},
	}
}

func (g *gen) products() { g.ds.Products = demoProducts() }

// demoProducts is the price list as engine products, IDs from 1.
func demoProducts() []engine.Product {
	out := make([]engine.Product, 0, len(products))
	for i, p := range products {
		out = append(out, engine.Product{
			ID:           engine.ID(i + 1),
			SKU:          p.sku,
			Name:         p.name,
			Category:     p.category,
			ListPrice:    dec(p.list),
			Subscription: p.subscription,
		})
	}
	return out
}

func (g *gen) partners() {
	for i, s := range partnerSpecs {
		region := regionOf(s.country)
		p := engine.Partner{
			ID:             engine.ID(i + 1),
			Name:           s.name,
			Kind:           s.kind,
			Segment:        s.segment,
			Region:         region,
			Country:        s.country,
			Email:          "partners@" + s.domain,
			AccountManager: accountManagerOf(region),
			ReferralCode:   s.code,
			Status:         s.status,
			Language:       s.lang,
			Notes:          s.notes,
		}
		switch {
		case s.status == engine.StatusProspect:
			// A prospect has not joined yet.
		case s.joinMonth >= 0:
			// Joined on the first, so that the month's business all counts.
			p.Joined = g.monthStart(s.joinMonth)
		default:
			p.Joined = g.day(g.start.AddMonths(-72), g.start.AddMonths(-3))
		}
		g.ds.Partners = append(g.ds.Partners, p)
	}
}

func (g *gen) reps() {
	g.cursor = map[string]int{}
	g.repsOf = make([][]engine.ID, len(partnerSpecs))
	for i, s := range partnerSpecs {
		n := min(4, s.size/2+1+g.r.IntN(2))
		people := pools[s.pool].people
		for k := 0; k < n; k++ {
			name := people[g.cursor[s.pool]%len(people)]
			g.cursor[s.pool]++
			id := engine.ID(len(g.ds.Reps) + 1)
			role := RoleSales
			switch {
			case k == 0 && n > 1:
				role = RoleManager
			case k == 2:
				role = RolePresales
			}
			g.ds.Reps = append(g.ds.Reps, engine.Rep{
				ID:        id,
				PartnerID: engine.ID(i + 1),
				Name:      name,
				Email:     emailOf(name, id, s.domain),
				Role:      role,
				Active:    s.status != engine.StatusSuspended,
			})
			g.repsOf[i] = append(g.repsOf[i], id)
		}
		if g.ds.Partners[i].Contact == "" {
			g.ds.Partners[i].Contact = g.ds.Reps[g.repsOf[i][0]-1].Name
		}
	}
}

// emailOf makes "first.last@domain" from a Latin name, or "rep<id>@domain"
// when the name has letters an address cannot hold.
func emailOf(name string, id engine.ID, domain string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(name) {
		switch {
		case r == ' ':
			b.WriteByte('.')
		case r == '\'' || r == '-':
		case r >= 'a' && r <= 'z':
			b.WriteRune(r)
		case asciiFold[r] != "":
			b.WriteString(asciiFold[r])
		default:
			return fmt.Sprintf("rep%d@%s", id, domain)
		}
	}
	return b.String() + "@" + domain
}

// openingTier is the tier a partner holds when the window starts (or it joins).
func openingTier(s partnerSpec) int {
	t := []int{0, 0, 1, 1, 2, 3}[s.size]
	if s.kind == engine.KindReferral || s.kind == engine.KindInfluencer {
		t = min(t, 1)
	}
	return t
}

func (g *gen) tierHistory() {
	g.tierIdx = make([][12]int, len(partnerSpecs))
	var hist []engine.TierChange
	for i, s := range partnerSpecs {
		for m := range 12 {
			g.tierIdx[i][m] = -1
		}
		if s.status == engine.StatusProspect {
			continue
		}
		t := openingTier(s)
		from, note := g.start, "Opening tier of the programme year."
		first := 0
		if s.joinMonth >= 0 {
			t, from, note, first = 0, g.ds.Partners[i].Joined, "Joined the partner programme.", s.joinMonth
		}
		hist = append(hist, engine.TierChange{PartnerID: engine.ID(i + 1), Tier: tierNames[t], From: from, Note: note})
		for m := first; m < 12; m++ {
			g.tierIdx[i][m] = t
		}
		if s.promoteMonth > 0 && t < len(tierNames)-1 {
			review := engine.Month(g.monthStart(s.promoteMonth - 1)).Key
			hist = append(hist, engine.TierChange{PartnerID: engine.ID(i + 1), Tier: tierNames[t+1], From: g.monthStart(s.promoteMonth),
				Note: "Promoted by the tier review of " + review + "."})
			for m := s.promoteMonth; m < 12; m++ {
				g.tierIdx[i][m] = t + 1
			}
		}
		if s.status == engine.StatusSuspended && t > 0 {
			hist = append(hist, engine.TierChange{PartnerID: engine.ID(i + 1), Tier: TierRegistered, From: g.monthStart(suspendAfterMonth + 1),
				Note: "Suspended: back to Registered until the credit review ends."})
			for m := suspendAfterMonth + 1; m < 12; m++ {
				g.tierIdx[i][m] = 0
			}
		}
	}
	slices.SortStableFunc(hist, func(a, b engine.TierChange) int {
		return cmp.Or(cmp.Compare(a.From, b.From), cmp.Compare(a.PartnerID, b.PartnerID))
	})
	for k := range hist {
		hist[k].ID = engine.ID(k + 1)
	}
	g.ds.TierHistory = hist
}

// customerPools shuffles each pool's customer names once, so that partners
// take fresh customers in a random but reproducible order.
func (g *gen) customerPools() {
	g.custPool = map[string][]string{}
	g.cursor = map[string]int{}
	for _, k := range poolOrder {
		p := pools[k]
		var names []string
		for _, a := range p.custA {
			for _, b := range p.custB {
				names = append(names, a+p.sep+b)
			}
		}
		g.r.Shuffle(len(names), func(i, j int) { names[i], names[j] = names[j], names[i] })
		g.custPool[k] = names
	}
	g.custOf = make([][]string, len(partnerSpecs))
	g.custHas = make([]map[string]bool, len(partnerSpecs))
	for i := range g.custHas {
		g.custHas[i] = map[string]bool{}
	}
}

// customer picks partner i's customer for a deal: with probability fresh a
// customer it has not sold to (usually one nobody has), else a known one.
func (g *gen) customer(i int, fresh float64) string {
	known := g.custOf[i]
	if len(known) > 0 && g.r.Float64() >= fresh {
		return known[g.r.IntN(len(known))]
	}
	key := partnerSpecs[i].pool
	pool := g.custPool[key]
	var c string
	if g.cursor[key] < len(pool) && g.r.Float64() < 0.9 {
		c = pool[g.cursor[key]]
		g.cursor[key]++
	} else {
		// Someone else's customer, or one already known: cross-partner business.
		c = pool[g.r.IntN(len(pool))]
	}
	if !g.custHas[i][c] {
		g.custHas[i][c] = true
		g.custOf[i] = append(g.custOf[i], c)
	}
	return c
}

// rep picks one of partner i's reps, managers less often.
func (g *gen) rep(i int) engine.ID {
	rs := g.repsOf[i]
	if len(rs) > 1 && g.r.IntN(4) != 0 {
		return rs[1+g.r.IntN(len(rs)-1)]
	}
	return rs[g.r.IntN(len(rs))]
}

// price is the unit price partner i pays in month m: list less a discount
// that grows with the tier.
func (g *gen) price(i, m, product int) decimal.Decimal {
	t := max(g.tierIdx[i][m], 0)
	disc := int64(5*t + 5*g.r.IntN(2))
	list := dec(products[product].list)
	return list.Mul(decimal.NewFromInt(100 - disc)).Shift(-2).Round(2)
}

// qty draws a quantity for product, larger for larger partners.
func (g *gen) qty(product, size int) decimal.Decimal {
	p := products[product]
	span := p.maxQty - p.minQty
	hi := p.minQty + span*min(size+1, 5)/5
	return decimal.NewFromInt(int64(p.minQty + g.r.IntN(hi-p.minQty+1)))
}

func (g *gen) trainings() {
	var ts []engine.Training
	for i, s := range partnerSpecs {
		if s.status == engine.StatusProspect {
			continue
		}
		lo, hi := g.start, g.through
		if s.joinMonth >= 0 {
			lo = g.ds.Partners[i].Joined
		}
		if s.status == engine.StatusSuspended {
			hi = g.monthEnd(suspendAfterMonth)
		}
		for _, rep := range g.repsOf[i] {
			for _, c := range courses {
				if g.r.Float64() < 0.3+0.08*float64(s.size) {
					ts = append(ts, engine.Training{RepID: rep, Course: c, Completed: g.day(lo, hi)})
				}
			}
			for k, c := range certifications {
				if g.r.Float64() >= 0.15*float64(s.size)-0.1*float64(k) {
					continue
				}
				// Some certifications predate the window; a few have lapsed in it.
				from := lo
				if s.joinMonth < 0 {
					from = g.start.AddMonths(-certValidMonths - 3)
				}
				done := g.day(from, hi)
				ts = append(ts, engine.Training{RepID: rep, Course: c, Completed: done, Certification: true, ValidUntil: done.AddMonths(certValidMonths)})
			}
		}
	}
	slices.SortStableFunc(ts, func(a, b engine.Training) int {
		return cmp.Or(cmp.Compare(a.Completed, b.Completed), cmp.Compare(a.RepID, b.RepID))
	})
	for k := range ts {
		ts[k].ID = engine.ID(k + 1)
	}
	g.ds.Trainings = ts
}

var (
	webinars = []string{"What's new in Nordlicht Cloud", "Selling backup to SMBs", "Secure Gateway deep dive", "Migrating from legacy suites", "Quarterly partner update"}
	events   = []string{"Nordlicht Partner Summit", "it-sa Nürnberg", "Web Summit Lisboa", "Smart City Expo Barcelona", "Local user group evening", "Customer open day"}
)

func (g *gen) activities() {
	var as []engine.Activity
	add := func(i int, rep engine.ID, typ string, d engine.Date, note string) {
		as = append(as, engine.Activity{PartnerID: engine.ID(i + 1), RepID: rep, Type: typ, Date: d, Note: note})
	}
	for m := range 12 {
		lo, hi := g.monthStart(m), g.monthEnd(m)
		if lo > g.through {
			break
		}
		for i := range partnerSpecs {
			if !g.sells(i, m) {
				continue
			}
			sz := float64(g.size(i, m))
			pool := g.custPool[partnerSpecs[i].pool]
			for range g.poisson(0.35 * sz) {
				p := products[g.r.IntN(len(products))]
				add(i, g.rep(i), ActDemo, g.day(lo, hi), "Demo of "+p.name+" for "+pool[g.r.IntN(len(pool))])
			}
			for range g.poisson(0.25 * sz) {
				add(i, g.rep(i), ActWebinar, g.day(lo, hi), "Webinar: "+webinars[g.r.IntN(len(webinars))])
			}
			for range g.poisson(0.15 * sz) {
				add(i, g.rep(i), ActJointCall, g.day(lo, hi), "Joint call with "+pool[g.r.IntN(len(pool))])
			}
			if m%3 == 2 && g.tierIdx[i][m] >= 2 {
				add(i, g.repsOf[i][0], ActQBR, g.day(max(lo, hi-9), hi), "Quarterly business review "+engine.PeriodContaining(engine.PeriodQuarter, lo, time.January).Key)
			}
			for range g.poisson(0.06 * sz) {
				add(i, 0, ActEvent, g.day(lo, hi), events[g.r.IntN(len(events))])
			}
		}
	}
	slices.SortStableFunc(as, func(a, b engine.Activity) int {
		return cmp.Or(cmp.Compare(a.Date, b.Date), cmp.Compare(a.PartnerID, b.PartnerID))
	})
	for k := range as {
		as[k].ID = engine.ID(k + 1)
	}
	g.ds.Activities = as
}

// regPlan is a registration and the sale it leads to, if any.
type regPlan struct {
	reg      engine.Registration
	partner  int
	month    int
	saleDate engine.Date // zero: no sale
	seq      int
}

// registers lists the kinds that register deals.
func registers(k engine.PartnerKind) bool {
	switch k {
	case engine.KindReseller, engine.KindDistributor, engine.KindVAR, engine.KindMSP, engine.KindISV:
		return true
	}
	return false
}

var windows = []int{30, 45, 60, 90}

func (g *gen) registrations() {
	var plans []regPlan
	for m := range 12 {
		lo, hi := g.monthStart(m), g.monthEnd(m)
		if lo > g.through {
			break
		}
		for i, s := range partnerSpecs {
			if !g.sells(i, m) || !registers(s.kind) {
				continue
			}
			for range g.poisson(0.2 + 0.12*float64(g.size(i, m))) {
				p := regPlan{partner: i, month: m, seq: len(plans)}
				r := &p.reg
				r.PartnerID = engine.ID(i + 1)
				r.RepID = g.rep(i)
				r.Customer = g.customer(i, 0.7)
				r.ExpectedValue = decimal.NewFromInt(int64(50+g.r.IntN(750)) * 100)
				r.Submitted = g.day(lo, hi)
				r.WindowDays = windows[g.r.IntN(len(windows))]
				r.Outcome = engine.OutcomeOpen
				g.decide(&p)
				plans = append(plans, p)
			}
		}
	}
	slices.SortStableFunc(plans, func(a, b regPlan) int {
		return cmp.Or(cmp.Compare(a.reg.Submitted, b.reg.Submitted), cmp.Compare(a.partner, b.partner), cmp.Compare(a.seq, b.seq))
	})
	for k := range plans {
		p := &plans[k]
		p.reg.ID = engine.ID(k + 1)
		if p.saleDate != 0 && !g.sells(p.partner, g.monthOf(p.saleDate)) {
			// A suspended partner closes nothing after its suspension.
			p.saleDate, p.reg.Outcome = 0, engine.OutcomeLost
		}
		g.ds.Registrations = append(g.ds.Registrations, p.reg)
		if p.saleDate != 0 {
			g.regSales = append(g.regSales, g.regInvoice(p))
		}
	}
}

// decide gives a registration its decision, outcome and sale: most are
// approved and won inside the window; some are sold late, on a rejected
// registration, or before a decision, so that the statement has to say why
// they earn no bonus.
func (g *gen) decide(p *regPlan) {
	r := &p.reg
	s := r.Submitted
	if s > g.through-3 {
		r.Decision = engine.DecisionPending
		return
	}
	decided := min(s+engine.Date(1+g.r.IntN(5)), g.through)
	u := g.r.Float64()
	switch {
	case u < 0.74 || (u >= 0.88 && s < g.through-45):
		r.Decision, r.DecidedOn, r.DecidedBy = engine.DecisionApproved, decided, g.ds.Partners[p.partner].AccountManager
		deadline := decided.AddDays(r.WindowDays)
		v := g.r.Float64()
		switch {
		case v < 0.55:
			p.saleDate = g.day(decided+1, deadline)
		case v < 0.63:
			p.saleDate = g.day(deadline+3, deadline+28)
		case v < 0.82:
			r.Outcome = engine.OutcomeLost
			return
		}
		if p.saleDate > g.through {
			p.saleDate = 0
		}
		switch {
		case p.saleDate != 0:
			r.Outcome = engine.OutcomeWon
		case deadline < g.through:
			r.Outcome = engine.OutcomeExpired
		}
	case u < 0.88:
		r.Decision, r.DecidedOn, r.DecidedBy = engine.DecisionRejected, decided, g.ds.Partners[p.partner].AccountManager
		r.Outcome = engine.OutcomeLost
		if g.r.Float64() < 0.3 {
			if d := g.day(decided+5, decided+40); d <= g.through {
				p.saleDate, r.Outcome = d, engine.OutcomeWon
			}
		}
	default:
		r.Decision = engine.DecisionPending
		if g.r.Float64() < 0.35 {
			if d := g.day(s+2, s+10); d <= g.through {
				p.saleDate, r.Outcome = d, engine.OutcomeWon
			}
		}
	}
}

// regInvoice is the invoice that closes a registered deal: one-off products
// worth about the expected value.
func (g *gen) regInvoice(p *regPlan) draft {
	m := g.monthOf(p.saleDate)
	cat := kindCatalog[partnerSpecs[p.partner].kind]
	main := cat[g.r.IntN(len(cat))]
	price := g.price(p.partner, m, main)
	target := p.reg.ExpectedValue.Mul(decimal.NewFromInt(int64(80 + g.r.IntN(31)))).Shift(-2)
	n := max(target.Div(price).Round(0).IntPart(), 1)
	d := draft{date: p.saleDate, partner: p.partner, rep: p.reg.RepID, customer: p.reg.Customer, reg: p.reg.ID,
		lines: []draftLine{{product: main, qty: decimal.NewFromInt(n), unitPrice: price}}}
	if main != pImpl && g.r.IntN(2) == 0 {
		d.lines = append(d.lines, draftLine{product: pImpl, qty: decimal.NewFromInt(int64(1 + g.r.IntN(5))), unitPrice: g.price(p.partner, m, pImpl)})
	}
	return d
}

// monthOf returns the window month (0-11) containing d.
func (g *gen) monthOf(d engine.Date) int {
	for m := 11; m > 0; m-- {
		if d >= g.monthStart(m) {
			return m
		}
	}
	return 0
}

// subscriptions starts subscriptions and bills them monthly, on the same day
// of the month, until the customer leaves or the window ends.
func (g *gen) subscriptions() {
	for m := range 12 {
		if g.monthStart(m) > g.through {
			break
		}
		for i, s := range partnerSpecs {
			if !g.sells(i, m) {
				continue
			}
			subs := kindSubs[s.kind]
			for range g.poisson(kindSubRate[s.kind] * float64(g.size(i, m))) {
				prod := subs[g.r.IntN(len(subs))]
				seats := g.qty(prod, g.size(i, m))
				price := g.price(i, m, prod)
				cust := g.customer(i, 0.65)
				rep := g.rep(i)
				dom := 1 + g.r.IntN(28)
				code := ""
				if (s.kind == engine.KindReferral || s.kind == engine.KindInfluencer) && g.r.Float64() < 0.75 {
					code = s.code
				}
				for k := m; k < 12 && g.sells(i, k); k++ {
					d := g.monthStart(k).AddDays(dom - 1)
					if d > g.through {
						break
					}
					g.drafts = append(g.drafts, draft{date: d, partner: i, rep: rep, customer: cust, refCode: code,
						lines: []draftLine{{product: prod, qty: seats, unitPrice: price}}})
					code = ""
					if g.r.Float64() < 0.04 {
						break
					}
					if g.r.Float64() < 0.1 {
						seats = seats.Add(decimal.NewFromInt(int64(1 + g.r.IntN(5))))
					}
				}
			}
		}
	}
}

// invoices adds the one-off invoices and the registered deals' invoices.
func (g *gen) invoices() {
	for m := range 12 {
		lo, hi := g.monthStart(m), g.monthEnd(m)
		if lo > g.through {
			break
		}
		for i, s := range partnerSpecs {
			if !g.sells(i, m) {
				continue
			}
			cat := kindCatalog[s.kind]
			sz := g.size(i, m)
			for range g.poisson(kindInvoiceRate[s.kind] * 1.3 * float64(sz)) {
				d := draft{date: g.day(lo, hi), partner: i, rep: g.rep(i), customer: g.customer(i, 0.35)}
				n := 1
				if g.r.IntN(10) < 4 {
					n++
				}
				if g.r.IntN(10) < 1 {
					n++
				}
				var used [32]bool
				for range n {
					p := cat[g.r.IntN(len(cat))]
					if used[p] {
						continue
					}
					used[p] = true
					d.lines = append(d.lines, draftLine{product: p, qty: g.qty(p, sz), unitPrice: g.price(i, m, p)})
				}
				if s.kind == engine.KindReferral && g.r.Float64() < 0.5 {
					d.refCode = s.code
				}
				if g.r.Float64() < 0.02 {
					d.splits = g.split(i, d.rep)
				}
				g.drafts = append(g.drafts, d)
			}
		}
	}
	g.drafts = append(g.drafts, g.regSales...)
}

// split shares an invoice 60/40 with another selling partner of the same
// region (a co-sell), or returns nil when there is none.
func (g *gen) split(i int, rep engine.ID) []engine.CreditSplit {
	var others []int
	for j, s := range partnerSpecs {
		if j != i && s.status == engine.StatusActive && s.joinMonth < 0 && registers(s.kind) &&
			regionOf(s.country) == regionOf(partnerSpecs[i].country) {
			others = append(others, j)
		}
	}
	if len(others) == 0 {
		return nil
	}
	j := others[g.r.IntN(len(others))]
	return []engine.CreditSplit{
		{PartnerID: engine.ID(i + 1), RepID: rep, Share: dec("60")},
		{PartnerID: engine.ID(j + 1), RepID: g.rep(j), Share: dec("40")},
	}
}

// numberer hands out invoice numbers "INV-2026-004512" that rise through
// each year, with gaps for the vendor's direct sales.
type numberer struct {
	prefix string
	next   map[int]int
}

func (n *numberer) number(r *rand.Rand, d engine.Date, first int) string {
	y, _, _ := d.YMD()
	if _, ok := n.next[y]; !ok {
		n.next[y] = first
	}
	n.next[y] += 1 + r.IntN(3)
	return fmt.Sprintf("%s-%d-%06d", n.prefix, y, n.next[y])
}

// firstNumber is where the first year's counter starts, as if the vendor
// had issued invoices since the first of January.
func (g *gen) firstNumber(perDay int) int {
	y, _, _ := g.start.YMD()
	return int(g.start-engine.NewDate(y, time.January, 1)) * perDay
}

// sales numbers the invoices in date order and sets NewCustomer (every line
// of a customer's first invoice) and NewProduct (a customer's first line of
// a product).
func (g *gen) sales() {
	for k := range g.drafts {
		g.drafts[k].seq = k
	}
	slices.SortStableFunc(g.drafts, func(a, b draft) int {
		return cmp.Or(cmp.Compare(a.date, b.date), cmp.Compare(a.partner, b.partner), cmp.Compare(a.seq, b.seq))
	})
	num := numberer{prefix: "INV", next: map[int]int{}}
	first := g.firstNumber(3)
	seenCust := map[string]bool{}
	seenProd := map[string]bool{}
	for _, d := range g.drafts {
		if len(d.lines) == 0 {
			continue
		}
		inv := num.number(g.r, d.date, first)
		newCust := !seenCust[d.customer]
		seenCust[d.customer] = true
		for k, l := range d.lines {
			sku := products[l.product].sku
			newProd := !seenProd[d.customer+"\x00"+sku]
			seenProd[d.customer+"\x00"+sku] = true
			g.ds.Sales = append(g.ds.Sales, engine.Sale{
				Date:           d.date,
				PartnerID:      engine.ID(d.partner + 1),
				RepID:          d.rep,
				Customer:       d.customer,
				NewCustomer:    newCust,
				NewProduct:     newProd,
				ProductID:      engine.ID(l.product + 1),
				Quantity:       l.qty,
				UnitPrice:      l.unitPrice,
				Net:            l.qty.Mul(l.unitPrice).Round(2),
				Invoice:        inv,
				Line:           k + 1,
				RegistrationID: d.reg,
				ReferralCode:   d.refCode,
				Splits:         slices.Clone(d.splits),
			})
		}
	}
}

// returns adds credit notes for about one line in eighty of one-off
// products: part or all of the quantity comes back within a few weeks.
func (g *gen) returns() {
	var cands []int
	for k, s := range g.ds.Sales {
		if !products[s.ProductID-1].subscription && s.Date <= g.through-6 {
			cands = append(cands, k)
		}
	}
	n := len(g.ds.Sales) / 80
	g.r.Shuffle(len(cands), func(i, j int) { cands[i], cands[j] = cands[j], cands[i] })
	var rets []engine.Sale
	for _, k := range cands[:min(n, len(cands))] {
		o := g.ds.Sales[k]
		back := decimal.NewFromInt(1 + g.r.Int64N(o.Quantity.IntPart())).Neg()
		rets = append(rets, engine.Sale{
			Date:            g.day(o.Date+5, min(o.Date+45, g.through)),
			PartnerID:       o.PartnerID,
			RepID:           o.RepID,
			Customer:        o.Customer,
			ProductID:       o.ProductID,
			Quantity:        back,
			UnitPrice:       o.UnitPrice,
			Net:             back.Mul(o.UnitPrice).Round(2),
			Line:            1,
			RegistrationID:  o.RegistrationID,
			OriginalInvoice: o.Invoice,
			Splits:          slices.Clone(o.Splits),
		})
	}
	slices.SortStableFunc(rets, func(a, b engine.Sale) int { return cmp.Compare(a.Date, b.Date) })
	num := numberer{prefix: "CN", next: map[int]int{}}
	first := g.firstNumber(1) / 8
	for k := range rets {
		rets[k].Invoice = num.number(g.r, rets[k].Date, first)
	}
	all := append(g.ds.Sales, rets...)
	slices.SortStableFunc(all, func(a, b engine.Sale) int {
		return cmp.Or(cmp.Compare(a.Date, b.Date), strings.Compare(a.Invoice, b.Invoice), cmp.Compare(a.Line, b.Line))
	})
	for k := range all {
		all[k].ID = engine.ID(k + 1)
	}
	g.ds.Sales = all
}

// Summary says in one line what the data set holds, for the command line
// and the log after loading it.
func (ds *Dataset) Summary() string {
	return fmt.Sprintf("%d partners, %d reps, %d products, %d programs, %d sales lines, %d registrations, %d trainings, %d activities, %d tier changes",
		len(ds.Partners), len(ds.Reps), len(ds.Products), len(ds.Programs), len(ds.Sales), len(ds.Registrations),
		len(ds.Trainings), len(ds.Activities), len(ds.TierHistory))
}
