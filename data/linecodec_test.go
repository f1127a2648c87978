package data

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/shopspring/decimal"
	bolt "go.etcd.io/bbolt"

	"partnerdesk/engine"
)

// TestLineCodecKnowsEveryField fails when a field is added to a type the
// line codec writes by hand: the codec must learn it, or it would be
// dropped silently.
func TestLineCodecKnowsEveryField(t *testing.T) {
	tests := []struct {
		v    any
		want int
	}{
		{engine.RewardLine{}, 17},
		{engine.Explanation{}, 3},
		{engine.Arg{}, 8},
		{engine.Adjustment{}, 4},
		{engine.Currency{}, 2},
		{engine.Payee{}, 2},
	}
	for _, tt := range tests {
		if got := reflect.TypeOf(tt.v).NumField(); got != tt.want {
			t.Errorf("%T has %d fields, the line codec writes %d: teach encodeLine and decodeLine the new ones", tt.v, got, tt.want)
		}
	}
}

// sameAsJSON checks that l survives the compact codec exactly as it
// survives JSON: the same JSON text, and the same decimal exponents.
func sameAsJSON(t *testing.T, l *engine.RewardLine) {
	t.Helper()
	want, err := json.Marshal(l)
	if err != nil {
		t.Fatal(err)
	}
	var viaJSON engine.RewardLine
	if err := json.Unmarshal(want, &viaJSON); err != nil {
		t.Fatal(err)
	}
	enc := encodeLine(l)
	var got engine.RewardLine
	if err := decodeLine(enc, &got); err != nil {
		t.Fatalf("decode: %v (line %s)", err, want)
	}
	got.ID = l.ID // the key carries the id
	gotJSON, _ := json.Marshal(&got)
	if !bytes.Equal(gotJSON, want) {
		t.Fatalf("round trip changed the line:\n got %s\nwant %s", gotJSON, want)
	}
	decs := func(x *engine.RewardLine) []decimal.Decimal {
		ds := []decimal.Decimal{x.Amount, x.Basis}
		if x.Adjustment != nil {
			ds = append(ds, x.Adjustment.EffectiveRate)
		}
		var walk func(e *engine.Explanation)
		walk = func(e *engine.Explanation) {
			for i := range e.Args {
				ds = append(ds, e.Args[i].Dec)
				for j := range e.Args[i].Items {
					walk(&e.Args[i].Items[j])
				}
			}
			for i := range e.More {
				walk(&e.More[i])
			}
		}
		walk(&x.Explanation)
		return ds
	}
	g, w := decs(&got), decs(&viaJSON)
	for i := range w {
		if !g[i].Equal(w[i]) || g[i].Exponent() != w[i].Exponent() {
			t.Errorf("decimal %d: got %s (exp %d), JSON gives %s (exp %d)", i, g[i], g[i].Exponent(), w[i], w[i].Exponent())
		}
	}
	// Encoding the decoded line again gives the same bytes.
	if again := encodeLine(&got); !bytes.Equal(again, enc) {
		t.Errorf("re-encoding differs: %x vs %x", again, enc)
	}
}

func TestLineCodecMatchesJSON(t *testing.T) {
	eur := engine.NewCurrency("EUR")
	full := engine.RewardLine{
		ID: 42, Period: "2026-Q2", ProgramID: 3, RuleKey: "rebate", Payee: engine.Payee{Kind: engine.PayeeRep, ID: 77},
		PartnerID: 9, Unit: engine.UnitMoney, Amount: decimal.RequireFromString("-12.30"), Points: -5,
		Basis: decimal.RequireFromString("1230.000"),
		Explanation: engine.Explanation{Key: "rate.band", Args: []engine.Arg{
			engine.TextArg("rule", "Rabatt für Müller — 東京"),
			engine.MoneyArg("basis", decimal.RequireFromString("100000.00"), eur),
			engine.NumberArg("units", decimal.RequireFromString("12.50")),
			engine.PercentArg("rate", decimal.RequireFromString("2.5")),
			engine.PointsArg("pts", 1500),
			engine.PeriodArg("period", "2026-Q1"),
			engine.DateArg("date", engine.MustDate("2026-05-31")),
			engine.KeyArg("why", "retroactive"),
			engine.ListArg("needs", engine.Explanation{Key: "need.revenue", Args: []engine.Arg{
				engine.MoneyArg("x", decimal.New(5, 3), engine.Currency{Code: "JPY"})}},
				engine.Explanation{Key: "need.cert"}),
			{Name: "odd", Type: "custom", Text: "t", Dec: decimal.RequireFromString("-0.000001"), Date: -3, Places: 4},
		}, More: []engine.Explanation{{Key: "cap", Args: []engine.Arg{engine.MoneyArg("cap", decimal.New(25, 1), eur)}}}},
		Status:     engine.LinePaid,
		Adjustment: &engine.Adjustment{OriginalPeriod: "2026-Q1", Invoice: "INV-1", SaleID: 12, EffectiveRate: decimal.RequireFromString("3.3333333333333333333333")},
		PayoutID:   5, ApprovedBy: "Zoë", ApprovedOn: engine.MustDate("2026-07-02"), RuleVersion: 3,
	}
	huge := full
	huge.Amount = decimal.RequireFromString("123456789012345678901234567890.12")
	huge.Basis = decimal.New(123456789012, 9) // 1.23e20 does not fit an int64
	huge.Adjustment = &engine.Adjustment{}
	tests := []struct {
		name string
		l    engine.RewardLine
	}{
		{"zero line", engine.RewardLine{}},
		{"draft without adjustment", engine.RewardLine{Period: "2026-07", Payee: engine.Payee{Kind: engine.PayeePartner, ID: 1},
			Unit: engine.UnitPoints, Points: 99, Basis: decimal.NewFromInt(-7), Status: engine.LineDraft,
			Explanation: engine.Explanation{Key: "k", Args: []engine.Arg{{Name: "n", Type: engine.ArgMoney, Dec: decimal.New(1, 2)}}}}},
		{"every field", full},
		{"big decimals and an empty adjustment", huge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { sameAsJSON(t, &tt.l) })
	}
}

// randomLine builds a line of random shape from every part the codec knows.
func randomLine(r *rand.Rand) engine.RewardLine {
	str := func() string {
		words := []string{"", "a", "2026-Q2", "Müller GmbH", "東京", "x\x00y", "draft", "EUR"}
		return words[r.IntN(len(words))]
	}
	dec := func() decimal.Decimal {
		switch r.IntN(6) {
		case 0:
			return decimal.Decimal{}
		case 1:
			return decimal.New(r.Int64N(2_000_001)-1_000_000, -r.Int32N(8))
		case 2:
			return decimal.New(r.Int64()-r.Int64(), r.Int32N(40)-20)
		case 3:
			return decimal.New(r.Int64N(1000), r.Int32N(5))
		case 4:
			return decimal.RequireFromString("-98765432109876543210.0001")
		}
		return decimal.New(0, -r.Int32N(4))
	}
	types := []engine.ArgType{engine.ArgText, engine.ArgMoney, engine.ArgNumber, engine.ArgPercent, engine.ArgPoints,
		engine.ArgPeriod, engine.ArgDate, engine.ArgKey, engine.ArgList}
	var expl func(depth int) engine.Explanation
	expl = func(depth int) engine.Explanation {
		e := engine.Explanation{Key: str()}
		for range r.IntN(5) {
			a := engine.Arg{Name: str(), Type: types[r.IntN(len(types))], Text: str(), Dec: dec(),
				Date: engine.Date(r.Int32N(40000) - 20000), Places: r.Int32N(5)}
			if r.IntN(2) == 0 {
				a.Currency = &engine.Currency{Code: str(), MinorUnits: r.Int32N(4)}
			}
			if a.Type == engine.ArgList && depth < 3 {
				for range r.IntN(3) {
					a.Items = append(a.Items, expl(depth+1))
				}
			}
			e.Args = append(e.Args, a)
		}
		if depth < 2 && r.IntN(3) == 0 {
			e.More = append(e.More, expl(depth+1))
		}
		return e
	}
	l := engine.RewardLine{ID: engine.ID(r.Uint64N(1 << 40)), Period: str(), ProgramID: engine.ID(r.Uint64()), RuleKey: str(),
		Payee: engine.Payee{Kind: engine.PayeeKind(str()), ID: engine.ID(r.Uint64N(1e6))}, PartnerID: engine.ID(r.Uint64N(1e6)),
		Unit: engine.Unit(str()), Amount: dec(), Points: r.Int64() - r.Int64(), Basis: dec(), Explanation: expl(0),
		Status: engine.LineStatus(str()), PayoutID: engine.ID(r.Uint64N(100)), ApprovedBy: str(), ApprovedOn: engine.Date(r.Int32N(30000))}
	if r.IntN(2) == 0 {
		l.RuleVersion = 1 + r.IntN(engine.MaxRuleVersions+1)
	}
	if r.IntN(2) == 0 {
		l.Adjustment = &engine.Adjustment{OriginalPeriod: str(), Invoice: str(), SaleID: engine.ID(r.Uint64N(1e9)), EffectiveRate: dec()}
	}
	return l
}

func TestLineCodecRandomLines(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	for range 3000 {
		l := randomLine(r)
		sameAsJSON(t, &l)
		if t.Failed() {
			return
		}
	}
}

// FuzzDecodeLine: arbitrary bytes never panic, and whatever decodes
// encodes back to a line that decodes the same.
func FuzzDecodeLine(f *testing.F) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 5 {
		l := randomLine(r)
		f.Add(encodeLine(&l))
		f.Add(appendLineV1(nil, &l))
	}
	f.Add([]byte{lineCodecV1})
	f.Add([]byte{lineCodecV2})
	f.Add([]byte{lineCodecV2, 0, 0, 0, 0, 0, 0, 0, decInt, 2, 1, 1, 0, 1, 1, 1, 0xff})
	f.Add([]byte{lineCodecV1, 0, 0, 0, 0, 0, 0, 0, decString, 200})
	f.Fuzz(func(t *testing.T, b []byte) {
		var l engine.RewardLine
		if err := decodeLine(b, &l); err != nil {
			return
		}
		var again engine.RewardLine
		if err := decodeLine(encodeLine(&l), &again); err != nil {
			t.Fatalf("re-decode: %v", err)
		}
		j1, _ := json.Marshal(&l)
		j2, _ := json.Marshal(&again)
		if !bytes.Equal(j1, j2) {
			t.Fatalf("round trip changed the line:\n%s\n%s", j1, j2)
		}
	})
}

// TestLinesStoredAsJSONStillRead writes lines the way files written before
// the compact codec hold them (JSON) and reads, checks, approves and
// replaces them with the current code.
func TestLinesStoredAsJSONStillRead(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "old.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var pid engine.ID
	err = s.Update("t", func(tx *Tx) error {
		p := &engine.Partner{Name: "P", Kind: engine.KindReseller, Status: engine.StatusActive}
		if err := tx.Put(p); err != nil {
			return err
		}
		pid = p.ID
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	mk := func(id engine.ID, amount string) engine.RewardLine {
		return engine.RewardLine{ID: id, Period: "2026-Q2", ProgramID: 1, RuleKey: "r", Payee: engine.Payee{Kind: engine.PayeePartner, ID: pid},
			PartnerID: pid, Unit: engine.UnitMoney, Amount: decimal.RequireFromString(amount), Basis: decimal.RequireFromString("1000.00"),
			Explanation: engine.Explanation{Key: "rate.flat", Args: []engine.Arg{engine.MoneyArg("basis", decimal.RequireFromString("1000.00"), engine.NewCurrency("EUR"))}},
			Status:      engine.LineDraft}
	}
	old := []engine.RewardLine{mk(1, "10.50"), mk(2, "20")}
	// The old form, written behind the store's back.
	err = s.db.Update(func(btx *bolt.Tx) error {
		b := btx.Bucket(kindByName[KindRewardLine].bucket)
		for i := range old {
			v, err := json.Marshal(&old[i])
			if err != nil {
				return err
			}
			if err := b.Put(itob(old[i].ID), v); err != nil {
				return err
			}
			if err := btx.Bucket(bLinesByPeriod).Put(lineKey(old[i].Period, old[i].ID), nil); err != nil {
				return err
			}
		}
		return b.SetSequence(2)
	})
	if err != nil {
		t.Fatal(err)
	}
	var fpJSON string
	err = s.View(func(tx *Tx) error {
		got, err := tx.LinesOfPeriod("2026-Q2")
		if err != nil {
			return err
		}
		if len(got) != 2 || !got[0].Amount.Equal(decimal.RequireFromString("10.5")) || got[1].ID != 2 {
			t.Errorf("LinesOfPeriod read %+v, want the two JSON lines", got)
		}
		fpJSON = fingerprint(got)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if rep, err := s.Check(); err != nil || !rep.OK() {
		t.Fatalf("Check of JSON lines: %v %v", err, rep.Problems)
	}
	// Approving line 1 stores it again, now in the compact form; the
	// fingerprint a closed period keeps does not see the difference.
	err = s.Update("t", func(tx *Tx) error {
		l := old[0]
		if err := tx.Put(&l); err != nil {
			return err
		}
		v := tx.btx.Bucket(kindByName[KindRewardLine].bucket).Get(itob(1))
		if len(v) == 0 || v[0] != lineCodecV2 {
			t.Errorf("a line put now starts with %q, want the compact form (v2)", v[:min(len(v), 1)])
		}
		got, err := tx.LinesOfPeriod("2026-Q2")
		if err != nil {
			return err
		}
		if fp := fingerprint(got); fp != fpJSON {
			t.Errorf("fingerprint changed from %s to %s when a line was re-encoded", fpJSON, fp)
		}
		// The recomputation removes both drafts, old form and new.
		return tx.ReplaceDraftLines("2026-Q2", []engine.RewardLine{mk(0, "7")})
	})
	if err != nil {
		t.Fatal(err)
	}
	err = s.View(func(tx *Tx) error {
		got, err := tx.LinesOfPeriod("2026-Q2")
		if err != nil {
			return err
		}
		if len(got) != 1 || got[0].ID != 3 || !got[0].Amount.Equal(decimal.NewFromInt(7)) {
			t.Errorf("after ReplaceDraftLines: %+v, want one line 3 of 7", got)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if rep, err := s.Check(); err != nil || !rep.OK() {
		t.Fatalf("Check after replacing: %v %v", err, rep.Problems)
	}
}

// TestCheckReportsCorruptLine: a damaged compact line is a problem Check
// names, not a crash.
func TestCheckReportsCorruptLine(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "c.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	err = s.db.Update(func(btx *bolt.Tx) error {
		if err := btx.Bucket(bLinesByPeriod).Put(lineKey("2026-07", 1), nil); err != nil {
			return err
		}
		return btx.Bucket(kindByName[KindRewardLine].bucket).Put(itob(1), []byte{lineCodecV1, 7, '2'})
	})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := s.Check()
	if err != nil {
		t.Fatal(err)
	}
	if rep.OK() {
		t.Error("Check passed a truncated reward line")
	}
}

// TestSumDecimalsMatchesAdd: the int64 fast path gives what a chain of
// Decimal.Add from zero gives, value and exponent, overflow included.
func TestSumDecimalsMatchesAdd(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 5))
	big := decimal.New(9_000_000_000_000_000_00, -2) // 9e16 each: ten of them overflow an int64 of cents
	tests := []struct {
		name string
		ds   []decimal.Decimal
	}{
		{"none", nil},
		// 12.30 + 0.05 - 2.00 = 10.35, exponent -2.
		{"cents", []decimal.Decimal{decimal.New(1230, -2), decimal.New(5, -2), decimal.New(-200, -2)}},
		// 1E3 + 12.5 = 1012.5, exponent -1; a zero of exponent -4 makes it -4.
		{"mixed exponents", []decimal.Decimal{decimal.New(1, 3), decimal.New(125, -1), decimal.New(0, -4)}},
		{"overflow", []decimal.Decimal{big, big, big, big, big, big, big, big, big, big, big, big}},
		{"huge", []decimal.Decimal{decimal.RequireFromString("123456789012345678901234.5"), decimal.New(1, -2)}},
		{"zeros only", []decimal.Decimal{decimal.Zero, {}}},
	}
	var rnd []decimal.Decimal
	for range 2000 {
		rnd = append(rnd, decimal.New(r.Int64N(2e6)-1e6, -r.Int32N(3)))
	}
	tests = append(tests, struct {
		name string
		ds   []decimal.Decimal
	}{"random", rnd})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var want decimal.Decimal
			for _, d := range tt.ds {
				want = want.Add(d)
			}
			got := sumDecimals(tt.ds)
			if !got.Equal(want) || got.Exponent() != want.Exponent() {
				t.Errorf("sumDecimals = %s (exp %d), want %s (exp %d)", got, got.Exponent(), want, want.Exponent())
			}
		})
	}
}

// TestLineCodecReadsLinesWithoutRuleVersion: a line stored before lines
// named their rule version (no trailing version) still reads, with
// version 0, and one that names it keeps it; a corrupt version is refused.
func TestLineCodecReadsLinesWithoutRuleVersion(t *testing.T) {
	l := engine.RewardLine{Period: "2026-Q3", ProgramID: 2, RuleKey: "rebate", Unit: engine.UnitMoney,
		Amount: decimal.RequireFromString("12.5"), Status: engine.LineDraft}
	old := encodeLine(&l) // version 0 writes no trailer: the bytes of an old line
	l.RuleVersion = 2
	withVersion := encodeLine(&l)
	if len(withVersion) != len(old)+1 || !bytes.Equal(withVersion[:len(old)], old) {
		t.Fatalf("the rule version should be one trailing byte after the old form:\n old %x\n new %x", old, withVersion)
	}
	var got engine.RewardLine
	if err := decodeLine(old, &got); err != nil || got.RuleVersion != 0 || got.RuleKey != "rebate" {
		t.Fatalf("old line: %+v, %v", got, err)
	}
	if err := decodeLine(withVersion, &got); err != nil || got.RuleVersion != 2 {
		t.Fatalf("line with version: %+v, %v", got, err)
	}
	bad := append(append([]byte(nil), old...), 0xff, 0xff, 0x03) // version 65535 > MaxRuleVersions+1
	if err := decodeLine(bad, &got); err == nil {
		t.Fatal("an out-of-range rule version was read without error")
	}
}

// TestReplaceDraftLinesReadChecksWhatItIsGiven: the lines a caller read
// are used as they are only when the period index lists the same ids;
// otherwise (here: a line missing) the store reads them again, so no
// draft is left behind and check stays clean.
func TestReplaceDraftLinesReadChecksWhatItIsGiven(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "r.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var pid engine.ID
	mk := func(amount string) engine.RewardLine {
		return engine.RewardLine{Period: "2026-Q2", ProgramID: 1, RuleKey: "r", Payee: engine.Payee{Kind: engine.PayeePartner, ID: pid},
			PartnerID: pid, Unit: engine.UnitMoney, Amount: decimal.RequireFromString(amount), Status: engine.LineDraft,
			Explanation: engine.Explanation{Key: "rate.flat"}}
	}
	err = s.Update("t", func(tx *Tx) error {
		p := &engine.Partner{Name: "P", Kind: engine.KindReseller, Status: engine.StatusActive}
		if err := tx.Put(p); err != nil {
			return err
		}
		pid = p.ID
		return tx.ReplaceDraftLines("2026-Q2", []engine.RewardLine{mk("1"), mk("2"), mk("3")})
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		old  func([]engine.RewardLine) []engine.RewardLine
	}{
		{"as read", func(ls []engine.RewardLine) []engine.RewardLine { return ls }},
		{"one missing", func(ls []engine.RewardLine) []engine.RewardLine { return ls[1:] }},
	} {
		err = s.Update("t", func(tx *Tx) error {
			ls, err := tx.LinesOfPeriod("2026-Q2")
			if err != nil {
				return err
			}
			return tx.ReplaceDraftLinesRead("2026-Q2", tc.old(ls), []engine.RewardLine{mk("4"), mk("5"), mk("6")})
		})
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		err = s.View(func(tx *Tx) error {
			ls, err := tx.LinesOfPeriod("2026-Q2")
			if err != nil {
				return err
			}
			if len(ls) != 3 || !ls[0].Amount.Equal(decimal.NewFromInt(4)) {
				t.Errorf("%s: the period holds %d lines, first %s; want the 3 new ones from 4", tc.name, len(ls), ls[0].Amount)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if rep, err := s.Check(); err != nil || !rep.OK() {
			t.Fatalf("%s: check: %v %v", tc.name, err, rep.Problems)
		}
	}
}
