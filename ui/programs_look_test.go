package ui

import (
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"partnerdesk/app/demo"
	"partnerdesk/engine"
)

// TestProgramsEditorLook opens the rule editor on one rule of each of the
// nine kinds (the demo's programs) under the app's theme at 1280x800 and
// checks that the screen fits the window; with PARTNERDESK_LOOK naming a
// directory it writes each as editor-KIND.png for a person to look at.
func TestProgramsEditorLook(t *testing.T) {
	dir := os.Getenv("PARTNERDESK_LOOK")
	_, _, s := newDesignTest(t)
	test.ApplyTheme(t, NewTheme())
	s.win.Resize(fyne.NewSize(1280, 800))
	done := map[engine.RuleKind]bool{}
	for _, p := range demo.Generate(1, engine.MustDate("2026-06-30")).Programs {
		for i, r := range p.Rules {
			if done[r.Kind] {
				continue
			}
			done[r.Kind] = true
			s.edit(p)
			s.tabs.SelectIndex(1)
			s.showRule(i)
			side := 0
			switch r.Kind {
			case engine.RuleRate:
				side = 2 // the band designer
			case engine.RuleTarget:
				side = 1 // the golden examples
			}
			s.side.SelectIndex(side)
			s.wait()
			if min := s.Content().MinSize(); min.Width > 1280 || min.Height > 800 {
				t.Errorf("%s: the programs screen needs %v, more than the 1280x800 window", r.Kind, min)
			}
			// The rule's own fields: the editor scrolled to the rule picker.
			s.editScroll.Offset = fyne.NewPos(0, s.re.pick.Position().Y-50)
			s.editScroll.Refresh()
			if dir == "" {
				continue
			}
			f, err := os.Create(filepath.Join(dir, "editor-"+string(r.Kind)+".png"))
			if err != nil {
				t.Fatal(err)
			}
			if err := png.Encode(f, s.win.Canvas().Capture()); err != nil {
				t.Fatal(err)
			}
			f.Close()
		}
	}
	if len(done) != len(engine.RuleKinds) {
		t.Errorf("looked at %d rule kinds, want %d", len(done), len(engine.RuleKinds))
	}
}
