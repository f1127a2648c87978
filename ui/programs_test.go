package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"

	"partnerdesk/engine"
	"partnerdesk/engine/filename"
	"partnerdesk/engine/views"
)

func newProgramsTest(t *testing.T) (fyne.Window, *fakeServices, *ProgramsScreen) {
	t.Helper()
	w := newTestWindow(t)
	f := newFakeServices()
	s := NewProgramsScreen(w, f)
	s.wait()
	w.SetContent(s.Content())
	return w, f, s
}

func TestProgramsListAndRules(t *testing.T) {
	_, _, s := newProgramsTest(t)
	cell := func(row, col int) string {
		l := widget.NewLabel("")
		s.cell(widget.TableCellID{Row: row, Col: col}, l)
		return l.Text
	}
	tests := []struct {
		col  int
		want string
	}{
		// The amount columns name the currency in their header ("Budget
		// EUR"), so the cells hold the grouped number alone.
		{0, "Volume rebate"}, {1, "active"}, {2, "quarter"}, {3, "from 2026-01-01"},
		{4, "10,000.00"}, {5, "9,000.00"},
	}
	for _, tt := range tests {
		if got := cell(0, tt.col); got != tt.want {
			t.Errorf("column %s: got %q, want %q", programColumns[tt.col], got, tt.want)
		}
	}
	// The first program opens by itself.
	if got, want := s.heading.Text, "Volume rebate"; got != want {
		t.Errorf("heading: got %q, want %q", got, want)
	}
	md := s.rulesMarkdown(s.current)
	for _, want := range []string{"Bands (retroactive): from 0 → 2 %; from 100,000 → 5 %", "Kind: rate on revenue", "Eligible: every partner", "budget 10,000.00 EUR"} {
		if !strings.Contains(md, want) {
			t.Errorf("rules view lacks %q:\n%s", want, md)
		}
	}
}

func TestProgramsRuleKindsRead(t *testing.T) {
	f := numFmt{lang: "en", cur: eurCurrency}
	tests := []struct {
		name string
		rule engine.Rule
		want string
	}{
		{"spif rate", engine.Rule{Kind: engine.RuleSPIF, SPIF: &engine.SPIFRule{SKUs: []string{"MRR"}, From: engine.MustDate("2026-07-01"), To: engine.MustDate("2026-07-31"), Rate: mustDec("800")}},
			"SKUs MRR sold 2026-07-01 to 2026-07-31: 800 % of the net amount"},
		{"referral forever", engine.Rule{Kind: engine.RuleReferral, Referral: &engine.ReferralRule{Rate: mustDec("20")}},
			"Rate 20 % on subscription revenue for as long as the program runs"},
		{"target", engine.Rule{Kind: engine.RuleTarget, Target: &engine.TargetRule{DefaultTarget: mustDec("50000"), Steps: []engine.Step{{Attainment: mustDec("80"), Amount: mustDec("500")}}}},
			"Steps: 80 % → 500.00 EUR"},
		{"fund", engine.Rule{Kind: engine.RuleFund, Fund: &engine.FundRule{Rate: mustDec("2.5"), ValidityDays: 180}},
			"MDF accrual at 2.5 %, valid 180 days after the period end"},
		{"activity points", engine.Rule{Kind: engine.RuleActivity, Activity: &engine.ActivityRule{Types: []string{"demo"}, Amount: mustDec("50"), Unit: engine.UnitPoints, ToRep: true}},
			"50 points per activity of type demo, to the rep"},
		{"units flat", engine.Rule{Kind: engine.RuleRate, Basis: engine.BasisUnits, Rate: &engine.RateRule{Rate: mustDec("3")}},
			"Flat rate 3.00 EUR per unit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := strings.Join(ruleLines(tt.rule, f), " | ")
			if !strings.Contains(got, tt.want) {
				t.Errorf("got %q, want it to contain %q", got, tt.want)
			}
		})
	}
}

func TestProgramsSimulate(t *testing.T) {
	_, f, s := newProgramsTest(t)
	// Simulated 5,125.03 against 4,100.02 paid: difference +1,025.01.
	f.sim = views.Simulation{Program: "Volume rebate", Period: "2026-Q2", Language: "en", Currency: eurCurrency,
		Rows: []views.SimRow{{Payee: engine.Payee{Kind: engine.PayeePartner, ID: 1}, Name: "Acme Srl",
			Simulated: mustDec("5125.03"), Actual: mustDec("4100.02"), Diff: mustDec("1025.01")}},
		Total: mustDec("5125.03"), Actual: mustDec("4100.02"), Diff: mustDec("1025.01")}
	s.simPeriod.SetText("2026-Q2")
	s.onSimulate()
	s.wait()
	if got, want := f.simFor, "Volume rebate|2026-Q2"; got != want {
		t.Errorf("simulated: got %q, want %q", got, want)
	}
	want := "Volume rebate over 2026-Q2: 1 payees would earn 5,125.03 EUR; 4,100.02 EUR was paid; difference +1,025.01 EUR."
	if got := s.simInfo.Text; got != want {
		t.Errorf("summary: got %q, want %q", got, want)
	}
	l := widget.NewLabel("")
	s.simTable.UpdateCell(widget.TableCellID{Row: 0, Col: 4}, l)
	if l.Text != "+1,025.01 EUR" || l.Importance != widget.DangerImportance {
		t.Errorf("difference cell: got %q (importance %v), want +1,025.01 EUR in red", l.Text, l.Importance)
	}
}

func TestProgramsSaveShowsFieldErrors(t *testing.T) {
	_, f, s := newProgramsTest(t)
	hint := func(label string) string {
		for _, it := range s.form.Items {
			if it.Text == label {
				return it.HintText
			}
		}
		t.Fatalf("no form item %q", label)
		return ""
	}
	s.budget.SetText("12,5O0")
	s.onSave()
	s.wait()
	if !strings.Contains(hint("Budget"), "is not an amount") {
		t.Errorf("budget hint: got %q", hint("Budget"))
	}
	if len(f.saved) != 0 {
		t.Fatalf("saved with a bad budget: %+v", f.saved)
	}

	s.budget.SetText("12500")
	s.name.SetText("")
	s.onSave()
	s.wait()
	if got, want := hint("Name"), "A program needs a name."; got != want {
		t.Errorf("name hint: got %q, want the back end's reason %q", got, want)
	}

	s.name.SetText("Volume rebate 2027")
	test.Type(s.to, "2027-12-31")
	s.onSave()
	s.wait()
	if len(f.saved) != 1 {
		t.Fatalf("saves: got %d, want 1", len(f.saved))
	}
	p := f.saved[0]
	if p.Name != "Volume rebate 2027" || !p.Budget.Equal(decimal.NewFromInt(12500)) || p.ValidTo != engine.MustDate("2027-12-31") || len(p.Rules) != 1 {
		t.Errorf("saved program: got %+v", p)
	}
}

// The budget is read by the service, as every form's amounts are: a
// decimal comma is fine (the screen once parsed it itself and refused it).
func TestProgramsBudgetReadByTheService(t *testing.T) {
	_, f, s := newProgramsTest(t)
	f.amounts = map[string]decimal.Decimal{"12.500,50": mustDec("12500.50")}
	s.edit(f.programs.Programs[0].Program)
	s.budget.SetText("12.500,50")
	s.onSave()
	s.wait()
	if len(f.saved) != 1 || !f.saved[0].Budget.Equal(mustDec("12500.50")) {
		t.Fatalf("saved %+v: want one save with the budget 12500.50 the service read", f.saved)
	}
	// The editor reads every figure through the service (the rule's bands
	// too), so the budget is one of the texts it was asked to read.
	if !slices.Contains(f.parsed, "12.500,50") {
		t.Errorf("the service was asked to read %q, want the typed 12.500,50", f.parsed)
	}
}

func TestFileName(t *testing.T) {
	tests := []struct {
		in   []string
		want string
	}{
		{[]string{"Acme Srl 2026-07"}, "acme-srl-2026-07"},
		{[]string{"a/b: c?"}, "a-b-c"},
		{[]string{"..."}, "unnamed"},
		{[]string{"東京 2026-Q3"}, "東京-2026-q3"},
		// Windows device names, with or without an extension, are adjusted.
		{[]string{"CON"}, "con-file"},
		{[]string{"nul.json"}, "nul-json"},
		{[]string{"Com1"}, "com1-file"},
		{[]string{"LPT9"}, "lpt9-file"},
		// A statement: the command line's PERIOD_payee (reports.FileName).
		{[]string{"2026-07", "Rossi & Figli S.r.l."}, "2026-07_rossi-figli-s-r-l"},
		{[]string{"2026-07", "AUX"}, "2026-07_aux-file"}, // as reports.FileName
	}
	for _, tt := range tests {
		got := fileName(tt.in...)
		if got != tt.want {
			t.Errorf("fileName(%q): got %q, want %q", tt.in, got, tt.want)
		}
		for _, ext := range []string{".json", ".pdf", ".csv", ".xlsx"} {
			if err := filename.CheckName(got + ext); err != nil {
				t.Errorf("fileName(%q)+%s is not valid on Windows: %v", tt.in, ext, err)
			}
		}
	}
}
