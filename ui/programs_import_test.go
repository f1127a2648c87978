package ui

import (
	"testing"

	"partnerdesk/engine"
)

// replacingFake answers a program read from a file (id 0) as the service
// does when the file matches a stored active program: a
// *engine.ReplaceProgramError saying what changes.
type replacingFake struct {
	*fakeServices
	saves []engine.Program
}

func (r *replacingFake) SaveProgram(p engine.Program) (engine.Program, error) {
	r.saves = append(r.saves, p)
	if p.ID == 0 {
		return p, &engine.ReplaceProgramError{ID: 7, Name: "Volume rebate", Changes: []string{"budget 10000 to 20000"}}
	}
	return p, nil
}

// The window's import asks before replacing an active program, shows what
// changes, and on yes saves under the stored program's id (issue 12
// finding 6); on no nothing more is saved.
func TestProgramImportConfirmsReplacingActive(t *testing.T) {
	for _, yes := range []bool{true, false} {
		w := newTestWindow(t)
		f := &replacingFake{fakeServices: newFakeServices()}
		s := NewProgramsScreen(w, f)
		s.wait()
		w.SetContent(s.Content())
		s.saveImported(engine.Program{Name: "Volume rebate v2"}, "rebate.json")
		s.wait()
		if !hasLabel(t, w, "budget 10000 to 20000") || !hasLabel(t, w, "active program 7") {
			t.Fatalf("no confirmation naming the change; labels: %q", labelTexts(w))
		}
		label := "Yes"
		if !yes {
			label = "No"
		}
		buttonIn(t, w, label).OnTapped()
		s.wait()
		switch {
		case yes && (len(f.saves) != 2 || f.saves[1].ID != 7):
			t.Errorf("confirmed: saves %+v, want a second save under id 7", f.saves)
		case !yes && len(f.saves) != 1:
			t.Errorf("declined: %d saves, want 1", len(f.saves))
		}
	}
}
