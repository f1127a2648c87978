package data

import (
	"errors"
	"fmt"
	"time"

	"partnerdesk/engine"
)

// Errors returned by Open and Restore besides engine's vocabulary.
var (
	// ErrUnsafeMode: the database file can be written by other users.
	ErrUnsafeMode = errors.New("database file is writable by other users")
	// ErrSchemaNewer: the file was written by a newer Partnerdesk.
	ErrSchemaNewer = errors.New("database file is from a newer version")
	// ErrSchemaOlder: the file needs an upgrade and Options.NoUpgrade was set.
	ErrSchemaOlder = errors.New("database file needs an upgrade")
	// ErrReadOnly: a change was attempted on a store opened read-only.
	ErrReadOnly = errors.New("database is open read-only")
	// ErrCheckFailed: a file did not pass Check (backup, restore, upgrade).
	ErrCheckFailed = errors.New("database file failed its check")
)

// Stop ends an iteration (Each, SalesBetween, AuditEntries, ...) early
// without an error.
var Stop = errors.New("stop iteration")

// InUseError says that another process holds the database file. It wraps
// engine.ErrInUse; PID and Host are zero when the holder is not known.
type InUseError struct {
	Path  string
	PID   int
	Host  string
	Since time.Time
}

func (e *InUseError) Error() string {
	switch {
	case e.PID != 0 && e.Host != "" && !e.Since.IsZero():
		return fmt.Sprintf("%s is in use by process %d on host %s (since %s); close that Partnerdesk first", e.Path, e.PID, e.Host, e.Since.Format("2006-01-02 15:04:05"))
	case e.PID != 0 && e.Host != "":
		return fmt.Sprintf("%s is in use by process %d on host %s; close that Partnerdesk first", e.Path, e.PID, e.Host)
	case e.PID != 0:
		return fmt.Sprintf("%s is in use by process %d; close that Partnerdesk first", e.Path, e.PID)
	}
	return fmt.Sprintf("%s is in use by another process; close the other Partnerdesk first", e.Path)
}

// Unwrap lets errors.Is(err, engine.ErrInUse) hold.
func (e *InUseError) Unwrap() error { return engine.ErrInUse }
