package sheet

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// MaxFileSize is the largest file Read accepts. A month of sales from an ERP
// is a few megabytes; the limit keeps a wrong file from exhausting memory.
const MaxFileSize = 256 << 20

// MaxCellSize is the largest single cell Read accepts, in bytes.
const MaxCellSize = 10 << 20

// Errors Read returns; test them with errors.Is.
var (
	// ErrTooLarge: the file or one of its cells is over the limit.
	ErrTooLarge = errors.New("file too large")
	// ErrEncoding: the file is not UTF-8 (or UTF-16 with a BOM) text.
	ErrEncoding = errors.New("not UTF-8 text")
	// ErrEmpty: the file has no header row.
	ErrEmpty = errors.New("file is empty")
)

// Progress is told how much of a job is done; total is -1 when unknown.
// Readers count bytes, writers count rows.
type Progress func(done, total int)

// Row is one record of a file with the line it starts on: the physical line
// in a CSV file (counting newlines inside quoted fields), the row number in
// a spreadsheet.
type Row struct {
	Line  int
	Cells []string
}

// Cell returns cell i, or "" when the row is shorter.
func (r Row) Cell(i int) string {
	if i < 0 || i >= len(r.Cells) {
		return ""
	}
	return r.Cells[i]
}

// Table is a file's header and data rows. Blank rows are left out.
type Table struct {
	Format     string // "csv" or "xlsx"
	Comma      rune   // the CSV separator found; 0 for XLSX
	Sheet      string // the XLSX sheet read
	HeaderLine int
	Header     []string
	Rows       []Row
	// Date1904 is true for a workbook whose date serials count from
	// 1904-01-01 (read them with ParseDateIn).
	Date1904 bool
	src      *csvSource // a streamed CSV file's text; nil when Rows holds the rows
}

// Column returns the index of the header cell equal to name (ignoring case
// and surrounding spaces), or -1.
func (t *Table) Column(name string) int {
	for i, h := range t.Header {
		if strings.EqualFold(strings.TrimSpace(h), strings.TrimSpace(name)) {
			return i
		}
	}
	return -1
}

// Read reads a CSV or XLSX file; name is used in error messages only. XLSX is
// recognised by its zip signature, anything else is read as CSV.
func Read(r io.Reader, name string) (*Table, error) {
	return ReadProgress(r, name, nil)
}

// ReadProgress is Read that reports the bytes parsed to progress.
func ReadProgress(r io.Reader, name string, progress Progress) (*Table, error) {
	data, err := readAll(r, MaxFileSize+1)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("read %s: %w: over %d MB", name, ErrTooLarge, MaxFileSize>>20)
	}
	var t *Table
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		t, err = readXLSX(data, progress)
	} else {
		t, err = readCSV(data, progress)
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	return t, nil
}

// readAll reads at most limit bytes of r. When r is a file it reads into
// one buffer of the file's size: io.ReadAll grows its buffer by doubling,
// which holds up to three times a large file at once.
func readAll(r io.Reader, limit int64) ([]byte, error) {
	size := int64(512)
	if st, ok := r.(interface{ Stat() (fs.FileInfo, error) }); ok {
		if fi, err := st.Stat(); err == nil && fi.Mode().IsRegular() {
			size = min(fi.Size(), limit) + 1 // +1 to see the end
		}
	}
	data := make([]byte, 0, size)
	lr := io.LimitReader(r, limit)
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := lr.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// decodeText turns the file into UTF-8 without a BOM, or says which line
// is not text.
func decodeText(data []byte) ([]byte, error) {
	switch {
	case bytes.HasPrefix(data, utf8BOM):
		data = data[3:]
	case len(data) >= 2 && (data[0] == 0xFF && data[1] == 0xFE || data[0] == 0xFE && data[1] == 0xFF):
		// Excel's "Unicode text" is UTF-16 with a BOM.
		be := data[0] == 0xFE
		body := data[2:]
		if len(body)%2 != 0 {
			return nil, fmt.Errorf("%w: UTF-16 file with an odd number of bytes", ErrEncoding)
		}
		u := make([]uint16, len(body)/2)
		for i := range u {
			if be {
				u[i] = uint16(body[2*i])<<8 | uint16(body[2*i+1])
			} else {
				u[i] = uint16(body[2*i+1])<<8 | uint16(body[2*i])
			}
		}
		data = []byte(string(utf16.Decode(u)))
	}
	if !utf8.Valid(data) {
		line := 1
		for i := 0; i < len(data); {
			r, n := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && n <= 1 {
				return nil, fmt.Errorf("%w: line %d has bytes that are not UTF-8 (save the file as \"CSV UTF-8\")", ErrEncoding, line)
			}
			if r == '\n' {
				line++
			}
			i += n
		}
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		line := 1 + bytes.Count(data[:i], []byte{'\n'})
		return nil, fmt.Errorf("%w: line %d holds a NUL byte; this is not a text file", ErrEncoding, line)
	}
	return data, nil
}

// DetectSeparator returns the separator of the first line, counted outside
// quotes: semicolon, tab or comma (the default).
func DetectSeparator(data []byte) rune {
	var comma, semi, tab int
	inQuote := false
loop:
	for _, b := range data {
		switch b {
		case '"':
			inQuote = !inQuote
		case '\n':
			if !inQuote {
				break loop
			}
		case ',':
			if !inQuote {
				comma++
			}
		case ';':
			if !inQuote {
				semi++
			}
		case '\t':
			if !inQuote {
				tab++
			}
		}
	}
	switch {
	case semi > comma && semi >= tab:
		return ';'
	case tab > comma && tab > semi:
		return '\t'
	}
	return ','
}

func readCSV(data []byte, progress Progress) (*Table, error) {
	src, err := prepareCSV(data)
	if err != nil {
		return nil, err
	}
	t := &Table{Format: "csv", Comma: src.comma}
	err = src.scan(progress, func(line int, rec []string) error {
		if t.Header == nil {
			t.HeaderLine = line
			t.Header = trimAll(rec)
		} else {
			t.Rows = append(t.Rows, Row{Line: line, Cells: ownCells(rec)})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if t.Header == nil {
		return nil, ErrEmpty
	}
	return t, nil
}

// csvSource is a CSV file's text, ready to be read record by record.
type csvSource struct {
	text      string // UTF-8, without BOM or "sep=" line, CR line ends read
	comma     rune
	firstLine int // the line data starts on
	rows      int // data rows, counted by the first whole Each; -1 before
}

func prepareCSV(data []byte) (*csvSource, error) {
	data, err := decodeText(data)
	if err != nil {
		return nil, err
	}
	data = crLineEnds(data)
	firstLine := 1
	var comma rune
	// Excel honours a first line "sep=;" naming the separator.
	if len(data) >= 5 && strings.EqualFold(string(data[:4]), "sep=") {
		if r, n := utf8.DecodeRune(data[4:]); r != utf8.RuneError && r != '\r' && r != '\n' {
			rest := data[4+n:]
			if bytes.HasPrefix(rest, []byte("\r\n")) || bytes.HasPrefix(rest, []byte("\n")) || len(rest) == 0 {
				comma = r
				if i := bytes.IndexByte(rest, '\n'); i >= 0 {
					data = rest[i+1:]
				} else {
					data = nil
				}
				firstLine = 2
			}
		}
	}
	if comma == 0 {
		comma = DetectSeparator(data)
	}
	if comma == '"' || comma == '\r' || comma == '\n' || !validDelim(comma) {
		return nil, fmt.Errorf("line 1: %q cannot separate columns", comma)
	}
	// The text is a view of data, not a copy of a file of up to 256 MB:
	// data is this package's own buffer (readAll's, or the copy
	// decodeText or crLineEnds made) and nothing writes to it after.
	text := unsafe.String(unsafe.SliceData(data), len(data))
	return &csvSource{text: text, comma: comma, firstLine: firstLine, rows: -1}, nil
}

// errStop ends a scan early.
var errStop = errors.New("stop")

// LineError is a problem of the file itself (not of a value) at a line
// and a column, the cell's number counted from 1.
type LineError struct {
	Line, Column int
	Reason       string
	Err          error // ErrTooLarge for a cell over MaxCellSize, else nil
}

func (e *LineError) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("line %d, column %d: %v: %s", e.Line, e.Column, e.Err, e.Reason)
	}
	return fmt.Sprintf("line %d, column %d: %s", e.Line, e.Column, e.Reason)
}

func (e *LineError) Unwrap() error { return e.Err }

// Stream is Read for files too large to hold cell by cell: the Table has
// the header, and Each reads a CSV file's rows from its text each time it
// is called, so that memory holds the text once rather than the text,
// every cell and every row. Rows is nil for a streamed CSV file. A
// problem of a later line (a stray quote) is returned by Each. An XLSX
// workbook is read as Read reads it (its rows are kept).
func Stream(r io.Reader, name string) (*Table, error) {
	data, err := readAll(r, MaxFileSize+1)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("read %s: %w: over %d MB", name, ErrTooLarge, MaxFileSize>>20)
	}
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		t, err := readXLSX(data, nil)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", name, err)
		}
		return t, nil
	}
	src, err := prepareCSV(data)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	t := &Table{Format: "csv", Comma: src.comma, src: src}
	err = src.scan(nil, func(line int, rec []string) error {
		t.HeaderLine = line
		t.Header = trimAll(rec)
		return errStop
	})
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if t.Header == nil {
		return nil, fmt.Errorf("read %s: %w", name, ErrEmpty)
	}
	return t, nil
}

// Each calls fn with every data row in order, and stops at fn's first
// error or at a problem of the file (a *LineError), which it returns.
func (t *Table) Each(fn func(Row) error) error {
	if t.src == nil {
		for _, r := range t.Rows {
			if err := fn(r); err != nil {
				return err
			}
		}
		return nil
	}
	header, n := true, 0
	err := t.src.scan(nil, func(line int, rec []string) error {
		if header {
			header = false
			return nil
		}
		n++
		return fn(Row{Line: line, Cells: rec})
	})
	if err == nil {
		t.src.rows = n
	}
	return err
}

// Len is the number of data rows; for a streamed table, -1 until Each
// has run through the whole file once.
func (t *Table) Len() int {
	if t.src == nil {
		return len(t.Rows)
	}
	return t.src.rows
}

// crLineEnds reads a carriage return that no line feed follows as a line
// end, as classic Mac OS and some ERPs write them: in a file with no line
// feed at all every CR ends a line; elsewhere a lone CR outside quotes
// does. Without this the whole file is one line, a header and no rows.
func crLineEnds(data []byte) []byte {
	if bytes.IndexByte(data, '\r') < 0 {
		return data
	}
	if bytes.IndexByte(data, '\n') < 0 {
		return bytes.ReplaceAll(data, []byte{'\r'}, []byte{'\n'})
	}
	var out []byte
	inQuote := false
	for i, b := range data {
		switch {
		case b == '"':
			inQuote = !inQuote
		case b == '\r' && !inQuote && (i+1 == len(data) || data[i+1] != '\n'):
			if out == nil {
				out = bytes.Clone(data)
			}
			out[i] = '\n'
		}
	}
	if out == nil {
		return data
	}
	return out
}

// quoteError turns the CSV reader's error into one naming the line, the
// column (the cell's number, counted from 1) and the reason; skipped is
// the number of lines before data (a "sep=" line).
func quoteError(data []byte, comma rune, pe *csv.ParseError, skipped int) *LineError {
	line := pe.Line
	if line == 0 {
		line = pe.StartLine
	}
	col, cellLine, atEnd := cellAt(data, comma, pe.StartLine, line, pe.Column)
	reason := pe.Err.Error()
	switch {
	case errors.Is(pe.Err, csv.ErrQuote) && atEnd:
		// The reader ran to the end of the file looking for the quote.
		line = cellLine
		reason = `the quote that opens the cell is never closed`
	case errors.Is(pe.Err, csv.ErrQuote):
		reason = `a quoted cell must end with a quote, and a quote inside it must be doubled ("")`
	case errors.Is(pe.Err, csv.ErrBareQuote):
		reason = `a quote in a cell that does not start with one; put the cell in quotes and double the quote inside ("")`
	}
	return &LineError{Line: line + skipped, Column: col, Reason: reason}
}

// cellAt returns the number (from 1) of the cell holding byte col (from 1)
// of line, in the record that starts on startLine, the line that cell
// starts on, and whether the position is past the end of data.
func cellAt(data []byte, comma rune, startLine, line, col int) (cell, cellLine int, atEnd bool) {
	off := 0
	for l := 1; l < startLine; l++ {
		i := bytes.IndexByte(data[off:], '\n')
		if i < 0 {
			return 1, startLine, true
		}
		off += i + 1
	}
	inQuote, l, c := false, startLine, 1
	cell, cellLine = 1, startLine
	for i := off; ; {
		if l > line {
			// Past the end of the line: the reader hit the end of the file.
			return cell, cellLine, true
		}
		if l == line && c >= col {
			return cell, cellLine, false
		}
		if i >= len(data) {
			return cell, cellLine, true
		}
		r, n := utf8.DecodeRune(data[i:])
		i += n
		switch {
		case r == '"':
			inQuote = !inQuote
		case r == comma && !inQuote:
			cell, cellLine = cell+1, l
		}
		if r == '\n' {
			l, c = l+1, 1
		} else {
			c += n
		}
	}
}

func validDelim(r rune) bool {
	return r != 0 && r != utf8.RuneError && utf8.ValidRune(r)
}

func blank(rec []string) bool {
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// trimAll returns the cells trimmed, each a copy (see ownCells).
func trimAll(rec []string) []string {
	out := make([]string, len(rec))
	for i, c := range rec {
		out[i] = strings.Clone(strings.TrimSpace(c))
	}
	return out
}

// ownCells gives a record's cells, slices of the whole file's text (see
// scan), a copy of their own, in one string as encoding/csv gives them: a
// table's rows, or a few of them kept (a preview), then hold their own
// bytes, not the file.
func ownCells(rec []string) []string {
	n := 0
	for _, c := range rec {
		n += len(c)
	}
	var b strings.Builder
	b.Grow(n)
	for _, c := range rec {
		b.WriteString(c)
	}
	all := b.String()
	for i, c := range rec {
		rec[i], all = all[:len(c)], all[len(c):]
	}
	return rec
}

// xlsxInMemory is the largest worksheet XML unzipped into memory.
const xlsxInMemory = 16 << 20

func readXLSX(data []byte, progress Progress) (*Table, error) {
	// A real workbook unzips to at most a few dozen times its size; a
	// limit proportional to the file keeps a zip bomb from filling memory.
	limit := min(int64(4*MaxFileSize), 100*int64(len(data))+16<<20)
	// A worksheet bigger than xlsxInMemory unzips to a temporary file that
	// Rows reads as a stream (and Close removes), not into memory.
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit:    limit,
		UnzipXMLSizeLimit: min(limit, xlsxInMemory),
	})
	if err != nil {
		return nil, fmt.Errorf("not a readable XLSX workbook: %w", err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, ErrEmpty
	}
	t := &Table{Format: "xlsx", Sheet: sheets[0]}
	props, err := f.GetWorkbookProps()
	if err != nil {
		return nil, fmt.Errorf("not a readable XLSX workbook: %w", err)
	}
	t.Date1904 = props.Date1904 != nil && *props.Date1904
	rows, err := f.Rows(sheets[0])
	if err != nil {
		return nil, fmt.Errorf("sheet %q: %w", sheets[0], err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		n++
		cells, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, fmt.Errorf("row %d: %w", n, err)
		}
		if blank(cells) {
			continue
		}
		for i, c := range cells {
			cells[i] = normaliseNumber(c)
		}
		if t.Header == nil {
			t.HeaderLine = n
			t.Header = trimAll(cells)
		} else {
			t.Rows = append(t.Rows, Row{Line: n, Cells: cells})
		}
		if progress != nil && n%4096 == 0 {
			progress(n, -1)
		}
	}
	if err := rows.Error(); err != nil {
		return nil, fmt.Errorf("sheet %q: %w", sheets[0], err)
	}
	if t.Header == nil {
		return nil, ErrEmpty
	}
	if progress != nil {
		progress(n, n)
	}
	return t, nil
}

// normaliseNumber rewrites a raw XLSX number that carries binary float
// noise (1234.5599999999999) as the decimal Excel shows, cut to 15
// significant digits. Other text, including exponent forms that could be a
// code such as "2E5", is returned unchanged (ParseAmount reads exponents).
func normaliseNumber(s string) string {
	if len(s) < 17 || len(s) > 40 || !strings.Contains(s, ".") {
		return s
	}
	start := 0
	if s[0] == '-' {
		start = 1
	}
	digits := 0
	for i := start; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '.':
		default:
			return s
		}
	}
	if digits <= 15 {
		return s
	}
	d, err := decimal.NewFromString(s)
	if err != nil || d.IsZero() {
		return s
	}
	// The decimal exponent of the leading digit is NumDigits+Exponent-1;
	// rounding at 14 places below it keeps 15 significant digits.
	lead := int32(d.NumDigits()) + d.Exponent() - 1
	return d.Round(14 - lead).String()
}
