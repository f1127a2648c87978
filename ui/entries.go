package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// ScreenEntries is the registrations & activity screen: deal
// registrations and their decisions, trainings, activities and the tier
// review.
const ScreenEntries = "entries"

func init() {
	RegisterScreen(ScreenSpec{Name: ScreenEntries, Title: "Deals & activity", IconName: theme.IconNameList, Order: 35,
		New: func(sh *Shell) Screen {
			svc, ok := sh.Backend().(EntriesService)
			if !ok {
				return missingScreen("registrations & activity")
			}
			return newEntriesScreen(sh, svc)
		}})
}

// listLimit is how many registrations, trainings and activities the lists
// under the forms show.
const listLimit = 500

// activityTypes are the kinds of activity the type field offers; any other
// word may be typed.
var activityTypes = []string{"demo", "webinar", "joint call", "QBR", "event"}

// The tabs of the screen, in order.
const (
	tabRegistration = iota
	tabTraining
	tabActivity
	tabTiers
)

// entriesScreen holds the three keyboard-first entry forms and the tier
// review, one tab each. Every form works like the sale form: Tab between
// fields, partners and reps picked by typing, Enter saves and opens the
// next record with the same partner.
type entriesScreen struct {
	shell *Shell
	svc   EntriesService
	tabs  *container.AppTabs

	reg   *registrationForm
	train *trainingForm
	act   *activityForm
	tier  *tierPanel

	content fyne.CanvasObject
}

func newEntriesScreen(sh *Shell, svc EntriesService) *entriesScreen {
	sc := &entriesScreen{shell: sh, svc: svc}
	sc.reg = newRegistrationForm(sc)
	sc.train = newTrainingForm(sc)
	sc.act = newActivityForm(sc)
	sc.tier = newTierPanel(sc)
	sc.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(T("Deal registration"), theme.DocumentCreateIcon(), sc.reg.content),
		container.NewTabItemWithIcon(T("Training"), theme.AccountIcon(), sc.train.content),
		container.NewTabItemWithIcon(T("Activity"), theme.MediaVideoIcon(), sc.act.content),
		container.NewTabItemWithIcon(T("Tier review"), theme.MoveUpIcon(), sc.tier.content),
	)
	sc.tabs.OnSelected = func(*container.TabItem) { sc.focus(sc.tabShown()) }
	hint := widget.NewLabel(T("Ctrl+PgDn / Ctrl+PgUp switch tabs · Tab moves between fields · type a few letters to pick, ↓ ↑ to choose · Enter saves and opens the next one · Esc clears"))
	hint.Importance = widget.LowImportance
	hint.Truncation = fyne.TextTruncateEllipsis
	hint.SizeName = theme.SizeNameCaptionText
	sc.content = container.NewBorder(nil, hint, nil, nil, sc.tabs)
	return sc
}

// Content is the screen.
func (sc *entriesScreen) Content() fyne.CanvasObject { return sc.content }

// Shown reloads the lists and gives the keyboard to the tab on show.
func (sc *entriesScreen) Shown() fyne.Focusable {
	sc.reg.defaults()
	sc.train.defaults()
	sc.act.defaults()
	sc.reload()
	return sc.tabShown()
}

// reload reads every list again.
func (sc *entriesScreen) reload() {
	sc.reg.load()
	sc.train.load()
	sc.act.load()
}

// tabShown returns the widget that takes the keyboard on the tab on show.
func (sc *entriesScreen) tabShown() fyne.Focusable {
	switch sc.tabs.SelectedIndex() {
	case tabRegistration:
		return sc.reg.pick.first()
	case tabTraining:
		return sc.train.pick.first()
	case tabActivity:
		return sc.act.pick.first()
	case tabTiers:
		return sc.tier.first()
	}
	return nil
}

// focus gives f the keyboard once the shell is in the window.
func (sc *entriesScreen) focus(f fyne.Focusable) {
	w := sc.shell.Window()
	if f != nil && w.Content() == sc.shell.Content() {
		w.Canvas().Focus(f)
	}
}

// Command handles New, Save, Find, Refresh and the tab switches.
func (sc *entriesScreen) Command(c Command) bool {
	i := sc.tabs.SelectedIndex()
	switch c {
	case CmdNextTab, CmdPrevTab:
		n := len(sc.tabs.Items)
		step := 1
		if c == CmdPrevTab {
			step = n - 1
		}
		sc.tabs.SelectIndex((i + step) % n)
	case CmdNew:
		switch i {
		case tabRegistration:
			sc.reg.clear(false)
		case tabTraining:
			sc.train.clear(false)
		case tabActivity:
			sc.act.clear(false)
		}
		sc.focus(sc.tabShown())
	case CmdSave:
		switch i {
		case tabRegistration:
			sc.reg.onSave()
		case tabTraining:
			sc.train.onSave()
		case tabActivity:
			sc.act.onSave()
		case tabTiers:
			sc.tier.onApply()
		}
	case CmdFind:
		sc.focus(sc.tabShown())
	case CmdRefresh:
		sc.reload()
		if i == tabTiers {
			sc.tier.onReview()
		}
	default:
		return false
	}
	return true
}

// langOr is lang, or English when none is named.
func langOr(lang string) string {
	if lang == "" {
		return "en"
	}
	return lang
}
