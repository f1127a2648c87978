package ui

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
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
			return NewDashboardScreen(sh.Window(), svc)
		}})
}

// DashboardScreen is the owner's first screen: a period's revenue, rewards
// cost, active partners, tiers, leaders, registrations, funds and points,
// each figure opening the lines behind it.
type DashboardScreen struct {
	win fyne.Window
	svc DashboardService

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
	budgets  *fyne.Container
	tiers    *BarChart
	regs     map[string]*widget.Button
	leaderBy *widget.Select
	leaders  *widget.Table

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
	s := &DashboardScreen{win: w, svc: svc, regs: map[string]*widget.Button{}}
	s.build()
	s.load("")
	return s
}

// Content is the screen's root object.
func (s *DashboardScreen) Content() fyne.CanvasObject { return s.content }

// Shown reloads the figures (they change as staff type) and puts the
// keyboard on the period.
func (s *DashboardScreen) Shown() fyne.Focusable {
	if s.data.Period != "" {
		s.load(s.data.Period)
	}
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
	refresh := widget.NewButtonWithIcon("Refresh", theme.ViewRefreshIcon(), func() { s.load(strings.TrimSpace(s.period.Text)) })
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

	cards := container.NewGridWithColumns(5,
		newFigureCard("Revenue through partners", container.NewVBox(s.revenue, s.revenueVsPrev, s.revenueVsYear),
			func() { s.open(views.Figure{Kind: views.FigureRevenue}, "Sales of "+s.data.Period) }),
		newFigureCard("Rewards cost", container.NewVBox(s.cost, s.costRatio),
			func() { s.open(views.Figure{Kind: views.FigureProgramCost}, "Reward lines of "+s.data.Period) }),
		newFigureCard("Partners active", container.NewVBox(s.active, s.activeOf),
			func() { s.open(views.Figure{Kind: views.FigureActivePartners}, "Active partners in "+s.data.Period) }),
		newFigureCard("Fund balances", container.NewVBox(s.funds, newLink(s.expiring, func() {
			s.open(views.Figure{Kind: views.FigureExpiring}, "Fund accruals expiring within 30 days")
		})), func() { s.open(views.Figure{Kind: views.FigureFunds}, "Fund balances") }),
		newFigureCard("Points outstanding", container.NewVBox(s.points, small()),
			func() { s.open(views.Figure{Kind: views.FigurePoints}, "Points balances") }),
	)

	s.months = NewBarChart(nil, false, func(d decimal.Decimal) string { return s.format.compact(d) })
	s.months.Label = func(k string) string { return shortMonth(k, s.format.lang) }
	s.months.OnTapped = func(i int) {
		k := s.data.RevenueByMonth[i].Month
		s.open(views.Figure{Kind: views.FigureRevenue, Arg: k}, "Sales of "+k)
	}
	s.programs = NewBarChart(nil, true, func(d decimal.Decimal) string { return s.format.money(d) })
	s.programs.OnTapped = func(i int) {
		p := s.data.Programs[i]
		s.open(views.Figure{Kind: views.FigureProgramCost, Program: p.ProgramID}, p.Name+" – reward lines of "+s.data.Period)
	}
	s.budgets = container.NewVBox()
	s.tiers = NewBarChart(nil, true, func(d decimal.Decimal) string { return d.String() })
	s.tiers.OnTapped = func(i int) {
		t := s.data.Tiers[i].Tier
		s.open(views.Figure{Kind: views.FigureTier, Arg: t}, "Partners in tier "+tierName(t))
	}

	regBox := container.NewGridWithColumns(5)
	for _, st := range []string{"submitted", "approved", "won", "lost", "expired"} {
		st := st
		b := widget.NewButton("–", func() {
			s.open(views.Figure{Kind: views.FigureRegistrations, Arg: st}, "Registrations "+st+" in "+s.data.Period)
		})
		b.Importance = widget.LowImportance
		s.regs[st] = b
		cap := widget.NewLabelWithStyle(capitalize(st), fyne.TextAlignCenter, fyne.TextStyle{})
		cap.Importance = widget.LowImportance
		regBox.Add(container.NewVBox(b, cap))
	}

	s.leaderBy = widget.NewSelect([]string{leadPartnersRevenue, leadPartnersPoints, leadRepsRevenue, leadRepsPoints}, func(string) { s.showLeaders() })
	s.leaders = widget.NewTableWithHeaders(
		func() (int, int) { return len(s.leading), 4 },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.TableCellID, o fyne.CanvasObject) { s.leaderCell(id, o.(*widget.Label)) },
	)
	s.leaders.ShowHeaderColumn = false
	s.leaders.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	s.leaders.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		o.(*widget.Label).SetText([]string{"#", "Name", "Revenue", "Points"}[id.Col])
	}
	for i, w := range []float32{36, 210, 150, 80} {
		s.leaders.SetColumnWidth(i, w)
	}
	s.leaders.OnSelected = func(id widget.TableCellID) {
		s.leaders.UnselectAll()
		if id.Row < 0 || id.Row >= len(s.leading) {
			return
		}
		r := s.leading[id.Row]
		s.open(views.Figure{Kind: views.FigureLeader, Payee: r.Payee}, r.Name+" in "+s.data.Period)
	}

	section := func(title string, obj fyne.CanvasObject) fyne.CanvasObject {
		h := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		return container.NewBorder(h, nil, nil, nil, obj)
	}
	panel := func(obj fyne.CanvasObject) fyne.CanvasObject {
		bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
		bg.CornerRadius = theme.InputRadiusSize()
		return container.NewStack(bg, container.NewPadded(obj))
	}

	row2 := container.NewGridWithColumns(2,
		panel(section("Revenue by month", s.months)),
		panel(section("Rewards by program", container.NewVBox(s.programs, widget.NewSeparator(), s.budgets))),
	)
	tall := canvas.NewRectangle(color.Transparent)
	tall.SetMinSize(fyne.NewSize(0, 240))
	leaderPanel := panel(container.NewBorder(
		container.NewBorder(nil, nil, widget.NewLabelWithStyle("Leaderboard", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
			container.NewGridWrap(fyne.NewSize(210, s.leaderBy.MinSize().Height), s.leaderBy)),
		nil, nil, nil, container.NewStack(tall, s.leaders)))
	row3 := container.NewGridWithColumns(2,
		leaderPanel,
		container.NewVBox(
			panel(section("Tier distribution", s.tiers)),
			panel(section("Deal registrations", regBox)),
		),
	)
	body := container.NewVBox(top, s.status, cards, row2, row3)
	s.content = container.NewVScroll(container.NewPadded(body))
}

// load fetches the figures of key in the background and shows them.
func (s *DashboardScreen) load(key string) {
	s.status.SetText("")
	s.background(func() {
		d, err := s.svc.Dashboard(key)
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
	f := numFmt{lang: d.Language, cur: d.Currency}
	s.format = f
	s.period.SetText(d.Period)
	s.caption.SetText(fmt.Sprintf("%s, compared with %s and %s",
		i18n.PeriodName(d.Period, f.lang), i18n.PeriodName(d.Previous, f.lang), i18n.PeriodName(d.YearBefore, f.lang)))

	s.revenue.SetText(f.money(d.Revenue))
	s.revenueVsPrev.SetText(fmt.Sprintf("%s vs %s (%s)", f.growth(d.GrowthPrevious), d.Previous, f.money(d.RevenuePrevious)))
	s.revenueVsYear.SetText(fmt.Sprintf("%s vs %s (%s)", f.growth(d.GrowthYear), d.YearBefore, f.money(d.RevenueYearBefore)))
	growthColour(s.revenueVsPrev, d.GrowthPrevious)
	growthColour(s.revenueVsYear, d.GrowthYear)

	s.cost.SetText(f.money(d.Cost))
	ratio := "no revenue this period"
	if d.CostRatio.Valid {
		ratio = f.percent(d.CostRatio.Decimal) + " of revenue"
	}
	if d.CostPoints != 0 {
		ratio += " · " + f.points(d.CostPoints)
	}
	s.costRatio.SetText(ratio)
	s.active.SetText(fmt.Sprintf("%d of %d", d.ActivePartners, d.AllActivePartners))
	s.activeOf.SetText("had a sale, registration or activity")
	s.points.SetText(f.points(d.PointsOutstanding))
	s.funds.SetText(f.money(d.Funds.Balance))
	s.expiring.SetText(fmt.Sprintf("%s expires by %s", f.money(d.Funds.Expiring), i18n.Date(d.Funds.ExpiringBy, f.lang)))

	mps := make([]ChartPoint, len(d.RevenueByMonth))
	for i, m := range d.RevenueByMonth {
		mps[i] = ChartPoint{Label: m.Month, Value: m.Revenue}
	}
	s.months.SetPoints(mps)
	cps := make([]ChartPoint, len(d.Programs))
	for i, p := range d.Programs {
		cps[i] = ChartPoint{Label: p.Name, Value: p.Cost}
	}
	s.programs.SetPoints(cps)
	s.budgets.RemoveAll()
	for _, p := range d.Programs {
		s.budgets.Add(s.budgetRow(p))
	}
	tps := make([]ChartPoint, len(d.Tiers))
	for i, t := range d.Tiers {
		tps[i] = ChartPoint{Label: tierName(t.Tier), Value: decimal.NewFromInt(int64(t.Partners))}
	}
	s.tiers.SetPoints(tps)

	r := d.Registrations
	for st, n := range map[string]int{"submitted": r.Submitted, "approved": r.Approved, "won": r.Won, "lost": r.Lost, "expired": r.Expired} {
		s.regs[st].SetText(fmt.Sprint(n))
	}
	if s.leaderBy.Selected == "" {
		s.leaderBy.SetSelected(leadPartnersRevenue) // calls showLeaders
	} else {
		s.showLeaders()
	}
}

// budgetRow is one program's cost ratio and spent / budget gauge.
func (s *DashboardScreen) budgetRow(p views.ProgramCost) fyne.CanvasObject {
	f := s.format
	ratio := "–"
	if p.CostRatio.Valid {
		ratio = f.percent(p.CostRatio.Decimal) + " of revenue"
	}
	name := widget.NewLabel(p.Name)
	name.Truncation = fyne.TextTruncateEllipsis
	text := "no budget"
	if p.Budget.IsPositive() {
		text = f.money(p.Spent) + " of " + f.money(p.Budget)
	}
	right := widget.NewLabel(ratio + " · " + text)
	right.SizeName = theme.SizeNameCaptionText
	right.Truncation = fyne.TextTruncateEllipsis
	if p.Budget.IsPositive() && p.Spent.GreaterThan(p.Budget) {
		right.Importance = widget.DangerImportance
	}
	return container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(130, name.MinSize().Height), name), nil,
		container.NewVBox(NewMeter(p.Spent, p.Budget), right))
}

func (s *DashboardScreen) showLeaders() {
	switch s.leaderBy.Selected {
	case leadPartnersPoints:
		s.leading = s.data.Leaders.PartnersByPoints
	case leadRepsRevenue:
		s.leading = s.data.Leaders.RepsByRevenue
	case leadRepsPoints:
		s.leading = s.data.Leaders.RepsByPoints
	default:
		s.leading = s.data.Leaders.PartnersByRevenue
	}
	s.leaders.Refresh()
}

func (s *DashboardScreen) leaderCell(id widget.TableCellID, l *widget.Label) {
	if id.Row >= len(s.leading) {
		l.SetText("")
		return
	}
	r := s.leading[id.Row]
	l.Alignment = fyne.TextAlignLeading
	switch id.Col {
	case 0:
		l.SetText(fmt.Sprint(id.Row + 1))
	case 1:
		name := r.Name
		if r.Payee.Kind == engine.PayeeRep && r.Partner != "" {
			name += " (" + r.Partner + ")"
		}
		l.Truncation = fyne.TextTruncateEllipsis
		l.SetText(name)
	case 2:
		l.Alignment = fyne.TextAlignTrailing
		l.SetText(s.format.money(r.Revenue))
	case 3:
		l.Alignment = fyne.TextAlignTrailing
		l.SetText(s.format.pointsBare(r.Points))
	}
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

// showDetail shows a detail table in a dialog sized to the window.
func showDetail(w fyne.Window, t views.DetailTable, f numFmt) dialog.Dialog {
	cells := make([][]string, len(t.Rows))
	widths := make([]float32, len(t.Columns))
	measure := func(col int, s string) {
		if col >= len(widths) {
			return
		}
		if m := fyne.MeasureText(s, theme.TextSize(), fyne.TextStyle{}).Width + 2*theme.InnerPadding() + 2*theme.Padding(); m > widths[col] {
			widths[col] = min(m, 420)
		}
	}
	for c, h := range t.Columns {
		measure(c, h)
	}
	for r, row := range t.Rows {
		cells[r] = make([]string, len(row))
		for c, cell := range row {
			cells[r][c] = f.cell(cell)
			measure(c, cells[r][c])
		}
	}
	table := widget.NewTableWithHeaders(
		func() (int, int) { return len(cells), len(t.Columns) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.Truncation = fyne.TextTruncateEllipsis
			l.Alignment = fyne.TextAlignLeading
			if id.Row < len(t.Rows) && id.Col < len(t.Rows[id.Row]) {
				if k := t.Rows[id.Row][id.Col].Kind; k == views.CellMoney || k == views.CellNumber || k == views.CellPoints {
					l.Alignment = fyne.TextAlignTrailing
				}
				l.SetText(cells[id.Row][id.Col])
				return
			}
			l.SetText("")
		})
	table.ShowHeaderColumn = false
	table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(t.Columns) {
			o.(*widget.Label).SetText(t.Columns[id.Col])
		}
	}
	for c, wd := range widths {
		table.SetColumnWidth(c, wd)
	}
	foot := fmt.Sprintf("%d lines", len(t.Rows))
	if t.Total != "" {
		foot += " · " + t.Total
	}
	footer := widget.NewLabelWithStyle(foot, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	var body fyne.CanvasObject = table
	if len(t.Rows) == 0 {
		body = widget.NewLabel("There are no lines behind this figure.")
	}
	d := dialog.NewCustom(t.Title, "Close", container.NewBorder(nil, footer, nil, nil, body), w)
	size := w.Canvas().Size()
	d.Resize(fyne.NewSize(max(size.Width*0.85, 480), max(size.Height*0.8, 320)))
	closeOnEscape(d, w.Canvas())
	d.Show()
	return d
}

// figureCard is a tappable panel holding one figure of the dashboard.
type figureCard struct {
	widget.BaseWidget
	title    string
	body     fyne.CanvasObject
	onTapped func()
}

func newFigureCard(title string, body fyne.CanvasObject, onTapped func()) *figureCard {
	c := &figureCard{title: title, body: body, onTapped: onTapped}
	c.ExtendBaseWidget(c)
	return c
}

func (c *figureCard) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	bg.CornerRadius = theme.InputRadiusSize()
	h := widget.NewLabelWithStyle(c.title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	h.Truncation = fyne.TextTruncateEllipsis
	more := widget.NewIcon(theme.ListIcon())
	head := container.NewBorder(nil, nil, nil, more, h)
	return widget.NewSimpleRenderer(container.NewStack(bg, container.NewPadded(container.NewBorder(head, nil, nil, nil, c.body))))
}

// Tapped opens the lines behind the figure.
func (c *figureCard) Tapped(*fyne.PointEvent) {
	if c.onTapped != nil {
		c.onTapped()
	}
}

// Cursor says the card can be clicked.
func (c *figureCard) Cursor() desktop.Cursor { return desktop.PointerCursor }

// newLink makes a label open something when tapped, inside a card.
func newLink(l *widget.Label, onTapped func()) fyne.CanvasObject {
	return container.NewStack(l, newFigureTap(onTapped))
}

// figureTap is an invisible tap target laid over a label.
type figureTap struct {
	widget.BaseWidget
	onTapped func()
}

func newFigureTap(f func()) *figureTap {
	t := &figureTap{onTapped: f}
	t.ExtendBaseWidget(t)
	return t
}

func (t *figureTap) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(layout.NewSpacer())
}

func (t *figureTap) Tapped(*fyne.PointEvent) { t.onTapped() }

func (t *figureTap) Cursor() desktop.Cursor { return desktop.PointerCursor }

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

// tierName shows partners with no tier as such.
func tierName(t string) string {
	if t == "" {
		return "No tier"
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
func shortMonth(key, lang string) string {
	p, err := engine.ParsePeriod(key, 1)
	if err != nil || p.Kind != engine.PeriodMonth {
		return key
	}
	y, m, _ := p.Start.YMD()
	name := []rune(i18n.MonthName(m, lang))
	if len(name) > 3 {
		name = name[:3]
	}
	return fmt.Sprintf("%s %02d", string(name), y%100)
}

// numFmt formats figures in the operator's language and the company's
// currency, through engine/i18n, so screens and statements agree.
type numFmt struct {
	lang string
	cur  engine.Currency
}

func (f numFmt) money(d decimal.Decimal) string { return i18n.Money(d, f.cur, f.lang) }

// amount is money without the currency code, for a column whose header
// names it.
func (f numFmt) amount(d decimal.Decimal) string { return i18n.Number(d, f.cur.MinorUnits, f.lang) }

func (f numFmt) percent(d decimal.Decimal) string { return i18n.Percent(d.Round(1), f.lang) }

func (f numFmt) points(p int64) string { return i18n.Points(p, f.lang) + " points" }

func (f numFmt) pointsBare(p int64) string { return i18n.Points(p, f.lang) }

// growth prints a signed percentage, or a dash when there is nothing to compare.
func (f numFmt) growth(g decimal.NullDecimal) string {
	if !g.Valid {
		return "–"
	}
	s := f.percent(g.Decimal)
	if g.Decimal.IsPositive() {
		s = "+" + s
	}
	return s
}

// compact prints a chart label: 12,345.67 becomes "12.3k", 2,500,000 "2.5M".
func (f numFmt) compact(d decimal.Decimal) string {
	a := d.Abs()
	switch {
	case a.GreaterThanOrEqual(decimal.NewFromInt(1_000_000)):
		return i18n.Number(d.Shift(-6).Round(1), 1, f.lang) + "M"
	case a.GreaterThanOrEqual(decimal.NewFromInt(1_000)):
		return i18n.Number(d.Shift(-3).Round(1), 1, f.lang) + "k"
	}
	return i18n.Number(d.Round(0), 0, f.lang)
}

// cell formats one detail cell.
func (f numFmt) cell(c views.Cell) string {
	switch c.Kind {
	case views.CellMoney:
		return f.money(c.Dec)
	case views.CellNumber:
		places := int32(0)
		if e := c.Dec.Exponent(); e < 0 {
			places = -e
		}
		return i18n.Number(c.Dec, places, f.lang)
	case views.CellPoints:
		return i18n.Points(c.Dec.IntPart(), f.lang)
	case views.CellDate:
		return i18n.Date(c.Date, f.lang)
	}
	return c.Text
}
