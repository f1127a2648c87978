package ui

import (
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// Fyne draws its own file dialogs at about 510 x 370, which shows four
// files at a time, and opens them all in the one folder used last, so the
// import dialog opened where statements were printed. These helpers give
// each kind of file its own remembered folder and size the dialog to the
// window.

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
// used for it while it still exists, else the user's home folder; nil
// leaves Fyne's own choice.
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
	home, err := os.UserHomeDir()
	if err != nil {
		return nil
	}
	l, err := storage.ListerForURI(storage.NewFileURI(home))
	if err != nil {
		return nil
	}
	return l
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

// fitFileDialog sizes d to w, opens it in purpose's folder and titles it.
func fitFileDialog(d *dialog.FileDialog, w fyne.Window, purpose, title string) {
	if dir := startFolder(purpose); dir != nil {
		d.SetLocation(dir)
	}
	if title != "" {
		d.SetTitleText(title)
	}
	d.Resize(fileDialogSize(w.Canvas().Size()))
}

// newFileSave is dialog.NewFileSave that opens in purpose's folder, sized
// to the window, and remembers the folder chosen. A cancel calls save with
// nil.
func newFileSave(w fyne.Window, purpose, title, name string, exts []string, save func(fyne.URIWriteCloser, error)) *dialog.FileDialog {
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if wc != nil {
			rememberFileFolder(purpose, wc.URI())
		}
		save(wc, err)
	}, w)
	d.SetFileName(name)
	if len(exts) > 0 {
		d.SetFilter(storage.NewExtensionFileFilter(exts))
	}
	fitFileDialog(d, w, purpose, title)
	return d
}

// newFileOpen is dialog.NewFileOpen that opens in purpose's folder, sized
// to the window, and remembers the folder of the file chosen.
func newFileOpen(w fyne.Window, purpose, title string, exts []string, open func(fyne.URIReadCloser, error)) *dialog.FileDialog {
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if rc != nil {
			rememberFileFolder(purpose, rc.URI())
		}
		open(rc, err)
	}, w)
	if len(exts) > 0 {
		d.SetFilter(storage.NewExtensionFileFilter(exts))
	}
	fitFileDialog(d, w, purpose, title)
	return d
}

// newFolderOpen is dialog.NewFolderOpen that opens in purpose's folder,
// sized to the window, and remembers the folder chosen; confirm names the
// button that takes the folder on show.
func newFolderOpen(w fyne.Window, purpose, title, confirm string, open func(fyne.ListableURI, error)) *dialog.FileDialog {
	d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if dir != nil {
			rememberFolder(purpose, dir)
		}
		open(dir, err)
	}, w)
	if confirm != "" {
		d.SetConfirmText(confirm)
	}
	fitFileDialog(d, w, purpose, title)
	return d
}
