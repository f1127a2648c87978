package i18n

// messagesID holds the Indonesian templates of engine.Messages.
var messagesID = map[string]string{
	// Rate rules (commission, volume rebate).
	"rate.flat":        "{rule}: {basis} pada {period} dengan tarif {rate} = {amount}",
	"rate.units.flat":  "{rule}: {units} unit pada {period} dengan {each} per unit = {amount}",
	"rate.retroactive": "{rule}: {basis} pada {period} mencapai jenjang mulai {from} dengan tarif {rate} ({mode}) = {amount}",
	"rate.marginal":    "{rule}: {basis} pada {period} dibayar per jenjang hingga jenjang mulai {from} dengan tarif {rate} ({mode}) = {amount}",
	"rate.units.band":  "{rule}: {units} unit pada {period} mencapai jenjang mulai {from} dengan {each} per unit ({mode}) = {amount}",
	"basis.negative":   "{rule}: dasar {basis} pada {period} negatif; tidak ada yang dibayarkan",

	// Target bonus.
	"target.step":       "{rule}: {basis} terhadap target {target} pada {period} berarti pencapaian {attainment}, mencapai tahap {step} = {amount}",
	"target.step.accel": "{rule}: {basis} terhadap target {target} pada {period} berarti pencapaian {attainment}, mencapai tahap {step} ({step_amount}) ditambah {accel} atas {above} di atas target = {amount}",
	"target.below":      "{rule}: {basis} terhadap target {target} pada {period} berarti pencapaian {attainment}; kurang {missing} lagi untuk mencapai tahap {step}",

	// SPIF.
	"spif.units": "{rule}: {units} unit {skus} terjual {from} sampai {to} dengan {each} per unit = {amount}",
	"spif.deals": "{rule}: {deals} transaksi {skus} terjual {from} sampai {to} dengan {each} per transaksi = {amount}",
	"spif.rate":  "{rule}: {basis} dari {skus} terjual {from} sampai {to} dengan tarif {rate} = {amount}",

	// Deal registration bonus.
	"dealreg.paid":     "{rule}: faktur {invoice} atas registrasi {registration} yang disetujui {approved}, terjual dalam {window} hari: {net} dengan tarif {rate} = {amount}",
	"dealreg.late":     "{rule}: faktur {invoice} terjual {date}, setelah registrasi {registration} ditutup pada {deadline}; tidak ada yang dibayarkan",
	"dealreg.rejected": "{rule}: faktur {invoice}: registrasi {registration} ditolak; tidak ada yang dibayarkan",
	"dealreg.pending":  "{rule}: faktur {invoice}: registrasi {registration} belum disetujui; tidak ada yang dibayarkan",
	"dealreg.expired":  "{rule}: faktur {invoice}: registrasi {registration} kedaluwarsa; tidak ada yang dibayarkan",

	// Referral.
	"referral.bounty": "{rule}: pelanggan baru {customer} (faktur {invoice}) = {amount}",
	"referral.rate":   "{rule}: pendapatan langganan {basis} dari pelanggan rujukan {customer} pada {period} dengan tarif {rate} = {amount}",

	// Fund accrual (MDF, co-op).
	"fund.accrual": "{rule}: {basis} pada {period} dengan tarif {rate} dikreditkan ke dana {fund} = {amount}, kedaluwarsa {expires}",

	// Training, activity, loyalty.
	"training.course": "{rule}: {rep} menyelesaikan {course} pada {date} = {amount}",
	"activity.count":  "{rule}: {count} x {type} pada {period} dengan {each} = {amount}",
	"loyalty.points":  "{rule}: {basis} pada {period} dengan {points} poin per {per} = {amount}",

	// Modifiers, rendered after the main text.
	"mod.tier":        "x {multiplier} untuk tingkat {tier}",
	"mod.cap":         "dibatasi {cap}",
	"mod.tier.amount": "x {multiplier} untuk tingkat {tier} = {amount}",

	// Adjustments of closed periods.
	"adjust.return":    "{rule}: retur faktur {invoice} dari {original_period}: {basis} dengan tarif efektif {original_period} sebesar {rate} = {amount}",
	"adjust.late":      "{rule}: penjualan terlambat {invoice} dari {original_period}: {basis} dengan tarif efektif {original_period} sebesar {rate} = {amount}",
	"adjust.recompute": "{rule}: {period} kini menghasilkan {fresh}; {kept} sudah disetujui; selisih {amount}",

	// Progress nudges.
	"nudge.band":           "kurang {missing} lagi pada {period} untuk mencapai jenjang mulai {from} dengan tarif {rate}",
	"nudge.step":           "kurang {missing} lagi pada {period} untuk mencapai tahap target {step} ({amount})",
	"nudge.tier":           "{missing} lagi menuju tingkat {tier}",
	"nudge.top":            "tingkat tertinggi {tier} tercapai",
	"nudge.tier.qualified": "memenuhi syarat tingkat {tier} pada peninjauan tingkat berikutnya",
	"need.revenue":         "pendapatan {amount}",
	"need.units":           "{units} unit",
	"need.certs":           "{count} sertifikasi",
	"need.cert":            "{count} sertifikasi",
	"need.reg":             "{count} registrasi yang dimenangkan",
	"need.regs":            "{count} registrasi yang dimenangkan",
	"need.point":           "{count} poin aktivitas",
	"need.points":          "{count} poin aktivitas",

	// Words used as ArgKey values.
	"word.retroactive": "retroaktif",
	"word.marginal":    "marginal",
	"word.and":         "dan",
}
