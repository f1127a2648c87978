package data_test

import (
	"errors"
	"fmt"
	"sort"
	"sync"
	"testing"

	"partnerdesk/data"
	"partnerdesk/engine"
)

// pay records a payout and numbers it in one transaction, as app.Pay does.
func pay(tb testing.TB, s *data.Store, payee engine.Payee, date, amount string) engine.Payout {
	tb.Helper()
	po := engine.Payout{Date: engine.MustDate(date), Payee: payee, Amount: dec(amount), Method: "bank transfer"}
	err := s.Update("tester", func(tx *data.Tx) error {
		if err := tx.Put(&po); err != nil {
			return err
		}
		_, err := tx.NumberPayouts()
		return err
	})
	if err != nil {
		tb.Fatalf("pay %s %s: %v", date, amount, err)
	}
	return po
}

func numberOf(tb testing.TB, s *data.Store, id engine.ID) string {
	tb.Helper()
	var n engine.InvoiceNo
	s.View(func(tx *data.Tx) error { n, _ = tx.InvoiceNumber(id); return nil })
	return n.String()
}

// TestInvoiceNumbersPerYear: partner payouts are numbered 1, 2, 3 within
// the calendar year of their date, a new year starts at 1 again, a
// negative payout (credit note) takes the next number of the same
// sequence, and a rep's payout gets none.
func TestInvoiceNumbersPerYear(t *testing.T) {
	s, _ := openTemp(t)
	pid, rid, _ := seed(t, s)
	partner := engine.Payee{Kind: engine.PayeePartner, ID: pid}
	rep := engine.Payee{Kind: engine.PayeeRep, ID: rid}
	a := pay(t, s, partner, "2026-03-31", "100.00")
	r := pay(t, s, rep, "2026-04-01", "50.00")
	b := pay(t, s, partner, "2026-12-31", "-20.00")
	c := pay(t, s, partner, "2027-01-01", "10.00")
	d := pay(t, s, partner, "2026-06-30", "0.00") // dated back into 2026: next of 2026
	want := map[engine.ID]string{a.ID: "SB-2026-00001", r.ID: "", b.ID: "SB-2026-00002", c.ID: "SB-2027-00001", d.ID: "SB-2026-00003"}
	for id, w := range want {
		if got := numberOf(t, s, id); got != w {
			t.Errorf("payout %d: number %q, want %q", id, got, w)
		}
	}
	s.View(func(tx *data.Tx) error {
		if id, ok := tx.PayoutOfInvoice(engine.InvoiceNo{Year: 2026, Seq: 2}); !ok || id != b.ID {
			t.Errorf("PayoutOfInvoice(SB-2026-00002) = %d %v, want %d", id, ok, b.ID)
		}
		return nil
	})
}

// TestAbortedPayoutLeavesNoGap: a transaction that records and numbers a
// payout and then fails (a later check refused it) takes its number with
// it; the next payout gets that number, and the file checks clean
// (openTemp's cleanup runs Check, which would report the gap).
func TestAbortedPayoutLeavesNoGap(t *testing.T) {
	s, _ := openTemp(t)
	pid, _, _ := seed(t, s)
	partner := engine.Payee{Kind: engine.PayeePartner, ID: pid}
	pay(t, s, partner, "2026-05-01", "10.00")
	refused := errors.New("refused after numbering")
	err := s.Update("tester", func(tx *data.Tx) error {
		po := engine.Payout{Date: engine.MustDate("2026-05-02"), Payee: partner, Amount: dec("20.00"), Method: "x"}
		if err := tx.Put(&po); err != nil {
			return err
		}
		ns, err := tx.NumberPayouts()
		if err != nil {
			return err
		}
		if len(ns) != 1 || ns[0].No.String() != "SB-2026-00002" {
			t.Errorf("inside the aborted transaction: %v, want SB-2026-00002", ns)
		}
		return refused
	})
	if !errors.Is(err, refused) {
		t.Fatalf("Update: %v", err)
	}
	next := pay(t, s, partner, "2026-05-03", "30.00")
	if got := numberOf(t, s, next.ID); got != "SB-2026-00002" {
		t.Errorf("the payout after an aborted one got %q, want SB-2026-00002", got)
	}
}

// TestConcurrentPayoutsNumberedOnce: payouts recorded from many goroutines
// at once get the numbers 1..n of their year, each once.
func TestConcurrentPayoutsNumberedOnce(t *testing.T) {
	s, _ := openTemp(t)
	pid, _, _ := seed(t, s)
	partner := engine.Payee{Kind: engine.PayeePartner, ID: pid}
	const workers, each = 6, 8
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < each; i++ {
				pay(t, s, partner, fmt.Sprintf("2026-%02d-%02d", 1+w, 1+i), "1.00")
			}
		}(w)
	}
	wg.Wait()
	var seqs []int
	s.View(func(tx *data.Tx) error {
		ns, err := tx.InvoiceNumbers()
		for _, n := range ns {
			if n.Year != 2026 {
				t.Errorf("number %s outside 2026", n)
			}
			seqs = append(seqs, n.Seq)
		}
		return err
	})
	sort.Ints(seqs)
	if len(seqs) != workers*each {
		t.Fatalf("%d numbers for %d payouts", len(seqs), workers*each)
	}
	for i, n := range seqs {
		if n != i+1 {
			t.Fatalf("numbers %v are not 1..%d", seqs, workers*each)
		}
	}
}

// TestOlderPayoutsNumberedInDateOrder: payouts written before numbering
// existed (no NumberPayouts call), one of them in a period closed since,
// are numbered by the first call in payout date order, not id order, and
// a payout recorded afterwards takes the next number.
func TestOlderPayoutsNumberedInDateOrder(t *testing.T) {
	s, _ := openTemp(t)
	pid, rid, _ := seed(t, s)
	partner := engine.Payee{Kind: engine.PayeePartner, ID: pid}
	var ids []engine.ID
	err := s.Update("tester", func(tx *data.Tx) error {
		for _, x := range []struct {
			payee engine.Payee
			date  string
		}{{partner, "2026-02-10"}, {partner, "2026-01-20"}, {engine.Payee{Kind: engine.PayeeRep, ID: rid}, "2026-01-05"}, {partner, "2025-12-31"}} {
			po := engine.Payout{Date: engine.MustDate(x.date), Payee: x.payee, Amount: dec("5.00"), Method: "x"}
			if err := tx.Put(&po); err != nil {
				return err
			}
			ids = append(ids, po.ID)
		}
		return tx.ClosePeriod(engine.PeriodState{Key: "2026-01", Start: engine.MustDate("2026-01-01"), End: engine.MustDate("2026-01-31"), Closed: true})
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := numberOf(t, s, ids[0]); got != "" {
		t.Fatalf("numbered before the first call: %q", got)
	}
	var given []engine.NumberedPayout
	err = s.Update("tester", func(tx *data.Tx) error {
		var err error
		given, err = tx.NumberPayouts()
		return err
	})
	if err != nil {
		t.Fatalf("NumberPayouts over a closed period's payout: %v", err)
	}
	if len(given) != 3 {
		t.Errorf("numbered %d payouts, want 3 (the rep's gets none): %v", len(given), given)
	}
	want := []string{"SB-2026-00002", "SB-2026-00001", "", "SB-2025-00001"}
	for i, id := range ids {
		if got := numberOf(t, s, id); got != want[i] {
			t.Errorf("payout %d (%d): %q, want %q", id, i, got, want[i])
		}
	}
	next := pay(t, s, partner, "2026-03-01", "1.00")
	if got := numberOf(t, s, next.ID); got != "SB-2026-00003" {
		t.Errorf("next payout: %q, want SB-2026-00003", got)
	}
}
