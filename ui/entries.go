package ui

import (
	"fmt"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partnerdesk/engine"
	"partnerdesk/engine/i18n"
	"partnerdesk/engine/views"
)

// ScreenEntries is the registrations & activity screen: deal
// registrations and their decisions, trainings, activities and the tier
// review.
const ScreenEntries = "entries"

func init() {
	RegisterScreen(ScreenSpec{Name: ScreenEntries, Title: "Deals & activity", IconName: theme.IconNameList, Order: 35,
		New: func(sh *Shell) Screen {
			svc, ok := sh.Backend().(EntriesService)
			if !ok {
				return missingScreen("registrations & activity")
			}
			return newEntriesScreen(sh, svc)
		}})
}

// listLimit is how many registrations, trainings and activities the lists
// under the forms show.
const listLimit = 500

// activityTypes are the kinds of activity the type field offers; any other
// word may be typed.
var activityTypes = []string{"demo", "webinar", "joint call", "QBR", "event"}

// The tabs of the screen, in order.
const (
	tabRegistration = iota
	tabTraining
	tabActivity
	tabTiers
)

// entriesScreen holds the three keyboard-first entry forms and the tier
// review, one tab each. Every form works like the sale form: Tab between
// fields, partners and reps picked by typing, Enter saves and opens the
// next record with the same partner.
type entriesScreen struct {
	shell *Shell
	svc   EntriesService
	tabs  *container.AppTabs

	reg   *registrationForm
	train *trainingForm
	act   *activityForm
	tier  *tierPanel

	content fyne.CanvasObject
}

func newEntriesScreen(sh *Shell, svc EntriesService) *entriesScreen {
	sc := &entriesScreen{shell: sh, svc: svc}
	sc.reg = newRegistrationForm(sc)
	sc.train = newTrainingForm(sc)
	sc.act = newActivityForm(sc)
	sc.tier = newTierPanel(sc)
	sc.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon("Deal registration", theme.DocumentCreateIcon(), sc.reg.content),
		container.NewTabItemWithIcon("Training", theme.AccountIcon(), sc.train.content),
		container.NewTabItemWithIcon("Activity", theme.MediaVideoIcon(), sc.act.content),
		container.NewTabItemWithIcon("Tier review", theme.MoveUpIcon(), sc.tier.content),
	)
	sc.tabs.OnSelected = func(*container.TabItem) { sc.focus(sc.tabShown()) }
	hint := widget.NewLabel("Ctrl+PgDn / Ctrl+PgUp switch tabs · Tab moves between fields · type a few letters to pick, ↓ ↑ to choose · Enter saves and opens the next one · Esc clears")
	hint.Importance = widget.LowImportance
	hint.Truncation = fyne.TextTruncateEllipsis
	hint.SizeName = theme.SizeNameCaptionText
	sc.content = container.NewBorder(nil, hint, nil, nil, sc.tabs)
	return sc
}

// Content is the screen.
func (sc *entriesScreen) Content() fyne.CanvasObject { return sc.content }

// Shown reloads the lists and gives the keyboard to the tab on show.
func (sc *entriesScreen) Shown() fyne.Focusable {
	sc.reg.defaults()
	sc.train.defaults()
	sc.act.defaults()
	sc.reload()
	return sc.tabShown()
}

// reload reads every list again.
func (sc *entriesScreen) reload() {
	sc.reg.load()
	sc.train.load()
	sc.act.load()
}

// tabShown returns the widget that takes the keyboard on the tab on show.
func (sc *entriesScreen) tabShown() fyne.Focusable {
	switch sc.tabs.SelectedIndex() {
	case tabRegistration:
		return sc.reg.pick.first()
	case tabTraining:
		return sc.train.pick.first()
	case tabActivity:
		return sc.act.pick.first()
	case tabTiers:
		return sc.tier.first()
	}
	return nil
}

// focus gives f the keyboard once the shell is in the window.
func (sc *entriesScreen) focus(f fyne.Focusable) {
	w := sc.shell.Window()
	if f != nil && w.Content() == sc.shell.Content() {
		w.Canvas().Focus(f)
	}
}

// Command handles New, Save, Find, Refresh and the tab switches.
func (sc *entriesScreen) Command(c Command) bool {
	i := sc.tabs.SelectedIndex()
	switch c {
	case CmdNextTab, CmdPrevTab:
		n := len(sc.tabs.Items)
		step := 1
		if c == CmdPrevTab {
			step = n - 1
		}
		sc.tabs.SelectIndex((i + step) % n)
	case CmdNew:
		switch i {
		case tabRegistration:
			sc.reg.clear(false)
		case tabTraining:
			sc.train.clear(false)
		case tabActivity:
			sc.act.clear(false)
		}
		sc.focus(sc.tabShown())
	case CmdSave:
		switch i {
		case tabRegistration:
			sc.reg.onSave()
		case tabTraining:
			sc.train.onSave()
		case tabActivity:
			sc.act.onSave()
		case tabTiers:
			sc.tier.onApply()
		}
	case CmdFind:
		sc.focus(sc.tabShown())
	case CmdRefresh:
		sc.reload()
		if i == tabTiers {
			sc.tier.onReview()
		}
	default:
		return false
	}
	return true
}

// partnerPicker is the partner and rep pair of completion fields every
// form starts with; the rep choices follow the partner picked.
type partnerPicker struct {
	svc     EntriesService
	partner *completionEntry
	rep     *completionEntry
	reps    []engine.Rep
	onErr   func(error)
}

func newPartnerPicker(svc EntriesService, onErr func(error), repHint string) *partnerPicker {
	p := &partnerPicker{svc: svc, onErr: onErr}
	p.partner = newCompletionEntry(p.partnerOptions)
	p.partner.PlaceHolder = "Type a name or code"
	p.partner.onPick = p.onPartnerPicked
	p.rep = newCompletionEntry(func(q string) []option { return matchOptions(p.repOptions(), q) })
	p.rep.PlaceHolder = repHint
	return p
}

// first is where a blank form's typing starts.
func (p *partnerPicker) first() fyne.Focusable { return p.partner }

// partnerOptions asks the backend, which also matches referral codes.
func (p *partnerPicker) partnerOptions(q string) []option {
	ps, err := p.svc.Partners(strings.TrimSpace(q))
	if err != nil {
		p.onErr(fmt.Errorf("find partners: %w", err))
		return nil
	}
	opts := make([]option, 0, len(ps))
	for _, x := range ps {
		detail := strings.TrimSpace(x.ReferralCode + " " + x.Country)
		if detail != "" {
			detail = "(" + detail + ")"
		}
		opts = append(opts, option{ID: x.ID, Text: x.Name, Detail: detail})
	}
	return rankOptions(opts, q)
}

func (p *partnerPicker) repOptions() []option {
	opts := make([]option, 0, len(p.reps))
	for _, r := range p.reps {
		if r.Active {
			opts = append(opts, option{ID: r.ID, Text: r.Name, Detail: r.Role})
		}
	}
	return opts
}

func (p *partnerPicker) onPartnerPicked(o option) {
	p.reps = nil
	if o.ID == 0 {
		return
	}
	reps, err := p.svc.Reps(o.ID)
	if err != nil {
		p.onErr(fmt.Errorf("load reps: %w", err))
		return
	}
	p.reps = reps
}

// resolve takes the highlighted choices before a save.
func (p *partnerPicker) resolve() {
	p.partner.Resolve()
	p.rep.Resolve()
}

// clear empties the rep, and the partner too unless keep.
func (p *partnerPicker) clear(keep bool) {
	if !keep {
		p.partner.Clear()
		p.reps = nil
	}
	p.rep.Clear()
}

// trimmed is an entry's text without surrounding spaces.
func trimmed(e *widget.Entry) string { return strings.TrimSpace(e.Text) }

// formMessage is the line beside a form's title that says what was saved
// or what is wrong.
type formMessage struct{ *widget.Label }

func newFormMessage() formMessage {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	return formMessage{l}
}

func (m formMessage) ok(s string) {
	m.Importance = widget.SuccessImportance
	m.SetText(s)
}

func (m formMessage) bad(s string) {
	m.Importance = widget.DangerImportance
	m.SetText(s)
}

// showFormError puts a refused record's reasons next to their fields and
// the rest on the message line, and moves the cursor to the first bad
// field.
func showFormError(sh *Shell, fs *fields, msg formMessage, err error) {
	rest, ok := fs.showErrors(err, nil)
	if !ok {
		msg.bad(sentence(err))
		return
	}
	if len(rest) == 0 {
		msg.bad("Correct the fields marked in red.")
	} else {
		msg.bad(strings.Join(rest, "\n"))
	}
	if f := fs.firstError(); f != nil {
		if fo, ok := f.input.(fyne.Focusable); ok && sh.Window().Content() == sh.Content() {
			sh.Window().Canvas().Focus(fo)
		}
	}
}

// submitEntry is an entry on which Enter saves the form.
func submitEntry(placeholder string, save func()) *widget.Entry {
	e := widget.NewEntry()
	e.PlaceHolder = placeholder
	e.OnSubmitted = func(string) { save() }
	return e
}

// wireSave makes Enter save and Escape clear on the picker's fields.
func wireSave(save, clear func(), cs ...*completionEntry) {
	for _, c := range cs {
		c.OnSubmitted = func(string) { save() }
		c.onEscape = clear
	}
}

// saveCell puts a save button where an input would go, under an empty
// caption, like the sale form's.
func saveCell(b *widget.Button) fyne.CanvasObject {
	return container.New(tightStack{}, widget.NewLabel(" "), b)
}

// inOrder is container.NewBorder with top, center and bottom (nil: none)
// kept in that order among the children, so that Tab goes through them
// the way the eye reads: NewBorder puts the center first.
func inOrder(top, center, bottom fyne.CanvasObject) *fyne.Container {
	var objs []fyne.CanvasObject
	for _, o := range []fyne.CanvasObject{top, center, bottom} {
		if o != nil {
			objs = append(objs, o)
		}
	}
	return container.New(layout.NewBorderLayout(top, bottom, nil, nil), objs...)
}

// formTop is a form's title line with its message, over the form.
func formTop(title string, msg formMessage, body fyne.CanvasObject) fyne.CanvasObject {
	return container.NewVBox(container.NewBorder(nil, nil, sectionTitle(title), nil, msg.Label), body, widget.NewSeparator())
}

// ---- Deal registration ----

// registrationForm enters deal registrations and decides them in the list
// under it.
type registrationForm struct {
	sc   *entriesScreen
	fs   fields
	pick *partnerPicker

	customer  *widget.Entry
	value     *widget.Entry
	submitted *widget.Entry
	window    *widget.Entry
	save      *widget.Button
	msg       formMessage

	rows     []views.RegistrationView
	sel      int // index in rows of the chosen registration; -1: none
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
	f.pick = newPartnerPicker(sc.svc, sc.shell.ShowError, "Optional")
	wireSave(f.onSave, func() { f.clear(true) }, f.pick.partner, f.pick.rep)
	f.customer = submitEntry("Customer name", f.onSave)
	f.value = submitEntry("0.00", f.onSave)
	f.submitted = submitEntry("2026-07-31", f.onSave)
	f.window = submitEntry("90", f.onSave)
	f.save = widget.NewButtonWithIcon("Save registration", theme.ConfirmIcon(), f.onSave)
	f.save.Importance = widget.HighImportance

	add := func(key, label string, in fyne.CanvasObject) fyne.CanvasObject {
		return f.fs.add(newField(key, label, in)).Cell()
	}
	grid := container.NewGridWithColumns(4,
		add(EntryPartner, "Partner", f.pick.partner),
		add(EntryRep, "Rep", f.pick.rep),
		add(EntryCustomer, "Customer", f.customer),
		add(EntryExpectedValue, "Expected value", f.value),
		add(EntrySubmitted, "Submitted", f.submitted),
		add(EntryWindowDays, "Window to close (days)", f.window),
		widget.NewLabel(""),
		saveCell(f.save),
	)

	cols := []column{
		{"#", 44, fyne.TextAlignTrailing},
		{"Submitted", 92, fyne.TextAlignLeading},
		{"Partner", 136, fyne.TextAlignLeading},
		{"Rep", 96, fyne.TextAlignLeading},
		{"Customer", 120, fyne.TextAlignLeading},
		{"Value", 112, fyne.TextAlignTrailing},
		{"Decision", 88, fyne.TextAlignLeading},
		{"Decided", 92, fyne.TextAlignLeading},
		{"Close by", 92, fyne.TextAlignLeading},
		{"Outcome", 84, fyne.TextAlignLeading},
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
	f.decideOn.PlaceHolder = "Today"
	on := f.decideFs.add(newField(EntryDate, "Decision date", f.decideOn))
	f.chosen = widget.NewLabel("Click a registration, or use ↓ ↑ in the list.")
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
		b := widget.NewButtonWithIcon(a.label, a.icon, func() { f.decide(v) })
		f.buttons[v] = b
		actions.Add(b)
	}
	dateBox := container.NewBorder(nil, nil, on.label, nil, container.NewGridWrap(fyne.NewSize(120, f.decideOn.MinSize().Height), f.decideOn))
	bar := container.NewBorder(nil, nil, dateBox, actions, f.chosen)
	listHead := container.NewBorder(nil, nil, sectionTitle("Registrations, newest first"), nil, f.listMsg.Label)
	// The decision date's reason goes to the list's message line, so the
	// bar keeps one line.
	list := inOrder(listHead, f.table.fit(2), bar)
	f.content = inOrder(formTop("New deal registration", f.msg, grid), list, nil)
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
	var keep engine.ID
	if f.sel >= 0 && f.sel < len(f.rows) {
		keep = f.rows[f.sel].Registration.ID
	}
	f.rows, f.sel = rows, -1
	for i, r := range rows {
		if keep != 0 && r.Registration.ID == keep {
			f.sel = i
		}
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
		return i18n.Money(g.ExpectedValue, r.Currency, langOr(r.Language))
	case 6:
		return string(g.Decision)
	case 7:
		return g.DecidedOn.String()
	case 8:
		return r.CloseBy.String()
	case 9:
		if g.Outcome == engine.OutcomeOpen {
			return ""
		}
		return string(g.Outcome)
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
		f.chosen.SetText("Click a registration, or use ↓ ↑ in the list.")
		return
	}
	r := f.rows[f.sel]
	f.chosen.SetText(fmt.Sprintf("#%d %s · %s · %s", r.Registration.ID, r.Partner, r.Registration.Customer, stateOf(r.Registration)))
}

// stateOf says where a registration stands in a few words.
func stateOf(g engine.Registration) string {
	s := string(g.Decision)
	if g.Outcome != engine.OutcomeOpen && g.Outcome != "" {
		s += ", " + string(g.Outcome)
	}
	return s
}

// enable offers the decisions that fit the chosen registration: approve
// and reject while it is pending; an outcome at any time, since a deal can
// be lost or expire before the vendor decided.
func (f *registrationForm) enable() {
	pending, chosen := false, f.sel >= 0 && f.sel < len(f.rows)
	if chosen {
		pending = f.rows[f.sel].Registration.Decision == engine.DecisionPending
	}
	for v, b := range f.buttons {
		on := chosen
		if v == VerdictApprove || v == VerdictReject {
			on = chosen && pending
		}
		if on {
			b.Enable()
		} else {
			b.Disable()
		}
	}
}

// decide sends v for the chosen registration. Approving and rejecting
// cannot be undone, so they are confirmed; an outcome can be set again.
func (f *registrationForm) decide(v Verdict) {
	if f.sel < 0 || f.sel >= len(f.rows) {
		f.listMsg.bad("Choose a registration in the list first.")
		return
	}
	r := f.rows[f.sel]
	run := func() {
		f.decideFs.clearErrors()
		got, err := f.sc.svc.DecideRegistration(r.Registration.ID, string(v), trimmed(f.decideOn))
		if err != nil {
			if byField, ok := fieldErrors(err); ok && byField[EntryDate] != "" {
				f.decideFs.get(EntryDate).SetError(byField[EntryDate])
				f.listMsg.bad("Decision date: " + byField[EntryDate])
				return
			}
			f.listMsg.bad(sentence(err))
			return
		}
		f.listMsg.ok(fmt.Sprintf("Registration #%d (%s, %s) is now %s.", got.ID, r.Partner, got.Customer, stateOf(got)))
		f.load()
		f.sc.focus(f.table)
	}
	if v != VerdictApprove && v != VerdictReject {
		run()
		return
	}
	word := map[Verdict]string{VerdictApprove: "Approve", VerdictReject: "Reject"}[v]
	f.sc.shell.Confirm(word+" registration?", fmt.Sprintf("%s registration #%d of %s for %s (%s)?\n\nA decision cannot be changed afterwards.",
		word, r.Registration.ID, r.Partner, r.Registration.Customer, i18n.Money(r.Registration.ExpectedValue, r.Currency, langOr(r.Language))),
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
		Customer: trimmed(f.customer), ExpectedValue: trimmed(f.value),
		Submitted: trimmed(f.submitted), WindowDays: trimmed(f.window),
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
	f.msg.ok(fmt.Sprintf("Saved registration #%d: %s for %s, pending.", g.ID, f.pick.partner.Text, g.Customer))
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

// ---- Training ----

// trainingForm enters completed courses. The next one keeps the partner,
// course, dates and certification, so that a course several reps took is
// entered by changing only the rep.
type trainingForm struct {
	sc   *entriesScreen
	fs   fields
	pick *partnerPicker

	course     *widget.Entry
	completed  *widget.Entry
	cert       *enterCheck
	validUntil *widget.Entry
	save       *widget.Button
	msg        formMessage

	rows    []views.TrainingView
	table   *keyTable
	listMsg formMessage
	content fyne.CanvasObject
}

func newTrainingForm(sc *entriesScreen) *trainingForm {
	f := &trainingForm{sc: sc, msg: newFormMessage(), listMsg: newFormMessage()}
	f.pick = newPartnerPicker(sc.svc, sc.shell.ShowError, "Type a name")
	wireSave(f.onSave, func() { f.clear(true) }, f.pick.partner, f.pick.rep)
	f.course = submitEntry("Course name", f.onSave)
	f.completed = submitEntry("2026-07-31", f.onSave)
	f.cert = newEnterCheck("Certification", f.onSave)
	f.validUntil = submitEntry("Certifications only", f.onSave)
	f.save = widget.NewButtonWithIcon("Save training", theme.ConfirmIcon(), f.onSave)
	f.save.Importance = widget.HighImportance

	add := func(key, label string, in fyne.CanvasObject) fyne.CanvasObject {
		return f.fs.add(newField(key, label, in)).Cell()
	}
	grid := container.NewGridWithColumns(4,
		add(EntryPartner, "Partner", f.pick.partner),
		add(EntryRep, "Rep", f.pick.rep),
		add(EntryCourse, "Course", f.course),
		add(EntryCompleted, "Completed on", f.completed),
		add("certification", "Counts towards tiers", f.cert),
		add(EntryValidUntil, "Valid until", f.validUntil),
		widget.NewLabel(""),
		saveCell(f.save),
	)
	cols := []column{
		{"#", 60, fyne.TextAlignTrailing},
		{"Completed", 92, fyne.TextAlignLeading},
		{"Partner", 170, fyne.TextAlignLeading},
		{"Rep", 140, fyne.TextAlignLeading},
		{"Course", 220, fyne.TextAlignLeading},
		{"Certified", 84, fyne.TextAlignLeading},
		{"Valid until", 92, fyne.TextAlignLeading},
	}
	f.table = newKeyTable(cols, func() int { return len(f.rows) }, f.cell, nil)
	head := container.NewBorder(nil, nil, sectionTitle("Trainings, newest first"), nil, f.listMsg.Label)
	list := inOrder(head, f.table.fit(4), nil)
	f.content = inOrder(formTop("New training", f.msg, grid), list, nil)
	return f
}

func (f *trainingForm) defaults() {
	if f.completed.Text == "" {
		f.completed.SetText(f.sc.svc.Today().String())
	}
}

func (f *trainingForm) load() {
	rows, err := f.sc.svc.RecentTrainings(listLimit)
	if err != nil {
		f.listMsg.bad(sentence(fmt.Errorf("load trainings: %w", err)))
		return
	}
	f.rows = rows
	f.table.Refresh()
}

func (f *trainingForm) cell(row, col int) string {
	if row >= len(f.rows) {
		return ""
	}
	r := f.rows[row]
	t := r.Training
	switch col {
	case 0:
		return fmt.Sprint(t.ID)
	case 1:
		return t.Completed.String()
	case 2:
		return r.Partner
	case 3:
		return r.Rep
	case 4:
		return t.Course
	case 5:
		if t.Certification {
			return "yes"
		}
		return ""
	case 6:
		return t.ValidUntil.String()
	}
	return ""
}

func (f *trainingForm) input() views.TrainingInput {
	return views.TrainingInput{
		Partner: trimmed(&f.pick.partner.Entry), Rep: trimmed(&f.pick.rep.Entry),
		Course: trimmed(f.course), Completed: trimmed(f.completed),
		Certification: f.cert.Checked, ValidUntil: trimmed(f.validUntil),
		PartnerID: f.pick.partner.Picked().ID, RepID: f.pick.rep.Picked().ID,
	}
}

func (f *trainingForm) onSave() {
	f.pick.resolve()
	t, err := f.sc.svc.AddTraining(f.input())
	if err != nil {
		showFormError(f.sc.shell, &f.fs, f.msg, err)
		return
	}
	f.fs.clearErrors()
	what := "course"
	if t.Certification {
		what = "certification"
	}
	f.msg.ok(fmt.Sprintf("Saved %s %q for %s of %s.", what, t.Course, f.pick.rep.Text, f.pick.partner.Text))
	f.clear(true)
	f.load()
	f.sc.focus(f.pick.rep)
}

// clear empties the form; keep holds everything but the rep.
func (f *trainingForm) clear(keep bool) {
	f.fs.clearErrors()
	f.pick.clear(keep)
	if keep {
		return
	}
	f.course.SetText("")
	f.completed.SetText("")
	f.cert.SetChecked(false)
	f.validUntil.SetText("")
	f.msg.SetText("")
	f.defaults()
}

// ---- Activity ----

// activityForm enters activities; the next one keeps partner and date.
type activityForm struct {
	sc   *entriesScreen
	fs   fields
	pick *partnerPicker

	kind *completionEntry
	date *widget.Entry
	note *widget.Entry
	save *widget.Button
	msg  formMessage

	rows    []views.ActivityView
	table   *keyTable
	listMsg formMessage
	content fyne.CanvasObject
}

// typeOptions offers the usual kinds; a typed word that matches none is
// kept as typed.
func typeOptions(q string) []option {
	all := make([]option, len(activityTypes))
	for i, t := range activityTypes {
		all[i] = option{ID: engine.ID(i + 1), Text: t}
	}
	return matchOptions(all, q)
}

func newActivityForm(sc *entriesScreen) *activityForm {
	f := &activityForm{sc: sc, msg: newFormMessage(), listMsg: newFormMessage()}
	f.pick = newPartnerPicker(sc.svc, sc.shell.ShowError, "Optional")
	f.kind = newCompletionEntry(typeOptions)
	f.kind.PlaceHolder = strings.Join(activityTypes, ", ")
	wireSave(f.onSave, func() { f.clear(true) }, f.pick.partner, f.pick.rep, f.kind)
	f.date = submitEntry("2026-07-31", f.onSave)
	f.note = submitEntry("What happened, with whom (optional)", f.onSave)
	f.save = widget.NewButtonWithIcon("Save activity", theme.ConfirmIcon(), f.onSave)
	f.save.Importance = widget.HighImportance

	add := func(key, label string, in fyne.CanvasObject) fyne.CanvasObject {
		return f.fs.add(newField(key, label, in)).Cell()
	}
	row1 := container.NewGridWithColumns(4,
		add(EntryPartner, "Partner", f.pick.partner),
		add(EntryRep, "Rep", f.pick.rep),
		add(EntryType, "Type", f.kind),
		add(EntryDate, "Date", f.date),
	)
	// The note takes the width the save button leaves.
	row2 := container.NewBorder(nil, nil, nil, container.NewGridWrap(fyne.NewSize(f.save.MinSize().Width+40, 0), saveCell(f.save)),
		add(EntryNote, "Note", f.note))
	cols := []column{
		{"#", 60, fyne.TextAlignTrailing},
		{"Date", 92, fyne.TextAlignLeading},
		{"Partner", 170, fyne.TextAlignLeading},
		{"Rep", 140, fyne.TextAlignLeading},
		{"Type", 110, fyne.TextAlignLeading},
		{"Note", 200, fyne.TextAlignLeading},
	}
	f.table = newKeyTable(cols, func() int { return len(f.rows) }, f.cell, nil)
	head := container.NewBorder(nil, nil, sectionTitle("Activities, newest first"), nil, f.listMsg.Label)
	list := inOrder(head, f.table.fit(5), nil)
	f.content = inOrder(formTop("New activity", f.msg, container.NewVBox(row1, row2)), list, nil)
	return f
}

func (f *activityForm) defaults() {
	if f.date.Text == "" {
		f.date.SetText(f.sc.svc.Today().String())
	}
}

func (f *activityForm) load() {
	rows, err := f.sc.svc.RecentActivities(listLimit)
	if err != nil {
		f.listMsg.bad(sentence(fmt.Errorf("load activities: %w", err)))
		return
	}
	f.rows = rows
	f.table.Refresh()
}

func (f *activityForm) cell(row, col int) string {
	if row >= len(f.rows) {
		return ""
	}
	r := f.rows[row]
	a := r.Activity
	switch col {
	case 0:
		return fmt.Sprint(a.ID)
	case 1:
		return a.Date.String()
	case 2:
		return r.Partner
	case 3:
		return r.Rep
	case 4:
		return a.Type
	case 5:
		return a.Note
	}
	return ""
}

func (f *activityForm) input() views.ActivityInput {
	return views.ActivityInput{
		Partner: trimmed(&f.pick.partner.Entry), Rep: trimmed(&f.pick.rep.Entry),
		Type: trimmed(&f.kind.Entry), Date: trimmed(f.date), Note: trimmed(f.note),
		PartnerID: f.pick.partner.Picked().ID, RepID: f.pick.rep.Picked().ID,
	}
}

func (f *activityForm) onSave() {
	f.pick.resolve()
	f.kind.Resolve()
	a, err := f.sc.svc.AddActivity(f.input())
	if err != nil {
		showFormError(f.sc.shell, &f.fs, f.msg, err)
		return
	}
	f.fs.clearErrors()
	f.msg.ok(fmt.Sprintf("Saved %s of %s on %s.", a.Type, f.pick.partner.Text, a.Date))
	f.clear(true)
	f.load()
	f.sc.focus(f.pick.rep)
}

// clear empties the form; keep holds the partner and the date.
func (f *activityForm) clear(keep bool) {
	f.fs.clearErrors()
	f.pick.clear(keep)
	f.kind.Clear()
	f.note.SetText("")
	if !keep {
		f.date.SetText("")
		f.msg.SetText("")
		f.defaults()
	}
}

// langOr is lang, or English when none is named.
func langOr(lang string) string {
	if lang == "" {
		return "en"
	}
	return lang
}

// ---- A list the keyboard can drive ----

// keyTable is a read-only table with a chosen row that ↓ and ↑ move while
// it has the keyboard, and letters a screen can bind (the registration
// decisions). Fyne's own table moves a cell highlight that the code cannot
// read; this one keeps the chosen row itself and shows it in bold.
type keyTable struct {
	widget.Table
	cols []column

	rows   func() int
	chosen func(row int) bool
	// onChoose is called with the row ↓, ↑ or a click chose; nil: the
	// table only scrolls.
	onChoose func(row int)
	// onRune handles a typed letter; false passes it on.
	onRune func(r rune) bool
	// cur is the row the arrows start from when there is no onChoose.
	cur int
}

func newKeyTable(cols []column, rows func() int, cell func(row, col int) string, chosen func(row int) bool) *keyTable {
	t := &keyTable{cols: cols, rows: rows, chosen: chosen, cur: -1}
	t.Length = func() (int, int) { return rows(), len(cols) }
	t.CreateCell = func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	t.UpdateCell = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		l.Alignment = cols[id.Col].Align
		l.TextStyle = fyne.TextStyle{Bold: t.chosen != nil && t.chosen(id.Row)}
		l.SetText(cell(id.Row, id.Col))
	}
	t.ShowHeaderRow = true
	t.CreateHeader = func() fyne.CanvasObject {
		l := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(cols) {
			l := o.(*widget.Label)
			l.Alignment = cols[id.Col].Align
			l.SetText(cols[id.Col].Title)
		}
	}
	t.OnSelected = func(id widget.TableCellID) {
		t.UnselectAll()
		if id.Row >= 0 && id.Row < rows() {
			t.cur = id.Row
			if t.onChoose != nil {
				t.onChoose(id.Row)
			}
		}
	}
	t.ExtendBaseWidget(t)
	return t
}

// fit lays the table out at least as wide as its columns, column stretch
// taking the spare width.
func (t *keyTable) fit(stretch int) fyne.CanvasObject {
	widths := make([]float32, len(t.cols))
	for i, c := range t.cols {
		widths[i] = c.Width
		t.SetColumnWidth(i, c.Width)
	}
	// The container holds t itself, not the embedded table, so that the
	// canvas can give t the focus and its keys.
	return container.New(&keyTableLayout{t: t, widths: widths, stretch: stretch}, t)
}

// keyTableLayout is fitColumns for a keyTable: the declared widths are
// minimums and column stretch takes the spare width.
type keyTableLayout struct {
	t       *keyTable
	widths  []float32
	stretch int
	last    float32
}

func (l *keyTableLayout) MinSize(objs []fyne.CanvasObject) fyne.Size { return objs[0].MinSize() }

func (l *keyTableLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if size.Width != l.last {
		l.last = size.Width
		// Fyne spaces table columns by the theme's padding, while fitWidths
		// counts a separator's thickness: take the difference off first, or
		// the last column ends under the edge.
		avail := size.Width - float32(len(l.widths))*(theme.Padding()-theme.SeparatorThicknessSize())
		for i, w := range fitWidths(l.widths, l.stretch, avail) {
			l.t.SetColumnWidth(i, w)
		}
	}
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// move chooses the row delta away from the current one.
func (t *keyTable) move(delta int) {
	n := t.rows()
	if n == 0 {
		return
	}
	cur := t.cur
	if t.chosen != nil {
		cur = -1
		for i := 0; i < n; i++ {
			if t.chosen(i) {
				cur = i
				break
			}
		}
	}
	next := cur + delta
	if cur < 0 {
		next = 0
	}
	next = min(max(next, 0), n-1)
	t.cur = next
	if t.onChoose != nil {
		t.onChoose(next)
		return
	}
	t.ScrollTo(widget.TableCellID{Row: next, Col: 0})
}

// TypedKey moves the chosen row with ↓ ↑ (Page keys by ten) and passes
// the other keys to the table.
func (t *keyTable) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyDown:
		t.move(1)
	case fyne.KeyUp:
		t.move(-1)
	case fyne.KeyPageDown:
		t.move(10)
	case fyne.KeyPageUp:
		t.move(-10)
	case fyne.KeySpace:
		// Space also arrives as a rune, which TypedRune hands on.
	default:
		t.Table.TypedKey(k)
	}
}

// TypedRune gives a letter to the screen, lower-cased.
func (t *keyTable) TypedRune(r rune) {
	if t.onRune != nil && t.onRune(unicode.ToLower(r)) {
		return
	}
	t.Table.TypedRune(r)
}
