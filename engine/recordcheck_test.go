package engine_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"partnerdesk/engine"
)

// memFacts is a RecordFacts over a few records.
type memFacts struct {
	partners []engine.Partner
	reps     []engine.Rep
	products []engine.Product
	closed   engine.Date // days up to this one are closed
}

func (f memFacts) PartnerByID(id engine.ID) (engine.Partner, bool) {
	for _, p := range f.partners {
		if p.ID == id {
			return p, true
		}
	}
	return engine.Partner{}, false
}

func (f memFacts) RepByID(id engine.ID) (engine.Rep, bool) {
	for _, r := range f.reps {
		if r.ID == id {
			return r, true
		}
	}
	return engine.Rep{}, false
}

func (f memFacts) IsClosed(d engine.Date) bool { return d <= f.closed }

func (f memFacts) PartnerNamed(name string, except engine.ID) (engine.Partner, bool) {
	for _, p := range f.partners {
		if p.ID != except && engine.SameName(p.Name, name) {
			return p, true
		}
	}
	return engine.Partner{}, false
}

func (f memFacts) PartnerWithCode(code string, except engine.ID) (engine.Partner, bool) {
	for _, p := range f.partners {
		if p.ID != except && strings.EqualFold(p.ReferralCode, code) {
			return p, true
		}
	}
	return engine.Partner{}, false
}

func (f memFacts) ProductWithSKU(sku string, except engine.ID) (engine.Product, bool) {
	for _, p := range f.products {
		if p.ID != except && engine.SameName(p.SKU, sku) {
			return p, true
		}
	}
	return engine.Product{}, false
}

func world() memFacts {
	return memFacts{
		partners: []engine.Partner{{ID: 1, Name: "Müller Systems GmbH", Kind: engine.KindReseller, Status: engine.StatusActive, ReferralCode: "MUE"}},
		reps:     []engine.Rep{{ID: 11, PartnerID: 1, Name: "Ann"}},
		products: []engine.Product{{ID: 100, SKU: "Café-1", Name: "Coffee"}},
		closed:   engine.MustDate("2026-03-31"),
	}
}

// problem returns the reason given for field, or "".
func problem(errs engine.ValidationErrors, field string) string {
	for _, e := range errs {
		if e.Field == field {
			return e.Reason
		}
	}
	return ""
}

func TestCheckPartner(t *testing.T) {
	f := world()
	cases := []struct {
		name  string
		p     engine.Partner
		field string
		words string
	}{
		{"duplicate name, case and accents aside", engine.Partner{Name: "  MULLER systems gmbh ", Kind: engine.KindVAR}, "name", "already stored as P1"},
		{"country not ISO", engine.Partner{Name: "New", Kind: engine.KindVAR, Country: "XX"}, "country", "ISO 3166"},
		{"UK is GB", engine.Partner{Name: "New", Kind: engine.KindVAR, Country: "uk"}, "country", "is GB"},
		{"email without domain dot", engine.Partner{Name: "New", Kind: engine.KindVAR, Email: "a@b"}, "email", "e-mail address"},
		{"email with a display name", engine.Partner{Name: "New", Kind: engine.KindVAR, Email: "Ann <ann@x.com>"}, "email", "e-mail address"},
		{"joined in year 1", engine.Partner{Name: "New", Kind: engine.KindVAR, Joined: engine.MustDate("0001-01-01")}, "joined", "1900-01-01 to 2199-12-31"},
		{"joined in 9999", engine.Partner{Name: "New", Kind: engine.KindVAR, Joined: engine.MustDate("9999-12-31")}, "joined", "year 9999"},
		{"referral code taken", engine.Partner{Name: "New", Kind: engine.KindVAR, ReferralCode: "mue"}, "referral_code", "Müller"},
		{"unknown kind", engine.Partner{Name: "New", Kind: "shop"}, "kind", "not a partner kind"},
	}
	for _, c := range cases {
		p := c.p
		errs := engine.CheckPartner(&p, f)
		if got := problem(errs, c.field); !strings.Contains(got, c.words) {
			t.Errorf("%s: %v, want %s saying %q", c.name, errs, c.field, c.words)
		}
	}
	// A good partner passes, its country upper-cased; the stored partner
	// may keep its own name.
	p := engine.Partner{Name: "Neu", Kind: engine.KindVAR, Country: "de", Email: "info@neu.de"}
	if errs := engine.CheckPartner(&p, f); errs != nil || p.Country != "DE" || p.Status != engine.StatusActive {
		t.Errorf("good partner: %v %+v", errs, p)
	}
	same := f.partners[0]
	if errs := engine.CheckPartner(&same, f); errs != nil {
		t.Errorf("the stored partner itself: %v", errs)
	}
	// A field the caller could not read is not reported again.
	bad := engine.Partner{Name: "New", Kind: engine.KindVAR, Country: "XX"}
	if errs := engine.CheckPartner(&bad, f, "country"); errs != nil {
		t.Errorf("unread country reported: %v", errs)
	}
}

func TestCheckProductDuplicateSKU(t *testing.T) {
	p := engine.Product{SKU: "cafe-1", Name: "Other"}
	errs := engine.CheckProduct(&p, world())
	if got := problem(errs, "sku"); !strings.Contains(got, "product 100") {
		t.Errorf("SKU cafe-1 next to Café-1: %v", errs)
	}
	p = engine.Product{SKU: "X", Name: "Big", ListPrice: d("1e20")}
	if got := problem(engine.CheckProduct(&p, world()), "list_price"); !strings.Contains(got, "beyond the limit") {
		t.Errorf("list price 1e20: %q", got)
	}
}

func TestCheckRegistrationTrainingActivity(t *testing.T) {
	f := world()
	g := engine.Registration{PartnerID: 1, Customer: "C", Submitted: engine.MustDate("9999-01-01"), Decision: engine.DecisionPending, Outcome: engine.OutcomeOpen, WindowDays: 90}
	if got := problem(engine.CheckRegistration(&g, f), "submitted"); !strings.Contains(got, "year 9999") {
		t.Errorf("registration in 9999: %q", got)
	}
	g.Submitted, g.WindowDays = engine.MustDate("2026-05-01"), 1_000_000
	if got := problem(engine.CheckRegistration(&g, f), "window_days"); !strings.Contains(got, "3660") {
		t.Errorf("window of a million days: %q", got)
	}
	g.WindowDays, g.Submitted = 90, engine.MustDate("2026-03-01")
	if got := problem(engine.CheckRegistration(&g, f), "submitted"); !strings.Contains(got, "closed period") {
		t.Errorf("registration in a closed period: %q", got)
	}
	tr := engine.Training{RepID: 11, Course: "Install", Completed: engine.MustDate("0001-01-01")}
	if got := problem(engine.CheckTraining(&tr, f), "completed"); !strings.Contains(got, "year 1 ") {
		t.Errorf("training in year 1: %q", got)
	}
	tr = engine.Training{RepID: 11, Course: "Install", Completed: engine.MustDate("2026-05-01"), Certification: true, ValidUntil: engine.MustDate("9999-12-31")}
	if got := problem(engine.CheckTraining(&tr, f), "valid_until"); !strings.Contains(got, "year 9999") {
		t.Errorf("certification valid until 9999: %q", got)
	}
	a := engine.Activity{PartnerID: 1, RepID: 12, Type: "demo", Date: engine.MustDate("2026-05-01")}
	if got := problem(engine.CheckActivity(&a, f), "rep"); !strings.Contains(got, "no rep 12") {
		t.Errorf("activity of an unknown rep: %q", got)
	}
	a = engine.Activity{PartnerID: 1, Type: "demo", Date: engine.MustDate("2026-05-01")}
	if errs := engine.CheckActivity(&a, f); errs != nil {
		t.Errorf("good activity: %v", errs)
	}
}

// TestParseDateBounds: a typed date outside 1900..2199 is refused; stored
// records and literals still read any ISO date.
func TestParseDateBounds(t *testing.T) {
	for _, s := range []string{"0001-01-01", "9999-12-31", "1899-12-31", "2200-01-01"} {
		if _, err := engine.ParseDate(s); err == nil || !strings.Contains(err.Error(), "beyond the limit") {
			t.Errorf("ParseDate(%s): %v", s, err)
		}
	}
	for _, s := range []string{"1900-01-01", "2199-12-31", "2026-07-31"} {
		if _, err := engine.ParseDate(s); err != nil {
			t.Errorf("ParseDate(%s): %v", s, err)
		}
	}
	var dt engine.Date
	if err := dt.UnmarshalJSON([]byte(`"9999-12-31"`)); err != nil || dt.String() != "9999-12-31" {
		t.Errorf("a stored date of 9999 no longer reads: %v %s", err, dt)
	}
}

const fileHead = `{"format":"partnerdesk-program","version":1,"name":"P","period_kind":"quarter","valid_from":"2026-01-01","status":"active",`

// TestProgramFileBounds: a rate of 1e400, a validity of 10^18 days, a
// valid_from in 9999 and a budget of 10^20 are refused naming the field;
// a rate rule with neither rate nor bands (it paid 0) is refused.
func TestProgramFileBounds(t *testing.T) {
	cases := []struct {
		body, field, words string
	}{
		{`"rules":[{"key":"r","name":"R","kind":"rate","rate":{"rate":"1e400","confirmed":true}}]}`, "rules[0].rate.rate", "10,000 %"},
		{`"rules":[{"key":"f","name":"F","kind":"fund","fund":{"rate":"2","validity_days":1000000000000000000}}]}`, "rules[0].fund.validity_days", "3660"},
		{`"budget":"100000000000000000000","rules":[{"key":"r","name":"R","kind":"rate","rate":{"rate":"2"}}]}`, "budget", "10^15"},
		{`"rules":[{"key":"r","name":"R","kind":"rate","rate":{}}]}`, "rules[0].rate.rate", "pays nothing"},
		{`"rules":[{"key":"r","name":"R","kind":"rate","rate":{"bands":[]}}]}`, "rules[0].rate.rate", "pays nothing"},
		{`"rules":[{"key":"l","name":"L","kind":"loyalty","loyalty":{"points":"1e30","per":"1"}}]}`, "rules[0].loyalty.points", "10^12"},
		{`"rules":[{"key":"s","name":"S","kind":"spif","spif":{"skus":["A"],"from":"2026-01-01","to":"9999-12-31","amount":"5"}}]}`, "rules[0].spif.to", "year 9999"},
		{`"rules":[{"key":"t","name":"T","kind":"target","target":{"default_target":"1000","steps":[{"attainment":"1e5","amount":"10"}]}}]}`, "rules[0].target.steps[0].attainment", "10,000 %"},
		{`"rules":[{"key":"m","name":"M","kind":"rate","matrix":{"new_customer_new_product":"1000"},"rate":{"rate":"2"}}]}`, "rules[0].matrix.new_customer_new_product", "100"},
	}
	for _, c := range cases {
		_, err := engine.ParseProgramFile([]byte(fileHead + c.body))
		var errs engine.ValidationErrors
		if !errors.As(err, &errs) || !strings.Contains(problem(errs, c.field), c.words) {
			t.Errorf("%s: %v, want %s saying %q", c.body, err, c.field, c.words)
		}
	}
	bad := strings.Replace(fileHead, `"valid_from":"2026-01-01"`, `"valid_from":"9999-01-01"`, 1) + `"rules":[{"key":"r","name":"R","kind":"rate","rate":{"rate":"2"}}]}`
	if _, err := engine.ParseProgramFile([]byte(bad)); err == nil || !strings.Contains(err.Error(), "valid_from") {
		t.Errorf("valid_from in 9999: %v", err)
	}
}

// TestCheckProgramRefs: unknown tiers, SKUs and partner ids are refused,
// each with its field path and value; known ones pass (SKUs regardless of
// case and accents, tiers exactly).
func TestCheckProgramRefs(t *testing.T) {
	p := program(
		engine.Rule{Key: "a", Name: "A", Kind: engine.RuleRate, Filter: engine.Filter{SKUs: []string{"cafe-1", "GHOST"}},
			TierMultipliers: map[string]decimal.Decimal{"Gold": d("1.2"), "Platinum": d("2")}, Rate: &engine.RateRule{Rate: d("2")}},
		engine.Rule{Key: "b", Name: "B", Kind: engine.RuleTarget, Target: &engine.TargetRule{Targets: map[engine.ID]decimal.Decimal{1: d("100"), 7: d("100")}, Steps: []engine.Step{{Attainment: d("100"), Amount: d("5")}}}},
		engine.Rule{Key: "c", Name: "C", Kind: engine.RuleSPIF, SPIF: &engine.SPIFRule{SKUs: []string{"Café-1", "NOPE"}, Amount: d("1")}},
	)
	p.Eligibility = engine.Eligibility{Tiers: []string{"gold"}, Partners: []engine.ID{1, 9}}
	refs := engine.ProgramRefs{Tiers: []string{"Silver", "Gold"}, SKUs: []string{"Café-1"}, Partners: []engine.ID{1}}
	errs := engine.CheckProgramRefs(&p, refs)
	want := map[string]string{
		"eligibility.tiers[0]":               `no tier "gold"`,
		"eligibility.partners[1]":            "no partner with the id 9",
		"rules[0].filter.skus[1]":            `"GHOST"`,
		"rules[0].tier_multipliers.Platinum": `no tier "Platinum"`,
		"rules[1].target.targets.7":          "id 7",
		"rules[2].spif.skus[1]":              `"NOPE"`,
	}
	if len(errs) != len(want) {
		t.Errorf("got %d problems, want %d: %v", len(errs), len(want), errs)
	}
	for f, w := range want {
		if got := problem(errs, f); !strings.Contains(got, w) {
			t.Errorf("%s: %q, want %q", f, got, w)
		}
	}
}

// TestReplaceProgramErrorSaysWhatChanges: the confirmation lists the
// settings and rules that differ, and wraps ErrConfirmationNeeded.
func TestReplaceProgramErrorSaysWhatChanges(t *testing.T) {
	old := program(engine.Rule{Key: "r", Name: "R", Kind: engine.RuleRate, Rate: &engine.RateRule{Rate: d("2")}},
		engine.Rule{Key: "gone", Name: "G", Kind: engine.RuleRate, Rate: &engine.RateRule{Rate: d("1")}})
	p := program(engine.Rule{Key: "r", Name: "R", Kind: engine.RuleRate, Rate: &engine.RateRule{Rate: d("3")}},
		engine.Rule{Key: "new", Name: "N", Kind: engine.RuleRate, Rate: &engine.RateRule{Rate: d("1")}})
	p.Budget = d("500")
	err := error(&engine.ReplaceProgramError{ID: 1, Name: "P", Changes: engine.ProgramChanges(&old, &p)})
	for _, w := range []string{"active program 1", "budget 0 to 500", `rules changed "r"`, `rules added "new"`, `rules removed "gone"`} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("%q does not say %q", err, w)
		}
	}
	if !errors.Is(err, engine.ErrConfirmationNeeded) {
		t.Error("ReplaceProgramError must wrap ErrConfirmationNeeded")
	}
}
