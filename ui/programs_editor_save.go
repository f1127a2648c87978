package ui

// What the editor does as the owner types and saves: validate, refresh
// the live preview after a pause, confirm a rate over 100 % of revenue,
// ask from which period an active program's changed rules count, save.

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"partnerdesk/engine"
)

// onEdited runs after every keystroke in the editor: validate, then
// refresh the preview after a pause in the typing.
func (s *ProgramsScreen) onEdited() {
	if s.loading || s.re.pick == nil {
		return
	}
	p, ok := s.validateDraft()
	s.updateBands()
	if s.ex != nil {
		if c := s.ex.cur; c >= 0 && c < len(p.Examples) && c < len(s.draft.Examples) {
			s.draft.Examples[c] = p.Examples[c]
			s.ex.list.RefreshItem(c)
		}
		if ok {
			s.scheduleExamples(p)
		}
	}
	if c := s.re.cur; c >= 0 && c < len(p.Rules) {
		s.draft.Rules[c] = p.Rules[c]
		labels := s.ruleLabels()
		if s.re.pick.Options[c] != labels[c] {
			s.loading = true
			s.re.pick.Options = labels
			s.re.pick.SetSelectedIndex(c)
			s.loading = false
		}
	}
	if ok {
		s.schedulePreview(p)
		return
	}
	if strings.TrimSpace(s.simPeriod.Text) != "" {
		// A pending preview of the earlier, valid program would mislead.
		s.previewMu.Lock()
		s.previewGen++
		s.previewMu.Unlock()
		s.simInfo.SetText(T("The preview waits until the program is valid again: see the fields marked in the editor."))
	}
}

// previewDelay is the pause in the typing after which the preview runs.
var previewDelay = 400 * time.Millisecond

// schedulePreview simulates p over the preview period once the typing
// pauses; a newer edit replaces a pending one.
func (s *ProgramsScreen) schedulePreview(p engine.Program) {
	key := strings.TrimSpace(s.simPeriod.Text)
	if key == "" {
		return
	}
	s.previewMu.Lock()
	defer s.previewMu.Unlock()
	if s.previewTimer != nil && s.previewTimer.Stop() {
		s.wg.Done() // the pending run will not happen
	}
	s.wg.Add(1)
	s.previewGen++
	gen := s.previewGen
	s.previewTimer = time.AfterFunc(previewDelay, func() {
		defer s.wg.Done()
		sim, err := s.svc.Simulate(p, key)
		fyne.Do(func() {
			s.previewMu.Lock()
			stale := gen != s.previewGen
			s.previewMu.Unlock()
			if stale {
				return
			}
			if err != nil {
				s.simInfo.SetText(Tf("Preview over %s: %v", key, err))
				return
			}
			s.showSimulation(sim)
		})
	})
}

// overHundred lists the rules paying more than 100 % of revenue that
// were not confirmed yet (engine.NeedsRateConfirmation).
func overHundred(p engine.Program) []int {
	var out []int
	for i, r := range p.Rules {
		if engine.NeedsRateConfirmation(r) {
			out = append(out, i)
		}
	}
	return out
}

// rulesChanged reports whether p's rules differ from the stored ones.
func rulesChanged(stored, p engine.Program) bool {
	a, _ := json.Marshal(stored.Rules)
	b, _ := json.Marshal(p.Rules)
	return string(a) != string(b)
}

// onSave reads the editor and saves: a rate over 100 % of revenue is
// confirmed first, and an active program's changed rules ask from which
// period they count.
func (s *ProgramsScreen) onSave() {
	s.tried = true
	p, bad := s.readProgram()
	if len(bad) > 0 {
		s.showProblems(bad)
		return
	}
	if over := overHundred(p); len(over) > 0 {
		names := make([]string, len(over))
		for i, r := range over {
			names[i] = s.ruleLabel(fmt.Sprintf("rules[%d]", r))
		}
		showConfirm(T("A rate over 100 %"), Tf("%s pays more than 100 %% of the revenue it reads. Is that what you mean?", strings.Join(names, ", ")), func(yes bool) {
			if !yes {
				return
			}
			for _, i := range over {
				if p.Rules[i].Rate != nil {
					rr := *p.Rules[i].Rate
					rr.Confirmed = true
					p.Rules[i].Rate = &rr
				}
				if p.Rules[i].SPIF != nil {
					sp := *p.Rules[i].SPIF
					sp.Confirmed = true
					p.Rules[i].SPIF = &sp
				}
			}
			s.draft.Rules = p.Rules
			s.saveAsked(p)
		}, s.win)
		return
	}
	s.saveAsked(p)
}

// saveAsked saves p, asking first from which period an active program's
// new rules count.
func (s *ProgramsScreen) saveAsked(p engine.Program) {
	vs, versions := s.svc.(ProgramVersionService)
	if !versions || p.ID == 0 || s.current.Status != engine.ProgramActive || !rulesChanged(s.current, p) {
		s.save(p, "")
		return
	}
	from := widget.NewEntry()
	from.SetPlaceHolder(T("e.g. 2026-Q3"))
	from.SetText(strings.TrimSpace(s.simPeriod.Text))
	note := widget.NewLabel(T("Periods before it keep computing with the rules as they were."))
	note.Wrapping = fyne.TextWrapWord
	d := dialog.NewForm(T("From which period do the new rules count?"), T("Save"), T("Cancel"),
		[]*widget.FormItem{widget.NewFormItem(T("From period"), from), widget.NewFormItem("", note)},
		func(ok bool) {
			if ok {
				s.saveFrom(vs, p, from.Text)
			}
		}, s.win)
	d.Resize(fyne.NewSize(480, 200))
	d.Show()
	s.win.Canvas().Focus(from)
}

func (s *ProgramsScreen) save(p engine.Program, _ string) {
	s.background(func() {
		saved, err := s.svc.SaveProgram(p)
		fyne.Do(func() { s.saved(p, saved, err) })
	})
}

func (s *ProgramsScreen) saveFrom(vs ProgramVersionService, p engine.Program, from string) {
	s.background(func() {
		saved, err := vs.SaveProgramFrom(p, strings.TrimSpace(from))
		fyne.Do(func() { s.saved(p, saved, err) })
	})
}

// saved shows a save's outcome: the refusal beside its fields (the
// service's words), or the program as stored.
func (s *ProgramsScreen) saved(p, saved engine.Program, err error) {
	if err != nil {
		if by, ok := fieldErrors(err); ok {
			if f, only := by["from"]; only && len(by) == 1 {
				showErr(fmt.Errorf("from which period: %s", f), s.win)
				return
			}
			s.showFailedExample(by)
			s.showProblems(by)
			return
		}
		showErr(fmt.Errorf("save program %q: %w", p.Name, err), s.win)
		return
	}
	s.problem.SetText("")
	s.edit(saved)
	s.reload(saved.ID)
}
