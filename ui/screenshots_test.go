package ui

import (
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"partnerdesk/engine"
	"partnerdesk/engine/i18n"
	"partnerdesk/engine/views"
)

// shotBackend is every screen's fake at once, so one shell shows them all
// with the sidebar: the shared back end (partners, sales, settings,
// import), the dashboard / programs / period / statements services, the
// registrations & activity services and the funds & points services.
type shotBackend struct {
	Backend
	*fakeServices
	*fakeEntries
	*fundsFake
	*invoicesFake
}

// Today is the shared back end's day (the services' fake has its own).
func (b *shotBackend) Today() engine.Date { return b.Backend.Today() }

func newShotBackend() *shotBackend {
	fe := newFakeEntries()
	return &shotBackend{Backend: fe.fakeBackend, fakeServices: newFakeServices(), fakeEntries: fe, fundsFake: newFundsFake(),
		invoicesFake: &invoicesFake{}}
}

// shot is one picture of `make screenshots`: the screen to show and what
// to do on it first (open a tab, pick a record, fill a form) so the
// picture shows the screen at work.
type shot struct {
	name   string // the PNG's name
	screen string // the registered screen; a screen this build lacks is left out
	setup  func(t *testing.T, s *Shell, w fyne.Window)
}

// waitScreen waits for the work a screen has running.
func waitScreen(s *Shell, name string) {
	if wt, ok := s.Screen(name).(interface{ wait() }); ok {
		wt.wait()
	}
}

// shots lists every screen and main dialog `make screenshots` renders. Add
// yours here: a name, the screen, and a setup that brings it to a state
// worth looking at.
var shots = []shot{
	{"dashboard", ScreenDashboard, nil},
	{"partners", ScreenPartners, nil},
	{"partner-detail", ScreenPartners, func(t *testing.T, s *Shell, w fyne.Window) {
		s.Screen(ScreenPartners).(*partnersScreen).list.Select(0)
	}},
	{"products", "products", nil},
	{"sales", ScreenSales, func(t *testing.T, s *Shell, w fyne.Window) {
		c := w.Canvas()
		typeLine(t, c, "acme s", "an", "Globex SpA", "", "", "crm-p", "2", "100", "", "INV-7", "1")
	}},
	{"registrations", ScreenEntries, func(t *testing.T, s *Shell, w fyne.Window) {
		s.Screen(ScreenEntries).(*entriesScreen).tabs.SelectIndex(tabRegistration)
	}},
	{"trainings", ScreenEntries, func(t *testing.T, s *Shell, w fyne.Window) {
		s.Screen(ScreenEntries).(*entriesScreen).tabs.SelectIndex(tabTraining)
	}},
	{"activities", ScreenEntries, func(t *testing.T, s *Shell, w fyne.Window) {
		s.Screen(ScreenEntries).(*entriesScreen).tabs.SelectIndex(tabActivity)
	}},
	{"tiers", ScreenEntries, func(t *testing.T, s *Shell, w fyne.Window) {
		s.Screen(ScreenEntries).(*entriesScreen).tabs.SelectIndex(tabTiers)
	}},
	{"programs", ScreenPrograms, nil},
	{"program-editor", ScreenPrograms, func(t *testing.T, s *Shell, w fyne.Window) {
		s.Command(CmdNew)
	}},
	{"period-run", ScreenPeriodRun, func(t *testing.T, s *Shell, w fyne.Window) {
		sc := s.Screen(ScreenPeriodRun).(*PeriodRunScreen)
		sc.onCompute()
		sc.wait()
		sc.toggle(0)
	}},
	{"funds-points", ScreenFunds, func(t *testing.T, s *Shell, w fyne.Window) {
		s.Screen(ScreenFunds).(*fundsScreen).fundTable.onChoose(0)
	}},
	{"statements", ScreenStatements, func(t *testing.T, s *Shell, w fyne.Window) {
		sc := s.Screen(ScreenStatements).(*StatementsScreen)
		sc.pick(sc.svc.(*shotBackend).payees[0])
	}},
	{"invoices", ScreenInvoices, nil},
	{"import", ScreenImport, func(t *testing.T, s *Shell, w fyne.Window) {
		lookImport(s)
	}},
	{"audit", "audit", nil},
	{"settings", ScreenSettings, nil},
	{"help", ScreenHelp, nil},
}

// shotsDir is where `make screenshots` writes (PARTNERDESK_SHOTS); empty
// under `go test`.
func shotsDir() string { return os.Getenv("PARTNERDESK_SHOTS") }

// TestScreenshots renders every screen of shots in every window language
// at 1280x800 into $PARTNERDESK_SHOTS/<lang>/<name>.png (`make screenshots
// SHOTS=DIR`). Under a plain `go test` it renders the dashboard in German
// only, into a temporary folder. Each picture must have the window's size,
// not be blank, and the screen must fit the window.
func TestScreenshots(t *testing.T) {
	dir := shotsDir()
	langs, list := i18n.Languages, shots
	if dir == "" {
		dir = t.TempDir()
		langs, list = []string{"de"}, shots[:1]
	}
	defer SetLang("en")
	for _, lang := range langs {
		if err := os.MkdirAll(filepath.Join(dir, lang), 0o755); err != nil {
			t.Fatal(err)
		}
		for _, sh := range list {
			if !screenRegistered(sh.screen) {
				t.Logf("%s: this build has no %q screen yet", sh.name, sh.screen)
				continue
			}
			t.Run(lang+"/"+sh.name, func(t *testing.T) {
				img := renderShot(t, lang, sh)
				if b := img.Bounds(); b.Dx() < 1280 || b.Dy() < 800 {
					t.Fatalf("picture is %v, want 1280 x 800", b)
				}
				if blank(img) {
					t.Errorf("%s in %s is blank", sh.name, lang)
				}
				f, err := os.Create(filepath.Join(dir, lang, sh.name+".png"))
				if err != nil {
					t.Fatal(err)
				}
				defer f.Close()
				if err := png.Encode(f, img); err != nil {
					t.Fatal(err)
				}
			})
		}
	}
}

func screenRegistered(name string) bool {
	for _, spec := range registeredScreens() {
		if spec.Name == name {
			return true
		}
	}
	return false
}

// renderShot opens the shell in lang over the shot fake, shows the screen,
// runs the setup and captures the window.
func renderShot(t *testing.T, lang string, sh shot) image.Image {
	a := test.NewTempApp(t)
	a.Preferences().SetString(PrefLanguage, lang)
	test.ApplyTheme(t, NewTheme())
	w := test.NewTempWindow(t, nil)
	s := NewShell(w, a, newShotBackend())
	// The shell opens on its first screen, which loads in the background:
	// let every screen built finish before the window measures it (the
	// test driver runs a worker's fyne.Do on the worker's goroutine), and
	// after, so no worker of one picture runs into the next.
	waitAll := func() {
		for name := range s.screens {
			waitScreen(s, name)
		}
	}
	waitAll()
	w.SetContent(s.Content())
	w.Resize(fyne.NewSize(1280, 800))
	s.showError = func(err error) { t.Logf("%s: error dialog: %v", sh.name, err) }
	s.confirm = func(_, _ string, answer func(bool)) { answer(true) }
	s.async = func(f func()) { f() }
	if got := Lang(); got != lang {
		t.Fatalf("window language %q, want %q", got, lang)
	}
	defer waitAll()
	s.Show(sh.screen)
	waitAll()
	if sh.setup != nil {
		sh.setup(t, s, w)
		waitAll()
	}
	w.Resize(fyne.NewSize(1280, 800))
	if min := s.Content().MinSize(); min.Width > 1280 || min.Height > 800 {
		t.Errorf("%s in %s needs %v, more than the 1280x800 window", sh.name, lang, min)
	}
	return w.Canvas().Capture()
}

// blank reports whether img is one colour.
func blank(img image.Image) bool {
	b := img.Bounds()
	first := img.At(b.Min.X, b.Min.Y)
	r0, g0, b0, _ := first.RGBA()
	for y := b.Min.Y; y < b.Max.Y; y += 7 {
		for x := b.Min.X; x < b.Max.X; x += 7 {
			r, g, bl, _ := img.At(x, y).RGBA()
			if r != r0 || g != g0 || bl != b0 {
				return false
			}
		}
	}
	return true
}

// lookImport loads a file into the import screen and dry-runs it, as the
// import screen's look test does.
func lookImport(s *Shell) {
	fb := s.Backend().(*shotBackend).Backend.(*fakeBackend)
	sc := s.Screen(ScreenImport).(*importScreen)
	fb.preview = views.ImportPreview{
		Columns: []string{"Datum", "Partner", "Artikel", "Menge", "Preis"},
		Sample:  [][]string{{"2026-07-01", "Acme Srl", "CRM-PRO", "2", "100,00"}, {"2026-07-02", "株式会社ニンバス", "SUP-1Y", "1", "40,00"}},
		Fields: []views.ImportField{{Key: "date", Label: "Date", Required: true}, {Key: "partner", Label: "Partner (name, id or code)", Required: true},
			{Key: "product", Label: "Product (SKU)", Required: true}, {Key: "quantity", Label: "Quantity"}, {Key: "net", Label: "Net amount"}},
		Mapping: views.ColumnMap{"date": "Datum", "partner": "Partner", "product": "Artikel", "quantity": "Menge"},
	}
	fb.dryRun = views.ImportSummary{Rows: 120, Errors: []views.RowError{
		{Line: 7, Column: "Partner", Reason: "There is no partner \"Acne\"."},
		{Line: 12, Reason: "Invoice INV-3 line 1 is already on line 4."},
	}}
	sc.path.SetText("/home/giulia/july-sales.csv")
	sc.onLoad()
	sc.onDryRun()
}
