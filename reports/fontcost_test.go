package reports_test

import (
	"bytes"
	"runtime"
	"testing"

	"partnerdesk/reports"
)

// Parsing a TrueType font for each document allocated some 10 MB a
// statement (15 MB with the CJK font) and was most of its time: the fonts
// are parsed once per process (reports/internal/gofpdf: UTF8Font). A
// statement now allocates about 1 MB, CJK or not (3 MB under -race); a
// font parsed per document again would fail this test.
func TestStatementAllocatesLittle(t *testing.T) {
	for _, name := range []string{names["latin"], names["japanese"]} {
		st := demo(t, "de", name)
		var b bytes.Buffer
		if err := reports.WritePDF(&b, st); err != nil { // parses the fonts, once
			t.Fatal(err)
		}
		const n = 10
		var m0, m1 runtime.MemStats
		runtime.ReadMemStats(&m0)
		for i := 0; i < n; i++ {
			b.Reset()
			if err := reports.WritePDF(&b, st); err != nil {
				t.Fatal(err)
			}
		}
		runtime.ReadMemStats(&m1)
		per := (m1.TotalAlloc - m0.TotalAlloc) / n
		t.Logf("%s: %d KB allocated a statement", name, per/1024)
		if per > 5<<20 {
			t.Errorf("%s: a statement allocates %d KB, want under 5 MB (is a font parsed per document?)", name, per/1024)
		}
	}
}
