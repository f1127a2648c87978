package schema1_test

import (
	"path/filepath"
	"testing"

	"github.com/shopspring/decimal"

	"partnerdesk/data"
	"partnerdesk/engine"
	"partnerdesk/internal/schema1"
)

// A file written by Write is schema 1 to the current store: opening it
// upgrades it, and every sale reads back with its amounts and its booked
// day; a second Write on the same path is refused.
func TestWriteIsReadAsSchema1(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v1.db")
	sales := []engine.Sale{
		{Date: engine.MustDate("2025-03-01"), PartnerID: 1, ProductID: 1, Customer: "C", Invoice: "A-1", Line: 1,
			Quantity: decimal.NewFromInt(3), UnitPrice: decimal.RequireFromString("0.125"), Net: decimal.RequireFromString("0.38")},
		{Date: engine.MustDate("2025-02-10"), Booked: engine.MustDate("2025-04-01"), PartnerID: 2, ProductID: 1, Customer: "D", Invoice: "B-1", Line: 2,
			Quantity: decimal.NewFromInt(-1), UnitPrice: decimal.NewFromInt(100), Net: decimal.NewFromInt(-100)},
	}
	if err := schema1.Write(path, sales); err != nil {
		t.Fatal(err)
	}
	if err := schema1.Write(path, sales); err == nil {
		t.Error("a second Write over the file was not refused")
	}
	st, err := data.Open(path, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var got []engine.Sale
	err = st.View(func(tx *data.Tx) error {
		return tx.SalesBetween(engine.MustDate("2025-01-01"), engine.MustDate("2025-12-31"), func(s *engine.Sale) error {
			got = append(got, *s)
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	// By book day: A-1 on 03-01, then B-1 booked 04-01.
	if len(got) != 2 || got[0].Invoice != "A-1" || !got[0].Net.Equal(decimal.RequireFromString("0.38")) || !got[0].UnitPrice.Equal(decimal.RequireFromString("0.125")) ||
		got[1].Invoice != "B-1" || got[1].Booked != engine.MustDate("2025-04-01") || !got[1].Net.Equal(decimal.NewFromInt(-100)) || got[1].Line != 2 {
		t.Errorf("sales read back = %+v", got)
	}
}
