package engine_test

import (
	"strings"
	"testing"

	"partnerdesk/engine"
)

// TestPartnerAddressAndTaxID: the one partner check normalises a tax id
// (spaces out, upper case) and an address (line breaks to "\n", lines
// trimmed, empty lines dropped), and refuses control characters, an
// address too long or of too many lines, and a tax id too long, naming
// the field.
func TestPartnerAddressAndTaxID(t *testing.T) {
	ok := engine.Partner{Name: "Acme Srl", Kind: engine.KindReseller,
		Address: "  Via Roma 12 \r\n\r\n20121 Milano MI\rItalia\n", TaxID: " it 0123 4567\u00a0890 "}
	if errs := engine.CheckPartner(&ok, memFacts{}); errs != nil {
		t.Fatalf("a good partner was refused: %v", errs)
	}
	if want := "Via Roma 12\n20121 Milano MI\nItalia"; ok.Address != want {
		t.Errorf("address normalised to %q, want %q", ok.Address, want)
	}
	if want := "IT01234567890"; ok.TaxID != want {
		t.Errorf("tax id normalised to %q, want %q", ok.TaxID, want)
	}
	for name, tt := range map[string]struct {
		address, taxID string
		field, reason  string
	}{
		"tab in address":      {"Via Roma\t12", "", "address", "line 1 of the address holds a control character"},
		"NUL in address":      {"Via Roma 12\nMilano\x00", "", "address", "line 2 of the address"},
		"bidi in address":     {"Via Roma 12\u202e", "", "address", "invisible format character"},
		"long address":        {strings.Repeat("x", 301), "", "address", "301 characters: at most 300"},
		"seven lines":         {"a\nb\nc\nd\ne\nf\ng", "", "address", "7 lines: at most 6"},
		"NUL in tax id":       {"", "DE123\x00456", "tax_id", "control character"},
		"long tax id":         {"", strings.Repeat("9", 31), "tax_id", "31 characters: a VAT or tax id has at most 30"},
		"zero width in taxid": {"", "DE123\u200b456", "tax_id", "invisible format character"},
	} {
		p := engine.Partner{Name: "Acme Srl", Kind: engine.KindReseller, Address: tt.address, TaxID: tt.taxID}
		errs := engine.CheckPartner(&p, memFacts{})
		if len(errs) != 1 || errs[0].Field != tt.field || !strings.Contains(errs[0].Reason, tt.reason) {
			t.Errorf("%s: got %v, want one error on %s saying %q", name, errs, tt.field, tt.reason)
		}
	}
	// Six lines of 49 characters and their five breaks: 6 x 49 + 5 = 299
	// characters, within both bounds.
	six := strings.TrimSuffix(strings.Repeat(strings.Repeat("y", 49)+"\n", 6), "\n")
	p := engine.Partner{Name: "Acme Srl", Kind: engine.KindReseller, Address: six}
	if errs := engine.CheckPartner(&p, memFacts{}); errs != nil {
		t.Errorf("an address of 6 lines and 299 characters was refused: %v", errs)
	}
}

func TestTaxIDCountry(t *testing.T) {
	for in, want := range map[string]string{
		"DE298765431": "DE", "el123456789": "GR", "XI123456789": "GB", "CHE-123.456.789MWST": "CH",
		"12-3456789": "", "T1234567890123": "", "01.234.567.8-012.000": "", "QQ123": "", "DE": "",
	} {
		if got := engine.TaxIDCountry(in); got != want {
			t.Errorf("TaxIDCountry(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestReverseCharge: the note needs both tax ids and two different
// countries; the company's country is its VAT id's prefix, the partner's
// its country field, else its tax id's prefix.
func TestReverseCharge(t *testing.T) {
	de := engine.Company{TaxID: "DE298765431"}
	tests := []struct {
		name string
		co   engine.Company
		p    engine.Partner
		want bool
	}{
		{"foreign EU partner", de, engine.Partner{Country: "IT", TaxID: "IT01234567890"}, true},
		{"domestic partner", de, engine.Partner{Country: "DE", TaxID: "DE123456789"}, false},
		{"foreign, no partner tax id", de, engine.Partner{Country: "IT"}, false},
		{"company without tax id", engine.Company{}, engine.Partner{Country: "IT", TaxID: "IT01234567890"}, false},
		{"partner without country: its VAT id's", de, engine.Partner{TaxID: "FR12345678901"}, true},
		{"partner without country, domestic VAT id", de, engine.Partner{TaxID: "DE123456789"}, false},
		{"US partner with an EIN", de, engine.Partner{Country: "US", TaxID: "12-3456789"}, true},
		{"company id names no country", engine.Company{TaxID: "12-3456789"}, engine.Partner{Country: "IT", TaxID: "IT01234567890"}, false},
		{"Greek partner, company EL prefix", engine.Company{TaxID: "EL123456789"}, engine.Partner{Country: "GR", TaxID: "EL999999999"}, false},
	}
	for _, tt := range tests {
		if got := engine.ReverseCharge(tt.co, tt.p); got != tt.want {
			t.Errorf("%s: ReverseCharge = %v, want %v", tt.name, got, tt.want)
		}
	}
}
