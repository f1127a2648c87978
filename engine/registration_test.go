package engine_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"partnerdesk/engine"
)

// regIn returns a registration submitted on 2026-07-01 with a 30-day
// window, in decision d and outcome o; an approved one was approved on
// 2026-07-02 by Giulia, so its window runs to 2026-07-02 + 30 = 2026-08-01.
func regIn(d engine.Decision, o engine.Outcome) engine.Registration {
	g := engine.Registration{ID: 7, PartnerID: 1, Customer: "Globex", Submitted: engine.MustDate("2026-07-01"),
		WindowDays: 30, Decision: d, Outcome: o}
	if d != engine.DecisionPending {
		g.DecidedBy, g.DecidedOn = "Giulia", engine.MustDate("2026-07-02")
	}
	return g
}

func TestRegistrationTransitions(t *testing.T) {
	pending := regIn(engine.DecisionPending, engine.OutcomeOpen)
	approved := regIn(engine.DecisionApproved, engine.OutcomeOpen)
	rejected := regIn(engine.DecisionRejected, engine.OutcomeOpen)
	won := regIn(engine.DecisionApproved, engine.OutcomeWon)
	won.OutcomeBy, won.OutcomeOn = "Marco", engine.MustDate("2026-07-20")
	tests := []struct {
		name      string
		g         engine.Registration
		v         engine.Verdict
		on        string
		wantField string // "": allowed
		wantWords string
	}{
		{"pending approved", pending, engine.VerdictApprove, "2026-07-03", "", ""},
		{"pending rejected", pending, engine.VerdictReject, "2026-07-01", "", ""},
		{"approval before submission", pending, engine.VerdictApprove, "2026-06-30", "date", "before the submission on 2026-07-01"},
		{"pending cannot be won", pending, engine.VerdictWon, "2026-07-03", "verdict", "approve or reject it first"},
		{"pending cannot expire", pending, engine.VerdictExpired, "2026-09-01", "verdict", "only an approved registration"},
		{"approved won", approved, engine.VerdictWon, "2026-07-10", "", ""},
		{"approved lost", approved, engine.VerdictLost, "2026-07-02", "", ""},
		{"approved again", approved, engine.VerdictApprove, "2026-07-10", "verdict", "already approved by Giulia on 2026-07-02"},
		{"approved then rejected", approved, engine.VerdictReject, "2026-07-10", "verdict", "already approved"},
		{"outcome before approval", approved, engine.VerdictLost, "2026-07-01", "date", "before the approval on 2026-07-02"},
		// The window runs to 2026-08-01: on that day the deal can still
		// close, on 2026-08-02 it expires.
		{"expired inside the window", approved, engine.VerdictExpired, "2026-08-01", "date", "runs to 2026-08-01"},
		{"expired after the window", approved, engine.VerdictExpired, "2026-08-02", "", ""},
		{"nothing from rejected: approve", rejected, engine.VerdictApprove, "2026-07-10", "verdict", "rejected by Giulia on 2026-07-02: a rejection is final"},
		{"nothing from rejected: won", rejected, engine.VerdictWon, "2026-07-10", "verdict", "a rejection is final"},
		{"nothing from an outcome: lost", won, engine.VerdictLost, "2026-07-21", "verdict", "already won by Marco on 2026-07-20: an outcome is final"},
		{"nothing from an outcome: won again", won, engine.VerdictWon, "2026-07-21", "verdict", "an outcome is final"},
		{"unknown verdict", pending, "maybe", "2026-07-03", "verdict", "not a decision"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := tt.g
			err := engine.DecideRegistration(&g, tt.v, "Ana", engine.MustDate(tt.on))
			if tt.wantField == "" {
				if err != nil {
					t.Fatalf("DecideRegistration = %v, want it allowed", err)
				}
				switch tt.v {
				case engine.VerdictApprove, engine.VerdictReject:
					if g.DecidedBy != "Ana" || g.DecidedOn.String() != tt.on {
						t.Errorf("decided by %q on %s, want Ana on %s", g.DecidedBy, g.DecidedOn, tt.on)
					}
				default:
					if string(g.Outcome) != string(tt.v) || g.OutcomeBy != "Ana" || g.OutcomeOn.String() != tt.on || g.DecidedBy != "Giulia" {
						t.Errorf("outcome %s by %q on %s (decided by %q), want %s by Ana on %s, the approval kept", g.Outcome, g.OutcomeBy, g.OutcomeOn, g.DecidedBy, tt.v, tt.on)
					}
				}
				return
			}
			var ve *engine.ValidationError
			if !errors.As(err, &ve) || ve.Field != tt.wantField || !strings.Contains(ve.Reason, tt.wantWords) {
				t.Fatalf("DecideRegistration = %v, want a %q error saying %q", err, tt.wantField, tt.wantWords)
			}
			if g != tt.g {
				t.Errorf("a refused decision changed the registration: %+v", g)
			}
		})
	}
}

func TestRegistrationVerdictsAndQueue(t *testing.T) {
	approved := regIn(engine.DecisionApproved, engine.OutcomeOpen)
	tests := []struct {
		name      string
		g         engine.Registration
		today     string
		want      []engine.Verdict
		wantWaits string // "": does not wait
	}{
		{"pending", regIn(engine.DecisionPending, engine.OutcomeOpen), "2026-07-05", []engine.Verdict{"approve", "reject"}, "approval or rejection"},
		{"approved inside its window", approved, "2026-08-01", []engine.Verdict{"won", "lost"}, ""},
		{"approved past its window", approved, "2026-08-02", []engine.Verdict{"won", "lost", "expired"}, "the window ended on 2026-08-01"},
		{"rejected", regIn(engine.DecisionRejected, engine.OutcomeOpen), "2026-09-01", nil, ""},
		{"lost", regIn(engine.DecisionApproved, engine.OutcomeLost), "2026-09-01", nil, ""},
		// An imported history may hold a pending registration already won:
		// nothing can be decided on it, so it does not wait.
		{"pending but won", regIn(engine.DecisionPending, engine.OutcomeWon), "2026-09-01", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			today := engine.MustDate(tt.today)
			if got := engine.RegistrationVerdicts(tt.g, today); !slices.Equal(got, tt.want) {
				t.Errorf("verdicts = %v, want %v", got, tt.want)
			}
			why, waits := engine.RegistrationWaits(tt.g, today)
			if waits != (tt.wantWaits != "") || !strings.Contains(why, tt.wantWaits) {
				t.Errorf("waits = %v %q, want %q", waits, why, tt.wantWaits)
			}
		})
	}
}
