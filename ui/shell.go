package ui

import (
	"errors"
	"sort"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partnerdesk/engine"
)

// The screen names, in navigation order. Show takes these.
const (
	ScreenDashboard  = "dashboard"
	ScreenPartners   = "partners"
	ScreenSales      = "sales"
	ScreenPrograms   = "programs"
	ScreenPeriodRun  = "periodrun"
	ScreenStatements = "statements"
	ScreenImport     = "import"
	ScreenSettings   = "settings"
	ScreenHelp       = "help"
)

// Screen is one area of the main window. A screen is built once, the first
// time it is shown, and kept; Shown is called every time it comes back.
type Screen interface {
	// Content is the screen's widget tree.
	Content() fyne.CanvasObject
	// Shown reloads what may have changed elsewhere and returns the widget
	// that takes the keyboard focus (nil: none).
	Shown() fyne.Focusable
}

// ScreenSpec registers a screen with the shell.
type ScreenSpec struct {
	Name  string // one of the Screen* names
	Title string // shown in the sidebar and the menu
	// IconName is the theme icon of the sidebar entry. It is a name, not a
	// resource, because screens register in init, before the app (and so
	// the theme) exists; the shell looks it up when it draws the entry.
	IconName fyne.ThemeIconName
	// Icon is a custom resource for the entry; it wins over IconName.
	Icon  fyne.Resource
	Order int // position in the sidebar, lowest first
	New   func(s *Shell) Screen
}

// icon resolves the entry's icon now that a theme is set.
func (spec ScreenSpec) icon() fyne.Resource {
	switch {
	case spec.Icon != nil:
		return spec.Icon
	case spec.IconName != "":
		return theme.Icon(spec.IconName)
	}
	return theme.NavigateNextIcon()
}

var (
	registryMu sync.Mutex
	registry   = map[string]ScreenSpec{}
)

// RegisterScreen adds a screen to every shell created afterwards. Screens
// register from an init function in their own file, so the shell needs no
// edit when a screen is added.
func RegisterScreen(spec ScreenSpec) {
	registryMu.Lock()
	defer registryMu.Unlock()
	if spec.Name == "" || spec.New == nil {
		panic("ui: RegisterScreen needs a Name and a New function")
	}
	if _, dup := registry[spec.Name]; dup {
		panic("ui: screen " + spec.Name + " registered twice")
	}
	registry[spec.Name] = spec
}

// registeredScreens returns the registered screens in sidebar order.
func registeredScreens() []ScreenSpec {
	registryMu.Lock()
	defer registryMu.Unlock()
	specs := make([]ScreenSpec, 0, len(registry))
	for _, s := range registry {
		specs = append(specs, s)
	}
	sort.Slice(specs, func(i, j int) bool {
		if specs[i].Order != specs[j].Order {
			return specs[i].Order < specs[j].Order
		}
		return specs[i].Name < specs[j].Name
	})
	return specs
}

// Shell is the main window's content: a sidebar of areas, the area on show
// and a status line. It owns no data; every screen asks the Backend.
type Shell struct {
	win     fyne.Window
	app     fyne.App
	backend Backend

	specs   []ScreenSpec
	screens map[string]Screen
	current string

	nav      *widget.List
	title    *widget.Label
	body     *fyne.Container
	status   *widget.Label
	operator *widget.Label
	file     *widget.Label // the open file's path
	content  fyne.CanvasObject

	// confirm and showError are dialogs; tests replace them to answer
	// without an overlay.
	confirm   func(title, message string, answer func(bool))
	showError func(err error)
	// async runs long work (an import) off the UI goroutine; tests run it
	// inline.
	async func(func())

	// plainKeys are the shortcuts without a modifier (F1), which
	// TypedGlobalKey runs; installed is every shortcut the shell put on
	// the canvas and in the menus, which the help screen lists.
	plainKeys map[fyne.KeyName]Shortcut
	installed []Shortcut

	// restorer restores a backup in place of the open file (SetRestorer,
	// ui/settings_backup.go); nil where the window cannot.
	restorer Restorer
}

// NewShell builds the main window's content for w over b, applies the
// bundled-font theme and installs the menus and shortcuts. The caller sets
// it with w.SetContent(shell.Content()).
func NewShell(w fyne.Window, a fyne.App, b Backend) *Shell {
	s := &Shell{win: w, app: a, backend: b, screens: map[string]Screen{}, plainKeys: map[fyne.KeyName]Shortcut{}}
	s.confirm = func(title, message string, answer func(bool)) {
		showConfirm(title, message, answer, w)
	}
	s.showError = func(err error) { showErr(err, w) }
	s.async = func(f func()) { go f() }
	if a != nil {
		a.Settings().SetTheme(NewTheme())
	}
	applyLanguage(a)
	s.specs = registeredScreens()
	s.build()
	s.installShortcuts()
	if len(s.specs) > 0 {
		s.Show(s.specs[0].Name)
	}
	return s
}

// Content is the window's content.
func (s *Shell) Content() fyne.CanvasObject { return s.content }

// Backend is the backend the screens use.
func (s *Shell) Backend() Backend { return s.backend }

// Window is the main window, for dialogs.
func (s *Shell) Window() fyne.Window { return s.win }

// App is the application, for preferences and the clipboard.
func (s *Shell) App() fyne.App { return s.app }

// Current is the name of the screen on show.
func (s *Shell) Current() string { return s.current }

// Screen returns the named screen, building it if needed; nil when no
// screen of that name is registered.
func (s *Shell) Screen(name string) Screen {
	if sc, ok := s.screens[name]; ok {
		return sc
	}
	for _, spec := range s.specs {
		if spec.Name == name {
			sc := spec.New(s)
			s.screens[name] = sc
			return sc
		}
	}
	return nil
}

// Show brings the named screen up and gives its focus widget the keyboard.
// An unknown name shows nothing new and reports it in the status line.
func (s *Shell) Show(name string) {
	sc := s.Screen(name)
	if sc == nil {
		s.SetStatus(Tf("There is no %s screen in this build.", name))
		return
	}
	s.current = name
	for i, spec := range s.specs {
		if spec.Name == name {
			s.title.SetText(tableText(spec.Title))
			s.nav.Select(i)
		}
	}
	s.body.Objects = []fyne.CanvasObject{sc.Content()}
	s.body.Refresh()
	// Before the window holds the shell (NewShell shows the first screen
	// while it is built) there is nothing to focus yet.
	if f := sc.Shown(); f != nil && s.win.Content() == s.content {
		s.win.Canvas().Focus(f)
	}
}

// Command sends c to the screen on show; it reports whether the screen did
// anything with it.
func (s *Shell) Command(c Command) bool {
	sc, ok := s.screens[s.current].(Commander)
	if !ok {
		return false
	}
	return sc.Command(c)
}

// SetStatus shows a one-line message at the bottom of the window.
func (s *Shell) SetStatus(msg string) { s.status.SetText(msg) }

// ShowError shows err in a dialog. Screens map validation errors to their
// fields first and use this for everything else.
func (s *Shell) ShowError(err error) {
	if err != nil {
		s.showError(err)
	}
}

// Confirm asks a yes/no question and calls answer with the reply.
func (s *Shell) Confirm(title, message string, answer func(bool)) {
	s.confirm(title, message, answer)
}

// Async runs f off the UI goroutine; f updates widgets only through fyne.Do.
func (s *Shell) Async(f func()) { s.async(f) }

// setOperator shows who is working in the status line.
func (s *Shell) setOperator(name string) {
	if name == "" {
		s.operator.SetText(T("No operator set"))
		return
	}
	s.operator.SetText(Tf("Operator: %s", name))
}

func (s *Shell) build() {
	s.nav = widget.NewList(
		func() int { return len(s.specs) },
		func() fyne.CanvasObject {
			// A long title ends in an ellipsis instead of running under
			// its shortcut.
			title := widget.NewLabel(T("Statements"))
			title.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, widget.NewIcon(theme.HomeIcon()), widget.NewLabel("Ctrl+0"), title)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			spec := s.specs[id]
			c := o.(*fyne.Container)
			c.Objects[0].(*widget.Label).SetText(tableText(spec.Title))
			c.Objects[1].(*widget.Icon).SetResource(spec.icon())
			key := c.Objects[2].(*widget.Label)
			key.Importance = widget.LowImportance
			if sc, ok := shortcutFor(spec.Name); ok {
				key.SetText(shortcutText(sc))
			} else {
				key.SetText("")
			}
		})
	s.nav.OnSelected = func(id widget.ListItemID) {
		if id < len(s.specs) && s.specs[id].Name != s.current {
			s.Show(s.specs[id].Name)
		}
	}
	s.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.title.SizeName = theme.SizeNameSubHeadingText
	s.status = widget.NewLabel("")
	s.status.Importance = widget.LowImportance
	s.status.Truncation = fyne.TextTruncateEllipsis
	s.operator = widget.NewLabel("")
	s.operator.Importance = widget.LowImportance
	if s.backend != nil {
		s.setOperator(s.backend.OperatorName())
	}
	// The open file, always in sight: which books these are.
	s.file = widget.NewLabel("")
	s.file.Importance = widget.LowImportance
	if fs, ok := s.backend.(FileService); ok {
		s.file.SetText(fs.DatabasePath())
	}
	s.body = container.NewStack()
	brand := widget.NewLabelWithStyle("Partnerdesk", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	side := container.New(atLeastWidth{sidebarWidth(s.specs)},
		container.NewBorder(container.NewPadded(brand), nil, nil, nil, s.nav))
	header := container.NewVBox(s.title, widget.NewSeparator())
	footer := container.NewVBox(widget.NewSeparator(),
		container.NewBorder(nil, nil, nil, container.NewHBox(s.file, s.operator), s.status))
	main := container.NewBorder(header, footer, nil, nil, container.NewPadded(s.body))
	split := container.NewHSplit(side, main)
	split.Offset = 0.18
	s.content = split
}

// fieldErrors spreads a validation error over the fields it names. It
// returns the problems whose field is not on the form (they go to a dialog
// or a form-level message) and whether err was a validation error at all.
func fieldErrors(err error) (byField map[string]string, ok bool) {
	byField = map[string]string{}
	var many engine.ValidationErrors
	var one *engine.ValidationError
	switch {
	case errors.As(err, &many):
		for _, e := range many {
			if _, seen := byField[e.Field]; !seen {
				byField[e.Field] = e.Reason
			}
		}
		return byField, true
	case errors.As(err, &one):
		byField[one.Field] = one.Reason
		return byField, true
	}
	return nil, false
}

// missingScreen stands in for a screen whose service the back end does not
// provide yet, so the shell still opens.
type missingScreen string

func (m missingScreen) Content() fyne.CanvasObject {
	l := widget.NewLabel(Tf("The %s screen is not available in this build: the back end does not provide it.", string(m)))
	l.Wrapping = fyne.TextWrapWord
	return l
}

func (m missingScreen) Shown() fyne.Focusable { return nil }
