package filename_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"partnerdesk/engine/filename"
)

func TestWindowsReserved(t *testing.T) {
	for _, name := range []string{"CON", "con", "Con.csv", "PRN.pdf", "aux", "NUL.tar.gz", "nul .txt",
		"COM0", "COM1", "com9.json", "COM¹", "LPT1", "lpt9.xlsx", "LPT³", "CONIN$", "conout$.txt"} {
		if !filename.WindowsReserved(name) {
			t.Errorf("WindowsReserved(%q) = false, want true", name)
		}
		if filename.CheckName(name) == nil {
			t.Errorf("CheckName(%q) accepted a device name", name)
		}
	}
	for _, name := range []string{"CONS", "console.csv", "COM10", "LPT", "xcon", "com-1", "nul-file.pdf", "2026-07_con.pdf", "aux-file"} {
		if filename.WindowsReserved(name) {
			t.Errorf("WindowsReserved(%q) = true, want false", name)
		}
	}
}

func TestCheckName(t *testing.T) {
	for _, ok := range []string{"2026-07_rossi.pdf", "Müller Straße.csv", "東京 2026.xlsx", "a b.json", ".hidden"} {
		if err := filename.CheckName(ok); err != nil {
			t.Errorf("CheckName(%q): %v", ok, err)
		}
	}
	for _, bad := range []string{"", ".", "..", "a:b.csv", "what?.pdf", "a*b", `a"b`, "a<b", "a>b", "a|b", `a\b`, "a/b",
		"tab\there", "nul\x00", "ends.", "ends ", strings.Repeat("x", 256), "\xff.csv"} {
		if err := filename.CheckName(bad); err == nil {
			t.Errorf("CheckName(%q) accepted a name Windows refuses", bad)
		}
	}
}

// TestSafeNameValidOnWindows: whatever a name holds, SafeName's stem with
// any extension Partnerdesk writes is a valid Windows file name.
func TestSafeNameValidOnWindows(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Rossi & Figli S.r.l.", "rossi-figli-s-r-l"},
		{"Müller Straße GmbH", "muller-strasse-gmbh"},
		{"ООО «Йошкар»", "ооо-йошкар"},
		{`a/b\c:d*e?f"g<h>i|j`, "a-b-c-d-e-f-g-h-i-j"},
		{"CON", "con-file"},
		{"nul", "nul-file"},
		{"Com0", "com0-file"},
		{"lpt3", "lpt3-file"},
		{"COM¹", "com"},        // the superscript is not a digit: a hyphen, then trimmed
		{"CON.csv", "con-csv"}, // the dot becomes a hyphen: no longer a device name
		{"con ", "con-file"},   // trailing space trimmed, then adjusted
		{"line\nbreak\x00", "line-break"},
		{"...", "unnamed"},
		{"", "unnamed"},
		{" trailing. ", "trailing"},
	}
	for _, tt := range tests {
		if got := filename.SafeName(tt.in); got != tt.want {
			t.Errorf("SafeName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	inputs := []string{strings.Repeat("長", 300), strings.Repeat("a", 1000), strings.Repeat("é", 500), strings.Repeat("a.", 200),
		"PRN", "aux", "COM9", "LPT1", "CONIN$", "\t", "-", "a" + strings.Repeat(" ", 100) + "b"}
	for _, tt := range tests {
		inputs = append(inputs, tt.in)
	}
	for _, in := range inputs {
		got := filename.SafeName(in)
		if !utf8.ValidString(got) || len(got) > 80 {
			t.Errorf("SafeName(%.20q...) = %q (%d bytes)", in, got, len(got))
		}
		for _, ext := range []string{"", ".pdf", ".csv", ".xlsx", ".json"} {
			if err := filename.CheckName(got + ext); err != nil {
				t.Errorf("SafeName(%.20q)%s: %v", in, ext, err)
			}
		}
	}
}
