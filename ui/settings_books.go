package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// Settings > Books: the chart of accounts the accountant's journal books
// to, how CSV files are written, and what a point is worth in the journal
// (issue 16 items 2 and 5). The same use case as `company --accounts FILE
// --csv-style --point-value`.

// BooksService stores the company's bookkeeping settings.
type BooksService interface {
	Company() (engine.Company, error)
	// SaveBooks validates and stores the chart, the CSV style and the point
	// value only; a bad field comes back as engine.ValidationErrors named
	// accounts.<role>.code|name, csv_style or point_value.
	SaveBooks(in views.BooksInput) error
}

func init() {
	RegisterSettingsSection(SettingsSection{Name: "books", Order: 10, Build: buildBooksSection})
}

// booksSection is the section's widgets.
type booksSection struct {
	shell   *Shell
	b       BooksService
	codes   map[string]*widget.Entry
	names   map[string]*widget.Entry
	style   *widget.RadioGroup
	value   *widget.Entry
	fs      fields
	message *widget.Label
	content fyne.CanvasObject
	// rowNotes are the accounts' fields, whose notes show only with an
	// error (two empty note lines would double each row's height).
	rowNotes []*field
}

// showRowNotes shows the accounts' notes that hold an error.
func (bs *booksSection) showRowNotes() {
	for _, f := range bs.rowNotes {
		if f.Error() != "" {
			f.note.Show()
		} else {
			f.note.Hide()
		}
	}
	if bs.content != nil {
		bs.content.Refresh()
	}
}

// The CSV styles as the form names them.
func csvStyleLabels() map[string]string {
	return map[string]string{
		engine.CSVComma:     T("Comma, decimal point (1234.50)"),
		engine.CSVSemicolon: T("Semicolon, decimal comma (1234,50), as European spreadsheets open them"),
	}
}

func buildBooksSection(s *Shell) (fyne.CanvasObject, func()) {
	bs := newBooksSection(s)
	if bs == nil {
		return nil, nil
	}
	return bs.content, bs.load
}

// newBooksSection builds the section, or returns nil when the backend
// keeps no books settings.
func newBooksSection(s *Shell) *booksSection {
	b, ok := s.Backend().(BooksService)
	if !ok {
		return nil
	}
	bs := &booksSection{shell: s, b: b, codes: map[string]*widget.Entry{}, names: map[string]*widget.Entry{}}
	bs.content = bs.build()
	bs.showRowNotes()
	return bs
}

func (bs *booksSection) build() fyne.CanvasObject {
	grid := container.New(layout.NewFormLayout())
	header := widget.NewLabel(T("Code and name of each account"))
	header.TextStyle = fyne.TextStyle{Italic: true}
	grid.Add(widget.NewLabel(""))
	grid.Add(header)
	for _, r := range engine.AccountRoles {
		code, name := widget.NewEntry(), widget.NewEntry()
		code.PlaceHolder, name.PlaceHolder = T("Code"), T("Account name")
		code.OnSubmitted = func(string) { bs.onSave() }
		name.OnSubmitted = func(string) { bs.onSave() }
		bs.codes[r.Key], bs.names[r.Key] = code, name
		cf := bs.fs.add(newField("accounts."+r.Key+".code", tableText(r.Label), code))
		cf.label.Alignment = fyne.TextAlignTrailing
		nf := bs.fs.add(newField("accounts."+r.Key+".name", "", name))
		grid.Add(cf.label)
		// The code is narrow: both notes go under the whole row.
		row := container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(110, code.MinSize().Height), code), nil, name)
		grid.Add(container.New(tightStack{}, row, cf.note, nf.note))
		bs.rowNotes = append(bs.rowNotes, cf, nf)
	}
	labels := csvStyleLabels()
	bs.style = widget.NewRadioGroup([]string{labels[engine.CSVComma], labels[engine.CSVSemicolon]}, nil)
	bs.style.Required = true
	bs.value = widget.NewEntry()
	bs.value.PlaceHolder = T("empty: points carry no money in the journal")
	bs.value.OnSubmitted = func(string) { bs.onSave() }
	// One grid with the accounts, so the labels line up.
	for _, f := range []*field{
		bs.fs.add(newField("csv_style", T("CSV files"), bs.style)),
		bs.fs.add(newField("point_value", T("Value of one point"), bs.value)),
	} {
		f.label.Alignment = fyne.TextAlignTrailing
		grid.Add(f.label)
		grid.Add(f.inputWithNote())
	}
	bs.message = widget.NewLabel("")
	bs.message.Wrapping = fyne.TextWrapWord
	save := widget.NewButtonWithIcon(T("Save books settings"), theme.DocumentSaveIcon(), bs.onSave)
	reset := widget.NewButtonWithIcon(T("Default accounts"), theme.ViewRefreshIcon(), func() { bs.showChart(engine.DefaultChart()) })
	intro := widget.NewLabel(T("The journal (export journal) books every reward, payout, fund claim and expiry to these accounts; the accountant posts it as it is. CSV files written for the company (exports, statements' data) follow the CSV style."))
	intro.Wrapping = fyne.TextWrapWord
	return container.NewVBox(widget.NewSeparator(), sectionTitle(T("Books")), intro, grid, bs.message, container.NewHBox(save, reset))
}

func (bs *booksSection) showChart(c engine.ChartOfAccounts) {
	for _, r := range engine.AccountRoles {
		a, _ := c.Role(r.Key)
		bs.codes[r.Key].SetText(a.Code)
		bs.names[r.Key].SetText(a.Name)
	}
}

// load shows the stored settings each time Settings shows.
func (bs *booksSection) load() {
	co, err := bs.b.Company()
	if err != nil {
		bs.shell.ShowError(fmt.Errorf("load the books settings: %w", err))
		return
	}
	bs.fs.clearErrors()
	bs.showRowNotes()
	bs.message.SetText("")
	bs.showChart(co.Accounts.WithDefaults())
	style := co.CSVStyle
	if style == "" {
		style = engine.CSVComma
	}
	bs.style.SetSelected(csvStyleLabels()[style])
	if co.PointValue.IsZero() {
		bs.value.SetText("")
	} else {
		bs.value.SetText(co.PointValue.String())
	}
}

func (bs *booksSection) form() views.BooksInput {
	var in views.BooksInput
	for _, r := range engine.AccountRoles {
		a, _ := in.Accounts.Role(r.Key)
		a.Code, a.Name = strings.TrimSpace(bs.codes[r.Key].Text), strings.TrimSpace(bs.names[r.Key].Text)
	}
	for style, label := range csvStyleLabels() {
		if bs.style.Selected == label {
			in.CSVStyle = style
		}
	}
	in.PointValue = strings.TrimSpace(bs.value.Text)
	return in
}

func (bs *booksSection) onSave() {
	bs.fs.clearErrors()
	err := bs.b.SaveBooks(bs.form())
	defer bs.showRowNotes()
	if err != nil {
		bs.message.Importance = widget.DangerImportance
		rest, ok := bs.fs.showErrors(err, nil)
		if !ok {
			bs.message.SetText(sentence(err))
		} else {
			bs.message.SetText(strings.Join(rest, "\n"))
		}
		if f := bs.fs.firstError(); f != nil {
			if e, ok := f.input.(fyne.Focusable); ok && bs.shell.Window() != nil {
				bs.shell.Window().Canvas().Focus(e)
			}
		}
		return
	}
	bs.message.Importance = widget.SuccessImportance
	bs.message.SetText(T("Books settings saved."))
	bs.shell.SetStatus(T("Books settings saved."))
}
