package reports_test

import (
	"bytes"
	"fmt"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"partnerdesk/engine"
	"partnerdesk/engine/i18n"
	"partnerdesk/reports"
)

// Names in the scripts the statements must print as written.
var names = map[string]string{
	"latin":    "Rossi & Figli S.r.l. — Müller Öztürk Łódź Ærø",
	"greek":    "Ελληνική Λύση Α.Ε.",
	"cyrillic": "ООО «Жуков и партнёры»",
	"japanese": "株式会社田中システム",
	"chinese":  "北京长城科技有限公司",
	"korean":   "한국소프트웨어 주식회사",
	"mixed":    "Tanaka 田中 Παπαδόπουλος Жуков",
}

func TestNamesExtractExactly(t *testing.T) {
	for script, name := range names {
		t.Run(script, func(t *testing.T) {
			st := demo(t, "en", name)
			pages := pdftotext(t, writePDF(t, st))
			if !strings.Contains(pages[0], name) {
				t.Errorf("page 1 does not hold %q:\n%s", name, pages[0][:400])
			}
		})
	}
}

func TestFontsEmbedded(t *testing.T) {
	tests := []struct {
		name    string
		payee   string
		wantCJK bool
	}{
		{"latin only", names["greek"], false},
		{"with CJK", names["japanese"], true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := exec.Command("pdffonts", writePDF(t, demo(t, "en", tt.payee))).Output()
			if err != nil {
				t.Fatalf("pdffonts: %v", err)
			}
			rows := strings.Split(strings.TrimSpace(string(out)), "\n")[2:]
			cjk := false
			for _, r := range rows {
				f := strings.Fields(r)
				// name, type (2 words), encoding, emb, sub, uni, object, id.
				if len(f) < 8 || f[len(f)-5] != "yes" {
					t.Errorf("font not embedded: %q", r)
				}
				if strings.Contains(f[0], "Type1") || strings.Contains(r, "Type 1") {
					t.Errorf("a core font is used: %q", r)
				}
				cjk = cjk || strings.Contains(f[0], "cjk")
			}
			if cjk != tt.wantCJK {
				t.Errorf("CJK font embedded = %v, want %v:\n%s", cjk, tt.wantCJK, out)
			}
		})
	}
}

// amountRE matches a printed figure at the end of a table row.
var amountRE = regexp.MustCompile(`\s{2}(-?[0-9][0-9.,\x{202f} ]*(?: EUR| JPY)?(?: \+)?|[0-9][0-9.,\x{202f}]* (?:points|punti|points|punten|poin|Punkte|puntos))\s*$`)

// parseMoney reads a figure printed in lang back into a decimal.
func parseMoney(t *testing.T, s, lang string) decimal.Decimal {
	t.Helper()
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "EUR"))
	switch i18n.Normalize(lang) {
	case "en":
		s = strings.ReplaceAll(s, ",", "")
	default:
		s = strings.NewReplacer(".", "", "\u202f", "", " ", "", ",", ".").Replace(s)
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		t.Fatalf("printed figure %q: %v", s, err)
	}
	return d
}

// section returns the text lines after heading up to the next blank-line
// separated heading ("Total" row included).
func section(text, heading, totalLabel string) []string {
	lines := strings.Split(text, "\n")
	var out []string
	in := false
	for _, l := range lines {
		if !in {
			in = strings.TrimSpace(l) == heading
			continue
		}
		out = append(out, l)
		if strings.HasPrefix(strings.TrimSpace(l), totalLabel) {
			break
		}
	}
	return out
}

func TestPrintedAmountsEqualLines(t *testing.T) {
	for _, lang := range []string{"en", "it", "fr", "de"} {
		t.Run(lang, func(t *testing.T) {
			st := demo(t, lang, names["greek"])
			// Money lines only, so each row ends with one amount.
			st.Lines = append(st.Lines[:3], st.Lines[4])
			text := strings.Join(pdftotext(t, writePDF(t, st)), "\n")
			rows := section(text, reports.Label(lang, "lines"), reports.Label(lang, "total"))
			var printed []decimal.Decimal
			var total decimal.Decimal
			for _, r := range rows {
				// A row's first text line starts at the margin with its
				// program; wrapped explanation lines are indented.
				if r == "" || r[0] == ' ' {
					continue
				}
				m := amountRE.FindString(r)
				if m == "" || !strings.Contains(m, "EUR") {
					continue
				}
				d := parseMoney(t, m, lang)
				if strings.HasPrefix(strings.TrimSpace(r), reports.Label(lang, "total")) {
					total = d
					continue
				}
				printed = append(printed, d)
			}
			if len(printed) != len(st.Lines) {
				t.Fatalf("printed %d amounts %v, want %d lines", len(printed), printed, len(st.Lines))
			}
			sum := decimal.Zero
			for i, d := range printed {
				if !d.Equal(st.Lines[i].Amount) {
					t.Errorf("line %d printed %s, stored %s", i+1, d, st.Lines[i].Amount)
				}
				sum = sum.Add(d)
			}
			// 5125.03 + 1500.00 + 412.35 + 2050.01 = 9087.39, to the cent.
			if !total.Equal(sum) || !total.Equal(dec("9087.39")) {
				t.Errorf("printed total %s, sum of printed lines %s, want 9087.39", total, sum)
			}
			// The summary's total rewards includes the adjustment:
			// 9087.39 - 61.73 = 9025.66.
			// pdftotext gives French's narrow no-break space as a space.
			nb := strings.NewReplacer("\u202f", " ")
			want := nb.Replace(i18n.Money(dec("9025.66"), st.Company.Currency, lang))
			if !strings.Contains(text, reports.Label(lang, "total_rewards")) || !strings.Contains(text, want) {
				t.Errorf("summary lacks total rewards %q", want)
			}
			// The adjustment prints with its invoice and original period.
			adj := nb.Replace(i18n.Money(dec("-61.73"), st.Company.Currency, lang))
			found := false
			for _, r := range strings.Split(text, "\n") {
				if strings.Contains(r, "INV-2026-0588") && strings.Contains(r, "2026-06") && strings.HasSuffix(strings.TrimSpace(r), adj) {
					found = true
				}
			}
			if !found {
				t.Errorf("no adjustment row with INV-2026-0588, 2026-06 and %s", adj)
			}
		})
	}
}

// manyLines gives a statement long enough to need n pages or so.
func manyLines(tb testing.TB, name string, count int) *reports.Statement {
	st := demo(tb, "en", name)
	st.Lines = nil
	for i := 0; i < count; i++ {
		st.Lines = append(st.Lines, reports.Line{
			Program: "SPIF Q3", Rule: "Cloud SPIF", Status: engine.LineApproved,
			Amount:      decimal.New(int64(1000+i*37), -2), // 10.00, 10.37, 10.74, ...
			Explanation: fmt.Sprintf("Cloud SPIF: %d units of CLOUD-PRO sold 1 Jul 2026 to 31 Jul 2026 at 5.00 EUR per unit = %s EUR", i+2, decimal.New(int64(1000+i*37), -2).StringFixed(2)),
		})
	}
	return st
}

func TestPageNumbersOnEveryPage(t *testing.T) {
	for _, tt := range []struct {
		lang  string
		lines int
	}{{"en", 90}, {"it", 90}, {"de", 90}, {"en", 330}} { // 330 lines: over 9 pages, two-digit totals
		lang := tt.lang
		st := manyLines(t, names["cyrillic"], tt.lines)
		st.Language = lang
		pages := pdftotext(t, writePDF(t, st))
		if len(pages) < 3 {
			t.Fatalf("%s: %d pages, want at least 3 for 90 lines", lang, len(pages))
		}
		for i, p := range pages {
			want := reports.Label(lang, "page", "n", fmt.Sprint(i+1), "total", fmt.Sprint(len(pages)))
			if !strings.Contains(p, want) {
				t.Errorf("%s page %d lacks %q", lang, i+1, want)
			}
			// Continuation pages name the payee.
			if !strings.Contains(p, names["cyrillic"]) {
				t.Errorf("%s page %d does not name the payee", lang, i+1)
			}
		}
	}
}

func TestFooterHasPrintDateAndFingerprint(t *testing.T) {
	st := demo(t, "it", "X")
	fp := st.ComputeFingerprint()
	pages := pdftotext(t, writePDF(t, st))
	// PrintedOn 2026-08-03 in Italian is 03/08/2026.
	want := "stampato il 03/08/2026 — dati " + fp
	for i, p := range pages {
		if !strings.Contains(p, want) {
			t.Errorf("page %d lacks %q", i+1, want)
		}
	}
	st.Fingerprint = "abc123abc123"
	if p := pdftotext(t, writePDF(t, st)); !strings.Contains(p[0], "dati abc123abc123") {
		t.Error("the caller's fingerprint is not printed")
	}
}

func TestDeterministic(t *testing.T) {
	var a, b bytes.Buffer
	if err := reports.WritePDF(&a, demo(t, "en", names["mixed"])); err != nil {
		t.Fatal(err)
	}
	if err := reports.WritePDF(&b, demo(t, "en", names["mixed"])); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two prints of the same statement differ")
	}
}

func TestAwkwardInput(t *testing.T) {
	tests := map[string]func(st *reports.Statement){
		"broken logo":     func(st *reports.Statement) { st.Company.Logo = []byte("not an image") },
		"no logo":         func(st *reports.Statement) { st.Company.Logo = nil },
		"emoji and tabs":  func(st *reports.Statement) { st.Payee.Name = "Café\t😀 Ltd\x00" },
		"empty statement": func(st *reports.Statement) { *st = reports.Statement{} },
		"very long word": func(st *reports.Statement) {
			st.Lines[0].Explanation = strings.Repeat("W", 400)
			st.Payee.Name = strings.Repeat("長", 200)
		},
		"unsupported scripts": func(st *reports.Statement) { st.Payee.Name = "شركة עברית ไทย हिन्दी" },
	}
	for name, edit := range tests {
		t.Run(name, func(t *testing.T) {
			st := demo(t, "en", "X")
			edit(st)
			pages := pdftotext(t, writePDF(t, st))
			if len(pages) == 0 || !strings.Contains(pages[0], "page 1 of") {
				t.Errorf("no page 1 footer in %q", pages)
			}
		})
	}
}

func TestWritePDFRefusesUntraceableSummary(t *testing.T) {
	st := demo(t, "en", "X")
	st.Summary.RewardsByProgram = []reports.ProgramTotal{{Program: "Reseller commission", Amount: dec("1")}}
	if err := reports.WritePDF(&bytes.Buffer{}, st); err == nil {
		t.Error("WritePDF printed a summary that its lines do not add up to")
	}
}
