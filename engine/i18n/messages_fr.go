package i18n

// messagesFR holds the French templates of engine.Messages. A plain space
// precedes ":" and ";" as French typography asks.
var messagesFR = map[string]string{
	// Rate rules (commission, volume rebate).
	"rate.flat":        "{rule} : {basis} en {period} à {rate} = {amount}",
	"rate.units.flat":  "{rule} : {units} unités en {period} à {each} par unité = {amount}",
	"rate.retroactive": "{rule} : {basis} en {period} atteint la tranche à partir de {from} à {rate} ({mode}) = {amount}",
	"rate.marginal":    "{rule} : {basis} en {period} payé tranche par tranche jusqu'à la tranche à partir de {from} à {rate} ({mode}) = {amount}",
	"rate.units.band":  "{rule} : {units} unités en {period} atteignent la tranche à partir de {from} à {each} par unité ({mode}) = {amount}",
	"basis.negative":   "{rule} : la base {basis} en {period} est négative ; rien n'est versé",

	// Target bonus.
	"target.step":       "{rule} : {basis} pour un objectif de {target} en {period}, soit {attainment} de réalisation, atteint le palier {step} = {amount}",
	"target.step.accel": "{rule} : {basis} pour un objectif de {target} en {period}, soit {attainment} de réalisation, atteint le palier {step} ({step_amount}) plus {accel} sur {above} au-delà de l'objectif = {amount}",
	"target.below":      "{rule} : {basis} pour un objectif de {target} en {period}, soit {attainment} de réalisation ; encore {missing} pour atteindre le palier {step}",

	// SPIF.
	"spif.units": "{rule} : {units} unités de {skus} vendues du {from} au {to} à {each} par unité = {amount}",
	"spif.deals": "{rule} : {deals} affaires de {skus} conclues du {from} au {to} à {each} par affaire = {amount}",
	"spif.rate":  "{rule} : {basis} de {skus} vendus du {from} au {to} à {rate} = {amount}",

	// Deal registration bonus.
	"dealreg.paid":     "{rule} : facture {invoice} sur l'enregistrement {registration} approuvé le {approved}, vendue sous {window} jours : {net} à {rate} = {amount}",
	"dealreg.late":     "{rule} : facture {invoice} vendue le {date}, après la clôture de l'enregistrement {registration} le {deadline} ; rien n'est versé",
	"dealreg.rejected": "{rule} : facture {invoice} : l'enregistrement {registration} a été refusé ; rien n'est versé",
	"dealreg.pending":  "{rule} : facture {invoice} : l'enregistrement {registration} n'est pas approuvé ; rien n'est versé",
	"dealreg.expired":  "{rule} : facture {invoice} : l'enregistrement {registration} a expiré ; rien n'est versé",

	// Referral.
	"referral.bounty": "{rule} : nouveau client {customer} (facture {invoice}) = {amount}",
	"referral.rate":   "{rule} : revenu d'abonnement {basis} du client recommandé {customer} en {period} à {rate} = {amount}",

	// Fund accrual (MDF, co-op).
	"fund.accrual": "{rule} : {basis} en {period} à {rate} crédité au fonds {fund} = {amount}, expire le {expires}",

	// Training, activity, loyalty.
	"training.course": "{rule} : {rep} a terminé {course} le {date} = {amount}",
	"activity.count":  "{rule} : {count} x {type} en {period} à {each} = {amount}",
	"loyalty.points":  "{rule} : {basis} en {period} à {points} points par {per} = {amount}",

	// Modifiers, rendered after the main text.
	"mod.tier":        "x {multiplier} pour le niveau {tier}",
	"mod.cap":         "plafonné à {cap}",
	"mod.tier.amount": "x {multiplier} pour le niveau {tier} = {amount}",

	// Adjustments of closed periods.
	"adjust.return":    "{rule} : retour de la facture {invoice} de {original_period} : {basis} au taux effectif {rate} de {original_period} = {amount}",
	"adjust.late":      "{rule} : vente tardive {invoice} de {original_period} : {basis} au taux effectif {rate} de {original_period} = {amount}",
	"adjust.recompute": "{rule} : {period} donne désormais {fresh} ; {kept} était déjà approuvé ; différence {amount}",

	// Progress nudges.
	"nudge.band":           "encore {missing} en {period} pour atteindre la tranche à partir de {from} à {rate}",
	"nudge.step":           "encore {missing} en {period} pour atteindre le palier d'objectif {step} ({amount})",
	"nudge.tier":           "{missing} pour atteindre le niveau {tier}",
	"nudge.top":            "niveau le plus élevé {tier} atteint",
	"nudge.tier.qualified": "qualifié pour le niveau {tier} lors de la prochaine revue des niveaux",
	"need.revenue":         "{amount} de chiffre d'affaires",
	"need.units":           "{units} unités",
	"need.certs":           "{count} certifications",
	"need.cert":            "{count} certification",
	"need.reg":             "{count} enregistrement gagné",
	"need.regs":            "{count} enregistrements gagnés",
	"need.point":           "{count} point d'activité",
	"need.points":          "{count} points d'activité",

	// Words used as ArgKey values.
	"word.retroactive": "rétroactif",
	"word.marginal":    "marginal",
	"word.and":         "et",
}
