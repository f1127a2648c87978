package app

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// UsageError is a command line the program cannot understand; it exits 2.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

func usagef(format string, args ...any) error {
	return &UsageError{Msg: fmt.Sprintf(format, args...)}
}

// GUIFunc opens the desktop window on an open service and returns when the
// window closes. The root main passes the Fyne implementation; app itself
// never imports Fyne's app package, so the use cases test without cgo.
type GUIFunc func(s *Service) error

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
	stdout   io.Writer
	stderr   io.Writer
	svc      *Service
	verb     *verb
}

var verbs = map[string]*verb{}

func register(v *verb) { verbs[v.name] = v }

// Main runs the command line and returns the exit status: 0 on success, 1 on
// an error (the message on stderr), 2 on bad usage. With no verb it opens gui.
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
	if c.dbPath == "" {
		p, err := DefaultDBPath()
		if err != nil {
			fmt.Fprintf(stderr, "partnerdesk: %v\n", err)
			return 1
		}
		c.dbPath = p
	}
	if c.operator == "" {
		c.operator = defaultOperator()
	}
	if len(rest) == 0 {
		if gui == nil {
			printUsage(stderr)
			return 2
		}
		return exitCode(stderr, c.withService(func() error { return gui(c.svc) }))
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
	var ue *UsageError
	if errors.As(err, &ue) {
		fmt.Fprintf(stderr, "partnerdesk: %s\n(see partnerdesk --help)\n", ue.Msg)
		return 2
	}
	fmt.Fprintf(stderr, "partnerdesk: %v\n", err)
	return 1
}

// withService opens the database for the length of fn.
func (c *cmd) withService(fn func() error) error {
	svc, err := OpenService(c.dbPath, c.operator)
	if err != nil {
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
