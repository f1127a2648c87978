package data_test

import (
	"errors"
	"reflect"
	"testing"

	"partnerdesk/data"
	"partnerdesk/engine"
)

// TestChangeLogRoundTrip stores a log of 2,500 changes (three chunks),
// reads it back exactly, replaces it with a shorter one (no chunk of the
// old one survives), and audits each write with its summary only.
func TestChangeLogRoundTrip(t *testing.T) {
	s, _ := openTemp(t)
	var cs []engine.Change
	for i := 0; i < 2500; i++ {
		c := engine.Change{ChangeKey: engine.ChangeKey{ProgramID: 3, RuleKey: "r", Payee: engine.Payee{Kind: engine.PayeePartner, ID: engine.ID(i + 1)}},
			PartnerID: engine.ID(i + 1), Unit: engine.UnitMoney, OldAmount: dec("500.00"), NewAmount: dec("450.00"),
			OldBasis: dec("10000"), NewBasis: dec("9000"), Reasons: []engine.ChangeReason{engine.ChangeInputs}}
		if i%2 == 1 {
			// A rep of partner 7 earning points, promoted Silver -> Gold.
			c.Payee = engine.Payee{Kind: engine.PayeeRep, ID: engine.ID(i)}
			c.PartnerID, c.Unit = 7, engine.UnitPoints
			c.OldAmount, c.NewAmount, c.OldPoints, c.NewPoints = dec("0"), dec("0"), 10, 12
			c.OldTier, c.NewTier, c.Reasons = "Silver", "Gold", []engine.ChangeReason{engine.ChangeTier}
		}
		cs = append(cs, c)
	}
	log := engine.ChangeLog{Period: "2026-07", ComputedAt: clock, ComputedBy: "tester", PreviousAt: clock.Add(-3600e9),
		Summary: engine.SummarizeChanges(cs), Changes: cs,
		Mark: engine.ComputeMark{Tiers: map[engine.ID]string{1: "Gold", 7: "Silver"}, Rules: map[string]string{"3/r": "abc"}}}
	put := func(l *engine.ChangeLog) {
		t.Helper()
		if err := s.Update("tester", func(tx *data.Tx) error { return tx.PutChangeLog(l) }); err != nil {
			t.Fatalf("PutChangeLog: %v", err)
		}
	}
	get := func(period string) (engine.ChangeLog, bool) {
		t.Helper()
		var got engine.ChangeLog
		var ok bool
		err := s.View(func(tx *data.Tx) error {
			var err error
			got, ok, err = tx.ChangeLog(period)
			return err
		})
		if err != nil {
			t.Fatalf("ChangeLog: %v", err)
		}
		return got, ok
	}
	put(&log)
	got, ok := get("2026-07")
	if !ok {
		t.Fatal("no change log after PutChangeLog")
	}
	if len(got.Changes) != len(cs) {
		t.Fatalf("changes: got %d, want %d", len(got.Changes), len(cs))
	}
	for i := range cs {
		g, w := got.Changes[i], cs[i]
		if g.ChangeKey != w.ChangeKey || g.PartnerID != w.PartnerID || g.Unit != w.Unit || !g.OldAmount.Equal(w.OldAmount) ||
			!g.NewAmount.Equal(w.NewAmount) || g.OldPoints != w.OldPoints || g.NewPoints != w.NewPoints || !g.OldBasis.Equal(w.OldBasis) ||
			!g.NewBasis.Equal(w.NewBasis) || g.OldTier != w.OldTier || g.NewTier != w.NewTier || !reflect.DeepEqual(g.Reasons, w.Reasons) {
			t.Fatalf("change %d: got %+v, want %+v", i, g, w)
		}
	}
	if !reflect.DeepEqual(got.Mark, log.Mark) || !got.ComputedAt.Equal(clock) || got.ComputedBy != "tester" || got.Summary.Changes != 2500 {
		t.Errorf("header: got %+v", got)
	}
	if _, ok := get("2026-08"); ok {
		t.Error("a period never computed has a change log")
	}

	short := engine.ChangeLog{Period: "2026-07", ComputedAt: clock, Changes: cs[:3], Summary: engine.SummarizeChanges(cs[:3])}
	put(&short)
	if got, _ := get("2026-07"); len(got.Changes) != 3 {
		t.Errorf("after replacing: got %d changes, want 3", len(got.Changes))
	}
	// A first computation's changes are its lines: none are stored.
	first := engine.ChangeLog{Period: "2026-07", ComputedAt: clock, First: true, Changes: cs, Summary: engine.SummarizeChanges(cs)}
	put(&first)
	if got, _ := get("2026-07"); !got.First || len(got.Changes) != 0 || got.Summary.Changes != 2500 {
		t.Errorf("first computation: got first=%v, %d changes stored, summary %d; want true, 0, 2500", got.First, len(got.Changes), got.Summary.Changes)
	}

	var audits int
	err := s.View(func(tx *data.Tx) error {
		es, err := tx.RecentAudit(10)
		for _, e := range es {
			if e.Kind == "changes" {
				audits++
				if len(e.After) > 1000 {
					t.Errorf("audit entry of %d bytes: want the summary only", len(e.After))
				}
			}
		}
		return err
	})
	if err != nil || audits != 3 {
		t.Errorf("audit entries of kind changes: got %d (%v), want 3", audits, err)
	}
}

func TestChangeLogRefusedInClosedPeriod(t *testing.T) {
	s, _ := openTemp(t)
	closeJune(t, s)
	err := s.Update("tester", func(tx *data.Tx) error {
		return tx.PutChangeLog(&engine.ChangeLog{Period: "2026-06", ComputedAt: clock})
	})
	if !errors.Is(err, engine.ErrPeriodClosed) {
		t.Errorf("got %v, want ErrPeriodClosed", err)
	}
}
