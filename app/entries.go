package app

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"partnerdesk/data"
	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// AddRegistration records a partner's claim on a deal; it starts pending.
// The typed text is read into a registration and checked by
// engine.CheckRegistration, as the registrations import does.
func (s *Service) AddRegistration(in views.RegistrationInput) (engine.Registration, error) {
	in.Partner, in.Rep = pickedRef(in.Partner, in.PartnerID, "P"), pickedRef(in.Rep, in.RepID, "R")
	var r engine.Registration
	err := s.update(func(tx *data.Tx) error {
		var errs engine.ValidationErrors
		var unread []string
		bad := func(f, format string, a ...any) {
			unread = append(unread, f)
			errs = append(errs, &engine.ValidationError{Field: f, Reason: fmt.Sprintf(format, a...)})
		}
		r = engine.Registration{Decision: engine.DecisionPending, Outcome: engine.OutcomeOpen, WindowDays: 90, Customer: in.Customer}
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
		if v, err := parseMoney("expected_value", in.ExpectedValue); err != nil {
			bad("expected_value", "%v", err.(*engine.ValidationError).Reason)
		} else {
			r.ExpectedValue = v
		}
		if r.Submitted, err = s.dayOrToday("submitted", in.Submitted); err != nil {
			bad("submitted", "%s", err.(*engine.ValidationError).Reason)
		}
		if in.WindowDays != "" {
			if n, err := strconv.Atoi(strings.TrimSpace(in.WindowDays)); err != nil {
				bad("window_days", "%q is not a whole number of days", in.WindowDays)
			} else {
				r.WindowDays = n
			}
		}
		errs = append(errs, engine.CheckRegistration(&r, storeFacts{tx}, unread...)...)
		if len(errs) > 0 {
			return errs
		}
		return tx.Put(&r)
	})
	return r, err
}

// DecideRegistration records a verdict on a registration, dated on (empty:
// today), by the operator: approve or reject a pending one, or the outcome
// (won, lost, expired) of an approved one. Which transitions exist is
// engine.CanDecide's rule, the window's too.
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
		if err := engine.DecideRegistration(cur, engine.Verdict(strings.ToLower(strings.TrimSpace(verdict))), s.Operator, day); err != nil {
			return err
		}
		r = *cur
		return tx.Put(cur)
	})
	return r, err
}

// RegistrationQueue returns the registrations that wait for a decision
// today (engine.RegistrationWaits): pending ones and approved ones whose
// window has ended with no outcome, the oldest submission first.
func (s *Service) RegistrationQueue() ([]views.RegistrationView, error) {
	all, err := s.RecentRegistrations(0)
	if err != nil {
		return nil, err
	}
	var out []views.RegistrationView
	for _, v := range all {
		if v.Waiting != "" {
			out = append(out, v)
		}
	}
	slices.SortStableFunc(out, func(a, b views.RegistrationView) int {
		return cmp.Or(cmp.Compare(a.Registration.Submitted, b.Registration.Submitted), cmp.Compare(a.Registration.ID, b.Registration.ID))
	})
	return out, nil
}

// AddTraining records a course a rep completed, checked by
// engine.CheckTraining as the trainings import is.
func (s *Service) AddTraining(in views.TrainingInput) (engine.Training, error) {
	in.Partner, in.Rep = pickedRef(in.Partner, in.PartnerID, "P"), pickedRef(in.Rep, in.RepID, "R")
	var t engine.Training
	err := s.update(func(tx *data.Tx) error {
		rep, err := s.repOf(tx, in.Partner, in.Rep)
		if err != nil {
			return err
		}
		var errs engine.ValidationErrors
		var unread []string
		t = engine.Training{RepID: rep.ID, Course: in.Course, Certification: in.Certification}
		if t.Completed, err = s.dayOrToday("completed", in.Completed); err != nil {
			unread = append(unread, "completed")
			errs = append(errs, err.(*engine.ValidationError))
		}
		if in.ValidUntil != "" {
			if t.ValidUntil, err = s.dayOrToday("valid_until", in.ValidUntil); err != nil {
				unread = append(unread, "valid_until")
				errs = append(errs, err.(*engine.ValidationError))
			}
		}
		errs = append(errs, engine.CheckTraining(&t, storeFacts{tx}, unread...)...)
		if len(errs) > 0 {
			return errs
		}
		return tx.Put(&t)
	})
	return t, err
}

// AddActivity records a partner's (or rep's) activity, checked by
// engine.CheckActivity as the activities import is.
func (s *Service) AddActivity(in views.ActivityInput) (engine.Activity, error) {
	in.Partner, in.Rep = pickedRef(in.Partner, in.PartnerID, "P"), pickedRef(in.Rep, in.RepID, "R")
	var a engine.Activity
	err := s.update(func(tx *data.Tx) error {
		p, err := findPartner(tx, in.Partner)
		if err != nil {
			return &engine.ValidationError{Field: "partner", Reason: err.Error()}
		}
		a = engine.Activity{PartnerID: p.ID, Type: in.Type, Note: strings.TrimSpace(in.Note)}
		if in.Rep != "" {
			r, err := findRep(tx, p.ID, in.Rep)
			if err != nil {
				return &engine.ValidationError{Field: "rep", Reason: err.Error()}
			}
			a.RepID = r.ID
		}
		var errs engine.ValidationErrors
		var unread []string
		if a.Date, err = s.dayOrToday("date", in.Date); err != nil {
			unread = append(unread, "date")
			errs = append(errs, err.(*engine.ValidationError))
		}
		errs = append(errs, engine.CheckActivity(&a, storeFacts{tx}, unread...)...)
		if len(errs) > 0 {
			return errs
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
