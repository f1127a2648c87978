package demo_test

import (
	"testing"

	"partnerdesk/app/demo"
	"partnerdesk/engine"
)

var (
	scaleFrom = engine.MustDate("2025-07-01")
	scaleTo   = engine.MustDate("2026-06-30")
)

func TestScaleCounts(t *testing.T) {
	tests := []struct {
		name                   string
		partners, reps, sales  int
		wantPartners, wantReps int
	}{
		{"more reps than partners", 50, 200, 20000, 50, 200},
		{"fewer reps than partners", 30, 7, 5000, 30, 7},
		{"no reps", 5, 0, 300, 5, 0},
		{"no sales", 3, 3, 0, 3, 3},
		{"zero partners becomes one", 0, 2, 100, 1, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds := demo.Scale(tt.partners, tt.reps, tt.sales, 9, scaleFrom, scaleTo)
			if len(ds.Partners) != tt.wantPartners || len(ds.Reps) != tt.wantReps || len(ds.Sales) != tt.sales {
				t.Fatalf("got %d partners, %d reps, %d sales; want %d, %d, %d",
					len(ds.Partners), len(ds.Reps), len(ds.Sales), tt.wantPartners, tt.wantReps, tt.sales)
			}
			checkReferences(t, ds)
			checkNewFlags(t, ds)
			if tt.sales > 0 && (ds.Sales[0].Date != scaleFrom || ds.Sales[len(ds.Sales)-1].Date > scaleTo) {
				t.Errorf("sales run %s..%s, want within %s..%s", ds.Sales[0].Date, ds.Sales[len(ds.Sales)-1].Date, scaleFrom, scaleTo)
			}
		})
	}
}

func TestScaleDeterministic(t *testing.T) {
	a := demo.Scale(40, 100, 10000, 5, scaleFrom, scaleTo)
	b := demo.Scale(40, 100, 10000, 5, scaleFrom, scaleTo)
	if got, want := hashOf(t, b), hashOf(t, a); got != want {
		t.Fatalf("second Scale hashes to %s, want %s", got, want)
	}
	if hashOf(t, demo.Scale(40, 100, 10000, 6, scaleFrom, scaleTo)) == hashOf(t, a) {
		t.Fatalf("Scale with seed 6 equals seed 5: the seed is ignored")
	}
}

func TestScaleVariety(t *testing.T) {
	ds := demo.Scale(100, 400, 50000, 3, scaleFrom, scaleTo)
	var returns, splits, linked int
	for _, s := range ds.Sales {
		switch {
		case s.IsReturn():
			returns++
		case len(s.Splits) > 0:
			splits++
		}
		if s.RegistrationID != 0 {
			linked++
		}
	}
	// About 25,000 invoices: 1 in 200 a return (~125), 1 in 500 split
	// (~50 invoices, ~100 lines), 1 in 100 registered (~250, ~500 lines).
	if returns < 50 || splits < 30 || linked < 150 {
		t.Errorf("%d returns, %d split lines, %d registered lines; want about 125, 100, 500", returns, splits, linked)
	}
	if got := len(ds.Programs); got != 10 {
		t.Fatalf("%d programs, want 10", got)
	}
	used := map[engine.RuleKind]int{}
	for _, p := range ds.Programs {
		if len(p.Rules) != 3 || p.Status != engine.ProgramActive {
			t.Errorf("program %d: %d rules, status %s; want 3, active", p.ID, len(p.Rules), p.Status)
		}
		for _, r := range p.Rules {
			used[r.Kind]++
			if !kindPartSet(r) {
				t.Errorf("program %d rule %q: kind %s without its part", p.ID, r.Key, r.Kind)
			}
		}
	}
	for _, k := range engine.RuleKinds {
		if used[k] < 3 {
			t.Errorf("rule kind %s used %d times, want at least 3", k, used[k])
		}
	}
}

// BenchmarkScale measures the scale report's load: 5,000 partners, 20,000
// reps and 1,000,000 sales. Run with -benchtime=1x.
func BenchmarkScale(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		ds := demo.Scale(5000, 20000, 1_000_000, 1, scaleFrom, scaleTo)
		if len(ds.Sales) != 1_000_000 {
			b.Fatalf("%d sales", len(ds.Sales))
		}
	}
}

// BenchmarkGenerate measures the demo data set.
func BenchmarkGenerate(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if ds := demo.Generate(42, scaleTo); len(ds.Sales) == 0 {
			b.Fatal("no sales")
		}
	}
}
