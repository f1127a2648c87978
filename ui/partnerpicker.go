package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"partnerdesk/engine"
)

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
	p.partner.PlaceHolder = T("Type a name or code")
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
	return partnerChoices(ps, q)
}

// partnerChoices is how partners are offered in every completion list
// (this picker's and the sale form's): the name, then "(code country)".
// The backend has already found them (engine.PartnerMatches: case and
// accents ignored, referral codes and ids too); rankOptions orders them
// by the one ranking rule of every picker.
func partnerChoices(ps []engine.Partner, q string) []option {
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

func (p *partnerPicker) repOptions() []option { return repChoices(p.reps) }

// repChoices is the one rule for which reps a form offers: the active ones,
// with their role beside the name.
func repChoices(reps []engine.Rep) []option {
	opts := make([]option, 0, len(reps))
	for _, r := range reps {
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
