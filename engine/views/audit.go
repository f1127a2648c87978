package views

import "partnerdesk/engine"

// AuditFilter picks audit entries as typed on the audit screen or the
// command line. Every part is optional; they combine.
type AuditFilter struct {
	Who  string    // the operator's name contains it, regardless of case and accents
	Kind string    // the record kind ("sale", "product"...)
	ID   engine.ID // with Kind: the entries about that one record
	From string    // first day, as typed (2026-07-01)
	To   string    // last day, as typed
	// Limit is how many entries at most, newest first (0: 500).
	Limit int
}

// AuditRow is one audit entry with what it did in words.
type AuditRow struct {
	Entry engine.AuditEntry
	What  string
}

// AuditField is one field of a record before and after a change, as
// text; Changed marks the fields whose value differs.
type AuditField struct {
	Field   string
	Before  string
	After   string
	Changed bool
}

// AuditDetail is one entry with its record before and after, field by
// field. For a creation, After is the record as it was created (the
// state the next change started from, or the record as stored now).
type AuditDetail struct {
	Row    AuditRow
	Fields []AuditField
	// Note says where a side came from when the entry does not hold it
	// (e.g. "as created: read from the next change").
	Note string
}
