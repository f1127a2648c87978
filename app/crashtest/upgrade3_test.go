package crashtest

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"testing"
	"time"

	"partnerdesk/data"
	"partnerdesk/engine"
	"partnerdesk/internal/boltdigest"
)

// The schema-3 fixture written by the last build of schema 3 (commit
// ec8b616) and what that build printed of it: data/testdata/README.md.
const (
	schema3DB     = "../../data/testdata/schema3.db.gz"
	schema3Expect = "../../data/testdata/schema3.expect"
)

// TestCrashUpgradeSchema3Killed kills the process that opens (and so
// upgrades) the file today's users have, a schema-3 file of the demo
// company with edited, removed, split, returned and late sales, at random
// moments of the open. After every kill the file checks clean as schema 3
// or the current schema, every backup it left is a whole schema-3 copy,
// and the file, read as it is and again after an open that finishes the
// upgrade, holds exactly the fixture's records: as many of each, and every
// sale field for field (a digest of them all), as the schema-3 build
// listed them.
func TestCrashUpgradeSchema3Killed(t *testing.T) {
	// Each kill costs an upgrade, two checks and a read of every sale of a
	// 16 MB file (about 1.5 s; ten times that under the race detector): a
	// few kills by default, a tenth of PARTNERDESK_CRASH_KILLS under make
	// crashtest.
	defKills, spanRuns := 8, 3
	if raceOn {
		defKills, spanRuns = 3, 1
	}
	kills := envInt("PARTNERDESK_CRASH_UPGRADE_KILLS", max(defKills, envInt("PARTNERDESK_CRASH_KILLS", 25)/10))
	r := newRand(t)
	raw := gunzip(t, schema3DB)
	wantSales, wantDigest := schema3Sales(t)
	wantRecords := schema3Records(t)
	// Until the schema after 3 lands, opening the fixture upgrades
	// nothing; the kills then prove the plain open harmless.
	due := 3 < data.CurrentSchema
	fresh := func() string {
		p := filepath.Join(t.TempDir(), "schema3.db")
		if err := os.WriteFile(p, raw, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	fixture := contentDigest(t, fresh())
	// holds fails the test unless the file at path checks clean and holds
	// the fixture's records; it returns the file's schema. A schema-3
	// file must hold the fixture's buckets, keys and values exactly (its
	// bytes may differ: a transaction cut short leaves pages in free
	// space); a file of the current schema as many records of each kind
	// and every sale field for field.
	holds := func(kill int, path, what string) int {
		if b, err := os.ReadFile(path); err == nil && bytes.Equal(b, raw) {
			return 3 // untouched
		}
		rep := checkFile(t, path)
		if n := sum(rep.Counts); n != wantRecords || rep.Counts[data.KindSale] != wantSales {
			t.Fatalf("kill %d: %s holds %d records, %d of them sales; the fixture %d and %d", kill, what, n, rep.Counts[data.KindSale], wantRecords, wantSales)
		}
		// An if, not a switch: until schema 4 lands, 3 is the current
		// schema and the cases would repeat.
		if rep.Schema == data.CurrentSchema {
			if d := salesDigest(t, path); d != wantDigest {
				t.Fatalf("kill %d: the sales of %s differ from the fixture's (digest %s, want %s)", kill, what, d, wantDigest)
			}
		} else if rep.Schema != 3 {
			t.Fatalf("kill %d: %s has schema %d", kill, what, rep.Schema)
		} else if contentDigest(t, path) != fixture {
			t.Fatalf("kill %d: %s has schema 3 but not the fixture's contents", kill, what)
		}
		return rep.Schema
	}

	// Opens left alone, to learn how long one takes: the slowest of
	// three, as the backup's sync of a freshly written 16 MB file varies
	// most, and kills timed by the fastest all landed in it.
	var span time.Duration
	for range spanRuns {
		c := startChild(t, envMode+"=upgrade", envDB+"="+fresh())
		c.waitFor(prefixed("ready"), 60*time.Second)
		t0 := time.Now()
		if !c.waitFor(prefixed(fmt.Sprint("upgraded ", data.CurrentSchema)), 120*time.Second) {
			c.kill()
			t.Fatalf("the open did not finish:\n%s", c.stderr.String())
		}
		span = max(span, time.Since(t0))
		if err := c.finish(); err != nil {
			t.Fatal(err)
		}
	}

	outcome := map[string]int{}
	leftovers := 0
	for i := 1; i <= kills; i++ {
		p := fresh()
		c := startChild(t, envMode+"=upgrade", envDB+"="+p)
		if !c.waitFor(prefixed("ready"), 60*time.Second) {
			c.kill()
			t.Fatalf("kill %d: the child never started:\n%s", i, c.stderr.String())
		}
		time.Sleep(time.Duration(r.Int64N(int64(span) * 6 / 5)))
		c.kill()

		schema := holds(i, p, "the file as the kill left it")
		baks, _ := filepath.Glob(p + ".v3-*.bak")
		for _, b := range baks {
			if contentDigest(t, b) != fixture {
				t.Fatalf("kill %d: the backup %s is not the schema-3 file as it was", i, filepath.Base(b))
			}
		}
		// A backup cut short leaves its temporary file: litter, not
		// damage, as it replaces nothing; the next open removes it.
		leftovers += len(leftTemps(filepath.Dir(p)))
		switch {
		case !due && schema == 3 && len(baks) == 0:
			outcome["nothing to upgrade"]++
		case due && schema == data.CurrentSchema && len(baks) == 1:
			outcome["upgraded"]++
		case due && schema == 3 && len(baks) == 1:
			outcome["schema 3, backup written"]++
		case due && schema == 3 && len(baks) == 0:
			outcome["schema 3, no backup yet"]++
		default:
			t.Fatalf("kill %d: schema %d with %d backups", i, schema, len(baks))
		}

		// Opening again finishes the job, with nothing lost.
		st, err := data.Open(p, data.Options{})
		if err != nil {
			t.Fatalf("kill %d: reopen: %v", i, err)
		}
		if st.SchemaVersion() != data.CurrentSchema {
			t.Errorf("kill %d: schema after reopening = %d, want %d", i, st.SchemaVersion(), data.CurrentSchema)
		}
		if err := st.Close(); err != nil {
			t.Fatal(err)
		}
		holds(i, p, "the reopened file")
		if l := leftTemps(filepath.Dir(p)); len(l) > 0 {
			t.Fatalf("kill %d: reopening left the temporary files %v", i, l)
		}
	}
	t.Logf("opening the schema-3 fixture (%d records, %d sales) as schema %d takes up to %v; %d kills during it: %v; %d unfinished backup copies left behind, all removed by the next open",
		wantRecords, wantSales, data.CurrentSchema, span.Round(time.Millisecond), kills, outcome, leftovers)
}

// contentDigest is boltdigest.Of, failing tb when the file does not read.
func contentDigest(tb testing.TB, path string) string {
	tb.Helper()
	d, err := boltdigest.Of(path)
	if err != nil {
		tb.Fatal(err)
	}
	return d
}

func gunzip(tb testing.TB, name string) []byte {
	tb.Helper()
	f, err := os.Open(name)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		tb.Fatalf("%s: %v", name, err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		tb.Fatalf("%s: %v", name, err)
	}
	return b
}

// schema3Sales reads the sales the schema-3 build listed month by month
// and returns their count and digest.
func schema3Sales(tb testing.TB) (int, string) {
	tb.Helper()
	ms, _ := filepath.Glob(filepath.Join(schema3Expect, "sales-*.json.gz"))
	if len(ms) == 0 {
		tb.Fatalf("no sales dumps in %s", schema3Expect)
	}
	var sales []engine.Sale
	for _, m := range ms {
		var ss []engine.Sale
		if err := json.Unmarshal(gunzip(tb, m), &ss); err != nil {
			tb.Fatalf("%s: %v", m, err)
		}
		sales = append(sales, ss...)
	}
	return len(sales), digestOf(tb, sales)
}

// schema3Records is the count of records `check` printed of the fixture.
func schema3Records(tb testing.TB) int {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join(schema3Expect, "check.txt"))
	if err != nil {
		tb.Fatal(err)
	}
	m := regexp.MustCompile(`schema 3, (\d+) records, no problems`).FindSubmatch(b)
	if m == nil {
		tb.Fatalf("check.txt: %q", b)
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}

// salesDigest reads every sale of the file at path, of the current
// schema, and digests them.
func salesDigest(tb testing.TB, path string) string {
	tb.Helper()
	st, err := data.Open(path, data.Options{ReadOnly: true})
	if err != nil {
		tb.Fatalf("open %s: %v", path, err)
	}
	defer st.Close()
	var sales []engine.Sale
	err = st.View(func(tx *data.Tx) error {
		return data.Each(tx, func(s *engine.Sale) error { sales = append(sales, *s); return nil })
	})
	if err != nil {
		tb.Fatalf("read the sales of %s: %v", path, err)
	}
	return digestOf(tb, sales)
}

// digestOf is the SHA-256 of every sale as JSON, in id order: every field
// counts, and decimals are written in their shortest form (2.50 as 2.5),
// so equal amounts stored differently digest alike.
func digestOf(tb testing.TB, sales []engine.Sale) string {
	tb.Helper()
	sort.Slice(sales, func(i, j int) bool { return sales[i].ID < sales[j].ID })
	h := sha256.New()
	for i := range sales {
		b, err := json.Marshal(&sales[i])
		if err != nil {
			tb.Fatal(err)
		}
		h.Write(b)
		h.Write([]byte{'\n'})
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}
