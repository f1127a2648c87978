package data_test

import (
	"errors"
	"testing"

	"partnerdesk/data"
	"partnerdesk/engine"
)

// A registration submitted in a period that is now closed can still be
// decided and given an outcome, dated in an open period; its submitted
// fields stay frozen, and a decision that would change the bonus on a
// linked sale in the closed period is refused.
func TestRegistrationDecisionAfterClose(t *testing.T) {
	s, _ := openTemp(t)
	pid, _, prod := seed(t, s)
	reg := func(submitted string) *engine.Registration {
		return &engine.Registration{PartnerID: pid, Customer: "Acme", ExpectedValue: dec("1000"), Submitted: engine.MustDate(submitted),
			Decision: engine.DecisionPending, Outcome: engine.OutcomeOpen, WindowDays: 30}
	}
	plain, linked, paid := reg("2026-06-28"), reg("2026-06-20"), reg("2026-06-10")
	paid.Decision, paid.DecidedBy, paid.DecidedOn = engine.DecisionApproved, "boss", engine.MustDate("2026-06-12")
	err := s.Update("x", func(tx *data.Tx) error {
		for _, g := range []*engine.Registration{plain, linked, paid} {
			if err := tx.Put(g); err != nil {
				return err
			}
		}
		ls := sale(pid, prod, "2026-06-25", "L1", 1, "500")
		ls.RegistrationID = linked.ID
		ps := sale(pid, prod, "2026-06-20", "P1", 1, "500")
		ps.RegistrationID = paid.ID
		if err := tx.Put(ls); err != nil {
			return err
		}
		return tx.Put(ps)
	})
	if err != nil {
		t.Fatal(err)
	}
	closeJune(t, s)

	decide := func(g *engine.Registration, v engine.Verdict, on string) error {
		c := *g
		if err := engine.DecideRegistration(&c, v, "boss", engine.MustDate(on)); err != nil {
			t.Fatalf("decide %d %s: %v", g.ID, v, err)
		}
		err := s.Update("boss", func(tx *data.Tx) error { return tx.Put(&c) })
		if err == nil {
			*g = c
		}
		return err
	}
	wantClosed := func(name string, err error) {
		t.Helper()
		if !errors.Is(err, engine.ErrPeriodClosed) {
			t.Errorf("%s: want refused as closed, got %v", name, err)
		}
	}
	// Submitted 28 June, approved 3 July after June closed, won in October.
	if err := decide(plain, engine.VerdictApprove, "2026-07-03"); err != nil {
		t.Fatalf("approve in July: %v", err)
	}
	if err := decide(plain, engine.VerdictWon, "2026-10-01"); err != nil {
		t.Fatalf("won in October: %v", err)
	}
	// A decision dated in the closed period is refused.
	wantClosed("approve dated in June", decide(linked, engine.VerdictApprove, "2026-06-30"))
	// Approving would pay the bonus on a June sale: refused; rejecting changes nothing.
	wantClosed("approve with a linked June sale", decide(linked, engine.VerdictApprove, "2026-07-02"))
	if err := decide(linked, engine.VerdictReject, "2026-07-02"); err != nil {
		t.Fatalf("reject with a linked June sale: %v", err)
	}
	// Expiring would take back the bonus paid on a June sale: refused; lost changes nothing.
	wantClosed("expire with a paid June sale", decide(paid, engine.VerdictExpired, "2026-07-20"))
	if err := decide(paid, engine.VerdictLost, "2026-07-20"); err != nil {
		t.Fatalf("lost with a paid June sale: %v", err)
	}
	// The submitted fields of a registration submitted in June stay frozen,
	// even together with a decision.
	changed := *plain
	changed.ExpectedValue = dec("2000")
	wantClosed("change the value", s.Update("x", func(tx *data.Tx) error { return tx.Put(&changed) }))
	moved := *plain
	moved.Submitted = engine.MustDate("2026-07-01")
	wantClosed("move the submission out of June", s.Update("x", func(tx *data.Tx) error { return tx.Put(&moved) }))
	wantClosed("delete", s.Update("x", func(tx *data.Tx) error { return tx.Delete(data.KindRegistration, plain.ID) }))
	var got *engine.Registration
	if err := s.View(func(tx *data.Tx) error {
		var err error
		got, err = data.Get[engine.Registration](tx, plain.ID)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if got.Outcome != engine.OutcomeWon || got.DecidedOn != engine.MustDate("2026-07-03") || !got.ExpectedValue.Equal(dec("1000")) {
		t.Errorf("stored registration = %+v, want approved 2026-07-03, won, value 1000", got)
	}
}
