package sheet

import (
	"archive/zip"
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The XLSX writer is a few lines of XML in a zip rather than excelize's
// StreamWriter: the StreamWriter writes a number only from a Go int or
// float64, and money must go from decimal text to the cell without ever
// being a float. Text is written as inline strings, never as formulas.

// Excel's limits.
const (
	maxXLSXRows     = 1048576
	maxXLSXCols     = 16384
	maxXLSXCellText = 32767
	maxMoneyPlaces  = 6
)

// Style indexes in styles.xml below: 0 general, 1 bold header, 2 date,
// 3+p money with p decimals.
const (
	styleHeader    = 1
	styleDate      = 2
	styleMoneyBase = 3
)

// WriteXLSX writes one sheet named sheet with a bold, frozen header row.
// Money cells are numbers shown with their places decimals and grouping,
// dates are real dates shown as yyyy-mm-dd, text is escaped like in CSV.
func WriteXLSX(w io.Writer, sheet string, header []string, rows [][]Cell) error {
	return WriteXLSXProgress(w, sheet, header, rows, nil)
}

// WriteXLSXProgress is WriteXLSX that reports rows written to progress.
func WriteXLSXProgress(w io.Writer, sheet string, header []string, rows [][]Cell, progress Progress) error {
	if len(rows)+1 > maxXLSXRows {
		return fmt.Errorf("write xlsx: %d rows are more than a sheet holds (%d)", len(rows), maxXLSXRows-1)
	}
	zw := zip.NewWriter(w)
	for _, p := range []struct{ name, body string }{
		{"[Content_Types].xml", contentTypesXML},
		{"_rels/.rels", relsXML},
		{"xl/workbook.xml", fmt.Sprintf(workbookXML, xmlAttr(sheetName(sheet)))},
		{"xl/_rels/workbook.xml.rels", workbookRelsXML},
		{"xl/styles.xml", stylesXML()},
	} {
		f, err := zw.Create(p.name)
		if err != nil {
			return fmt.Errorf("write xlsx: %w", err)
		}
		if _, err := io.WriteString(f, p.body); err != nil {
			return fmt.Errorf("write xlsx: %w", err)
		}
	}
	f, err := zw.Create("xl/worksheets/sheet1.xml")
	if err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	bw := bufio.NewWriterSize(f, 1<<16)
	bw.WriteString(xml.Header)
	bw.WriteString(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`)
	bw.WriteString(`<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>`)
	bw.WriteString(`<sheetData>`)
	hdr := make([]Cell, len(header))
	for i, h := range header {
		hdr[i] = TextCell(h)
	}
	if err := writeRow(bw, 1, hdr, styleHeader); err != nil {
		return err
	}
	for n, row := range rows {
		if err := writeRow(bw, n+2, row, 0); err != nil {
			return err
		}
		if progress != nil && n%4096 == 0 {
			progress(n, len(rows))
		}
	}
	bw.WriteString(`</sheetData></worksheet>`)
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	if progress != nil {
		progress(len(rows), len(rows))
	}
	return nil
}

func writeRow(bw *bufio.Writer, r int, row []Cell, textStyle int) error {
	if len(row) > maxXLSXCols {
		return fmt.Errorf("write xlsx: row %d has %d columns, more than a sheet holds", r, len(row))
	}
	rs := strconv.Itoa(r)
	bw.WriteString(`<row r="`)
	bw.WriteString(rs)
	bw.WriteString(`">`)
	for i, c := range row {
		ref := colName(i) + rs
		switch c.Kind {
		case Money:
			places := c.Places
			if places < 0 {
				places = 0
			}
			if places > maxMoneyPlaces {
				places = maxMoneyPlaces
			}
			numCell(bw, ref, styleMoneyBase+int(places), c.Dec.String())
		case Number:
			numCell(bw, ref, 0, c.Dec.String())
		case Int:
			numCell(bw, ref, 0, c.Dec.Truncate(0).String())
		case Date:
			if c.Date.IsZero() {
				continue
			}
			numCell(bw, ref, styleDate, strconv.Itoa(int(c.Date)+excelEpochOffset))
		default:
			s := EscapeText(c.Text)
			if s == "" {
				continue
			}
			if len(s) > maxXLSXCellText {
				s = truncateRunes(s, maxXLSXCellText)
			}
			bw.WriteString(`<c r="`)
			bw.WriteString(ref)
			if textStyle != 0 {
				bw.WriteString(`" s="`)
				bw.WriteString(strconv.Itoa(textStyle))
			}
			bw.WriteString(`" t="inlineStr"><is><t xml:space="preserve">`)
			xml.EscapeText(bw, []byte(s))
			bw.WriteString(`</t></is></c>`)
		}
	}
	bw.WriteString(`</row>`)
	return nil
}

func numCell(bw *bufio.Writer, ref string, style int, v string) {
	bw.WriteString(`<c r="`)
	bw.WriteString(ref)
	if style != 0 {
		bw.WriteString(`" s="`)
		bw.WriteString(strconv.Itoa(style))
	}
	bw.WriteString(`"><v>`)
	bw.WriteString(v)
	bw.WriteString(`</v></c>`)
}

// colName returns the column letters of index i (0 is A).
func colName(i int) string {
	var b [4]byte
	n := len(b)
	for i++; i > 0; i = (i - 1) / 26 {
		n--
		b[n] = byte('A' + (i-1)%26)
	}
	return string(b[n:])
}

// truncateRunes cuts s to at most n bytes on a rune boundary; Excel refuses
// a longer cell.
func truncateRunes(s string, n int) string {
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// sheetName makes a name Excel accepts: 1-31 characters, none of []:*?/\.
func sheetName(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '[', ']', ':', '*', '?', '/', '\\':
			return '_'
		}
		return r
	}, strings.TrimSpace(s))
	s = strings.Trim(s, "'")
	if utf8.RuneCountInString(s) > 31 {
		s = string([]rune(s)[:31])
	}
	if s == "" {
		s = "Sheet1"
	}
	return s
}

func xmlAttr(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return strings.ReplaceAll(b.String(), `"`, "&quot;")
}

func stylesXML() string {
	var numFmts, xfs strings.Builder
	fmt.Fprintf(&numFmts, `<numFmt numFmtId="164" formatCode="yyyy\-mm\-dd"/>`)
	for p := 0; p <= maxMoneyPlaces; p++ {
		code := "#,##0"
		if p > 0 {
			code += "." + strings.Repeat("0", p)
		}
		fmt.Fprintf(&numFmts, `<numFmt numFmtId="%d" formatCode="%s"/>`, 165+p, code)
		fmt.Fprintf(&xfs, `<xf numFmtId="%d" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`, 165+p)
	}
	return xml.Header + `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
		fmt.Sprintf(`<numFmts count="%d">%s</numFmts>`, maxMoneyPlaces+2, numFmts.String()) +
		`<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>` +
		`<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
		`<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
		`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
		fmt.Sprintf(`<cellXfs count="%d">`, 3+maxMoneyPlaces+1) +
		`<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
		`<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>` +
		`<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
		xfs.String() + `</cellXfs>` +
		`<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
		`</styleSheet>`
}

const contentTypesXML = xml.Header + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
	`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
	`<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
	`</Types>`

const relsXML = xml.Header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>` +
	`</Relationships>`

const workbookXML = xml.Header + `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
	`<sheets><sheet name="%s" sheetId="1" r:id="rId1"/></sheets></workbook>`

const workbookRelsXML = xml.Header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
	`</Relationships>`
