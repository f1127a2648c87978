//go:build !windows

package atomicfile

import "os"

// SyncDir makes a rename in dir durable (fsync of the folder); errors are
// ignored as not every file system supports syncing a folder.
func SyncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// Private makes the file at path the user's alone. On Unix the file's mode
// (0600, set when it is created) already does, so there is nothing to do.
func Private(path string) error { return nil }

// checkName accepts every name: Linux and macOS take any name but "/" and
// NUL, which the path itself rules out. (Names Partnerdesk proposes are
// valid on Windows anyway: SafeName.)
func checkName(path string) error { return nil }
