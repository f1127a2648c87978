package sheet

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// oldScan is the scan every CSV file was read with before scan cut the
// lines without quotes itself: encoding/csv for every record. scan must
// find what it finds.
func (src *csvSource) oldScan(progress Progress, fn func(line int, rec []string) error) error {
	data := []byte(src.text)
	cr := &countingReader{b: data}
	rd := csv.NewReader(cr)
	rd.Comma = src.comma
	rd.FieldsPerRecord = -1
	// A stray quote is refused, not kept: with lazy quotes `"a "word"`
	// would be stored as `a "word`.
	rd.LazyQuotes = false
	// `a; "b;c"` (a space after the separator, as some ERPs write) is the
	// quoted cell "b;c", not a cell with stray quotes. Not for a tab or a
	// space separator, where it would swallow empty cells.
	rd.TrimLeadingSpace = !unicode.IsSpace(src.comma)
	lastReport, total := 0, len(data)
	for {
		rec, err := rd.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return quoteError(data, src.comma, pe, src.firstLine-1)
			}
			return err
		}
		line, _ := rd.FieldPos(0)
		line += src.firstLine - 1
		for i, c := range rec {
			if len(c) > MaxCellSize {
				return &LineError{Line: line, Column: i + 1, Reason: fmt.Sprintf("a cell over %d MB", MaxCellSize>>20), Err: ErrTooLarge}
			}
		}
		if blank(rec) {
			continue
		}
		if err := fn(line, rec); err != nil {
			if err == errStop {
				return nil
			}
			return err
		}
		if progress != nil && cr.n-lastReport >= 1<<16 {
			lastReport = cr.n
			progress(cr.n, total)
		}
	}
	if progress != nil {
		progress(total, total)
	}
	return nil
}

// countingReader feeds the CSV reader and counts bytes for progress.
type countingReader struct {
	b []byte
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	if c.n >= len(c.b) {
		return 0, io.EOF
	}
	k := copy(p, c.b[c.n:])
	c.n += k
	return k, nil
}

type scanned struct {
	lines []int
	recs  [][]string
	err   string
}

func scanWith(src *csvSource, old bool) scanned {
	var out scanned
	fn := func(line int, rec []string) error {
		out.lines = append(out.lines, line)
		out.recs = append(out.recs, append([]string(nil), rec...))
		return nil
	}
	var err error
	if old {
		err = src.oldScan(nil, fn)
	} else {
		err = src.scan(nil, fn)
	}
	if err != nil {
		out.err = fmt.Sprintf("%T %v", err, err)
	}
	return out
}

func checkScan(t *testing.T, text string, comma rune, firstLine int) {
	t.Helper()
	src := &csvSource{text: text, comma: comma, firstLine: firstLine}
	want, got := scanWith(src, true), scanWith(src, false)
	if !reflect.DeepEqual(want, got) {
		t.Fatalf("%q with %q:\nencoding/csv: %#v\nscan:         %#v", text, comma, want, got)
	}
}

// scan reads what encoding/csv reads, records, lines and problems, from
// texts of the characters that matter to it: separators, quotes, line
// ends, white space (Unicode's too), multi-byte characters.
func TestScanIsEncodingCSV(t *testing.T) {
	for _, text := range []string{
		"", "\n", "a", "a\n", "a,b\n1,2\n", "a,b\r\n1,2\r\n", "a,b\n\n\n1,2", "a,b\r", "a,\r\r\n",
		"a, b,  c\n", "a,\u00a0b\n", " \n", "a,\n", "a,b\n\"x\ny\",z\n", "a,b\n1,\"2\n", "a,b\n1,2\"3\n",
		"a;b\n\"x;\ny\";\"\"\"\"\n", "a,b\n1,2,3,4\n", "\"a\"\"b\",c\r\nd,e", "a,b\n  \"q\",x\n",
	} {
		for _, comma := range []rune{',', ';', '\t', ' ', '€'} {
			checkScan(t, text, comma, 1)
			checkScan(t, text, comma, 2)
		}
	}
	alphabet := []string{"a", "b", ",", ";", "\"", "\n", "\r", "\r\n", " ", "\t", "\u00a0", "é", "€", "\u2003", "x y"}
	r := rand.New(rand.NewPCG(5, 6))
	for range 30000 {
		var b strings.Builder
		for range r.IntN(40) {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		comma := []rune{',', ';', '\t', ' ', '€'}[r.IntN(5)]
		checkScan(t, b.String(), comma, 1+r.IntN(2))
	}
}

func FuzzScanIsEncodingCSV(f *testing.F) {
	f.Add("a,b\n\"x\ny\",z\r\n1,2\"\n", ',')
	f.Fuzz(func(t *testing.T, text string, comma rune) {
		if !validDelim(comma) || comma == '"' || comma == '\r' || comma == '\n' {
			return
		}
		checkScan(t, text, comma, 1)
	})
}

func TestASCIISpaceIsUnicodeSpace(t *testing.T) {
	for b := range utf8.RuneSelf {
		if asciiSpace[b] != unicode.IsSpace(rune(b)) {
			t.Errorf("%q: asciiSpace %v, unicode.IsSpace %v", rune(b), asciiSpace[b], !asciiSpace[b])
		}
	}
}
