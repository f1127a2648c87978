package engine

import (
	"errors"
	"fmt"
)

// Errors the store and the use cases return; callers test them with errors.Is.
var (
	// ErrNotFound: the record asked for does not exist.
	ErrNotFound = errors.New("not found")
	// ErrPeriodClosed: the change is dated in a closed period.
	ErrPeriodClosed = errors.New("period is closed")
	// ErrDuplicate: a record with the same natural key exists.
	ErrDuplicate = errors.New("duplicate")
	// ErrInUse: the database file is held by another process.
	ErrInUse = errors.New("database file is in use")
	// ErrConfirmationNeeded: the change is allowed only after the user confirms it.
	ErrConfirmationNeeded = errors.New("confirmation needed")
)

// ValidationError says which field of a record cannot be right and why, in
// a sentence a user can act on.
type ValidationError struct {
	Field  string
	Reason string
}

func (e *ValidationError) Error() string { return fmt.Sprintf("%s: %s", e.Field, e.Reason) }

// Invalid returns a *ValidationError for field.
func Invalid(field, format string, args ...any) error {
	return &ValidationError{Field: field, Reason: fmt.Sprintf(format, args...)}
}

// ValidationErrors collects every problem of one record or file.
type ValidationErrors []*ValidationError

func (es ValidationErrors) Error() string {
	if len(es) == 1 {
		return es[0].Error()
	}
	s := fmt.Sprintf("%d problems:", len(es))
	for _, e := range es {
		s += "\n  " + e.Error()
	}
	return s
}
