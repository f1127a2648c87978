package cli

import (
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"partnerdesk/data/atomicfile"
	"partnerdesk/engine"
)

// ladderUsage lists the `tiers ladder` sub-verbs (docs/programs.md).
const ladderUsage = "tiers ladder [export [-o FILE] | import FILE | add NAME [--at N] [criteria] | set NAME [criteria] | " +
	"rename OLD NEW | move NAME POSITION | remove NAME | window MONTHS]; criteria: --revenue X --units X --certifications N --won-registrations N --activity-points N"

// runTiersLadder runs `tiers ladder ...` (args after "ladder").
//
// It is long because it is the table of the seven `tiers ladder` sub-verbs,
// each a few lines of flags and one use-case call; splitting it would
// scatter the sub-verbs' usage from their parsing.
func runTiersLadder(c *cmd, args []string) error {
	fs := c.flags()
	out := fs.String("o", "", "export: output file")
	at := fs.Int("at", 0, "add: position, 1 = lowest (default: on top)")
	revenue := fs.String("revenue", "", "revenue over the window")
	units := fs.String("units", "", "units over the window")
	certs := fs.Int("certifications", 0, "active certifications")
	regs := fs.Int("won-registrations", 0, "won deal registrations")
	points := fs.Int("activity-points", 0, "activity points")
	pos, err := c.parse(fs, args, 0, 3)
	if err != nil {
		return usagef("%v; usage: partnerdesk %s", err, ladderUsage)
	}
	// criteria returns cr with the criteria flags given on the command
	// line: add starts from zero, set from the level's criteria.
	criteria := func(cr engine.TierCriteria) (engine.TierCriteria, error) {
		given := map[string]bool{}
		fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
		if given["certifications"] {
			cr.Certifications = *certs
		}
		if given["won-registrations"] {
			cr.WonRegistrations = *regs
		}
		if given["activity-points"] {
			cr.ActivityPoints = *points
		}
		for _, f := range []struct {
			flag, v string
			to      *decimal.Decimal
		}{{"revenue", *revenue, &cr.Revenue}, {"units", *units, &cr.Units}} {
			if !given[f.flag] {
				continue
			}
			d, err := decimal.NewFromString(strings.TrimSpace(f.v))
			if err != nil {
				return cr, usagef("--%s: %q is not a number", f.flag, f.v)
			}
			*f.to = d
		}
		return cr, nil
	}
	need := func(n int) error {
		if len(pos) != n {
			return usagef("usage: partnerdesk %s", ladderUsage)
		}
		return nil
	}
	var l engine.TierLadder
	if len(pos) == 0 {
		if l, err = c.svc.Ladder(); err != nil {
			return err
		}
		return printLadder(c, l)
	}
	switch pos[0] {
	case "export":
		if err := need(1); err != nil {
			return err
		}
		b, err := c.svc.ExportLadder()
		if err != nil {
			return err
		}
		if *out == "" {
			_, err = c.stdout.Write(b)
			return err
		}
		if err := atomicfile.WriteFile(*out, b, 0o600); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "tier ladder written to %s\n", *out)
		return nil
	case "import":
		if err := need(2); err != nil {
			return err
		}
		b, err := os.ReadFile(pos[1])
		if err != nil {
			return err
		}
		if l, err = c.svc.ImportLadder(b); err != nil {
			return fmt.Errorf("%s: %w; nothing was saved", pos[1], err)
		}
	case "add", "set":
		if err := need(2); err != nil {
			return err
		}
		var base engine.TierCriteria
		if pos[0] == "set" {
			cur, err := c.svc.Ladder()
			if err != nil {
				return err
			}
			for _, lv := range cur.Levels {
				if engine.SameName(lv.Name, pos[1]) {
					base = lv.Criteria
				}
			}
		}
		cr, err := criteria(base)
		if err != nil {
			return err
		}
		if pos[0] == "add" {
			l, err = c.svc.AddTier(pos[1], *at, cr)
		} else {
			l, err = c.svc.SetTierCriteria(pos[1], cr)
		}
		if err != nil {
			return err
		}
	case "rename":
		if err := need(3); err != nil {
			return err
		}
		res, err := c.svc.RenameTier(pos[1], pos[2])
		if err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "renamed %q to %q: %d tier history records", pos[1], pos[2], res.TierChanges)
		if len(res.Programs) > 0 {
			fmt.Fprintf(c.stdout, ", programs %s", strings.Join(res.Programs, ", "))
		}
		fmt.Fprintln(c.stdout)
		l = res.Ladder
	case "move":
		if err := need(3); err != nil {
			return err
		}
		n, err := strconv.Atoi(pos[2])
		if err != nil {
			return usagef("move NAME POSITION: %q is not a position (1 = lowest)", pos[2])
		}
		if l, err = c.svc.MoveTier(pos[1], n); err != nil {
			return err
		}
	case "remove":
		if err := need(2); err != nil {
			return err
		}
		if l, err = c.svc.RemoveTier(pos[1]); err != nil {
			return err
		}
	case "window":
		if err := need(2); err != nil {
			return err
		}
		n, err := strconv.Atoi(pos[1])
		if err != nil {
			return usagef("window MONTHS: %q is not a number of months", pos[1])
		}
		if l, err = c.svc.SetLadderWindow(n); err != nil {
			return err
		}
	default:
		return usagef("usage: partnerdesk %s", ladderUsage)
	}
	return printLadder(c, l)
}

// printLadder prints the levels, lowest first, with their criteria.
func printLadder(c *cmd, l engine.TierLadder) error {
	if len(l.Levels) == 0 {
		fmt.Fprintln(c.stdout, "the company has no tier ladder yet: tiers ladder import FILE, or tiers ladder add NAME")
		return nil
	}
	co, _ := c.svc.Company()
	t := &table{header: []string{"position", "level", "revenue", "units", "certifications", "won_registrations", "activity_points"}, objects: l}
	for i, lv := range l.Levels {
		cr := lv.Criteria
		t.add(i+1, lv.Name, co.Currency.Format(cr.Revenue), cr.Units.String(), cr.Certifications, cr.WonRegistrations, cr.ActivityPoints)
	}
	if err := t.print(c.stdout, "table"); err != nil {
		return err
	}
	w := l.WindowMonths
	if w <= 0 {
		w = 12
	}
	fmt.Fprintf(c.stdout, "criteria are measured over the trailing %d months\n", w)
	return nil
}
