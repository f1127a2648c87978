package reports_test

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"partnerdesk/engine"
	"partnerdesk/reports"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// logoPNG is a small two-colour logo, made here so the tests need no files.
func logoPNG(tb testing.TB) []byte {
	tb.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 120, 40))
	for y := 0; y < 40; y++ {
		for x := 0; x < 120; x++ {
			c := color.RGBA{28, 63, 110, 255}
			if x > 40 {
				c = color.RGBA{230, 140, 30, 255}
			}
			img.Set(x, y, c)
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		tb.Fatal(err)
	}
	return b.Bytes()
}

// demo is a statement like the demo company's: a reseller with commission,
// a target bonus, points, a fund, an adjustment and a payout. Amounts are
// already rounded, as the app gives them.
func demo(tb testing.TB, lang, name string) *reports.Statement {
	tb.Helper()
	eur := engine.NewCurrency("EUR")
	return &reports.Statement{
		Company: reports.Company{
			Name:     "Nordlicht Software GmbH",
			Address:  "Hafenstraße 12\n20457 Hamburg\nGermany",
			Logo:     logoPNG(tb),
			Currency: eur,
		},
		Language: lang,
		Payee: reports.Payee{
			Kind: engine.PayeePartner, Name: name, Country: "IT", Tier: "Silver",
			NextTier: "34,500.00 EUR revenue and 1 certification to Gold",
		},
		Period: reports.Period{Key: "2026-07", Name: "July 2026"},
		Summary: reports.Summary{
			Sales:         dec("102500.50"),
			PointsBalance: 1840,
			Funds: []reports.FundBalance{
				{Fund: "MDF", Balance: dec("2050.01"), ExpiringNext30: dec("310.00")},
			},
		},
		Lines: []reports.Line{
			{Program: "Reseller commission", Rule: "Volume rebate", Amount: dec("5125.03"), Status: engine.LineApproved,
				Explanation: "Volume rebate: 102,500.50 EUR in 2026-07 reaches band from 100,000.00 at 5 % (retroactive) = 5,125.03 EUR"},
			{Program: "Reseller commission", Rule: "Target bonus", Amount: dec("1500.00"), Status: engine.LineApproved,
				Explanation: "Target bonus: 102,500.50 EUR against target 90,000.00 EUR in 2026-07 is 113.89 % attainment, reaching the 100 % step = 1,500.00 EUR"},
			{Program: "Deal registration", Rule: "Registered deals", Amount: dec("412.35"), Status: engine.LineDraft,
				Explanation: "Registered deals: invoice INV-2026-0711 on registration 42 approved 3 Jul 2026, sold within 90 days: 8,247.00 EUR at 5 % = 412.35 EUR"},
			{Program: "Partner points", Rule: "Marks", Points: 1025, Status: engine.LineApproved,
				Explanation: "Marks: 102,500.50 EUR in 2026-07 at 1 points per 100.00 EUR = 1,025"},
			{Program: "MDF", Rule: "Market development", Amount: dec("2050.01"), Status: engine.LineApproved,
				Explanation: "Market development: 102,500.50 EUR in 2026-07 at 2 % credited to the MDF fund = 2,050.01 EUR, expires 31 Dec 2026"},
		},
		Adjustments: []reports.Line{
			{Program: "Reseller commission", Rule: "Volume rebate", Amount: dec("-61.73"), Status: engine.LineDraft,
				Invoice: "INV-2026-0588", OriginalPeriod: "2026-06",
				Explanation: "Volume rebate: return of invoice INV-2026-0588 from 2026-06: -1,234.50 EUR at 2026-06's effective rate 5 % = -61.73 EUR"},
		},
		Payouts: []reports.PayoutRow{
			{Date: engine.MustDate("2026-07-15"), Method: "Bank transfer", Reference: "SEPA 2026-07-15/0042", Amount: dec("4200.00")},
		},
		YTD:         reports.YTD{Rewards: dec("31877.42"), Points: 6120, Paid: dec("25300.00")},
		Nudges:      []string{"7,499.50 EUR more in 2026-07 reaches the band from 110,000.00 at 6 %"},
		PrintedOn:   engine.MustDate("2026-08-03"),
		Fingerprint: "",
	}
}

// writePDF renders st into a temporary file and returns its path.
func writePDF(tb testing.TB, st *reports.Statement) string {
	tb.Helper()
	var b bytes.Buffer
	if err := reports.WritePDF(&b, st); err != nil {
		tb.Fatalf("WritePDF: %v", err)
	}
	p := filepath.Join(tb.TempDir(), "statement.pdf")
	if err := os.WriteFile(p, b.Bytes(), 0o600); err != nil {
		tb.Fatal(err)
	}
	return p
}

// pdftotext extracts the text of a PDF, one string per page, in reading
// order with the layout kept.
func pdftotext(tb testing.TB, path string) []string {
	tb.Helper()
	out, err := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		tb.Fatalf("pdftotext (poppler-utils must be installed): %v", err)
	}
	pages := strings.Split(string(out), "\f")
	if n := len(pages); n > 0 && strings.TrimSpace(pages[n-1]) == "" {
		pages = pages[:n-1]
	}
	return pages
}
