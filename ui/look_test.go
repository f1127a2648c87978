package ui

import (
	"image/png"
	"os"
	"partnerdesk/engine/views"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestLook renders each of this file's screens under the app's theme to
// PNG when PARTNERDESK_LOOK names a directory, for a person to look at. It
// always checks that each screen renders at the window size without
// needing more room than the window has.
func TestLook(t *testing.T) {
	dir := os.Getenv("PARTNERDESK_LOOK")
	for _, name := range []string{ScreenSales, ScreenPartners, ScreenSettings, ScreenImport} {
		t.Run(name, func(t *testing.T) {
			s, fb, w, _ := newTestShell(t)
			test.ApplyTheme(t, NewTheme())
			w.Resize(fyne.NewSize(1280, 800))
			s.Show(name)
			switch name {
			case ScreenSales:
				sc := s.Screen(name).(*salesScreen)
				c := w.Canvas()
				typeLine(t, c, "acme s", "an", "Globex SpA", "", "", "crm-p", "2", "100", "", "INV-7", "1")
				press(t, c, fyne.KeyReturn)
				typeLine(t, c, "", "mar", "株式会社ニンバス", "", "", "crm-e")
				_ = sc
				fb.addErr = nil
			case ScreenPartners:
				sc := s.Screen(name).(*partnersScreen)
				sc.list.Select(1)
			case ScreenImport:
				sc := s.Screen(name).(*importScreen)
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
			min := s.Content().MinSize()
			if min.Width > 1280 || min.Height > 800 {
				t.Errorf("%s needs %v, more than the 1280x800 window", name, min)
			}
			if dir == "" {
				return
			}
			f, err := os.Create(filepath.Join(dir, name+".png"))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if err := png.Encode(f, w.Canvas().Capture()); err != nil {
				t.Fatal(err)
			}
		})
	}
}
