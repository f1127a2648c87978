package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// The help screen lists every shortcut the shell installed and every
// shortcut in the menus, with its keys as the menus print them: it is
// generated from the one table, so a new shortcut cannot be left out.
func TestHelpListsEveryShortcut(t *testing.T) {
	s, _, w, _ := newTestShell(t)
	if len(s.installed) != len(Shortcuts) {
		t.Fatalf("installed %d shortcuts, the table has %d", len(s.installed), len(Shortcuts))
	}
	s.Show(ScreenHelp)
	if s.Current() != ScreenHelp {
		t.Fatalf("the help screen does not show (current %q)", s.Current())
	}
	var texts []string
	for _, o := range test.LaidOutObjects(s.Screen(ScreenHelp).Content()) {
		if l, ok := o.(*widget.Label); ok {
			texts = append(texts, l.Text)
		}
	}
	listed := func(keys, what string) bool {
		for i := 0; i+1 < len(texts); i++ {
			if texts[i] == keys && texts[i+1] == what {
				return true
			}
		}
		return false
	}
	for _, sc := range s.installed {
		if !listed(shortcutText(sc), tableText(sc.Label)) {
			t.Errorf("help lacks %s %q", shortcutText(sc), sc.Label)
		}
	}
	for _, m := range w.MainMenu().Items {
		for _, it := range m.Items {
			if it.Shortcut == nil || it.IsQuit {
				continue
			}
			found := false
			for _, sc := range s.installed {
				if sc.Keys().ShortcutName() == it.Shortcut.ShortcutName() && listed(shortcutText(sc), tableText(sc.Label)) {
					found = true
				}
			}
			if !found {
				t.Errorf("menu item %q (%s) is not in the help", it.Label, it.Shortcut.ShortcutName())
			}
		}
	}
	for _, want := range []string{"F1", "Ctrl+Enter", "Ctrl+1", "Tab / Shift+Tab"} {
		if !strings.Contains(strings.Join(texts, "\n"), want) {
			t.Errorf("help lacks %q", want)
		}
	}
}

// F1 opens the help from a text field (the window's key hook calls
// TypedGlobalKey) and when nothing has the keyboard (the canvas).
func TestF1OpensHelp(t *testing.T) {
	s, _, w, _ := newTestShell(t)
	s.Show(ScreenSales)
	if w.Canvas().Focused() == nil {
		t.Fatal("the sales screen gave no field the keyboard")
	}
	if !s.TypedGlobalKey(fyne.KeyF1) || s.Current() != ScreenHelp {
		t.Errorf("F1 from a field: current %q, want help", s.Current())
	}
	if s.TypedGlobalKey(fyne.KeyF2) {
		t.Error("F2 is taken as a shortcut")
	}
	s.Show(ScreenSettings)
	w.Canvas().Unfocus()
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyF1})
	if s.Current() != ScreenHelp {
		t.Errorf("F1 with nothing focused: current %q, want help", s.Current())
	}
}

// commandLog records the commands a screen receives.
type commandLog struct{ got []Command }

func (c *commandLog) Content() fyne.CanvasObject { return widget.NewLabel("") }
func (c *commandLog) Shown() fyne.Focusable      { return nil }
func (c *commandLog) Command(cmd Command) bool {
	c.got = append(c.got, cmd)
	return true
}

// Ctrl+Enter sends Compute to the screen on show (Ctrl+R stays Refresh).
func TestCtrlEnterIsCompute(t *testing.T) {
	s, _, w, _ := newTestShell(t)
	log := &commandLog{}
	s.screens[s.Current()] = log
	shortcut(w.Canvas(), fyne.KeyReturn)
	shortcut(w.Canvas(), fyne.KeyR)
	if len(log.got) != 2 || log.got[0] != CmdCompute || log.got[1] != CmdRefresh {
		t.Errorf("Ctrl+Enter, Ctrl+R sent %v, want [compute refresh]", log.got)
	}
	if got := commandKeys(CmdCompute); got != "Ctrl+Enter" {
		t.Errorf("compute's keys read %q", got)
	}
}
