//go:build unix

package app_test

import (
	"runtime"
	"runtime/metrics"
	"testing"
	"time"
)

// BenchmarkScaleComputeQuarterCPU is BenchmarkScaleComputeQuarter judged on
// the CPU time the computation takes (every goroutine, the garbage
// collector included), which other processes on a shared machine stretch
// far less than the wall time: it compares two builds where the wall time
// cannot. Each round computes the quarter in a fresh copy of the file.
func BenchmarkScaleComputeQuarterCPU(b *testing.B) {
	f := scaleWorld(b)
	var wall, cpu time.Duration
	// What the garbage collector had to do, which noise does not change:
	// bytes allocated and collections run.
	ms := []metrics.Sample{{Name: "/gc/heap/allocs:bytes"}, {Name: "/gc/cycles/total:gc-cycles"}}
	var allocs, cycles uint64
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		st, svc := scaleCopy(b, f, "compute.db")
		runtime.GC()
		b.StartTimer()
		metrics.Read(ms)
		a0, g0 := ms[0].Value.Uint64(), ms[1].Value.Uint64()
		t0, c0 := time.Now(), cpuTime()
		sum, err := svc.ComputePeriod(scaleQuarter, nil)
		c1 := cpuTime()
		metrics.Read(ms)
		allocs += ms[0].Value.Uint64() - a0
		cycles += ms[1].Value.Uint64() - g0
		wall += time.Since(t0)
		cpu += c1 - c0
		b.StopTimer()
		if err != nil {
			b.Fatal(err)
		}
		if sum.Sales != scaleSales {
			b.Errorf("the quarter read %d sales, want %d", sum.Sales, scaleSales)
		}
		if err := st.Close(); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
	b.ReportMetric(wall.Seconds()/float64(b.N), "s/compute")
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/compute")
	b.ReportMetric(float64(allocs)/float64(b.N)/(1<<20), "alloc-MB/compute")
	b.ReportMetric(float64(cycles)/float64(b.N), "gcs/compute")
}
