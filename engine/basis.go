package engine

import (
	"math"

	"github.com/shopspring/decimal"
)

// The matrix classes of a sale line: customer x product newness.
const (
	classNewNew = iota
	classNewExisting
	classExistingNew
	classExistingExisting
)

// maxFastScale is the most decimal places a figure may have to be summed as
// a scaled int64; figures with more decimals take the exact decimal path.
const maxFastScale = 6

// fastLimit bounds the sum of absolute scaled figures, so that no int64
// accumulator can overflow whatever the order of the sales.
const fastLimit = uint64(1) << 62

var pow10 = [...]int64{1, 10, 100, 1000, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18}

// saleRec is a sale reduced to dense indexes and scaled integers, so that
// thirty rules can walk a million sales without touching a big.Int or
// following a pointer. It holds no pointer: the garbage collector never
// scans the million of them.
type saleRec struct {
	// net and qty are Net and Quantity x 10^netScale (qtyScale) when fast;
	// otherwise the raw coefficients (netDigits 0: not held, see full).
	net, qty int64
	date     Date
	partner  int32 // index into computer.partners, -1 unknown
	rep      int32 // index into computer.reps, -1 none or unknown
	product  int32 // index into computer.products, -1 unknown
	cust     int32 // index into computer.cust, -1 none
	// full is the sale's index in computer.kept, -1 when not kept: it is
	// kept when it splits its credit, links a registration or has a
	// figure beyond 18 digits.
	full                 int32
	netExp, qtyExp       int8
	netDigits, qtyDigits uint8
	class                uint8
	fast                 bool // net and qty are exact scaled integers
	splits               bool
	ret                  bool // a return: counts as -1 deal
}

// classOf returns a sale's matrix class.
func classOf(s *Sale) uint8 {
	switch {
	case s.NewCustomer && s.NewProduct:
		return classNewNew
	case s.NewCustomer:
		return classNewExisting
	case s.NewProduct:
		return classExistingNew
	}
	return classExistingExisting
}

// scaleOf is the number of decimal places d is written with.
func scaleOf(d decimal.Decimal) int32 {
	if e := d.Exponent(); e < 0 {
		return -e
	}
	return 0
}

// scaled returns d x 10^scale as an int64 and whether that is exact and small
// enough (below 10^17) to be summed without overflow.
func scaled(d decimal.Decimal, scale int32) (int64, bool) {
	e := d.Exponent()
	shift := scale + e
	if shift < 0 || shift > 17 {
		return 0, false
	}
	if d.NumDigits()+int(shift) > 17 {
		return 0, false
	}
	return d.CoefficientInt64() * pow10[shift], true
}

func abs64(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}

// valueKind says what a rule sums from a sale line.
type valueKind uint8

const (
	valueNet   valueKind = iota // net amount
	valueQty                    // quantity
	valueDeals                  // one per line, minus one per return
)

// ruleMatch is a rule's filter resolved against the dense indexes once, so
// that matching a sale is a handful of slice lookups.
type ruleMatch struct {
	product  []bool // by product index
	partner  []bool // by partner index: eligible for the program and of a listed kind
	rep      []bool // by rep index: of a listed role; nil when roles do not filter
	class    [4]bool
	weight   [4]decimal.Decimal
	weighted bool // some weight differs from 1
	from, to Date // sale dates that count
	toRep    bool // the rep on the sale is the payee (the partner when none)
	value    valueKind
}

// newRuleMatch resolves rule r of program pc. Categories, SKUs, partner
// kinds and rep roles match under FoldName. A matrix cell weighs every
// line of its class, 0 included (the cell earns nothing).
func (c *computer) newRuleMatch(pc *progCtx, r *Rule, value valueKind, toRep bool, skus []string) *ruleMatch {
	// The sales of a period's basis are all dated in the period; a return
	// is matched on its original line's date (see addBasis), which
	// may lie before the period: the window a sale must fall in is the
	// program's validity, not the period.
	from, to := pc.p.ValidFrom, pc.p.ValidTo
	if to.IsZero() {
		to = Date(math.MaxInt32)
	}
	m := &ruleMatch{from: from, to: to, toRep: toRep, value: value}
	f := &r.Filter
	cats, listed, only := foldAll(f.Categories), foldAll(f.SKUs), foldAll(skus)
	m.product = make([]bool, len(c.products))
	for i := range c.products {
		p := &c.products[i]
		sku := FoldName(p.SKU)
		ok := len(cats) == 0 && len(listed) == 0 || cats[FoldName(p.Category)] || listed[sku]
		if skus != nil && !only[sku] {
			ok = false
		}
		m.product[i] = ok
	}
	kinds := foldAll(f.PartnerKinds)
	m.partner = make([]bool, len(c.partners))
	for i := range c.partners {
		m.partner[i] = pc.eligible[i] && (len(kinds) == 0 || kinds[FoldName(string(c.partners[i].Kind))])
	}
	if len(f.RepRoles) > 0 {
		roles := foldAll(f.RepRoles)
		m.rep = make([]bool, len(c.reps))
		for i := range c.reps {
			m.rep[i] = roles[FoldName(c.reps[i].Role)]
		}
	}
	for k := range 4 {
		isNewCust := k == classNewNew || k == classNewExisting
		isNewProd := k == classNewNew || k == classExistingNew
		m.class[k] = newOK(f.Customer, isNewCust) && newOK(f.Product, isNewProd)
		m.weight[k] = unitWeight
	}
	if r.Matrix != nil {
		m.weight = r.Matrix.weights()
		for _, w := range m.weight {
			if !w.Equal(unitWeight) {
				m.weighted = true
			}
		}
	}
	return m
}

// weigh returns v times the matrix weight of class k.
func (m *ruleMatch) weigh(v decimal.Decimal, k uint8) decimal.Decimal {
	if !m.weighted {
		return v
	}
	return v.Mul(m.weight[k])
}

func newOK(f NewFilter, isNew bool) bool {
	switch f {
	case FilterNew:
		return isNew
	case FilterExisting:
		return !isNew
	}
	return true
}

// basisAcc holds one rule's basis per payee slot: slots 0..partners-1 are
// partners, the rest reps.
type basisAcc struct {
	ints  [][4]int64 // scaled sums of fast lines by matrix class
	dec   []decimal.Decimal
	seen  []bool
	scale int32
}

func newBasisAcc(slots int, scale int32) *basisAcc {
	return &basisAcc{ints: make([][4]int64, slots), dec: make([]decimal.Decimal, slots), seen: make([]bool, slots), scale: scale}
}

// basis returns the exact basis of slot i.
func (a *basisAcc) basis(i int, m *ruleMatch) decimal.Decimal {
	b := a.dec[i]
	for k, v := range a.ints[i] {
		if v == 0 {
			continue
		}
		d := decimal.New(v, -a.scale)
		if m.weighted {
			d = d.Mul(m.weight[k])
		}
		b = b.Add(d)
	}
	return b
}

// recValue returns a record's figure as an exact decimal.
func (c *computer) recValue(r *saleRec, v valueKind) decimal.Decimal {
	switch v {
	case valueQty:
		return c.recFigure(r, true)
	case valueDeals:
		if r.ret {
			return decimal.NewFromInt(-1)
		}
		return decimal.NewFromInt(1)
	}
	return c.recFigure(r, false)
}

// credit is one payee's share of one sale line under one rule.
type credit struct {
	slot    int
	partner int32
	value   decimal.Decimal // weighted and shared
}

// credits returns the credits of a sale record under rule match m, or nil
// when the line does not match: SaleCredits' share of each payee, weighed
// by the line's matrix cell. It is the slow, exact path; accumulate uses it
// for split and non-fast lines and adjustments use it throughout.
func (c *computer) credits(r *saleRec, m *ruleMatch, dst []credit) []credit {
	dst = dst[:0]
	if r.product < 0 || !m.product[r.product] || !m.class[r.class] || r.date < m.from || r.date > m.to {
		return dst
	}
	w := unitWeight
	if m.weighted {
		w = m.weight[r.class]
	}
	if !r.splits {
		// One credit to the sale's partner and rep, as SaleCredits
		// gives it, with the indexes the record already holds.
		if slot, ok := c.slotFor(m, r.partner, r.rep); ok {
			dst = append(dst, credit{slot: slot, partner: r.partner, value: m.weigh(c.recValue(r, m.value), r.class)})
		}
		return dst
	}
	var buf [4]Credit
	for _, sc := range AppendSaleCredits(buf[:0], &c.kept[r.full], w) {
		pi := c.partnerIndex(sc.PartnerID)
		slot, ok := c.slotFor(m, pi, c.repIndex(sc.RepID))
		if !ok {
			continue
		}
		var v decimal.Decimal
		switch m.value {
		case valueQty:
			v = sc.Quantity
		case valueDeals:
			v = Percent(m.weigh(c.recValue(r, valueDeals), r.class), sc.Share)
		default:
			v = sc.Net
		}
		dst = append(dst, credit{slot: slot, partner: pi, value: v})
	}
	return dst
}

// slotFor returns the payee slot of a partner and rep under m.
func (c *computer) slotFor(m *ruleMatch, pi, ri int32) (int, bool) {
	if pi < 0 || !m.partner[pi] {
		return 0, false
	}
	if m.rep != nil && (ri < 0 || !m.rep[ri]) {
		return 0, false
	}
	if m.toRep && ri >= 0 {
		return len(c.partners) + int(ri), true
	}
	return int(pi), true
}

// accumulate sums the basis of every payee of a rule in one pass.
func (c *computer) accumulate(m *ruleMatch) *basisAcc {
	slots := len(c.partners)
	if m.toRep {
		slots += len(c.reps)
	}
	scale := c.netScale
	switch m.value {
	case valueQty:
		scale = c.qtyScale
	case valueDeals:
		scale = 0
	}
	a := newBasisAcc(slots, scale)
	var buf []credit
	for _, ch := range c.sales {
		c.accumulateChunk(a, m, ch, &buf)
	}
	return a
}

// accumulateChunk adds one chunk of records to a rule's basis.
func (c *computer) accumulateChunk(a *basisAcc, m *ruleMatch, ch []saleRec, buf *[]credit) {
	for i := range ch {
		r := &ch[i]
		if r.product < 0 || !m.product[r.product] || !m.class[r.class] || r.date < m.from || r.date > m.to {
			continue
		}
		if r.fast && !r.splits {
			slot, ok := c.slotFor(m, r.partner, r.rep)
			if !ok {
				continue
			}
			var v int64
			switch m.value {
			case valueNet:
				v = r.net
			case valueQty:
				v = r.qty
			default:
				v = 1
				if r.ret {
					v = -1
				}
			}
			a.ints[slot][r.class] += v
			a.seen[slot] = true
			continue
		}
		*buf = c.credits(r, m, *buf)
		for _, cr := range *buf {
			a.dec[cr.slot] = a.dec[cr.slot].Add(cr.value)
			a.seen[cr.slot] = true
		}
	}
}
