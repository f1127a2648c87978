package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// ProgramTemplateService offers the ready-made programs (`program
// templates`, `program new --template`). *app.Service implements it;
// without it the Programs screen has no "New from template".
type ProgramTemplateService interface {
	ProgramTemplateList() []views.ProgramTemplate
	// TemplateProgram builds a template for this company, valid from start
	// (0: the first day of the current month), without saving it.
	TemplateProgram(name string, start engine.Date) (engine.Program, error)
}

// onNewFromTemplate lists the templates; the one chosen opens in the
// editor as a new draft, valid as it stands, saved only with Save.
func (s *ProgramsScreen) onNewFromTemplate() {
	ts, ok := s.svc.(ProgramTemplateService)
	if !ok {
		return
	}
	list := ts.ProgramTemplateList()
	from := widget.NewEntry()
	from.SetPlaceHolder(T("the first day of this month"))
	var d dialog.Dialog
	choose := func(i int) {
		if i < 0 || i >= len(list) {
			return
		}
		start, err := optionalDate(from.Text)
		if err != nil {
			showErr(fmt.Errorf("valid from: %w", err), s.win)
			return
		}
		d.Hide()
		s.openTemplate(ts, list[i], start)
	}
	l := widget.NewList(func() int { return len(list) },
		func() fyne.CanvasObject {
			t := widget.NewLabel("")
			t.TextStyle = fyne.TextStyle{Bold: true}
			sum := widget.NewLabel("")
			sum.Truncation = fyne.TextTruncateEllipsis
			return container.NewVBox(t, sum)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			b := o.(*fyne.Container)
			b.Objects[0].(*widget.Label).SetText(list[i].Title + "  ·  " + list[i].Name)
			b.Objects[1].(*widget.Label).SetText(list[i].Summary)
		})
	l.OnSelected = func(i widget.ListItemID) { choose(i) }
	intro := widget.NewLabel(T("A ready-made program for each program real vendors run. It opens in the editor as a draft, valid as it stands, with its golden examples: change what you need, then Save."))
	intro.Wrapping = fyne.TextWrapWord
	body := container.NewBorder(
		container.NewVBox(intro, widget.NewForm(widget.NewFormItem(T("Valid from"), from))),
		nil, nil, nil, l)
	d = dialog.NewCustom(T("New program from a template"), T("Cancel"), body, s.win)
	d.Resize(fyne.NewSize(720, 560))
	d.Show()
	s.win.Canvas().Focus(l)
}

// openTemplate builds template t and opens it in the editor, named apart
// from the programs already stored (a save by name would replace one).
func (s *ProgramsScreen) openTemplate(ts ProgramTemplateService, t views.ProgramTemplate, start engine.Date) {
	s.background(func() {
		p, err := ts.TemplateProgram(t.Name, start)
		fyne.Do(func() {
			if err != nil {
				showErr(fmt.Errorf("template %s: %w", t.Name, err), s.win)
				return
			}
			p.Name = s.freeName(p.Name)
			s.table.UnselectAll()
			s.edit(p)
			s.heading.SetText(Tf("New program from the template %s", t.Name))
			s.tabs.SelectIndex(1)
			s.win.Canvas().Focus(s.name)
			s.onEdited() // the template's examples and bands show at once
		})
	})
}

// freeName is name, or "name (2)", "name (3)"... when a stored program
// already has it.
func (s *ProgramsScreen) freeName(name string) string {
	taken := map[string]bool{}
	for _, p := range s.list.Programs {
		taken[strings.ToLower(strings.TrimSpace(p.Program.Name))] = true
	}
	if !taken[strings.ToLower(name)] {
		return name
	}
	for n := 2; ; n++ {
		c := fmt.Sprintf("%s (%d)", name, n)
		if !taken[strings.ToLower(c)] {
			return c
		}
	}
}
