package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/shopspring/decimal"

	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// booksFake is the screens' fake with the books settings use case.
type booksFake struct {
	*fakeBackend
	saved int
}

func (f *booksFake) SaveBooks(in views.BooksInput) error {
	co := f.company
	co.Accounts, co.CSVStyle, co.PointValue = in.Accounts, in.CSVStyle, decimal.Zero
	if in.PointValue != "" {
		v, err := decimal.NewFromString(in.PointValue)
		if err != nil {
			return engine.Invalid("point_value", "not a number")
		}
		co.PointValue = v
	}
	if errs := engine.CheckBooks(co); errs != nil {
		return errs
	}
	f.company, f.saved = co, f.saved+1
	return nil
}

func newBooksShell(t *testing.T) (*Shell, *booksFake, fyne.Window) {
	t.Helper()
	a := test.NewTempApp(t)
	fb := &booksFake{fakeBackend: newFake()}
	w := test.NewTempWindow(t, nil)
	s := NewShell(w, a, fb)
	w.SetContent(s.Content())
	w.Resize(fyne.NewSize(1280, 800))
	s.showError = func(err error) { t.Errorf("error shown: %v", err) }
	s.async = func(f func()) { f() }
	return s, fb, w
}

// Settings > Books shows the default chart for a company that never set
// one, stores a changed chart, CSV style and point value, puts a refusal
// under its field (a code used twice) writing nothing, and the company's
// own Save afterwards keeps what Books saved.
func TestSettingsBooks(t *testing.T) {
	s, fb, w := newBooksShell(t)
	bs := newBooksSection(s)
	if bs == nil {
		t.Fatal("no books section for a backend that keeps books settings")
	}
	bs.load()
	if bs.codes["reward_expense"].Text != "6400" || bs.names["bank"].Text != "Bank" || bs.style.Selected != csvStyleLabels()[engine.CSVComma] || bs.value.Text != "" {
		t.Fatalf("shown: %q %q %q %q, want the default chart, comma style, no point value",
			bs.codes["reward_expense"].Text, bs.names["bank"].Text, bs.style.Selected, bs.value.Text)
	}
	bs.codes["bank"].SetText("1020")
	bs.names["bank"].SetText("Bank — Intesa")
	bs.style.SetSelected(csvStyleLabels()[engine.CSVSemicolon])
	bs.value.SetText("0.01")
	bs.onSave()
	got := fb.company
	if got.Accounts.Bank != (engine.Account{Code: "1020", Name: "Bank — Intesa"}) || got.Accounts.RewardExpense.Code != "6400" ||
		got.CSVStyle != engine.CSVSemicolon || !got.PointValue.Equal(decimal.RequireFromString("0.01")) {
		t.Fatalf("stored %+v %q %s", got.Accounts, got.CSVStyle, got.PointValue)
	}
	// A code used twice is refused under the second account's code.
	bs.codes["points_liability"].SetText("2400")
	bs.onSave()
	if e := bs.fs.get("accounts.points_liability.code").Error(); !strings.Contains(e, "already the accrued rewards") {
		t.Errorf("note under the points liability code = %q", e)
	}
	if fb.saved != 1 || fb.company.Accounts.PointsLiability.Code != "2430" {
		t.Errorf("a refused chart was stored (%d saves, points liability %s)", fb.saved, fb.company.Accounts.PointsLiability.Code)
	}
	// The company form, shown before Books saved, keeps the books settings.
	shortcut(w.Canvas(), fyne.Key9)
	sc := s.Screen(ScreenSettings).(*settingsScreen)
	fb.company.Accounts.Bank.Code = "1030" // saved by Books after the form loaded
	sc.name.SetText("Vendor Spa")
	sc.onSave()
	if fb.company.Name != "Vendor Spa" || fb.company.Accounts.Bank.Code != "1030" || fb.company.CSVStyle != engine.CSVSemicolon {
		t.Errorf("after the company's Save: %q, bank %s, style %s; want the books settings kept", fb.company.Name, fb.company.Accounts.Bank.Code, fb.company.CSVStyle)
	}
}
