package app

import (
	"partnerdesk/data"
	"partnerdesk/engine"
)

// AuditOf returns up to limit audit entries about the record of kind with
// id, newest first: its creation (its own entry, or the import that created
// it), its changes and its removal. AuditText(e, kind, id) tells each.
func (s *Service) AuditOf(kind string, id engine.ID, limit int) ([]engine.AuditEntry, error) {
	var es []engine.AuditEntry
	err := s.view(func(tx *data.Tx) error {
		return tx.AuditOf(kind, id, func(e *engine.AuditEntry) error {
			if len(es) >= limit {
				return data.Stop
			}
			es = append(es, *e)
			return nil
		})
	})
	return es, err
}

// AuditText is one line telling what an audit entry did, naming the record
// of kind with id when an import batch created it (kind "" and id 0 for
// the plain list).
func AuditText(e *engine.AuditEntry, kind string, id engine.ID) string {
	return data.AuditText(e, kind, id)
}
