package crashtest

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"partnerdesk/data"
	"partnerdesk/engine"
	"partnerdesk/internal/schema1"
)

// TestCrashKills kills the writer with SIGKILL at random moments, over and
// over on one file. After every kill the file must pass `partnerdesk
// check` and hold every change the writer reported as committed, in this
// run and in all the runs before it.
func TestCrashKills(t *testing.T) {
	kills := envInt("PARTNERDESK_CRASH_KILLS", 25)
	r := newRand(t)
	path := newWorld(t)
	all := newFacts()
	var killedAfterCommit, idle int
	var st stats
	start := time.Now()
	for i := 1; i <= kills; i++ {
		c := startChild(t, writerEnv(path, fmt.Sprintf("K%d", i))...)
		// One kill in five lands from the start, while the file is being
		// opened; the rest while the writer is busy.
		if r.IntN(5) > 0 {
			if !c.waitFor(prefixed("ready"), 60*time.Second) {
				c.kill()
				t.Fatalf("kill %d: writer never became ready:\n%s", i, c.stderr.String())
			}
		}
		// Up to 400 ms: a loaded machine needs that long for a writer to
		// reach its first approval, and kills that only ever meet sales
		// would prove nothing about the rest of the cycle.
		time.Sleep(time.Duration(2+r.IntN(399)) * time.Millisecond)
		c.kill()
		if c.cmd.ProcessState.Exited() {
			t.Fatalf("kill %d: the writer exited by itself (%v) before the kill:\n%s", i, c.cmd.ProcessState, c.stderr.String())
		}
		got := newFacts()
		if got.add(t, c.seen) > 0 {
			killedAfterCommit++
		} else {
			idle++
		}
		t0 := time.Now()
		checkFile(t, path)
		st.add("check", time.Since(t0))
		// The new changes after every kill; every change ever reported
		// every 100 kills and at the end.
		all.merge(got)
		verify := got
		if i%100 == 0 || i == kills {
			verify = all
		}
		if lost := missing(t, path, verify); len(lost) > 0 {
			t.Fatalf("kill %d lost %d committed changes:\n  %s", i, len(lost), strings.Join(lost, "\n  "))
		}
	}
	rep := checkFile(t, path)
	t.Logf("crash harness: %d kills (%d after at least one commit, %d before any), 0 corrupt files, 0 lost changes of %d reported committed "+
		"(%d sales, %d approved lines, %d payouts, %d closed months); file %d records; %v in all, %v checking",
		kills, killedAfterCommit, idle, all.count(), len(all.sales), len(all.approved), len(all.payouts), len(all.closed),
		sum(rep.Counts), time.Since(start).Round(time.Millisecond), st.sum["check"].Round(time.Millisecond))
	if len(all.sales) == 0 || len(all.approved) == 0 {
		t.Errorf("the writer committed %d sales and %d approved lines in %d runs: the kills never met real work", len(all.sales), len(all.approved), kills)
	}
}

func sum(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

// TestCrashSecondInstance starts two real processes on one file: the
// second (the command line) exits within 2 s with a message that names
// the first's pid, and the first keeps writing unharmed.
func TestCrashSecondInstance(t *testing.T) {
	path := newWorld(t)
	first := startChild(t, writerEnv(path, "FIRST")...)
	defer first.kill()
	if !first.waitFor(prefixed("ready"), 60*time.Second) {
		t.Fatalf("writer never became ready:\n%s", first.stderr.String())
	}
	pid := first.cmd.Process.Pid
	waitSales(t, first, 3)

	second := exec.Command(os.Args[0], "-test.run=^$")
	second.Env = append(os.Environ(), envMode+"=cli", envArgs+"="+strings.Join([]string{"--db", path, "company", "--name", "Intruder"}, "\x1f"))
	t0 := time.Now()
	out, err := second.CombinedOutput()
	took := time.Since(t0)
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 1 {
		t.Fatalf("second instance: err %v, want exit status 1; it said:\n%s", err, out)
	}
	if took > 2*time.Second {
		t.Errorf("second instance took %v to give up, want under 2 s", took)
	}
	msg := string(out)
	if !strings.Contains(msg, "in use by process "+strconv.Itoa(pid)) {
		t.Errorf("second instance said %q; want it to name process %d", msg, pid)
	}
	t.Logf("second instance refused in %v: %s", took.Round(time.Millisecond), strings.TrimSpace(msg))

	// The first keeps committing after the refusal, then closes cleanly.
	waitSales(t, first, 5)
	first.stop(t)
	if last := first.seen[len(first.seen)-1]; last != "bye" {
		t.Errorf("writer's last line = %q, want bye", last)
	}
	f := newFacts()
	f.add(t, first.seen)
	checkFile(t, path)
	if lost := missing(t, path, f); len(lost) > 0 {
		t.Fatalf("the first instance lost changes:\n  %s", strings.Join(lost, "\n  "))
	}
	if _, err := os.Stat(data.LockPath(path)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("lock file left after a clean exit: %v", err)
	}
	st, err := data.Open(path, data.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	st.View(func(tx *data.Tx) error {
		if co, _ := tx.Company(); co.Name != "Crash Vendor" {
			t.Errorf("company name = %q: the refused instance changed the file", co.Name)
		}
		return nil
	})
}

// waitSales waits for n more committed sales from a writer.
func waitSales(t *testing.T, c *child, n int) {
	t.Helper()
	for i := 0; i < n; i++ {
		if !c.waitFor(prefixed("sale "), 60*time.Second) {
			t.Fatalf("writer stopped committing:\n%s", c.stderr.String())
		}
	}
}

// TestCrashBackupUnderLoad has the writer take backups while it writes,
// then kills it. Every backup must pass the check, restore with
// data.Restore, and hold every change reported before it began.
func TestCrashBackupUnderLoad(t *testing.T) {
	want := envInt("PARTNERDESK_CRASH_BACKUPS_N", 8)
	path := newWorld(t)
	dir := filepath.Join(t.TempDir(), "backups")
	c := startChild(t, append(writerEnv(path, "B"), envBackups+"="+dir)...)
	for n := 0; n < want; {
		if !c.waitFor(prefixed("backup"), 120*time.Second) {
			c.kill()
			t.Fatalf("only %d backups before the writer stopped:\n%s", n, c.stderr.String())
		}
		if l := c.seen[len(c.seen)-1]; strings.HasPrefix(l, "backup-failed") {
			c.kill()
			t.Fatalf("a backup under load failed: %s", l)
		} else if strings.HasPrefix(l, "backup ") {
			n++
		}
	}
	c.kill()

	before := newFacts()
	checked := 0
	var total time.Duration
	for i, l := range c.seen {
		w := strings.Fields(l)
		switch {
		case len(w) > 0 && w[0] == "backup-begin":
			// Everything printed so far was committed before this backup.
			before = newFacts()
			before.add(t, c.seen[:i])
		case len(w) == 3 && w[0] == "backup":
			bak := w[2]
			fi, err := os.Stat(bak)
			if err != nil {
				t.Fatalf("backup %s: %v", w[1], err)
			}
			if fi.Mode().Perm() != 0o600 {
				t.Errorf("backup %s has mode %04o, want 0600", w[1], fi.Mode().Perm())
			}
			checkFile(t, bak)
			target := filepath.Join(t.TempDir(), "restored.db")
			t0 := time.Now()
			if err := data.Restore(bak, target, data.Options{}); err != nil {
				t.Fatalf("restore backup %s: %v", w[1], err)
			}
			total += time.Since(t0)
			checkFile(t, target)
			if lost := missing(t, target, before); len(lost) > 0 {
				t.Fatalf("backup %s lacks %d changes committed before it began:\n  %s", w[1], len(lost), strings.Join(lost, "\n  "))
			}
			checked++
		}
	}
	if checked < want {
		t.Fatalf("%d backups checked, want %d", checked, want)
	}
	all := newFacts()
	all.add(t, c.seen)
	checkFile(t, path)
	if lost := missing(t, path, all); len(lost) > 0 {
		t.Fatalf("the live file lost changes:\n  %s", strings.Join(lost, "\n  "))
	}
	t.Logf("%d backups taken under load, each checked and restored (restore %v on average); %d changes committed meanwhile",
		checked, (total / time.Duration(checked)).Round(time.Microsecond), all.count())
}

// TestCrashUpgradeKilled kills the process that upgrades a schema-1 file
// at random moments of the upgrade. Afterwards the file checks clean as
// either schema 1 or the current schema with all its sales, any backup it left is a whole
// schema-1 copy, and opening it again finishes the upgrade.
func TestCrashUpgradeKilled(t *testing.T) {
	kills := envInt("PARTNERDESK_CRASH_UPGRADE_KILLS", max(6, envInt("PARTNERDESK_CRASH_KILLS", 25)/10))
	const nSales = 20000
	r := newRand(t)
	tmpl := filepath.Join(t.TempDir(), "v1.db")
	var sales []engine.Sale
	day := engine.MustDate("2025-01-01")
	for i := 0; i < nSales; i++ {
		s := engine.Sale{Date: day.AddDays(i % 365), PartnerID: engine.ID(1 + i%40), ProductID: engine.ID(1 + i%5), Customer: "C",
			Invoice: fmt.Sprintf("V1-%d", i), Line: 1}
		s.Quantity, s.UnitPrice, s.Net = one, one, one
		sales = append(sales, s)
	}
	if err := schema1.Write(tmpl, sales); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(tmpl)
	if err != nil {
		t.Fatal(err)
	}
	fresh := func() string {
		p := filepath.Join(t.TempDir(), "old.db")
		if err := os.WriteFile(p, raw, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}

	// Upgrades left alone, to learn how long one takes (the fastest of
	// three, as the first also warms the page cache).
	span := time.Hour
	for range 3 {
		p := fresh()
		c := startChild(t, envMode+"=upgrade", envDB+"="+p)
		c.waitFor(prefixed("ready"), 60*time.Second)
		t0 := time.Now()
		if !c.waitFor(prefixed(fmt.Sprint("upgraded ", data.CurrentSchema)), 120*time.Second) {
			c.kill()
			t.Fatalf("upgrade did not finish:\n%s", c.stderr.String())
		}
		span = min(span, time.Since(t0))
		if err := c.finish(); err != nil {
			t.Fatal(err)
		}
	}

	outcome := map[string]int{}
	leftovers := 0
	for i := 0; i < kills; i++ {
		p := fresh()
		c := startChild(t, envMode+"=upgrade", envDB+"="+p)
		if !c.waitFor(prefixed("ready"), 60*time.Second) {
			c.kill()
			t.Fatalf("upgrade child never started:\n%s", c.stderr.String())
		}
		time.Sleep(time.Duration(r.Int64N(int64(span) * 6 / 5)))
		c.kill()
		rep := checkFile(t, p)
		if rep.Counts[data.KindSale] != nSales {
			t.Fatalf("kill %d: the file holds %d sales, want %d", i, rep.Counts[data.KindSale], nSales)
		}
		baks, _ := filepath.Glob(p + ".v1-*.bak")
		// A backup cut short leaves its temporary file behind: litter, not
		// damage, as it never replaces anything; the next open removes it.
		tmps, _ := filepath.Glob(filepath.Join(filepath.Dir(p), "."+filepath.Base(p)+".v1-*.bak.tmp-*"))
		leftovers += len(tmps)
		for _, b := range baks {
			br := checkFile(t, b)
			if br.Schema != 1 || br.Counts[data.KindSale] != nSales {
				t.Fatalf("kill %d: backup %s is schema %d with %d sales, want schema 1 with %d", i, filepath.Base(b), br.Schema, br.Counts[data.KindSale], nSales)
			}
		}
		switch {
		case rep.Schema == data.CurrentSchema && len(baks) == 1:
			outcome["upgraded"]++
		case rep.Schema == 1 && len(baks) == 1:
			outcome["old file, backup written"]++
		case rep.Schema == 1 && len(baks) == 0:
			outcome["old file, no backup yet"]++
		default:
			t.Fatalf("kill %d: schema %d with %d backups", i, rep.Schema, len(baks))
		}
		// Opening again finishes the job.
		st, err := data.Open(p, data.Options{})
		if err != nil {
			t.Fatalf("kill %d: reopen: %v", i, err)
		}
		if st.SchemaVersion() != data.CurrentSchema {
			t.Errorf("kill %d: schema after reopening = %d", i, st.SchemaVersion())
		}
		if err := st.Close(); err != nil {
			t.Fatal(err)
		}
		checkFile(t, p)
		if l := leftTemps(filepath.Dir(p)); len(l) > 0 {
			t.Fatalf("kill %d: reopening left the temporary files %v", i, l)
		}
	}
	t.Logf("upgrade of %d sales takes %v; %d kills during it: %v; %d unfinished backup copies left behind, all removed by the next open", nSales, span.Round(time.Millisecond), kills, outcome, leftovers)
}

var one = decimal.NewFromInt(1)
