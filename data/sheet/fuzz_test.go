package sheet_test

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"math/big"
	"regexp"
	"strings"
	"testing"
	"time"

	"partnerdesk/data/sheet"
)

func FuzzReadCSV(f *testing.F) {
	for _, s := range []string{
		"a,b\n1,2\n",
		"\ufeffdata;importo\r\n31/07/2026;1.234,56\r\n",
		"a;b\n\"x;\ny\";\"\"\"\"\n",
		"sep=|\na|b\n1|2\n",
		"\xff\xfea\x00,\x00b\x00\n\x00",
		"a,b\n\"unterminated\n",
		"PK\x03\x04",
		// The findings of issue 12: bare CR line ends, stray quotes, cells
		// beyond the header.
		"date;net\r2026-07-01;5\r2026-07-02;6\r",
		"a,b\n1,2\r3,4\r\n",
		"a,b,c\n1,\"a \"word\",3\n",
		"a;b\n1;5\" screen\n",
		"a,b\n1,2,3,4\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		// A slow input would stall the fuzzer without a report: fail loudly.
		watchdog := time.AfterFunc(3*time.Second, func() { panic(fmt.Sprintf("Read hangs on %q", data)) })
		defer watchdog.Stop()
		tab, err := sheet.Read(bytes.NewReader(data), "fuzz.csv")
		// A streamed read finds the same rows, or the same problem.
		var streamed []sheet.Row
		st, serr := sheet.Stream(bytes.NewReader(data), "fuzz.csv")
		if serr == nil {
			serr = st.Each(func(r sheet.Row) error { streamed = append(streamed, r); return nil })
			if serr == nil && st.Len() != len(streamed) {
				t.Fatalf("%q: Len %d after %d rows", data, st.Len(), len(streamed))
			}
		}
		if (err == nil) != (serr == nil) {
			t.Fatalf("%q: read whole: %v, streamed: %v", data, err, serr)
		}
		if err == nil && fmt.Sprint(streamed) != fmt.Sprint(tab.Rows) && tab.Format == "csv" {
			t.Fatalf("%q: rows %v, streamed %v", data, tab.Rows, streamed)
		}
		if err != nil {
			// A refusal names its line.
			if !strings.Contains(err.Error(), "line ") && !errors.Is(err, sheet.ErrEmpty) && !strings.Contains(err.Error(), "XLSX") && !strings.Contains(err.Error(), "UTF-16") {
				t.Fatalf("%q: the error names no line: %v", data, err)
			}
			return
		}
		// Records start on increasing lines after the header, and none is blank.
		last := tab.HeaderLine
		for _, r := range tab.Rows {
			if r.Line <= last {
				t.Fatalf("row on line %d after line %d", r.Line, last)
			}
			last = r.Line
			if len(r.Cells) == 0 {
				t.Fatalf("line %d: empty row kept", r.Line)
			}
		}
		if tab.Format != "csv" {
			return
		}
		// What was read is what a CSV writer would write of it: written
		// again and read back, every cell is the same.
		var out bytes.Buffer
		fmt.Fprintf(&out, "sep=%c\n", tab.Comma)
		w := csv.NewWriter(&out)
		w.Comma = tab.Comma
		if err := w.Write(tab.Header); err != nil {
			t.Fatal(err)
		}
		for _, r := range tab.Rows {
			if err := w.Write(r.Cells); err != nil {
				t.Fatal(err)
			}
		}
		w.Flush()
		back, err := sheet.Read(bytes.NewReader(out.Bytes()), "again.csv")
		if err != nil {
			t.Fatalf("%q read, written as %q, does not read back: %v", data, out.Bytes(), err)
		}
		if fmt.Sprintf("%q", back.Header) != fmt.Sprintf("%q", tab.Header) || len(back.Rows) != len(tab.Rows) {
			t.Fatalf("%q: header %q and %d rows read back as %q and %d rows", data, tab.Header, len(tab.Rows), back.Header, len(back.Rows))
		}
		for i := range tab.Rows {
			if fmt.Sprintf("%q", back.Rows[i].Cells) != fmt.Sprintf("%q", tab.Rows[i].Cells) {
				t.Fatalf("%q: row %d %q reads back as %q", data, i, tab.Rows[i].Cells, back.Rows[i].Cells)
			}
		}
	})
}

// maxDigits is what ParseAmount reads at most: 40 significant digits and
// an exponent within 40 places.
const maxDigits = 40

func FuzzParseAmount(f *testing.F) {
	for _, s := range []string{"1234.56", "1.234,56", "1 234,56", "(12.50)", "12.50-", "€ 1.234,56", "1,234", "1.5E-3", "Rp 1.500.000", "12,34,567.00", "-$5",
		"99.00 USD", "$1.00", "US$ 5", "5 R$", "EUR 1.234,56", "1e40", "-0,00 €",
		"0.0000000000000000000000000000000000000000000001", "1234567890123456789012345678901234567890"} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, decimalComma bool) {
		// Money in one currency is the amount with the currency's marks, or
		// a refusal; it is never read when ParseAmountIn reads the same text
		// as a different number.
		plain, plainErr := sheet.ParseAmountIn(s, decimalComma)
		for _, home := range []string{"EUR", "USD", "IDR"} {
			m, err := sheet.ParseMoneyIn(s, decimalComma, home)
			if err == nil && plainErr == nil && !m.Equal(plain) {
				t.Fatalf("%q: %s as %s money, %s as a number", s, m, home, plain)
			}
		}
		if plainErr != nil {
			return
		}
		d := plain
		// Within the bounds: at most 40 significant digits, and a text
		// of at most 200 characters cannot place them further out.
		sig := strings.TrimRight(new(big.Int).Abs(d.Coefficient()).String(), "0")
		if len(sig) > maxDigits || d.Exponent() < -200 || d.Exponent() > 200 {
			t.Fatalf("%q -> %s is beyond %d significant digits", s, d, maxDigits)
		}
		// The canonical form reads back to the same amount under either convention
		// when it has no lone three-digit fraction, and always as plain point text.
		back, err := sheet.ParseAmountIn(d.String(), false)
		if err != nil || !back.Equal(d) {
			t.Fatalf("%q -> %s -> %s, %v", s, d, back, err)
		}
	})
}

// twoDigitYear matches a day, a month and a two-digit year.
var twoDigitYear = regexp.MustCompile(`^\s*\d{1,2}[-/.]\d{1,2}[-/.]\d{2}\.?(\s|T|$)`)

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-07-31", "31/07/2026", "07/31/2026", "31.07.26", "46234", "46234.5", "20260731", "2026-07-31T10:00:00", "1/1/1900",
		"02/12/30", "0", "44772", "2958465", "9999-12-31"} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, monthFirst bool) {
		order := sheet.DMY
		if monthFirst {
			order = sheet.MDY
		}
		for _, date1904 := range []bool{false, true} {
			d, err := sheet.ParseDateIn(s, order, date1904)
			if err != nil {
				continue
			}
			// A two-digit year is never guessed.
			if twoDigitYear.MatchString(s) {
				t.Fatalf("%q (1904: %v) read as %s: a two-digit year", s, date1904, d)
			}
			// Within the bounds: 1900 to 9999.
			if y := d.Time().Year(); y < 1900 || y > 9999 {
				t.Fatalf("%q (1904: %v) -> %s: the year is out of range", s, date1904, d)
			}
			// A parsed day prints as ISO and reads back as itself.
			back, err := sheet.ParseDate(d.String(), sheet.DMY)
			if err != nil || back != d {
				t.Fatalf("%q -> %s -> %s, %v", s, d, back, err)
			}
		}
	})
}
