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

// RunProgramExamples computes the golden examples of p as edited (not
// saved) for this company: every expectation with what it computes, the
// window's table of expected beside computed. p's own fields are not
// validated here; SaveProgram does that.
func (s *Service) RunProgramExamples(p engine.Program) ([]engine.ExampleResult, error) {
	co, err := s.Company()
	if err != nil {
		return nil, err
	}
	return engine.RunExamples(p, co)
}

// ProgramExamples runs the golden examples of the stored program named
// name (`partnerdesk examples PROGRAM`).
func (s *Service) ProgramExamples(name string) (engine.Program, []engine.ExampleResult, error) {
	var p *engine.Program
	if err := s.view(func(tx *data.Tx) error { p = programNamed(tx, name, 0); return nil }); err != nil {
		return engine.Program{}, nil, err
	}
	if p == nil {
		return engine.Program{}, nil, &engine.ValidationError{Field: "program", Reason: fmt.Sprintf("there is no program named %q", name)}
	}
	rs, err := s.RunProgramExamples(*p)
	return *p, rs, err
}
