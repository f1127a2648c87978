package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// trainingForm enters completed courses. The next one keeps the partner,
// course, dates and certification, so that a course several reps took is
// entered by changing only the rep.
type trainingForm struct {
	sc   *entriesScreen
	fs   fields
	pick *partnerPicker

	course     *formEntry
	completed  *formEntry
	cert       *enterCheck
	validUntil *formEntry
	save       *widget.Button
	msg        formMessage

	rows    []views.TrainingView
	table   *keyTable
	listMsg formMessage
	content fyne.CanvasObject
}

func newTrainingForm(sc *entriesScreen) *trainingForm {
	f := &trainingForm{sc: sc, msg: newFormMessage(), listMsg: newFormMessage()}
	f.pick = newPartnerPicker(sc.svc, sc.shell.ShowError, T("Type a name"))
	f.course = submitEntry(T("Course name"), f.onSave)
	f.completed = submitEntry("2026-07-31", f.onSave)
	f.cert = newEnterCheck(T("Certification"), f.onSave)
	f.validUntil = submitEntry(T("Certifications only"), f.onSave)
	wireSave(f.onSave, func() { f.clear(true) }, f.pick.partner, f.pick.rep, f.course, f.completed, f.validUntil)
	f.save = widget.NewButtonWithIcon(T("Save training"), theme.ConfirmIcon(), f.onSave)
	f.save.Importance = widget.HighImportance

	add := func(key, label string, in fyne.CanvasObject) fyne.CanvasObject {
		return f.fs.add(newField(key, label, in)).Cell()
	}
	grid := container.NewGridWithColumns(4,
		add(EntryPartner, T("Partner"), f.pick.partner),
		add(EntryRep, T("Rep"), f.pick.rep),
		add(EntryCourse, T("Course"), f.course),
		add(EntryCompleted, T("Completed on"), f.completed),
		add("certification", T("Counts towards tiers"), f.cert),
		add(EntryValidUntil, T("Valid until"), f.validUntil),
		widget.NewLabel(""),
		saveCell(f.save),
	)
	cols := []column{
		{T("#"), 60, fyne.TextAlignTrailing},
		{T("Completed"), 92, fyne.TextAlignLeading},
		{T("Partner"), 170, fyne.TextAlignLeading},
		{T("Rep"), 140, fyne.TextAlignLeading},
		{T("Course"), 220, fyne.TextAlignLeading},
		{T("Certified"), 84, fyne.TextAlignLeading},
		{T("Valid until"), 92, fyne.TextAlignLeading},
	}
	f.table = newKeyTable(cols, func() int { return len(f.rows) }, f.cell, nil)
	head := container.NewBorder(nil, nil, sectionTitle(T("Trainings, newest first")), nil, f.listMsg.Label)
	list := inOrder(head, f.table.fit(4), nil)
	f.content = inOrder(formTop(T("New training"), f.msg, grid), list, nil)
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
			return T("yes")
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
		Course: f.course.trimmed(), Completed: f.completed.trimmed(),
		Certification: f.cert.Checked, ValidUntil: f.validUntil.trimmed(),
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
	what := T("course")
	if t.Certification {
		what = T("certification")
	}
	f.msg.ok(Tf("Saved %s %q for %s of %s.", what, t.Course, f.pick.rep.Text, f.pick.partner.Text))
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
	date *formEntry
	note *formEntry
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
	f.pick = newPartnerPicker(sc.svc, sc.shell.ShowError, T("Optional"))
	f.kind = newCompletionEntry(typeOptions)
	f.kind.PlaceHolder = strings.Join(activityTypes, ", ")
	f.date = submitEntry("2026-07-31", f.onSave)
	f.note = submitEntry(T("What happened, with whom (optional)"), f.onSave)
	wireSave(f.onSave, func() { f.clear(true) }, f.pick.partner, f.pick.rep, f.kind, f.date, f.note)
	f.save = widget.NewButtonWithIcon(T("Save activity"), theme.ConfirmIcon(), f.onSave)
	f.save.Importance = widget.HighImportance

	add := func(key, label string, in fyne.CanvasObject) fyne.CanvasObject {
		return f.fs.add(newField(key, label, in)).Cell()
	}
	row1 := container.NewGridWithColumns(4,
		add(EntryPartner, T("Partner"), f.pick.partner),
		add(EntryRep, T("Rep"), f.pick.rep),
		add(EntryType, T("Type"), f.kind),
		add(EntryDate, T("Date"), f.date),
	)
	// The note takes the width the save button leaves.
	row2 := container.NewBorder(nil, nil, nil, container.NewGridWrap(fyne.NewSize(f.save.MinSize().Width+40, 0), saveCell(f.save)),
		add(EntryNote, T("Note"), f.note))
	cols := []column{
		{T("#"), 60, fyne.TextAlignTrailing},
		{T("Date"), 92, fyne.TextAlignLeading},
		{T("Partner"), 170, fyne.TextAlignLeading},
		{T("Rep"), 140, fyne.TextAlignLeading},
		{T("Type"), 110, fyne.TextAlignLeading},
		{T("Note"), 200, fyne.TextAlignLeading},
	}
	f.table = newKeyTable(cols, func() int { return len(f.rows) }, f.cell, nil)
	head := container.NewBorder(nil, nil, sectionTitle(T("Activities, newest first")), nil, f.listMsg.Label)
	list := inOrder(head, f.table.fit(5), nil)
	f.content = inOrder(formTop(T("New activity"), f.msg, container.NewVBox(row1, row2)), list, nil)
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
		Type: trimmed(&f.kind.Entry), Date: f.date.trimmed(), Note: f.note.trimmed(),
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
	f.msg.ok(Tf("Saved %s of %s on %s.", a.Type, f.pick.partner.Text, a.Date))
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
