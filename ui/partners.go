package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partnerdesk/engine"
)

func init() {
	RegisterScreen(ScreenSpec{
		Name: ScreenPartners, Title: "Partners", IconName: theme.IconNameAccount, Order: 20,
		New: func(s *Shell) Screen { return newPartnersScreen(s) },
	})
}

// The field keys of a partner and a rep, as the backend names them (the
// JSON names of engine.Partner and engine.Rep).
const (
	PartnerName           = "name"
	PartnerKind           = "kind"
	PartnerSegment        = "segment"
	PartnerRegion         = "region"
	PartnerCountry        = "country"
	PartnerContact        = "contact"
	PartnerEmail          = "email"
	PartnerAccountManager = "account_manager"
	PartnerReferralCode   = "referral_code"
	PartnerStatus         = "status"
	PartnerJoined         = "joined"
	PartnerLanguage       = "language"
	PartnerNotes          = "notes"
	PartnerAddress        = "address"
	PartnerTaxID          = "tax_id"

	RepName   = "name"
	RepEmail  = "email"
	RepRole   = "role"
	RepActive = "active"
)

// kindName is a partner kind as the window shows it.
func kindName(k engine.PartnerKind) string {
	switch k {
	case engine.KindReseller:
		return T("Reseller")
	case engine.KindDistributor:
		return T("Distributor")
	case engine.KindVAR:
		return T("VAR")
	case engine.KindMSP:
		return T("MSP")
	case engine.KindISV:
		return T("ISV")
	case engine.KindReferral:
		return T("Referral / affiliate")
	case engine.KindInfluencer:
		return T("Influencer")
	}
	return string(k)
}

// partnerStatuses are the partner statuses in the order the form lists them.
var partnerStatuses = []engine.PartnerStatus{engine.StatusProspect, engine.StatusActive, engine.StatusSuspended, engine.StatusEnded}

// statusName is a partner status as the window shows it.
func statusName(st engine.PartnerStatus) string {
	switch st {
	case engine.StatusProspect:
		return T("Prospect")
	case engine.StatusActive:
		return T("Active|partner status")
	case engine.StatusSuspended:
		return T("Suspended")
	case engine.StatusEnded:
		return T("Ended")
	}
	return string(st)
}

// partnersScreen lists partners with search by typing, and edits the one
// selected (or a new one) with its reps.
type partnersScreen struct {
	shell *Shell
	b     Backend

	search   *widget.Entry
	list     *widget.List
	partners []engine.Partner
	tierOf   map[engine.ID]string // the tier each listed partner holds today
	count    *widget.Label

	// The list's filters and order (shown when the backend lists with
	// filters, PartnerListService).
	lister    PartnerListService
	fKind     *widget.Select
	fStatus   *widget.Select
	fSegment  *widget.Select
	fRegion   *widget.Select
	fTier     *widget.Select
	sortBy    *widget.Select
	sortDesc  *widget.Button
	desc      bool
	filterBox *fyne.Container

	editing engine.Partner // the partner in the form; ID 0: new
	heading *widget.Label
	fs      fields
	name    *widget.Entry
	kind    *widget.Select
	segment *widget.Entry
	region  *widget.Entry
	country *widget.Entry
	contact *widget.Entry
	email   *widget.Entry
	manager *widget.Entry
	code    *widget.Entry
	status  *widget.Select
	joined  *widget.Entry
	lang    *widget.Select
	notes   *widget.Entry
	address *widget.Entry // legal postal address, for its invoices
	taxID   *widget.Entry
	message *widget.Label

	reps     []engine.Rep
	repTable *widget.Table
	rep      engine.Rep // the rep in the rep form; ID 0: new
	rfs      fields
	repName  *widget.Entry
	repEmail *widget.Entry
	repRole  *widget.Entry
	repOn    *widget.Check
	formBox  *fyne.Container

	detail *partnerDetail // the tabs beside the form

	content fyne.CanvasObject
}

func newPartnersScreen(s *Shell) *partnersScreen {
	sc := &partnersScreen{shell: s, b: s.Backend()}
	sc.lister, _ = s.Backend().(PartnerListService)
	sc.build()
	sc.edit(engine.Partner{Kind: engine.KindReseller, Status: engine.StatusActive})
	return sc
}

// Content is the screen.
func (sc *partnersScreen) Content() fyne.CanvasObject { return sc.content }

// Shown reloads the list and puts the cursor in the search field.
func (sc *partnersScreen) Shown() fyne.Focusable {
	sc.reload()
	return sc.search
}

// Command handles New, Save, Find and Refresh.
func (sc *partnersScreen) Command(c Command) bool {
	switch c {
	case CmdNew:
		sc.list.UnselectAll()
		sc.edit(engine.Partner{Kind: engine.KindReseller, Status: engine.StatusActive})
		sc.detail.tabs.SelectIndex(0)
		sc.shell.Window().Canvas().Focus(sc.name)
	case CmdSave:
		sc.onSave()
	case CmdFind:
		sc.shell.Window().Canvas().Focus(sc.search)
	case CmdRefresh:
		sc.reload()
	default:
		return false
	}
	return true
}

// It is long because it declares the partner form's widgets and their
// layout in one place, as Fyne forms are written; it holds no rule.
func (sc *partnersScreen) build() {
	sc.search = widget.NewEntry()
	sc.search.PlaceHolder = T("Search name, code, id, country, email")
	sc.search.ActionItem = widget.NewIcon(theme.SearchIcon())
	sc.search.OnChanged = func(string) { sc.reload() }
	sc.search.OnSubmitted = func(string) { sc.openFirst() }
	sc.count = widget.NewLabel("")
	sc.count.Importance = widget.LowImportance
	sc.list = widget.NewList(
		func() int { return len(sc.partners) },
		func() fyne.CanvasObject {
			name := widget.NewLabelWithStyle(T("Partner name"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			name.Truncation = fyne.TextTruncateEllipsis
			info := widget.NewLabel(T("kind · country · status"))
			info.Truncation = fyne.TextTruncateEllipsis
			info.SizeName = theme.SizeNameCaptionText
			return container.New(tightStack{}, name, info)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			p := sc.partners[id]
			c := o.(*fyne.Container)
			c.Objects[0].(*widget.Label).SetText(p.Name)
			c.Objects[1].(*widget.Label).SetText(partnerSummary(p, sc.tierOf[p.ID]))
		})
	sc.list.OnSelected = func(id widget.ListItemID) {
		if id < len(sc.partners) {
			sc.edit(sc.partners[id])
		}
	}
	sc.buildFilters()
	top := container.NewVBox(sc.search)
	if sc.filterBox != nil {
		top.Add(sc.filterBox)
	}
	top.Add(sc.count)
	left := container.NewBorder(top, nil, nil, nil, sc.list)

	entry := func(ph string) *widget.Entry {
		e := widget.NewEntry()
		e.PlaceHolder = ph
		e.OnSubmitted = func(string) { sc.onSave() }
		return e
	}
	sc.name = entry(T("Name as it prints on statements"))
	var kinds []string
	for _, k := range engine.PartnerKinds {
		kinds = append(kinds, kindName(k))
	}
	sc.kind = widget.NewSelect(kinds, nil)
	sc.segment = entry(T("e.g. SMB, education, start-up"))
	sc.region = entry(T("e.g. EMEA"))
	sc.country = entry(T("ISO code, e.g. IT"))
	sc.contact = entry(T("Contact person"))
	sc.email = entry(T("name@example.com"))
	sc.manager = entry(T("Your account manager"))
	sc.code = entry(T("Referral code"))
	var statuses []string
	for _, st := range partnerStatuses {
		statuses = append(statuses, statusName(st))
	}
	sc.status = widget.NewSelect(statuses, nil)
	sc.joined = entry("2026-01-31")
	sc.lang = widget.NewSelect(languageOptions(true), nil)
	sc.address = widget.NewMultiLineEntry()
	sc.address.PlaceHolder = T("Street, city, country")
	sc.address.SetMinRowsVisible(3)
	sc.taxID = entry(T("e.g. DE123456789"))
	sc.notes = widget.NewMultiLineEntry()
	sc.notes.SetMinRowsVisible(2)
	sc.notes.Wrapping = fyne.TextWrapWord
	sc.message = widget.NewLabel("")
	sc.message.Wrapping = fyne.TextWrapWord

	add := func(key, label string, in fyne.CanvasObject) *field { return sc.fs.add(newField(key, label, in)) }
	var formScroll *container.Scroll
	// Two columns where the window has room for them (one in a 1024 x 700
	// window): who and what on the left, how to reach them on the right.
	// Tab goes down the left column, then the right.
	form := container.NewVBox(
		container.New(newFlowGrid(300, 2, scrollWidth(&formScroll)),
			formGrid(
				add(PartnerName, T("Name"), sc.name),
				add(PartnerKind, T("Kind"), sc.kind),
				add(PartnerStatus, T("Status"), sc.status),
				add(PartnerSegment, T("Segment"), sc.segment),
				add(PartnerRegion, T("Region"), sc.region),
				add(PartnerCountry, T("Country"), sc.country),
			),
			formGrid(
				add(PartnerContact, T("Contact"), sc.contact),
				add(PartnerEmail, T("Email"), sc.email),
				add(PartnerAccountManager, T("Account manager"), sc.manager),
				add(PartnerReferralCode, T("Referral code"), sc.code),
				add(PartnerJoined, T("Joined"), sc.joined),
				add(PartnerLanguage, T("Statement language"), sc.lang),
			)),
		// What its self-billed invoices print beside its name.
		formGrid(
			add(PartnerAddress, T("Legal address"), sc.address),
			add(PartnerTaxID, T("VAT / tax ID"), sc.taxID),
			add(PartnerNotes, T("Notes"), sc.notes),
		),
	)
	save := widget.NewButtonWithIcon(T("Save partner"), theme.DocumentSaveIcon(), sc.onSave)
	save.Importance = widget.HighImportance
	newBtn := widget.NewButtonWithIcon(T("New partner"), theme.ContentAddIcon(), func() { sc.Command(CmdNew) })
	sc.heading = sectionTitle(T("New partner"))
	buttons := container.NewHBox(save, newBtn)

	// Reps: a tab of their own, the table above the form, so the form
	// never lies over the table whatever the window's height.
	repCols := []column{
		{T("Name"), 130, fyne.TextAlignLeading},
		{T("Email"), 150, fyne.TextAlignLeading},
		{T("Role"), 90, fyne.TextAlignLeading},
		{T("Active"), 60, fyne.TextAlignLeading},
	}
	sc.repTable = newTextTable(repCols, func() int { return len(sc.reps) }, sc.repCell)
	sc.repTable.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(sc.reps) {
			sc.editRep(sc.reps[id.Row])
		}
	}
	sc.repName = widget.NewEntry()
	sc.repName.PlaceHolder = T("Rep name")
	sc.repName.OnSubmitted = func(string) { sc.onSaveRep() }
	sc.repEmail = widget.NewEntry()
	sc.repEmail.PlaceHolder = T("Email")
	sc.repEmail.OnSubmitted = func(string) { sc.onSaveRep() }
	sc.repRole = widget.NewEntry()
	sc.repRole.PlaceHolder = T("sales, presales, manager")
	sc.repRole.OnSubmitted = func(string) { sc.onSaveRep() }
	sc.repOn = widget.NewCheck(T("Active"), nil)
	saveRep := widget.NewButtonWithIcon(T("Save rep"), theme.DocumentSaveIcon(), sc.onSaveRep)
	addRep := widget.NewButtonWithIcon(T("Add rep"), theme.ContentAddIcon(), func() {
		sc.repTable.UnselectAll()
		sc.editRep(engine.Rep{Active: true})
		sc.shell.Window().Canvas().Focus(sc.repName)
	})
	radd := func(key, label string, in fyne.CanvasObject) fyne.CanvasObject {
		return sc.rfs.add(newField(key, label, in)).Cell()
	}
	repForm := container.NewGridWithColumns(4,
		radd(RepName, T("Name"), sc.repName),
		radd(RepEmail, T("Email"), sc.repEmail),
		radd(RepRole, T("Role"), sc.repRole),
		radd(RepActive, T("Status"), sc.repOn),
	)
	repTab := container.NewBorder(
		container.NewBorder(nil, nil, sectionTitle(T("Reps")), addRep),
		container.NewVBox(widget.NewSeparator(), repForm, container.NewHBox(saveRep)),
		nil, nil,
		fitTable(sc.repTable, []float32{130, 150, 90, 60}, 1))

	sc.formBox = container.NewVBox(form, sc.message, buttons)
	formScroll = container.NewVScroll(container.NewPadded(sc.formBox))
	sc.detail = newPartnerDetail(sc, formScroll, container.NewPadded(repTab))
	right := container.NewBorder(container.NewPadded(container.NewVBox(sc.heading, sc.detail.summary)), nil, nil, nil, sc.detail.tabs)
	sc.detail.box = right
	split := container.NewHSplit(left, right)
	split.Offset = 0.27
	sc.content = split
}

// partnerSummary is the list's second line.
func partnerSummary(p engine.Partner, tier string) string {
	parts := []string{kindName(p.Kind)}
	if p.Country != "" {
		parts = append(parts, p.Country)
	}
	if p.Status != "" {
		parts = append(parts, statusName(p.Status))
	}
	if tier != "" {
		parts = append(parts, tier)
	}
	if p.ReferralCode != "" {
		parts = append(parts, p.ReferralCode)
	}
	return strings.Join(parts, " · ")
}

func (sc *partnersScreen) repCell(row, col int) string {
	if row >= len(sc.reps) {
		return ""
	}
	r := sc.reps[row]
	switch col {
	case 0:
		return r.Name
	case 1:
		return r.Email
	case 2:
		return r.Role
	case 3:
		if r.Active {
			return "yes"
		}
		return "no"
	}
	return ""
}

// reload lists the partners the search text and the filters select.
func (sc *partnersScreen) reload() {
	q := strings.TrimSpace(sc.search.Text)
	sc.tierOf = map[engine.ID]string{}
	all := -1
	if sc.lister != nil {
		l, err := sc.lister.PartnerList(sc.filter(q))
		if err != nil {
			sc.shell.ShowError(fmt.Errorf("list partners: %w", err))
			return
		}
		sc.partners = sc.partners[:0]
		for _, r := range l.Rows {
			sc.partners = append(sc.partners, r.Partner)
			sc.tierOf[r.Partner.ID] = r.Tier
		}
		all = l.All
		sc.setFilterOptions(l)
	} else {
		ps, err := sc.b.Partners(q)
		if err != nil {
			sc.shell.ShowError(fmt.Errorf("search partners: %w", err))
			return
		}
		sc.partners = ps
	}
	sc.list.UnselectAll()
	sc.list.Refresh()
	n := len(sc.partners)
	switch {
	case n == 0:
		sc.count.SetText(T("No partner matches."))
	case all > n:
		sc.count.SetText(Tf("%d of %d partners", n, all))
	case n == 1:
		sc.count.SetText(T("1 partner"))
	default:
		sc.count.SetText(Tf("%d partners", n))
	}
}

// openFirst opens the first match and moves to the form.
func (sc *partnersScreen) openFirst() {
	if len(sc.partners) == 0 {
		return
	}
	sc.list.Select(0)
	sc.shell.Window().Canvas().Focus(sc.name)
}

// edit fills the form with p.
func (sc *partnersScreen) edit(p engine.Partner) {
	sc.editing = p
	sc.fs.clearErrors()
	sc.message.SetText("")
	if p.ID == 0 {
		sc.heading.SetText(T("New partner"))
	} else {
		sc.heading.SetText(p.Name)
	}
	sc.detail.load(p.ID)
	sc.name.SetText(p.Name)
	sc.kind.SetSelected(kindName(p.Kind))
	sc.segment.SetText(p.Segment)
	sc.region.SetText(p.Region)
	sc.country.SetText(p.Country)
	sc.contact.SetText(p.Contact)
	sc.email.SetText(p.Email)
	sc.manager.SetText(p.AccountManager)
	sc.code.SetText(p.ReferralCode)
	sc.status.ClearSelected()
	if p.Status != "" {
		sc.status.SetSelected(statusName(p.Status))
	}
	sc.joined.SetText(p.Joined.String())
	sc.lang.SetSelected(languageName(p.Language, true))
	sc.notes.SetText(p.Notes)
	sc.address.SetText(p.Address)
	sc.taxID.SetText(p.TaxID)
	sc.loadReps()
}

// form reads the partner out of the form. Only the date is parsed here,
// with the engine's parser; the backend validates the rest.
func (sc *partnersScreen) form() (engine.Partner, bool) {
	p := sc.editing
	p.Name = strings.TrimSpace(sc.name.Text)
	p.Kind = ""
	for _, k := range engine.PartnerKinds {
		if kindName(k) == sc.kind.Selected {
			p.Kind = k
		}
	}
	p.Segment = strings.TrimSpace(sc.segment.Text)
	p.Region = strings.TrimSpace(sc.region.Text)
	p.Country = strings.TrimSpace(sc.country.Text)
	p.Contact = strings.TrimSpace(sc.contact.Text)
	p.Email = strings.TrimSpace(sc.email.Text)
	p.AccountManager = strings.TrimSpace(sc.manager.Text)
	p.ReferralCode = strings.TrimSpace(sc.code.Text)
	p.Status = ""
	for _, st := range partnerStatuses {
		if statusName(st) == sc.status.Selected {
			p.Status = st
		}
	}
	p.Language = languageCode(sc.lang.Selected)
	p.Notes = sc.notes.Text
	p.Address = sc.address.Text
	p.TaxID = sc.taxID.Text
	p.Joined = 0
	if t := strings.TrimSpace(sc.joined.Text); t != "" {
		d, err := engine.ParseDate(t)
		if err != nil {
			sc.fs.get(PartnerJoined).SetError(sentence(err))
			return p, false
		}
		p.Joined = d
	}
	return p, true
}

func (sc *partnersScreen) onSave() {
	sc.fs.clearErrors()
	p, ok := sc.form()
	if !ok {
		sc.shell.Window().Canvas().Focus(sc.joined)
		return
	}
	if err := sc.b.SavePartner(&p); err != nil {
		rest, ok := sc.fs.showErrors(err, map[string]string{"partner": PartnerName})
		sc.message.Importance = widget.DangerImportance
		switch {
		case !ok:
			sc.message.SetText(sentence(err))
		default:
			sc.message.SetText(strings.Join(rest, "\n"))
			if f := sc.fs.firstError(); f != nil {
				if fo, ok := f.input.(fyne.Focusable); ok {
					sc.shell.Window().Canvas().Focus(fo)
				}
			}
		}
		return
	}
	sc.reload()
	sc.edit(p)
	sc.message.Importance = widget.SuccessImportance
	sc.message.SetText(T("Saved."))
	sc.shell.SetStatus(Tf("Saved partner %s.", p.Name))
}

func (sc *partnersScreen) loadReps() {
	sc.reps = nil
	if sc.editing.ID != 0 {
		reps, err := sc.b.Reps(sc.editing.ID)
		if err != nil {
			sc.shell.ShowError(fmt.Errorf("load reps: %w", err))
		}
		sc.reps = reps
	}
	sc.repTable.UnselectAll()
	sc.repTable.Refresh()
	sc.editRep(engine.Rep{Active: true})
}

func (sc *partnersScreen) editRep(r engine.Rep) {
	sc.rep = r
	sc.rfs.clearErrors()
	sc.repName.SetText(r.Name)
	sc.repEmail.SetText(r.Email)
	sc.repRole.SetText(r.Role)
	sc.repOn.SetChecked(r.Active)
}

func (sc *partnersScreen) onSaveRep() {
	r := sc.rep
	r.PartnerID = sc.editing.ID
	r.Name = strings.TrimSpace(sc.repName.Text)
	r.Email = strings.TrimSpace(sc.repEmail.Text)
	r.Role = strings.TrimSpace(sc.repRole.Text)
	r.Active = sc.repOn.Checked
	if err := sc.b.SaveRep(&r); err != nil {
		rest, ok := sc.rfs.showErrors(err, nil)
		if !ok || len(rest) > 0 {
			sc.shell.ShowError(err)
		}
		return
	}
	sc.shell.SetStatus(Tf("Saved rep %s.", r.Name))
	sc.loadReps()
	sc.shell.Window().Canvas().Focus(sc.repName)
}
