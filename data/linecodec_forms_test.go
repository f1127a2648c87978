package data

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"math/rand/v2"
	"testing"
	"time"

	"partnerdesk/app/demo"
	"partnerdesk/engine"
)

// appendLineV1 is the v1 encoder as it was before v2: every string
// spelled out, every argument field written. Lines of files written then
// must still read the same.
func appendLineV1(b []byte, l *engine.RewardLine) []byte {
	b = append(b, lineCodecV1)
	b = appendString(b, l.Period)
	b = binary.AppendUvarint(b, uint64(l.ProgramID))
	b = appendString(b, l.RuleKey)
	b = appendString(b, string(l.Payee.Kind))
	b = binary.AppendUvarint(b, uint64(l.Payee.ID))
	b = binary.AppendUvarint(b, uint64(l.PartnerID))
	b = appendString(b, string(l.Unit))
	b = appendLineDecimal(b, l.Amount)
	b = binary.AppendVarint(b, l.Points)
	b = appendLineDecimal(b, l.Basis)
	b = appendExplanationV1(b, &l.Explanation)
	b = appendString(b, string(l.Status))
	if a := l.Adjustment; a != nil {
		b = append(b, 1)
		b = appendString(b, a.OriginalPeriod)
		b = appendString(b, a.Invoice)
		b = binary.AppendUvarint(b, uint64(a.SaleID))
		b = appendLineDecimal(b, a.EffectiveRate)
	} else {
		b = append(b, 0)
	}
	b = binary.AppendUvarint(b, uint64(l.PayoutID))
	b = appendString(b, l.ApprovedBy)
	b = binary.AppendVarint(b, int64(l.ApprovedOn))
	if l.RuleVersion > 0 {
		b = binary.AppendUvarint(b, uint64(l.RuleVersion))
	}
	return b
}

func appendExplanationV1(b []byte, e *engine.Explanation) []byte {
	b = appendString(b, e.Key)
	b = binary.AppendUvarint(b, uint64(len(e.Args)))
	for i := range e.Args {
		a := &e.Args[i]
		b = appendString(b, a.Name)
		b = appendString(b, string(a.Type))
		b = appendString(b, a.Text)
		b = appendLineDecimal(b, a.Dec)
		if c := a.Currency; c != nil {
			b = append(b, 1)
			b = appendString(b, c.Code)
			b = binary.AppendVarint(b, int64(c.MinorUnits))
		} else {
			b = append(b, 0)
		}
		b = binary.AppendVarint(b, int64(a.Date))
		b = binary.AppendVarint(b, int64(a.Places))
		b = appendExplanationsV1(b, a.Items)
	}
	return appendExplanationsV1(b, e.More)
}

func appendExplanationsV1(b []byte, es []engine.Explanation) []byte {
	b = binary.AppendUvarint(b, uint64(len(es)))
	for i := range es {
		b = appendExplanationV1(b, &es[i])
	}
	return b
}

// sameFromV1 checks that l's v1 bytes decode to the line its v2 bytes
// decode to, and that this line encodes to the same v2 bytes again.
func sameFromV1(t *testing.T, l *engine.RewardLine) {
	t.Helper()
	v1, v2 := appendLineV1(nil, l), encodeLine(l)
	var a, b engine.RewardLine
	if err := decodeLine(v1, &a); err != nil {
		t.Fatalf("decode v1: %v", err)
	}
	if err := decodeLine(v2, &b); err != nil {
		t.Fatalf("decode v2: %v", err)
	}
	ja, _ := json.Marshal(&a)
	jb, _ := json.Marshal(&b)
	if !bytes.Equal(ja, jb) {
		t.Fatalf("v1 and v2 decode differently:\nv1 %s\nv2 %s", ja, jb)
	}
	if again := encodeLine(&a); !bytes.Equal(again, v2) {
		t.Fatalf("the v1 line encodes to other v2 bytes:\n%x\n%x", again, v2)
	}
}

func TestLineCodecV1StillReads(t *testing.T) {
	r := rand.New(rand.NewPCG(17, 19))
	for range 3000 {
		l := randomLine(r)
		sameFromV1(t, &l)
	}
	// A v1 line of every field, as stored before v2 (bytes by hand for
	// the head: version, period "Q", program 3, rule key "k", payee kind
	// "rep", payee 7, partner 9, unit "money", amount 12.5, ...).
	l := engine.RewardLine{Period: "Q", ProgramID: 3, RuleKey: "k", Payee: engine.Payee{Kind: engine.PayeeRep, ID: 7}, PartnerID: 9,
		Unit: engine.UnitMoney, Status: engine.LineApproved, Explanation: engine.Explanation{Key: "rate.flat",
			Args: []engine.Arg{engine.TextArg("rule", "R"), engine.KeyArg("mode", "word.marginal")}}}
	v1 := appendLineV1(nil, &l)
	head := []byte{lineCodecV1, 1, 'Q', 3, 1, 'k', 3, 'r', 'e', 'p', 7, 9, 5, 'm', 'o', 'n', 'e', 'y'}
	if !bytes.HasPrefix(v1, head) {
		t.Fatalf("v1 bytes start %x, want %x", v1[:len(head)], head)
	}
	var got engine.RewardLine
	if err := decodeLine(v1, &got); err != nil || got.Payee.Kind != engine.PayeeRep || got.Explanation.Args[1].Text != "word.marginal" {
		t.Fatalf("v1 line read as %+v, %v", got, err)
	}
	if v2 := encodeLine(&l); len(v2) >= len(v1) || v2[0] != lineCodecV2 {
		t.Errorf("v2 takes %d bytes (first %d), v1 %d: want fewer, first %d", len(v2), v2[0], len(v1), lineCodecV2)
	}
}

// TestLineCodecDemoLines round-trips every line and nudge explanation the
// demo data computes, a year of months and quarters and a small scale
// world: through v2 as JSON would, and from their v1 bytes.
func TestLineCodecDemoLines(t *testing.T) {
	through := engine.MustDate("2026-06-30")
	worlds := []demo.Dataset{demo.Generate(42, through),
		demo.Scale(40, 60, 3000, 1, engine.MustDate("2026-04-01"), through)}
	n, v1Bytes, v2Bytes := 0, 0, 0
	for _, ds := range worlds {
		for _, k := range []engine.PeriodKind{engine.PeriodMonth, engine.PeriodQuarter} {
			for _, per := range engine.ProgramPeriods(k, demo.WindowStart(through), 0, through, time.January) {
				res, err := engine.Compute(demo.PeriodInputs(ds, per))
				if err != nil {
					t.Fatalf("compute %s: %v", per.Key, err)
				}
				for i := range res.Lines {
					l := &res.Lines[i]
					l.ID = engine.ID(i + 1)
					sameAsJSON(t, l)
					sameFromV1(t, l)
					v1Bytes += len(appendLineV1(nil, l))
					v2Bytes += len(encodeLine(l))
					n++
				}
				for _, nu := range res.Nudges {
					l := engine.RewardLine{Period: per.Key, Explanation: nu.Explanation}
					sameAsJSON(t, &l)
					sameFromV1(t, &l)
				}
				if t.Failed() {
					return
				}
			}
		}
	}
	if n < 100 {
		t.Fatalf("the demo computed %d lines; the test wants a real sample", n)
	}
	t.Logf("%d lines: %d bytes in v1, %d in v2", n, v1Bytes, v2Bytes)
}

// TestLineSymbolsAreStable: stored v2 lines name symbols by position, so
// the first ones may never move, and none may appear twice.
func TestLineSymbolsAreStable(t *testing.T) {
	pinned := []string{"", "partner", "rep", "money", "points", "fund", "draft", "approved", "paid", "text"}
	for i, s := range pinned {
		if lineSymbols[i] != s {
			t.Errorf("symbol %d is %q, was %q: stored lines would read another string", i+1, lineSymbols[i], s)
		}
	}
	if got := lineSymbols[len(lineSymbols)-1]; got != "word.and" {
		t.Errorf("the last symbol is %q; add new ones after the last, never in between", got)
	}
	if len(lineSymbolIndex) != len(lineSymbols) {
		t.Errorf("lineSymbols lists %d strings, %d distinct", len(lineSymbols), len(lineSymbolIndex))
	}
	for k := range engine.Messages {
		if _, ok := lineSymbolIndex[k]; !ok {
			t.Logf("explanation key %q is not a symbol (it is written out); consider adding it at the end", k)
		}
	}
}

// TestLineCodecV2RefusesBadBytes: damaged v2 bytes are an error, not a
// panic or a wrong line.
func TestLineCodecV2RefusesBadBytes(t *testing.T) {
	l := engine.RewardLine{Period: "2026-Q2", Unit: engine.UnitMoney, Status: engine.LineDraft,
		Explanation: engine.Explanation{Key: "rate.flat", Args: []engine.Arg{engine.TextArg("rule", "R")}}}
	good := encodeLine(&l)
	var got engine.RewardLine
	for i := 1; i < len(good); i++ {
		if err := decodeLine(good[:i], &got); err == nil {
			t.Errorf("a line cut to %d of %d bytes decoded", i, len(good))
		}
	}
	// The symbol of the unit (byte 12: version, period 8, program,
	// rule key, payee kind, payee id, partner) beyond the table.
	bad := bytes.Clone(good)
	i := 1 + 8 + 1 + 1 + 1 + 1 + 1
	if bad[i] != byte(lineSymbolIndex["money"]) {
		t.Fatalf("byte %d is %d, want the symbol of money", i, bad[i])
	}
	bad[i] = 0x7f
	if err := decodeLine(bad, &got); err == nil {
		t.Error("an unknown symbol decoded")
	}
}
