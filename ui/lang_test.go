package ui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/shopspring/decimal"

	"partnerdesk/engine"
	"partnerdesk/engine/i18n"
)

// The tests read English: the window follows the system's language, so
// pin the system to English whatever the machine running them says.
func init() {
	os.Setenv("LC_ALL", "en_US.UTF-8")
	os.Unsetenv("LANGUAGE")
}

// uiFiles parses the package's non-test files.
func uiFiles(t *testing.T) (*token.FileSet, map[string]*ast.File) {
	t.Helper()
	names, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	files := map[string]*ast.File{}
	for _, n := range names {
		if strings.HasSuffix(n, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, n, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		files[n] = f
	}
	return fset, files
}

// stringLit returns the value of a string literal expression.
func stringLit(e ast.Expr) (string, bool) {
	b, ok := e.(*ast.BasicLit)
	if !ok || b.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(b.Value)
	return s, err == nil
}

// calleeName is "T", "widget.NewLabel", "x.SetText" (the receiver's last
// name), as written.
func calleeName(c *ast.CallExpr) string {
	switch f := c.Fun.(type) {
	case *ast.Ident:
		return f.Name
	case *ast.SelectorExpr:
		if id, ok := f.X.(*ast.Ident); ok {
			return id.Name + "." + f.Sel.Name
		}
		return "." + f.Sel.Name
	}
	return ""
}

// Every key the window passes to T or Tf, every screen title and every
// menu and shortcut label has a catalogue entry in all seven languages
// (engine/i18n checks that each entry is complete).
func TestWindowTextKeys(t *testing.T) {
	fset, files := uiFiles(t)
	// String constants may be keys: T(leadRepsPoints).
	consts := map[string]string{}
	// Package-level []string tables whose words tableText shows.
	lists := map[string][]string{}
	for _, f := range files {
		for _, d := range f.Decls {
			if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.VAR {
				for _, spec := range g.Specs {
					vs := spec.(*ast.ValueSpec)
					for i, n := range vs.Names {
						if i < len(vs.Values) {
							if cl, ok := vs.Values[i].(*ast.CompositeLit); ok {
								for _, e := range cl.Elts {
									if v, ok := stringLit(e); ok {
										lists[n.Name] = append(lists[n.Name], v)
									}
								}
							}
						}
					}
				}
			}
			if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.CONST {
				for _, spec := range g.Specs {
					vs := spec.(*ast.ValueSpec)
					for i, n := range vs.Names {
						if i < len(vs.Values) {
							if v, ok := stringLit(vs.Values[i]); ok {
								consts[n.Name] = v
							}
						}
					}
				}
			}
		}
	}
	var missing []string
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			c, ok := n.(*ast.CallExpr)
			if !ok || len(c.Args) == 0 {
				return true
			}
			if calleeName(c) == "tableText" {
				// tableText(runColumns[i]): every word of the table.
				if ix, ok := c.Args[0].(*ast.IndexExpr); ok {
					if id, ok := ix.X.(*ast.Ident); ok {
						for _, k := range lists[id.Name] {
							if k != "" && !i18n.HasText(k) {
								missing = append(missing, fset.Position(c.Pos()).String()+": "+strconv.Quote(k))
							}
						}
					}
				}
				return true
			}
			if name := calleeName(c); name != "T" && name != "Tf" {
				return true
			}
			key, ok := stringLit(c.Args[0])
			if id, isIdent := c.Args[0].(*ast.Ident); isIdent {
				key, ok = consts[id.Name]
			}
			if !ok {
				t.Errorf("%s: %s takes a string literal (or a string constant), so this test can find the key", fset.Position(c.Pos()), calleeName(c))
				return true
			}
			if !i18n.HasText(key) {
				missing = append(missing, fset.Position(c.Pos()).String()+": "+strconv.Quote(key))
			}
			return true
		})
	}
	for _, spec := range registeredScreens() {
		if !i18n.HasText(spec.Title) {
			missing = append(missing, "screen title "+strconv.Quote(spec.Title))
		}
	}
	for _, k := range FormKeys {
		for _, w := range []string{k.Keys, k.What} {
			if !i18n.HasText(w) {
				missing = append(missing, "form key "+strconv.Quote(w))
			}
		}
	}
	for _, sc := range Shortcuts {
		for _, k := range []string{sc.Label, sc.Menu} {
			if !i18n.HasText(k) {
				missing = append(missing, "shortcut "+strconv.Quote(k))
			}
		}
	}
	sort.Strings(missing)
	for _, m := range missing {
		t.Errorf("no translation for %s (add it to engine/i18n/window_<area>.go)", m)
	}
	for _, w := range fyneWords {
		if !i18n.HasText(w) {
			t.Errorf("Fyne's word %q has no translation", w)
		}
	}
}

// visibleCalls are the calls whose string arguments a person reads; the
// value lists which arguments (-1: all).
var visibleCalls = map[string][]int{
	"widget.NewLabel": {0}, "widget.NewLabelWithStyle": {0}, "widget.NewButton": {0},
	"widget.NewButtonWithIcon": {0}, "widget.NewCheck": {0}, "widget.NewFormItem": {0},
	"widget.NewHyperlink": {0}, "widget.NewAccordionItem": {0}, "widget.NewRichTextWithText": {0},
	"widget.NewCard": {0, 1}, "container.NewTabItem": {0}, "container.NewTabItemWithIcon": {0},
	"fyne.NewMenu": {0}, "fyne.NewMenuItem": {0},
	"dialog.NewConfirm": {0, 1}, "dialog.ShowConfirm": {0, 1}, "dialog.NewInformation": {0, 1},
	"dialog.ShowInformation": {0, 1}, "dialog.NewCustom": {0, 1}, "dialog.ShowCustom": {0, 1},
	"dialog.NewCustomConfirm": {0, 1, 2}, "dialog.ShowCustomConfirm": {0, 1, 2},
	"dialog.NewForm": {0, 1, 2}, "dialog.ShowForm": {0, 1, 2},
	".SetText": {0}, ".SetPlaceHolder": {0}, ".SetStatus": {0}, ".Confirm": {0, 1},
	"sectionTitle": {0}, "showConfirm": {0, 1}, "showInfo": {0, 1}, "newField": {1},
	"newFileOpen": {2}, "newFileSave": {2}, "add": {1}, "radd": {1}, "entry": {0},
	".ok": {0}, ".bad": {0}, "submitEntry": {0}, "newFormEntry": {0}, "formTop": {0},
	".SetHint": {0}, ".SetError": {0}, "noteSegment": {0}, "showInfo.": {0},
}

// visibleFields are struct fields and assignments a person reads.
var visibleFields = map[string]bool{"PlaceHolder": true, "Title": true, "Text": true}

// notConverted lists the files whose labels are still being put through
// T; each is removed as soon as it is converted, and the list ends empty.
var notConverted = map[string]bool{}

// looksVisible is a literal with a word in it: "Save", not "", "%s",
// " – " or "Ctrl+".
func looksVisible(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if letters < 2 {
		return false
	}
	switch s {
	case "Partnerdesk", "Ctrl+", "Ctrl+0", "EUR", "PNG", "CSV", "XLSX", "PDF":
		return false
	}
	return true
}

// No user-visible English slips in untranslated: a string literal given
// to a widget constructor, SetText, a placeholder, a dialog or a column
// title (directly or as the format of a fmt.Sprintf there) must go through
// T or Tf.
func TestWindowTextNoBareLabels(t *testing.T) {
	fset, files := uiFiles(t)
	var bare []string
	var report func(e ast.Expr)
	report = func(e ast.Expr) {
		if c, ok := e.(*ast.CallExpr); ok && calleeName(c) == "fmt.Sprintf" && len(c.Args) > 0 {
			e = c.Args[0]
		}
		if b, ok := e.(*ast.BinaryExpr); ok && b.Op == token.ADD {
			// "Saved " + name + ".": every literal of the chain.
			report(b.X)
			report(b.Y)
			return
		}
		if s, ok := stringLit(e); ok && looksVisible(s) {
			bare = append(bare, fset.Position(e.Pos()).String()+": "+strconv.Quote(s))
		}
	}
	skip := map[ast.Expr]bool{}
	for name, f := range files {
		if notConverted[name] || name == "lang.go" {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				name := calleeName(n)
				args, ok := visibleCalls[name]
				if !ok && strings.Contains(name, ".") {
					args, ok = visibleCalls[name[strings.Index(name, "."):]]
				}
				if !ok {
					return true
				}
				for _, i := range args {
					if i < len(n.Args) {
						report(n.Args[i])
					}
				}
			case *ast.CompositeLit:
				switch typ, _ := n.Type.(*ast.Ident); {
				case typ == nil:
				case typ.Name == "ScreenSpec":
					// The shell translates screen titles.
					for _, e := range n.Elts {
						if kv, ok := e.(*ast.KeyValueExpr); ok {
							if k, ok := kv.Key.(*ast.Ident); ok && k.Name == "Title" {
								skip[kv.Value] = true
							}
						}
					}
				case typ.Name == "column" && len(n.Elts) > 0:
					if _, keyed := n.Elts[0].(*ast.KeyValueExpr); !keyed {
						report(n.Elts[0])
					}
				}
			case *ast.KeyValueExpr:
				if k, ok := n.Key.(*ast.Ident); ok && visibleFields[k.Name] && !skip[n.Value] {
					report(n.Value)
				}
			case *ast.AssignStmt:
				for i, l := range n.Lhs {
					if sel, ok := l.(*ast.SelectorExpr); ok && visibleFields[sel.Sel.Name] && i < len(n.Rhs) {
						report(n.Rhs[i])
					}
				}
			}
			return true
		})
	}
	sort.Strings(bare)
	for _, b := range bare {
		t.Errorf("%s is shown untranslated: wrap it in T or Tf (ui/lang.go)", b)
	}
}

// Choosing a language in Settings stores it for this computer and
// relabels the window: the sidebar title and the menu follow, and choosing
// the system's language again brings English back.
func TestWindowLanguageSwitch(t *testing.T) {
	s, _, w, _ := newTestShell(t)
	defer SetLang("en")
	s.Show(ScreenSettings)
	s.SetWindowLanguage("de")
	if got := s.app.Preferences().String(PrefLanguage); got != "de" {
		t.Fatalf("stored language = %q, want de", got)
	}
	if Lang() != "de" || s.title.Text != "Einstellungen" || s.Current() != ScreenSettings {
		t.Fatalf("after choosing German: lang %q, title %q on %q; want de, Einstellungen on settings", Lang(), s.title.Text, s.Current())
	}
	if w.Content() != s.Content() {
		t.Fatal("the window does not show the rebuilt shell")
	}
	if m := w.MainMenu(); m == nil || m.Items[0].Label != "Datei" {
		t.Fatalf("main menu %v, want its first menu Datei", m)
	}
	s.Show(ScreenDashboard)
	if s.title.Text != "Übersicht" {
		t.Errorf("dashboard title %q, want Übersicht", s.title.Text)
	}
	s.SetWindowLanguage("")
	if got := s.app.Preferences().String(PrefLanguage); got != "" || Lang() != "en" || s.title.Text != "Dashboard" {
		t.Errorf("back to the system's language: stored %q, lang %q, title %q; want \"\", en, Dashboard", got, Lang(), s.title.Text)
	}
}

// A stored choice wins over the system's language when the window opens;
// with none, the system's language is used, a C locale being English.
func TestWindowLanguageAtStart(t *testing.T) {
	defer SetLang("en")
	t.Setenv("LC_ALL", "it_IT.UTF-8")
	s, _, _, _ := newTestShell(t)
	if Lang() != "it" || s.title.Text != "Cruscotto" {
		t.Errorf("system Italian, nothing stored: lang %q, title %q; want it, Cruscotto", Lang(), s.title.Text)
	}
	s.app.Preferences().SetString(PrefLanguage, "nl")
	applyLanguage(s.app)
	if Lang() != "nl" {
		t.Errorf("stored nl over system Italian: lang %q", Lang())
	}
	for env, want := range map[string]string{"C.UTF-8": "en", "POSIX": "en", "fr_BE.UTF-8": "fr", "id_ID": "id", "pt_PT.UTF-8": "en"} {
		t.Setenv("LC_ALL", env)
		if got := SystemLanguage(); got != want {
			t.Errorf("LC_ALL=%s: SystemLanguage() = %q, want %q", env, got, want)
		}
	}
	var _ fyne.Window = nil
}

// demosLine is the fake period's activity line, its stored explanation the
// one its Explanation text renders in English (the window renders the
// stored key in its own language).
func demosLine() engine.RewardLine {
	l := draftLine(3, 2, 1, "300.00")
	l.Explanation = engine.Explanation{Key: "activity.count", Args: []engine.Arg{
		engine.TextArg("rule", "Demos"), engine.NumberArg("count", decimal.NewFromInt(3)), engine.TextArg("type", "demo"),
		engine.PeriodArg("period", "2026-07"), engine.MoneyArg("each", mustDec("100"), eurCurrency), engine.MoneyArg("amount", mustDec("300"), eurCurrency)}}
	return l
}

// The period run shows each line's explanation in the window's language,
// from the stored key, not the back end's rendering in the company's.
func TestPeriodRunExplainsInTheWindowLanguage(t *testing.T) {
	defer SetLang("en")
	SetLang("it")
	w := test.NewTempWindow(t, nil)
	s := NewPeriodRunScreen(w, newFakeServices())
	s.wait()
	s.onCompute()
	s.wait()
	got := s.texts[3]
	if want := "Demos: 3 x demo nel periodo 2026-07 a 100,00 EUR = 300,00 EUR"; got != want {
		// messages_it.go: "{rule}: {count} x {type} nel periodo {period} a {each} = {amount}"; a period key prints as written.
		t.Errorf("Italian explanation = %q, want %q", got, want)
	}
}
