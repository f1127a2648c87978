package ui

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"

	"partnerdesk/engine"
	"partnerdesk/engine/i18n"
	"partnerdesk/engine/views"
)

func init() {
	RegisterScreen(ScreenSpec{Name: ScreenDashboard, Title: "Dashboard", IconName: theme.IconNameHome, Order: 10,
		New: func(sh *Shell) Screen {
			svc, ok := sh.Backend().(DashboardService)
			if !ok {
				return missingScreen("dashboard")
			}
			// Built without loading: Shown loads, once the shell has
			// laid the screen out, so no figure arrives while it does.
			return newDashboardScreen(sh.Window(), svc)
		}})
}

// DashboardScreen is the owner's first screen: a period's revenue, rewards
// cost, active partners, tiers, leaders, registrations, funds and points,
// each figure opening the lines behind it.
type DashboardScreen struct {
	win fyne.Window
	svc DashboardService

	// showing keeps two loads (built, then shown) from showing at once:
	// the window's fyne.Do queues them on the UI goroutine, but the test
	// driver runs them on the loading goroutine, where two at once wrote
	// the screen's maps concurrently.
	showing sync.Mutex

	period  *widget.Entry
	status  *widget.Label
	caption *widget.Label

	revenue, revenueVsPrev, revenueVsYear *widget.Label
	cost, costRatio                       *widget.Label
	active, activeOf                      *widget.Label
	points                                *widget.Label
	funds, expiring                       *widget.Label

	months   *BarChart
	programs *BarChart
	charted  []views.ProgramCost // the programs of the cost chart, in its order
	costNote *widget.Label       // which programs' periods the cost covers
	budgets  *fyne.Container
	budgetOf *widget.Label // which spans the budgets compare
	tiers    *BarChart
	funnel   *BarChart // registrations submitted, approved, won, lost, expired
	leaderBy *widget.Select
	leaders  *fyne.Container
	scroll   *container.Scroll

	data    views.Dashboard
	format  numFmt
	leading []views.LeaderRow

	content fyne.CanvasObject
	worker
}

// Leaderboard choices, in the order the select lists them.
const (
	leadPartnersRevenue = "Partners by revenue"
	leadPartnersPoints  = "Partners by points"
	leadRepsRevenue     = "Reps by revenue"
	leadRepsPoints      = "Reps by points"
)

// NewDashboardScreen builds the dashboard and loads the current period.
func NewDashboardScreen(w fyne.Window, svc DashboardService) *DashboardScreen {
	s := newDashboardScreen(w, svc)
	s.load("")
	return s
}

func newDashboardScreen(w fyne.Window, svc DashboardService) *DashboardScreen {
	s := &DashboardScreen{win: w, svc: svc}
	s.build()
	return s
}

// Content is the screen's root object.
func (s *DashboardScreen) Content() fyne.CanvasObject { return s.content }

// Shown reloads the figures (they change as staff type) and puts the
// keyboard on the period.
func (s *DashboardScreen) Shown() fyne.Focusable {
	s.load(s.data.Period) // "" the first time: the latest month with sales
	return s.period
}

// Command handles the shell's Refresh.
func (s *DashboardScreen) Command(c Command) bool {
	if c == CmdRefresh {
		s.load(strings.TrimSpace(s.period.Text))
		return true
	}
	return false
}

// It is long because it declares the dashboard's cards, chart and tables
// and their layout in one place, as Fyne screens are written; it holds no
// rule.
func (s *DashboardScreen) build() {
	s.period = widget.NewEntry()
	s.period.SetPlaceHolder("2026-07")
	s.period.OnSubmitted = func(k string) { s.load(strings.TrimSpace(k)) }
	prev := widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { s.load(s.data.Previous) })
	next := widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { s.load(s.data.Next) })
	refresh := widget.NewButtonWithIcon(T("Refresh"), theme.ViewRefreshIcon(), func() { s.load(strings.TrimSpace(s.period.Text)) })
	s.status = widget.NewLabel("")
	s.status.Importance = widget.DangerImportance
	s.caption = widget.NewLabel("")
	s.caption.Truncation = fyne.TextTruncateEllipsis
	periodBox := container.NewBorder(nil, nil, prev, container.NewHBox(next, refresh), container.NewGridWrap(fyne.NewSize(120, s.period.MinSize().Height), s.period))
	// The shell's title line names the screen; the caption says which
	// periods the figures compare.
	top := container.NewBorder(nil, nil, nil, periodBox, s.caption)

	big := func() *widget.Label {
		l := widget.NewLabelWithStyle("–", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.SizeName = theme.SizeNameSubHeadingText
		return l
	}
	small := func() *widget.Label {
		l := widget.NewLabel("")
		l.Wrapping = fyne.TextWrapWord
		return l
	}
	s.revenue, s.revenueVsPrev, s.revenueVsYear = big(), small(), small()
	s.cost, s.costRatio = big(), small()
	s.active, s.activeOf = big(), small()
	s.points = big()
	s.funds, s.expiring = big(), small()

	// The cards, and the panels below, sit side by side as the window's
	// width allows: five cards at 1280 pixels, three at 1024, so the page
	// never forces the window wider than the screen.
	width := scrollWidth(&s.scroll)
	cards := container.New(newFlowGrid(190, 5, width),
		newFigureCard(T("Revenue through partners"), container.NewVBox(s.revenue, s.revenueVsPrev, s.revenueVsYear),
			func() { s.open(views.Figure{Kind: views.FigureRevenue}, Tf("Sales of %s", s.data.Period)) }),
		newFigureCard(T("Rewards cost"), container.NewVBox(s.cost, s.costRatio),
			func() { s.open(views.Figure{Kind: views.FigureProgramCost}, Tf("Reward lines of %s", s.data.Period)) }),
		newFigureCard(T("Partners active"), container.NewVBox(s.active, s.activeOf),
			func() {
				s.open(views.Figure{Kind: views.FigureActivePartners}, Tf("Active partners in %s", s.data.Period))
			}),
		newFigureCard(T("Fund balances"), container.NewVBox(s.funds, newLink(s.expiring, func() {
			s.open(views.Figure{Kind: views.FigureExpiring}, T("Fund accruals expiring within 30 days"))
		})), func() { s.open(views.Figure{Kind: views.FigureFunds}, T("Fund balances")) }),
		newFigureCard(T("Points outstanding"), container.NewVBox(s.points, small()),
			func() { s.open(views.Figure{Kind: views.FigurePoints}, T("Points balances")) }),
	)

	s.months = NewBarChart(nil, false, func(d decimal.Decimal) string { return s.format.compact(d) })
	s.months.Label = func(k string) string { return shortMonth(k, s.format.lang) }
	s.months.OnTapped = func(i int) {
		k := s.data.RevenueByMonth[i].Month
		s.open(views.Figure{Kind: views.FigureRevenue, Arg: k}, Tf("Sales of %s", k))
	}
	s.programs = NewBarChart(nil, true, func(d decimal.Decimal) string { return s.format.money(d) })
	s.programs.OnTapped = func(i int) {
		p := s.charted[i]
		s.open(views.Figure{Kind: views.FigureProgramCost, Program: p.ProgramID}, Tf("%s – reward lines of %s", p.Name, s.data.Period))
	}
	s.costNote = small()
	s.costNote.SizeName = theme.SizeNameCaptionText
	s.budgets = container.New(tableGrid{cols: 5, stretch: 0})
	s.budgetOf = small()
	s.budgetOf.SizeName = theme.SizeNameCaptionText
	s.tiers = NewBarChart(nil, true, func(d decimal.Decimal) string { return d.String() })
	s.tiers.OnTapped = func(i int) {
		t := s.data.Tiers[i].Tier
		s.open(views.Figure{Kind: views.FigureTier, Arg: t}, Tf("Partners in tier %s", tierName(t)))
	}
	// The registrations as bars with their labels in the text colour:
	// submitted, then what became of them.
	s.funnel = NewBarChart(nil, true, func(d decimal.Decimal) string { return d.String() })
	s.funnel.OnTapped = func(i int) {
		st := regStates[i]
		s.open(views.Figure{Kind: views.FigureRegistrations, Arg: st}, Tf("Registrations %s in %s", regStatusWord(st), s.data.Period))
	}

	s.leaderBy = widget.NewSelect([]string{T(leadPartnersRevenue), T(leadPartnersPoints), T(leadRepsRevenue), T(leadRepsPoints)}, func(string) { s.showLeaders() })
	s.leaders = container.New(tableGrid{cols: 4, stretch: 1})

	section := func(title string, obj fyne.CanvasObject) fyne.CanvasObject {
		h := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		return container.NewBorder(h, nil, nil, nil, obj)
	}
	panel := func(obj fyne.CanvasObject) fyne.CanvasObject {
		bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
		bg.CornerRadius = theme.InputRadiusSize()
		return container.NewStack(bg, container.NewPadded(obj))
	}

	row2 := container.New(newFlowGrid(330, 2, width),
		panel(section(T("Revenue by month"), s.months)),
		panel(container.NewBorder(nil, s.costNote, nil, nil, section(T("Rewards by program"), s.programs))),
	)
	budgets := panel(container.NewBorder(nil, s.budgetOf, nil, nil, section(T("Budgets"), s.budgets)))
	leaderPanel := panel(container.NewBorder(
		container.NewBorder(nil, nil, widget.NewLabelWithStyle(T("Leaderboard"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
			container.NewGridWrap(fyne.NewSize(210, s.leaderBy.MinSize().Height), s.leaderBy)),
		nil, nil, nil, s.leaders))
	row4 := container.New(newFlowGrid(330, 2, width),
		leaderPanel,
		container.NewVBox(
			panel(section(T("Tier distribution"), s.tiers)),
			panel(section(T("Deal registrations"), s.funnel)),
		),
	)
	body := container.NewVBox(top, s.status, cards, row2, budgets, row4)
	s.scroll = container.NewVScroll(container.NewPadded(body))
	s.content = s.scroll
}

// regStates are the registration figures in the funnel's order.
var regStates = []string{"submitted", "approved", "won", "lost", "expired"}

// load fetches the figures of key in the background and shows them.
func (s *DashboardScreen) load(key string) {
	s.status.SetText("")
	s.background(func() {
		d, err := s.svc.Dashboard(key)
		s.showing.Lock()
		defer s.showing.Unlock()
		fyne.Do(func() {
			if err != nil {
				s.status.SetText(err.Error())
				return
			}
			s.show(d)
		})
	})
}

func (s *DashboardScreen) show(d views.Dashboard) {
	s.data = d
	f := numFmt{lang: Lang(), cur: d.Currency}
	s.format = f
	s.period.SetText(d.Period)
	s.caption.SetText(Tf("%s, compared with %s and %s",
		i18n.PeriodName(d.Period, f.lang), i18n.PeriodName(d.Previous, f.lang), i18n.PeriodName(d.YearBefore, f.lang)))

	s.revenue.SetText(f.money(d.Revenue))
	s.revenueVsPrev.SetText(Tf("%s vs %s (%s)", f.growth(d.GrowthPrevious), d.Previous, f.money(d.RevenuePrevious)))
	s.revenueVsYear.SetText(Tf("%s vs %s (%s)", f.growth(d.GrowthYear), d.YearBefore, f.money(d.RevenueYearBefore)))
	growthColour(s.revenueVsPrev, d.GrowthPrevious)
	growthColour(s.revenueVsYear, d.GrowthYear)

	s.cost.SetText(f.money(d.Cost))
	ratio := T("no revenue this period")
	if d.CostRatio.Valid {
		ratio = Tf("%s of revenue", f.percent(d.CostRatio.Decimal))
	}
	if d.CostPoints != 0 {
		ratio += " · " + f.points(d.CostPoints)
	}
	if n := len(d.CostCovers) + len(d.CostLeavesOut); len(d.CostLeavesOut) > 0 {
		ratio += " · " + Tf("covers %d of %d programs", len(d.CostCovers), n)
	}
	s.costRatio.SetText(ratio)
	s.costNote.SetText(costCoverage(d, f.lang))
	s.active.SetText(Tf("%d of %d", d.ActivePartners, d.AllActivePartners))
	s.activeOf.SetText(T("had a sale, registration or activity"))
	s.points.SetText(f.points(d.PointsOutstanding))
	s.funds.SetText(f.money(d.Funds.Balance))
	s.expiring.SetText(Tf("%s expires by %s", f.money(d.Funds.Expiring), i18n.Date(d.Funds.ExpiringBy, f.lang)))

	mps := make([]ChartPoint, len(d.RevenueByMonth))
	for i, m := range d.RevenueByMonth {
		mps[i] = ChartPoint{Label: m.Month, Value: m.Revenue}
	}
	s.months.SetPoints(mps)
	// The chart shows the programs the period's cost holds; the others
	// pay by longer periods and the note under the chart names them.
	s.charted = s.charted[:0]
	var cps []ChartPoint
	for _, p := range d.Programs {
		if !p.Cost.IsZero() || p.Points != 0 || coveredProgram(d, p.ProgramID) {
			s.charted = append(s.charted, p)
			cps = append(cps, ChartPoint{Label: p.Name, Value: p.Cost})
		}
	}
	s.programs.SetPoints(cps)
	s.showBudgets(d)
	tps := make([]ChartPoint, len(d.Tiers))
	for i, t := range d.Tiers {
		tps[i] = ChartPoint{Label: tierName(t.Tier), Value: decimal.NewFromInt(int64(t.Partners))}
	}
	s.tiers.SetPoints(tps)

	r := d.Registrations
	fps := make([]ChartPoint, len(regStates))
	for i, n := range []int{r.Submitted, r.Approved, r.Won, r.Lost, r.Expired} {
		fps[i] = ChartPoint{Label: capitalize(regStatusWord(regStates[i])), Value: decimal.NewFromInt(int64(n))}
	}
	s.funnel.SetPoints(fps)
	if s.leaderBy.Selected == "" {
		s.leaderBy.SetSelected(T(leadPartnersRevenue)) // calls showLeaders
	} else {
		s.showLeaders()
	}
}

// costCoverage says which programs the period's cost holds and, for
// those that pay by longer periods, where their cost shows: "November
// 2026 counts MSP & Referral, Affiliate Programme. Counted in Q4 2026:
// Reseller Rebate, Rep SPIF & Gems."
func costCoverage(d views.Dashboard, lang string) string {
	if len(d.CostLeavesOut) == 0 {
		return ""
	}
	var in []string
	for _, ps := range d.CostCovers {
		in = append(in, ps.Name)
	}
	covered := T("no program")
	if len(in) > 0 {
		covered = strings.Join(in, ", ")
	}
	parts := []string{Tf("%s counts %s.", i18n.PeriodName(d.Period, lang), covered)}
	var keys []string
	by := map[string][]string{}
	for _, ps := range d.CostLeavesOut {
		if by[ps.Period] == nil {
			keys = append(keys, ps.Period)
		}
		by[ps.Period] = append(by[ps.Period], ps.Name)
	}
	for _, k := range keys {
		parts = append(parts, Tf("Counted in %s: %s.", i18n.PeriodName(k, lang), strings.Join(by[k], ", ")))
	}
	return strings.Join(parts, " ")
}

// longerPeriod is the key of program id's period that holds the
// dashboard's period, when the program pays by a longer one; "" otherwise.
func longerPeriod(d views.Dashboard, id engine.ID) string {
	for _, ps := range d.CostLeavesOut {
		if ps.ProgramID == id {
			return ps.Period
		}
	}
	return ""
}

// coveredProgram reports whether the period's cost holds program id's
// lines (its periods fit in the dashboard's).
func coveredProgram(d views.Dashboard, id engine.ID) bool {
	for _, ps := range d.CostCovers {
		if ps.ProgramID == id {
			return true
		}
	}
	return len(d.CostLeavesOut) == 0 && len(d.CostCovers) == 0
}

// showBudgets fills the budget table: each program's cost in the period
// and its share of the period's revenue, then its spend against its budget
// over the budget's own span (a fiscal year, or the program's window),
// which the row names, so two spans are never read as one.
func (s *DashboardScreen) showBudgets(d views.Dashboard) {
	f := s.format
	s.budgets.RemoveAll()
	head := func(t string, align fyne.TextAlign) {
		s.budgets.Add(widget.NewLabelWithStyle(t, align, fyne.TextStyle{Bold: true}))
	}
	period := i18n.PeriodName(d.Period, f.lang)
	head(T("Program"), fyne.TextAlignLeading)
	head(T("Cost"), fyne.TextAlignTrailing)
	head(T("% of revenue"), fyne.TextAlignTrailing)
	head(T("Spent of budget"), fyne.TextAlignTrailing)
	head("", fyne.TextAlignLeading)
	spans := map[string]bool{}
	for _, p := range d.Programs {
		name := widget.NewLabel(p.Name)
		name.Truncation = fyne.TextTruncateEllipsis
		cost := widget.NewLabel(f.money(p.Cost))
		cost.Alignment = fyne.TextAlignTrailing
		ratio := widget.NewLabel("–")
		ratio.Alignment = fyne.TextAlignTrailing
		if p.CostRatio.Valid {
			ratio.SetText(f.percent(p.CostRatio.Decimal))
		}
		// A program paid by a longer period has no cost of its own in
		// this one: say where it shows rather than "0.00, 0 %".
		if key := longerPeriod(d, p.ProgramID); key != "" && p.Cost.IsZero() {
			cost.SetText(Tf("in %s", i18n.PeriodName(key, f.lang)))
			ratio.SetText("–")
		}
		spent := widget.NewLabel(T("no budget"))
		spent.Alignment = fyne.TextAlignTrailing
		var meter fyne.CanvasObject = layout.NewSpacer()
		if p.Budget.IsPositive() {
			spent.SetText(Tf("%s of %s", f.money(p.Spent), f.money(p.Budget)))
			if span := spanName(p.BudgetSpan, f.lang); span != "" {
				spans[span] = true
				spent.SetText(Tf("%s of %s (%s)", f.money(p.Spent), f.money(p.Budget), span))
			}
			if p.Spent.GreaterThan(p.Budget) {
				spent.Importance = widget.DangerImportance
			}
			meter = NewMeter(p.Spent, p.Budget)
		}
		s.budgets.Add(name)
		s.budgets.Add(cost)
		s.budgets.Add(ratio)
		s.budgets.Add(spent)
		s.budgets.Add(container.NewPadded(container.New(widthLimit{max: 120}, meter)))
	}
	s.budgets.Refresh()
	var list []string
	for sp := range spans {
		list = append(list, sp)
	}
	slices.Sort(list)
	if len(list) == 0 {
		s.budgetOf.SetText(Tf("Cost and %% of revenue are %s's.", period))
		return
	}
	s.budgetOf.SetText(Tf("Cost and %% of revenue are %s's. A budget counts approved and paid rewards over its own span: %s.",
		period, strings.Join(list, ", ")))
}

// spanName names a budget's span: "FY 2026", or a custom window's dates.
func spanName(p engine.Period, lang string) string {
	switch {
	case p.End == 0:
		return ""
	case p.Kind == engine.PeriodYear:
		return Tf("FY %s", p.Key)
	}
	return i18n.Date(p.Start, lang) + " – " + i18n.Date(p.End, lang)
}

func (s *DashboardScreen) showLeaders() {
	switch s.leaderBy.Selected {
	case T(leadPartnersPoints):
		s.leading = s.data.Leaders.PartnersByPoints
	case T(leadRepsRevenue):
		s.leading = s.data.Leaders.RepsByRevenue
	case T(leadRepsPoints):
		s.leading = s.data.Leaders.RepsByPoints
	default:
		s.leading = s.data.Leaders.PartnersByRevenue
	}
	s.leaders.RemoveAll()
	for i, h := range []string{"#", T("Name"), T("Revenue"), T("Points")} {
		align := fyne.TextAlignLeading
		if i >= 2 {
			align = fyne.TextAlignTrailing
		}
		s.leaders.Add(widget.NewLabelWithStyle(h, align, fyne.TextStyle{Bold: true}))
	}
	for row, r := range s.leading {
		for col := 0; col < 4; col++ {
			l := widget.NewLabel(s.leaderText(row, col))
			if col >= 2 {
				l.Alignment = fyne.TextAlignTrailing
			}
			if col == 1 {
				l.Truncation = fyne.TextTruncateEllipsis
				s.leaders.Add(newLink(l, func() {
					s.open(views.Figure{Kind: views.FigureLeader, Payee: r.Payee}, Tf("%s in %s", r.Name, s.data.Period))
				}))
				continue
			}
			s.leaders.Add(l)
		}
	}
	if len(s.leading) == 0 {
		for _, t := range []string{"", T("Nobody ranks in this period."), "", ""} {
			s.leaders.Add(widget.NewLabel(t))
		}
	}
	s.leaders.Refresh()
}

// leaderText is one cell of the leaderboard: rank, name (a rep with its
// partner), revenue credited, points.
func (s *DashboardScreen) leaderText(row, col int) string {
	if row >= len(s.leading) {
		return ""
	}
	r := s.leading[row]
	switch col {
	case 0:
		return fmt.Sprint(row + 1)
	case 1:
		if r.Payee.Kind == engine.PayeeRep && r.Partner != "" {
			return Tf("%s (%s)", r.Name, r.Partner)
		}
		return r.Name
	case 2:
		return s.format.money(r.Revenue)
	}
	return s.format.pointsBare(r.Points)
}

// open fetches the lines behind a figure and shows them in a dialog.
func (s *DashboardScreen) open(f views.Figure, title string) {
	period := s.data.Period
	s.background(func() {
		t, err := s.svc.DashboardDetail(period, f)
		fyne.Do(func() {
			if err != nil {
				showErr(fmt.Errorf("open the lines behind %q: %w", title, err), s.win)
				return
			}
			if t.Title == "" {
				t.Title = title
			}
			showDetail(s.win, t, s.format)
		})
	})
}

// growthColour makes a rise green and a fall red.
func growthColour(l *widget.Label, g decimal.NullDecimal) {
	switch {
	case g.Valid && g.Decimal.IsPositive():
		l.Importance = widget.SuccessImportance
	case g.Valid && g.Decimal.IsNegative():
		l.Importance = widget.DangerImportance
	default:
		l.Importance = widget.MediumImportance
	}
	l.Refresh()
}

// regStatusWord is a registration status ("won") in the window's language.
func regStatusWord(st string) string {
	switch st {
	case "submitted":
		return T("submitted|registrations")
	case "approved":
		return T("approved|registrations")
	case "won":
		return T("won|registrations")
	case "lost":
		return T("lost|registrations")
	case "expired":
		return T("expired|registrations")
	}
	return st
}

// tierName shows partners with no tier as such.
func tierName(t string) string {
	if t == "" {
		return T("No tier")
	}
	return t
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// shortMonth turns "2026-07" into "Jul 26"; other keys stay as they are.
// A month is cut to three letters unless another month of the language
// starts with the same three ("juin" and "juil" in French), then to four.
func shortMonth(key, lang string) string {
	p, err := engine.ParsePeriod(key, 1)
	if err != nil || p.Kind != engine.PeriodMonth {
		return key
	}
	y, m, _ := p.Start.YMD()
	cut := func(mo time.Month, n int) string {
		r := []rune(i18n.MonthName(mo, lang))
		return string(r[:min(n, len(r))])
	}
	name := cut(m, 3)
	for o := time.January; o <= time.December; o++ {
		if o != m && cut(o, 3) == name {
			name = cut(m, 4)
			break
		}
	}
	return fmt.Sprintf("%s %02d", name, y%100)
}
