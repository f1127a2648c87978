package gui_test

import (
	"testing"

	"partnerdesk/app/demo"
	"partnerdesk/engine"
	"partnerdesk/engine/views"
	"partnerdesk/ui"
)

// TestBackendEntries walks a registration, its decisions, a training, an
// activity and a tier review through the screen's interface over the demo.
func TestServiceEntries(t *testing.T) {
	b, svc := guiBackend(t, demo.Generate(1, engine.MustDate("2026-06-30")), "2026-07-05")
	ps, err := b.Partners("")
	if err != nil || len(ps) == 0 {
		t.Fatalf("partners %d, %v", len(ps), err)
	}
	var p engine.Partner
	var rep engine.Rep
	for _, x := range ps {
		if rs, _ := b.Reps(x.ID); len(rs) > 0 && x.Status == engine.StatusActive {
			p, rep = x, rs[0]
			break
		}
	}
	if p.ID == 0 {
		t.Fatal("the demo has no active partner with a rep")
	}
	co, err := svc.Company()
	if err != nil {
		t.Fatal(err)
	}

	// Picked values go by id: the typed text is ignored.
	r, err := b.AddRegistration(views.RegistrationInput{Partner: "whatever was typed", Rep: "?", PartnerID: p.ID, RepID: rep.ID,
		Customer: "Globex", ExpectedValue: "12000", Submitted: "2026-07-01"})
	if err != nil {
		t.Fatal(err)
	}
	if r.PartnerID != p.ID || r.RepID != rep.ID || r.WindowDays != 90 || r.Decision != engine.DecisionPending {
		t.Errorf("registration = %+v, want %d/%d pending with 90 days", r, p.ID, rep.ID)
	}
	if _, err := b.DecideRegistration(r.ID, string(ui.VerdictApprove), "2026-07-02"); err != nil {
		t.Fatal(err)
	}
	rows, err := b.RecentRegistrations(5)
	if err != nil || len(rows) == 0 {
		t.Fatalf("registrations %d, %v", len(rows), err)
	}
	// Approved 2026-07-02 with 90 days: Jul 2 + 29 = Jul 31, + 31 = Aug 31,
	// + 30 = Sep 30 (90 days).
	top := rows[0]
	if top.Registration.ID != r.ID || top.Partner != p.Name || top.Rep != rep.Name || top.CloseBy != engine.MustDate("2026-09-30") ||
		top.Language != co.Language || top.Currency != co.Currency {
		t.Errorf("newest row = %+v, want registration %d of %s/%s closing by 2026-09-30 in %s", top, r.ID, p.Name, rep.Name, co.Language)
	}
	if _, err := b.DecideRegistration(r.ID, string(ui.VerdictReject), ""); err == nil {
		t.Error("a second decision was accepted")
	}

	tr, err := b.AddTraining(views.TrainingInput{PartnerID: p.ID, RepID: rep.ID, Course: "Admin basics", Completed: "2026-07-03",
		Certification: true, ValidUntil: "2027-07-03"})
	if err != nil || tr.RepID != rep.ID || !tr.Certification {
		t.Fatalf("training %+v, %v", tr, err)
	}
	ts, err := b.RecentTrainings(1)
	if err != nil || len(ts) != 1 || ts[0].Training.ID != tr.ID || ts[0].Partner != p.Name || ts[0].Rep != rep.Name {
		t.Errorf("newest training = %+v, %v; want %d of %s", ts, err, tr.ID, rep.Name)
	}
	a, err := b.AddActivity(views.ActivityInput{PartnerID: p.ID, Type: "webinar", Date: "2026-07-04", Note: "Backup for SMBs"})
	if err != nil || a.PartnerID != p.ID || a.RepID != 0 {
		t.Fatalf("activity %+v, %v", a, err)
	}
	as, err := b.RecentActivities(1)
	if err != nil || len(as) != 1 || as[0].Activity.ID != a.ID || as[0].Partner != p.Name || as[0].Rep != "" {
		t.Errorf("newest activity = %+v, %v", as, err)
	}
	if _, err := b.AddActivity(views.ActivityInput{PartnerID: p.ID}); err == nil {
		t.Error("an activity without a type was accepted")
	}

	rv, err := b.ReviewTiersAsOf("2026-06-30")
	if err != nil {
		t.Fatal(err)
	}
	if rv.EffectiveFrom != engine.MustDate("2026-07-01") || len(rv.Levels) == 0 || rv.Language != co.Language {
		t.Errorf("review effective %s levels %v language %q", rv.EffectiveFrom, rv.Levels, rv.Language)
	}
	if len(rv.Proposals) == 0 {
		t.Fatal("the demo review proposes nothing; the test needs a proposal")
	}
	pr := rv.Proposals[0]
	if pr.Partner == "" || pr.Current == pr.Proposed {
		t.Errorf("proposal %+v, want a named partner and a change", pr)
	}
	got, err := b.ApplyTiers([]views.TierPick{{PartnerID: pr.PartnerID, Tier: pr.Proposed}}, "2026-07-01", "test")
	if err != nil || len(got) != 1 || got[0].Tier != pr.Proposed {
		t.Fatalf("apply %+v, %v", got, err)
	}
	rv, err = b.ReviewTiersAsOf("2026-07-01")
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range rv.Proposals {
		if x.PartnerID == pr.PartnerID {
			t.Errorf("after applying, %s is still proposed: %+v", pr.Partner, x)
		}
	}

	sales, err := b.RecentSales(1)
	if err != nil || len(sales) != 1 || sales[0].Language != co.Language {
		t.Errorf("recent sales %+v, %v; want the company's language %q", sales, err, co.Language)
	}
}

// BenchmarkEntriesReads measures what the screen reads when it comes up
// (three lists of 500) and one tier review, over the demo.
func BenchmarkEntriesReads(b *testing.B) {
	be, _ := guiBackend(b, demo.Generate(1, engine.MustDate("2026-10-31")), "2026-11-05")
	b.Run("lists", func(b *testing.B) {
		for b.Loop() {
			if _, err := be.RecentRegistrations(500); err != nil {
				b.Fatal(err)
			}
			if _, err := be.RecentTrainings(500); err != nil {
				b.Fatal(err)
			}
			if _, err := be.RecentActivities(500); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("tier review", func(b *testing.B) {
		for b.Loop() {
			if _, err := be.ReviewTiersAsOf("2026-10-31"); err != nil {
				b.Fatal(err)
			}
		}
	})
}
