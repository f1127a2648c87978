package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// TestScreensRegisterIconNames checks that every screen names a theme icon
// instead of building a resource in init, before the app exists.
func TestScreensRegisterIconNames(t *testing.T) {
	test.NewTempApp(t)
	for _, spec := range registeredScreens() {
		if spec.Icon != nil {
			t.Errorf("screen %s: Icon set at registration; want IconName", spec.Name)
		}
		if spec.IconName == "" {
			t.Errorf("screen %s: no IconName", spec.Name)
		}
		if got := spec.icon(); got == nil || got.Name() == theme.NavigateNextIcon().Name() {
			t.Errorf("screen %s: icon resolves to %v, want its own", spec.Name, got)
		}
	}
}

func TestFitWidths(t *testing.T) {
	sep, bar := theme.Padding(), theme.ScrollBarSize()
	tests := []struct {
		name    string
		min     []float32
		stretch int
		avail   float32
		want    []float32
	}{
		// 100 + 200 plus two dividers and the bar leave 500-300-2*sep-bar
		// to the stretch column.
		{"spare goes to stretch", []float32{100, 200}, 1, 500, []float32{100, 500 - 100 - 2*sep - bar}},
		{"narrow keeps minimums", []float32{100, 200}, 1, 250, []float32{100, 200}},
		{"no stretch column", []float32{100, 200}, -1, 900, []float32{100, 200}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := fitWidths(tt.min, tt.stretch, tt.avail)
			for i := range tt.want {
				if got[i] != tt.want[i] {
					t.Errorf("column %d: got %v, want %v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

// TestTightStackIsShorterThanVBox checks the sale form's cells: label,
// entry and note take less height than Fyne's VBox gives them.
func TestTightStackIsShorterThanVBox(t *testing.T) {
	test.NewTempApp(t)
	f := newField("x", "Label", widget.NewEntry())
	tight := container.New(tightStack{}, f.label, f.input, f.note).MinSize().Height
	loose := container.NewVBox(widget.NewLabel("Label"), widget.NewEntry(), widget.NewRichText()).MinSize().Height
	if tight >= loose-16 {
		t.Errorf("tight cell %v high, VBox %v: want at least 16 less", tight, loose)
	}
	if in := f.input.MinSize().Height; tight < in {
		t.Errorf("tight cell %v high, lower than its entry %v", tight, in)
	}
}

func TestSplitFieldLabel(t *testing.T) {
	tests := []struct{ in, name, note string }{
		{"Date (the invoice date; it decides the period)", "Date", "the invoice date; it decides the period"},
		{"Customer", "Customer", ""},
		{"Net (x (y))", "Net", "x (y)"},
	}
	for _, tt := range tests {
		name, note := splitFieldLabel(tt.in)
		if name != tt.name || note != tt.note {
			t.Errorf("splitFieldLabel(%q) = %q, %q; want %q, %q", tt.in, name, note, tt.name, tt.note)
		}
	}
}

// TestConfirmKeys checks that Enter confirms and Escape cancels a
// confirmation, and that the canvas gets its own key handler back.
func TestConfirmKeys(t *testing.T) {
	test.NewTempApp(t)
	for _, tt := range []struct {
		key  fyne.KeyName
		want bool
	}{{fyne.KeyReturn, true}, {fyne.KeyEscape, false}} {
		w := test.NewTempWindow(t, widget.NewLabel("behind"))
		var got []bool
		own := 0
		w.Canvas().SetOnTypedKey(func(*fyne.KeyEvent) { own++ })
		showConfirm("Q", "Sure?", func(ok bool) { got = append(got, ok) }, w)
		w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: tt.key})
		if len(got) != 1 || got[0] != tt.want {
			t.Errorf("%s: answers %v, want [%v]", tt.key, got, tt.want)
		}
		w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyA})
		if own != 1 {
			t.Errorf("%s: the canvas handler ran %d times after the dialog closed, want 1", tt.key, own)
		}
	}
}

// TestCloseOnEscape checks a read-only dialog closes on Escape.
func TestCloseOnEscape(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel("behind"))
	d := dialog.NewCustom("Lines", "Close", widget.NewLabel("x"), w)
	closeOnEscape(d, w.Canvas())
	d.Show()
	if len(w.Canvas().Overlays().List()) != 1 {
		t.Fatalf("overlays before Escape: %d, want 1", len(w.Canvas().Overlays().List()))
	}
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if n := len(w.Canvas().Overlays().List()); n != 0 {
		t.Errorf("overlays after Escape: %d, want 0", n)
	}
}

// TestScreensFitTheWindow checks that no screen asks for more than a
// 1280 x 800 window (less the menu bar): a taller screen makes the window
// grow past the desktop and hides the status line.
func TestScreensFitTheWindow(t *testing.T) {
	s, _, _, _ := newTestShell(t)
	const maxW, maxH = 1280, 800 - 40
	for _, spec := range registeredScreens() {
		s.Show(spec.Name)
		got := s.Content().MinSize()
		t.Logf("%s: %v", spec.Name, got)
		if got.Width > maxW || got.Height > maxH {
			t.Errorf("screen %s needs %v x %v, want at most %v x %v", spec.Name, got.Width, got.Height, maxW, maxH)
		}
	}
}

// TestSuggestionsKeepTheFormHeight checks that the suggestion line under
// the partner stays one line high however many partners match.
func TestSuggestionsKeepTheFormHeight(t *testing.T) {
	s, _, _, _ := newTestShell(t)
	s.Show(ScreenSales)
	sc := s.Screen(ScreenSales).(*salesScreen)
	before := sc.content.MinSize().Height
	test.Type(sc.partner, "a")
	if sc.fs.get(SalePartner).NoteText() == "" {
		t.Fatal("typing \"a\" showed no suggestions")
	}
	if after := sc.content.MinSize().Height; after != before {
		t.Errorf("form height %v after typing, want %v as before", after, before)
	}
}
