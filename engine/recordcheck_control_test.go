package engine_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"partnerdesk/engine"
)

// Names with a control or invisible format character are refused at entry
// (issue 16 item 6: 588 exported cells held program names beginning with
// NUL and a formula trigger, entered through a program file); letters of
// every script, and the zero-width joiners that scripts and emoji need,
// pass.
func TestNamesRefuseControlCharacters(t *testing.T) {
	f := world()
	for _, name := range []string{"\x00=1+1", "ACME\tGmbH", "Line\nbreak", "\u202eevil", "A\u0085B", "\ufeffBOM"} {
		p := engine.Partner{Name: name, Kind: engine.KindVAR}
		if errs := engine.CheckPartner(&p, f); !strings.Contains(problem(errs, "name"), "control character") {
			t.Errorf("partner %q: %v, want name refused", name, errs)
		}
		r := engine.Rep{PartnerID: 1, Name: name}
		if errs := engine.CheckRep(&r, f); !strings.Contains(problem(errs, "name"), "control character") {
			t.Errorf("rep %q: %v, want name refused", name, errs)
		}
		pr := engine.Product{SKU: "NEW-1", Name: name}
		if errs := engine.CheckProduct(&pr, f); !strings.Contains(problem(errs, "name"), "control character") {
			t.Errorf("product %q: %v, want name refused", name, errs)
		}
		body := fileHead[:len(fileHead)-len(`"name":"P","period_kind":"quarter","valid_from":"2026-01-01","status":"active",`)] +
			`"name":` + jsonString(name) + `,"period_kind":"quarter","valid_from":"2026-01-01","status":"active","rules":[{"key":"r","name":` + jsonString(name) + `,"kind":"rate","rate":{"rate":"2"}}]}`
		_, err := engine.ParseProgramFile([]byte(body))
		var errs engine.ValidationErrors
		if !errors.As(err, &errs) || !strings.Contains(problem(errs, "name"), "control character") || !strings.Contains(problem(errs, "rules[0].name"), "control character") {
			t.Errorf("program file named %q: %v, want name and rules[0].name refused", name, err)
		}
	}
	for _, name := range []string{"Müller Systeme", "Ωμέγα ΑΕ", "東京商事", "مهرداد\u200cپور", "👩\u200d💻 Studio"} {
		p := engine.Partner{Name: name, Kind: engine.KindVAR}
		if errs := engine.CheckPartner(&p, f); errs != nil {
			t.Errorf("partner %q refused: %v", name, errs)
		}
	}
}

func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
