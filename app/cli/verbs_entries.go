package cli

import (
	"fmt"
	"strconv"

	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

func init() {
	register(&verb{name: "registration-add", args: "--partner P --customer C --value V [--rep R] [--submitted D] [--window DAYS]",
		summary: "record a deal registration (pending until decided)", run: runRegistrationAdd})
	register(&verb{name: "registration-decide", args: "ID approve|reject|won|lost|expired [--date D]",
		summary: "approve or reject a pending registration, or record the outcome of an approved one (won, lost, or expired after its window); decisions are final", run: runRegistrationDecide})
	register(&verb{name: "registrations", args: "[--format table|csv|json]", summary: "list deal registrations", run: runRegistrations})
	register(&verb{name: "registration-queue", args: "[--format table|csv|json]",
		summary: "list the registrations waiting for a decision: pending ones, and approved ones whose window ended with no outcome", run: runRegistrationQueue})
	register(&verb{name: "training-add", args: "--partner P --rep R --course C [--completed D] [--certification] [--valid-until D]",
		summary: "record a course a rep completed", run: runTrainingAdd})
	register(&verb{name: "activity-add", args: "--partner P --type T [--rep R] [--date D] [--note N]",
		summary: "record an activity (demo, webinar, joint call, QBR, event)", run: runActivityAdd})
}

func runRegistrationAdd(c *cmd, args []string) error {
	fs := c.flags()
	var in views.RegistrationInput
	fs.StringVar(&in.Partner, "partner", "", "")
	fs.StringVar(&in.Rep, "rep", "", "")
	fs.StringVar(&in.Customer, "customer", "", "")
	fs.StringVar(&in.ExpectedValue, "value", "0", "")
	fs.StringVar(&in.Submitted, "submitted", "", "")
	fs.StringVar(&in.WindowDays, "window", "", "")
	if _, err := c.parse(fs, args, 0, 0); err != nil {
		return err
	}
	r, err := c.svc.AddRegistration(in)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "registration %d for %s recorded, pending (window %d days)\n", r.ID, r.Customer, r.WindowDays)
	return nil
}

func runRegistrationDecide(c *cmd, args []string) error {
	fs := c.flags()
	date := fs.String("date", "", "")
	pos, err := c.parse(fs, args, 2, 2)
	if err != nil {
		return err
	}
	n, err := strconv.ParseUint(pos[0], 10, 64)
	if err != nil {
		return usagef("%q is not a registration id", pos[0])
	}
	r, err := c.svc.DecideRegistration(engine.ID(n), pos[1], *date)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "registration %d: %s by %s on %s", r.ID, r.Decision, r.DecidedBy, r.DecidedOn)
	if r.Outcome != engine.OutcomeOpen && r.Outcome != "" {
		fmt.Fprintf(c.stdout, "; %s by %s on %s", r.Outcome, r.OutcomeBy, r.OutcomeOn)
	}
	fmt.Fprintln(c.stdout)
	return nil
}

func runRegistrationQueue(c *cmd, args []string) error {
	fs := c.flags()
	format := fs.String("format", "table", "")
	if _, err := c.parse(fs, args, 0, 0); err != nil {
		return err
	}
	rs, err := c.svc.RegistrationQueue()
	if err != nil {
		return err
	}
	t := &table{header: []string{"id", "partner", "customer", "expected_value", "submitted", "decision", "close_by", "waits_for"}, objects: rs}
	for _, v := range rs {
		r := v.Registration
		t.add(r.ID, v.Partner, r.Customer, v.Currency.Format(r.ExpectedValue), r.Submitted, r.Decision, v.CloseBy, v.Waiting)
	}
	return t.print(c.stdout, *format)
}

func runRegistrations(c *cmd, args []string) error {
	fs := c.flags()
	format := fs.String("format", "table", "")
	if _, err := c.parse(fs, args, 0, 0); err != nil {
		return err
	}
	rs, err := c.svc.Registrations()
	if err != nil {
		return err
	}
	cur, err := c.currency()
	if err != nil {
		return err
	}
	t := &table{header: []string{"id", "partner", "customer", "expected_value", "submitted", "decision", "decided_on", "window_days", "outcome"}, objects: rs}
	for _, r := range rs {
		t.add(r.ID, fmt.Sprintf("P%d", r.PartnerID), r.Customer, cur.Format(r.ExpectedValue), r.Submitted, r.Decision, r.DecidedOn, r.WindowDays, r.Outcome)
	}
	return t.print(c.stdout, *format)
}

func runTrainingAdd(c *cmd, args []string) error {
	fs := c.flags()
	var in views.TrainingInput
	fs.StringVar(&in.Partner, "partner", "", "")
	fs.StringVar(&in.Rep, "rep", "", "")
	fs.StringVar(&in.Course, "course", "", "")
	fs.StringVar(&in.Completed, "completed", "", "")
	fs.BoolVar(&in.Certification, "certification", false, "")
	fs.StringVar(&in.ValidUntil, "valid-until", "", "")
	if _, err := c.parse(fs, args, 0, 0); err != nil {
		return err
	}
	t, err := c.svc.AddTraining(in)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "training %d: rep %d completed %s on %s\n", t.ID, t.RepID, t.Course, t.Completed)
	return nil
}

func runActivityAdd(c *cmd, args []string) error {
	fs := c.flags()
	var in views.ActivityInput
	fs.StringVar(&in.Partner, "partner", "", "")
	fs.StringVar(&in.Rep, "rep", "", "")
	fs.StringVar(&in.Type, "type", "", "")
	fs.StringVar(&in.Date, "date", "", "")
	fs.StringVar(&in.Note, "note", "", "")
	if _, err := c.parse(fs, args, 0, 0); err != nil {
		return err
	}
	a, err := c.svc.AddActivity(in)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "activity %d: %s on %s\n", a.ID, a.Type, a.Date)
	return nil
}
