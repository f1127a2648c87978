package engine_test

import (
	"bytes"
	"testing"

	"partnerdesk/engine"
)

// FuzzParseProgramFile feeds arbitrary bytes to ParseProgramFile: it must
// never panic, and a program it accepts must write back with
// MarshalProgramFile and read again to the same program. Decimals are
// compared in their written form, since 1.50 and 1.5 are the same rate.
func FuzzParseProgramFile(f *testing.F) {
	for _, ex := range docExamples(f) {
		f.Add([]byte(ex))
	}
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"format":"partnerdesk-program","version":1}`))
	f.Add([]byte(`{"format":"partnerdesk-program","version":2,"name":"x"}`))
	f.Add([]byte(`{"format":"partnerdesk-program","version":1,"name":"R","period_kind":"monthly","rules":[{"key":"r","kind":"rate","rate":{"rate":"1e400"}}]}`))
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
