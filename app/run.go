package app

import (
	"fmt"
	"slices"
	"strings"

	"partnerdesk/data"
	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// Period parses a period key with the company's fiscal year.
func (s *Service) Period(key string) (engine.Period, error) {
	co, err := s.Company()
	if err != nil {
		return engine.Period{}, err
	}
	return engine.ParsePeriod(key, co.FiscalYearStart)
}

// CurrentPeriod is the quarter that contains today.
func (s *Service) CurrentPeriod(kind engine.PeriodKind) engine.Period {
	co, _ := s.Company()
	return engine.PeriodContaining(kind, s.Today(), co.FiscalYearStart)
}

// ComputePeriod replaces the period's draft lines with a fresh computation
// from the store's current inputs, in one transaction. Approved and paid
// lines are never touched: where the fresh result differs from them, the
// difference becomes a new draft adjustment line (engine.Reconcile).
func (s *Service) ComputePeriod(key string, progress Progress) (views.ComputeSummary, error) {
	co, err := s.Company()
	if err != nil {
		return views.ComputeSummary{}, err
	}
	p, err := engine.ParsePeriod(key, co.FiscalYearStart)
	if err != nil {
		return views.ComputeSummary{}, usagef("%v", err)
	}
	sum := views.ComputeSummary{Period: p.Key}
	err = s.update(func(tx *data.Tx) error {
		if by, closed := closedBy(tx, p); closed {
			return fmt.Errorf("compute %s: %w (closed with %s): its lines can no longer change", p.Key, engine.ErrPeriodClosed, by)
		}
		progress.report(0, 3)
		in, err := s.loadInputs(tx, co, p, nil)
		if err != nil {
			return err
		}
		sum.Sales = len(in.Sales)
		progress.report(1, 3)
		res, err := engine.Compute(in)
		if err != nil {
			return fmt.Errorf("compute %s: %w", p.Key, err)
		}
		existing, err := tx.LinesOfPeriod(p.Key)
		if err != nil {
			return err
		}
		var kept []engine.RewardLine
		for _, l := range existing {
			if l.Status == engine.LineDraft {
				sum.Removed++
			} else {
				kept = append(kept, l)
			}
		}
		lines := engine.Reconcile(res.Lines, kept)
		if sum.Changes, err = s.recordChanges(tx, in, existing, res); err != nil {
			return fmt.Errorf("record what changed in %s: %w", p.Key, err)
		}
		progress.report(2, 3)
		if err := tx.ReplaceDraftLines(p.Key, lines); err != nil {
			return fmt.Errorf("write the lines of %s: %w", p.Key, err)
		}
		sum.Lines, sum.Kept, sum.Nudges = len(lines), len(kept), res.Nudges
		for _, l := range lines {
			sum.Money = sum.Money.Add(l.Amount)
			sum.Points += l.Points
		}
		progress.report(3, 3)
		return nil
	})
	return sum, err
}

// loadInputs reads what engine.Compute needs for period p. programs, when
// given, replace the stored ones (a simulation).
//
// It is long because it lists, one short commented read each, every input
// engine.Compute takes; the order of the reads is the documentation of what
// a computation depends on.
func (s *Service) loadInputs(tx *data.Tx, co engine.Company, p engine.Period, programs []engine.Program) (engine.Inputs, error) {
	in := engine.Inputs{Company: co, Period: p}
	var err error
	wrap := func(what string, err error) error { return fmt.Errorf("load %s for %s: %w", what, p.Key, err) }
	if programs == nil {
		if in.Programs, err = data.All[engine.Program](tx); err != nil {
			return in, wrap("programs", err)
		}
	} else {
		in.Programs, in.IncludeDrafts = slices.Clone(programs), true
	}
	// Each program computes with the rule version in effect on the
	// period's first day (engine.RulesFor).
	for i := range in.Programs {
		in.Programs[i] = engine.ProgramForPeriod(in.Programs[i], p)
	}
	if in.Partners, err = data.All[engine.Partner](tx); err != nil {
		return in, wrap("partners", err)
	}
	if in.Reps, err = data.All[engine.Rep](tx); err != nil {
		return in, wrap("reps", err)
	}
	if in.Products, err = data.All[engine.Product](tx); err != nil {
		return in, wrap("products", err)
	}
	if in.Registrations, err = data.All[engine.Registration](tx); err != nil {
		return in, wrap("registrations", err)
	}
	if in.TierHistory, err = data.All[engine.TierChange](tx); err != nil {
		return in, wrap("tier history", err)
	}
	if in.Ladder, err = ladder(tx); err != nil {
		return in, wrap("tier ladder", err)
	}
	err = data.Each(tx, func(t *engine.Training) error {
		if t.Completed <= p.End {
			in.Trainings = append(in.Trainings, *t)
		}
		return nil
	})
	if err != nil {
		return in, wrap("trainings", err)
	}
	err = data.Each(tx, func(a *engine.Activity) error {
		if p.Contains(a.Date) {
			in.Activities = append(in.Activities, *a)
		}
		return nil
	})
	if err != nil {
		return in, wrap("activities", err)
	}
	states, err := tx.PeriodStates()
	if err != nil {
		return in, wrap("period states", err)
	}
	for _, st := range states {
		if st.Closed {
			in.ClosedPeriods = append(in.ClosedPeriods, engine.Period{Key: st.Key, Start: st.Start, End: st.End, Kind: periodKindOfKey(st.Key)})
			if st.LastSaleID > 0 {
				if in.SalesAtClose == nil {
					in.SalesAtClose = map[string]engine.ID{}
				}
				in.SalesAtClose[st.Key] = st.LastSaleID
			}
		}
	}
	if in.Sales, err = loadPeriodSales(tx, p, len(in.ClosedPeriods) > 0); err != nil {
		return in, wrap("sales", err)
	}
	if referralComputes(in.Programs, p) {
		// Referral needs each customer's first sale ever: a customer first
		// sold before a program's validity is not its referral, and a
		// customer is new only once, whatever later sales are marked. So
		// the whole history before the period is read, and each
		// customer's first sale (date, then id; returns never count) kept;
		// the engine compares it with the period's own sales.
		first := map[string]int{}
		err = tx.SalesBetween(0, p.Start-1, func(x *engine.Sale) error {
			if x.Customer == "" || x.IsReturn() {
				return nil
			}
			i, ok := first[x.Customer]
			if !ok {
				first[x.Customer] = len(in.CustomerFirstSales)
				in.CustomerFirstSales = append(in.CustomerFirstSales, *x)
				return nil
			}
			if o := &in.CustomerFirstSales[i]; x.Date < o.Date || x.Date == o.Date && x.ID < o.ID {
				*o = *x
			}
			return nil
		})
		if err != nil {
			return in, wrap("referred customers", err)
		}
	}
	// The original sales this period's returns name: a return is tested
	// against the rules' windows on its original line's date, and claws a
	// closed period back at that period's effective rate, which the closed
	// periods' approved lines give.
	{
		anyClosed := len(in.ClosedPeriods) > 0
		seen := map[string]bool{}
		needLines := false
		for _, x := range in.Sales {
			if x.Booked != 0 && x.Booked != x.Date {
				needLines = true
			}
			if x.OriginalInvoice == "" {
				continue
			}
			k := fmt.Sprint(x.PartnerID, "\x00", x.OriginalInvoice)
			if seen[k] {
				continue
			}
			seen[k] = true
			orig, err := tx.SalesByInvoice(x.PartnerID, x.OriginalInvoice)
			if err != nil {
				return in, wrap("original invoices", err)
			}
			for _, o := range orig {
				if anyClosed && tx.IsClosed(o.Date) {
					needLines = true
				}
			}
			in.Originals = append(in.Originals, orig...)
		}
		if anyClosed && needLines {
			for _, st := range in.ClosedPeriods {
				if st.Kind != p.Kind {
					continue // only a program of the period's kind adjusts
				}
				ls, err := tx.LinesOfPeriod(st.Key)
				if err != nil {
					return in, wrap("closed lines", err)
				}
				for _, l := range ls {
					if l.Status != engine.LineDraft {
						in.ClosedLines = append(in.ClosedLines, l)
					}
				}
			}
		}
	}
	return in, nil
}

// loadPeriodSales reads the sales that can count in period p: those booked
// in it, and, once periods have been closed, the late sales booked after
// it that are dated in it or before it. A late sale is never booked before
// the period it adjusts (its booking day cannot lie in a closed period).
func loadPeriodSales(tx *data.Tx, p engine.Period, anyClosed bool) ([]engine.Sale, error) {
	sales, err := tx.AppendSalesBetween(nil, p.Start, p.End)
	if err != nil || !anyClosed {
		return sales, err
	}
	err = tx.SalesBetween(p.End+1, engine.MaxDate, func(x *engine.Sale) error {
		if x.Booked != 0 && x.Date <= p.End {
			sales = append(sales, *x)
		}
		return nil
	})
	return sales, err
}

func periodKindOfKey(key string) engine.PeriodKind {
	switch {
	case strings.HasPrefix(key, "custom:"):
		return engine.PeriodCustom
	case strings.Contains(key, "-Q"):
		return engine.PeriodQuarter
	case len(key) == 4:
		return engine.PeriodYear
	}
	return engine.PeriodMonth
}

// referralComputes reports whether a referral rule of a program overlapping
// period p computes, so that loadInputs reads the customers' first sales.
func referralComputes(ps []engine.Program, p engine.Period) bool {
	for _, pr := range ps {
		if !pr.ValidTo.IsZero() && pr.ValidTo < p.Start || pr.ValidFrom > p.End {
			continue
		}
		for _, r := range pr.Rules {
			if r.Kind == engine.RuleReferral && r.Referral != nil {
				return true
			}
		}
	}
	return false
}
