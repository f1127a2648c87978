package gui_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"partnerdesk/app/cli"
	"partnerdesk/app/gui"
)

// cliEnv, when set, makes this test binary run the command line on its
// arguments instead of the tests: the binary links the window (and so
// Fyne) exactly as partnerdesk does, so it prints what partnerdesk would.
const cliEnv = "PARTNERDESK_TEST_AS_CLI"

func TestMain(m *testing.M) {
	if os.Getenv(cliEnv) == "1" {
		os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr, gui.Run))
	}
	os.Exit(m.Run())
}

// runCLI runs the command line in a child process with env added.
func runCLI(t *testing.T, env []string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, args...)
	cmd.Env = append(os.Environ(), cliEnv+"=1", "LC_ALL=", "LC_MESSAGES=", "LANGUAGE=")
	cmd.Env = append(cmd.Env, env...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err = cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errb.String(), code
}

// The package that prevents it (early.partnerdesk/clocale) is imported by
// gui.go only, not by this file, so that removing it fails this test; its
// rule is tested in app/cli/clocale_test.go.
//
// Issue #15.12: under LANG=C.UTF-8 (servers, containers) every call
// printed "Fyne error: Error parsing user locale C". A command that
// succeeds prints nothing on stderr, whatever the locale.
func TestCLIQuietUnderCLocale(t *testing.T) {
	db := filepath.Join(t.TempDir(), "pd.db")
	for _, lang := range []string{"C.UTF-8", "C", "POSIX", "C.utf8", "en_US.UTF-8", "de_DE.UTF-8"} {
		for _, args := range [][]string{{"--db", db, "demo", "--if-missing"}, {"--db", db, "partners"}, {"help"}} {
			out, errText, code := runCLI(t, []string{"LANG=" + lang}, args...)
			if code != 0 {
				t.Fatalf("LANG=%s %v: exit %d, stderr %q", lang, args, code, errText)
			}
			if errText != "" {
				t.Errorf("LANG=%s %v printed on stderr: %q", lang, args, errText)
			}
			if out == "" && args[2] != "demo" { // demo --if-missing is silent the second time
				t.Errorf("LANG=%s %v printed nothing on stdout", lang, args)
			}
		}
	}
}
