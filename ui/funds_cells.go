package ui

// What the funds, points and claims tables show in each cell.

import (
	"strconv"

	"fyne.io/fyne/v2"

	"partnerdesk/engine"
	"partnerdesk/engine/i18n"
	"partnerdesk/engine/views"
)

// fixedWidth lays its objects out w wide (and as tall as they need).
type fixedWidth float32

func (w fixedWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(float32(w), h)
}

func (w fixedWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(fyne.NewSize(float32(w), size.Height))
	}
}

// ledgerColumns are the columns of a ledger; figure names the amount's.
// The screen lists a ledger newest first (the rows come oldest first):
// what just happened is what the user looks for, with no scrolling.
func ledgerColumns(figure string) []column {
	return []column{
		{Title: T("Date"), Width: 110},
		{Title: T("Entry"), Width: 120},
		{Title: figure, Width: 100, Align: fyne.TextAlignTrailing},
		{Title: T("Left"), Width: 90, Align: fyne.TextAlignTrailing},
		{Title: T("Expires"), Width: 110},
		{Title: T("Detail"), Width: 75},
	}
}

// columnWidths are the declared widths of cols.
func columnWidths(cols []column) []float32 {
	out := make([]float32, len(cols))
	for i, c := range cols {
		out[i] = c.Width
	}
	return out
}

// ledgerKind names a ledger row's kind in the window's language.
func ledgerKind(r views.LedgerRow) string {
	switch r.Kind {
	case views.LedgerAccrual:
		return T("Accrual")
	case views.LedgerClawback:
		return T("Claw-back")
	case views.LedgerClaim:
		return claimStatusText(r.Status)
	case views.LedgerExpiry, views.LedgerExpired:
		return T("Expired")
	case views.LedgerEarned:
		return T("Earned")
	case views.LedgerRedeemed:
		return T("Redeemed")
	}
	return r.Kind
}

// claimStatusText names a claim's status.
func claimStatusText(s engine.ClaimStatus) string {
	switch s {
	case engine.ClaimRequested:
		return T("Claim waiting")
	case engine.ClaimApproved:
		return T("Claim approved")
	case engine.ClaimRejected:
		return T("Claim rejected")
	case engine.ClaimReimbursed:
		return T("Claim reimbursed")
	}
	return string(s)
}

// claimStatusWord names a claim's status in one word, for the claims list.
func claimStatusWord(s engine.ClaimStatus) string {
	switch s {
	case engine.ClaimRequested:
		return T("Waiting")
	case engine.ClaimApproved:
		return T("Approved")
	case engine.ClaimRejected:
		return T("Rejected")
	case engine.ClaimReimbursed:
		return T("Reimbursed")
	}
	return string(s)
}

func (sc *fundsScreen) ledgerCell(r views.LedgerRow, col int, money bool) string {
	switch col {
	case 0:
		return i18n.Date(r.Date, sc.format.lang)
	case 1:
		return ledgerKind(r)
	case 2:
		if !money {
			return i18n.Points(r.Points, sc.format.lang)
		}
		if r.Kind == views.LedgerClaim && r.Status != engine.ClaimApproved && r.Status != engine.ClaimReimbursed {
			return "(" + sc.format.amount(r.Requested) + ")"
		}
		return sc.format.amount(r.Amount)
	case 3:
		switch {
		case money && r.Kind == views.LedgerAccrual:
			return sc.format.amount(r.Left)
		case !money && r.Kind == views.LedgerEarned:
			return i18n.Points(r.LeftPoints, sc.format.lang)
		}
	case 4:
		return i18n.Date(r.ExpiresOn, sc.format.lang)
	case 5:
		return r.Detail
	}
	return ""
}

func (sc *fundsScreen) fundCell(row, col int) string {
	f := sc.funds[row]
	switch col {
	case 0:
		return f.Partner
	case 1:
		return sc.format.amount(f.Accrued)
	case 2:
		return sc.format.amount(f.Balance)
	case 3:
		if f.Expiring30.IsZero() {
			return "–"
		}
		return sc.format.amount(f.Expiring30)
	case 4:
		return i18n.Date(f.NextExpiry, sc.format.lang)
	case 5:
		if f.Waiting == 0 {
			return ""
		}
		return strconv.Itoa(f.Waiting)
	}
	return ""
}

func (sc *fundsScreen) pointsCell(row, col int) string {
	p := sc.points[row]
	n := func(v int64) string { return i18n.Points(v, sc.format.lang) }
	switch col {
	case 0:
		return p.Name
	case 1:
		return p.Partner
	case 2:
		return n(p.Earned)
	case 3:
		return n(p.Redeemed)
	case 4:
		return n(p.Expired)
	case 5:
		return n(p.Balance)
	case 6:
		if p.Expiring30 == 0 {
			return "–"
		}
		return n(p.Expiring30)
	case 7:
		return i18n.Date(p.NextExpiry, sc.format.lang)
	}
	return ""
}

func (sc *fundsScreen) claimCell(row, col int) string {
	r := sc.claims[row]
	c := r.Claim
	switch col {
	case 0:
		return strconv.FormatUint(uint64(c.ID), 10)
	case 1:
		return i18n.Date(c.Date, sc.format.lang)
	case 2:
		return r.Partner
	case 3:
		return sc.format.amount(c.Amount)
	case 4:
		return claimStatusWord(c.Status)
	case 5:
		if c.Status == engine.ClaimApproved || c.Status == engine.ClaimReimbursed {
			return sc.format.amount(c.Approved)
		}
	case 6:
		if c.Status == engine.ClaimRequested {
			return sc.format.amount(r.Approvable)
		}
	case 7:
		return c.Reference
	}
	return ""
}

// onClaim records a claim on the chosen partner's fund.
