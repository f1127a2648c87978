package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/shopspring/decimal"

	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// fakeEntries is the fake backend with the EntriesService: it keeps what
// the forms send and refuses what the app refuses most often (no customer,
// no course, no rep for a training, a second decision).
type fakeEntries struct {
	*fakeBackend

	regs       []engine.Registration
	regIn      []views.RegistrationInput
	trainings  []views.TrainingInput
	activities []views.ActivityInput
	decisions  []string // "id verdict date"

	review      views.TierReviewView
	reviewAsOf  []string
	applied     []views.TierPick
	appliedFrom string
	appliedNote string
	applyErr    error
}

var _ EntriesService = (*fakeEntries)(nil)

func newFakeEntries() *fakeEntries { return &fakeEntries{fakeBackend: newFake()} }

func (f *fakeEntries) partnerName(id engine.ID) string {
	for _, p := range f.partners {
		if p.ID == id {
			return p.Name
		}
	}
	return ""
}

func (f *fakeEntries) repName(id engine.ID) string {
	for _, r := range f.reps {
		if r.ID == id {
			return r.Name
		}
	}
	return ""
}

func (f *fakeEntries) AddRegistration(in views.RegistrationInput) (engine.Registration, error) {
	var errs engine.ValidationErrors
	if in.PartnerID == 0 {
		errs = append(errs, &engine.ValidationError{Field: EntryPartner, Reason: "no partner has that name"})
	}
	if in.Customer == "" {
		errs = append(errs, &engine.ValidationError{Field: EntryCustomer, Reason: "name the customer the deal is with"})
	}
	v, err := decimal.NewFromString(in.ExpectedValue)
	if err != nil {
		errs = append(errs, &engine.ValidationError{Field: EntryExpectedValue, Reason: "write the value as a number"})
	}
	sub, err := engine.ParseDate(in.Submitted)
	if err != nil {
		errs = append(errs, &engine.ValidationError{Field: EntrySubmitted, Reason: err.Error()})
	}
	if len(errs) > 0 {
		return engine.Registration{}, errs
	}
	f.regIn = append(f.regIn, in)
	r := engine.Registration{ID: engine.ID(len(f.regs) + 1), PartnerID: in.PartnerID, RepID: in.RepID, Customer: in.Customer,
		ExpectedValue: v, Submitted: sub, WindowDays: 90, Decision: engine.DecisionPending, Outcome: engine.OutcomeOpen}
	f.regs = append(f.regs, r)
	return r, nil
}

func (f *fakeEntries) DecideRegistration(id engine.ID, verdict, on string) (engine.Registration, error) {
	v := Verdict(verdict)
	day := f.today
	if on != "" {
		d, err := engine.ParseDate(on)
		if err != nil {
			return engine.Registration{}, engine.Invalid(EntryDate, "%s", err.Error())
		}
		day = d
	}
	for i := range f.regs {
		r := &f.regs[i]
		if r.ID != id {
			continue
		}
		// The app's rule, as the app applies it.
		if err := engine.DecideRegistration(r, engine.Verdict(v), f.operator, day); err != nil {
			return *r, err
		}
		f.decisions = append(f.decisions, strings.TrimSpace(strings.Join([]string{r.Customer, string(v), day.String()}, " ")))
		return *r, nil
	}
	return engine.Registration{}, engine.Invalid(EntryRegistration, "there is no registration %d", id)
}

func (f *fakeEntries) RecentRegistrations(limit int) ([]views.RegistrationView, error) {
	var out []views.RegistrationView
	for i := len(f.regs) - 1; i >= 0 && len(out) < limit; i-- {
		r := f.regs[i]
		row := views.RegistrationView{Registration: r, Partner: f.partnerName(r.PartnerID), Rep: f.repName(r.RepID),
			Currency: f.company.Currency, Language: f.company.Language}
		row.CloseBy = r.CloseBy()
		row.Waiting, _ = engine.RegistrationWaits(r, f.today)
		out = append(out, row)
	}
	return out, nil
}

func (f *fakeEntries) AddTraining(in views.TrainingInput) (engine.Training, error) {
	switch {
	case in.RepID == 0:
		return engine.Training{}, engine.Invalid(EntryRep, "the partner has no rep %q", in.Rep)
	case in.Course == "":
		return engine.Training{}, engine.Invalid(EntryCourse, "name the course")
	case in.ValidUntil != "" && !in.Certification:
		return engine.Training{}, engine.Invalid(EntryValidUntil, "only a certification has a validity")
	}
	f.trainings = append(f.trainings, in)
	done, _ := engine.ParseDate(in.Completed)
	until, _ := engine.ParseDate(in.ValidUntil)
	return engine.Training{ID: engine.ID(len(f.trainings)), RepID: in.RepID, Course: in.Course, Completed: done,
		Certification: in.Certification, ValidUntil: until}, nil
}

func (f *fakeEntries) RecentTrainings(limit int) ([]views.TrainingView, error) {
	var out []views.TrainingView
	for i := len(f.trainings) - 1; i >= 0 && len(out) < limit; i-- {
		in := f.trainings[i]
		done, _ := engine.ParseDate(in.Completed)
		out = append(out, views.TrainingView{Training: engine.Training{ID: engine.ID(i + 1), RepID: in.RepID, Course: in.Course,
			Completed: done, Certification: in.Certification}, Partner: f.partnerName(in.PartnerID), Rep: f.repName(in.RepID)})
	}
	return out, nil
}

func (f *fakeEntries) AddActivity(in views.ActivityInput) (engine.Activity, error) {
	if in.Type == "" {
		return engine.Activity{}, engine.Invalid(EntryType, "say what kind of activity it was")
	}
	f.activities = append(f.activities, in)
	d, _ := engine.ParseDate(in.Date)
	return engine.Activity{ID: engine.ID(len(f.activities)), PartnerID: in.PartnerID, RepID: in.RepID, Type: in.Type, Date: d, Note: in.Note}, nil
}

func (f *fakeEntries) RecentActivities(limit int) ([]views.ActivityView, error) {
	var out []views.ActivityView
	for i := len(f.activities) - 1; i >= 0 && len(out) < limit; i-- {
		in := f.activities[i]
		d, _ := engine.ParseDate(in.Date)
		out = append(out, views.ActivityView{Activity: engine.Activity{ID: engine.ID(i + 1), Type: in.Type, Date: d, Note: in.Note},
			Partner: f.partnerName(in.PartnerID), Rep: f.repName(in.RepID)})
	}
	return out, nil
}

func (f *fakeEntries) ReviewTiersAsOf(asOf string) (views.TierReviewView, error) {
	f.reviewAsOf = append(f.reviewAsOf, asOf)
	if asOf != "" {
		if _, err := engine.ParseDate(asOf); err != nil {
			return views.TierReviewView{}, engine.Invalid(EntryAsOf, "%s", err.Error())
		}
	}
	return f.review, nil
}

func (f *fakeEntries) ApplyTiers(picks []views.TierPick, from, note string) ([]engine.TierChange, error) {
	if f.applyErr != nil {
		return nil, f.applyErr
	}
	d, err := engine.ParseDate(from)
	if err != nil {
		return nil, engine.Invalid(EntryFrom, "%s", err.Error())
	}
	f.applied, f.appliedFrom, f.appliedNote = picks, from, note
	var out []engine.TierChange
	for i, p := range picks {
		out = append(out, engine.TierChange{ID: engine.ID(i + 1), PartnerID: p.PartnerID, Tier: p.Tier, From: d, Note: note})
		for j := range f.review.Proposals {
			if f.review.Proposals[j].PartnerID == p.PartnerID {
				f.review.Proposals[j].Scheduled, f.review.Proposals[j].ScheduledFrom = p.Tier, d
			}
		}
	}
	return out, nil
}

// newEntriesShell opens a shell over the entries fake in a 1280 x 800
// test window, on the registrations & activity screen. Dialogs answer yes
// and errors are collected.
func newEntriesShell(tb testing.TB) (*entriesScreen, *fakeEntries, fyne.Window, *[]error) {
	tb.Helper()
	a := test.NewTempApp(tb)
	fe := newFakeEntries()
	w := test.NewTempWindow(tb, nil)
	s := NewShell(w, a, fe)
	w.SetContent(s.Content())
	w.Resize(fyne.NewSize(1280, 800))
	var errs []error
	s.showError = func(err error) { errs = append(errs, err) }
	s.confirm = func(_, _ string, answer func(bool)) { answer(true) }
	s.async = func(f func()) { f() }
	shortcut(w.Canvas(), fyne.Key4)
	sc, ok := s.Screen(ScreenEntries).(*entriesScreen)
	if !ok {
		tb.Fatalf("screen %q is %T, want *entriesScreen", ScreenEntries, s.Screen(ScreenEntries))
	}
	return sc, fe, w, &errs
}
