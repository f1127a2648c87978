package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// ScreenAudit is the audit log: who changed what and when, filtered, with
// the chosen entry's record before and after side by side.
const ScreenAudit = "audit"

func init() {
	RegisterScreen(ScreenSpec{Name: ScreenAudit, Title: "Audit log", IconName: theme.IconNameHistory, Order: 85,
		New: func(sh *Shell) Screen {
			svc, ok := sh.Backend().(AuditService)
			if !ok {
				return missingScreen("audit log")
			}
			return newAuditScreen(sh, svc)
		}})
}

// AuditService serves the audit log; the command line's audit verb calls
// the same use cases.
type AuditService interface {
	// AuditLog returns the entries the filter picks, newest first; a bad
	// date, a range that ends before it starts or an id without a kind is
	// a *engine.ValidationError naming one of the Audit* field keys.
	AuditLog(f views.AuditFilter) ([]views.AuditRow, error)
	// AuditDetail returns one entry with its record before and after,
	// field by field.
	AuditDetail(id engine.ID) (views.AuditDetail, error)
	// AuditKinds are the record kinds the trail names.
	AuditKinds() []string
}

// The field keys of the audit filter, as the backend names them.
const (
	AuditWho  = "who"
	AuditKind = "kind"
	AuditID   = "id"
	AuditFrom = "from"
	AuditTo   = "to"
)

// auditScreen filters the trail and shows the chosen entry's change.
type auditScreen struct {
	worker
	shell *Shell
	svc   AuditService

	fs   fields
	who  *widget.Entry
	kind *widget.Select
	id   *widget.Entry
	from *widget.Entry
	to   *widget.Entry

	rows    []views.AuditRow
	chosen  engine.ID
	table   *keyTable
	count   *widget.Label
	detail  views.AuditDetail
	heading *widget.Label
	note    *widget.Label
	diff    *keyTable

	content fyne.CanvasObject
}

func newAuditScreen(sh *Shell, svc AuditService) *auditScreen {
	sc := &auditScreen{shell: sh, svc: svc}
	sc.build()
	return sc
}

// Content is the screen.
func (sc *auditScreen) Content() fyne.CanvasObject { return sc.content }

// Shown reads the trail again and puts the cursor in the first filter.
func (sc *auditScreen) Shown() fyne.Focusable {
	sc.reload()
	return sc.who
}

// Command handles Find (the filters) and Refresh.
func (sc *auditScreen) Command(c Command) bool {
	switch c {
	case CmdFind:
		sc.focus(sc.who)
	case CmdRefresh, CmdSave:
		sc.reload()
	default:
		return false
	}
	return true
}

func (sc *auditScreen) focus(f fyne.Focusable) {
	w := sc.shell.Window()
	if f != nil && w.Content() == sc.shell.Content() {
		w.Canvas().Focus(f)
	}
}

// auditListMax is how many entries the list shows at most, newest first.
const auditListMax = 500

// anyKind is the kind filter's first choice: no filter.
func anyKind() string { return T("Any record") }

// It is long because it declares the filter row, the list and the
// before/after table in one place; it holds no rule.
func (sc *auditScreen) build() {
	entry := func(ph string) *widget.Entry {
		e := widget.NewEntry()
		e.PlaceHolder = ph
		e.OnSubmitted = func(string) { sc.reload() }
		return e
	}
	sc.who = entry(T("operator name"))
	sc.kind = widget.NewSelect(append([]string{anyKind()}, sc.svc.AuditKinds()...), func(string) {})
	sc.kind.SetSelectedIndex(0)
	sc.id = entry(T("record id"))
	sc.from = entry(T("first day"))
	sc.to = entry(T("last day"))
	apply := widget.NewButtonWithIcon(T("Show"), theme.SearchIcon(), sc.reload)
	apply.Importance = widget.HighImportance
	cell := func(key, label string, in fyne.CanvasObject, w float32) fyne.CanvasObject {
		return container.New(fixedWidth(w), sc.fs.add(newField(key, label, in)).Cell())
	}
	filters := container.NewHBox(
		cell(AuditWho, T("Who"), sc.who, 170),
		cell(AuditKind, T("What"), sc.kind, 170),
		cell(AuditID, T("Id"), sc.id, 100),
		cell(AuditFrom, T("From"), sc.from, 130),
		cell(AuditTo, T("To"), sc.to, 130),
		newField("", " ", apply).Cell(),
	)
	sc.count = widget.NewLabel("")
	sc.count.Importance = widget.LowImportance

	cols := []column{
		{Title: T("Entry"), Width: 70, Align: fyne.TextAlignTrailing},
		{Title: T("When"), Width: 160},
		{Title: T("Who"), Width: 130},
		{Title: T("What"), Width: 300},
	}
	sc.table = newKeyTable(cols, func() int { return len(sc.rows) }, func(row, col int) string {
		r := sc.rows[row]
		switch col {
		case 0:
			return strconv.FormatUint(uint64(r.Entry.ID), 10)
		case 1:
			return r.Entry.At.Local().Format("2006-01-02 15:04:05")
		case 2:
			return r.Entry.Operator
		case 3:
			return r.What
		}
		return ""
	}, func(row int) bool { return sc.rows[row].Entry.ID == sc.chosen })
	sc.table.onChoose = func(row int) { sc.choose(sc.rows[row].Entry.ID) }

	dcols := []column{
		{Title: T("Field"), Width: 150},
		{Title: T("Before"), Width: 250},
		{Title: T("After"), Width: 250},
		{Title: "", Width: 80},
	}
	sc.diff = newKeyTable(dcols, func() int { return len(sc.detail.Fields) }, func(row, col int) string {
		f := sc.detail.Fields[row]
		switch col {
		case 0:
			return f.Field
		case 1:
			return f.Before
		case 2:
			return f.After
		case 3:
			if f.Changed {
				return T("changed")
			}
		}
		return ""
	}, func(row int) bool { return sc.detail.Fields[row].Changed })
	sc.heading = sectionTitle(T("Choose an entry to see what it changed"))
	sc.heading.Truncation = fyne.TextTruncateEllipsis
	sc.note = widget.NewLabel("")
	sc.note.Importance = widget.LowImportance
	sc.note.Truncation = fyne.TextTruncateEllipsis
	detail := container.NewBorder(container.NewVBox(sc.heading, sc.note), nil, nil, nil,
		container.New(&sideBySide{t: sc.diff, fixed: [2]float32{dcols[0].Width, dcols[3].Width}}, sc.diff))
	split := container.NewVSplit(sc.table.fit(3), detail)
	split.Offset = 0.45
	sc.content = container.NewBorder(container.NewVBox(filters, sc.count), nil, nil, nil, split)
}

// filter is the filter as typed; a bad id is refused here, beside it.
func (sc *auditScreen) filter() (views.AuditFilter, bool) {
	f := views.AuditFilter{Who: trimmed(sc.who), From: trimmed(sc.from), To: trimmed(sc.to), Limit: auditListMax}
	if sc.kind.SelectedIndex() > 0 {
		f.Kind = sc.kind.Selected
	}
	if t := trimmed(sc.id); t != "" {
		n, err := strconv.ParseUint(strings.TrimLeft(t, "#"), 10, 64)
		if err != nil || n == 0 {
			sc.fs.get(AuditID).SetError(T("Type a record id, e.g. 1234."))
			sc.content.Refresh()
			return f, false
		}
		f.ID = engine.ID(n)
	}
	return f, true
}

// reload reads the entries the filter picks, off the UI goroutine.
func (sc *auditScreen) reload() {
	sc.fs.clearErrors()
	f, ok := sc.filter()
	if !ok {
		sc.focus(sc.id)
		return
	}
	sc.background(func() {
		rows, err := sc.svc.AuditLog(f)
		fyne.Do(func() {
			if err != nil {
				rest, ok := sc.fs.showErrors(err, nil)
				if !ok {
					sc.shell.ShowError(err)
					return
				}
				sc.count.SetText(strings.Join(rest, " "))
				sc.content.Refresh() // a wrapped reason makes its field taller
				if first := sc.fs.firstError(); first != nil {
					if fo, ok := first.input.(fyne.Focusable); ok {
						sc.focus(fo)
					}
				}
				return
			}
			sc.rows = rows
			sc.content.Refresh() // errors cleared: the filters shrink back
			switch {
			case len(rows) == 0:
				sc.count.SetText(T("No audit entry matches."))
			case len(rows) >= auditListMax:
				sc.count.SetText(Tf("The newest %d entries: narrow the filters to see older ones.", len(rows)))
			default:
				sc.count.SetText(Tf("%d entries, newest first", len(rows)))
			}
			sc.table.Refresh()
			keep := sc.chosen
			sc.chosen = 0
			for _, r := range rows {
				if r.Entry.ID == keep {
					sc.chosen = keep
				}
			}
			if sc.chosen == 0 && len(rows) > 0 {
				sc.chosen = rows[0].Entry.ID
			}
			sc.choose(sc.chosen)
		})
	})
}

// choose shows entry id's record before and after (0: none).
func (sc *auditScreen) choose(id engine.ID) {
	sc.chosen = id
	sc.table.Refresh()
	if id == 0 {
		sc.detail = views.AuditDetail{}
		sc.heading.SetText(T("Choose an entry to see what it changed"))
		sc.note.SetText("")
		sc.diff.Refresh()
		return
	}
	d, err := sc.svc.AuditDetail(id)
	if err != nil {
		sc.shell.ShowError(err)
		return
	}
	sc.detail = d
	e := d.Row.Entry
	sc.heading.SetText(Tf("Entry %d, %s by %s: %s", e.ID, e.At.Local().Format("2006-01-02 15:04:05"), e.Operator, d.Row.What))
	changed := 0
	for _, f := range d.Fields {
		if f.Changed {
			changed++
		}
	}
	note := Tf("%d of %d fields changed (in bold).", changed, len(d.Fields))
	if d.Note != "" {
		note += " " + d.Note
	}
	sc.note.SetText(note)
	sc.diff.Refresh()
	sc.diff.ScrollToTop()
}

// sideBySide lays the before/after table out with the field and marker
// columns at their widths and the before and after columns sharing the
// rest equally, so the two versions line up side by side.
type sideBySide struct {
	t     *keyTable
	fixed [2]float32 // the field column and the marker column
	last  float32
}

func (l *sideBySide) MinSize(objs []fyne.CanvasObject) fyne.Size { return objs[0].MinSize() }

func (l *sideBySide) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if size.Width != l.last {
		l.last = size.Width
		rest := size.Width - l.fixed[0] - l.fixed[1] - 4*theme.Padding() - theme.ScrollBarSize()
		half := max(rest/2, 120)
		l.t.SetColumnWidth(0, l.fixed[0])
		l.t.SetColumnWidth(1, half)
		l.t.SetColumnWidth(2, half)
		l.t.SetColumnWidth(3, l.fixed[1])
	}
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}
