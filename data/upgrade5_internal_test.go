package data

import (
	"path/filepath"
	"reflect"
	"testing"

	"github.com/shopspring/decimal"
	bolt "go.etcd.io/bbolt"

	"partnerdesk/engine"
)

// TestSchema4FileUpgradesWithItsLines: a schema 4 file (reward lines in
// the codec's form 1, or JSON) opens as the current schema after a
// backup named for schema 4, with every line reading as before, and a
// line stored again afterwards reads the same.
func TestSchema4FileUpgradesWithItsLines(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Form 1 bytes of a line, as a schema 4 build wrote them, and the
	// same line as JSON (older files): both must read as want.
	want := engine.RewardLine{ID: 7, Period: "2026-Q2", ProgramID: 3, RuleKey: "rebate",
		Payee: engine.Payee{Kind: engine.PayeePartner, ID: 12}, PartnerID: 12, Unit: engine.UnitMoney,
		Amount: dec2("123.45"), Basis: dec2("2469"), Status: engine.LineDraft,
		Explanation: engine.Explanation{Key: "rate", Args: []engine.Arg{{Name: "rate", Type: engine.ArgPercent, Dec: dec2("5")}}}}
	form1 := appendLineV1(nil, &want) // linecodec_forms_test.go
	err = s.db.Update(func(btx *bolt.Tx) error {
		b := btx.Bucket(kindByName[KindRewardLine].bucket)
		if err := b.Put(itob(7), form1); err != nil {
			return err
		}
		return writeSchema(btx, 4)
	})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()

	s, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.SchemaVersion() != CurrentSchema || CurrentSchema != 5 {
		t.Fatalf("schema %d after open (current %d), want 5", s.SchemaVersion(), CurrentSchema)
	}
	if baks, _ := filepath.Glob(path + ".v4-*.bak"); len(baks) != 1 {
		t.Errorf("backups %v, want one .v4-*.bak", baks)
	}
	read := func() engine.RewardLine {
		t.Helper()
		var got *engine.RewardLine
		if err := s.View(func(tx *Tx) error {
			var err error
			got, err = Get[engine.RewardLine](tx, 7)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		return *got
	}
	if got := read(); !reflect.DeepEqual(got, want) {
		t.Fatalf("the form 1 line reads as\n%+v\nwant\n%+v", got, want)
	}
	if err := s.Update("t", func(tx *Tx) error {
		l := read()
		return tx.Put(&l)
	}); err != nil {
		t.Fatal(err)
	}
	if got := read(); !reflect.DeepEqual(got, want) {
		t.Fatalf("the line stored again reads as\n%+v\nwant\n%+v", got, want)
	}
}

func dec2(s string) decimal.Decimal { return decimal.RequireFromString(s) }
