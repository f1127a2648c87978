package ui

import (
	"partnerdesk/engine/views"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestImportMappingDryRunAndImport(t *testing.T) {
	s, fb, w, _ := newTestShell(t)
	fb.preview = views.ImportPreview{
		Columns: []string{"Datum", "Partner", "Artikel", "Menge", "Preis"},
		Sample:  [][]string{{"2026-07-01", "Acme Srl", "CRM-PRO", "2", "100,00"}},
		Fields: []views.ImportField{{Key: "date", Label: "Date", Required: true}, {Key: "partner", Label: "Partner", Required: true},
			{Key: "product", Label: "Product", Required: true}, {Key: "quantity", Label: "Quantity"}, {Key: "net", Label: "Net amount"}},
		Mapping: views.ColumnMap{"date": "Datum", "partner": "Partner", "product": "Artikel", "quantity": "Menge"},
	}
	fb.dryRun = views.ImportSummary{Rows: 120, Errors: []views.RowError{
		{Line: 7, Column: "Partner", Reason: "There is no partner \"Acne\"."},
		{Line: 9, Column: "Preis", Reason: "\"1.00,0\" is not an amount."},
		{Line: 12, Reason: "Invoice INV-3 line 1 is already on line 4."},
	}}
	fb.imported = views.ImportSummary{Rows: 3}
	shortcut(w.Canvas(), fyne.Key8)
	sc := s.Screen(ScreenImport).(*importScreen)
	if sc.kind.Selected != "sales" {
		t.Fatalf("kind on show = %q, want the first kind", sc.kind.Selected)
	}
	sc.path.SetText("/tmp/july.csv")
	sc.path.OnSubmitted(sc.path.Text)
	if got := sc.selects["partner"].Selected; got != "Partner" {
		t.Errorf("partner column = %q, want the guessed Partner", got)
	}
	if got := sc.selects["net"].Selected; got != notMapped() {
		t.Errorf("net column = %q, want not imported", got)
	}
	// The user maps Preis to the net amount and remembers the mapping.
	sc.selects["net"].SetSelected("Preis")
	shortcut(w.Canvas(), fyne.KeyS)
	if got := fb.mappings["sales"]["net"]; got != "Preis" {
		t.Errorf("remembered net column = %q, want Preis", got)
	}

	test.Tap(sc.check)
	if len(sc.errs) != 3 {
		t.Fatalf("dry run shows %d problems, want 3", len(sc.errs))
	}
	if got := []string{sc.errCell(1, 0), sc.errCell(1, 1), sc.errCell(1, 2)}; got[0] != "9" || got[1] != "Preis" || got[2] != "\"1.00,0\" is not an amount." {
		t.Errorf("second problem row = %q, want line 9, Preis and the reason", got)
	}
	if got := sc.errCell(2, 1); got != "(whole row)" {
		t.Errorf("a row problem's column = %q, want (whole row)", got)
	}

	test.Tap(sc.run)
	if len(fb.progress) != 3 || sc.summary.Text != "Imported 3 rows." {
		t.Errorf("import progress %v, summary %q; want 3 steps and Imported 3 rows.", fb.progress, sc.summary.Text)
	}
	if len(sc.errs) != 0 {
		t.Errorf("problems after a clean import = %d, want 0", len(sc.errs))
	}

	// The remembered mapping comes back next time.
	sc.path.OnSubmitted(sc.path.Text)
	if !sc.preview.Remembered || sc.selects["net"].Selected != "Preis" {
		t.Errorf("second load remembered=%v net=%q, want the remembered Preis", sc.preview.Remembered, sc.selects["net"].Selected)
	}
}

func TestImportRefusesAFileItCannotRead(t *testing.T) {
	s, _, _, _ := newTestShell(t)
	s.Show(ScreenImport)
	sc := s.Screen(ScreenImport).(*importScreen)
	sc.path.SetText("/tmp/scan.pdf")
	sc.path.OnSubmitted(sc.path.Text)
	if got, want := sc.summary.Text, "Only CSV and XLSX files can be imported."; got != want {
		t.Errorf("summary = %q, want %q", got, want)
	}
	if !sc.run.Disabled() {
		t.Error("Import is enabled for a file that could not be read")
	}
}

func TestImportCheckReadsTheEditedFileAgain(t *testing.T) {
	s, fb, _, _ := newTestShell(t)
	fb.preview = views.ImportPreview{
		Columns: []string{"date", "partner"},
		Sample:  [][]string{{"2026-13-01", "Nobody"}},
		Fields:  []views.ImportField{{Key: "date", Label: "Date", Required: true}, {Key: "partner", Label: "Partner", Required: true}},
		Mapping: views.ColumnMap{"date": "date", "partner": "partner"},
	}
	s.Show(ScreenImport)
	sc := s.Screen(ScreenImport).(*importScreen)
	sc.path.SetText("/tmp/m/sales.csv")
	sc.path.OnSubmitted(sc.path.Text)
	// The user fixes the file in a spreadsheet and checks it again: the
	// sample shows the fixed row, not the one read first.
	fb.preview.Sample = [][]string{{"2026-11-10", "Acme Srl"}}
	fb.dryRun = views.ImportSummary{Rows: 1}
	test.Tap(sc.check)
	if got := cellText(sc.sample, 0, 0); got != "2026-11-10" {
		t.Errorf("sample after Check file: got %q, want the edited 2026-11-10", got)
	}
	if got, want := sc.summary.Text, "1 rows read, no problems. Import writes them all in one go."; got != want {
		t.Errorf("summary: got %q, want %q", got, want)
	}

	// A new column brings the mapping back instead of checking with a
	// mapping of the old header.
	fb.preview.Columns = []string{"date", "partner", "net"}
	fb.preview.Fields = append(fb.preview.Fields, views.ImportField{Key: "net", Label: "Net amount"})
	fb.dryRun = views.ImportSummary{Rows: 99}
	test.Tap(sc.check)
	if _, ok := sc.selects["net"]; !ok {
		t.Error("the new net column has no mapping choice after Check file")
	}
	if got, want := sc.summary.Text, "The file's columns have changed: check the mapping, then Check file again."; got != want {
		t.Errorf("summary: got %q, want %q", got, want)
	}
}

// cellText renders one cell of a text table.
func cellText(tb *widget.Table, row, col int) string {
	l := widget.NewLabel("")
	tb.UpdateCell(widget.TableCellID{Row: row, Col: col}, l)
	return l.Text
}
