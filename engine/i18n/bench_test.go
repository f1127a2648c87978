package i18n_test

import (
	"testing"

	"partnerdesk/engine/i18n"
)

// BenchmarkExplain measures one reward line's explanation, the figure that
// decides whether a screen can render 100,000 lines on the fly.
func BenchmarkExplain(b *testing.B) {
	e := specExample(b)
	for _, lang := range []string{"en", "fr"} {
		b.Run(lang, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if i18n.Explain(e, lang) == "" {
					b.Fatal("empty")
				}
			}
		})
	}
}

func BenchmarkNumber(b *testing.B) {
	d := dec(b, "-1234567.891")
	b.ReportAllocs()
	for b.Loop() {
		if i18n.Number(d, 2, "it") == "" {
			b.Fatal("empty")
		}
	}
}
