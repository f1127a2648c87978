package app_test

import (
	"bytes"
	"errors"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	bolt "go.etcd.io/bbolt"

	"partnerdesk/app"
	"partnerdesk/app/demo"
	"partnerdesk/data"
	"partnerdesk/engine"
	"partnerdesk/engine/views"
	"partnerdesk/reports"
)

// invoiceDemo is the demo company of 2025-12..2026-11 run as `partnerdesk
// demo` runs it, looked at on 2026-12-06, in a file at path.
func invoiceDemo(t *testing.T, path string) (*app.Service, *data.Store) {
	t.Helper()
	st, err := data.Open(path, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	now := engine.MustDate("2026-12-06").Time().Add(10 * time.Hour)
	svc := app.NewService(st, "tester", func() time.Time { return now })
	if err := svc.LoadDataset(demo.Generate(1, engine.MustDate("2026-11-30")), nil); err != nil {
		t.Fatal(err)
	}
	if err := svc.SettleDemo(engine.MustDate("2026-11-30"), nil); err != nil {
		t.Fatal(err)
	}
	return svc, st
}

func checkStore(t *testing.T, st *data.Store) {
	t.Helper()
	rep, err := st.Check()
	if err != nil || !rep.OK() {
		t.Errorf("check: %v %v", err, rep.Problems)
	}
}

// TestSelfBillingOnTheDemo: every partner payout the demo's period runs
// recorded has a number, the numbers of each year are 1..n in the order
// the payouts were recorded, reps' payouts have none, and each partner
// payout prints as a document whose total is the payout and the sum of
// the lines it settles, in the partner's language or the one asked for.
func TestSelfBillingOnTheDemo(t *testing.T) {
	svc, st := invoiceDemo(t, filepath.Join(t.TempDir(), "pd.db"))
	defer st.Close()
	docs, err := svc.PayoutDocs(views.PayoutDocFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) < 100 {
		t.Fatalf("the demo has %d payouts, want a year of them", len(docs))
	}
	byID := map[engine.ID]views.PayoutDoc{}
	last := map[int]int{}
	var partnerDoc, repDoc *views.PayoutDoc
	for i := range docs {
		d := docs[i]
		byID[d.PayoutID] = d
		switch d.Payee.Kind {
		case engine.PayeeRep:
			if d.Number != "" || d.Kind != "" {
				t.Errorf("rep payout %d has a document: %q %q", d.PayoutID, d.Number, d.Kind)
			}
			repDoc = &docs[i]
		case engine.PayeePartner:
			n, err := engine.ParseInvoiceNo(d.Number)
			if err != nil {
				t.Fatalf("partner payout %d: %v", d.PayoutID, err)
			}
			if y, _, _ := d.Date.YMD(); n.Year != y {
				t.Errorf("payout %d of %s numbered %s", d.PayoutID, d.Date, n)
			}
			if partnerDoc == nil || len(d.PayeeName) > len(partnerDoc.PayeeName) {
				partnerDoc = &docs[i]
			}
		}
	}
	// Recorded in date order by the demo: within a year the numbers rise
	// with the payout ids, one by one.
	for id := engine.ID(1); int(id) <= len(byID); id++ {
		d, ok := byID[id]
		if !ok || d.Kind == "" {
			continue
		}
		n, _ := engine.ParseInvoiceNo(d.Number)
		if n.Seq != last[n.Year]+1 {
			t.Errorf("payout %d is %s after number %d of %d", id, n, last[n.Year], n.Year)
		}
		last[n.Year] = n.Seq
	}
	if partnerDoc == nil || repDoc == nil {
		t.Fatal("the demo should pay partners and reps")
	}

	ref := strconv.FormatUint(uint64(partnerDoc.PayoutID), 10)
	inv, err := svc.BuildInvoice(ref, "")
	if err != nil {
		t.Fatal(err)
	}
	if inv.Number != partnerDoc.Number || !inv.Total.Equal(partnerDoc.Amount) || len(inv.Lines) != partnerDoc.Lines {
		t.Errorf("invoice %s total %s with %d lines; payout %s %s with %d lines", inv.Number, inv.Total, len(inv.Lines), partnerDoc.Number, partnerDoc.Amount, partnerDoc.Lines)
	}
	sum := decimal.Zero
	for _, l := range inv.Lines {
		sum = sum.Add(l.Amount)
		if l.Program == "" || l.Period == "" || l.Explanation == "" {
			t.Errorf("a line without program, period or explanation: %+v", l)
		}
	}
	if !sum.Equal(inv.Total) {
		t.Errorf("lines add up to %s, the document says %s", sum, inv.Total)
	}
	p, err := svc.Partner(partnerDoc.Payee.ID)
	if err == nil && p.Language != "" && inv.Language != p.Language {
		t.Errorf("document in %q, the partner reads %q", inv.Language, p.Language)
	}
	byNo, err := svc.BuildInvoice(partnerDoc.Number, "fr")
	if err != nil || byNo.Total.String() != inv.Total.String() || byNo.Language != "fr" {
		t.Errorf("by number in French: %v %+v", err, byNo)
	}
	if _, err := svc.BuildInvoice(ref, "xx"); err == nil {
		t.Error("an unknown language was accepted")
	}
	_, err = svc.BuildInvoice(strconv.FormatUint(uint64(repDoc.PayoutID), 10), "")
	var ve *engine.ValidationError
	if !errors.As(err, &ve) || !strings.Contains(err.Error(), "rep") {
		t.Errorf("a rep payout's document: %v, want a refusal naming the rep", err)
	}
	if _, err := svc.BuildInvoice("SB-2026-99999", ""); err == nil {
		t.Error("a number nobody holds was accepted")
	}
	for _, lang := range []string{"en", "it", "fr", "nl", "id", "de", "es"} {
		var b bytes.Buffer
		if _, err := svc.WriteInvoice(ref, lang, &b); err != nil || !bytes.HasPrefix(b.Bytes(), []byte("%PDF")) {
			t.Errorf("%s: %v", lang, err)
		}
	}
	// Every partner payout of a quarter into a folder, named by number.
	dir := t.TempDir()
	files, err := svc.SaveInvoices(views.PayoutDocFilter{Period: "2026-Q2"}, "", dir)
	if err != nil {
		t.Fatal(err)
	}
	want := 0
	q2, _ := svc.PayoutDocs(views.PayoutDocFilter{Period: "2026-Q2"})
	for _, d := range q2 {
		if d.Kind != "" {
			want++
		}
	}
	if len(files) != want || want == 0 {
		t.Errorf("%d files for %d partner payouts of 2026-Q2", len(files), want)
	}
	for _, f := range files {
		if !strings.HasPrefix(filepath.Base(f), "sb-2026-") {
			t.Errorf("file %s is not named by its number", f)
		}
	}
	checkStore(t, st)
}

// TestOlderFileNumberedOnFirstPrint: a file whose payouts were recorded
// before numbering existed (the numbers' buckets removed behind the
// store's back) lists them unnumbered; the first print numbers every one,
// in payout date order, and the file checks clean.
func TestOlderFileNumberedOnFirstPrint(t *testing.T) {
	path := filepath.Join(t.TempDir(), "pd.db")
	svc, st := invoiceDemo(t, path)
	before, err := svc.PayoutDocs(views.PayoutDocFilter{})
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(btx *bolt.Tx) error {
		for _, b := range []string{"invoice_numbers", "invoice_by_payout"} {
			if err := btx.DeleteBucket([]byte(b)); err != nil {
				return err
			}
		}
		return btx.Bucket([]byte("meta")).Delete([]byte("invoices_through"))
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	st, err = data.Open(path, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	now := engine.MustDate("2026-12-06").Time()
	svc = app.NewService(st, "tester", func() time.Time { return now })
	checkStore(t, st)
	docs, _ := svc.PayoutDocs(views.PayoutDocFilter{})
	var last views.PayoutDoc
	for _, d := range docs {
		if d.Number != "" {
			t.Fatalf("payout %d numbered before any print: %s", d.PayoutID, d.Number)
		}
		if d.Kind != "" {
			last = d
		}
	}
	inv, err := svc.BuildInvoice(strconv.FormatUint(uint64(last.PayoutID), 10), "")
	if err != nil {
		t.Fatal(err)
	}
	docs, _ = svc.PayoutDocs(views.PayoutDocFilter{})
	var prev views.PayoutDoc
	for _, d := range docs {
		if d.Kind == "" {
			continue
		}
		if d.Number == "" {
			t.Errorf("payout %d still unnumbered after the first print", d.PayoutID)
		}
		py, _, _ := prev.Date.YMD()
		dy, _, _ := d.Date.YMD()
		if prev.Number != "" && py == dy && prev.Number > d.Number {
			t.Errorf("%s (%s) comes before %s (%s): not in date order", prev.Number, prev.Date, d.Number, d.Date)
		}
		prev = d
	}
	// The demo recorded its payouts in date order, so the numbers given
	// afterwards are the ones given as they were recorded.
	for i := range docs {
		if docs[i].Number != before[i].Number {
			t.Errorf("payout %d numbered %s on first print, %s when recorded", docs[i].PayoutID, docs[i].Number, before[i].Number)
			break
		}
	}
	if inv.Number != last.Number && inv.Number == "" {
		t.Errorf("the printed document has no number")
	}
	checkStore(t, st)
}

// TestDemoStatementsHaveNoOrphanPages lays out every statement of the
// demo's quarters and year (the statements long enough to need a second
// page) and checks each page break: no page holds only the year to date,
// only "(continued)" and a total, or ends with a title.
func TestDemoStatementsHaveNoOrphanPages(t *testing.T) {
	svc, st := invoiceDemo(t, filepath.Join(t.TempDir(), "pd.db"))
	defer st.Close()
	multi := 0
	for _, period := range []string{"2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4", "2026"} {
		payees, err := svc.PayeesWithLines(period)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range payees {
			s, err := svc.BuildStatement(p, period)
			if err != nil {
				t.Fatal(err)
			}
			pages, err := reports.StatementPages(s)
			if err != nil {
				t.Fatal(err)
			}
			if len(pages) > 1 {
				multi++
			}
			for _, pr := range reports.OrphanProblems(pages) {
				t.Errorf("%s %s: %s", period, s.Payee.Name, pr)
			}
			// SPEC (Statements): an open period's statement is
			// provisional; the demo closed 2026-Q1 and 2026-Q2 only.
			if want := period != "2026-Q1" && period != "2026-Q2"; s.Provisional != want {
				t.Errorf("%s %s: provisional %v, want %v", period, s.Payee.Name, s.Provisional, want)
			}
			// Nudges only while the period runs: Q1 to Q3 have ended.
			if len(s.Nudges) > 0 && period != "2026" && period != "2026-Q4" {
				t.Errorf("%s %s: nudges on a period that has ended", period, s.Payee.Name)
			}
		}
	}
	if multi < 38 {
		t.Errorf("%d statements of two pages or more, want the demo's long ones (38 or more)", multi)
	}
}
