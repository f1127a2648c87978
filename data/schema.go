package data

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strconv"

	"github.com/shopspring/decimal"
	bolt "go.etcd.io/bbolt"

	"partnerdesk/engine"
)

// CurrentSchema is the schema version this Partnerdesk writes.
//
//	1: records, audit, date and invoice indexes.
//	2: adds the by-partner sales index.
//	3: a matrix weight of 0 means 0 (it meant the default 1 before).
//	4: sales in blocks of 64 with grouped indexes and a customers
//	   dictionary (saleblock.go, saleindex.go): a tenth of the size.
//	5: reward lines may be stored in the line codec's form 2
//	   (linecodec.go), which a schema 4 build cannot read; nothing is
//	   converted, the number only makes such a build refuse the file
//	   up front instead of failing on its first line.
const CurrentSchema = 5

var keySchema = []byte("schema")

// migrations[v] upgrades a file from schema v to v+1, in one transaction.
var migrations = map[int]func(btx *bolt.Tx) error{
	1: migrate1to2,
	2: migrate2to3,
	3: migrate3to4, // legacy.go
	4: migrate4to5,
}

// migrate4to5 converts nothing: lines of form 1 (and JSON) still read,
// and each is written in form 2 when it is stored again.
func migrate4to5(*bolt.Tx) error { return nil }

// migrate2to3 keeps what stored programs paid: until schema 2 a matrix
// cell of 0 (a cell left out of a program file) weighed the default 1; from
// schema 3 a 0 earns nothing, so stored zero cells become 1.
func migrate2to3(btx *bolt.Tx) error {
	b := btx.Bucket(kindByName[KindProgram].bucket)
	if b == nil {
		return nil
	}
	type change struct{ k, v []byte }
	var changes []change
	err := b.ForEach(func(k, v []byte) error {
		var doc map[string]any
		if err := json.Unmarshal(v, &doc); err != nil {
			return fmt.Errorf("program %d: %w", btoi(k), err)
		}
		rules, _ := doc["rules"].([]any)
		changed := false
		for _, r := range rules {
			rm, _ := r.(map[string]any)
			m, _ := rm["matrix"].(map[string]any)
			for cell, w := range m {
				if d, err := decimal.NewFromString(fmt.Sprint(w)); err == nil && d.IsZero() {
					m[cell] = "1"
					changed = true
				}
			}
		}
		if !changed {
			return nil
		}
		nv, err := json.Marshal(doc)
		if err != nil {
			return fmt.Errorf("program %d: %w", btoi(k), err)
		}
		changes = append(changes, change{bytes.Clone(k), nv})
		return nil
	})
	if err != nil {
		return err
	}
	for _, c := range changes {
		if err := b.Put(c.k, c.v); err != nil {
			return err
		}
	}
	return nil
}

// migrate1to2 builds the by-partner sales index and puts a copy of each
// sale in the date index (schema 1 kept keys only there). Index keys are
// written in order: bbolt is slow at random inserts in one transaction.
func migrate1to2(btx *bolt.Tx) error {
	byPartner, err := btx.CreateBucketIfNotExists(bSalesByPartnr)
	if err != nil {
		return err
	}
	sales := btx.Bucket(bLegacySales)
	byDate := btx.Bucket(bSalesByDate)
	if sales == nil || byDate == nil {
		return errors.New("the sales buckets are missing")
	}
	var pk, dk []legacyEntry
	err = sales.ForEach(func(k, v []byte) error {
		var s engine.Sale
		if err := decodeSale(v, &s); err != nil {
			return fmt.Errorf("sale %d: %w", btoi(k), err)
		}
		s.ID = btoi(k)
		pk = append(pk, legacyEntry{byPartnerKey(&s), []byte{}})
		dk = append(dk, legacyEntry{byDateKey(&s), bytes.Clone(v)})
		return nil
	})
	if err != nil {
		return err
	}
	if err := putSorted(byPartner, pk); err != nil {
		return err
	}
	return putSorted(byDate, dk)
}

func readSchema(btx *bolt.Tx) int {
	m := btx.Bucket(bMeta)
	if m == nil {
		return 0
	}
	v, err := strconv.Atoi(string(m.Get(keySchema)))
	if err != nil {
		return 0
	}
	return v
}

func writeSchema(btx *bolt.Tx, v int) error {
	m, err := btx.CreateBucketIfNotExists(bMeta)
	if err != nil {
		return err
	}
	return m.Put(keySchema, []byte(strconv.Itoa(v)))
}

// prepare reads the schema of a freshly opened file, initialises a new
// file, and upgrades an older one after backing it up.
func (s *Store) prepare(opt Options) error {
	var v, nb int
	s.db.View(func(btx *bolt.Tx) error {
		v = readSchema(btx)
		return btx.ForEach(func([]byte, *bolt.Bucket) error { nb++; return nil })
	})
	if v == 0 && nb > 0 {
		return fmt.Errorf("%s is a bbolt file but not a Partnerdesk database (it has no schema version)", s.path)
	}
	if v > CurrentSchema {
		return fmt.Errorf("%s has schema %d; this Partnerdesk reads up to %d: install the newer version: %w", s.path, v, CurrentSchema, ErrSchemaNewer)
	}
	s.version = v
	if s.readOnly {
		if v == 0 {
			return fmt.Errorf("%s is empty, not a Partnerdesk database", s.path)
		}
		return nil
	}
	if v == 0 {
		// A new file starts at the current schema.
		v = CurrentSchema
		s.version = v
		return s.db.Update(func(btx *bolt.Tx) error {
			if err := createBuckets(btx); err != nil {
				return err
			}
			return writeSchema(btx, v)
		})
	}
	if v < CurrentSchema {
		if opt.NoUpgrade {
			return fmt.Errorf("%s has schema %d and needs %d; open it without --no-upgrade to upgrade it (a backup is written first): %w", s.path, v, CurrentSchema, ErrSchemaOlder)
		}
		if _, err := s.upgrade(v); err != nil {
			return err
		}
		if err := s.compactAfterUpgrade(opt); err != nil {
			return err
		}
	}
	return s.db.Update(createBuckets)
}

func createBuckets(btx *bolt.Tx) error {
	for _, name := range allBuckets() {
		if _, err := btx.CreateBucketIfNotExists(name); err != nil {
			return fmt.Errorf("create bucket %s: %w", name, err)
		}
	}
	return nil
}

// upgrade backs the file up as `<path>.v<old>-<stamp>.bak`, then runs the
// migrations from v on, all in one transaction: a crash leaves either the
// old or the new schema. It returns the backup's path.
func (s *Store) upgrade(v int) (string, error) {
	bak := fmt.Sprintf("%s.v%d-%s.bak", s.path, v, s.now().Format("20060102-150405"))
	if _, err := os.Stat(bak); err == nil {
		bak = fmt.Sprintf("%s.v%d-%s.bak", s.path, v, s.now().Format("20060102-150405.000000000"))
	}
	if err := s.Backup(bak); err != nil {
		return "", fmt.Errorf("back up before the upgrade from schema %d: %w", v, err)
	}
	err := s.db.Update(func(btx *bolt.Tx) error {
		for cur := v; cur < CurrentSchema; cur++ {
			m := migrations[cur]
			if m == nil {
				return fmt.Errorf("no upgrade from schema %d", cur)
			}
			if err := m(btx); err != nil {
				return fmt.Errorf("upgrade schema %d to %d: %w", cur, cur+1, err)
			}
		}
		if err := writeSchema(btx, CurrentSchema); err != nil {
			return err
		}
		tx := &Tx{btx: btx, s: s, operator: "partnerdesk"}
		return tx.Audit("upgrade", "schema", 0, map[string]any{"schema": v}, map[string]any{"schema": CurrentSchema, "backup": bak})
	})
	if err != nil {
		return bak, fmt.Errorf("%s: %w (the file is unchanged; the backup is %s)", s.path, err, bak)
	}
	s.version = CurrentSchema
	return bak, nil
}
