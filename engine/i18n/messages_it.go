package i18n

// messagesIT holds the Italian templates of engine.Messages.
var messagesIT = map[string]string{
	// Rate rules (commission, volume rebate).
	"rate.flat":        "{rule}: {basis} nel periodo {period} al {rate} = {amount}",
	"rate.units.flat":  "{rule}: {units} unità nel periodo {period} a {each} per unità = {amount}",
	"rate.retroactive": "{rule}: {basis} nel periodo {period} raggiunge lo scaglione da {from} al {rate} ({mode}) = {amount}",
	"rate.marginal":    "{rule}: {basis} nel periodo {period} pagato scaglione per scaglione fino allo scaglione da {from} al {rate} ({mode}) = {amount}",
	"rate.units.band":  "{rule}: {units} unità nel periodo {period} raggiungono lo scaglione da {from} a {each} per unità ({mode}) = {amount}",
	"basis.negative":   "{rule}: la base {basis} nel periodo {period} è negativa; nulla è dovuto",

	// Target bonus.
	"target.step":       "{rule}: {basis} su obiettivo {target} nel periodo {period}, raggiungimento {attainment}: soglia {step} raggiunta = {amount}",
	"target.step.accel": "{rule}: {basis} su obiettivo {target} nel periodo {period}, raggiungimento {attainment}: soglia {step} raggiunta ({step_amount}) più {accel} su {above} oltre l'obiettivo = {amount}",
	"target.below":      "{rule}: {basis} su obiettivo {target} nel periodo {period}, raggiungimento {attainment}; mancano {missing} per la soglia {step}",

	// SPIF.
	"spif.units": "{rule}: {units} unità di {skus} vendute dal {from} al {to} a {each} per unità = {amount}",
	"spif.deals": "{rule}: {deals} contratti di {skus} venduti dal {from} al {to} a {each} per contratto = {amount}",
	"spif.rate":  "{rule}: {basis} di {skus} venduti dal {from} al {to} al {rate} = {amount}",

	// Deal registration bonus.
	"dealreg.paid":     "{rule}: fattura {invoice} sulla registrazione {registration} approvata il {approved}, venduta entro {window} giorni: {net} al {rate} = {amount}",
	"dealreg.late":     "{rule}: fattura {invoice} venduta il {date}, dopo la chiusura della registrazione {registration} il {deadline}; nulla è dovuto",
	"dealreg.rejected": "{rule}: fattura {invoice}: la registrazione {registration} è stata respinta; nulla è dovuto",
	"dealreg.pending":  "{rule}: fattura {invoice}: la registrazione {registration} non è approvata; nulla è dovuto",
	"dealreg.expired":  "{rule}: fattura {invoice}: la registrazione {registration} è scaduta; nulla è dovuto",

	// Referral.
	"referral.bounty": "{rule}: nuovo cliente {customer} (fattura {invoice}) = {amount}",
	"referral.rate":   "{rule}: ricavi da abbonamento {basis} del cliente segnalato {customer} nel periodo {period} al {rate} = {amount}",

	// Fund accrual (MDF, co-op).
	"fund.accrual": "{rule}: {basis} nel periodo {period} al {rate} accreditato al fondo {fund} = {amount}, scade il {expires}",

	// Training, activity, loyalty.
	"training.course": "{rule}: {rep} ha completato {course} il {date} = {amount}",
	"activity.count":  "{rule}: {count} x {type} nel periodo {period} a {each} = {amount}",
	"loyalty.points":  "{rule}: {basis} nel periodo {period} a {points} punti ogni {per} = {amount}",

	// Modifiers, rendered after the main text.
	"mod.tier":        "x {multiplier} per il livello {tier}",
	"mod.cap":         "limitato a {cap}",
	"mod.tier.amount": "x {multiplier} per il livello {tier} = {amount}",

	// Adjustments of closed periods.
	"adjust.return":    "{rule}: reso della fattura {invoice} del periodo {original_period}: {basis} al tasso effettivo {rate} del periodo {original_period} = {amount}",
	"adjust.late":      "{rule}: vendita tardiva {invoice} del periodo {original_period}: {basis} al tasso effettivo {rate} del periodo {original_period} = {amount}",
	"adjust.recompute": "{rule}: il periodo {period} ora risulta {fresh}; {kept} era già approvato; differenza {amount}",

	// Progress nudges.
	"nudge.band":           "mancano {missing} nel periodo {period} per lo scaglione da {from} al {rate}",
	"nudge.step":           "mancano {missing} nel periodo {period} per la soglia obiettivo {step} ({amount})",
	"nudge.tier":           "{missing} per il livello {tier}",
	"nudge.top":            "livello massimo {tier} raggiunto",
	"nudge.tier.qualified": "requisiti per il livello {tier} raggiunti: sarà proposto alla prossima revisione dei livelli",
	"need.revenue":         "{amount} di fatturato",
	"need.units":           "{units} unità",
	"need.certs":           "{count} certificazioni",
	"need.cert":            "{count} certificazione",
	"need.reg":             "{count} registrazione vinta",
	"need.regs":            "{count} registrazioni vinte",
	"need.point":           "{count} punto attività",
	"need.points":          "{count} punti attività",

	// Words used as ArgKey values.
	"word.retroactive": "retroattivo",
	"word.marginal":    "marginale",
	"word.and":         "e",
}
