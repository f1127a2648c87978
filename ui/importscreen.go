package ui

import (
	"fmt"
	"os"
	"partnerdesk/engine/views"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

func init() {
	RegisterScreen(ScreenSpec{
		Name: ScreenImport, Title: "Import", IconName: theme.IconNameUpload, Order: 70,
		New: func(s *Shell) Screen { return newImportScreen(s) },
	})
}

// notMapped is the column choice of a field that is not imported.
func notMapped() string { return T("— not imported —") }

// importScreen takes a CSV or XLSX file through kind, file, column mapping,
// dry run and import.
type importScreen struct {
	shell *Shell
	b     Backend

	kind      *widget.Select
	path      *widget.Entry
	preview   views.ImportPreview
	selects   map[string]*widget.Select
	mapBox    *fyne.Container
	sample    *widget.Table
	summary   *widget.Label
	errs      []views.RowError
	errTable  *widget.Table
	errDetail *widget.Label
	progress  *widget.ProgressBar
	check     *widget.Button
	run       *widget.Button
	saveMap   *widget.Button
	content   fyne.CanvasObject
}

func newImportScreen(s *Shell) *importScreen {
	sc := &importScreen{shell: s, b: s.Backend(), selects: map[string]*widget.Select{}}
	sc.build()
	return sc
}

// Content is the screen.
func (sc *importScreen) Content() fyne.CanvasObject { return sc.content }

// Shown focuses the kind of import.
func (sc *importScreen) Shown() fyne.Focusable {
	if sc.kind.Selected == "" && len(sc.kind.Options) > 0 {
		sc.kind.SetSelectedIndex(0)
	}
	return sc.kind
}

// Command handles Save (the mapping) and Refresh (read the file again).
func (sc *importScreen) Command(c Command) bool {
	switch c {
	case CmdSave:
		sc.onSaveMapping()
	case CmdRefresh:
		sc.onLoad()
	case CmdFind:
		sc.shell.Window().Canvas().Focus(sc.path)
	default:
		return false
	}
	return true
}

func (sc *importScreen) build() {
	sc.kind = widget.NewSelect(sc.b.ImportKinds(), func(string) { sc.onLoad() })
	sc.path = widget.NewEntry()
	sc.path.PlaceHolder = T("/path/to/file.csv or .xlsx")
	sc.path.OnSubmitted = func(string) { sc.onLoad() }
	choose := widget.NewButtonWithIcon(T("Choose file…"), theme.FolderOpenIcon(), sc.onChoose)
	template := widget.NewButtonWithIcon(T("Save template…"), theme.DownloadIcon(), sc.onTemplate)
	// Kind and file on one line: the kind is a short word, the path long.
	kindBox := container.NewHBox(widget.NewLabel(T("Import")),
		container.NewGridWrap(fyne.NewSize(170, sc.kind.MinSize().Height), sc.kind), widget.NewLabel(T("from")))
	top := container.NewBorder(nil, nil, kindBox, container.NewHBox(choose, template), sc.path)

	sc.mapBox = container.NewVBox()
	sc.sample = newTextTable(nil, func() int { return 0 }, func(int, int) string { return "" })
	sc.saveMap = widget.NewButtonWithIcon(T("Remember mapping"), theme.DocumentSaveIcon(), sc.onSaveMapping)
	sc.check = widget.NewButtonWithIcon(T("Check file"), theme.SearchIcon(), sc.onDryRun)
	sc.run = widget.NewButtonWithIcon(T("Import"), theme.UploadIcon(), sc.onImport)
	sc.run.Importance = widget.HighImportance
	for _, b := range []*widget.Button{sc.saveMap, sc.check, sc.run} {
		b.Disable()
	}
	sc.summary = widget.NewLabel(T("Choose the kind of data and a CSV or XLSX file."))
	sc.summary.Wrapping = fyne.TextWrapWord
	sc.progress = widget.NewProgressBar()
	sc.progress.Hide()
	sc.errTable = newTextTable([]column{
		{T("Line"), 70, fyne.TextAlignTrailing},
		{T("Column"), 180, fyne.TextAlignLeading},
		{T("Problem"), 600, fyne.TextAlignLeading},
	}, func() int { return len(sc.errs) }, sc.errCell)

	left := container.NewBorder(
		container.NewVBox(sectionTitle(T("Columns")), widget.NewLabel(T("Which column of the file holds each field."))),
		container.NewHBox(sc.saveMap), nil, nil,
		container.NewVScroll(sc.mapBox))
	sampleBox := container.NewBorder(sectionTitle(T("First rows of the file")), nil, nil, nil, sc.sample)
	// A chosen problem is shown whole under the table: reasons are longer
	// than the column.
	sc.errDetail = widget.NewLabel("")
	sc.errDetail.Wrapping = fyne.TextWrapWord
	sc.errDetail.Hide()
	sc.errTable.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(sc.errs) {
			e := sc.errs[id.Row]
			sc.errDetail.SetText(Tf("Line %d, %s: %s", e.Line, sc.errCell(id.Row, 1), e.Reason))
			sc.errDetail.Show()
		}
	}
	results := container.NewBorder(
		container.NewVBox(container.NewHBox(sc.check, sc.run), sc.progress, sc.summary),
		sc.errDetail, nil, nil, fitTable(sc.errTable, []float32{56, 150, 320}, 2))
	right := container.NewVSplit(sampleBox, results)
	right.Offset = 0.35
	body := container.NewHSplit(left, right)
	body.Offset = 0.38
	sc.content = container.NewBorder(container.NewVBox(top, widget.NewSeparator()), nil, nil, nil, body)
}

func (sc *importScreen) errCell(row, col int) string {
	if row >= len(sc.errs) {
		return ""
	}
	e := sc.errs[row]
	switch col {
	case 0:
		return strconv.Itoa(e.Line)
	case 1:
		if e.Column == "" {
			return T("(whole row)")
		}
		return e.Column
	case 2:
		return e.Reason
	}
	return ""
}

func (sc *importScreen) onChoose() {
	title := T("Choose the file to import")
	if kind := sc.kind.Selected; kind != "" {
		title = Tf("Choose the %s file to import", kind)
	}
	d := newFileOpen(sc.shell.Window(), folderImport, title, []string{".csv", ".txt", ".xlsx"}, func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			sc.shell.ShowError(err) // nil when cancelled: nothing to say
			return
		}
		path := r.URI().Path()
		r.Close()
		sc.path.SetText(path)
		sc.onLoad()
	})
	d.Show()
}

// onTemplate saves an empty file of the kind; the name's extension picks
// CSV or XLSX, so both are offered in the dialog's filter.
func (sc *importScreen) onTemplate() {
	kind := sc.kind.Selected
	if kind == "" {
		return
	}
	d := newFileSave(sc.shell.Window(), folderImport, Tf("Save a %s template (name it .csv or .xlsx)", kind), fileName(kind)+".csv", []string{".csv", ".xlsx"}, func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			sc.shell.ShowError(err)
			return
		}
		path := w.URI().Path()
		w.Close()
		if err := sc.b.SaveTemplate(kind, path); err != nil {
			// The dialog created the file empty: do not leave it behind.
			os.Remove(path)
			sc.shell.ShowError(fmt.Errorf("save %s template: %w", kind, err))
			return
		}
		sc.shell.SetStatus(Tf("Template saved to %s.", path))
	})
	d.Show()
}

// onLoad reads the chosen file's header and shows the proposed mapping.
func (sc *importScreen) onLoad() {
	kind, path := sc.kind.Selected, strings.TrimSpace(sc.path.Text)
	sc.errs = nil
	sc.errTable.Refresh()
	if kind == "" || path == "" {
		return
	}
	p, err := sc.b.ImportPreview(kind, path)
	if err != nil {
		sc.summary.Importance = widget.DangerImportance
		sc.summary.SetText(sentence(err))
		for _, b := range []*widget.Button{sc.saveMap, sc.check, sc.run} {
			b.Disable()
		}
		return
	}
	sc.showPreview(p)
}

func (sc *importScreen) showPreview(p views.ImportPreview) {
	sc.preview = p
	sc.selects = map[string]*widget.Select{}
	choices := append([]string{notMapped()}, p.Columns...)
	var objs []fyne.CanvasObject
	for _, f := range p.Fields {
		// A field's label is a name and a long explanation in brackets:
		// the name goes on its own line and the explanation wraps under
		// it in small print, so the column keeps a sane width.
		name, note := splitFieldLabel(f.Label)
		if f.Required {
			name += " *"
		}
		l := widget.NewLabelWithStyle(name, fyne.TextAlignLeading, fyne.TextStyle{Bold: f.Required})
		var text fyne.CanvasObject = l
		if note != "" {
			n := widget.NewLabel(note)
			n.Wrapping = fyne.TextWrapWord
			n.SizeName = theme.SizeNameCaptionText
			text = container.New(tightStack{}, l, n)
		}
		s := widget.NewSelect(choices, nil)
		if col, ok := p.Mapping[f.Key]; ok && col != "" {
			s.SetSelected(col)
		} else {
			s.SetSelected(notMapped())
		}
		sc.selects[f.Key] = s
		objs = append(objs, container.NewBorder(nil, nil, nil,
			container.NewVBox(container.NewGridWrap(fyne.NewSize(170, s.MinSize().Height), s)), text))
	}
	sc.mapBox.Objects = objs
	sc.mapBox.Refresh()

	sc.showSample(p.Columns, p.Sample)

	for _, b := range []*widget.Button{sc.saveMap, sc.check, sc.run} {
		b.Enable()
	}
	sc.summary.Importance = widget.MediumImportance
	what := T("Columns guessed from the header")
	if p.Remembered {
		what = T("The remembered mapping")
	}
	sc.summary.SetText(Tf("%s: check them, then Check file before you import.", what))
}

// showSample shows the file's first rows under its header.
func (sc *importScreen) showSample(header []string, sample [][]string) {
	cols := make([]column, len(header))
	for i, c := range header {
		cols[i] = column{Title: c, Width: 130, Align: fyne.TextAlignLeading}
	}
	sc.sample.Length = func() (int, int) { return len(sample), len(cols) }
	sc.sample.UpdateCell = func(id widget.TableCellID, o fyne.CanvasObject) {
		text := ""
		if id.Row < len(sample) && id.Col < len(sample[id.Row]) {
			text = sample[id.Row][id.Col]
		}
		o.(*widget.Label).SetText(text)
	}
	sc.sample.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(cols) {
			o.(*widget.Label).SetText(cols[id.Col].Title)
		}
	}
	for i := range cols {
		sc.sample.SetColumnWidth(i, cols[i].Width)
	}
	sc.sample.Refresh()
}

// mapping reads the selects.
func (sc *importScreen) mapping() views.ColumnMap {
	m := views.ColumnMap{}
	for key, s := range sc.selects {
		if s.Selected != "" && s.Selected != notMapped() {
			m[key] = s.Selected
		}
	}
	return m
}

func (sc *importScreen) onSaveMapping() {
	if sc.kind.Selected == "" || len(sc.selects) == 0 {
		return
	}
	if err := sc.b.SaveColumns(sc.kind.Selected, sc.mapping()); err != nil {
		sc.shell.ShowError(fmt.Errorf("remember mapping: %w", err))
		return
	}
	sc.shell.SetStatus(Tf("Mapping remembered for %s.", sc.kind.Selected))
}

// onDryRun reads the file again and checks every row, off the UI
// goroutine. The file is usually edited between two checks, so the sample
// is read again too; new columns bring back the mapping step.
func (sc *importScreen) onDryRun() {
	kind, path, m := sc.kind.Selected, strings.TrimSpace(sc.path.Text), sc.mapping()
	sc.check.Disable()
	sc.summary.Importance = widget.MediumImportance
	sc.summary.SetText(Tf("Checking %s…", path))
	sc.shell.Async(func() {
		p, perr := sc.b.ImportPreview(kind, path)
		var rep views.ImportSummary
		var err error
		if perr == nil && slices.Equal(p.Columns, sc.preview.Columns) {
			rep, err = sc.b.CheckFile(kind, path, m)
		}
		fyne.Do(func() {
			sc.check.Enable()
			switch {
			case perr != nil:
				sc.summary.Importance = widget.DangerImportance
				sc.summary.SetText(sentence(perr))
			case !slices.Equal(p.Columns, sc.preview.Columns):
				sc.showPreview(p)
				sc.summary.SetText(T("The file's columns have changed: check the mapping, then Check file again."))
			case err != nil:
				sc.showSample(p.Columns, p.Sample)
				sc.summary.Importance = widget.DangerImportance
				sc.summary.SetText(sentence(err))
			default:
				sc.showSample(p.Columns, p.Sample)
				sc.showReport(rep, false)
			}
		})
	})
}

// onImport writes the file off the UI goroutine with a progress bar.
func (sc *importScreen) onImport() {
	kind, path, m := sc.kind.Selected, strings.TrimSpace(sc.path.Text), sc.mapping()
	sc.run.Disable()
	sc.check.Disable()
	sc.progress.SetValue(0)
	sc.progress.Show()
	sc.summary.Importance = widget.MediumImportance
	sc.summary.SetText(T("Importing…"))
	sc.shell.Async(func() {
		rep, err := sc.b.ImportFile(kind, path, m, func(done, total int) {
			if total <= 0 {
				return
			}
			v := float64(done) / float64(total) // a bar position, not money
			fyne.Do(func() { sc.progress.SetValue(v) })
		})
		fyne.Do(func() {
			sc.run.Enable()
			sc.check.Enable()
			sc.progress.Hide()
			if err != nil && len(rep.Errors) == 0 {
				sc.summary.Importance = widget.DangerImportance
				sc.summary.SetText(sentence(err))
				return
			}
			sc.showReport(rep, true)
		})
	})
}

// showReport shows a dry run's or an import's result.
func (sc *importScreen) showReport(rep views.ImportSummary, imported bool) {
	sc.errs = rep.Errors
	sc.errTable.UnselectAll()
	sc.errDetail.Hide()
	sc.errTable.Refresh()
	switch {
	case len(rep.Errors) > 0:
		sc.summary.Importance = widget.DangerImportance
		sc.summary.SetText(Tf("%d rows read, %d problems. Nothing was imported: correct the file and check it again.",
			rep.Rows, len(rep.Errors)))
	case imported:
		sc.summary.Importance = widget.SuccessImportance
		sc.summary.SetText(Tf("Imported %d rows.", rep.Rows))
		sc.shell.SetStatus(Tf("Imported %d %s rows.", rep.Rows, sc.kind.Selected))
	default:
		sc.summary.Importance = widget.SuccessImportance
		sc.summary.SetText(Tf("%d rows read, no problems. Import writes them all in one go.", rep.Rows))
	}
}

// splitFieldLabel cuts "Date (the invoice date; ...)" into "Date" and "the
// invoice date; ...".
func splitFieldLabel(label string) (name, note string) {
	i := strings.Index(label, " (")
	if i < 0 || !strings.HasSuffix(label, ")") {
		return label, ""
	}
	return label[:i], label[i+2 : len(label)-1]
}
