package i18n_test

import (
	"strings"
	"testing"

	"partnerdesk/engine/i18n"
)

// Every window text has all six translations, non-blank, with the same fmt
// verbs as its English key, and no key is registered twice with different
// words.
func TestWindowTextComplete(t *testing.T) {
	if len(i18n.WindowKeys()) == 0 {
		t.Fatal("no window texts registered")
	}
	for _, p := range i18n.CheckWindowText() {
		t.Error(p)
	}
}

// The checker itself: a missing language and a dropped or changed verb are
// each found; reordered indexed verbs are not a problem; a key merged twice
// with different words is a clash.
func TestCheckTextsFindsProblems(t *testing.T) {
	full := i18n.W{IT: "a", FR: "a", NL: "a", ID: "a", DE: "a", ES: "a"}
	missing := full
	missing.NL = " "
	got := strings.Join(i18n.CheckTexts(map[string]i18n.W{
		"missing": missing,
		"%d of %s": {IT: "%d di %s", FR: "%d sur %s", NL: "%[2]s: %[1]d", ID: "%d dari %s",
			DE: "%s von %d", ES: "%d de"},
		"fine": full,
	}), "\n")
	for _, want := range []string{
		`"missing" has no nl translation`,
		`"%d of %s" in de: verbs "s d", want "d s"`,
		`"%d of %s" in es: verbs "d", want "d s"`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("CheckTexts lacks %s; got:\n%s", want, got)
		}
	}
	if strings.Contains(got, `"%d of %s" in nl`) || strings.Contains(got, `"fine"`) {
		t.Errorf("a good entry was refused:\n%s", got)
	}
	dst := map[string]i18n.W{"same": full, "clash": full}
	other := full
	other.DE = "b"
	clashes := i18n.MergeTexts(dst, map[string]i18n.W{"same": full, "clash": other, "new": full})
	if len(clashes) != 1 || clashes[0] != "clash" || len(dst) != 3 {
		t.Errorf("MergeTexts clashes = %v (want [clash]), holds %d keys (want 3)", clashes, len(dst))
	}
}

// Text picks the language, shows English for English, an unknown language
// or an unknown key, and drops a key's context in English.
func TestText(t *testing.T) {
	i18n.AddWindowText(map[string]i18n.W{
		"zz Open|status": {IT: "Aperto", FR: "Ouvert", NL: "Open", ID: "Terbuka", DE: "Offen", ES: "Abierto"},
	})
	defer i18n.RemoveWindowText("zz Open|status")
	for _, c := range []struct{ key, lang, want string }{
		{"zz Open|status", "it", "Aperto"},
		{"zz Open|status", "de_DE.UTF-8", "Offen"},
		{"zz Open|status", "en", "zz Open"},
		{"zz Open|status", "pt", "zz Open"},
		{"zz never registered", "fr", "zz never registered"},
		{"Save", "nl", "Opslaan"},
	} {
		if got := i18n.Text(c.key, c.lang); got != c.want {
			t.Errorf("Text(%q, %q) = %q, want %q", c.key, c.lang, got, c.want)
		}
	}
}
