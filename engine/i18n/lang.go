package i18n

import "strings"

// Languages lists the statement languages in display order; "en" is the
// fallback for anything else.
var Languages = []string{"en", "it", "fr", "nl", "id", "de", "es"}

// languageNames are the languages' names in themselves, for pickers.
var languageNames = map[string]string{
	"en": "English",
	"it": "Italiano",
	"fr": "Français",
	"nl": "Nederlands",
	"id": "Bahasa Indonesia",
	"de": "Deutsch",
	"es": "Español",
}

// Normalize returns the supported base language of lang: "it_IT",
// "fr-BE" and "de_DE.UTF-8" give "it", "fr" and "de"; an empty or
// unsupported code gives "en", so callers never need to check.
func Normalize(lang string) string {
	base := strings.ToLower(strings.TrimSpace(lang))
	if i := strings.IndexAny(base, "_-.@"); i >= 0 {
		base = base[:i]
	}
	// "in" is the old ISO 639 code for Indonesian that Java and some
	// systems still report.
	if base == "in" {
		base = "id"
	}
	if _, ok := languageNames[base]; ok {
		return base
	}
	return "en"
}

// LanguageName returns the name of lang in that language ("Italiano"), for
// language pickers.
func LanguageName(lang string) string {
	return languageNames[Normalize(lang)]
}
