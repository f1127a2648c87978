package i18n_test

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"partnerdesk/engine"
	"partnerdesk/engine/i18n"
)

// specExample is the explanation SPEC.md prints under "Review".
func specExample(tb testing.TB) engine.Explanation {
	tb.Helper()
	eur := engine.NewCurrency("EUR")
	return engine.Explanation{
		Key: "rate.retroactive",
		Args: []engine.Arg{
			engine.TextArg("rule", "Volume rebate"),
			engine.MoneyArg("basis", dec(tb, "102500.50"), eur),
			engine.PeriodArg("period", "2026-Q3"),
			engine.NumberArg("from", dec(tb, "100000.00")),
			engine.PercentArg("rate", decimal.NewFromInt(5)),
			engine.KeyArg("mode", "word.retroactive"),
			engine.MoneyArg("amount", dec(tb, "5125.03"), eur),
		},
	}
}

func TestExplainSpecExample(t *testing.T) {
	// 102,500.50 x 5 % = 5,125.025, rounded half away from zero to 5,125.03.
	tests := []struct{ lang, want string }{
		{"en", "Volume rebate: 102,500.50 EUR in 2026-Q3 reaches band from 100,000.00 at 5 % (retroactive) = 5,125.03 EUR"},
		{"it", "Volume rebate: 102.500,50 EUR nel periodo 2026-Q3 raggiunge lo scaglione da 100.000,00 al 5 % (retroattivo) = 5.125,03 EUR"},
		{"de", "Volume rebate: 102.500,50 EUR in 2026-Q3 erreicht die Staffel ab 100.000,00 zu 5 % (rückwirkend) = 5.125,03 EUR"},
		{"fr", "Volume rebate : 102" + nnbsp + "500,50 EUR en 2026-Q3 atteint la tranche à partir de 100" + nnbsp + "000,00 à 5 % (rétroactif) = 5" + nnbsp + "125,03 EUR"},
		{"xx", "Volume rebate: 102,500.50 EUR in 2026-Q3 reaches band from 100,000.00 at 5 % (retroactive) = 5,125.03 EUR"},
	}
	e := specExample(t)
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			if got := i18n.Explain(e, tt.lang); got != tt.want {
				t.Errorf("Explain(%s) =\n %q\nwant\n %q", tt.lang, got, tt.want)
			}
		})
	}
}

func TestExplainMore(t *testing.T) {
	eur := engine.NewCurrency("EUR")
	e := engine.Explanation{
		Key: "rate.flat",
		Args: []engine.Arg{
			engine.TextArg("rule", "Commission"),
			engine.MoneyArg("basis", dec(t, "20000"), eur),
			engine.PeriodArg("period", "2026-07"),
			engine.PercentArg("rate", dec(t, "2.5")),
			// 20,000 x 2.5 % = 500; x 1.2 = 600; capped at 550.
			engine.MoneyArg("amount", dec(t, "550"), eur),
		},
		More: []engine.Explanation{
			{Key: "mod.tier", Args: []engine.Arg{engine.NumberArg("multiplier", dec(t, "1.2")), engine.TextArg("tier", "Gold")}},
			{Key: "mod.cap", Args: []engine.Arg{engine.MoneyArg("cap", dec(t, "550"), eur)}},
		},
	}
	tests := []struct{ lang, want string }{
		{"en", "Commission: 20,000.00 EUR in 2026-07 at 2.5 % = 550.00 EUR; x 1.2 for tier Gold; capped at 550.00 EUR"},
		{"it", "Commission: 20.000,00 EUR nel periodo 2026-07 al 2,5 % = 550,00 EUR; x 1,2 per il livello Gold; limitato a 550,00 EUR"},
		{"es", "Commission: 20.000,00 EUR en 2026-07 al 2,5 % = 550,00 EUR; x 1,2 por el nivel Gold; limitado a 550,00 EUR"},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			if got := i18n.Explain(e, tt.lang); got != tt.want {
				t.Errorf("Explain(%s) =\n %q\nwant\n %q", tt.lang, got, tt.want)
			}
		})
	}
}

func TestExplainArgTypes(t *testing.T) {
	eur := engine.NewCurrency("EUR")
	tests := []struct {
		name string
		e    engine.Explanation
		lang string
		want string
	}{
		{
			name: "dates and whole numbers",
			e: engine.Explanation{Key: "dealreg.paid", Args: []engine.Arg{
				engine.TextArg("rule", "Deal reg"),
				engine.TextArg("invoice", "INV-7"),
				engine.TextArg("registration", "R-12"),
				engine.DateArg("approved", engine.MustDate("2026-07-03")),
				engine.NumberArg("window", decimal.NewFromInt(90)),
				engine.MoneyArg("net", dec(t, "12000"), eur),
				engine.PercentArg("rate", decimal.NewFromInt(3)),
				// 12,000 x 3 % = 360.
				engine.MoneyArg("amount", dec(t, "360"), eur),
			}},
			lang: "de",
			want: "Deal reg: Rechnung INV-7 zur Registrierung R-12, genehmigt am 03.07.2026, verkauft innerhalb von 90 Tagen: 12.000,00 EUR zu 3 % = 360,00 EUR",
		},
		{
			name: "points",
			e: engine.Explanation{Key: "loyalty.points", Args: []engine.Arg{
				engine.TextArg("rule", "Marks"),
				engine.MoneyArg("basis", dec(t, "25000"), eur),
				engine.PeriodArg("period", "2026-07"),
				engine.PointsArg("points", 1),
				engine.MoneyArg("per", dec(t, "10"), eur),
				// 25,000 / 10 x 1 = 2,500 points.
				engine.PointsArg("amount", 2500),
			}},
			lang: "en",
			want: "Marks: 25,000.00 EUR in 2026-07 at 1 points per 10.00 EUR = 2,500",
		},
		{
			name: "JPY money keeps no decimals",
			e: engine.Explanation{Key: "need.revenue", Args: []engine.Arg{
				engine.MoneyArg("amount", dec(t, "34500"), engine.NewCurrency("JPY")),
			}},
			lang: "it",
			want: "34.500 JPY di fatturato",
		},
		{
			name: "money with no currency prints its own scale",
			e:    engine.Explanation{Key: "mod.cap", Args: []engine.Arg{{Name: "cap", Type: engine.ArgMoney, Dec: dec(t, "1500.5")}}},
			lang: "en",
			want: "capped at 1,500.5",
		},
		{
			name: "unknown word key prints the key",
			e: engine.Explanation{Key: "rate.retroactive", Args: []engine.Arg{
				engine.KeyArg("mode", "word.future"),
			}},
			lang: "en",
			want: "{rule}: {basis} in {period} reaches band from {from} at {rate} (word.future) = {amount}",
		},
		{
			name: "missing args keep their placeholders",
			e:    engine.Explanation{Key: "nudge.tier", Args: []engine.Arg{engine.TextArg("tier", "Gold")}},
			lang: "nl",
			want: "{missing} tot niveau Gold",
		},
		{
			name: "unknown key prints key and args",
			e: engine.Explanation{Key: "rule.from.the.future", Args: []engine.Arg{
				engine.TextArg("rule", "X"),
				engine.MoneyArg("amount", dec(t, "1234.5"), eur),
			}},
			lang: "it",
			want: "rule.from.the.future rule=X amount=1.234,50 EUR",
		},
		{
			name: "empty explanation",
			e:    engine.Explanation{},
			lang: "en",
			want: "",
		},
		{
			name: "unknown arg type shows its text",
			e:    engine.Explanation{Key: "nudge.top", Args: []engine.Arg{{Name: "tier", Type: "colour", Text: "Gold"}}},
			lang: "en",
			want: "top tier Gold reached",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := i18n.Explain(tt.e, tt.lang); got != tt.want {
				t.Errorf("Explain(%s) =\n %q\nwant\n %q", tt.lang, got, tt.want)
			}
		})
	}
}

func TestExplainDeepMoreStops(t *testing.T) {
	e := engine.Explanation{Key: "mod.cap"}
	for range 100 {
		e = engine.Explanation{Key: "mod.cap", More: []engine.Explanation{e}}
	}
	got := i18n.Explain(e, "en")
	// The top level plus 8 levels of More are rendered, the rest dropped.
	if n := strings.Count(got, "capped at"); n != 9 {
		t.Errorf("rendered %d levels, want 9: %q", n, got)
	}
}

var placeholder = regexp.MustCompile(`\{([^{}]*)\}`)

func placeholders(t string) []string {
	var names []string
	for _, m := range placeholder.FindAllStringSubmatch(t, -1) {
		names = append(names, m[1])
	}
	slices.Sort(names)
	return slices.Compact(names)
}

// TestCataloguesComplete keeps every language in step with engine.Messages:
// every key translated, with exactly the English placeholders, and no key
// the engine no longer has.
func TestCataloguesComplete(t *testing.T) {
	if len(engine.Messages) == 0 {
		t.Fatal("engine.Messages is empty")
	}
	for _, lang := range i18n.Languages {
		if lang == "en" {
			continue
		}
		t.Run(lang, func(t *testing.T) {
			cat := i18n.Catalogue(lang)
			if cat == nil {
				t.Fatalf("no catalogue for %s", lang)
			}
			for key, en := range engine.Messages {
				tr, ok := cat[key]
				if !ok {
					t.Errorf("%s: key %q is not translated (English: %q)", lang, key, en)
					continue
				}
				if strings.TrimSpace(tr) == "" {
					t.Errorf("%s: key %q has an empty translation", lang, key)
				}
				if got, want := placeholders(tr), placeholders(en); !slices.Equal(got, want) {
					t.Errorf("%s: key %q has placeholders %v, want %v\n  %s", lang, key, got, want, tr)
				}
			}
			for key := range cat {
				if _, ok := engine.Messages[key]; !ok {
					t.Errorf("%s: key %q is not in engine.Messages", lang, key)
				}
			}
		})
	}
}

// TestEveryKeyRendersFully fills every placeholder of every key with a text
// argument and checks that no language leaves a brace or the raw key behind.
func TestEveryKeyRendersFully(t *testing.T) {
	for key, en := range engine.Messages {
		var args []engine.Arg
		for _, name := range placeholders(en) {
			args = append(args, engine.TextArg(name, "<"+name+">"))
		}
		e := engine.Explanation{Key: key, Args: args}
		for _, lang := range i18n.Languages {
			got := i18n.Explain(e, lang)
			if strings.ContainsAny(got, "{}") || got == "" || got == key {
				t.Errorf("Explain(%s, %s) = %q", key, lang, got)
			}
			for _, name := range placeholders(en) {
				if !strings.Contains(got, "<"+name+">") {
					t.Errorf("Explain(%s, %s) = %q lacks argument %s", key, lang, got, name)
				}
			}
		}
	}
}

func TestWordAndTemplate(t *testing.T) {
	if got := i18n.Word("word.marginal", "de"); got != "stufenweise" {
		t.Errorf("Word(word.marginal, de) = %q, want stufenweise", got)
	}
	if got := i18n.Word("word.nope", "de"); got != "word.nope" {
		t.Errorf("Word(word.nope, de) = %q, want the key", got)
	}
	if got, ok := i18n.Template("mod.cap", "xx"); !ok || got != engine.Messages["mod.cap"] {
		t.Errorf("Template(mod.cap, xx) = %q, %v, want the English template", got, ok)
	}
	if _, ok := i18n.Template("no.such.key", "it"); ok {
		t.Error("Template(no.such.key) reports a template")
	}
}
