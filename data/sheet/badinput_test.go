package sheet_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"partnerdesk/data/sheet"
	"partnerdesk/engine"
)

// TestParseMoney: an amount may carry the company's own currency, never
// another: "99.00 USD" in a EUR company was read as 99 EUR.
func TestParseMoney(t *testing.T) {
	tests := []struct {
		in, home string
		want     string // the amount, or "" for an error
		reason   string // a part of the error
	}{
		{"€ 1.234,56", "EUR", "1234.56", ""},
		{"1.234,56 €", "EUR", "1234.56", ""},
		{"(€ 1.234,56)", "EUR", "-1234.56", ""},
		{"EUR 99", "EUR", "99", ""},
		{"99.00 USD", "USD", "99", ""},
		{"-$5.00", "USD", "-5", ""},
		{"$5.00", "AUD", "5", ""}, // an Australian file writes its dollars with $
		{"Rp 1.500.000", "IDR", "1500000", ""},
		{"1500", "IDR", "1500", ""},
		{"99.00 USD", "EUR", "", `"99.00 USD" is not an amount in EUR, the company's currency: it is marked "USD"; convert it to EUR first`},
		{"$1.00", "EUR", "", `it is marked "$"`},
		{"Rp 1.500.000", "EUR", "", `it is marked "Rp"`},
		{"US$ 5", "AUD", "", `it is marked "US$"`},
		{"€ 5 USD", "EUR", "", `it is marked "USD"`}, // two currencies: one is foreign
		{"£5", "", "", `it carries the currency "£"; write the number alone`},
	}
	for _, tt := range tests {
		t.Run(tt.in+"/"+tt.home, func(t *testing.T) {
			got, err := sheet.ParseMoneyIn(tt.in, false, tt.home)
			if tt.want == "" {
				if err == nil || !strings.Contains(err.Error(), tt.reason) {
					t.Fatalf("ParseMoneyIn(%q, %s) = %s, %v; want an error with %q", tt.in, tt.home, got, err, tt.reason)
				}
				return
			}
			if err != nil || got.String() != tt.want {
				t.Fatalf("ParseMoneyIn(%q, %s) = %s, %v; want %s", tt.in, tt.home, got, err, tt.want)
			}
		})
	}
}

// TestParseDateRefusesTwoDigitYears: "02/12/30" was read as 1930-12-02.
func TestParseDateRefusesTwoDigitYears(t *testing.T) {
	_, err := sheet.ParseDate("02/12/30", sheet.DMY)
	want := `"02/12/30" is not a date: the year "30" has two digits; write it with four (1930 or 2030)`
	if err == nil || err.Error() != want {
		t.Fatalf("err = %v, want %s", err, want)
	}
}

// TestParseDate1904 reads serials of the 1904 date system: serial 0 is
// 1904-01-01, and 2026-07-31 is 46234 - 1462 = 44772.
func TestParseDate1904(t *testing.T) {
	for in, want := range map[string]string{"44772": "2026-07-31", "0": "1904-01-01", "44772.5": "2026-07-31"} {
		got, err := sheet.ParseDateIn(in, sheet.DMY, true)
		if err != nil || got.String() != want {
			t.Errorf("ParseDateIn(%q, 1904) = %s, %v; want %s", in, got, err, want)
		}
	}
	// The same serial in the 1900 system is four years and a day later.
	if got, err := sheet.ParseDateIn("44772", sheet.DMY, false); err != nil || got.String() != "2022-07-30" {
		t.Errorf("ParseDateIn(44772, 1900) = %s, %v; want 2022-07-30", got, err)
	}
}

// TestReadXLSX1904 reads the workbook's date system: a 1904 workbook's
// dates were read four years and a day early.
func TestReadXLSX1904(t *testing.T) {
	for _, date1904 := range []bool{false, true} {
		f := excelize.NewFile()
		sh := f.GetSheetName(0)
		if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &date1904}); err != nil {
			t.Fatal(err)
		}
		style, err := f.NewStyle(&excelize.Style{NumFmt: 14})
		if err != nil {
			t.Fatal(err)
		}
		if err := f.SetSheetRow(sh, "A1", &[]any{"date", "net"}); err != nil {
			t.Fatal(err)
		}
		// excelize writes the serial of the workbook's own date system.
		if err := f.SetCellValue(sh, "A2", time.Date(2026, 7, 31, 0, 0, 0, 0, time.UTC)); err != nil {
			t.Fatal(err)
		}
		if err := f.SetCellStyle(sh, "A2", "A2", style); err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if _, err := f.WriteTo(&buf); err != nil {
			t.Fatal(err)
		}
		tab, err := sheet.Read(&buf, "dates.xlsx")
		if err != nil {
			t.Fatal(err)
		}
		if tab.Date1904 != date1904 {
			t.Errorf("Date1904 = %v, want %v", tab.Date1904, date1904)
		}
		d, err := sheet.ParseDateIn(tab.Rows[0].Cell(0), sheet.DMY, tab.Date1904)
		if err != nil || d != engine.MustDate("2026-07-31") {
			t.Errorf("1904 system %v: cell %q -> %s, %v; want 2026-07-31", date1904, tab.Rows[0].Cell(0), d, err)
		}
	}
}

// TestReadCSVCarriageReturns: a file with bare-CR line ends was one line,
// a header and no rows.
func TestReadCSVCarriageReturns(t *testing.T) {
	tests := []struct {
		name, data string
		cells      [][]string
		lines      []int
	}{
		{"CR only", "date;net\r2026-07-01;5\r2026-07-02;6\r", [][]string{{"2026-07-01", "5"}, {"2026-07-02", "6"}}, []int{2, 3}},
		{"CR only, quoted CR", "a,b\r\"x\ry\",1\r2,3", [][]string{{"x\ny", "1"}, {"2", "3"}}, []int{2, 4}},
		{"mixed", "a,b\n1,2\r3,4\r\n5,6\n", [][]string{{"1", "2"}, {"3", "4"}, {"5", "6"}}, []int{2, 3, 4}},
		{"CR inside quotes of an LF file", "a,b\n\"x\ry\",1\n", [][]string{{"x\ry", "1"}}, []int{2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tab := mustRead(t, tt.data)
			if len(tab.Rows) != len(tt.cells) {
				t.Fatalf("%d rows %v, want %d", len(tab.Rows), tab.Rows, len(tt.cells))
			}
			for i, r := range tab.Rows {
				if strings.Join(r.Cells, "|") != strings.Join(tt.cells[i], "|") || r.Line != tt.lines[i] {
					t.Errorf("row %d = line %d %q, want line %d %q", i, r.Line, r.Cells, tt.lines[i], tt.cells[i])
				}
			}
		})
	}
}

// TestReadCSVRefusesStrayQuotes: `"a "word"` was stored as `a "word`.
func TestReadCSVRefusesStrayQuotes(t *testing.T) {
	tests := []struct{ data, want string }{
		{"a,b,c\n1,\"a \"word\",3\n", `line 2, column 2: a quoted cell must end with a quote, and a quote inside it must be doubled ("")`},
		{"a;b;c\n1;2;5\" screen\n", `line 2, column 3: a quote in a cell that does not start with one`},
		{"sep=;\na;b\n\"x\ny\";\"bad\"x\n", `line 4, column 2: a quoted cell must end with a quote`},
		{"a,b\n1,\"never closed\n2,3\n", `line 2, column 2: the quote that opens the cell is never closed`},
		{"a,b\n\"é\",\"x\"y\n", `line 2, column 2: a quoted cell must end with a quote`},
	}
	for _, tt := range tests {
		_, err := sheet.Read(strings.NewReader(tt.data), "q.csv")
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Read(%q) = %v, want %s", tt.data, err, tt.want)
		}
	}
	// A space after the separator does not make a quoted cell a stray quote.
	tab := mustRead(t, "a; b; c\n1; \"x;y\"; \"say \"\"hi\"\"\"\n")
	if got := strings.Join(tab.Rows[0].Cells, "|"); got != `1|x;y|say "hi"` {
		t.Errorf("cells = %q, want 1|x;y|say \"hi\"", got)
	}
	// In a tab-separated file empty cells stay.
	tab = mustRead(t, "a\tb\tc\n1\t\t3\n")
	if got := strings.Join(tab.Rows[0].Cells, "|"); got != "1||3" {
		t.Errorf("cells = %q, want 1||3", got)
	}
	// Doubled quotes are fine.
	tab = mustRead(t, "a,b\n\"a \"\"word\"\"\",2\n")
	if got := tab.Rows[0].Cell(0); got != `a "word"` {
		t.Errorf("cell = %q, want a \"word\"", got)
	}
}
