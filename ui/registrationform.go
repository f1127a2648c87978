package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partnerdesk/engine"
	"partnerdesk/engine/i18n"
	"partnerdesk/engine/views"
)

// registrationForm enters deal registrations and decides them in the list
// under it.
type registrationForm struct {
	sc   *entriesScreen
	fs   fields
	pick *partnerPicker

	customer  *formEntry
	value     *formEntry
	submitted *formEntry
	window    *formEntry
	save      *widget.Button
	msg       formMessage

	all      []views.RegistrationView // as loaded, newest first
	rows     []views.RegistrationView // on show: all, or the queue
	queue    *widget.Check            // only what waits for a decision
	sel      int                      // index in rows of the chosen registration; -1: none
	table    *keyTable
	decideOn *widget.Entry
	decideFs fields
	chosen   *widget.Label
	buttons  map[Verdict]*widget.Button
	listMsg  formMessage

	content fyne.CanvasObject
}

// verdictKeys are the letters that decide the chosen registration while
// the list has the keyboard.
var verdictKeys = map[rune]Verdict{
	'a': VerdictApprove, 'r': VerdictReject, 'w': VerdictWon, 'l': VerdictLost, 'x': VerdictExpired,
}

func newRegistrationForm(sc *entriesScreen) *registrationForm {
	f := &registrationForm{sc: sc, sel: -1, msg: newFormMessage(), listMsg: newFormMessage(), buttons: map[Verdict]*widget.Button{}}
	f.pick = newPartnerPicker(sc.svc, sc.shell.ShowError, T("Optional"))
	f.customer = submitEntry(T("Customer name"), f.onSave)
	f.value = submitEntry("0.00", f.onSave)
	f.submitted = submitEntry("2026-07-31", f.onSave)
	f.window = submitEntry("90", f.onSave)
	wireSave(f.onSave, func() { f.clear(true) }, f.pick.partner, f.pick.rep, f.customer, f.value, f.submitted, f.window)
	f.save = widget.NewButtonWithIcon(T("Save registration"), theme.ConfirmIcon(), f.onSave)
	f.save.Importance = widget.HighImportance

	add := func(key, label string, in fyne.CanvasObject) fyne.CanvasObject {
		return f.fs.add(newField(key, label, in)).Cell()
	}
	grid := container.NewGridWithColumns(4,
		add(EntryPartner, T("Partner"), f.pick.partner),
		add(EntryRep, T("Rep"), f.pick.rep),
		add(EntryCustomer, T("Customer"), f.customer),
		add(EntryExpectedValue, T("Expected value"), f.value),
		add(EntrySubmitted, T("Submitted"), f.submitted),
		add(EntryWindowDays, T("Window to close (days)"), f.window),
		widget.NewLabel(""),
		saveCell(f.save),
	)

	cols := []column{
		{T("#"), 44, fyne.TextAlignTrailing},
		{T("Submitted"), 92, fyne.TextAlignLeading},
		{T("Partner"), 136, fyne.TextAlignLeading},
		{T("Rep"), 96, fyne.TextAlignLeading},
		{T("Customer"), 120, fyne.TextAlignLeading},
		{T("Value"), 112, fyne.TextAlignTrailing},
		{T("Decision"), 88, fyne.TextAlignLeading},
		{T("Decided"), 92, fyne.TextAlignLeading},
		{T("Close by"), 92, fyne.TextAlignLeading},
		{T("Outcome"), 84, fyne.TextAlignLeading},
	}
	f.table = newKeyTable(cols, func() int { return len(f.rows) }, f.cell, func(row int) bool { return row == f.sel })
	f.table.onChoose = f.choose
	f.table.onRune = func(r rune) bool {
		v, ok := verdictKeys[r]
		if ok {
			f.decide(v)
		}
		return ok
	}

	f.decideOn = widget.NewEntry()
	f.decideOn.PlaceHolder = T("Today")
	on := f.decideFs.add(newField(EntryDate, T("Decision date"), f.decideOn))
	f.chosen = widget.NewLabel(T("Click a registration, or use ↓ ↑ in the list."))
	f.chosen.Truncation = fyne.TextTruncateEllipsis
	actions := container.NewHBox()
	for _, a := range []struct {
		v     Verdict
		label string
		icon  fyne.Resource
	}{
		{VerdictApprove, "Approve (A)", theme.ConfirmIcon()},
		{VerdictReject, "Reject (R)", theme.CancelIcon()},
		{VerdictWon, "Won (W)", theme.MoveUpIcon()},
		{VerdictLost, "Lost (L)", theme.MoveDownIcon()},
		{VerdictExpired, "Expired (X)", theme.HistoryIcon()},
	} {
		v := a.v
		b := widget.NewButtonWithIcon(tableText(a.label), a.icon, func() { f.decide(v) })
		f.buttons[v] = b
		actions.Add(b)
	}
	dateBox := container.NewBorder(nil, nil, on.label, nil, container.NewGridWrap(fyne.NewSize(120, f.decideOn.MinSize().Height), f.decideOn))
	// The chosen registration (with who decided what and when) gets a
	// line of its own over the buttons, so that it is not cut short.
	bar := container.NewVBox(f.chosen, container.NewBorder(nil, nil, dateBox, actions))
	f.queue = widget.NewCheck(T("Only what waits for a decision"), func(bool) { f.filter() })
	listHead := container.NewBorder(nil, nil, container.NewHBox(sectionTitle(T("Registrations, newest first")), f.queue), nil, f.listMsg.Label)
	// The decision date's reason goes to the list's message line, so the
	// bar keeps one line.
	list := inOrder(listHead, f.table.fit(2), bar)
	f.content = inOrder(formTop(T("New deal registration"), f.msg, grid), list, nil)
	f.enable()
	return f
}

// defaults fills the dates and the window of a blank form.
func (f *registrationForm) defaults() {
	if f.submitted.Text == "" {
		f.submitted.SetText(f.sc.svc.Today().String())
	}
	if f.window.Text == "" {
		f.window.SetText("90")
	}
}

func (f *registrationForm) load() {
	rows, err := f.sc.svc.RecentRegistrations(listLimit)
	if err != nil {
		f.listMsg.bad(sentence(fmt.Errorf("load registrations: %w", err)))
		return
	}
	f.all = rows
	f.filter()
}

// filter shows every registration, or only the queue of those that wait
// for a decision (engine.RegistrationWaits, said in each row's Waiting),
// keeping the chosen one chosen while it is on show.
func (f *registrationForm) filter() {
	var keep engine.ID
	if f.sel >= 0 && f.sel < len(f.rows) {
		keep = f.rows[f.sel].Registration.ID
	}
	waiting := 0
	f.rows = f.rows[:0:0]
	for _, r := range f.all {
		if r.Waiting != "" {
			waiting++
		}
		if !f.queue.Checked || r.Waiting != "" {
			f.rows = append(f.rows, r)
		}
	}
	f.queue.Text = Tf("Only what waits for a decision (%d)", waiting)
	f.queue.Refresh()
	// The chosen registration stays chosen; when it left the queue (it
	// was just decided), the one now in its place is, so that the next
	// decision is one key away.
	at := f.sel
	f.sel = -1
	for i, r := range f.rows {
		if keep != 0 && r.Registration.ID == keep {
			f.sel = i
		}
	}
	if f.sel < 0 && keep != 0 && f.queue.Checked && at >= 0 && len(f.rows) > 0 {
		f.sel = min(at, len(f.rows)-1)
	}
	f.table.Refresh()
	f.showChosen()
}

func (f *registrationForm) cell(row, col int) string {
	if row >= len(f.rows) {
		return ""
	}
	r := f.rows[row]
	g := r.Registration
	switch col {
	case 0:
		return fmt.Sprint(g.ID)
	case 1:
		return g.Submitted.String()
	case 2:
		return r.Partner
	case 3:
		return r.Rep
	case 4:
		return g.Customer
	case 5:
		return i18n.Money(g.ExpectedValue, r.Currency, Lang())
	case 6:
		return regWord(string(g.Decision))
	case 7:
		return g.DecidedOn.String()
	case 8:
		return r.CloseBy.String()
	case 9:
		if g.Outcome == engine.OutcomeOpen || g.Outcome == "" {
			if r.Waiting != "" && g.Decision == engine.DecisionApproved {
				return T("overdue")
			}
			return ""
		}
		return regWord(string(g.Outcome))
	}
	return ""
}

// choose makes row the registration the buttons and keys act on.
func (f *registrationForm) choose(row int) {
	if row < 0 || row >= len(f.rows) {
		return
	}
	f.sel = row
	f.table.Refresh()
	f.table.ScrollTo(widget.TableCellID{Row: row, Col: 0})
	f.showChosen()
}

func (f *registrationForm) showChosen() {
	f.enable()
	if f.sel < 0 {
		f.chosen.SetText(T("Click a registration, or use ↓ ↑ in the list."))
		return
	}
	r := f.rows[f.sel]
	text := fmt.Sprintf("#%d %s · %s · %s", r.Registration.ID, r.Partner, r.Registration.Customer, stateOf(r.Registration))
	if r.Waiting != "" {
		text += " · " + Tf("waits for %s", r.Waiting)
	}
	f.chosen.SetText(text)
}

// stateOf says where a registration stands, who decided and when.
func stateOf(g engine.Registration) string {
	s := regWord(string(g.Decision)) + whoWhen(g.DecidedBy, g.DecidedOn)
	if g.Decision == engine.DecisionApproved && !g.CloseBy().IsZero() {
		s += " " + Tf("(window to %s)", i18n.Date(g.CloseBy(), Lang()))
	}
	if g.Outcome != engine.OutcomeOpen && g.Outcome != "" {
		s += ", " + regWord(string(g.Outcome)) + whoWhen(g.OutcomeBy, g.OutcomeOn)
	}
	return s
}

// whoWhen is " by X on D", leaving out what is unknown.
func whoWhen(by string, on engine.Date) string {
	s := ""
	if by != "" {
		s += " " + Tf("by %s", by)
	}
	if !on.IsZero() {
		s += " " + Tf("on %s", i18n.Date(on, Lang()))
	}
	return s
}

// enable offers only the decisions the chosen registration can take
// today (engine.RegistrationVerdicts, the rule the back end applies):
// approve and reject while pending, an outcome once approved, nothing
// after a rejection or an outcome.
func (f *registrationForm) enable() {
	can := map[Verdict]bool{}
	if f.sel >= 0 && f.sel < len(f.rows) {
		for _, v := range engine.RegistrationVerdicts(f.rows[f.sel].Registration, f.sc.svc.Today()) {
			can[Verdict(v)] = true
		}
	}
	for v, b := range f.buttons {
		if can[v] {
			b.Enable()
		} else {
			b.Disable()
		}
	}
}

// verdictWords are how the confirmation names each verdict.
var verdictWords = map[Verdict][2]string{
	VerdictApprove: {"Approve", "approve"}, VerdictReject: {"Reject", "reject"},
	VerdictWon: {"Mark won", "mark as won"}, VerdictLost: {"Mark lost", "mark as lost"}, VerdictExpired: {"Mark expired", "mark as expired"},
}

// decide sends v for the chosen registration once confirmed. A verdict
// the registration cannot take is refused with the reason, and no
// question is asked; every decision is final, so each is confirmed.
func (f *registrationForm) decide(v Verdict) {
	if f.sel < 0 || f.sel >= len(f.rows) {
		f.listMsg.bad(T("Choose a registration in the list first."))
		return
	}
	r := f.rows[f.sel]
	if err := engine.CanDecide(r.Registration, engine.Verdict(v), f.sc.svc.Today()); err != nil {
		if byField, ok := fieldErrors(err); !ok || byField[EntryDate] == "" {
			f.listMsg.bad(sentence(err))
			return
		}
		// A date reason (the window has not ended yet for today) may not
		// hold for a typed decision day: the back end decides.
	}
	run := func() {
		f.decideFs.clearErrors()
		got, err := f.sc.svc.DecideRegistration(r.Registration.ID, string(v), trimmed(f.decideOn))
		if err != nil {
			if byField, ok := fieldErrors(err); ok && byField[EntryDate] != "" {
				f.decideFs.get(EntryDate).SetError(byField[EntryDate])
				f.listMsg.bad(Tf("Decision date: %s", byField[EntryDate]))
				return
			}
			f.listMsg.bad(sentence(err))
			return
		}
		now := regWord(string(got.Outcome)) + whoWhen(got.OutcomeBy, got.OutcomeOn)
		if v == VerdictApprove || v == VerdictReject {
			now = regWord(string(got.Decision)) + whoWhen(got.DecidedBy, got.DecidedOn)
		}
		f.listMsg.ok(Tf("#%d %s: %s.", got.ID, got.Customer, now))
		f.load()
		f.sc.focus(f.table)
	}
	words := verdictWords[v]
	on := trimmed(f.decideOn)
	if on == "" {
		on = f.sc.svc.Today().String()
	}
	f.sc.shell.Confirm(tableText(words[0])+"?", Tf("%s registration #%d of %s for %s (%s), dated %s, by %s?\n\nNow: %s.\nA decision cannot be changed afterwards.",
		capitalize(tableText(words[1])), r.Registration.ID, r.Partner, r.Registration.Customer, i18n.Money(r.Registration.ExpectedValue, r.Currency, Lang()),
		on, f.operator(), stateOf(r.Registration)),
		func(yes bool) {
			if yes {
				run()
			} else {
				f.sc.focus(f.table)
			}
		})
}

func (f *registrationForm) input() views.RegistrationInput {
	return views.RegistrationInput{
		Partner: trimmed(&f.pick.partner.Entry), Rep: trimmed(&f.pick.rep.Entry),
		Customer: f.customer.trimmed(), ExpectedValue: f.value.trimmed(),
		Submitted: f.submitted.trimmed(), WindowDays: f.window.trimmed(),
		PartnerID: f.pick.partner.Picked().ID, RepID: f.pick.rep.Picked().ID,
	}
}

func (f *registrationForm) onSave() {
	f.pick.resolve()
	g, err := f.sc.svc.AddRegistration(f.input())
	if err != nil {
		showFormError(f.sc.shell, &f.fs, f.msg, err)
		return
	}
	f.fs.clearErrors()
	f.msg.ok(Tf("Saved registration #%d: %s for %s, pending.", g.ID, f.pick.partner.Text, g.Customer))
	f.clear(true)
	f.load()
	f.sc.focus(f.pick.rep)
}

// clear empties the form; keep holds the partner, the submission date and
// the window for the next registration.
func (f *registrationForm) clear(keep bool) {
	f.fs.clearErrors()
	f.pick.clear(keep)
	f.customer.SetText("")
	f.value.SetText("")
	if !keep {
		f.submitted.SetText("")
		f.window.SetText("")
		f.msg.SetText("")
		f.defaults()
	}
}

// operator is who the audit trail and the decision will name.
func (f *registrationForm) operator() string {
	if n := f.sc.shell.Backend().OperatorName(); n != "" {
		return n
	}
	return T("the operator")
}

// regWord is a registration's decision or outcome (pending, approved,
// rejected, open, won, lost, expired) in the window's language.
func regWord(w string) string {
	switch w {
	case "pending":
		return T("pending|registration")
	case "approved":
		return T("approved|registration")
	case "rejected":
		return T("rejected|registration")
	case "open":
		return T("open|registration")
	case "won":
		return T("won|registration")
	case "lost":
		return T("lost|registration")
	case "expired":
		return T("expired|registration")
	}
	return w
}
