package engine_test

import (
	"errors"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"partnerdesk/engine"
	"partnerdesk/engine/i18n"
)

func TestLadderFileRoundTripAndErrors(t *testing.T) {
	l := engine.TierLadder{WindowMonths: 6, PointsPerActivity: map[string]int{"demo": 5},
		Levels: []engine.TierLevel{{Name: "Registered"}, {Name: "Gold", Criteria: engine.TierCriteria{Revenue: d("100000"), ActivityPoints: 20}}}}
	b, err := engine.MarshalLadderFile(l)
	if err != nil {
		t.Fatal(err)
	}
	back, err := engine.ParseLadderFile(b)
	if err != nil || len(back.Levels) != 2 || back.Levels[1].Criteria.ActivityPoints != 20 || !back.Levels[1].Criteria.Revenue.Equal(d("100000")) || back.WindowMonths != 6 {
		t.Fatalf("round trip: %+v %v", back, err)
	}
	bad := `{"format":"partnerdesk-tier-ladder","version":1,"window_months":500,"levels":[
	  {"name":"Gold","criteria":{"revenue":"-1","units":"0","certifications":2000000,"won_registrations":0,"activity_points":0}},
	  {"name":"gold","criteria":{"revenue":"1e20","units":"0","certifications":0,"won_registrations":0,"activity_points":-3}},
	  {"name":" ","criteria":{"revenue":"0","units":"0","certifications":0,"won_registrations":0,"activity_points":0}}]}`
	_, err = engine.ParseLadderFile([]byte(bad))
	var ve engine.ValidationErrors
	if !errors.As(err, &ve) {
		t.Fatalf("want field errors, got %v", err)
	}
	fields := map[string]bool{}
	for _, e := range ve {
		fields[e.Field] = true
	}
	for _, f := range []string{"window_months", "levels[0].criteria.revenue", "levels[0].criteria.certifications", "levels[1].name",
		"levels[1].criteria.revenue", "levels[1].criteria.activity_points", "levels[2].name"} {
		if !fields[f] {
			t.Errorf("no error on %s: %v", f, err)
		}
	}
	if _, err := engine.ParseLadderFile([]byte(`{"format":"partnerdesk-tier-ladder","version":1,"levels":[{"name":"A","critera":{}}]}`)); err == nil || !strings.Contains(err.Error(), "critera") {
		t.Errorf("a misspelt field must be refused by name, got %v", err)
	}
	if _, err := engine.ParseLadderFile([]byte(`{"format":"partnerdesk-program","version":1}`)); err == nil {
		t.Error("a program file is not a ladder file")
	}
}

func TestActivityPointsQualify(t *testing.T) {
	// Window 12 months to 2026-06-30: two demos (5 points each) and a QBR
	// (10) in it, one demo before it: 5+5+10 = 20 points, enough for Gold
	// (20) but a webinar (not weighed) adds nothing.
	l := engine.TierLadder{PointsPerActivity: map[string]int{"Demo": 5, "QBR": 10},
		Levels: []engine.TierLevel{{Name: "Registered"}, {Name: "Gold", Criteria: engine.TierCriteria{ActivityPoints: 20}}}}
	acts := []engine.Activity{
		{ID: 1, PartnerID: 1, Type: "demo", Date: engine.MustDate("2026-01-10")},
		{ID: 2, PartnerID: 1, Type: "Démo", Date: engine.MustDate("2026-02-10")},
		{ID: 3, PartnerID: 1, Type: "qbr", Date: engine.MustDate("2026-03-10")},
		{ID: 4, PartnerID: 1, Type: "demo", Date: engine.MustDate("2025-06-30")},
		{ID: 5, PartnerID: 1, Type: "webinar", Date: engine.MustDate("2026-03-11")},
	}
	in := engine.TierReviewInputs{Ladder: l, Partners: []engine.Partner{{ID: 1, Status: engine.StatusActive}}, Activities: acts, AsOf: engine.MustDate("2026-06-30")}
	ps := engine.ReviewTiers(in)
	if len(ps) != 1 || ps[0].Proposed != "Gold" || ps[0].Evidence.ActivityPoints != 20 {
		t.Fatalf("proposals %+v", ps)
	}
	in.Activities = acts[1:]
	if ps := engine.ReviewTiers(in); len(ps) != 0 {
		t.Fatalf("15 points must not reach Gold: %+v", ps)
	}
	gap := engine.TierGap(l, "Registered", engine.TierEvidence{ActivityPoints: 19}, engine.NewCurrency("EUR"))
	if gap.Key != "nudge.tier" || len(gap.Args) == 0 || !strings.Contains(gap.Args[0].Items[0].Key, "need.point") {
		t.Fatalf("gap %+v", gap)
	}
}

func TestRenameProgramTier(t *testing.T) {
	p := bandedRebate()
	p.Eligibility.Tiers = []string{"Silver", "Gold"}
	p.Rules[0].Rate.TierBands = map[string][]engine.Band{"Gold": {{From: d("0"), Rate: d("3")}}}
	orig := p.Rules[0].TierMultipliers
	if !engine.RenameProgramTier(&p, "Gold", "Gold Elite") {
		t.Fatal("nothing renamed")
	}
	r := p.Rules[0]
	if p.Eligibility.Tiers[1] != "Gold Elite" || !r.TierMultipliers["Gold Elite"].Equal(d("1.2")) || r.Rate.TierBands["Gold Elite"] == nil ||
		len(r.Rate.TierBands) != 1 || len(r.TierMultipliers) != 1 {
		t.Fatalf("renamed %+v", p)
	}
	if _, ok := orig["Gold"]; !ok {
		t.Error("the original map must not be changed")
	}
	if uses := engine.ProgramTierUses(&p, "Gold Elite"); len(uses) != 3 {
		t.Errorf("uses %v", uses)
	}
	_ = decimal.Zero
}

// The ladder and golden-example files of docs/programs.md load, and the
// golden examples pass.
func TestDocLadderAndGoldenExamples(t *testing.T) {
	b, err := os.ReadFile("../docs/programs.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := func(tag string) []string {
		var out []string
		for _, m := range regexp.MustCompile("(?s)```json "+tag+"\n(.*?)```").FindAllStringSubmatch(string(b), -1) {
			out = append(out, m[1])
		}
		return out
	}
	ls := blocks("ladder")
	if len(ls) != 1 {
		t.Fatalf("%d ladder examples", len(ls))
	}
	l, err := engine.ParseLadderFile([]byte(ls[0]))
	if err != nil || len(l.Levels) != 4 || l.PointsPerActivity["QBR"] != 10 {
		t.Fatalf("ladder example: %+v %v", l, err)
	}
	gs := blocks("golden")
	if len(gs) != 1 {
		t.Fatalf("%d golden examples", len(gs))
	}
	p, err := engine.ParseProgramFile([]byte(gs[0]))
	if err != nil {
		t.Fatal(err)
	}
	rs, err := engine.RunExamples(p, eurCo)
	if err != nil || len(rs) != 2 || !rs[0].Pass || !rs[1].Pass || !rs[0].Amount.Equal(d("5760")) {
		t.Fatalf("golden examples: %+v %v", rs, err)
	}
}

// FuzzParseLadderFile: arbitrary bytes never panic, a refusal always says
// something, and an accepted ladder is valid and round-trips.
func FuzzParseLadderFile(f *testing.F) {
	f.Add([]byte(`{"format":"partnerdesk-tier-ladder","version":1,"levels":[{"name":"A","criteria":{"revenue":"1e400"}}]}`))
	f.Add([]byte(`{"format":"partnerdesk-tier-ladder","version":1,"window_months":-1,"points_per_activity":{"":-5},"levels":[]}`))
	f.Add([]byte(`{"format":"partnerdesk-tier-ladder","version":1,"levels":[{"name":"A"},{"name":"a"}]}`))
	f.Add([]byte(`{"format":"partnerdesk-tier-ladder","version":1,"levels":[{"name":"R"},{"name":"G","criteria":{"revenue":"100","units":"0.5","activity_points":3}}]}`))
	f.Add([]byte(`[1]`))
	f.Fuzz(func(t *testing.T, b []byte) {
		l, err := engine.ParseLadderFile(b)
		if err != nil {
			if err.Error() == "" {
				t.Fatalf("empty message for %q", b)
			}
			return
		}
		if err := engine.ValidateLadder(l); err != nil {
			t.Fatalf("accepted an invalid ladder: %v", err)
		}
		out, err := engine.MarshalLadderFile(l)
		if err != nil {
			t.Fatal(err)
		}
		back, err := engine.ParseLadderFile(out)
		if err != nil {
			t.Fatalf("written ladder does not parse: %v\n%s", err, out)
		}
		again, _ := engine.MarshalLadderFile(back)
		if string(again) != string(out) {
			t.Fatalf("round trip changed:\n%s\n%s", out, again)
		}
		// Reviewing on it never panics.
		engine.ReviewTiers(engine.TierReviewInputs{Ladder: l, Partners: []engine.Partner{{ID: 1}}, AsOf: engine.MustDate("2026-06-30"),
			Activities: []engine.Activity{{ID: 1, PartnerID: 1, Type: "demo", Date: engine.MustDate("2026-06-01")}}})
	})
}

// The statement's progress names missing activity points in every
// language: Registered with 19 of Gold's 20 points misses 1 point.
func TestTierGapActivityPointsRendered(t *testing.T) {
	l := engine.TierLadder{Levels: []engine.TierLevel{{Name: "Registered"}, {Name: "Gold", Criteria: engine.TierCriteria{ActivityPoints: 20}}}}
	gap := engine.TierGap(l, "Registered", engine.TierEvidence{ActivityPoints: 19}, engine.NewCurrency("EUR"))
	if got := i18n.Explain(gap, "en"); got != "1 activity point to Gold" {
		t.Errorf("en: %q", got)
	}
	gap = engine.TierGap(l, "Registered", engine.TierEvidence{ActivityPoints: 5}, engine.NewCurrency("EUR"))
	for _, lang := range []string{"en", "it", "fr", "nl", "id", "de", "es"} {
		if got := i18n.Explain(gap, lang); !strings.Contains(got, "15") || strings.Contains(got, "need.") || strings.Contains(got, "{") {
			t.Errorf("%s: %q", lang, got)
		}
	}
}
