package ui

import (
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partnerdesk/engine"
	"partnerdesk/engine/i18n"
)

func init() {
	RegisterScreen(ScreenSpec{
		Name: ScreenSettings, Title: "Settings", IconName: theme.IconNameSettings, Order: 80,
		New: func(s *Shell) Screen { return newSettingsScreen(s) },
	})
}

// statementLanguages are the languages statements print in, in the order
// the spec lists them.
var statementLanguages = []struct{ Code, Name string }{
	{"en", "English"}, {"it", "Italiano"}, {"fr", "Français"}, {"nl", "Nederlands"},
	{"id", "Bahasa Indonesia"}, {"de", "Deutsch"}, {"es", "Español"},
}

// companyDefault is the language choice of a partner that follows the company.
func companyDefault() string { return T("Company default") }

// languageOptions lists the language names, with the company default first
// when withDefault.
func languageOptions(withDefault bool) []string {
	var opts []string
	if withDefault {
		opts = append(opts, companyDefault())
	}
	for _, l := range statementLanguages {
		opts = append(opts, l.Name)
	}
	return opts
}

// languageName is the name of code; an empty code is the company default
// (or English where there is no default to fall back on).
func languageName(code string, withDefault bool) string {
	for _, l := range statementLanguages {
		if l.Code == code {
			return l.Name
		}
	}
	if withDefault {
		return companyDefault()
	}
	return statementLanguages[0].Name
}

// languageCode is the code of a language name; "" for the company default.
func languageCode(name string) string {
	for _, l := range statementLanguages {
		if l.Name == name {
			return l.Code
		}
	}
	return ""
}

// BackupService is the window's backup: while the window is open it holds
// the database file, so `partnerdesk backup` from a second process is
// refused (and says to come here). The settings screen offers "Back up now"
// when the backend has it.
type BackupService interface {
	// BackupNow writes a checked copy of the database as a new file in the
	// backups folder beside it and returns the file's path.
	BackupNow() (string, error)
}

// settingsScreen edits the company and the operator name, and takes a
// backup on request.
type settingsScreen struct {
	shell *Shell
	b     Backend

	company  engine.Company
	fs       fields
	name     *widget.Entry
	address  *widget.Entry
	taxID    *widget.Entry
	logo     []byte
	logoName *widget.Label
	logoImg  *canvas.Image
	currency *widget.Entry
	minor    *widget.Select
	fyStart  *widget.Select
	lang     *widget.Select
	operator *widget.Entry
	message  *widget.Label
	backup   *widget.Button // nil when the backend takes no backups
	backedUp *widget.Label
	restore  *widget.Button // nil when the window cannot restore
	filePath *widget.Label  // the open file's path; nil when unknown

	// sectionsShown refresh the added sections when the screen shows.
	sectionsShown []func()

	content fyne.CanvasObject
}

func newSettingsScreen(s *Shell) *settingsScreen {
	sc := &settingsScreen{shell: s, b: s.Backend()}
	sc.build()
	return sc
}

// Content is the screen.
func (sc *settingsScreen) Content() fyne.CanvasObject { return sc.content }

// Shown loads the stored company (and each added section) and focuses its
// name.
func (sc *settingsScreen) Shown() fyne.Focusable {
	sc.load()
	for _, shown := range sc.sectionsShown {
		shown()
	}
	sc.showFile()
	return sc.name
}

// Command handles Save and Refresh.
func (sc *settingsScreen) Command(c Command) bool {
	switch c {
	case CmdSave:
		sc.onSave()
	case CmdRefresh:
		sc.load()
	case CmdFind:
		sc.shell.Window().Canvas().Focus(sc.name)
	default:
		return false
	}
	return true
}

func (sc *settingsScreen) build() {
	entry := func(ph string) *widget.Entry {
		e := widget.NewEntry()
		e.PlaceHolder = ph
		e.OnSubmitted = func(string) { sc.onSave() }
		return e
	}
	sc.name = entry(T("Your company's name"))
	sc.address = widget.NewMultiLineEntry()
	sc.address.PlaceHolder = T("Street, city, country")
	sc.address.SetMinRowsVisible(3)
	sc.taxID = entry(T("e.g. DE123456789"))
	sc.logoName = widget.NewLabel(T("No logo"))
	sc.logoName.Importance = widget.LowImportance
	sc.logoImg = canvas.NewImageFromResource(nil)
	sc.logoImg.FillMode = canvas.ImageFillContain
	sc.logoImg.SetMinSize(fyne.NewSize(96, 48))
	choose := widget.NewButtonWithIcon(T("Choose…"), theme.FolderOpenIcon(), sc.onChooseLogo)
	remove := widget.NewButtonWithIcon(T("Remove"), theme.DeleteIcon(), func() { sc.setLogo("", nil) })
	logoRow := container.NewHBox(choose, remove, sc.logoImg, sc.logoName)
	sc.currency = entry("EUR")
	sc.minor = widget.NewSelect([]string{"0", "1", "2", "3", "4"}, nil)
	// A new code brings its usual minor units; the user may still change them.
	sc.currency.OnChanged = func(code string) {
		code = strings.ToUpper(strings.TrimSpace(code))
		if len(code) == 3 {
			sc.minor.SetSelected(strconv.Itoa(int(engine.NewCurrency(code).MinorUnits)))
		}
	}
	var months []string
	for m := time.January; m <= time.December; m++ {
		months = append(months, i18n.MonthName(m, Lang()))
	}
	sc.fyStart = widget.NewSelect(months, nil)
	sc.lang = widget.NewSelect(languageOptions(false), nil)
	sc.operator = entry(T("Your name, written into the audit trail"))
	sc.message = widget.NewLabel("")
	sc.message.Wrapping = fyne.TextWrapWord

	add := func(key, label string, in fyne.CanvasObject) *field { return sc.fs.add(newField(key, label, in)) }
	company := formGrid(
		add(CompanyName, T("Company name"), sc.name),
		add(CompanyAddress, T("Address"), sc.address),
		add(CompanyTaxID, T("VAT / tax ID"), sc.taxID),
		add(CompanyLogo, T("Logo"), logoRow),
		add(CompanyCurrency, T("Currency (ISO 4217)"), sc.currency),
		add(CompanyMinorUnits, T("Minor units"), sc.minor),
		add(CompanyFiscalYearStart, T("Fiscal year starts in"), sc.fyStart),
		add(CompanyLanguage, T("Statement language"), sc.lang),
		// One grid for both, so the labels line up.
		add(FieldOperator, T("Operator (this computer)"), sc.operator),
		add("window.language", T("Window language (this computer)"), newWindowLanguageSelect(sc.shell)),
	)
	save := widget.NewButtonWithIcon(T("Save settings"), theme.DocumentSaveIcon(), sc.onSave)
	save.Importance = widget.HighImportance
	body := container.NewVBox(
		sectionTitle(T("Company")), company,
		sc.message, container.NewHBox(save),
	)
	// Sections other files add (RegisterSettingsSection), then the backup,
	// restore and where the file is (ui/settings_backup.go).
	sc.addSections(body)
	sc.addFileSections(body)
	// A readable form is not as wide as a 1280-pixel window.
	sc.content = container.NewVScroll(container.NewPadded(limitWidth(680, body)))
}

func (sc *settingsScreen) load() {
	c, err := sc.b.Company()
	if err != nil {
		sc.shell.ShowError(fmt.Errorf("load company: %w", err))
		return
	}
	sc.company = c
	sc.fs.clearErrors()
	sc.message.SetText("")
	sc.name.SetText(c.Name)
	sc.address.SetText(c.Address)
	sc.taxID.SetText(c.TaxID)
	sc.setLogo("", c.Logo)
	sc.currency.SetText(c.Currency.Code)
	sc.minor.SetSelected(strconv.Itoa(int(c.Currency.MinorUnits)))
	m := c.FiscalYearStart
	if m < time.January || m > time.December {
		m = time.January
	}
	sc.fyStart.SetSelected(i18n.MonthName(m, Lang()))
	sc.lang.SetSelected(languageName(c.Language, false))
	sc.operator.SetText(sc.b.OperatorName())
}

// setLogo shows logo bytes read from name ("" when they came from the store).
func (sc *settingsScreen) setLogo(name string, logo []byte) {
	sc.logo = logo
	switch {
	case len(logo) == 0:
		sc.logoName.SetText(T("No logo"))
		sc.logoImg.Resource = nil
	case name != "":
		sc.logoName.SetText(name)
		sc.logoImg.Resource = fyne.NewStaticResource(name, logo)
	default:
		sc.logoName.SetText(Tf("%d KB", (len(logo)+1023)/1024))
		sc.logoImg.Resource = fyne.NewStaticResource("logo", logo)
	}
	sc.logoImg.Refresh()
}

func (sc *settingsScreen) onChooseLogo() {
	d := newFileOpen(sc.shell.Window(), folderLogo, T("Choose the company logo (PNG or JPEG)"), []string{".png", ".jpg", ".jpeg"}, func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			sc.shell.ShowError(err)
			return
		}
		defer r.Close()
		// Read one byte over the 2 MB a logo may have (app.MaxLogoBytes),
		// so that /dev/zero or a huge file cannot fill memory; saving
		// refuses a bigger logo and scales a large one down.
		const maxLogoBytes = 2 << 20
		b, err := io.ReadAll(io.LimitReader(r, maxLogoBytes+1))
		if err != nil {
			sc.shell.ShowError(fmt.Errorf("read logo %s: %w", r.URI().Name(), err))
			return
		}
		if len(b) > maxLogoBytes {
			sc.shell.ShowError(fmt.Errorf("logo %s: a logo is at most 2 MB", r.URI().Name()))
			return
		}
		sc.setLogo(r.URI().Name(), b)
	})
	d.Show()
}

// form reads the company out of the form.
func (sc *settingsScreen) form() engine.Company {
	c := sc.company
	if now, err := sc.b.Company(); err == nil { // Settings > Books saves its part of the company on its own
		c.Accounts, c.CSVStyle, c.PointValue = now.Accounts, now.CSVStyle, now.PointValue
	}
	c.Name = strings.TrimSpace(sc.name.Text)
	c.Address = strings.TrimSpace(sc.address.Text)
	c.TaxID = sc.taxID.Text
	c.Logo = sc.logo
	c.Currency.Code = strings.ToUpper(strings.TrimSpace(sc.currency.Text))
	if n, err := strconv.Atoi(sc.minor.Selected); err == nil {
		c.Currency.MinorUnits = int32(n)
	}
	for m := time.January; m <= time.December; m++ {
		if i18n.MonthName(m, Lang()) == sc.fyStart.Selected {
			c.FiscalYearStart = m
		}
	}
	c.Language = languageCode(sc.lang.Selected)
	return c
}

func (sc *settingsScreen) onSave() {
	sc.fs.clearErrors()
	c := sc.form()
	err := sc.b.SaveCompany(c)
	if err == nil {
		err = sc.b.SetOperator(strings.TrimSpace(sc.operator.Text))
	}
	if err != nil {
		rest, ok := sc.fs.showErrors(err, map[string]string{"currency.code": CompanyCurrency, "currency.minor_units": CompanyMinorUnits})
		sc.message.Importance = widget.DangerImportance
		if !ok {
			sc.message.SetText(sentence(err))
			return
		}
		sc.message.SetText(strings.Join(rest, "\n"))
		return
	}
	sc.company = c
	if w := sc.shell.Window(); w != nil && c.Name != "" {
		title := "Partnerdesk — " + c.Name
		if fs, ok := sc.b.(FileService); ok {
			// The title keeps naming the open file (app/gui sets it so).
			title += " — " + filepath.Base(fs.DatabasePath())
		}
		w.SetTitle(title)
	}
	sc.message.Importance = widget.SuccessImportance
	sc.message.SetText(T("Settings saved."))
	sc.shell.SetStatus(T("Settings saved."))
	sc.shell.setOperator(sc.b.OperatorName())
}

// onBackup takes a backup from the window, which holds the file.
func (sc *settingsScreen) onBackup(bs BackupService) {
	path, err := bs.BackupNow()
	if err != nil {
		sc.backedUp.Importance = widget.DangerImportance
		sc.backedUp.SetText(sentence(fmt.Errorf("backup failed, nothing was replaced: %w", err)))
		sc.shell.ShowError(fmt.Errorf("backup failed: %w", err))
		return
	}
	msg := Tf("Backup written to %s (checked).", path)
	sc.backedUp.Importance = widget.SuccessImportance
	sc.backedUp.SetText(msg)
	sc.shell.SetStatus(msg)
}
