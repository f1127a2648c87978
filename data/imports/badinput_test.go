package imports_test

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"partnerdesk/data/imports"
	"partnerdesk/data/sheet"
	"partnerdesk/engine"
)

// TestBadInputCorpus imports every file of testdata/bad as sales into the
// fixture's EUR company. Each NAME.csv has a NAME.want beside it: either
// "error: " and a part of the first error (line, column and reason), or
// "rows: N" for a file that must be read right.
func TestBadInputCorpus(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "bad", "*.csv"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus: %v", err)
	}
	for _, path := range files {
		name := strings.TrimSuffix(filepath.Base(path), ".csv")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			wantB, err := os.ReadFile(strings.TrimSuffix(path, ".csv") + ".want")
			if err != nil {
				t.Fatal(err)
			}
			want := strings.TrimSpace(string(wantB))
			got := importText(data, sheet.Read)
			// A streamed read finds the same.
			if streamed := importText(data, sheet.Stream); streamed != got {
				t.Errorf("streamed: %s\nread whole: %s", streamed, got)
			}
			if wantErr, ok := strings.CutPrefix(want, "error: "); ok {
				if !strings.HasPrefix(got, "error: ") || !strings.Contains(got, wantErr) {
					t.Fatalf("got %s\nwant an error with %s", got, wantErr)
				}
				return
			}
			if got != want {
				t.Fatalf("got %s, want %s", got, want)
			}
		})
	}
}

// importText reads and converts data as sales: "rows: N" or "error: " and
// the first problem.
func importText(data []byte, read func(io.Reader, string) (*sheet.Table, error)) string {
	tab, err := read(bytes.NewReader(data), "corpus.csv")
	if err != nil {
		return "error: " + strings.TrimPrefix(err.Error(), "read corpus.csv: ")
	}
	b, errs := imports.Convert(imports.Sales, tab, imports.Mapping{}, fixture())
	if len(errs) > 0 {
		return "error: " + errs[0].Error()
	}
	return "rows: " + strconv.Itoa(len(b.Sales))
}

// TestConvertReadsXLSX1904Dates: a workbook in the 1904 date system was
// imported four years and a day early.
func TestConvertReadsXLSX1904Dates(t *testing.T) {
	f := excelize.NewFile()
	sh := f.GetSheetName(0)
	yes := true
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &yes}))
	style, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	must(err)
	must(f.SetSheetRow(sh, "A1", &[]any{"date", "partner", "customer", "product", "quantity", "unit_price", "invoice", "line"}))
	must(f.SetSheetRow(sh, "A2", &[]any{time.Date(2026, 7, 31, 0, 0, 0, 0, time.UTC), "Acme Srl", "Rossi", "CLOUD-PRO", 2, 49.5, "F-1", 1}))
	must(f.SetCellStyle(sh, "A2", "A2", style))
	var buf bytes.Buffer
	_, err = f.WriteTo(&buf)
	must(err)
	tab, err := sheet.Read(&buf, "mac.xlsx")
	must(err)
	b, errs := imports.Convert(imports.Sales, tab, imports.Mapping{}, fixture())
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if got := b.Sales[0].Date; got != engine.MustDate("2026-07-31") {
		t.Errorf("date = %s, want 2026-07-31", got)
	}
}

// TestConvertRefusesEveryValueBeyondTheHeader names each dropped value.
func TestConvertRefusesEveryValueBeyondTheHeader(t *testing.T) {
	data := "date,partner,customer,product,quantity,unit_price,invoice,line,\n" +
		"2026-07-03,Acme Srl,Rossi,CLOUD-PRO,2,49.50,F-1,1,,\n" + // blank cells beyond: fine
		"2026-07-03,Acme Srl,Rossi,CLOUD-PRO,2,49.50,F-1,2,note\n" + // under the empty header
		"2026-07-03,Acme Srl,Rossi,CLOUD-PRO,2,49.50,F-1,3,,x\n"
	_, errs := imports.Convert(imports.Sales, read(t, data), imports.Mapping{}, fixture())
	var got []string
	for _, e := range errs {
		got = append(got, e.Error())
	}
	want := []string{
		`line 3, column 9: the value "note" is in a column with no header; name the column in the header or remove the value`,
		`line 4, column 10: the value "x" is in a column with no header; name the column in the header or remove the value`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
