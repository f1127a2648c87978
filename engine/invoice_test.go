package engine

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

func TestInvoiceNo(t *testing.T) {
	n := InvoiceNo{Year: 2026, Seq: 42}
	if n.String() != "SB-2026-00042" {
		t.Errorf("String = %q", n)
	}
	for _, s := range []string{"SB-2026-00042", "sb-2026-42", "2026-42", " SB-2026-0042 "} {
		if got, err := ParseInvoiceNo(s); err != nil || got != n {
			t.Errorf("ParseInvoiceNo(%q) = %v, %v", s, got, err)
		}
	}
	for _, s := range []string{"", "SB-2026", "SB-2026-0", "SB-x-1", "INV-2026-00246", "42"} {
		if _, err := ParseInvoiceNo(s); err == nil {
			t.Errorf("ParseInvoiceNo(%q) accepted", s)
		}
	}
	if (InvoiceNo{}).String() != "" || !(InvoiceNo{}).IsZero() {
		t.Error("the zero number prints")
	}
	// -0.01 claws back: a credit note; 0 and 0.01: invoices.
	for amt, want := range map[string]DocKind{"-0.01": DocCreditNote, "0": DocInvoice, "0.01": DocInvoice} {
		if got := DocKindOf(decimal.RequireFromString(amt)); got != want {
			t.Errorf("DocKindOf(%s) = %s, want %s", amt, got, want)
		}
	}
	if SelfBilled(Payout{Payee: Payee{Kind: PayeeRep, ID: 1}}) || !SelfBilled(Payout{Payee: Payee{Kind: PayeePartner, ID: 1}}) {
		t.Error("a rep's payout is self-billed, or a partner's is not")
	}
	if InvoiceYear(Payout{Date: MustDate("2026-12-31")}) != 2026 || InvoiceYear(Payout{Date: MustDate("2027-01-01")}) != 2027 {
		t.Error("the numbering year is not the payout date's calendar year")
	}
}

func TestInvoiceSequenceProblems(t *testing.T) {
	d := MustDate("2026-05-01")
	ok := []NumberedPayout{{1, d, InvoiceNo{2026, 2}}, {2, d, InvoiceNo{2026, 1}}, {3, MustDate("2027-01-02"), InvoiceNo{2027, 1}}}
	if p := InvoiceSequenceProblems(ok); len(p) != 0 {
		t.Errorf("a clean sequence: %v", p)
	}
	tests := []struct {
		name string
		ns   []NumberedPayout
		want string
	}{
		{"gap", []NumberedPayout{{1, d, InvoiceNo{2026, 1}}, {2, d, InvoiceNo{2026, 3}}}, "jump from 1 to 3"},
		{"not from 1", []NumberedPayout{{1, d, InvoiceNo{2026, 2}}}, "jump from 0 to 2"},
		{"twice", []NumberedPayout{{1, d, InvoiceNo{2026, 1}}, {2, d, InvoiceNo{2026, 1}}}, "SB-2026-00001 is given twice"},
		{"two numbers", []NumberedPayout{{1, d, InvoiceNo{2026, 1}}, {1, d, InvoiceNo{2026, 2}}}, "payout 1 holds 2 numbers"},
		{"wrong year", []NumberedPayout{{1, d, InvoiceNo{2025, 1}}}, "in another year"},
	}
	for _, tt := range tests {
		p := InvoiceSequenceProblems(tt.ns)
		if !strings.Contains(strings.Join(p, "\n"), tt.want) {
			t.Errorf("%s: %v, want %q", tt.name, p, tt.want)
		}
	}
}
