package app_test

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"partnerdesk/app"
	"partnerdesk/app/demo"
	"partnerdesk/data"
	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// The scale report's world: 1,000,000 sales lines of 5,000 partners and
// 20,000 reps, all in one quarter (2026-Q2), so that computing the quarter
// reads every one of them.
const (
	scalePartners = 5000
	scaleReps     = 20000
	scaleSales    = 1_000_000
	scaleImport   = 100_000
	scaleQuarter  = "2026-Q2"
	// scaleVersion names the cache folder; bump it when the world or the
	// file's schema changes (v4: schema 5), so that a build is timed on a
	// world it wrote, not on one it upgrades on first open.
	scaleVersion = "v4"
)

var (
	scaleFrom = engine.MustDate("2026-04-01")
	scaleTo   = engine.MustDate("2026-06-30")
)

// scaleFiles are built once and kept in $TMPDIR/partnerdesk-scale-v3
// between runs (building the 1M-sales file takes about a minute): the
// database, the same sales as CSV, the same rows in a SQLite file (the
// reference), and a 100,000-line CSV to import.
type scaleFiles struct {
	dir, db, salesCSV, sqlite, importCSV string
	build                                time.Duration // 0 when reused
}

var (
	scaleOnce sync.Once
	scaleSet  scaleFiles
	scaleErr  error
)

func scaleWorld(b *testing.B) scaleFiles {
	b.Helper()
	scaleOnce.Do(func() { scaleSet, scaleErr = buildScale() })
	if scaleErr != nil {
		b.Fatalf("build the scale world: %v", scaleErr)
	}
	return scaleSet
}

func buildScale() (scaleFiles, error) {
	dir := filepath.Join(os.TempDir(), "partnerdesk-scale-"+scaleVersion)
	f := scaleFiles{dir: dir, db: filepath.Join(dir, "scale.db"), salesCSV: filepath.Join(dir, "sales.csv"),
		sqlite: filepath.Join(dir, "sales.sqlite"), importCSV: filepath.Join(dir, "import100k.csv")}
	ready := filepath.Join(dir, "ready")
	if _, err := os.Stat(ready); err == nil {
		return f, nil
	}
	os.RemoveAll(dir)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return f, err
	}
	t0 := time.Now()
	ds := demo.Scale(scalePartners, scaleReps, scaleSales, 1, scaleFrom, scaleTo)
	st, err := data.Open(f.db, data.Options{})
	if err != nil {
		return f, err
	}
	svc := app.NewService(st, "bench", func() time.Time { return scaleTo.Time().AddDate(0, 0, 5) })
	if err := svc.LoadDataset(ds, nil); err != nil {
		st.Close()
		return f, err
	}
	if err := st.Close(); err != nil {
		return f, err
	}
	if err := writeSalesCSV(f.salesCSV, ds.Sales); err != nil {
		return f, err
	}
	if err := writeImportCSV(f.importCSV, ds); err != nil {
		return f, err
	}
	if _, err := exec.LookPath("sqlite3"); err == nil {
		out, err := exec.Command("sqlite3", f.sqlite, ".mode csv", ".import "+f.salesCSV+" sales").CombinedOutput()
		if err != nil {
			return f, fmt.Errorf("sqlite3 import: %v: %s", err, out)
		}
	}
	f.build = time.Since(t0)
	return f, os.WriteFile(ready, []byte(f.build.String()), 0o600)
}

// writeSalesCSV writes the rows the reference aggregations read.
func writeSalesCSV(path string, sales []engine.Sale) error {
	fh, err := os.OpenFile(path, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(fh, 1<<20)
	fmt.Fprintln(w, "id,date,partner_id,rep_id,product_id,quantity,net,invoice,line")
	for i := range sales {
		s := &sales[i]
		fmt.Fprintf(w, "%d,%s,%d,%d,%d,%s,%s,%s,%d\n", s.ID, s.Date, s.PartnerID, s.RepID, s.ProductID, s.Quantity, s.Net, s.Invoice, s.Line)
	}
	if err := w.Flush(); err != nil {
		fh.Close()
		return err
	}
	return fh.Close()
}

// writeImportCSV writes 100,000 new sales lines of the quarter as a user's
// spreadsheet would name them: partner by referral code, product by SKU.
func writeImportCSV(path string, ds demo.Dataset) error {
	var buf bytes.Buffer
	buf.WriteString("date,partner,customer,product,quantity,unit_price,invoice,line\n")
	days := int(scaleTo-scaleFrom) + 1
	for i := 0; i < scaleImport; i++ {
		p := ds.Partners[i%len(ds.Partners)]
		prod := ds.Products[i%len(ds.Products)]
		fmt.Fprintf(&buf, "%s,%s,Imported customer %d,%s,%d,%d.%02d,IMP-%07d,1\n",
			scaleFrom.AddDays(i%days), p.ReferralCode, i%9000, prod.SKU, 1+i%7, 20+i%400, i%100, i)
	}
	return os.WriteFile(path, buf.Bytes(), 0o600)
}

// peakHeap runs fn while sampling the live heap every 5 ms.
func peakHeap(fn func()) uint64 {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	var peak atomic.Uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(sample)
			if v := sample[0].Value.Uint64(); v > peak.Load() {
				peak.Store(v)
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
	return peak.Load()
}

// references are the same jobs done by plain tools in the same run, so
// that the report's claim is a ratio on this machine, not an absolute.
type references struct {
	sqliteGroupBy  time.Duration // SUM(net) per partner for the quarter, sqlite3 on its own file
	goCSVGroupBy   time.Duration // the same sum in a plain Go loop over the CSV
	sqliteImport   time.Duration // sqlite3 .import of the 100,000-line CSV into a new file
	fileCopy       time.Duration // copying the database file and syncing the copy
	sqliteMissing  string        // why the sqlite3 figures are absent
	groupByPartner int           // partners the Go loop found, a sanity figure
}

var (
	refOnce sync.Once
	refs    references
)

func scaleRefs(b *testing.B, f scaleFiles) references {
	b.Helper()
	refOnce.Do(func() { refs = measureRefs(b, f) })
	return refs
}

// bestOf returns the fastest of n runs of fn.
func bestOf(n int, fn func() error) (time.Duration, error) {
	best := time.Duration(1 << 62)
	for i := 0; i < n; i++ {
		t0 := time.Now()
		if err := fn(); err != nil {
			return 0, err
		}
		best = min(best, time.Since(t0))
	}
	return best, nil
}

func measureRefs(b *testing.B, f scaleFiles) references {
	var r references
	var err error
	r.goCSVGroupBy, err = bestOf(3, func() error {
		n, err := goGroupBy(f.salesCSV)
		r.groupByPartner = n
		return err
	})
	if err != nil {
		b.Fatalf("go reference: %v", err)
	}
	r.fileCopy, err = bestOf(3, func() error { return copyAndSync(f.db, filepath.Join(b.TempDir(), "copy.db")) })
	if err != nil {
		b.Fatalf("copy reference: %v", err)
	}
	if _, err := exec.LookPath("sqlite3"); err != nil {
		r.sqliteMissing = "sqlite3 is not installed (apt-get install sqlite3)"
		return r
	}
	q := fmt.Sprintf("SELECT partner_id, SUM(net) FROM sales WHERE date BETWEEN '%s' AND '%s' GROUP BY partner_id;", scaleFrom, scaleTo)
	r.sqliteGroupBy, err = bestOf(3, func() error {
		cmd := exec.Command("sqlite3", f.sqlite, q)
		cmd.Stdout = io.Discard
		return cmd.Run()
	})
	if err != nil {
		b.Fatalf("sqlite3 reference: %v", err)
	}
	r.sqliteImport, err = bestOf(3, func() error {
		p := filepath.Join(b.TempDir(), "imp.sqlite")
		out, err := exec.Command("sqlite3", p, ".mode csv", ".import "+f.importCSV+" sales").CombinedOutput()
		if err != nil {
			return fmt.Errorf("%v: %s", err, out)
		}
		return nil
	})
	if err != nil {
		b.Fatalf("sqlite3 import reference: %v", err)
	}
	return r
}

// goGroupBy sums net per partner for the quarter over the CSV, exactly,
// with decimals: the job ComputePeriod's basis does, without the rules.
func goGroupBy(path string) (int, error) {
	fh, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer fh.Close()
	sc := bufio.NewScanner(bufio.NewReaderSize(fh, 1<<20))
	sc.Scan() // header
	from, to := scaleFrom.String(), scaleTo.String()
	sums := map[uint64]decimal.Decimal{}
	for sc.Scan() {
		f := strings.Split(sc.Text(), ",")
		if f[1] < from || f[1] > to {
			continue
		}
		pid, err := strconv.ParseUint(f[2], 10, 64)
		if err != nil {
			return 0, err
		}
		net, err := decimal.NewFromString(f[6])
		if err != nil {
			return 0, err
		}
		sums[pid] = sums[pid].Add(net)
	}
	return len(sums), sc.Err()
}

func copyAndSync(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// ratio reports the benchmark's time per op against a reference.
func ratio(b *testing.B, elapsed time.Duration, ref time.Duration, unit, missing string) {
	b.Helper()
	if ref <= 0 {
		b.ReportMetric(0, unit)
		b.Logf("%s: reference unavailable: %s", unit, missing)
		return
	}
	b.ReportMetric(float64(elapsed)/float64(b.N)/float64(ref), unit)
}

func mb(n uint64) float64 { return float64(n) / (1 << 20) }

func BenchmarkScaleOpen(b *testing.B) {
	f := scaleWorld(b)
	if f.build > 0 {
		b.Logf("built the 1M-sales world in %v", f.build.Round(time.Millisecond))
	}
	fi, err := os.Stat(f.db)
	if err != nil {
		b.Fatal(err)
	}
	csv, _ := os.Stat(f.salesCSV)
	b.ResetTimer()
	t0 := time.Now()
	for i := 0; i < b.N; i++ {
		st, err := data.Open(f.db, data.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if err := st.Close(); err != nil {
			b.Fatal(err)
		}
	}
	el := time.Since(t0)
	b.ReportMetric(mb(uint64(fi.Size())), "file-MB")
	if csv != nil {
		b.ReportMetric(mb(uint64(csv.Size())), "csv-MB")
	}
	b.ReportMetric(float64(el)/1e6/float64(b.N), "ms/open")
}

// scaleCopy opens a fresh copy of the scale world's file (the cached one
// stays as loaded) and a service on it dated just after the quarter.
func scaleCopy(b *testing.B, f scaleFiles, name string) (*data.Store, *app.Service) {
	b.Helper()
	db := filepath.Join(b.TempDir(), name)
	if err := copyAndSync(f.db, db); err != nil {
		b.Fatal(err)
	}
	st, err := data.Open(db, data.Options{})
	if err != nil {
		b.Fatal(err)
	}
	return st, app.NewService(st, "bench", func() time.Time { return scaleTo.Time().AddDate(0, 0, 5) })
}

func BenchmarkScaleImport100k(b *testing.B) {
	f := scaleWorld(b)
	r := scaleRefs(b, f)
	b.ResetTimer()
	var el time.Duration
	var peak uint64
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		st, svc := scaleCopy(b, f, "import.db")
		runtime.GC()
		b.StartTimer()
		t0 := time.Now()
		var rep app.ImportReport
		var err error
		peak = max(peak, peakHeap(func() { rep, err = svc.Import("sales", f.importCSV, nil, false, nil) }))
		el += time.Since(t0)
		b.StopTimer()
		if err != nil {
			b.Fatalf("import: %v %+v", err, rep.Errors[:min(3, len(rep.Errors))])
		}
		if rep.Written != scaleImport {
			b.Fatalf("imported %d, want %d", rep.Written, scaleImport)
		}
		st.Close()
		b.StartTimer()
	}
	b.ReportMetric(mb(peak), "peak-heap-MB")
	b.ReportMetric(el.Seconds()/float64(b.N), "s/import")
	ratio(b, el, r.sqliteImport, "x-sqlite-import", r.sqliteMissing)
}

func BenchmarkScaleComputeQuarter(b *testing.B) {
	f := scaleWorld(b)
	r := scaleRefs(b, f)
	// A copy, so that the cached file stays as loaded for the other
	// benchmarks and the next run.
	db := filepath.Join(b.TempDir(), "compute.db")
	if err := copyAndSync(f.db, db); err != nil {
		b.Fatal(err)
	}
	st, err := data.Open(db, data.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	svc := app.NewService(st, "bench", func() time.Time { return scaleTo.Time().AddDate(0, 0, 5) })
	runtime.GC()
	b.ResetTimer()
	var el time.Duration
	var peak uint64
	var sum views.ComputeSummary
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		peak = max(peak, peakHeap(func() { sum, err = svc.ComputePeriod(scaleQuarter, nil) }))
		el += time.Since(t0)
		if err != nil {
			b.Fatal(err)
		}
	}
	if sum.Sales != scaleSales {
		b.Errorf("the quarter read %d sales, want %d", sum.Sales, scaleSales)
	}
	b.ReportMetric(float64(sum.Lines), "lines")
	b.ReportMetric(mb(peak), "peak-heap-MB")
	b.ReportMetric(el.Seconds()/float64(b.N), "s/compute")
	ratio(b, el, r.sqliteGroupBy, "x-sqlite-groupby", r.sqliteMissing)
	ratio(b, el, r.goCSVGroupBy, "x-go-csv-loop", "")
	b.Logf("references: sqlite3 GROUP BY %v, Go CSV loop %v (%d partners), sqlite3 import 100k %v, file copy %v %s",
		r.sqliteGroupBy.Round(time.Millisecond), r.goCSVGroupBy.Round(time.Millisecond), r.groupByPartner,
		r.sqliteImport.Round(time.Millisecond), r.fileCopy.Round(time.Millisecond), r.sqliteMissing)
}

func envCount(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}

// BenchmarkScaleStatements prints the statement of every payee with lines
// in the quarter (Service.PrintAll: the period's shared data read once,
// then one PDF per payee on every core) and reports the whole batch.
func BenchmarkScaleStatements(b *testing.B) {
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
	b.ResetTimer()
	var el time.Duration
	var files int
	var bytesOut int64
	for i := 0; i < b.N; i++ {
		dir := b.TempDir()
		t0 := time.Now()
		res, err := svc.PrintAll(context.Background(), scaleQuarter, dir, nil)
		el += time.Since(t0)
		if err != nil || len(res.Failed) > 0 {
			b.Fatalf("print all: %v %v", err, res.Failed)
		}
		files = len(res.Files)
		for _, f := range res.Files {
			if fi, err := os.Stat(f); err == nil {
				bytesOut += fi.Size()
			}
		}
	}
	per := el / time.Duration(b.N)
	b.ReportMetric(per.Seconds(), "s-all")
	b.ReportMetric(float64(files), "payees")
	b.ReportMetric(float64(per.Microseconds())/1000/float64(max(files, 1)), "ms/statement")
	b.ReportMetric(float64(bytesOut)/float64(b.N*max(files, 1))/1024, "KB/statement")
}

func BenchmarkScaleBackup(b *testing.B) {
	f := scaleWorld(b)
	r := scaleRefs(b, f)
	st, err := data.Open(f.db, data.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	dir := b.TempDir()
	b.ResetTimer()
	t0 := time.Now()
	for i := 0; i < b.N; i++ {
		if err := st.Backup(filepath.Join(dir, "backup.db")); err != nil {
			b.Fatal(err)
		}
	}
	el := time.Since(t0)
	b.ReportMetric(el.Seconds()/float64(b.N), "s/backup")
	ratio(b, el, r.fileCopy, "x-file-copy", "")
}

// BenchmarkComputePeriodFromStore is the period-run issue's name for the
// quarter computed from 1,000,000 stored sales.
func BenchmarkComputePeriodFromStore(b *testing.B) { BenchmarkScaleComputeQuarter(b) }

// BenchmarkImportSales100k is the import issue's name for a 100,000-row
// sales file validated and committed.
func BenchmarkImportSales100k(b *testing.B) { BenchmarkScaleImport100k(b) }
