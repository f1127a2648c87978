package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"

	"partnerdesk/engine"
	"partnerdesk/engine/i18n"
	"partnerdesk/engine/views"
)

// ScreenFunds is the funds & points screen: every MDF / co-op fund and
// points balance, what lapses in the next 30 days, the ledger behind a
// balance, fund claims and points redemptions.
const ScreenFunds = "funds"

func init() {
	RegisterScreen(ScreenSpec{Name: ScreenFunds, Title: "Funds & points", IconName: theme.IconNameStorage, Order: 45,
		New: func(sh *Shell) Screen {
			svc, ok := sh.Backend().(FundsService)
			if !ok {
				return missingScreen("funds & points")
			}
			return newFundsScreen(sh, svc)
		}})
}

// FundsService serves the funds & points screen. The command line's
// funds, points, claims, claim, claim-decide and redeem verbs call the
// same use cases. Bad fields come back as *engine.ValidationError or
// engine.ValidationErrors naming one of the Funds* field keys.
type FundsService interface {
	// FundsOverview returns every fund and points balance on asOf (empty:
	// today) with the ledger behind each, after posting the expiries due.
	FundsOverview(asOf string) (views.FundsOverview, error)
	// Claims lists the fund claims of status (empty: all) of the partner
	// ref names (empty: all), oldest first.
	Claims(status engine.ClaimStatus, ref string) ([]views.ClaimRow, error)
	// Claim records a claim on a partner's fund; with Approve set it is
	// approved at once, never above what the fund holds on its date.
	Claim(in views.ClaimInput) (engine.FundEntry, error)
	// DecideClaim approves (up to the balance) or rejects a requested claim.
	DecideClaim(id engine.ID, approve bool) (engine.FundEntry, error)
	// ReimburseClaim marks an approved claim as paid back.
	ReimburseClaim(id engine.ID, reference string) error
	// Redeem records points spent; the balance never goes below zero.
	Redeem(in views.RedeemInput) (engine.PointsEntry, error)
}

// The field keys of a claim, a decision and a redemption, as the backend
// names them.
const (
	FundsAsOf      = "as_of"
	FundsAmount    = "amount"
	FundsDate      = "date"
	FundsReference = "reference"
	FundsClaim     = "claim"
	FundsPoints    = "points"
	FundsAgainst   = "against"
	FundsPayee     = "payee"
	FundsPartner   = "partner"
)

// The tabs of the screen, in order.
const (
	fundsTabFunds = iota
	fundsTabPoints
	fundsTabClaims
)

// fundsScreen shows the balances in three tabs: funds (with the claim
// form), points (with the redemption form) and the claims to decide.
type fundsScreen struct {
	worker
	shell *Shell
	svc   FundsService

	ov      views.FundsOverview
	format  numFmt
	asOf    *widget.Entry
	hfs     fields
	summary *widget.Label
	filter  *widget.Entry
	tabs    *container.AppTabs

	funds      []views.FundView // the balances the filter lets through
	fundID     engine.ID        // the partner chosen; 0: none
	fundTable  *keyTable
	fundLedger *widget.Table
	fundRows   []views.LedgerRow
	claimHead  *widget.Label
	cfs        fields
	amount     *widget.Entry
	claimDate  *widget.Entry
	reference  *widget.Entry
	approveNow *widget.Check
	claimBtn   *widget.Button

	points      []views.PointsView
	payee       engine.Payee // the payee chosen; zero: none
	pointsTable *keyTable
	pointLedger *widget.Table
	pointRows   []views.LedgerRow
	redeemHead  *widget.Label
	rfs         fields
	redeemPts   *widget.Entry
	against     *widget.Entry
	redeemDate  *widget.Entry
	redeemBtn   *widget.Button

	claims     []views.ClaimRow
	claimID    engine.ID // the claim chosen in the claims tab
	status     *widget.Select
	claimTable *keyTable
	dfs        fields
	payRef     *widget.Entry
	approveBtn *widget.Button
	rejectBtn  *widget.Button
	reimbBtn   *widget.Button

	content fyne.CanvasObject
}

// claimStatuses pairs the status filter's choices with the statuses.
func claimStatuses() []struct {
	Label  string
	Status engine.ClaimStatus
} {
	return []struct {
		Label  string
		Status engine.ClaimStatus
	}{
		{T("Waiting for a decision"), engine.ClaimRequested},
		{T("Approved, to reimburse"), engine.ClaimApproved},
		{T("Reimbursed"), engine.ClaimReimbursed},
		{T("Rejected"), engine.ClaimRejected},
		{T("All claims"), ""},
	}
}

func newFundsScreen(sh *Shell, svc FundsService) *fundsScreen {
	sc := &fundsScreen{shell: sh, svc: svc, format: numFmt{lang: Lang()}}
	sc.build()
	return sc
}

// Content is the screen.
func (sc *fundsScreen) Content() fyne.CanvasObject { return sc.content }

// Shown reads every balance again and gives the keyboard to the table of
// the tab on show.
func (sc *fundsScreen) Shown() fyne.Focusable {
	sc.reload()
	return sc.tabFocus()
}

// tabFocus is the widget that takes the keyboard on the tab on show.
func (sc *fundsScreen) tabFocus() fyne.Focusable {
	switch sc.tabs.SelectedIndex() {
	case fundsTabPoints:
		return sc.pointsTable
	case fundsTabClaims:
		return sc.claimTable
	}
	return sc.fundTable
}

// Command handles Save (the form of the tab on show), Find (the filter),
// Refresh and the tab switches.
func (sc *fundsScreen) Command(c Command) bool {
	switch c {
	case CmdNextTab, CmdPrevTab:
		n := len(sc.tabs.Items)
		step := 1
		if c == CmdPrevTab {
			step = n - 1
		}
		sc.tabs.SelectIndex((sc.tabs.SelectedIndex() + step) % n)
	case CmdSave:
		switch sc.tabs.SelectedIndex() {
		case fundsTabFunds:
			sc.onClaim()
		case fundsTabPoints:
			sc.onRedeem()
		default:
			return false
		}
	case CmdFind:
		sc.focus(sc.filter)
	case CmdRefresh:
		sc.reload()
	default:
		return false
	}
	return true
}

// focus gives f the keyboard once the shell is in the window.
func (sc *fundsScreen) focus(f fyne.Focusable) {
	w := sc.shell.Window()
	if f != nil && w.Content() == sc.shell.Content() {
		w.Canvas().Focus(f)
	}
}

// It is long because it declares the three tabs' tables and forms and
// their layout in one place, as Fyne screens are written; it holds no rule.
func (sc *fundsScreen) build() {
	sc.asOf = widget.NewEntry()
	sc.asOf.PlaceHolder = "2026-07-31"
	sc.asOf.OnSubmitted = func(string) { sc.reload() }
	asOfField := sc.hfs.add(newField(FundsAsOf, T("Balances as of"), sc.asOf))
	refresh := widget.NewButtonWithIcon(T("Refresh"), theme.ViewRefreshIcon(), sc.reload)
	sc.filter = widget.NewEntry()
	sc.filter.PlaceHolder = T("Filter by partner or rep name")
	sc.filter.ActionItem = widget.NewIcon(theme.SearchIcon())
	sc.filter.OnChanged = func(string) { sc.applyFilter() }
	sc.summary = widget.NewLabel("")
	sc.summary.Wrapping = fyne.TextWrapWord
	top := container.NewBorder(nil, nil,
		container.NewHBox(asOfField.label, container.New(fixedWidth(140), asOfField.inputWithNote()), container.NewVBox(refresh)),
		nil, container.NewVBox(sc.filter))

	sc.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(T("Funds"), theme.StorageIcon(), sc.buildFunds()),
		container.NewTabItemWithIcon(T("Points"), theme.RadioButtonCheckedIcon(), sc.buildPoints()),
		container.NewTabItemWithIcon(T("Claims"), theme.DocumentIcon(), sc.buildClaims()),
	)
	sc.tabs.OnSelected = func(*container.TabItem) { sc.focus(sc.tabFocus()) }
	sc.content = container.NewBorder(container.NewVBox(top, sc.summary), nil, nil, nil, sc.tabs)
}

// buildFunds is the funds tab: the balances, the ledger of the one chosen
// and the claim form.
func (sc *fundsScreen) buildFunds() fyne.CanvasObject {
	cols := []column{
		{Title: T("Partner"), Width: 200},
		{Title: T("Accrued"), Width: 115, Align: fyne.TextAlignTrailing},
		{Title: T("Balance"), Width: 115, Align: fyne.TextAlignTrailing},
		{Title: T("Expires in 30 days"), Width: 155, Align: fyne.TextAlignTrailing},
		{Title: T("Next expiry"), Width: 165},
		{Title: T("Claims waiting"), Width: 160, Align: fyne.TextAlignTrailing},
	}
	sc.fundTable = newKeyTable(cols, func() int { return len(sc.funds) }, sc.fundCell,
		func(row int) bool { return sc.funds[row].PartnerID == sc.fundID })
	sc.fundTable.onChoose = func(row int) { sc.chooseFund(sc.funds[row].PartnerID) }

	lcols := ledgerColumns(T("Amount"))
	sc.fundLedger = newTextTable(lcols, func() int { return len(sc.fundRows) }, func(row, col int) string {
		return sc.ledgerCell(sc.fundRows[len(sc.fundRows)-1-row], col, true)
	})
	sc.claimHead = sectionTitle(T("Choose a partner to see its fund"))
	sc.claimHead.Truncation = fyne.TextTruncateEllipsis

	entry := func(ph string) *widget.Entry {
		e := widget.NewEntry()
		e.PlaceHolder = ph
		e.OnSubmitted = func(string) { sc.onClaim() }
		return e
	}
	sc.amount = entry(i18n.Number(decimal.NewFromInt(1200), 2, Lang()))
	sc.claimDate = entry(T("today"))
	sc.reference = entry(T("invoice, proof of spend"))
	sc.approveNow = widget.NewCheck(T("Approve at once"), nil)
	sc.claimBtn = widget.NewButtonWithIcon(T("Record claim"), theme.DocumentCreateIcon(), sc.onClaim)
	sc.claimBtn.Importance = widget.HighImportance
	// Amount and date side by side keep the form short enough for the
	// window's lower half, the button in view.
	form := container.NewVBox(
		sectionTitle(T("Record a claim")),
		container.NewGridWithColumns(2,
			sc.cfs.add(newField(FundsAmount, T("Amount"), sc.amount)).Cell(),
			sc.cfs.add(newField(FundsDate, T("Date"), sc.claimDate)).Cell()),
		sc.cfs.add(newField(FundsReference, T("Reference"), sc.reference)).Cell(),
		sc.approveNow,
		container.NewHBox(sc.claimBtn),
	)
	ledger := container.NewBorder(sc.claimHead, nil, nil, nil, fitTable(sc.fundLedger, columnWidths(lcols), len(lcols)-1))
	bottom := container.NewHSplit(ledger, container.NewVScroll(container.NewPadded(form)))
	bottom.Offset = 0.69
	split := container.NewVSplit(sc.fundTable.fit(0), bottom)
	split.Offset = 0.42
	return split
}

// buildPoints is the points tab: the balances of partners and reps, the
// ledger of the one chosen and the redemption form.
func (sc *fundsScreen) buildPoints() fyne.CanvasObject {
	cols := []column{
		{Title: T("Partner or rep"), Width: 200},
		{Title: T("Works at"), Width: 130},
		{Title: T("Earned"), Width: 85, Align: fyne.TextAlignTrailing},
		{Title: T("Redeemed"), Width: 90, Align: fyne.TextAlignTrailing},
		{Title: T("Expired"), Width: 80, Align: fyne.TextAlignTrailing},
		{Title: T("Balance"), Width: 85, Align: fyne.TextAlignTrailing},
		{Title: T("Expires in 30 days"), Width: 155, Align: fyne.TextAlignTrailing},
		{Title: T("Next expiry"), Width: 140},
	}
	sc.pointsTable = newKeyTable(cols, func() int { return len(sc.points) }, sc.pointsCell,
		func(row int) bool { return sc.points[row].Payee == sc.payee })
	sc.pointsTable.onChoose = func(row int) { sc.choosePayee(sc.points[row].Payee) }

	lcols := ledgerColumns(T("Points"))
	sc.pointLedger = newTextTable(lcols, func() int { return len(sc.pointRows) }, func(row, col int) string {
		return sc.ledgerCell(sc.pointRows[len(sc.pointRows)-1-row], col, false)
	})
	sc.redeemHead = sectionTitle(T("Choose a partner or rep to see its points"))
	sc.redeemHead.Truncation = fyne.TextTruncateEllipsis

	entry := func(ph string) *widget.Entry {
		e := widget.NewEntry()
		e.PlaceHolder = ph
		e.OnSubmitted = func(string) { sc.onRedeem() }
		return e
	}
	sc.redeemPts = entry("500")
	sc.against = entry(T("voucher, co-branded material"))
	sc.redeemDate = entry(T("today"))
	sc.redeemBtn = widget.NewButtonWithIcon(T("Redeem"), theme.ConfirmIcon(), sc.onRedeem)
	sc.redeemBtn.Importance = widget.HighImportance
	form := container.NewVBox(
		sectionTitle(T("Record a redemption")),
		container.NewGridWithColumns(2,
			sc.rfs.add(newField(FundsPoints, T("Points"), sc.redeemPts)).Cell(),
			sc.rfs.add(newField(FundsDate, T("Date"), sc.redeemDate)).Cell()),
		sc.rfs.add(newField(FundsAgainst, T("Against"), sc.against)).Cell(),
		container.NewHBox(sc.redeemBtn),
	)
	ledger := container.NewBorder(sc.redeemHead, nil, nil, nil, fitTable(sc.pointLedger, columnWidths(lcols), len(lcols)-1))
	bottom := container.NewHSplit(ledger, container.NewVScroll(container.NewPadded(form)))
	bottom.Offset = 0.69
	split := container.NewVSplit(sc.pointsTable.fit(0), bottom)
	split.Offset = 0.42
	return split
}

// buildClaims is the claims tab: the claims of a status and the decision
// buttons for the one chosen.
func (sc *fundsScreen) buildClaims() fyne.CanvasObject {
	var labels []string
	for _, s := range claimStatuses() {
		labels = append(labels, s.Label)
	}
	sc.status = widget.NewSelect(labels, func(string) { sc.reloadClaims() })
	sc.status.SetSelectedIndex(0)
	cols := []column{
		{Title: T("Claim"), Width: 60, Align: fyne.TextAlignTrailing},
		{Title: T("Date"), Width: 105},
		{Title: T("Partner"), Width: 240},
		{Title: T("Requested"), Width: 110, Align: fyne.TextAlignTrailing},
		{Title: T("Status"), Width: 100},
		{Title: T("Approved"), Width: 110, Align: fyne.TextAlignTrailing},
		{Title: T("Can approve"), Width: 115, Align: fyne.TextAlignTrailing},
		{Title: T("Reference"), Width: 120},
	}
	sc.claimTable = newKeyTable(cols, func() int { return len(sc.claims) }, sc.claimCell,
		func(row int) bool { return sc.claims[row].Claim.ID == sc.claimID })
	sc.claimTable.onChoose = func(row int) {
		sc.claimID = sc.claims[row].Claim.ID
		sc.dfs.clearErrors()
		sc.claimTable.Refresh()
		sc.decisionButtons()
	}
	sc.claimTable.onRune = func(r rune) bool {
		switch r {
		case 'a':
			sc.onDecide(true)
		case 'r':
			sc.onDecide(false)
		default:
			return false
		}
		return true
	}
	sc.payRef = widget.NewEntry()
	sc.payRef.PlaceHolder = T("bank transfer reference")
	sc.approveBtn = widget.NewButtonWithIcon(T("Approve"), theme.ConfirmIcon(), func() { sc.onDecide(true) })
	sc.approveBtn.Importance = widget.HighImportance
	sc.rejectBtn = widget.NewButtonWithIcon(T("Reject"), theme.CancelIcon(), func() { sc.onDecide(false) })
	sc.reimbBtn = widget.NewButtonWithIcon(T("Mark reimbursed"), theme.MailSendIcon(), sc.onReimburse)
	buttons := container.NewHBox(sc.approveBtn, sc.rejectBtn, widget.NewSeparator(), sc.reimbBtn)
	decision := sc.dfs.add(newField(FundsClaim, T("Chosen claim"), buttons))
	refField := sc.dfs.add(newField(FundsReference, T("Reimbursement reference"), sc.payRef))
	hint := widget.NewLabel(T("↓ ↑ choose a claim · A approves · R rejects · a claim is approved up to what the fund holds on its date"))
	hint.Importance = widget.LowImportance
	hint.Truncation = fyne.TextTruncateEllipsis
	hint.SizeName = theme.SizeNameCaptionText
	head := container.NewBorder(nil, nil, widget.NewLabel(T("Show")), nil, container.New(widthLimit{max: 320}, sc.status))
	foot := container.NewVBox(formGrid(decision, refField), hint)
	sc.decisionButtons()
	return container.NewBorder(head, foot, nil, nil, sc.claimTable.fit(2))
}

// reload reads the balances and the claims off the UI goroutine.
func (sc *fundsScreen) reload() {
	asOf := trimmed(sc.asOf)
	status := sc.statusChosen()
	sc.background(func() {
		ov, err := sc.svc.FundsOverview(asOf)
		var claims []views.ClaimRow
		var cerr error
		if err == nil {
			claims, cerr = sc.svc.Claims(status, "")
		}
		fyne.Do(func() {
			if rest, ok := sc.hfs.showErrors(err, nil); ok {
				sc.say(strings.Join(rest, " "))
				return
			}
			if err != nil {
				sc.shell.ShowError(err)
				return
			}
			if cerr != nil {
				sc.shell.ShowError(cerr)
				return
			}
			sc.show(ov, claims)
		})
	})
}

// reloadClaims reads the claims of the status chosen.
func (sc *fundsScreen) reloadClaims() {
	if sc.claimTable == nil {
		return // the select fires while the tab is built
	}
	status := sc.statusChosen()
	sc.background(func() {
		claims, err := sc.svc.Claims(status, "")
		fyne.Do(func() {
			if err != nil {
				sc.shell.ShowError(err)
				return
			}
			sc.showClaims(claims)
		})
	})
}

// statusChosen is the claim status the claims tab shows.
func (sc *fundsScreen) statusChosen() engine.ClaimStatus {
	i := sc.status.SelectedIndex()
	st := claimStatuses()
	if i < 0 || i >= len(st) {
		return engine.ClaimRequested
	}
	return st[i].Status
}

func (sc *fundsScreen) show(ov views.FundsOverview, claims []views.ClaimRow) {
	sc.ov = ov
	sc.format = numFmt{lang: Lang(), cur: ov.Currency}
	if trimmed(sc.asOf) == "" {
		sc.asOf.SetText(ov.AsOf.String())
	}
	var waiting int
	for _, f := range ov.Funds {
		waiting += f.Waiting
	}
	sc.summary.SetText(Tf("On %s: partners with funds %d, partners and reps with points %d. In the next 30 days %s of funds and %s points expire unless claimed or redeemed. Claims waiting for a decision: %d.",
		i18n.Date(ov.AsOf, sc.format.lang), len(ov.Funds), len(ov.Points),
		sc.format.money(ov.FundsExpiring30), i18n.Points(ov.PointsExpiring30, sc.format.lang), waiting))
	sc.applyFilter()
	sc.showClaims(claims)
}

// applyFilter keeps the balances whose names contain the filter,
// regardless of case and accents, and keeps the chosen ones chosen.
func (sc *fundsScreen) applyFilter() {
	q := engine.FoldName(sc.filter.Text)
	match := func(names ...string) bool {
		if q == "" {
			return true
		}
		for _, n := range names {
			if strings.Contains(engine.FoldName(n), q) {
				return true
			}
		}
		return false
	}
	sc.funds = sc.funds[:0]
	for _, f := range sc.ov.Funds {
		if match(f.Partner) {
			sc.funds = append(sc.funds, f)
		}
	}
	sc.points = sc.points[:0]
	for _, p := range sc.ov.Points {
		if match(p.Name, p.Partner) {
			sc.points = append(sc.points, p)
		}
	}
	sc.fundTable.Refresh()
	sc.pointsTable.Refresh()
	sc.chooseFund(sc.fundID)
	sc.choosePayee(sc.payee)
}

// chooseFund shows the ledger of partner id's fund (0 or a partner not
// listed: none) and points the claim form at it.
func (sc *fundsScreen) chooseFund(id engine.ID) {
	sc.fundID, sc.fundRows = 0, nil
	sc.claimHead.SetText(T("Choose a partner to see its fund"))
	for i, f := range sc.funds {
		if f.PartnerID == id {
			sc.fundID, sc.fundRows = id, f.Ledger
			sc.claimHead.SetText(Tf("%s: balance %s, %s expire within 30 days", f.Partner,
				sc.format.money(f.Balance), sc.format.money(f.Expiring30)))
			sc.fundTable.ScrollTo(widget.TableCellID{Row: i})
		}
	}
	sc.claimBtn.Disable()
	if sc.fundID != 0 {
		sc.claimBtn.Enable()
	}
	sc.fundTable.Refresh()
	sc.fundLedger.Refresh()
	sc.fundLedger.ScrollToTop()
}

// choosePayee shows the points ledger of payee and points the redemption
// form at it.
func (sc *fundsScreen) choosePayee(py engine.Payee) {
	sc.payee, sc.pointRows = engine.Payee{}, nil
	sc.redeemHead.SetText(T("Choose a partner or rep to see its points"))
	for i, p := range sc.points {
		if p.Payee == py {
			sc.payee, sc.pointRows = py, p.Ledger
			sc.redeemHead.SetText(Tf("%s: %s points to spend", p.Name, i18n.Points(p.Balance, sc.format.lang)))
			sc.pointsTable.ScrollTo(widget.TableCellID{Row: i})
		}
	}
	sc.redeemBtn.Disable()
	if sc.payee.ID != 0 {
		sc.redeemBtn.Enable()
	}
	sc.pointsTable.Refresh()
	sc.pointLedger.Refresh()
	sc.pointLedger.ScrollToTop()
}

func (sc *fundsScreen) showClaims(claims []views.ClaimRow) {
	sc.claims = claims
	found := false
	for _, c := range claims {
		found = found || c.Claim.ID == sc.claimID
	}
	if !found {
		sc.claimID = 0
	}
	sc.claimTable.Refresh()
	sc.decisionButtons()
}

// chosenClaim is the claim chosen in the claims tab.
func (sc *fundsScreen) chosenClaim() (views.ClaimRow, bool) {
	for _, c := range sc.claims {
		if c.Claim.ID == sc.claimID {
			return c, true
		}
	}
	return views.ClaimRow{}, false
}

// decisionButtons enables what can be done with the chosen claim: decide
// a requested one, reimburse an approved one.
func (sc *fundsScreen) decisionButtons() {
	c, ok := sc.chosenClaim()
	set := func(b *widget.Button, on bool) {
		if on {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	set(sc.approveBtn, ok && c.Claim.Status == engine.ClaimRequested)
	set(sc.rejectBtn, ok && c.Claim.Status == engine.ClaimRequested)
	set(sc.reimbBtn, ok && c.Claim.Status == engine.ClaimApproved)
}
