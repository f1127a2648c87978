package i18n

import (
	"fmt"
	"strconv"
	"time"

	"partnerdesk/engine"
)

// monthNames holds each language's month names as written inside a sentence
// (lower case where the language writes them so).
var monthNames = map[string][12]string{
	"en": {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
	"it": {"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"},
	"fr": {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
	"nl": {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"},
	"id": {"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"},
	"de": {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"},
	"es": {"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"},
}

// enMonthAbbr are the English abbreviations of the "31 Jul 2026" form, which
// no reader can mistake for July 31st or the 7th of March.
var enMonthAbbr = [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// MonthName returns the full name of m in lang ("July", "luglio"); a month
// outside 1-12 prints as its number.
func MonthName(m time.Month, lang string) string {
	if m < time.January || m > time.December {
		return strconv.Itoa(int(m))
	}
	return monthNames[Normalize(lang)][m-1]
}

// Date formats d in the formal convention of lang: "31 Jul 2026" (en),
// "31/07/2026" (it, fr, id, es), "31-07-2026" (nl), "31.07.2026" (de). The
// zero date, which means "not set", prints as "".
func Date(d engine.Date, lang string) string {
	if d.IsZero() {
		return ""
	}
	y, m, day := d.YMD()
	switch Normalize(lang) {
	case "en":
		return fmt.Sprintf("%d %s %04d", day, enMonthAbbr[m-1], y)
	case "nl":
		return fmt.Sprintf("%02d-%02d-%04d", day, int(m), y)
	case "de":
		return fmt.Sprintf("%02d.%02d.%04d", day, int(m), y)
	default: // it, fr, id, es
		return fmt.Sprintf("%02d/%02d/%04d", day, int(m), y)
	}
}

// quarterNames print quarter q (1-4) of a fiscal year y in a title.
var quarterNames = map[string]func(q, y int) string{
	"en": func(q, y int) string { return fmt.Sprintf("Q%d %d", q, y) },
	"it": func(q, y int) string { return fmt.Sprintf("%dº trimestre %d", q, y) },
	"fr": func(q, y int) string { return fmt.Sprintf("%s trimestre %d", frOrdinal(q), y) },
	"nl": func(q, y int) string { return fmt.Sprintf("%de kwartaal %d", q, y) },
	"id": func(q, y int) string {
		return fmt.Sprintf("Triwulan %s %d", [5]string{"", "I", "II", "III", "IV"}[q], y)
	},
	"de": func(q, y int) string { return fmt.Sprintf("%d. Quartal %d", q, y) },
	"es": func(q, y int) string {
		return fmt.Sprintf("%s trimestre de %d", [5]string{"", "1.er", "2.º", "3.er", "4.º"}[q], y)
	},
}

func frOrdinal(n int) string {
	if n == 1 {
		return "1er"
	}
	return strconv.Itoa(n) + "e"
}

// yearNames print fiscal year y in a title. Period keys name a fiscal year,
// which is the calendar year only with a January start, so the title says so.
var yearNames = map[string]string{
	"en": "Fiscal year %d",
	"it": "Esercizio %d",
	"fr": "Exercice %d",
	"nl": "Boekjaar %d",
	"id": "Tahun buku %d",
	"de": "Geschäftsjahr %d",
	"es": "Ejercicio %d",
}

// monthTitle prints month m of year y; Spanish says "julio de 2026".
func monthTitle(m time.Month, y int, lang string) string {
	if lang == "es" {
		return fmt.Sprintf("%s de %d", MonthName(m, lang), y)
	}
	return fmt.Sprintf("%s %d", MonthName(m, lang), y)
}

// PeriodName turns a period key into a statement title: "2026-07" gives
// "July 2026" / "luglio 2026", "2026-Q3" gives "Q3 2026" / "3º trimestre
// 2026", "2026" gives "Fiscal year 2026", and a custom window
// "custom:2026-01-15..2026-03-31" gives "15 Jan 2026 – 31 Mar 2026". Keys
// stay as written inside explanations; a key it cannot read is returned as is.
func PeriodName(key string, lang string) string {
	lang = Normalize(lang)
	p, err := engine.ParsePeriod(key, time.January)
	if err != nil {
		return key
	}
	y, m, _ := p.Start.YMD()
	switch p.Kind {
	case engine.PeriodMonth:
		return monthTitle(m, y, lang)
	case engine.PeriodQuarter:
		// With a January start the quarter's first month gives its number.
		return quarterNames[lang](int(m-1)/3+1, y)
	case engine.PeriodYear:
		return fmt.Sprintf(yearNames[lang], y)
	case engine.PeriodCustom:
		return Date(p.Start, lang) + " – " + Date(p.End, lang)
	}
	return key
}
