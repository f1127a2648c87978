package data_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/shopspring/decimal"

	"partnerdesk/data"
	"partnerdesk/engine"
)

// genSales returns n sales of a quarter (2026-Q3) over partners 1..np and
// 20 products, seeded so every run stores the same file. Invoices are
// unique from start on.
func genSales(n, np, start int, seed uint64) []engine.Sale {
	r := rand.New(rand.NewPCG(seed, 7))
	q := engine.Quarter(2026, 3, 1)
	out := make([]engine.Sale, n)
	for i := range out {
		qty := int64(1 + r.IntN(20))
		price := decimal.New(int64(1000+r.IntN(200000)), -2)
		out[i] = engine.Sale{
			Date:        q.Start.AddDays(r.IntN(q.Days())),
			PartnerID:   engine.ID(1 + r.IntN(np)),
			Customer:    fmt.Sprintf("Customer %d", r.IntN(50000)),
			NewCustomer: r.IntN(4) == 0,
			ProductID:   engine.ID(1 + r.IntN(20)),
			Quantity:    decimal.NewFromInt(qty),
			UnitPrice:   price,
			Net:         price.Mul(decimal.NewFromInt(qty)),
			Invoice:     fmt.Sprintf("INV-%08d", start+i),
			Line:        1,
		}
	}
	return out
}

func putSales(tb testing.TB, s *data.Store, sales []engine.Sale) {
	tb.Helper()
	err := s.Update("bench", func(tx *data.Tx) error {
		for i := range sales {
			if err := tx.Put(&sales[i]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
}

// BenchmarkPutSales100k: a 100,000-line import in one Update, with the
// audit entries and the three sales indexes.
func BenchmarkPutSales100k(b *testing.B) {
	for b.Loop() {
		b.StopTimer()
		path := filepath.Join(b.TempDir(), "p.db")
		s, err := data.Open(path, data.Options{})
		if err != nil {
			b.Fatal(err)
		}
		sales := genSales(100_000, 5000, 0, 1)
		b.StartTimer()
		putSales(b, s, sales)
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
}

// BenchmarkReadQuarterSales reads the 1,000,000 sales of a quarter through
// the date index and sums their net amounts; its sub-benchmarks time a
// full check and a backup of the same file.
func BenchmarkReadQuarterSales(b *testing.B) {
	path := filepath.Join(b.TempDir(), "p.db")
	s, err := data.Open(path, data.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	err = s.Update("bench", func(tx *data.Tx) error {
		for i := 1; i <= 5000; i++ {
			if err := tx.Put(&engine.Partner{Name: fmt.Sprint("P", i), Kind: engine.KindReseller}); err != nil {
				return err
			}
		}
		for i := 1; i <= 20; i++ {
			if err := tx.Put(&engine.Product{SKU: fmt.Sprint("S", i)}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < 10; i++ {
		putSales(b, s, genSales(100_000, 5000, i*100_000, uint64(i)))
	}
	q := engine.Quarter(2026, 3, 1)
	b.Run("read", func(b *testing.B) {
		for b.Loop() {
			n := 0
			sum := decimal.Zero
			err := s.View(func(tx *data.Tx) error {
				return tx.SalesBetween(q.Start, q.End, func(s *engine.Sale) error {
					n++
					sum = sum.Add(s.Net)
					return nil
				})
			})
			if err != nil || n != 1_000_000 {
				b.Fatalf("read %d sales, err %v", n, err)
			}
		}
		if fi, err := os.Stat(path); err == nil {
			b.ReportMetric(float64(fi.Size())/(1<<20), "file-MiB")
		}
	})
	b.Run("append", func(b *testing.B) {
		// The compute's read: every sale decoded into one slice, on every
		// core.
		for b.Loop() {
			var n int
			err := s.View(func(tx *data.Tx) error {
				ss, err := tx.AppendSalesBetween(nil, q.Start, q.End)
				n = len(ss)
				return err
			})
			if err != nil || n != 1_000_000 {
				b.Fatalf("read %d sales, err %v", n, err)
			}
		}
	})
	b.Run("check", func(b *testing.B) {
		for b.Loop() {
			rep, err := s.Check()
			if err != nil || !rep.OK() {
				b.Fatalf("check: %v %v", err, rep.Problems)
			}
		}
	})
	b.Run("backup", func(b *testing.B) {
		dst := filepath.Join(b.TempDir(), "b.db")
		for b.Loop() {
			if err := s.Backup(dst); err != nil {
				b.Fatal(err)
			}
		}
		if fi, err := os.Stat(dst); err == nil {
			b.ReportMetric(float64(fi.Size())/(1<<20), "backup-MiB")
		}
	})
}
