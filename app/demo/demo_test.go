package demo_test

import (
	"strings"
	"testing"
	"unicode"

	"partnerdesk/app/demo"
	"partnerdesk/engine"
)

var through = engine.MustDate("2026-06-30")

// generated caches one Generate run: the tests only read it.
var generated = demo.Generate(42, through)

func TestGenerateDeterministic(t *testing.T) {
	again := demo.Generate(42, through)
	if got, want := hashOf(t, again), hashOf(t, generated); got != want {
		t.Fatalf("second Generate(42) hashes to %s, want %s", got, want)
	}
	other := demo.Generate(43, through)
	if hashOf(t, other) == hashOf(t, generated) {
		t.Fatalf("Generate(43) equals Generate(42): the seed is ignored")
	}
}

func TestGenerateReferencesResolve(t *testing.T) {
	for _, seed := range []int64{42, 1, 2026} {
		ds := generated
		if seed != 42 {
			ds = demo.Generate(seed, through)
		}
		checkReferences(t, ds)
		checkNewFlags(t, ds)
	}
}

func TestGenerateOtherThroughDates(t *testing.T) {
	// A window that starts mid-month and one that crosses a year end.
	for _, d := range []string{"2026-03-11", "2027-01-31", "2025-12-01"} {
		t.Run(d, func(t *testing.T) {
			ds := demo.Generate(7, engine.MustDate(d))
			checkReferences(t, ds)
			checkNewFlags(t, ds)
			start := demo.WindowStart(engine.MustDate(d))
			for _, s := range ds.Sales {
				if s.Date < start || s.Date > engine.MustDate(d) {
					t.Fatalf("sale %d dated %s, outside %s..%s", s.ID, s.Date, start, d)
				}
			}
		})
	}
}

func TestGenerateShape(t *testing.T) {
	ds := generated
	if got := ds.Company.Currency; got.Code != "EUR" || got.MinorUnits != 2 {
		t.Errorf("currency %+v, want EUR with 2 minor units", got)
	}
	if n := len(ds.Partners); n < 35 || n > 50 {
		t.Errorf("%d partners, want about 40", n)
	}
	if n := len(ds.Sales); n < 3000 || n > 6000 {
		t.Errorf("%d sales lines, want 3,000-6,000", n)
	}
	if n := len(ds.Products); n != 20 {
		t.Errorf("%d products, want 20", n)
	}
	kinds := map[engine.PartnerKind]bool{}
	for _, p := range ds.Partners {
		kinds[p.Kind] = true
	}
	for _, k := range engine.PartnerKinds {
		if !kinds[k] {
			t.Errorf("no partner of kind %s", k)
		}
	}
	reps := map[engine.ID]int{}
	for _, r := range ds.Reps {
		reps[r.PartnerID]++
	}
	for _, p := range ds.Partners {
		if n := reps[p.ID]; n < 1 || n > 4 {
			t.Errorf("partner %d has %d reps, want 1-4", p.ID, n)
		}
	}
	var returns, splits, linked, coded int
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
		if s.ReferralCode != "" {
			coded++
			if p := ds.Partners[s.PartnerID-1]; p.ReferralCode != s.ReferralCode {
				t.Errorf("sale %d carries code %q, partner %d's is %q", s.ID, s.ReferralCode, p.ID, p.ReferralCode)
			}
		}
	}
	for name, n := range map[string]int{"returns": returns, "split sales": splits, "registered sales": linked, "referral-coded sales": coded} {
		if n < 5 {
			t.Errorf("%d %s, want at least 5", n, name)
		}
	}
	decisions := map[engine.Decision]int{}
	outcomes := map[engine.Outcome]int{}
	for _, r := range ds.Registrations {
		decisions[r.Decision]++
		outcomes[r.Outcome]++
	}
	for _, d := range []engine.Decision{engine.DecisionApproved, engine.DecisionRejected, engine.DecisionPending} {
		if decisions[d] == 0 {
			t.Errorf("no %s registration", d)
		}
	}
	for _, o := range []engine.Outcome{engine.OutcomeWon, engine.OutcomeLost, engine.OutcomeExpired, engine.OutcomeOpen} {
		if outcomes[o] == 0 {
			t.Errorf("no registration with outcome %s", o)
		}
	}
	types := map[string]bool{}
	for _, a := range ds.Activities {
		types[a.Type] = true
	}
	for _, typ := range []string{demo.ActDemo, demo.ActWebinar, demo.ActJointCall, demo.ActQBR, demo.ActEvent} {
		if !types[typ] {
			t.Errorf("no activity of type %q", typ)
		}
	}
	certs := 0
	for _, tr := range ds.Trainings {
		if tr.Certification {
			certs++
		}
	}
	if certs == 0 || certs == len(ds.Trainings) {
		t.Errorf("%d certifications among %d trainings, want some of each", certs, len(ds.Trainings))
	}
	// Promotions mid-year: some partner holds two tiers in the window.
	perPartner := map[engine.ID]int{}
	for _, c := range ds.TierHistory {
		perPartner[c.PartnerID]++
	}
	promoted := 0
	for _, n := range perPartner {
		if n > 1 {
			promoted++
		}
	}
	if promoted < 3 {
		t.Errorf("%d partners change tier in the window, want at least 3", promoted)
	}
}

func TestGenerateScripts(t *testing.T) {
	tests := []struct {
		name   string
		script *unicode.RangeTable
	}{
		{"Greek", unicode.Greek},
		{"Cyrillic", unicode.Cyrillic},
		{"Japanese", unicode.Hiragana},
		{"Han", unicode.Han},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, p := range generated.Partners {
				if strings.IndexFunc(p.Name, func(r rune) bool { return unicode.Is(tt.script, r) }) >= 0 {
					return
				}
			}
			t.Errorf("no partner name in %s script", tt.name)
		})
	}
	// Accented Latin as the brief names it.
	want := "Società Informatica Ñandú"
	for _, p := range generated.Partners {
		if strings.HasPrefix(p.Name, want) {
			return
		}
	}
	t.Errorf("no partner named %q", want)
}

func TestGenerateLanguages(t *testing.T) {
	langs := map[string]string{"IT": "it", "FR": "fr", "NL": "nl", "DE": "de", "ES": "es", "ID": "id", "US": "en", "GR": "", "JP": ""}
	for _, p := range generated.Partners {
		if want, ok := langs[p.Country]; ok && p.Language != want {
			t.Errorf("partner %d in %s has language %q, want %q", p.ID, p.Country, p.Language, want)
		}
	}
}

func TestGenerateProgramsUseEveryRuleKind(t *testing.T) {
	start := demo.WindowStart(through)
	used := map[engine.RuleKind]bool{}
	for _, p := range generated.Programs {
		if p.Status != engine.ProgramActive {
			t.Errorf("program %d %q is %s, want active", p.ID, p.Name, p.Status)
		}
		if p.ValidFrom != start {
			t.Errorf("program %d valid from %s, want %s", p.ID, p.ValidFrom, start)
		}
		keys := map[string]bool{}
		for _, r := range p.Rules {
			if keys[r.Key] {
				t.Errorf("program %d: rule key %q twice", p.ID, r.Key)
			}
			keys[r.Key] = true
			used[r.Kind] = true
			if !kindPartSet(r) {
				t.Errorf("program %d rule %q: kind %s without its part", p.ID, r.Key, r.Kind)
			}
		}
	}
	for _, k := range engine.RuleKinds {
		if !used[k] {
			t.Errorf("no active program uses rule kind %s", k)
		}
	}
}

// kindPartSet reports whether the rule's kind-specific part is present.
func kindPartSet(r engine.Rule) bool {
	switch r.Kind {
	case engine.RuleRate:
		return r.Rate != nil
	case engine.RuleTarget:
		return r.Target != nil
	case engine.RuleSPIF:
		return r.SPIF != nil
	case engine.RuleDealReg:
		return r.DealReg != nil
	case engine.RuleReferral:
		return r.Referral != nil
	case engine.RuleFund:
		return r.Fund != nil
	case engine.RuleTraining:
		return r.Training != nil
	case engine.RuleActivity:
		return r.Activity != nil
	case engine.RuleLoyalty:
		return r.Loyalty != nil
	}
	return false
}
