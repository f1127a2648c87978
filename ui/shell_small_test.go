package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Issue #15.11: at 1024 x 700 the sidebar's titles collapsed to "…". The
// sidebar takes the width of its longest title and shortcut, and every
// title shows whole.
func TestSidebarTitlesReadableAt1024(t *testing.T) {
	s, _, w, _ := newTestShell(t)
	w.Resize(fyne.NewSize(1024, 700))
	test.LaidOutObjects(w.Content()) // lay the list out
	titles := map[string]bool{}
	for _, spec := range s.specs {
		titles[tableText(spec.Title)] = true
	}
	seen := 0
	for _, o := range test.LaidOutObjects(s.nav) {
		l, ok := o.(*widget.Label)
		if !ok || !titles[l.Text] {
			continue
		}
		seen++
		need := fyne.MeasureText(l.Text, theme.TextSize(), l.TextStyle).Width + 2*theme.InnerPadding()
		if l.Size().Width+0.5 < need {
			t.Errorf("sidebar title %q is %.0f px wide, needs %.0f: it is cut", l.Text, l.Size().Width, need)
		}
	}
	if seen == 0 {
		t.Fatal("no sidebar title found")
	}
}

// The screens of this area fit a 1024-pixel window beside the sidebar:
// their minimum widths leave the window free to shrink that far.
func TestShellScreensFit1024(t *testing.T) {
	s, _, _, _ := newTestShell(t)
	room := 1024 - sidebarWidth(s.specs) - 2*theme.Padding() - theme.SeparatorThicknessSize() - 16
	settings, help := s.Screen(ScreenSettings).Content().MinSize().Width, s.Screen(ScreenHelp).Content().MinSize().Width
	w := newTestWindow(t)
	f := newFakeServices()
	pr := NewPeriodRunScreen(w, f)
	pr.wait()
	st := NewStatementsScreen(w, f)
	st.wait()
	screens := map[string]float32{
		"period run": pr.Content().MinSize().Width, "statements": st.Content().MinSize().Width,
		"settings": settings, "help": help,
	}
	for name, got := range screens {
		if got > room {
			t.Errorf("%s needs %.0f px, the window has %.0f beside the sidebar at 1024", name, got, room)
		}
	}
}
