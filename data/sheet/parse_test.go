package sheet_test

import (
	"testing"

	"github.com/shopspring/decimal"

	"partnerdesk/data/sheet"
	"partnerdesk/engine"
)

func TestParseAmount(t *testing.T) {
	tests := []struct {
		in           string
		decimalComma bool
		want         string // "" means an error is expected
	}{
		{"1234.56", false, "1234.56"},
		{"1,234.56", false, "1234.56"},
		{"1.234,56", false, "1234.56"},
		{"1 234,56", false, "1234.56"},
		{"1\u00a0234,56", false, "1234.56"}, // no-break space, French Excel
		{"1\u202f234,56", false, "1234.56"}, // narrow no-break space, French since 2017
		{"1'234.56", false, "1234.56"},      // Swiss
		{"1234,5", false, "1234.5"},         // one decimal digit: must be a decimal comma
		{"0,125", false, "0.125"},           // a leading 0 cannot be a thousands group
		{"1,234", false, "1234"},            // ambiguous: point file reads a group
		{"1,234", true, "1.234"},            // ambiguous: comma file reads a decimal
		{"1.234", false, "1.234"},           // ambiguous: point file reads a decimal
		{"1.234", true, "1234"},             // ambiguous: comma file reads a group
		{"1.234.567", false, "1234567"},     // two dots are groups
		{"1,234,567.8", false, "1234567.8"}, // both separators, dot last
		{"12,34,567.00", false, "1234567"},  // Indian grouping
		{"-12.50", false, "-12.5"},          // leading minus
		{"12.50-", false, "-12.5"},          // trailing minus (accountants)
		{"(12.50)", false, "-12.5"},         // parentheses (accountants)
		{"\u221212.50", false, "-12.5"},     // the Unicode minus sign
		{"+7", false, "7"},                  // explicit plus
		{"1.5E-3", false, "0.0015"},         // spreadsheet exponent
		{"  42  ", false, "42"},             // spaces around
		{"", false, ""},                     // empty
		{"abc", false, ""},                  // letters
		{"12.34.5", false, ""},              // groups of the wrong size
		{"1,23,4", false, ""},               // groups of the wrong size
		{"1.234,5.6", false, ""},            // a group after the decimal separator
		{"--5", false, ""},                  // two signs
		{"1 2 3x", false, ""},               // a letter inside
		{"12,345,67", false, ""},            // the last group is not three digits
		{"1", false, "1"},                   // a single digit
		{"99.00 USD", false, ""},            // a currency: see TestParseMoney
		{"€ 5", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := sheet.ParseAmountIn(tt.in, tt.decimalComma)
			if tt.want == "" {
				if err == nil {
					t.Fatalf("ParseAmountIn(%q) = %s, want an error", tt.in, got)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseAmountIn(%q): %v", tt.in, err)
			}
			if !got.Equal(decimal.RequireFromString(tt.want)) {
				t.Errorf("ParseAmountIn(%q) = %s, want %s", tt.in, got, tt.want)
			}
		})
	}
}

func TestDetectDecimalComma(t *testing.T) {
	tests := []struct {
		name   string
		values []string
		sep    rune
		want   bool
	}{
		{"italian", []string{"1.234", "12,50", "7"}, ',', true},  // 12,50 is evidence for the comma
		{"english", []string{"1,234", "12.50", "7"}, ';', false}, // 12.50 is evidence for the point
		{"both separators", []string{"1.234,00"}, ',', true},     // comma last
		{"comma groups", []string{"1,234,567"}, ';', false},      // two commas group
		{"no evidence semicolon", []string{"1.234", "5"}, ';', true},
		{"no evidence comma", []string{"1,234", "5"}, ',', false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sheet.DetectDecimalComma(tt.values, tt.sep); got != tt.want {
				t.Errorf("DetectDecimalComma(%q) = %v, want %v", tt.values, got, tt.want)
			}
		})
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in    string
		order sheet.DateOrder
		want  string // "" means an error is expected
	}{
		{"2026-07-31", sheet.DMY, "2026-07-31"},
		{"2026/07/31", sheet.DMY, "2026-07-31"},
		{"2026-07-31T10:30:00", sheet.DMY, "2026-07-31"},
		{"2026-07-31 00:00:00", sheet.DMY, "2026-07-31"},
		{"31/07/2026", sheet.DMY, "2026-07-31"},
		{"31.07.2026", sheet.DMY, "2026-07-31"},
		{"31-07-2026", sheet.DMY, "2026-07-31"},
		{"1/7/2026", sheet.DMY, "2026-07-01"},
		{"07/31/2026", sheet.MDY, "2026-07-31"},
		{"7/1/2026", sheet.MDY, "2026-07-01"},
		{"31/07/26", sheet.DMY, ""}, // a two-digit year: 1926 or 2026?
		{"02/12/30", sheet.DMY, ""}, // 1930 or 2030?
		{"20260731", sheet.DMY, "2026-07-31"},
		{"46234", sheet.DMY, "2026-07-31"},      // Excel serial: 46234 - 25569 = 20665 days after 1970-01-01
		{"46234.75", sheet.DMY, "2026-07-31"},   // a time of day is dropped
		{"45352", sheet.DMY, "2024-03-01"},      // 2024-03-01 is 19783 days after 1970-01-01; +25569
		{"29/02/2028", sheet.DMY, "2028-02-29"}, // leap year
		{"29/02/2026", sheet.DMY, ""},
		{"07/31/2026", sheet.DMY, ""}, // month 31
		{"31/07/2026", sheet.MDY, ""},
		{"2026-13-01", sheet.DMY, ""},
		{"2026-07", sheet.DMY, ""},
		{"yesterday", sheet.DMY, ""},
		{"", sheet.DMY, ""},
		{"12", sheet.DMY, ""},         // serial too small
		{"99999999", sheet.DMY, ""},   // compact date with month 99
		{"31/07/202", sheet.DMY, ""},  // three-digit year
		{"0031-07-31", sheet.DMY, ""}, // year out of range
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := sheet.ParseDate(tt.in, tt.order)
			if tt.want == "" {
				if err == nil {
					t.Fatalf("ParseDate(%q) = %s, want an error", tt.in, got)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseDate(%q): %v", tt.in, err)
			}
			if want := engine.MustDate(tt.want); got != want {
				t.Errorf("ParseDate(%q) = %s, want %s", tt.in, got, want)
			}
		})
	}
}

func TestDetectDateOrder(t *testing.T) {
	if got := sheet.DetectDateOrder([]string{"07/01/2026", "07/31/2026"}); got != sheet.MDY {
		t.Errorf("US dates: got %v, want MDY", got)
	}
	if got := sheet.DetectDateOrder([]string{"07/01/2026", "31/07/2026"}); got != sheet.DMY {
		t.Errorf("European dates: got %v, want DMY", got)
	}
	if got := sheet.DetectDateOrder([]string{"2026-07-31", "46234"}); got != sheet.DMY {
		t.Errorf("ISO and serials: got %v, want the default DMY", got)
	}
}
