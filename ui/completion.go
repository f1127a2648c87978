package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"partnerdesk/engine"
)

// option is one choice of a completion field.
type option struct {
	ID     engine.ID
	Text   string // what the field holds once picked (a name, a SKU)
	Detail string // shown beside Text in the suggestions (a product's name)
}

// maxSuggestions is how many choices the suggestion line shows.
const maxSuggestions = 5

// completionEntry is an entry that offers the options matching what has
// been typed. Down and Up move the highlight, Enter or Tab takes the
// highlighted choice, Escape drops the suggestions. The suggestions are
// drawn on the field's note line (see field), not in a pop-up, so the focus
// never leaves the entry.
type completionEntry struct {
	widget.Entry

	// options returns the choices for the typed text, best first.
	options func(text string) []option
	// onPick is called when a choice is taken (and with a zero option when
	// the text no longer matches the pick).
	onPick func(option)
	// onSuggest shows the suggestions; hi is the highlighted index.
	onSuggest func(matches []option, hi int)
	// onEscape is called for Escape when no suggestions are open.
	onEscape func()

	matches []option
	hi      int
	picked  option
	setting bool // SetText from the code, not the user
}

func newCompletionEntry(options func(string) []option) *completionEntry {
	e := &completionEntry{options: options}
	e.ExtendBaseWidget(e)
	e.OnChanged = e.changed
	return e
}

// Picked returns the chosen option; ID 0 when the text was typed, not picked.
func (e *completionEntry) Picked() option { return e.picked }

// Pick sets the field to o as if the user chose it.
func (e *completionEntry) Pick(o option) {
	e.setting = true
	e.SetText(o.Text)
	e.setting = false
	e.picked = o
	e.close()
	if e.onPick != nil {
		e.onPick(o)
	}
}

// Clear empties the field and forgets the pick.
func (e *completionEntry) Clear() {
	e.setting = true
	e.SetText("")
	e.setting = false
	e.picked = option{}
	e.close()
}

// Resolve takes the highlighted choice when the text was typed and not
// picked yet; forms call it before they save.
func (e *completionEntry) Resolve() {
	if e.picked.ID != 0 || strings.TrimSpace(e.Text) == "" {
		e.close()
		return
	}
	if len(e.matches) == 0 && e.options != nil {
		e.matches = e.options(e.Text)
		e.hi = 0
	}
	if len(e.matches) > 0 {
		e.Pick(e.matches[e.hi])
		return
	}
	e.close()
}

func (e *completionEntry) changed(text string) {
	if e.setting {
		return
	}
	if e.picked.ID != 0 {
		e.picked = option{}
		if e.onPick != nil {
			e.onPick(option{})
		}
	}
	if strings.TrimSpace(text) == "" || e.options == nil {
		e.close()
		return
	}
	e.matches = e.options(text)
	if len(e.matches) > maxSuggestions {
		e.matches = e.matches[:maxSuggestions]
	}
	e.hi = 0
	e.suggest()
}

func (e *completionEntry) suggest() {
	if e.onSuggest != nil {
		e.onSuggest(e.matches, e.hi)
	}
}

func (e *completionEntry) close() {
	e.matches = nil
	e.hi = 0
	e.suggest()
}

// TypedKey moves the highlight, takes a choice or passes the key on.
func (e *completionEntry) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyDown:
		if len(e.matches) > 0 {
			e.hi = (e.hi + 1) % len(e.matches)
			e.suggest()
			return
		}
	case fyne.KeyUp:
		if len(e.matches) > 0 {
			e.hi = (e.hi + len(e.matches) - 1) % len(e.matches)
			e.suggest()
			return
		}
	case fyne.KeyEscape:
		if len(e.matches) > 0 {
			e.close()
			return
		}
		if e.onEscape != nil {
			e.onEscape()
			return
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		e.Resolve()
	}
	e.Entry.TypedKey(k)
}

// FocusLost takes the highlighted choice: typing a few letters and Tab
// picks the first match.
func (e *completionEntry) FocusLost() {
	e.Resolve()
	e.Entry.FocusLost()
}

// matchOptions filters choices by text, case-insensitively: an exact Text
// first, then those whose Text or Detail starts with it, then those that
// contain it.
func matchOptions(all []option, text string) []option {
	q := strings.ToLower(strings.TrimSpace(text))
	if q == "" {
		return nil
	}
	var exact, prefix, inner []option
	for _, o := range all {
		t, d := strings.ToLower(o.Text), strings.ToLower(o.Detail)
		switch {
		case t == q:
			exact = append(exact, o)
		case strings.HasPrefix(t, q) || strings.HasPrefix(d, q):
			prefix = append(prefix, o)
		case strings.Contains(t, q) || strings.Contains(d, q):
			inner = append(inner, o)
		}
	}
	return append(append(exact, prefix...), inner...)
}
