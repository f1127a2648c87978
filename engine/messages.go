package engine

// Messages is the catalogue of explanation keys with their English
// templates. A template names the explanation's arguments in braces; the
// renderer in engine/i18n formats each argument per language and holds the
// other languages' templates, with a test that every key here is translated.
//
// Keys are stable: stored reward lines refer to them.
var Messages = map[string]string{
	// Rate rules (commission, volume rebate).
	"rate.flat":        "{rule}: {basis} in {period} at {rate} = {amount}",
	"rate.units.flat":  "{rule}: {units} units in {period} at {each} per unit = {amount}",
	"rate.retroactive": "{rule}: {basis} in {period} reaches band from {from} at {rate} ({mode}) = {amount}",
	"rate.marginal":    "{rule}: {basis} in {period} paid band by band up to the band from {from} at {rate} ({mode}) = {amount}",
	"rate.units.band":  "{rule}: {units} units in {period} reach band from {from} at {each} per unit ({mode}) = {amount}",
	"basis.negative":   "{rule}: basis {basis} in {period} is negative; nothing is paid",

	// Target bonus.
	"target.step":       "{rule}: {basis} against target {target} in {period} is {attainment} attainment, reaching the {step} step = {amount}",
	"target.step.accel": "{rule}: {basis} against target {target} in {period} is {attainment} attainment, reaching the {step} step ({step_amount}) plus {accel} on {above} above target = {amount}",
	"target.below":      "{rule}: {basis} against target {target} in {period} is {attainment} attainment; {missing} more reaches the {step} step",

	// SPIF.
	"spif.units": "{rule}: {units} units of {skus} sold {from} to {to} at {each} per unit = {amount}",
	"spif.deals": "{rule}: {deals} deals of {skus} sold {from} to {to} at {each} per deal = {amount}",
	"spif.rate":  "{rule}: {basis} of {skus} sold {from} to {to} at {rate} = {amount}",

	// Deal registration bonus.
	"dealreg.paid":     "{rule}: invoice {invoice} on registration {registration} approved {approved}, sold within {window} days: {net} at {rate} = {amount}",
	"dealreg.late":     "{rule}: invoice {invoice} sold {date}, after registration {registration} closed on {deadline}; nothing is paid",
	"dealreg.rejected": "{rule}: invoice {invoice}: registration {registration} was rejected; nothing is paid",
	"dealreg.pending":  "{rule}: invoice {invoice}: registration {registration} is not approved; nothing is paid",
	"dealreg.expired":  "{rule}: invoice {invoice}: registration {registration} expired; nothing is paid",

	// Referral.
	"referral.bounty": "{rule}: new customer {customer} (invoice {invoice}) = {amount}",
	"referral.rate":   "{rule}: subscription revenue {basis} of referred customer {customer} in {period} at {rate} = {amount}",

	// Fund accrual (MDF, co-op).
	"fund.accrual": "{rule}: {basis} in {period} at {rate} credited to the {fund} fund = {amount}, expires {expires}",

	// Training, activity, loyalty.
	"training.course": "{rule}: {rep} completed {course} on {date} = {amount}",
	"activity.count":  "{rule}: {count} x {type} in {period} at {each} = {amount}",
	"loyalty.points":  "{rule}: {basis} in {period} at {points} points per {per} = {amount}",

	// Modifiers, rendered after the main text.
	"mod.tier": "x {multiplier} for tier {tier}",
	"mod.cap":  "capped at {cap}",
	// mod.tier.amount is mod.tier with the multiplied result.
	"mod.tier.amount": "x {multiplier} for tier {tier} = {amount}",

	// Adjustments of closed periods.
	"adjust.return":    "{rule}: return of invoice {invoice} from {original_period}: {basis} at {original_period}'s effective rate {rate} = {amount}",
	"adjust.late":      "{rule}: late sale {invoice} of {original_period}: {basis} at {original_period}'s effective rate {rate} = {amount}",
	"adjust.recompute": "{rule}: {period} now computes {fresh}; {kept} was already approved; difference {amount}",

	// Progress nudges.
	"nudge.band": "{missing} more in {period} reaches the band from {from} at {rate}",
	"nudge.step": "{missing} more in {period} reaches the {step} target step ({amount})",
	"nudge.tier": "{missing} to {tier}",
	"nudge.top":  "top tier {tier} reached",
	// nudge.tier.qualified: every criterion of the next tier is met; a tier review will propose it.
	"nudge.tier.qualified": "qualifies for {tier} at the next tier review",
	"need.revenue":         "{amount} revenue",
	"need.units":           "{units} units",
	"need.certs":           "{count} certifications",
	"need.cert":            "{count} certification",
	"need.reg":             "{count} won registration",
	"need.regs":            "{count} won registrations",
	"need.point":           "{count} activity point",
	"need.points":          "{count} activity points",

	// Words used as ArgKey values.
	"word.retroactive": "retroactive",
	"word.marginal":    "marginal",
	"word.and":         "and",
}
