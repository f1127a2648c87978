package app

import (
	"fmt"

	"partnerdesk/data"
)

// BackupNow writes a checked copy of the open database as a new file in the
// backups folder beside it (backups/partnerdesk-<date>-<time>.db, never one
// replaced) and returns its path. It is the window's Settings > Back up
// now: while the window is open it holds the file, so `partnerdesk backup`
// from a second process is refused and says to use this instead.
func (s *Service) BackupNow() (string, error) {
	return s.store.BackupInto("")
}

// BackupTo writes a checked copy of the open database to dst, which must
// not exist yet.
func (s *Service) BackupTo(dst string) error { return s.store.Backup(dst) }

// Restore checks backup, then puts it in place of the database at dbPath
// (which must not be open) and returns the name under which the replaced
// file was kept ("" when there was none). It fails with engine.ErrInUse
// while another process holds dbPath.
func Restore(backup, dbPath string) (kept string, err error) {
	return data.RestoreKeeping(backup, dbPath, data.Options{})
}

// CheckDatabase opens the file at path read-only and verifies it: bbolt's
// own consistency and the app's invariants. An error means the file could
// not be checked at all; the report's OK tells whether it passed.
func CheckDatabase(path string) (data.Report, error) { return data.CheckFile(path) }

// RestoreInPlace is the window's Settings > Restore from a backup: the
// window holds the open file, so it closes svc, puts the checked backup in
// place with the same atomic Restore as the `restore` verb, and opens the
// file at the same path again for the same operator. It returns the new
// service (the window rebuilds its screens on it) and the name under which
// the replaced file was kept. svc is closed afterwards whatever happens; when
// the restore fails the file left at the path (the old one, whole: Restore
// is atomic) is opened again, so the window goes on with it, and the error
// says why nothing was restored.
func RestoreInPlace(svc *Service, backup string) (reopened *Service, kept string, err error) {
	path, operator := svc.DatabasePath(), svc.Operator
	if err := svc.Close(); err != nil {
		return nil, "", fmt.Errorf("restore: close %s first: %w", path, err)
	}
	kept, rerr := Restore(backup, path)
	reopened, oerr := OpenService(path, operator)
	switch {
	case rerr != nil && oerr != nil:
		return nil, "", fmt.Errorf("%w; and %s could not be opened again: %v", rerr, path, oerr)
	case rerr != nil:
		return reopened, "", rerr
	case oerr != nil:
		return nil, kept, fmt.Errorf("restored %s, but it could not be opened again: %w", path, oerr)
	}
	return reopened, kept, nil
}
