package cli

import (
	"fmt"

	"partnerdesk/app"
	"partnerdesk/engine"
)

// runProgramTemplates prints `program templates`.
func runProgramTemplates(c *cmd) error {
	ts := app.ProgramTemplates()
	t := &table{header: []string{"template", "program", "what real vendors run"}}
	for _, tp := range ts {
		t.add(tp.Name, tp.Title, tp.Summary)
	}
	if err := t.print(c.stdout, "table"); err != nil {
		return err
	}
	fmt.Fprintln(c.stdout, "start one with: partnerdesk program new --template NAME [--name N] [--from YYYY-MM-DD]")
	return nil
}

// runProgramNew runs `program new --template T`.
func runProgramNew(c *cmd, template, name, from string) error {
	if template == "" {
		return usagef("program new needs --template NAME (see program templates)")
	}
	var start engine.Date
	if from != "" {
		d, err := engine.ParseDate(from)
		if err != nil {
			return usagef("--from: %v", err)
		}
		start = d
	}
	p, err := c.svc.NewProgramFromTemplate(template, name, start)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "program %d %q saved as a draft from the template %s (%s, %s, valid from %s): export it to edit, activate it when ready\n",
		p.ID, p.Name, template, plural(len(p.Rules), "rule", "rules"), plural(len(p.Examples), "golden example", "golden examples"), p.ValidFrom)
	return nil
}
