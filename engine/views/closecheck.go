package views

// CloseCheck says whether a period can close now and, if not, what blocks
// it, before anyone is asked to confirm.
type CloseCheck struct {
	Period   string
	Blockers []CloseBlocker
	// Text is the whole refusal, word for word what `close` prints and the
	// window shows; empty when the period can close.
	Text string
}

// CanClose reports whether nothing blocks the close.
func (c CloseCheck) CanClose() bool { return len(c.Blockers) == 0 }

// CloseBlocker is one period (the one being closed or one inside it) that
// keeps the close from happening, and why: where the user goes to remove it.
type CloseBlocker struct {
	Period string
	// Stale: a computation of Period now gives other lines than the stored
	// ones (inputs or programs changed, or it was never computed).
	Stale bool
	// Draft counts draft lines with an amount or points; Unpaid counts
	// approved money lines with no payout.
	Draft, Unpaid int
	// Text says it in a short sentence ("2026-02 has 3 draft and 1
	// approved unpaid lines").
	Text string
}
