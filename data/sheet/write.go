package sheet

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode"

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
// DDE command: it starts, after any spaces and any control or invisible
// format characters (NUL, other C0/C1 controls, a byte-order mark, a
// zero-width space, which a spreadsheet may drop before reading the cell),
// with =, +, -, @, a tab, a carriage return, a line feed, or the full-width
// ＝ ＋ － ＠ that some spreadsheets fold to their ASCII forms.
func NeedsEscape(s string) bool {
	for _, r := range s {
		switch {
		case r == '=' || r == '+' || r == '-' || r == '@' || r == '\t' || r == '\r' || r == '\n' ||
			r == '＝' || r == '＋' || r == '－' || r == '＠':
			return true
		case r == ' ' || r == '\u00a0' || r == '\u3000' || unicode.IsControl(r) || unicode.Is(unicode.Cf, r):
			continue
		}
		return false
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
	// Style is the company's CSV style (engine.CSVComma: comma and decimal
	// point; engine.CSVSemicolon: semicolon and decimal comma); when set it
	// decides Comma and DecimalComma.
	Style        string
	Comma        rune // ',' when zero
	DecimalComma bool // money and numbers with a decimal comma
	// NoBOM leaves out the byte-order mark, for a listing a script reads
	// on standard output; every file starts with one.
	NoBOM    bool
	Progress Progress
}

// WriteCSV is the one CSV writer of the app: every CSV Partnerdesk writes
// goes through it. A file starts with a UTF-8 byte-order mark (without it
// Excel reads UTF-8 as the local code page) and ends its records with
// CRLF. Money has exactly its places decimals and no grouping; dates are
// ISO 2026-07-31, which every spreadsheet reads in every locale. Text is
// escaped against formula injection (NeedsEscape) and quoted whenever it
// holds a comma or a semicolon, whichever the file uses, so that a file
// opened with the other separator still keeps each cell whole.
func WriteCSV(w io.Writer, header []string, rows [][]Cell, opt CSVOptions) error {
	switch opt.Style {
	case engine.CSVSemicolon:
		opt.Comma, opt.DecimalComma = ';', true
	case engine.CSVComma:
		opt.Comma, opt.DecimalComma = ',', false
	case "":
	default:
		return fmt.Errorf("write csv: %q is not a CSV style (comma or semicolon)", opt.Style)
	}
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
	if !opt.NoBOM {
		bw.Write(utf8BOM)
	}
	sep := string(opt.Comma)
	// Text is quoted when it holds either separator; a number or a date
	// never holds the file's own separator (a decimal comma is not one in
	// a semicolon file) and is written bare, so it stays a number.
	quoteText, quoteNumber := ",;\"\r\n", sep
	writeField := func(i int, s string, text bool) {
		if i > 0 {
			bw.WriteString(sep)
		}
		quoteIf := quoteNumber
		if text {
			quoteIf = quoteText
		}
		if s == "" || !strings.ContainsAny(s, quoteIf) && s[0] != ' ' && s[len(s)-1] != ' ' {
			bw.WriteString(s)
			return
		}
		bw.WriteByte('"')
		bw.WriteString(strings.ReplaceAll(s, `"`, `""`))
		bw.WriteByte('"')
	}
	for i, h := range header {
		writeField(i, EscapeText(h), true)
	}
	bw.WriteString("\r\n")
	for n, row := range rows {
		for i, c := range row {
			writeField(i, csvText(c, opt.DecimalComma), c.Kind == Text)
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
