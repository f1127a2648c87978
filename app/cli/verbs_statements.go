package cli

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"sort"

	"partnerdesk/engine"
)

func init() {
	register(&verb{name: "statement", args: "PAYEE PERIOD -o FILE.pdf|.csv|.xlsx", summary: "write one payee's statement (PDF in the partner's language, or its data)", run: runStatement})
	register(&verb{name: "statements", args: "PERIOD -o DIR", summary: "write a PDF statement for every payee with lines in the period", run: runStatements})
	register(&verb{name: "tiers", args: "review [--date D] | apply PARTNER TIER --from D [--note N] | ladder ... (tiers ladder help)", summary: "propose tier changes from the trailing window, apply one, or show and change the tier ladder", run: runTiers})
}

func runStatement(c *cmd, args []string) error {
	fs := c.flags()
	out := fs.String("o", "", "output file")
	format := fs.String("format", "", "pdf, csv or xlsx (default: from -o)")
	pos, err := c.parse(fs, args, 2, 2)
	if err != nil {
		return err
	}
	if *out == "" {
		return usagef("statement needs -o FILE")
	}
	if err := c.svc.SaveStatement(pos[0], pos[1], *out, *format); err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "statement written to %s\n", *out)
	return nil
}

func runStatements(c *cmd, args []string) error {
	fs := c.flags()
	out := fs.String("o", "", "output folder")
	pos, err := c.parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	if *out == "" {
		return usagef("statements needs -o DIR")
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	res, err := c.svc.PrintAll(ctx, pos[0], *out, terminalBar(c.stderr, "statements"))
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "%d statements written to %s\n", len(res.Files), res.Dir)
	var names []string
	for n := range res.Failed {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(c.stderr, "not written: %s: %s\n", n, res.Failed[n])
	}
	if res.Canceled {
		return fmt.Errorf("canceled after %d statements", len(res.Files))
	}
	if len(res.Failed) > 0 {
		return fmt.Errorf("%d statements could not be written", len(res.Failed))
	}
	return nil
}

func runTiers(c *cmd, args []string) error {
	if len(args) > 0 && args[0] == "ladder" {
		return runTiersLadder(c, args[1:])
	}
	fs := c.flags()
	date := fs.String("date", "", "review as of (default today)")
	from := fs.String("from", "", "apply from this day")
	note := fs.String("note", "", "")
	pos, err := c.parse(fs, args, 1, 3)
	if err != nil {
		return err
	}
	switch pos[0] {
	case "review":
		day, err := c.svc.DayOrToday("date", *date)
		if err != nil {
			return err
		}
		ps, err := c.svc.TierReview(day)
		if err != nil {
			return err
		}
		cur, err := c.currency()
		if err != nil {
			return err
		}
		names := map[engine.ID]string{}
		all, _ := c.svc.Partners("")
		for _, p := range all {
			names[p.ID] = p.Name
		}
		t := &table{header: []string{"partner", "name", "current", "proposed", "revenue", "units", "certifications", "won_registrations", "activity_points"}, objects: ps}
		for _, p := range ps {
			t.add(fmt.Sprintf("P%d", p.PartnerID), names[p.PartnerID], p.Current, p.Proposed, cur.Format(p.Evidence.Revenue), p.Evidence.Units.String(), p.Evidence.Certifications, p.Evidence.WonRegistrations, p.Evidence.ActivityPoints)
		}
		return t.print(c.stdout, "table")
	case "apply":
		if len(pos) != 3 || *from == "" {
			return usagef("tiers apply PARTNER TIER --from DATE")
		}
		d, err := engine.ParseDate(*from)
		if err != nil {
			return usagef("--from: %v", err)
		}
		tc, err := c.svc.ApplyTier(pos[1], pos[2], d, *note)
		if err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "partner %d holds %s from %s (counts from the period after a mid-period change)\n", tc.PartnerID, tc.Tier, tc.From)
		return nil
	}
	return usagef("tiers takes review, apply or ladder")
}
