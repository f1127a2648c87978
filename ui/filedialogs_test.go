package ui

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
)

func TestFileDialogSize(t *testing.T) {
	tests := []struct {
		name      string
		win, want fyne.Size
	}{
		// 1280 x 800 less the 80 margin is 1200 x 720, above the 1000 x 680 cap.
		{"big window is capped", fyne.NewSize(1280, 800), fyne.NewSize(1000, 680)},
		// 900 x 600 less 80 is 820 x 520, under the cap.
		{"middle window keeps a margin", fyne.NewSize(900, 600), fyne.NewSize(820, 520)},
		// 400 x 300 less 80 is below the 480 x 360 floor.
		{"tiny window gets the floor", fyne.NewSize(400, 300), fyne.NewSize(480, 360)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := fileDialogSize(tt.win); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestStartFolderRemembersEachPurpose(t *testing.T) {
	test.NewTempApp(t)
	home := t.TempDir()
	t.Setenv("HOME", home)
	if got := startFolder(folderImport); got == nil || got.Path() != home {
		t.Fatalf("first import dialog opens in %v, want the home folder %s", got, home)
	}

	imports := filepath.Join(t.TempDir(), "imports")
	if err := os.Mkdir(imports, 0o700); err != nil {
		t.Fatal(err)
	}
	rememberFileFolder(folderImport, storage.NewFileURI(filepath.Join(imports, "july.csv")))
	if got := startFolder(folderImport); got == nil || filepath.Clean(got.Path()) != imports {
		t.Errorf("import dialog opens in %v, want the folder of the last file %s", got, imports)
	}
	// Another purpose keeps its own folder: the batch folder is not where
	// the month's spreadsheet lives.
	if got := startFolder(folderBatch); got == nil || got.Path() != home {
		t.Errorf("batch dialog opens in %v, want home %s", got, home)
	}

	// A remembered folder that is gone falls back to home.
	if err := os.Remove(imports); err != nil {
		t.Fatal(err)
	}
	if got := startFolder(folderImport); got == nil || got.Path() != home {
		t.Errorf("after the folder is gone the dialog opens in %v, want home %s", got, home)
	}
}

func TestFileDialogsAreSizedToTheWindow(t *testing.T) {
	test.NewTempApp(t)
	t.Setenv("HOME", t.TempDir())
	w := test.NewWindow(nil)
	defer w.Close()
	w.Resize(fyne.NewSize(1280, 800))
	d := newFileSave(w, folderStatements, "Save the statement", "acme-2026-q3.pdf", []string{".pdf"}, func(fyne.URIWriteCloser, error) {})
	d.Show()
	// The path comes first; Browse opens Fyne's dialog, sized.
	test.Tap(buttonIn(t, w, "Browse…"))
	// The default Fyne dialog is about 510 x 370; at 1280 x 800 the
	// helper asks for 1000 x 680.
	var popup fyne.CanvasObject
	for _, o := range w.Canvas().Overlays().List() {
		popup = o
	}
	if popup == nil {
		t.Fatal("the file dialog is not on the canvas")
	}
	// The pop-up covers the window; its content is the dialog, sized as asked.
	inner := popupContent(popup)
	if got := inner.Size(); got.Width < 900 || got.Height < 600 {
		t.Errorf("dialog size %v, want about 1000 x 680", got)
	}
}

// popupContent finds the largest child of a modal pop-up's renderer: the
// dialog itself.
func popupContent(o fyne.CanvasObject) fyne.CanvasObject {
	best := o
	var area float32
	for _, c := range test.LaidOutObjects(o) {
		if c == o {
			continue
		}
		s := c.Size()
		if a := s.Width * s.Height; a > area && s.Width < o.Size().Width {
			best, area = c, a
		}
	}
	return best
}
