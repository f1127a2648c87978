// Package imports turns the rows of a CSV or XLSX file into engine records:
// the fields each kind of import has, the mapping of a file's columns to
// those fields, template files, and a conversion that checks every row and
// collects every problem with its line, column and reason.
//
// A file is imported whole or not at all. Convert writes nothing and
// returns a Batch (the file's records held in memory) or every problem.
// An import into a store streams instead: Prepare maps the columns and
// reads the file once for its notation, then Conversion.Run checks each
// row and gives every good record to a Sink at once (the store, in one
// transaction), checking later rows against the earlier ones through it;
// the caller rolls the transaction back when any problem is reported.
//
// # Caveats
//
//   - Records refer to records already stored: import partners before their
//     reps, sales or activities. Rows of one file cannot refer to partners,
//     reps, products or registrations created by the same file.
//   - Names are matched ignoring case and runs of spaces, not Unicode
//     normalisation: "Café" typed with a combining accent is another name.
package imports

import (
	"fmt"
	"strings"
)

// Kind is what a file imports.
type Kind string

// The import kinds.
const (
	Partners      Kind = "partners"
	Reps          Kind = "reps"
	Products      Kind = "products"
	Sales         Kind = "sales"
	Registrations Kind = "registrations"
	Trainings     Kind = "trainings"
	Activities    Kind = "activities"
)

// Kinds lists every kind in the order to import them.
var Kinds = []Kind{Partners, Reps, Products, Sales, Registrations, Trainings, Activities}

// ParseKind reads a kind name as typed on the command line.
func ParseKind(s string) (Kind, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, k := range Kinds {
		if string(k) == s || strings.TrimSuffix(string(k), "s") == s {
			return k, nil
		}
	}
	names := make([]string, len(Kinds))
	for i, k := range Kinds {
		names[i] = string(k)
	}
	return "", fmt.Errorf("%q is not an import kind: use one of %s", s, strings.Join(names, ", "))
}

// FieldType says how a field's cells are read.
type FieldType string

// The field types.
const (
	TypeText   FieldType = "text"
	TypeAmount FieldType = "amount" // decimal, locale-tolerant
	TypeDate   FieldType = "date"
	TypeBool   FieldType = "yes/no"
	TypeInt    FieldType = "whole number"
	TypeRef    FieldType = "reference" // a record named by id, name or code
)

// Field is one column an import kind understands.
type Field struct {
	Name     string // the template's header and the mapping key
	Type     FieldType
	Required bool
	Help     string
	// Aliases are header names in English, Italian, French, Dutch, German,
	// Spanish and Indonesian that GuessMapping recognises.
	Aliases []string
}

// Fields returns the fields of kind in template order, or nil for an
// unknown kind.
func Fields(kind Kind) []Field {
	return fieldsByKind[kind]
}

// Field names shared by several kinds.
const (
	fPartner  = "partner"
	fRep      = "rep"
	fCustomer = "customer"
	fDate     = "date"
)

var partnerAliases = []string{"partner", "partner name", "partner id", "reseller", "dealer", "rivenditore", "revendeur", "partenaire", "wederverkoper", "händler", "haendler", "socio", "distribuidor", "mitra", "id partner"}
var repAliases = []string{"rep", "sales rep", "salesperson", "agente", "venditore", "commerciale", "commercial", "vendeur", "verkoper", "vertriebsmitarbeiter", "verkäufer", "vendedor", "comercial", "tenaga penjual", "person", "persona"}
var customerAliases = []string{"customer", "client", "end customer", "cliente", "cliente finale", "klant", "eindklant", "kunde", "endkunde", "pelanggan", "konsumen"}

var fieldsByKind = map[Kind][]Field{
	Partners: {
		{Name: "name", Type: TypeText, Required: true, Help: "the partner's name, any script, unique", Aliases: []string{"partner", "partner name", "company", "ragione sociale", "nome", "nom", "raison sociale", "naam", "bedrijfsnaam", "firma", "firmenname", "nombre", "razón social", "nama", "nama perusahaan", "société", "azienda"}},
		{Name: "kind", Type: TypeText, Required: true, Help: "reseller, distributor, var, msp, isv, referral or influencer", Aliases: []string{"type", "partner type", "tipo", "categoria partner", "type de partenaire", "soort", "typ", "partnertyp", "tipe", "jenis"}},
		{Name: "segment", Type: TypeText, Help: "free text, e.g. SMB, education", Aliases: []string{"segmento", "segmentatie", "segmen"}},
		{Name: "region", Type: TypeText, Help: "free text", Aliases: []string{"regione", "région", "regio", "gebiet", "región", "wilayah", "area"}},
		{Name: "country", Type: TypeText, Help: "ISO 3166 two-letter code, e.g. IT", Aliases: []string{"paese", "nazione", "pays", "land", "país", "negara", "country code"}},
		{Name: "contact", Type: TypeText, Help: "contact person", Aliases: []string{"contatto", "referente", "contact person", "contactpersoon", "kontakt", "ansprechpartner", "contacto", "kontak"}},
		{Name: "email", Type: TypeText, Help: "contact e-mail address", Aliases: []string{"e-mail", "mail", "posta elettronica", "courriel", "correo", "correo electrónico", "surel"}},
		{Name: "account_manager", Type: TypeText, Help: "the vendor's account manager", Aliases: []string{"account manager", "gestore", "responsabile", "gestionnaire", "accountmanager", "betreuer", "gestor", "pengelola akun"}},
		{Name: "referral_code", Type: TypeText, Help: "unique code or link id for referral programs", Aliases: []string{"referral code", "ref code", "codice referral", "codice", "code de parrainage", "verwijzingscode", "empfehlungscode", "código de referido", "kode referral", "promo code"}},
		{Name: "status", Type: TypeText, Help: "prospect, active (default), suspended or ended", Aliases: []string{"stato", "statut", "staat", "estado"}},
		{Name: "joined", Type: TypeDate, Help: "the day the partner joined", Aliases: []string{"joined on", "since", "data adesione", "dal", "date d'adhésion", "depuis", "lid sinds", "beitritt", "seit", "fecha de alta", "desde", "bergabung", "tanggal bergabung"}},
		{Name: "language", Type: TypeText, Help: "statement language: en, it, fr, nl, id, de or es; empty for the company default", Aliases: []string{"lang", "lingua", "langue", "taal", "sprache", "idioma", "bahasa"}},
		{Name: "notes", Type: TypeText, Help: "free text", Aliases: []string{"note", "remarks", "comments", "annotazioni", "remarques", "opmerkingen", "notizen", "bemerkungen", "notas", "catatan"}},
		{Name: "address", Type: TypeText, Help: "legal postal address for its invoices, lines separated by line breaks in the cell", Aliases: []string{"postal address", "legal address", "indirizzo", "sede legale", "adresse", "adres", "anschrift", "dirección", "direccion", "alamat"}},
		{Name: "tax_id", Type: TypeText, Help: "VAT or tax id, e.g. IT01234567890", Aliases: []string{"tax id", "vat", "vat id", "vat number", "vat no", "partita iva", "p.iva", "piva", "codice fiscale", "numéro de tva", "n° tva", "tva", "btw-nummer", "btw nummer", "btw", "ust-idnr", "ust-idnr.", "umsatzsteuer-id", "steuernummer", "nif", "cif", "nif-iva", "npwp"}},
	},
	Reps: {
		{Name: fPartner, Type: TypeRef, Required: true, Help: "the partner's name, id (P12) or referral code", Aliases: partnerAliases},
		{Name: "name", Type: TypeText, Required: true, Help: "the person's name, unique within the partner", Aliases: []string{"rep", "rep name", "full name", "nome", "nominativo", "nom", "naam", "nombre", "nama", "person"}},
		{Name: "email", Type: TypeText, Help: "e-mail address", Aliases: []string{"e-mail", "mail", "courriel", "correo", "surel"}},
		{Name: "role", Type: TypeText, Help: "e.g. sales, presales, manager; rules may filter on it", Aliases: []string{"ruolo", "rôle", "rol", "rolle", "peran", "jabatan", "function", "funzione", "fonction", "functie", "funktion", "función"}},
		{Name: "active", Type: TypeBool, Help: "yes (default) or no", Aliases: []string{"attivo", "actif", "actief", "aktiv", "activo", "aktif"}},
	},
	Products: {
		{Name: "sku", Type: TypeText, Required: true, Help: "the product code, unique", Aliases: []string{"code", "product code", "item code", "codice", "codice articolo", "référence", "code article", "artikelnummer", "artikelcode", "código", "referencia", "kode", "kode barang"}},
		{Name: "name", Type: TypeText, Required: true, Help: "the product's name", Aliases: []string{"product", "description", "descrizione", "prodotto", "produit", "désignation", "omschrijving", "bezeichnung", "produkt", "producto", "descripción", "nama", "produk", "nama produk"}},
		{Name: "category", Type: TypeText, Help: "rules may filter on it", Aliases: []string{"categoria", "catégorie", "categorie", "kategorie", "categoría", "kategori", "family", "famiglia"}},
		{Name: "list_price", Type: TypeAmount, Help: "price list amount, 0 or more", Aliases: []string{"list price", "price", "prezzo", "prezzo di listino", "listino", "prix", "prix catalogue", "prijs", "catalogusprijs", "listenpreis", "preis", "precio", "precio de lista", "harga", "harga daftar"}},
		{Name: "subscription", Type: TypeBool, Help: "yes for a subscription, no (default) for one-time", Aliases: []string{"recurring", "abbonamento", "abonnement", "suscripción", "langganan", "berlangganan"}},
	},
	Sales: {
		{Name: fDate, Type: TypeDate, Required: true, Help: "the invoice date; it decides the period the sale counts in", Aliases: []string{"invoice date", "sale date", "data", "data fattura", "data documento", "date facture", "datum", "factuurdatum", "rechnungsdatum", "fecha", "fecha factura", "tanggal", "tanggal faktur"}},
		{Name: fPartner, Type: TypeRef, Required: true, Help: "the partner's name, id (P12) or referral code; may be empty when referral_code is given", Aliases: partnerAliases},
		{Name: fRep, Type: TypeRef, Help: "the rep's name at the partner or id (R7); empty for none", Aliases: repAliases},
		{Name: fCustomer, Type: TypeText, Required: true, Help: "the end customer", Aliases: customerAliases},
		{Name: "new_customer", Type: TypeBool, Help: "yes when this is the customer's first purchase", Aliases: []string{"new customer", "nuovo cliente", "nouveau client", "nieuwe klant", "neukunde", "cliente nuevo", "pelanggan baru"}},
		{Name: "new_product", Type: TypeBool, Help: "yes when the customer did not have this product before", Aliases: []string{"new product", "nuovo prodotto", "nouveau produit", "nieuw product", "neues produkt", "producto nuevo", "produk baru"}},
		{Name: "product", Type: TypeRef, Required: true, Help: "the product's SKU or id", Aliases: []string{"sku", "item", "article", "articolo", "prodotto", "codice articolo", "produit", "référence", "artikel", "artikelnummer", "produkt", "producto", "artículo", "produk", "barang", "kode barang", "product code", "artikelcode", "productcode", "code article"}},
		{Name: "quantity", Type: TypeAmount, Help: "units; negative on a return; 1 when empty", Aliases: []string{"qty", "quantità", "qtà", "qta", "quantité", "qté", "aantal", "hoeveelheid", "menge", "anzahl", "cantidad", "jumlah", "kuantitas", "units", "pezzi"}},
		{Name: "unit_price", Type: TypeAmount, Help: "price per unit after discount, never negative; computed from net when empty", Aliases: []string{"unit price", "price", "prezzo", "prezzo unitario", "prix unitaire", "prix", "prijs", "stukprijs", "eenheidsprijs", "preis", "einzelpreis", "precio", "precio unitario", "harga", "harga satuan"}},
		{Name: "net", Type: TypeAmount, Help: "the line's net amount; negative on a return; quantity x unit_price when empty", Aliases: []string{"net amount", "amount", "total", "importo", "imponibile", "totale", "montant", "montant ht", "total ht", "bedrag", "netto", "nettobedrag", "nettobetrag", "betrag", "importe", "importe neto", "total neto", "jumlah bersih", "nilai", "total harga"}},
		{Name: "invoice", Type: TypeText, Required: true, Help: "the invoice number", Aliases: []string{"invoice number", "invoice no", "invoice nr", "fattura", "numero fattura", "n. fattura", "nr fattura", "facture", "n° facture", "numéro de facture", "factuur", "factuurnummer", "rechnung", "rechnungsnummer", "factura", "número de factura", "faktur", "nomor faktur", "no faktur", "document", "documento"}},
		{Name: "line", Type: TypeInt, Help: "the line number on the invoice; when empty, the row's position among the file's rows of that invoice", Aliases: []string{"line number", "line no", "riga", "ligne", "regel", "regelnummer", "position", "pos", "línea", "baris"}},
		{Name: "registration", Type: TypeRef, Help: "the id of the deal registration the sale closes (e.g. 14)", Aliases: []string{"deal registration", "registration id", "deal reg", "registrazione", "enregistrement", "registratie", "registrierung", "registro", "registrasi"}},
		{Name: "referral_code", Type: TypeText, Help: "the referral code or link the customer came through", Aliases: []string{"referral code", "ref code", "codice referral", "code de parrainage", "verwijzingscode", "empfehlungscode", "código de referido", "kode referral", "coupon", "promo code"}},
		{Name: "original_invoice", Type: TypeText, Help: "on a return, the invoice it gives back", Aliases: []string{"original invoice", "credit note for", "fattura originale", "fattura di riferimento", "facture d'origine", "oorspronkelijke factuur", "originalrechnung", "factura original", "faktur asal"}},
		{Name: "splits", Type: TypeText, Help: "credit splits: partner[/rep]:share;... with shares adding up to 100, e.g. P12:60;P15:40", Aliases: []string{"credit splits", "split", "ripartizione", "répartition", "verdeling", "aufteilung", "reparto", "pembagian"}},
		{Name: "booked", Type: TypeDate, Help: "for a sale dated in a closed period: the day in an open period it is booked on as a late sale", Aliases: []string{"booking date", "booked on", "data registrazione", "date de comptabilisation", "boekdatum", "buchungsdatum", "fecha contable", "tanggal pembukuan"}},
	},
	Registrations: {
		{Name: fPartner, Type: TypeRef, Required: true, Help: "the partner's name, id (P12) or referral code", Aliases: partnerAliases},
		{Name: fRep, Type: TypeRef, Help: "the rep's name at the partner or id (R7)", Aliases: repAliases},
		{Name: fCustomer, Type: TypeText, Required: true, Help: "the prospect the deal is with", Aliases: customerAliases},
		{Name: "expected_value", Type: TypeAmount, Help: "the deal's expected value, 0 or more", Aliases: []string{"expected value", "value", "amount", "valore", "valore atteso", "importo", "valeur", "montant", "waarde", "wert", "valor", "importe", "nilai"}},
		{Name: "submitted", Type: TypeDate, Required: true, Help: "the day the partner registered the deal", Aliases: []string{"submitted on", "date", "data", "data invio", "date de soumission", "ingediend", "datum", "eingereicht", "fecha", "tanggal"}},
		{Name: "decision", Type: TypeText, Help: "pending (default), approved or rejected", Aliases: []string{"status", "esito", "stato", "décision", "statut", "besluit", "entscheidung", "decisión", "keputusan"}},
		{Name: "decided_by", Type: TypeText, Help: "who decided", Aliases: []string{"decided by", "approved by", "approvato da", "décidé par", "beslist door", "entschieden von", "decidido por", "diputuskan oleh"}},
		{Name: "decided_on", Type: TypeDate, Help: "the day of the decision; required when approved or rejected", Aliases: []string{"decided", "decision date", "approved on", "data decisione", "date de décision", "besluitdatum", "entscheidungsdatum", "fecha de decisión", "tanggal keputusan"}},
		{Name: "window_days", Type: TypeInt, Help: "days after approval to close the deal; 90 when empty", Aliases: []string{"window", "days", "giorni", "jours", "dagen", "tage", "días", "hari"}},
		{Name: "outcome", Type: TypeText, Help: "open (default), won, lost or expired", Aliases: []string{"result", "risultato", "résultat", "uitkomst", "ergebnis", "resultado", "hasil"}},
	},
	Trainings: {
		{Name: fPartner, Type: TypeRef, Help: "the rep's partner; needed when the rep is named by name", Aliases: partnerAliases},
		{Name: fRep, Type: TypeRef, Required: true, Help: "the rep's name (with partner) or id (R7)", Aliases: repAliases},
		{Name: "course", Type: TypeText, Required: true, Help: "the course's name as the training rules list it", Aliases: []string{"training", "corso", "cours", "formation", "cursus", "opleiding", "kurs", "schulung", "curso", "kursus", "pelatihan"}},
		{Name: "completed", Type: TypeDate, Required: true, Help: "the day the rep completed it", Aliases: []string{"completed on", "date", "data", "completato", "terminé", "voltooid", "abgeschlossen", "completado", "selesai", "tanggal"}},
		{Name: "certification", Type: TypeBool, Help: "yes when the course gives a certification", Aliases: []string{"certified", "certificazione", "certification", "certificering", "zertifizierung", "certificación", "sertifikasi"}},
		{Name: "valid_until", Type: TypeDate, Help: "a certification's expiry; empty for none", Aliases: []string{"valid until", "expires", "expiry", "scadenza", "valido fino", "valable jusqu'au", "expiration", "geldig tot", "gültig bis", "válido hasta", "berlaku hingga"}},
	},
	Activities: {
		{Name: fPartner, Type: TypeRef, Required: true, Help: "the partner's name, id (P12) or referral code", Aliases: partnerAliases},
		{Name: fRep, Type: TypeRef, Help: "the rep's name at the partner or id (R7)", Aliases: repAliases},
		{Name: "type", Type: TypeText, Required: true, Help: "demo, webinar, joint call, qbr, event... as the activity rules list them", Aliases: []string{"activity", "activity type", "attività", "tipo", "activité", "activiteit", "soort", "aktivität", "typ", "actividad", "aktivitas", "jenis"}},
		{Name: fDate, Type: TypeDate, Required: true, Help: "the day it took place", Aliases: []string{"data", "datum", "fecha", "tanggal", "day", "giorno", "jour"}},
		{Name: "note", Type: TypeText, Help: "free text", Aliases: []string{"notes", "notes", "annotazione", "remarque", "opmerking", "notiz", "nota", "catatan", "description", "descrizione"}},
	},
}

// fieldIndex finds a field of kind by name.
func fieldOf(kind Kind, name string) (Field, bool) {
	for _, f := range fieldsByKind[kind] {
		if f.Name == name {
			return f, true
		}
	}
	return Field{}, false
}
