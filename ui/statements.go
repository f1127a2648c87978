package ui

import (
	"context"
	"errors"
	"fmt"
	"partnerdesk/engine/views"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partnerdesk/engine/i18n"
)

func init() {
	RegisterScreen(ScreenSpec{Name: ScreenStatements, Title: "Statements", IconName: theme.IconNameFileText, Order: 60,
		New: func(sh *Shell) Screen {
			svc, ok := sh.Backend().(StatementService)
			if !ok {
				return missingScreen("statements")
			}
			return NewStatementsScreen(sh.Window(), svc)
		}})
}

// payeeMatches is how many payees the picker lists for the typed letters.
const payeeMatches = 8

// StatementsScreen previews one payee's statement, saves it as PDF, CSV or
// XLSX, and prints every statement of a period into a folder.
type StatementsScreen struct {
	win fyne.Window
	svc StatementService

	period  *widget.Entry
	payee   *widget.Entry
	matches *widget.List
	found   []views.PayeeRef
	query   string // the text the shown matches answer
	chosen  *views.PayeeRef

	problem  *widget.Label
	preview  *fyne.Container
	saveBtns []*widget.Button

	batchBtn  *widget.Button
	cancelBtn *widget.Button
	progress  *widget.ProgressBar
	batchInfo *widget.Label
	cancel    context.CancelFunc
	result    views.BatchResult

	content fyne.CanvasObject
	worker
	mu sync.Mutex // guards cancel against the batch goroutine
	// savePath asks where to save a statement; tests replace it.
	savePath func(title, name, ext string, save func(path string))
}

// NewStatementsScreen builds the statements screen on the current period.
func NewStatementsScreen(w fyne.Window, svc StatementService) *StatementsScreen {
	s := &StatementsScreen{win: w, svc: svc}
	s.savePath = func(title, name, ext string, save func(string)) {
		newPathSave(w, folderStatements, title, name, []string{ext}, save).Show()
	}
	s.build()
	s.background(func() {
		key, err := svc.RunPeriodKey()
		fyne.Do(func() {
			if err != nil {
				s.say(widget.DangerImportance, err.Error())
				return
			}
			if s.period.Text == "" {
				s.period.SetText(key)
			}
		})
	})
	return s
}

// Content is the screen's root object.
func (s *StatementsScreen) Content() fyne.CanvasObject { return s.content }

// Shown puts the keyboard on the payee picker.
func (s *StatementsScreen) Shown() fyne.Focusable { return s.payee }

// Command handles Find (the payee picker) and Refresh (the preview).
func (s *StatementsScreen) Command(c Command) bool {
	switch c {
	case CmdFind:
		s.win.Canvas().Focus(s.payee)
		return true
	case CmdRefresh:
		s.showPreview()
		return true
	}
	return false
}

func (s *StatementsScreen) build() {
	s.period = widget.NewEntry()
	s.period.SetPlaceHolder("2026-07")
	s.period.OnSubmitted = func(string) { s.showPreview() }
	s.payee = widget.NewEntry()
	s.payee.SetPlaceHolder(T("Name, code or id (P12, R7)"))
	s.payee.OnChanged = s.find
	s.payee.OnSubmitted = func(string) {
		if len(s.found) > 0 {
			s.pick(s.found[0])
		}
	}
	s.matches = widget.NewList(
		func() int { return len(s.found) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id < len(s.found) {
				o.(*widget.Label).SetText(s.found[id].Label())
			}
		})
	s.matches.OnSelected = func(id widget.ListItemID) {
		s.matches.UnselectAll()
		if id < len(s.found) {
			s.pick(s.found[id])
		}
	}
	s.problem = widget.NewLabel("")
	s.problem.Importance = widget.DangerImportance
	s.problem.Wrapping = fyne.TextWrapWord

	pdf := widget.NewButtonWithIcon(T("Save PDF…"), theme.DocumentSaveIcon(), func() { s.onSave(FormatPDF) })
	pdf.Importance = widget.HighImportance
	csv := widget.NewButtonWithIcon(T("Export CSV…"), theme.DownloadIcon(), func() { s.onSave(FormatCSV) })
	xlsx := widget.NewButtonWithIcon(T("Export XLSX…"), theme.DownloadIcon(), func() { s.onSave(FormatXLSX) })
	s.saveBtns = []*widget.Button{pdf, csv, xlsx}
	s.preview = container.NewVBox(widget.NewLabel(T("Choose a payee to preview the statement.")))

	s.batchBtn = widget.NewButtonWithIcon(T("Print all for the period…"), theme.FolderIcon(), s.onPrintAll)
	s.cancelBtn = widget.NewButtonWithIcon(T("Cancel"), theme.CancelIcon(), s.onCancel)
	s.cancelBtn.Hide()
	s.progress = widget.NewProgressBar()
	s.progress.Hide()
	s.batchInfo = widget.NewLabel(T("Writes one PDF per payee with lines in the period, in each partner's statement language."))
	s.batchInfo.Wrapping = fyne.TextWrapWord

	pick := widget.NewForm(
		widget.NewFormItem(T("Period"), s.period),
		widget.NewFormItem(T("Payee"), s.payee),
	)
	left := container.NewBorder(
		container.NewVBox(pick, s.problem),
		container.NewVBox(widget.NewSeparator(),
			widget.NewLabelWithStyle(T("Whole period"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
			s.batchInfo, container.NewHBox(s.batchBtn, s.cancelBtn), s.progress),
		nil, nil, s.matches)
	// The payee's self-billed invoices, beside the statement (ui/invoices.go).
	inv := InvoicesButton(s.win, s.svc, func() (views.PayeeRef, string, bool) {
		if s.chosen == nil {
			return views.PayeeRef{}, "", false
		}
		return *s.chosen, strings.TrimSpace(s.period.Text), true
	})
	right := container.NewBorder(nil, container.NewHBox(pdf, csv, xlsx, inv), nil, nil, container.NewVScroll(s.preview))
	split := container.NewHSplit(container.NewPadded(left), container.NewPadded(right))
	split.Offset = 0.38
	s.content = split
	s.enable()
}

// say shows msg under the picker; a success must not leave the next
// problem painted green.
func (s *StatementsScreen) say(imp widget.Importance, msg string) {
	s.problem.Importance = imp
	s.problem.SetText(msg)
}

func (s *StatementsScreen) enable() {
	for _, b := range s.saveBtns {
		if s.chosen != nil {
			b.Enable()
		} else {
			b.Disable()
		}
	}
}

// find lists the payees matching the typed letters; a late answer to an
// older query is dropped.
func (s *StatementsScreen) find(text string) {
	q := strings.TrimSpace(text)
	if s.chosen != nil {
		if q == s.chosen.Label() {
			return // the text is the pick itself
		}
		s.chosen = nil
		s.enable()
	}
	s.query = q
	if q == "" {
		s.found = nil
		s.matches.Refresh()
		return
	}
	s.background(func() {
		found, err := s.svc.FindPayees(q, payeeMatches)
		fyne.Do(func() {
			if q != s.query {
				return
			}
			if err != nil {
				s.say(widget.DangerImportance, Tf("Could not look up payees: %v", err))
				return
			}
			s.found = found
			s.matches.Refresh()
			// Say so when nothing matches, or the empty list looks broken.
			if len(found) == 0 {
				s.say(widget.DangerImportance, Tf("No partner or rep matches %q.", q))
			} else {
				s.say(widget.DangerImportance, "")
			}
		})
	})
}

func (s *StatementsScreen) pick(p views.PayeeRef) {
	s.chosen = &p
	s.query = p.Label()
	s.payee.SetText(p.Label())
	s.found = nil
	s.matches.Refresh()
	s.enable()
	s.showPreview()
}

// showPreview loads the chosen payee's statement summary.
func (s *StatementsScreen) showPreview() {
	if s.chosen == nil {
		return
	}
	payee, key := *s.chosen, strings.TrimSpace(s.period.Text)
	s.say(widget.DangerImportance, "")
	s.background(func() {
		sum, err := s.svc.StatementPreview(key, payee.Payee)
		fyne.Do(func() {
			if err != nil {
				s.say(widget.DangerImportance, Tf("Could not prepare the statement of %s for %s: %v", payee.Label(), key, err))
				return
			}
			s.fillPreview(sum)
		})
	})
}

func (s *StatementsScreen) fillPreview(m views.StatementPreview) {
	f := numFmt{lang: m.Language, cur: m.Currency}
	name := widget.NewLabelWithStyle(m.Payee.Label(), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.SizeName = theme.SizeNameSubHeadingText
	sub := widget.NewLabel(Tf("%s · statement in %s", i18n.PeriodName(m.Period, m.Language), i18n.LanguageName(m.Language)))
	tier := m.Tier
	if tier == "" {
		tier = T("No tier")
	}
	progress := widget.NewLabel(m.Progress)
	progress.Wrapping = fyne.TextWrapWord
	progress.Importance = widget.HighImportance
	items := []*widget.FormItem{
		widget.NewFormItem(T("Tier"), widget.NewLabel(tier)),
		widget.NewFormItem(T("Sales"), widget.NewLabel(f.money(m.Sales))),
	}
	if m.Progress != "" {
		items = append(items, widget.NewFormItem(T("Next tier"), progress))
	}
	if len(m.Nudges) > 0 {
		// The progress nudges the statement prints under "Within reach".
		reach := widget.NewLabel("• " + strings.Join(m.Nudges, "\n• "))
		reach.Wrapping = fyne.TextWrapWord
		items = append(items, widget.NewFormItem(T("Within reach"), reach))
	}
	summary := widget.NewForm(items...)

	rows := container.NewVBox()
	for _, p := range m.Programs {
		amount := f.money(p.Amount)
		if p.Points != 0 {
			amount += " · " + f.points(p.Points)
		}
		rows.Add(container.NewBorder(nil, nil, widget.NewLabel(p.Program), widget.NewLabelWithStyle(amount, fyne.TextAlignTrailing, fyne.TextStyle{})))
	}
	total := container.NewBorder(nil, nil,
		widget.NewLabelWithStyle(T("Rewards"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabelWithStyle(f.money(m.Rewards), fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}))
	figures := widget.NewForm(
		widget.NewFormItem(T("Points"), widget.NewLabel(f.points(m.Points))),
		widget.NewFormItem(T("Fund balance"), widget.NewLabel(f.money(m.Fund))),
		widget.NewFormItem(T("Paid in the period"), widget.NewLabel(f.money(m.Paid))),
		widget.NewFormItem(T("Year to date"), widget.NewLabel(f.money(m.YTD))),
		widget.NewFormItem(T("Reward lines"), widget.NewLabel(fmt.Sprint(m.Lines))),
	)
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	bg.CornerRadius = theme.InputRadiusSize()
	card := container.NewStack(bg, container.NewPadded(container.NewVBox(
		name, sub, widget.NewSeparator(), summary, widget.NewSeparator(),
		widget.NewLabelWithStyle(T("Rewards by program"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		rows, widget.NewSeparator(), total, widget.NewSeparator(), figures,
		widget.NewSeparator(), previewLines(m.Items, f))))
	s.preview.Objects = []fyne.CanvasObject{card}
	s.preview.Refresh()
}

// previewMaxLines is how many lines the preview draws; the PDF has them all.
const previewMaxLines = 200

// previewLines lists the statement's lines as it prints them: program and
// rule, amount, and the explanation under them (issue #15.10: the preview
// showed only the summary).
func previewLines(items []views.StatementItem, f numFmt) fyne.CanvasObject {
	box := container.NewVBox(widget.NewLabelWithStyle(Tf("Lines (%d)", len(items)), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	if len(items) == 0 {
		none := widget.NewLabel(T("No reward line in this period."))
		none.Importance = widget.LowImportance
		box.Add(none)
		return box
	}
	for i, it := range items {
		if i == previewMaxLines {
			more := widget.NewLabel(Tf("… and %d more lines: the saved statement has them all.", len(items)-i))
			more.Importance = widget.LowImportance
			box.Add(more)
			break
		}
		var amount string
		switch {
		case it.Points != 0 && it.Amount.IsZero():
			amount = f.points(it.Points)
		case !it.FundCredit.IsZero() && it.Amount.IsZero():
			amount = Tf("%s to the fund", f.money(it.FundCredit))
		default:
			amount = f.money(it.Amount)
			if it.Points != 0 {
				amount += " · " + f.points(it.Points)
			}
		}
		head := it.Program + " · " + it.Rule
		if it.Adjustment {
			head = Tf("Adjustment of %s", it.OriginalPeriod)
			if it.Invoice != "" {
				head = Tf("Adjustment of %s (invoice %s)", it.OriginalPeriod, it.Invoice)
			}
			head += " · " + it.Program
		}
		title := widget.NewLabelWithStyle(head, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		title.Truncation = fyne.TextTruncateEllipsis
		why := widget.NewLabel(it.Explanation)
		why.Wrapping = fyne.TextWrapWord
		// Normal colour: the grey of low importance is hard to read on the card.
		box.Add(container.NewBorder(nil, nil, nil, widget.NewLabelWithStyle(amount, fyne.TextAlignTrailing, fyne.TextStyle{}), title))
		box.Add(why)
	}
	return box
}

// onSave asks where to write the chosen statement and writes it.
func (s *StatementsScreen) onSave(format string) {
	if s.chosen == nil {
		return
	}
	payee, key := *s.chosen, strings.TrimSpace(s.period.Text)
	title := Tf("Save the statement of %s for %s as %s", payee.Label(), key, strings.ToUpper(string(format)))
	s.savePath(title, fileName(key, payee.Name)+"."+string(format), "."+string(format), func(path string) {
		s.background(func() {
			// The app writes the file atomically (mode 0600), as the
			// export statement verb does.
			err := s.svc.SaveStatementFile(payee.Payee, key, format, path)
			fyne.Do(func() {
				if err != nil {
					showErr(fmt.Errorf("write the statement of %s for %s: %w", payee.Label(), key, err), s.win)
					return
				}
				// The whole path: the name alone does not say which folder.
				s.say(widget.SuccessImportance, Tf("Saved %s", path))
			})
		})
	})
}

// onPrintAll asks for a folder and prints every statement of the period.
func (s *StatementsScreen) onPrintAll() {
	key := strings.TrimSpace(s.period.Text)
	d := newFolderOpen(s.win, folderBatch, Tf("Print the statements of %s into a folder", key), T("Print here"), func(dir fyne.ListableURI, err error) {
		if err != nil {
			showErr(err, s.win)
			return
		}
		if dir != nil {
			s.printAll(dir.Path())
		}
	})
	d.Show()
}

// printAll runs the batch into dir with a progress bar and a Cancel button.
func (s *StatementsScreen) printAll(dir string) {
	key := strings.TrimSpace(s.period.Text)
	ctx, cancel := context.WithCancel(context.Background())
	s.mu.Lock()
	s.cancel = cancel
	s.mu.Unlock()
	s.batchBtn.Disable()
	s.cancelBtn.Show()
	s.progress.SetValue(0)
	s.progress.Show()
	s.batchInfo.Importance = widget.MediumImportance
	s.batchInfo.SetText(Tf("Printing the statements of %s into %s…", key, dir))
	s.background(func() {
		res, err := s.svc.PrintAll(ctx, key, dir, func(done, total int) {
			fyne.Do(func() {
				if total > 0 {
					s.progress.SetValue(float64(done) / float64(total))
				}
			})
		})
		cancel()
		fyne.Do(func() {
			s.mu.Lock()
			s.cancel = nil
			s.mu.Unlock()
			s.batchBtn.Enable()
			s.cancelBtn.Hide()
			s.progress.Hide()
			if err != nil && !errors.Is(err, context.Canceled) {
				s.batchInfo.Importance = widget.DangerImportance
				s.batchInfo.SetText(Tf("Printing %s stopped: %v", key, err))
				return
			}
			if errors.Is(err, context.Canceled) {
				res.Canceled = true
			}
			s.result = res
			s.showBatch(res)
		})
	})
}

func (s *StatementsScreen) onCancel() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cancel != nil {
		s.cancel()
		s.batchInfo.SetText(T("Stopping after the statement being written…"))
	}
}

// batchSummary says in a sentence or two what a print run did.
func batchSummary(r views.BatchResult) string {
	msg := Tf("Wrote %d of %d statements into %s.", len(r.Files), r.Total, r.Dir)
	if r.Canceled {
		msg = Tf("Cancelled: wrote %d of %d statements into %s.", len(r.Files), r.Total, r.Dir)
	}
	if len(r.Failed) > 0 {
		msg += " " + Tf("%d could not be written.", len(r.Failed))
	}
	return msg
}

// showBatch shows the summary and the files written in a dialog.
func (s *StatementsScreen) showBatch(r views.BatchResult) {
	msg := batchSummary(r)
	s.batchInfo.Importance = widget.SuccessImportance
	if r.Canceled || len(r.Failed) > 0 {
		s.batchInfo.Importance = widget.WarningImportance
	}
	s.batchInfo.SetText(msg)
	lines := make([]string, 0, len(r.Files)+len(r.Failed))
	payees := make([]string, 0, len(r.Failed))
	for payee := range r.Failed {
		payees = append(payees, payee)
	}
	sort.Strings(payees)
	for _, payee := range payees {
		lines = append(lines, "✗ "+payee+": "+r.Failed[payee])
	}
	for _, f := range r.Files {
		lines = append(lines, "✓ "+filepath.Base(f))
	}
	list := widget.NewList(func() int { return len(lines) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(lines[id]) })
	head := widget.NewLabel(msg)
	head.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(Tf("Statements of %s", strings.TrimSpace(s.period.Text)), T("Close"), container.NewBorder(head, nil, nil, nil, list), s.win)
	d.Resize(fyne.NewSize(560, 420))
	closeOnEscape(d, s.win.Canvas())
	d.Show()
}
