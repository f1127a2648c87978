// A sale line's rules, in one file: when a sale is valid (CheckSale, used
// by the form and the import alike) and whom it credits with how much
// (SaleCredits, used by every rule, dashboard and statement).

package engine

import (
	"fmt"
	"math"
	"strings"

	"github.com/shopspring/decimal"
)

// SaleRefs answers what checking a sale needs to know about the reference
// records it names: partners, reps, products and deal registrations.
type SaleRefs interface {
	PartnerByID(id ID) (Partner, bool)
	RepByID(id ID) (Rep, bool)
	ProductByID(id ID) (Product, bool)
	RegistrationByID(id ID) (Registration, bool)
}

// SaleFacts answers what checking a sale needs to know about what is
// already stored (and, during an import, about the file's earlier good
// rows). The app implements it over the store, the import over the store
// plus its pending rows.
type SaleFacts interface {
	SaleRefs
	// SaleLineExists returns the stored sale with this partner, invoice and line.
	SaleLineExists(partner ID, invoice string, line int) (ID, bool)
	// InvoiceLines returns the partner's sales whose invoice is invoice.
	InvoiceLines(partner ID, invoice string) []Sale
	// ReturnsOf returns the partner's returns that name invoice as their
	// original.
	ReturnsOf(partner ID, invoice string) []Sale
	// IsClosed reports whether d falls in a closed period.
	IsClosed(d Date) bool
}

// The fields a sale's validation errors name. The form maps them to its
// widgets, an import to the file's columns.
const (
	SaleFieldDate         = "date"
	SaleFieldBooked       = "booked"
	SaleFieldPartner      = "partner"
	SaleFieldRep          = "rep"
	SaleFieldCustomer     = "customer"
	SaleFieldProduct      = "product"
	SaleFieldQuantity     = "quantity"
	SaleFieldUnitPrice    = "unit_price"
	SaleFieldNet          = "net"
	SaleFieldInvoice      = "invoice"
	SaleFieldLine         = "line"
	SaleFieldRegistration = "registration"
	SaleFieldOriginal     = "original_invoice"
	SaleFieldSplits       = "splits"
)

// CheckSale is the one validation of a sale, whoever writes it: the form,
// the command line and every import. It returns every problem found, each
// naming its field. unread names the fields the caller could not read (it
// has reported them already): checks that need them are skipped, so one
// mistake is reported once.
//
// A return (negative quantity and net) names the original invoice of the
// same partner, which must have a line of the same product dated no later
// than the return; together with the earlier returns of that invoice and
// product it never gives back more than those lines sold, in quantity or
// in amount. A return follows the credit of the line it returns: with no
// rep and no splits of its own it takes the original line's rep and
// splits (CheckSale sets them on s); a different rep or different splits
// are refused.
func CheckSale(s *Sale, cur Currency, f SaleFacts, unread ...string) ValidationErrors {
	c := saleCheck{s: s, cur: cur, refs: f, facts: f, steps: stepRecord | stepContext}
	c.run(unread)
	return c.errs
}

// PrecheckSale runs the part of CheckSale that reads only the sale's own
// fields and the reference records: every check but those of the dates
// against closed periods, of the booked day, of the line number and
// duplicates, and of a return against its original invoice. It reports
// whether that part finds nothing wrong, and changes nothing in s; refs
// must answer as the facts CheckSaleContext is then given. An import runs
// it on the goroutine that reads the file ahead, where the store cannot
// be asked; CheckSaleContext then completes the check.
func PrecheckSale(s *Sale, cur Currency, refs SaleRefs, unread ...string) bool {
	c := saleCheck{s: s, cur: cur, refs: refs, steps: stepRecord}
	c.run(unread)
	return len(c.errs) == 0
}

// CheckSaleContext is CheckSale for a sale PrecheckSale passed: it runs
// the checks PrecheckSale leaves out and returns exactly what CheckSale
// returns for the sale. s may have changed since in Line and Booked only,
// and unread must hold the fields unread then (it may hold more): the
// checks PrecheckSale ran find nothing with more fields unread.
func CheckSaleContext(s *Sale, cur Currency, f SaleFacts, unread ...string) ValidationErrors {
	c := saleCheck{s: s, cur: cur, refs: f, facts: f, steps: stepContext}
	c.run(unread)
	return c.errs
}

// The two steps of CheckSale's list of checks.
const (
	// stepRecord: the checks of the sale's own fields and of the
	// reference records it names.
	stepRecord = 1 << iota
	// stepContext: the checks that ask the store (closed periods, stored
	// lines, the returned invoice) or read Line and Booked, which an
	// import decides last.
	stepContext
)

// saleFields is a set of the fields of a sale, one bit per SaleField.
type saleFields uint16

// saleField is the bit of a SaleField name; 0 for another name (no check
// asks about it).
func saleField(name string) saleFields {
	switch name {
	case SaleFieldDate:
		return 1 << 0
	case SaleFieldBooked:
		return 1 << 1
	case SaleFieldPartner:
		return 1 << 2
	case SaleFieldRep:
		return 1 << 3
	case SaleFieldCustomer:
		return 1 << 4
	case SaleFieldProduct:
		return 1 << 5
	case SaleFieldQuantity:
		return 1 << 6
	case SaleFieldUnitPrice:
		return 1 << 7
	case SaleFieldNet:
		return 1 << 8
	case SaleFieldInvoice:
		return 1 << 9
	case SaleFieldLine:
		return 1 << 10
	case SaleFieldRegistration:
		return 1 << 11
	case SaleFieldOriginal:
		return 1 << 12
	case SaleFieldSplits:
		return 1 << 13
	}
	return 0
}

var (
	sfDate, sfBooked, sfPartner, sfRep    = saleField(SaleFieldDate), saleField(SaleFieldBooked), saleField(SaleFieldPartner), saleField(SaleFieldRep)
	sfCustomer, sfProduct, sfQuantity     = saleField(SaleFieldCustomer), saleField(SaleFieldProduct), saleField(SaleFieldQuantity)
	sfUnitPrice, sfNet, sfInvoice, sfLine = saleField(SaleFieldUnitPrice), saleField(SaleFieldNet), saleField(SaleFieldInvoice), saleField(SaleFieldLine)
	sfRegistration, sfOriginal, sfSplits  = saleField(SaleFieldRegistration), saleField(SaleFieldOriginal), saleField(SaleFieldSplits)
	sfAmounts                             = sfQuantity | sfUnitPrice | sfNet
)

// saleCheck is one run of CheckSale's checks over a sale: the fields not
// to read (skip: the unread ones and those found bad) and the problems.
type saleCheck struct {
	s     *Sale
	cur   Currency
	refs  SaleRefs
	facts SaleFacts // nil when only stepRecord runs
	steps int
	skip  saleFields
	errs  ValidationErrors
}

// known reports whether every field of fs may be read.
func (c *saleCheck) known(fs saleFields) bool { return c.skip&fs == 0 }

func (c *saleCheck) bad(field, format string, args ...any) {
	c.skip |= saleField(field)
	c.errs = append(c.errs, &ValidationError{Field: field, Reason: fmt.Sprintf(format, args...)})
}

// limit records a limit check's problem, if any; the field is not checked
// further.
func (c *saleCheck) limit(field string, e *ValidationError) {
	if e != nil {
		c.skip |= saleField(field)
		c.errs = append(c.errs, e)
	}
}

// run is the one list of a sale's checks, in the order the form shows its
// field errors; each runs in its step. It is long because it is that list;
// the dates, amounts, splits and return checks are functions of their own.
func (c *saleCheck) run(unread []string) {
	for _, u := range unread {
		c.skip |= saleField(u)
	}
	s, f := c.s, c.refs
	record, context := c.steps&stepRecord != 0, c.steps&stepContext != 0

	// Figures and dates beyond the limits (engine/limits.go) are refused
	// first, and their fields are not checked further.
	if record && c.known(sfDate) {
		c.limit(SaleFieldDate, CheckDate(SaleFieldDate, s.Date))
	}
	if context && c.known(sfBooked) {
		c.limit(SaleFieldBooked, CheckDate(SaleFieldBooked, s.Booked))
	}
	if record {
		c.figure(SaleFieldQuantity, s.Quantity, MaxQuantityDigits, CheckQuantity)
		c.figure(SaleFieldUnitPrice, s.UnitPrice, MaxAmountDigits, CheckAmount)
		c.figure(SaleFieldNet, s.Net, MaxAmountDigits, CheckAmount)
		if c.known(sfSplits) {
			for _, sp := range s.Splits {
				if e := CheckRate(SaleFieldSplits, sp.Share); e != nil {
					c.limit(SaleFieldSplits, e)
					break
				}
			}
		}
	}

	if context {
		c.dates()
	}

	if record && c.known(sfPartner) {
		switch partner, ok := f.PartnerByID(s.PartnerID); {
		case s.PartnerID == 0:
			c.bad(SaleFieldPartner, "name the partner (a name, id or referral code)")
		case !ok:
			c.bad(SaleFieldPartner, "there is no partner %d", s.PartnerID)
		case partner.Status == StatusEnded || partner.Status == StatusSuspended:
			c.bad(SaleFieldPartner, "%s is %s: reactivate the partner before entering sales", partner.Name, partner.Status)
		}
	}
	if record && s.RepID != 0 && c.known(sfRep|sfPartner) {
		if r, ok := f.RepByID(s.RepID); !ok {
			c.bad(SaleFieldRep, "there is no rep %d", s.RepID)
		} else if r.PartnerID != s.PartnerID {
			c.bad(SaleFieldRep, "%s is a rep of another partner", r.Name)
		}
	}
	if record && c.known(sfCustomer) && strings.TrimSpace(s.Customer) == "" {
		c.bad(SaleFieldCustomer, "name the customer the partner sold to")
	}
	if record && c.known(sfProduct) {
		if s.ProductID == 0 {
			c.bad(SaleFieldProduct, "name the product (its SKU or id)")
		} else if _, ok := f.ProductByID(s.ProductID); !ok {
			c.bad(SaleFieldProduct, "there is no product %d", s.ProductID)
		}
	}

	// Without stepRecord the amounts passed it (PrecheckSale): they are
	// sound when they may be read.
	amountsOK := c.known(sfAmounts)
	if record {
		amountsOK = c.amounts()
	}

	if record && c.known(sfInvoice) && strings.TrimSpace(s.Invoice) == "" {
		c.bad(SaleFieldInvoice, "the invoice number is needed to recognise duplicates and returns")
	}
	if context {
		if c.known(sfLine) && s.Line < 1 {
			c.bad(SaleFieldLine, "invoice lines count from 1")
		} else if c.known(sfLine) && s.Line > MaxCount {
			c.bad(SaleFieldLine, "%d is beyond the limit: invoice lines count from 1 to 1,000,000", s.Line)
		}
		if c.known(sfPartner | sfInvoice | sfLine) {
			if id, dup := c.facts.SaleLineExists(s.PartnerID, s.Invoice, s.Line); dup && id != s.ID {
				c.bad(SaleFieldLine, "already stored as sale #%d: same partner, invoice %s and line %d", id, s.Invoice, s.Line)
			}
		}
	}

	if record && s.RegistrationID != 0 && c.known(sfRegistration|sfPartner) {
		if g, ok := f.RegistrationByID(s.RegistrationID); !ok {
			c.bad(SaleFieldRegistration, "there is no deal registration %d", s.RegistrationID)
		} else if g.PartnerID != s.PartnerID {
			c.bad(SaleFieldRegistration, "deal registration %d belongs to another partner", s.RegistrationID)
		}
	}

	if record && c.known(sfSplits) && len(s.Splits) > 0 {
		c.splits()
	}

	if context && amountsOK && c.known(sfOriginal) {
		c.checkReturn()
	}
}

// figure refuses a figure beyond its limit (check, whose bound is
// 10^digits). Nearly every figure has at most MaxDecimals places and
// fewer whole digits than the bound, which check passes without a word:
// those are told apart without its decimal arithmetic.
func (c *saleCheck) figure(field string, d decimal.Decimal, digits int, check func(string, decimal.Decimal) *ValidationError) {
	if !c.known(saleField(field)) || withinDigits(d, digits) {
		return
	}
	c.limit(field, check(field, d))
}

// withinDigits reports whether |d| < 10^digits with at most MaxDecimals
// places, read from its digits and exponent alone.
func withinDigits(d decimal.Decimal, digits int) bool {
	exp := int(d.Exponent())
	return exp >= -MaxDecimals && d.NumDigits()+exp <= digits
}

// dates: a sale dated in a closed period is a late sale, booked on a day
// of an open period no earlier than its date.
func (c *saleCheck) dates() {
	s, f := c.s, c.facts
	if !c.known(sfDate) {
		return
	}
	if s.Date.IsZero() {
		c.bad(SaleFieldDate, "the date is required")
		return
	}
	if !f.IsClosed(s.Date) {
		if s.Booked != 0 && c.known(sfBooked) {
			c.bad(SaleFieldBooked, "%s is in an open period: only a sale dated in a closed period is booked later", s.Date)
		}
		return
	}
	switch {
	case !c.known(sfBooked):
	case s.Booked == 0:
		c.bad(SaleFieldDate, "%s is in a closed period; book it on a day of an open period to enter it as a late sale", s.Date)
	case f.IsClosed(s.Booked):
		c.bad(SaleFieldBooked, "%s is in a closed period too", s.Booked)
	case s.Booked < s.Date:
		c.bad(SaleFieldBooked, "a sale cannot be booked (%s) before it is dated (%s)", s.Booked, s.Date)
	}
}

// amounts checks quantity, unit price and net together, and reports
// whether they are sound enough to tell a sale from a return.
func (c *saleCheck) amounts() bool {
	s, cur := c.s, c.cur
	ok := c.known(sfAmounts)
	if c.known(sfQuantity) && s.Quantity.IsZero() {
		c.bad(SaleFieldQuantity, "the quantity cannot be zero")
		ok = false
	}
	if c.known(sfUnitPrice) && s.UnitPrice.IsNegative() {
		c.bad(SaleFieldUnitPrice, "the unit price %s is negative; a return has a negative quantity and a positive price, and names the original invoice", s.UnitPrice)
		ok = false
	}
	if !ok {
		return false
	}
	if !s.Net.IsZero() && s.Net.Sign() != s.Quantity.Sign() {
		c.bad(SaleFieldNet, "net %s and quantity %s have opposite signs", s.Net, s.Quantity)
		return false
	}
	// Net is authoritative; a unit price that does not multiply to it
	// (beyond half a minor unit per unit) usually means a wrong column.
	if agree, known := netAgreesSmall(s.Quantity, s.UnitPrice, s.Net, cur.MinorUnits); known {
		if agree {
			return true
		}
	} else if netAgrees(s.Quantity, s.UnitPrice, s.Net, cur.MinorUnits) {
		return true
	}
	want := s.Quantity.Mul(s.UnitPrice)
	c.bad(SaleFieldNet, "net %s is not quantity %s x unit price %s = %s; give the unit price after discount, or leave the net empty",
		s.Net, s.Quantity, s.UnitPrice, cur.Format(cur.Round(want)))
	return false
}

// netAgrees reports whether |quantity x unit price - net| is at most half
// a minor unit per unit (at least one unit), exactly, in decimals.
func netAgrees(q, p, n decimal.Decimal, minor int32) bool {
	half := decimal.New(5, -minor-1)
	tol := half.Mul(decimal.Max(decimal.NewFromInt(1), q.Abs()))
	return !q.Mul(p).Sub(n).Abs().GreaterThan(tol)
}

// netAgreesSmall is netAgrees in int64 for figures of a few digits (every
// sale an import reads, three a row): exact, or known false when a figure
// does not fit, and the caller falls back to netAgrees.
func netAgreesSmall(q, p, n decimal.Decimal, minor int32) (agree, known bool) {
	if q.NumDigits() > 9 || p.NumDigits() > 9 || n.NumDigits() > 17 || minor < 0 || minor > 6 {
		return false, false
	}
	qe, pe, ne := q.Exponent(), p.Exponent(), n.Exponent()
	if qe < -9 || pe < -9 || ne < -9 || qe > 9 || pe > 9 || ne > 9 {
		return false, false
	}
	// Everything in units of 10^e, e the smallest exponent in play.
	te := -minor - 1 // the tolerance's exponent: 5 x 10^te per unit
	e := min(qe+pe, ne, te+min(qe, 0))
	scale := func(c int64, from int32) (int64, bool) {
		for ; from > e; from-- {
			if c > math.MaxInt64/10 || c < math.MinInt64/10 {
				return 0, false
			}
			c *= 10
		}
		return c, true
	}
	want, ok1 := scale(q.CoefficientInt64()*p.CoefficientInt64(), qe+pe)
	net, ok2 := scale(n.CoefficientInt64(), ne)
	// tol = 5 x 10^te x max(1, |q|).
	qa := q.CoefficientInt64()
	if qa < 0 {
		qa = -qa
	}
	var tol int64
	var ok3 bool
	if lessThanOne(qa, qe) {
		tol, ok3 = scale(5, te)
	} else {
		tol, ok3 = scale(5*qa, te+qe)
	}
	if !ok1 || !ok2 || !ok3 {
		return false, false
	}
	d := want - net
	if (want >= 0) != (net >= 0) && (d >= 0) != (want >= 0) {
		return false, false // the difference overflowed
	}
	if d < 0 {
		d = -d
	}
	return d <= tol, true
}

// lessThanOne reports whether c x 10^e < 1 for c >= 0.
func lessThanOne(c int64, e int32) bool {
	if e >= 0 {
		return c == 0
	}
	for ; e < 0; e++ {
		if c == 0 {
			return true
		}
		c /= 10
	}
	return c == 0
}

// splits: shares above 0 adding up to 100, known partners, reps of their
// partner, nobody named twice.
func (ck *saleCheck) splits() {
	f, bad := ck.refs, ck.bad
	total := decimal.Zero
	seen := map[[2]ID]bool{}
	for _, c := range ck.s.Splits {
		p, ok := f.PartnerByID(c.PartnerID)
		if !ok {
			bad(SaleFieldSplits, "there is no partner %d", c.PartnerID)
			return
		}
		if c.RepID != 0 {
			if r, ok := f.RepByID(c.RepID); !ok || r.PartnerID != c.PartnerID {
				bad(SaleFieldSplits, "rep %d is not a rep of %s", c.RepID, p.Name)
				return
			}
		}
		if !c.Share.IsPositive() {
			bad(SaleFieldSplits, "the share of %s is %s; a share is a percentage above 0", p.Name, c.Share)
			return
		}
		k := [2]ID{c.PartnerID, c.RepID}
		if seen[k] {
			bad(SaleFieldSplits, "%s is named twice", p.Name)
			return
		}
		seen[k] = true
		total = total.Add(c.Share)
	}
	if !total.Equal(hundred) {
		bad(SaleFieldSplits, "the shares add up to %s, not 100", total)
	}
}

// checkReturn checks what a return (or a sale naming an original) gives
// back, and gives a return its original line's rep and splits.
func (c *saleCheck) checkReturn() {
	s, cur, f, bad := c.s, c.cur, c.facts, c.bad
	orig := strings.TrimSpace(s.OriginalInvoice)
	s.OriginalInvoice = orig
	if !s.IsReturn() {
		if orig != "" {
			bad(SaleFieldOriginal, "only a return (negative quantity and net) names an original invoice")
		}
		return
	}
	if orig == "" {
		bad(SaleFieldOriginal, "a return (negative quantity and net) needs the invoice it gives back in original_invoice")
		return
	}
	if !c.known(sfPartner | sfProduct) {
		return
	}
	lines := ReturnedLines(f.InvoiceLines(s.PartnerID, orig), s)
	if len(lines) == 0 {
		for _, o := range f.InvoiceLines(s.PartnerID, orig) {
			if !o.IsReturn() {
				bad(SaleFieldOriginal, "invoice %s has no line of this product to return", orig)
				return
			}
		}
		bad(SaleFieldOriginal, "the partner has no invoice %s to return", orig)
		return
	}
	first := lines[0]
	if c.known(sfDate) && !s.Date.IsZero() && s.Date < first.Date {
		bad(SaleFieldDate, "a return cannot be dated (%s) before the sale it gives back (invoice %s of %s)", s.Date, orig, first.Date)
	}
	// What the lines sold, less what earlier returns gave back.
	soldQty, soldNet := decimal.Zero, decimal.Zero
	for _, o := range lines {
		soldQty, soldNet = soldQty.Add(o.Quantity), soldNet.Add(o.Net)
	}
	backQty, backNet := decimal.Zero, decimal.Zero
	for _, r := range f.ReturnsOf(s.PartnerID, orig) {
		if r.ProductID == s.ProductID && (s.ID == 0 || r.ID != s.ID) {
			backQty, backNet = backQty.Add(r.Quantity.Abs()), backNet.Add(r.Net.Abs())
		}
	}
	leftQty, leftNet := soldQty.Sub(backQty), soldNet.Sub(backNet)
	if s.Quantity.Abs().GreaterThan(leftQty) {
		bad(SaleFieldQuantity, "invoice %s sold %s of this product and %s were returned before: at most %s more can be returned, not %s",
			orig, soldQty, backQty, decimal.Max(leftQty, decimal.Zero), s.Quantity.Abs())
	}
	if s.Net.Abs().GreaterThan(leftNet) {
		bad(SaleFieldNet, "invoice %s sold %s of this product and %s were returned before: at most %s more can be returned, not %s",
			orig, cur.Format(soldNet), cur.Format(backNet), cur.Format(decimal.Max(leftNet, decimal.Zero)), cur.Format(s.Net.Abs()))
	}
	// The return takes back the credit the line gave: same rep, same splits.
	if c.known(sfRep) {
		switch {
		case s.RepID == 0:
			s.RepID = first.RepID
		case s.RepID != first.RepID:
			who := "no rep"
			if r, ok := f.RepByID(first.RepID); ok {
				who = r.Name
			}
			bad(SaleFieldRep, "a return takes back the credit of the sale it returns, which went to %s", who)
		}
	}
	if c.known(sfSplits) {
		if len(s.Splits) == 0 {
			s.Splits = append([]CreditSplit(nil), first.Splits...)
		} else if !sameSplits(s.Splits, first.Splits) {
			bad(SaleFieldSplits, "a return follows the credit splits of invoice %s's line; leave the splits empty to take them", orig)
		}
	}
}

// ReturnedLines returns the lines a return gives back: the sold (not
// returned) lines of its original invoice with the return's product,
// earliest first (by date, then id; lines of one import in file order).
// The first is the line whose credit the return follows, the one the
// engine's adjustment picks as the original.
func ReturnedLines(invoice []Sale, ret *Sale) []Sale {
	var out []Sale
	for _, o := range invoice {
		if !o.IsReturn() && o.ProductID == ret.ProductID {
			out = append(out, o)
		}
	}
	// Insertion sort: an invoice has a handful of lines. Stored lines
	// (id > 0) come before pending ones of the same day.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && earlierLine(out[j], out[j-1]); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

func earlierLine(a, b Sale) bool {
	if a.Date != b.Date {
		return a.Date < b.Date
	}
	if (a.ID == 0) != (b.ID == 0) {
		return a.ID != 0
	}
	return a.ID < b.ID
}

func sameSplits(a, b []CreditSplit) bool {
	if len(a) != len(b) {
		return false
	}
	for _, x := range a {
		found := false
		for _, y := range b {
			if x.PartnerID == y.PartnerID && x.RepID == y.RepID && x.Share.Equal(y.Share) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// Credit is one payee's share of one sale line: the partner (and rep) a
// credit split names, or the sale's own partner and rep when it has none.
type Credit struct {
	PartnerID ID
	RepID     ID              // 0: no rep named
	Share     decimal.Decimal // percent of the line, 100 without splits
	Net       decimal.Decimal // net amount x share x weight
	Quantity  decimal.Decimal // quantity x share x weight
}

var unitWeight = decimal.NewFromInt(1)

// SaleCredits is the one rule for who is credited with a sale line and how
// much: each credit split's share of the line's net amount and quantity
// (100 % to the sale's partner and rep when there are none), times weight,
// the line's cell in a rule's customer x product matrix (pass
// decimal.NewFromInt(1) outside a rule: dashboards, statements, tiers). A
// return follows the same splits, so it reduces the same payees. Every
// screen, statement and rule that shows or counts a payee's sales calls it.
func SaleCredits(s *Sale, weight decimal.Decimal) []Credit {
	return AppendSaleCredits(nil, s, weight)
}

// AppendSaleCredits is SaleCredits appending to dst, for loops over many
// sales that reuse one buffer.
func AppendSaleCredits(dst []Credit, s *Sale, weight decimal.Decimal) []Credit {
	net, qty := s.Net, s.Quantity
	if !weight.Equal(unitWeight) {
		net, qty = net.Mul(weight), qty.Mul(weight)
	}
	if len(s.Splits) == 0 {
		return append(dst, Credit{PartnerID: s.PartnerID, RepID: s.RepID, Share: hundred, Net: net, Quantity: qty})
	}
	for _, sp := range s.Splits {
		dst = append(dst, Credit{PartnerID: sp.PartnerID, RepID: sp.RepID, Share: sp.Share,
			Net: Percent(net, sp.Share), Quantity: Percent(qty, sp.Share)})
	}
	return dst
}
