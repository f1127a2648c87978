package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"partnerdesk/app"
	"partnerdesk/data/atomicfile"
	"partnerdesk/data/imports"
	"partnerdesk/engine"
	"partnerdesk/engine/i18n"
)

func init() {
	register(&verb{name: "import", args: "KIND FILE [--mapping NAME] [--dry-run] [--save-mapping NAME]",
		summary: "import a CSV or XLSX file of partners, reps, products, sales, registrations, trainings or activities (all rows or none)", run: runImport})
	register(&verb{name: "template", args: "KIND [--format csv|xlsx] [-o FILE]", summary: "write an import template (headers and example rows)", noStore: true, run: runTemplate})
	register(&verb{name: "export", args: "KIND PERIOD --format csv|xlsx -o FILE", summary: "export lines, payouts, funds, points or the accountant's journal of what is dated in a period (lines: periods inside it); CSV in the company's style (docs/exports.md)", run: runExport})
	register(&verb{name: "programs", args: "", summary: "list programs", run: runPrograms})
	register(&verb{name: "program", args: "import FILE.json [--replace | --from PERIOD] | export NAME [-o FILE] | templates | new --template T [--name N] [--from D]", summary: "import or export a program definition (versioned JSON), or start one from a template", run: runProgram})
	register(&verb{name: "simulate", args: "PERIOD --program FILE.json", summary: "compute a draft or changed program over a period without writing; compare with what was paid", run: runSimulate})
}

func runImport(c *cmd, args []string) error {
	fs := c.flags()
	mname := fs.String("mapping", "", "a saved mapping's name")
	dry := fs.Bool("dry-run", false, "check every row, write nothing")
	save := fs.String("save-mapping", "", "remember the mapping used under this name")
	pos, err := c.parse(fs, args, 2, 2)
	if err != nil {
		return err
	}
	kind, err := imports.ParseKind(pos[0])
	if err != nil {
		return usagef("%v", err)
	}
	var m *imports.Mapping
	if *mname != "" {
		header, err := app.FileHeader(pos[1])
		if err != nil {
			return err
		}
		mm, _, err := c.svc.ResolveMapping(kind, *mname, header)
		if err != nil {
			return err
		}
		m = &mm
	}
	rep, err := c.svc.Import(kind, pos[1], m, *dry, terminalBar(c.stderr, "import"))
	if errors.Is(err, app.ErrImportRejected) {
		for _, e := range rep.Errors {
			col := e.Column
			if col == "" {
				col = "-"
			}
			fmt.Fprintf(c.stderr, "%s: line %d, column %s: %s\n", pos[1], e.Line, col, e.Reason)
		}
		return fmt.Errorf("%s: %d problems in %d rows; nothing was written", pos[1], len(rep.Errors), rep.Rows)
	}
	if err != nil {
		return err
	}
	if len(rep.Ignored) > 0 {
		fmt.Fprintf(c.stderr, "columns not imported: %s\n", strings.Join(rep.Ignored, ", "))
	}
	if *save != "" {
		rep.Mapping.Name = *save
		if err := c.svc.SaveMapping(rep.Mapping); err != nil {
			return err
		}
	}
	if *dry {
		fmt.Fprintf(c.stdout, "%s: %d rows checked, no problems (dry run: nothing written)\n", pos[1], rep.Rows)
		return nil
	}
	fmt.Fprintf(c.stdout, "%s: %d %s imported\n", pos[1], rep.Written, kind)
	return nil
}

func runTemplate(c *cmd, args []string) error {
	fs := c.flags()
	format := fs.String("format", "", "csv or xlsx (default: from -o, else csv)")
	out := fs.String("o", "", "output file (default: standard output for csv)")
	pos, err := c.parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	kind, err := imports.ParseKind(pos[0])
	if err != nil {
		return usagef("%v", err)
	}
	f := *format
	if f == "" {
		f = "csv"
		if strings.HasSuffix(strings.ToLower(*out), ".xlsx") {
			f = "xlsx"
		}
	}
	if *out == "" {
		if f == "xlsx" {
			return usagef("an xlsx template needs -o FILE")
		}
		return imports.WriteTemplate(c.stdout, kind, f)
	}
	err = atomicfile.Write(*out, 0o600, func(w io.Writer) error { return imports.WriteTemplate(w, kind, f) })
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "%s template written to %s\n", kind, *out)
	return nil
}

func runExport(c *cmd, args []string) error {
	fs := c.flags()
	format := fs.String("format", "", "csv or xlsx")
	out := fs.String("o", "", "output file")
	payee := fs.String("payee", "", "with export statement: the payee")
	pos, err := c.parse(fs, args, 2, 2)
	if err != nil {
		return err
	}
	if *out == "" {
		return usagef("export needs -o FILE")
	}
	if pos[0] == "statement" {
		if *payee == "" {
			return usagef("export statement needs --payee")
		}
		return c.svc.SaveStatement(*payee, pos[1], *out, *format)
	}
	n, err := c.svc.ExportToFile(pos[0], pos[1], *format, *out, terminalBar(c.stderr, "export"))
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "%d rows of %s written to %s\n", n, pos[0], *out)
	return nil
}

func runPrograms(c *cmd, args []string) error {
	if _, err := c.parse(c.flags(), args, 0, 0); err != nil {
		return err
	}
	ps, err := c.svc.Programs()
	if err != nil {
		return err
	}
	co, _ := c.svc.Company()
	t := &table{header: []string{"id", "name", "status", "period", "valid_from", "valid_to", "budget", "rules"}, objects: ps}
	for _, p := range ps {
		var kinds []string
		for _, r := range p.Rules {
			kinds = append(kinds, string(r.Kind))
		}
		t.add(p.ID, p.Name, p.Status, p.PeriodKind, p.ValidFrom, p.ValidTo, i18n.Money(p.Budget, co.Currency, "en"), strings.Join(kinds, ","))
	}
	return t.print(c.stdout, "table")
}

func runProgram(c *cmd, args []string) error {
	fs := c.flags()
	out := fs.String("o", "", "output file")
	replace := fs.Bool("replace", false, "import: replace the active program the file matches")
	template := fs.String("template", "", "new: the template")
	name := fs.String("name", "", "new: the program's name (default: the template's)")
	from := fs.String("from", "", "new: first valid day (default: the first of this month); import: the period the file's rules count from")
	pos, err := c.parse(fs, args, 1, 2)
	if err != nil {
		return err
	}
	switch {
	case pos[0] == "templates" && len(pos) == 1:
		return runProgramTemplates(c)
	case pos[0] == "new" && len(pos) == 1:
		return runProgramNew(c, *template, *name, *from)
	case len(pos) != 2:
		return usagef("program takes import FILE, export NAME, templates or new --template T")
	}
	switch pos[0] {
	case "import":
		b, err := os.ReadFile(pos[1])
		if err != nil {
			return err
		}
		importer := c.svc.ImportProgram
		if *replace {
			importer = c.svc.ImportProgramReplacing
		}
		if *from != "" {
			importer = func(b []byte) (engine.Program, error) { return c.svc.ImportProgramFrom(b, *from) }
		}
		p, err := importer(b)
		var re *engine.ReplaceProgramError
		if errors.As(err, &re) {
			return fmt.Errorf("%s: %w; nothing was saved: run program import --replace %s to replace the rules in every open period, or program import --from PERIOD %s to change them from that period on (earlier open periods keep the current rules)", pos[1], err, pos[1], pos[1])
		}
		if err != nil {
			return fmt.Errorf("%s: %w", pos[1], err)
		}
		fmt.Fprintf(c.stdout, "program %d %q saved (%d rules, %s)\n", p.ID, p.Name, len(p.Rules), p.Status)
		return nil
	case "export":
		b, err := c.svc.ExportProgram(pos[1])
		if err != nil {
			return err
		}
		if *out == "" {
			_, err = c.stdout.Write(b)
			return err
		}
		return atomicfile.WriteFile(*out, b, 0o600)
	}
	return usagef("program takes import FILE, export NAME, templates or new --template T")
}

func runSimulate(c *cmd, args []string) error {
	fs := c.flags()
	file := fs.String("program", "", "program file")
	pos, err := c.parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	if *file == "" {
		return usagef("simulate needs --program FILE.json")
	}
	b, err := os.ReadFile(*file)
	if err != nil {
		return err
	}
	p, err := c.svc.ReadProgram(b)
	if err != nil {
		return fmt.Errorf("%s: %w", *file, err)
	}
	sim, err := c.svc.Simulate(p, pos[0])
	if err != nil {
		return err
	}
	t := &table{header: []string{"payee", "name", "simulated", "fund", "points", "paid", "difference"}, objects: sim}
	for _, r := range sim.Rows {
		t.add(fmt.Sprintf("%s %d", r.Payee.Kind, r.Payee.ID), r.Name, sim.Currency.Format(r.Simulated), sim.Currency.Format(r.Fund), r.Points, sim.Currency.Format(r.Actual), sim.Currency.Format(r.Diff))
	}
	if err := t.print(c.stdout, "table"); err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "%s over %s: simulated %s, paid %s, difference %s (nothing was written)\n", sim.Program, sim.Period,
		i18n.Money(sim.Total, sim.Currency, "en"), i18n.Money(sim.Actual, sim.Currency, "en"), i18n.Money(sim.Total.Sub(sim.Actual), sim.Currency, "en"))
	return nil
}
