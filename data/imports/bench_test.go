package imports_test

import (
	"bytes"
	"fmt"
	"testing"

	"partnerdesk/data/imports"
	"partnerdesk/data/sheet"
	"partnerdesk/engine"
)

// salesFile builds an ERP-like sales export of n rows over 200 partners
// and 50 products, semicolon-separated with decimal commas.
func salesFile(n int) ([]byte, *imports.MemLookup) {
	look := imports.NewMemLookup(engine.NewCurrency("EUR"))
	for i := 1; i <= 200; i++ {
		look.AddPartner(engine.Partner{ID: engine.ID(i), Name: fmt.Sprintf("Partner %03d Srl", i)})
		look.AddRep(engine.Rep{ID: engine.ID(i), PartnerID: engine.ID(i), Name: fmt.Sprintf("Rep %03d", i)})
	}
	for i := 1; i <= 50; i++ {
		look.AddProduct(engine.Product{ID: engine.ID(i), SKU: fmt.Sprintf("SKU-%02d", i)})
	}
	look.AddClosed(engine.Month(engine.MustDate("2026-06-01")))
	var b bytes.Buffer
	b.WriteString("\ufeffdate;partner;rep;customer;product;quantity;unit_price;net;invoice;line\r\n")
	for i := 0; i < n; i++ {
		p := i%200 + 1
		qty := i%7 + 1
		cents := 1000 + i%90000 // unit price 10,00 to 909,99
		fmt.Fprintf(&b, "%02d/07/2026;Partner %03d Srl;Rep %03d;Customer %d;SKU-%02d;%d;%d,%02d;%d,%02d;F-%d;%d\r\n",
			i%31+1, p, p, i%5000, i%50+1, qty, cents/100, cents%100, qty*cents/100, qty*cents%100, i/3, i%3+1)
	}
	return b.Bytes(), look
}

func TestSalesFileConverts(t *testing.T) {
	data, look := salesFile(1000)
	tab, err := sheet.Read(bytes.NewReader(data), "sales.csv")
	if err != nil {
		t.Fatal(err)
	}
	b, errs := imports.Convert(imports.Sales, tab, imports.Mapping{}, look)
	if len(errs) > 0 {
		t.Fatal(errs[:1])
	}
	// Row 0: quantity 1 x 10,00 = 10,00.
	if len(b.Sales) != 1000 || !b.Sales[0].Net.Equal(dec("10")) || b.Sales[0].Line != 1 {
		t.Errorf("%d sales, first %+v", len(b.Sales), b.Sales[0])
	}
}

// BenchmarkReadConvertSales100k reads and checks a 100,000-row sales CSV
// against an in-memory lookup: the import's work before the store commits.
func BenchmarkReadConvertSales100k(b *testing.B) {
	data, look := salesFile(100000)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for range b.N {
		tab, err := sheet.Read(bytes.NewReader(data), "sales.csv")
		if err != nil {
			b.Fatal(err)
		}
		batch, errs := imports.Convert(imports.Sales, tab, imports.Mapping{}, look)
		if len(errs) > 0 || len(batch.Sales) != 100000 {
			b.Fatalf("%d sales, %d errors %v", len(batch.Sales), len(errs), errs[:min(len(errs), 3)])
		}
	}
}
