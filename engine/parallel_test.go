package engine_test

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"testing"

	"partnerdesk/engine"
)

// computeWith computes in with n rules at a time and returns the result
// as JSON (every line and nudge, in order) or the error.
func computeWith(t *testing.T, in engine.Inputs, n int) string {
	t.Helper()
	old := *engine.RuleWorkers
	*engine.RuleWorkers = n
	defer func() { *engine.RuleWorkers = old }()
	res, err := engine.Compute(in)
	if err != nil {
		return "error: " + err.Error()
	}
	b, err := json.Marshal(res)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestParallelRulesMatchSequential computes random quarters with the
// rules one at a time and four at a time (twice): the lines, their order and
// the nudges must be the same, byte for byte, whichever rule finishes
// first.
func TestParallelRulesMatchSequential(t *testing.T) {
	cases := []struct {
		name string
		in   engine.Inputs
	}{{"scale world", scaleInputs(10_000)}}
	for seed := range 3 {
		in := benchInputs(300 + 500*seed)
		// Programs with their rules in a random order and number, so that
		// rules of different costs run side by side.
		rng := rand.New(rand.NewPCG(uint64(seed), 7))
		for i := range in.Programs {
			rs := in.Programs[i].Rules
			rng.Shuffle(len(rs), func(a, b int) { rs[a], rs[b] = rs[b], rs[a] })
			in.Programs[i].Rules = rs[:1+rng.IntN(len(rs))]
		}
		cases = append(cases, struct {
			name string
			in   engine.Inputs
		}{fmt.Sprint("seed ", seed), in})
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			seq := computeWith(t, tc.in, 1)
			for range 2 {
				if par := computeWith(t, tc.in, 4); par != seq {
					t.Fatalf("rules side by side differ from one at a time:\nsequential %.300s\nparallel   %.300s", seq, par)
				}
			}
		})
	}
}

// TestCustomerCodesChangeNothing: the store's customer codes only speed
// the customer index up; the same sales with and without them compute the
// same lines.
func TestCustomerCodesChangeNothing(t *testing.T) {
	in := scaleInputs(10_000)
	plain := computeWith(t, in, 1)
	codes := map[string]uint32{}
	coded := in
	coded.Sales = make([]engine.Sale, len(in.Sales))
	for i, s := range in.Sales {
		if s.Customer != "" && i%7 != 0 { // some sales without their code
			if codes[s.Customer] == 0 {
				codes[s.Customer] = uint32(len(codes) + 1)
			}
			s.CustomerCode = codes[s.Customer]
		}
		coded.Sales[i] = s
	}
	if got := computeWith(t, coded, 1); got != plain {
		t.Fatalf("customer codes changed the result:\nwith    %.300s\nwithout %.300s", got, plain)
	}
}
