package i18n

// The invoicing details of the company (ui/settings.go) and of a partner
// (ui/partners.go): what its self-billed invoices print.
func init() {
	AddWindowText(map[string]W{
		"Legal address":    {IT: "Sede legale", FR: "Adresse légale", NL: "Statutair adres", ID: "Alamat resmi", DE: "Rechtsanschrift", ES: "Domicilio social"},
		"VAT / tax ID":     {IT: "Partita IVA / codice fiscale", FR: "N° de TVA / identifiant fiscal", NL: "Btw- / fiscaal nummer", ID: "NPWP / nomor identitas pajak", DE: "USt-IdNr. / Steuernummer", ES: "NIF-IVA / identificación fiscal"},
		"e.g. DE123456789": {IT: "es. DE123456789", FR: "p. ex. DE123456789", NL: "bv. DE123456789", ID: "mis. DE123456789", DE: "z. B. DE123456789", ES: "p. ej. DE123456789"},
	})
}
