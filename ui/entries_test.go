package ui

import (
	"errors"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/shopspring/decimal"

	"partnerdesk/engine"
	"partnerdesk/engine/i18n"
	"partnerdesk/engine/views"
)

// The sidebar's order is the digits' order: the entry screen is Ctrl+4
// and the screens after it moved one digit down.
func TestEntriesScreenKeepsEveryShortcut(t *testing.T) {
	sc, _, w, _ := newEntriesShell(t)
	s := sc.shell
	if got := s.Current(); got != ScreenEntries {
		t.Fatalf("Ctrl+4 shows %q, want %q", got, ScreenEntries)
	}
	if got := w.Canvas().Focused(); got != sc.reg.pick.partner {
		t.Errorf("focus on show = %T, want the registration's partner field", got)
	}
	for key, want := range map[fyne.KeyName]string{fyne.Key3: ScreenSales, fyne.Key5: ScreenPrograms, fyne.Key6: ScreenPeriodRun, fyne.Key7: ScreenStatements, fyne.Key8: ScreenImport, fyne.Key9: ScreenSettings} {
		shortcut(w.Canvas(), key)
		if got := s.Current(); got != want {
			t.Errorf("Ctrl+%s shows %q, want %q", key, got, want)
		}
	}
	// In the sidebar the screen comes right after Sales.
	specs := registeredScreens()
	for i, spec := range specs {
		if spec.Name == ScreenSales && (i+1 >= len(specs) || specs[i+1].Name != ScreenEntries) {
			t.Errorf("the screen after Sales is not %q", ScreenEntries)
		}
	}
}

func TestEntriesTabsFromTheKeyboard(t *testing.T) {
	sc, _, w, _ := newEntriesShell(t)
	c := w.Canvas()
	// Ctrl+PgDn walks registration -> training -> activity -> tiers ->
	// registration; each tab puts the cursor on its first field.
	want := []fyne.Focusable{sc.train.pick.partner, sc.act.pick.partner, sc.tier.asOf, sc.reg.pick.partner}
	for i, f := range want {
		shortcut(c, fyne.KeyPageDown)
		if got := c.Focused(); got != f {
			t.Errorf("after %d x Ctrl+PgDn focus = %T %p, want %p", i+1, got, got, f)
		}
	}
	shortcut(c, fyne.KeyPageUp)
	if got := sc.tabs.SelectedIndex(); got != tabTiers {
		t.Errorf("Ctrl+PgUp from the first tab shows tab %d, want the last (%d)", got, tabTiers)
	}
}

func TestRegistrationTabOrderFollowsTheEye(t *testing.T) {
	sc, _, w, _ := newEntriesShell(t)
	c := w.Canvas()
	f := sc.reg
	want := []fyne.Focusable{f.pick.rep, f.customer, f.value, f.submitted, f.window, f.save, f.queue, f.table, f.decideOn}
	for i, o := range want {
		test.FocusNext(c)
		if c.Focused() != o {
			t.Fatalf("Tab %d from the partner reaches %T, want %T", i+1, c.Focused(), o)
		}
	}
}

func TestRegistrationFromTheKeyboard(t *testing.T) {
	sc, fe, w, errs := newEntriesShell(t)
	c := w.Canvas()
	f := sc.reg
	if got, want := f.submitted.Text, "2026-07-15"; got != want {
		t.Errorf("submitted on show = %q, want today %q", got, want)
	}
	if got := f.window.Text; got != "90" {
		t.Errorf("window on show = %q, want 90", got)
	}
	// "acme s" picks Acme Srl, "an" its rep Ana Ruiz.
	typeLine(t, c, "acme s", "an", "Globex SpA", "12000")
	press(t, c, fyne.KeyReturn)
	if len(*errs) > 0 {
		t.Fatalf("errors: %v", *errs)
	}
	if len(fe.regIn) != 1 {
		t.Fatalf("backend got %d registrations, want 1", len(fe.regIn))
	}
	want := views.RegistrationInput{Partner: "Acme Srl", Rep: "Ana Ruiz", Customer: "Globex SpA", ExpectedValue: "12000",
		Submitted: "2026-07-15", WindowDays: "90", PartnerID: 1, RepID: 11}
	if got := fe.regIn[0]; got != want {
		t.Errorf("sent\n %+v\nwant\n %+v", got, want)
	}
	// The next one keeps the partner; the cursor waits on the rep.
	if f.pick.partner.Text != "Acme Srl" || f.pick.partner.Picked().ID != 1 || f.pick.rep.Text != "" || f.customer.Text != "" || f.value.Text != "" {
		t.Errorf("next form partner %q (id %d) rep %q customer %q value %q, want Acme Srl and the rest blank",
			f.pick.partner.Text, f.pick.partner.Picked().ID, f.pick.rep.Text, f.customer.Text, f.value.Text)
	}
	if c.Focused() != f.pick.rep {
		t.Errorf("focus after save = %T, want the rep field", c.Focused())
	}
	// Figures follow the window's language: 12000 is 12,000.00 EUR in
	// English, 12.000,00 EUR in Italian.
	if got, want := f.cell(0, 5), i18n.Money(decimal.NewFromInt(12000), engine.NewCurrency("EUR"), Lang()); got != want {
		t.Errorf("expected value in the list = %q, want %q", got, want)
	}
	if !strings.Contains(f.msg.Text, "Saved registration #1") {
		t.Errorf("message = %q, want it to say what was saved", f.msg.Text)
	}

	// A second one without a rep, straight from the rep field.
	typeLine(t, c, "", "", "Initech", "500")
	press(t, c, fyne.KeyReturn)
	if len(fe.regIn) != 2 || fe.regIn[1].PartnerID != 1 || fe.regIn[1].RepID != 0 || fe.regIn[1].Customer != "Initech" {
		t.Fatalf("second registration = %+v, want Acme Srl's for Initech without rep", fe.regIn)
	}
	if got := f.cell(0, 4); got != "Initech" {
		t.Errorf("first row = %q, want the newest (Initech)", got)
	}
}

func TestRegistrationErrorsNextToTheirFields(t *testing.T) {
	sc, fe, w, _ := newEntriesShell(t)
	c := w.Canvas()
	f := sc.reg
	// "zzz" matches no partner and stays typed; no customer; a value that
	// is no number.
	typeLine(t, c, "zzz", "", "", "abc")
	press(t, c, fyne.KeyReturn)
	if len(fe.regIn) != 0 {
		t.Fatalf("a refused registration was stored: %+v", fe.regIn)
	}
	for _, key := range []string{EntryPartner, EntryCustomer, EntryExpectedValue} {
		if f.fs.get(key).Error() == "" {
			t.Errorf("field %s shows no error", key)
		}
	}
	if f.fs.get(EntrySubmitted).Error() != "" {
		t.Errorf("submitted shows %q, want no error", f.fs.get(EntrySubmitted).Error())
	}
	if c.Focused() != f.pick.partner {
		t.Errorf("focus = %T, want the first bad field (partner)", c.Focused())
	}
	// Escape on a picker clears the line but keeps the partner text.
	f.customer.SetText("Globex")
	c.Focus(f.pick.rep)
	press(t, c, fyne.KeyEscape)
	if f.customer.Text != "" || f.fs.get(EntryCustomer).Error() != "" {
		t.Errorf("after Esc customer %q error %q, want both empty", f.customer.Text, f.fs.get(EntryCustomer).Error())
	}
}

// twoPending gives the fake two pending registrations of Acme Srl; the
// list shows Initech's (id 2) first.
func twoPending(fe *fakeEntries) {
	fe.regs = []engine.Registration{
		{ID: 1, PartnerID: 1, RepID: 11, Customer: "Globex", ExpectedValue: decimal.NewFromInt(9000), Submitted: engine.MustDate("2026-07-01"),
			WindowDays: 90, Decision: engine.DecisionPending, Outcome: engine.OutcomeOpen},
		{ID: 2, PartnerID: 1, Customer: "Initech", ExpectedValue: decimal.NewFromInt(500), Submitted: engine.MustDate("2026-07-02"),
			WindowDays: 90, Decision: engine.DecisionPending, Outcome: engine.OutcomeOpen},
	}
}

func TestDecideRegistrationsWithKeys(t *testing.T) {
	sc, fe, w, _ := newEntriesShell(t)
	twoPending(fe)
	c := w.Canvas()
	f := sc.reg
	var asked []string
	sc.shell.confirm = func(_, msg string, answer func(bool)) { asked = append(asked, msg); answer(true) }
	f.load()
	c.Focus(f.table)
	// A letter with no registration chosen decides nothing.
	f.table.TypedRune('a')
	if len(fe.decisions) != 0 || !strings.Contains(f.listMsg.Text, "Choose a registration") {
		t.Fatalf("decisions %v message %q, want none and a hint", fe.decisions, f.listMsg.Text)
	}
	if !f.buttons[VerdictApprove].Disabled() {
		t.Error("Approve is enabled with nothing chosen")
	}
	press(t, c, fyne.KeyDown) // the first row: Initech, pending
	if !strings.Contains(f.chosen.Text, "Initech") || f.buttons[VerdictApprove].Disabled() || !f.buttons[VerdictWon].Disabled() {
		t.Fatalf("chosen %q: want Initech with approve and reject offered, no outcome", f.chosen.Text)
	}
	// W on a pending registration is no valid transition: said, not asked.
	f.table.TypedRune('w')
	if len(fe.decisions) != 0 || len(asked) != 0 || !strings.Contains(f.listMsg.Text, "approve or reject it first") {
		t.Fatalf("W on pending: decisions %v asked %d message %q; want refused with the reason", fe.decisions, len(asked), f.listMsg.Text)
	}
	f.table.TypedRune('A') // upper case works too
	if len(asked) != 1 || !strings.Contains(asked[0], "Approve registration #2") || !strings.Contains(asked[0], "by Giulia") {
		t.Fatalf("asked %q, want the approval confirmed, naming who", asked)
	}
	f.table.TypedRune('w')
	// Approved today 2026-07-15 with 90 days: Jul 15 + 16 = Jul 31, + 31 =
	// Aug 31, + 30 = Sep 30, + 13 = Oct 13.
	if got, want := strings.Join(fe.decisions, "; "), "Initech approve 2026-07-15; Initech won 2026-07-15"; got != want {
		t.Errorf("decisions = %q, want %q", got, want)
	}
	if got := []string{f.cell(0, 6), f.cell(0, 7), f.cell(0, 8), f.cell(0, 9)}; strings.Join(got, " ") != "approved 2026-07-15 2026-10-13 won" {
		t.Errorf("row after decisions = %q, want approved 2026-07-15 2026-10-13 won", got)
	}
	if want := "approved by Giulia on " + uiDay("2026-07-15") + " (window to " + uiDay("2026-10-13") + "), won by Giulia on " + uiDay("2026-07-15"); !strings.Contains(f.chosen.Text, want) {
		t.Errorf("chosen = %q, want who and when: %q", f.chosen.Text, want)
	}
	// Nothing after an outcome: every button off, a letter refused.
	for v, b := range f.buttons {
		if !b.Disabled() {
			t.Errorf("%s is offered after the outcome", v)
		}
	}
	f.table.TypedRune('l')
	if len(fe.decisions) != 2 || !strings.Contains(f.listMsg.Text, "an outcome is final") {
		t.Errorf("L after won: decisions %v message %q, want refused", fe.decisions, f.listMsg.Text)
	}
	// The next row, rejected on a typed day; nothing after a rejection.
	press(t, c, fyne.KeyDown)
	f.decideOn.SetText("2026-07-03")
	f.table.TypedRune('r')
	if got := fe.decisions[len(fe.decisions)-1]; got != "Globex reject 2026-07-03" {
		t.Errorf("last decision = %q, want Globex reject 2026-07-03", got)
	}
	f.table.TypedRune('a')
	if !strings.Contains(f.listMsg.Text, "a rejection is final") || len(fe.decisions) != 3 {
		t.Errorf("message = %q, want the refusal", f.listMsg.Text)
	}
	if c.Focused() != f.table {
		t.Errorf("focus = %T, want the list to keep it", c.Focused())
	}
}

// A bad decision day shows under the day, and No keeps the registration
// as it was.
func TestDecisionDayAndNo(t *testing.T) {
	sc, fe, w, _ := newEntriesShell(t)
	twoPending(fe)
	c := w.Canvas()
	f := sc.reg
	f.load()
	c.Focus(f.table)
	press(t, c, fyne.KeyDown)
	f.decideOn.SetText("03/07/2026")
	f.table.TypedRune('a')
	if f.decideFs.get(EntryDate).Error() == "" {
		t.Error("a bad decision date shows no error under the field")
	}
	f.decideOn.SetText("")
	sc.shell.confirm = func(_, _ string, answer func(bool)) { answer(false) }
	f.table.TypedRune('r')
	if len(fe.decisions) != 0 || fe.regs[1].Decision != engine.DecisionPending {
		t.Errorf("after No: decisions %v, decision %s; want none, still pending", fe.decisions, fe.regs[1].Decision)
	}
}

// A letter typed while a text field has the keyboard goes into the field
// and decides nothing (issue 15.8).
func TestLettersInAFieldNeverDecide(t *testing.T) {
	sc, fe, w, _ := newEntriesShell(t)
	twoPending(fe)
	c := w.Canvas()
	f := sc.reg
	f.load()
	f.choose(0)
	for _, fo := range []fyne.Focusable{f.customer, f.decideOn, f.pick.partner} {
		c.Focus(fo)
		typeKeys(t, c, "awlrx")
	}
	if len(fe.decisions) != 0 || f.customer.Text != "awlrx" || f.decideOn.Text != "awlrx" {
		t.Errorf("decisions %v, customer %q, date %q; want none and the letters in the fields", fe.decisions, f.customer.Text, f.decideOn.Text)
	}
}

// The queue shows only what waits for a decision: pending registrations
// and approved ones whose window ended with no outcome.
func TestRegistrationQueue(t *testing.T) {
	sc, fe, w, _ := newEntriesShell(t)
	twoPending(fe)
	fe.regs = append(fe.regs,
		// Approved 2026-04-01 with 30 days: the window ended 2026-05-01,
		// before today 2026-07-15: it waits for its outcome.
		engine.Registration{ID: 3, PartnerID: 1, Customer: "Umbrella", Submitted: engine.MustDate("2026-03-30"), WindowDays: 30,
			Decision: engine.DecisionApproved, DecidedBy: "Giulia", DecidedOn: engine.MustDate("2026-04-01"), Outcome: engine.OutcomeOpen},
		// Approved 2026-07-01 with 90 days: still inside its window.
		engine.Registration{ID: 4, PartnerID: 1, Customer: "Hooli", Submitted: engine.MustDate("2026-06-30"), WindowDays: 90,
			Decision: engine.DecisionApproved, DecidedBy: "Giulia", DecidedOn: engine.MustDate("2026-07-01"), Outcome: engine.OutcomeOpen},
		engine.Registration{ID: 5, PartnerID: 1, Customer: "Vandelay", Submitted: engine.MustDate("2026-06-30"), WindowDays: 90,
			Decision: engine.DecisionRejected, DecidedBy: "Giulia", DecidedOn: engine.MustDate("2026-07-01"), Outcome: engine.OutcomeOpen},
	)
	c := w.Canvas()
	f := sc.reg
	f.load()
	if len(f.rows) != 5 || f.queue.Text != "Only what waits for a decision (3)" {
		t.Fatalf("rows %d, queue %q; want all 5 and 3 waiting", len(f.rows), f.queue.Text)
	}
	c.Focus(f.queue)
	typeKeys(t, c, " ")
	var got []string
	for i := range f.rows {
		got = append(got, f.cell(i, 4)+":"+f.cell(i, 9))
	}
	if strings.Join(got, " ") != "Umbrella:overdue Initech: Globex:" {
		t.Fatalf("queue = %v, want Umbrella (window ended), Initech and Globex (pending), newest first", got)
	}
	test.FocusNext(c)
	press(t, c, fyne.KeyDown)
	if !strings.Contains(f.chosen.Text, "waits for its outcome: the window ended on 2026-05-01") || f.buttons[VerdictExpired].Disabled() {
		t.Errorf("chosen %q expired disabled %v; want Umbrella waiting for its outcome, expiry offered", f.chosen.Text, f.buttons[VerdictExpired].Disabled())
	}
	f.table.TypedRune('x')
	if len(fe.decisions) != 1 || fe.decisions[0] != "Umbrella expired 2026-07-15" || len(f.rows) != 2 {
		t.Errorf("decisions %v rows %d; want Umbrella expired and gone from the queue", fe.decisions, len(f.rows))
	}
	if !strings.Contains(f.chosen.Text, "Initech") || !strings.Contains(f.listMsg.Text, "Umbrella: expired by Giulia on "+uiDay("2026-07-15")) {
		t.Errorf("chosen %q message %q; want the next in the queue chosen and the decision said", f.chosen.Text, f.listMsg.Text)
	}
}

func TestTrainingKeepsTheCourseForTheNextRep(t *testing.T) {
	sc, fe, w, errs := newEntriesShell(t)
	c := w.Canvas()
	shortcut(c, fyne.KeyPageDown)
	f := sc.train
	// Partner, rep, course; the completion day is today already (Tab over
	// it); Space ticks the certification; then the validity.
	typeLine(t, c, "acme s", "an", "Admin basics")
	test.FocusNext(c)
	test.FocusNext(c)
	typeKeys(t, c, " ")
	test.FocusNext(c)
	typeKeys(t, c, "2027-07-15")
	press(t, c, fyne.KeyReturn)
	if len(*errs) > 0 {
		t.Fatalf("errors: %v", *errs)
	}
	want := views.TrainingInput{Partner: "Acme Srl", Rep: "Ana Ruiz", Course: "Admin basics", Completed: "2026-07-15",
		Certification: true, ValidUntil: "2027-07-15", PartnerID: 1, RepID: 11}
	if len(fe.trainings) != 1 || fe.trainings[0] != want {
		t.Fatalf("sent %+v, want %+v", fe.trainings, want)
	}
	if c.Focused() != f.pick.rep || f.pick.rep.Text != "" || f.course.Text != "Admin basics" || !f.cert.Checked {
		t.Errorf("next form: focus %T rep %q course %q cert %v, want the rep blank and focused, the rest kept",
			c.Focused(), f.pick.rep.Text, f.course.Text, f.cert.Checked)
	}
	// The next rep of the same course: type a name and Enter.
	typeKeys(t, c, "mar")
	press(t, c, fyne.KeyReturn)
	if len(fe.trainings) != 2 || fe.trainings[1].RepID != 12 || fe.trainings[1].Course != "Admin basics" {
		t.Fatalf("second training = %+v, want Marco Bianchi's Admin basics", fe.trainings)
	}
	if got := f.cell(0, 3); got != "Marco Bianchi" {
		t.Errorf("first row rep = %q, want the newest (Marco Bianchi)", got)
	}
	// No rep: the error sits under the rep.
	press(t, c, fyne.KeyReturn)
	if f.fs.get(EntryRep).Error() == "" || len(fe.trainings) != 2 {
		t.Errorf("without a rep: error %q, %d stored; want an error under rep and nothing stored", f.fs.get(EntryRep).Error(), len(fe.trainings))
	}
}

func TestActivityTypePickedOrTyped(t *testing.T) {
	sc, fe, w, _ := newEntriesShell(t)
	c := w.Canvas()
	shortcut(c, fyne.KeyPageDown)
	shortcut(c, fyne.KeyPageDown)
	f := sc.act
	if c.Focused() != f.pick.partner {
		t.Fatalf("focus = %T, want the activity's partner", c.Focused())
	}
	// "nimb" picks Nimbus Cloud GmbH, no rep, "jo" picks joint call, the
	// date is today already, then the note.
	typeLine(t, c, "nimb", "", "jo")
	test.FocusNext(c)
	test.FocusNext(c)
	typeKeys(t, c, "Kick-off with Globex")
	press(t, c, fyne.KeyReturn)
	want := views.ActivityInput{Partner: "Nimbus Cloud GmbH", Type: "joint call", Date: "2026-07-15", Note: "Kick-off with Globex", PartnerID: 2}
	if len(fe.activities) != 1 || fe.activities[0] != want {
		t.Fatalf("sent %+v, want %+v", fe.activities, want)
	}
	// A word that is not on the list is kept as typed.
	test.FocusNext(c)
	typeKeys(t, c, "survey")
	press(t, c, fyne.KeyReturn)
	if len(fe.activities) != 2 || fe.activities[1].Type != "survey" || fe.activities[1].PartnerID != 2 {
		t.Fatalf("second activity = %+v, want Nimbus's survey", fe.activities)
	}
	if got := f.cell(0, 4); got != "survey" {
		t.Errorf("first row type = %q, want survey", got)
	}
	// No type: the reason sits under the type.
	press(t, c, fyne.KeyReturn)
	if f.fs.get(EntryType).Error() == "" {
		t.Error("an activity without a type shows no error under the type")
	}
}

// threeProposals is a review as of 2026-07-15 whose third proposal was
// applied before.
func threeProposals() views.TierReviewView {
	dec := decimal.RequireFromString
	return views.TierReviewView{
		AsOf: engine.MustDate("2026-07-15"), From: engine.MustDate("2025-07-16"), To: engine.MustDate("2026-07-15"),
		EffectiveFrom: engine.MustDate("2026-08-01"), Levels: []string{"Registered", "Silver", "Gold"},
		Currency: engine.NewCurrency("EUR"), Language: "it",
		Proposals: []views.TierProposalView{
			{TierProposal: engine.TierProposal{PartnerID: 1, Current: "Registered", Proposed: "Gold",
				Evidence: engine.TierEvidence{Revenue: dec("6000"), Units: dec("60"), Certifications: 1, WonRegistrations: 1}}, Partner: "Acme Srl", Promotion: true},
			{TierProposal: engine.TierProposal{PartnerID: 2, Current: "Silver", Proposed: "Registered"}, Partner: "Nimbus Cloud GmbH"},
			{TierProposal: engine.TierProposal{PartnerID: 4, Current: "Registered", Proposed: "Silver",
				Evidence: engine.TierEvidence{Revenue: dec("1200")}}, Partner: "Acme Distribution BV", Promotion: true, Scheduled: "Silver", ScheduledFrom: engine.MustDate("2026-08-01")},
		},
	}
}

func TestTierReviewTicksAndApplies(t *testing.T) {
	sc, fe, w, _ := newEntriesShell(t)
	fe.review = threeProposals()
	c := w.Canvas()
	p := sc.tier
	shortcut(c, fyne.KeyPageUp) // the last tab
	if c.Focused() != p.asOf {
		t.Fatalf("focus = %T, want the review day", c.Focused())
	}
	if !p.apply.Disabled() {
		t.Error("Apply is enabled before a review")
	}
	typeKeys(t, c, "2026-07-15")
	press(t, c, fyne.KeyReturn)
	if got := fe.reviewAsOf; len(got) != 1 || got[0] != "2026-07-15" {
		t.Fatalf("reviews asked = %q, want one as of 2026-07-15", got)
	}
	// Only the promotion not applied yet is ticked: the demotion waits for
	// a person, the third was applied before.
	if got := p.count.Text; got != "1 of 3 ticked" {
		t.Errorf("count = %q, want 1 of 3 ticked", got)
	}
	if got, want := p.from.Text, "2026-08-01"; got != want {
		t.Errorf("effective from = %q, want %q", got, want)
	}
	// 6000 in Italian notation; the applied one says so.
	cells := []string{p.cell(0, 0), p.cell(0, 4), p.cell(0, 5), p.cell(1, 4), p.cell(2, 0), p.cell(2, 9)}
	want := []string{"✓", "↑ up", i18n.Money(decimal.NewFromInt(6000), engine.NewCurrency("EUR"), Lang()), "↓ down", "·", "Silver from " + uiDay("2026-08-01")}
	for i := range want {
		if cells[i] != want[i] {
			t.Errorf("cell %d = %q, want %q", i, cells[i], want[i])
		}
	}
	if !strings.Contains(p.summary.Text, "2 promotions, 1 demotions") {
		t.Errorf("summary = %q, want the counts", p.summary.Text)
	}
	// The list has the keyboard: Space unticks Acme Srl, ↓ then Space
	// ticks Nimbus.
	if c.Focused() != p.table {
		t.Fatalf("focus after the review = %T, want the list", c.Focused())
	}
	typeKeys(t, c, " ")
	press(t, c, fyne.KeyDown)
	typeKeys(t, c, " ")
	if got := p.count.Text; got != "1 of 3 ticked" {
		t.Errorf("count after Space = %q, want 1 of 3 ticked", got)
	}
	shortcut(c, fyne.KeyS) // Ctrl+S applies
	if len(fe.applied) != 1 || fe.applied[0] != (views.TierPick{PartnerID: 2, Tier: "Registered"}) || fe.appliedFrom != "2026-08-01" {
		t.Fatalf("applied %+v from %q, want Nimbus to Registered from 2026-08-01", fe.applied, fe.appliedFrom)
	}
	if fe.appliedNote != "Tier review as of 2026-07-15" {
		t.Errorf("note = %q, want the default", fe.appliedNote)
	}
	if !strings.Contains(p.msg.Text, "Applied 1 tier change from 2026-08-01") {
		t.Errorf("message = %q, want what was applied", p.msg.Text)
	}
	// The review is run again: Nimbus now shows its change and is not
	// ticked any more.
	if got := p.cell(1, 9); got != "Registered from "+uiDay("2026-08-01") {
		t.Errorf("Nimbus after apply = %q, want Registered from 2026-08-01", got)
	}
	// A refused day shows under the day.
	fe.applyErr = engine.Invalid(EntryFrom, "2026-06-01 lies in a closed period: choose a day in an open one")
	p.chooseAll(true)
	p.onApply()
	if got := p.fs.get(EntryFrom).Error(); !strings.Contains(got, "closed period") {
		t.Errorf("error under effective from = %q, want the reason", got)
	}
	// A bad review day shows under the review day.
	p.asOf.SetText("15.07.2026")
	p.onReview()
	if p.fs.get(EntryAsOf).Error() == "" {
		t.Error("a bad review day shows no error")
	}
}

func TestTierReviewWithoutLadder(t *testing.T) {
	sc, fe, _, _ := newEntriesShell(t)
	fe.review = views.TierReviewView{AsOf: engine.MustDate("2026-07-15")}
	sc.tier.onReview()
	if !strings.Contains(sc.tier.summary.Text, "no tier ladder") || !sc.tier.apply.Disabled() {
		t.Errorf("summary %q apply disabled %v, want a word about the ladder and nothing to apply", sc.tier.summary.Text, sc.tier.apply.Disabled())
	}
}

func TestEntriesScreenWithoutService(t *testing.T) {
	s, _, _, _ := newTestShell(t)
	if _, ok := s.Screen(ScreenEntries).(missingScreen); !ok {
		t.Errorf("without an EntriesService the screen is %T, want the missing-screen note", s.Screen(ScreenEntries))
	}
}

func TestEntriesLoadErrorsAreSaid(t *testing.T) {
	sc, _, _, _ := newEntriesShell(t)
	svc := &failingEntries{fakeEntries: newFakeEntries()}
	sc.svc = svc
	sc.reg.load()
	if !strings.Contains(sc.reg.listMsg.Text, "Load registrations") {
		t.Errorf("message = %q, want the failure said", sc.reg.listMsg.Text)
	}
}

// failingEntries cannot read its registrations.
type failingEntries struct{ *fakeEntries }

func (f *failingEntries) RecentRegistrations(int) ([]views.RegistrationView, error) {
	return nil, errors.New("disk on fire")
}

// Figures follow the window's language (issue #15.13), not the company's.
func TestRecentSalesFollowTheWindowLanguage(t *testing.T) {
	defer SetLang("en")
	// 2.5 x 493.80 = 1,234.50.
	row := views.SaleRow{Sale: engine.Sale{Quantity: decimal.RequireFromString("2.5"), UnitPrice: decimal.RequireFromString("493.80"),
		Net: decimal.RequireFromString("1234.50")}, Currency: engine.NewCurrency("EUR")}
	tests := []struct {
		lang, qty, price, net string
	}{
		{"it", "2,5", "493,80", "1.234,50 EUR"},
		{"fr", "2,5", "493,80", "1\u202f234,50 EUR"},
		{"", "2.5", "493.80", "1,234.50 EUR"}, // no language: English
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			r := row
			r.Language = "de" // the company's: not what the window shows
			SetLang(tt.lang)
			sc := &salesScreen{recent: []views.SaleRow{r}}
			got := []string{sc.recentCell(0, 5), sc.recentCell(0, 6), sc.recentCell(0, 7)}
			want := []string{tt.qty, tt.price, tt.net}
			for i := range want {
				if got[i] != want[i] {
					t.Errorf("column %d = %q, want %q", i+5, got[i], want[i])
				}
			}
		})
	}
}

// TestEntriesLook checks that every tab fits the 1280 x 800 window with
// data on show, and writes PNGs when PARTNERDESK_LOOK names a directory.
func TestEntriesLook(t *testing.T) {
	dir := os.Getenv("PARTNERDESK_LOOK")
	sc, fe, w, _ := newEntriesShell(t)
	test.ApplyTheme(t, NewTheme())
	twoPending(fe)
	fe.review = threeProposals()
	sc.reload()
	sc.tier.onReview()
	for i, name := range []string{"registration", "training", "activity", "tiers"} {
		sc.tabs.SelectIndex(i)
		min := sc.shell.Content().MinSize()
		if min.Width > 1280 || min.Height > 800 {
			t.Errorf("tab %s needs %v, more than the 1280x800 window", name, min)
		}
		if dir == "" {
			continue
		}
		f, err := os.Create(filepath.Join(dir, "entries-"+name+".png"))
		if err != nil {
			t.Fatal(err)
		}
		if err := png.Encode(f, w.Canvas().Capture()); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
}

// The registration form's text fields work as the sale form's: Shift+Tab
// back into one selects its text, Esc clears the typed record and keeps
// the partner.
func TestRegistrationFieldsSelectAndEscClears(t *testing.T) {
	sc, fe, w, _ := newEntriesShell(t)
	c := w.Canvas()
	f := sc.reg
	typeKeys(t, c, "acme s")
	test.FocusNext(c)
	test.FocusNext(c)
	typeKeys(t, c, "Globex")
	test.FocusNext(c)
	typeKeys(t, c, "5000")
	test.FocusPrevious(c)
	typeKeys(t, c, "Initech")
	if f.customer.Text != "Initech" {
		t.Errorf("customer = %q, want Initech in place of Globex", f.customer.Text)
	}
	press(t, c, fyne.KeyEscape)
	if f.customer.Text != "" || f.value.Text != "" || f.pick.partner.Text != "Acme Srl" || len(fe.regIn) != 0 {
		t.Errorf("after Esc: customer %q value %q partner %q saved %d; want the record cleared, the partner kept, nothing saved",
			f.customer.Text, f.value.Text, f.pick.partner.Text, len(fe.regIn))
	}
}

// uiDay is a day as the window writes it (in the operator's language).
func uiDay(d string) string { return i18n.Date(engine.MustDate(d), Lang()) }
