// Package clocale keeps Fyne quiet under the C locale. It must be imported
// (blank) by the program before Fyne is initialised, and it is: Go
// initialises packages in import-path order among those whose imports are
// ready, and this module's path, "early.partnerdesk/clocale", sorts before
// "fyne.io/...". That is why it is a module of its own (a replace in the
// main go.mod) rather than a package under partnerdesk/.
//
// The problem: with LANG=C.UTF-8 (the usual value on servers and in
// containers) Fyne's lang package reads the locale "C" at init, fails to
// parse it as a language tag and logs "Fyne error: Error parsing user
// locale C" on stderr, on every command-line call. "C" and "POSIX" mean
// "no language", which is English for Fyne; saying so through LANGUAGE
// gives Fyne a tag it can parse. LANG and LC_* are left alone, so the
// character set stays what the user chose; a child process reads English
// messages from LANGUAGE=en, which is what the C locale gives it anyway.
package clocale

import (
	"os"
	"strings"
)

func init() { Normalize(os.Getenv, os.Setenv) }

// Normalize sets LANGUAGE=en when the locale Fyne would read (LC_ALL,
// LC_MESSAGES, LANG, the first one set; then LANGUAGE unless the locale is
// exactly C or POSIX) names no language: "C.UTF-8", "POSIX.utf8", "C@x".
// A LANGUAGE list is cut down to its entries that name a language. It
// reports whether it changed anything.
func Normalize(getenv func(string) string, setenv func(string, string) error) bool {
	locale := ""
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if locale = getenv(k); locale != "" {
			break
		}
	}
	if locale == "" || locale == "C" || locale == "POSIX" {
		return false // Fyne reads no locale at all and uses English
	}
	if list := getenv("LANGUAGE"); list != "" {
		var keep []string
		for _, l := range strings.Split(list, ":") {
			if NamesLanguage(l) {
				keep = append(keep, l)
			}
		}
		if len(keep) == len(strings.Split(list, ":")) {
			return false
		}
		if len(keep) == 0 {
			keep = []string{"en"}
		}
		return setenv("LANGUAGE", strings.Join(keep, ":")) == nil
	}
	if NamesLanguage(locale) {
		return false
	}
	return setenv("LANGUAGE", "en") == nil
}

// NamesLanguage reports whether a POSIX locale ("de_DE.UTF-8",
// "sr_RS@latin", "fr") starts with a language code Fyne can parse: two or
// three ASCII letters.
func NamesLanguage(locale string) bool {
	lang := locale
	if i := strings.IndexAny(lang, "_-.@"); i >= 0 {
		lang = lang[:i]
	}
	if len(lang) < 2 || len(lang) > 3 {
		return false
	}
	for _, r := range lang {
		if (r < 'a' || r > 'z') && (r < 'A' || r > 'Z') {
			return false
		}
	}
	return true
}
