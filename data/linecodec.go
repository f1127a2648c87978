package data

import (
	"encoding/binary"
	"fmt"
	"math/bits"

	"github.com/shopspring/decimal"

	"partnerdesk/engine"
)

// lineCodecV1 is the first byte of a reward line in the compact form. A
// line stored as JSON (files written before it) starts with '{', so the
// first byte tells the two apart and old files read with no migration.
const lineCodecV1 = 1

// The tags of a decimal in the line codec.
const (
	decZero   = 0 // zero: no more bytes
	decInt    = 1 // zigzag varint coefficient, uvarint minus the exponent
	decString = 2 // the decimal's string, length-prefixed
)

// encodeLine writes a reward line as: version, period, program, rule key,
// payee kind and id, partner, unit, amount, points, basis, explanation,
// status, adjustment (a presence byte first), payout, approved by,
// approved on, and the rule version when known (a line stored without it
// decodes with 0). The id is the key. Decimals keep the value JSON would give
// back (trailing zeros dropped), so either form decodes to the same line.
func encodeLine(l *engine.RewardLine) []byte {
	return appendLine(make([]byte, 0, 160+16*len(l.Explanation.Args)), l)
}

// appendLine appends the encoding of l to b.
func appendLine(b []byte, l *engine.RewardLine) []byte {
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
	b = appendExplanation(b, &l.Explanation)
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
		// Written only when known, so a line stored before lines named
		// their rule version (and its bytes) stays the canonical form.
		b = binary.AppendUvarint(b, uint64(l.RuleVersion))
	}
	return b
}

func appendExplanation(b []byte, e *engine.Explanation) []byte {
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
		b = appendExplanations(b, a.Items)
	}
	return appendExplanations(b, e.More)
}

func appendExplanations(b []byte, es []engine.Explanation) []byte {
	b = binary.AppendUvarint(b, uint64(len(es)))
	for i := range es {
		b = appendExplanation(b, &es[i])
	}
	return b
}

// appendLineDecimal writes d as the value its JSON string reads back as:
// an integer coefficient with the trailing zeros of the fraction dropped
// (12.30 -> 123e-1, 5e2 -> 500), or the string itself when it does not
// fit in an int64. It needs no string for the usual amounts.
func appendLineDecimal(b []byte, d decimal.Decimal) []byte {
	if d.IsZero() {
		return append(b, decZero)
	}
	if coef, exp, ok := smallDecimal(d); ok {
		b = append(b, decInt)
		b = binary.AppendVarint(b, coef)
		return binary.AppendUvarint(b, uint64(-exp))
	}
	str := d.String()
	if v, err := parseDecimal([]byte(str)); err == nil {
		// Trailing zeros beyond an int64 (12.3000000000000000000) can
		// still read back as a small value: keep the form canonical.
		if coef, exp, ok := smallDecimal(v); ok {
			b = append(b, decInt)
			b = binary.AppendVarint(b, coef)
			return binary.AppendUvarint(b, uint64(-exp))
		}
	}
	b = append(b, decString)
	return appendString(b, str)
}

// smallDecimal returns d as coef x 10^exp with exp <= 0 and no trailing
// zero in the fraction, when coef has at most 18 digits.
func smallDecimal(d decimal.Decimal) (int64, int32, bool) {
	if d.NumDigits() > 18 {
		return 0, 0, false
	}
	coef, exp := d.CoefficientInt64(), d.Exponent()
	if exp > 0 {
		if exp > 18 {
			return 0, 0, false
		}
		hi, lo := bits.Mul64(uint64(abs(coef)), uint64(pow10[exp]))
		if hi != 0 || lo >= 1e18 {
			return 0, 0, false
		}
		return coef * pow10[exp], 0, true
	}
	for exp < 0 && coef%10 == 0 {
		coef /= 10
		exp++
	}
	return coef, exp, true
}

var pow10 = [...]int64{1, 10, 100, 1000, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18}

func abs(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}

// decodeLine reads a reward line in either stored form.
func decodeLine(b []byte, l *engine.RewardLine) error {
	if len(b) == 0 {
		return errShort
	}
	if b[0] != lineCodecV1 {
		return fmt.Errorf("unknown reward line encoding %d", b[0])
	}
	r := reader{b: b[1:]}
	*l = engine.RewardLine{}
	l.Period = r.string()
	l.ProgramID = engine.ID(r.uvarint())
	l.RuleKey = r.string()
	l.Payee.Kind = engine.PayeeKind(r.enum())
	l.Payee.ID = engine.ID(r.uvarint())
	l.PartnerID = engine.ID(r.uvarint())
	l.Unit = engine.Unit(r.enum())
	l.Amount = r.lineDecimal()
	l.Points = r.varint()
	l.Basis = r.lineDecimal()
	r.explanation(&l.Explanation, 0)
	l.Status = engine.LineStatus(r.enum())
	if r.byte() == 1 {
		a := &engine.Adjustment{}
		a.OriginalPeriod = r.string()
		a.Invoice = r.string()
		a.SaleID = engine.ID(r.uvarint())
		a.EffectiveRate = r.lineDecimal()
		l.Adjustment = a
	}
	l.PayoutID = engine.ID(r.uvarint())
	l.ApprovedBy = r.string()
	l.ApprovedOn = engine.Date(r.varint())
	if len(r.b) > 0 && r.err == nil {
		// The rule version, on lines stored since lines name it.
		v := r.uvarint()
		if v > engine.MaxRuleVersions+1 && r.err == nil {
			r.err = fmt.Errorf("rule version %d is out of range", v)
		}
		l.RuleVersion = int(v)
	}
	if r.err != nil {
		return r.err
	}
	if len(r.b) != 0 {
		return fmt.Errorf("%d bytes left over", len(r.b))
	}
	return nil
}

// maxExplainDepth bounds nested explanations, so that crafted bytes cannot
// recurse without end.
const maxExplainDepth = 16

func (r *reader) explanation(e *engine.Explanation, depth int) {
	if depth > maxExplainDepth && r.err == nil {
		r.err = fmt.Errorf("explanations nested deeper than %d", maxExplainDepth)
	}
	e.Key = r.string()
	if n := r.count(); n > 0 {
		e.Args = make([]engine.Arg, n)
		for i := range e.Args {
			a := &e.Args[i]
			a.Name = r.string()
			a.Type = engine.ArgType(r.enum())
			a.Text = r.string()
			a.Dec = r.lineDecimal()
			if r.byte() == 1 {
				a.Currency = &engine.Currency{Code: r.enum(), MinorUnits: int32(r.varint())}
			}
			a.Date = engine.Date(r.varint())
			a.Places = int32(r.varint())
			a.Items = r.explanations(depth + 1)
		}
	}
	e.More = r.explanations(depth + 1)
}

func (r *reader) explanations(depth int) []engine.Explanation {
	n := r.count()
	if n == 0 {
		return nil
	}
	es := make([]engine.Explanation, n)
	for i := range es {
		r.explanation(&es[i], depth)
	}
	return es
}

// count reads a length that must not exceed the bytes left (each element
// takes at least one), so that a corrupt count cannot allocate without end.
func (r *reader) count() int {
	n := r.uvarint()
	if r.err != nil {
		return 0
	}
	if n > uint64(len(r.b)) {
		r.err = errShort
		return 0
	}
	return int(n)
}

// enum reads a string that is usually one of a few constants; those are
// shared rather than allocated per line.
func (r *reader) enum() string {
	v := r.bytes()
	switch string(v) {
	case "":
		return ""
	case "partner":
		return "partner"
	case "rep":
		return "rep"
	case "money":
		return "money"
	case "points":
		return "points"
	case "draft":
		return "draft"
	case "approved":
		return "approved"
	case "paid":
		return "paid"
	case "text":
		return "text"
	case "number":
		return "number"
	case "percent":
		return "percent"
	case "period":
		return "period"
	case "date":
		return "date"
	case "key":
		return "key"
	case "list":
		return "list"
	case "EUR":
		return "EUR"
	case "USD":
		return "USD"
	}
	return string(v)
}

func (r *reader) lineDecimal() decimal.Decimal {
	switch r.byte() {
	case decZero:
		return decimal.Decimal{}
	case decInt:
		coef := r.varint()
		exp := r.uvarint()
		if r.err != nil {
			return decimal.Decimal{}
		}
		if exp > 1<<30 {
			r.err = fmt.Errorf("decimal exponent -%d is out of range", exp)
			return decimal.Decimal{}
		}
		return decimal.New(coef, -int32(exp))
	case decString:
		return r.decimal()
	}
	if r.err == nil {
		r.err = fmt.Errorf("unknown decimal tag")
	}
	return decimal.Decimal{}
}
