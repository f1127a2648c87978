package data

import (
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"partnerdesk/engine"
)

// TestAuditNamesCreatedRecords: a created record's entry names it (kind
// and id) without copying it; a change keeps the whole before and after, a
// removal the whole before; an import is one entry listing what it
// created, the file, its digest and its rows, told per record by AuditOf
// and AuditText; the chain of seals still verifies.
func TestAuditNamesCreatedRecords(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "a.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	p := engine.Partner{Name: "Alpha"}
	must(s.Update("ann", func(tx *Tx) error { return tx.Put(&p) })) // partner 1
	p.Name = "Alpha Srl"
	must(s.Update("ann", func(tx *Tx) error { return tx.Put(&p) }))

	// An import of three partners (2, 3, 4) that also renames partner 1.
	var a *ImportAudit
	must(s.Update("bob", func(tx *Tx) error {
		var err error
		a, err = tx.Import(ImportInfo{File: "partners.csv", SHA256: strings.Repeat("ab", 32), Rows: 1234567}, func() error {
			for _, n := range []string{"Beta", "Gamma", "Delta"} {
				if err := tx.Put(&engine.Partner{Name: n}); err != nil {
					return err
				}
			}
			p.Name = "Alpha SpA"
			return tx.Put(&p)
		})
		return err
	}))
	if a == nil || a.Batch != 1 || a.Created[KindPartner] != "2-4" || a.Count() != 3 {
		t.Fatalf("import audit %+v, want batch 1 creating partners 2-4", a)
	}
	// A failed import writes nothing and keeps no batch open.
	boom := errors.New("boom")
	err = s.Update("bob", func(tx *Tx) error {
		_, err := tx.Import(ImportInfo{File: "bad.csv"}, func() error {
			if err := tx.Put(&engine.Partner{Name: "Never"}); err != nil {
				return err
			}
			return boom
		})
		return err
	})
	if !errors.Is(err, boom) {
		t.Fatalf("failed import: %v", err)
	}
	must(s.Update("ann", func(tx *Tx) error { return tx.Delete(KindPartner, 3) }))
	// A second import is batch 2; a gap in its ids shows in the list.
	must(s.Update("bob", func(tx *Tx) error {
		_, err := tx.Import(ImportInfo{File: "more.csv", Rows: 3}, func() error {
			for _, q := range []engine.Partner{{Name: "E"}, {Name: "F"}, {ID: 9, Name: "G"}} {
				if err := tx.Put(&q); err != nil {
					return err
				}
			}
			return nil
		})
		return err
	}))

	var es []engine.AuditEntry // newest first
	must(s.View(func(tx *Tx) error {
		var err error
		es, err = tx.RecentAudit(100)
		return err
	}))
	type row struct {
		action, kind  string
		id            engine.ID
		before, after bool
	}
	want := []row{
		{"import", KindPartner, 0, false, true},
		{"delete", KindPartner, 3, true, false},
		{"import", KindPartner, 0, false, true},
		{"update", KindPartner, 1, true, true}, // inside the import
		{"update", KindPartner, 1, true, true},
		{"create", KindPartner, 1, false, false},
	}
	if len(es) != len(want) {
		t.Fatalf("%d audit entries, want %d: %+v", len(es), len(want), es)
	}
	for i, w := range want {
		e := es[i]
		got := row{e.Action, e.Kind, e.RecordID, len(e.Before) > 0, len(e.After) > 0}
		if got != w {
			t.Errorf("entry %d = %+v, want %+v", i, got, w)
		}
	}
	var before, after engine.Partner
	must(json.Unmarshal(es[3].Before, &before))
	must(json.Unmarshal(es[3].After, &after))
	if before.Name != "Alpha Srl" || after.Name != "Alpha SpA" {
		t.Errorf("change in the import: before %q after %q", before.Name, after.Name)
	}
	var removed engine.Partner
	must(json.Unmarshal(es[1].Before, &removed))
	if removed.Name != "Gamma" || removed.ID != 3 {
		t.Errorf("removal keeps %+v, want Gamma (3)", removed)
	}
	if got, want := AuditText(&es[2], KindPartner, 3), "created partner 3 (import batch 1: partners.csv, 1,234,567 rows)"; got != want {
		t.Errorf("AuditText = %q, want %q", got, want)
	}
	// The failed import's partner 5 was rolled back with its id.
	if got, want := AuditText(&es[0], "", 0), "created 3 records (import batch 2: more.csv, 3 rows): partner 5-6,9"; got != want {
		t.Errorf("AuditText = %q, want %q", got, want)
	}
	if got := AuditText(&es[5], "", 0); got != "created partner 1" {
		t.Errorf("AuditText of a create = %q", got)
	}
	var a2 ImportAudit
	must(json.Unmarshal(es[2].After, &a2))
	if a2.File != "partners.csv" || a2.SHA256 != strings.Repeat("ab", 32) || a2.Rows != 1234567 {
		t.Errorf("import entry %+v", a2)
	}

	// Everything about partner 3, newest first: removed, created by import 1.
	var about []string
	must(s.View(func(tx *Tx) error {
		return tx.AuditOf(KindPartner, 3, func(e *engine.AuditEntry) error {
			about = append(about, AuditText(e, KindPartner, 3))
			return nil
		})
	}))
	if got := strings.Join(about, " | "); got != "removed partner 3 | created partner 3 (import batch 1: partners.csv, 1,234,567 rows)" {
		t.Errorf("AuditOf partner 3: %s", got)
	}
	rep, err := s.Check()
	if err != nil || !rep.OK() {
		t.Fatalf("check: %v %v", err, rep.Problems)
	}
}

// TestImportInsideImportRefused: imports do not nest, so that each record
// is listed by exactly one entry.
func TestImportInsideImportRefused(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "a.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	err = s.Update("t", func(tx *Tx) error {
		_, err := tx.Import(ImportInfo{File: "a"}, func() error {
			_, err := tx.Import(ImportInfo{File: "b"}, func() error { return nil })
			return err
		})
		return err
	})
	if err == nil || !strings.Contains(err.Error(), "inside an import") {
		t.Errorf("nested import: %v", err)
	}
}
