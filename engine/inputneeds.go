package engine

// ReadsRuleKind reports whether a rule of kind k of one of programs can
// run when period p computes: only programs of p's kind compute or adjust
// in it (whatever their status and validity, which this does not judge).
// Inputs that only one kind of rule reads (Trainings: training rules;
// Activities: activity rules) may be left out when it is false: the
// result is the same (TestUnreadInputsChangeNothing).
func ReadsRuleKind(programs []Program, p Period, k RuleKind) bool {
	for i := range programs {
		if programs[i].PeriodKind != p.Kind {
			continue
		}
		for j := range programs[i].Rules {
			if programs[i].Rules[j].Kind == k {
				return true
			}
		}
	}
	return false
}
