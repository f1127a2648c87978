package crashtest

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"partnerdesk/data"
	"partnerdesk/engine"
)

// envInt reads a positive integer from the environment, else def.
func envInt(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}

// newRand is the harness's seeded source; the seed is logged so that a
// failing run can be repeated with PARTNERDESK_CRASH_SEED.
func newRand(tb testing.TB) *rand.Rand {
	seed := uint64(envInt("PARTNERDESK_CRASH_SEED", 1))
	tb.Logf("seed %d (PARTNERDESK_CRASH_SEED)", seed)
	return rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
}

// child is a running copy of the test binary in one of the child modes.
type child struct {
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	lines  chan string   // complete lines of stdout, in order
	eof    chan struct{} // closed when stdout reached EOF
	stderr bytes.Buffer
	seen   []string // lines taken from the channel so far
}

func startChild(tb testing.TB, env ...string) *child {
	tb.Helper()
	c := &child{lines: make(chan string, 1<<16), eof: make(chan struct{})}
	c.cmd = exec.Command(os.Args[0], "-test.run=^$")
	c.cmd.Env = append(os.Environ(), env...)
	c.cmd.Stderr = &c.stderr
	var err error
	if c.stdin, err = c.cmd.StdinPipe(); err != nil {
		tb.Fatal(err)
	}
	out, err := c.cmd.StdoutPipe()
	if err != nil {
		tb.Fatal(err)
	}
	if err := c.cmd.Start(); err != nil {
		tb.Fatal(err)
	}
	go func() {
		defer close(c.eof)
		defer close(c.lines)
		r := bufio.NewReader(out)
		for {
			s, err := r.ReadString('\n')
			if err != nil {
				// A line cut by the kill was never reported whole: drop it.
				return
			}
			c.lines <- strings.TrimSuffix(s, "\n")
		}
	}()
	return c
}

// waitFor takes lines until one satisfies ok; false on EOF or timeout.
func (c *child) waitFor(ok func(string) bool, timeout time.Duration) bool {
	t := time.NewTimer(timeout)
	defer t.Stop()
	for {
		select {
		case l, open := <-c.lines:
			if !open {
				return false
			}
			c.seen = append(c.seen, l)
			if ok(l) {
				return true
			}
		case <-t.C:
			return false
		}
	}
}

// kill sends SIGKILL, reads stdout to its end and reaps the process.
func (c *child) kill() {
	c.cmd.Process.Signal(syscall.SIGKILL)
	c.finish()
}

// finish reads the rest of stdout and waits for the process.
func (c *child) finish() error {
	for l := range c.lines {
		c.seen = append(c.seen, l)
	}
	<-c.eof
	return c.cmd.Wait()
}

// stop closes stdin (the writer's signal to close the file and exit) and
// waits for a clean exit.
func (c *child) stop(tb testing.TB) {
	tb.Helper()
	c.stdin.Close()
	if err := c.finish(); err != nil {
		tb.Fatalf("child did not exit cleanly: %v\n%s", err, c.stderr.String())
	}
}

func prefixed(p string) func(string) bool {
	return func(l string) bool { return strings.HasPrefix(l, p) }
}

// facts are the changes a child reported as committed.
type facts struct {
	sales    map[engine.ID]saleFact
	approved map[engine.ID]string // line -> period
	payouts  map[engine.ID]payoutFact
	closed   map[string]bool
}

type saleFact struct {
	invoice string
	net     decimal.Decimal
}

type payoutFact struct {
	amount decimal.Decimal
	lines  []engine.ID
}

func newFacts() *facts {
	return &facts{sales: map[engine.ID]saleFact{}, approved: map[engine.ID]string{}, payouts: map[engine.ID]payoutFact{}, closed: map[string]bool{}}
}

func (f *facts) count() int { return len(f.sales) + len(f.approved) + len(f.payouts) + len(f.closed) }

// add reads the lines a child printed; it returns how many changes they
// report.
func (f *facts) add(tb testing.TB, lines []string) int {
	tb.Helper()
	n := 0
	for _, l := range lines {
		w := strings.Fields(l)
		if len(w) == 0 {
			continue
		}
		switch w[0] {
		case "sale":
			f.sales[parseID(tb, w[1])] = saleFact{invoice: w[2], net: decimal.RequireFromString(w[3])}
		case "approved":
			for _, id := range strings.Split(w[2], ",") {
				f.approved[parseID(tb, id)] = w[1]
			}
		case "paid":
			var ids []engine.ID
			for _, id := range strings.Split(w[3], ",") {
				ids = append(ids, parseID(tb, id))
			}
			f.payouts[parseID(tb, w[1])] = payoutFact{amount: decimal.RequireFromString(w[2]), lines: ids}
		case "closed":
			f.closed[w[1]] = true
		default:
			continue
		}
		n++
	}
	return n
}

func (f *facts) merge(g *facts) {
	for k, v := range g.sales {
		f.sales[k] = v
	}
	for k, v := range g.approved {
		f.approved[k] = v
	}
	for k, v := range g.payouts {
		f.payouts[k] = v
	}
	for k := range g.closed {
		f.closed[k] = true
	}
}

func parseID(tb testing.TB, s string) engine.ID {
	tb.Helper()
	n, err := strconv.ParseUint(s, 10, 64)
	if err != nil {
		tb.Fatalf("child printed %q where an id belongs", s)
	}
	return engine.ID(n)
}

// checkFile runs the same check as `partnerdesk check`: bbolt's own
// consistency check and the app's invariants.
func checkFile(tb testing.TB, path string) data.Report {
	tb.Helper()
	rep, err := data.CheckFile(path)
	if err != nil {
		tb.Fatalf("check %s: %v", path, err)
	}
	if !rep.OK() {
		tb.Fatalf("check %s found problems: %s", path, rep)
	}
	return rep
}

// missing returns, as sentences, every reported change that the file at
// path does not hold.
func missing(tb testing.TB, path string, f *facts) []string {
	tb.Helper()
	st, err := data.Open(path, data.Options{ReadOnly: true})
	if err != nil {
		tb.Fatalf("open %s: %v", path, err)
	}
	defer st.Close()
	var lost []string
	st.View(func(tx *data.Tx) error {
		for id, want := range f.sales {
			s, err := data.Get[engine.Sale](tx, id)
			if err != nil {
				lost = append(lost, fmt.Sprintf("sale %d (%s) is gone: %v", id, want.invoice, err))
			} else if s.Invoice != want.invoice || !s.Net.Equal(want.net) {
				lost = append(lost, fmt.Sprintf("sale %d is %s %s, reported as %s %s", id, s.Invoice, s.Net, want.invoice, want.net))
			}
		}
		for id, period := range f.approved {
			l, err := data.Get[engine.RewardLine](tx, id)
			if err != nil {
				lost = append(lost, fmt.Sprintf("approved line %d of %s is gone: %v", id, period, err))
			} else if l.Status != engine.LineApproved && l.Status != engine.LinePaid {
				lost = append(lost, fmt.Sprintf("line %d of %s was approved and is now %s", id, period, l.Status))
			}
		}
		for id, want := range f.payouts {
			po, err := data.Get[engine.Payout](tx, id)
			if err != nil {
				lost = append(lost, fmt.Sprintf("payout %d is gone: %v", id, err))
				continue
			}
			if !po.Amount.Equal(want.amount) {
				lost = append(lost, fmt.Sprintf("payout %d is %s, reported as %s", id, po.Amount, want.amount))
			}
			for _, lid := range want.lines {
				l, err := data.Get[engine.RewardLine](tx, lid)
				if err != nil || l.Status != engine.LinePaid || l.PayoutID != id {
					lost = append(lost, fmt.Sprintf("line %d is not settled by payout %d", lid, id))
				}
			}
		}
		for key := range f.closed {
			if !tx.IsPeriodClosed(key) {
				lost = append(lost, fmt.Sprintf("period %s was closed and is open again", key))
			}
		}
		return nil
	})
	return lost
}

// newWorld seeds the writer's world in a fresh folder.
func newWorld(tb testing.TB) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "crash.db")
	if err := seedWorld(path); err != nil {
		tb.Fatalf("seed: %v", err)
	}
	return path
}

func writerEnv(path, tag string) []string {
	return []string{envMode + "=writer", envDB + "=" + path, envTag + "=" + tag}
}

// stats sums durations for the closing figures.
type stats struct {
	mu  sync.Mutex
	sum map[string]time.Duration
}

func (s *stats) add(name string, d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.sum == nil {
		s.sum = map[string]time.Duration{}
	}
	s.sum[name] += d
}
