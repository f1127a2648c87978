package data_test

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"partnerdesk/data"
	"partnerdesk/engine"
	"partnerdesk/internal/boltdigest"
)

// The fixture testdata/schema3.db.gz was written by the build of commit
// ec8b616, the last to write schema 3, and testdata/schema3.expect/ holds
// what that same build printed of it (testdata/README.md says how both
// were made). Every expectation below comes from those dumps, never from
// the current code: the proof that an upgrade loses nothing a user could
// read before it.

const schema3Expect = "testdata/schema3.expect"

// TestUpgradeSchema3FileLosesNothing opens the schema-3 file (upgrading it
// when the current schema is newer, after a backup) and reads back, through
// the data API, every sale field by field in every way the app looks sales
// up (all of them, by booking month, by partner, by invoice and line), the
// partners, reps, products, registrations, reward lines, closed periods
// and audit trail; and the file must pass check.
func TestUpgradeSchema3FileLosesNothing(t *testing.T) {
	path, pristine := schema3Fixture(t)
	if v := schemaOf(t, path); v != 3 {
		t.Fatalf("the fixture has schema %d, want 3", v)
	}
	upgraded := 3 < data.CurrentSchema

	st, err := data.Open(path, data.Options{})
	if err != nil {
		t.Fatalf("open (and upgrade) the schema-3 file: %v", err)
	}
	defer st.Close()
	if st.SchemaVersion() != data.CurrentSchema {
		t.Errorf("schema after opening = %d, want %d", st.SchemaVersion(), data.CurrentSchema)
	}

	baks, _ := filepath.Glob(path + ".v3-*.bak")
	switch {
	case upgraded && len(baks) != 1:
		t.Errorf("the upgrade from schema 3 left %d backups (%v), want one named <file>.v3-<stamp>.bak", len(baks), baks)
	case upgraded:
		sameBolt(t, pristine, baks[0])
		if rep, err := data.CheckFile(baks[0]); err != nil || !rep.OK() || rep.Schema != 3 {
			t.Errorf("the backup %s: schema %d, check %v, err %v; want a clean schema-3 file", filepath.Base(baks[0]), rep.Schema, rep, err)
		}
	case len(baks) != 0:
		t.Errorf("no upgrade was due, yet backups were written: %v", baks)
	}

	rep, err := st.Check()
	if err != nil {
		t.Fatalf("check: %v", err)
	}
	if !rep.OK() {
		t.Errorf("check after the upgrade found problems: %s", rep)
	}
	if want := expectedRecords(t); recordCount(rep) != want {
		t.Errorf("check counts %d records (%v); the schema-3 build counted %d", recordCount(rep), rep.Counts, want)
	}

	err = st.View(func(tx *data.Tx) error {
		sales := expectedSales(t)
		compareAllSales(t, tx, sales)
		compareSalesByMonth(t, tx, sales)
		compareSalesByPartner(t, tx, sales)
		compareSalesByInvoice(t, tx, sales)
		audit := expectedAudit(t)
		compareLastSaleID(t, tx, audit)
		compareRecords[engine.Partner](t, tx, "partners")
		compareRecords[engine.Rep](t, tx, "reps")
		compareRecords[engine.Product](t, tx, "products")
		compareRecords[engine.Registration](t, tx, "registrations")
		compareLines(t, tx)
		compareClosedPeriods(t, tx)
		compareAudit(t, tx, audit, upgraded)
		return nil
	})
	if err != nil {
		t.Fatalf("read the upgraded file: %v", err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}

	t.Logf("schema-3 file (%d records) opened as schema %d; upgraded: %v; backups %v", recordCount(rep), st.SchemaVersion(), upgraded, baks)

	// A second open finds nothing left to do: no second backup.
	st2, err := data.Open(path, data.Options{})
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer st2.Close()
	if again, _ := filepath.Glob(path + ".v*.bak"); len(again) != len(baks) {
		t.Errorf("reopening the upgraded file wrote backups again: %v", again)
	}
}

// schema3Fixture gunzips the fixture twice into temporary folders: the
// file the test opens, and an untouched copy to compare the backup with.
func schema3Fixture(tb testing.TB) (path, pristine string) {
	tb.Helper()
	raw := gunzipFile(tb, "testdata/schema3.db.gz")
	path = filepath.Join(tb.TempDir(), "schema3.db")
	pristine = filepath.Join(tb.TempDir(), "pristine.db")
	for _, p := range []string{path, pristine} {
		if err := os.WriteFile(p, raw, 0o600); err != nil {
			tb.Fatal(err)
		}
	}
	return path, pristine
}

func gunzipFile(tb testing.TB, name string) []byte {
	tb.Helper()
	z, err := os.ReadFile(name)
	if err != nil {
		tb.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(z))
	if err == nil {
		z, err = io.ReadAll(zr)
	}
	if err != nil {
		tb.Fatalf("%s: %v", name, err)
	}
	return z
}

// readExpect reads a dump of the schema-3 build, gzipped or not.
func readExpect(tb testing.TB, name string) []byte {
	tb.Helper()
	p := filepath.Join(schema3Expect, name)
	if _, err := os.Stat(p + ".gz"); err == nil {
		return gunzipFile(tb, p+".gz")
	}
	b, err := os.ReadFile(p)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

func decodeExpect(tb testing.TB, name string, v any) {
	tb.Helper()
	if err := json.Unmarshal(readExpect(tb, name), v); err != nil {
		tb.Fatalf("%s: %v", name, err)
	}
}

// expectKeys lists the period keys of the dumps named prefix-<key>.json(.gz).
func expectKeys(tb testing.TB, prefix string) []string {
	tb.Helper()
	ms, err := filepath.Glob(filepath.Join(schema3Expect, prefix+"-*.json*"))
	if err != nil || len(ms) == 0 {
		tb.Fatalf("no %s dumps in %s", prefix, schema3Expect)
	}
	var keys []string
	for _, m := range ms {
		k := strings.TrimSuffix(strings.TrimSuffix(filepath.Base(m), ".gz"), ".json")
		keys = append(keys, strings.TrimPrefix(k, prefix+"-"))
	}
	sort.Strings(keys)
	return keys
}

// schemaOf reads a file's schema without upgrading it.
func schemaOf(tb testing.TB, path string) int {
	tb.Helper()
	st, err := data.Open(path, data.Options{ReadOnly: true})
	if err != nil {
		tb.Fatalf("open %s read-only: %v", path, err)
	}
	defer st.Close()
	return st.SchemaVersion()
}

// sameBolt fails unless two bbolt files hold the same buckets, nested
// ones too, with the same sequences, keys and values. The backup is a
// snapshot bbolt wrote (Tx.WriteTo): its meta and free pages differ from
// the live file's bytes, so the contents are what must be identical.
func sameBolt(tb testing.TB, a, b string) {
	tb.Helper()
	if contentDigest(tb, a) != contentDigest(tb, b) {
		tb.Errorf("the backup %s does not hold what the schema-3 file held", filepath.Base(b))
	}
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

func first(s []string, n int) []string { return s[:min(n, len(s))] }

// expectedRecords is the count of records `check` printed.
func expectedRecords(tb testing.TB) int {
	tb.Helper()
	m := regexp.MustCompile(`schema 3, (\d+) records, no problems`).FindSubmatch(readExpect(tb, "check.txt"))
	if m == nil {
		tb.Fatalf("check.txt: %q", readExpect(tb, "check.txt"))
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}

func recordCount(rep data.Report) int {
	n := 0
	for _, c := range rep.Counts {
		n += c
	}
	return n
}

// expectedSales are the sales the schema-3 build listed, month by month
// (each booked in one month), by id.
func expectedSales(tb testing.TB) map[engine.ID]engine.Sale {
	tb.Helper()
	out := map[engine.ID]engine.Sale{}
	for _, key := range expectKeys(tb, "sales") {
		var ss []engine.Sale
		decodeExpect(tb, "sales-"+key+".json", &ss)
		for _, s := range ss {
			if _, dup := out[s.ID]; dup {
				tb.Fatalf("sale %d is listed in two months", s.ID)
			}
			out[s.ID] = s
		}
	}
	if len(out) == 0 {
		tb.Fatal("the dumps list no sales")
	}
	return out
}

func sortedSales(m map[engine.ID]engine.Sale, keep func(*engine.Sale) bool) []engine.Sale {
	var out []engine.Sale
	for _, s := range m {
		if keep(&s) {
			out = append(out, s)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].BookDate() != out[j].BookDate() {
			return out[i].BookDate() < out[j].BookDate()
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// compareSaleLists compares two lists in order, each sale field by field.
func compareSaleLists(tb testing.TB, what string, want, got []engine.Sale) {
	tb.Helper()
	var diffs []string
	for i := 0; i < max(len(want), len(got)); i++ {
		switch {
		case i >= len(got):
			diffs = append(diffs, fmt.Sprintf("sale %d is missing", want[i].ID))
		case i >= len(want):
			diffs = append(diffs, fmt.Sprintf("sale %d is extra", got[i].ID))
		case want[i].ID != got[i].ID:
			diffs = append(diffs, fmt.Sprintf("#%d is sale %d, want sale %d", i, got[i].ID, want[i].ID))
		default:
			diffs = append(diffs, fieldDiffs(fmt.Sprintf("sale %d", want[i].ID), want[i], got[i])...)
		}
		if len(diffs) > 20 {
			break
		}
	}
	if len(diffs) > 0 {
		tb.Errorf("%s (%d sales, %d read): %d differences:\n  %s", what, len(want), len(got), len(diffs), strings.Join(first(diffs, 20), "\n  "))
	}
}

func compareAllSales(tb testing.TB, tx *data.Tx, want map[engine.ID]engine.Sale) {
	tb.Helper()
	var got []engine.Sale
	if err := data.Each(tx, func(s *engine.Sale) error { got = append(got, *s); return nil }); err != nil {
		tb.Fatalf("Each sale: %v", err)
	}
	sort.Slice(got, func(i, j int) bool { return got[i].ID < got[j].ID })
	w := sortedSales(want, func(*engine.Sale) bool { return true })
	sort.Slice(w, func(i, j int) bool { return w[i].ID < w[j].ID })
	compareSaleLists(tb, "every sale (data.Each)", w, got)
	if n, err := tx.Count(data.KindSale); err != nil || n != len(want) {
		tb.Errorf("Count(sale) = %d, %v; want %d", n, err, len(want))
	}
}

// compareSalesByMonth reads every month from the first to the last dumped
// one through SalesBetween: the months the old build listed no sale in
// must be empty too.
func compareSalesByMonth(tb testing.TB, tx *data.Tx, all map[engine.ID]engine.Sale) {
	tb.Helper()
	keys := expectKeys(tb, "sales")
	from, last := engine.MustDate(keys[0]+"-01"), engine.MustDate(keys[len(keys)-1]+"-01")
	for m := engine.Month(from); m.Start <= last; m = engine.Month(m.End.AddDays(1)) {
		var got []engine.Sale
		if err := tx.SalesBetween(m.Start, m.End, func(s *engine.Sale) error { got = append(got, *s); return nil }); err != nil {
			tb.Fatalf("SalesBetween %s: %v", m.Key, err)
		}
		want := sortedSales(all, func(s *engine.Sale) bool { return m.Contains(s.BookDate()) })
		compareSaleLists(tb, "SalesBetween "+m.Key, want, got)
	}
}

func compareSalesByPartner(tb testing.TB, tx *data.Tx, all map[engine.ID]engine.Sale) {
	tb.Helper()
	var partners []engine.Partner
	decodeExpect(tb, "partners.json", &partners)
	lo, hi := engine.MustDate("1900-01-01"), engine.MustDate("2999-12-31")
	for _, p := range partners {
		var got []engine.Sale
		if err := tx.SalesOfPartner(p.ID, lo, hi, func(s *engine.Sale) error { got = append(got, *s); return nil }); err != nil {
			tb.Fatalf("SalesOfPartner %d: %v", p.ID, err)
		}
		want := sortedSales(all, func(s *engine.Sale) bool { return s.PartnerID == p.ID })
		compareSaleLists(tb, fmt.Sprintf("SalesOfPartner %d (%s)", p.ID, p.Name), want, got)
		// A window inside the range: the second quarter of 2026.
		q2 := engine.Period{Start: engine.MustDate("2026-04-01"), End: engine.MustDate("2026-06-30")}
		got = got[:0]
		tx.SalesOfPartner(p.ID, q2.Start, q2.End, func(s *engine.Sale) error { got = append(got, *s); return nil })
		want = sortedSales(all, func(s *engine.Sale) bool { return s.PartnerID == p.ID && q2.Contains(s.BookDate()) })
		compareSaleLists(tb, fmt.Sprintf("SalesOfPartner %d in 2026-Q2", p.ID), want, got)
	}
}

// compareSalesByInvoice looks up every invoice of every partner, whole and
// line by line, and the line after its last, which must not be found.
func compareSalesByInvoice(tb testing.TB, tx *data.Tx, all map[engine.ID]engine.Sale) {
	tb.Helper()
	type inv struct {
		pid engine.ID
		no  string
	}
	invoices := map[inv][]engine.Sale{}
	for _, s := range all {
		if s.Invoice != "" {
			k := inv{s.PartnerID, s.Invoice}
			invoices[k] = append(invoices[k], s)
		}
	}
	if len(invoices) == 0 {
		tb.Fatal("the dumped sales name no invoice")
	}
	for k, want := range invoices {
		sort.Slice(want, func(i, j int) bool { return want[i].Line < want[j].Line })
		got, err := tx.SalesByInvoice(k.pid, k.no)
		if err != nil {
			tb.Errorf("SalesByInvoice(%d, %q): %v", k.pid, k.no, err)
			continue
		}
		compareSaleLists(tb, fmt.Sprintf("SalesByInvoice(%d, %q)", k.pid, k.no), want, got)
		for _, w := range want {
			s, err := tx.SaleByInvoiceLine(k.pid, k.no, w.Line)
			if err != nil {
				tb.Errorf("SaleByInvoiceLine(%d, %q, %d): %v", k.pid, k.no, w.Line, err)
				continue
			}
			compareSaleLists(tb, fmt.Sprintf("SaleByInvoiceLine(%d, %q, %d)", k.pid, k.no, w.Line), []engine.Sale{w}, []engine.Sale{*s})
		}
		next := want[len(want)-1].Line + 1
		if s, err := tx.SaleByInvoiceLine(k.pid, k.no, next); !errors.Is(err, engine.ErrNotFound) {
			tb.Errorf("SaleByInvoiceLine(%d, %q, %d) = %v, %v; want not found", k.pid, k.no, next, s, err)
		}
	}
}

// compareLastSaleID: the sale counter is what tells a late sale from one
// entered before its period closed, so it must survive, removed sales
// included. Its value is the highest sale id the audit trail ever named.
func compareLastSaleID(tb testing.TB, tx *data.Tx, audit []auditRow) {
	tb.Helper()
	var want engine.ID
	for _, r := range audit {
		e := r.Entry
		if e.Kind == data.KindSale && e.RecordID > want {
			want = e.RecordID
		}
		if a, ok := data.ImportOf(&e); ok {
			ids := a.Created[data.KindSale]
			if i := strings.LastIndexAny(ids, ",-"); i >= 0 {
				ids = ids[i+1:]
			}
			if n, err := strconv.ParseUint(ids, 10, 64); err == nil && engine.ID(n) > want {
				want = engine.ID(n)
			}
		}
	}
	got, err := tx.LastSaleID()
	if err != nil || got != want {
		tb.Errorf("LastSaleID = %d, %v; the schema-3 file had handed out sale ids up to %d", got, err, want)
	}
}

// compareRecords compares the records of one kind with the dump of the
// verb of that name (the records as JSON), by id, field by field.
func compareRecords[T any](tb testing.TB, tx *data.Tx, verb string) {
	tb.Helper()
	var want []T
	decodeExpect(tb, verb+".json", &want)
	got, err := data.All[T](tx)
	if err != nil {
		tb.Fatalf("All %s: %v", verb, err)
	}
	id := func(v *T) engine.ID { return engine.ID(reflect.ValueOf(v).Elem().FieldByName("ID").Uint()) }
	byID := map[engine.ID]*T{}
	for i := range got {
		byID[id(&got[i])] = &got[i]
	}
	var diffs []string
	for i := range want {
		w := &want[i]
		g, ok := byID[id(w)]
		if !ok {
			diffs = append(diffs, fmt.Sprintf("%s %d is missing", verb, id(w)))
			continue
		}
		diffs = append(diffs, fieldDiffs(fmt.Sprintf("%s %d", verb, id(w)), *w, *g)...)
	}
	if len(got) != len(want) {
		diffs = append(diffs, fmt.Sprintf("%d %s read, %d listed by the schema-3 build", len(got), verb, len(want)))
	}
	if len(diffs) > 0 {
		tb.Errorf("%s: %d differences:\n  %s", verb, len(diffs), strings.Join(first(diffs, 20), "\n  "))
	}
}

// lineRow is a reward line as the `lines` verb prints it.
type lineRow struct {
	ID        engine.ID         `json:"id"`
	Period    string            `json:"period"`
	PayeeKind engine.PayeeKind  `json:"payee_kind"`
	PayeeID   engine.ID         `json:"payee_id"`
	Unit      engine.Unit       `json:"unit"`
	Amount    decimal.Decimal   `json:"amount"`
	Points    int64             `json:"points"`
	Basis     decimal.Decimal   `json:"basis"`
	Status    engine.LineStatus `json:"status"`
}

func compareLines(tb testing.TB, tx *data.Tx) {
	tb.Helper()
	total := 0
	var diffs []string
	for _, key := range expectKeys(tb, "lines") {
		var want []lineRow
		decodeExpect(tb, "lines-"+key+".json", &want)
		total += len(want)
		ls, err := tx.LinesOfPeriod(key)
		if err != nil {
			tb.Fatalf("LinesOfPeriod %s: %v", key, err)
		}
		got := map[engine.ID]lineRow{}
		for _, l := range ls {
			got[l.ID] = lineRow{l.ID, l.Period, l.Payee.Kind, l.Payee.ID, l.Unit, l.Amount, l.Points, l.Basis, l.Status}
		}
		if len(got) != len(want) {
			diffs = append(diffs, fmt.Sprintf("%s: %d lines, want %d", key, len(got), len(want)))
		}
		for _, w := range want {
			g, ok := got[w.ID]
			if !ok {
				diffs = append(diffs, fmt.Sprintf("%s: line %d is missing", key, w.ID))
				continue
			}
			diffs = append(diffs, fieldDiffs(fmt.Sprintf("line %d", w.ID), w, g)...)
		}
	}
	if n, err := tx.Count(data.KindRewardLine); err != nil || n != total {
		diffs = append(diffs, fmt.Sprintf("%d reward lines stored (%v), %d listed by period", n, err, total))
	}
	if len(diffs) > 0 {
		tb.Errorf("reward lines: %d differences:\n  %s", len(diffs), strings.Join(first(diffs, 20), "\n  "))
	}
}

// compareClosedPeriods reads the table `periods` printed: key, start, end,
// closed, closed on, closed by (the rest of the line: names have spaces).
func compareClosedPeriods(tb testing.TB, tx *data.Tx) {
	tb.Helper()
	sts, err := tx.PeriodStates()
	if err != nil {
		tb.Fatalf("PeriodStates: %v", err)
	}
	got := map[string]string{}
	for _, s := range sts {
		if s.Closed {
			got[s.Key] = strings.Join([]string{s.Key, s.Start.String(), s.End.String(), "true", s.ClosedOn.String(), s.ClosedBy}, " ")
		}
	}
	sc := bufio.NewScanner(bytes.NewReader(readExpect(tb, "periods.txt")))
	sc.Scan() // the header
	n := 0
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 6 {
			tb.Fatalf("periods.txt: %q", sc.Text())
		}
		n++
		want := strings.Join(f, " ")
		if got[f[0]] != want {
			tb.Errorf("closed period %s reads %q, was %q", f[0], got[f[0]], want)
		}
	}
	if n != len(got) || n == 0 {
		tb.Errorf("%d closed periods, the schema-3 build listed %d", len(got), n)
	}
}

type auditRow struct {
	Entry engine.AuditEntry
	What  string
}

func expectedAudit(tb testing.TB) []auditRow {
	tb.Helper()
	var rows []auditRow
	decodeExpect(tb, "audit.json", &rows)
	if len(rows) == 0 {
		tb.Fatal("the audit dump is empty")
	}
	return rows
}

// compareAudit: every entry reads as it did, told in the same words (the
// audit screen's), with its seal; an upgrade adds its own entries, after
// all of them, and nothing else.
func compareAudit(tb testing.TB, tx *data.Tx, want []auditRow, upgraded bool) {
	tb.Helper()
	got := map[engine.ID]engine.AuditEntry{}
	var newer []engine.AuditEntry
	maxID := want[0].Entry.ID
	err := tx.AuditEntries(func(e *engine.AuditEntry) error {
		if e.ID > maxID {
			newer = append(newer, *e)
		} else {
			got[e.ID] = *e
		}
		return nil
	})
	if err != nil {
		tb.Fatalf("AuditEntries: %v", err)
	}
	var diffs []string
	for _, w := range want {
		g, ok := got[w.Entry.ID]
		if !ok {
			diffs = append(diffs, fmt.Sprintf("entry %d is missing", w.Entry.ID))
			continue
		}
		diffs = append(diffs, fieldDiffs(fmt.Sprintf("entry %d", w.Entry.ID), w.Entry, g)...)
		if what := data.AuditText(&g, "", 0); what != w.What {
			diffs = append(diffs, fmt.Sprintf("entry %d reads %q, was %q", w.Entry.ID, what, w.What))
		}
	}
	if len(got) != len(want) {
		diffs = append(diffs, fmt.Sprintf("%d entries up to %d, the schema-3 build listed %d", len(got), maxID, len(want)))
	}
	for _, e := range newer {
		if e.Action != "upgrade" || e.Kind != "schema" {
			diffs = append(diffs, fmt.Sprintf("entry %d (%s %s) was added by opening the file", e.ID, e.Action, e.Kind))
		}
	}
	if upgraded && len(newer) == 0 {
		diffs = append(diffs, "the upgrade left no audit entry")
	}
	if !upgraded && len(newer) > 0 {
		diffs = append(diffs, fmt.Sprintf("opening a current file added %d audit entries", len(newer)))
	}
	if len(diffs) > 0 {
		tb.Errorf("audit trail: %d differences:\n  %s", len(diffs), strings.Join(first(diffs, 20), "\n  "))
	}
}
