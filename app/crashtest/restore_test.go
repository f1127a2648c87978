package crashtest

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"partnerdesk/data"
	"partnerdesk/engine"
	"partnerdesk/internal/schema1"
)

// Sales in the two databases the restore and backup harnesses swap: the
// count tells which one a file is. The long run (make crashtest) uses
// larger files, so that a restore lasts long enough for many kills to land
// in its middle.
var oldSales, newSales = crashSizes()

func crashSizes() (int, int) {
	if longRun() {
		return 8000, 5000
	}
	return 1500, 800
}

// longRun is true under make crashtest (more kills than the default).
func longRun() bool { return envInt("PARTNERDESK_CRASH_KILLS", 25) > 25 }

// salesFiles caches salesFile's bytes across the tests of one run.
var salesFiles sync.Map

// salesFile returns the bytes of a current-schema database holding n
// sales (tagged with tag).
func salesFile(tb testing.TB, n int, tag string) []byte {
	tb.Helper()
	key := fmt.Sprint(tag, n)
	if b, ok := salesFiles.Load(key); ok {
		return b.([]byte)
	}
	p := filepath.Join(tb.TempDir(), tag+".db")
	var sales []engine.Sale
	day := engine.MustDate("2025-01-01")
	for i := 0; i < n; i++ {
		s := engine.Sale{Date: day.AddDays(i % 365), PartnerID: engine.ID(1 + i%40), ProductID: engine.ID(1 + i%5), Customer: "C",
			Invoice: fmt.Sprintf("%s-%d", tag, i), Line: 1}
		s.Quantity, s.UnitPrice, s.Net = one, one, one
		sales = append(sales, s)
	}
	if err := schema1.Write(p, sales); err != nil {
		tb.Fatal(err)
	}
	// Opening upgrades it to the current schema.
	st, err := data.Open(p, data.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	if err := st.Close(); err != nil {
		tb.Fatal(err)
	}
	b, err := os.ReadFile(p)
	if err != nil {
		tb.Fatal(err)
	}
	salesFiles.Store(key, b)
	return b
}

// cliChild starts the command line in a child process.
func cliChild(tb testing.TB, args ...string) *child {
	tb.Helper()
	return startChild(tb, envMode+"=cli", envArgs+"="+strings.Join(args, "\x1f"))
}

// whichOf checks the file at path and says whether it holds the old or the
// new data; anything else fails the test.
func whichOf(tb testing.TB, path string) string {
	tb.Helper()
	rep := checkFile(tb, path)
	switch rep.Counts[data.KindSale] {
	case oldSales:
		return "old"
	case newSales:
		return "new"
	}
	tb.Fatalf("%s holds %d sales: neither the old (%d) nor the new (%d) data", path, rep.Counts[data.KindSale], oldSales, newSales)
	return ""
}

// leftTemps lists the temporary files of atomic writes in dir.
func leftTemps(dir string) []string {
	m, _ := filepath.Glob(filepath.Join(dir, ".*.tmp-*"))
	return m
}

// spanOf runs the command line to the end three times and returns the
// shortest run, so that kills can be spread over a whole run.
func spanOf(tb testing.TB, prepare func() []string) time.Duration {
	tb.Helper()
	span := time.Hour
	for range 3 {
		args := prepare()
		t0 := time.Now()
		c := cliChild(tb, args...)
		if err := c.finish(); err != nil {
			tb.Fatalf("%v: %v\n%s", args, err, c.stderr.String())
		}
		span = min(span, time.Since(t0))
	}
	return span
}

// TestCrashRestoreKilled kills `partnerdesk restore` at random moments of
// its run, from its start to past its end. After every kill the database
// path must open and check clean holding either the old or the new data,
// any copy it kept of the replaced file must be the old data whole, and
// the temporary files a killed restore leaves are removed by the next
// open.
func TestCrashRestoreKilled(t *testing.T) {
	kills := envInt("PARTNERDESK_CRASH_RESTORE_KILLS", max(6, envInt("PARTNERDESK_CRASH_KILLS", 25)/4))
	r := newRand(t)
	oldRaw, newRaw := salesFile(t, oldSales, "OLD"), salesFile(t, newSales, "NEW")
	bak := filepath.Join(t.TempDir(), "new.bak")
	if err := os.WriteFile(bak, newRaw, 0o600); err != nil {
		t.Fatal(err)
	}
	fresh := func() string {
		p := filepath.Join(t.TempDir(), "live.db")
		if err := os.WriteFile(p, oldRaw, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	span := spanOf(t, func() []string { return []string{"--db", fresh(), "restore", bak} })

	outcome := map[string]int{}
	leftovers := 0
	for i := 1; i <= kills; i++ {
		p := fresh()
		c := cliChild(t, "--db", p, "restore", bak)
		switch i {
		case 1: // killed at once
		case kills: // let run to its end: the swap itself is checked too
			if err := c.finish(); err != nil {
				t.Fatalf("restore: %v\n%s", err, c.stderr.String())
			}
		default:
			time.Sleep(time.Duration(r.Int64N(int64(span) * 6 / 5)))
		}
		c.kill()
		got := whichOf(t, p)
		outcome[got]++
		kept, _ := filepath.Glob(p + ".before-restore-*")
		for _, k := range kept {
			if w := whichOf(t, k); w != "old" {
				t.Fatalf("kill %d: the kept copy %s holds the %s data", i, filepath.Base(k), w)
			}
		}
		if got == "new" && len(kept) != 1 {
			t.Fatalf("kill %d: the new data is in place but %d copies of the old were kept", i, len(kept))
		}
		dir := filepath.Dir(p)
		leftovers += len(leftTemps(dir))
		st, err := data.Open(p, data.Options{MustExist: true})
		if err != nil {
			t.Fatalf("kill %d: the path does not open: %v", i, err)
		}
		st.Close()
		if l := leftTemps(dir); len(l) > 0 {
			t.Fatalf("kill %d: the next open left the temporary files %v", i, l)
		}
	}
	if outcome["old"] == 0 || outcome["new"] == 0 {
		t.Errorf("kills never met both sides of the swap: %v (a restore takes %v)", outcome, span)
	}
	t.Logf("restore of %d sales over %d takes %v; %d kills during it: %v; %d temporary files left by the kills, all removed by the next open; 0 paths without a database",
		newSales, oldSales, span.Round(time.Millisecond), kills, outcome, leftovers)
}

// TestCrashBackupKilled kills `partnerdesk backup` (into the backups
// folder, or over a named file that holds an older backup) at random
// moments. The live file must be unchanged and check clean; the named
// file holds the older or the new backup, whole; every file in the
// backups folder checks clean; and the next open removes the leftovers.
func TestCrashBackupKilled(t *testing.T) {
	kills := envInt("PARTNERDESK_CRASH_BACKUP_KILLS", max(6, envInt("PARTNERDESK_CRASH_KILLS", 25)/4))
	r := newRand(t)
	liveRaw, olderRaw := salesFile(t, newSales, "NEW"), salesFile(t, oldSales, "OLD")
	dir := t.TempDir()
	p := filepath.Join(dir, "live.db")
	if err := os.WriteFile(p, liveRaw, 0o600); err != nil {
		t.Fatal(err)
	}
	named := filepath.Join(dir, "named.bak")
	span := spanOf(t, func() []string { return []string{"--db", p, "backup", named} })

	outcome := map[string]int{}
	leftovers, folder := 0, 0
	for i := 1; i <= kills; i++ {
		args := []string{"--db", p, "backup"}
		if i%2 == 0 {
			if err := os.WriteFile(named, olderRaw, 0o600); err != nil {
				t.Fatal(err)
			}
			args = append(args, named)
		}
		c := cliChild(t, args...)
		time.Sleep(time.Duration(r.Int64N(int64(span) * 6 / 5)))
		c.kill()
		if w := whichOf(t, p); w != "new" {
			t.Fatalf("kill %d: a backup changed the live file", i)
		}
		if i%2 == 0 {
			// The named file had the older backup (the "old" data); the
			// backup writes the live file's (the "new" data).
			outcome["named: "+whichOf(t, named)]++
		}
		bdir := filepath.Join(dir, data.BackupDir)
		baks, _ := filepath.Glob(filepath.Join(bdir, "partnerdesk-*.db"))
		for _, b := range baks {
			if w := whichOf(t, b); w != "new" {
				t.Fatalf("kill %d: backup %s holds the %s data", i, filepath.Base(b), w)
			}
		}
		folder = len(baks)
		leftovers += len(leftTemps(bdir)) + len(leftTemps(dir))
		st, err := data.Open(p, data.Options{MustExist: true})
		if err != nil {
			t.Fatalf("kill %d: the path does not open: %v", i, err)
		}
		st.Close()
		if l := append(leftTemps(bdir), leftTemps(dir)...); len(l) > 0 {
			t.Fatalf("kill %d: the next open left the temporary files %v", i, l)
		}
	}
	t.Logf("backup of %d sales takes %v; %d kills during it: %v; %d whole backups in the folder, none damaged; %d temporary files left by the kills, all removed by the next open",
		newSales, span.Round(time.Millisecond), kills, outcome, folder, leftovers)
}

// TestCrashSIGPIPELeavesNoLock runs verbs whose standard output is a pipe
// nobody reads any more (partnerdesk audit | head): the verb must not die
// of SIGPIPE with its lock sidecar left behind, and the file must open at
// once afterwards.
func TestCrashSIGPIPELeavesNoLock(t *testing.T) {
	path := newWorld(t)
	for _, args := range [][]string{{"audit", "--limit", "1000"}, {"company"}, {"partners"}} {
		pr, pw, err := os.Pipe()
		if err != nil {
			t.Fatal(err)
		}
		pr.Close() // the reader is gone before the first line
		c := exec.Command(os.Args[0], "-test.run=^$")
		c.Env = append(os.Environ(), envMode+"=cli", envArgs+"="+strings.Join(append([]string{"--db", path}, args...), "\x1f"))
		c.Stdout = pw
		var stderr bytes.Buffer
		c.Stderr = &stderr
		err = c.Run()
		pw.Close()
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
				t.Errorf("%v died of %v", args, ws.Signal())
			}
		}
		if _, err := os.Stat(data.LockPath(path)); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%v with its output cut left the lock file (%v)", args, err)
		}
		st, err := data.Open(path, data.Options{Timeout: 100 * time.Millisecond})
		if err != nil {
			t.Fatalf("after %v: %v", args, err)
		}
		st.Close()
	}
}

// syscallSets are the system calls a fault is injected into, by strace:
// every sync, every rename and every hard link the job makes.
var syscallSets = []string{"fsync,fdatasync", "rename,renameat,renameat2", "link,linkat"}

// straceChild runs the command line under strace, injecting fault (e.g.
// "signal=KILL" or "error=EIO") into the nth call of set, and returns the
// exit code (-1 when killed) and stderr.
func straceChild(tb testing.TB, set, fault string, n int, args ...string) (int, string) {
	tb.Helper()
	// No --seccomp-bpf: with it strace 6.1 misses calls of threads Go
	// starts later, and injects into some runs but not others. strace
	// counts calls per thread, so the child keeps its command on one
	// thread (see TestMain) and the count follows the command's order.
	c := exec.Command("strace", "-f", "-o", filepath.Join(tb.TempDir(), "strace.log"), "-e", "trace="+set,
		"-e", fmt.Sprintf("inject=%s:%s:when=%d", set, fault, n), os.Args[0], "-test.run=^$")
	c.Env = append(os.Environ(), envMode+"=cli", envArgs+"="+strings.Join(args, "\x1f"), "GOMAXPROCS=1")
	var stderr bytes.Buffer
	c.Stderr = &stderr
	err := c.Run()
	var ee *exec.ExitError
	switch {
	case err == nil:
		return 0, stderr.String()
	case errors.As(err, &ee):
		if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			return -1, stderr.String()
		}
		// strace exits 128+signal when the traced process was killed.
		if ee.ExitCode() == 128+int(syscall.SIGKILL) {
			return -1, stderr.String()
		}
		return ee.ExitCode(), stderr.String()
	}
	tb.Fatalf("strace: %v", err)
	return 0, ""
}

// TestCrashRestoreFaults kills `partnerdesk restore` at each of its syncs,
// renames and links in turn (strace's fault injection), and then makes
// each of them fail with EIO. After a kill the path holds the old or the
// new database; after an error the command's word is the truth: exit 0
// and the new data, or exit 1, a message, and the old data untouched.
func TestCrashRestoreFaults(t *testing.T) {
	if _, err := exec.LookPath("strace"); err != nil {
		t.Fatalf("strace is needed for fault injection (apt-get install strace): %v", err)
	}
	oldRaw, newRaw := salesFile(t, oldSales, "OLD"), salesFile(t, newSales, "NEW")
	bak := filepath.Join(t.TempDir(), "new.bak")
	if err := os.WriteFile(bak, newRaw, 0o600); err != nil {
		t.Fatal(err)
	}
	fresh := func() string {
		p := filepath.Join(t.TempDir(), "live.db")
		if err := os.WriteFile(p, oldRaw, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	verify := func(tb testing.TB, p, what string) string {
		tb.Helper()
		got := whichOf(tb, p)
		kept, _ := filepath.Glob(p + ".before-restore-*")
		for _, k := range kept {
			if w := whichOf(tb, k); w != "old" {
				tb.Fatalf("%s: the kept copy holds the %s data", what, w)
			}
		}
		st, err := data.Open(p, data.Options{MustExist: true})
		if err != nil {
			tb.Fatalf("%s: the path does not open: %v", what, err)
		}
		st.Close()
		if l := leftTemps(filepath.Dir(p)); len(l) > 0 {
			tb.Fatalf("%s: the next open left %v", what, l)
		}
		return got
	}
	outcome := map[string]int{}
	for _, set := range syscallSets {
		calls := 0
		for n := 1; n <= 40; n++ {
			p := fresh()
			code, errs := straceChild(t, set, "signal=KILL", n, "--db", p, "restore", bak)
			if code != -1 {
				if code != 0 {
					t.Fatalf("restore under strace: exit %d: %s", code, errs)
				}
				if got := verify(t, p, "restore run to its end"); got != "new" {
					t.Fatalf("restore said it succeeded and the path holds the %s data", got)
				}
				break
			}
			calls++
			outcome["killed at "+set+": "+verify(t, p, fmt.Sprintf("killed at %s call %d", set, n))]++
		}
		if calls == 0 {
			t.Fatalf("no call of %s was hit: the injection did not work", set)
		}
		if !longRun() && !strings.Contains(set, "rename") {
			continue // the quick run makes only the renames fail
		}
		for n := 1; n <= calls; n++ {
			p := fresh()
			code, errs := straceChild(t, set, "error=EIO", n, "--db", p, "restore", bak)
			got := verify(t, p, fmt.Sprintf("EIO at %s call %d", set, n))
			switch {
			case code == 0 && got == "new", code == 1 && got == "old" && strings.Contains(errs, "partnerdesk: "):
			default:
				t.Fatalf("EIO at %s call %d: exit %d with the %s data in place; stderr %q", set, n, code, got, errs)
			}
			outcome[fmt.Sprintf("EIO at %s: exit %d", set, code)]++
		}
	}
	t.Logf("restore under injected faults: %v", outcome)
}

// TestCrashBackupFaults kills `partnerdesk backup FILE`, where FILE holds
// an older backup, at each of its syncs, renames and links, then makes
// each fail with EIO: the live file never changes; FILE holds the older
// backup or the new one, whole; exit 0 means the new one is there.
func TestCrashBackupFaults(t *testing.T) {
	if _, err := exec.LookPath("strace"); err != nil {
		t.Fatalf("strace is needed for fault injection (apt-get install strace): %v", err)
	}
	liveRaw, olderRaw := salesFile(t, newSales, "NEW"), salesFile(t, oldSales, "OLD")
	fresh := func() (string, string) {
		dir := t.TempDir()
		p, named := filepath.Join(dir, "live.db"), filepath.Join(dir, "named.bak")
		if err := os.WriteFile(p, liveRaw, 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(named, olderRaw, 0o600); err != nil {
			t.Fatal(err)
		}
		return p, named
	}
	verify := func(tb testing.TB, p, named, what string) string {
		tb.Helper()
		if w := whichOf(tb, p); w != "new" {
			tb.Fatalf("%s: the live file changed", what)
		}
		got := whichOf(tb, named)
		st, err := data.Open(p, data.Options{MustExist: true})
		if err != nil {
			tb.Fatalf("%s: the path does not open: %v", what, err)
		}
		st.Close()
		if l := leftTemps(filepath.Dir(p)); len(l) > 0 {
			tb.Fatalf("%s: the next open left %v", what, l)
		}
		return got
	}
	outcome := map[string]int{}
	for _, set := range syscallSets {
		calls := 0
		for n := 1; n <= 60; n++ {
			p, named := fresh()
			code, errs := straceChild(t, set, "signal=KILL", n, "--db", p, "backup", named)
			if code != -1 {
				if code != 0 {
					t.Fatalf("backup under strace: exit %d: %s", code, errs)
				}
				if got := verify(t, p, named, "backup run to its end"); got != "new" {
					t.Fatalf("backup said it succeeded and the file holds the %s data", got)
				}
				break
			}
			calls++
			outcome["killed at "+set+": "+verify(t, p, named, fmt.Sprintf("killed at %s call %d", set, n))]++
		}
		if !longRun() && !strings.Contains(set, "rename") {
			continue // the quick run makes only the renames fail
		}
		for n := 1; n <= calls; n++ {
			p, named := fresh()
			code, errs := straceChild(t, set, "error=EIO", n, "--db", p, "backup", named)
			got := verify(t, p, named, fmt.Sprintf("EIO at %s call %d", set, n))
			switch {
			case code == 0 && got == "new", code == 1 && strings.Contains(errs, "partnerdesk: "):
			default:
				t.Fatalf("EIO at %s call %d: exit %d with the %s data in the backup; stderr %q", set, n, code, got, errs)
			}
			outcome[fmt.Sprintf("EIO at %s: exit %d", set, code)]++
		}
	}
	t.Logf("backup under injected faults: %v", outcome)
}
