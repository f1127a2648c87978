package data

// SetRestoreStep makes Restore call f after each of its steps (copied,
// checked, kept) and stop with f's error; the returned func undoes it.
func SetRestoreStep(f func(step string) error) func() {
	old := restoreStep
	restoreStep = f
	return func() { restoreStep = old }
}
