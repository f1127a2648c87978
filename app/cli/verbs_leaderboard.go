package cli

import (
	"fmt"

	"github.com/shopspring/decimal"

	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

func init() {
	register(&verb{name: "leaderboard", args: "PERIOD [--by revenue|points] [--reps] [--limit N] [--format table|csv|json]",
		summary: "rank partners (or reps) by credited revenue or points earned in a period, as the dashboard does", run: runLeaderboard})
}

func runLeaderboard(c *cmd, args []string) error {
	fs := c.flags()
	by := fs.String("by", "revenue", "")
	reps := fs.Bool("reps", false, "")
	limit := fs.Int("limit", 10, "")
	format := fs.String("format", "table", "")
	pos, err := c.parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	if *by != "revenue" && *by != "points" {
		return usagef("--by is revenue or points, not %q", *by)
	}
	if *limit < 0 {
		return usagef("--limit is a number of rows (0: all), not %d", *limit)
	}
	lb, err := c.svc.Leaderboard(pos[0], *limit)
	if err != nil {
		return err
	}
	rows := lb.PartnersByRevenue
	switch {
	case *reps && *by == "points":
		rows = lb.RepsByPoints
	case *reps:
		rows = lb.RepsByRevenue
	case *by == "points":
		rows = lb.PartnersByPoints
	}
	type jsonRow struct {
		Rank    int              `json:"rank"`
		Kind    engine.PayeeKind `json:"kind"`
		ID      engine.ID        `json:"id"`
		Name    string           `json:"name"`
		Partner string           `json:"partner"`
		Revenue decimal.Decimal  `json:"revenue"`
		Points  int64            `json:"points"`
	}
	t := &table{header: []string{"rank", "id", "name", "partner", "revenue", "points"}}
	js := []jsonRow{}
	prefix := map[engine.PayeeKind]string{engine.PayeePartner: "P", engine.PayeeRep: "R"}
	for i, r := range rows {
		t.add(i+1, fmt.Sprintf("%s%d", prefix[r.Payee.Kind], r.Payee.ID), r.Name, r.Partner, lb.Currency.Format(r.Revenue), r.Points)
		js = append(js, jsonRow{i + 1, r.Payee.Kind, r.Payee.ID, r.Name, r.Partner, r.Revenue, r.Points})
	}
	t.objects = js
	if err := t.print(c.stdout, *format); err != nil {
		return err
	}
	if *format == "table" {
		fmt.Fprintf(c.stdout, "%s, %s by %s, %s\n", lb.Period, who(*reps), *by, leaderNote(rows))
	}
	return nil
}

func who(reps bool) string {
	if reps {
		return "reps"
	}
	return "partners"
}

// leaderNote says how many rows the board holds, or why it is empty.
func leaderNote(rows []views.LeaderRow) string {
	if len(rows) == 0 {
		return "nobody ranks (no credited revenue or points in the period)"
	}
	return plural(len(rows), "row", "rows")
}
