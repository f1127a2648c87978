package i18n

// The shell: sidebar, menus, status line, and the words of Fyne's own
// dialogs (handed to Fyne in the window's language by ui.SetLang).
func init() {
	AddWindowText(map[string]W{
		// Screen titles (sidebar, header, Go menu).
		"Dashboard":        {IT: "Cruscotto", FR: "Tableau de bord", NL: "Dashboard", ID: "Dasbor", DE: "Übersicht", ES: "Panel"},
		"Partners":         {IT: "Partner", FR: "Partenaires", NL: "Partners", ID: "Mitra", DE: "Partner", ES: "Socios"},
		"Sales":            {IT: "Vendite", FR: "Ventes", NL: "Verkopen", ID: "Penjualan", DE: "Verkäufe", ES: "Ventas"},
		"Deals & activity": {IT: "Trattative e attività", FR: "Affaires et activités", NL: "Deals en activiteit", ID: "Deal & aktivitas", DE: "Deals & Aktivitäten", ES: "Negocios y actividad"},
		"Programs":         {IT: "Programmi", FR: "Programmes", NL: "Programma's", ID: "Program", DE: "Programme", ES: "Programas"},
		"Period run":       {IT: "Elaborazione periodo", FR: "Traitement de période", NL: "Periodeverwerking", ID: "Proses periode", DE: "Abrechnungslauf", ES: "Proceso del periodo"},
		"Statements":       {IT: "Estratti conto", FR: "Relevés", NL: "Overzichten", ID: "Laporan", DE: "Abrechnungen", ES: "Extractos"},
		"Import":           {IT: "Importa", FR: "Importer", NL: "Importeren", ID: "Impor", DE: "Import", ES: "Importar"},
		"Import…":          {IT: "Importa…", FR: "Importer…", NL: "Importeren…", ID: "Impor…", DE: "Importieren…", ES: "Importar…"},
		"Settings":         {IT: "Impostazioni", FR: "Paramètres", NL: "Instellingen", ID: "Pengaturan", DE: "Einstellungen", ES: "Configuración"},

		"Invoices":           {IT: "Autofatture", FR: "Autofactures", NL: "Zelffacturen", ID: "Faktur mandiri", DE: "Gutschriften", ES: "Autofacturas"},
		"Help":               {IT: "Aiuto", FR: "Aide", NL: "Help", ID: "Bantuan", DE: "Hilfe", ES: "Ayuda"},
		"Compute the period": {IT: "Calcola il periodo", FR: "Calculer la période", NL: "Periode berekenen", ID: "Hitung periode", DE: "Zeitraum berechnen", ES: "Calcular el periodo"},
		"Keyboard shortcuts": {IT: "Scorciatoie da tastiera", FR: "Raccourcis clavier", NL: "Sneltoetsen", ID: "Pintasan papan ketik", DE: "Tastenkürzel", ES: "Atajos de teclado"},

		// Menus and their items.
		"File":         {IT: "File", FR: "Fichier", NL: "Bestand", ID: "Berkas", DE: "Datei", ES: "Archivo"},
		"Edit":         {IT: "Modifica", FR: "Édition", NL: "Bewerken", ID: "Sunting", DE: "Bearbeiten", ES: "Edición"},
		"Go":           {IT: "Vai", FR: "Aller", NL: "Ga naar", ID: "Buka", DE: "Gehe zu", ES: "Ir"},
		"New":          {IT: "Nuovo", FR: "Nouveau", NL: "Nieuw", ID: "Baru", DE: "Neu", ES: "Nuevo"},
		"Save":         {IT: "Salva", FR: "Enregistrer", NL: "Opslaan", ID: "Simpan", DE: "Speichern", ES: "Guardar"},
		"Find":         {IT: "Trova", FR: "Rechercher", NL: "Zoeken", ID: "Cari", DE: "Suchen", ES: "Buscar"},
		"Refresh":      {IT: "Aggiorna", FR: "Actualiser", NL: "Vernieuwen", ID: "Muat ulang", DE: "Aktualisieren", ES: "Actualizar"},
		"Next tab":     {IT: "Scheda successiva", FR: "Onglet suivant", NL: "Volgend tabblad", ID: "Tab berikutnya", DE: "Nächster Reiter", ES: "Pestaña siguiente"},
		"Previous tab": {IT: "Scheda precedente", FR: "Onglet précédent", NL: "Vorig tabblad", ID: "Tab sebelumnya", DE: "Vorheriger Reiter", ES: "Pestaña anterior"},

		// Status line.
		"No operator set":                      {IT: "Nessun operatore impostato", FR: "Aucun opérateur défini", NL: "Geen medewerker ingesteld", ID: "Operator belum diatur", DE: "Kein Bearbeiter festgelegt", ES: "Ningún operador definido"},
		"Operator: %s":                         {IT: "Operatore: %s", FR: "Opérateur : %s", NL: "Medewerker: %s", ID: "Operator: %s", DE: "Bearbeiter: %s", ES: "Operador: %s"},
		"There is no %s screen in this build.": {IT: "In questa versione non c'è la schermata %s.", FR: "Cette version n'a pas d'écran %s.", NL: "Deze versie heeft geen scherm %s.", ID: "Versi ini tidak memiliki layar %s.", DE: "Diese Version hat keine Ansicht %s.", ES: "Esta versión no tiene la pantalla %s."},
		"The %s screen is not available in this build: the back end does not provide it.": {
			IT: "La schermata %s non è disponibile in questa versione: il back end non la fornisce.",
			FR: "L'écran %s n'est pas disponible dans cette version : le back end ne le fournit pas.",
			NL: "Het scherm %s is niet beschikbaar in deze versie: de back-end levert het niet.",
			ID: "Layar %s tidak tersedia di versi ini: back end tidak menyediakannya.",
			DE: "Die Ansicht %s ist in dieser Version nicht verfügbar: das Back-End stellt sie nicht bereit.",
			ES: "La pantalla %s no está disponible en esta versión: el back end no la ofrece.",
		},

		// The window language (Settings).
		"Window language (this computer)": {IT: "Lingua dell'interfaccia (questo computer)", FR: "Langue de l'interface (cet ordinateur)", NL: "Taal van het venster (deze computer)", ID: "Bahasa tampilan (komputer ini)", DE: "Sprache der Oberfläche (dieser Computer)", ES: "Idioma de la interfaz (este equipo)"},
		"System language (%s)":            {IT: "Lingua del sistema (%s)", FR: "Langue du système (%s)", NL: "Systeemtaal (%s)", ID: "Bahasa sistem (%s)", DE: "Systemsprache (%s)", ES: "Idioma del sistema (%s)"},

		// Fyne's own words (dialog buttons, file dialogs, entry menus).
		"Yes":               {IT: "Sì", FR: "Oui", NL: "Ja", ID: "Ya", DE: "Ja", ES: "Sí"},
		"No":                {IT: "No", FR: "Non", NL: "Nee", ID: "Tidak", DE: "Nein", ES: "No"},
		"OK":                {IT: "OK", FR: "OK", NL: "OK", ID: "OK", DE: "OK", ES: "Aceptar"},
		"Cancel":            {IT: "Annulla", FR: "Annuler", NL: "Annuleren", ID: "Batal", DE: "Abbrechen", ES: "Cancelar"},
		"Confirm":           {IT: "Conferma", FR: "Confirmer", NL: "Bevestigen", ID: "Konfirmasi", DE: "Bestätigen", ES: "Confirmar"},
		"Error":             {IT: "Errore", FR: "Erreur", NL: "Fout", ID: "Galat", DE: "Fehler", ES: "Error"},
		"Open":              {IT: "Apri", FR: "Ouvrir", NL: "Openen", ID: "Buka", DE: "Öffnen", ES: "Abrir"},
		"Copy":              {IT: "Copia", FR: "Copier", NL: "Kopiëren", ID: "Salin", DE: "Kopieren", ES: "Copiar"},
		"Cut":               {IT: "Taglia", FR: "Couper", NL: "Knippen", ID: "Potong", DE: "Ausschneiden", ES: "Cortar"},
		"Paste":             {IT: "Incolla", FR: "Coller", NL: "Plakken", ID: "Tempel", DE: "Einfügen", ES: "Pegar"},
		"Select all":        {IT: "Seleziona tutto", FR: "Tout sélectionner", NL: "Alles selecteren", ID: "Pilih semua", DE: "Alles auswählen", ES: "Seleccionar todo"},
		"Undo":              {IT: "Annulla", FR: "Annuler", NL: "Ongedaan maken", ID: "Urungkan", DE: "Rückgängig", ES: "Deshacer"},
		"Redo":              {IT: "Ripeti", FR: "Rétablir", NL: "Opnieuw", ID: "Ulangi", DE: "Wiederholen", ES: "Rehacer"},
		"Quit":              {IT: "Esci", FR: "Quitter", NL: "Afsluiten", ID: "Keluar", DE: "Beenden", ES: "Salir"},
		"Folder":            {IT: "Cartella", FR: "Dossier", NL: "Map", ID: "Folder", DE: "Ordner", ES: "Carpeta"},
		"New Folder":        {IT: "Nuova cartella", FR: "Nouveau dossier", NL: "Nieuwe map", ID: "Folder baru", DE: "Neuer Ordner", ES: "Nueva carpeta"},
		"Create Folder":     {IT: "Crea cartella", FR: "Créer le dossier", NL: "Map maken", ID: "Buat folder", DE: "Ordner erstellen", ES: "Crear carpeta"},
		"Enter filename":    {IT: "Nome del file", FR: "Nom du fichier", NL: "Bestandsnaam", ID: "Nama berkas", DE: "Dateiname", ES: "Nombre del archivo"},
		"Favourites":        {IT: "Preferiti", FR: "Favoris", NL: "Favorieten", ID: "Favorit", DE: "Favoriten", ES: "Favoritos"},
		"Show Hidden Files": {IT: "Mostra file nascosti", FR: "Afficher les fichiers cachés", NL: "Verborgen bestanden tonen", ID: "Tampilkan berkas tersembunyi", DE: "Versteckte Dateien anzeigen", ES: "Mostrar archivos ocultos"},
		"Advanced":          {IT: "Avanzate", FR: "Avancé", NL: "Geavanceerd", ID: "Lanjutan", DE: "Erweitert", ES: "Avanzado"},
	})
}
