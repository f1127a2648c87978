package reference_test

import (
	"strings"
	"testing"

	"partnerdesk/engine"
)

func TestDbgEdges(t *testing.T) {
	rules, edges, computing, eligible := 0, 0, 0, 0
	for seed := int64(1); seed <= 300; seed++ {
		in := newGen(seed).inputs()
		for _, p := range in.Programs {
			for _, r := range p.Rules {
				if r.Kind == engine.RuleReferral && r.Referral.Months > 0 {
					rules++
					if engine.ProgramComputesFor(&p, in.Period, in.IncludeDrafts) && r.Referral.Rate.IsPositive() {
						computing++
					}
				}
			}
		}
		for _, s := range append(in.Sales, in.CustomerFirstSales...) {
			if strings.HasPrefix(s.Customer, "Edge") {
				edges++
				if s.NewCustomer && s.Date >= 0 {
					eligible++
				}
			}
		}
	}
	t.Logf("rules %d computing-with-rate %d edge sales %d firsts %d", rules, computing, edges, eligible)
}
