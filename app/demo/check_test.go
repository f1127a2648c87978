package demo_test

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"testing"

	"partnerdesk/app/demo"
	"partnerdesk/engine"
)

// hashOf is the SHA-256 of the data set's JSON encoding.
func hashOf(tb testing.TB, ds demo.Dataset) string {
	tb.Helper()
	b, err := json.Marshal(ds)
	if err != nil {
		tb.Fatalf("encode data set: %v", err)
	}
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// checkIDs fails unless ids run 1, 2, 3... in slice order.
func checkIDs(tb testing.TB, kind string, ids []engine.ID) {
	tb.Helper()
	for i, id := range ids {
		if id != engine.ID(i+1) {
			tb.Fatalf("%s %d has ID %d, want %d", kind, i, id, i+1)
		}
	}
}

func ids[T any](xs []T, id func(*T) engine.ID) []engine.ID {
	out := make([]engine.ID, len(xs))
	for i := range xs {
		out[i] = id(&xs[i])
	}
	return out
}

// checkReferences fails on the first reference that does not resolve or
// invariant that does not hold; it reports at most a few problems.
func checkReferences(tb testing.TB, ds demo.Dataset) {
	tb.Helper()
	errs := 0
	fail := func(format string, args ...any) {
		tb.Helper()
		errs++
		if errs <= 10 {
			tb.Errorf(format, args...)
		}
	}
	checkIDs(tb, "partner", ids(ds.Partners, func(p *engine.Partner) engine.ID { return p.ID }))
	checkIDs(tb, "rep", ids(ds.Reps, func(p *engine.Rep) engine.ID { return p.ID }))
	checkIDs(tb, "product", ids(ds.Products, func(p *engine.Product) engine.ID { return p.ID }))
	checkIDs(tb, "program", ids(ds.Programs, func(p *engine.Program) engine.ID { return p.ID }))
	checkIDs(tb, "sale", ids(ds.Sales, func(p *engine.Sale) engine.ID { return p.ID }))
	checkIDs(tb, "registration", ids(ds.Registrations, func(p *engine.Registration) engine.ID { return p.ID }))
	checkIDs(tb, "training", ids(ds.Trainings, func(p *engine.Training) engine.ID { return p.ID }))
	checkIDs(tb, "activity", ids(ds.Activities, func(p *engine.Activity) engine.ID { return p.ID }))
	checkIDs(tb, "tier change", ids(ds.TierHistory, func(p *engine.TierChange) engine.ID { return p.ID }))

	np, nr, nprod, nreg := engine.ID(len(ds.Partners)), engine.ID(len(ds.Reps)), engine.ID(len(ds.Products)), engine.ID(len(ds.Registrations))
	repOK := func(partner, rep engine.ID) bool {
		return rep == 0 || (rep <= nr && ds.Reps[rep-1].PartnerID == partner)
	}
	codes := map[string]engine.ID{}
	for _, p := range ds.Partners {
		if prev, dup := codes[p.ReferralCode]; dup && p.ReferralCode != "" {
			fail("partner %d: referral code %q already held by partner %d", p.ID, p.ReferralCode, prev)
		}
		codes[p.ReferralCode] = p.ID
	}
	for _, r := range ds.Reps {
		if r.PartnerID < 1 || r.PartnerID > np {
			fail("rep %d: partner %d does not exist", r.ID, r.PartnerID)
		}
	}
	tiers := map[string]bool{}
	for _, l := range ds.Ladder.Levels {
		tiers[l.Name] = true
	}
	for _, c := range ds.TierHistory {
		if c.PartnerID < 1 || c.PartnerID > np || !tiers[c.Tier] {
			fail("tier change %d: partner %d or tier %q does not exist", c.ID, c.PartnerID, c.Tier)
		}
	}
	for _, r := range ds.Registrations {
		if r.PartnerID < 1 || r.PartnerID > np || !repOK(r.PartnerID, r.RepID) {
			fail("registration %d: partner %d / rep %d do not resolve", r.ID, r.PartnerID, r.RepID)
		}
		if (r.Decision == engine.DecisionPending) != r.DecidedOn.IsZero() {
			fail("registration %d: decision %s but decided on %q", r.ID, r.Decision, r.DecidedOn)
		}
	}
	for _, t := range ds.Trainings {
		if t.RepID < 1 || t.RepID > nr {
			fail("training %d: rep %d does not exist", t.ID, t.RepID)
		}
		if t.Certification && t.ValidUntil <= t.Completed {
			fail("training %d: certification valid until %s, completed %s", t.ID, t.ValidUntil, t.Completed)
		}
	}
	for _, a := range ds.Activities {
		if a.PartnerID < 1 || a.PartnerID > np || !repOK(a.PartnerID, a.RepID) {
			fail("activity %d: partner %d / rep %d do not resolve", a.ID, a.PartnerID, a.RepID)
		} else if p := ds.Partners[a.PartnerID-1]; a.Date < p.Joined || p.Status == engine.StatusProspect {
			fail("activity %d dated %s: partner %d is a %s that joined on %s", a.ID, a.Date, p.ID, p.Status, p.Joined)
		}
	}

	// invoices maps partner+invoice to its lines' product IDs and date.
	type invKey struct {
		partner engine.ID
		invoice string
	}
	type invInfo struct {
		date     engine.Date
		products map[engine.ID]bool
	}
	invoices := map[invKey]*invInfo{}
	lines := map[string]engine.ID{}
	for _, s := range ds.Sales {
		if s.PartnerID < 1 || s.PartnerID > np {
			fail("sale %d: partner %d does not exist", s.ID, s.PartnerID)
			continue
		}
		if p := ds.Partners[s.PartnerID-1]; s.Date < p.Joined || p.Status == engine.StatusProspect {
			fail("sale %d dated %s: partner %d is a %s that joined on %s", s.ID, s.Date, p.ID, p.Status, p.Joined)
		}
		if !repOK(s.PartnerID, s.RepID) {
			fail("sale %d: rep %d is not a rep of partner %d", s.ID, s.RepID, s.PartnerID)
		}
		if s.ProductID < 1 || s.ProductID > nprod {
			fail("sale %d: product %d does not exist", s.ID, s.ProductID)
		}
		if s.RegistrationID != 0 {
			if s.RegistrationID > nreg {
				fail("sale %d: registration %d does not exist", s.ID, s.RegistrationID)
			} else if r := ds.Registrations[s.RegistrationID-1]; r.PartnerID != s.PartnerID || r.Customer != s.Customer {
				fail("sale %d: registration %d is partner %d's for %q, sale is partner %d's for %q", s.ID, r.ID, r.PartnerID, r.Customer, s.PartnerID, s.Customer)
			}
		}
		key := fmt.Sprintf("%d\x00%s\x00%d", s.PartnerID, s.Invoice, s.Line)
		if prev, dup := lines[key]; dup {
			fail("sale %d: partner %d invoice %s line %d already held by sale %d", s.ID, s.PartnerID, s.Invoice, s.Line, prev)
		}
		lines[key] = s.ID
		if s.Line < 1 || s.Invoice == "" {
			fail("sale %d: invoice %q line %d", s.ID, s.Invoice, s.Line)
		}
		if want := s.Quantity.Mul(s.UnitPrice).Round(2); !s.Net.Equal(want) {
			fail("sale %d: net %s, want quantity x unit price %s", s.ID, s.Net, want)
		}
		if len(s.Splits) > 0 {
			total := s.Splits[0].Share.Sub(s.Splits[0].Share)
			for _, sp := range s.Splits {
				total = total.Add(sp.Share)
				if sp.PartnerID < 1 || sp.PartnerID > np || !repOK(sp.PartnerID, sp.RepID) {
					fail("sale %d: split to partner %d rep %d does not resolve", s.ID, sp.PartnerID, sp.RepID)
				}
			}
			if !total.Equal(engine.Hundred()) {
				fail("sale %d: split shares add to %s, want 100", s.ID, total)
			}
			if s.Splits[0].PartnerID != s.PartnerID {
				fail("sale %d: first split is partner %d, want the sale's partner %d", s.ID, s.Splits[0].PartnerID, s.PartnerID)
			}
		}
		if s.IsReturn() {
			if !s.Quantity.IsNegative() || !s.Net.IsNegative() || s.OriginalInvoice == "" {
				fail("sale %d: return with quantity %s net %s original %q", s.ID, s.Quantity, s.Net, s.OriginalInvoice)
			}
			// Sales are in date order, so the original is already recorded.
			o := invoices[invKey{s.PartnerID, s.OriginalInvoice}]
			switch {
			case o == nil:
				fail("sale %d: returns invoice %s, which partner %d has not issued before", s.ID, s.OriginalInvoice, s.PartnerID)
			case o.date >= s.Date:
				fail("sale %d: return dated %s, original %s dated %s", s.ID, s.Date, s.OriginalInvoice, o.date)
			case !o.products[s.ProductID]:
				fail("sale %d: invoice %s has no product %d to return", s.ID, s.OriginalInvoice, s.ProductID)
			}
		} else if s.OriginalInvoice != "" || !s.UnitPrice.IsPositive() {
			fail("sale %d: not a return but original %q, unit price %s", s.ID, s.OriginalInvoice, s.UnitPrice)
		}
		k := invKey{s.PartnerID, s.Invoice}
		if invoices[k] == nil {
			invoices[k] = &invInfo{date: s.Date, products: map[engine.ID]bool{}}
		}
		invoices[k].products[s.ProductID] = true
	}
	for i := 1; i < len(ds.Sales); i++ {
		if ds.Sales[i].Date < ds.Sales[i-1].Date {
			fail("sale %d dated %s before sale %d dated %s", ds.Sales[i].ID, ds.Sales[i].Date, ds.Sales[i-1].ID, ds.Sales[i-1].Date)
			break
		}
	}
	if errs > 10 {
		tb.Errorf("... and %d more problems", errs-10)
	}
}

// checkNewFlags recomputes NewCustomer and NewProduct in ID order: every line
// of a customer's first invoice is a new customer; a customer's first line
// of a product is a new product; returns are neither.
func checkNewFlags(tb testing.TB, ds demo.Dataset) {
	tb.Helper()
	type inv struct {
		partner engine.ID
		invoice string
	}
	firstInv := map[string]inv{}
	seenProd := map[string]bool{}
	errs := 0
	for _, s := range ds.Sales {
		var wantCust, wantProd bool
		if !s.IsReturn() {
			f, ok := firstInv[s.Customer]
			if !ok {
				f = inv{s.PartnerID, s.Invoice}
				firstInv[s.Customer] = f
			}
			wantCust = f == inv{s.PartnerID, s.Invoice}
			k := fmt.Sprintf("%s\x00%d", s.Customer, s.ProductID)
			wantProd = !seenProd[k]
			seenProd[k] = true
		}
		if s.NewCustomer != wantCust || s.NewProduct != wantProd {
			errs++
			if errs <= 5 {
				tb.Errorf("sale %d (%s, %s): new customer %v new product %v, want %v %v", s.ID, s.Customer, s.Invoice, s.NewCustomer, s.NewProduct, wantCust, wantProd)
			}
		}
	}
	if errs > 0 {
		tb.Errorf("%d sales have wrong new customer / new product flags", errs)
	}
}
