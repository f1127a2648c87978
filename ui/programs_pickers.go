package ui

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// ProgramChoicesService lists what the program editor offers to pick by
// typing: SKUs, categories, partners and tiers. *app.Service implements
// it; without it the fields are plain text.
type ProgramChoicesService interface {
	ProgramChoices() (views.ProgramChoices, error)
}

// listPicker is a comma-separated list field whose last item is picked by
// typing a few letters: the completion entry of the entry forms
// (completion.go), completing the item being typed and keeping the ones
// before it. Down and Up move the highlight, Enter or Tab take it. The
// suggestions are drawn on the field's hint line.
type listPicker struct {
	*completionEntry
	choices func() []pickChoice
	item    *widget.FormItem // where the suggestions show; set once the form is built
	head    string           // the list before the item being typed
	typed   bool             // the user typed since the text was last set or picked
	shown   string           // the suggestions on show, "" when none
	onShown func()           // the suggestions changed
}

// pickChoice is one value a list picker offers: Value goes into the list,
// Label is what the suggestion shows, Also is matched too (a product's
// name, a partner's code).
type pickChoice struct {
	Value, Label string
	Also         []string
}

// newListPicker makes a list picker over choices; changed runs after each
// edit (the editor's validation).
func newListPicker(placeholder string, choices func() []pickChoice, changed func()) *listPicker {
	p := &listPicker{choices: choices}
	p.completionEntry = newCompletionEntry(p.options)
	p.PlaceHolder = placeholder
	p.OnChanged = func(text string) {
		p.typed = !p.setting
		p.completionEntry.changed(text)
		changed()
	}
	p.onSuggest = p.suggest
	p.onPick = func(o option) {
		if o.ID != 0 {
			p.CursorColumn = utf8.RuneCountInString(p.Text) // typing goes on after the pick
			p.Refresh()
		}
	}
	return p
}

// SetList sets the field's text from the program (not typed: nothing is
// offered until the user types).
func (p *listPicker) SetList(text string) {
	p.setting = true
	p.SetText(text)
	p.setting = false
	p.typed = false
	p.picked = option{}
	p.close()
}

// splitList splits text at its commas outside parentheses (a partner is
// written "12 (Acme, Inc.)"), keeping the separators in the head: the
// head is everything before the last item.
func splitList(text string) (head, last string) {
	depth, cut := 0, -1
	for i, r := range text {
		switch r {
		case '(':
			depth++
		case ')':
			if depth > 0 {
				depth--
			}
		case ',':
			if depth == 0 {
				cut = i
			}
		}
	}
	if cut < 0 {
		return "", text
	}
	return text[:cut+1] + " ", text[cut+1:]
}

// listItems is the list's items, split like splitList, trimmed, empty
// ones dropped.
func listItems(text string) []string {
	var out []string
	for {
		head, last := splitList(text)
		if t := strings.TrimSpace(last); t != "" {
			out = append([]string{t}, out...)
		}
		if head == "" {
			return out
		}
		text = strings.TrimSuffix(strings.TrimSpace(head), ",")
	}
}

// options ranks the choices for the item being typed with the one picker
// ranking (matchRank in completion.go: the value itself, then values and
// words of the label starting with it, then those containing it, each
// regardless of case and accents). Items already in the list are not
// offered again.
func (p *listPicker) options(text string) []option {
	if !p.typed || p.choices == nil {
		return nil
	}
	head, last := splitList(text)
	q := engine.FoldName(strings.TrimSpace(last))
	if q == "" {
		return nil
	}
	p.head = strings.TrimLeft(head, " ")
	have := map[string]bool{}
	for _, it := range listItems(head) {
		have[engine.FoldName(it)] = true
	}
	var ranked [rankNone][]option
	n := 0
	for _, c := range p.choices() {
		if have[engine.FoldName(c.Value)] {
			continue
		}
		detail := strings.TrimSpace(c.Label + " " + strings.Join(c.Also, " "))
		if r := matchRank(option{Text: c.Value, Detail: detail}, q); r < rankNone {
			n++
			ranked[r] = append(ranked[r], option{ID: engine.ID(n), Text: p.head + c.Value, Detail: c.Label})
		}
	}
	var out []option
	for _, r := range ranked {
		out = append(out, r...)
	}
	return out
}

// suggest draws the choices on the field's hint line, the highlighted one
// marked; the field's problem comes back when they close.
func (p *listPicker) suggest(matches []option, hi int) {
	if len(matches) == 0 {
		p.shown = ""
	} else {
		parts := make([]string, 0, len(matches))
		for i, m := range matches {
			t := strings.TrimPrefix(m.Text, p.head)
			if m.Detail != "" && m.Detail != t {
				t += " " + m.Detail
			}
			if i == hi {
				t = "▸ " + t
			}
			parts = append(parts, t)
		}
		p.shown = strings.Join(parts, "   ·   ") + "   (↓↑, Tab or Enter)"
	}
	if p.onShown != nil {
		p.onShown()
	}
}

// pickerSet is the editor's list pickers and the choices they offer.
type pickerSet struct {
	choices *views.ProgramChoices // nil until read
	all     []*listPicker
	hint    map[*listPicker]string // the problem under each, shown when no suggestion is
}

// placed puts p in a form item with its hint line (the form shows p's
// entry; the suggestions go on the item's hint).
func (p *listPicker) placed(label string) *widget.FormItem {
	p.item = hinted(label, p.completionEntry)
	return p.item
}

// newPicker makes a list picker of the editor over the choices from pick.
func (s *ProgramsScreen) newPicker(placeholder string, pick func(views.ProgramChoices) []pickChoice) *listPicker {
	p := newListPicker(placeholder, func() []pickChoice {
		if s.pickers.choices == nil {
			return nil
		}
		return pick(*s.pickers.choices)
	}, s.onEdited)
	p.onShown = func() { s.showSuggestions(p) }
	s.pickers.all = append(s.pickers.all, p)
	return p
}

// showSuggestions puts the picker's suggestions on its hint line, or its
// problem back when there are none.
func (s *ProgramsScreen) showSuggestions(p *listPicker) {
	if p.item == nil {
		return
	}
	text := p.shown
	if text == "" {
		text = s.pickers.hint[p]
		if text == "" {
			text = noHint
		}
	}
	if p.item.HintText == text {
		return
	}
	p.item.HintText = text
	s.refreshForms()
}

// refreshForms redraws every form of the editor (hints changed).
func (s *ProgramsScreen) refreshForms() {
	s.form.Refresh()
	s.re.head.Refresh()
	s.re.common.Refresh()
	for _, f := range s.re.kindForms {
		f.Refresh()
	}
	if s.ex != nil {
		s.ex.form.Refresh()
	}
}

// Choice lists of the editor's pickers.
func skuChoices(c views.ProgramChoices) []pickChoice {
	out := make([]pickChoice, len(c.Products))
	for i, p := range c.Products {
		out[i] = pickChoice{Value: p.SKU, Label: p.Name, Also: []string{p.Category}}
	}
	return out
}

func categoryChoices(c views.ProgramChoices) []pickChoice {
	out := make([]pickChoice, len(c.Categories))
	for i, cat := range c.Categories {
		out[i] = pickChoice{Value: cat}
	}
	return out
}

func tierChoices(c views.ProgramChoices) []pickChoice {
	out := make([]pickChoice, len(c.Tiers))
	for i, t := range c.Tiers {
		out[i] = pickChoice{Value: t}
	}
	return out
}

// partnerChoice writes a partner as the list holds it: "12 (Acme Srl)".
func partnerChoice(p views.PartnerChoice) string {
	return fmt.Sprintf("%d (%s)", p.ID, p.Name)
}

func partnerPickChoices(c views.ProgramChoices) []pickChoice {
	out := make([]pickChoice, len(c.Partners))
	for i, p := range c.Partners {
		label := ""
		if p.Code != "" {
			label = "code " + p.Code
		}
		out[i] = pickChoice{Value: partnerChoice(p), Label: label, Also: []string{p.Name, p.Code}}
	}
	return out
}

// partnersText writes partner ids as the eligibility field shows them,
// with their names once the choices are known.
func (s *ProgramsScreen) partnersText(ids []engine.ID) string {
	names := map[engine.ID]views.PartnerChoice{}
	if c := s.pickers.choices; c != nil {
		for _, p := range c.Partners {
			names[p.ID] = p
		}
	}
	out := make([]string, len(ids))
	for i, id := range ids {
		if p, ok := names[id]; ok {
			out[i] = partnerChoice(p)
		} else {
			out[i] = strconv.FormatUint(uint64(id), 10)
		}
	}
	return strings.Join(out, ", ")
}

// readPartners reads the eligibility's partners: each item an id, an id
// followed by the name in parentheses, or a partner's exact name or code.
func (s *ProgramsScreen) readPartners(fr *formReader, text string) []engine.ID {
	var out []engine.ID
	for _, it := range listItems(text) {
		idText := it
		if i := strings.Index(it, "("); i > 0 {
			idText = strings.TrimSpace(it[:i])
		}
		if n, err := strconv.ParseUint(idText, 10, 64); err == nil {
			out = append(out, engine.ID(n))
			continue
		}
		var found []engine.ID
		if c := s.pickers.choices; c != nil {
			for _, p := range c.Partners {
				if engine.SameName(p.Name, it) || (p.Code != "" && engine.SameName(p.Code, it)) {
					found = append(found, p.ID)
				}
			}
		}
		switch len(found) {
		case 1:
			out = append(out, found[0])
		case 0:
			fr.fail("eligibility.partners", "%q is not a partner: type a few letters of a name or code and pick one, or give its id", it)
		default:
			fr.fail("eligibility.partners", "%d partners are named %q: pick one from the list, or give its id", len(found), it)
		}
	}
	return out
}

// loadChoices fetches what the pickers offer, in the background.
func (s *ProgramsScreen) loadChoices() {
	cs, ok := s.svc.(ProgramChoicesService)
	if !ok {
		return
	}
	s.background(func() {
		c, err := cs.ProgramChoices()
		if err != nil {
			return // the fields stay plain text
		}
		fyne.Do(func() {
			first := s.pickers.choices == nil
			s.pickers.choices = &c
			if first && !s.elig.partners.typed {
				// Name the partners once their names are known.
				was := s.loading
				s.loading = true
				s.elig.partners.SetList(s.partnersText(s.draft.Eligibility.Partners))
				s.loading = was
			}
		})
	})
}

// closePickers closes the suggestions before a save (a typed item is
// kept as typed: the validation names an unknown one).
func (s *ProgramsScreen) closePickers() {
	for _, p := range s.pickers.all {
		p.close()
	}
}
