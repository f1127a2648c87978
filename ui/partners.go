package ui

import (
	"fmt"
	"strings"

	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
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

	RepName   = "name"
	RepEmail  = "email"
	RepRole   = "role"
	RepActive = "active"
)

// kindNames are the partner kinds as the form shows them.
var kindNames = map[engine.PartnerKind]string{
	engine.KindReseller: "Reseller", engine.KindDistributor: "Distributor", engine.KindVAR: "VAR",
	engine.KindMSP: "MSP", engine.KindISV: "ISV", engine.KindReferral: "Referral / affiliate",
	engine.KindInfluencer: "Influencer",
}

// statusNames are the partner statuses in the order the form lists them.
var statusNames = []struct {
	Status engine.PartnerStatus
	Name   string
}{
	{engine.StatusProspect, "Prospect"}, {engine.StatusActive, "Active"},
	{engine.StatusSuspended, "Suspended"}, {engine.StatusEnded, "Ended"},
}

// partnersScreen lists partners with search by typing, and edits the one
// selected (or a new one) with its reps.
type partnersScreen struct {
	shell *Shell
	b     Backend

	search   *widget.Entry
	list     *widget.List
	partners []engine.Partner
	count    *widget.Label

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
	message *widget.Label

	reps     []engine.Rep
	repTable *widget.Table
	rep      engine.Rep // the rep in the rep form; ID 0: new
	rfs      fields
	repName  *widget.Entry
	repEmail *widget.Entry
	repRole  *widget.Entry
	repOn    *widget.Check
	repBox   *fyne.Container
	formBox  *fyne.Container

	content fyne.CanvasObject
}

func newPartnersScreen(s *Shell) *partnersScreen {
	sc := &partnersScreen{shell: s, b: s.Backend()}
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
	sc.search.PlaceHolder = "Search name, code, country, email"
	sc.search.ActionItem = widget.NewIcon(theme.SearchIcon())
	sc.search.OnChanged = func(string) { sc.reload() }
	sc.search.OnSubmitted = func(string) { sc.openFirst() }
	sc.count = widget.NewLabel("")
	sc.count.Importance = widget.LowImportance
	sc.list = widget.NewList(
		func() int { return len(sc.partners) },
		func() fyne.CanvasObject {
			name := widget.NewLabelWithStyle("Partner name", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			name.Truncation = fyne.TextTruncateEllipsis
			info := widget.NewLabel("kind · country · status")
			info.Truncation = fyne.TextTruncateEllipsis
			info.SizeName = theme.SizeNameCaptionText
			return container.New(tightStack{}, name, info)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			p := sc.partners[id]
			c := o.(*fyne.Container)
			c.Objects[0].(*widget.Label).SetText(p.Name)
			c.Objects[1].(*widget.Label).SetText(partnerSummary(p))
		})
	sc.list.OnSelected = func(id widget.ListItemID) {
		if id < len(sc.partners) {
			sc.edit(sc.partners[id])
		}
	}
	left := container.NewBorder(container.NewVBox(sc.search, sc.count), nil, nil, nil, sc.list)

	entry := func(ph string) *widget.Entry {
		e := widget.NewEntry()
		e.PlaceHolder = ph
		e.OnSubmitted = func(string) { sc.onSave() }
		return e
	}
	sc.name = entry("Name as it prints on statements")
	var kinds []string
	for _, k := range engine.PartnerKinds {
		kinds = append(kinds, kindNames[k])
	}
	sc.kind = widget.NewSelect(kinds, nil)
	sc.segment = entry("e.g. SMB, education, start-up")
	sc.region = entry("e.g. EMEA")
	sc.country = entry("ISO code, e.g. IT")
	sc.contact = entry("Contact person")
	sc.email = entry("name@example.com")
	sc.manager = entry("Your account manager")
	sc.code = entry("Referral code")
	var statuses []string
	for _, s := range statusNames {
		statuses = append(statuses, s.Name)
	}
	sc.status = widget.NewSelect(statuses, nil)
	sc.joined = entry("2026-01-31")
	sc.lang = widget.NewSelect(languageOptions(true), nil)
	sc.notes = widget.NewMultiLineEntry()
	sc.notes.SetMinRowsVisible(2)
	sc.notes.Wrapping = fyne.TextWrapWord
	sc.message = widget.NewLabel("")
	sc.message.Wrapping = fyne.TextWrapWord

	add := func(key, label string, in fyne.CanvasObject) *field { return sc.fs.add(newField(key, label, in)) }
	// Two columns, so that the partner and its reps fit a 1280 x 800
	// window without scrolling: who and what on the left, how to reach
	// them on the right. Tab goes down the left column, then the right.
	form := container.NewVBox(
		container.NewGridWithColumns(2,
			formGrid(
				add(PartnerName, "Name", sc.name),
				add(PartnerKind, "Kind", sc.kind),
				add(PartnerStatus, "Status", sc.status),
				add(PartnerSegment, "Segment", sc.segment),
				add(PartnerRegion, "Region", sc.region),
				add(PartnerCountry, "Country", sc.country),
			),
			formGrid(
				add(PartnerContact, "Contact", sc.contact),
				add(PartnerEmail, "Email", sc.email),
				add(PartnerAccountManager, "Account manager", sc.manager),
				add(PartnerReferralCode, "Referral code", sc.code),
				add(PartnerJoined, "Joined", sc.joined),
				add(PartnerLanguage, "Statement language", sc.lang),
			)),
		formGrid(add(PartnerNotes, "Notes", sc.notes)),
	)
	save := widget.NewButtonWithIcon("Save partner", theme.DocumentSaveIcon(), sc.onSave)
	save.Importance = widget.HighImportance
	newBtn := widget.NewButtonWithIcon("New partner", theme.ContentAddIcon(), func() { sc.Command(CmdNew) })
	sc.heading = sectionTitle("New partner")
	buttons := container.NewHBox(save, newBtn)

	// Reps.
	repCols := []column{
		{"Name", 180, fyne.TextAlignLeading},
		{"Email", 220, fyne.TextAlignLeading},
		{"Role", 120, fyne.TextAlignLeading},
		{"Active", 70, fyne.TextAlignLeading},
	}
	sc.repTable = newTextTable(repCols, func() int { return len(sc.reps) }, sc.repCell)
	sc.repTable.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(sc.reps) {
			sc.editRep(sc.reps[id.Row])
		}
	}
	sc.repName = widget.NewEntry()
	sc.repName.PlaceHolder = "Rep name"
	sc.repName.OnSubmitted = func(string) { sc.onSaveRep() }
	sc.repEmail = widget.NewEntry()
	sc.repEmail.PlaceHolder = "Email"
	sc.repEmail.OnSubmitted = func(string) { sc.onSaveRep() }
	sc.repRole = widget.NewEntry()
	sc.repRole.PlaceHolder = "sales, presales, manager"
	sc.repRole.OnSubmitted = func(string) { sc.onSaveRep() }
	sc.repOn = widget.NewCheck("Active", nil)
	saveRep := widget.NewButtonWithIcon("Save rep", theme.DocumentSaveIcon(), sc.onSaveRep)
	addRep := widget.NewButtonWithIcon("Add rep", theme.ContentAddIcon(), func() {
		sc.repTable.UnselectAll()
		sc.editRep(engine.Rep{Active: true})
		sc.shell.Window().Canvas().Focus(sc.repName)
	})
	radd := func(key, label string, in fyne.CanvasObject) fyne.CanvasObject {
		return sc.rfs.add(newField(key, label, in)).Cell()
	}
	repForm := container.NewGridWithColumns(4,
		radd(RepName, "Name", sc.repName),
		radd(RepEmail, "Email", sc.repEmail),
		radd(RepRole, "Role", sc.repRole),
		radd(RepActive, "Status", sc.repOn),
	)
	// The reps table is as wide as the form and about four rows high.
	tall := canvas.NewRectangle(color.Transparent)
	tall.SetMinSize(fyne.NewSize(0, 170))
	tableBox := container.NewStack(tall, fitTable(sc.repTable, []float32{180, 220, 120, 70}, 1))
	sc.repBox = container.NewVBox(
		widget.NewSeparator(),
		container.NewBorder(nil, nil, sectionTitle("Reps"), addRep),
		tableBox, repForm, container.NewHBox(saveRep))

	sc.formBox = container.NewVBox(sc.heading, form, sc.message, buttons, sc.repBox)
	right := container.NewVScroll(container.NewPadded(sc.formBox))
	split := container.NewHSplit(left, right)
	split.Offset = 0.27
	sc.content = split
}

// partnerSummary is the list's second line.
func partnerSummary(p engine.Partner) string {
	parts := []string{kindNames[p.Kind]}
	if p.Country != "" {
		parts = append(parts, p.Country)
	}
	for _, s := range statusNames {
		if s.Status == p.Status {
			parts = append(parts, s.Name)
		}
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

// reload lists the partners matching the search text.
func (sc *partnersScreen) reload() {
	ps, err := sc.b.Partners(strings.TrimSpace(sc.search.Text))
	if err != nil {
		sc.shell.ShowError(fmt.Errorf("search partners: %w", err))
		return
	}
	sc.partners = ps
	sc.list.UnselectAll()
	sc.list.Refresh()
	switch len(ps) {
	case 0:
		sc.count.SetText("No partner matches.")
	case 1:
		sc.count.SetText("1 partner")
	default:
		sc.count.SetText(fmt.Sprintf("%d partners", len(ps)))
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
		sc.heading.SetText("New partner")
	} else {
		sc.heading.SetText(p.Name)
	}
	sc.name.SetText(p.Name)
	sc.kind.SetSelected(kindNames[p.Kind])
	sc.segment.SetText(p.Segment)
	sc.region.SetText(p.Region)
	sc.country.SetText(p.Country)
	sc.contact.SetText(p.Contact)
	sc.email.SetText(p.Email)
	sc.manager.SetText(p.AccountManager)
	sc.code.SetText(p.ReferralCode)
	sc.status.ClearSelected()
	for _, s := range statusNames {
		if s.Status == p.Status {
			sc.status.SetSelected(s.Name)
		}
	}
	sc.joined.SetText(p.Joined.String())
	sc.lang.SetSelected(languageName(p.Language, true))
	sc.notes.SetText(p.Notes)
	sc.loadReps()
}

// form reads the partner out of the form. Only the date is parsed here,
// with the engine's parser; the backend validates the rest.
func (sc *partnersScreen) form() (engine.Partner, bool) {
	p := sc.editing
	p.Name = strings.TrimSpace(sc.name.Text)
	p.Kind = ""
	for k, n := range kindNames {
		if n == sc.kind.Selected {
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
	for _, s := range statusNames {
		if s.Name == sc.status.Selected {
			p.Status = s.Status
		}
	}
	p.Language = languageCode(sc.lang.Selected)
	p.Notes = sc.notes.Text
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
	sc.message.SetText("Saved.")
	sc.shell.SetStatus(fmt.Sprintf("Saved partner %s.", p.Name))
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
	// A new partner has no reps yet. The box's parent lays out again so
	// that a box shown for the first time gets its size.
	if sc.editing.ID == 0 {
		sc.repBox.Hide()
	} else {
		sc.repBox.Show()
	}
	sc.formBox.Refresh()
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
	sc.shell.SetStatus(fmt.Sprintf("Saved rep %s.", r.Name))
	sc.loadReps()
	sc.shell.Window().Canvas().Focus(sc.repName)
}
