package demo

import (
	"fmt"
	"hash/fnv"
)

// The demo's invoicing details: every partner has a legal postal address
// (street and city as a local would write them, then the country) and a VAT
// or tax id in its country's format, so that its self-billed invoices look
// complete. All of them are fictional; the digits come from the referral
// code, so the same seed gives the same ids.

// demoCompanyTaxID is the demo company's (fictional) German VAT id.
const demoCompanyTaxID = "DE298765431"

// partnerStreets holds each demo partner's street and city lines, by
// referral code.
var partnerStreets = map[string][2]string{
	"NANDU10":   {"Via Giuseppe Mazzini 18", "40137 Bologna BO"},
	"ATHENS20":  {"Λεωφόρος Συγγρού 112", "117 41 Αθήνα"},
	"VETER15":   {"ул. Большая Морская, д. 27", "190000 Санкт-Петербург"},
	"SAKURA":    {"東京都渋谷区桜丘町 12-4", "〒150-0031"},
	"KYIVSOFT":  {"вул. Хрещатик, 22", "01001 Київ"},
	"MUELLER":   {"Friedrichstraße 123", "10117 Berlin"},
	"GROSSMANN": {"Königstraße 40", "70173 Stuttgart"},
	"NORDSEE":   {"Am Wall 155", "28195 Bremen"},
	"ALPEN":     {"Maria-Theresien-Straße 21", "6020 Innsbruck"},
	"CLOUDWERK": {"Bahnhofstrasse 21", "8001 Zürich"},
	"DUPRE":     {"14 rue de la République", "69002 Lyon"},
	"LEFEVRE":   {"8 boulevard Haussmann", "75009 Paris"},
	"CFH2026":   {"27 quai des Chartrons", "33000 Bordeaux"},
	"MOREAU":    {"5 place du Capitole", "31000 Toulouse"},
	"DEVRIES":   {"Oudegracht 210", "3511 NR Utrecht"},
	"HSG":       {"Keizersgracht 123", "1015 CJ Amsterdam"},
	"TULP":      {"Witte de Withstraat 42", "3012 BR Rotterdam"},
	"BDP":       {"Wetstraat 16", "1040 Brussel"},
	"PENALARA":  {"Calle de Alcalá 45", "28014 Madrid"},
	"NUVOL":     {"Carrer de Pau Claris 97", "08009 Barcelona"},
	"ANDSYS":    {"Avenida de la Constitución 24", "41004 Sevilla"},
	"MSGMI":     {"Corso Buenos Aires 54", "20124 Milano MI"},
	"UNIDIG":    {"Via Nazionale 230", "00184 Roma RM"},
	"TOLAB":     {"Via Po 17", "10124 Torino TO"},
	"NUSANTARA": {"Jl. Jend. Sudirman Kav. 52-53", "Jakarta Selatan 12190"},
	"AWAN":      {"Jl. M.H. Thamrin No. 9", "Jakarta Pusat 10340"},
	"BALI":      {"Jl. Raya Ubud No. 88", "Gianyar, Bali 80571"},
	"THESS":     {"Οδός Τσιμισκή 45", "546 23 Θεσσαλονίκη"},
	"TDLINK":    {"東京都千代田区丸の内 1-9-1", "〒100-0005"},
	"OSAKA":     {"大阪府大阪市北区梅田 3-1-3", "〒530-0001"},
	"BAIKAL":    {"ул. Карла Маркса, д. 14", "664003 Иркутск"},
	"HARBOR":    {"500 Market Street, Suite 300", "San Francisco, CA 94105"},
	"LONESTAR":  {"1100 Congress Avenue", "Austin, TX 78701"},
	"APPLS":     {"45 Haywood Street", "Asheville, NC 28801"},
	"DANA20":    {"1200 Pearl Street, Unit 4", "Boulder, CO 80302"},
	"LAUNCH":    {"77 Massachusetts Avenue", "Cambridge, MA 02139"},
	"TVI":       {"Forbury Square 3", "Reading RG1 3EU"},
	"ECW":       {"12 George Street", "Edinburgh EH2 2PF"},
	"SCHULNETZ": {"Mariahilfer Straße 45", "1060 Wien"},
	"GENEVE":    {"Rue du Rhône 30", "1204 Genève"},
	"LISBOA":    {"Avenida da Liberdade 110", "1250-146 Lisboa"},
	"KRAKOW":    {"ul. Floriańska 15", "31-019 Kraków"},
}

// countryLine is the last line of an address, in the country's language.
var countryLine = map[string]string{
	"IT": "Italia", "GR": "Ελλάδα", "RU": "Россия", "JP": "日本", "UA": "Україна", "DE": "Deutschland",
	"AT": "Österreich", "CH": "Schweiz", "FR": "France", "NL": "Nederland", "BE": "België", "ES": "España",
	"ID": "Indonesia", "US": "United States", "GB": "United Kingdom", "PT": "Portugal", "PL": "Polska",
}

// partnerAddress is a demo partner's postal address.
func partnerAddress(s partnerSpec) string {
	st, ok := partnerStreets[s.code]
	if !ok {
		return ""
	}
	country := countryLine[s.country]
	if s.code == "GENEVE" {
		country = "Suisse"
	}
	return st[0] + "\n" + st[1] + "\n" + country
}

// partnerTaxID is a fictional tax id in the format of the partner's
// country: the EU VAT id where there is one, else the usual business
// number (an EIN, a Japanese invoice registration number, an NPWP, ...).
func partnerTaxID(s partnerSpec) string {
	h := fnv.New64a()
	h.Write([]byte(s.code))
	d := fmt.Sprintf("%020d", h.Sum64()) // 20 digits
	switch s.country {
	case "IT":
		return "IT" + d[:11]
	case "GR":
		return "EL" + d[:9]
	case "DE":
		return "DE" + d[:9]
	case "AT":
		return "ATU" + d[:8]
	case "CH":
		return "CHE-" + d[:3] + "." + d[3:6] + "." + d[6:9] + "MWST"
	case "FR":
		return "FR" + d[:11]
	case "NL":
		return "NL" + d[:9] + "B01"
	case "BE":
		return "BE0" + d[:9]
	case "ES":
		return "ESB" + d[:8]
	case "PT":
		return "PT" + d[:9]
	case "PL":
		return "PL" + d[:10]
	case "GB":
		return "GB" + d[:9]
	case "US":
		return d[:2] + "-" + d[2:9]
	case "JP":
		return "T" + d[:13]
	case "ID":
		return d[:2] + "." + d[2:5] + "." + d[5:8] + "." + d[8:9] + "-" + d[9:12] + ".000"
	case "RU", "UA":
		return d[:10]
	}
	return ""
}
