package cli_test

import (
	"testing"

	"early.partnerdesk/clocale"
)

// Issue #15.12: the rule that keeps Fyne quiet under LANG=C.UTF-8 (the
// window's package imports it; app/gui's TestCLIQuietUnderCLocale runs the
// command line under each locale). It lives here because a test of it in
// app/gui would link it into that test binary and hide its removal from
// gui.go. LANGUAGE=en only when the locale names no language, and a
// LANGUAGE list keeps its real languages.
// The rule under it: LANGUAGE=en only when the locale names no language,
// and a LANGUAGE list keeps its real languages.
func TestCLocaleNormalize(t *testing.T) {
	cases := []struct {
		env      map[string]string
		language string // LANGUAGE afterwards; "-" unset
	}{
		{map[string]string{"LANG": "C.UTF-8"}, "en"},
		{map[string]string{"LANG": "POSIX.utf8"}, "en"},
		{map[string]string{"LC_ALL": "C.UTF-8", "LANG": "de_DE.UTF-8"}, "en"},
		{map[string]string{"LANG": "C"}, "-"}, // Fyne reads nothing: English
		{map[string]string{}, "-"},            // no locale at all
		{map[string]string{"LANG": "it_IT.UTF-8"}, "-"},
		{map[string]string{"LANG": "sr_RS@latin"}, "-"},
		{map[string]string{"LANG": "de_DE.UTF-8", "LANGUAGE": "de:en"}, "de:en"},
		{map[string]string{"LANG": "de_DE.UTF-8", "LANGUAGE": "C.UTF-8:fr"}, "fr"},
		{map[string]string{"LANG": "C.UTF-8", "LANGUAGE": "C"}, "en"},
	}
	for _, c := range cases {
		env := map[string]string{}
		for k, v := range c.env {
			env[k] = v
		}
		clocale.Normalize(func(k string) string { return env[k] },
			func(k, v string) error { env[k] = v; return nil })
		got, ok := env["LANGUAGE"]
		if !ok {
			got = "-"
		}
		if got != c.language {
			t.Errorf("%v: LANGUAGE %q, want %q", c.env, got, c.language)
		}
	}
}
