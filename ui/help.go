package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

func init() {
	RegisterScreen(ScreenSpec{Name: ScreenHelp, Title: "Help", IconName: theme.IconNameHelp, Order: 90,
		New: func(s *Shell) Screen { return newHelpScreen(s) }})
}

// helpScreen lists every keyboard shortcut, generated from the table the
// shell installs (ui/shortcuts.go), so it cannot drift from the keys that
// work; F1 opens it from anywhere.
type helpScreen struct {
	shell   *Shell
	rows    []helpRow
	content fyne.CanvasObject
}

// helpRow is one line of the help: keys and what they do, under a heading.
type helpRow struct{ Group, Keys, What string }

func newHelpScreen(s *Shell) *helpScreen {
	h := &helpScreen{shell: s, rows: helpRows(s.installed)}
	h.build()
	return h
}

// helpRows are the installed shortcuts by menu, in menu-bar order, then
// the keys of forms and tables.
func helpRows(installed []Shortcut) []helpRow {
	var rows []helpRow
	for _, menu := range []string{MenuFile, MenuEdit, MenuGo, MenuHelp} {
		for _, sc := range installed {
			if sc.Menu == menu {
				rows = append(rows, helpRow{Group: tableText(menu), Keys: shortcutText(sc), What: tableText(sc.Label)})
			}
		}
	}
	for _, k := range FormKeys {
		rows = append(rows, helpRow{Group: T("In forms and tables"), Keys: tableText(k.Keys), What: tableText(k.What)})
	}
	return rows
}

// Content is the screen.
func (h *helpScreen) Content() fyne.CanvasObject { return h.content }

// Shown takes no keyboard focus: F1 again or any shortcut leaves.
func (h *helpScreen) Shown() fyne.Focusable { return nil }

func (h *helpScreen) build() {
	intro := widget.NewLabel(T("Every keyboard shortcut of the window. The menus show the same keys beside their items. On macOS, Ctrl is ⌘."))
	intro.Wrapping = fyne.TextWrapWord
	body := container.NewVBox(intro)
	group := ""
	var grid *fyne.Container
	for _, r := range h.rows {
		if r.Group != group {
			group = r.Group
			body.Add(sectionTitle(group))
			grid = container.New(&keyColumns{keyWidth: 170})
			body.Add(grid)
		}
		keys := widget.NewLabelWithStyle(r.Keys, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		what := widget.NewLabel(r.What)
		what.Wrapping = fyne.TextWrapWord
		grid.Add(keys)
		grid.Add(what)
	}
	h.content = container.NewVScroll(container.NewPadded(limitWidth(760, body)))
}

// keyColumns lays pairs of objects out as rows: the keys in a fixed-width
// column, what they do in the rest.
type keyColumns struct{ keyWidth float32 }

func (k *keyColumns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var h, w float32
	for i := 0; i+1 < len(objs); i += 2 {
		a, b := objs[i].MinSize(), objs[i+1].MinSize()
		h += max(a.Height, b.Height)
		w = max(w, k.keyWidth+b.Width)
	}
	return fyne.NewSize(w, h)
}

func (k *keyColumns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	var y float32
	for i := 0; i+1 < len(objs); i += 2 {
		rest := size.Width - k.keyWidth
		objs[i+1].Resize(fyne.NewSize(rest, objs[i+1].MinSize().Height))
		rh := max(objs[i].MinSize().Height, objs[i+1].MinSize().Height)
		objs[i].Move(fyne.NewPos(0, y))
		objs[i].Resize(fyne.NewSize(k.keyWidth, rh))
		objs[i+1].Move(fyne.NewPos(k.keyWidth, y))
		objs[i+1].Resize(fyne.NewSize(rest, rh))
		y += rh
	}
}
