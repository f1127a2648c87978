package app

import "fmt"

// UsageError is input the program cannot understand (a command line, a
// period, a format, a figure's name): the command line exits 2 on it, the
// window shows it as a refusal of what was typed.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

func usagef(format string, args ...any) error {
	return &UsageError{Msg: fmt.Sprintf(format, args...)}
}
