package imports_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
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

// scaleLikeFile is the scale benchmark's import file (app/scale_bench_test.go):
// partners by referral code, products by SKU, a line number on each row.
func scaleLikeFile(n int) ([]byte, *imports.MemLookup) {
	look := imports.NewMemLookup(engine.NewCurrency("EUR"))
	for i := 1; i <= 5000; i++ {
		look.AddPartner(engine.Partner{ID: engine.ID(i), Name: fmt.Sprintf("Partner %d", i), ReferralCode: fmt.Sprintf("REF%05d", i)})
	}
	for i := 1; i <= 40; i++ {
		look.AddProduct(engine.Product{ID: engine.ID(i), SKU: fmt.Sprintf("SKU-%03d", i)})
	}
	var b bytes.Buffer
	b.WriteString("date,partner,customer,product,quantity,unit_price,invoice,line\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "2026-%02d-%02d,REF%05d,Imported customer %d,SKU-%03d,%d,%d.%02d,IMP-%07d,1\n",
			4+i%3, 1+i%28, 1+i%5000, i%9000, 1+i%40, 1+i%7, 20+i%400, i%100, i)
	}
	return b.Bytes(), look
}

// countSink takes every record and numbers it, as a store would, and
// keeps nothing.
type countSink struct{ n engine.ID }

func (k *countSink) Add(rec any, line int) error {
	k.n++
	if s, ok := rec.(*engine.Sale); ok {
		s.ID = k.n
	}
	return nil
}

// BenchmarkStreamSales100k is the import's own work on the scale
// benchmark's file, without a store: read (streamed), decide the
// notation, check every row and hand it to a sink that keeps nothing.
func BenchmarkStreamSales100k(b *testing.B) {
	data, look := scaleLikeFile(100_000)
	// From a file, as the app reads it (a file's size is known up front).
	path := filepath.Join(b.TempDir(), "sales.csv")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		tab, err := sheet.Stream(f, "sales.csv")
		f.Close()
		if err != nil {
			b.Fatal(err)
		}
		v, errs := imports.Prepare(imports.Sales, tab, imports.Mapping{}, look)
		if len(errs) > 0 {
			b.Fatal(errs[0])
		}
		sink := &countSink{}
		if errs, err := v.Run(nil, sink); err != nil || len(errs) > 0 || sink.n != 100_000 {
			b.Fatalf("%d sales, %v %v", sink.n, err, errs)
		}
	}
}
