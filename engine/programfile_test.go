package engine_test

import (
	"errors"
	"os"
	"regexp"
	"strings"
	"testing"

	"partnerdesk/engine"
)

// docExamples returns the ```json blocks of docs/programs.md.
func docExamples(tb testing.TB) []string {
	tb.Helper()
	b, err := os.ReadFile("../docs/programs.md")
	if err != nil {
		tb.Fatalf("read docs/programs.md: %v", err)
	}
	var out []string
	for _, m := range regexp.MustCompile("(?s)```json\n(.*?)```").FindAllStringSubmatch(string(b), -1) {
		out = append(out, m[1])
	}
	return out
}

// exampleInputs has something for every rule kind to pay in 2026-Q3.
func exampleInputs() engine.Inputs {
	in := fixture("2026-Q3")
	a := sale(1, "2026-07-10", "120000")
	a.RepID, a.Quantity = 11, d("4")
	b := sale(1, "2026-07-20", "2000")
	b.RegistrationID, b.ProductID, b.Customer, b.NewCustomer, b.ReferralCode = 1, 101, "NewCo", true, "GAMMA"
	in.Sales = []engine.Sale{a, b}
	in.Registrations = []engine.Registration{{ID: 1, PartnerID: 1, Decision: engine.DecisionApproved, DecidedOn: engine.MustDate("2026-07-01"), WindowDays: 60}}
	in.Trainings = []engine.Training{{ID: 1, RepID: 11, Course: "Install", Completed: engine.MustDate("2026-08-01")}}
	in.Activities = []engine.Activity{{ID: 1, PartnerID: 1, RepID: 11, Type: "demo", Date: engine.MustDate("2026-08-02")}}
	return in
}

func TestDocExamplesLoadAndCompute(t *testing.T) {
	exs := docExamples(t)
	if len(exs) != len(engine.RuleKinds) {
		t.Fatalf("docs/programs.md has %d examples, want one per rule kind (%d)", len(exs), len(engine.RuleKinds))
	}
	seen := map[engine.RuleKind]bool{}
	for i, src := range exs {
		p, err := engine.ParseProgramFile([]byte(src))
		if err != nil {
			t.Fatalf("example %d: %v", i+1, err)
		}
		seen[p.Rules[0].Kind] = true
		in := exampleInputs()
		in.Programs = []engine.Program{p}
		res := compute(t, in)
		paid := false
		for _, l := range res.Lines {
			paid = paid || l.Amount.IsPositive() || l.Points > 0
		}
		if !paid {
			t.Errorf("example %d (%s) paid nothing: %+v", i+1, p.Name, res.Lines)
		}
		// Round trip: writing and reading gives the same file.
		out, err := engine.MarshalProgramFile(p)
		if err != nil {
			t.Fatalf("example %d: marshal: %v", i+1, err)
		}
		p2, err := engine.ParseProgramFile(out)
		if err != nil {
			t.Fatalf("example %d: reparse: %v", i+1, err)
		}
		out2, _ := engine.MarshalProgramFile(p2)
		if string(out) != string(out2) {
			t.Errorf("example %d does not round-trip:\n%s\n%s", i+1, out, out2)
		}
	}
	for _, k := range engine.RuleKinds {
		if !seen[k] {
			t.Errorf("no example of kind %s", k)
		}
	}
	// The spec's volume rebate on exactly 102,500.50: 5,125.03 retroactive.
	p, _ := engine.ParseProgramFile([]byte(exs[0]))
	in := fixture("2026-Q3")
	in.Programs = []engine.Program{p}
	in.Sales = []engine.Sale{sale(1, "2026-07-10", "102500.50")}
	wantAmount(t, only(t, compute(t, in)), "5125.03")
}

func TestProgramFileValidation(t *testing.T) {
	tests := []struct {
		name, edit, field string
	}{
		{"band order", `"from": "50000"`, "rules[0].rate.bands[1].from"},
		{"rate over 100", `"rate": "4"`, "rules[0].rate.bands[1].rate"},
		{"unknown kind", `"kind": "rate"`, "rules[0].kind"},
		{"no name", `"name": "Volume rebate",`, "name"},
	}
	src := docExamples(t)[0]
	repl := map[string]string{
		"band order":    `"from": "0"`,
		"rate over 100": `"rate": "400"`,
		"unknown kind":  `"kind": "rates"`,
		"no name":       `"name": "",`,
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bad := strings.Replace(src, tt.edit, repl[tt.name], 1)
			if bad == src {
				t.Fatalf("edit %q not applied", tt.edit)
			}
			_, err := engine.ParseProgramFile([]byte(bad))
			var ves engine.ValidationErrors
			if !errors.As(err, &ves) {
				t.Fatalf("error %v, want ValidationErrors", err)
			}
			found := false
			for _, ve := range ves {
				found = found || ve.Field == tt.field
			}
			if !found {
				t.Errorf("problems %v, want one on %s", ves, tt.field)
			}
		})
	}
	t.Run("confirmed rate over 100", func(t *testing.T) {
		ok := strings.Replace(strings.Replace(src, `"rate": "4"`, `"rate": "400"`, 1), `"mode": "retroactive"`, `"mode": "retroactive", "confirmed": true`, 1)
		if _, err := engine.ParseProgramFile([]byte(ok)); err != nil {
			t.Errorf("confirmed: %v", err)
		}
	})
	t.Run("format and unknown fields", func(t *testing.T) {
		if _, err := engine.ParseProgramFile([]byte(strings.Replace(src, `"version": 1`, `"version": 9`, 1))); err == nil {
			t.Error("version 9 accepted")
		}
		if _, err := engine.ParseProgramFile([]byte(strings.Replace(src, `"budget"`, `"budjet"`, 1))); err == nil {
			t.Error("misspelt field accepted")
		}
	})
}
