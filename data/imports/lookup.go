package imports

import (
	"strings"
	"unicode/utf8"

	"partnerdesk/engine"
)

// Lookup answers the questions a conversion asks about what is already
// stored. The app implements it over the store (or loads a MemLookup from
// it); every method must be safe to call many times per file, so a store
// implementation should read inside one transaction or cache.
type Lookup interface {
	// Currency is the company's currency; computed net amounts are rounded to it.
	Currency() engine.Currency
	PartnerByID(id engine.ID) (engine.Partner, bool)
	// PartnerByName matches ignoring case and runs of spaces (see FoldName).
	PartnerByName(name string) (engine.Partner, bool)
	// PartnerByReferralCode matches ignoring case.
	PartnerByReferralCode(code string) (engine.Partner, bool)
	RepByID(id engine.ID) (engine.Rep, bool)
	// RepByName finds a rep of partner by name, ignoring case and runs of spaces.
	RepByName(partner engine.ID, name string) (engine.Rep, bool)
	ProductByID(id engine.ID) (engine.Product, bool)
	// ProductBySKU matches ignoring case.
	ProductBySKU(sku string) (engine.Product, bool)
	RegistrationByID(id engine.ID) (engine.Registration, bool)
	// SaleLineExists returns the stored sale with this partner, invoice and line.
	SaleLineExists(partner engine.ID, invoice string, line int) (engine.ID, bool)
	// InvoiceLines returns the partner's stored sales on invoice.
	InvoiceLines(partner engine.ID, invoice string) []engine.Sale
	// ReturnsOf returns the partner's stored returns naming invoice as original.
	ReturnsOf(partner engine.ID, invoice string) []engine.Sale
	// IsClosed reports whether d falls in a closed period.
	IsClosed(d engine.Date) bool
}

// A Lookup answers every question engine.CheckSale asks.
var _ engine.SaleFacts = Lookup(nil)

// FoldName is the key names are matched on: engine.FoldName (case and
// accents aside, as the form and the engine compare names), spaces trimmed
// and runs of spaces made one.
func FoldName(s string) string {
	f := engine.FoldName(s)
	if singleSpaced(f) {
		return f // what Fields and Join would give, without their copies
	}
	return strings.Join(strings.Fields(f), " ")
}

// singleSpaced reports whether s is ASCII with no white space but single
// spaces between words, which strings.Fields and Join give back as is.
func singleSpaced(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf:
			return false
		case c == ' ':
			if i == 0 || i == len(s)-1 || s[i+1] == ' ' {
				return false
			}
		case c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
			return false
		}
	}
	return true
}

// MemLookup is a Lookup over records held in memory: the tests' fake, and
// what the app can load from the store once per import so that a 100,000
// row file costs map look-ups, not reads.
type MemLookup struct {
	Cur           engine.Currency
	partners      map[engine.ID]engine.Partner
	partnerByName map[string]engine.ID
	partnerByCode map[string]engine.ID
	reps          map[engine.ID]engine.Rep
	repByName     map[repKey]engine.ID
	products      map[engine.ID]engine.Product
	productBySKU  map[string]engine.ID
	registrations map[engine.ID]engine.Registration
	saleLines     map[saleKey]engine.ID
	invoices      map[invKey][]engine.Sale // by partner and invoice
	returns       map[invKey][]engine.Sale // by partner and original invoice
	closed        []engine.Period
}

type invKey struct {
	partner engine.ID
	invoice string
}

type repKey struct {
	partner engine.ID
	name    string
}

type saleKey struct {
	partner engine.ID
	invoice string
	line    int
}

// NewMemLookup returns an empty MemLookup for currency cur.
func NewMemLookup(cur engine.Currency) *MemLookup {
	return &MemLookup{
		Cur:           cur,
		partners:      map[engine.ID]engine.Partner{},
		partnerByName: map[string]engine.ID{},
		partnerByCode: map[string]engine.ID{},
		reps:          map[engine.ID]engine.Rep{},
		repByName:     map[repKey]engine.ID{},
		products:      map[engine.ID]engine.Product{},
		productBySKU:  map[string]engine.ID{},
		registrations: map[engine.ID]engine.Registration{},
		saleLines:     map[saleKey]engine.ID{},
		invoices:      map[invKey][]engine.Sale{},
		returns:       map[invKey][]engine.Sale{},
	}
}

// AddPartner, AddRep, AddProduct, AddRegistration, AddSale and AddClosed
// load records; each returns the lookup for chaining.
func (l *MemLookup) AddPartner(p engine.Partner) *MemLookup {
	l.partners[p.ID] = p
	l.partnerByName[FoldName(p.Name)] = p.ID
	if p.ReferralCode != "" {
		l.partnerByCode[strings.ToLower(strings.TrimSpace(p.ReferralCode))] = p.ID
	}
	return l
}

// AddRep loads a rep.
func (l *MemLookup) AddRep(r engine.Rep) *MemLookup {
	l.reps[r.ID] = r
	l.repByName[repKey{r.PartnerID, FoldName(r.Name)}] = r.ID
	return l
}

// AddProduct loads a product.
func (l *MemLookup) AddProduct(p engine.Product) *MemLookup {
	l.products[p.ID] = p
	l.productBySKU[FoldName(p.SKU)] = p.ID
	return l
}

// AddRegistration loads a deal registration.
func (l *MemLookup) AddRegistration(r engine.Registration) *MemLookup {
	l.registrations[r.ID] = r
	return l
}

// AddSale loads a stored sale.
func (l *MemLookup) AddSale(s engine.Sale) *MemLookup {
	l.saleLines[saleKey{s.PartnerID, strings.TrimSpace(s.Invoice), s.Line}] = s.ID
	k := invKey{s.PartnerID, strings.TrimSpace(s.Invoice)}
	l.invoices[k] = append(l.invoices[k], s)
	if o := strings.TrimSpace(s.OriginalInvoice); o != "" {
		k := invKey{s.PartnerID, o}
		l.returns[k] = append(l.returns[k], s)
	}
	return l
}

// InvoiceLines implements Lookup.
func (l *MemLookup) InvoiceLines(partner engine.ID, invoice string) []engine.Sale {
	return l.invoices[invKey{partner, strings.TrimSpace(invoice)}]
}

// ReturnsOf implements Lookup.
func (l *MemLookup) ReturnsOf(partner engine.ID, invoice string) []engine.Sale {
	return l.returns[invKey{partner, strings.TrimSpace(invoice)}]
}

// AddClosed marks a period closed.
func (l *MemLookup) AddClosed(p engine.Period) *MemLookup {
	l.closed = append(l.closed, p)
	return l
}

// Currency implements Lookup.
func (l *MemLookup) Currency() engine.Currency { return l.Cur }

// PartnerByID implements Lookup.
func (l *MemLookup) PartnerByID(id engine.ID) (engine.Partner, bool) {
	p, ok := l.partners[id]
	return p, ok
}

// PartnerByName implements Lookup.
func (l *MemLookup) PartnerByName(name string) (engine.Partner, bool) {
	id, ok := l.partnerByName[FoldName(name)]
	if !ok {
		return engine.Partner{}, false
	}
	return l.PartnerByID(id)
}

// PartnerByReferralCode implements Lookup.
func (l *MemLookup) PartnerByReferralCode(code string) (engine.Partner, bool) {
	id, ok := l.partnerByCode[strings.ToLower(strings.TrimSpace(code))]
	if !ok {
		return engine.Partner{}, false
	}
	return l.PartnerByID(id)
}

// RepByID implements Lookup.
func (l *MemLookup) RepByID(id engine.ID) (engine.Rep, bool) {
	r, ok := l.reps[id]
	return r, ok
}

// RepByName implements Lookup.
func (l *MemLookup) RepByName(partner engine.ID, name string) (engine.Rep, bool) {
	id, ok := l.repByName[repKey{partner, FoldName(name)}]
	if !ok {
		return engine.Rep{}, false
	}
	return l.RepByID(id)
}

// ProductByID implements Lookup.
func (l *MemLookup) ProductByID(id engine.ID) (engine.Product, bool) {
	p, ok := l.products[id]
	return p, ok
}

// ProductBySKU implements Lookup.
func (l *MemLookup) ProductBySKU(sku string) (engine.Product, bool) {
	id, ok := l.productBySKU[FoldName(sku)]
	if !ok {
		return engine.Product{}, false
	}
	return l.ProductByID(id)
}

// RegistrationByID implements Lookup.
func (l *MemLookup) RegistrationByID(id engine.ID) (engine.Registration, bool) {
	r, ok := l.registrations[id]
	return r, ok
}

// SaleLineExists implements Lookup.
func (l *MemLookup) SaleLineExists(partner engine.ID, invoice string, line int) (engine.ID, bool) {
	id, ok := l.saleLines[saleKey{partner, strings.TrimSpace(invoice), line}]
	return id, ok
}

// IsClosed implements Lookup.
func (l *MemLookup) IsClosed(d engine.Date) bool {
	for _, p := range l.closed {
		if p.Contains(d) {
			return true
		}
	}
	return false
}
