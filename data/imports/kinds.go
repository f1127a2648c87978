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

var languages = map[string]bool{"en": true, "it": true, "fr": true, "nl": true, "id": true, "de": true, "es": true}

func (c *converter) partners(b *Batch) {
	names := map[string]int{}
	codes := map[string]int{}
	c.each(nil, func(r sheet.Row) {
		p := engine.Partner{Status: engine.StatusActive}
		if name, ok := c.required(r, "name"); ok {
			p.Name = name
			key := FoldName(name)
			if first, dup := names[key]; dup {
				c.fail(r, "name", "duplicate of line %d: a partner named %q", first, name)
			} else if old, exists := c.look.PartnerByName(name); exists {
				c.fail(r, "name", "partner %q is already stored as P%d", name, old.ID)
			} else {
				names[key] = r.Line
			}
		}
		if k, ok := c.required(r, "kind"); ok {
			kind := engine.PartnerKind(strings.ToLower(k))
			if w, ok := partnerKindWords[strings.ToLower(k)]; ok {
				kind = w
			}
			known := false
			for _, pk := range engine.PartnerKinds {
				known = known || pk == kind
			}
			if !known {
				c.fail(r, "kind", "%q is not a partner kind: use reseller, distributor, var, msp, isv, referral or influencer", k)
			}
			p.Kind = kind
		}
		p.Segment = c.text(r, "segment")
		p.Region = c.text(r, "region")
		if cc := c.text(r, "country"); cc != "" {
			if len(cc) != 2 || !isASCIILetters(cc) {
				c.fail(r, "country", "%q is not a two-letter country code such as IT", cc)
			}
			p.Country = strings.ToUpper(cc)
		}
		p.Contact = c.text(r, "contact")
		if e := c.text(r, "email"); e != "" {
			if !plausibleEmail(e) {
				c.fail(r, "email", "%q is not an e-mail address", e)
			}
			p.Email = e
		}
		p.AccountManager = c.text(r, "account_manager")
		if code := c.text(r, "referral_code"); code != "" {
			key := strings.ToLower(code)
			if first, dup := codes[key]; dup {
				c.fail(r, "referral_code", "duplicate of line %d: referral code %q", first, code)
			} else if old, exists := c.look.PartnerByReferralCode(code); exists {
				c.fail(r, "referral_code", "referral code %q already belongs to %s", code, old.Name)
			} else {
				codes[key] = r.Line
			}
			p.ReferralCode = code
		}
		if st := c.text(r, "status"); st != "" {
			switch s := engine.PartnerStatus(strings.ToLower(st)); s {
			case engine.StatusProspect, engine.StatusActive, engine.StatusSuspended, engine.StatusEnded:
				p.Status = s
			default:
				c.fail(r, "status", "%q is not a status: use prospect, active, suspended or ended", st)
			}
		}
		p.Joined, _ = c.date(r, "joined", false)
		if l := strings.ToLower(c.text(r, "language")); l != "" {
			if !languages[l] {
				c.fail(r, "language", "%q is not a statement language: use en, it, fr, nl, id, de or es", l)
			}
			p.Language = l
		}
		p.Notes = c.text(r, "notes")
		if !c.rowBad {
			b.Partners = append(b.Partners, p)
			b.Lines = append(b.Lines, r.Line)
		}
	})
}

func (c *converter) reps(b *Batch) {
	seen := map[repKey]int{}
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
		if e := c.text(r, "email"); e != "" {
			if !plausibleEmail(e) {
				c.fail(r, "email", "%q is not an e-mail address", e)
			}
			rp.Email = e
		}
		rp.Role = c.text(r, "role")
		rp.Active = c.boolean(r, "active", true)
		if !c.rowBad {
			b.Reps = append(b.Reps, rp)
			b.Lines = append(b.Lines, r.Line)
		}
	})
}

func (c *converter) products(b *Batch) {
	skus := map[string]int{}
	c.each(nil, func(r sheet.Row) {
		var p engine.Product
		if sku, ok := c.required(r, "sku"); ok {
			p.SKU = sku
			key := strings.ToLower(sku)
			if first, dup := skus[key]; dup {
				c.fail(r, "sku", "duplicate of line %d: SKU %q", first, sku)
			} else if old, exists := c.look.ProductBySKU(sku); exists {
				c.fail(r, "sku", "SKU %q is already stored (%s)", sku, old.Name)
			} else {
				skus[key] = r.Line
			}
		}
		p.Name, _ = c.required(r, "name")
		p.Category = c.text(r, "category")
		if lp, ok := c.amount(r, "list_price"); ok {
			if lp.IsNegative() {
				c.fail(r, "list_price", "the list price %s is negative", lp)
			}
			p.ListPrice = lp
		}
		p.Subscription = c.boolean(r, "subscription", false)
		if !c.rowBad {
			b.Products = append(b.Products, p)
			b.Lines = append(b.Lines, r.Line)
		}
	})
}

// DefaultWindowDays is a registration's window when the file gives none.
const DefaultWindowDays = 90

func (c *converter) registrations(b *Batch) {
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
		g.Customer, _ = c.required(r, fCustomer)
		if v, ok := c.amount(r, "expected_value"); ok {
			if v.IsNegative() {
				c.fail(r, "expected_value", "the expected value %s is negative", v)
			}
			g.ExpectedValue = v
		}
		var ok bool
		if g.Submitted, ok = c.date(r, "submitted", true); ok {
			c.openDate(r, "submitted", g.Submitted)
		}
		if d := strings.ToLower(c.text(r, "decision")); d != "" {
			switch d {
			case "pending", "approved", "rejected":
				g.Decision = engine.Decision(d)
			default:
				c.fail(r, "decision", "%q is not a decision: use pending, approved or rejected", d)
			}
		}
		g.DecidedBy = c.text(r, "decided_by")
		g.DecidedOn, _ = c.date(r, "decided_on", false)
		if g.Decision != engine.DecisionPending && g.DecidedOn == 0 && c.text(r, "decided_on") == "" {
			c.fail(r, "decided_on", "an %s registration needs the day it was decided", g.Decision)
		}
		if g.DecidedOn != 0 && g.Submitted != 0 && g.DecidedOn < g.Submitted {
			c.fail(r, "decided_on", "it was decided (%s) before it was submitted (%s)", g.DecidedOn, g.Submitted)
		}
		g.WindowDays = c.integer(r, "window_days", DefaultWindowDays)
		if o := strings.ToLower(c.text(r, "outcome")); o != "" {
			switch o {
			case "open", "won", "lost", "expired":
				g.Outcome = engine.Outcome(o)
			default:
				c.fail(r, "outcome", "%q is not an outcome: use open, won, lost or expired", o)
			}
		}
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
		}
		tr.Course, _ = c.required(r, "course")
		var ok bool
		if tr.Completed, ok = c.date(r, "completed", true); ok {
			c.openDate(r, "completed", tr.Completed)
		}
		tr.Certification = c.boolean(r, "certification", false)
		tr.ValidUntil, _ = c.date(r, "valid_until", false)
		if tr.ValidUntil != 0 && !tr.Certification {
			c.fail(r, "valid_until", "only a certification has an expiry; set certification to yes")
		}
		if tr.ValidUntil != 0 && tr.Completed != 0 && tr.ValidUntil < tr.Completed {
			c.fail(r, "valid_until", "it expires (%s) before it was completed (%s)", tr.ValidUntil, tr.Completed)
		}
		if tr.RepID != 0 && tr.Course != "" && tr.Completed != 0 {
			key := trainingKey{tr.RepID, FoldName(tr.Course), tr.Completed}
			if first, dup := seen[key]; dup {
				c.fail(r, "course", "duplicate of line %d: the same rep, course and day", first)
			} else {
				seen[key] = r.Line
			}
		}
		if !c.rowBad {
			b.Trainings = append(b.Trainings, tr)
			b.Lines = append(b.Lines, r.Line)
		}
	})
}

func (c *converter) activities(b *Batch) {
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
		if t, ok := c.required(r, "type"); ok {
			a.Type = strings.ToLower(t)
		}
		var ok bool
		if a.Date, ok = c.date(r, fDate, true); ok {
			c.openDate(r, fDate, a.Date)
		}
		a.Note = c.text(r, "note")
		if !c.rowBad {
			b.Activities = append(b.Activities, a)
			b.Lines = append(b.Lines, r.Line)
		}
	})
}

func isASCIILetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// plausibleEmail catches a wrong column, not every invalid address.
func plausibleEmail(s string) bool {
	at := strings.IndexByte(s, '@')
	return at > 0 && at < len(s)-1 && strings.Count(s, "@") == 1 && !strings.ContainsAny(s, " \t,;")
}
