package demo

import (
	"partnerdesk/engine"

	"github.com/shopspring/decimal"
)

// The product categories the demo vendor uses; programs filter on them.
const (
	CatLicence      = "licence"
	CatSubscription = "subscription"
	CatService      = "service"
	CatHardware     = "hardware"
)

// The rep roles the demo uses.
const (
	RoleSales    = "sales"
	RolePresales = "presales"
	RoleManager  = "manager"
)

// The activity types the demo records.
const (
	ActDemo      = "demo"
	ActWebinar   = "webinar"
	ActJointCall = "joint call"
	ActQBR       = "QBR"
	ActEvent     = "event"
)

// The tier names of the demo ladder, lowest first.
const (
	TierRegistered = "Registered"
	TierSilver     = "Silver"
	TierGold       = "Gold"
	TierPlatinum   = "Platinum"
)

var tierNames = []string{TierRegistered, TierSilver, TierGold, TierPlatinum}

// productSpec is one line of the price list.
type productSpec struct {
	sku, name, category string
	list                string
	subscription        bool
	minQty, maxQty      int
}

// products is the vendor's price list. Subscriptions are priced per seat,
// site or terabyte and month; services per day or per workload.
var products = []productSpec{
	{"NL-ESS-LIC", "Nordlicht Essentials licence", CatLicence, "290.00", false, 1, 25},
	{"NL-PRO-LIC", "Nordlicht Professional licence", CatLicence, "690.00", false, 1, 20},
	{"NL-ENT-LIC", "Nordlicht Enterprise licence", CatLicence, "1490.00", false, 1, 10},
	{"NL-EDU-LIC", "Nordlicht Campus licence", CatLicence, "120.00", false, 20, 200},
	{"NL-DEV-LIC", "Nordlicht Developer SDK licence", CatLicence, "990.00", false, 1, 8},
	{"NL-MIGRATE", "Legacy Migration Suite", CatLicence, "4900.00", false, 1, 3},
	{"NL-CLOUD-STD", "Nordlicht Cloud Standard (seat/month)", CatSubscription, "12.00", true, 5, 120},
	{"NL-CLOUD-PRO", "Nordlicht Cloud Professional (seat/month)", CatSubscription, "24.00", true, 5, 100},
	{"NL-CLOUD-ENT", "Nordlicht Cloud Enterprise (seat/month)", CatSubscription, "39.00", true, 10, 150},
	{"NL-BACKUP", "Nordlicht Backup Vault (TB/month)", CatSubscription, "45.00", true, 1, 20},
	{"NL-SECGW", "Nordlicht Secure Gateway (site/month)", CatSubscription, "89.00", true, 1, 8},
	{"NL-ANALYTICS", "Nordlicht Analytics add-on (seat/month)", CatSubscription, "9.00", true, 5, 80},
	{"SVC-IMPL", "Implementation day", CatService, "950.00", false, 1, 12},
	{"SVC-TRAIN", "End-user training day", CatService, "780.00", false, 1, 5},
	{"SVC-HEALTH", "Health check", CatService, "1500.00", false, 1, 1},
	{"SVC-MIGRATE", "Migration Assist (workload)", CatService, "350.00", false, 2, 30},
	{"SVC-SUPPORT", "Premium support plan (annual)", CatService, "1200.00", false, 1, 3},
	{"HW-EDGE-S", "Nordlicht Edge Appliance S", CatHardware, "2400.00", false, 1, 4},
	{"HW-EDGE-L", "Nordlicht Edge Appliance L", CatHardware, "6800.00", false, 1, 2},
	{"HW-SENSOR", "Sensor kit (10 pack)", CatHardware, "390.00", false, 1, 10},
}

// Product indexes (0-based) into products that programs and kinds refer to.
const (
	pEss = iota
	pPro
	pEnt
	pEdu
	pDev
	pMigrate
	pCloudStd
	pCloudPro
	pCloudEnt
	pBackup
	pSecGW
	pAnalytics
	pImpl
	pTrain
	pHealth
	pMigAssist
	pSupport
	pEdgeS
	pEdgeL
	pSensor
)

// kindCatalog lists what each kind of partner sells one-off (subscriptions
// are started separately), so that an MSP's invoices look like an MSP's.
var kindCatalog = map[engine.PartnerKind][]int{
	engine.KindReseller:    {pEss, pPro, pPro, pEnt, pEdu, pSupport, pEdgeS, pSensor, pImpl},
	engine.KindDistributor: {pEss, pPro, pEnt, pEnt, pEdgeS, pEdgeL, pSensor, pSensor},
	engine.KindVAR:         {pPro, pEnt, pEnt, pImpl, pImpl, pTrain, pHealth, pEdgeS, pEdgeL, pMigAssist, pSupport},
	engine.KindMSP:         {pImpl, pMigAssist, pHealth, pEdgeS},
	engine.KindISV:         {pDev, pDev, pMigrate, pMigrate, pEnt, pMigAssist, pImpl},
	engine.KindReferral:    {pEss, pPro},
	engine.KindInfluencer:  {pEss},
}

// kindSubs lists the subscriptions each kind starts for its customers.
var kindSubs = map[engine.PartnerKind][]int{
	engine.KindReseller:    {pCloudStd, pCloudPro, pBackup},
	engine.KindDistributor: {pCloudStd},
	engine.KindVAR:         {pCloudPro, pCloudEnt, pSecGW},
	engine.KindMSP:         {pCloudStd, pCloudPro, pCloudEnt, pBackup, pBackup, pSecGW, pAnalytics},
	engine.KindISV:         {pCloudEnt, pAnalytics},
	engine.KindReferral:    {pCloudStd, pCloudPro, pAnalytics},
	engine.KindInfluencer:  {pCloudStd, pCloudStd, pCloudPro},
}

// kindSubRate is the expected number of subscriptions a partner of the kind
// starts per month per unit of size.
var kindSubRate = map[engine.PartnerKind]float64{
	engine.KindReseller:    0.25,
	engine.KindDistributor: 0.10,
	engine.KindVAR:         0.25,
	engine.KindMSP:         0.90,
	engine.KindISV:         0.30,
	engine.KindReferral:    0.90,
	engine.KindInfluencer:  0.90,
}

// kindInvoiceRate scales one-off invoices per month by kind: referral
// partners and influencers mostly bring subscribers.
var kindInvoiceRate = map[engine.PartnerKind]float64{
	engine.KindReseller:    1.0,
	engine.KindDistributor: 1.2,
	engine.KindVAR:         0.9,
	engine.KindMSP:         0.3,
	engine.KindISV:         0.6,
	engine.KindReferral:    0.2,
	engine.KindInfluencer:  0.15,
}

// partnerSpec is one hand-written demo partner.
type partnerSpec struct {
	name    string
	domain  string
	code    string // referral code
	kind    engine.PartnerKind
	country string
	pool    string // name pool for reps and customers
	lang    string // statement language; "" for the company default
	segment string
	size    int // 1 (small) to 5 (large): drives volume and the opening tier
	// joinMonth is the month of the window the partner joined in; -1: before.
	joinMonth int
	status    engine.PartnerStatus
	// promoteMonth is the month of the window from which the partner holds
	// the next tier up (0: never); growth follows the promotion.
	promoteMonth int
	notes        string
}

// The segments the demo uses.
const (
	SegSMB        = "SMB"
	SegEnterprise = "Enterprise"
	SegEducation  = "Education"
	SegStartup    = "Start-up"
	SegPublic     = "Public"
)

var partnerSpecs = []partnerSpec{
	{"Società Informatica Ñandú S.r.l.", "nandu.it", "NANDU10", engine.KindReseller, "IT", "it", "it", SegSMB, 3, -1, engine.StatusActive, 5, ""},
	{"Πληροφορική Αθηνών Α.Ε.", "pliroforiki-athinon.gr", "ATHENS20", engine.KindVAR, "GR", "gr", "", SegEnterprise, 3, -1, engine.StatusActive, 0, ""},
	{"ООО Северный Ветер", "severny-veter.ru", "VETER15", engine.KindMSP, "RU", "ru", "", SegSMB, 3, -1, engine.StatusActive, 0, ""},
	{"株式会社さくらシステム", "sakura-system.co.jp", "SAKURA", engine.KindReseller, "JP", "jp", "", SegEnterprise, 4, -1, engine.StatusActive, 7, ""},
	{"ТОВ Київ Софт Рішення", "kyivsoft.ua", "KYIVSOFT", engine.KindISV, "UA", "ua", "", SegStartup, 2, -1, engine.StatusActive, 0, ""},
	{"Müller & Söhne IT-Service GmbH", "mueller-soehne.de", "MUELLER", engine.KindMSP, "DE", "de", "de", SegSMB, 4, -1, engine.StatusActive, 0, ""},
	{"Bürotechnik Großmann KG", "grossmann-buero.de", "GROSSMANN", engine.KindReseller, "DE", "de", "de", SegSMB, 2, -1, engine.StatusActive, 4, ""},
	{"Nordsee Datensysteme AG", "nordsee-daten.de", "NORDSEE", engine.KindDistributor, "DE", "de", "de", SegEnterprise, 5, -1, engine.StatusActive, 0, "Distributor for northern Germany and Denmark."},
	{"Alpenblick Consulting GmbH", "alpenblick.at", "ALPEN", engine.KindVAR, "AT", "de", "de", SegPublic, 3, -1, engine.StatusActive, 0, ""},
	{"Zürcher Cloudwerk AG", "cloudwerk.ch", "CLOUDWERK", engine.KindMSP, "CH", "de", "de", SegEnterprise, 4, -1, engine.StatusActive, 10, ""},
	{"Les Éditions Numériques Dupré SARL", "dupre-numerique.fr", "DUPRE", engine.KindISV, "FR", "fr", "fr", SegSMB, 2, -1, engine.StatusActive, 0, ""},
	{"Réseaux & Systèmes Lefèvre SAS", "lefevre-rs.fr", "LEFEVRE", engine.KindReseller, "FR", "fr", "fr", SegPublic, 3, -1, engine.StatusActive, 0, ""},
	{"Cloud Français Hébergement", "cf-hebergement.fr", "CFH2026", engine.KindMSP, "FR", "fr", "fr", SegSMB, 2, -1, engine.StatusActive, 0, ""},
	{"Étienne Moreau Conseil", "moreau-conseil.fr", "MOREAU", engine.KindReferral, "FR", "fr", "fr", SegStartup, 1, 2, engine.StatusActive, 0, "Joined through the start-up referral campaign."},
	{"De Vries ICT Oplossingen B.V.", "devries-ict.nl", "DEVRIES", engine.KindVAR, "NL", "nl", "nl", SegSMB, 3, -1, engine.StatusActive, 0, ""},
	{"Hollandse Software Groep B.V.", "hsg.nl", "HSG", engine.KindDistributor, "NL", "nl", "nl", SegEnterprise, 4, -1, engine.StatusActive, 0, ""},
	{"Tulpenveld Media", "tulpenveld.nl", "TULP", engine.KindInfluencer, "NL", "nl", "nl", SegStartup, 1, -1, engine.StatusActive, 0, "YouTube channel on small-office IT."},
	{"Brussel Data Partners NV", "bdp.be", "BDP", engine.KindReseller, "BE", "nl", "nl", SegPublic, 2, -1, engine.StatusActive, 0, ""},
	{"Soluciones Informáticas Peñalara S.L.", "penalara.es", "PENALARA", engine.KindReseller, "ES", "es", "es", SegEducation, 3, -1, engine.StatusActive, 0, ""},
	{"Catalunya Núvol S.L.", "catalunyanuvol.es", "NUVOL", engine.KindMSP, "ES", "es", "es", SegSMB, 2, -1, engine.StatusActive, 7, ""},
	{"Andalucía Sistemas y Señales S.A.", "andalucia-sys.es", "ANDSYS", engine.KindVAR, "ES", "es", "es", SegPublic, 2, -1, engine.StatusActive, 0, ""},
	{"Milano Sistemi Gestionali S.p.A.", "msg-milano.it", "MSGMI", engine.KindDistributor, "IT", "it", "it", SegEnterprise, 5, -1, engine.StatusActive, 0, ""},
	{"Università Digitale S.r.l.", "unidigitale.it", "UNIDIG", engine.KindVAR, "IT", "it", "it", SegEducation, 2, -1, engine.StatusActive, 0, ""},
	{"Torino Start-up Lab", "torinolab.it", "TOLAB", engine.KindReferral, "IT", "it", "it", SegStartup, 2, -1, engine.StatusActive, 0, ""},
	{"PT Nusantara Teknologi Solusi", "nusantara-tek.co.id", "NUSANTARA", engine.KindReseller, "ID", "id", "id", SegSMB, 3, -1, engine.StatusActive, 4, ""},
	{"PT Jakarta Awan Digital", "jakartaawan.co.id", "AWAN", engine.KindMSP, "ID", "id", "id", SegSMB, 2, -1, engine.StatusActive, 0, ""},
	{"CV Bali Kreatif Media", "balikreatif.id", "BALI", engine.KindInfluencer, "ID", "id", "id", SegStartup, 1, 4, engine.StatusActive, 0, ""},
	{"Θεσσαλονίκη Cloud Υπηρεσίες Ι.Κ.Ε.", "thess-cloud.gr", "THESS", engine.KindMSP, "GR", "gr", "", SegSMB, 2, -1, engine.StatusActive, 0, ""},
	{"株式会社東京データリンク", "tokyo-datalink.co.jp", "TDLINK", engine.KindDistributor, "JP", "jp", "", SegEnterprise, 4, -1, engine.StatusActive, 0, ""},
	{"大阪ソフトウェア合同会社", "osaka-software.jp", "OSAKA", engine.KindISV, "JP", "jp", "", SegSMB, 2, -1, engine.StatusActive, 0, ""},
	{"ООО Байкал Интеграция", "baikal-int.ru", "BAIKAL", engine.KindVAR, "RU", "ru", "", SegEnterprise, 3, -1, engine.StatusSuspended, 0, "Suspended pending a credit review; no sales after month six."},
	{"Harbor Bay Technologies Inc.", "harborbay.com", "HARBOR", engine.KindReseller, "US", "en", "en", SegEnterprise, 5, -1, engine.StatusActive, 0, ""},
	{"Lone Star Cloud Services LLC", "lonestarcloud.com", "LONESTAR", engine.KindMSP, "US", "en", "en", SegSMB, 3, -1, engine.StatusActive, 0, ""},
	{"Appalachian Learning Systems", "appalachian-ls.org", "APPLS", engine.KindVAR, "US", "en", "en", SegEducation, 2, -1, engine.StatusActive, 0, ""},
	{"TechTalk with Dana Rivers", "techtalkdana.com", "DANA20", engine.KindInfluencer, "US", "en", "en", SegStartup, 2, -1, engine.StatusActive, 0, "Podcast and newsletter; paid on referred subscribers."},
	{"Launchpad Ventures Referral Network", "launchpad-vrn.com", "LAUNCH", engine.KindReferral, "US", "en", "en", SegStartup, 2, -1, engine.StatusActive, 0, ""},
	{"Thames Valley Integrators Ltd", "tvi.co.uk", "TVI", engine.KindVAR, "GB", "en", "en", SegPublic, 3, -1, engine.StatusActive, 0, ""},
	{"Edinburgh Code Works Ltd", "edinburghcode.co.uk", "ECW", engine.KindISV, "GB", "en", "en", SegStartup, 1, 7, engine.StatusActive, 0, ""},
	{"Wiener Schulnetz GmbH", "schulnetz.at", "SCHULNETZ", engine.KindReseller, "AT", "de", "de", SegEducation, 2, -1, engine.StatusActive, 0, ""},
	{"Genève Informatique Sàrl", "geneve-info.ch", "GENEVE", engine.KindReseller, "CH", "fr", "fr", SegSMB, 2, -1, engine.StatusActive, 0, ""},
	{"Lisboa Dados Lda.", "lisboadados.pt", "LISBOA", engine.KindReferral, "PT", "pt", "", SegSMB, 1, -1, engine.StatusActive, 0, ""},
	{"Kraków Systemy Sp. z o.o.", "krakow-systemy.pl", "KRAKOW", engine.KindReseller, "PL", "pl", "", SegSMB, 1, -1, engine.StatusProspect, 0, "Prospect: contract under review, no sales yet."},
}

// suspendAfterMonth is the last month of the window a suspended partner sells in.
const suspendAfterMonth = 5

// regionOf gives the sales region of a country.
func regionOf(country string) string {
	switch country {
	case "DE", "AT", "CH":
		return "DACH"
	case "IT", "GR":
		return "Southern Europe"
	case "FR":
		return "Western Europe"
	case "NL", "BE":
		return "Benelux"
	case "ES", "PT":
		return "Iberia"
	case "ID", "JP":
		return "APAC"
	case "RU", "UA", "PL":
		return "Eastern Europe"
	case "US":
		return "North America"
	case "GB":
		return "UK & Ireland"
	}
	return "Rest of world"
}

// accountManagerOf gives the vendor's account manager for a region.
func accountManagerOf(region string) string {
	switch region {
	case "DACH":
		return "Anna Weber"
	case "Southern Europe", "Iberia":
		return "Marco Rinaldi"
	case "Western Europe", "Benelux":
		return "Sophie Laurent"
	case "APAC":
		return "Kenji Mori"
	case "Eastern Europe":
		return "Jonas Becker"
	}
	return "Laura Bennett"
}

// namePool holds the people and customer names of one language area.
type namePool struct {
	people []string
	// Customers are custA[i] + sep + custB[j].
	custA, custB []string
	sep          string
}

var pools = map[string]namePool{
	"de": {
		people: []string{"Lena Schäfer", "Jürgen Weiß", "Sophie Krüger", "Tobias Bauer", "Anja Köhler", "Felix Wagner", "Katrin Löffler", "Matthias Groß", "Sabine Hübner", "Lukas Brandt", "Jana Vogt", "Stefan Jäger", "Nina Böhm", "Florian Kraus", "Ute Sommer", "Maximilian Fuchs"},
		custA:  []string{"Autohaus", "Bäckerei", "Stadtwerke", "Praxis", "Kanzlei", "Spedition", "Brauerei", "Möbelhaus"},
		custB:  []string{"Lindenau", "Schröder", "Weißenfels", "Kühn", "Albrecht", "Rheinblick", "Sonnenberg", "Fährmann", "Hölzl", "Brückner"},
		sep:    " ",
	},
	"it": {
		people: []string{"Giulia Rossi", "Marco Bianchi", "Francesca Esposito", "Lorenzo Romano", "Chiara Colombo", "Niccolò Ricci", "Federica Marino", "Andrea Greco", "Sara Bruno", "Matteo Galli", "Elena Fontana", "Davide Moretti"},
		custA:  []string{"Ristorante", "Farmacia", "Studio Legale", "Officina", "Cantina", "Albergo", "Ferramenta", "Pasticceria"},
		custB:  []string{"Bellini", "Ferraro", "Gallo", "Conti", "De Luca", "Mancini", "Caruso", "Giordano", "Rizzo", "Lombardi"},
		sep:    " ",
	},
	"fr": {
		people: []string{"Camille Lefèvre", "Théo Girard", "Chloé Fontaine", "Hugo Mercier", "Élodie Bernard", "Louis Garnier", "Inès Faure", "Maxime Roux", "Léa Perrin", "Antoine Caron", "Zoé Marchand", "Benoît Lemaire"},
		custA:  []string{"Boulangerie", "Cabinet", "Garage", "Pharmacie", "Hôtel", "Librairie", "Atelier", "Clinique"},
		custB:  []string{"Dubois", "Lambert", "Bonnet", "François", "Mercier", "Lefebvre", "Chevalier", "Gauthier", "Rousseau", "Béranger"},
		sep:    " ",
	},
	"nl": {
		people: []string{"Sanne de Jong", "Daan Jansen", "Femke Bakker", "Bram Visser", "Lotte Smit", "Jeroen van Dijk", "Anouk Meijer", "Thijs de Graaf", "Eline Bos", "Wouter Kok", "Noor Peeters", "Pieter Claes"},
		custA:  []string{"Bakkerij", "Tandartspraktijk", "Transportbedrijf", "Advocatenkantoor", "Bloemenhandel", "Fietsenwinkel", "Installatiebedrijf", "Drukkerij"},
		custB:  []string{"Van den Berg", "Mulder", "De Boer", "Hendriks", "Dekker", "Brouwer", "Vermeulen", "Maes", "Willems", "Jacobs"},
		sep:    " ",
	},
	"es": {
		people: []string{"Lucía García", "Javier Núñez", "María José Peña", "Álvaro Ruiz", "Carmen Ibáñez", "Sergio Martín", "Nuria Sáez", "Iñigo Etxeberria", "Paula Gómez", "Raúl Morales"},
		custA:  []string{"Clínica", "Panadería", "Talleres", "Asesoría", "Bodegas", "Hostal", "Ferretería", "Óptica"},
		custB:  []string{"Muñoz", "Álvarez", "Jiménez", "Hernández", "Castaño", "Ortega", "Navarro", "Domínguez", "Vázquez", "Peña"},
		sep:    " ",
	},
	"id": {
		people: []string{"Putu Ayu Lestari", "Budi Santoso", "Siti Rahmawati", "Agus Wijaya", "Dewi Kartika", "Rizky Pratama", "Indah Permata", "Made Suarsana", "Yohanes Tanoto"},
		custA:  []string{"Toko", "Klinik", "Rumah Makan", "Bengkel", "Apotek", "Hotel", "Koperasi", "Percetakan"},
		custB:  []string{"Sinar Jaya", "Maju Bersama", "Sumber Rejeki", "Cahaya Abadi", "Mitra Sejahtera", "Harapan Baru", "Bintang Timur", "Karya Mandiri", "Sentosa", "Makmur"},
		sep:    " ",
	},
	"gr": {
		people: []string{"Γιώργος Παπαδόπουλος", "Μαρία Οικονόμου", "Νίκος Γεωργίου", "Ελένη Δημητρίου", "Κώστας Ιωάννου", "Σοφία Βασιλείου", "Δημήτρης Αλεξίου", "Αικατερίνη Νικολάου"},
		custA:  []string{"Φαρμακείο", "Ξενοδοχείο", "Ταβέρνα", "Φροντιστήριο", "Συνεργείο", "Αρτοποιείο", "Κλινική", "Λογιστικό Γραφείο"},
		custB:  []string{"Ακρόπολις", "Αιγαίο", "Όλυμπος", "Ερμής", "Ποσειδών", "Αθηνά", "Ίκαρος", "Δελφοί", "Κρήτη", "Μακεδονία"},
		sep:    " ",
	},
	"jp": {
		people: []string{"佐藤 陽菜", "鈴木 大翔", "高橋 さくら", "田中 蓮", "伊藤 結衣", "渡辺 悠真", "山本 美咲", "中村 颯太", "小林 葵", "加藤 湊"},
		custA:  []string{"株式会社山田", "株式会社高橋", "有限会社中村", "株式会社小林", "合同会社加藤", "株式会社吉田", "株式会社松本", "株式会社井上"},
		custB:  []string{"製作所", "商事", "物流", "建設", "薬局", "食品", "電機", "印刷", "不動産", "歯科"},
		sep:    "",
	},
	"ru": {
		people: []string{"Анна Смирнова", "Дмитрий Иванов", "Екатерина Кузнецова", "Сергей Попов", "Ольга Соколова", "Алексей Лебедев", "Наталья Морозова", "Михаил Волков"},
		custA:  []string{"Аптека", "Гостиница", "Автосервис", "Пекарня", "Стоматология", "Типография", "Логистика", "Кафе"},
		custB:  []string{"Волга", "Урал", "Сибирь", "Нева", "Полярная Звезда", "Берёзка", "Кедр", "Алтай", "Рассвет", "Созвездие"},
		sep:    " ",
	},
	"ua": {
		people: []string{"Олена Шевченко", "Андрій Коваленко", "Ірина Бондаренко", "Тарас Мельник", "Оксана Кравченко", "Богдан Ткаченко"},
		custA:  []string{"Аптека", "Готель", "Автосервіс", "Пекарня", "Стоматологія", "Друкарня", "Логістика", "Кав'ярня"},
		custB:  []string{"Дніпро", "Карпати", "Поділля", "Світанок", "Калина", "Смерічка", "Лелека", "Веселка", "Джерело", "Полісся"},
		sep:    " ",
	},
	"en": {
		people: []string{"Emily Carter", "James O'Neill", "Olivia Brooks", "Michael Chen", "Sarah Patel", "Daniel Murphy", "Grace Thompson", "Ethan Walker", "Hannah Lewis", "Ryan Mitchell", "Chloe Evans", "Samuel Hughes", "Megan Foster", "Aaron Kim", "Fiona MacLeod", "Oliver Wright"},
		custA:  []string{"Riverside", "Summit", "Oakwood", "Bluewater", "Pinecrest", "Granite", "Lakeshore", "Maple Leaf"},
		custB:  []string{"Dental Group", "Logistics", "Family Clinic", "Law Offices", "Hotels", "Manufacturing", "Credit Union", "Bakery", "Realty", "School District"},
		sep:    " ",
	},
	"pt": {
		people: []string{"João Silva", "Inês Costa", "Tiago Gonçalves", "Beatriz Araújo"},
		custA:  []string{"Farmácia", "Padaria", "Clínica", "Oficina", "Pensão", "Livraria", "Adega", "Pastelaria"},
		custB:  []string{"Silva", "Ferreira", "Gonçalves", "Araújo", "Magalhães", "Conceição", "Simões", "Lourenço", "Fonseca", "Baptista"},
		sep:    " ",
	},
	"pl": {
		people: []string{"Katarzyna Nowak", "Piotr Wiśniewski", "Agnieszka Wójcik"},
		custA:  []string{"Apteka", "Piekarnia", "Hotel", "Kancelaria"},
		custB:  []string{"Kowalski", "Zieliński", "Szymański", "Dąbrowski"},
		sep:    " ",
	},
}

// poolOrder lists the pool keys in a fixed order, so that nothing depends on
// map iteration.
var poolOrder = []string{"de", "it", "fr", "nl", "es", "id", "gr", "jp", "ru", "ua", "en", "pt", "pl"}

// The courses reps take; the certifications are valid for certValidMonths.
var (
	courses = []string{
		"Nordlicht Sales Essentials",
		"Nordlicht Technical Foundations",
		"Selling Nordlicht Cloud",
		"Partner Portal Onboarding",
	}
	certifications = []string{
		"Nordlicht Certified Engineer",
		"Nordlicht Certified Cloud Specialist",
		"Nordlicht Certified Architect",
	}
)

const certValidMonths = 24

// asciiFold maps the accented letters of the Latin pools to ASCII for
// e-mail addresses.
var asciiFold = map[rune]string{
	'ä': "ae", 'ö': "oe", 'ü': "ue", 'ß': "ss", 'é': "e", 'è': "e", 'ê': "e",
	'ë': "e", 'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'í': "i", 'ì': "i",
	'ï': "i", 'ó': "o", 'ò': "o", 'ô': "o", 'õ': "o", 'ú': "u", 'ù': "u",
	'ñ': "n", 'ç': "c", 'ł': "l", 'ś': "s", 'ń': "n", 'ą': "a", 'ę': "e",
	'ż': "z", 'ź': "z", 'ć': "c", 'Á': "a", 'É': "e", 'Í': "i", 'Ó': "o",
	'Ú': "u", 'Ñ': "n", 'Ä': "ae", 'Ö': "oe", 'Ü': "ue", 'À': "a", 'È': "e",
}

// dec parses a decimal literal of the catalogue; a bad literal is a bug.
func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }
