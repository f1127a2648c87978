package demo_test

import (
	"testing"
	"partnerdesk/app/demo"
	"partnerdesk/engine"
	"github.com/shopspring/decimal"
)

func TestZZStats(t *testing.T) {
	ds := demo.Generate(42, engine.MustDate("2026-06-30"))
	u := map[engine.ID]decimal.Decimal{}
	for _, s := range ds.Sales {
		sku := ds.Products[s.ProductID-1].SKU
		if sku == "NL-MIGRATE" || sku == "SVC-MIGRATE" {
		u[s.PartnerID] = u[s.PartnerID].Add(s.Net)
		}
	}
	for _, p := range ds.Partners { if p.Kind == engine.KindISV || p.Kind == engine.KindVAR { t.Logf("%2d %-12s %s", p.ID, p.Kind, u[p.ID].String()) }}
	t.Log(ds.Programs[6].Eligibility)
}
