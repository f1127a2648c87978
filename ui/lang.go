package ui

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"sync/atomic"

	"fyne.io/fyne/v2"
	fynelang "fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"partnerdesk/engine/i18n"
)

// The window speaks the operator's language: every label, menu, message
// and dialog goes through T (or Tf), and every number and date through the
// i18n formatters with Lang(). The words live in engine/i18n beside the
// statements' explanations (window_<area>.go); see /work/coord's
// notes-i18n.md and engine/i18n/window.go for how to add one.
//
// The choice is the operator's, not the company's: it is stored in the
// app's preferences on this computer (PrefLanguage), "" meaning "the
// system's language", which falls back to English.

// PrefLanguage is the app preference holding the window language code; ""
// or absent follows the system.
const PrefLanguage = "window.language"

var uiLang atomic.Value // string, a code of i18n.Languages

// Lang is the window's language code ("en", "it", ...).
// Before a shell sets it (the window that says why the file could not be
// opened comes first), it is the system's language.
func Lang() string {
	if l, ok := uiLang.Load().(string); ok && l != "" {
		return l
	}
	l := SystemLanguage()
	uiLang.CompareAndSwap(nil, l)
	return l
}

// SetLang makes the window speak lang (normalized; unknown is English),
// Fyne's own dialog words (Yes, No, Cancel, Open, Save...) included. Screens
// built afterwards use it; the shell rebuilds its screens on a change
// (Shell.applyLanguage).
func SetLang(lang string) {
	lang = i18n.Normalize(lang)
	uiLang.Store(lang)
	localizeFyne(lang)
}

// T returns the window text key in the window's language. key is the
// English wording, optionally with a "|context" suffix; it must be a string
// literal so the catalogue test finds it.
func T(key string) string { return i18n.Text(key, Lang()) }

// tableText is T for a key held in a table rather than written at the
// call: screen titles (ScreenSpec.Title) and shortcut labels and menus,
// which TestWindowTextKeys checks from the tables themselves.
func tableText(key string) string { return i18n.Text(key, Lang()) }

// Tf is T with fmt arguments: Tf("%d sales saved.", n).
func Tf(key string, args ...any) string {
	return fmt.Sprintf(i18n.Text(key, Lang()), args...)
}

// SystemLanguage is the language of the system the window runs on, English
// when it is none of the supported ones. On Linux and the BSDs it reads the
// locale variables gettext reads (a "C" or "POSIX" locale is English);
// where none is set (Windows, macOS) it asks Fyne.
func SystemLanguage() string {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		loc := os.Getenv(v)
		if loc == "" {
			continue
		}
		if loc == "C" || loc == "POSIX" || strings.HasPrefix(loc, "C.") || strings.HasPrefix(loc, "POSIX.") {
			return "en"
		}
		if langs := os.Getenv("LANGUAGE"); langs != "" {
			loc = strings.Split(langs, ":")[0]
		}
		return i18n.Normalize(loc)
	}
	return i18n.Normalize(fynelang.SystemLocale().LanguageString())
}

// languageChoice is the window language stored in the app's preferences:
// the code, or "" for the system's.
func languageChoice(a fyne.App) string {
	if a == nil {
		return ""
	}
	return a.Preferences().String(PrefLanguage)
}

// applyLanguage sets the window language from the app's preference (the
// system's language when there is none).
func applyLanguage(a fyne.App) {
	if c := languageChoice(a); c != "" {
		SetLang(c)
		return
	}
	SetLang(SystemLanguage())
}

// fyneWords are the words Fyne's own dialogs and menus show; they are in
// the catalogue (window_fyne.go) and handed to Fyne in the window's
// language.
var fyneWords = []string{"Yes", "No", "OK", "Cancel", "Confirm", "Error", "Open", "Save",
	"Copy", "Cut", "Paste", "Select all", "Undo", "Redo", "Quit", "File", "Folder",
	"New Folder", "Create Folder", "Enter filename", "Favourites", "Show Hidden Files", "Advanced"}

// localizeFyne makes Fyne's built-in words follow the window language
// rather than the system's. Fyne picks its translation from the system
// locale; registering our words under that locale's tag makes them the ones
// it finds.
func localizeFyne(lang string) {
	words := map[string]string{}
	for _, w := range fyneWords {
		words[w] = i18n.Text(w, lang)
	}
	data, err := json.Marshal(words)
	if err != nil {
		return
	}
	_ = fynelang.AddTranslationsForLocale(data, fyneLocale())
}

// fyneLocale is the locale Fyne translates for: the system's first, as Fyne
// reads it, or English under a C locale or none.
func fyneLocale() fyne.Locale {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		loc := os.Getenv(v)
		if loc == "" {
			continue
		}
		if loc == "C" || loc == "POSIX" || strings.HasPrefix(loc, "C.") || strings.HasPrefix(loc, "POSIX.") {
			return "en"
		}
		break
	}
	return fynelang.SystemLocale()
}

// SetWindowLanguage stores the operator's choice (a code, or "" for the
// system's language) and rebuilds the window in it: the screens are built
// anew (what a form held unsaved is lost, as when the window reopens), the
// menus and the sidebar relabelled, and the screen on show shown again.
func (s *Shell) SetWindowLanguage(code string) {
	if code != "" {
		code = i18n.Normalize(code)
	}
	if s.app != nil {
		s.app.Preferences().SetString(PrefLanguage, code)
	}
	if code == "" {
		code = SystemLanguage()
	}
	if code == Lang() {
		return
	}
	SetLang(code)
	current := s.current
	s.screens = map[string]Screen{}
	s.current = ""
	s.build()
	s.installShortcuts()
	if s.win != nil {
		s.win.SetContent(s.content)
	}
	if current != "" {
		s.Show(current)
	}
}

// newWindowLanguageSelect is the Settings control for the window language:
// the system's language first, then the seven languages by their own names.
// Choosing one stores it for this computer and relabels the window at once.
func newWindowLanguageSelect(s *Shell) *widget.Select {
	system := Tf("System language (%s)", i18n.LanguageName(SystemLanguage()))
	opts := []string{system}
	for _, code := range i18n.Languages {
		opts = append(opts, i18n.LanguageName(code))
	}
	sel := widget.NewSelect(opts, nil)
	if c := languageChoice(s.app); c != "" {
		sel.SetSelected(i18n.LanguageName(c))
	} else {
		sel.SetSelected(system)
	}
	sel.OnChanged = func(name string) {
		code := ""
		for _, c := range i18n.Languages {
			if i18n.LanguageName(c) == name {
				code = c
			}
		}
		// Let the select's pop-up close before the window is rebuilt.
		fyne.Do(func() { s.SetWindowLanguage(code) })
	}
	return sel
}
