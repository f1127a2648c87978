package data

import (
	"encoding/binary"
	"fmt"
	"math/bits"

	"github.com/shopspring/decimal"

	"partnerdesk/engine"
)

// The first byte of a reward line in a compact form. A line stored as
// JSON (files written before them) starts with '{', so the first byte
// tells the forms apart and old files read with no migration. v1 lines
// (written before v2) spell every string out; v2 writes the strings a
// line repeats (argument names and types, explanation keys, payee kinds,
// units, statuses, currency codes) as small numbers (lineSymbols) and
// leaves out an argument's empty fields. New lines are written in v2.
const (
	lineCodecV1 = 1
	lineCodecV2 = 2
)

// isLineCodec reports whether b is a reward line in a compact form.
func isLineCodec(b []byte) bool {
	return len(b) > 0 && (b[0] == lineCodecV1 || b[0] == lineCodecV2)
}

// The tags of a decimal in the line codec.
const (
	decZero   = 0 // zero: no more bytes
	decInt    = 1 // zigzag varint coefficient, uvarint minus the exponent
	decString = 2 // the decimal's string, length-prefixed
)

// The flags of an argument in v2: which of its fields follow, in this
// order. A field left out is its zero value.
const (
	argText     = 1 << iota // Text, a string
	argTextSym              // Text, a symbol
	argDec                  // Dec, a line decimal
	argCurrency             // Currency: code (a symbol), minor units
	argDate                 // Date, a varint
	argPlaces               // Places, a varint
	argItems                // Items, a count and explanations
	argAll      = 1<<iota - 1
)

// encodeLine writes a reward line (v2) as: version, period, program, rule
// key, payee kind (a symbol) and id, partner, unit (a symbol), amount,
// points, basis, explanation, status (a symbol), adjustment (a presence
// byte first), payout, approved by, approved on, and the rule version
// when known (a line stored without it decodes with 0). The id is the
// key. Decimals keep the value JSON would give back (trailing zeros
// dropped), so every form decodes to the same line.
func encodeLine(l *engine.RewardLine) []byte {
	return appendLine(make([]byte, 0, 96+8*len(l.Explanation.Args)), l)
}

// appendLine appends the encoding of l to b.
func appendLine(b []byte, l *engine.RewardLine) []byte {
	b = append(b, lineCodecV2)
	b = appendString(b, l.Period)
	b = binary.AppendUvarint(b, uint64(l.ProgramID))
	b = appendString(b, l.RuleKey)
	b = appendSymbol(b, string(l.Payee.Kind))
	b = binary.AppendUvarint(b, uint64(l.Payee.ID))
	b = binary.AppendUvarint(b, uint64(l.PartnerID))
	b = appendSymbol(b, string(l.Unit))
	b = appendLineDecimal(b, l.Amount)
	b = binary.AppendVarint(b, l.Points)
	b = appendLineDecimal(b, l.Basis)
	b = appendExplanation(b, &l.Explanation)
	b = appendSymbol(b, string(l.Status))
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
		// Written only when known, as in v1: a line without it reads
		// back with 0.
		b = binary.AppendUvarint(b, uint64(l.RuleVersion))
	}
	return b
}

// appendSymbol writes s as its lineSymbols position + 1, or as 0 and the
// string when it is not one of them.
func appendSymbol(b []byte, s string) []byte {
	if i, ok := lineSymbolIndex[s]; ok {
		return binary.AppendUvarint(b, i)
	}
	return appendString(append(b, 0), s)
}

// appendExplanation writes (v2) the key, the arguments (name, type, flags,
// then the fields the flags name) and the modifiers.
func appendExplanation(b []byte, e *engine.Explanation) []byte {
	b = appendSymbol(b, e.Key)
	b = binary.AppendUvarint(b, uint64(len(e.Args)))
	for i := range e.Args {
		a := &e.Args[i]
		b = appendSymbol(b, a.Name)
		b = appendSymbol(b, string(a.Type))
		var flags byte
		textSym, isSym := uint64(0), false
		if a.Text != "" {
			// Only a key argument's text is looked up: the others (rule
			// and customer names, invoices) are seldom symbols, and a
			// symbol written out reads back the same.
			if a.Type == engine.ArgKey {
				textSym, isSym = lineSymbolIndex[a.Text]
			}
			if isSym {
				flags |= argTextSym
			} else {
				flags |= argText
			}
		}
		if !a.Dec.IsZero() {
			flags |= argDec
		}
		if a.Currency != nil {
			flags |= argCurrency
		}
		if a.Date != 0 {
			flags |= argDate
		}
		if a.Places != 0 {
			flags |= argPlaces
		}
		if len(a.Items) > 0 {
			flags |= argItems
		}
		b = append(b, flags)
		switch {
		case isSym:
			b = binary.AppendUvarint(b, textSym)
		case flags&argText != 0:
			b = appendString(b, a.Text)
		}
		if flags&argDec != 0 {
			b = appendLineDecimal(b, a.Dec)
		}
		if c := a.Currency; c != nil {
			b = appendSymbol(b, c.Code)
			b = binary.AppendVarint(b, int64(c.MinorUnits))
		}
		if flags&argDate != 0 {
			b = binary.AppendVarint(b, int64(a.Date))
		}
		if flags&argPlaces != 0 {
			b = binary.AppendVarint(b, int64(a.Places))
		}
		if flags&argItems != 0 {
			b = appendExplanations(b, a.Items)
		}
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

// decodeLine reads a reward line in either compact form (v1 or v2).
func decodeLine(b []byte, l *engine.RewardLine) error {
	if len(b) == 0 {
		return errShort
	}
	if b[0] != lineCodecV1 && b[0] != lineCodecV2 {
		return fmt.Errorf("unknown reward line encoding %d", b[0])
	}
	r := lineReader{reader: reader{b: b[1:]}, v2: b[0] == lineCodecV2}
	*l = engine.RewardLine{}
	l.Period = r.string()
	l.ProgramID = engine.ID(r.uvarint())
	l.RuleKey = r.string()
	l.Payee.Kind = engine.PayeeKind(r.label())
	l.Payee.ID = engine.ID(r.uvarint())
	l.PartnerID = engine.ID(r.uvarint())
	l.Unit = engine.Unit(r.label())
	l.Amount = r.lineDecimal()
	l.Points = r.varint()
	l.Basis = r.lineDecimal()
	r.explanation(&l.Explanation, 0)
	l.Status = engine.LineStatus(r.label())
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

// lineReader walks an encoded line of either version.
type lineReader struct {
	reader
	v2 bool
}

// label reads a string that is usually one of a few constants: a symbol
// in v2, the string itself in v1.
func (r *lineReader) label() string {
	if r.v2 {
		return r.symbol()
	}
	return r.enum()
}

// symbol reads a string written by appendSymbol.
func (r *lineReader) symbol() string {
	n := r.uvarint()
	switch {
	case r.err != nil:
		return ""
	case n == 0:
		return r.enum()
	case n > uint64(len(lineSymbols)):
		r.err = fmt.Errorf("unknown line symbol %d", n)
		return ""
	}
	return lineSymbols[n-1]
}

// maxExplainDepth bounds nested explanations, so that crafted bytes cannot
// recurse without end.
const maxExplainDepth = 16

func (r *lineReader) explanation(e *engine.Explanation, depth int) {
	if depth > maxExplainDepth && r.err == nil {
		r.err = fmt.Errorf("explanations nested deeper than %d", maxExplainDepth)
	}
	if !r.v2 {
		r.explanationV1(e, depth)
		return
	}
	e.Key = r.symbol()
	if n := r.count(); n > 0 {
		e.Args = make([]engine.Arg, n)
		for i := range e.Args {
			a := &e.Args[i]
			a.Name = r.symbol()
			a.Type = engine.ArgType(r.symbol())
			flags := r.byte()
			if flags&^argAll != 0 || flags&(argText|argTextSym) == argText|argTextSym {
				if r.err == nil {
					r.err = fmt.Errorf("bad argument flags %#x", flags)
				}
				return
			}
			switch {
			case flags&argTextSym != 0:
				a.Text = r.symbol()
			case flags&argText != 0:
				a.Text = r.string()
			}
			if flags&argDec != 0 {
				a.Dec = r.lineDecimal()
			}
			if flags&argCurrency != 0 {
				a.Currency = &engine.Currency{Code: r.symbol(), MinorUnits: int32(r.varint())}
			}
			if flags&argDate != 0 {
				a.Date = engine.Date(r.varint())
			}
			if flags&argPlaces != 0 {
				a.Places = int32(r.varint())
			}
			if flags&argItems != 0 {
				a.Items = r.explanations(depth + 1)
			}
		}
	}
	e.More = r.explanations(depth + 1)
}

func (r *lineReader) explanations(depth int) []engine.Explanation {
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
