package app

import (
	"partnerdesk/data"
	"partnerdesk/engine"
)

// AuditOf returns up to limit audit entries about the record of kind with
// id, newest first: its creation (its own entry, or the import that created
// it), its changes and its removal. data.AuditText(e, kind, id) tells each.
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
