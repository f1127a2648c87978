package app

import (
	"fmt"

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
		progress.report(total, total)
		return nil
	})
}

// SettleDemo runs the demo company's past periods the way a channel
// manager would have: every complete quarter before the last one (with its
// months, and the fiscal year when the quarter ends it) is computed,
// approved, paid and closed; the last complete quarter is computed and
// approved but left unpaid and open; the running month and quarter are
// computed as drafts. A fund claim and a points redemption give the
// ledgers a history. Budgets are passed where the demo overspends them.
func (s *Service) SettleDemo(through engine.Date, progress Progress) error {
	co, err := s.Company()
	if err != nil {
		return err
	}
	fy := co.FiscalYearStart
	start := demo.WindowStart(through)
	var quarters []engine.Period
	for q := engine.PeriodContaining(engine.PeriodQuarter, start, fy); q.End <= through; q = q.Next(fy) {
		quarters = append(quarters, q)
	}
	keysOf := func(q engine.Period) []string {
		var keys []string
		for m := engine.Month(q.Start); m.Start <= q.End; m = engine.Month(m.End.AddDays(1)) {
			keys = append(keys, m.Key)
		}
		keys = append(keys, q.Key)
		if y := engine.PeriodContaining(engine.PeriodYear, q.End, fy); y.End == q.End {
			keys = append(keys, y.Key)
		}
		return keys
	}
	for i, q := range quarters {
		last := i == len(quarters)-1
		for _, k := range keysOf(q) {
			if _, err := s.ComputePeriod(k, nil); err != nil {
				return fmt.Errorf("demo: %w", err)
			}
			if _, err := s.Approve(k, nil, true); err != nil {
				return fmt.Errorf("demo: approve %s: %w", k, err)
			}
			if !last {
				if err := s.payApproved(k, "DEMO-"+k); err != nil {
					return err
				}
			}
		}
		if !last {
			closing := q.Key
			if y := engine.PeriodContaining(engine.PeriodYear, q.End, fy); y.End == q.End {
				closing = y.Key
			}
			if _, err := s.ClosePeriod(closing); err != nil {
				return fmt.Errorf("demo: %w", err)
			}
		}
		progress.report(i+1, len(quarters)+1)
	}
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
	if err := s.demoLedgers(); err != nil {
		return err
	}
	progress.report(len(quarters)+1, len(quarters)+1)
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

// demoLedgers claims part of the largest fund and redeems some points of
// the richest points holder.
func (s *Service) demoLedgers() error {
	today := s.Today()
	funds, err := s.Funds("", today)
	if err != nil {
		return err
	}
	var best *FundView
	for i := range funds {
		if best == nil || funds[i].Balance.GreaterThan(best.Balance) {
			best = &funds[i]
		}
	}
	if best != nil && best.Balance.IsPositive() {
		amt := best.Balance.Div(decimal.NewFromInt(2)).Round(0)
		if _, err := s.Claim(ClaimInput{Partner: fmt.Sprintf("P%d", best.PartnerID), Amount: amt.String(), Reference: "trade show booth, invoice EXPO-2291", Approve: true}); err != nil {
			return fmt.Errorf("demo: fund claim: %w", err)
		}
	}
	pts, err := s.Points("", today)
	if err != nil {
		return err
	}
	var top *PointsView
	for i := range pts {
		if top == nil || pts[i].Balance > top.Balance {
			top = &pts[i]
		}
	}
	if top != nil && top.Balance >= 10 {
		ref := fmt.Sprintf("%s%d", map[engine.PayeeKind]string{engine.PayeePartner: "P", engine.PayeeRep: "R"}[top.Payee.Kind], top.Payee.ID)
		if _, err := s.Redeem(RedeemInput{Payee: ref, Points: top.Balance / 10, Against: "co-branded roll-up banners"}); err != nil {
			return fmt.Errorf("demo: redeem points: %w", err)
		}
	}
	return nil
}
