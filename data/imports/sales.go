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

func (c *converter) sales(b *Batch, progress sheet.Progress) {
	seen := make(map[invoiceKey]int, len(c.t.Rows))
	running := map[invoiceCount]int{}
	half := decimal.New(5, -c.cur.MinorUnits-1) // half a minor unit
	b.Sales = make([]engine.Sale, 0, len(c.t.Rows))
	b.Lines = make([]int, 0, len(c.t.Rows))
	c.each(progress, func(r sheet.Row) {
		var s engine.Sale
		date, dateOK := c.date(r, fDate, true)
		s.Date = date

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

		c.saleAmounts(r, &s, half)

		s.Invoice, _ = c.required(r, "invoice")
		s.OriginalInvoice = c.text(r, "original_invoice")
		if s.IsReturn() && s.OriginalInvoice == "" {
			field := "net"
			if s.Quantity.IsNegative() && c.text(r, "net") == "" {
				field = "quantity"
			}
			c.fail(r, field, "a negative amount is a return and needs the invoice it gives back in original_invoice")
		}
		if !s.IsReturn() && s.OriginalInvoice != "" {
			c.fail(r, "original_invoice", "only a return (negative quantity and net) names an original invoice")
		}

		if partnerOK && s.Invoice != "" {
			k := invoiceCount{s.PartnerID, s.Invoice}
			running[k]++
			s.Line = c.integer(r, "line", running[k])
			if s.Line == 0 {
				c.fail(r, "line", "invoice lines count from 1")
			}
			key := invoiceKey{s.PartnerID, s.Invoice, s.Line}
			if first, dup := seen[key]; dup {
				c.fail(r, "invoice", "duplicate of line %d: same partner, invoice %s and line %d", first, s.Invoice, s.Line)
			} else {
				seen[key] = r.Line
				if id, exists := c.look.SaleLineExists(s.PartnerID, s.Invoice, s.Line); exists {
					c.fail(r, "invoice", "already stored as sale #%d: same partner, invoice %s and line %d", id, s.Invoice, s.Line)
				}
			}
		}

		if reg := c.text(r, "registration"); reg != "" {
			id, ok := parseID(reg, "DR", "G")
			g, found := c.look.RegistrationByID(id)
			switch {
			case !ok || !found:
				c.fail(r, "registration", "no deal registration has the id %q", reg)
			case partnerOK && g.PartnerID != s.PartnerID:
				c.fail(r, "registration", "deal registration %s belongs to another partner", reg)
			default:
				s.RegistrationID = g.ID
			}
		}

		if sp := c.text(r, "splits"); sp != "" {
			s.Splits = c.splits(r, sp)
		}

		// A sale dated in a closed period is a late sale only with a
		// booked day in an open period.
		if dateOK && c.look.IsClosed(date) {
			booked, ok := c.date(r, "booked", false)
			switch {
			case !ok && c.text(r, "booked") == "":
				c.fail(r, fDate, "%s is in a closed period; give a booked date in an open period to import it as a late sale", date)
			case ok && c.look.IsClosed(booked):
				c.fail(r, "booked", "%s is in a closed period too", booked)
			case ok && booked < date:
				c.fail(r, "booked", "a sale cannot be booked (%s) before it is dated (%s)", booked, date)
			case ok:
				s.Booked = booked
			}
		}

		if !c.rowBad {
			b.Sales = append(b.Sales, s)
			b.Lines = append(b.Lines, r.Line)
		}
	})
}

// saleAmounts reads quantity, unit price and net. Net is authoritative: a
// unit price that does not multiply to it (beyond half a minor unit per
// unit) is an error, since it usually means a column mapped wrongly.
func (c *converter) saleAmounts(r sheet.Row, s *engine.Sale, half decimal.Decimal) {
	bad := c.rowBad
	c.rowBad = false
	qty, qtyOK := c.amount(r, "quantity")
	price, priceOK := c.amount(r, "unit_price")
	net, netOK := c.amount(r, "net")
	parsedBad := c.rowBad
	c.rowBad = bad || parsedBad
	if parsedBad {
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
	if qty.IsZero() {
		c.fail(r, "quantity", "the quantity is 0")
		return
	}
	if priceOK && price.IsNegative() {
		c.fail(r, "unit_price", "the unit price %s is negative; a return has a negative quantity and a positive price", price)
		return
	}
	switch {
	case netOK && priceOK:
		want := qty.Mul(price)
		tol := half.Mul(decimal.Max(decimal.NewFromInt(1), qty.Abs()))
		if want.Sub(net).Abs().GreaterThan(tol) {
			c.fail(r, "net", "net %s is not quantity %s x unit price %s = %s; give the unit price after discount, or leave it empty",
				net, qty, price, c.cur.Format(c.cur.Round(want)))
			return
		}
	case netOK:
		price = net.DivRound(qty, c.cur.MinorUnits+4).Abs()
	default:
		net = c.cur.Round(qty.Mul(price))
	}
	if !net.IsZero() && net.IsNegative() != qty.IsNegative() {
		c.fail(r, "net", "net %s and quantity %s have opposite signs", net, qty)
		return
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
// optional rep after "/", and a share in percent; the shares add up to 100.
func (c *converter) splits(r sheet.Row, s string) []engine.CreditSplit {
	var out []engine.CreditSplit
	total := decimal.Zero
	seen := map[[2]engine.ID]bool{}
	ok := true
	for _, item := range splitItems(s) {
		k := strings.LastIndexByte(item, ':')
		if k < 0 {
			c.fail(r, "splits", "%q has no share: write partner:share, e.g. P12:60", strings.TrimSpace(item))
			ok = false
			continue
		}
		who, shareText := strings.TrimSpace(item[:k]), strings.TrimSuffix(strings.TrimSpace(item[k+1:]), "%")
		share, err := sheet.ParseAmountIn(shareText, c.decimalComma)
		if err != nil || !share.IsPositive() {
			c.fail(r, "splits", "the share %q of %q is not a percentage above 0", shareText, who)
			ok = false
			continue
		}
		partnerRef, repRef, _ := strings.Cut(who, "/")
		p, _, found := c.partner(strings.TrimSpace(partnerRef))
		if !found {
			c.fail(r, "splits", "no partner has the name, id or referral code %q", strings.TrimSpace(partnerRef))
			ok = false
			continue
		}
		cs := engine.CreditSplit{PartnerID: p.ID, Share: share}
		if repRef = strings.TrimSpace(repRef); repRef != "" {
			rp, why := c.rep(p.ID, repRef)
			if why != "" {
				c.fail(r, "splits", "%s", why)
				ok = false
				continue
			}
			cs.RepID = rp.ID
		}
		key := [2]engine.ID{cs.PartnerID, cs.RepID}
		if seen[key] {
			c.fail(r, "splits", "%q is named twice", who)
			ok = false
			continue
		}
		seen[key] = true
		total = total.Add(share)
		out = append(out, cs)
	}
	if ok && !total.Equal(engine.Hundred()) {
		c.fail(r, "splits", "the shares add up to %s, not 100", total)
	}
	return out
}
