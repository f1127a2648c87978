package cli

import (
	"fmt"

	"partnerdesk/engine"
	"partnerdesk/engine/views"
)

func init() {
	register(&verb{name: "claims", args: "[--status requested|approved|rejected|reimbursed] [--partner P] [--format table|csv|json]",
		summary: "list fund claims (the window's Funds & points > Claims); a requested claim shows what approving it would approve", run: runClaims})
	register(&verb{name: "ledger", args: "PAYEE [--date D] [--format table|csv|json]",
		summary: "show the fund and points entries behind a partner's or rep's balances (P12, R7, a name or code)", run: runLedger})
}

func runClaims(c *cmd, args []string) error {
	fs := c.flags()
	status := fs.String("status", "", "only claims of this status")
	partner := fs.String("partner", "", "only this partner's claims")
	format := fs.String("format", "table", "")
	if _, err := c.parse(fs, args, 0, 0); err != nil {
		return err
	}
	rows, err := c.svc.Claims(engine.ClaimStatus(*status), *partner)
	if err != nil {
		return err
	}
	cur, err := c.currency()
	if err != nil {
		return err
	}
	t := &table{header: []string{"claim", "date", "partner", "name", "requested", "status", "approved", "approvable", "reference"}, objects: rows}
	for _, r := range rows {
		cl := r.Claim
		approved, approvable := "", ""
		if cl.Status == engine.ClaimApproved || cl.Status == engine.ClaimReimbursed {
			approved = cur.Format(cl.Approved)
		}
		if cl.Status == engine.ClaimRequested {
			approvable = cur.Format(r.Approvable)
		}
		t.add(cl.ID, cl.Date, fmt.Sprintf("P%d", cl.PartnerID), r.Partner, cur.Format(cl.Amount), cl.Status, approved, approvable, cl.Reference)
	}
	return t.print(c.stdout, *format)
}

func runLedger(c *cmd, args []string) error {
	fs := c.flags()
	date := fs.String("date", "", "")
	format := fs.String("format", "table", "")
	pos, err := c.parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	fv, pv, err := c.svc.Ledger(pos[0], *date)
	if err != nil {
		return err
	}
	cur, err := c.currency()
	if err != nil {
		return err
	}
	t := &table{header: []string{"ledger", "entry", "date", "kind", "amount", "points", "status", "left", "expires_on", "detail"},
		objects: map[string]any{"fund": fv, "points": pv}}
	add := func(ledger string, rows []views.LedgerRow, money bool) {
		for _, r := range rows {
			amount, points, left := "", "", ""
			if money {
				amount = cur.Format(r.Amount)
				if r.Kind == views.LedgerAccrual {
					left = cur.Format(r.Left)
				}
			} else {
				points = fmt.Sprint(r.Points)
				if r.Kind == views.LedgerEarned {
					left = fmt.Sprint(r.LeftPoints)
				}
			}
			id := ""
			if r.ID != 0 {
				id = fmt.Sprint(r.ID)
			}
			exp := ""
			if r.ExpiresOn != 0 {
				exp = r.ExpiresOn.String()
			}
			t.add(ledger, id, r.Date, r.Kind, amount, points, r.Status, left, exp, r.Detail)
		}
	}
	if fv != nil {
		add("fund", fv.Ledger, true)
		t.add("fund", "", "", "balance", cur.Format(fv.Balance), "", "", "", "", "")
	}
	add("points", pv.Ledger, false)
	t.add("points", "", "", "balance", "", pv.Balance, "", "", "", "")
	return t.print(c.stdout, *format)
}
