//go:build unix

package app_test

import (
	"context"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
	"time"

	"partnerdesk/app"
	"partnerdesk/data"
)

// cpuTime is the CPU time this process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkScalePrintAllCPU is BenchmarkScaleStatements judged on CPU time,
// which other processes on a shared machine do not stretch as they stretch
// the wall time: the period's snapshot (read on one core, mostly) and the
// batch (drawn on every core) are measured apart, and idle-ms/statement
// is what the wall time would be on an otherwise idle machine: the
// snapshot's CPU time plus the batch's spread over the cores.
func BenchmarkScalePrintAllCPU(b *testing.B) {
	f := scaleWorld(b)
	db := filepath.Join(b.TempDir(), "stmt.db")
	if err := copyAndSync(f.db, db); err != nil {
		b.Fatal(err)
	}
	st, err := data.Open(db, data.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	svc := app.NewService(st, "bench", func() time.Time { return scaleTo.Time().AddDate(0, 0, 5) })
	if _, err := svc.ComputePeriod(scaleQuarter, nil); err != nil {
		b.Fatal(err)
	}
	payees, err := svc.PayeesWithLines(scaleQuarter)
	if err != nil || len(payees) == 0 {
		b.Fatalf("payees: %v %v", len(payees), err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		// The first statement reads the snapshot that PrintAll then uses.
		cpu0, t0 := cpuTime(), time.Now()
		if _, err := svc.BuildStatement(payees[0], scaleQuarter); err != nil {
			b.Fatal(err)
		}
		snapCPU, snapWall := cpuTime()-cpu0, time.Since(t0)
		cpu0, t0 = cpuTime(), time.Now()
		res, err := svc.PrintAll(context.Background(), scaleQuarter, b.TempDir(), nil)
		batchCPU, batchWall := cpuTime()-cpu0, time.Since(t0)
		if err != nil || len(res.Failed) > 0 {
			b.Fatalf("print all: %v %v", err, res.Failed)
		}
		n := float64(len(res.Files))
		idle := snapCPU + batchCPU/time.Duration(runtime.GOMAXPROCS(0))
		b.ReportMetric(snapCPU.Seconds(), "snapshot-cpu-s")
		b.ReportMetric(snapWall.Seconds(), "snapshot-wall-s")
		b.ReportMetric(float64(batchCPU.Microseconds())/1000/n, "cpu-ms/statement")
		b.ReportMetric(float64((snapWall+batchWall).Microseconds())/1000/n, "wall-ms/statement")
		b.ReportMetric(float64(idle.Microseconds())/1000/n, "idle-ms/statement")
	}
}
