package ui

import (
	"strings"
	"time"

	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

// auditRows are the fake's trail, newest first: Marco changed product 103's
// price on 2026-07-14, Giulia created it on 2026-07-01.
func auditRows() []views.AuditRow {
	return []views.AuditRow{
		{Entry: engine.AuditEntry{ID: 2, At: time.Date(2026, 7, 14, 9, 30, 0, 0, time.Local), Operator: "Marco", Action: "update", Kind: "product", RecordID: 103}, What: "changed product 103"},
		{Entry: engine.AuditEntry{ID: 1, At: time.Date(2026, 7, 1, 16, 0, 0, 0, time.Local), Operator: "Giulia", Action: "create", Kind: "product", RecordID: 103}, What: "created product 103"},
	}
}

// AuditLog filters the fake trail by who and by day, and remembers the
// filter it was sent.
func (f *fundsFake) AuditLog(flt views.AuditFilter) ([]views.AuditRow, error) {
	f.auditFilters = append(f.auditFilters, flt)
	var from, to engine.Date
	var err error
	if flt.From != "" {
		if from, err = engine.ParseDate(flt.From); err != nil {
			return nil, engine.Invalid(AuditFrom, "%s", err.Error())
		}
	}
	if flt.To != "" {
		if to, err = engine.ParseDate(flt.To); err != nil {
			return nil, engine.Invalid(AuditTo, "%s", err.Error())
		}
	}
	if from != 0 && to != 0 && to < from {
		return nil, engine.Invalid(AuditTo, "the range ends on %s, before it starts on %s", to, from)
	}
	var out []views.AuditRow
	for _, r := range auditRows() {
		y, m, d := r.Entry.At.Date()
		day := engine.NewDate(y, m, d)
		if (flt.Who != "" && !strings.Contains(engine.FoldName(r.Entry.Operator), engine.FoldName(flt.Who))) ||
			(from != 0 && day < from) || (to != 0 && day > to) || (flt.Kind != "" && flt.Kind != r.Entry.Kind) {
			continue
		}
		out = append(out, r)
	}
	return out, nil
}

func (f *fundsFake) AuditDetail(id engine.ID) (views.AuditDetail, error) {
	for _, r := range auditRows() {
		if r.Entry.ID != id {
			continue
		}
		if id == 2 {
			return views.AuditDetail{Row: r, Fields: []views.AuditField{
				{Field: "sku", Before: "SUP-1Y", After: "SUP-1Y"},
				{Field: "name", Before: "Support one year", After: "Support one year"},
				{Field: "list_price", Before: "40", After: "45.5", Changed: true},
			}}, nil
		}
		return views.AuditDetail{Row: r, Note: "As created: read from the record's next change.", Fields: []views.AuditField{
			{Field: "sku", After: "SUP-1Y", Changed: true}, {Field: "name", After: "Support one year", Changed: true}, {Field: "list_price", After: "40", Changed: true},
		}}, nil
	}
	return views.AuditDetail{}, engine.Invalid(AuditID, "there is no audit entry %d", id)
}

func (f *fundsFake) AuditKinds() []string { return []string{"partner", "product", "sale"} }
