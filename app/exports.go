package app

import (
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"

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
	// CSVStyle is the company's CSV style (engine.CSVComma or
	// engine.CSVSemicolon; empty: comma) the sheet is written in as CSV.
	CSVStyle string
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
	return sheet.WriteCSV(w, sh.Header, sh.Rows, sheet.CSVOptions{Style: sh.CSVStyle})
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
	var sh Sheet
	switch kind {
	case "lines":
		sh, err = s.linesSheet(p, co)
	case "payouts":
		sh, err = s.payoutsSheet(p, co)
	case "funds":
		sh, err = s.fundsSheet(p, co)
	case "points":
		sh, err = s.pointsSheet(p)
	case "journal":
		sh, err = s.journalSheet(p, co)
	default:
		return Sheet{}, usagef("%q is not an export: use one of %s (or statement)", kind, strings.Join(ExportKinds, ", "))
	}
	sh.CSVStyle = co.CSVStyle
	return sh, err
}

// linesInside returns the reward lines of every period inside p (a
// quarter holds its months' lines and its own, as on its statements), in
// period order and by id within a period.
func (s *Service) linesInside(p engine.Period, co engine.Company) ([]LineView, error) {
	var out []LineView
	inside := lineInside(p, co.FiscalYearStart)
	err := s.view(func(tx *data.Tx) error {
		names, err := loadNames(tx)
		if err != nil {
			return err
		}
		return data.Each(tx, func(l *engine.RewardLine) error {
			if inside(l.Period) {
				out = append(out, names.view(*l, co.Currency))
			}
			return nil
		})
	})
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Period != b.Period {
			return a.Period < b.Period
		}
		return a.ID < b.ID
	})
	return out, err
}

func (s *Service) linesSheet(p engine.Period, co engine.Company) (Sheet, error) {
	ls, err := s.linesInside(p, co)
	if err != nil {
		return Sheet{}, err
	}
	sh := Sheet{Name: "Lines " + p.Key, Header: []string{"line_id", "date", "period", "program", "rule", "payee_kind", "payee_id", "payee", "partner", "unit", "amount", "points", "basis", "currency", "status", "invoice", "original_period", "explanation"}}
	ends := map[string]engine.Date{}
	for _, l := range ls {
		if _, ok := ends[l.Period]; !ok {
			lp, err := engine.ParsePeriod(l.Period, co.FiscalYearStart)
			if err != nil {
				return Sheet{}, fmt.Errorf("line %d: %w", l.ID, err)
			}
			ends[l.Period] = lp.End
		}
	}
	for _, l := range ls {
		inv, orig := "", ""
		if l.Adjustment != nil {
			inv, orig = l.Adjustment.Invoice, l.Adjustment.OriginalPeriod
		}
		sh.Rows = append(sh.Rows, []sheet.Cell{
			sheet.IntCell(int64(l.ID)), sheet.DateCell(ends[l.Period]), sheet.TextCell(l.Period), sheet.TextCell(l.ProgramName), sheet.TextCell(l.RuleName),
			sheet.TextCell(string(l.Payee.Kind)), sheet.IntCell(int64(l.Payee.ID)), sheet.TextCell(l.PayeeName), sheet.TextCell(l.PartnerName),
			sheet.TextCell(string(l.Unit)), sheet.MoneyCell(l.Amount, co.Currency.MinorUnits), sheet.IntCell(l.Points), sheet.MoneyCell(l.Basis, co.Currency.MinorUnits),
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
			if !p.Contains(e.Date) {
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
			if !p.Contains(e.Date) {
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
