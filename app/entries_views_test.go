package app_test

import (
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"partnerdesk/app"
	"partnerdesk/data"
	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// tierWorld holds three active partners on a three-level ladder, today
// 2026-07-15:
//   - Alpha sold 60 x 100.00 = 6,000.00 on 2026-03-10, its rep Ada holds a
//     valid certification and won a registration decided 2026-02-03: Gold
//     (5,000.00, 1 certification, 1 won registration);
//   - Beta sold 12 x 100.00 = 1,200.00 on 2026-05-02: Silver (1,000.00);
//   - Gamma sold nothing but holds Silver since 2026-01-01: Registered.
func tierWorld(tb testing.TB) (*app.Service, map[string]engine.ID) {
	tb.Helper()
	st, err := data.Open(filepath.Join(tb.TempDir(), "tiers.db"), data.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	now := engine.MustDate("2026-07-15").Time().Add(9 * time.Hour)
	svc := app.NewService(st, "tester", func() time.Time { return now })
	tb.Cleanup(func() {
		if rep, err := st.Check(); err != nil || !rep.OK() {
			tb.Errorf("check: %v %v", err, rep.Problems)
		}
		st.Close()
	})
	must := func(err error) {
		tb.Helper()
		if err != nil {
			tb.Fatal(err)
		}
	}
	must(svc.SaveCompany(engine.Company{Name: "Tier Vendor", Currency: engine.NewCurrency("EUR"), FiscalYearStart: time.January, Language: "it"}))
	must(svc.Store().Update("tester", func(tx *data.Tx) error {
		return tx.PutLadder(engine.TierLadder{WindowMonths: 12, Levels: []engine.TierLevel{
			{Name: "Registered"},
			{Name: "Silver", Criteria: engine.TierCriteria{Revenue: decimal.NewFromInt(1000)}},
			{Name: "Gold", Criteria: engine.TierCriteria{Revenue: decimal.NewFromInt(5000), Certifications: 1, WonRegistrations: 1}},
		}})
	}))
	ids := map[string]engine.ID{}
	for _, n := range []string{"Alpha", "Beta", "Gamma"} {
		p := engine.Partner{Name: n, Kind: engine.KindReseller, Status: engine.StatusActive}
		must(svc.SavePartner(&p))
		ids[n] = p.ID
	}
	ada := engine.Rep{PartnerID: ids["Alpha"], Name: "Ada", Active: true}
	must(svc.SaveRep(&ada))
	must(svc.SaveRep(&engine.Rep{PartnerID: ids["Beta"], Name: "Bo", Active: true}))
	must(svc.SaveProduct(&engine.Product{SKU: "LIC-1", Name: "Licence", ListPrice: decimal.NewFromInt(100)}))
	_, err = svc.AddSale(views.SaleInput{Date: "2026-03-10", Partner: "Alpha", Customer: "Globex", Product: "LIC-1", Quantity: "60", UnitPrice: "100", Invoice: "A-1"}, false)
	must(err)
	_, err = svc.AddSale(views.SaleInput{Date: "2026-05-02", Partner: "Beta", Customer: "Initech", Product: "LIC-1", Quantity: "12", UnitPrice: "100", Invoice: "B-1"}, false)
	must(err)
	_, err = svc.AddTraining(views.TrainingInput{Partner: "Alpha", Rep: "Ada", Course: "Admin", Completed: "2026-01-10", Certification: true, ValidUntil: "2027-01-10"})
	must(err)
	r, err := svc.AddRegistration(views.RegistrationInput{Partner: "Alpha", Rep: "Ada", Customer: "Globex", ExpectedValue: "9000", Submitted: "2026-02-01"})
	must(err)
	_, err = svc.DecideRegistration(r.ID, "approve", "2026-02-03")
	must(err)
	_, err = svc.DecideRegistration(r.ID, "won", "2026-03-10")
	must(err)
	_, err = svc.AddRegistration(views.RegistrationInput{Partner: "Beta", Customer: "Initech", ExpectedValue: "1500", Submitted: "2026-07-01"})
	must(err)
	_, err = svc.AddActivity(views.ActivityInput{Partner: "Beta", Rep: "Bo", Type: "demo", Date: "2026-07-02", Note: "first demo"})
	must(err)
	_, err = svc.ApplyTier("Gamma", "Silver", engine.MustDate("2026-01-01"), "")
	must(err)
	return svc, ids
}

func TestRecentRegistrationsNewestFirstWithNames(t *testing.T) {
	svc, _ := tierWorld(t)
	got, err := svc.RecentRegistrations(10)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("got %d registrations, want 2", len(got))
	}
	// Beta's was entered last; it is pending, so it has no close-by day.
	if got[0].Partner != "Beta" || got[0].Rep != "" || got[0].Registration.Decision != engine.DecisionPending || !got[0].CloseBy.IsZero() {
		t.Errorf("first = %+v, want Beta's pending registration without rep or close-by day", got[0])
	}
	// Approved 2026-02-03 with 90 days: Feb 3 + 25 = Feb 28, + 31 = Mar 31,
	// + 30 = Apr 30, + 4 = May 4.
	if got[1].Partner != "Alpha" || got[1].Rep != "Ada" || got[1].CloseBy != engine.MustDate("2026-05-04") {
		t.Errorf("second = %s/%s close by %s, want Alpha/Ada close by 2026-05-04", got[1].Partner, got[1].Rep, got[1].CloseBy)
	}
	if got[1].Language != "it" || got[1].Currency.Code != "EUR" {
		t.Errorf("language %q currency %q, want it and EUR", got[1].Language, got[1].Currency.Code)
	}
	one, err := svc.RecentRegistrations(1)
	if err != nil || len(one) != 1 || one[0].Partner != "Beta" {
		t.Errorf("limit 1 = %v %v, want only Beta's", one, err)
	}
}

func TestRecentTrainingsAndActivities(t *testing.T) {
	svc, _ := tierWorld(t)
	ts, err := svc.RecentTrainings(5)
	if err != nil || len(ts) != 1 || ts[0].Partner != "Alpha" || ts[0].Rep != "Ada" || ts[0].Training.Course != "Admin" {
		t.Errorf("trainings = %+v %v, want Ada of Alpha's Admin", ts, err)
	}
	as, err := svc.RecentActivities(5)
	if err != nil || len(as) != 1 || as[0].Partner != "Beta" || as[0].Rep != "Bo" || as[0].Activity.Type != "demo" {
		t.Errorf("activities = %+v %v, want Bo of Beta's demo", as, err)
	}
}

func TestReviewTiersAsOfNamesProposals(t *testing.T) {
	svc, _ := tierWorld(t)
	v, err := svc.ReviewTiersAsOf("2026-07-15")
	if err != nil {
		t.Fatal(err)
	}
	// The window is the twelve months ending on the review day; changes
	// count from the first of the next month.
	if v.From != engine.MustDate("2025-07-16") || v.To != engine.MustDate("2026-07-15") || v.EffectiveFrom != engine.MustDate("2026-08-01") {
		t.Errorf("window %s..%s effective %s, want 2025-07-16..2026-07-15 and 2026-08-01", v.From, v.To, v.EffectiveFrom)
	}
	if len(v.Levels) != 3 || v.Levels[2] != "Gold" {
		t.Errorf("levels = %v, want Registered, Silver, Gold", v.Levels)
	}
	want := []struct {
		partner, cur, next string
		promotion          bool
		revenue            string
	}{
		{"Alpha", "Registered", "Gold", true, "6000"},
		{"Beta", "Registered", "Silver", true, "1200"},
		{"Gamma", "Silver", "Registered", false, "0"},
	}
	if len(v.Proposals) != len(want) {
		t.Fatalf("got %d proposals, want %d: %+v", len(v.Proposals), len(want), v.Proposals)
	}
	for i, w := range want {
		p := v.Proposals[i]
		if p.Partner != w.partner || p.Current != w.cur || p.Proposed != w.next || p.Promotion != w.promotion ||
			!p.Evidence.Revenue.Equal(decimal.RequireFromString(w.revenue)) {
			t.Errorf("proposal %d = %s %s->%s promotion %v revenue %s, want %+v", i, p.Partner, p.Current, p.Proposed, p.Promotion, p.Evidence.Revenue, w)
		}
	}
	if a := v.Proposals[0].Evidence; a.Certifications != 1 || a.WonRegistrations != 1 || !a.Units.Equal(decimal.NewFromInt(60)) {
		t.Errorf("Alpha's evidence = %+v, want 60 units, 1 certification, 1 won registration", a)
	}
	if _, err := svc.ReviewTiersAsOf("15/07/2026"); !isField(err, "as_of") {
		t.Errorf("bad day: err = %v, want a validation error on as_of", err)
	}
}

func TestApplyTiersAllOrNothing(t *testing.T) {
	svc, ids := tierWorld(t)
	got, err := svc.ApplyTiers([]views.TierPick{{PartnerID: ids["Alpha"], Tier: "Gold"}, {PartnerID: ids["Beta"], Tier: "Silver"}}, "2026-08-01", "review of July")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].ID == 0 || got[0].From != engine.MustDate("2026-08-01") || got[1].Note != "review of July" {
		t.Errorf("changes = %+v, want two stored changes from 2026-08-01 with the note", got)
	}
	// Reviewed on the same day, the proposals stay (the tiers count from
	// August) but say what is already scheduled.
	v, err := svc.ReviewTiersAsOf("2026-07-15")
	if err != nil {
		t.Fatal(err)
	}
	if p := v.Proposals[0]; p.Partner != "Alpha" || p.Scheduled != "Gold" || p.ScheduledFrom != engine.MustDate("2026-08-01") {
		t.Errorf("Alpha after apply = %+v, want Gold scheduled from 2026-08-01", p)
	}
	if p := v.Proposals[2]; p.Partner != "Gamma" || p.Scheduled != "" {
		t.Errorf("Gamma after apply = %+v, want nothing scheduled", p)
	}
	// On 2026-08-01 Alpha and Beta hold what they qualify for: only Gamma's
	// demotion is left.
	v, err = svc.ReviewTiersAsOf("2026-08-01")
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Proposals) != 1 || v.Proposals[0].Partner != "Gamma" {
		t.Errorf("proposals on 2026-08-01 = %+v, want Gamma's only", v.Proposals)
	}

	// One bad pick writes nothing: Gamma keeps Silver.
	_, err = svc.ApplyTiers([]views.TierPick{{PartnerID: ids["Gamma"], Tier: "Registered"}, {PartnerID: ids["Beta"], Tier: "Diamond"}}, "2026-08-01", "")
	if !isField(err, "tier") {
		t.Errorf("unknown tier: err = %v, want a validation error on tier", err)
	}
	v, _ = svc.ReviewTiersAsOf("2026-08-01")
	if len(v.Proposals) != 1 || v.Proposals[0].Current != "Silver" {
		t.Errorf("after a refused apply Gamma = %+v, want still Silver", v.Proposals)
	}

	tests := []struct {
		name, from, field string
		picks             []views.TierPick
	}{
		{"no day", "", "from", []views.TierPick{{PartnerID: ids["Gamma"], Tier: "Registered"}}},
		{"bad day", "August", "from", []views.TierPick{{PartnerID: ids["Gamma"], Tier: "Registered"}}},
		{"nothing chosen", "2026-08-01", "tier", nil},
		{"unknown partner", "2026-08-01", "partner", []views.TierPick{{PartnerID: 99, Tier: "Gold"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := svc.ApplyTiers(tt.picks, tt.from, ""); !isField(err, tt.field) {
				t.Errorf("err = %v, want a validation error on %s", err, tt.field)
			}
		})
	}
}

func TestApplyTiersRefusesClosedPeriod(t *testing.T) {
	svc, ids := tierWorld(t)
	if _, err := svc.ClosePeriod("2026-06"); err != nil {
		t.Fatal(err)
	}
	_, err := svc.ApplyTiers([]views.TierPick{{PartnerID: ids["Beta"], Tier: "Silver"}}, "2026-06-01", "")
	if !isField(err, "from") {
		t.Errorf("err = %v, want a validation error on from", err)
	}
}

func TestFirstOfNextMonth(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2026-07-15", "2026-08-01"},
		{"2026-12-31", "2027-01-01"}, // the year rolls over
		{"2026-01-31", "2026-02-01"}, // not 2026-03-03 as adding a month to the 31st would
	}
	for _, tt := range tests {
		if got := app.FirstOfNextMonth(engine.MustDate(tt.in)); got != engine.MustDate(tt.want) {
			t.Errorf("FirstOfNextMonth(%s) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

// isField reports whether err is a validation error naming field.
func isField(err error, field string) bool {
	var one *engine.ValidationError
	if errors.As(err, &one) {
		return one.Field == field
	}
	var many engine.ValidationErrors
	if errors.As(err, &many) {
		for _, e := range many {
			if e.Field == field {
				return true
			}
		}
	}
	return false
}
