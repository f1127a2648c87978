package reports_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"partnerdesk/engine/filename"
	"partnerdesk/reports"
)

func TestFileName(t *testing.T) {
	tests := []struct {
		period, name, want string
	}{
		{"2026-07", "Rossi & Figli S.r.l.", "2026-07_rossi-figli-s-r-l.pdf"},
		{"2026-Q3", "Müller Straße GmbH", "2026-q3_muller-strasse-gmbh.pdf"},
		{"2026-07", "Société Générale", "2026-07_societe-generale.pdf"},
		{"2026-07", "Ελληνική Λύση Α.Ε.", "2026-07_ελληνική-λύση-α-ε.pdf"},    // Greek keeps its accents
		{"2026-07", "ООО «Йошкар»", "2026-07_ооо-йошкар.pdf"},                 // й is not и
		{"2026-07", "株式会社ガイア", "2026-07_株式会社ガイア.pdf"},                         // ガ is not カ
		{"2026-07", "한국소프트웨어", "2026-07_한국소프트웨어.pdf"},                         // Hangul recomposed
		{"2026-07", `a/b\c:d*e?f"g<h>i|j`, "2026-07_a-b-c-d-e-f-g-h-i-j.pdf"}, // reserved characters
		{"2026-07", "...", "2026-07_unnamed.pdf"},
		{"2026-07", "", "2026-07_unnamed.pdf"},
		{"custom:2026-01-15..2026-03-31", "X", "custom-2026-01-15-2026-03-31_x.pdf"},
	}
	for _, tt := range tests {
		if got := reports.FileName(tt.period, tt.name); got != tt.want {
			t.Errorf("FileName(%q, %q) = %q, want %q", tt.period, tt.name, got, tt.want)
		}
	}
}

func TestFileNameLimits(t *testing.T) {
	for _, name := range []string{strings.Repeat("長", 300), strings.Repeat("a", 1000), strings.Repeat("é", 500), "CON", "nul"} {
		got := reports.FileName("2026-07", name)
		if !utf8.ValidString(got) || len(got) > 120 || !strings.HasSuffix(got, ".pdf") {
			t.Errorf("FileName(%.20q...) = %q (%d bytes)", name, got, len(got))
		}
		if strings.ContainsAny(got, `/\:*?"<>|`) {
			t.Errorf("FileName(%.20q) = %q holds a reserved character", name, got)
		}
	}
}

// TestStatementNamesValidOnWindows: every statement name, alone or in a
// batch, is valid on Windows, even for a payee or period named like a
// device (a name of its own is never one: it is PERIOD_payee.pdf).
func TestStatementNamesValidOnWindows(t *testing.T) {
	payees := []string{"CON", "nul", "COM0", "LPT1", "aux.", "Rossi: S.r.l.?", "a*b", "", " ", "tab\tand\nline"}
	var sts []*reports.Statement
	for _, period := range []string{"2026-07", "PRN", "custom:2026-01-15..2026-03-31"} {
		for _, name := range payees {
			if err := filename.CheckName(reports.FileName(period, name)); err != nil {
				t.Errorf("FileName(%q, %q): %v", period, name, err)
			}
			st := &reports.Statement{}
			st.Period.Key = period
			st.Payee.Name = name
			sts = append(sts, st)
		}
	}
	seen := map[string]bool{}
	for _, n := range reports.BatchNames(sts) {
		if err := filename.CheckName(n); err != nil {
			t.Errorf("BatchNames: %v", err)
		}
		if seen[strings.ToLower(n)] {
			t.Errorf("BatchNames: %q twice (Windows ignores case)", n)
		}
		seen[strings.ToLower(n)] = true
	}
}
