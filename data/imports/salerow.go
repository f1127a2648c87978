package imports

import (
	"slices"
	"strings"
	"sync"

	"partnerdesk/data/sheet"
	"partnerdesk/engine"
)

// saleRow is a sales row as the goroutine reading ahead makes it (see
// readAhead): the sale as far as the row and the reference records tell,
// and the row's problems found on the way, in the order the conversion
// reports them when it reaches the row. What depends on the rows before
// (the line number of a row without one, duplicates, returns) or on the
// store (closed periods, stored lines) is left to the conversion.
type saleRow struct {
	// sale.Line is the line column's number: -1 when the cell is empty
	// or bad, 0 when no line can be given (no partner or no invoice).
	sale      engine.Sale
	partnerOK bool
	// errs are the row's problems; errs[:beforeDup] come before the
	// duplicate check, the rest after it.
	errs      []RowError
	beforeDup int
	failed    []string // the fields found bad
	booked    dateHit
	// checked: engine.PrecheckSale found nothing (nor did the reading),
	// so engine.CheckSaleContext completes the check.
	checked bool
}

// aheadReader is the conversion's state on the goroutine reading ahead: a
// copy of the converter with its own row state and caches, a lookup
// shared under a lock, and what engine.PrecheckSale asks, each record
// asked once.
type aheadReader struct {
	c     *converter
	memo  map[string]dateHit
	refs  aheadRefs
	cells saleCells
	// The amount cells read, by text: quantities repeat, and so do a
	// product's prices. A decimal is never changed, so rows share it.
	quantities, money map[string]amountCell
}

// aheadReader returns the reader for c, whose lookup it shares as look.
func (c *converter) aheadReader(look Lookup) *aheadReader {
	rc := *c
	rc.look = look
	rc.errs, rc.refused, rc.unread, rc.dates = nil, nil, nil, nil
	rc.failed = map[string]bool{}
	rc.partnerCache, rc.productCache = map[string]*partnerHit{}, map[string]*productHit{}
	rc.repCache, rc.codeCache = map[repRef]repHit{}, map[string]partnerHit{}
	return &aheadReader{c: &rc, memo: map[string]dateHit{},
		quantities: map[string]amountCell{}, money: map[string]amountCell{}, refs: aheadRefs{look: look,
			partners: map[engine.ID]*answer[engine.Partner]{}, reps: map[engine.ID]*answer[engine.Rep]{},
			products: map[engine.ID]*answer[engine.Product]{}, registrations: map[engine.ID]*answer[engine.Registration]{}}}
}

// read reads row r into p: every column of a sale in the order the
// conversion always read them, each problem noted as the conversion
// notes it.
//
// It is long because it reads each column of a sale row in turn (partner,
// rep, product, customer, dates, amounts, splits); a helper per column
// would pass the row's state around.
func (a *aheadReader) read(r sheet.Row, p *saleRow) {
	c := a.c
	*p = saleRow{} // held rows are read into one saleRow (see readAhead)
	c.errs, c.rowBad = c.errs[:0], false
	if len(c.failed) > 0 {
		clear(c.failed)
	}
	c.cellsFit(r)
	s := &p.sale
	s.Date, _ = c.useDate(r, fDate, true, c.readDate(r, fDate, a.memo))

	// The partner by name, id or referral code; or by the referral code column.
	code := c.text(r, "referral_code")
	s.ReferralCode = code
	ref := c.cell(r, fPartner)
	partnerOK := false
	switch {
	case ref != "":
		p, byCode, ok := c.partner(ref)
		if !ok {
			c.fail(r, fPartner, "no partner has the name, id or referral code %q", ref)
		} else {
			s.PartnerID, partnerOK = p.ID, true
			if byCode && code == "" {
				s.ReferralCode = p.ReferralCode
			}
		}
	case code != "":
		if p, ok := c.partnerByCode(code); ok {
			s.PartnerID, partnerOK = p.ID, true
		} else {
			c.fail(r, "referral_code", "no partner has the referral code %q", code)
		}
	default:
		c.fail(r, fPartner, "partner is required (a name, id or referral code)")
	}

	if rep := c.cell(r, fRep); rep != "" && partnerOK {
		if rp, why := c.rep(s.PartnerID, rep); why != "" {
			c.fail(r, fRep, "%s", why)
		} else {
			s.RepID = rp.ID
		}
	}
	s.Customer, _ = c.required(r, fCustomer)
	s.NewCustomer = c.boolean(r, "new_customer", false)
	s.NewProduct = c.boolean(r, "new_product", false)
	if sku := c.cell(r, "product"); sku == "" {
		c.fail(r, "product", "%s is required", "product")
	} else if p, ok := c.product(sku); ok {
		s.ProductID = p.ID
	} else {
		c.fail(r, "product", "no product has the SKU or id %q", sku)
	}

	cells := &a.cells
	cells.qty, cells.price, cells.net = a.amount(r, "quantity"), a.amount(r, "unit_price"), a.amount(r, "net")
	c.saleAmounts(r, s, cells)

	s.Invoice, _ = c.required(r, "invoice")
	s.OriginalInvoice = c.text(r, "original_invoice")
	if partnerOK && s.Invoice != "" {
		// Read only when a line number can be given (see sales).
		s.Line = c.integer(r, "line", -1)
	}
	p.partnerOK = partnerOK
	p.beforeDup = len(c.errs)

	if reg := c.cell(r, "registration"); reg != "" {
		if id, ok := parseID(reg, "DR", "G"); ok {
			s.RegistrationID = id
		} else {
			c.fail(r, "registration", "no deal registration has the id %q", reg)
		}
	}
	if sp := c.cell(r, "splits"); sp != "" {
		s.Splits = c.splits(r, sp)
	}
	p.booked = c.readDate(r, "booked", a.memo)

	if c.rowBad {
		p.errs = slices.Clone(c.errs)
		for f := range c.failed {
			p.failed = append(p.failed, f)
		}
		return
	}
	// A row read without a problem has every field read: nothing unread.
	p.checked = engine.PrecheckSale(s, c.cur, &a.refs)
}

// amount is readAmount, each distinct text of a column kind (quantity,
// money) read once, up to maxMemo texts.
func (a *aheadReader) amount(r sheet.Row, field string) amountCell {
	s := a.c.cell(r, field)
	memo := a.money
	if field == "quantity" {
		memo = a.quantities
	}
	h, ok := memo[s]
	if !ok {
		h = a.c.parseAmount(s, field)
		if len(memo) < maxMemo {
			memo[strings.Clone(s)] = h
		}
	}
	return h
}

// lockedLookup is the conversion's Lookup shared with the goroutine
// reading ahead: one call at a time, and none while the sink writes
// (sales holds mu then), since the sink writes to what the Lookup reads.
// The reader asks it only for a reference record it has not seen.
type lockedLookup struct {
	mu sync.Mutex
	l  Lookup
}

func (k *lockedLookup) Currency() engine.Currency {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.l.Currency()
}

func (k *lockedLookup) PartnerByID(id engine.ID) (engine.Partner, bool) {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.l.PartnerByID(id)
}

func (k *lockedLookup) PartnerByName(name string) (engine.Partner, bool) {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.l.PartnerByName(name)
}

func (k *lockedLookup) PartnerByReferralCode(code string) (engine.Partner, bool) {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.l.PartnerByReferralCode(code)
}

func (k *lockedLookup) RepByID(id engine.ID) (engine.Rep, bool) {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.l.RepByID(id)
}

func (k *lockedLookup) RepByName(partner engine.ID, name string) (engine.Rep, bool) {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.l.RepByName(partner, name)
}

func (k *lockedLookup) ProductByID(id engine.ID) (engine.Product, bool) {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.l.ProductByID(id)
}

func (k *lockedLookup) ProductBySKU(sku string) (engine.Product, bool) {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.l.ProductBySKU(sku)
}

func (k *lockedLookup) RegistrationByID(id engine.ID) (engine.Registration, bool) {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.l.RegistrationByID(id)
}

func (k *lockedLookup) SaleLineExists(partner engine.ID, invoice string, line int) (engine.ID, bool) {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.l.SaleLineExists(partner, invoice, line)
}

func (k *lockedLookup) InvoiceLines(partner engine.ID, invoice string) []engine.Sale {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.l.InvoiceLines(partner, invoice)
}

func (k *lockedLookup) ReturnsOf(partner engine.ID, invoice string) []engine.Sale {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.l.ReturnsOf(partner, invoice)
}

func (k *lockedLookup) IsClosed(d engine.Date) bool {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.l.IsClosed(d)
}

// add gives rec to sink under the lock.
func (k *lockedLookup) add(sink Sink, rec any, line int) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	return sink.Add(rec, line)
}

// answer is a reference record aheadRefs asked for, and whether it exists.
type answer[T any] struct {
	v  T
	ok bool
}

// aheadRefs answers engine.PrecheckSale on the goroutine reading ahead:
// the reference records do not change during a sales import, so each is
// asked of the shared lookup once. The answers are kept by pointer: a
// record is a few hundred bytes, copied out of a map at each look-up
// otherwise.
type aheadRefs struct {
	look          Lookup
	partners      map[engine.ID]*answer[engine.Partner]
	reps          map[engine.ID]*answer[engine.Rep]
	products      map[engine.ID]*answer[engine.Product]
	registrations map[engine.ID]*answer[engine.Registration]
}

// remember returns the answer for id kept in m, asking ask the first time.
func remember[T any](m map[engine.ID]*answer[T], id engine.ID, ask func(engine.ID) (T, bool)) (T, bool) {
	x := m[id]
	if x == nil {
		x = new(answer[T])
		x.v, x.ok = ask(id)
		m[id] = x
	}
	return x.v, x.ok
}

func (a *aheadRefs) PartnerByID(id engine.ID) (engine.Partner, bool) {
	return remember(a.partners, id, a.look.PartnerByID)
}

func (a *aheadRefs) RepByID(id engine.ID) (engine.Rep, bool) {
	return remember(a.reps, id, a.look.RepByID)
}

func (a *aheadRefs) ProductByID(id engine.ID) (engine.Product, bool) {
	return remember(a.products, id, a.look.ProductByID)
}

func (a *aheadRefs) RegistrationByID(id engine.ID) (engine.Registration, bool) {
	return remember(a.registrations, id, a.look.RegistrationByID)
}

// repRef and repHit cache the reader's rep references (converter.rep).
type (
	repRef struct {
		partner engine.ID
		ref     string
	}
	repHit struct {
		r   engine.Rep
		why string
	}
)

// partnerByCode is Lookup.PartnerByReferralCode, remembered by the
// reader (codeCache).
func (c *converter) partnerByCode(code string) (engine.Partner, bool) {
	if c.codeCache == nil {
		return c.look.PartnerByReferralCode(code)
	}
	if h, ok := c.codeCache[code]; ok {
		return h.p, h.ok
	}
	p, ok := c.look.PartnerByReferralCode(code)
	c.codeCache[strings.Clone(code)] = partnerHit{p: p, ok: ok}
	return p, ok
}
