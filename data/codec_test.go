package data_test

import (
	"encoding/json"
	"testing"

	"partnerdesk/data"
	"partnerdesk/engine"
)

func TestSaleCodecKeepsDecimalsExact(t *testing.T) {
	tests := []string{"0", "1", "-1", "0.1", "-12.345", "123456789012345.6789", "99999999999999999999999999.000000001", "1E-30", "-0.000001"}
	for _, v := range tests {
		t.Run(v, func(t *testing.T) {
			in := engine.Sale{Net: dec(v), Quantity: dec(v), UnitPrice: dec(v), Date: -3, Booked: 20000, Line: -2,
				Splits: []engine.CreditSplit{{PartnerID: 1, Share: dec(v)}}}
			var out engine.Sale
			if err := data.DecodeSale(data.EncodeSale(&in), &out); err != nil {
				t.Fatal(err)
			}
			if !out.Net.Equal(in.Net) || !out.Quantity.Equal(in.Quantity) || !out.UnitPrice.Equal(in.UnitPrice) || !out.Splits[0].Share.Equal(in.Splits[0].Share) {
				t.Errorf("decoded %s, %s, %s, %s; want %s", out.Net, out.Quantity, out.UnitPrice, out.Splits[0].Share, v)
			}
			if out.Date != -3 || out.Booked != 20000 || out.Line != -2 {
				t.Errorf("decoded date %d booked %d line %d", out.Date, out.Booked, out.Line)
			}
		})
	}
}

// FuzzDecodeSale: arbitrary bytes never panic, and whatever decodes
// encodes back to the same sale.
func FuzzDecodeSale(f *testing.F) {
	s := sale(1, 2, "2026-07-01", "INV", 1, "12.34")
	s.Splits = []engine.CreditSplit{{PartnerID: 1, Share: dec("100")}}
	f.Add(data.EncodeSale(s))
	f.Add([]byte{1})
	f.Add([]byte{1, 0, 0, 0, 200})
	f.Fuzz(func(t *testing.T, b []byte) {
		var out engine.Sale
		if err := data.DecodeSale(b, &out); err != nil {
			return
		}
		var again engine.Sale
		if err := data.DecodeSale(data.EncodeSale(&out), &again); err != nil {
			t.Fatalf("re-decode: %v", err)
		}
		if !again.Net.Equal(out.Net) || again.Invoice != out.Invoice || again.Date != out.Date || len(again.Splits) != len(out.Splits) {
			t.Fatalf("round trip changed the sale: %+v vs %+v", again, out)
		}
	})
}

func TestAuditEncodingMatchesJSON(t *testing.T) {
	e := engine.AuditEntry{ID: 12, At: clock, Operator: "Zoë \"Q\" <ops>", Action: "update", Kind: "sale", RecordID: 9,
		Before: []byte(`{"a":1}`), After: []byte(`{"b":"ü"}`)}
	want, err := json.Marshal(e)
	if err != nil {
		t.Fatal(err)
	}
	if got := data.EncodeAudit(&e); string(got) != string(want) {
		t.Errorf("EncodeAudit = %s\nwant %s", got, want)
	}
	e.Before = nil
	want, _ = json.Marshal(e)
	if got := data.EncodeAudit(&e); string(got) != string(want) {
		t.Errorf("EncodeAudit without before = %s\nwant %s", got, want)
	}
}
