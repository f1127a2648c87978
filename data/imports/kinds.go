package imports

import (
	"strings"

	"partnerdesk/data/sheet"
	"partnerdesk/engine"
)

// partnerKindWords accepts the kinds and a few common synonyms.
var partnerKindWords = map[string]engine.PartnerKind{
	"value added reseller": engine.KindVAR, "affiliate": engine.KindReferral,
	"managed service provider": engine.KindMSP, "software vendor": engine.KindISV,
	"rivenditore": engine.KindReseller, "revendeur": engine.KindReseller,
	"wederverkoper": engine.KindReseller, "distributore": engine.KindDistributor,
	"distributeur": engine.KindDistributor, "distributor": engine.KindDistributor,
	"affiliato": engine.KindReferral, "affilié": engine.KindReferral,
}

// checkRecord reports a record check's problems (engine.CheckPartner and
// its kin, the validation the forms use) on the row, skipping the fields
// already reported.
func (c *converter) checkRecord(r sheet.Row, check func(unread []string) engine.ValidationErrors) {
	unread := make([]string, 0, len(c.failed))
	for f := range c.failed {
		unread = append(unread, f)
	}
	for _, e := range check(unread) {
		c.fail(r, e.Field, "%s", e.Reason)
	}
}

// lookFacts answers the record checks from the import's lookup.
type lookFacts struct{ Lookup }

func (f lookFacts) PartnerNamed(name string, except engine.ID) (engine.Partner, bool) {
	p, ok := f.PartnerByName(name)
	return p, ok && p.ID != except
}

func (f lookFacts) PartnerWithCode(code string, except engine.ID) (engine.Partner, bool) {
	p, ok := f.PartnerByReferralCode(code)
	return p, ok && p.ID != except
}

func (f lookFacts) ProductWithSKU(sku string, except engine.ID) (engine.Product, bool) {
	p, ok := f.ProductBySKU(sku)
	return p, ok && p.ID != except
}

func (c *converter) partners(b *Batch) {
	names := map[string]int{}
	codes := map[string]int{}
	facts := lookFacts{c.look}
	c.each(nil, func(r sheet.Row) {
		p := engine.Partner{Status: engine.StatusActive}
		if name, ok := c.required(r, "name"); ok {
			p.Name = name
			key := FoldName(name)
			if first, dup := names[key]; dup {
				c.fail(r, "name", "duplicate of line %d: a partner named %q", first, name)
			} else {
				names[key] = r.Line
			}
		}
		if k, ok := c.required(r, "kind"); ok {
			kind := engine.PartnerKind(strings.ToLower(k))
			if w, ok := partnerKindWords[strings.ToLower(k)]; ok {
				kind = w
			}
			p.Kind = kind
		}
		p.Segment = c.text(r, "segment")
		p.Region = c.text(r, "region")
		p.Country = c.text(r, "country")
		p.Contact = c.text(r, "contact")
		p.Email = c.text(r, "email")
		p.AccountManager = c.text(r, "account_manager")
		if code := c.text(r, "referral_code"); code != "" {
			key := strings.ToLower(code)
			if first, dup := codes[key]; dup {
				c.fail(r, "referral_code", "duplicate of line %d: referral code %q", first, code)
			} else {
				codes[key] = r.Line
			}
			p.ReferralCode = code
		}
		if st := c.text(r, "status"); st != "" {
			p.Status = engine.PartnerStatus(strings.ToLower(st))
		}
		p.Joined, _ = c.date(r, "joined", false)
		p.Language = strings.ToLower(c.text(r, "language"))
		p.Notes = c.text(r, "notes")
		p.Address = c.text(r, "address")
		p.TaxID = c.text(r, "tax_id")
		c.checkRecord(r, func(unread []string) engine.ValidationErrors { return engine.CheckPartner(&p, facts, unread...) })
		if !c.rowBad {
			b.Partners = append(b.Partners, p)
			b.Lines = append(b.Lines, r.Line)
		}
	})
}

func (c *converter) reps(b *Batch) {
	seen := map[repKey]int{}
	facts := lookFacts{c.look}
	c.each(nil, func(r sheet.Row) {
		rp := engine.Rep{Active: true}
		p, partnerOK := c.partnerField(r, fPartner)
		rp.PartnerID = p.ID
		if name, ok := c.required(r, "name"); ok && partnerOK {
			rp.Name = name
			key := repKey{p.ID, FoldName(name)}
			if first, dup := seen[key]; dup {
				c.fail(r, "name", "duplicate of line %d: %s already has a rep named %q", first, p.Name, name)
			} else if old, exists := c.look.RepByName(p.ID, name); exists {
				c.fail(r, "name", "%s already has a rep named %q (R%d)", p.Name, name, old.ID)
			} else {
				seen[key] = r.Line
			}
		}
		rp.Email = c.text(r, "email")
		rp.Role = c.text(r, "role")
		rp.Active = c.boolean(r, "active", true)
		if !partnerOK {
			c.failed[fPartner] = true
		}
		c.checkRecord(r, func(unread []string) engine.ValidationErrors { return engine.CheckRep(&rp, facts, unread...) })
		if !c.rowBad {
			b.Reps = append(b.Reps, rp)
			b.Lines = append(b.Lines, r.Line)
		}
	})
}

func (c *converter) products(b *Batch) {
	skus := map[string]int{}
	facts := lookFacts{c.look}
	c.each(nil, func(r sheet.Row) {
		var p engine.Product
		if sku, ok := c.required(r, "sku"); ok {
			p.SKU = sku
			key := FoldName(sku)
			if first, dup := skus[key]; dup {
				c.fail(r, "sku", "duplicate of line %d: SKU %q", first, sku)
			} else {
				skus[key] = r.Line
			}
		}
		p.Name, _ = c.required(r, "name")
		p.Category = c.text(r, "category")
		if lp, ok := c.amount(r, "list_price"); ok {
			p.ListPrice = lp
		}
		p.Subscription = c.boolean(r, "subscription", false)
		c.checkRecord(r, func(unread []string) engine.ValidationErrors { return engine.CheckProduct(&p, facts, unread...) })
		if !c.rowBad {
			b.Products = append(b.Products, p)
			b.Lines = append(b.Lines, r.Line)
		}
	})
}

// DefaultWindowDays is a registration's window when the file gives none.
const DefaultWindowDays = 90

func (c *converter) registrations(b *Batch) {
	facts := lookFacts{c.look}
	c.each(nil, func(r sheet.Row) {
		g := engine.Registration{Decision: engine.DecisionPending, Outcome: engine.OutcomeOpen, WindowDays: DefaultWindowDays}
		p, partnerOK := c.partnerField(r, fPartner)
		g.PartnerID = p.ID
		if rep := c.text(r, fRep); rep != "" && partnerOK {
			if rp, why := c.rep(p.ID, rep); why != "" {
				c.fail(r, fRep, "%s", why)
			} else {
				g.RepID = rp.ID
			}
		}
		if !partnerOK {
			c.failed[fPartner] = true
		}
		g.Customer = c.text(r, fCustomer)
		if v, ok := c.amount(r, "expected_value"); ok {
			g.ExpectedValue = v
		}
		g.Submitted, _ = c.date(r, "submitted", false)
		if d := strings.ToLower(c.text(r, "decision")); d != "" {
			g.Decision = engine.Decision(d)
		}
		g.DecidedBy = c.text(r, "decided_by")
		g.DecidedOn, _ = c.date(r, "decided_on", false)
		g.WindowDays = c.integer(r, "window_days", DefaultWindowDays)
		if o := strings.ToLower(c.text(r, "outcome")); o != "" {
			g.Outcome = engine.Outcome(o)
		}
		c.checkRecord(r, func(unread []string) engine.ValidationErrors { return engine.CheckRegistration(&g, facts, unread...) })
		if !c.rowBad {
			b.Registrations = append(b.Registrations, g)
			b.Lines = append(b.Lines, r.Line)
		}
	})
}

type trainingKey struct {
	rep    engine.ID
	course string
	day    engine.Date
}

func (c *converter) trainings(b *Batch) {
	seen := map[trainingKey]int{}
	facts := lookFacts{c.look}
	c.each(nil, func(r sheet.Row) {
		var tr engine.Training
		var partner engine.ID
		partnerOK := true
		if ref := c.text(r, fPartner); ref != "" {
			p, _, ok := c.partner(ref)
			if !ok {
				c.fail(r, fPartner, "no partner has the name, id or referral code %q", ref)
			}
			partner, partnerOK = p.ID, ok
		}
		if rep, ok := c.required(r, fRep); ok && partnerOK {
			if rp, why := c.rep(partner, rep); why != "" {
				c.fail(r, fRep, "%s", why)
			} else {
				tr.RepID = rp.ID
			}
		} else {
			c.failed[fRep] = true
		}
		tr.Course = c.text(r, "course")
		tr.Completed, _ = c.date(r, "completed", false)
		tr.Certification = c.boolean(r, "certification", false)
		tr.ValidUntil, _ = c.date(r, "valid_until", false)
		if tr.RepID != 0 && tr.Course != "" && tr.Completed != 0 {
			key := trainingKey{tr.RepID, FoldName(tr.Course), tr.Completed}
			if first, dup := seen[key]; dup {
				c.fail(r, "course", "duplicate of line %d: the same rep, course and day", first)
			} else {
				seen[key] = r.Line
			}
		}
		c.checkRecord(r, func(unread []string) engine.ValidationErrors { return engine.CheckTraining(&tr, facts, unread...) })
		if !c.rowBad {
			b.Trainings = append(b.Trainings, tr)
			b.Lines = append(b.Lines, r.Line)
		}
	})
}

func (c *converter) activities(b *Batch) {
	facts := lookFacts{c.look}
	c.each(nil, func(r sheet.Row) {
		var a engine.Activity
		p, partnerOK := c.partnerField(r, fPartner)
		a.PartnerID = p.ID
		if rep := c.text(r, fRep); rep != "" && partnerOK {
			if rp, why := c.rep(p.ID, rep); why != "" {
				c.fail(r, fRep, "%s", why)
			} else {
				a.RepID = rp.ID
			}
		}
		if !partnerOK {
			c.failed[fPartner] = true
		}
		a.Type = strings.ToLower(c.text(r, "type"))
		a.Date, _ = c.date(r, fDate, false)
		a.Note = c.text(r, "note")
		c.checkRecord(r, func(unread []string) engine.ValidationErrors { return engine.CheckActivity(&a, facts, unread...) })
		if !c.rowBad {
			b.Activities = append(b.Activities, a)
			b.Lines = append(b.Lines, r.Line)
		}
	})
}
