package i18n

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

// The window's words live here too, beside the explanations, so a partner
// and the operator read one vocabulary ("Partnerstufe", "Livello") on paper
// and on screen.
//
// A window text is keyed by its English wording, which is what the screen
// shows in English: ui.T("Save") and ui.Tf("%d sales saved.", n). When
// one English word needs two translations, the key carries a context after
// a "|": "Open|status" shows "Open" in English and "Aperto" in Italian,
// while "Open|file" shows "Apri". Keys with arguments use fmt verbs; a
// translation may reorder them with explicit indexes ("%[2]s … %[1]s").
//
// Each area of the window keeps its words in its own file
// (window_<area>.go), one entry per key with every language side by side,
// registered from init with AddWindowText. A test fails when an entry lacks
// a language or when the verbs of a translation differ from the key's; the
// ui package's test fails when a key it uses has no entry.

// W is one window text in the six languages besides English (the key is
// the English).
type W struct {
	IT, FR, NL, ID, DE, ES string
}

// in returns the translation for lang; "" when lang is English or unknown.
func (w W) in(lang string) string {
	switch lang {
	case "it":
		return w.IT
	case "fr":
		return w.FR
	case "nl":
		return w.NL
	case "id":
		return w.ID
	case "de":
		return w.DE
	case "es":
		return w.ES
	}
	return ""
}

var (
	windowMu sync.RWMutex
	window   = map[string]W{}
	// windowClash records keys registered twice with different
	// translations, for the test.
	windowClash []string
)

// AddWindowText registers window texts; areas call it from init. A key
// already registered with the same translations is fine (two areas may both
// say "Save"); one registered with different translations is recorded and
// fails the catalogue test.
func AddWindowText(texts map[string]W) {
	windowMu.Lock()
	defer windowMu.Unlock()
	windowClash = append(windowClash, mergeTexts(window, texts)...)
}

// mergeTexts adds src to dst and returns the keys dst already held with
// other translations.
func mergeTexts(dst, src map[string]W) (clashes []string) {
	for k, w := range src {
		if old, ok := dst[k]; ok && old != w {
			clashes = append(clashes, k)
		}
		dst[k] = w
	}
	return clashes
}

// English returns what key shows in English: the key without its context.
func English(key string) string {
	if i := strings.LastIndexByte(key, '|'); i >= 0 {
		return key[:i]
	}
	return key
}

// Text returns window text key in lang: its translation, or the English
// when lang is English, unknown, or the key has no entry (so a missing
// entry shows English, never a key).
func Text(key, lang string) string {
	lang = Normalize(lang)
	if lang != "en" {
		windowMu.RLock()
		w, ok := window[key]
		windowMu.RUnlock()
		if ok {
			if t := w.in(lang); t != "" {
				return t
			}
		}
	}
	return English(key)
}

// HasText reports whether key has a window entry.
func HasText(key string) bool {
	windowMu.RLock()
	defer windowMu.RUnlock()
	_, ok := window[key]
	return ok
}

// WindowKeys returns every registered window key, sorted.
func WindowKeys() []string {
	windowMu.RLock()
	defer windowMu.RUnlock()
	keys := make([]string, 0, len(window))
	for k := range window {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// CheckWindowText returns one problem per line: an entry missing a
// language, a translation whose fmt verbs differ from its key's, a key
// registered twice with different translations.
func CheckWindowText() []string {
	windowMu.RLock()
	defer windowMu.RUnlock()
	var problems []string
	for _, k := range windowClash {
		problems = append(problems, fmt.Sprintf("%q is registered twice with different translations", k))
	}
	return append(problems, CheckTexts(window)...)
}

// CheckTexts checks window texts: one problem per entry missing a
// language or with a translation whose fmt verbs differ from its key's.
func CheckTexts(texts map[string]W) []string {
	var problems []string
	for k, w := range texts {
		want := verbs(English(k))
		for _, lang := range Languages[1:] {
			t := w.in(lang)
			if strings.TrimSpace(t) == "" {
				problems = append(problems, fmt.Sprintf("%q has no %s translation", k, lang))
				continue
			}
			if got := verbs(t); got != want {
				problems = append(problems, fmt.Sprintf("%q in %s: verbs %q, want %q", k, lang, got, want))
			}
		}
	}
	sort.Strings(problems)
	return problems
}

// verbs lists the fmt verbs of s in argument order, so "%[2]s %[1]d" and
// "%d %s" compare equal: "d s".
func verbs(s string) string {
	type verb struct {
		arg int
		v   byte
	}
	var vs []verb
	next := 1
	for i := 0; i < len(s); i++ {
		if s[i] != '%' {
			continue
		}
		i++
		// "%%" prints a percent sign; so does "% " in a text T shows as
		// it is ("% of revenue"): the window has no use for fmt's space flag.
		if i < len(s) && (s[i] == '%' || s[i] == ' ') {
			continue
		}
		arg := next
		if i < len(s) && s[i] == '[' {
			end := strings.IndexByte(s[i:], ']')
			if end > 0 {
				fmt.Sscanf(s[i+1:i+end], "%d", &arg)
				i += end + 1
			}
		}
		// Flags, width and precision.
		for i < len(s) && strings.IndexByte("+-# 0123456789.", s[i]) >= 0 {
			i++
		}
		if i < len(s) {
			vs = append(vs, verb{arg, s[i]})
			next = arg + 1
		}
	}
	sort.Slice(vs, func(a, b int) bool { return vs[a].arg < vs[b].arg })
	parts := make([]string, len(vs))
	for i, v := range vs {
		parts[i] = string(v.v)
	}
	return strings.Join(parts, " ")
}
