package sheet_test

import (
	"archive/zip"
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"partnerdesk/data/sheet"
)

func mustRead(tb testing.TB, data string) *sheet.Table {
	tb.Helper()
	t, err := sheet.Read(strings.NewReader(data), "test.csv")
	if err != nil {
		tb.Fatalf("Read: %v", err)
	}
	return t
}

func TestReadCSVDialects(t *testing.T) {
	tests := []struct {
		name      string
		data      string
		wantComma rune
		wantRows  [][]string
		wantLines []int
	}{
		{
			name:      "comma LF",
			data:      "a,b\n1,2\n3,4\n",
			wantComma: ',',
			wantRows:  [][]string{{"1", "2"}, {"3", "4"}},
			wantLines: []int{2, 3},
		},
		{
			name:      "semicolon CRLF BOM as Italian Excel writes it",
			data:      "\ufeffdata;importo\r\n31/07/2026;1.234,56\r\n01/08/2026;-7,5\r\n",
			wantComma: ';',
			wantRows:  [][]string{{"31/07/2026", "1.234,56"}, {"01/08/2026", "-7,5"}},
			wantLines: []int{2, 3},
		},
		{
			name:      "tab separated",
			data:      "a\tb\n1\t2\n",
			wantComma: '\t',
			wantRows:  [][]string{{"1", "2"}},
			wantLines: []int{2},
		},
		{
			// The record on line 2 spans two lines, so the next one starts on line 4.
			name:      "quoted newline and separator",
			data:      "name;note\n\"Rossi; Figli\";\"first\nsecond\"\nBeta;x\n",
			wantComma: ';',
			wantRows:  [][]string{{"Rossi; Figli", "first\nsecond"}, {"Beta", "x"}},
			wantLines: []int{2, 4},
		},
		{
			// CRLF inside a quoted field is one line break; the next record is on line 4.
			name:      "quoted CRLF",
			data:      "a,b\r\n\"x\r\ny\",1\r\nz,2\r\n",
			wantComma: ',',
			wantRows:  [][]string{{"x\ny", "1"}, {"z", "2"}},
			wantLines: []int{2, 4},
		},
		{
			name:      "separator in the header's quotes does not count",
			data:      "\"a;b\",c\n1,2\n",
			wantComma: ',',
			wantRows:  [][]string{{"1", "2"}},
			wantLines: []int{2},
		},
		{
			// Blank lines are skipped but still counted.
			name:      "blank lines",
			data:      "a,b\n\n1,2\n,\n3,4",
			wantComma: ',',
			wantRows:  [][]string{{"1", "2"}, {"3", "4"}},
			wantLines: []int{3, 5},
		},
		{
			name:      "Excel sep= line",
			data:      "sep=;\r\na;b\r\n1,5;2\r\n",
			wantComma: ';',
			wantRows:  [][]string{{"1,5", "2"}},
			wantLines: []int{3},
		},
		{
			name:      "UTF-16 LE with BOM as Excel's Unicode text",
			data:      utf16le("a\tb\r\nCafé\t2\r\n"),
			wantComma: '\t',
			wantRows:  [][]string{{"Café", "2"}},
			wantLines: []int{2},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := mustRead(t, tt.data)
			if got.Comma != tt.wantComma {
				t.Errorf("Comma = %q, want %q", got.Comma, tt.wantComma)
			}
			if len(got.Rows) != len(tt.wantRows) {
				t.Fatalf("got %d rows %v, want %d", len(got.Rows), got.Rows, len(tt.wantRows))
			}
			for i, r := range got.Rows {
				if strings.Join(r.Cells, "|") != strings.Join(tt.wantRows[i], "|") {
					t.Errorf("row %d = %q, want %q", i, r.Cells, tt.wantRows[i])
				}
				if r.Line != tt.wantLines[i] {
					t.Errorf("row %d line = %d, want %d", i, r.Line, tt.wantLines[i])
				}
			}
		})
	}
}

func utf16le(s string) string {
	var b bytes.Buffer
	b.Write([]byte{0xFF, 0xFE})
	for _, r := range s {
		// The test text is in the Basic Multilingual Plane.
		b.WriteByte(byte(r))
		b.WriteByte(byte(r >> 8))
	}
	return b.String()
}

func TestReadRefusesJunk(t *testing.T) {
	tests := []struct {
		name     string
		data     string
		want     error
		wantText string
	}{
		{"Latin-1 on line 3", "a,b\nx,y\ncaf\xe9,1\n", sheet.ErrEncoding, "line 3"},
		{"binary NUL", "a,b\n\x00\x01\x02", sheet.ErrEncoding, "line 2"},
		{"empty", "", sheet.ErrEmpty, ""},
		{"only blank lines", "\n\n,,\n", sheet.ErrEmpty, ""},
		{"broken zip", "PK\x03\x04garbage", nil, "XLSX"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := sheet.Read(strings.NewReader(tt.data), "junk.csv")
			if err == nil {
				t.Fatal("Read succeeded, want an error")
			}
			if tt.want != nil && !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
			if !strings.Contains(err.Error(), tt.wantText) {
				t.Errorf("err = %v, want it to mention %q", err, tt.wantText)
			}
		})
	}
}

func TestReadHugeCell(t *testing.T) {
	// An 11 MB quoted cell is refused as too large, naming its line.
	data := "a,b\n\"" + strings.Repeat("x", 11<<20) + "\"\n"
	_, err := sheet.Read(strings.NewReader(data), "huge.csv")
	if !errors.Is(err, sheet.ErrTooLarge) || !strings.Contains(err.Error(), "line 2, column 1") {
		t.Errorf("err = %v, want ErrTooLarge on line 2 column 1", err)
	}
	// An 11 MB unterminated quote ends in an error naming where it starts,
	// not in a hang.
	data = "a,b\n\"" + strings.Repeat("x", 11<<20) + "\n"
	_, err = sheet.Read(strings.NewReader(data), "huge.csv")
	if err == nil || !strings.Contains(err.Error(), "line 2, column 1: the quote that opens the cell is never closed") {
		t.Errorf("err = %v, want an unterminated quote on line 2, column 1", err)
	}
}

func TestReadProgress(t *testing.T) {
	var b strings.Builder
	b.WriteString("a,b\n")
	for range 20000 {
		b.WriteString("12345,67890\n")
	}
	calls, last := 0, 0
	_, err := sheet.ReadProgress(strings.NewReader(b.String()), "p.csv", func(done, total int) {
		calls++
		if done < last || done > total {
			t.Errorf("progress %d/%d after %d", done, total, last)
		}
		last = done
	})
	if err != nil {
		t.Fatal(err)
	}
	// 240 KB in 64 KB steps reports a few times, ending at the total.
	if calls < 2 || last != b.Len() {
		t.Errorf("calls = %d, last = %d, want >= 2 calls ending at %d", calls, last, b.Len())
	}
}

func TestReadXLSXDatesAsSerials(t *testing.T) {
	f := excelize.NewFile()
	sh := f.GetSheetName(0)
	style, err := f.NewStyle(&excelize.Style{NumFmt: 14}) // m/d/yyyy: stored as a serial
	if err != nil {
		t.Fatal(err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetSheetRow(sh, "A1", &[]any{"date", "net", "customer"}))
	must(f.SetCellValue(sh, "A2", time.Date(2026, 7, 31, 0, 0, 0, 0, time.UTC)))
	must(f.SetCellStyle(sh, "A2", "A2", style))
	must(f.SetCellValue(sh, "B2", 1234.56))
	must(f.SetCellValue(sh, "C2", "Rossi"))
	// Row 3 left empty; row 4 has a float that is not exact in binary.
	must(f.SetCellValue(sh, "A4", 46235))
	must(f.SetCellValue(sh, "B4", 0.1+0.2))
	must(f.SetCellValue(sh, "C4", "=not a formula"))
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	tab, err := sheet.Read(&buf, "dates.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if tab.Format != "xlsx" || len(tab.Rows) != 2 {
		t.Fatalf("format %s, %d rows, want xlsx and 2", tab.Format, len(tab.Rows))
	}
	if tab.Rows[0].Line != 2 || tab.Rows[1].Line != 4 {
		t.Errorf("lines %d, %d, want the sheet rows 2 and 4", tab.Rows[0].Line, tab.Rows[1].Line)
	}
	// 2026-07-31 is serial 46234 (20665 days after 1970-01-01, plus 25569).
	d, err := sheet.ParseDate(tab.Rows[0].Cell(0), sheet.DMY)
	if err != nil || d.String() != "2026-07-31" {
		t.Errorf("date cell %q -> %s, %v; want 2026-07-31", tab.Rows[0].Cell(0), d, err)
	}
	if got := tab.Rows[0].Cell(1); got != "1234.56" {
		t.Errorf("net cell = %q, want 1234.56", got)
	}
	// 0.1+0.2 is stored as 0.30000000000000004; Excel shows 0.3.
	if got := tab.Rows[1].Cell(1); got != "0.3" {
		t.Errorf("float noise cell = %q, want 0.3", got)
	}
}

func TestReadRefusesZipBomb(t *testing.T) {
	// 64 MB of one byte compresses to about 64 KB: far beyond what a
	// workbook of that size unzips to.
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create("xl/worksheets/sheet1.xml")
	if err != nil {
		t.Fatal(err)
	}
	chunk := bytes.Repeat([]byte{' '}, 1<<20)
	for range 64 {
		w.Write(chunk)
	}
	zw.Close()
	start := time.Now()
	_, err = sheet.Read(&buf, "bomb.xlsx")
	if err == nil {
		t.Fatal("Read accepted a zip bomb")
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("refusing took %v", d)
	}
}
