package reports_test

import (
	"bytes"
	"os"
	"testing"

	"partnerdesk/reports"
)

func TestZZLook(t *testing.T) {
	for name, st := range map[string]*reports.Statement{
		"fr": demo(t, "fr", "Société Générale"),
		"en": demo(t, "en", "Rossi & Figli S.r.l."),
		"it": demo(t, "it", "Ελληνική Λύση Α.Ε. — Жуков и партнёры"),
		"ja": demo(t, "ja", "株式会社田中システム 한국지사"),
	} {
		var b bytes.Buffer
		if err := reports.WritePDF(&b, st); err != nil {
			t.Fatal(err)
		}
		os.WriteFile("/tmp/look-"+name+".pdf", b.Bytes(), 0o644)
	}
}
