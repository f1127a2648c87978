package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// Command is an action a keyboard shortcut or a menu item asks of the shell
// or of the screen on show.
type Command string

// The commands. CmdGo* switch screens; the others go to the current screen
// when it implements Commander.
const (
	CmdNew     Command = "new"     // a new record (partner, sale line, program...)
	CmdSave    Command = "save"    // save the form on show
	CmdFind    Command = "find"    // focus the screen's search or first field
	CmdRefresh Command = "refresh" // reload the screen's data
	CmdGo      Command = "go"      // with Shortcut.Screen: show that screen
	CmdNextTab Command = "nexttab" // the next tab of a screen that has tabs
	CmdPrevTab Command = "prevtab" // the previous tab
	CmdCompute Command = "compute" // compute the period on show (the period run)
	CmdHelp    Command = "help"    // the help screen: every shortcut (ui/help.go)
)

// Commander is implemented by screens that act on commands. Command returns
// false when the screen has nothing to do for c.
type Commander interface {
	Command(c Command) bool
}

// Shortcut is one keyboard shortcut: declared once here, added to the
// window's canvas and shown beside its menu item.
type Shortcut struct {
	Command Command
	Screen  string // for CmdGo
	Label   string // the menu item's text
	Menu    string // the menu it appears in
	Key     fyne.KeyName
	Mod     fyne.KeyModifier
}

// Keys returns the Fyne shortcut for the canvas and the menu item.
func (s Shortcut) Keys() *desktop.CustomShortcut {
	return &desktop.CustomShortcut{KeyName: s.Key, Modifier: s.Mod}
}

// The menus, in menu-bar order.
const (
	MenuFile = "File"
	MenuEdit = "Edit"
	MenuGo   = "Go"
	MenuHelp = "Help"
)

// Shortcuts is every keyboard shortcut of the app. The Go entries follow
// the navigation order, so Ctrl+N is the N-th area in the sidebar (the app
// is new: no user has learnt older digits yet).
// Plain keys inside forms (Tab, Enter, Escape, Up, Down) are described in
// docs/decisions.md ("The window"); they are handled by the widgets that have focus.
var Shortcuts = []Shortcut{
	{Command: CmdNew, Label: "New", Menu: MenuEdit, Key: fyne.KeyN, Mod: fyne.KeyModifierShortcutDefault},
	{Command: CmdSave, Label: "Save", Menu: MenuEdit, Key: fyne.KeyS, Mod: fyne.KeyModifierShortcutDefault},
	{Command: CmdFind, Label: "Find", Menu: MenuEdit, Key: fyne.KeyF, Mod: fyne.KeyModifierShortcutDefault},
	{Command: CmdRefresh, Label: "Refresh", Menu: MenuEdit, Key: fyne.KeyR, Mod: fyne.KeyModifierShortcutDefault},
	{Command: CmdGo, Screen: ScreenDashboard, Label: "Dashboard", Menu: MenuGo, Key: fyne.Key1, Mod: fyne.KeyModifierShortcutDefault},
	{Command: CmdGo, Screen: ScreenPartners, Label: "Partners", Menu: MenuGo, Key: fyne.Key2, Mod: fyne.KeyModifierShortcutDefault},
	{Command: CmdGo, Screen: ScreenSales, Label: "Sales", Menu: MenuGo, Key: fyne.Key3, Mod: fyne.KeyModifierShortcutDefault},
	{Command: CmdGo, Screen: ScreenEntries, Label: "Deals & activity", Menu: MenuGo, Key: fyne.Key4, Mod: fyne.KeyModifierShortcutDefault},
	{Command: CmdGo, Screen: ScreenPrograms, Label: "Programs", Menu: MenuGo, Key: fyne.Key5, Mod: fyne.KeyModifierShortcutDefault},
	{Command: CmdGo, Screen: ScreenPeriodRun, Label: "Period run", Menu: MenuGo, Key: fyne.Key6, Mod: fyne.KeyModifierShortcutDefault},
	{Command: CmdGo, Screen: ScreenStatements, Label: "Statements", Menu: MenuGo, Key: fyne.Key7, Mod: fyne.KeyModifierShortcutDefault},
	{Command: CmdGo, Screen: ScreenImport, Label: "Import…", Menu: MenuFile, Key: fyne.Key8, Mod: fyne.KeyModifierShortcutDefault},
	{Command: CmdGo, Screen: ScreenSettings, Label: "Settings", Menu: MenuFile, Key: fyne.Key9, Mod: fyne.KeyModifierShortcutDefault},
	{Command: CmdNextTab, Label: "Next tab", Menu: MenuGo, Key: fyne.KeyPageDown, Mod: fyne.KeyModifierShortcutDefault},
	{Command: CmdPrevTab, Label: "Previous tab", Menu: MenuGo, Key: fyne.KeyPageUp, Mod: fyne.KeyModifierShortcutDefault},
	// Ctrl+Enter runs the period: Enter submits a form, Ctrl+Enter "runs"
	// the screen's main job; Ctrl+R stays Refresh, which only reloads.
	{Command: CmdCompute, Label: "Compute the period", Menu: MenuEdit, Key: fyne.KeyReturn, Mod: fyne.KeyModifierShortcutDefault},
	// F1 has no modifier: Fyne hands such keys to the focused widget, so
	// the window (app/gui) and the canvas pass it to Shell.TypedGlobalKey.
	{Command: CmdHelp, Label: "Keyboard shortcuts", Menu: MenuHelp, Key: fyne.KeyF1},
}

// FormKeys are the plain keys the focused widget handles (they are not
// shortcuts: no menu holds them). The help screen lists them after
// Shortcuts; docs/decisions.md ("The window") says why each works so.
var FormKeys = []struct{ Keys, What string }{
	{"Tab / Shift+Tab", "next / previous field"},
	{"Enter", "save the form, or take the highlighted suggestion"},
	{"Up / Down", "move the highlighted suggestion or the chosen row"},
	{"Escape", "clear a picker's suggestions (again: clear the line); cancel a dialog"},
	{"Space", "tick a check box; choose the line under the cursor"},
}

// commandKeys is how the keys of command c read ("Ctrl+Return"), for
// messages that mention them; "" when c has none.
func commandKeys(c Command) string {
	for _, s := range Shortcuts {
		if s.Command == c {
			return shortcutText(s)
		}
	}
	return ""
}

// shortcutFor returns the shortcut that shows screen, if there is one.
func shortcutFor(screen string) (Shortcut, bool) {
	for _, s := range Shortcuts {
		if s.Command == CmdGo && s.Screen == screen || s.Command == CmdHelp && screen == ScreenHelp {
			return s, true
		}
	}
	return Shortcut{}, false
}

// shortcutText renders a shortcut the way the menus print it ("Ctrl+3",
// "F1").
func shortcutText(s Shortcut) string {
	key := string(s.Key)
	switch s.Key {
	case fyne.KeyReturn:
		key = "Enter"
	case fyne.KeyPageDown:
		key = "Page Down"
	case fyne.KeyPageUp:
		key = "Page Up"
	}
	mod := ""
	if s.Mod&fyne.KeyModifierShift != 0 {
		mod += "Shift+"
	}
	switch {
	case s.Mod&fyne.KeyModifierSuper != 0:
		mod = "⌘" + mod
	case s.Mod&fyne.KeyModifierControl != 0:
		mod = "Ctrl+" + mod
	}
	return mod + key
}

// installShortcuts adds every shortcut to the canvas and builds the main
// menu from the same table, so a shortcut cannot exist in one and not the
// other.
func (s *Shell) installShortcuts() {
	menus := map[string]*fyne.Menu{}
	order := []string{MenuFile, MenuEdit, MenuGo, MenuHelp}
	for _, name := range order {
		menus[name] = fyne.NewMenu(tableText(name))
	}
	for _, sc := range Shortcuts {
		sc := sc
		run := func() { s.run(sc) }
		if sc.Mod == 0 {
			s.plainKeys[sc.Key] = sc
		} else {
			s.win.Canvas().AddShortcut(sc.Keys(), func(fyne.Shortcut) { run() })
		}
		s.installed = append(s.installed, sc)
		item := fyne.NewMenuItem(tableText(sc.Label), run)
		item.Shortcut = sc.Keys()
		m := menus[sc.Menu]
		m.Items = append(m.Items, item)
	}
	var all []*fyne.Menu
	for _, name := range order {
		all = append(all, menus[name])
	}
	s.win.SetMainMenu(fyne.NewMainMenu(all...))
	// A plain key reaches the canvas only while no widget has the
	// keyboard; the window hooks it in for the other times.
	prev := s.win.Canvas().OnTypedKey()
	s.win.Canvas().SetOnTypedKey(func(k *fyne.KeyEvent) {
		if !s.TypedGlobalKey(k.Name) && prev != nil {
			prev(k)
		}
	})
}

// TypedGlobalKey runs the shortcut of a key with no modifier (F1), whatever
// has the keyboard; it reports whether key is one. The window calls it from
// its own key hook (app/gui), since Fyne gives such keys to the focused
// widget.
func (s *Shell) TypedGlobalKey(key fyne.KeyName) bool {
	sc, ok := s.plainKeys[key]
	if ok {
		s.run(sc)
	}
	return ok
}

// run carries out one shortcut.
func (s *Shell) run(sc Shortcut) {
	switch sc.Command {
	case CmdGo:
		s.Show(sc.Screen)
		return
	case CmdHelp:
		s.Show(ScreenHelp)
		return
	}
	s.Command(sc.Command)
}
