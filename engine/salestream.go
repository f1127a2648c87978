package engine

import (
	"fmt"
	"math"
	"slices"

	"github.com/shopspring/decimal"
)

// SaleStream computes a period from sales handed over one at a time, so
// that a caller reading a million stored sales never holds them all: each
// sale is reduced as it comes to the record the rules read (saleRec, 48
// bytes without a pointer), and only the few that a slow path reads whole
// (credit splits, a registration, a figure beyond int64, a return naming
// its invoice) are copied. Compute is NewSaleStream then Finish; the
// result does not depend on the order of the sales.
type SaleStream struct {
	c        *computer
	added    int
	finished bool
}

// saleChunk is how many sale records one allocation holds: the records
// grow chunk by chunk and are never copied, however many sales come.
const saleChunk = 1 << 14

// NewSaleStream starts the computation of in's period; in.Sales, if any,
// are added at once. Originals and ClosedLines may also come at Finish,
// once the caller has seen which invoices the streamed returns name.
func NewSaleStream(in Inputs) (*SaleStream, error) {
	c := &computer{in: &in, cur: in.Company.Currency, period: in.Period, fy: in.Company.FiscalYearStart}
	if c.cur.Code == "" {
		return nil, fmt.Errorf("compute %s: the company has no currency", in.Period.Key)
	}
	if in.Period.End < in.Period.Start || in.Period.Key == "" {
		return nil, fmt.Errorf("compute: period %q has no valid span", in.Period.Key)
	}
	c.index()
	if hasReferral(in.Programs) {
		c.cust = newCustomerIndex()
		for i := range in.CustomerFirstSales {
			s := &in.CustomerFirstSales[i]
			c.cust.consider(c, c.cust.idOf(s), s)
		}
	}
	st := &SaleStream{c: c}
	for i := range in.Sales {
		st.Add(&in.Sales[i])
	}
	return st, nil
}

// hasReferral reports whether a rule of ps pays referrals, which is what
// needs the customers numbered and their first sales.
func hasReferral(ps []Program) bool {
	for i := range ps {
		for j := range ps[i].Rules {
			if ps[i].Rules[j].Kind == RuleReferral {
				return true
			}
		}
	}
	return false
}

// Add hands over one sale: those dated in the period and the late sales
// dated before it (Booked set), as Inputs.Sales holds them. s is copied
// where needed; the caller may reuse it.
func (st *SaleStream) Add(s *Sale) {
	st.added++
	c := st.c
	if s.OriginalInvoice != "" && s.IsReturn() {
		// Where a return counts, and on which day, follows its original
		// line, which the caller may only read after the stream (Finish).
		c.pending = append(c.pending, *s)
		return
	}
	c.classify(s)
}

// Len is the number of sales added.
func (st *SaleStream) Len() int { return st.added }

// Finish computes the period once every sale has been added. originals
// and closedLines add to the inputs' Originals and ClosedLines. A stream
// finishes once.
func (st *SaleStream) Finish(originals []Sale, closedLines []RewardLine) (Result, error) {
	if st.finished {
		return Result{}, fmt.Errorf("compute %s: the sales were already computed", st.c.period.Key)
	}
	st.finished = true
	c := st.c
	if len(originals) > 0 {
		c.in.Originals = slices.Concat(c.in.Originals, originals)
	}
	if len(closedLines) > 0 {
		c.in.ClosedLines = slices.Concat(c.in.ClosedLines, closedLines)
	}
	for i := range c.pending {
		c.classify(&c.pending[i])
	}
	c.pending = nil
	c.finishSales()
	return c.compute()
}

// classify is where a sale counts (SPEC: Periods): in its own period while
// that is open; a return of a sale whose period is closed claws back at
// that period's effective rate; a late sale adjusts the first open period
// after its own. It also shows the customers each sale dated before the
// period: a late sale may be a customer's first.
func (c *computer) classify(s *Sale) {
	if c.cust != nil && s.Date < c.period.Start {
		c.cust.consider(c, c.cust.idOf(s), s)
	}
	switch {
	case c.period.Contains(s.Date):
		if len(c.in.ClosedPeriods) > 0 && s.OriginalInvoice != "" && s.IsReturn() {
			if o := c.original(s); o != nil && !c.period.Contains(o.Date) {
				if g, closed := c.kindPeriod(o.Date); closed {
					c.adjSales = append(c.adjSales, adjSale{full: c.keep(s), orig: o.Date, rateKey: g.Key, invoice: s.OriginalInvoice})
					return
				}
			}
		}
		c.addBasis(s)
	case s.Date < c.period.Start && s.Booked != 0:
		h, closed := c.kindPeriod(s.Date)
		if !closed || !c.lateTarget(s, h) {
			return
		}
		a := adjSale{orig: s.Date, rateKey: h.Key, late: true, invoice: s.Invoice}
		if s.OriginalInvoice != "" && s.IsReturn() {
			if o := c.original(s); o != nil {
				if g, closed := c.kindPeriod(o.Date); closed {
					a.orig, a.rateKey, a.late, a.invoice = o.Date, g.Key, false, s.OriginalInvoice
				}
			}
		}
		a.full = c.keep(s)
		c.adjSales = append(c.adjSales, a)
	}
}

// keep copies a sale the slow paths read whole and returns its index in kept.
func (c *computer) keep(s *Sale) int32 {
	c.kept = append(c.kept, *s)
	return int32(len(c.kept) - 1)
}

// original returns the line return s gives back, among the inputs' originals.
func (c *computer) original(s *Sale) *Sale {
	if c.originals == nil {
		c.originals = make(map[invKey][]Sale)
		for _, o := range c.in.Originals {
			k := invKey{o.PartnerID, o.Invoice}
			c.originals[k] = append(c.originals[k], o)
		}
	}
	return originalLine(c.originals[invKey{s.PartnerID, s.OriginalInvoice}], s)
}

// invKey names an invoice of a partner.
type invKey struct {
	partner ID
	invoice string
}

// addBasis records a sale that counts in the period's basis. A return is
// tested against the rules' windows on its original line's date (SPEC
// decision D2: a return of a sale that earned inside a window is netted
// even when the return is dated after it); the period it counts in still
// follows its own date.
func (c *computer) addBasis(s *Sale) {
	r := saleRec{date: s.Date, partner: c.partnerIndex(s.PartnerID), rep: c.repIndex(s.RepID), product: c.productIndex(s.ProductID),
		cust: -1, full: -1, class: classOf(s), splits: len(s.Splits) > 0, ret: s.IsReturn()}
	if r.ret && s.OriginalInvoice != "" && len(c.in.Originals) > 0 {
		if o := c.original(s); o != nil && o.Date < s.Date {
			r.date = o.Date
		}
	}
	var okNet, okQty bool
	r.net, r.netExp, r.netDigits, okNet = rawFigure(s.Net)
	r.qty, r.qtyExp, r.qtyDigits, okQty = rawFigure(s.Quantity)
	if r.splits || s.RegistrationID != 0 || !okNet || !okQty {
		r.full = c.keep(s)
	}
	if c.cust != nil {
		r.cust = c.cust.idOf(s)
		c.cust.consider(c, r.cust, s)
	}
	if n := len(c.sales); n == 0 || len(c.sales[n-1]) == saleChunk {
		c.sales = append(c.sales, make([]saleRec, 0, saleChunk))
	}
	last := &c.sales[len(c.sales)-1]
	*last = append(*last, r)
}

// rawFigure returns d's coefficient, exponent and number of digits, and
// whether they fit the record (a coefficient of at most 18 digits).
func rawFigure(d decimal.Decimal) (int64, int8, uint8, bool) {
	e := d.Exponent()
	if e < math.MinInt8 || e > math.MaxInt8 {
		return 0, 0, 0, false
	}
	n := d.NumDigits()
	if n > 18 {
		return 0, 0, 0, false
	}
	return d.CoefficientInt64(), int8(e), uint8(n), true
}

// finishSales turns the records' raw figures into scaled integers: the
// most decimals any net (and quantity) of the basis has, up to
// maxFastScale, is the scale every fast record is summed at. A record
// whose figure cannot be scaled exactly keeps its raw coefficient and
// takes the exact decimal path; so do all, should the sums risk overflow.
func (c *computer) finishSales() {
	var netScale, qtyScale int32
	for _, ch := range c.sales {
		for i := range ch {
			r := &ch[i]
			netScale = max(netScale, min(c.recScale(r, false), maxFastScale))
			qtyScale = max(qtyScale, min(c.recScale(r, true), maxFastScale))
		}
	}
	c.netScale, c.qtyScale = netScale, qtyScale
	var sumNet, sumQty uint64
	for _, ch := range c.sales {
		for i := range ch {
			r := &ch[i]
			n, ok1 := scaledRaw(r.net, r.netExp, r.netDigits, netScale)
			q, ok2 := scaledRaw(r.qty, r.qtyExp, r.qtyDigits, qtyScale)
			if r.fast = ok1 && ok2; !r.fast {
				continue
			}
			r.net, r.qty = n, q
			// Each figure is below 10^17 < 2^57, so adding only while the
			// sums are under fastLimit (2^62) never wraps a uint64.
			if sumNet < fastLimit {
				sumNet += uint64(abs64(n))
			}
			if sumQty < fastLimit {
				sumQty += uint64(abs64(q))
			}
		}
	}
	if sumNet < fastLimit && sumQty < fastLimit {
		return
	}
	for _, ch := range c.sales {
		for i := range ch {
			if r := &ch[i]; r.fast {
				r.fast = false
				r.net /= pow10[netScale+int32(r.netExp)]
				r.qty /= pow10[qtyScale+int32(r.qtyExp)]
			}
		}
	}
}

// recScale is the number of decimal places a record's net (or quantity)
// is written with.
func (c *computer) recScale(r *saleRec, qty bool) int32 {
	switch {
	case qty && r.qtyDigits == 0:
		return scaleOf(c.kept[r.full].Quantity)
	case qty:
		return max(-int32(r.qtyExp), 0)
	case r.netDigits == 0:
		return scaleOf(c.kept[r.full].Net)
	}
	return max(-int32(r.netExp), 0)
}

// scaledRaw is scaled on a raw figure: coef x 10^(exp+scale) as an int64,
// and whether that is exact and below 10^17. digits 0 is a figure the
// record does not hold.
func scaledRaw(coef int64, exp int8, digits uint8, scale int32) (int64, bool) {
	shift := scale + int32(exp)
	if digits == 0 || shift < 0 || shift > 17 || int32(digits)+shift > 17 {
		return 0, false
	}
	return coef * pow10[shift], true
}

// recFigure returns a record's net (or quantity) as the exact decimal the
// sale holds.
func (c *computer) recFigure(r *saleRec, qty bool) decimal.Decimal {
	if r.full >= 0 {
		if qty {
			return c.kept[r.full].Quantity
		}
		return c.kept[r.full].Net
	}
	v, e, scale := r.net, r.netExp, c.netScale
	if qty {
		v, e, scale = r.qty, r.qtyExp, c.qtyScale
	}
	if r.fast {
		v /= pow10[scale+int32(e)]
	}
	return decimal.New(v, int32(e))
}

// customerIndex numbers the customers once per computation: each period
// sale's customer as a dense index (saleRec.cust, -1 for none), and each
// customer's name and first sale by index. Referral rules then walk a
// million sales with slice lookups instead of hashing names.
type customerIndex struct {
	names []string
	first []firstSale // by customer; has is false when the customer has none
	// firstDate is, by customer, first[i].date, or noFirst when it has
	// none: four bytes a customer, so that consider tells a later sale
	// (nearly every one) without reading the 48-byte record.
	firstDate []Date
	ids       map[string]int32
	// byCode is, by Sale.CustomerCode, the customer's index + 1 (0: not
	// seen yet).
	byCode []int32
	// prev is the last name looked up: the lines of an invoice follow
	// each other and name the same customer.
	prev   string
	prevID int32
}

func newCustomerIndex() *customerIndex {
	return &customerIndex{ids: make(map[string]int32), prevID: -1}
}

// id returns the index of a customer, numbering a new one (-1: no name).
func (ci *customerIndex) id(name string) int32 {
	if name == "" {
		return -1
	}
	if ci.prevID >= 0 && name == ci.prev {
		return ci.prevID
	}
	i, ok := ci.ids[name]
	if !ok {
		i = int32(len(ci.names))
		ci.ids[name] = i
		ci.names = append(ci.names, name)
		ci.first = append(ci.first, firstSale{product: -1, referrer: -1})
		ci.firstDate = append(ci.firstDate, noFirst)
	}
	ci.prev, ci.prevID = name, i
	return i
}

// noFirst is customerIndex.firstDate of a customer without a first sale:
// no sale's date is later.
const noFirst = Date(math.MaxInt32)

// maxCustomerCode bounds byCode; a customer with a higher code is
// looked up by name.
const maxCustomerCode = 1 << 24

// idOf returns the index of a sale's customer (id), through its code
// when the store gave one.
func (ci *customerIndex) idOf(s *Sale) int32 {
	code := s.CustomerCode
	if code == 0 || code >= maxCustomerCode || s.Customer == "" {
		return ci.id(s.Customer)
	}
	if int(code) < len(ci.byCode) {
		if i := ci.byCode[code]; i > 0 {
			return i - 1
		}
	} else {
		ci.byCode = append(ci.byCode, make([]int32, max(int(code)+1, 2*len(ci.byCode))-len(ci.byCode))...)
	}
	i := ci.id(s.Customer)
	ci.byCode[code] = i + 1
	return i
}

// lookup returns the index of a customer by name, -1 when it has none.
func (ci *customerIndex) lookup(name string) int32 {
	if i, ok := ci.ids[name]; ok && name != "" {
		return i
	}
	return -1
}

// consider makes s customer i's first sale if it is earlier (date, then
// id) than the one known; returns never count. The referrer is the
// partner whose referral code the sale carries, else the sale's partner.
func (ci *customerIndex) consider(c *computer, i int32, s *Sale) {
	if i < 0 || ci.firstDate[i] < s.Date {
		// A first sale before s is known (noFirst is no date's).
		return
	}
	if s.IsReturn() {
		return
	}
	old := &ci.first[i]
	if old.has && (old.date < s.Date || old.date == s.Date && old.id <= s.ID) {
		return
	}
	ci.firstDate[i] = s.Date
	ref := c.partnerIndex(s.PartnerID)
	if s.ReferralCode != "" {
		if pi, ok := c.byCode[s.ReferralCode]; ok {
			ref = pi
		}
	}
	*old = firstSale{has: true, newCust: s.NewCustomer, class: classOf(s), date: s.Date, booked: s.BookDate(), id: s.ID,
		invoice: s.Invoice, product: c.productIndex(s.ProductID), referrer: ref}
}

// customers returns the customer index (empty when no rule pays referrals).
func (c *computer) customers() *customerIndex {
	if c.cust == nil {
		c.cust = newCustomerIndex()
	}
	return c.cust
}
