package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

// newTestShell opens a shell over a fake backend in a test window of the
// size the app opens with. Dialogs answer yes and errors are collected.
func newTestShell(tb testing.TB) (*Shell, *fakeBackend, fyne.Window, *[]error) {
	tb.Helper()
	a := test.NewTempApp(tb)
	fb := newFake()
	w := test.NewTempWindow(tb, nil)
	s := NewShell(w, a, fb)
	w.SetContent(s.Content())
	w.Resize(fyne.NewSize(1280, 800))
	var errs []error
	s.showError = func(err error) { errs = append(errs, err) }
	s.confirm = func(_, _ string, answer func(bool)) { answer(true) }
	s.async = func(f func()) { f() }
	return s, fb, w, &errs
}

// press sends a plain key to the focused widget, as the keyboard would.
func press(tb testing.TB, c fyne.Canvas, k fyne.KeyName) {
	tb.Helper()
	f := c.Focused()
	if f == nil {
		tb.Fatalf("press %s: nothing has the focus", k)
	}
	f.TypedKey(&fyne.KeyEvent{Name: k})
}

// typeKeys types text into the focused widget, rune by rune.
func typeKeys(tb testing.TB, c fyne.Canvas, text string) {
	tb.Helper()
	f := c.Focused()
	if f == nil {
		tb.Fatalf("type %q: nothing has the focus", text)
	}
	for _, r := range text {
		f.TypedRune(r)
	}
}

// shortcut sends Ctrl (or Cmd) + k to the canvas.
func shortcut(c fyne.Canvas, k fyne.KeyName) {
	c.(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault})
}

func TestShortcutsShowScreens(t *testing.T) {
	s, _, w, _ := newTestShell(t)
	tests := []struct {
		key  fyne.KeyName
		want string
	}{
		{fyne.Key2, ScreenPartners},
		{fyne.Key3, ScreenSales},
		{fyne.Key4, ScreenEntries},
		{fyne.Key8, ScreenImport},
		{fyne.Key9, ScreenSettings},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			shortcut(w.Canvas(), tt.key)
			if got := s.Current(); got != tt.want {
				t.Errorf("Ctrl+%s shows %q, want %q", tt.key, got, tt.want)
			}
			if w.Canvas().Focused() == nil {
				t.Errorf("Ctrl+%s: no widget has the focus", tt.key)
			}
		})
	}
}

func TestEveryShortcutIsInTheMenu(t *testing.T) {
	_, _, w, _ := newTestShell(t)
	inMenu := map[string]bool{}
	for _, m := range w.MainMenu().Items {
		for _, it := range m.Items {
			if it.Shortcut != nil {
				inMenu[it.Shortcut.ShortcutName()] = true
			}
		}
	}
	seen := map[string]bool{}
	for _, sc := range Shortcuts {
		name := sc.Keys().ShortcutName()
		if seen[name] {
			t.Errorf("shortcut %s declared twice", name)
		}
		seen[name] = true
		if !inMenu[name] {
			t.Errorf("shortcut %s (%s) is not in the menus", name, sc.Label)
		}
	}
}

func TestShowUnknownScreenKeepsCurrent(t *testing.T) {
	s, _, _, _ := newTestShell(t)
	s.Show(ScreenSales)
	s.Show("nonesuch")
	if got := s.Current(); got != ScreenSales {
		t.Errorf("after Show(nonesuch) current = %q, want %q", got, ScreenSales)
	}
	if got := s.status.Text; got == "" {
		t.Error("Show(nonesuch) left no message in the status line")
	}
}
