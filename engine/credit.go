package engine

import "github.com/shopspring/decimal"

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
