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

// monthOf returns the window month (0-11) containing d.
func (g *gen) monthOf(d engine.Date) int {
	for m := 11; m > 0; m-- {
		if d >= g.monthStart(m) {
			return m
		}
	}
	return 0
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
		TaxID:           demoCompanyTaxID,
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
			Address:        partnerAddress(s),
			TaxID:          partnerTaxID(s),
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

// Summary says in one line what the data set holds, for the command line
// and the log after loading it.
func (ds *Dataset) Summary() string {
	return fmt.Sprintf("%d partners, %d reps, %d products, %d programs, %d sales lines, %d registrations, %d trainings, %d activities, %d tier changes",
		len(ds.Partners), len(ds.Reps), len(ds.Products), len(ds.Programs), len(ds.Sales), len(ds.Registrations),
		len(ds.Trainings), len(ds.Activities), len(ds.TierHistory))
}
