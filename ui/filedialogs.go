package ui

import (
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// Fyne draws its own file dialogs at about 510 x 370, which shows four
// files at a time, opens them all in the one folder used last (the import
// dialog opened where statements were printed) and has no field for a
// path. These helpers give each kind of file its own remembered folder
// (the documents folder at first), ask first for a path to type or paste
// (ui/pathdialog.go; Enter takes the one shown) and size Fyne's dialog,
// behind Browse, to the window.

// Folder purposes: each remembers the folder its files were last read from
// or written to.
const (
	folderStatements = "statements" // a single statement (PDF, CSV, XLSX)
	folderBatch      = "batch"      // the folder of a print run
	folderImport     = "import"     // files to import and their templates
	folderPrograms   = "programs"   // program JSON files
	folderLogo       = "logo"       // the company logo
	folderBackups    = "backups"    // a backup to restore
)

// hasFolder reports whether a folder is remembered for purpose.
func hasFolder(purpose string) bool {
	a := fyne.CurrentApp()
	return a != nil && a.Preferences().String(folderKey(purpose)) != ""
}

// fileDialogMax is the largest file dialog: more is hard to read.
var fileDialogMax = fyne.NewSize(1000, 680)

// folderKey is the preference that holds purpose's last folder.
func folderKey(purpose string) string { return "partnerdesk.folder." + purpose }

// fileDialogSize fits a file dialog into a window of the given size,
// leaving a margin so the window behind still shows.
func fileDialogSize(win fyne.Size) fyne.Size {
	const margin = 80
	return fyne.NewSize(
		max(min(win.Width-margin, fileDialogMax.Width), 480),
		max(min(win.Height-margin, fileDialogMax.Height), 360))
}

// startFolder is the folder a dialog for purpose opens in: the last one
// used for it while it still exists, else the user's documents folder,
// else the home folder; nil leaves Fyne's own choice.
func startFolder(purpose string) fyne.ListableURI {
	if a := fyne.CurrentApp(); a != nil {
		if s := a.Preferences().String(folderKey(purpose)); s != "" {
			if u, err := storage.ParseURI(s); err == nil {
				if l, err := storage.ListerForURI(u); err == nil {
					return l
				}
			}
		}
	}
	dir := documentsFolder()
	if dir == "" {
		return nil
	}
	l, err := storage.ListerForURI(storage.NewFileURI(dir))
	if err != nil {
		return nil
	}
	return l
}

// documentsFolder is the user's documents folder when there is one (the
// XDG documents directory on Linux, ~/Documents elsewhere), else the home
// folder; "" when not even that is known.
func documentsFolder() string {
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	for _, dir := range []string{xdgDocuments(home), filepath.Join(home, "Documents")} {
		if fi, err := os.Stat(dir); dir != "" && err == nil && fi.IsDir() {
			return dir
		}
	}
	return home
}

// xdgDocuments reads XDG_DOCUMENTS_DIR from the XDG user-dirs file
// (~/.config/user-dirs.dirs), where a Linux desktop says which folder is
// the documents folder in the user's language ("$HOME/Dokumente").
func xdgDocuments(home string) string {
	cfg := os.Getenv("XDG_CONFIG_HOME")
	if cfg == "" {
		cfg = filepath.Join(home, ".config")
	}
	b, err := os.ReadFile(filepath.Join(cfg, "user-dirs.dirs"))
	if err != nil {
		return ""
	}
	for _, line := range strings.Split(string(b), "\n") {
		v, ok := strings.CutPrefix(strings.TrimSpace(line), "XDG_DOCUMENTS_DIR=")
		if !ok {
			continue
		}
		v = strings.Trim(v, `"`)
		v = strings.Replace(v, "$HOME", home, 1)
		if filepath.IsAbs(v) && filepath.Clean(v) != filepath.Clean(home) {
			return v
		}
	}
	return ""
}

// rememberFolder keeps dir as purpose's folder for the next dialog.
func rememberFolder(purpose string, dir fyne.URI) {
	a := fyne.CurrentApp()
	if a == nil || dir == nil {
		return
	}
	a.Preferences().SetString(folderKey(purpose), dir.String())
}

// rememberFileFolder keeps the folder that holds file.
func rememberFileFolder(purpose string, file fyne.URI) {
	if file == nil {
		return
	}
	if dir, err := storage.Parent(file); err == nil {
		rememberFolder(purpose, dir)
	}
}

// newFileSave asks where to save: a path to type (the purpose's folder and
// name already there, so Enter saves) or Browse for Fyne's dialog, sized to
// the window. It remembers the folder chosen; a cancel calls save with nil.
func newFileSave(w fyne.Window, purpose, title, name string, exts []string, save func(fyne.URIWriteCloser, error)) *pathDialog {
	d := newPathDialog(w, purpose, title, pathSave, exts)
	d.name = name
	d.browse = func(start fyne.ListableURI) *dialog.FileDialog {
		fd := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
			if wc != nil {
				rememberFileFolder(purpose, wc.URI())
			}
			save(wc, err)
		}, w)
		fd.SetFileName(d.fileName())
		if len(exts) > 0 {
			fd.SetFilter(storage.NewExtensionFileFilter(exts))
		}
		return fd
	}
	d.cancelled = func() { save(nil, nil) }
	d.typed = func(path string) {
		wc, err := storage.Writer(storage.NewFileURI(path))
		if err == nil {
			rememberFileFolder(purpose, wc.URI())
		}
		save(wc, err)
	}
	return d
}

// newFileOpen asks for a file to read: a path to type or Browse, in the
// purpose's folder; it remembers the folder of the file chosen.
func newFileOpen(w fyne.Window, purpose, title string, exts []string, open func(fyne.URIReadCloser, error)) *pathDialog {
	d := newPathDialog(w, purpose, title, pathOpen, exts)
	d.browse = func(fyne.ListableURI) *dialog.FileDialog {
		fd := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
			if rc != nil {
				rememberFileFolder(purpose, rc.URI())
			}
			open(rc, err)
		}, w)
		if len(exts) > 0 {
			fd.SetFilter(storage.NewExtensionFileFilter(exts))
		}
		return fd
	}
	d.cancelled = func() { open(nil, nil) }
	d.typed = func(path string) {
		rc, err := storage.Reader(storage.NewFileURI(path))
		if err == nil {
			rememberFileFolder(purpose, rc.URI())
		}
		open(rc, err)
	}
	return d
}

// newFolderOpen asks for a folder: a path to type or Browse, in the
// purpose's folder, which it remembers; confirm names the button that
// takes the folder.
func newFolderOpen(w fyne.Window, purpose, title, confirm string, open func(fyne.ListableURI, error)) *pathDialog {
	d := newPathDialog(w, purpose, title, pathFolder, nil)
	d.confirm = confirm
	d.browse = func(fyne.ListableURI) *dialog.FileDialog {
		fd := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
			if dir != nil {
				rememberFolder(purpose, dir)
			}
			open(dir, err)
		}, w)
		if confirm != "" {
			fd.SetConfirmText(confirm)
		}
		return fd
	}
	d.cancelled = func() { open(nil, nil) }
	d.typed = func(path string) {
		l, err := storage.ListerForURI(storage.NewFileURI(path))
		if err == nil {
			rememberFolder(purpose, l)
		}
		open(l, err)
	}
	return d
}
