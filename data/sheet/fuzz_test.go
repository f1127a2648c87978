package sheet_test

import (
	"bytes"
	"fmt"
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
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		// A slow input would stall the fuzzer without a report: fail loudly.
		watchdog := time.AfterFunc(3*time.Second, func() { panic(fmt.Sprintf("Read hangs on %q", data)) })
		defer watchdog.Stop()
		tab, err := sheet.Read(bytes.NewReader(data), "fuzz.csv")
		if err != nil {
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
	})
}

func FuzzParseAmount(f *testing.F) {
	for _, s := range []string{"1234.56", "1.234,56", "1 234,56", "(12.50)", "12.50-", "€ 1.234,56", "1,234", "1.5E-3", "Rp 1.500.000", "12,34,567.00", "-$5"} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, decimalComma bool) {
		d, err := sheet.ParseAmountIn(s, decimalComma)
		if err != nil {
			return
		}
		// The canonical form reads back to the same amount under either convention
		// when it has no lone three-digit fraction, and always as plain point text.
		back, err := sheet.ParseAmountIn(d.String(), false)
		if err != nil || !back.Equal(d) {
			t.Fatalf("%q -> %s -> %s, %v", s, d, back, err)
		}
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-07-31", "31/07/2026", "07/31/2026", "31.07.26", "46234", "46234.5", "20260731", "2026-07-31T10:00:00", "1/1/1900"} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, monthFirst bool) {
		order := sheet.DMY
		if monthFirst {
			order = sheet.MDY
		}
		d, err := sheet.ParseDate(s, order)
		if err != nil {
			return
		}
		// A parsed day prints as ISO and reads back as itself.
		back, err := sheet.ParseDate(d.String(), sheet.DMY)
		if err != nil || back != d {
			t.Fatalf("%q -> %s -> %s, %v", s, d, back, err)
		}
	})
}
