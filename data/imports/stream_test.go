package imports_test

import (
	"bytes"
	"fmt"
	"io"
	"runtime"
	"runtime/metrics"
	"sync/atomic"
	"testing"
	"time"

	"partnerdesk/data/imports"
	"partnerdesk/data/sheet"
)

// TestStreamedConvertMatchesRead: a streamed file keeps no rows, and
// converts to the same batch as the file read whole.
func TestStreamedConvertMatchesRead(t *testing.T) {
	data, look := salesFile(3000)
	whole, err := sheet.Read(bytes.NewReader(data), "s.csv")
	if err != nil {
		t.Fatal(err)
	}
	st, err := sheet.Stream(bytes.NewReader(data), "s.csv")
	if err != nil {
		t.Fatal(err)
	}
	if st.Rows != nil || st.Len() != -1 || fmt.Sprint(st.Header) != fmt.Sprint(whole.Header) {
		t.Fatalf("streamed table: %d rows kept, Len %d, header %q", len(st.Rows), st.Len(), st.Header)
	}
	a, errs := imports.Convert(imports.Sales, whole, imports.Mapping{}, look)
	if len(errs) > 0 {
		t.Fatal(errs[0])
	}
	b, errs := imports.Convert(imports.Sales, st, imports.Mapping{}, look)
	if len(errs) > 0 {
		t.Fatal(errs[0])
	}
	if st.Len() != 3000 || len(b.Sales) != 3000 || fmt.Sprint(a.Sales) != fmt.Sprint(b.Sales) || fmt.Sprint(a.Lines) != fmt.Sprint(b.Lines) {
		t.Errorf("streamed: Len %d, %d sales; whole: %d sales; same: %v", st.Len(), len(b.Sales), len(a.Sales), fmt.Sprint(a.Sales) == fmt.Sprint(b.Sales))
	}
}

// TestStreamedStrayQuoteNamesItsLine: a problem of a line far into a
// streamed file is found while converting, with its line and column.
func TestStreamedStrayQuoteNamesItsLine(t *testing.T) {
	data, look := salesFile(50)
	data = append(data, "01/07/2026;Partner 001 Srl;Rep 001;\"bad\"x;SKU-01;1;1,00;1,00;F-X;1\r\n"...)
	st, err := sheet.Stream(bytes.NewReader(data), "s.csv")
	if err != nil {
		t.Fatal(err)
	}
	_, errs := imports.Convert(imports.Sales, st, imports.Mapping{}, look)
	want := `line 52, column 4: a quoted cell must end with a quote, and a quote inside it must be doubled ("")`
	if len(errs) != 1 || errs[0].Error() != want {
		t.Errorf("errors %v, want %s", errs, want)
	}
}

// peakHeap runs fn and returns the most heap memory objects held at once
// while it ran, above what they held before, sampled every millisecond,
// in MB.
func peakHeap(fn func()) float64 {
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(sample)
	base := sample[0].Value.Uint64()
	var peak atomic.Uint64
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		for {
			metrics.Read(sample)
			if v := sample[0].Value.Uint64(); v > peak.Load() {
				peak.Store(v)
			}
			select {
			case <-done:
				return
			case <-time.After(time.Millisecond):
			}
		}
	}()
	fn()
	close(done)
	<-stopped
	return float64(peak.Load()-min(base, peak.Load())) / (1 << 20)
}

// BenchmarkStreamConvertSales40MB reads (streamed) and checks a 40 MB
// sales CSV (about 500,000 rows) and reports the peak heap of the read
// and the check, and the file size, in MB. Compare BenchmarkReadConvertSales40MB.
func BenchmarkStreamConvertSales40MB(b *testing.B) {
	benchConvert40(b, sheet.Stream)
}

// BenchmarkReadConvertSales40MB is the same with the file read whole.
func BenchmarkReadConvertSales40MB(b *testing.B) {
	benchConvert40(b, func(r io.Reader, name string) (*sheet.Table, error) { return sheet.Read(r, name) })
}

func benchConvert40(b *testing.B, read func(io.Reader, string) (*sheet.Table, error)) {
	data, look := salesFile(500_000)
	b.SetBytes(int64(len(data)))
	var peak float64
	for b.Loop() {
		peak = max(peak, peakHeap(func() {
			tab, err := read(bytes.NewReader(data), "sales.csv")
			if err != nil {
				b.Fatal(err)
			}
			batch, errs := imports.Convert(imports.Sales, tab, imports.Mapping{}, look)
			if len(errs) > 0 || len(batch.Sales) != 500_000 {
				b.Fatalf("%d sales, %d errors", len(batch.Sales), len(errs))
			}
		}))
	}
	b.ReportMetric(float64(len(data))/(1<<20), "file-MB")
	b.ReportMetric(peak, "peak-heap-MB")
}
