package engine_test

import (
	"bytes"
	"strings"
	"testing"

	"partnerdesk/engine"
)

// FuzzParseProgramFile feeds arbitrary bytes to ParseProgramFile: it must
// never panic, and a program it accepts must write back with
// MarshalProgramFile and read again to the same program. Decimals are
// compared in their written form, since 1.50 and 1.5 are the same rate.
// Bounds (issue 12): an accepted program's dates lie within 1900..2199, and
// computing it over a small period never panics and fails only by naming
// a line beyond the line limit.
func FuzzParseProgramFile(f *testing.F) {
	for _, ex := range docExamples(f) {
		f.Add([]byte(ex))
	}
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"format":"partnerdesk-program","version":1}`))
	f.Add([]byte(`{"format":"partnerdesk-program","version":2,"name":"x"}`))
	f.Add([]byte(`{"format":"partnerdesk-program","version":1,"name":"R","period_kind":"monthly","rules":[{"key":"r","kind":"rate","rate":{"rate":"1e400"}}]}`))
	f.Add([]byte(fileHead + `"rules":[{"key":"f","name":"F","kind":"fund","fund":{"rate":"2","validity_days":1000000000000000000}}]}`))
	f.Add([]byte(fileHead + `"rules":[{"key":"r","name":"R","kind":"rate","rate":{"rate":"1e-9000"}}]}`))
	f.Add([]byte(fileHead + `"rules":[{"key":"r","name":"R","kind":"rate","rate":{}}]}`))
	f.Add([]byte(fileHead + `"budget":"1e15","rules":[{"key":"l","name":"L","kind":"loyalty","loyalty":{"points":"1000000000000","per":"0.0000000001"}}]}`))
	f.Add([]byte(fileHead + `"rules":[{"key":"s","name":"S","kind":"spif","spif":{"skus":["HW-1"],"from":"1900-01-01","to":"2199-12-31","amount":"10000000000000"}}]}`))
	f.Add([]byte("\xff\xfe{\x00"))
	f.Add([]byte(`[1,2,3]`))
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := engine.ParseProgramFile(b)
		if err != nil {
			if err.Error() == "" {
				t.Fatalf("ParseProgramFile(%q) failed with an empty message", b)
			}
			return
		}
		for _, dt := range []engine.Date{p.ValidFrom, p.ValidTo} {
			if dt != 0 && !engine.InDateRange(dt) {
				t.Fatalf("accepted a program dated %s", dt)
			}
		}
		in := exampleInputs()
		p.Currency = ""
		in.Programs = []engine.Program{p}
		in.Period = engine.ProgramPeriod(&p, engine.MustDate("2026-07-15"), 1)
		if _, err := engine.Compute(in); err != nil && !strings.Contains(err.Error(), "beyond the limit") {
			t.Fatalf("accepted program does not compute: %v\ninput: %q", err, b)
		}
		out, err := engine.MarshalProgramFile(p)
		if err != nil {
			t.Fatalf("accepted program does not marshal: %v\ninput: %q", err, b)
		}
		q, err := engine.ParseProgramFile(out)
		if err != nil {
			t.Fatalf("marshalled program does not parse again: %v\nmarshalled: %s", err, out)
		}
		again, err := engine.MarshalProgramFile(q)
		if err != nil {
			t.Fatalf("re-parsed program does not marshal: %v", err)
		}
		if !bytes.Equal(out, again) {
			t.Fatalf("program changed through a round trip:\nfirst:  %s\nsecond: %s", out, again)
		}
	})
}
