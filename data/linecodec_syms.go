package data

// lineSymbols are the strings a reward line repeats (payee kinds, units,
// statuses, argument types and names, explanation keys, currency codes,
// word keys): the v2 line codec writes one as its position + 1, a small
// number, and anything else as 0 and the string itself.
//
// Stored lines refer to positions: the list only ever grows at the end;
// an entry is never removed, reordered or changed
// (TestLineSymbolsAreStable keeps the first ones pinned).
var lineSymbols = [...]string{
	"",
	// Payee kinds, units, statuses.
	"partner", "rep", "money", "points", "fund", "draft", "approved", "paid",
	// Argument types (points and period are above or below).
	"text", "number", "percent", "period", "date", "key", "list",
	// Currency codes.
	"EUR", "USD", "GBP", "CHF", "JPY", "SEK", "NOK", "DKK", "PLN", "CZK", "HUF", "IDR", "BHD",
	// Argument names (engine.Messages' placeholders).
	"above", "accel", "amount", "attainment", "basis", "cap", "count", "course", "customer",
	"deadline", "deals", "each", "expires", "fresh", "from", "invoice", "kept", "missing",
	"mode", "multiplier", "net", "original_period", "per", "rate", "registration",
	"rule", "skus", "step_amount", "step", "target", "tier", "to", "type", "units", "window",
	// Explanation keys (engine.Messages).
	"rate.flat", "rate.units.flat", "rate.retroactive", "rate.marginal", "rate.units.band",
	"basis.negative", "target.step", "target.step.accel", "target.below",
	"spif.units", "spif.deals", "spif.rate",
	"dealreg.paid", "dealreg.late", "dealreg.rejected", "dealreg.pending", "dealreg.expired",
	"referral.bounty", "referral.rate", "fund.accrual", "training.course", "activity.count",
	"loyalty.points", "mod.tier", "mod.cap", "mod.tier.amount",
	"adjust.return", "adjust.late", "adjust.recompute",
	"nudge.band", "nudge.step", "nudge.tier", "nudge.top", "nudge.tier.qualified",
	"need.revenue", "need.units", "need.certs", "need.cert", "need.reg", "need.regs",
	"need.point", "need.points",
	"word.retroactive", "word.marginal", "word.and",
}

// lineSymbolIndex is lineSymbols' position + 1 by string.
var lineSymbolIndex = func() map[string]uint64 {
	m := make(map[string]uint64, len(lineSymbols))
	for i, s := range lineSymbols {
		if _, dup := m[s]; !dup {
			m[s] = uint64(i) + 1
		}
	}
	return m
}()
