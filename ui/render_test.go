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

// TestRenderScreens draws the dashboard, programs, period run and
// statements screens with the app's theme and saves them as PNG under the
// temp dir (partnerdesk-screens/), so a person can look at them; it checks
// that each image has the window's size.
func TestRenderScreens(t *testing.T) {
	dir := filepath.Join(os.TempDir(), "partnerdesk-screens")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	screens := []struct {
		name  string
		build func(w fyne.Window, f *fakeServices) (fyne.CanvasObject, func())
	}{
		{"dashboard", func(w fyne.Window, f *fakeServices) (fyne.CanvasObject, func()) {
			s := NewDashboardScreen(w, f)
			return s.Content(), s.wait
		}},
		{"periodrun", func(w fyne.Window, f *fakeServices) (fyne.CanvasObject, func()) {
			s := NewPeriodRunScreen(w, f)
			s.wait()
			s.onCompute()
			s.wait()
			s.toggle(0)
			return s.Content(), s.wait
		}},
		{"budget-dialog", func(w fyne.Window, f *fakeServices) (fyne.CanvasObject, func()) {
			s := NewPeriodRunScreen(w, f)
			s.wait()
			s.onCompute()
			s.wait()
			w.SetContent(s.Content())
			f.budget = &engine.BudgetError{Overruns: []engine.BudgetOverrun{{Program: "Volume rebate", Currency: eurCurrency,
				Budget: mustDec("10000"), Spent: mustDec("9000"), Approving: mustDec("2500")}}}
			s.toggle(0)
			s.onApprove()
			return s.Content(), s.wait
		}},
		{"programs", func(w fyne.Window, f *fakeServices) (fyne.CanvasObject, func()) {
			s := NewProgramsScreen(w, f)
			return s.Content(), s.wait
		}},
		{"statements", func(w fyne.Window, f *fakeServices) (fyne.CanvasObject, func()) {
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
			content, wait := sc.build(w, newFakeServices())
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
