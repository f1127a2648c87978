package app

import (
	"errors"
	"fmt"
	"slices"

	"partnerdesk/data"
	"partnerdesk/engine"
)

// checkApprovalExamples runs the golden examples of every program the
// chosen lines belong to and refuses the approval when one fails: the
// program's rules no longer pay what its owner wrote down, so its lines
// are not to be trusted until the rules or the examples are corrected.
func checkApprovalExamples(tx *data.Tx, co engine.Company, lines []engine.RewardLine) error {
	var ids []engine.ID
	for i := range lines {
		if !slices.Contains(ids, lines[i].ProgramID) {
			ids = append(ids, lines[i].ProgramID)
		}
	}
	slices.Sort(ids)
	for _, id := range ids {
		p, err := data.Get[engine.Program](tx, id)
		if errors.Is(err, engine.ErrNotFound) {
			continue
		}
		if err != nil {
			return err
		}
		if err := engine.CheckExamples(*p, co); err != nil {
			return &engine.ValidationError{Field: "program", Reason: fmt.Sprintf(
				"program %d %q fails its golden examples, so nothing was approved: %v; correct the rules or the examples (program export / import)", p.ID, p.Name, err)}
		}
	}
	return nil
}
