package ui

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

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

// FocusGained selects the text, as a formEntry does: typing replaces a
// pick instead of landing inside it.
func (e *completionEntry) FocusGained() {
	e.Entry.FocusGained()
	selectAllText(&e.Entry)
}

// FocusLost takes the highlighted choice: typing a few letters and Tab
// picks the first match.
func (e *completionEntry) FocusLost() {
	e.Resolve()
	e.Entry.FocusLost()
}

// The ranks of a choice for what was typed (matchRank), best first: a
// person typing "ess" for NL-ESS-LIC "Essentials licence" wants it before
// NL-CLOUD-PRO "Cloud Professional", whose name merely contains "ess".
const (
	rankExact      = iota // the SKU or name is what was typed
	rankTextPrefix        // the SKU or name starts with it
	rankTextWord          // a part of the SKU or a word of the name starts with it
	rankDetailWord        // the detail (a product's name, a role) or one of its words starts with it
	rankInside            // it is somewhere inside
	rankNone              // no match
)

// matchRank is the one rule for how well option o matches q (already
// folded with engine.FoldName): case and accents do not count ("mull"
// finds Müller), and a match at the start of a word beats one inside a
// word.
func matchRank(o option, q string) int {
	if q == "" {
		return rankNone
	}
	t, d := engine.FoldName(o.Text), engine.FoldName(o.Detail)
	switch {
	case t == q:
		return rankExact
	case strings.HasPrefix(t, q):
		return rankTextPrefix
	case atWordStart(t, q):
		return rankTextWord
	case atWordStart(d, q):
		return rankDetailWord
	case strings.Contains(t, q) || strings.Contains(d, q):
		return rankInside
	}
	return rankNone
}

// atWordStart reports whether q occurs in s at the start of a word: at the
// beginning or after a character that is neither a letter nor a digit
// ("ess" in "nl-ess-lic" and in "nordlicht essentials", not in
// "professional").
func atWordStart(s, q string) bool {
	for i := 0; i <= len(s)-len(q); {
		j := strings.Index(s[i:], q)
		if j < 0 {
			return false
		}
		at := i + j
		if at == 0 {
			return true
		}
		r, _ := utf8.DecodeLastRuneInString(s[:at])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return true
		}
		_, n := utf8.DecodeRuneInString(s[at:])
		i = at + n
	}
	return false
}

// matchOptions filters choices by text and orders them by matchRank, the
// order of all kept within a rank.
func matchOptions(all []option, text string) []option {
	q := engine.FoldName(text)
	if q == "" {
		return nil
	}
	var byRank [rankNone][]option
	for _, o := range all {
		if r := matchRank(o, q); r < rankNone {
			byRank[r] = append(byRank[r], o)
		}
	}
	var out []option
	for _, os := range byRank {
		out = append(out, os...)
	}
	return out
}

// rankOptions keeps every option (a backend already chose them, perhaps by
// a referral code the text does not show) but orders them by matchRank,
// as matchOptions does.
func rankOptions(opts []option, q string) []option {
	fq := engine.FoldName(q)
	sort.SliceStable(opts, func(i, j int) bool { return matchRank(opts[i], fq) < matchRank(opts[j], fq) })
	return opts
}
