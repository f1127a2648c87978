package reports_test

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"partnerdesk/engine"
	"partnerdesk/engine/i18n"
	"partnerdesk/reports"
)

// TestNoOrphanPages lays out statements of 1 to 70 lines, with and
// without adjustments and payouts, so that every page break falls at
// every place once: none may leave a page holding only the year to date,
// only "(continued)" and a total, or a title with nothing under it.
func TestNoOrphanPages(t *testing.T) {
	twoPages := 0
	for _, shape := range []string{"plain", "adjust", "payouts", "both"} {
		for n := 1; n <= 70; n++ {
			st := manyLines(t, names["latin"], n)
			if shape == "plain" || shape == "payouts" {
				st.Adjustments = nil
			}
			if shape == "plain" || shape == "adjust" {
				st.Payouts = nil
			}
			pages, err := reports.StatementPages(st)
			if err != nil {
				t.Fatal(err)
			}
			if len(pages) > 1 {
				twoPages++
			}
			for _, p := range reports.OrphanProblems(pages) {
				t.Errorf("%s, %d lines: %s", shape, n, p)
			}
		}
	}
	if twoPages < 100 {
		t.Errorf("only %d statements have more than one page: the sweep does not cross page breaks", twoPages)
	}
}

// TestOrphanCheckFindsOrphans: the check itself finds the pages the issue
// saw (only the year to date; only "(continued)" and a total).
func TestOrphanCheckFindsOrphans(t *testing.T) {
	ytdOnly := []reports.Page{{Blocks: []reports.Block{{Kind: "row", Section: "lines"}}},
		{Blocks: []reports.Block{{Kind: "heading", Section: "ytd"}, {Kind: "row", Section: "ytd"}, {Kind: "row", Section: "ytd"}}}}
	totalOnly := []reports.Page{{Blocks: []reports.Block{{Kind: "row", Section: "lines"}}},
		{Blocks: []reports.Block{{Kind: "continued", Section: "lines"}, {Kind: "head", Section: "lines"}, {Kind: "total", Section: "lines"}}}}
	if len(reports.OrphanProblems(ytdOnly)) == 0 || len(reports.OrphanProblems(totalOnly)) == 0 {
		t.Errorf("orphan pages not found: %v / %v", reports.OrphanProblems(ytdOnly), reports.OrphanProblems(totalOnly))
	}
}

// TestBraceNbPrintsAsTyped: "{nb}" typed in a name is not the page count.
func TestBraceNbPrintsAsTyped(t *testing.T) {
	st := manyLines(t, "Rossi {nb} S.r.l.", 60)
	pages := pdftotext(t, writePDF(t, st))
	if len(pages) < 2 {
		t.Fatalf("want a statement of two pages or more, got %d", len(pages))
	}
	if !strings.Contains(pages[0], "Rossi {nb} S.r.l.") {
		t.Errorf("page 1 does not hold the name as typed:\n%s", pages[0][:300])
	}
	want := fmt.Sprintf("page 1 of %d", len(pages))
	if !strings.Contains(pages[0], want) {
		t.Errorf("page 1 does not say %q", want)
	}
}

// TestEmojiPrintAsPlaceholder: an emoji, however many code points it is
// made of, prints as one white square, never as U+FFFD's diamond.
func TestEmojiPrintAsPlaceholder(t *testing.T) {
	st := demo(t, "en", "Café 😀 👍🏽 👨‍👩‍👧 🇮🇹 ✅ Team")
	text := strings.Join(pdftotext(t, writePDF(t, st)), "\n")
	if strings.ContainsRune(text, '\uFFFD') {
		t.Errorf("a diamond (U+FFFD) is printed")
	}
	if !strings.Contains(text, "Café □ □ □ □ □ Team") {
		t.Errorf("the name does not print with one placeholder per emoji:\n%s", text[:400])
	}
}

// TestWordsNeverBreakInside: a status ("goedgekeurd"), an invoice number
// and a program name that fit on a line of their own are never cut; a
// word wider than its whole column is cut with a visible mark.
func TestWordsNeverBreakInside(t *testing.T) {
	for _, lang := range []string{"nl", "de", "fr", "id", "en", "it", "es"} {
		st := demo(t, lang, names["latin"])
		st.Adjustments[0].Invoice = "INV-2026-00246/9"
		st.Lines[0].Status = engine.LineApproved
		text := strings.Join(pdftotext(t, writePDF(t, st)), "\n")
		for _, w := range []string{"INV-2026-00246/9", reports.Label(lang, "status_approved")} {
			if !strings.Contains(text, w) {
				t.Errorf("%s: %q is not printed whole", lang, w)
			}
		}
	}
	st := demo(t, "en", names["latin"])
	long := strings.Repeat("Supercalifragilistic", 8)
	st.Lines[0].Program = long
	text := strings.Join(pdftotext(t, writePDF(t, st)), "\n")
	if !strings.Contains(text, "↵") {
		t.Errorf("a program name wider than its column is cut without a mark")
	}
}

// TestProvisionalSaysSo: a statement of an open period says it is
// provisional, one of a closed period does not.
func TestProvisionalSaysSo(t *testing.T) {
	for _, lang := range []string{"en", "de"} {
		st := demo(t, lang, names["latin"])
		st.Provisional = true
		text := strings.Join(pdftotext(t, writePDF(t, st)), "\n")
		if !strings.Contains(text, reports.Label(lang, "provisional")) {
			t.Errorf("%s: an open period's statement does not say %q", lang, reports.Label(lang, "provisional"))
		}
		st.Provisional = false
		text = strings.Join(pdftotext(t, writePDF(t, st)), "\n")
		if strings.Contains(text, reports.Label(lang, "provisional_note")[:12]) {
			t.Errorf("%s: a closed period's statement says it is provisional", lang)
		}
	}
}

// TestRepFileNamesNamePartner: two reps called alike at two partners get
// files that name their partner; two alike at one partner still differ.
func TestRepFileNamesNamePartner(t *testing.T) {
	mk := func(kind engine.PayeeKind, name, partner string) *reports.Statement {
		st := &reports.Statement{}
		st.Period.Key = "2026-Q1"
		st.Payee = reports.Payee{Kind: kind, Name: name, PartnerName: partner}
		return st
	}
	got := reports.BatchNames([]*reports.Statement{
		mk(engine.PayeeRep, "Lena Schäfer", "Acme GmbH"),
		mk(engine.PayeeRep, "Lena Schäfer", "Bürotechnik Großmann KG"),
		mk(engine.PayeePartner, "Lena Schäfer", ""),
		mk(engine.PayeeRep, "Lena Schäfer", "Acme GmbH"),
	})
	want := []string{"2026-q1_lena-schafer_acme-gmbh.pdf", "2026-q1_lena-schafer_burotechnik-grossmann-kg.pdf", "2026-q1_lena-schafer.pdf", "2026-q1_lena-schafer_acme-gmbh-2.pdf"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("name %d = %q, want %q", i, got[i], want[i])
		}
	}
}

// invoiceFixture is a self-billed invoice of three lines, one an
// adjustment (negative).
func invoiceFixture(lang string) *reports.Invoice {
	eur := engine.NewCurrency("EUR")
	lines := []reports.InvoiceLine{
		{Program: "Reseller Rebate", Rule: "Volume rebate", Period: "2026-Q1", Amount: dec("1283.10"),
			Explanation: "Volume rebate: 58,322.85 EUR in 2026-Q1 reaches band from 25,000.00 at 2 % (retroactive) = 1,166.46 EUR; x 1.1 for tier Silver = 1,283.10 EUR"},
		{Program: "Deal Registration Bonus", Rule: "Registered deal bonus", Period: "2026-Q1", Amount: dec("6634.10"),
			Explanation: "Registered deal bonus: 132,682.00 EUR in 2026-Q1 at 5 % = 6,634.10 EUR"},
		{Program: "Reseller Rebate", Rule: "Volume rebate", Period: "2026-Q2", Amount: dec("-61.73"),
			Explanation: "Volume rebate: return of invoice INV-2026-0588 from 2026-Q1: -1,234.50 EUR at 5 % = -61.73 EUR"},
	}
	return &reports.Invoice{
		Company:  reports.Company{Name: "Nordlicht Software GmbH", Address: "Am Sandtorkai 54\n20457 Hamburg\nGermany", Currency: eur},
		Language: lang, Kind: engine.DocInvoice, Number: "SB-2026-00089", Date: engine.MustDate("2026-04-21"),
		Supplier: reports.Supplier{Name: "PT Nusantara Teknologi Solusi", PartnerNo: "P25 · NUSANTARA", Contact: "Putu Ayu Lestari", Email: "partners@nusantara-tek.co.id", Country: "ID"},
		Payout:   reports.InvoicePayout{ID: 89, Method: "bank transfer", Reference: "DEMO-2026-Q1"},
		Lines:    lines, Total: dec("7855.47"), PrintedOn: engine.MustDate("2026-12-06"),
	}
}

// TestInvoicePDF: in every language the document prints its title, its
// number, both parties, the self-billing mention, every line's amount and
// a total equal to their sum (1,283.10 + 6,634.10 - 61.73 = 7,855.47).
func TestInvoicePDF(t *testing.T) {
	for _, lang := range []string{"en", "it", "fr", "nl", "id", "de", "es"} {
		inv := invoiceFixture(lang)
		var b bytes.Buffer
		if err := reports.WriteInvoicePDF(&b, inv); err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		pages, err := reports.InvoicePages(inv)
		if err != nil || len(pages) != 1 {
			t.Errorf("%s: %d pages (%v), want 1", lang, len(pages), err)
		}
		path := t.TempDir() + "/inv.pdf"
		if err := writeFile(path, b.Bytes()); err != nil {
			t.Fatal(err)
		}
		text := strings.Join(pdftotext(t, path), "\n")
		nb := strings.NewReplacer("\u202f", " ", "\u00a0", " ")
		text = nb.Replace(text)
		for _, want := range []string{
			strings.Fields(reports.Label(lang, "inv_title"))[0], "SB-2026-00089", "Nordlicht Software GmbH", "PT Nusantara Teknologi Solusi",
			reports.Label(lang, "inv_self_billing"), reports.Label(lang, "inv_supplier"), "DEMO-2026-Q1",
			nb.Replace(moneyIn(lang, "1283.10")), nb.Replace(moneyIn(lang, "6634.10")), nb.Replace(moneyIn(lang, "-61.73")), nb.Replace(moneyIn(lang, "7855.47")),
		} {
			if !strings.Contains(text, want) {
				t.Errorf("%s: the invoice does not print %q", lang, want)
			}
		}
	}
}

// TestInvoiceCheck refuses documents that could not stand: a total that is
// not the sum of the lines, an unrounded amount, a credit note with a
// positive total, no number.
func TestInvoiceCheck(t *testing.T) {
	for name, damage := range map[string]func(*reports.Invoice){
		"total":  func(i *reports.Invoice) { i.Total = dec("7855.48") },
		"round":  func(i *reports.Invoice) { i.Lines[0].Amount = dec("1283.101"); i.Total = dec("7855.471") },
		"kind":   func(i *reports.Invoice) { i.Kind = engine.DocCreditNote },
		"number": func(i *reports.Invoice) { i.Number = " " },
	} {
		inv := invoiceFixture("en")
		damage(inv)
		if err := reports.WriteInvoicePDF(&bytes.Buffer{}, inv); err == nil {
			t.Errorf("%s: a broken invoice was printed", name)
		}
	}
	inv := invoiceFixture("de")
	inv.Lines = inv.Lines[2:]
	inv.Total, inv.Kind = dec("-61.73"), engine.DocCreditNote
	var b bytes.Buffer
	if err := reports.WriteInvoicePDF(&b, inv); err != nil {
		t.Fatalf("credit note: %v", err)
	}
	path := t.TempDir() + "/cn.pdf"
	if err := writeFile(path, b.Bytes()); err != nil {
		t.Fatal(err)
	}
	if text := strings.Join(pdftotext(t, path), "\n"); !strings.Contains(text, reports.Label("de", "inv_title_credit")) {
		t.Errorf("a negative payout's document is not titled %q", reports.Label("de", "inv_title_credit"))
	}
}

func moneyIn(lang, amount string) string {
	return iMoney(decimal.RequireFromString(amount), lang)
}

func iMoney(d decimal.Decimal, lang string) string {
	return i18n.Money(d, engine.NewCurrency("EUR"), lang)
}

func writeFile(path string, b []byte) error { return os.WriteFile(path, b, 0o600) }

// TestStatementCSVStyle: the statement's CSV follows the company's style:
// semicolons and decimal commas (5125,03) for a European spreadsheet.
func TestStatementCSVStyle(t *testing.T) {
	st := demo(t, "de", names["latin"])
	st.Company.CSVStyle = engine.CSVSemicolon
	var b bytes.Buffer
	if err := reports.WriteStatementCSV(&b, st); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !strings.HasPrefix(out, "\ufeffsection;program;") || !strings.Contains(out, ";5125,03;") {
		t.Errorf("not semicolon style:\n%.300s", out)
	}
}
