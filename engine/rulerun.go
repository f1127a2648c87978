package engine

import (
	"cmp"
	"fmt"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// ruleTask is one rule of one program to compute, and what it emitted.
type ruleTask struct {
	pc    *progCtx
	ri    int
	em    emitter
	err   error
	panic any
}

// ruleWorkers is how many rules compute at once; 0 is one per core. A
// rule reads the period's records and indexes, which nothing changes
// once the sales are in, and emits into its own emitter: the result is
// the same, bit for bit, whatever the number (TestParallelRulesMatchSequential).
var ruleWorkers = 0

// runRules computes every rule task, on every core, and returns the
// first error in program and rule order, as a sequential run would stop
// at. A rule that panics panics the caller, as it would sequentially.
func (c *computer) runRules() error {
	workers := ruleWorkers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, len(c.rules))
	if workers <= 1 {
		for _, t := range c.rules {
			c.runRule(t)
		}
	} else {
		// The longest rules start first, so that no core waits alone on
		// one at the end: referral walks the sales twice and builds a part
		// per new customer; training and activity read no sales. Each
		// task keeps its own lines: the order they run in changes nothing.
		order := slices.Clone(c.rules)
		slices.SortStableFunc(order, func(a, b *ruleTask) int {
			return cmp.Compare(ruleWeight(a), ruleWeight(b))
		})
		var next atomic.Int64
		var wg sync.WaitGroup
		for range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for {
					i := int(next.Add(1) - 1)
					if i >= len(order) {
						return
					}
					c.runRule(order[i])
				}
			}()
		}
		wg.Wait()
	}
	for _, t := range c.rules {
		if t.panic != nil {
			panic(t.panic)
		}
		if t.err != nil {
			return t.err
		}
	}
	return nil
}

// runRule computes one task into its own emitter.
func (c *computer) runRule(t *ruleTask) {
	defer func() {
		if r := recover(); r != nil {
			t.panic = r
		}
	}()
	pc := *t.pc
	pc.em = &t.em
	if err := c.computeRule(&pc, t.ri); err != nil {
		t.err = fmt.Errorf("compute %s: program %q rule %q: %w", c.period.Key, pc.p.Name, pc.p.Rules[t.ri].Key, err)
	}
}

// ruleWeight ranks a rule task for runRules: 0 runs first.
func ruleWeight(t *ruleTask) int {
	switch t.pc.p.Rules[t.ri].Kind {
	case RuleReferral:
		return 0
	case RuleTraining, RuleActivity:
		return 2
	}
	return 1
}
