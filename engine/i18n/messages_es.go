package i18n

// messagesES holds the Spanish templates of engine.Messages.
var messagesES = map[string]string{
	// Rate rules (commission, volume rebate).
	"rate.flat":        "{rule}: {basis} en {period} al {rate} = {amount}",
	"rate.units.flat":  "{rule}: {units} unidades en {period} a {each} por unidad = {amount}",
	"rate.retroactive": "{rule}: {basis} en {period} alcanza el tramo desde {from} al {rate} ({mode}) = {amount}",
	"rate.marginal":    "{rule}: {basis} en {period} pagado tramo a tramo hasta el tramo desde {from} al {rate} ({mode}) = {amount}",
	"rate.units.band":  "{rule}: {units} unidades en {period} alcanzan el tramo desde {from} a {each} por unidad ({mode}) = {amount}",
	"basis.negative":   "{rule}: la base {basis} en {period} es negativa; no se paga nada",

	// Target bonus.
	"target.step":       "{rule}: {basis} frente al objetivo {target} en {period} supone un cumplimiento del {attainment}, alcanzando el escalón {step} = {amount}",
	"target.step.accel": "{rule}: {basis} frente al objetivo {target} en {period} supone un cumplimiento del {attainment}, alcanzando el escalón {step} ({step_amount}) más {accel} sobre {above} por encima del objetivo = {amount}",
	"target.below":      "{rule}: {basis} frente al objetivo {target} en {period} supone un cumplimiento del {attainment}; faltan {missing} para el escalón {step}",

	// SPIF.
	"spif.units": "{rule}: {units} unidades de {skus} vendidas del {from} al {to} a {each} por unidad = {amount}",
	"spif.deals": "{rule}: {deals} operaciones de {skus} cerradas del {from} al {to} a {each} por operación = {amount}",
	"spif.rate":  "{rule}: {basis} de {skus} vendido del {from} al {to} al {rate} = {amount}",

	// Deal registration bonus.
	"dealreg.paid":     "{rule}: factura {invoice} del registro {registration} aprobado el {approved}, vendida en un plazo de {window} días: {net} al {rate} = {amount}",
	"dealreg.late":     "{rule}: factura {invoice} vendida el {date}, después del cierre del registro {registration} el {deadline}; no se paga nada",
	"dealreg.rejected": "{rule}: factura {invoice}: el registro {registration} fue rechazado; no se paga nada",
	"dealreg.pending":  "{rule}: factura {invoice}: el registro {registration} no está aprobado; no se paga nada",
	"dealreg.expired":  "{rule}: factura {invoice}: el registro {registration} ha caducado; no se paga nada",

	// Referral.
	"referral.bounty": "{rule}: cliente nuevo {customer} (factura {invoice}) = {amount}",
	"referral.rate":   "{rule}: ingresos por suscripción {basis} del cliente referido {customer} en {period} al {rate} = {amount}",

	// Fund accrual (MDF, co-op).
	"fund.accrual": "{rule}: {basis} en {period} al {rate} abonado al fondo {fund} = {amount}, caduca el {expires}",

	// Training, activity, loyalty.
	"training.course": "{rule}: {rep} completó {course} el {date} = {amount}",
	"activity.count":  "{rule}: {count} x {type} en {period} a {each} = {amount}",
	"loyalty.points":  "{rule}: {basis} en {period} a {points} puntos por cada {per} = {amount}",

	// Modifiers, rendered after the main text.
	"mod.tier":        "x {multiplier} por el nivel {tier}",
	"mod.cap":         "limitado a {cap}",
	"mod.tier.amount": "x {multiplier} por el nivel {tier} = {amount}",

	// Adjustments of closed periods.
	"adjust.return":    "{rule}: devolución de la factura {invoice} de {original_period}: {basis} al tipo efectivo {rate} de {original_period} = {amount}",
	"adjust.late":      "{rule}: venta tardía {invoice} de {original_period}: {basis} al tipo efectivo {rate} de {original_period} = {amount}",
	"adjust.recompute": "{rule}: {period} ahora resulta en {fresh}; {kept} ya estaba aprobado; diferencia {amount}",

	// Progress nudges.
	"nudge.band":           "faltan {missing} en {period} para el tramo desde {from} al {rate}",
	"nudge.step":           "faltan {missing} en {period} para el escalón de objetivo {step} ({amount})",
	"nudge.tier":           "{missing} para el nivel {tier}",
	"nudge.top":            "nivel máximo {tier} alcanzado",
	"nudge.tier.qualified": "cumple los requisitos del nivel {tier} en la próxima revisión de niveles",
	"need.revenue":         "{amount} de ingresos",
	"need.units":           "{units} unidades",
	"need.certs":           "{count} certificaciones",
	"need.cert":            "{count} certificación",
	"need.reg":             "{count} registro ganado",
	"need.regs":            "{count} registros ganados",
	"need.point":           "{count} punto de actividad",
	"need.points":          "{count} puntos de actividad",

	// Words used as ArgKey values.
	"word.retroactive": "retroactivo",
	"word.marginal":    "marginal",
	"word.and":         "y",
}
