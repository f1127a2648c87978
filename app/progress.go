package app

// Progress is told how far a long job has come; total is -1 when unknown.
// Callers pass nil when nobody is watching.
type Progress func(done, total int)

func (p Progress) report(done, total int) {
	if p != nil {
		p(done, total)
	}
}
