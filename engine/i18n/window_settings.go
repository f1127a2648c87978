package i18n

// The settings screen (ui/settings.go).
func init() {
	AddWindowText(map[string]W{
		"Company default":       {IT: "Predefinita dell'azienda", FR: "Par défaut de l'entreprise", NL: "Standaard van het bedrijf", ID: "Bawaan perusahaan", DE: "Firmenstandard", ES: "Predeterminado de la empresa"},
		"Your company's name":   {IT: "Il nome della tua azienda", FR: "Le nom de votre entreprise", NL: "De naam van uw bedrijf", ID: "Nama perusahaan Anda", DE: "Name Ihrer Firma", ES: "El nombre de su empresa"},
		"Street, city, country": {IT: "Via, città, paese", FR: "Rue, ville, pays", NL: "Straat, plaats, land", ID: "Jalan, kota, negara", DE: "Straße, Ort, Land", ES: "Calle, ciudad, país"},
		"No logo":               {IT: "Nessun logo", FR: "Aucun logo", NL: "Geen logo", ID: "Tanpa logo", DE: "Kein Logo", ES: "Sin logotipo"},
		"Choose…":               {IT: "Scegli…", FR: "Choisir…", NL: "Kiezen…", ID: "Pilih…", DE: "Wählen…", ES: "Elegir…"},
		"Remove":                {IT: "Rimuovi", FR: "Retirer", NL: "Verwijderen", ID: "Hapus", DE: "Entfernen", ES: "Quitar"},
		"Your name, written into the audit trail": {IT: "Il tuo nome, registrato nel registro delle modifiche", FR: "Votre nom, inscrit dans le journal d'audit", NL: "Uw naam, vastgelegd in het auditlogboek", ID: "Nama Anda, dicatat di jejak audit", DE: "Ihr Name, wird im Änderungsprotokoll vermerkt", ES: "Su nombre, anotado en el registro de auditoría"},
		"Company name":             {IT: "Ragione sociale", FR: "Raison sociale", NL: "Bedrijfsnaam", ID: "Nama perusahaan", DE: "Firmenname", ES: "Razón social"},
		"Address":                  {IT: "Indirizzo", FR: "Adresse", NL: "Adres", ID: "Alamat", DE: "Anschrift", ES: "Dirección"},
		"Logo":                     {IT: "Logo", FR: "Logo", NL: "Logo", ID: "Logo", DE: "Logo", ES: "Logotipo"},
		"Currency (ISO 4217)":      {IT: "Valuta (ISO 4217)", FR: "Devise (ISO 4217)", NL: "Valuta (ISO 4217)", ID: "Mata uang (ISO 4217)", DE: "Währung (ISO 4217)", ES: "Moneda (ISO 4217)"},
		"Minor units":              {IT: "Decimali", FR: "Décimales", NL: "Decimalen", ID: "Angka desimal", DE: "Nachkommastellen", ES: "Decimales"},
		"Fiscal year starts in":    {IT: "L'esercizio inizia a", FR: "L'exercice commence en", NL: "Boekjaar begint in", ID: "Tahun buku dimulai pada", DE: "Geschäftsjahr beginnt im", ES: "El ejercicio empieza en"},
		"Statement language":       {IT: "Lingua degli estratti conto", FR: "Langue des relevés", NL: "Taal van de overzichten", ID: "Bahasa laporan", DE: "Sprache der Abrechnungen", ES: "Idioma de los extractos"},
		"Operator (this computer)": {IT: "Operatore (questo computer)", FR: "Opérateur (cet ordinateur)", NL: "Medewerker (deze computer)", ID: "Operator (komputer ini)", DE: "Bearbeiter (dieser Computer)", ES: "Operador (este equipo)"},
		"Save settings":            {IT: "Salva impostazioni", FR: "Enregistrer les paramètres", NL: "Instellingen opslaan", ID: "Simpan pengaturan", DE: "Einstellungen speichern", ES: "Guardar configuración"},
		"Company":                  {IT: "Azienda", FR: "Entreprise", NL: "Bedrijf", ID: "Perusahaan", DE: "Firma", ES: "Empresa"},
		"A checked copy of the database goes into the backups folder beside it; an earlier backup is never replaced.": {
			IT: "Una copia verificata del database va nella cartella dei backup accanto a esso; un backup precedente non viene mai sostituito.",
			FR: "Une copie vérifiée de la base de données est placée dans le dossier des sauvegardes à côté d'elle ; une sauvegarde antérieure n'est jamais remplacée.",
			NL: "Een gecontroleerde kopie van de database komt in de back-upmap ernaast; een eerdere back-up wordt nooit vervangen.",
			ID: "Salinan basis data yang sudah diperiksa masuk ke folder cadangan di sebelahnya; cadangan sebelumnya tidak pernah ditimpa.",
			DE: "Eine geprüfte Kopie der Datenbank kommt in den Sicherungsordner daneben; eine frühere Sicherung wird nie ersetzt.",
			ES: "Una copia comprobada de la base de datos va a la carpeta de copias de seguridad junto a ella; una copia anterior nunca se sustituye.",
		},
		"Back up now":                           {IT: "Esegui backup ora", FR: "Sauvegarder maintenant", NL: "Nu back-up maken", ID: "Cadangkan sekarang", DE: "Jetzt sichern", ES: "Hacer copia ahora"},
		"Backup":                                {IT: "Backup", FR: "Sauvegarde", NL: "Back-up", ID: "Cadangan", DE: "Sicherung", ES: "Copia de seguridad"},
		"%d KB":                                 {IT: "%d KB", FR: "%d Ko", NL: "%d kB", ID: "%d KB", DE: "%d KB", ES: "%d KB"},
		"Choose the company logo (PNG or JPEG)": {IT: "Scegli il logo dell'azienda (PNG o JPEG)", FR: "Choisissez le logo de l'entreprise (PNG ou JPEG)", NL: "Kies het bedrijfslogo (PNG of JPEG)", ID: "Pilih logo perusahaan (PNG atau JPEG)", DE: "Firmenlogo wählen (PNG oder JPEG)", ES: "Elija el logotipo de la empresa (PNG o JPEG)"},
		"Settings saved.":                       {IT: "Impostazioni salvate.", FR: "Paramètres enregistrés.", NL: "Instellingen opgeslagen.", ID: "Pengaturan disimpan.", DE: "Einstellungen gespeichert.", ES: "Configuración guardada."},
		"Backup written to %s (checked).":       {IT: "Backup scritto in %s (verificato).", FR: "Sauvegarde écrite dans %s (vérifiée).", NL: "Back-up geschreven naar %s (gecontroleerd).", ID: "Cadangan ditulis ke %s (sudah diperiksa).", DE: "Sicherung geschrieben nach %s (geprüft).", ES: "Copia escrita en %s (comprobada)."},
	})
}
