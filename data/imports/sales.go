package imports

import (
	"strings"

	"github.com/shopspring/decimal"

	"partnerdesk/data/sheet"
	"partnerdesk/engine"
)

// invoiceKey is a sale's natural key within a file.
type invoiceKey struct {
	partner engine.ID
	invoice string
	line    int
}

type invoiceCount struct {
	partner engine.ID
	invoice string
}

// sales reads each row into a sale (names to ids, amounts derived where
// the file leaves them out) and checks it with engine.CheckSale, the same
// validation the form uses, against the store and the file's earlier good
// rows: a return may give back a line of the same file, and two returns
// in one file may not together give back more than the line sold.
//
// It is long because it reads each column of a sale row in turn (partner,
// rep, product, customer, dates, amounts, splits) into the same
// engine.CheckSale the form uses; a helper per column would pass the row's
// state around.
func (c *converter) sales(b *Batch, progress sheet.Progress) {
	seen := make(map[invoiceKey]int, c.rows)
	running := map[invoiceCount]int{}
	b.Sales = make([]engine.Sale, 0, c.rows)
	facts := newPendingFacts(c.look, &b.Sales)
	b.Lines = make([]int, 0, c.rows)
	c.each(progress, func(r sheet.Row) {
		var s engine.Sale
		s.Date, _ = c.date(r, fDate, true)

		// The partner by name, id or referral code; or by the referral code column.
		code := c.text(r, "referral_code")
		s.ReferralCode = code
		ref := c.text(r, fPartner)
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
			if p, ok := c.look.PartnerByReferralCode(code); ok {
				s.PartnerID, partnerOK = p.ID, true
			} else {
				c.fail(r, "referral_code", "no partner has the referral code %q", code)
			}
		default:
			c.fail(r, fPartner, "partner is required (a name, id or referral code)")
		}

		if rep := c.text(r, fRep); rep != "" && partnerOK {
			if rp, why := c.rep(s.PartnerID, rep); why != "" {
				c.fail(r, fRep, "%s", why)
			} else {
				s.RepID = rp.ID
			}
		}
		s.Customer, _ = c.required(r, fCustomer)
		s.NewCustomer = c.boolean(r, "new_customer", false)
		s.NewProduct = c.boolean(r, "new_product", false)
		if sku, ok := c.required(r, "product"); ok {
			if p, ok := c.product(sku); ok {
				s.ProductID = p.ID
			} else {
				c.fail(r, "product", "no product has the SKU or id %q", sku)
			}
		}

		c.saleAmounts(r, &s)

		s.Invoice, _ = c.required(r, "invoice")
		s.OriginalInvoice = c.text(r, "original_invoice")

		if partnerOK && s.Invoice != "" {
			k := invoiceCount{s.PartnerID, s.Invoice}
			running[k]++
			s.Line = c.integer(r, "line", running[k])
			key := invoiceKey{s.PartnerID, s.Invoice, s.Line}
			if first, dup := seen[key]; dup {
				c.fail(r, "line", "duplicate of line %d: same partner, invoice %s and line %d", first, s.Invoice, s.Line)
			} else {
				seen[key] = r.Line
			}
		}

		if reg := c.text(r, "registration"); reg != "" {
			if id, ok := parseID(reg, "DR", "G"); ok {
				s.RegistrationID = id
			} else {
				c.fail(r, "registration", "no deal registration has the id %q", reg)
			}
		}

		if sp := c.text(r, "splits"); sp != "" {
			s.Splits = c.splits(r, sp)
		}

		// A sale dated in a closed period is a late sale only with a
		// booked day in an open period (engine.CheckSale says so); in an
		// open period the booked column is ignored.
		if s.Date != 0 && c.look.IsClosed(s.Date) {
			s.Booked, _ = c.date(r, "booked", false)
		}

		unread := make([]string, 0, len(c.failed)+1)
		for f := range c.failed {
			unread = append(unread, f)
		}
		if !partnerOK {
			unread = append(unread, fPartner)
		}
		if c.failed["quantity"] || c.failed["unit_price"] || c.failed["net"] {
			// The amounts are read together: one bad, none is known.
			unread = append(unread, "quantity", "unit_price", "net")
		}
		if !partnerOK || s.Invoice == "" {
			unread = append(unread, "line") // no line number could be given
		}
		for _, e := range engine.CheckSale(&s, c.cur, facts, unread...) {
			c.fail(r, e.Field, "%s", e.Reason)
		}

		if !c.rowBad {
			b.Sales = append(b.Sales, s)
			b.Lines = append(b.Lines, r.Line)
			facts.add()
		}
	})
}

// pendingFacts answers engine.CheckSale from the store and the file's
// good rows so far (indexes into the batch, not copies: a file may hold
// 100,000 rows).
type pendingFacts struct {
	Lookup
	sales   *[]engine.Sale
	lines   map[invoiceCount][]int32 // by partner and invoice
	returns map[invoiceCount][]int32 // by partner and original invoice
}

func newPendingFacts(l Lookup, sales *[]engine.Sale) *pendingFacts {
	return &pendingFacts{Lookup: l, sales: sales, lines: map[invoiceCount][]int32{}, returns: map[invoiceCount][]int32{}}
}

// add records the batch's last sale.
func (p *pendingFacts) add() {
	i := int32(len(*p.sales) - 1)
	s := &(*p.sales)[i]
	k := invoiceCount{s.PartnerID, strings.TrimSpace(s.Invoice)}
	p.lines[k] = append(p.lines[k], i)
	if o := strings.TrimSpace(s.OriginalInvoice); o != "" {
		k := invoiceCount{s.PartnerID, o}
		p.returns[k] = append(p.returns[k], i)
	}
}

// InvoiceLines implements engine.SaleFacts: stored lines, then the file's.
func (p *pendingFacts) InvoiceLines(partner engine.ID, invoice string) []engine.Sale {
	return p.join(p.Lookup.InvoiceLines(partner, invoice), p.lines[invoiceCount{partner, strings.TrimSpace(invoice)}])
}

// ReturnsOf implements engine.SaleFacts: stored returns, then the file's.
func (p *pendingFacts) ReturnsOf(partner engine.ID, invoice string) []engine.Sale {
	return p.join(p.Lookup.ReturnsOf(partner, invoice), p.returns[invoiceCount{partner, strings.TrimSpace(invoice)}])
}

func (p *pendingFacts) join(stored []engine.Sale, pending []int32) []engine.Sale {
	if len(pending) == 0 {
		return stored
	}
	out := append(make([]engine.Sale, 0, len(stored)+len(pending)), stored...)
	for _, i := range pending {
		out = append(out, (*p.sales)[i])
	}
	return out
}

// saleAmounts reads quantity, unit price and net, and fills what the file
// leaves out: a missing quantity is 1 (-1 for a negative net), a missing
// unit price is net / quantity, a missing net is quantity x unit price
// rounded to the currency. engine.CheckSale then checks them together.
func (c *converter) saleAmounts(r sheet.Row, s *engine.Sale) {
	qty, qtyOK := c.amount(r, "quantity")
	price, priceOK := c.amount(r, "unit_price")
	net, netOK := c.amount(r, "net")
	if c.failed["quantity"] || c.failed["unit_price"] || c.failed["net"] {
		return
	}
	if !netOK && !priceOK {
		c.fail(r, "net", "give the net amount or the unit price")
		return
	}
	if !qtyOK {
		qty = decimal.NewFromInt(1)
		if netOK && net.IsNegative() {
			qty = qty.Neg()
		}
	}
	switch {
	case netOK && priceOK:
	case qty.IsZero():
	case netOK:
		price = net.DivRound(qty, c.cur.MinorUnits+4).Abs()
	default:
		net = c.cur.Round(qty.Mul(price))
	}
	s.Quantity, s.UnitPrice, s.Net = qty, price, net
}

// splitItems cuts a splits cell at ";" or "|".
func splitItems(s string) []string {
	f := strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == '|' || r == '\n' })
	out := f[:0]
	for _, p := range f {
		if strings.TrimSpace(p) != "" {
			out = append(out, p)
		}
	}
	return out
}

// splits reads "P12:60;P15/R7:40" or "Acme:60;Beta:40": partner, an
// optional rep after "/", and a share in percent. engine.CheckSale checks
// that the shares add up to 100 and nobody is named twice.
func (c *converter) splits(r sheet.Row, s string) []engine.CreditSplit {
	var out []engine.CreditSplit
	for _, item := range splitItems(s) {
		k := strings.LastIndexByte(item, ':')
		if k < 0 {
			c.fail(r, "splits", "%q has no share: write partner:share, e.g. P12:60", strings.TrimSpace(item))
			continue
		}
		who, shareText := strings.TrimSpace(item[:k]), strings.TrimSuffix(strings.TrimSpace(item[k+1:]), "%")
		share, err := sheet.ParseAmountIn(shareText, c.decimalComma)
		if err != nil || !share.IsPositive() {
			c.fail(r, "splits", "the share %q of %q is not a percentage above 0", shareText, who)
			continue
		}
		partnerRef, repRef, _ := strings.Cut(who, "/")
		p, _, found := c.partner(strings.TrimSpace(partnerRef))
		if !found {
			c.fail(r, "splits", "no partner has the name, id or referral code %q", strings.TrimSpace(partnerRef))
			continue
		}
		cs := engine.CreditSplit{PartnerID: p.ID, Share: share}
		if repRef = strings.TrimSpace(repRef); repRef != "" {
			rp, why := c.rep(p.ID, repRef)
			if why != "" {
				c.fail(r, "splits", "%s", why)
				continue
			}
			cs.RepID = rp.ID
		}
		out = append(out, cs)
	}
	return out
}
