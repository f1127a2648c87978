package ui

// The claim, redemption and decision actions behind the funds screen's
// buttons and keys: each goes through the app's use case and shows a
// refusal beside its field.

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"

	"partnerdesk/engine"
	"partnerdesk/engine/i18n"
	"partnerdesk/engine/views"
)

func (sc *fundsScreen) onClaim() {
	sc.cfs.clearErrors()
	if sc.fundID == 0 {
		sc.cfs.get(FundsAmount).SetError(T("Choose the partner in the table above first."))
		sc.content.Refresh()
		return
	}
	in := views.ClaimInput{Partner: fmt.Sprintf("P%d", sc.fundID), Amount: trimmed(sc.amount), Date: trimmed(sc.claimDate),
		Reference: trimmed(sc.reference), Approve: sc.approveNow.Checked}
	c, err := sc.svc.Claim(in)
	if err != nil {
		sc.formError(&sc.cfs, err, map[string]string{FundsPartner: FundsAmount})
		return
	}
	if c.Status == engine.ClaimApproved {
		sc.say(Tf("Claim %d recorded and approved for %s of the %s requested.", c.ID, sc.format.money(c.Approved), sc.format.money(c.Amount)))
	} else {
		sc.say(Tf("Claim %d of %s recorded: it waits for a decision in the Claims tab.", c.ID, sc.format.money(c.Amount)))
	}
	sc.amount.SetText("")
	sc.reference.SetText("")
	sc.approveNow.SetChecked(false)
	sc.content.Refresh()
	sc.reload()
	sc.focus(sc.amount)
}

// onRedeem records a redemption of the chosen payee's points.
func (sc *fundsScreen) onRedeem() {
	sc.rfs.clearErrors()
	if sc.payee.ID == 0 {
		sc.rfs.get(FundsPoints).SetError(T("Choose the partner or rep in the table above first."))
		sc.content.Refresh()
		return
	}
	n, err := strconv.ParseInt(strings.ReplaceAll(trimmed(sc.redeemPts), " ", ""), 10, 64)
	if err != nil {
		sc.rfs.get(FundsPoints).SetError(T("Type a whole number of points, e.g. 500."))
		sc.content.Refresh()
		sc.focus(sc.redeemPts)
		return
	}
	prefix := "P"
	if sc.payee.Kind == engine.PayeeRep {
		prefix = "R"
	}
	in := views.RedeemInput{Payee: fmt.Sprintf("%s%d", prefix, sc.payee.ID), Points: n, Against: trimmed(sc.against), Date: trimmed(sc.redeemDate)}
	e, err := sc.svc.Redeem(in)
	if err != nil {
		sc.formError(&sc.rfs, err, map[string]string{FundsPayee: FundsPoints})
		return
	}
	sc.say(Tf("%s points redeemed against %s.", i18n.Points(-e.Points, sc.format.lang), e.Against))
	sc.redeemPts.SetText("")
	sc.against.SetText("")
	sc.content.Refresh()
	sc.reload()
	sc.focus(sc.redeemPts)
}

// onDecide approves or rejects the chosen claim; an approval the fund
// cannot pay in full asks first.
func (sc *fundsScreen) onDecide(approve bool) {
	sc.dfs.clearErrors()
	c, ok := sc.chosenClaim()
	if !ok || c.Claim.Status != engine.ClaimRequested {
		sc.dfs.get(FundsClaim).SetError(T("Choose a claim that waits for a decision."))
		sc.content.Refresh()
		return
	}
	decide := func() {
		got, err := sc.svc.DecideClaim(c.Claim.ID, approve)
		if err != nil {
			sc.formError(&sc.dfs, err, map[string]string{FundsAmount: FundsClaim})
			return
		}
		if got.Status == engine.ClaimApproved {
			sc.say(Tf("Claim %d approved for %s.", got.ID, sc.format.money(got.Approved)))
		} else {
			sc.say(Tf("Claim %d rejected.", got.ID))
		}
		sc.reload()
	}
	switch {
	case !approve:
		sc.shell.Confirm(T("Reject claim"), Tf("Reject claim %d of %s for %s?", c.Claim.ID, c.Partner, sc.format.money(c.Claim.Amount)),
			func(yes bool) {
				if yes {
					decide()
				}
			})
	case c.Approvable.LessThan(c.Claim.Amount) && c.Approvable.IsPositive():
		sc.shell.Confirm(T("Approve part of the claim"), Tf("The fund of %s holds %s on %s: approve %s of the %s requested?", c.Partner,
			sc.format.money(c.Approvable), i18n.Date(c.Claim.Date, sc.format.lang), sc.format.money(c.Approvable), sc.format.money(c.Claim.Amount)),
			func(yes bool) {
				if yes {
					decide()
				}
			})
	default:
		decide()
	}
}

// onReimburse marks the chosen approved claim as paid back.
func (sc *fundsScreen) onReimburse() {
	sc.dfs.clearErrors()
	c, ok := sc.chosenClaim()
	if !ok || c.Claim.Status != engine.ClaimApproved {
		sc.dfs.get(FundsClaim).SetError(T("Choose an approved claim to mark it reimbursed."))
		sc.content.Refresh()
		return
	}
	if err := sc.svc.ReimburseClaim(c.Claim.ID, trimmed(sc.payRef)); err != nil {
		sc.formError(&sc.dfs, err, nil)
		return
	}
	sc.say(Tf("Claim %d marked reimbursed.", c.Claim.ID))
	sc.payRef.SetText("")
	sc.reload()
}

// say reports what was done (or what stops it) in the window's status
// line.
func (sc *fundsScreen) say(msg string) { sc.shell.SetStatus(msg) }

// formError puts a refusal beside its fields (aliases map the backend's
// other names to the form's), the rest in the status line; anything else
// goes to a dialog.
func (sc *fundsScreen) formError(fs *fields, err error, aliases map[string]string) {
	rest, ok := fs.showErrors(err, aliases)
	if !ok {
		sc.shell.ShowError(err)
		return
	}
	// A reason that wraps makes its field taller: lay the form out again
	// so that the field below moves down instead of being overlapped.
	sc.content.Refresh()
	sc.say(strings.Join(rest, " "))
	if f := fs.firstError(); f != nil {
		if fo, ok := f.input.(fyne.Focusable); ok {
			sc.focus(fo)
		}
	}
}
