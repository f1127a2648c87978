package i18n_test

import (
	"testing"
	"time"

	"partnerdesk/engine"
	"partnerdesk/engine/i18n"
)

func TestDate(t *testing.T) {
	d := engine.MustDate("2026-07-31")
	jan := engine.MustDate("2026-01-05")
	tests := []struct {
		d    engine.Date
		lang string
		want string
	}{
		{d, "en", "31 Jul 2026"},
		{jan, "en", "5 Jan 2026"},
		{d, "it", "31/07/2026"},
		{d, "fr", "31/07/2026"},
		{d, "nl", "31-07-2026"},
		{d, "id", "31/07/2026"},
		{d, "de", "31.07.2026"},
		{d, "es", "31/07/2026"},
		{jan, "de", "05.01.2026"},
		{jan, "xx", "5 Jan 2026"},
		{0, "en", ""}, // unset
		{0, "de", ""},
		{engine.MustDate("1969-12-31"), "it", "31/12/1969"},
	}
	for _, tt := range tests {
		if got := i18n.Date(tt.d, tt.lang); got != tt.want {
			t.Errorf("Date(%s, %s) = %q, want %q", tt.d, tt.lang, got, tt.want)
		}
	}
}

func TestMonthName(t *testing.T) {
	tests := []struct {
		m    time.Month
		lang string
		want string
	}{
		{time.July, "en", "July"},
		{time.July, "it", "luglio"},
		{time.August, "fr", "août"},
		{time.March, "nl", "maart"},
		{time.December, "id", "Desember"},
		{time.March, "de", "März"},
		{time.January, "es", "enero"},
		{13, "en", "13"},
		{0, "it", "0"},
	}
	for _, tt := range tests {
		if got := i18n.MonthName(tt.m, tt.lang); got != tt.want {
			t.Errorf("MonthName(%d, %s) = %q, want %q", tt.m, tt.lang, got, tt.want)
		}
	}
	for _, lang := range i18n.Languages {
		for m := time.January; m <= time.December; m++ {
			if i18n.MonthName(m, lang) == "" {
				t.Errorf("MonthName(%d, %s) is empty", m, lang)
			}
		}
	}
}

func TestPeriodName(t *testing.T) {
	tests := []struct {
		key, lang, want string
	}{
		{"2026-07", "en", "July 2026"},
		{"2026-07", "it", "luglio 2026"},
		{"2026-07", "fr", "juillet 2026"},
		{"2026-07", "nl", "juli 2026"},
		{"2026-07", "id", "Juli 2026"},
		{"2026-07", "de", "Juli 2026"},
		{"2026-07", "es", "julio de 2026"},
		{"2026-Q3", "en", "Q3 2026"},
		{"2026-Q1", "it", "1º trimestre 2026"},
		{"2026-Q1", "fr", "1er trimestre 2026"},
		{"2026-Q3", "fr", "3e trimestre 2026"},
		{"2026-Q3", "nl", "3e kwartaal 2026"},
		{"2026-Q3", "id", "Triwulan III 2026"},
		{"2026-Q4", "de", "4. Quartal 2026"},
		{"2026-Q3", "es", "3.er trimestre de 2026"},
		{"2026-Q2", "es", "2.º trimestre de 2026"},
		{"2026", "en", "Fiscal year 2026"},
		{"2026", "de", "Geschäftsjahr 2026"},
		{"custom:2026-01-15..2026-03-31", "en", "15 Jan 2026 – 31 Mar 2026"},
		{"custom:2026-01-15..2026-03-31", "de", "15.01.2026 – 31.03.2026"},
		{"not a period", "en", "not a period"},
		{"", "it", ""},
	}
	for _, tt := range tests {
		if got := i18n.PeriodName(tt.key, tt.lang); got != tt.want {
			t.Errorf("PeriodName(%q, %s) = %q, want %q", tt.key, tt.lang, got, tt.want)
		}
	}
}
