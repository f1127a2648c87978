package imports

import (
	"strings"
	"testing"

	"partnerdesk/engine"
)

// FoldName's short cut gives what strings.Fields and Join give.
func TestFoldNameIsFieldsJoined(t *testing.T) {
	for _, s := range []string{"", " ", "a", "Partner 12", "partner 12", " a b ", "a  b", "a\tb", "a\u00a0b", "a\u2003b",
		"Société Générale", "ACME  Srl ", "x\ny", "a b c", "\u0085a", "a\u0085", "ẞ Straße"} {
		want := strings.Join(strings.Fields(engine.FoldName(s)), " ")
		if got := FoldName(s); got != want {
			t.Errorf("FoldName(%q) = %q, want %q", s, got, want)
		}
	}
}
