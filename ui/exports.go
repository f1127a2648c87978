package ui

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partnerdesk/engine"
	"partnerdesk/engine/i18n"
	"partnerdesk/engine/views"
)

// ScreenExports saves the tables an accountant takes away (lines, payouts,
// funds, points, the journal) for a period as CSV or XLSX: the window's
// face of the export verb (issue #15 "Every job in the window").
const ScreenExports = "exports"

// folderExports is where exports are saved (remembered apart from
// statements).
const folderExports = "exports"

// exportPreviewRows is how many rows the preview shows.
const exportPreviewRows = 8

func init() {
	RegisterScreen(ScreenSpec{Name: ScreenExports, Title: "Exports", IconName: theme.IconNameDownload, Order: 64,
		New: func(sh *Shell) Screen {
			svc, ok := sh.Backend().(ExportService)
			if !ok {
				return missingScreen("exports")
			}
			return NewExportsScreen(sh.Window(), svc)
		}})
}

// ExportService builds and writes exports; the export verb calls the same
// use cases, so the window and the command line write the same bytes.
type ExportService interface {
	// ExportKinds are the tables there are, in the order to offer them.
	ExportKinds() []string
	// ExportPreview tells the row count, columns and first n rows of kind
	// for period; a period that does not parse is refused with the reason.
	ExportPreview(kind, period string, n int) (views.ExportPreview, error)
	// ExportToFile writes kind for period to path as "csv" or "xlsx",
	// atomically and mode 0600, and returns the rows written.
	ExportToFile(kind, period, format, path string, progress func(done, total int)) (int, error)
	// CurrentPeriod is the period of kind that holds today.
	CurrentPeriod(kind engine.PeriodKind) engine.Period
}

// ExportsScreen chooses a kind, a period and a format, previews and saves.
type ExportsScreen struct {
	worker
	win fyne.Window
	svc ExportService

	kinds   []string
	kind    *widget.Select
	period  *widget.Entry
	problem *widget.Label // why the period is refused, beside the field
	format  *widget.RadioGroup
	about   *widget.Label // what the chosen kind holds
	summary *widget.Label // row count and columns
	table   *widget.Table
	saveBtn *widget.Button
	status  *widget.Label
	preview views.ExportPreview
	seq     int // the latest preview asked; older answers are dropped
	content fyne.CanvasObject
	// savePath asks where to save; tests replace it to answer at once.
	savePath func(title, name, ext string, save func(path string))
}

// The formats an export is saved in.
const (
	exportCSV  = "CSV"
	exportXLSX = "XLSX"
)

// NewExportsScreen builds the Exports screen on the current quarter.
func NewExportsScreen(w fyne.Window, svc ExportService) *ExportsScreen {
	s := &ExportsScreen{win: w, svc: svc, kinds: svc.ExportKinds()}
	s.savePath = func(title, name, ext string, save func(string)) {
		newPathSave(w, folderExports, title, name, []string{ext}, save).Show()
	}
	labels := make([]string, len(s.kinds))
	for i, k := range s.kinds {
		labels[i] = exportKindLabel(k)
	}
	s.kind = widget.NewSelect(labels, func(string) { s.refresh() })
	s.period = widget.NewEntry()
	s.period.SetPlaceHolder(T("2026-Q2, 2026-04 or 2026 (the fiscal year)"))
	s.period.SetText(svc.CurrentPeriod(engine.PeriodQuarter).Key)
	s.period.OnSubmitted = func(string) { s.refresh() }
	s.problem = widget.NewLabel("")
	s.problem.Importance = widget.DangerImportance
	s.problem.Wrapping = fyne.TextWrapWord
	s.problem.Hide()
	s.format = widget.NewRadioGroup([]string{exportCSV, exportXLSX}, nil)
	s.format.Horizontal = true
	s.format.Required = true
	s.format.SetSelected(exportCSV)
	s.about = widget.NewLabel("")
	s.about.Wrapping = fyne.TextWrapWord
	s.summary = widget.NewLabel("")
	s.summary.Wrapping = fyne.TextWrapWord
	s.status = widget.NewLabel("")
	s.status.Wrapping = fyne.TextWrapWord
	s.table = widget.NewTableWithHeaders(
		func() (int, int) { return len(s.preview.Rows), len(s.preview.Header) },
		func() fyne.CanvasObject { return widget.NewLabel("2026-06-30 0000") },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.Truncation = fyne.TextTruncateEllipsis
			l.SetText(s.preview.Rows[id.Row][id.Col])
		})
	s.table.ShowHeaderColumn = false
	s.table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	s.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		l.Truncation = fyne.TextTruncateEllipsis
		if id.Row < 0 && id.Col >= 0 && id.Col < len(s.preview.Header) {
			l.SetText(s.preview.Header[id.Col])
		}
	}
	show := widget.NewButtonWithIcon(T("Preview"), theme.SearchIcon(), s.refresh)
	s.saveBtn = widget.NewButtonWithIcon(T("Save…"), theme.DocumentSaveIcon(), s.onSave)
	s.saveBtn.Importance = widget.HighImportance
	form := widget.NewForm(
		widget.NewFormItem(T("Export"), s.kind),
		// The reason a period is refused shows right under the field.
		widget.NewFormItem(T("Period"), container.NewVBox(container.NewBorder(nil, nil, nil, show, s.period), s.problem)),
		widget.NewFormItem(T("Format"), s.format),
	)
	intro := widget.NewLabel(T("A period selects what is dated inside it, for every kind. CSV files follow the company's CSV style (Settings > Books)."))
	intro.Wrapping = fyne.TextWrapWord
	intro.Importance = widget.LowImportance
	top := container.NewVBox(
		widget.NewLabelWithStyle(T("Exports for the accountant"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		intro, form, s.about, s.summary)
	bottom := container.NewVBox(container.NewHBox(s.saveBtn), s.status)
	s.content = container.NewBorder(top, bottom, nil, nil, s.table)
	s.kind.SetSelectedIndex(0) // runs refresh
	return s
}

// exportKindLabel names a kind of export in the window's language.
func exportKindLabel(kind string) string {
	switch kind {
	case "lines":
		return T("Reward lines")
	case "payouts":
		return T("Payouts")
	case "funds":
		return T("Fund movements")
	case "points":
		return T("Points movements")
	case "journal":
		return T("Journal for the accountant")
	}
	return kind
}

// exportKindAbout says in one sentence what an export holds
// (docs/exports.md).
func exportKindAbout(kind string) string {
	switch kind {
	case "lines":
		return T("One row per reward line (draft, approved or paid) of every period inside the period, as on statements, dated at the end of its period.")
	case "payouts":
		return T("One row per payout dated in the period, with the lines it settles; a negative amount is a recovery.")
	case "funds":
		return T("One row per fund movement dated in the period: accruals, claw-backs, claims and expiries.")
	case "points":
		return T("One row per points movement dated in the period: earned, redeemed and expired.")
	case "journal":
		return T("One row per journal entry dated in the period, one debit and one credit on the company's chart of accounts, to post as it is.")
	}
	return ""
}

func (s *ExportsScreen) Content() fyne.CanvasObject { return s.content }

// Shown reloads the preview (lines may have changed) and puts the keyboard
// on the period.
func (s *ExportsScreen) Shown() fyne.Focusable {
	s.refresh()
	return s.period
}

// chosenKind is the kind selected.
func (s *ExportsScreen) chosenKind() string {
	if i := s.kind.SelectedIndex(); i >= 0 && i < len(s.kinds) {
		return s.kinds[i]
	}
	return ""
}

// chosenFormat is "csv" or "xlsx".
func (s *ExportsScreen) chosenFormat() string {
	if s.format.Selected == exportXLSX {
		return "xlsx"
	}
	return "csv"
}

// refresh asks for the preview of the kind and period chosen, off the UI
// goroutine; a refused period shows its reason beside the field.
func (s *ExportsScreen) refresh() {
	kind, key := s.chosenKind(), strings.TrimSpace(s.period.Text)
	if kind == "" {
		return
	}
	s.about.SetText(exportKindAbout(kind))
	s.seq++
	seq := s.seq
	s.background(func() {
		pv, err := s.svc.ExportPreview(kind, key, exportPreviewRows)
		fyne.Do(func() {
			if seq != s.seq {
				return
			}
			s.showPreview(pv, err)
		})
	})
}

func (s *ExportsScreen) showPreview(pv views.ExportPreview, err error) {
	if err != nil {
		s.preview = views.ExportPreview{}
		s.problem.SetText(sentence(err))
		s.problem.Show()
		s.summary.SetText("")
		s.saveBtn.Disable()
		s.table.Refresh()
		return
	}
	s.problem.Hide()
	s.preview = pv
	sep := T("comma-separated, decimal point")
	if pv.CSVStyle == engine.CSVSemicolon {
		sep = T("semicolon-separated, decimal comma")
	}
	from, to := i18n.Date(pv.Period.Start, Lang()), i18n.Date(pv.Period.End, Lang())
	if pv.Count == 0 {
		s.summary.SetText(Tf("Nothing for %s (%s to %s): the file will hold the column names only. CSV: %s.", pv.Period.Key, from, to, sep))
	} else {
		s.summary.SetText(Tf("%d rows for %s (%s to %s). CSV: %s. The first %d rows:", pv.Count, pv.Period.Key, from, to, sep, len(pv.Rows)))
	}
	for i := range pv.Header {
		s.table.SetColumnWidth(i, 130)
	}
	s.table.Refresh()
	s.saveBtn.Enable()
}

// onSave asks where to save, then writes through the app's use case.
func (s *ExportsScreen) onSave() {
	kind, key, format := s.chosenKind(), strings.TrimSpace(s.period.Text), s.chosenFormat()
	if kind == "" {
		return
	}
	name := fileName(key, kind) + "." + format
	if s.preview.Period.Key != "" {
		name = kind + "-" + s.preview.Period.Key + "." + format
	}
	title := Tf("%s, %s: save as %s", exportKindLabel(kind), key, strings.ToUpper(format))
	s.savePath(title, name, "."+format, func(path string) {
		s.status.Importance = widget.MediumImportance
		s.status.SetText(Tf("Writing %s…", path))
		s.background(func() {
			n, err := s.svc.ExportToFile(kind, key, format, path, nil)
			fyne.Do(func() {
				if err != nil {
					s.status.Importance = widget.DangerImportance
					s.status.SetText(sentence(fmt.Errorf("%s not saved: %w", filepath.Base(path), err)))
					return
				}
				s.status.Importance = widget.SuccessImportance
				s.status.SetText(Tf("Saved %d rows to %s", n, path))
			})
		})
	})
}

// newPathSave asks where to save like newFileSave, but hands over the
// path, not an open file: the app writes it atomically (a temporary file
// synced and renamed into place, mode 0600), which a writer Fyne opened
// cannot do. Browse's dialog creates the file it is given; the app then
// replaces it whole. A cancel calls nothing.
func newPathSave(w fyne.Window, purpose, title, name string, exts []string, save func(path string)) *pathDialog {
	d := newPathDialog(w, purpose, title, pathSave, exts)
	d.name = name
	d.browse = func(start fyne.ListableURI) *dialog.FileDialog {
		fd := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
			if err != nil {
				showErr(err, w)
				return
			}
			if wc == nil {
				return
			}
			wc.Close()
			if wc.URI().Scheme() != "file" {
				showErr(errors.New("save to a file on this computer"), w)
				return
			}
			rememberFileFolder(purpose, wc.URI())
			save(wc.URI().Path())
		}, w)
		fd.SetFileName(d.fileName())
		if len(exts) > 0 {
			fd.SetFilter(storage.NewExtensionFileFilter(exts))
		}
		return fd
	}
	d.typed = func(path string) {
		rememberFileFolder(purpose, storage.NewFileURI(path))
		save(path)
	}
	return d
}
