package views

import "time"

// BackupInfo is what a backup file holds, shown before it is restored so
// the user knows which state of the books comes back.
type BackupInfo struct {
	Path    string
	Written time.Time // the file's modification time: when the backup was taken
	Size    int64
	Schema  int
	Company string
	// Counts of the records it holds.
	Partners, Sales, Programs, Payouts int
	// LastChange is the newest audit entry (zero when none), and who made it.
	LastChange   time.Time
	LastOperator string
	// LastClosed is the latest closed period ("" when none).
	LastClosed string
}
