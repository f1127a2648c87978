// A deal registration's life, in one file: which decisions a registration
// can take next (RegistrationVerdicts, CanDecide), applying one
// (DecideRegistration) and what waits for a person (RegistrationWaits).
// The command line and the window both go through it.

package engine

import "fmt"

// Verdict is what a person decides about a deal registration.
type Verdict string

// The verdicts. Approve and reject answer a pending registration; won,
// lost and expired record how an approved one ended.
const (
	VerdictApprove Verdict = "approve"
	VerdictReject  Verdict = "reject"
	VerdictWon     Verdict = "won"
	VerdictLost    Verdict = "lost"
	VerdictExpired Verdict = "expired"
)

// AllVerdicts lists the verdicts in the order a screen offers them.
var AllVerdicts = []Verdict{VerdictApprove, VerdictReject, VerdictWon, VerdictLost, VerdictExpired}

// CloseBy is the last day a sale linked to an approved registration earns
// its bonus: the decision day plus the window. Zero until approved.
func (g Registration) CloseBy() Date {
	if g.Decision != DecisionApproved || g.DecidedOn.IsZero() {
		return 0
	}
	return g.DecidedOn.AddDays(g.WindowDays)
}

// CanDecide says whether verdict v may be recorded on g on day on, and why
// not as a sentence a person can act on (a *ValidationError on "verdict"
// or "date"). The only transitions are pending -> approved or rejected,
// and approved -> won, lost or expired; a rejected registration and one
// with an outcome are final. A decision or outcome cannot come before
// what it follows, and a deal expires only once its window has passed (an
// expired registration pays nothing on any of its sales, so marking it
// early would take away bonuses still earned; a deal that fell through
// before is lost).
func CanDecide(g Registration, v Verdict, on Date) error {
	bad := func(field, format string, args ...any) error {
		return &ValidationError{Field: field, Reason: fmt.Sprintf(format, args...)}
	}
	switch v {
	case VerdictApprove, VerdictReject, VerdictWon, VerdictLost, VerdictExpired:
	default:
		return bad("verdict", "%q is not a decision: say approve, reject, won, lost or expired", v)
	}
	final := func() error {
		if g.Decision == DecisionRejected {
			return bad("verdict", "registration %d was rejected%s: a rejection is final", g.ID, byOn(g.DecidedBy, g.DecidedOn))
		}
		if g.Outcome != OutcomeOpen && g.Outcome != "" {
			return bad("verdict", "registration %d is already %s%s: an outcome is final", g.ID, g.Outcome, byOn(g.OutcomeBy, g.OutcomeOn))
		}
		return nil
	}
	if err := final(); err != nil {
		return err
	}
	switch v {
	case VerdictApprove, VerdictReject:
		if g.Decision != DecisionPending {
			return bad("verdict", "registration %d is already %s%s", g.ID, g.Decision, byOn(g.DecidedBy, g.DecidedOn))
		}
		if on < g.Submitted {
			return bad("date", "a decision cannot come before the submission on %s", g.Submitted)
		}
		return nil
	}
	if g.Decision != DecisionApproved {
		return bad("verdict", "registration %d is %s: only an approved registration is won, lost or expired; approve or reject it first", g.ID, g.Decision)
	}
	if on < g.DecidedOn {
		return bad("date", "an outcome cannot come before the approval on %s", g.DecidedOn)
	}
	if v == VerdictExpired && on <= g.CloseBy() {
		return bad("date", "the window to close runs to %s: a deal expires only after it (mark it lost if it fell through)", g.CloseBy())
	}
	return nil
}

// byOn is " by X on D" for a message, leaving out what is unknown.
func byOn(by string, on Date) string {
	s := ""
	if by != "" {
		s += " by " + by
	}
	if !on.IsZero() {
		s += " on " + on.String()
	}
	return s
}

// RegistrationVerdicts returns the verdicts g can take next (on its own
// dates: the window's end still decides whether it may expire), in
// AllVerdicts order.
func RegistrationVerdicts(g Registration, today Date) []Verdict {
	var out []Verdict
	for _, v := range AllVerdicts {
		if CanDecide(g, v, today) == nil {
			out = append(out, v)
		}
	}
	return out
}

// DecideRegistration records verdict v on g, by who, dated on, after
// CanDecide allowed it; g is unchanged when it did not.
func DecideRegistration(g *Registration, v Verdict, by string, on Date) error {
	if err := CanDecide(*g, v, on); err != nil {
		return err
	}
	switch v {
	case VerdictApprove:
		g.Decision, g.DecidedBy, g.DecidedOn = DecisionApproved, by, on
	case VerdictReject:
		g.Decision, g.DecidedBy, g.DecidedOn = DecisionRejected, by, on
	default:
		g.Outcome, g.OutcomeBy, g.OutcomeOn = Outcome(v), by, on
	}
	return nil
}

// RegistrationWaits reports whether g waits for a person's decision on
// day today, and for what: a pending registration waits for approval or
// rejection; an approved one with no outcome whose window ended before
// today waits for its outcome (won, lost or expired).
func RegistrationWaits(g Registration, today Date) (string, bool) {
	switch {
	case g.Outcome != OutcomeOpen && g.Outcome != "":
		// An outcome is final, whatever the decision says (an imported
		// history may hold a pending registration marked won).
		return "", false
	case g.Decision == DecisionPending:
		return "approval or rejection", true
	case g.Decision == DecisionApproved && (g.Outcome == OutcomeOpen || g.Outcome == "") && !g.CloseBy().IsZero() && g.CloseBy() < today:
		return fmt.Sprintf("its outcome: the window ended on %s", g.CloseBy()), true
	}
	return "", false
}

// PaysOn reports whether the deal registration bonus pays a sale linked
// to g dated d (a return: its original's date): g is approved on a known
// day, not expired, and d is no later than the window's end. It is the
// test ruleDealReg applies, asked of one sale.
func (g Registration) PaysOn(d Date) bool {
	return g.Decision == DecisionApproved && !g.DecidedOn.IsZero() && g.Outcome != OutcomeExpired && d <= g.CloseBy()
}

// DecisionOnly reports whether nw differs from old only in its decision
// and outcome (who, what, on which day): the submitted registration
// (partner, rep, customer, value, submission day, window) is untouched.
// Such a change is dated by the days of what it records, not by the
// submission (see DecisionDays).
func DecisionOnly(old, nw Registration) bool {
	old.Decision, old.DecidedBy, old.DecidedOn = nw.Decision, nw.DecidedBy, nw.DecidedOn
	old.Outcome, old.OutcomeBy, old.OutcomeOn = nw.Outcome, nw.OutcomeBy, nw.OutcomeOn
	return old.ID == nw.ID && old.PartnerID == nw.PartnerID && old.RepID == nw.RepID && old.Customer == nw.Customer &&
		old.ExpectedValue.Equal(nw.ExpectedValue) && old.Submitted == nw.Submitted && old.WindowDays == nw.WindowDays
}

// DecisionDays returns the days a decision-only change of old into nw
// touches: the decision's day (before and after) when the decision
// changed, the outcome's day (before and after) when the outcome changed.
// Each must lie in an open period; zero days are left out.
func DecisionDays(old, nw Registration) []Date {
	var out []Date
	add := func(ds ...Date) {
		for _, d := range ds {
			if !d.IsZero() {
				out = append(out, d)
			}
		}
	}
	if old.Decision != nw.Decision || old.DecidedBy != nw.DecidedBy || old.DecidedOn != nw.DecidedOn {
		add(old.DecidedOn, nw.DecidedOn)
	}
	if old.Outcome != nw.Outcome || old.OutcomeBy != nw.OutcomeBy || old.OutcomeOn != nw.OutcomeOn {
		add(old.OutcomeOn, nw.OutcomeOn)
	}
	return out
}
