package ui

import (
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// field is one input of a form with its label and a note line under it.
// The note shows the field's validation error in red, or the suggestions of
// a completion entry; it always holds one line so a form does not jump when
// an error appears.
type field struct {
	key   string
	label *widget.Label
	input fyne.CanvasObject
	note  *widget.RichText
	err   string
}

func newField(key, label string, input fyne.CanvasObject) *field {
	f := &field{key: key, label: widget.NewLabel(label), input: input, note: widget.NewRichText()}
	f.note.Wrapping = fyne.TextWrapWord
	f.setNote(nil)
	if c, ok := input.(*completionEntry); ok {
		c.onSuggest = f.Suggest
	}
	return f
}

// noteSegment is one run of the note line in the caption size.
func noteSegment(text string, color fyne.ThemeColorName, bold bool) *widget.TextSegment {
	return &widget.TextSegment{Text: text, Style: widget.RichTextStyle{
		ColorName: color,
		SizeName:  theme.SizeNameCaptionText,
		Inline:    true,
		TextStyle: fyne.TextStyle{Bold: bold},
	}}
}

func (f *field) setNote(segs []widget.RichTextSegment) {
	// An error wraps, so the whole reason shows; suggestions stay on one
	// line, so typing does not make the form taller and push the window.
	f.note.Wrapping = fyne.TextWrapWord
	f.note.Truncation = fyne.TextTruncateOff
	if len(segs) == 0 {
		// A space keeps the line's height.
		segs = []widget.RichTextSegment{noteSegment(" ", theme.ColorNamePlaceHolder, false)}
	}
	f.note.Segments = segs
	f.note.Refresh()
}

// SetError shows reason under the field; "" clears it.
func (f *field) SetError(reason string) {
	f.err = reason
	if reason == "" {
		f.setNote(nil)
		return
	}
	f.setNote([]widget.RichTextSegment{noteSegment(reason, theme.ColorNameError, false)})
}

// SetHint shows text under the field while it shows no error (the net a sale line will store); "" clears it.
func (f *field) SetHint(text string) {
	if f.err != "" {
		return
	}
	if text == "" {
		f.setNote(nil)
		return
	}
	f.setNote([]widget.RichTextSegment{noteSegment(text, theme.ColorNameForeground, false)})
}

// Error is the reason on show, or "".
func (f *field) Error() string { return f.err }

// Suggest shows a completion entry's choices, the highlighted one in bold.
// An error on show gives way to the suggestions while the user types.
func (f *field) Suggest(matches []option, hi int) {
	if len(matches) == 0 {
		f.SetError(f.err)
		return
	}
	// The line starts one before the highlighted choice, so that the
	// highlight stays on the visible part of the line.
	first := 0
	if hi > 1 {
		first = hi - 1
	}
	var segs []widget.RichTextSegment
	// The line ends where the field does: Fyne does not cut a line of
	// several runs, which then ran over the next field's note.
	room := f.note.Size().Width - 2*theme.InnerPadding()
	fits := func(text string, bold bool) (string, bool) {
		if room <= 0 { // not laid out yet
			return text, true
		}
		size := theme.CaptionTextSize()
		w := fyne.MeasureText(text, size, fyne.TextStyle{Bold: bold}).Width
		if w <= room {
			room -= w
			return text, true
		}
		r := []rune(text)
		for len(r) > 0 && fyne.MeasureText(string(r)+"…", size, fyne.TextStyle{Bold: bold}).Width > room {
			r = r[:len(r)-1]
		}
		room = 0
		return string(r) + "…", false
	}
	add := func(text string, color fyne.ThemeColorName, bold bool) bool {
		t, ok := fits(text, bold)
		if t == "…" && !ok && len(segs) > 0 {
			// Not one letter of it fits: the run before ends the line.
			if last := segs[len(segs)-1].(*widget.TextSegment); strings.TrimSpace(last.Text) == "·" {
				last.Text = "  …"
			}
			return false
		}
		segs = append(segs, noteSegment(t, color, bold))
		return ok
	}
	if first > 0 {
		add("…  ", theme.ColorNamePlaceHolder, false)
	}
	for i, m := range matches {
		if i < first {
			continue
		}
		if i > first && !add("  ·  ", theme.ColorNamePlaceHolder, false) {
			break
		}
		text := m.Text
		if m.Detail != "" {
			text += " " + m.Detail
		}
		ok := false
		if i == hi {
			ok = add("▸ "+text, theme.ColorNamePrimary, true)
		} else {
			ok = add(text, theme.ColorNameForeground, false)
		}
		if !ok {
			break
		}
	}
	f.setNote(segs)
	f.note.Wrapping = fyne.TextWrapOff
	f.note.Truncation = fyne.TextTruncateEllipsis
	f.note.Refresh()
}

// NoteText is the note line's plain text, for tests.
func (f *field) NoteText() string {
	var b strings.Builder
	for _, s := range f.note.Segments {
		if t, ok := s.(*widget.TextSegment); ok {
			b.WriteString(t.Text)
		}
	}
	return strings.TrimSpace(b.String())
}

// Cell is the field stacked: label, input, note. Grids of cells make the
// wide sale form. The stack is tight: the label's and the note's inner
// padding is empty space, so they overlap their neighbours' edges instead
// of adding to the gap between rows.
func (f *field) Cell() fyne.CanvasObject {
	return container.New(tightStack{}, f.label, f.input, f.note)
}

// inputWithNote is the input with its note under it, tight, for the label |
// input grid of the partner and settings forms.
func (f *field) inputWithNote() fyne.CanvasObject {
	return container.New(tightStack{}, f.input, f.note)
}

// tightStack stacks its objects top to bottom like a VBox but trims the
// transparent inner padding of labels and rich texts (the caption above an
// input and the note under it), which would otherwise double the gap.
type tightStack struct{}

// trims returns how much of o's top and bottom is empty padding.
func (tightStack) trims(o fyne.CanvasObject) (top, bottom float32) {
	pad := theme.InnerPadding()
	switch o.(type) {
	case *widget.Label:
		return pad / 2, pad
	case *widget.RichText:
		return pad - 2, pad
	}
	return 0, 0
}

func (l tightStack) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var size fyne.Size
	gap := theme.Padding() / 2
	n := 0
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		top, bottom := l.trims(o)
		size.Width = max(size.Width, m.Width)
		size.Height += m.Height - top - bottom
		n++
	}
	if n > 1 {
		size.Height += gap * float32(n-1)
	}
	return size
}

func (l tightStack) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	gap := theme.Padding() / 2
	y := float32(0)
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		h := o.MinSize().Height
		top, bottom := l.trims(o)
		o.Move(fyne.NewPos(0, y-top))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h - top - bottom + gap
	}
}

// fields is a form's fields by key, in the order they were added.
type fields struct {
	order []*field
	byKey map[string]*field
}

func (fs *fields) add(f *field) *field {
	if fs.byKey == nil {
		fs.byKey = map[string]*field{}
	}
	fs.order = append(fs.order, f)
	fs.byKey[f.key] = f
	return f
}

// get returns the field of key, or nil.
func (fs *fields) get(key string) *field { return fs.byKey[key] }

// clearErrors removes every error note.
func (fs *fields) clearErrors() {
	for _, f := range fs.order {
		f.SetError("")
	}
}

// showErrors puts a validation error's reasons under their fields. aliases
// maps other names the backend may use (e.g. "partner_id") to a field key.
// It returns the reasons whose field is not on the form, as "field: reason"
// sentences, and false when err is not a validation error at all.
func (fs *fields) showErrors(err error, aliases map[string]string) (rest []string, ok bool) {
	fs.clearErrors()
	byField, ok := fieldErrors(err)
	if !ok {
		return nil, false
	}
	for key, reason := range byField {
		k := key
		if a, found := aliases[k]; found {
			k = a
		}
		if f := fs.get(k); f != nil {
			f.SetError(reason)
			continue
		}
		if key == "" {
			rest = append(rest, reason)
		} else {
			rest = append(rest, key+": "+reason)
		}
	}
	sort.Strings(rest)
	return rest, true
}

// firstError returns the first field, in form order, that shows an error.
func (fs *fields) firstError() *field {
	for _, f := range fs.order {
		if f.err != "" {
			return f
		}
	}
	return nil
}

// formGrid lays fields out as label column and input column, each input
// with its note under it.
func formGrid(fs ...*field) *fyne.Container {
	var objs []fyne.CanvasObject
	for _, f := range fs {
		f.label.Alignment = fyne.TextAlignTrailing
		objs = append(objs, f.label, f.inputWithNote())
	}
	return container.New(layout.NewFormLayout(), objs...)
}

// sectionTitle is a bold heading inside a screen.
func sectionTitle(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// widthLimit lays its one object out no wider than max, at the leading edge.
type widthLimit struct{ max float32 }

func (l widthLimit) MinSize(objs []fyne.CanvasObject) fyne.Size {
	if len(objs) == 0 {
		return fyne.Size{}
	}
	return objs[0].MinSize()
}

func (l widthLimit) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		w := size.Width
		if w > l.max {
			w = l.max
		}
		o.Move(fyne.NewPos(0, 0))
		o.Resize(fyne.NewSize(w, size.Height))
	}
}

// limitWidth keeps a form readable in a wide window.
func limitWidth(max float32, o fyne.CanvasObject) *fyne.Container {
	return container.New(widthLimit{max: max}, o)
}
