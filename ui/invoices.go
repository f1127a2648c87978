package ui

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partnerdesk/engine"
	"partnerdesk/engine/i18n"
	"partnerdesk/engine/views"
)

// ScreenInvoices lists payouts with their self-billing numbers and saves
// each partner payout's self-billed invoice (or credit note) as a PDF.
const ScreenInvoices = "invoices"

// folderInvoices is where invoice PDFs are saved (remembered apart from
// statements).
const folderInvoices = "invoices"

func init() {
	RegisterScreen(ScreenSpec{Name: ScreenInvoices, Title: "Invoices", IconName: theme.IconNameFile, Order: 62,
		New: func(sh *Shell) Screen {
			svc, ok := sh.Backend().(InvoiceService)
			if !ok {
				return missingScreen("invoices")
			}
			return newInvoicesScreen(sh.Window(), svc)
		}})
}

// InvoiceService serves the self-billing documents; the command line's
// invoice and invoices verbs call the same use cases.
type InvoiceService interface {
	// PayoutDocs lists the payouts f selects with their self-billing
	// numbers, by date.
	PayoutDocs(f views.PayoutDocFilter) ([]views.PayoutDoc, error)
	// SaveInvoice writes the self-billed document of the payout ref names
	// (id or number) in lang (empty: the partner's language) to path,
	// atomically and mode 0600, and returns its number; a rep's payout is
	// refused.
	SaveInvoice(ref, lang, path string) (string, error)
	// SaveInvoices writes every partner payout f selects into dir.
	SaveInvoices(f views.PayoutDocFilter, lang, dir string) ([]string, error)
}

// invoicesScreen filters payouts by year, period or payee and saves the
// chosen payout's document, or every one listed into a folder.
type invoicesScreen struct {
	worker
	win fyne.Window
	svc InvoiceService

	year, period, payee *widget.Entry
	lang                *widget.Select
	list                *widget.List
	info                *widget.Label
	docs                []views.PayoutDoc
	chosen              int
	saveBtn, allBtn     *widget.Button
	content             fyne.CanvasObject
}

func newInvoicesScreen(w fyne.Window, svc InvoiceService) *invoicesScreen {
	s := &invoicesScreen{win: w, svc: svc, chosen: -1}
	s.year = widget.NewEntry()
	s.year.SetText(strconv.Itoa(time.Now().Year()))
	s.year.SetPlaceHolder(T("year, e.g. 2026"))
	s.period = widget.NewEntry()
	s.period.SetPlaceHolder(T("or a period: 2026-Q3"))
	s.payee = widget.NewEntry()
	s.payee.SetPlaceHolder(T("payee: P12, R7 or a name"))
	for _, e := range []*widget.Entry{s.year, s.period, s.payee} {
		e.OnSubmitted = func(string) { s.reload() }
	}
	langs := append([]string{T("partner's language")}, i18n.Languages...)
	s.lang = widget.NewSelect(langs, nil)
	s.lang.SetSelectedIndex(0)
	s.info = widget.NewLabel("")
	s.info.Wrapping = fyne.TextWrapWord
	s.list = widget.NewList(func() int { return len(s.docs) },
		func() fyne.CanvasObject {
			return widget.NewLabel(T("SB-2026-00000 · 2026-01-01 · a payee name of some length · 0.00 EUR"))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(docLine(s.docs[i])) })
	s.list.OnSelected = func(i widget.ListItemID) { s.chosen = i; s.refreshButtons() }
	s.list.OnUnselected = func(widget.ListItemID) { s.chosen = -1; s.refreshButtons() }
	s.saveBtn = widget.NewButtonWithIcon(T("Save PDF…"), theme.DocumentSaveIcon(), s.saveChosen)
	s.allBtn = widget.NewButtonWithIcon(T("Save all listed into a folder…"), theme.FolderOpenIcon(), s.saveAll)
	show := widget.NewButtonWithIcon(T("Show"), theme.SearchIcon(), s.reload)
	filters := container.NewGridWithColumns(4, s.year, s.period, s.payee, s.lang)
	about := widget.NewLabel(T("One document per partner payout, numbered SB-YEAR-NUMBER in one gap-free sequence per calendar year (a credit note when the payout is negative). Reps get none: they are paid through payroll or their partner."))
	about.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(
		widget.NewLabelWithStyle(T("Self-billing invoices"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		about,
		container.NewBorder(nil, nil, nil, show, filters),
	)
	bottom := container.NewVBox(container.NewHBox(s.saveBtn, s.allBtn), s.info)
	s.content = container.NewBorder(top, bottom, nil, nil, s.list)
	s.refreshButtons()
	return s
}

func docLine(d views.PayoutDoc) string {
	no := d.Number
	switch {
	case d.Kind == "":
		no = T("no invoice (rep)")
	case no == "":
		no = T("numbered on first print")
	case d.Kind == engine.DocCreditNote:
		no = Tf("%s credit note", no)
	}
	who := d.PayeeName
	if d.Payee.Kind == engine.PayeeRep && d.PartnerName != "" {
		who += " (" + d.PartnerName + ")"
	}
	return Tf("%s · %s · payout %d · %s · %s · %s", no, i18n.Date(d.Date, Lang()), d.PayoutID, who, i18n.Money(d.Amount, d.Currency, Lang()), d.Reference)
}

func (s *invoicesScreen) Content() fyne.CanvasObject { return s.content }

func (s *invoicesScreen) Shown() fyne.Focusable {
	s.reload()
	return s.year
}

func (s *invoicesScreen) filter() (views.PayoutDocFilter, error) {
	f := views.PayoutDocFilter{Period: strings.TrimSpace(s.period.Text), Payee: strings.TrimSpace(s.payee.Text)}
	if y := strings.TrimSpace(s.year.Text); y != "" && f.Period == "" {
		n, err := strconv.Atoi(y)
		if err != nil || n < 1 || n > 9999 {
			return f, fmt.Errorf("%s", Tf("year: %q is not a year", y))
		}
		f.Year = n
	}
	return f, nil
}

func (s *invoicesScreen) language() string {
	if s.lang.SelectedIndex() <= 0 {
		return ""
	}
	return s.lang.Selected
}

func (s *invoicesScreen) reload() { s.reloadThen("") }

// reloadThen lists the payouts again and shows msg (when not empty)
// instead of their count.
func (s *invoicesScreen) reloadThen(msg string) {
	f, err := s.filter()
	if err != nil {
		s.info.SetText(err.Error())
		return
	}
	s.background(func() {
		docs, err := s.svc.PayoutDocs(f)
		fyne.Do(func() {
			if err != nil {
				s.info.SetText(err.Error())
				return
			}
			s.docs, s.chosen = docs, -1
			s.list.UnselectAll()
			s.list.Refresh()
			n := 0
			for _, d := range docs {
				if d.Kind != "" {
					n++
				}
			}
			s.info.SetText(Tf("%d payouts, %d with a self-billed document.", len(docs), n))
			if msg != "" {
				s.info.SetText(msg)
			}
			s.refreshButtons()
		})
	})
}

func (s *invoicesScreen) refreshButtons() {
	if s.chosen >= 0 && s.chosen < len(s.docs) && s.docs[s.chosen].Kind != "" {
		s.saveBtn.Enable()
	} else {
		s.saveBtn.Disable()
	}
	if len(s.docs) > 0 {
		s.allBtn.Enable()
	} else {
		s.allBtn.Disable()
	}
}

func (s *invoicesScreen) saveChosen() {
	if s.chosen < 0 || s.chosen >= len(s.docs) {
		return
	}
	// A first print may number an older file's payouts: list them again,
	// then say what was saved.
	saveInvoiceDialog(s.win, s.svc, s.docs[s.chosen], s.language(), func(msg string) { s.reloadThen(msg) })
}

func (s *invoicesScreen) saveAll() {
	f, err := s.filter()
	if err != nil {
		s.info.SetText(err.Error())
		return
	}
	lang := s.language()
	d := newFolderOpen(s.win, folderInvoices, T("Save the self-billed invoices listed into a folder"), T("Save here"), func(dir fyne.ListableURI, err error) {
		if err != nil {
			showErr(err, s.win)
			return
		}
		if dir == nil {
			return
		}
		s.info.SetText(T("Writing…"))
		s.background(func() {
			files, err := s.svc.SaveInvoices(f, lang, dir.Path())
			fyne.Do(func() {
				if err != nil {
					showErr(fmt.Errorf("%s: %w", Tf("after %d files", len(files)), err), s.win)
				}
				s.reloadThen(Tf("%d self-billed documents written to %s", len(files), dir.Path()))
			})
		})
	})
	d.Show()
}

// saveInvoiceDialog asks where to save one payout's document and has the
// app write it off the UI goroutine; done gets the message to show. It
// returns the dialog shown (nil for a rep's payout, which gets none).
func saveInvoiceDialog(win fyne.Window, svc InvoiceService, d views.PayoutDoc, lang string, done func(string)) *pathDialog {
	if d.Kind == "" {
		showInfo(T("No invoice for a rep"), Tf("Payout %d pays %s, a sales rep: reps are paid through payroll or their partner and get no self-billed invoice. Their statement documents the payout.", d.PayoutID, d.PayeeName), win)
		return nil
	}
	name := d.Number
	if name == "" {
		name = "payout-" + strconv.FormatUint(uint64(d.PayoutID), 10)
	}
	// The name the command line's `invoice --year` writes
	// (reports.InvoiceFileName): NUMBER_partner.pdf.
	name = fileName(name, d.PayeeName) + ".pdf"
	dlg := newPathSave(win, folderInvoices, Tf("Save the self-billed document of payout %d (%s)", d.PayoutID, d.PayeeName), name, []string{".pdf"}, func(path string) {
		go func() {
			// The app writes the file atomically (mode 0600), as the
			// invoice verb does.
			no, err := svc.SaveInvoice(strconv.FormatUint(uint64(d.PayoutID), 10), lang, path)
			fyne.Do(func() {
				if err != nil {
					showErr(fmt.Errorf("%s: %w", Tf("write the self-billed document of payout %d", d.PayoutID), err), win)
					return
				}
				done(Tf("%s saved to %s", no, path))
			})
		}()
	})
	dlg.Show()
	return dlg
}

// InvoicesButton is a small "Self-billing invoice…" button for a screen
// that shows one payee and period (the statements screen): it lists the
// payee's payouts dated in the period with their numbers and saves the
// chosen one. current returns the payee and period shown (ok false: none
// chosen yet). When backend serves no invoices it returns an empty box.
func InvoicesButton(win fyne.Window, backend any, current func() (payee views.PayeeRef, period string, ok bool)) fyne.CanvasObject {
	svc, ok := backend.(InvoiceService)
	if !ok {
		return container.NewHBox()
	}
	return widget.NewButtonWithIcon(T("Self-billing invoice…"), theme.FileIcon(), func() {
		ref, period, ok := current()
		payee := ref.Payee
		if !ok {
			showInfo(T("Self-billing invoice"), T("Choose a payee and a period first."), win)
			return
		}
		who := fmt.Sprintf("P%d", payee.ID)
		if payee.Kind == engine.PayeeRep {
			who = fmt.Sprintf("R%d", payee.ID)
		}
		go func() {
			docs, err := svc.PayoutDocs(views.PayoutDocFilter{Period: period, Payee: who})
			fyne.Do(func() {
				if err != nil {
					showErr(err, win)
					return
				}
				showPayoutDocs(win, svc, docs, Tf("Payouts dated in %s", period))
			})
		}()
	})
}

// ShowPaidInvoices lists the self-billing numbers of payouts a period
// run just recorded (only when some went to partners), each with a Save
// button: the documents are what the partners receive with the money.
func ShowPaidInvoices(win fyne.Window, backend any, paid []engine.Payout) {
	var ids []engine.ID
	for _, p := range paid {
		if engine.SelfBilled(p) {
			ids = append(ids, p.ID)
		}
	}
	ShowPayoutInvoices(win, backend, ids)
}

// ShowPayoutInvoices lists the payouts with the given ids (the ones a
// period run just recorded) with their numbers, each with a Save button.
func ShowPayoutInvoices(win fyne.Window, backend any, ids []engine.ID) {
	svc, ok := backend.(InvoiceService)
	if !ok || len(ids) == 0 {
		return
	}
	want := map[engine.ID]bool{}
	for _, id := range ids {
		want[id] = true
	}
	go func() {
		all, err := svc.PayoutDocs(views.PayoutDocFilter{})
		var docs []views.PayoutDoc
		for _, d := range all {
			if want[d.PayoutID] {
				docs = append(docs, d)
			}
		}
		fyne.Do(func() {
			if err != nil {
				showErr(err, win)
				return
			}
			showPayoutDocs(win, svc, docs, Tf("%d payouts recorded", len(docs)))
		})
	}()
}

// showPayoutDocs is a dialog with one row per payout: its number and a
// Save button (reps: why there is none).
func showPayoutDocs(win fyne.Window, svc InvoiceService, docs []views.PayoutDoc, title string) {
	rows := container.NewVBox()
	var dlg dialog.Dialog
	status := widget.NewLabel("")
	status.Wrapping = fyne.TextWrapWord
	if len(docs) == 0 {
		rows.Add(widget.NewLabel(T("No payout is dated in this period.")))
	}
	for _, d := range docs {
		d := d
		label := widget.NewLabel(docLine(d))
		label.Wrapping = fyne.TextWrapWord
		btn := widget.NewButtonWithIcon(T("Save PDF…"), theme.DocumentSaveIcon(), func() {
			saveInvoiceDialog(win, svc, d, "", func(msg string) { status.SetText(msg) })
		})
		if d.Kind == "" {
			btn.Disable()
		}
		rows.Add(container.NewBorder(nil, nil, nil, btn, label))
	}
	scroll := container.NewVScroll(rows)
	scroll.SetMinSize(fyne.NewSize(640, 260))
	dlg = dialog.NewCustom(Tf("Self-billing invoices · %s", title), T("Close"), container.NewBorder(nil, status, nil, nil, scroll), win)
	closeOnEscape(dlg, win.Canvas())
	dlg.Show()
}
