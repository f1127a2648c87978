package ui

import (
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"partnerdesk/engine"
)

// TestRenderScreens2 draws each screen of part 2 with the app's theme and
// saves it as PNG under the temp dir (partnerdesk-ui2/), so a person can
// look at them; it checks that each image has the window's size.
func TestRenderScreens2(t *testing.T) {
	dir := filepath.Join(os.TempDir(), "partnerdesk-ui2")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	screens := []struct {
		name  string
		build func(w fyne.Window, f *fake2) (fyne.CanvasObject, func())
	}{
		{"dashboard", func(w fyne.Window, f *fake2) (fyne.CanvasObject, func()) {
			s := NewDashboardScreen(w, f)
			return s.Content(), s.wait
		}},
		{"periodrun", func(w fyne.Window, f *fake2) (fyne.CanvasObject, func()) {
			s := NewPeriodRunScreen(w, f)
			s.wait()
			s.onCompute()
			s.wait()
			s.toggle(0)
			return s.Content(), s.wait
		}},
		{"budget-dialog", func(w fyne.Window, f *fake2) (fyne.CanvasObject, func()) {
			s := NewPeriodRunScreen(w, f)
			s.wait()
			s.onCompute()
			s.wait()
			w.SetContent(s.Content())
			f.budget = &engine.BudgetError{Overruns: []engine.BudgetOverrun{{Program: "Volume rebate", Currency: eur2,
				Budget: dec2("10000"), Spent: dec2("9000"), Approving: dec2("2500")}}}
			s.toggle(0)
			s.onApprove()
			return s.Content(), s.wait
		}},
		{"programs", func(w fyne.Window, f *fake2) (fyne.CanvasObject, func()) {
			s := NewProgramsScreen(w, f)
			return s.Content(), s.wait
		}},
		{"statements", func(w fyne.Window, f *fake2) (fyne.CanvasObject, func()) {
			s := NewStatementsScreen(w, f)
			s.wait()
			s.pick(f.payees[0])
			return s.Content(), s.wait
		}},
	}
	for _, sc := range screens {
		t.Run(sc.name, func(t *testing.T) {
			a := test.NewTempApp(t)
			a.Settings().SetTheme(NewTheme())
			w := test.NewWindow(nil)
			defer w.Close()
			w.Resize(fyne.NewSize(1000, 720))
			content, wait := sc.build(w, newFake2())
			wait()
			if w.Content() != content {
				w.SetContent(content)
			}
			w.Resize(fyne.NewSize(1000, 720))
			img := w.Canvas().Capture()
			if b := img.Bounds(); b.Dx() < 1000 || b.Dy() < 700 {
				t.Fatalf("capture is %v, want the window's 1000 x 720", b)
			}
			out, err := os.Create(filepath.Join(dir, sc.name+".png"))
			if err != nil {
				t.Fatal(err)
			}
			defer out.Close()
			if err := png.Encode(out, img); err != nil {
				t.Fatal(err)
			}
		})
	}
}
