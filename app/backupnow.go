package app

// BackupNow writes a checked copy of the open database as a new file in the
// backups folder beside it (backups/partnerdesk-<date>-<time>.db, never one
// replaced) and returns its path. It is the window's Settings > Back up
// now: while the window is open it holds the file, so `partnerdesk backup`
// from a second process is refused and says to use this instead.
func (s *Service) BackupNow() (string, error) {
	return s.store.BackupInto("")
}
