package i18n_test

import (
	"strings"
	"testing"

	"partnerdesk/engine"
	"partnerdesk/engine/i18n"
)

func TestList(t *testing.T) {
	tests := []struct {
		items []string
		lang  string
		want  string
	}{
		{nil, "en", ""},
		{[]string{"a"}, "en", "a"},
		{[]string{"a", "b"}, "en", "a and b"},
		{[]string{"a", "b", "c"}, "en", "a, b and c"},
		{[]string{"a", "b", "c"}, "it", "a, b e c"},
		{[]string{"a", "b"}, "de", "a und b"},
		{[]string{"a", "b"}, "id", "a dan b"},
		{[]string{"a", "b"}, "es", "a y b"},
	}
	for _, tt := range tests {
		if got := i18n.List(tt.items, tt.lang); got != tt.want {
			t.Errorf("List(%q, %s) = %q, want %q", tt.items, tt.lang, got, tt.want)
		}
	}
}

// TestExplainTierNudge renders the statement's tier progress from typed
// needs: a list argument inside the nudge.
func TestExplainTierNudge(t *testing.T) {
	eur := engine.NewCurrency("EUR")
	e := engine.Explanation{Key: "nudge.tier", Args: []engine.Arg{
		engine.ListArg("missing",
			engine.Explanation{Key: "need.revenue", Args: []engine.Arg{engine.MoneyArg("amount", dec(t, "34500"), eur)}},
			engine.Explanation{Key: "need.certs", Args: []engine.Arg{engine.NumberArg("count", dec(t, "2"))}},
		),
		engine.TextArg("tier", "Gold"),
	}}
	tests := []struct{ lang, want string }{
		{"en", "34,500.00 EUR revenue and 2 certifications to Gold"},
		{"it", "34.500,00 EUR di fatturato e 2 certificazioni per il livello Gold"},
		{"fr", "34" + nnbsp + "500,00 EUR de chiffre d'affaires et 2 certifications pour atteindre le niveau Gold"},
		{"id", "pendapatan 34.500,00 EUR dan 2 sertifikasi lagi menuju tingkat Gold"},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			if got := i18n.Explain(e, tt.lang); got != tt.want {
				t.Errorf("Explain(%s) =\n %q\nwant\n %q", tt.lang, got, tt.want)
			}
		})
	}
	// The spec's own example, with the singular key the engine picks for 1.
	spec := engine.Explanation{Key: "nudge.tier", Args: []engine.Arg{
		engine.ListArg("missing",
			engine.Explanation{Key: "need.revenue", Args: []engine.Arg{engine.MoneyArg("amount", dec(t, "34500"), eur)}},
			engine.Explanation{Key: "need.cert", Args: []engine.Arg{engine.NumberArg("count", dec(t, "1"))}},
		),
		engine.TextArg("tier", "Gold"),
	}}
	for lang, want := range map[string]string{
		"en": "34,500.00 EUR revenue and 1 certification to Gold",
		"de": "34.500,00 EUR Umsatz und 1 Zertifizierung bis Partnerstufe Gold",
		"es": "34.500,00 EUR de ingresos y 1 certificación para el nivel Gold",
	} {
		if got := i18n.Explain(spec, lang); got != want {
			t.Errorf("Explain(%s) = %q, want %q", lang, got, want)
		}
	}

	// A list nested in itself is cut off rather than looping.
	deep := engine.Explanation{Key: "need.units", Args: []engine.Arg{engine.NumberArg("units", dec(t, "3"))}}
	for range 50 {
		deep = engine.Explanation{Key: "nudge.tier", Args: []engine.Arg{engine.ListArg("missing", deep), engine.TextArg("tier", "X")}}
	}
	// Depths 0 to 8 render their "to X"; the list at depth 8 is dropped.
	if got := i18n.Explain(deep, "en"); strings.Count(got, "to X") != 9 {
		t.Errorf("deeply nested list rendered %q, want 9 levels", got)
	}
}
