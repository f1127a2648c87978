package demo

import "partnerdesk/engine"

// PeriodInputs gives the engine period per of data set ds as a test
// needs it, without a store: the programs as they apply to per, the sales
// booked in it, each new customer's sales before it (first sales) and the
// original lines its returns name.
func PeriodInputs(ds Dataset, per engine.Period) engine.Inputs {
	in := engine.Inputs{Company: ds.Company, Period: per, Partners: ds.Partners, Reps: ds.Reps,
		Products: ds.Products, Registrations: ds.Registrations, TierHistory: ds.TierHistory, Ladder: ds.Ladder}
	for _, pr := range ds.Programs {
		in.Programs = append(in.Programs, engine.ProgramForPeriod(pr, per))
	}
	type inv struct {
		p engine.ID
		s string
	}
	named := map[inv]bool{}
	for _, s := range ds.Sales {
		if per.Contains(s.BookDate()) {
			in.Sales = append(in.Sales, s)
			if s.OriginalInvoice != "" {
				named[inv{s.PartnerID, s.OriginalInvoice}] = true
			}
		} else if s.NewCustomer && s.Date < per.Start {
			in.CustomerFirstSales = append(in.CustomerFirstSales, s)
		}
	}
	for _, s := range ds.Sales {
		if named[inv{s.PartnerID, s.Invoice}] {
			in.Originals = append(in.Originals, s)
		}
	}
	for _, tr := range ds.Trainings {
		if tr.Completed <= per.End {
			in.Trainings = append(in.Trainings, tr)
		}
	}
	for _, a := range ds.Activities {
		if per.Contains(a.Date) {
			in.Activities = append(in.Activities, a)
		}
	}
	return in
}
