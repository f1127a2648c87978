package app

import (
	"fmt"

	"partnerdesk/app/demo"
	"partnerdesk/data"
	"partnerdesk/engine"
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
