package app

import (
	"partnerdesk/data"
	"partnerdesk/data/sheet"
	"partnerdesk/engine"
)

// The accountant's journal: app loads what engine.Journal computes from
// (reward lines, payouts, the fund and points ledgers, the company's chart
// and point value) and writes it as a sheet.

// journalInput reads everything the journal is made of, in one read
// transaction, with expiries booked up to today.
func (s *Service) journalInput(tx *data.Tx, co engine.Company) (engine.JournalInput, error) {
	in := engine.JournalInput{Chart: co.Accounts, Currency: co.Currency, PointValue: co.PointValue,
		FiscalYearStart: co.FiscalYearStart, AsOf: s.Today()}
	var err error
	if in.Lines, err = data.All[engine.RewardLine](tx); err != nil {
		return in, err
	}
	if in.Payouts, err = data.All[engine.Payout](tx); err != nil {
		return in, err
	}
	if in.Funds, err = data.All[engine.FundEntry](tx); err != nil {
		return in, err
	}
	in.Points, err = data.All[engine.PointsEntry](tx)
	return in, err
}

// Journal returns the whole journal up to today and the inputs it was
// computed from.
func (s *Service) Journal() ([]engine.JournalEntry, engine.JournalInput, error) {
	co, err := s.Company()
	if err != nil {
		return nil, engine.JournalInput{}, err
	}
	var in engine.JournalInput
	err = s.view(func(tx *data.Tx) error {
		in, err = s.journalInput(tx, co)
		return err
	})
	if err != nil {
		return nil, in, err
	}
	js, err := engine.Journal(in)
	return js, in, err
}

// ReconcileBooks checks the journal against the ledgers behind its
// liability accounts on every day from from to to (engine.ReconcileJournal):
// nil when every liability equals its ledger and debits equal credits.
func (s *Service) ReconcileBooks(from, to engine.Date) ([]string, error) {
	js, in, err := s.Journal()
	if err != nil {
		return nil, err
	}
	return engine.ReconcileJournal(in, js, from, to)
}

// JournalHeader is the journal export's columns, in order.
var JournalHeader = []string{"date", "entry", "event", "debit_account", "debit_name", "credit_account", "credit_name",
	"amount", "currency", "program", "payee", "reference", "text"}

func (s *Service) journalSheet(p engine.Period, co engine.Company) (Sheet, error) {
	sh := Sheet{Name: "Journal " + p.Key, Header: JournalHeader}
	js, _, err := s.Journal()
	if err != nil {
		return sh, err
	}
	err = s.view(func(tx *data.Tx) error {
		nm, err := loadNames(tx)
		if err != nil {
			return err
		}
		for _, e := range engine.JournalIn(js, p) {
			prog := ""
			if pr := nm.programs[e.ProgramID]; pr != nil {
				prog = pr.Name
			}
			sh.Rows = append(sh.Rows, []sheet.Cell{
				sheet.DateCell(e.Date), sheet.IntCell(int64(e.Entry)), sheet.TextCell(string(e.Event)),
				sheet.TextCell(e.Debit.Code), sheet.TextCell(e.Debit.Name), sheet.TextCell(e.Credit.Code), sheet.TextCell(e.Credit.Name),
				sheet.MoneyCell(e.Amount, co.Currency.MinorUnits), sheet.TextCell(co.Currency.Code), sheet.TextCell(prog),
				sheet.TextCell(nm.payee(e.Payee)), sheet.TextCell(e.Reference), sheet.TextCell(e.Text),
			})
		}
		return nil
	})
	return sh, err
}
