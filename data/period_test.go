package data_test

import (
	"errors"
	"strings"
	"testing"

	"partnerdesk/data"
	"partnerdesk/engine"
)

func closeJune(tb testing.TB, s *data.Store) {
	tb.Helper()
	jun := engine.Month(engine.MustDate("2026-06-01"))
	err := s.Update("boss", func(tx *data.Tx) error {
		return tx.ClosePeriod(engine.PeriodState{Key: jun.Key, Start: jun.Start, End: jun.End})
	})
	if err != nil {
		tb.Fatalf("close June: %v", err)
	}
}

func TestClosedPeriodChangesRefused(t *testing.T) {
	s, _ := openTemp(t)
	pid, rid, prod := seed(t, s)
	var juneSale, julySale *engine.Sale
	var juneLine engine.RewardLine
	err := s.Update("x", func(tx *data.Tx) error {
		juneSale = sale(pid, prod, "2026-06-20", "J", 1, "10")
		julySale = sale(pid, prod, "2026-07-02", "K", 1, "10")
		if err := tx.Put(juneSale); err != nil {
			return err
		}
		if err := tx.Put(julySale); err != nil {
			return err
		}
		lines := []engine.RewardLine{{Period: "2026-06", ProgramID: 1, RuleKey: "r", Payee: engine.Payee{Kind: engine.PayeePartner, ID: pid}, PartnerID: pid, Unit: engine.UnitMoney, Amount: dec("1.00")}}
		if err := tx.ReplaceDraftLines("2026-06", lines); err != nil {
			return err
		}
		juneLine = lines[0]
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	closeJune(t, s)

	late := sale(pid, prod, "2026-06-25", "L", 1, "5")
	late.Booked = engine.MustDate("2026-07-05")
	movedIn := *julySale
	movedIn.Date = engine.MustDate("2026-06-30")
	movedOut := *juneSale
	movedOut.Date = engine.MustDate("2026-07-30")
	changedLine := juneLine
	changedLine.Status = engine.LineApproved
	tests := []struct {
		name   string
		fn     func(tx *data.Tx) error
		closed bool
	}{
		{"new sale dated in June", func(tx *data.Tx) error { return tx.Put(sale(pid, prod, "2026-06-01", "N", 1, "1")) }, true},
		{"July sale moved into June", func(tx *data.Tx) error { return tx.Put(&movedIn) }, true},
		{"June sale moved out to July", func(tx *data.Tx) error { return tx.Put(&movedOut) }, true},
		{"delete a June sale", func(tx *data.Tx) error { return tx.Delete(data.KindSale, juneSale.ID) }, true},
		{"late sale booked in July", func(tx *data.Tx) error { return tx.Put(late) }, false},
		{"new sale in July", func(tx *data.Tx) error { return tx.Put(sale(pid, prod, "2026-07-01", "O", 1, "1")) }, false},
		{"activity in June", func(tx *data.Tx) error {
			return tx.Put(&engine.Activity{PartnerID: pid, Type: "demo", Date: engine.MustDate("2026-06-03")})
		}, true},
		{"training in June", func(tx *data.Tx) error {
			return tx.Put(&engine.Training{RepID: rid, Course: "C1", Completed: engine.MustDate("2026-06-03")})
		}, true},
		{"registration in June", func(tx *data.Tx) error {
			return tx.Put(&engine.Registration{PartnerID: pid, Submitted: engine.MustDate("2026-06-03")})
		}, true},
		{"payout in June", func(tx *data.Tx) error {
			return tx.Put(&engine.Payout{Date: engine.MustDate("2026-06-30"), Amount: dec("1")})
		}, true},
		{"fund entry in June", func(tx *data.Tx) error {
			return tx.Put(&engine.FundEntry{PartnerID: pid, Kind: engine.FundAccrual, Date: engine.MustDate("2026-06-30"), Amount: dec("1")})
		}, true},
		{"points entry in June", func(tx *data.Tx) error {
			return tx.Put(&engine.PointsEntry{Payee: engine.Payee{Kind: engine.PayeeRep, ID: rid}, Kind: engine.PointsEarned, Date: engine.MustDate("2026-06-30"), Points: 5})
		}, true},
		{"tier change from June", func(tx *data.Tx) error {
			return tx.Put(&engine.TierChange{PartnerID: pid, Tier: "Gold", From: engine.MustDate("2026-06-01")})
		}, true},
		{"tier change from July", func(tx *data.Tx) error {
			return tx.Put(&engine.TierChange{PartnerID: pid, Tier: "Gold", From: engine.MustDate("2026-07-01")})
		}, false},
		{"approve a June line", func(tx *data.Tx) error { return tx.Put(&changedLine) }, true},
		{"recompute June", func(tx *data.Tx) error { return tx.ReplaceDraftLines("2026-06", nil) }, true},
		{"close June again", func(tx *data.Tx) error {
			return tx.ClosePeriod(engine.PeriodState{Key: "2026-06", Start: engine.MustDate("2026-06-01"), End: engine.MustDate("2026-06-30")})
		}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := len(audit(t, s))
			err := s.Update("clerk", tt.fn)
			if tt.closed {
				if !errors.Is(err, engine.ErrPeriodClosed) {
					t.Fatalf("err = %v, want ErrPeriodClosed", err)
				}
				if !strings.Contains(err.Error(), "2026-06") {
					t.Errorf("message %q does not name the period", err)
				}
				if after := len(audit(t, s)); after != before {
					t.Errorf("a refused change left %d audit entries", after-before)
				}
				return
			}
			if err != nil {
				t.Fatalf("err = %v, want success", err)
			}
		})
	}
	s.View(func(tx *data.Tx) error {
		if !tx.IsClosed(engine.MustDate("2026-06-15")) || tx.IsClosed(engine.MustDate("2026-07-01")) {
			t.Error("IsClosed: want June closed and July open")
		}
		sts, err := tx.PeriodStates()
		if err != nil || len(sts) != 1 || !sts[0].Closed || sts[0].ClosedBy != "boss" || sts[0].ClosedOn != engine.DateOf(clock) {
			t.Errorf("PeriodStates = %+v, %v", sts, err)
		}
		return nil
	})
}

func TestReplaceDraftLinesKeepsApproved(t *testing.T) {
	s, _ := openTemp(t)
	pid, rid, _ := seed(t, s)
	line := func(amount string, payee engine.Payee) engine.RewardLine {
		return engine.RewardLine{Period: "2026-Q3", ProgramID: 1, RuleKey: "r1", Payee: payee, PartnerID: pid, Unit: engine.UnitMoney, Amount: dec(amount)}
	}
	partner := engine.Payee{Kind: engine.PayeePartner, ID: pid}
	rep := engine.Payee{Kind: engine.PayeeRep, ID: rid}
	err := s.Update("x", func(tx *data.Tx) error {
		return tx.ReplaceDraftLines("2026-Q3", []engine.RewardLine{line("10.00", partner), line("2.50", rep)})
	})
	if err != nil {
		t.Fatal(err)
	}
	// Approve the first line, then recompute: it must survive.
	err = s.Update("x", func(tx *data.Tx) error {
		l, err := data.Get[engine.RewardLine](tx, 1)
		if err != nil {
			return err
		}
		l.Status = engine.LineApproved
		return tx.Put(l)
	})
	if err != nil {
		t.Fatal(err)
	}
	err = s.Update("x", func(tx *data.Tx) error {
		return tx.ReplaceDraftLines("2026-Q3", []engine.RewardLine{line("3.25", rep), line("4.00", rep)})
	})
	if err != nil {
		t.Fatal(err)
	}
	s.View(func(tx *data.Tx) error {
		ls, err := tx.LinesOfPeriod("2026-Q3")
		if err != nil {
			t.Fatal(err)
		}
		// Approved line 1 (10.00) stays; draft 2 (2.50) is replaced by 3 and 4.
		if len(ls) != 3 || ls[0].ID != 1 || ls[0].Status != engine.LineApproved || ls[1].ID != 3 || !ls[1].Amount.Equal(dec("3.25")) || ls[2].ID != 4 {
			t.Errorf("lines = %+v", ls)
		}
		if other, _ := tx.LinesOfPeriod("2026-Q"); len(other) != 0 {
			t.Errorf("LinesOfPeriod(2026-Q) = %d lines, want 0 (a prefix is not a period)", len(other))
		}
		return nil
	})
	es := audit(t, s)[:3]
	// Newest first, after the seed's three: recompute, update (approve), recompute.
	if es[1].Action != "update" || es[0].Action != "recompute" || es[2].Action != "recompute" {
		t.Fatalf("audit actions = %s, %s, %s", es[0].Action, es[1].Action, es[2].Action)
	}
	// The second recompute removed one draft of 2.50 and added 3.25 + 4.00 = 7.25.
	if b, a := string(es[0].Before), string(es[0].After); !strings.Contains(b, `"lines":1`) || !strings.Contains(b, `"2.5"`) ||
		!strings.Contains(a, `"lines":2`) || !strings.Contains(a, `"7.25"`) {
		t.Errorf("recompute audit before %s after %s", b, a)
	}
	err = s.Update("x", func(tx *data.Tx) error {
		return tx.ReplaceDraftLines("2026-Q3", []engine.RewardLine{line("1", rep), {Period: "2026-Q4"}})
	})
	if err == nil {
		t.Error("ReplaceDraftLines accepted a line of another period")
	}
}
