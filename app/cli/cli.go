// Package cli is Partnerdesk's command line: one face of the use cases of
// package app, as the window (package ui) is the other. Each file holds one
// group of verbs (verbs_records.go: partners, reps, products, sales;
// verbs_run.go: compute, lines, approve, pay, close, funds, points...), and
// every verb does its work through exported methods of *app.Service: the
// command line holds no rule of its own, only parsing of its flags and the
// printing of tables (output.go).
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"

	"partnerdesk/app"
	"partnerdesk/engine"
)

// usagef is a command line the program cannot understand; it exits 2.
func usagef(format string, args ...any) error {
	return &app.UsageError{Msg: fmt.Sprintf(format, args...)}
}

// GUIFunc opens the desktop window on an open service and returns when the
// window closes. When the database cannot be opened (another Partnerdesk
// holds it, no database at the path, a newer schema) it is called with s
// nil and the reason in openErr: a window started from the desktop has no
// terminal to print to, so it shows the reason (naming the holder's process
// and host when known) in a dialog and returns when the user closes it;
// Main still prints the reason and exits 1. The root main passes the Fyne
// implementation; app itself never imports Fyne's app package, so the use
// cases test without cgo.
type GUIFunc func(s *app.Service, openErr error) error

// verb is one job of the command line.
type verb struct {
	name    string
	args    string // synopsis of the arguments
	summary string
	// noStore verbs run without opening the database (or open it themselves).
	noStore bool
	run     func(c *cmd, args []string) error
}

// cmd is one invocation: global options, output streams and the service.
type cmd struct {
	dbPath   string
	operator string
	// dbDefault: the path is the default per-user one (no --db, no
	// $PARTNERDESK_DB), where the window's first run may create the file.
	dbDefault bool
	stdout    io.Writer
	stderr    io.Writer
	svc       *app.Service
	verb      *verb
}

var verbs = map[string]*verb{}

func register(v *verb) { verbs[v.name] = v }

// Main runs the command line and returns the exit status: 0 on success, 1 on
// an error (the message on stderr), 2 on bad usage. With no verb it opens gui.
//
// It is long because it is the command line's whole dispatch (global flags,
// the verb, opening the store, exit statuses) in the order a reader follows
// an invocation.
func Main(args []string, stdout, stderr io.Writer, gui GUIFunc) int {
	c := &cmd{stdout: stdout, stderr: stderr}
	fs := flag.NewFlagSet("partnerdesk", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&c.dbPath, "db", "", "database file")
	fs.StringVar(&c.operator, "operator", "", "operator name recorded in the audit trail")
	help := fs.Bool("help", false, "show usage")
	fs.BoolVar(help, "h", false, "show usage")
	if err := fs.Parse(args); err != nil {
		fmt.Fprintf(stderr, "partnerdesk: %v\n\n", err)
		printUsage(stderr)
		return 2
	}
	if *help {
		printUsage(stdout)
		return 0
	}
	rest := fs.Args()
	if len(rest) > 0 && rest[0] == "help" {
		if len(rest) > 1 {
			if v, ok := verbs[rest[1]]; ok {
				fmt.Fprintf(stdout, "usage: partnerdesk [--db FILE] %s %s\n\n%s\n", v.name, v.args, v.summary)
				return 0
			}
		}
		printUsage(stdout)
		return 0
	}
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	if given["db"] && c.dbPath == "" {
		return exitCode(stderr, usagef("--db names no file: give the database file's path, or leave --db out for the default (partnerdesk path prints it)"))
	}
	if c.dbPath == "" {
		c.dbDefault = os.Getenv(app.DBEnv) == ""
		p, err := app.DefaultDBPath()
		if err != nil {
			fmt.Fprintf(stderr, "partnerdesk: %v\n", err)
			return 1
		}
		c.dbPath = p
	}
	if given["operator"] {
		if err := app.ValidateOperator(c.operator); err != nil {
			var ve *engine.ValidationError
			if errors.As(err, &ve) {
				err = errors.New(ve.Reason)
			}
			return exitCode(stderr, usagef("--operator: %v", err))
		}
	}
	if c.operator == "" {
		c.operator = defaultOperator()
	}
	// A verb whose output is cut short (partnerdesk lines | head) gets
	// EPIPE from its writes instead of dying of SIGPIPE, so it still
	// closes the file and removes its lock sidecar.
	signal.Ignore(syscall.SIGPIPE)
	if len(rest) == 0 {
		if gui == nil {
			printUsage(stderr)
			return 2
		}
		err := c.withService(func() error { return gui(c.svc, nil) })
		if err != nil && c.svc == nil {
			// Not opened: say why in the window's own dialog too.
			gui(nil, err)
		}
		return exitCode(stderr, err)
	}
	v, ok := verbs[rest[0]]
	if !ok {
		fmt.Fprintf(stderr, "partnerdesk: unknown verb %q (partnerdesk --help lists them)\n", rest[0])
		return 2
	}
	c.verb = v
	for _, a := range rest[1:] {
		if a == "-h" || a == "--help" || a == "-help" {
			fmt.Fprintf(stdout, "usage: partnerdesk [--db FILE] %s %s\n\n%s\n", v.name, v.args, v.summary)
			return 0
		}
	}
	run := func() error { return v.run(c, rest[1:]) }
	if v.noStore {
		return exitCode(stderr, run())
	}
	return exitCode(stderr, c.withService(run))
}

func exitCode(stderr io.Writer, err error) int {
	if err == nil {
		return 0
	}
	var ue *app.UsageError
	if errors.As(err, &ue) {
		fmt.Fprintf(stderr, "partnerdesk: %s\n(see partnerdesk --help)\n", ue.Msg)
		return 2
	}
	fmt.Fprintf(stderr, "partnerdesk: %v\n", err)
	return 1
}

// createVerbs may create the database: they set up a company. Every other
// verb refuses a path that holds no database.
var createVerbs = map[string]bool{"init": true, "demo": true}

// readOnlyVerbs only read the database: they open it read-only (a shared
// lock, no write to the file), so they also work on a file others read.
var readOnlyVerbs = map[string]bool{
	"audit": true, "changes": true, "registrations": true, "registration-queue": true, "partners": true, "reps": true, "products": true,
	"sales": true, "lines": true, "periods": true, "funds": true, "points": true, "claims": true, "ledger": true, "programs": true,
	"export": true, "statement": true, "statements": true, "simulate": true, "leaderboard": true,
	"partner": true, "examples": true, "bands": true, "invoices": true,
}

// openMode is how the invocation opens the database: init and demo may
// create it, and so may the window on its first run (the default path,
// no file there yet); read-only verbs open it read-only; the rest open an
// existing database for writing.
func (c *cmd) openMode() app.OpenMode {
	switch {
	case c.verb == nil:
		if _, err := os.Lstat(c.dbPath); c.dbDefault && errors.Is(err, os.ErrNotExist) {
			return app.OpenOrCreate
		}
	case createVerbs[c.verb.name]:
		return app.OpenOrCreate
	case readOnlyVerbs[c.verb.name]:
		return app.OpenReadOnly
	}
	return app.OpenExisting
}

// withService opens the database for the length of fn.
func (c *cmd) withService(fn func() error) error {
	svc, err := app.OpenServiceMode(c.dbPath, c.operator, c.openMode())
	if err != nil {
		if c.verb != nil && c.verb.name == "backup" && errors.Is(err, engine.ErrInUse) {
			// The window holds its file for as long as it is open, so a
			// backup from a second process cannot read it.
			return fmt.Errorf("%w\nif the window holds it: use Settings > Back up now in the window, or close it and run backup again", err)
		}
		return err
	}
	c.svc = svc
	err = fn()
	if cerr := svc.Close(); err == nil {
		err = cerr
	}
	return err
}

// flags returns a flag set for a verb whose errors are usage errors.
func (c *cmd) flags() *flag.FlagSet {
	fs := flag.NewFlagSet(c.verb.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parse parses a verb's flags, allowing them before and after positional
// arguments, and checks the positional count.
func (c *cmd) parse(fs *flag.FlagSet, args []string, min, max int) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, usagef("%s: %v; usage: partnerdesk %s %s", c.verb.name, err, c.verb.name, c.verb.args)
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
	if len(pos) < min || (max >= 0 && len(pos) > max) {
		return nil, usagef("%s needs %s", c.verb.name, c.verb.args)
	}
	return pos, nil
}

func defaultOperator() string {
	for _, k := range []string{"PARTNERDESK_OPERATOR", "USER", "USERNAME"} {
		if v := os.Getenv(k); v != "" {
			return v
		}
	}
	return "operator"
}

func printUsage(w io.Writer) {
	fmt.Fprint(w, `partnerdesk runs a vendor's channel partner programs on one laptop.

usage: partnerdesk [--db FILE] [--operator NAME] [VERB [ARGS...]]

With no verb the desktop window opens. The database is FILE, or
$PARTNERDESK_DB, or the default per-user path (partnerdesk path prints it).
Only init and demo create a database (and the window, at the default path,
on its first run); every other verb refuses a path that holds none.

verbs:
`)
	names := make([]string, 0, len(verbs))
	for n := range verbs {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		v := verbs[n]
		fmt.Fprintf(w, "  %s\n      %s\n", strings.TrimSpace(n+" "+v.args), v.summary)
	}
	fmt.Fprint(w, `
Exit status: 0 success, 1 error (message on stderr), 2 bad usage.
`)
}
