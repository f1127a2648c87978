package app

import (
	"fmt"
	"strconv"
	"strings"

	"partnerdesk/data"
	"partnerdesk/engine"
)

// RegistrationInput is a deal registration as typed.
type RegistrationInput struct {
	Partner       string
	Rep           string // optional
	Customer      string
	ExpectedValue string
	Submitted     string // empty: today
	WindowDays    string // empty: 90
}

// AddRegistration records a partner's claim on a deal; it starts pending.
func (s *Service) AddRegistration(in RegistrationInput) (engine.Registration, error) {
	var r engine.Registration
	err := s.update(func(tx *data.Tx) error {
		var errs engine.ValidationErrors
		bad := func(f, format string, a ...any) {
			errs = append(errs, &engine.ValidationError{Field: f, Reason: fmt.Sprintf(format, a...)})
		}
		p, err := findPartner(tx, in.Partner)
		if err != nil {
			bad("partner", "%v", err)
		} else {
			r.PartnerID = p.ID
			if in.Rep != "" {
				if rep, err := findRep(tx, p.ID, in.Rep); err != nil {
					bad("rep", "%v", err)
				} else {
					r.RepID = rep.ID
				}
			}
		}
		if r.Customer = strings.TrimSpace(in.Customer); r.Customer == "" {
			bad("customer", "name the customer the deal is with")
		}
		if v, err := parseMoney("expected_value", in.ExpectedValue); err != nil {
			bad("expected_value", "%v", err.(*engine.ValidationError).Reason)
		} else if v.IsNegative() {
			bad("expected_value", "the expected value cannot be negative")
		} else {
			r.ExpectedValue = v
		}
		if r.Submitted, err = s.dayOrToday("submitted", in.Submitted); err != nil {
			errs = append(errs, err.(*engine.ValidationError))
		}
		r.WindowDays = 90
		if in.WindowDays != "" {
			if n, err := strconv.Atoi(strings.TrimSpace(in.WindowDays)); err != nil || n < 1 || n > 3650 {
				bad("window_days", "the window is a number of days from 1 to 3650")
			} else {
				r.WindowDays = n
			}
		}
		if len(errs) > 0 {
			return errs
		}
		r.Decision, r.Outcome = engine.DecisionPending, engine.OutcomeOpen
		return tx.Put(&r)
	})
	return r, err
}

// DecideRegistration approves or rejects a pending registration, or sets
// the outcome (won, lost, expired) of a decided one.
func (s *Service) DecideRegistration(id engine.ID, verdict, on string) (engine.Registration, error) {
	var r engine.Registration
	err := s.update(func(tx *data.Tx) error {
		cur, err := data.Get[engine.Registration](tx, id)
		if err != nil {
			return &engine.ValidationError{Field: "registration", Reason: fmt.Sprintf("there is no registration %d", id)}
		}
		day, err := s.dayOrToday("date", on)
		if err != nil {
			return err
		}
		switch verdict {
		case "approve", "reject":
			if cur.Decision != engine.DecisionPending {
				return &engine.ValidationError{Field: "registration", Reason: fmt.Sprintf("registration %d is already %s", id, cur.Decision)}
			}
			if day < cur.Submitted {
				return &engine.ValidationError{Field: "date", Reason: fmt.Sprintf("a decision cannot come before the submission on %s", cur.Submitted)}
			}
			cur.Decision = engine.DecisionApproved
			if verdict == "reject" {
				cur.Decision = engine.DecisionRejected
			}
			cur.DecidedBy, cur.DecidedOn = s.Operator, day
		case "won", "lost", "expired":
			cur.Outcome = engine.Outcome(verdict)
		default:
			return &engine.ValidationError{Field: "verdict", Reason: "say approve, reject, won, lost or expired"}
		}
		r = *cur
		return tx.Put(cur)
	})
	return r, err
}

// TrainingInput is a completed course as typed.
type TrainingInput struct {
	Partner       string // the rep's partner, to find the rep by name
	Rep           string
	Course        string
	Completed     string // empty: today
	Certification bool
	ValidUntil    string // certifications only
}

// AddTraining records a course a rep completed.
func (s *Service) AddTraining(in TrainingInput) (engine.Training, error) {
	var t engine.Training
	err := s.update(func(tx *data.Tx) error {
		rep, err := s.repOf(tx, in.Partner, in.Rep)
		if err != nil {
			return err
		}
		t = engine.Training{RepID: rep.ID, Course: strings.TrimSpace(in.Course), Certification: in.Certification}
		if t.Course == "" {
			return &engine.ValidationError{Field: "course", Reason: "name the course"}
		}
		if t.Completed, err = s.dayOrToday("completed", in.Completed); err != nil {
			return err
		}
		if in.ValidUntil != "" {
			if !in.Certification {
				return &engine.ValidationError{Field: "valid_until", Reason: "only a certification has a validity"}
			}
			if t.ValidUntil, err = s.dayOrToday("valid_until", in.ValidUntil); err != nil {
				return err
			}
			if t.ValidUntil < t.Completed {
				return &engine.ValidationError{Field: "valid_until", Reason: "a certification cannot expire before it was earned"}
			}
		}
		return tx.Put(&t)
	})
	return t, err
}

// ActivityInput is an activity as typed.
type ActivityInput struct {
	Partner string
	Rep     string // optional
	Type    string // demo, webinar, joint call, QBR, event...
	Date    string // empty: today
	Note    string
}

// AddActivity records a partner's (or rep's) activity.
func (s *Service) AddActivity(in ActivityInput) (engine.Activity, error) {
	var a engine.Activity
	err := s.update(func(tx *data.Tx) error {
		p, err := findPartner(tx, in.Partner)
		if err != nil {
			return &engine.ValidationError{Field: "partner", Reason: err.Error()}
		}
		a = engine.Activity{PartnerID: p.ID, Type: strings.TrimSpace(in.Type), Note: strings.TrimSpace(in.Note)}
		if in.Rep != "" {
			r, err := findRep(tx, p.ID, in.Rep)
			if err != nil {
				return &engine.ValidationError{Field: "rep", Reason: err.Error()}
			}
			a.RepID = r.ID
		}
		if a.Type == "" {
			return &engine.ValidationError{Field: "type", Reason: "say what kind of activity it was (demo, webinar, joint call, QBR, event)"}
		}
		if a.Date, err = s.dayOrToday("date", in.Date); err != nil {
			return err
		}
		return tx.Put(&a)
	})
	return a, err
}

// repOf finds a rep by id ("R7"), or by name within a partner.
func (s *Service) repOf(tx *data.Tx, partner, rep string) (*engine.Rep, error) {
	if id, ok := parseID(strings.TrimSpace(rep), "R"); ok && partner == "" {
		r, err := data.Get[engine.Rep](tx, id)
		if err != nil {
			return nil, &engine.ValidationError{Field: "rep", Reason: fmt.Sprintf("there is no rep %d", id)}
		}
		return r, nil
	}
	p, err := findPartner(tx, partner)
	if err != nil {
		return nil, &engine.ValidationError{Field: "partner", Reason: err.Error()}
	}
	r, err := findRep(tx, p.ID, rep)
	if err != nil {
		return nil, &engine.ValidationError{Field: "rep", Reason: err.Error()}
	}
	return r, nil
}
