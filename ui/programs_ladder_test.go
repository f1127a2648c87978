package ui

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"

	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// fakeLadder keeps a ladder in memory with the service's refusals: a bad
// name on "name", a level in use cannot go.
type fakeLadder struct {
	l     engine.TierLadder
	inUse map[string]bool
}

func (f *fakeLadder) Ladder() (engine.TierLadder, error) { return f.l, nil }

func (f *fakeLadder) change(fn func(l *engine.TierLadder) error) (engine.TierLadder, error) {
	l := f.l
	l.Levels = slices.Clone(f.l.Levels)
	if err := fn(&l); err != nil {
		return f.l, err
	}
	if err := engine.ValidateLadder(l); err != nil {
		return f.l, err
	}
	f.l = l
	return l, nil
}

func (f *fakeLadder) AddTier(name string, at int, c engine.TierCriteria) (engine.TierLadder, error) {
	return f.change(func(l *engine.TierLadder) error {
		if err := engine.CheckTierName(name); err != nil {
			return &engine.ValidationError{Field: "name", Reason: err.Error()}
		}
		l.Levels = append(l.Levels, engine.TierLevel{Name: name, Criteria: c})
		return nil
	})
}

func (f *fakeLadder) index(name string) int { return engine.LadderIndex(f.l, name) }

func (f *fakeLadder) SetTierCriteria(name string, c engine.TierCriteria) (engine.TierLadder, error) {
	return f.change(func(l *engine.TierLadder) error { l.Levels[f.index(name)].Criteria = c; return nil })
}

func (f *fakeLadder) SetLadderWindow(months int) (engine.TierLadder, error) {
	return f.change(func(l *engine.TierLadder) error { l.WindowMonths = months; return nil })
}

func (f *fakeLadder) MoveTier(name string, to int) (engine.TierLadder, error) {
	return f.change(func(l *engine.TierLadder) error {
		if to < 1 || to > len(l.Levels) {
			return &engine.ValidationError{Field: "position", Reason: "give a position from 1 (lowest) to the top"}
		}
		i := f.index(name)
		lv := l.Levels[i]
		l.Levels = slices.Insert(slices.Delete(l.Levels, i, i+1), to-1, lv)
		return nil
	})
}

func (f *fakeLadder) RemoveTier(name string) (engine.TierLadder, error) {
	if f.inUse[name] {
		return f.l, errors.New("cannot remove the level " + name + ": partner 3 (Acme) holds it; rename it instead")
	}
	return f.change(func(l *engine.TierLadder) error {
		l.Levels = slices.Delete(l.Levels, f.index(name), f.index(name)+1)
		return nil
	})
}

func (f *fakeLadder) RenameTier(old, new string) (views.RenameResult, error) {
	if err := engine.CheckTierName(new); err != nil {
		return views.RenameResult{Ladder: f.l}, &engine.ValidationError{Field: "name", Reason: err.Error()}
	}
	l, err := f.change(func(l *engine.TierLadder) error { l.Levels[f.index(old)].Name = new; return nil })
	return views.RenameResult{Ladder: l, TierChanges: 2, Programs: []string{"Volume rebate"}}, err
}

func (f *fakeLadder) ParseAmount(field, text string) (decimal.Decimal, error) {
	d, err := decimal.NewFromString(strings.ReplaceAll(text, ",", ""))
	if err != nil {
		return d, &engine.ValidationError{Field: field, Reason: "not an amount: " + text}
	}
	return d, nil
}

// The ladder is defined from scratch in the window: add, criteria, move,
// rename; refusals are shown beside the field or in a dialog.
func TestLadderTabDefinesTheLadderFromScratch(t *testing.T) {
	w, _, s := newProgramsTest(t)
	fl := &fakeLadder{inUse: map[string]bool{}}
	s.addLadder(fl)
	w.SetContent(s.Content())
	s.wait()
	lt := s.ladder
	add := func(name, revenue, certs string) {
		lt.name.SetText("")
		test.Type(lt.name, name)
		lt.crit[0].SetText("")
		test.Type(lt.crit[0], revenue)
		lt.crit[2].SetText("")
		test.Type(lt.crit[2], certs)
		lt.onAdd()
		s.wait()
	}
	add("Registered", "0", "0")
	add("Gold", "100,000", "2")
	add("Silver", "25000", "1")
	if got := len(fl.l.Levels); got != 3 {
		t.Fatalf("levels: got %d, want 3", got)
	}
	if got := fl.l.Levels[1].Criteria; !got.Revenue.Equal(decimal.NewFromInt(100000)) || got.Certifications != 2 {
		t.Errorf("Gold's criteria: got %+v", got)
	}
	// Silver is selected after adding it; move it below Gold.
	if lt.selected != 2 {
		t.Fatalf("selected after add: got %d, want 2", lt.selected)
	}
	lt.onMove(-1)
	s.wait()
	var names []string
	for _, lv := range fl.l.Levels {
		names = append(names, lv.Name)
	}
	if got, want := strings.Join(names, ","), "Registered,Silver,Gold"; got != want {
		t.Errorf("order after move: got %s, want %s", got, want)
	}
	// A count that is not a number is refused beside its field.
	lt.crit[3].SetText("")
	test.Type(lt.crit[3], "two")
	lt.onSaveCriteria()
	s.wait()
	if got := lt.form.Items[4].HintText; strings.TrimSpace(got) == "" {
		t.Errorf("won registrations: no hint for %q", lt.crit[3].Text)
	}
	// A bad name is refused beside Name with the service's words.
	lt.name.SetText(" ")
	lt.onRename()
	s.wait()
	if got := lt.form.Items[0].HintText; strings.TrimSpace(got) == "" {
		t.Errorf("rename to a blank name: no hint beside Name")
	}
	lt.name.SetText("Silver Plus")
	lt.onRename()
	s.wait()
	if fl.l.Levels[1].Name != "Silver Plus" || !strings.Contains(lt.message.Text, "Volume rebate") {
		t.Errorf("rename: ladder %+v, message %q", fl.l.Levels, lt.message.Text)
	}
	// Removing a level in use is refused in a dialog naming who holds it.
	fl.inUse["Gold"] = true
	lt.table.Select(widget.TableCellID{Row: 2, Col: 1})
	lt.onRemove()
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyReturn}) // yes, remove
	s.wait()
	if len(fl.l.Levels) != 3 || !hasLabel(t, w, "partner 3 (Acme)") {
		t.Errorf("remove of a level in use: levels %d, labels %q", len(fl.l.Levels), labelTexts(w))
	}
}
