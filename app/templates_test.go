package app_test

import (
	"path/filepath"
	"strings"
	"testing"

	"partnerdesk/app"
	"partnerdesk/engine"
)

// Issue 14 item 7: a template for each of SPEC.md's eleven "Programs real
// vendors run", each valid, with golden examples that pass, and each
// computing on the demo company (a simulation over its first period).
func TestTemplatesComputeOnDemo(t *testing.T) {
	svc := newDemo(t, "2026-06-30", "2026-07-05")
	co, err := svc.Company()
	must(t, err)
	ts := app.ProgramTemplates()
	if len(ts) != 11 {
		t.Fatalf("%d templates, want one for each of the 11 programs SPEC.md lists", len(ts))
	}
	start := engine.MustDate("2026-01-01")
	var lines, paying int
	for _, tp := range ts {
		t.Run(tp.Name, func(t *testing.T) {
			p, err := svc.TemplateProgram(tp.Name, start)
			must(t, err)
			if p.Status != engine.ProgramDraft || len(p.Examples) == 0 {
				t.Fatalf("template %s: status %s, %d examples", tp.Name, p.Status, len(p.Examples))
			}
			p.Currency = co.Currency.Code
			must(t, engine.ValidateProgram(p))
			rs, err := engine.RunExamples(p, co)
			must(t, err)
			for _, r := range rs {
				if !r.Pass {
					t.Errorf("example %q rule %s computes %s / %d points", r.Example, r.Rule, r.Amount, r.Points)
				}
			}
			// The first period of its kind, from January to June, in
			// which it pays anything (a yearly one: 2026).
			n := 0
			for per := engine.ProgramPeriod(&p, start, co.FiscalYearStart); per.Start <= engine.MustDate("2026-06-30"); per = per.Next(co.FiscalYearStart) {
				sim, err := svc.Simulate(p, per.Key)
				if err != nil {
					t.Fatalf("simulate %s over %s: %v", tp.Name, per.Key, err)
				}
				if n = len(sim.Lines); n > 0 {
					break
				}
			}
			lines += n
			if n > 0 {
				paying++
			}
			// Saved as a new draft under its own name, examples checked.
			saved, err := svc.NewProgramFromTemplate(tp.Name, "Template "+tp.Name, start)
			must(t, err)
			if saved.ID == 0 || saved.Status != engine.ProgramDraft {
				t.Errorf("saved %+v", saved)
			}
		})
	}
	// The demo's partners sell, refer, train and register deals in the
	// first half year: every template pays someone.
	if paying != len(ts) {
		t.Errorf("only %d of %d templates paid anything on the demo (%d lines)", paying, len(ts), lines)
	}
	if _, err := svc.NewProgramFromTemplate("volume-rebate", "Template volume-rebate", start); err == nil || !strings.Contains(err.Error(), "already named") {
		t.Errorf("a second program of the same name: %v", err)
	}
	if _, err := svc.TemplateProgram("nope", 0); err == nil || !strings.Contains(err.Error(), "mrr-spif") {
		t.Errorf("unknown template: %v", err)
	}
}

// On a company without a ladder or products: templates that need no SKU
// save; the SPIF template says what it needs.
func TestTemplatesOnEmptyCompany(t *testing.T) {
	svc := tiny(t, "2026-03-10")
	p, err := svc.NewProgramFromTemplate("volume-rebate", "", 0)
	must(t, err)
	if p.ValidFrom != engine.MustDate("2026-03-01") || len(p.Examples) != 1 || p.Rules[0].TierMultipliers != nil {
		t.Errorf("volume rebate without a ladder: %+v", p)
	}
	// tiny has a product (LIC-1): the SPIF names it.
	sp, err := svc.NewProgramFromTemplate("mrr-spif", "", 0)
	must(t, err)
	if sp.Rules[0].SPIF.SKUs[0] != "LIC-1" || sp.Rules[0].SPIF.To != engine.MustDate("2026-05-31") {
		t.Errorf("spif %+v", sp.Rules[0].SPIF)
	}
}

func TestCLIProgramTemplates(t *testing.T) {
	db := filepath.Join(t.TempDir(), "pd.db")
	run := func(want int, args ...string) string {
		t.Helper()
		code, out, errs := mainArgs(append([]string{"--db", db}, args...), nil)
		if code != want {
			t.Fatalf("%v: exit %d, want %d; %s %s", args, code, want, out, errs)
		}
		return out + errs
	}
	run(0, "init", "--company", "New")
	out := run(0, "program", "templates")
	for _, tp := range app.ProgramTemplates() {
		if !strings.Contains(out, tp.Name) {
			t.Errorf("templates list lacks %s", tp.Name)
		}
	}
	if out := run(0, "program", "new", "--template", "volume-rebate", "--from", "2026-01-01"); !strings.Contains(out, `"Volume rebate" saved as a draft`) || !strings.Contains(out, "1 golden example,") {
		t.Errorf("new: %q", out)
	}
	if out := run(1, "program", "new", "--template", "mrr-spif"); !strings.Contains(out, "add a product first") {
		t.Errorf("spif without products: %q", out)
	}
	// program import --from PERIOD keeps the rules before it as a version.
	f := filepath.Join(filepath.Dir(db), "rebate.json")
	run(0, "program", "export", "Volume rebate", "-o", f)
	run(0, "program", "import", f, "--from", "2026-Q3")
	if out := run(0, "program", "export", "Volume rebate"); !strings.Contains(out, `"rules_from": "2026-07-01"`) || !strings.Contains(out, `"earlier_rules"`) {
		t.Errorf("after import --from: %s", out)
	}
	if out := run(2, "program", "new"); !strings.Contains(out, "--template") {
		t.Errorf("usage: %q", out)
	}
}
