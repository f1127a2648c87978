package reports

import (
	"fmt"
	"io"

	"github.com/shopspring/decimal"

	"partnerdesk/data/sheet"
	"partnerdesk/engine/filename"
	"partnerdesk/engine/i18n"
)

// statementRows lays a statement's data out as one table, a row per
// figure, so that the CSV and the XLSX carry exactly the figures the PDF
// prints: the summary (sales, rewards by program, total, points earned
// and balance, fund balances and what expires), every line and
// adjustment with its fund credit, payouts and their total, and year to
// date.
func statementRows(st *Statement) ([]string, [][]sheet.Cell) {
	lang := i18n.Normalize(st.Language)
	mu := st.Company.Currency.MinorUnits
	header := []string{"section", "program", "rule", "explanation", "invoice", "original_period", "status", "amount", "points", "currency", "date", "reference", "fund_credit"}
	var rows [][]sheet.Cell
	text := sheet.TextCell
	blank := text("")
	money := func(d decimal.Decimal) sheet.Cell { return sheet.MoneyCell(d, mu) }
	add := func(section, program, rule, expl, inv, orig, status string, amount sheet.Cell, points sheet.Cell, date sheet.Cell, ref string, fund sheet.Cell) {
		rows = append(rows, []sheet.Cell{text(section), text(program), text(rule), text(expl), text(inv), text(orig), text(status), amount, points, text(st.Company.Currency.Code), date, text(ref), fund})
	}
	fundCell := func(l Line) sheet.Cell {
		if l.FundCredit.IsZero() {
			return blank
		}
		return money(l.FundCredit)
	}
	add("payee", st.Payee.Name, st.Payee.PartnerName, st.Payee.NextTier, "", st.Period.Key, st.Payee.Tier, blank, blank, blank, st.fingerprint(), blank)
	add("sales", "", "", Label(lang, "sales"), "", st.Period.Key, "", money(st.Summary.Sales), blank, blank, "", blank)
	for _, t := range st.programTotals() {
		add("program_total", t.Program, "", Label(lang, "by_program"), "", "", "", money(t.Amount), sheet.IntCell(t.Points), blank, "", blank)
	}
	for _, l := range st.Lines {
		add("line", l.Program, l.Rule, l.Explanation, "", "", string(l.Status), money(l.Amount), sheet.IntCell(l.Points), blank, "", fundCell(l))
	}
	for _, l := range st.Adjustments {
		add("adjustment", l.Program, l.Rule, l.Explanation, l.Invoice, l.OriginalPeriod, string(l.Status), money(l.Amount), sheet.IntCell(l.Points), blank, "", fundCell(l))
	}
	add("total", "", "", Label(lang, "total_rewards"), "", "", "", money(st.Total()), sheet.IntCell(st.TotalPoints()), blank, "", blank)
	for _, p := range st.Payouts {
		add("payout", "", "", p.Method, "", "", "", money(p.Amount), blank, sheet.DateCell(p.Date), p.Reference, blank)
	}
	add("total_paid", "", "", Label(lang, "total_paid"), "", "", "", money(st.PaidTotal()), blank, blank, "", blank)
	for _, f := range st.Summary.Funds {
		add("fund", f.Fund, "", Label(lang, "funds"), "", "", "", money(f.Balance), blank, blank, "", blank)
		add("fund_expiring", f.Fund, "", Label(lang, "fund_expiring", "amount", i18n.Money(f.ExpiringNext30, st.Company.Currency, lang)), "", "", "", money(f.ExpiringNext30), blank, blank, "", blank)
	}
	add("points_balance", "", "", Label(lang, "points_balance"), "", "", "", blank, sheet.IntCell(st.Summary.PointsBalance), blank, "", blank)
	add("ytd", "", "", Label(lang, "ytd_rewards"), "", "", "", money(st.YTD.Rewards), sheet.IntCell(st.YTD.Points), blank, "", blank)
	add("ytd_paid", "", "", Label(lang, "ytd_paid"), "", "", "", money(st.YTD.Paid), blank, blank, "", blank)
	for _, n := range st.Nudges {
		add("nudge", "", "", n, "", "", "", blank, blank, blank, "", blank)
	}
	return header, rows
}

// WriteStatementCSV writes the statement's data as CSV in the company's
// CSV style (comma and decimal point, or semicolon and decimal comma),
// UTF-8 with a byte-order mark, text cells protected against formula
// injection.
func WriteStatementCSV(w io.Writer, st *Statement) error {
	h, rows := statementRows(st)
	if err := sheet.WriteCSV(w, h, rows, sheet.CSVOptions{Style: st.Company.CSVStyle}); err != nil {
		return fmt.Errorf("statement csv: %w", err)
	}
	return nil
}

// WriteStatementXLSX writes the statement's data as one XLSX sheet, money
// as numeric cells with the currency's decimals.
func WriteStatementXLSX(w io.Writer, st *Statement) error {
	h, rows := statementRows(st)
	if err := sheet.WriteXLSX(w, "Statement "+st.Period.Key, h, rows); err != nil {
		return fmt.Errorf("statement xlsx: %w", err)
	}
	return nil
}

// FileName is PERIOD_payee-name.pdf, each part made by
// filename.SafeName: valid on Windows, macOS and Linux (accents on Latin
// letters folded, other letters kept, reserved characters made hyphens,
// the length limited, never empty or a Windows device name).
func FileName(period, payee string) string {
	return filename.SafeName(period) + "_" + filename.SafeName(payee) + ".pdf"
}
