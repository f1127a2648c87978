package sheet_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"partnerdesk/data/sheet"
	"partnerdesk/engine"
)

// Both company styles: a BOM first; comma with a decimal point, or
// semicolon with a decimal comma; text holding either separator quoted in
// both (so a file opened with the other separator keeps the cell whole);
// numbers bare; and the file reads back to the same cells.
func TestWriteCSVStyles(t *testing.T) {
	header := []string{"name", "amount", "date"}
	rows := [][]sheet.Cell{
		{sheet.TextCell("ACME;=1+1"), sheet.MoneyCell(decimal.RequireFromString("-1234.5"), 2), sheet.DateCell(engine.MustDate("2026-03-31"))},
		{sheet.TextCell("Smith, Jones"), sheet.MoneyCell(decimal.RequireFromString("0.1"), 2), sheet.DateCell(0)},
	}
	for style, want := range map[string]string{
		engine.CSVComma:     "\ufeffname,amount,date\r\n\"ACME;=1+1\",-1234.50,2026-03-31\r\n\"Smith, Jones\",0.10,\r\n",
		engine.CSVSemicolon: "\ufeffname;amount;date\r\n\"ACME;=1+1\";-1234,50;2026-03-31\r\n\"Smith, Jones\";0,10;\r\n",
	} {
		var buf bytes.Buffer
		if err := sheet.WriteCSV(&buf, header, rows, sheet.CSVOptions{Style: style}); err != nil {
			t.Fatal(err)
		}
		if got := buf.String(); got != want {
			t.Errorf("%s: got %q, want %q", style, got, want)
		}
		tab, err := sheet.Read(bytes.NewReader(buf.Bytes()), "x.csv")
		if err != nil {
			t.Fatal(err)
		}
		if len(tab.Rows) != 2 || tab.Rows[0].Cell(0) != "ACME;=1+1" || tab.Rows[1].Cell(0) != "Smith, Jones" {
			t.Errorf("%s: read back %+v", style, tab.Rows)
		}
		dc := style == engine.CSVSemicolon
		if d, err := sheet.ParseAmountIn(tab.Rows[0].Cell(1), dc); err != nil || !d.Equal(decimal.RequireFromString("-1234.5")) {
			t.Errorf("%s: amount read back %v %v", style, d, err)
		}
	}
	if err := sheet.WriteCSV(&bytes.Buffer{}, header, rows, sheet.CSVOptions{Style: "tab"}); err == nil {
		t.Error("an unknown style is written")
	}
}

// A trigger hidden behind NUL, another control character or an invisible
// format character is still a trigger: the cell is prefixed, in CSV and
// in XLSX; a name that merely contains such a character is not.
func TestInjectionBehindControlCharacters(t *testing.T) {
	for _, s := range []string{"\x00=1+1", "\x01@SUM(A1)", "\x1f-2", "\u0085+3", "\ufeff=HYPERLINK(1)", "\u200b=1", " \x00 =1", "\x00\t1", "\u007f=1"} {
		if !sheet.NeedsEscape(s) {
			t.Errorf("NeedsEscape(%q) = false", s)
		}
		var buf bytes.Buffer
		if err := sheet.WriteCSV(&buf, []string{"n"}, [][]sheet.Cell{{sheet.TextCell(s)}}, sheet.CSVOptions{}); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(buf.String(), "'"+s) {
			t.Errorf("%q written as %q, want it prefixed", s, buf.String())
		}
		if got := sheet.UnescapeText(sheet.EscapeText(s)); got != s {
			t.Errorf("round trip of %q gives %q", s, got)
		}
	}
	for _, s := range []string{"\x00ACME", "AC\x00=ME", "", "\x00", "Müller-Lüdenscheid"} {
		if sheet.NeedsEscape(s) {
			t.Errorf("NeedsEscape(%q) = true", s)
		}
	}
}
