package views

import "partnerdesk/engine"

// RenameResult says what renaming a tier level carried through.
type RenameResult struct {
	Ladder      engine.TierLadder
	TierChanges int      // tier history records relabelled
	Programs    []string // programs whose rules or eligibility named the level
}
