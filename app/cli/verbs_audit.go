package cli

import (
	"fmt"

	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

func init() {
	register(&verb{name: "audit", args: "[--who NAME] [--kind K [--id N]] [--from DATE] [--to DATE] [--limit N] [--entry N] [--format table|csv|json]",
		summary: "show the audit trail newest first, filtered by who, what and when (the window's Audit log); --entry N shows one entry's before and after field by field", run: runAudit})
}

func runAudit(c *cmd, args []string) error {
	fs := c.flags()
	var f views.AuditFilter
	fs.IntVar(&f.Limit, "limit", 50, "how many entries")
	format := fs.String("format", "table", "table, csv or json")
	fs.StringVar(&f.Who, "who", "", "only the entries of operators whose name contains this")
	fs.StringVar(&f.Kind, "kind", "", "only the entries about records of this kind, e.g. sale")
	id := fs.Uint64("id", 0, "only the entries about the record with this id (with --kind)")
	fs.StringVar(&f.From, "from", "", "only the entries made on or after this day")
	fs.StringVar(&f.To, "to", "", "only the entries made on or before this day")
	entry := fs.Uint64("entry", 0, "show this entry's record before and after, field by field")
	if _, err := c.parse(fs, args, 0, 0); err != nil {
		return err
	}
	if *entry != 0 {
		d, err := c.svc.AuditDetail(engine.ID(*entry))
		if err != nil {
			return err
		}
		e := d.Row.Entry
		fmt.Fprintf(c.stdout, "entry %d, %s by %s: %s\n", e.ID, e.At.Local().Format("2006-01-02 15:04:05"), e.Operator, d.Row.What)
		if d.Note != "" {
			fmt.Fprintln(c.stdout, d.Note)
		}
		t := &table{header: []string{"field", "before", "after", "changed"}, objects: d}
		for _, x := range d.Fields {
			mark := ""
			if x.Changed {
				mark = "*"
			}
			t.add(x.Field, x.Before, x.After, mark)
		}
		return t.print(c.stdout, *format)
	}
	f.ID = engine.ID(*id)
	rows, err := c.svc.AuditLog(f)
	if err != nil {
		return err
	}
	t := &table{header: []string{"entry", "at", "operator", "action", "kind", "id", "what"}, objects: rows}
	for _, r := range rows {
		e := r.Entry
		t.add(e.ID, e.At.Local().Format("2006-01-02 15:04:05"), e.Operator, e.Action, e.Kind, e.RecordID, r.What)
	}
	return t.print(c.stdout, *format)
}
