package gui

import (
	"context"

	"partnerdesk/app"
	"partnerdesk/ui"
)

// The period run screen finds What changed on the backend by type assertion.
var _ ui.ChangesService = (*Backend)(nil)

// Changes implements ui.ChangesService: the use case's report with the
// summary and the reasons worded in the company's language.
func (b *Backend) Changes(_ context.Context, period string) (ui.ChangeList, error) {
	r, err := b.svc.Changes(period)
	if err != nil {
		return ui.ChangeList{}, err
	}
	lang := "en"
	if co, err := b.svc.Company(); err == nil && co.Language != "" {
		lang = co.Language
	}
	out := ui.ChangeList{Period: r.Period, Computed: r.Computed, ComputedAt: r.ComputedAt, ComputedBy: r.ComputedBy,
		PreviousAt: r.PreviousAt, First: r.First, Summary: app.ChangeSummaryText(r.Summary, r.Currency, lang)}
	out.Changes = make([]ui.ChangeRow, len(r.Changes))
	for i, c := range r.Changes {
		out.Changes[i] = ui.ChangeRow{Change: c.Change, Program: c.Program, Rule: c.Rule, Payee: c.Payee, Reason: app.ReasonText(c.Change, lang)}
	}
	return out, nil
}
