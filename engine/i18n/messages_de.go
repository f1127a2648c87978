package i18n

// messagesDE holds the German templates of engine.Messages. A rate band is
// a "Staffel", a target step a "Zielstufe" and a tier a "Partnerstufe", so
// the three never read alike.
var messagesDE = map[string]string{
	// Rate rules (commission, volume rebate).
	"rate.flat":        "{rule}: {basis} in {period} zu {rate} = {amount}",
	"rate.units.flat":  "{rule}: {units} Einheiten in {period} zu {each} je Einheit = {amount}",
	"rate.retroactive": "{rule}: {basis} in {period} erreicht die Staffel ab {from} zu {rate} ({mode}) = {amount}",
	"rate.marginal":    "{rule}: {basis} in {period} Staffel für Staffel vergütet bis zur Staffel ab {from} zu {rate} ({mode}) = {amount}",
	"rate.units.band":  "{rule}: {units} Einheiten in {period} erreichen die Staffel ab {from} zu {each} je Einheit ({mode}) = {amount}",
	"basis.negative":   "{rule}: Bemessungsgrundlage {basis} in {period} ist negativ; es wird nichts ausgezahlt",

	// Target bonus.
	"target.step":       "{rule}: {basis} gegenüber Ziel {target} in {period} ergibt {attainment} Zielerreichung, Zielstufe {step} erreicht = {amount}",
	"target.step.accel": "{rule}: {basis} gegenüber Ziel {target} in {period} ergibt {attainment} Zielerreichung, Zielstufe {step} erreicht ({step_amount}) zuzüglich {accel} auf {above} über dem Ziel = {amount}",
	"target.below":      "{rule}: {basis} gegenüber Ziel {target} in {period} ergibt {attainment} Zielerreichung; noch {missing} bis zur Zielstufe {step}",

	// SPIF.
	"spif.units": "{rule}: {units} Einheiten {skus} verkauft vom {from} bis {to} zu {each} je Einheit = {amount}",
	"spif.deals": "{rule}: {deals} Abschlüsse {skus} vom {from} bis {to} zu {each} je Abschluss = {amount}",
	"spif.rate":  "{rule}: {basis} mit {skus} verkauft vom {from} bis {to} zu {rate} = {amount}",

	// Deal registration bonus.
	"dealreg.paid":     "{rule}: Rechnung {invoice} zur Registrierung {registration}, genehmigt am {approved}, verkauft innerhalb von {window} Tagen: {net} zu {rate} = {amount}",
	"dealreg.late":     "{rule}: Rechnung {invoice} verkauft am {date}, nachdem die Registrierung {registration} am {deadline} endete; es wird nichts ausgezahlt",
	"dealreg.rejected": "{rule}: Rechnung {invoice}: Registrierung {registration} wurde abgelehnt; es wird nichts ausgezahlt",
	"dealreg.pending":  "{rule}: Rechnung {invoice}: Registrierung {registration} ist nicht genehmigt; es wird nichts ausgezahlt",
	"dealreg.expired":  "{rule}: Rechnung {invoice}: Registrierung {registration} ist abgelaufen; es wird nichts ausgezahlt",

	// Referral.
	"referral.bounty": "{rule}: Neukunde {customer} (Rechnung {invoice}) = {amount}",
	"referral.rate":   "{rule}: Abonnementumsatz {basis} des empfohlenen Kunden {customer} in {period} zu {rate} = {amount}",

	// Fund accrual (MDF, co-op).
	"fund.accrual": "{rule}: {basis} in {period} zu {rate} dem Fonds {fund} gutgeschrieben = {amount}, verfällt am {expires}",

	// Training, activity, loyalty.
	"training.course": "{rule}: {rep} hat {course} am {date} abgeschlossen = {amount}",
	"activity.count":  "{rule}: {count} x {type} in {period} zu {each} = {amount}",
	"loyalty.points":  "{rule}: {basis} in {period} zu {points} Punkten je {per} = {amount}",

	// Modifiers, rendered after the main text.
	"mod.tier":        "x {multiplier} für Partnerstufe {tier}",
	"mod.cap":         "begrenzt auf {cap}",
	"mod.tier.amount": "x {multiplier} für Partnerstufe {tier} = {amount}",

	// Adjustments of closed periods.
	"adjust.return":    "{rule}: Rückgabe zu Rechnung {invoice} aus {original_period}: {basis} zum effektiven Satz {rate} von {original_period} = {amount}",
	"adjust.late":      "{rule}: Nachmeldung {invoice} aus {original_period}: {basis} zum effektiven Satz {rate} von {original_period} = {amount}",
	"adjust.recompute": "{rule}: {period} ergibt jetzt {fresh}; {kept} war bereits genehmigt; Differenz {amount}",

	// Progress nudges.
	"nudge.band":           "noch {missing} in {period} bis zur Staffel ab {from} zu {rate}",
	"nudge.step":           "noch {missing} in {period} bis zur Zielstufe {step} ({amount})",
	"nudge.tier":           "{missing} bis Partnerstufe {tier}",
	"nudge.top":            "höchste Partnerstufe {tier} erreicht",
	"nudge.tier.qualified": "erfüllt die Voraussetzungen für Partnerstufe {tier} bei der nächsten Stufenprüfung",
	"need.revenue":         "{amount} Umsatz",
	"need.units":           "{units} Einheiten",
	"need.certs":           "{count} Zertifizierungen",
	"need.cert":            "{count} Zertifizierung",
	"need.reg":             "{count} gewonnene Registrierung",
	"need.regs":            "{count} gewonnene Registrierungen",
	"need.point":           "{count} Aktivitätspunkt",
	"need.points":          "{count} Aktivitätspunkte",

	// Words used as ArgKey values.
	"word.retroactive": "rückwirkend",
	"word.marginal":    "stufenweise",
	"word.and":         "und",
}
