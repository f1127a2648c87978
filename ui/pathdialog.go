package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// pathDialog asks for a file or folder by its path (issue #15.10: Fyne's
// file dialog opened in the home folder, took six clicks to reach a folder
// and had no way to type a path). It shows the path where the dialog
// would open, ready for Enter, to type or paste over; Browse opens Fyne's
// dialog there, sized to the window.
type pathDialog struct {
	win     fyne.Window
	purpose string
	title   string
	mode    pathMode
	exts    []string // accepted extensions, with the dot; empty: any
	name    string   // pathSave: the suggested file name
	confirm string   // the OK button's text; "" for Open/Save/Choose

	// typed takes a path the user typed, checked; browse makes Fyne's
	// dialog, which calls the caller itself.
	typed  func(path string)
	browse func(start fyne.ListableURI) *dialog.FileDialog

	entry   *pathEntry
	problem *widget.Label
	// cancelled tells the caller of a cancel, as Fyne's dialogs do (their
	// callback with nil).
	cancelled func()
	d         *dialog.CustomDialog
	// askOverwrite asks before a typed save replaces a file; tests answer.
	askOverwrite func(path string, yes func())
}

type pathMode int

const (
	pathOpen pathMode = iota
	pathSave
	pathFolder
)

func newPathDialog(w fyne.Window, purpose, title string, mode pathMode, exts []string) *pathDialog {
	d := &pathDialog{win: w, purpose: purpose, title: title, mode: mode, exts: exts}
	d.askOverwrite = func(path string, yes func()) {
		showConfirm(T("Replace the file?"), Tf("%s already exists in %s. Replace it?", filepath.Base(path), filepath.Dir(path)), func(ok bool) {
			if ok {
				yes()
			}
		}, w)
	}
	return d
}

// fileName is the suggested name, or the one typed last.
func (d *pathDialog) fileName() string {
	if d.entry != nil && d.mode == pathSave {
		if base := filepath.Base(strings.TrimSpace(d.entry.Text)); base != "." && base != string(filepath.Separator) {
			return base
		}
	}
	return d.name
}

// startPath is what the entry holds when the dialog opens: the purpose's
// folder (the last used, else the documents folder), with the suggested
// name when saving.
func (d *pathDialog) startPath() string {
	dir := ""
	if l := startFolder(d.purpose); l != nil {
		dir = l.Path()
	}
	switch {
	case dir == "":
		return d.name
	case d.mode == pathSave:
		return filepath.Join(dir, d.name)
	case d.mode == pathOpen:
		return dir + string(filepath.Separator)
	}
	return dir
}

// Show opens the dialog with the cursor at the end of the path.
func (d *pathDialog) Show() {
	d.entry = &pathEntry{onEscape: d.cancel}
	d.entry.ExtendBaseWidget(d.entry)
	d.entry.SetText(d.startPath())
	d.entry.OnSubmitted = func(string) { d.submit() }
	d.problem = widget.NewLabel("")
	d.problem.Importance = widget.DangerImportance
	d.problem.Wrapping = fyne.TextWrapWord
	d.problem.Hide()
	hint := T("Type or paste the path of the file, or Browse. ~ is your home folder.")
	if d.mode == pathFolder {
		hint = T("Type or paste the path of the folder, or Browse. ~ is your home folder.")
	}
	if len(d.exts) > 0 {
		hint += " " + Tf("Files: %s.", strings.Join(d.exts, ", "))
	}
	help := widget.NewLabel(hint)
	help.Wrapping = fyne.TextWrapWord
	help.Importance = widget.LowImportance
	browse := widget.NewButtonWithIcon(T("Browse…"), theme.FolderOpenIcon(), d.onBrowse)
	ok := widget.NewButtonWithIcon(d.okText(), theme.ConfirmIcon(), d.submit)
	ok.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon(T("Cancel"), theme.CancelIcon(), d.cancel)
	body := container.NewVBox(container.NewBorder(nil, nil, nil, browse, d.entry), help, d.problem)
	d.d = dialog.NewCustomWithoutButtons(d.title, body, d.win)
	d.d.SetButtons([]fyne.CanvasObject{cancel, ok})
	d.d.Resize(fyne.NewSize(min(720, max(480, d.win.Canvas().Size().Width-80)), 0))
	d.d.Show()
	onDialogKeys(d.d, d.win.Canvas(), d.submit, d.cancel)
	d.win.Canvas().Focus(d.entry)
	d.entry.CursorColumn = len([]rune(d.entry.Text))
	d.entry.Refresh()
}

func (d *pathDialog) okText() string {
	switch {
	case d.confirm != "":
		return d.confirm
	case d.mode == pathSave:
		return T("Save")
	case d.mode == pathFolder:
		return T("Choose")
	}
	return T("Open")
}

// Hide closes the dialog without an answer.
func (d *pathDialog) Hide() {
	if d.d != nil {
		d.d.Hide()
	}
}

// cancel closes the dialog and tells the caller.
func (d *pathDialog) cancel() {
	d.Hide()
	if d.cancelled != nil {
		d.cancelled()
	}
}

// pathEntry is the path field: Escape in it cancels the dialog (a plain
// entry keeps Escape to itself).
type pathEntry struct {
	widget.Entry
	onEscape func()
}

func (e *pathEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && e.onEscape != nil {
		e.onEscape()
		return
	}
	e.Entry.TypedKey(k)
}

// onBrowse opens Fyne's dialog in the folder of the typed path (or the
// purpose's folder), sized to the window.
func (d *pathDialog) onBrowse() {
	start := startFolder(d.purpose)
	if dir := d.typedFolder(); dir != "" {
		if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
			start = l
		}
	}
	d.Hide()
	fd := d.browse(start)
	if start != nil {
		fd.SetLocation(start)
	}
	if d.title != "" {
		fd.SetTitleText(d.title)
	}
	fd.Resize(fileDialogSize(d.win.Canvas().Size()))
	fd.Show()
}

// typedFolder is the existing folder the typed path names or lies in.
func (d *pathDialog) typedFolder() string {
	p := expandHome(strings.TrimSpace(d.entry.Text))
	if p == "" {
		return ""
	}
	for _, dir := range []string{p, filepath.Dir(p)} {
		if fi, err := os.Stat(dir); err == nil && fi.IsDir() {
			return dir
		}
	}
	return ""
}

// submit checks the typed path and hands it on, or says what is wrong
// under the field.
func (d *pathDialog) submit() {
	path, err := d.check(strings.TrimSpace(d.entry.Text))
	if err != nil {
		d.problem.SetText(sentence(err))
		d.problem.Show()
		return
	}
	take := func() {
		d.Hide()
		d.typed(path)
	}
	if d.mode == pathSave {
		if _, err := os.Stat(path); err == nil {
			d.askOverwrite(path, take)
			return
		}
	}
	take()
}

// check turns what was typed into the path to use: ~ expanded, relative
// to the purpose's folder, a folder given to save into gets the suggested
// name, a name without its extension gets the first one.
func (d *pathDialog) check(typed string) (string, error) {
	if typed == "" {
		return "", fmt.Errorf("type a path, or Browse")
	}
	p := expandHome(typed)
	if !filepath.IsAbs(p) {
		base := documentsFolder()
		if l := startFolder(d.purpose); l != nil {
			base = l.Path()
		}
		p = filepath.Join(base, p)
	}
	p = filepath.Clean(p)
	fi, statErr := os.Stat(p)
	switch d.mode {
	case pathFolder:
		if statErr != nil {
			return "", fmt.Errorf("there is no folder %s", p)
		}
		if !fi.IsDir() {
			return "", fmt.Errorf("%s is a file, not a folder", p)
		}
		return p, nil
	case pathOpen:
		if statErr != nil {
			return "", fmt.Errorf("there is no file %s", p)
		}
		if fi.IsDir() {
			return "", fmt.Errorf("%s is a folder: type the file's name after it, or Browse", p)
		}
		if !d.extOK(p) {
			return "", fmt.Errorf("%s is not a %s file", filepath.Base(p), strings.Join(d.exts, ", "))
		}
		return p, nil
	}
	if statErr == nil && fi.IsDir() {
		p = filepath.Join(p, d.name)
	} else if strings.HasSuffix(typed, string(filepath.Separator)) || strings.HasSuffix(typed, "/") {
		return "", fmt.Errorf("there is no folder %s", p)
	}
	if filepath.Ext(p) == "" && len(d.exts) > 0 {
		p += d.exts[0]
	}
	if !d.extOK(p) {
		return "", fmt.Errorf("name the file with %s", strings.Join(d.exts, " or "))
	}
	if fi, err := os.Stat(filepath.Dir(p)); err != nil || !fi.IsDir() {
		return "", fmt.Errorf("there is no folder %s to save into", filepath.Dir(p))
	}
	return p, nil
}

func (d *pathDialog) extOK(p string) bool {
	if len(d.exts) == 0 {
		return true
	}
	ext := strings.ToLower(filepath.Ext(p))
	for _, e := range d.exts {
		if ext == strings.ToLower(e) {
			return true
		}
	}
	return false
}

// expandHome replaces a leading ~ with the home folder.
func expandHome(p string) string {
	if p == "~" || strings.HasPrefix(p, "~/") || strings.HasPrefix(p, `~\`) {
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, p[1:])
		}
	}
	return p
}
