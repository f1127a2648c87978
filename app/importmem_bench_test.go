package app_test

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"partnerdesk/app/demo"
	"partnerdesk/data"
	"partnerdesk/engine"
)

// importMemRows is the 40 MB sales file of issue 12 finding 8: 404,324
// rows of 5 partners and 4 products (about 104 bytes a row).
const importMemRows = 404_324

// BenchmarkImportSales40MB imports a 40 MB sales CSV into the demo company
// and reports the most memory the Go runtime held at once (peak-total-MB,
// all its memory; peak-heap-MB, heap objects), the file's size and the
// database's growth. It fails when the runtime held 768 MB or more: a 40 MB
// file imports in well under 1 GB (issue 12 finding 8). It checks that the
// import wrote one audit entry naming what it created, not one per sale.
//
//	go test -run '^$' -bench ImportSales40MB -benchtime 1x -timeout 600s ./app/
func BenchmarkImportSales40MB(b *testing.B) {
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		svc := newDemo(b, "2026-11-30", "2026-12-06")
		csvPath := filepath.Join(b.TempDir(), "sales.csv")
		ds := demo.Generate(1, engine.MustDate("2026-11-30"))
		if err := writeMemCSV(csvPath, ds); err != nil {
			b.Fatal(err)
		}
		fi, err := os.Stat(csvPath)
		if err != nil {
			b.Fatal(err)
		}
		dbPath := svc.Store().Path()
		before := fileSize(b, dbPath)
		last, err := svc.RecentAudit(1)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		var written int
		heap, total := peakMemory(func() {
			rep, err := svc.Import("sales", csvPath, nil, false, nil)
			if err != nil {
				b.Fatalf("import: %v %v", err, rep.Errors)
			}
			written = rep.Written
		})
		b.StopTimer()
		if written != importMemRows {
			b.Fatalf("imported %d sales, want %d", written, importMemRows)
		}
		es, err := svc.RecentAudit(1)
		if err != nil {
			b.Fatal(err)
		}
		a, ok := data.ImportOf(&es[0])
		if !ok || a.Count() != importMemRows || a.File != "sales.csv" || a.Rows != importMemRows || es[0].ID != last[0].ID+1 {
			b.Fatalf("newest audit entry %d %s %s (before the import: %d): want the one entry of an import of %d sales",
				es[0].ID, es[0].Action, es[0].Kind, last[0].ID, importMemRows)
		}
		mb := func(n uint64) float64 { return float64(n) / (1 << 20) }
		b.ReportMetric(mb(total), "peak-total-MB")
		b.ReportMetric(mb(heap), "peak-heap-MB")
		b.ReportMetric(float64(fi.Size())/(1<<20), "csv-MB")
		b.ReportMetric(float64(fileSize(b, dbPath)-before)/(1<<20), "db-growth-MB")
		if mb(total) >= 768 {
			b.Errorf("importing a %.1f MB file held %.0f MB at its peak; want well under 1 GB (768 MB)", float64(fi.Size())/(1<<20), mb(total))
		}
	}
}

// writeMemCSV writes importMemRows sales of December 2026 (an open month)
// for the demo's first five active partners and first four products.
func writeMemCSV(path string, ds demo.Dataset) error {
	var partners []string
	for _, p := range ds.Partners {
		if p.Status == engine.StatusActive && len(partners) < 5 {
			partners = append(partners, p.Name)
		}
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	w := csv.NewWriter(bw)
	w.Write([]string{"date", "partner", "customer", "product", "quantity", "unit_price", "invoice", "line"})
	for i := 0; i < importMemRows; i++ {
		p := ds.Products[(i/5)%4]
		w.Write([]string{
			fmt.Sprintf("2026-12-%02d", 1+i*31/importMemRows),
			partners[i%len(partners)],
			fmt.Sprintf("Imported customer %d Nord-Ost", i%9973),
			p.SKU,
			strconv.Itoa(1 + i%7),
			p.ListPrice.StringFixed(2),
			fmt.Sprintf("IMP-%07d", i),
			"1",
		})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		f.Close()
		return err
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// peakMemory runs fn and returns the most heap-object memory and the most
// memory of all kinds the Go runtime held at once while it ran, sampled
// every 2 ms.
func peakMemory(fn func()) (heap, total uint64) {
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/memory/classes/total:bytes"}}
	var ph, pt atomic.Uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(2 * time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(sample)
			if v := sample[0].Value.Uint64(); v > ph.Load() {
				ph.Store(v)
			}
			if v := sample[1].Value.Uint64() - releasedBytes(); v > pt.Load() {
				pt.Store(v)
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	fn()
	close(done)
	wg.Wait()
	return ph.Load(), pt.Load()
}

// releasedBytes is the memory the runtime mapped but gave back to the
// system: in its total, not resident.
func releasedBytes() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/released:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

func fileSize(tb testing.TB, path string) int64 {
	tb.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		tb.Fatal(err)
	}
	return fi.Size()
}
