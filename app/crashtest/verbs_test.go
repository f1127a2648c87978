package crashtest

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"partnerdesk/app/cli"
)

// run runs the command line in this process (for preparing files and
// reading their state; the faults go to children).
func run(tb testing.TB, args ...string) string {
	tb.Helper()
	var out, errb bytes.Buffer
	if code := cli.Main(args, &out, &errb, nil); code != 0 {
		tb.Fatalf("partnerdesk %v: exit %d: %s", args, code, errb.String())
	}
	return out.String()
}

// stateOf is what the verbs below change: the month's sales, its reward
// lines with their status and payouts, and the periods' state. A file is
// checked (bbolt and the app's invariants) before it is read.
func stateOf(tb testing.TB, path string) string {
	tb.Helper()
	checkFile(tb, path)
	return run(tb, "--db", path, "sales", "2026-01", "--format", "csv") +
		run(tb, "--db", path, "lines", "2026-01", "--format", "csv") +
		run(tb, "--db", path, "periods")
}

// approvedIDs lists the ids of the month's approved money lines.
func approvedIDs(tb testing.TB, path string) string {
	tb.Helper()
	recs, err := csv.NewReader(strings.NewReader(run(tb, "--db", path, "lines", "2026-01", "--status", "approved", "--format", "csv"))).ReadAll()
	if err != nil || len(recs) < 2 {
		tb.Fatalf("approved lines: %v %v", recs, err)
	}
	var ids []string
	for _, r := range recs[1:] {
		if r[5] == "money" {
			ids = append(ids, r[0])
		}
	}
	return strings.Join(ids, ",")
}

// verbStep is one job of the period cycle, run on a file that holds what
// the steps before it left.
type verbStep struct {
	name   string
	args   func(path string) []string
	before []byte // the file before the step
	states [2]string
}

// cycleSteps runs import, compute, approve, pay and close once on a fresh
// world, keeping the file and its state before and after each step.
func cycleSteps(tb testing.TB) []*verbStep {
	tb.Helper()
	dir := tb.TempDir()
	salesCSV := filepath.Join(dir, "sales.csv")
	var b strings.Builder
	b.WriteString("date,partner,customer,product,quantity,price,invoice\n")
	for i := 0; i < 200; i++ {
		fmt.Fprintf(&b, "2026-01-%02d,%s,Customer %d,%s,1,100.00,INV-%d\n", 1+i%28, partnerName, i, productSKU, i)
	}
	if err := os.WriteFile(salesCSV, []byte(b.String()), 0o600); err != nil {
		tb.Fatal(err)
	}
	path := newWorld(tb)
	steps := []*verbStep{
		{name: "import", args: func(string) []string { return []string{"import", "sales", salesCSV} }},
		{name: "compute", args: func(string) []string { return []string{"compute", "2026-01"} }},
		{name: "approve", args: func(string) []string { return []string{"approve", "2026-01", "--yes"} }},
		{name: "pay", args: func(p string) []string {
			return []string{"pay", "--lines", approvedIDs(tb, p), "--method", "bank", "--reference", "R-1"}
		}},
		{name: "close", args: func(string) []string { return []string{"close", "2026-01"} }},
	}
	for _, s := range steps {
		raw, err := os.ReadFile(path)
		if err != nil {
			tb.Fatal(err)
		}
		s.before = raw
		s.states[0] = stateOf(tb, path)
		run(tb, append([]string{"--db", path}, s.args(path)...)...)
		s.states[1] = stateOf(tb, path)
		if s.states[0] == s.states[1] {
			tb.Fatalf("%s changed nothing the harness can see", s.name)
		}
	}
	return steps
}

// TestCrashCycleFaults runs import, compute, approve, pay and close as
// child processes and kills each at every sync of its run in turn (and,
// in the long run, at every rename), then makes each of those calls fail
// with EIO. After a kill the file checks clean and holds the state before
// the step or after it, whole. After EIO the command's word is the truth:
// exit 0 and the new state; exit 1 and the old state; or, when the error
// came while the finished change was being written to the disk, exit 1
// and a message that says the change may have been saved and to run
// check (before, it said only that the change failed, although an EIO at
// the last sync leaves it committed).
func TestCrashCycleFaults(t *testing.T) {
	if _, err := exec.LookPath("strace"); err != nil {
		t.Fatalf("strace is needed for fault injection (apt-get install strace): %v", err)
	}
	sets := []string{"fsync,fdatasync"}
	if longRun() {
		sets = syscallSets
	}
	outcome := map[string]int{}
	maySaved := 0
	for _, s := range cycleSteps(t) {
		fresh := func() string {
			p := filepath.Join(t.TempDir(), "cycle.db")
			if err := os.WriteFile(p, s.before, 0o600); err != nil {
				t.Fatal(err)
			}
			return p
		}
		which := func(p, what string) string {
			switch stateOf(t, p) {
			case s.states[0]:
				return "old"
			case s.states[1]:
				return "new"
			}
			t.Fatalf("%s %s: the file holds neither the state before nor after", s.name, what)
			return ""
		}
		for _, set := range sets {
			calls := 0
			for n := 1; n <= 40; n++ {
				p := fresh()
				code, errs := straceChild(t, set, "signal=KILL", n, append([]string{"--db", p}, s.args(p)...)...)
				if code != -1 {
					if code != 0 || which(p, "run to its end") != "new" {
						t.Fatalf("%s under strace: exit %d: %s", s.name, code, errs)
					}
					break
				}
				calls++
				outcome[fmt.Sprintf("%s killed at %s: %s", s.name, set, which(p, fmt.Sprintf("killed at %s call %d", set, n)))]++
			}
			if calls == 0 && strings.Contains(set, "sync") {
				t.Fatalf("%s: no call of %s was hit: the injection did not work", s.name, set)
			}
			for n := 1; n <= calls; n++ {
				p := fresh()
				code, errs := straceChild(t, set, "error=EIO", n, append([]string{"--db", p}, s.args(p)...)...)
				got := which(p, fmt.Sprintf("EIO at %s call %d", set, n))
				may := strings.Contains(errs, "may have been saved; run `partnerdesk check`")
				switch {
				case code == 0 && got == "new":
				case code == 1 && may:
					maySaved++
				case code == 1 && got == "old" && strings.Contains(errs, "partnerdesk: "):
				default:
					t.Fatalf("%s: EIO at %s call %d: exit %d with the %s state; stderr %q", s.name, set, n, code, got, errs)
				}
				outcome[fmt.Sprintf("%s EIO at %s: exit %d, %s state, may=%v", s.name, set, code, got, may)]++
			}
		}
	}
	if maySaved == 0 {
		t.Error("no EIO met a commit: the syncs of bbolt's commit were never hit")
	}
	t.Logf("import, compute, approve, pay, close under injected faults: %v", outcome)
}
