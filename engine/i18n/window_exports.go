package i18n

// The Exports screen (ui/exports.go): lines, payouts, funds, points and
// the journal for a period, saved as CSV or XLSX.
func init() {
	AddWindowText(map[string]W{
		"Exports":                    {IT: "Esportazioni", FR: "Exports", NL: "Exports", ID: "Ekspor", DE: "Exporte", ES: "Exportaciones"},
		"Export":                     {IT: "Esportazione", FR: "Export", NL: "Export", ID: "Ekspor", DE: "Export", ES: "Exportación"},
		"Format":                     {IT: "Formato", FR: "Format", NL: "Formaat", ID: "Format", DE: "Format", ES: "Formato"},
		"Save…":                      {IT: "Salva…", FR: "Enregistrer…", NL: "Opslaan…", ID: "Simpan…", DE: "Speichern…", ES: "Guardar…"},
		"Payouts":                    {IT: "Pagamenti", FR: "Paiements", NL: "Uitbetalingen", ID: "Pembayaran", DE: "Auszahlungen", ES: "Pagos"},
		"Fund movements":             {IT: "Movimenti dei fondi", FR: "Mouvements des fonds", NL: "Fondsmutaties", ID: "Mutasi dana", DE: "Fondsbewegungen", ES: "Movimientos de fondos"},
		"Points movements":           {IT: "Movimenti dei punti", FR: "Mouvements de points", NL: "Puntenmutaties", ID: "Mutasi poin", DE: "Punktebewegungen", ES: "Movimientos de puntos"},
		"Journal for the accountant": {IT: "Prima nota per il commercialista", FR: "Journal pour le comptable", NL: "Journaal voor de boekhouder", ID: "Jurnal untuk akuntan", DE: "Journal für die Buchhaltung", ES: "Diario para el contable"},
		"Exports for the accountant": {IT: "Esportazioni per il commercialista", FR: "Exports pour le comptable", NL: "Exports voor de boekhouder", ID: "Ekspor untuk akuntan", DE: "Exporte für die Buchhaltung", ES: "Exportaciones para el contable"},
		"2026-Q2, 2026-04 or 2026 (the fiscal year)": {IT: "2026-Q2, 2026-04 o 2026 (l'esercizio)", FR: "2026-Q2, 2026-04 ou 2026 (l'exercice)", NL: "2026-Q2, 2026-04 of 2026 (het boekjaar)", ID: "2026-Q2, 2026-04 atau 2026 (tahun buku)", DE: "2026-Q2, 2026-04 oder 2026 (das Geschäftsjahr)", ES: "2026-Q2, 2026-04 o 2026 (el ejercicio)"},
		"A period selects what is dated inside it, for every kind. CSV files follow the company's CSV style (Settings > Books).": {
			IT: "Per ogni tipo, un periodo seleziona ciò che ha una data al suo interno. I file CSV seguono lo stile CSV dell'azienda (Impostazioni > Contabilità).",
			FR: "Pour chaque type, une période sélectionne ce qui est daté à l'intérieur. Les fichiers CSV suivent le style CSV de l'entreprise (Paramètres > Comptabilité).",
			NL: "Voor elke soort selecteert een periode wat erbinnen gedateerd is. CSV-bestanden volgen de CSV-stijl van het bedrijf (Instellingen > Boekhouding).",
			ID: "Untuk setiap jenis, periode memilih apa yang bertanggal di dalamnya. Berkas CSV mengikuti gaya CSV perusahaan (Pengaturan > Pembukuan).",
			DE: "Für jede Art wählt ein Zeitraum aus, was in ihm datiert ist. CSV-Dateien folgen dem CSV-Stil des Unternehmens (Einstellungen > Buchhaltung).",
			ES: "Para cada tipo, un periodo selecciona lo que tiene fecha dentro de él. Los archivos CSV siguen el estilo CSV de la empresa (Ajustes > Contabilidad)."},
		"One row per reward line (draft, approved or paid) of every period inside the period, as on statements, dated at the end of its period.": {
			IT: "Una riga per ogni riga premio (bozza, approvata o pagata) di ogni periodo compreso nel periodo, come negli estratti conto, datata alla fine del suo periodo.",
			FR: "Une ligne par ligne de prime (brouillon, approuvée ou payée) de chaque période comprise dans la période, comme sur les relevés, datée de la fin de sa période.",
			NL: "Eén rij per beloningsregel (concept, goedgekeurd of betaald) van elke periode binnen de periode, zoals op de overzichten, gedateerd op het einde van haar periode.",
			ID: "Satu baris per rincian imbalan (draf, disetujui, atau dibayar) dari setiap periode di dalam periode ini, seperti pada laporan, bertanggal akhir periodenya.",
			DE: "Eine Zeile je Prämienposition (Entwurf, freigegeben oder bezahlt) jedes Zeitraums innerhalb des Zeitraums, wie in den Abrechnungen, datiert auf das Ende ihres Zeitraums.",
			ES: "Una fila por línea de recompensa (borrador, aprobada o pagada) de cada periodo dentro del periodo, como en los extractos, con fecha del final de su periodo."},
		"One row per payout dated in the period, with the lines it settles; a negative amount is a recovery.": {
			IT: "Una riga per ogni pagamento datato nel periodo, con le righe che salda; un importo negativo è un recupero.",
			FR: "Une ligne par paiement daté dans la période, avec les lignes qu'il règle ; un montant négatif est une récupération.",
			NL: "Eén rij per uitbetaling gedateerd in de periode, met de regels die ze vereffent; een negatief bedrag is een terugvordering.",
			ID: "Satu baris per pembayaran bertanggal dalam periode, dengan baris yang dilunasinya; jumlah negatif adalah penagihan kembali.",
			DE: "Eine Zeile je Auszahlung im Zeitraum, mit den Zeilen, die sie begleicht; ein negativer Betrag ist eine Rückforderung.",
			ES: "Una fila por pago fechado en el periodo, con las líneas que liquida; un importe negativo es una recuperación."},
		"One row per fund movement dated in the period: accruals, claw-backs, claims and expiries.": {
			IT: "Una riga per ogni movimento dei fondi datato nel periodo: accantonamenti, storni, richieste e scadenze.",
			FR: "Une ligne par mouvement de fonds daté dans la période : dotations, reprises, demandes et expirations.",
			NL: "Eén rij per fondsmutatie gedateerd in de periode: opbouw, terugboekingen, claims en vervallen bedragen.",
			ID: "Satu baris per mutasi dana bertanggal dalam periode: akrual, penarikan kembali, klaim, dan kedaluwarsa.",
			DE: "Eine Zeile je Fondsbewegung im Zeitraum: Zuführungen, Rückbuchungen, Anträge und Verfall.",
			ES: "Una fila por movimiento de fondos fechado en el periodo: dotaciones, retrocesiones, solicitudes y vencimientos."},
		"One row per points movement dated in the period: earned, redeemed and expired.": {
			IT: "Una riga per ogni movimento di punti datato nel periodo: guadagnati, riscattati e scaduti.",
			FR: "Une ligne par mouvement de points daté dans la période : gagnés, échangés et expirés.",
			NL: "Eén rij per puntenmutatie gedateerd in de periode: verdiend, ingewisseld en vervallen.",
			ID: "Satu baris per mutasi poin bertanggal dalam periode: diperoleh, ditukarkan, dan kedaluwarsa.",
			DE: "Eine Zeile je Punktebewegung im Zeitraum: verdient, eingelöst und verfallen.",
			ES: "Una fila por movimiento de puntos fechado en el periodo: ganados, canjeados y vencidos."},
		"One row per journal entry dated in the period, one debit and one credit on the company's chart of accounts, to post as it is.": {
			IT: "Una riga per ogni scrittura datata nel periodo, un dare e un avere sul piano dei conti dell'azienda, da registrare così com'è.",
			FR: "Une ligne par écriture datée dans la période, un débit et un crédit sur le plan comptable de l'entreprise, à passer telle quelle.",
			NL: "Eén rij per journaalpost gedateerd in de periode, één debet en één credit op het rekeningschema van het bedrijf, om zo te boeken.",
			ID: "Satu baris per entri jurnal bertanggal dalam periode, satu debit dan satu kredit pada bagan akun perusahaan, untuk dibukukan apa adanya.",
			DE: "Eine Zeile je Buchung im Zeitraum, eine Soll- und eine Habenbuchung auf dem Kontenplan des Unternehmens, so zu übernehmen, wie sie ist.",
			ES: "Una fila por asiento fechado en el periodo, un cargo y un abono en el plan de cuentas de la empresa, para contabilizar tal cual."},
		"comma-separated, decimal point":     {IT: "separato da virgole, punto decimale", FR: "séparé par des virgules, point décimal", NL: "gescheiden door komma's, decimale punt", ID: "dipisah koma, titik desimal", DE: "durch Kommas getrennt, Dezimalpunkt", ES: "separado por comas, punto decimal"},
		"semicolon-separated, decimal comma": {IT: "separato da punti e virgola, virgola decimale", FR: "séparé par des points-virgules, virgule décimale", NL: "gescheiden door puntkomma's, decimale komma", ID: "dipisah titik koma, koma desimal", DE: "durch Semikolons getrennt, Dezimalkomma", ES: "separado por punto y coma, coma decimal"},
		"%d rows for %s (%s to %s). CSV: %s. The first %d rows:": {
			IT: "%d righe per %s (dal %s al %s). CSV: %s. Le prime %d righe:",
			FR: "%d lignes pour %s (du %s au %s). CSV : %s. Les %d premières lignes :",
			NL: "%d rijen voor %s (%s tot %s). CSV: %s. De eerste %d rijen:",
			ID: "%d baris untuk %s (%s sampai %s). CSV: %s. %d baris pertama:",
			DE: "%d Zeilen für %s (%s bis %s). CSV: %s. Die ersten %d Zeilen:",
			ES: "%d filas para %s (del %s al %s). CSV: %s. Las primeras %d filas:"},
		"%s, %s: save as %s": {IT: "%s, %s: salva come %s", FR: "%s, %s : enregistrer en %s", NL: "%s, %s: opslaan als %s", ID: "%s, %s: simpan sebagai %s", DE: "%s, %s: als %s speichern", ES: "%s, %s: guardar como %s"},
		"Nothing for %s (%s to %s): the file will hold the column names only. CSV: %s.": {
			IT: "Nulla per %s (dal %s al %s): il file conterrà solo i nomi delle colonne. CSV: %s.",
			FR: "Rien pour %s (du %s au %s) : le fichier ne contiendra que les noms des colonnes. CSV : %s.",
			NL: "Niets voor %s (%s tot %s): het bestand bevat alleen de kolomnamen. CSV: %s.",
			ID: "Tidak ada untuk %s (%s sampai %s): berkas hanya akan berisi nama kolom. CSV: %s.",
			DE: "Nichts für %s (%s bis %s): die Datei enthält nur die Spaltennamen. CSV: %s.",
			ES: "Nada para %s (del %s al %s): el archivo solo tendrá los nombres de las columnas. CSV: %s."},
		"Saved %d rows to %s": {IT: "%d righe salvate in %s", FR: "%d lignes enregistrées dans %s", NL: "%d rijen opgeslagen in %s", ID: "%d baris disimpan ke %s", DE: "%d Zeilen gespeichert in %s", ES: "%d filas guardadas en %s"},
		"Writing %s…":         {IT: "Scrittura di %s…", FR: "Écriture de %s…", NL: "%s wordt geschreven…", ID: "Menulis %s…", DE: "%s wird geschrieben…", ES: "Escribiendo %s…"},
	})
}
