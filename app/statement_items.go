package app

import (
	"partnerdesk/engine/views"
	"partnerdesk/reports"
)

// statementItems are the statement's reward lines then its adjustments,
// as it prints them: the statements screen previews them under the
// summary (issue #15.10).
func statementItems(st *reports.Statement) []views.StatementItem {
	out := make([]views.StatementItem, 0, len(st.Lines)+len(st.Adjustments))
	add := func(l reports.Line, adjustment bool) {
		out = append(out, views.StatementItem{Program: l.Program, Rule: l.Rule, Explanation: l.Explanation,
			Amount: l.Amount, Points: l.Points, FundCredit: l.FundCredit, Status: l.Status,
			Adjustment: adjustment, Invoice: l.Invoice, OriginalPeriod: l.OriginalPeriod})
	}
	for _, l := range st.Lines {
		add(l, false)
	}
	for _, l := range st.Adjustments {
		add(l, true)
	}
	return out
}
