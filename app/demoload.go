package app

import (
	"cmp"
	"fmt"
	"slices"
	"time"

	"github.com/shopspring/decimal"

	"partnerdesk/app/demo"
	"partnerdesk/data"
	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// LoadDataset writes a generated dataset into an empty database, in one
// transaction, keeping the dataset's ids.
func (s *Service) LoadDataset(ds demo.Dataset, progress Progress) error {
	total := len(ds.Partners) + len(ds.Reps) + len(ds.Products) + len(ds.Programs) + len(ds.Sales) +
		len(ds.Registrations) + len(ds.Trainings) + len(ds.Activities) + len(ds.TierHistory)
	return s.update(func(tx *data.Tx) error {
		n, err := tx.Count("partner")
		if err != nil {
			return err
		}
		if n > 0 {
			return fmt.Errorf("the database %s already holds %d partners: demo data goes only into an empty file", s.Path(), n)
		}
		if err := tx.PutCompany(ds.Company); err != nil {
			return err
		}
		if err := tx.PutLadder(ds.Ladder); err != nil {
			return err
		}
		// The demo is loaded as one import: one audit entry lists what it
		// created, instead of one entry per record (a million for the
		// scale world).
		_, err = tx.Import(data.ImportInfo{File: "demo data", Rows: total}, func() error {
			done := 0
			put := func(kind string, rec any, id engine.ID) error {
				if err := tx.Put(rec); err != nil {
					return fmt.Errorf("demo %s %d: %w", kind, id, err)
				}
				done++
				if done%2000 == 0 {
					progress.report(done, total)
				}
				return nil
			}
			for i := range ds.Partners {
				if err := put("partner", &ds.Partners[i], ds.Partners[i].ID); err != nil {
					return err
				}
			}
			for i := range ds.Reps {
				if err := put("rep", &ds.Reps[i], ds.Reps[i].ID); err != nil {
					return err
				}
			}
			for i := range ds.Products {
				if err := put("product", &ds.Products[i], ds.Products[i].ID); err != nil {
					return err
				}
			}
			for i := range ds.Programs {
				if err := put("program", &ds.Programs[i], ds.Programs[i].ID); err != nil {
					return err
				}
			}
			for i := range ds.TierHistory {
				if err := put("tier change", &ds.TierHistory[i], ds.TierHistory[i].ID); err != nil {
					return err
				}
			}
			for i := range ds.Registrations {
				if err := put("registration", &ds.Registrations[i], ds.Registrations[i].ID); err != nil {
					return err
				}
			}
			for i := range ds.Trainings {
				if err := put("training", &ds.Trainings[i], ds.Trainings[i].ID); err != nil {
					return err
				}
			}
			for i := range ds.Activities {
				if err := put("activity", &ds.Activities[i], ds.Activities[i].ID); err != nil {
					return err
				}
			}
			for i := range ds.Sales {
				if err := put("sale", &ds.Sales[i], ds.Sales[i].ID); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		progress.report(total, total)
		return nil
	})
}

// SettleDemo runs the demo company's past periods the way a channel
// manager would have, each step on its own day a few weeks after the
// period it settles (the service's clock is moved through the year):
// each month is computed and approved 10 days after its end and paid 20
// days after; each quarter (with the fiscal year when it ends it) is
// computed and approved 14 days after its end, paid after 21 and closed
// after 25, with the fund and points expiries due by then posted. The last
// complete quarter is approved but left unpaid and open; the running month,
// quarter and fiscal year are computed as drafts. Fund claims on the
// largest funds are approved 30 days after each quarter and reimbursed
// 30 days later; points are redeemed 35 days after each quarter. Budgets
// are passed where the demo overspends them. No step is dated after today.
func (s *Service) SettleDemo(through engine.Date, progress Progress) error {
	co, err := s.Company()
	if err != nil {
		return err
	}
	fy := co.FiscalYearStart
	today := s.Today()
	clock := s.Now
	defer func() { s.Now = clock }()
	start := demo.WindowStart(through)
	var quarters []engine.Period
	for q := engine.PeriodContaining(engine.PeriodQuarter, start, fy); q.End <= through; q = q.Next(fy) {
		quarters = append(quarters, q)
	}
	type step struct {
		day engine.Date
		do  func() error
	}
	var steps []step
	at := func(day engine.Date, do func() error) { steps = append(steps, step{day, do}) }
	approve := func(keys ...string) func() error {
		return func() error {
			for _, k := range keys {
				if _, err := s.ComputePeriod(k, nil); err != nil {
					return fmt.Errorf("demo: %w", err)
				}
				if _, err := s.Approve(k, nil, true); err != nil {
					return fmt.Errorf("demo: approve %s: %w", k, err)
				}
			}
			return nil
		}
	}
	pay := func(keys ...string) func() error {
		return func() error {
			for _, k := range keys {
				if err := s.payApproved(k, "DEMO-"+k); err != nil {
					return err
				}
			}
			return nil
		}
	}
	var claims []engine.ID
	for i, q := range quarters {
		last := i == len(quarters)-1
		for m := engine.Month(q.Start); m.Start <= q.End; m = engine.Month(m.End.AddDays(1)) {
			at(min(m.End.AddDays(10), today), approve(m.Key))
			if !last {
				at(m.End.AddDays(20), pay(m.Key))
			}
		}
		keys := []string{q.Key}
		closing := q.Key
		if y := engine.PeriodContaining(engine.PeriodYear, q.End, fy); y.End == q.End {
			keys, closing = append(keys, y.Key), y.Key
		}
		at(min(q.End.AddDays(14), today), approve(keys...))
		if last {
			continue
		}
		at(q.End.AddDays(21), pay(keys...))
		closeDay := q.End.AddDays(25)
		at(closeDay, func() error {
			if err := s.PostExpiries(closeDay); err != nil {
				return fmt.Errorf("demo: expiries: %w", err)
			}
			if _, err := s.ClosePeriod(closing); err != nil {
				return fmt.Errorf("demo: %w", err)
			}
			return nil
		})
		claimDay, reimburseDay := q.End.AddDays(30), q.End.AddDays(60)
		at(claimDay, func() error {
			ids, err := s.demoClaims(claimDay, i)
			claims = append(claims, ids...)
			return err
		})
		at(reimburseDay, func() error {
			for _, id := range claims {
				if err := s.ReimburseClaim(id, fmt.Sprintf("BT-%s-%d", reimburseDay, id)); err != nil {
					return fmt.Errorf("demo: reimburse claim %d: %w", id, err)
				}
			}
			claims = nil
			return nil
		})
		at(q.End.AddDays(35), s.demoRedemption)
	}
	slices.SortStableFunc(steps, func(a, b step) int { return cmp.Compare(a.day, b.day) })
	for i, st := range steps {
		if st.day > today {
			continue // not yet: approved claims wait for their reimbursement
		}
		day := st.day.Time().Add(10 * time.Hour)
		s.Now = func() time.Time { return day }
		if err := st.do(); err != nil {
			return err
		}
		progress.report(i+1, len(steps)+1)
	}
	s.Now = clock
	// The running quarter's months so far, the quarter and the fiscal year
	// as drafts.
	next := through.AddDays(1)
	running := engine.PeriodContaining(engine.PeriodQuarter, next, fy)
	var drafts []string
	for m := engine.Month(running.Start); m.Start <= through; m = engine.Month(m.End.AddDays(1)) {
		drafts = append(drafts, m.Key)
	}
	drafts = append(drafts, running.Key, engine.PeriodContaining(engine.PeriodYear, next, fy).Key)
	for _, k := range drafts {
		if _, err := s.ComputePeriod(k, nil); err != nil {
			return fmt.Errorf("demo: %w", err)
		}
	}
	progress.report(len(steps)+1, len(steps)+1)
	return nil
}

// payApproved pays every approved money line of period, one payout per payee.
func (s *Service) payApproved(period, ref string) error {
	ls, err := s.Lines(period, LineFilter{Status: engine.LineApproved})
	if err != nil {
		return err
	}
	by := map[engine.Payee][]engine.ID{}
	var order []engine.Payee
	for _, l := range ls {
		if l.Unit != engine.UnitMoney || l.Amount.IsZero() {
			continue
		}
		if _, ok := by[l.Payee]; !ok {
			order = append(order, l.Payee)
		}
		by[l.Payee] = append(by[l.Payee], l.ID)
	}
	for _, py := range order {
		if _, err := s.Pay(views.PayInput{Lines: by[py], Method: "bank transfer", Reference: ref}); err != nil {
			return fmt.Errorf("demo: pay %s: %w", period, err)
		}
	}
	return nil
}

// demoClaims claims, on day, 60 % of the two largest funds available
// that day (whole euros), approved at once; the n-th quarter's claims name
// a trade show or a campaign. It returns the claims' ids.
func (s *Service) demoClaims(day engine.Date, n int) ([]engine.ID, error) {
	funds, err := s.Funds("", day)
	if err != nil {
		return nil, err
	}
	slices.SortStableFunc(funds, func(a, b FundView) int { return b.Balance.Cmp(a.Balance) })
	what := []string{"trade show booth, invoice EXPO-%d", "co-branded webinar series, invoice WEB-%d", "regional roadshow, invoice RS-%d", "digital campaign, invoice DC-%d"}
	var ids []engine.ID
	for i := 0; i < 2 && i < len(funds); i++ {
		amt := funds[i].Balance.Mul(decimal.RequireFromString("0.6")).Floor()
		if !amt.IsPositive() {
			continue
		}
		c, err := s.Claim(ClaimInput{Partner: fmt.Sprintf("P%d", funds[i].PartnerID), Amount: amt.String(), Date: day.String(),
			Reference: fmt.Sprintf(what[(n+i)%len(what)], 2200+10*n+i), Approve: true})
		if err != nil {
			return ids, fmt.Errorf("demo: fund claim: %w", err)
		}
		ids = append(ids, c.ID)
	}
	return ids, nil
}

// demoRedemption redeems a tenth of the richest points holder's points
// today (by the demo's clock).
func (s *Service) demoRedemption() error {
	pts, err := s.Points("", s.Today())
	if err != nil {
		return err
	}
	var top *PointsView
	for i := range pts {
		if top == nil || pts[i].Balance > top.Balance {
			top = &pts[i]
		}
	}
	if top == nil || top.Balance < 10 {
		return nil
	}
	ref := fmt.Sprintf("%s%d", map[engine.PayeeKind]string{engine.PayeePartner: "P", engine.PayeeRep: "R"}[top.Payee.Kind], top.Payee.ID)
	if _, err := s.Redeem(RedeemInput{Payee: ref, Points: top.Balance / 10, Against: "co-branded roll-up banners", Date: s.Today().String()}); err != nil {
		return fmt.Errorf("demo: redeem points: %w", err)
	}
	return nil
}
