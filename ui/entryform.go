package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

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
		msg.bad(T("Correct the fields marked in red."))
	} else {
		msg.bad(strings.Join(rest, "\n"))
	}
	if f := fs.firstError(); f != nil {
		if fo, ok := f.input.(fyne.Focusable); ok && sh.Window().Content() == sh.Content() {
			sh.Window().Canvas().Focus(fo)
		}
	}
}

// submitEntry is a form's text field on which Enter saves the form (a
// formEntry: the keyboard arriving selects its text).
func submitEntry(placeholder string, save func()) *formEntry {
	return newFormEntry(placeholder, save)
}

// formEntry is a form's text field for fast entry: the keyboard arriving
// on it (Tab, Shift+Tab or a form moving the cursor) selects its text, so
// typing replaces the value instead of landing in the middle of it (a
// click still puts the cursor where it points); Enter saves the form and
// Escape calls onEscape.
type formEntry struct {
	widget.Entry
	onEscape func()
}

func newFormEntry(placeholder string, save func()) *formEntry {
	e := &formEntry{}
	e.ExtendBaseWidget(e)
	e.PlaceHolder = placeholder
	if save != nil {
		e.OnSubmitted = func(string) { save() }
	}
	return e
}

// FocusGained selects the text.
func (e *formEntry) FocusGained() {
	e.Entry.FocusGained()
	selectAllText(&e.Entry)
}

// TypedKey gives Escape to onEscape.
func (e *formEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && e.onEscape != nil {
		e.onEscape()
		return
	}
	e.Entry.TypedKey(k)
}

// trimmed is the text without surrounding spaces.
func (e *formEntry) trimmed() string { return strings.TrimSpace(e.Text) }

// selectAllText selects all of e's text, as Ctrl+A does.
func selectAllText(e *widget.Entry) {
	if e.Text != "" {
		e.TypedShortcut(&fyne.ShortcutSelectAll{})
	}
}

// wireSave makes Enter save and Escape clear on a form's pickers and
// text fields.
func wireSave(save, clear func(), inputs ...fyne.Focusable) {
	for _, in := range inputs {
		switch e := in.(type) {
		case *completionEntry:
			e.OnSubmitted = func(string) { save() }
			e.onEscape = clear
		case *formEntry:
			e.OnSubmitted = func(string) { save() }
			e.onEscape = clear
		}
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
