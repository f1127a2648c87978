package data

import (
	"partnerdesk/engine"
)

// explanationV1 reads an explanation of a v1 line: key, arguments (name,
// type, text, decimal, currency with a presence byte, date, places,
// items) and modifiers, every string spelled out.
func (r *lineReader) explanationV1(e *engine.Explanation, depth int) {
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
