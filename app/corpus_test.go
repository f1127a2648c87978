package app_test

import (
	"testing"
)

// TestDemoRecordsPassTheChecks: every program, partner and product of the
// demo company saves again unchanged through the one validation of its
// kind: the limits and the reference checks refuse nothing a real company
// holds.
func TestDemoRecordsPassTheChecks(t *testing.T) {
	svc := newDemo(t, "2026-06-30", "2026-07-02")
	ps, err := svc.Programs()
	must(t, err)
	for _, p := range ps {
		if _, err := svc.SaveProgram(p); err != nil {
			t.Errorf("demo program %d %q: %v", p.ID, p.Name, err)
		}
	}
	partners, err := svc.Partners("")
	must(t, err)
	for i := range partners {
		if err := svc.SavePartner(&partners[i]); err != nil {
			t.Errorf("demo partner %d %q: %v", partners[i].ID, partners[i].Name, err)
		}
	}
	products, err := svc.Products()
	must(t, err)
	for i := range products {
		if err := svc.SaveProduct(&products[i]); err != nil {
			t.Errorf("demo product %s: %v", products[i].SKU, err)
		}
	}
}
