package app

import (
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
