package app

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"partnerdesk/data"
	"partnerdesk/engine"
	"partnerdesk/engine/views"
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

// AuditKinds are the record kinds the audit trail names, for a filter's
// choices.
func (s *Service) AuditKinds() []string {
	return []string{data.KindPartner, data.KindRep, data.KindProduct, data.KindSale, data.KindRegistration,
		data.KindTraining, data.KindActivity, data.KindProgram, data.KindTierChange, data.KindRewardLine,
		data.KindFundEntry, data.KindPointsEntry, data.KindPayout, "period", "company", "ladder", "setting"}
}

// auditLimit is how many entries a filter returns when it names no limit.
const auditLimit = 500

// AuditLog returns the audit entries f picks, newest first, each told in
// words. Dates are the operator's local days. A bad date, a range that
// ends before it starts or an id without a kind is a
// *engine.ValidationError naming the field (from, to, id).
func (s *Service) AuditLog(f views.AuditFilter) ([]views.AuditRow, error) {
	var from, to engine.Date
	var err error
	if strings.TrimSpace(f.From) != "" {
		if from, err = s.dayOrToday("from", f.From); err != nil {
			return nil, err
		}
	}
	if strings.TrimSpace(f.To) != "" {
		if to, err = s.dayOrToday("to", f.To); err != nil {
			return nil, err
		}
	}
	if from != 0 && to != 0 && to < from {
		return nil, &engine.ValidationError{Field: "to", Reason: fmt.Sprintf("the range ends on %s, before it starts on %s", to, from)}
	}
	kind := strings.ToLower(strings.TrimSpace(f.Kind))
	if f.ID != 0 && kind == "" {
		return nil, &engine.ValidationError{Field: "id", Reason: "an id names a record of a kind: choose the kind too"}
	}
	limit := f.Limit
	if limit <= 0 {
		limit = auditLimit
	}
	who := engine.FoldName(f.Who)
	var out []views.AuditRow
	keep := func(e *engine.AuditEntry) error {
		if len(out) >= limit {
			return data.Stop
		}
		if who != "" && !strings.Contains(engine.FoldName(e.Operator), who) {
			return nil
		}
		if from != 0 || to != 0 {
			d := localDay(e.At)
			if (from != 0 && d < from) || (to != 0 && d > to) {
				return nil
			}
		}
		if kind != "" && f.ID == 0 && !auditAbout(e, kind) {
			return nil
		}
		out = append(out, views.AuditRow{Entry: *e, What: data.AuditText(e, kind, f.ID)})
		return nil
	}
	err = s.view(func(tx *data.Tx) error {
		if f.ID != 0 {
			return tx.AuditOf(kind, f.ID, keep)
		}
		return tx.AuditEntries(keep)
	})
	return out, err
}

// localDay is the operator's calendar day of an instant.
func localDay(t time.Time) engine.Date {
	y, m, d := t.In(time.Local).Date()
	return engine.NewDate(y, m, d)
}

// auditAbout says whether e is about records of kind: its own kind, or an
// import that created some.
func auditAbout(e *engine.AuditEntry, kind string) bool {
	if e.Kind == kind {
		return true
	}
	if a, ok := data.ImportOf(e); ok {
		_, has := a.Created[kind]
		return has
	}
	return false
}

// AuditDetail returns the audit entry id with its record before and after,
// field by field, the fields that changed marked. A creation's entry holds
// no copy of the record: its "after" is read from the next change of the
// record (which kept it as its "before"), or from the record as stored now.
func (s *Service) AuditDetail(id engine.ID) (views.AuditDetail, error) {
	var out views.AuditDetail
	err := s.view(func(tx *data.Tx) error {
		var found *engine.AuditEntry
		err := tx.AuditEntries(func(e *engine.AuditEntry) error {
			if e.ID == id {
				found = e
			}
			if e.ID <= id {
				return data.Stop
			}
			return nil
		})
		if err != nil {
			return err
		}
		if found == nil {
			return &engine.ValidationError{Field: "id", Reason: fmt.Sprintf("there is no audit entry %d", id)}
		}
		out.Row = views.AuditRow{Entry: *found, What: data.AuditText(found, "", 0)}
		before, after := found.Before, found.After
		if found.Action == "create" && len(after) == 0 && found.RecordID != 0 {
			after, out.Note = createdState(tx, found)
		}
		out.Fields, err = auditFields(before, after)
		return err
	})
	return out, err
}

// createdState is what a created record looked like: the "before" of its
// next change, or the record as stored now when it never changed.
func createdState(tx *data.Tx, e *engine.AuditEntry) (json.RawMessage, string) {
	var first json.RawMessage
	_ = tx.AuditEntries(func(x *engine.AuditEntry) error {
		if x.ID <= e.ID {
			return data.Stop
		}
		if x.Kind == e.Kind && x.RecordID == e.RecordID && len(x.Before) > 0 {
			first = x.Before // newest first: the last one met is the oldest
		}
		return nil
	})
	if first != nil {
		return first, "As created: read from the record's next change."
	}
	rec, ok := currentRecord(tx, e.Kind, e.RecordID)
	if !ok {
		return nil, "The record is no longer stored."
	}
	b, err := json.Marshal(rec)
	if err != nil {
		return nil, "The record cannot be read."
	}
	return b, "As created: the record has not changed since."
}

// currentRecord reads the stored record of kind with id.
func currentRecord(tx *data.Tx, kind string, id engine.ID) (any, bool) {
	get := func(rec any, err error) (any, bool) { return rec, err == nil }
	switch kind {
	case data.KindPartner:
		return get(data.Get[engine.Partner](tx, id))
	case data.KindRep:
		return get(data.Get[engine.Rep](tx, id))
	case data.KindProduct:
		return get(data.Get[engine.Product](tx, id))
	case data.KindSale:
		return get(data.Get[engine.Sale](tx, id))
	case data.KindRegistration:
		return get(data.Get[engine.Registration](tx, id))
	case data.KindTraining:
		return get(data.Get[engine.Training](tx, id))
	case data.KindActivity:
		return get(data.Get[engine.Activity](tx, id))
	case data.KindProgram:
		return get(data.Get[engine.Program](tx, id))
	case data.KindTierChange:
		return get(data.Get[engine.TierChange](tx, id))
	case data.KindRewardLine:
		return get(data.Get[engine.RewardLine](tx, id))
	case data.KindFundEntry:
		return get(data.Get[engine.FundEntry](tx, id))
	case data.KindPointsEntry:
		return get(data.Get[engine.PointsEntry](tx, id))
	case data.KindPayout:
		return get(data.Get[engine.Payout](tx, id))
	}
	return nil, false
}

// auditFields sets two JSON documents side by side, one row per top-level
// field in the order they are written (after's fields first, then those
// only before had); a document that is not an object is one field, value.
func auditFields(before, after json.RawMessage) ([]views.AuditField, error) {
	bk, bv, err := jsonFields(before)
	if err != nil {
		return nil, fmt.Errorf("read the entry's before: %w", err)
	}
	ak, av, err := jsonFields(after)
	if err != nil {
		return nil, fmt.Errorf("read the entry's after: %w", err)
	}
	var out []views.AuditField
	seen := map[string]bool{}
	for _, k := range append(ak, bk...) {
		if seen[k] {
			continue
		}
		seen[k] = true
		b, bok := bv[k]
		a, aok := av[k]
		f := views.AuditField{Field: k, Before: b, After: a}
		f.Changed = (len(before) > 0 && len(after) > 0 && (bok != aok || b != a)) ||
			(len(before) == 0) != (len(after) == 0)
		out = append(out, f)
	}
	return out, nil
}

// jsonFields reads a JSON object's top-level fields in order, each value
// as text: strings as they are, numbers as written (exact), objects and
// lists as compact JSON, null as empty.
func jsonFields(doc json.RawMessage) ([]string, map[string]string, error) {
	vals := map[string]string{}
	if len(bytes.TrimSpace(doc)) == 0 {
		return nil, vals, nil
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(doc, &obj); err != nil {
		vals["value"] = jsonText(doc)
		return []string{"value"}, vals, nil
	}
	dec := json.NewDecoder(bytes.NewReader(doc))
	if _, err := dec.Token(); err != nil { // {
		return nil, nil, err
	}
	var keys []string
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return nil, nil, err
		}
		k, _ := t.(string)
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return nil, nil, err
		}
		keys = append(keys, k)
		vals[k] = jsonText(obj[k])
	}
	return keys, vals, nil
}

// jsonText is one JSON value as a person reads it.
func jsonText(v json.RawMessage) string {
	v = bytes.TrimSpace(v)
	switch {
	case len(v) == 0 || string(v) == "null":
		return ""
	case v[0] == '"':
		var s string
		if json.Unmarshal(v, &s) == nil {
			return s
		}
	case v[0] == '{' || v[0] == '[':
		var b bytes.Buffer
		if json.Compact(&b, v) == nil {
			return b.String()
		}
	}
	return string(v)
}
