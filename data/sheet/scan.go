package sheet

import (
	"encoding/csv"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// scan calls fn with every record that is not blank, header first, and
// its line; it stops at fn's first error and returns it (nil for errStop).
//
// The records are those encoding/csv reads from the text (with the
// options csvReader sets), cell for cell and line for line, and its
// problems are the same. A line without a quote, nearly every line of an
// export, is cut here, its cells slices of the text, without the
// reader's copy of each line; a line with a quote, whose cell may run
// over several lines, is read by encoding/csv itself from that line on.
func (src *csvSource) scan(progress Progress, fn func(line int, rec []string) error) error {
	text, comma := src.text, src.comma
	trim := !unicode.IsSpace(comma)
	sep := string(comma)
	lastReport, total := 0, len(text)
	var slab []string // the records' cells, handed out a record at a time
	off, line := 0, 1 // where the next line starts, and its number
	for off < len(text) {
		end, next := len(text), len(text)
		if i := strings.IndexByte(text[off:], '\n'); i >= 0 {
			end, next = off+i, off+i+1
		}
		body := text[off:end]
		// encoding/csv reads "\r\n" as "\n", and drops a "\r" before the
		// end of the file.
		body = strings.TrimSuffix(body, "\r")
		var rec []string
		recLine := line
		if strings.IndexByte(body, '"') < 0 {
			if body == "" {
				off, line = next, line+1 // an empty line: no record
				continue
			}
			n := 1 + strings.Count(body, sep)
			if len(slab) < n {
				slab = make([]string, max(n*64, 256))
			}
			rec, slab = slab[:n:n], slab[n:]
			splitLine(rec, body, comma, trim)
			off, line = next, line+1
		} else {
			var err error
			var used, lines int
			if rec, used, lines, err = src.quotedRecord(off, line); err != nil {
				return err
			}
			off, line = off+used, line+lines
		}
		for i, c := range rec {
			if len(c) > MaxCellSize {
				return &LineError{Line: recLine + src.firstLine - 1, Column: i + 1, Reason: fmt.Sprintf("a cell over %d MB", MaxCellSize>>20), Err: ErrTooLarge}
			}
		}
		if blank(rec) {
			continue
		}
		if err := fn(recLine+src.firstLine-1, rec); err != nil {
			if err == errStop {
				return nil
			}
			return err
		}
		if progress != nil && off-lastReport >= 1<<16 {
			lastReport = off
			progress(off, total)
		}
	}
	if progress != nil {
		progress(total, total)
	}
	return nil
}

// splitLine cuts a line without quotes and without its line end into
// rec's len(rec) cells at comma, as encoding/csv does: with trim, each
// cell without the white space it starts with.
func splitLine(rec []string, body string, comma rune, trim bool) {
	for i := range rec {
		if trim && body != "" && (body[0] >= utf8.RuneSelf || asciiSpace[body[0]]) {
			if k := strings.IndexFunc(body, notSpace); k >= 0 {
				body = body[k:]
			} else {
				body = ""
			}
		}
		if i == len(rec)-1 {
			rec[i] = body
			return
		}
		var k int
		if comma < utf8.RuneSelf {
			k = strings.IndexByte(body, byte(comma))
		} else {
			k = strings.IndexRune(body, comma)
		}
		rec[i] = body[:k]
		body = body[k+utf8.RuneLen(comma):]
	}
}

// asciiSpace marks the ASCII characters unicode.IsSpace reports.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

func notSpace(r rune) bool { return !unicode.IsSpace(r) }

// quotedRecord reads the record that starts at byte off of the text, on
// line, with encoding/csv: its cells, the bytes and the lines it takes,
// or the reader's problem, named at its line in the whole text.
func (src *csvSource) quotedRecord(off, line int) (rec []string, used, lines int, err error) {
	rd := csvReader(strings.NewReader(src.text[off:]), src.comma)
	rec, err = rd.Read()
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			// The reader counts lines from off.
			at := *pe
			at.StartLine += line - 1
			if at.Line != 0 {
				at.Line += line - 1
			}
			return nil, 0, 0, quoteError([]byte(src.text), src.comma, &at, src.firstLine-1)
		}
		return nil, 0, 0, err
	}
	used = int(rd.InputOffset())
	return rec, used, strings.Count(src.text[off:off+used], "\n"), nil
}

// csvReader is the reader of a file's records, with the options every
// read of a CSV file uses.
func csvReader(r *strings.Reader, comma rune) *csv.Reader {
	rd := csv.NewReader(r)
	rd.Comma = comma
	rd.FieldsPerRecord = -1
	// A stray quote is refused, not kept: with lazy quotes `"a "word"`
	// would be stored as `a "word`.
	rd.LazyQuotes = false
	// `a; "b;c"` (a space after the separator, as some ERPs write) is the
	// quoted cell "b;c", not a cell with stray quotes. Not for a tab or a
	// space separator, where it would swallow empty cells.
	rd.TrimLeadingSpace = !unicode.IsSpace(comma)
	return rd
}
