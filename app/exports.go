package app

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/shopspring/decimal"

	"partnerdesk/data"
	"partnerdesk/data/atomicfile"
	"partnerdesk/data/sheet"
	"partnerdesk/engine"
	"partnerdesk/engine/i18n"
)

// ExportKinds are the tables the app exports for a period.
var ExportKinds = []string{"lines", "payouts", "funds", "points", "journal"}

// Sheet is a table ready to be written as CSV or XLSX.
type Sheet struct {
	Name   string
	Header []string
	Rows   [][]sheet.Cell
}

// WriteSheet writes sh to path as CSV or XLSX (by format, or the extension).
func WriteSheet(sh Sheet, path, format string, progress Progress) error {
	if format == "" {
		format = strings.TrimPrefix(strings.ToLower(filepath.Ext(path)), ".")
	}
	if format != "csv" && format != "xlsx" {
		return usagef("the format is csv or xlsx, not %q", format)
	}
	// Only a complete, synced file is renamed into place: a failed export
	// (a full disk) leaves the file that was there as it was.
	err := atomicfile.Write(path, 0o600, func(w io.Writer) error { return writeSheetTo(w, sh, format, progress) })
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

func writeSheetTo(w io.Writer, sh Sheet, format string, progress Progress) error {
	var p sheet.Progress
	if progress != nil {
		p = sheet.Progress(progress)
	}
	if format == "xlsx" {
		return sheet.WriteXLSXProgress(w, sh.Name, sh.Header, sh.Rows, p)
	}
	return sheet.WriteCSV(w, sh.Header, sh.Rows, sheet.CSVOptions{Comma: ','})
}

// ExportSheet builds the table of kind for period.
func (s *Service) ExportSheet(kind, period string) (Sheet, error) {
	p, err := s.Period(period)
	if err != nil {
		return Sheet{}, usagef("%v", err)
	}
	co, err := s.Company()
	if err != nil {
		return Sheet{}, err
	}
	switch kind {
	case "lines":
		return s.linesSheet(p, co)
	case "payouts":
		return s.payoutsSheet(p, co)
	case "funds":
		return s.fundsSheet(p, co)
	case "points":
		return s.pointsSheet(p)
	case "journal":
		return s.journalSheet(p, co)
	}
	return Sheet{}, usagef("%q is not an export: use one of %s (or statement)", kind, strings.Join(ExportKinds, ", "))
}

func (s *Service) linesSheet(p engine.Period, co engine.Company) (Sheet, error) {
	ls, err := s.Lines(p.Key, LineFilter{})
	if err != nil {
		return Sheet{}, err
	}
	sh := Sheet{Name: "Lines " + p.Key, Header: []string{"line_id", "period", "program", "rule", "payee_kind", "payee_id", "payee", "partner", "unit", "amount", "points", "basis", "currency", "status", "invoice", "original_period", "explanation"}}
	for _, l := range ls {
		inv, orig := "", ""
		if l.Adjustment != nil {
			inv, orig = l.Adjustment.Invoice, l.Adjustment.OriginalPeriod
		}
		sh.Rows = append(sh.Rows, []sheet.Cell{
			sheet.IntCell(int64(l.ID)), sheet.TextCell(l.Period), sheet.TextCell(l.ProgramName), sheet.TextCell(l.RuleName),
			sheet.TextCell(string(l.Payee.Kind)), sheet.IntCell(int64(l.Payee.ID)), sheet.TextCell(l.PayeeName), sheet.TextCell(l.PartnerName),
			sheet.TextCell(string(l.Unit)), sheet.MoneyCell(l.Amount, co.Currency.MinorUnits), sheet.IntCell(l.Points), sheet.NumberCell(l.Basis),
			sheet.TextCell(co.Currency.Code), sheet.TextCell(string(l.Status)), sheet.TextCell(inv), sheet.TextCell(orig),
			sheet.TextCell(i18n.Explain(l.Explanation, "en")),
		})
	}
	return sh, nil
}

func (s *Service) payoutsSheet(p engine.Period, co engine.Company) (Sheet, error) {
	sh := Sheet{Name: "Payouts " + p.Key, Header: []string{"payout_id", "date", "payee_kind", "payee_id", "payee", "amount", "currency", "method", "reference", "line_ids"}}
	err := s.view(func(tx *data.Tx) error {
		nm, err := loadNames(tx)
		if err != nil {
			return err
		}
		return data.Each(tx, func(po *engine.Payout) error {
			if !p.Contains(po.Date) {
				return nil
			}
			ids := make([]string, len(po.LineIDs))
			for i, id := range po.LineIDs {
				ids[i] = fmt.Sprint(id)
			}
			sh.Rows = append(sh.Rows, []sheet.Cell{
				sheet.IntCell(int64(po.ID)), sheet.DateCell(po.Date), sheet.TextCell(string(po.Payee.Kind)), sheet.IntCell(int64(po.Payee.ID)),
				sheet.TextCell(nm.payee(po.Payee)), sheet.MoneyCell(po.Amount, co.Currency.MinorUnits), sheet.TextCell(co.Currency.Code),
				sheet.TextCell(po.Method), sheet.TextCell(po.Reference), sheet.TextCell(strings.Join(ids, " ")),
			})
			return nil
		})
	})
	return sh, err
}

func (s *Service) fundsSheet(p engine.Period, co engine.Company) (Sheet, error) {
	sh := Sheet{Name: "Funds " + p.Key, Header: []string{"entry_id", "date", "partner_id", "partner", "kind", "amount", "approved", "currency", "status", "expires_on", "period", "reference"}}
	err := s.view(func(tx *data.Tx) error {
		nm, err := loadNames(tx)
		if err != nil {
			return err
		}
		return data.Each(tx, func(e *engine.FundEntry) error {
			if e.Date > p.End {
				return nil
			}
			approved := sheet.TextCell("")
			if e.Kind == engine.FundClaim {
				approved = sheet.MoneyCell(e.Approved, co.Currency.MinorUnits)
			}
			exp := sheet.TextCell("")
			if e.ExpiresOn != 0 {
				exp = sheet.DateCell(e.ExpiresOn)
			}
			sh.Rows = append(sh.Rows, []sheet.Cell{
				sheet.IntCell(int64(e.ID)), sheet.DateCell(e.Date), sheet.IntCell(int64(e.PartnerID)), sheet.TextCell(nm.partners[e.PartnerID]),
				sheet.TextCell(string(e.Kind)), sheet.MoneyCell(e.Amount, co.Currency.MinorUnits), approved, sheet.TextCell(co.Currency.Code),
				sheet.TextCell(string(e.Status)), exp, sheet.TextCell(e.Period), sheet.TextCell(e.Reference),
			})
			return nil
		})
	})
	return sh, err
}

func (s *Service) pointsSheet(p engine.Period) (Sheet, error) {
	sh := Sheet{Name: "Points " + p.Key, Header: []string{"entry_id", "date", "payee_kind", "payee_id", "payee", "kind", "points", "against", "period", "line_id", "expires_on", "lot"}}
	err := s.view(func(tx *data.Tx) error {
		nm, err := loadNames(tx)
		if err != nil {
			return err
		}
		return data.Each(tx, func(e *engine.PointsEntry) error {
			if e.Date > p.End {
				return nil
			}
			// Earned points show when they lapse; an expiry names the
			// earned entry (lot) it empties.
			exp, lot := sheet.TextCell(""), sheet.TextCell("")
			if e.ExpiresOn != 0 {
				exp = sheet.DateCell(e.ExpiresOn)
			}
			if e.Lot != 0 {
				lot = sheet.IntCell(int64(e.Lot))
			}
			sh.Rows = append(sh.Rows, []sheet.Cell{
				sheet.IntCell(int64(e.ID)), sheet.DateCell(e.Date), sheet.TextCell(string(e.Payee.Kind)), sheet.IntCell(int64(e.Payee.ID)),
				sheet.TextCell(nm.payee(e.Payee)), sheet.TextCell(string(e.Kind)), sheet.IntCell(e.Points), sheet.TextCell(e.Against),
				sheet.TextCell(e.Period), sheet.IntCell(int64(e.LineID)), exp, lot,
			})
			return nil
		})
	})
	return sh, err
}

// The journal's accounts: a vendor books a reward as an expense against an
// accrued liability, approves it, and settles the liability when it pays.
// Fund accruals go to their own liability, as MDF is spent, not paid out.
const (
	accountExpense   = "Partner incentives expense"
	accountAccrued   = "Accrued partner rewards"
	accountFund      = "Partner MDF / co-op fund"
	accountBank      = "Bank"
	journalAccrual   = "accrual"
	journalApproval  = "approval"
	journalPayout    = "payout"
	journalFundClaim = "fund claim"
)

func (s *Service) journalSheet(p engine.Period, co engine.Company) (Sheet, error) {
	sh := Sheet{Name: "Journal " + p.Key, Header: []string{"date", "period", "entry", "program", "rule", "payee_kind", "payee_id", "payee", "debit_account", "credit_account", "amount", "currency", "reference"}}
	mu := co.Currency.MinorUnits
	err := s.view(func(tx *data.Tx) error {
		nm, err := loadNames(tx)
		if err != nil {
			return err
		}
		progName := func(id engine.ID) string {
			if pr := nm.programs[id]; pr != nil {
				return pr.Name
			}
			return ""
		}
		row := func(date engine.Date, entry string, prog engine.ID, rule string, payee engine.Payee, debit, credit string, amt decimal.Decimal, ref string) {
			sh.Rows = append(sh.Rows, []sheet.Cell{
				sheet.DateCell(date), sheet.TextCell(p.Key), sheet.TextCell(entry), sheet.TextCell(progName(prog)), sheet.TextCell(rule),
				sheet.TextCell(string(payee.Kind)), sheet.IntCell(int64(payee.ID)), sheet.TextCell(nm.payee(payee)),
				sheet.TextCell(debit), sheet.TextCell(credit), sheet.MoneyCell(amt, mu), sheet.TextCell(co.Currency.Code), sheet.TextCell(ref),
			})
		}
		ls, err := tx.LinesOfPeriod(p.Key)
		if err != nil {
			return err
		}
		for _, l := range ls {
			if l.Unit == engine.UnitPoints || l.Amount.IsZero() {
				continue
			}
			credit := accountAccrued
			if l.Unit == engine.UnitFund {
				credit = accountFund
			}
			ref := fmt.Sprintf("line %d", l.ID)
			if l.Status == engine.LineDraft {
				// A draft is an estimate, not yet a liability: listed for the
				// accrual at period end, booked to no account.
				row(p.End, journalAccrual, l.ProgramID, l.RuleKey, l.Payee, "", "", l.Amount, ref+" (draft, not booked)")
				continue
			}
			day := l.ApprovedOn
			if day == 0 {
				day = p.End
			}
			row(day, journalApproval, l.ProgramID, l.RuleKey, l.Payee, accountExpense, credit, l.Amount, ref+" approved by "+l.ApprovedBy)
		}
		// Payouts count where the lines they settle belong, whatever day
		// they were made: the period's journal shows its rewards settled.
		ofPeriod := map[engine.ID]decimal.Decimal{}
		for _, l := range ls {
			ofPeriod[l.ID] = l.Amount
		}
		err = data.Each(tx, func(po *engine.Payout) error {
			amt, n := decimal.Zero, 0
			for _, id := range po.LineIDs {
				if a, ok := ofPeriod[id]; ok {
					amt, n = amt.Add(a), n+1
				}
			}
			if n > 0 {
				row(po.Date, journalPayout, 0, "", po.Payee, accountAccrued, accountBank, amt, strings.TrimSpace(fmt.Sprintf("payout %d %s %s", po.ID, po.Method, po.Reference)))
			}
			return nil
		})
		if err != nil {
			return err
		}
		return data.Each(tx, func(e *engine.FundEntry) error {
			if e.Kind == engine.FundClaim && p.Contains(e.Date) && (e.Status == engine.ClaimApproved || e.Status == engine.ClaimReimbursed) {
				row(e.Date, journalFundClaim, e.ProgramID, "", engine.Payee{Kind: engine.PayeePartner, ID: e.PartnerID}, accountFund, accountBank, e.Approved, e.Reference)
			}
			return nil
		})
	})
	return sh, err
}
