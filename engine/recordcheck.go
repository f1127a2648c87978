package engine

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// RecordFacts answers what checking a partner, product, registration,
// training or activity needs to know about what is stored. The app
// implements it over the store, the import over its lookup.
type RecordFacts interface {
	PartnerByID(id ID) (Partner, bool)
	RepByID(id ID) (Rep, bool)
	// IsClosed reports whether d falls in a closed period.
	IsClosed(d Date) bool
	// PartnerNamed returns a partner other than except with the same name,
	// regardless of case, accents and spaces (FoldName).
	PartnerNamed(name string, except ID) (Partner, bool)
	// PartnerWithCode returns a partner other than except with the
	// referral code, regardless of case.
	PartnerWithCode(code string, except ID) (Partner, bool)
	// ProductWithSKU returns a product other than except with the SKU,
	// regardless of case and accents.
	ProductWithSKU(sku string, except ID) (Product, bool)
}

// StatementLanguages are the languages statements are printed in.
var StatementLanguages = []string{"en", "it", "fr", "nl", "id", "de", "es"}

// isoCountries holds the ISO 3166-1 alpha-2 codes in use (249), and XK,
// which banks and the EU use for Kosovo.
var isoCountries = func() map[string]bool {
	m := map[string]bool{"XK": true}
	for _, c := range strings.Fields(`AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS
BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR
GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI
KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC
NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM
SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA
ZM ZW`) {
		m[c] = true
	}
	return m
}()

// IsCountryCode reports whether c (upper case) is an ISO 3166-1 alpha-2 code.
func IsCountryCode(c string) bool { return isoCountries[c] }

// IsEmail reports whether s has the shape of an address: one @, something
// before it, a domain with a dot after it, and no spaces, commas,
// semicolons or angle brackets (a display name is not an address).
func IsEmail(s string) bool {
	at := strings.IndexByte(s, '@')
	if at <= 0 || strings.Count(s, "@") != 1 || strings.ContainsAny(s, " \t\r\n,;<>()\"") {
		return false
	}
	domain := s[at+1:]
	return strings.Contains(domain, ".") && !strings.HasPrefix(domain, ".") && !strings.HasSuffix(domain, ".") && !strings.Contains(domain, "..")
}

// controlReason refuses a name holding a control or invisible format
// character (HasControl): it would print as nothing or as a box, and in an
// exported cell it can hide a formula trigger.
const controlReason = "the name holds a control character (such as NUL, a tab or a line break) or an invisible format character: type it again without"

// recordCheck collects one record's problems, skipping the fields the
// caller could not read (it has reported them already).
type recordCheck struct {
	errs ValidationErrors
	skip []string
}

func newRecordCheck(unread []string) *recordCheck { return &recordCheck{skip: unread} }

func (c *recordCheck) known(fields ...string) bool {
	for _, f := range fields {
		if slices.Contains(c.skip, f) {
			return false
		}
	}
	return true
}

func (c *recordCheck) bad(field, format string, args ...any) {
	c.skip = append(c.skip, field)
	c.errs = append(c.errs, &ValidationError{Field: field, Reason: fmt.Sprintf(format, args...)})
}

func (c *recordCheck) limit(e *ValidationError) bool {
	if e == nil {
		return true
	}
	c.skip = append(c.skip, e.Field)
	c.errs = append(c.errs, e)
	return false
}

// date checks a required or optional date: set, within the date limits,
// and (open) in an open period.
func (c *recordCheck) date(f RecordFacts, field string, d Date, required, open bool) bool {
	if !c.known(field) {
		return false
	}
	if d == 0 {
		if required {
			c.bad(field, "the date is required")
		}
		return false
	}
	if !c.limit(CheckDate(field, d)) {
		return false
	}
	if open && f.IsClosed(d) {
		c.bad(field, "%s is in a closed period", d)
		return false
	}
	return true
}

func (c *recordCheck) result() ValidationErrors {
	if len(c.errs) == 0 {
		return nil
	}
	return c.errs
}

// CheckPartner is the one validation of a partner: the form, the command
// line and the partners import. It trims the name, upper-cases the country
// and sets an empty status to active.
func CheckPartner(p *Partner, f RecordFacts, unread ...string) ValidationErrors {
	c := newRecordCheck(unread)
	p.Name = strings.TrimSpace(p.Name)
	if c.known("name") {
		if p.Name == "" {
			c.bad("name", "the partner needs a name")
		} else if HasControl(p.Name) {
			c.bad("name", controlReason)
		} else if o, dup := f.PartnerNamed(p.Name, p.ID); dup {
			c.bad("name", "partner %q is already stored as P%d (names are compared regardless of case and accents)", o.Name, o.ID)
		}
	}
	if c.known("kind") && !slices.Contains(PartnerKinds, p.Kind) {
		c.bad("kind", "%q is not a partner kind: use reseller, distributor, var, msp, isv, referral or influencer", p.Kind)
	}
	if p.Status == "" {
		p.Status = StatusActive
	}
	if c.known("status") {
		switch p.Status {
		case StatusProspect, StatusActive, StatusSuspended, StatusEnded:
		default:
			c.bad("status", "%q is not a status: use prospect, active, suspended or ended", p.Status)
		}
	}
	p.Country = strings.ToUpper(strings.TrimSpace(p.Country))
	if c.known("country") && p.Country != "" && !IsCountryCode(p.Country) {
		hint := ""
		if p.Country == "UK" {
			hint = "; the United Kingdom is GB"
		}
		c.bad("country", "%q is not an ISO 3166 country code (two letters, such as IT or DE)%s", p.Country, hint)
	}
	p.Email = strings.TrimSpace(p.Email)
	if c.known("email") && p.Email != "" && !IsEmail(p.Email) {
		c.bad("email", "%q is not an e-mail address such as name@example.com", p.Email)
	}
	if c.known("language") && p.Language != "" && !slices.Contains(StatementLanguages, p.Language) {
		c.bad("language", "%q is not a statement language: use en, it, fr, nl, id, de or es, or leave it empty for the company's", p.Language)
	}
	p.ReferralCode = strings.TrimSpace(p.ReferralCode)
	if c.known("referral_code") && HasControl(p.ReferralCode) {
		c.bad("referral_code", controlReason)
	} else if c.known("referral_code") && p.ReferralCode != "" {
		if o, dup := f.PartnerWithCode(p.ReferralCode, p.ID); dup {
			c.bad("referral_code", "referral code %q already belongs to %s", o.ReferralCode, o.Name)
		}
	}
	c.date(f, "joined", p.Joined, false, false)
	if c.known("address") {
		c.limit(CheckAddress("address", &p.Address))
	}
	if c.known("tax_id") {
		c.limit(CheckTaxID("tax_id", &p.TaxID))
	}
	return c.result()
}

// The bounds of a postal address and of a tax id: an address is printed
// in one column of an invoice's header, a tax id on one line.
const (
	MaxAddressRunes = 300
	MaxAddressLines = 6
	MaxTaxIDRunes   = 30
)

// CheckAddress normalises a postal address (line breaks to "\n", each line
// trimmed, empty lines dropped) and refuses one longer than the bounds or
// holding a control character other than the line breaks (a tab, NUL) or
// an invisible format character. The company's and the partners'.
func CheckAddress(field string, a *string) *ValidationError {
	s := strings.ReplaceAll(strings.ReplaceAll(*a, "\r\n", "\n"), "\r", "\n")
	var lines []string
	for _, ln := range strings.Split(s, "\n") {
		if ln = strings.TrimSpace(ln); ln != "" {
			lines = append(lines, ln)
		}
	}
	*a = strings.Join(lines, "\n")
	for i, ln := range lines {
		if HasControl(ln) {
			return &ValidationError{Field: field, Reason: fmt.Sprintf("line %d of the address holds a control character (such as a tab or NUL) or an invisible format character: type it again without", i+1)}
		}
	}
	if n := utf8.RuneCountInString(*a); n > MaxAddressRunes {
		return &ValidationError{Field: field, Reason: fmt.Sprintf("the address has %d characters: at most %d fit on an invoice", n, MaxAddressRunes)}
	}
	if len(lines) > MaxAddressLines {
		return &ValidationError{Field: field, Reason: fmt.Sprintf("the address has %d lines: at most %d fit on an invoice", len(lines), MaxAddressLines)}
	}
	return nil
}

// NormalizeTaxID is a tax id as stored: without any space, upper case
// ("de 123 456 789" is "DE123456789"). Formats differ per country, so
// nothing else is changed.
func NormalizeTaxID(s string) string { return strings.ToUpper(strings.Join(strings.Fields(s), "")) }

// CheckTaxID normalises a VAT or tax id (NormalizeTaxID) and refuses one
// longer than MaxTaxIDRunes or holding a control or invisible character.
// Empty is allowed: the invoice then says the id was not given.
func CheckTaxID(field string, t *string) *ValidationError {
	*t = NormalizeTaxID(*t)
	if HasControl(*t) {
		return &ValidationError{Field: field, Reason: "the tax id holds a control character (such as NUL) or an invisible format character: type it again without"}
	}
	if n := utf8.RuneCountInString(*t); n > MaxTaxIDRunes {
		return &ValidationError{Field: field, Reason: fmt.Sprintf("%q has %d characters: a VAT or tax id has at most %d", *t, n, MaxTaxIDRunes)}
	}
	return nil
}

// CheckRep is the one validation of a rep.
func CheckRep(r *Rep, f RecordFacts, unread ...string) ValidationErrors {
	c := newRecordCheck(unread)
	r.Name = strings.TrimSpace(r.Name)
	if c.known("partner") {
		if _, ok := f.PartnerByID(r.PartnerID); !ok {
			c.bad("partner", "there is no partner %d", r.PartnerID)
		}
	}
	if c.known("name") && r.Name == "" {
		c.bad("name", "the rep needs a name")
	} else if c.known("name") && HasControl(r.Name) {
		c.bad("name", controlReason)
	}
	r.Email = strings.TrimSpace(r.Email)
	if c.known("email") && r.Email != "" && !IsEmail(r.Email) {
		c.bad("email", "%q is not an e-mail address such as name@example.com", r.Email)
	}
	return c.result()
}

// CheckProduct is the one validation of a product; SKUs are unique
// regardless of case and accents.
func CheckProduct(p *Product, f RecordFacts, unread ...string) ValidationErrors {
	c := newRecordCheck(unread)
	p.SKU = strings.TrimSpace(p.SKU)
	p.Name = strings.TrimSpace(p.Name)
	if c.known("sku") {
		if p.SKU == "" {
			c.bad("sku", "the product needs a SKU")
		} else if HasControl(p.SKU) {
			c.bad("sku", controlReason)
		} else if o, dup := f.ProductWithSKU(p.SKU, p.ID); dup {
			c.bad("sku", "SKU %q is already stored (product %d, %s)", o.SKU, o.ID, o.Name)
		}
	}
	if c.known("name") && p.Name == "" {
		c.bad("name", "the product needs a name")
	} else if c.known("name") && HasControl(p.Name) {
		c.bad("name", controlReason)
	}
	if c.known("list_price") && c.limit(CheckAmount("list_price", p.ListPrice)) && p.ListPrice.IsNegative() {
		c.bad("list_price", "the list price %s is negative", p.ListPrice)
	}
	return c.result()
}

// checkPartnerRep checks a record's partner (required or not) and that
// its rep is one of the partner's.
func (c *recordCheck) partnerRep(f RecordFacts, partner, rep ID, partnerRequired bool) {
	if c.known("partner") {
		if partner == 0 {
			if partnerRequired {
				c.bad("partner", "name the partner (a name, id or referral code)")
			}
		} else if _, ok := f.PartnerByID(partner); !ok {
			c.bad("partner", "there is no partner %d", partner)
		}
	}
	if rep != 0 && c.known("rep", "partner") {
		if r, ok := f.RepByID(rep); !ok {
			c.bad("rep", "there is no rep %d", rep)
		} else if partner != 0 && r.PartnerID != partner {
			c.bad("rep", "%s is a rep of another partner", r.Name)
		}
	}
}

// CheckRegistration is the one validation of a deal registration.
func CheckRegistration(g *Registration, f RecordFacts, unread ...string) ValidationErrors {
	c := newRecordCheck(unread)
	c.partnerRep(f, g.PartnerID, g.RepID, true)
	g.Customer = strings.TrimSpace(g.Customer)
	if c.known("customer") && g.Customer == "" {
		c.bad("customer", "name the customer the deal is with")
	}
	if c.known("expected_value") && c.limit(CheckAmount("expected_value", g.ExpectedValue)) && g.ExpectedValue.IsNegative() {
		c.bad("expected_value", "the expected value %s is negative", g.ExpectedValue)
	}
	submitted := c.date(f, "submitted", g.Submitted, true, true)
	if c.known("decision") {
		switch g.Decision {
		case DecisionPending, DecisionApproved, DecisionRejected:
		default:
			c.bad("decision", "%q is not a decision: use pending, approved or rejected", g.Decision)
		}
	}
	if c.known("decided_on") {
		switch {
		case g.Decision != DecisionPending && g.DecidedOn == 0 && c.known("decision"):
			c.bad("decided_on", "an %s registration needs the day it was decided", g.Decision)
		case g.DecidedOn != 0 && c.date(f, "decided_on", g.DecidedOn, false, false) && submitted && g.DecidedOn < g.Submitted:
			c.bad("decided_on", "it was decided (%s) before it was submitted (%s)", g.DecidedOn, g.Submitted)
		}
	}
	if c.known("window_days") && (g.WindowDays < 1 || g.WindowDays > MaxDays) {
		c.bad("window_days", "%d is beyond the limit: the window is a number of days from 1 to %d", g.WindowDays, MaxDays)
	}
	if c.known("outcome") {
		switch g.Outcome {
		case OutcomeOpen, OutcomeWon, OutcomeLost, OutcomeExpired:
		default:
			c.bad("outcome", "%q is not an outcome: use open, won, lost or expired", g.Outcome)
		}
	}
	return c.result()
}

// CheckTraining is the one validation of a completed course.
func CheckTraining(t *Training, f RecordFacts, unread ...string) ValidationErrors {
	c := newRecordCheck(unread)
	if c.known("rep") {
		if t.RepID == 0 {
			c.bad("rep", "name the rep who completed the course")
		} else if _, ok := f.RepByID(t.RepID); !ok {
			c.bad("rep", "there is no rep %d", t.RepID)
		}
	}
	t.Course = strings.TrimSpace(t.Course)
	if c.known("course") && t.Course == "" {
		c.bad("course", "name the course")
	}
	completed := c.date(f, "completed", t.Completed, true, true)
	if t.ValidUntil != 0 && c.known("valid_until") {
		switch {
		case !t.Certification && c.known("certification"):
			c.bad("valid_until", "only a certification has an expiry; set certification to yes")
		case !c.date(f, "valid_until", t.ValidUntil, false, false):
		case completed && t.ValidUntil < t.Completed:
			c.bad("valid_until", "it expires (%s) before it was completed (%s)", t.ValidUntil, t.Completed)
		}
	}
	return c.result()
}

// CheckActivity is the one validation of an activity.
func CheckActivity(a *Activity, f RecordFacts, unread ...string) ValidationErrors {
	c := newRecordCheck(unread)
	c.partnerRep(f, a.PartnerID, a.RepID, true)
	a.Type = strings.TrimSpace(a.Type)
	if c.known("type") && a.Type == "" {
		c.bad("type", "say what kind of activity it was (demo, webinar, joint call, QBR, event)")
	}
	c.date(f, "date", a.Date, true, true)
	return c.result()
}
