package app_test

import (
	"bytes"
	"testing"

	"partnerdesk/app/cli"
)

// The tests of this package that also check what the command line prints
// for a use case drive it through these two; the command line's own tests
// are in app/cli.

// run calls the command line with args on db and returns status and output.
func run(t *testing.T, db string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := cli.Main(append([]string{"--db", db, "--operator", "cli-test"}, args...), &out, &errb, nil)
	return code, out.String(), errb.String()
}

// mainArgs calls the command line with args, gui opening the window.
func mainArgs(args []string, gui cli.GUIFunc) (int, string, string) {
	var out, errb bytes.Buffer
	code := cli.Main(args, &out, &errb, gui)
	return code, out.String(), errb.String()
}
