package reports

import (
	"strings"

	"partnerdesk/engine"
	"partnerdesk/engine/i18n"
)

// labels is the statement words' catalogue, which lives in engine/i18n
// with the window's words and the explanations (i18n.StatementLabels).
var labels = i18n.StatementLabels

// Label returns the statement word key in lang (normalized with
// i18n.Normalize), with each {name} replaced by the value that follows it
// in kv: Label("it", "page", "n", "2", "total", "3") is "pagina 2 di 3".
// A key missing in lang falls back to English, then to the key itself.
func Label(lang, key string, kv ...string) string {
	t, ok := labels[i18n.Normalize(lang)][key]
	if !ok {
		if t, ok = labels["en"][key]; !ok {
			t = key
		}
	}
	for i := 0; i+1 < len(kv); i += 2 {
		t = strings.ReplaceAll(t, "{"+kv[i]+"}", kv[i+1])
	}
	return t
}

// statusLabel translates a reward line's status.
func statusLabel(lang string, s engine.LineStatus) string {
	if s == "" {
		return ""
	}
	return Label(lang, "status_"+string(s))
}
