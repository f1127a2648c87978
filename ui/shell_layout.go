package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// sidebarWidth is the width the sidebar needs for its longest title and
// shortcut, so that the titles stay readable however narrow the window
// (issue #15.11: at 1024 x 700 they collapsed to "…"). It measures the
// titles in the window's language.
func sidebarWidth(specs []ScreenSpec) float32 {
	size := theme.TextSize()
	var title, keys float32
	for _, spec := range specs {
		title = max(title, fyne.MeasureText(tableText(spec.Title), size, fyne.TextStyle{}).Width)
		if sc, ok := shortcutFor(spec.Name); ok {
			keys = max(keys, fyne.MeasureText(shortcutText(sc), size, fyne.TextStyle{}).Width)
		}
	}
	pad, inner := theme.Padding(), theme.InnerPadding()
	// icon | title | keys, each label with its inner padding, the border's
	// gaps, the list's own padding and room for its scroll bar.
	return theme.IconInlineSize() + title + keys + 4*inner + 4*pad + theme.ScrollBarSize()
}

// atLeastWidth lays its one object out over the whole size and asks for at
// least width.
type atLeastWidth struct{ width float32 }

func (a atLeastWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var m fyne.Size
	for _, o := range objs {
		m = m.Max(o.MinSize())
	}
	return fyne.NewSize(max(m.Width, a.width), m.Height)
}

func (a atLeastWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}
