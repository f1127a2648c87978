// Package modeltest runs random histories of operations through the use
// cases the command line calls (app.Service over a real store in a temporary
// directory, with an injected clock) and checks, after every step, that every
// figure agrees: the store's own check is clean, a flat-rate rule pays its
// rate on the credited basis of every sale exactly once over all periods, no
// input counts twice, statements add up and chain their year to date, fund
// and points balances equal their ledgers, and closed or approved lines never
// change.
//
// A quick seeded version runs in the normal `go test`; PARTNERDESK_MODEL_N
// sets the number of histories (make modeltest runs 10,000),
// PARTNERDESK_MODEL_STEPS their length, PARTNERDESK_MODEL_FIRST the first seed
// (1), PARTNERDESK_MODEL_PAR how many run at once (4), and
// PARTNERDESK_MODEL_SEED replays one seed (with -v, printing its steps).
// FuzzHistory fuzzes the seed.
package modeltest

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

const (
	quickHistories     = 40
	quickHistoriesRace = 8
	quickSteps         = 60
)

func envInt(name string, def int) int {
	if v := os.Getenv(name); v != "" {
		if n, err := strconv.Atoi(v); err == nil && n > 0 {
			return n
		}
	}
	return def
}

// TestModelHistories runs PARTNERDESK_MODEL_N seeded histories (40 by
// default) and fails with the first broken invariant of each kind, shrunk
// to the fewest steps that still break it.
func TestModelHistories(t *testing.T) {
	quick := quickHistories
	if raceOn {
		quick = quickHistoriesRace
	}
	n := envInt("PARTNERDESK_MODEL_N", quick)
	steps := envInt("PARTNERDESK_MODEL_STEPS", quickSteps)
	seeds := make([]int64, 0, n)
	if s := os.Getenv("PARTNERDESK_MODEL_SEED"); s != "" {
		v, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			t.Fatalf("PARTNERDESK_MODEL_SEED=%q: %v", s, err)
		}
		seeds = append(seeds, v)
	} else {
		first := envInt("PARTNERDESK_MODEL_FIRST", 1)
		for i := 0; i < n; i++ {
			seeds = append(seeds, int64(first+i))
		}
	}
	start := time.Now()
	type result struct {
		f    *failure
		done []string
	}
	results := make([]result, len(seeds))
	// Most of a history's time is the store's fsync, not CPU: a few
	// histories run at once.
	par := envInt("PARTNERDESK_MODEL_PAR", 4)
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < par; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f, done := runOpsSteps(t.TempDir(), seeds[i], generateOps(seeds[i], steps))
				results[i] = result{f, done}
			}
		}()
	}
	for i := range seeds {
		next <- i
	}
	close(next)
	wg.Wait()
	reported := map[string]bool{}
	failed := 0
	for i, res := range results {
		seed, f := seeds[i], res.f
		if len(seeds) == 1 && testing.Verbose() {
			for i, s := range res.done {
				t.Logf("%3d %s", i+1, s)
			}
		}
		if f == nil {
			continue
		}
		failed++
		if reported[f.inv] {
			t.Errorf("seed %d: %s (same invariant as above; replay with PARTNERDESK_MODEL_SEED=%d)", seed, f.inv, seed)
			continue
		}
		reported[f.inv] = true
		f = shrink(t.TempDir, seed, f, 45*time.Second)
		t.Error(f.report())
	}
	t.Logf("%d histories x %d steps, %d failed, in %s; passing histories made: %s", len(seeds), steps, failed, time.Since(start).Round(time.Millisecond), coverageLine())
}

// FuzzHistory runs one history per fuzzed seed.
func FuzzHistory(f *testing.F) {
	for _, s := range []int64{101, 202, 303} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, seed int64) {
		fl := runSeed(t.TempDir(), seed, quickSteps)
		if fl != nil {
			fl = shrink(t.TempDir, seed, fl, 30*time.Second)
			t.Fatal(fl.report())
		}
	})
}

// failure is a broken invariant: which, why, and the steps that led to it.
type failure struct {
	seed   int64
	inv    string // short invariant name, e.g. "flat-sum"
	detail string
	steps  []string // what each step did, setup included
	ops    []opCall // the random operations after setup
}

func (f *failure) report() string {
	var b strings.Builder
	fmt.Fprintf(&b, "model history seed %d broke invariant %q after %d steps (replay: PARTNERDESK_MODEL_SEED=%d go test -run TestModelHistories ./app/modeltest/)\n", f.seed, f.inv, len(f.steps), f.seed)
	for i, s := range f.steps {
		fmt.Fprintf(&b, "  %3d %s\n", i+1, s)
	}
	fmt.Fprintf(&b, "broken: %s: %s", f.inv, f.detail)
	return b.String()
}

// runSeed runs the history the seed generates and returns its first failure.
func runSeed(dir string, seed int64, steps int) *failure {
	ops := generateOps(seed, steps)
	return runOps(dir, seed, ops)
}

// shrink removes operations while the same invariant still breaks, within
// budget, and returns the smallest failure found.
func shrink(tempDir func() string, seed int64, f *failure, budget time.Duration) *failure {
	deadline := time.Now().Add(budget)
	best := f
	ops := f.ops
	// Operations after the failing one never ran.
	if n := len(best.ops); n > 0 {
		ops = ops[:n]
	}
	for chunk := len(ops) / 2; chunk >= 1; chunk /= 2 {
		for i := 0; i+chunk <= len(ops); {
			if time.Now().After(deadline) {
				return best
			}
			try := append(append([]opCall{}, ops[:i]...), ops[i+chunk:]...)
			if g := runOps(tempDir(), seed, try); g != nil && g.inv == f.inv {
				best, ops = g, g.ops
				continue
			}
			i += chunk
		}
	}
	return best
}
