package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"partnerdesk/app"
	"partnerdesk/app/demo"
	"partnerdesk/data"
	"partnerdesk/data/sheet"
	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

var (
	_ ExportService    = (*app.Service)(nil)
	_ StatementService = (*app.Service)(nil)
	_ InvoiceService   = (*app.Service)(nil)
)

// exportsCompany is the demo through June 2026, settled (Q2 computed,
// approved and paid), writing CSV in the semicolon style.
func exportsCompany(t *testing.T) *app.Service {
	t.Helper()
	st, err := data.Open(filepath.Join(t.TempDir(), "exports.db"), data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	now := engine.MustDate("2026-07-20").Time().Add(9 * time.Hour)
	svc := app.NewService(st, "tester", func() time.Time { return now })
	if err := svc.LoadDataset(demo.Generate(1, engine.MustDate("2026-06-30")), nil); err != nil {
		t.Fatal(err)
	}
	if err := svc.SettleDemo(engine.MustDate("2026-06-30"), nil); err != nil {
		t.Fatal(err)
	}
	co, err := svc.Company()
	if err != nil {
		t.Fatal(err)
	}
	co.CSVStyle = engine.CSVSemicolon
	if err := svc.SaveCompany(co); err != nil {
		t.Fatal(err)
	}
	return svc
}

// Issue #15/#16: the Exports screen saves what the export verb saves.
// Choosing a kind and a period, then Save, writes a CSV that starts with
// a byte-order mark, is separated by the company's style and holds as
// many rows as the app's ExportSheet; the preview says that count.
func TestExportsScreenSavesTheExport(t *testing.T) {
	svc := exportsCompany(t)
	w := newTestWindow(t)
	s := NewExportsScreen(w, svc)
	w.SetContent(s.Content())
	s.wait()
	dir := t.TempDir()
	for i, kind := range s.kinds {
		t.Run(kind, func(t *testing.T) {
			s.kind.SetSelectedIndex(i)
			s.period.SetText("2026-Q2")
			s.period.OnSubmitted(s.period.Text)
			s.wait()
			sh, err := svc.ExportSheet(kind, "2026-Q2")
			if err != nil {
				t.Fatal(err)
			}
			want := Tf("%d rows for %s", len(sh.Rows), "2026-Q2")
			if len(sh.Rows) == 0 {
				want = "Nothing for 2026-Q2"
			}
			if !strings.HasPrefix(s.summary.Text, want) {
				t.Errorf("summary %q: want %d rows", s.summary.Text, len(sh.Rows))
			}
			if len(s.preview.Rows) != min(len(sh.Rows), exportPreviewRows) || !strings.Contains(s.about.Text, "dated") && kind != "lines" {
				t.Errorf("preview shows %d rows, about %q", len(s.preview.Rows), s.about.Text)
			}
			path := filepath.Join(dir, kind+".csv")
			s.savePath = func(title, name, ext string, save func(string)) {
				if name != kind+"-2026-Q2.csv" || ext != ".csv" {
					t.Errorf("suggested %q %q", name, ext)
				}
				save(path)
			}
			s.saveBtn.OnTapped()
			s.wait()
			raw, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (status %q)", err, s.status.Text)
			}
			if !bytes.HasPrefix(raw, []byte("\ufeff")) {
				t.Errorf("%s.csv does not start with a byte-order mark", kind)
			}
			tab, err := sheet.Read(bytes.NewReader(raw), path)
			if err != nil {
				t.Fatal(err)
			}
			if tab.Comma != ';' || len(tab.Rows) != len(sh.Rows) || strings.Join(tab.Header, ",") != strings.Join(sh.Header, ",") {
				t.Errorf("%s.csv: separator %q, %d rows, header %v; want ';', %d rows, %v", kind, tab.Comma, len(tab.Rows), tab.Header, len(sh.Rows), sh.Header)
			}
			if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
				t.Errorf("%s: %v, want mode 0600", path, err)
			}
			if !strings.Contains(s.status.Text, path) {
				t.Errorf("status %q does not name %s", s.status.Text, path)
			}
		})
	}
	var nonEmpty int
	for _, kind := range s.kinds {
		if sh, _ := svc.ExportSheet(kind, "2026-Q2"); len(sh.Rows) > 0 {
			nonEmpty++
		}
	}
	if nonEmpty < 3 {
		t.Errorf("only %d kinds have rows in the settled demo's 2026-Q2: the test compares too little", nonEmpty)
	}
}

// XLSX is chosen with the format radio and saved as an .xlsx file.
func TestExportsScreenSavesXLSX(t *testing.T) {
	svc := exportsCompany(t)
	w := newTestWindow(t)
	s := NewExportsScreen(w, svc)
	s.kind.SetSelectedIndex(1) // payouts
	s.period.SetText("2026")
	s.format.SetSelected(exportXLSX)
	s.refresh()
	s.wait()
	path := filepath.Join(t.TempDir(), "payouts.xlsx")
	s.savePath = func(_, name, ext string, save func(string)) {
		if ext != ".xlsx" || !strings.HasSuffix(name, ".xlsx") {
			t.Errorf("suggested %q %q", name, ext)
		}
		save(path)
	}
	s.onSave()
	s.wait()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	tab, err := sheet.Read(bytes.NewReader(raw), path)
	if err != nil {
		t.Fatal(err)
	}
	sh, _ := svc.ExportSheet("payouts", "2026")
	if !bytes.HasPrefix(raw, []byte("PK")) || len(tab.Rows) != len(sh.Rows) || len(sh.Rows) == 0 {
		t.Errorf("payouts.xlsx: %d rows, want %d (and some)", len(tab.Rows), len(sh.Rows))
	}
}

// A period that does not parse is refused with its reason beside the
// field, nothing is previewed and Save is off.
func TestExportsScreenRefusesABadPeriod(t *testing.T) {
	svc := exportsCompany(t)
	w := newTestWindow(t)
	s := NewExportsScreen(w, svc)
	s.wait()
	for _, bad := range []string{"2026-13", "2026-Q5", "last quarter"} {
		s.period.SetText(bad)
		s.period.OnSubmitted(bad)
		s.wait()
		if !s.problem.Visible() || !strings.Contains(s.problem.Text, "period") || s.problem.Text == "" {
			t.Errorf("%q: problem %q (shown %v), want the reason", bad, s.problem.Text, s.problem.Visible())
		}
		if !s.saveBtn.Disabled() || len(s.preview.Rows) != 0 {
			t.Errorf("%q: Save is on or a preview shows", bad)
		}
	}
	s.period.SetText("2026-Q2")
	s.period.OnSubmitted("2026-Q2")
	s.wait()
	if s.problem.Visible() || s.saveBtn.Disabled() {
		t.Errorf("a good period still shows %q", s.problem.Text)
	}
}

// The typed path of the save dialog is handed over as a path (the app
// writes it atomically), the suggested name added to a folder.
func TestPathSaveHandsOverThePath(t *testing.T) {
	w := newTestWindow(t)
	dir := t.TempDir()
	var got string
	d := newPathSave(w, folderExports, "Save", "journal-2026-Q2.csv", []string{".csv"}, func(p string) { got = p })
	d.Show()
	d.entry.SetText(dir)
	d.submit()
	if want := filepath.Join(dir, "journal-2026-Q2.csv"); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if _, err := os.Stat(got); !os.IsNotExist(err) {
		t.Errorf("the dialog created %s itself (%v): only the app writes it", got, err)
	}
}

// The statements screen saves through the app's use case too: the file
// holds what WriteStatement writes (the export statement verb's bytes),
// mode 0600, and the status names the whole path.
func TestStatementsScreenSavesThroughTheApp(t *testing.T) {
	svc := exportsCompany(t)
	w := newTestWindow(t)
	s := NewStatementsScreen(w, svc)
	s.wait()
	s.period.SetText("2026-Q2")
	payees, err := svc.PayeesWithLines("2026-Q2")
	if err != nil || len(payees) == 0 {
		t.Fatalf("payees with lines: %v %v", payees, err)
	}
	s.chosen = &views.PayeeRef{Payee: payees[0], Name: "first"}
	path := filepath.Join(t.TempDir(), "statement.csv")
	s.savePath = func(_, name, ext string, save func(string)) {
		if ext != ".csv" || !strings.HasSuffix(name, ".csv") {
			t.Errorf("suggested %q %q", name, ext)
		}
		save(path)
	}
	s.onSave(FormatCSV)
	s.wait()
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	if err := svc.WriteStatement(payees[0], "2026-Q2", "csv", &want); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want.Bytes()) || len(got) == 0 {
		t.Errorf("saved %d bytes, the use case writes %d", len(got), want.Len())
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("%s: %v, want mode 0600", path, err)
	}
}

// An invoice's save dialog hands the typed path to the app's SaveInvoice
// (atomic, mode 0600) and says the number and the whole path.
func TestInvoiceSaveHandsThePathToTheApp(t *testing.T) {
	w := newTestWindow(t)
	f := &invoicesFake{}
	docs, _ := f.PayoutDocs(views.PayoutDocFilter{})
	if d := saveInvoiceDialog(w, f, docs[1], "", func(string) { t.Error("a rep's payout was saved") }); d != nil {
		t.Error("a rep's payout offers a save dialog")
	}
	msgs := make(chan string, 1)
	d := saveInvoiceDialog(w, f, docs[0], "it", func(m string) { msgs <- m })
	path := filepath.Join(t.TempDir(), "sb.pdf")
	d.entry.SetText(path)
	d.submit()
	select {
	case m := <-msgs:
		if !strings.Contains(m, "SB-2026-00015") || !strings.Contains(m, path) {
			t.Errorf("message %q", m)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the invoice was not saved")
	}
	if b, err := os.ReadFile(path); err != nil || string(b) != "%PDF-1.4" || len(f.written) != 1 || f.written[0] != "7/it" {
		t.Errorf("file %q %v, written %v", b, err, f.written)
	}
}
