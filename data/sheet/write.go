package sheet

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"partnerdesk/engine"
)

// CellKind says how a cell is written.
type CellKind int

// The cell kinds.
const (
	Text   CellKind = iota // escaped against formula injection
	Money                  // Dec with exactly Places decimals
	Number                 // Dec as it is (rates, quantities)
	Date                   // Date, ISO in CSV, a real date in XLSX
	Int                    // Dec as a whole number (points, ids, counts)
)

// Cell is one value to write.
type Cell struct {
	Kind   CellKind
	Text   string
	Dec    decimal.Decimal
	Places int32 // Money: the currency's minor units
	Date   engine.Date
}

// TextCell, MoneyCell, NumberCell, DateCell and IntCell build cells.
func TextCell(s string) Cell { return Cell{Kind: Text, Text: s} }

// MoneyCell is an amount shown with places decimals.
func MoneyCell(d decimal.Decimal, places int32) Cell {
	return Cell{Kind: Money, Dec: d, Places: places}
}

// NumberCell is a decimal written as it is.
func NumberCell(d decimal.Decimal) Cell { return Cell{Kind: Number, Dec: d} }

// DateCell is a day; the zero date writes an empty cell.
func DateCell(d engine.Date) Cell { return Cell{Kind: Date, Date: d} }

// IntCell is a whole number.
func IntCell(n int64) Cell { return Cell{Kind: Int, Dec: decimal.NewFromInt(n)} }

// NeedsEscape reports whether a spreadsheet could run s as a formula or a
// DDE command: it starts (after any spaces) with =, +, -, @, a tab, a
// carriage return, a line feed, or the full-width ＝ ＋ － ＠ that some
// spreadsheets fold to their ASCII forms.
func NeedsEscape(s string) bool {
	t := strings.TrimLeft(s, " \u00a0\u3000")
	if t == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t)
	switch r {
	case '=', '+', '-', '@', '\t', '\r', '\n', '＝', '＋', '－', '＠':
		return true
	}
	return false
}

// EscapeText prefixes text a spreadsheet would run with a single quote, the
// convention spreadsheets themselves use for "this is text".
func EscapeText(s string) string {
	if NeedsEscape(s) {
		return "'" + s
	}
	return s
}

// UnescapeText removes the quote EscapeText adds, so that a file exported by
// Partnerdesk imports back to the same text.
func UnescapeText(s string) string {
	if strings.HasPrefix(s, "'") && NeedsEscape(s[1:]) {
		return s[1:]
	}
	return s
}

// CSVOptions set the CSV dialect written.
type CSVOptions struct {
	Comma        rune // ',' when zero
	DecimalComma bool // money and numbers with a decimal comma
	BOM          bool // a UTF-8 BOM, which Excel needs to read UTF-8
	Progress     Progress
}

// WriteCSV writes header and rows as CSV with CRLF line ends. Money has
// exactly its places decimals and no grouping; dates are ISO 2026-07-31,
// which every spreadsheet reads in every locale.
func WriteCSV(w io.Writer, header []string, rows [][]Cell, opt CSVOptions) error {
	if opt.Comma == 0 {
		opt.Comma = ','
	}
	if opt.Comma == '"' || opt.Comma == '\r' || opt.Comma == '\n' || !validDelim(opt.Comma) {
		return fmt.Errorf("write csv: %q cannot separate columns", opt.Comma)
	}
	if opt.DecimalComma && opt.Comma == ',' {
		// Still correct (the cells are quoted) but Excel would not read it.
		opt.Comma = ';'
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	if opt.BOM {
		bw.Write(utf8BOM)
	}
	sep := string(opt.Comma)
	writeField := func(i int, s string) {
		if i > 0 {
			bw.WriteString(sep)
		}
		if s == "" || !strings.ContainsAny(s, sep+"\"\r\n") && s[0] != ' ' && s[len(s)-1] != ' ' {
			bw.WriteString(s)
			return
		}
		bw.WriteByte('"')
		bw.WriteString(strings.ReplaceAll(s, `"`, `""`))
		bw.WriteByte('"')
	}
	for i, h := range header {
		writeField(i, EscapeText(h))
	}
	bw.WriteString("\r\n")
	for n, row := range rows {
		for i, c := range row {
			writeField(i, csvText(c, opt.DecimalComma))
		}
		bw.WriteString("\r\n")
		if opt.Progress != nil && n%4096 == 0 {
			opt.Progress(n, len(rows))
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	if opt.Progress != nil {
		opt.Progress(len(rows), len(rows))
	}
	return nil
}

func csvText(c Cell, decimalComma bool) string {
	var s string
	switch c.Kind {
	case Text:
		return EscapeText(c.Text)
	case Money:
		s = c.Dec.StringFixed(c.Places)
	case Number:
		s = c.Dec.String()
	case Int:
		s = c.Dec.Truncate(0).String()
	case Date:
		return c.Date.String()
	default:
		return EscapeText(c.Text)
	}
	if decimalComma {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}
