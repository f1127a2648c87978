package i18n

// messagesNL holds the Dutch templates of engine.Messages.
var messagesNL = map[string]string{
	// Rate rules (commission, volume rebate).
	"rate.flat":        "{rule}: {basis} in {period} tegen {rate} = {amount}",
	"rate.units.flat":  "{rule}: {units} eenheden in {period} tegen {each} per eenheid = {amount}",
	"rate.retroactive": "{rule}: {basis} in {period} bereikt de staffel vanaf {from} tegen {rate} ({mode}) = {amount}",
	"rate.marginal":    "{rule}: {basis} in {period} per staffel betaald tot en met de staffel vanaf {from} tegen {rate} ({mode}) = {amount}",
	"rate.units.band":  "{rule}: {units} eenheden in {period} bereiken de staffel vanaf {from} tegen {each} per eenheid ({mode}) = {amount}",
	"basis.negative":   "{rule}: grondslag {basis} in {period} is negatief; er wordt niets uitbetaald",

	// Target bonus.
	"target.step":       "{rule}: {basis} tegenover doel {target} in {period} is {attainment} realisatie en bereikt de trede {step} = {amount}",
	"target.step.accel": "{rule}: {basis} tegenover doel {target} in {period} is {attainment} realisatie en bereikt de trede {step} ({step_amount}) plus {accel} over {above} boven het doel = {amount}",
	"target.below":      "{rule}: {basis} tegenover doel {target} in {period} is {attainment} realisatie; nog {missing} tot de trede {step}",

	// SPIF.
	"spif.units": "{rule}: {units} eenheden {skus} verkocht van {from} tot en met {to} tegen {each} per eenheid = {amount}",
	"spif.deals": "{rule}: {deals} deals {skus} gesloten van {from} tot en met {to} tegen {each} per deal = {amount}",
	"spif.rate":  "{rule}: {basis} aan {skus} verkocht van {from} tot en met {to} tegen {rate} = {amount}",

	// Deal registration bonus.
	"dealreg.paid":     "{rule}: factuur {invoice} op registratie {registration}, goedgekeurd op {approved}, verkocht binnen {window} dagen: {net} tegen {rate} = {amount}",
	"dealreg.late":     "{rule}: factuur {invoice} verkocht op {date}, nadat registratie {registration} op {deadline} was gesloten; er wordt niets uitbetaald",
	"dealreg.rejected": "{rule}: factuur {invoice}: registratie {registration} is afgewezen; er wordt niets uitbetaald",
	"dealreg.pending":  "{rule}: factuur {invoice}: registratie {registration} is niet goedgekeurd; er wordt niets uitbetaald",
	"dealreg.expired":  "{rule}: factuur {invoice}: registratie {registration} is verlopen; er wordt niets uitbetaald",

	// Referral.
	"referral.bounty": "{rule}: nieuwe klant {customer} (factuur {invoice}) = {amount}",
	"referral.rate":   "{rule}: abonnementsomzet {basis} van doorverwezen klant {customer} in {period} tegen {rate} = {amount}",

	// Fund accrual (MDF, co-op).
	"fund.accrual": "{rule}: {basis} in {period} tegen {rate} bijgeschreven op het fonds {fund} = {amount}, vervalt op {expires}",

	// Training, activity, loyalty.
	"training.course": "{rule}: {rep} heeft {course} voltooid op {date} = {amount}",
	"activity.count":  "{rule}: {count} x {type} in {period} tegen {each} = {amount}",
	"loyalty.points":  "{rule}: {basis} in {period} tegen {points} punten per {per} = {amount}",

	// Modifiers, rendered after the main text.
	"mod.tier":        "x {multiplier} voor niveau {tier}",
	"mod.cap":         "begrensd op {cap}",
	"mod.tier.amount": "x {multiplier} voor niveau {tier} = {amount}",

	// Adjustments of closed periods.
	"adjust.return":    "{rule}: retour van factuur {invoice} uit {original_period}: {basis} tegen het effectieve tarief {rate} van {original_period} = {amount}",
	"adjust.late":      "{rule}: late verkoop {invoice} uit {original_period}: {basis} tegen het effectieve tarief {rate} van {original_period} = {amount}",
	"adjust.recompute": "{rule}: {period} komt nu uit op {fresh}; {kept} was al goedgekeurd; verschil {amount}",

	// Progress nudges.
	"nudge.band":           "nog {missing} in {period} tot de staffel vanaf {from} tegen {rate}",
	"nudge.step":           "nog {missing} in {period} tot de doeltrede {step} ({amount})",
	"nudge.tier":           "{missing} tot niveau {tier}",
	"nudge.top":            "hoogste niveau {tier} bereikt",
	"nudge.tier.qualified": "komt in aanmerking voor niveau {tier} bij de volgende niveaubeoordeling",
	"need.revenue":         "{amount} omzet",
	"need.units":           "{units} eenheden",
	"need.certs":           "{count} certificeringen",
	"need.cert":            "{count} certificering",
	"need.reg":             "{count} gewonnen registratie",
	"need.regs":            "{count} gewonnen registraties",
	"need.point":           "{count} activiteitspunt",
	"need.points":          "{count} activiteitspunten",

	// Words used as ArgKey values.
	"word.retroactive": "retroactief",
	"word.marginal":    "marginaal",
	"word.and":         "en",
}
