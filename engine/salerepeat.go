package engine

// SameSaleTyped reports whether b repeats a as a person types a sale: same
// partner, customer (as names match, FoldName), product, quantity, unit
// price and date. The invoice and its line do not count, since a repeated
// line typed with the line left empty gets the next line of the invoice.
// Such a sale is most often the same line typed twice, and the form asks
// before it saves it.
func SameSaleTyped(a, b *Sale) bool {
	return a.PartnerID == b.PartnerID && a.ProductID == b.ProductID && a.Date == b.Date &&
		a.Quantity.Equal(b.Quantity) && a.UnitPrice.Equal(b.UnitPrice) && SameName(a.Customer, b.Customer)
}
