package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"

	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// onSimulate runs the program on show over the typed period.
func (s *ProgramsScreen) onSimulate() {
	if s.current.Name == "" && len(s.current.Rules) == 0 {
		showInfo(T("Simulate"), T("Choose a program first."), s.win)
		return
	}
	s.simulate(s.current)
}

// onSimulateFile simulates a program file without saving it: a changed
// rule can be tried before it replaces the stored one.
func (s *ProgramsScreen) onSimulateFile() {
	s.openJSON(T("Simulate a program file without saving it"), func(data []byte, name string) {
		p, err := s.svc.ReadProgram(data)
		fyne.Do(func() {
			if err != nil {
				showErr(fmt.Errorf("read %s: %w", name, err), s.win)
				return
			}
			s.simulate(p)
		})
	})
}

func (s *ProgramsScreen) simulate(p engine.Program) {
	key := strings.TrimSpace(s.simPeriod.Text)
	if key == "" {
		s.simInfo.SetText(T("Type the past period to simulate, e.g. 2026-Q2 or 2026-05."))
		s.win.Canvas().Focus(s.simPeriod)
		return
	}
	s.simInfo.SetText(Tf("Simulating %s over %s…", p.Name, key))
	s.background(func() {
		sim, err := s.svc.Simulate(p, key)
		fyne.Do(func() {
			if err != nil {
				s.simInfo.SetText(Tf("Could not simulate %s over %s: %v", p.Name, key, err))
				return
			}
			s.showSimulation(sim)
		})
	})
}

func (s *ProgramsScreen) showSimulation(sim views.Simulation) {
	s.sim = sim
	f := numFmt{lang: Lang(), cur: sim.Currency}
	text := fmt.Sprintf("%s over %s: %d payees would earn %s; %s was paid; difference %s.",
		sim.Program, sim.Period, len(sim.Rows), f.money(sim.Total), f.money(sim.Actual), signed(f, sim.Diff))
	if sim.Points != 0 {
		text += " Points: " + f.points(sim.Points) + "."
	}
	s.simInfo.SetText(text)
	s.simTable.Refresh()
}

func signed(f numFmt, d decimal.Decimal) string {
	if d.IsPositive() {
		return "+" + f.money(d)
	}
	return f.money(d)
}

var simColumns = []string{"Payee", "Simulated", "Points", "Paid", "Difference"}

func newSimTable(s *ProgramsScreen) *widget.Table {
	t := widget.NewTableWithHeaders(
		func() (int, int) { return len(s.sim.Rows), len(simColumns) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			if id.Row >= len(s.sim.Rows) {
				l.SetText("")
				return
			}
			r := s.sim.Rows[id.Row]
			f := numFmt{lang: Lang(), cur: s.sim.Currency}
			l.Alignment = fyne.TextAlignTrailing
			l.Truncation = fyne.TextTruncateEllipsis
			l.Importance = widget.MediumImportance
			switch id.Col {
			case 0:
				l.Alignment = fyne.TextAlignLeading
				l.SetText(r.Name)
			case 1:
				l.SetText(f.money(r.Simulated))
			case 2:
				l.SetText(f.pointsBare(r.Points))
			case 3:
				l.SetText(f.money(r.Actual))
			case 4:
				switch {
				case r.Diff.IsPositive():
					l.Importance = widget.DangerImportance
				case r.Diff.IsNegative():
					l.Importance = widget.SuccessImportance
				}
				l.SetText(signed(f, r.Diff))
			}
		})
	t.ShowHeaderColumn = false
	t.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 {
			o.(*widget.Label).SetText(tableText(simColumns[id.Col]))
		}
	}
	for i, w := range []float32{115, 105, 55, 105, 100} {
		t.SetColumnWidth(i, w)
	}
	return t
}
