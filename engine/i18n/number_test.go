package i18n_test

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"partnerdesk/engine"
	"partnerdesk/engine/i18n"
)

func dec(tb testing.TB, s string) decimal.Decimal {
	tb.Helper()
	d, err := decimal.NewFromString(s)
	if err != nil {
		tb.Fatalf("bad decimal literal %q: %v", s, err)
	}
	return d
}

const nnbsp = "\u202f"

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", "en"},
		{"en", "en"},
		{"it_IT", "it"},
		{"fr-BE", "fr"},
		{"de_DE.UTF-8", "de"},
		{"NL", "nl"},
		{" es ", "es"},
		{"id", "id"},
		{"in_ID", "id"}, // the old Java code for Indonesian
		{"pt_BR", "en"}, // not a statement language
		{"xx", "en"},
		{"C", "en"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := i18n.Normalize(tt.in); got != tt.want {
				t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestLanguagesAreNamed(t *testing.T) {
	seen := map[string]bool{}
	for _, l := range i18n.Languages {
		if i18n.Normalize(l) != l {
			t.Errorf("Normalize(%q) = %q: a listed language must normalise to itself", l, i18n.Normalize(l))
		}
		name := i18n.LanguageName(l)
		if name == "" || seen[name] {
			t.Errorf("LanguageName(%q) = %q: want a distinct non-empty name", l, name)
		}
		seen[name] = true
	}
	if got := i18n.LanguageName("it_IT"); got != "Italiano" {
		t.Errorf("LanguageName(it_IT) = %q, want Italiano", got)
	}
}

func TestNumber(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		places int32
		lang   string
		want   string
	}{
		{"en grouping", "1234.56", 2, "en", "1,234.56"},
		{"it grouping", "1234.56", 2, "it", "1.234,56"},
		{"nl grouping", "1234.56", 2, "nl", "1.234,56"},
		{"de grouping", "1234.56", 2, "de", "1.234,56"},
		{"es grouping", "1234.56", 2, "es", "1.234,56"},
		{"id grouping", "1234.56", 2, "id", "1.234,56"},
		{"fr grouping with narrow no-break space", "1234.56", 2, "fr", "1" + nnbsp + "234,56"},
		{"unknown language is en", "1234.56", 2, "pt", "1,234.56"},
		{"no grouping below 1000", "999.99", 2, "en", "999.99"},
		{"exactly 1000", "1000", 0, "it", "1.000"},
		// 102500.5 padded to two places.
		{"pads places", "102500.5", 2, "en", "102,500.50"},
		{"zero", "0", 2, "en", "0.00"},
		{"zero no places", "0", 0, "de", "0"},
		// 12.345 -> 12.35 and -12.345 -> -12.35: half away from zero.
		{"half up", "12.345", 2, "en", "12.35"},
		{"half away negative", "-12.345", 2, "en", "-12.35"},
		{"below half", "12.344", 2, "en", "12.34"},
		// 0.5 -> 1 and 2.5 -> 3, not banker's 2.
		{"half at zero places", "2.5", 0, "en", "3"},
		{"negative half at zero places", "-0.5", 0, "en", "-1"},
		// -0.004 rounds to 0.00: no "-0.00".
		{"negative rounding to zero has no sign", "-0.004", 2, "en", "0.00"},
		{"negative grouped", "-1234567.891", 2, "it", "-1.234.567,89"},
		{"negative fr", "-1234567.891", 2, "fr", "-1" + nnbsp + "234" + nnbsp + "567,89"},
		{"large", "123456789012345678901234.5", 1, "en", "123,456,789,012,345,678,901,234.5"},
		// 999.995 rounds up across the group boundary to 1,000.00.
		{"rounding carries into a new group", "999.995", 2, "en", "1,000.00"},
		{"three places", "1.0005", 3, "de", "1,001"},
		{"negative places count as zero", "1234.5", -2, "en", "1,235"},
		{"places capped", "1", 100, "en", "1." + strings.Repeat("0", i18n.MaxPlaces)},
		{"positive exponent", "1.2e5", 0, "en", "120,000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := i18n.Number(dec(t, tt.in), tt.places, tt.lang)
			if got != tt.want {
				t.Errorf("Number(%s, %d, %s) = %q, want %q", tt.in, tt.places, tt.lang, got, tt.want)
			}
		})
	}
}

func TestMoney(t *testing.T) {
	eur := engine.NewCurrency("EUR")
	jpy := engine.NewCurrency("JPY")
	bhd := engine.NewCurrency("BHD")
	tests := []struct {
		name string
		in   string
		c    engine.Currency
		lang string
		want string
	}{
		{"en EUR", "5125.03", eur, "en", "5,125.03 EUR"},
		{"it EUR", "5125.03", eur, "it", "5.125,03 EUR"},
		{"fr EUR", "5125.03", eur, "fr", "5" + nnbsp + "125,03 EUR"},
		// 1234.5 JPY has no minor unit: half away from zero gives 1,235.
		{"JPY no decimals", "1234.5", jpy, "en", "1,235 JPY"},
		{"JPY de", "1234.5", jpy, "de", "1.235 JPY"},
		{"negative EUR", "-12.345", eur, "en", "-12.35 EUR"},
		{"whole EUR padded", "100", eur, "nl", "100,00 EUR"},
		{"IDR large", "15000000", engine.NewCurrency("IDR"), "id", "15.000.000 IDR"},
		// 1.2345 BHD to 3 places: 1.2345 -> 1.235.
		{"three minor units", "1.2345", bhd, "en", "1.235 BHD"},
		{"no code", "5", engine.Currency{MinorUnits: 2}, "en", "5.00"},
		{"zero", "0", eur, "es", "0,00 EUR"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := i18n.Money(dec(t, tt.in), tt.c, tt.lang)
			if got != tt.want {
				t.Errorf("Money(%s, %s, %s) = %q, want %q", tt.in, tt.c.Code, tt.lang, got, tt.want)
			}
		})
	}
}

func TestPercent(t *testing.T) {
	tests := []struct {
		in, lang, want string
	}{
		{"5", "en", "5 %"},
		{"5.00", "en", "5 %"}, // trailing zeros dropped
		{"2.5", "en", "2.5 %"},
		{"2.5", "it", "2,5 %"},
		{"2.50", "fr", "2,5 %"},
		{"0", "en", "0 %"},
		{"800", "en", "800 %"},
		{"1200", "en", "1,200 %"},
		{"1200", "de", "1.200 %"},
		{"-3.75", "en", "-3.75 %"},
		// 5.000049 rounds to 4 places: 5.0000 -> "5".
		{"5.000049", "en", "5 %"},
		// 4.87654 -> 4.8765 at 4 places (the 5th decimal 4 rounds down).
		{"4.87654", "nl", "4,8765 %"},
		// 1/3 as an effective rate: 33.33333... -> 33.3333.
		{"33.333333333333333", "en", "33.3333 %"},
		// 0.00005 is half: away from zero gives 0.0001.
		{"0.00005", "en", "0.0001 %"},
	}
	for _, tt := range tests {
		t.Run(tt.lang+" "+tt.in, func(t *testing.T) {
			if got := i18n.Percent(dec(t, tt.in), tt.lang); got != tt.want {
				t.Errorf("Percent(%s, %s) = %q, want %q", tt.in, tt.lang, got, tt.want)
			}
		})
	}
}

func TestPoints(t *testing.T) {
	tests := []struct {
		in   int64
		lang string
		want string
	}{
		{0, "en", "0"},
		{999, "en", "999"},
		{1000, "en", "1,000"},
		{1234567, "it", "1.234.567"},
		{1234567, "fr", "1" + nnbsp + "234" + nnbsp + "567"},
		{-2500, "en", "-2,500"},
		{-9223372036854775808, "en", "-9,223,372,036,854,775,808"},
	}
	for _, tt := range tests {
		if got := i18n.Points(tt.in, tt.lang); got != tt.want {
			t.Errorf("Points(%d, %s) = %q, want %q", tt.in, tt.lang, got, tt.want)
		}
	}
}

// FuzzNumber checks that Number never panics and that removing the
// language's marks gives back exactly the digits of the rounded value.
func FuzzNumber(f *testing.F) {
	for _, s := range []string{"0", "-12.345", "1234567.891", "999.995", "-0.004", "1e-30", "12345678901234567890"} {
		f.Add(s, int32(2))
	}
	f.Add("1.5", int32(0))
	f.Add("-7", int32(-3))
	f.Fuzz(func(t *testing.T, s string, places int32) {
		d, err := decimal.NewFromString(s)
		if err != nil {
			return
		}
		// Keep the scale sane: a 1e999999999 literal is rejected at the
		// edges long before it reaches a statement.
		if e := d.Exponent(); e > 60 || e < -60 {
			return
		}
		p := min(max(places, 0), i18n.MaxPlaces)
		want := d.StringFixed(p)
		if strings.Trim(want, "-0.") == "" {
			want = strings.TrimPrefix(want, "-")
		}
		for _, lang := range i18n.Languages {
			got := i18n.Number(d, places, lang)
			var plain string
			switch lang {
			case "en":
				plain = strings.ReplaceAll(got, ",", "")
			case "fr":
				plain = strings.ReplaceAll(strings.ReplaceAll(got, nnbsp, ""), ",", ".")
			default:
				plain = strings.ReplaceAll(strings.ReplaceAll(got, ".", ""), ",", ".")
			}
			if plain != want {
				t.Fatalf("Number(%s, %d, %s) = %q, which reads back as %q, want %q", s, places, lang, got, plain, want)
			}
			back, err := decimal.NewFromString(plain)
			if err != nil || !back.Equal(d.Round(p)) {
				t.Fatalf("Number(%s, %d, %s) = %q reads back as %v (%v), want %v", s, places, lang, got, back, err, d.Round(p))
			}
		}
	})
}
