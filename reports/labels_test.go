package reports

import (
	"regexp"
	"sort"
	"testing"

	"partnerdesk/engine/i18n"
)

func TestEveryLabelInEveryLanguage(t *testing.T) {
	ph := regexp.MustCompile(`\{[a-z_]+\}`)
	placeholders := func(s string) []string {
		p := ph.FindAllString(s, -1)
		sort.Strings(p)
		return p
	}
	if len(labels) != len(i18n.Languages) {
		t.Errorf("labels has %d languages, i18n.Languages %d", len(labels), len(i18n.Languages))
	}
	for _, lang := range i18n.Languages {
		m, ok := labels[lang]
		if !ok {
			t.Errorf("no labels for %s", lang)
			continue
		}
		for key, en := range labels["en"] {
			got, ok := m[key]
			if !ok || got == "" {
				t.Errorf("%s: key %q missing", lang, key)
				continue
			}
			if a, b := placeholders(got), placeholders(en); len(a) != len(b) || (len(a) > 0 && a[0] != b[0]) || (len(a) > 1 && a[1] != b[1]) {
				t.Errorf("%s %q: placeholders %v, want %v", lang, key, a, b)
			}
		}
		for key := range m {
			if _, ok := labels["en"][key]; !ok {
				t.Errorf("%s: key %q is not in English", lang, key)
			}
		}
	}
}

func TestLabel(t *testing.T) {
	tests := []struct {
		lang, key string
		kv        []string
		want      string
	}{
		{"en", "page", []string{"n", "2", "total", "3"}, "page 2 of 3"},
		{"it_IT", "page", []string{"n", "2", "total", "3"}, "pagina 2 di 3"},
		{"de", "page", []string{"n", "1", "total", "1"}, "Seite 1 von 1"},
		{"xx", "title", nil, "Statement"},         // unknown language: English
		{"fr", "no.such.key", nil, "no.such.key"}, // unknown key: the key
	}
	for _, tt := range tests {
		if got := Label(tt.lang, tt.key, tt.kv...); got != tt.want {
			t.Errorf("Label(%q, %q) = %q, want %q", tt.lang, tt.key, got, tt.want)
		}
	}
}
