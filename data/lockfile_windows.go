//go:build windows

package data

import (
	"errors"
	"os"
	"time"

	"golang.org/x/sys/windows"
)

// lockFile takes the exclusive lock bbolt takes on path (LockFileEx on the
// byte at offset 2^64-1, the one bbolt locks), waiting up to timeout,
// without opening the file as a database: Restore may replace a file bbolt
// could not open. It fails with an *InUseError when the lock stays taken.
// Windows refuses to rename over a file that is open, this handle
// included, so Restore lets go of the lock just before its rename (see
// unlockBeforeRename).
func lockFile(path string, timeout time.Duration) (func(), error) {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return nil, err
	}
	const m1 = ^uint32(0) // the offset -1, as bbolt names it
	ol := func() *windows.Overlapped { return &windows.Overlapped{Offset: m1, OffsetHigh: m1} }
	h := windows.Handle(f.Fd())
	deadline := time.Now().Add(timeout)
	for {
		err := windows.LockFileEx(h, windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, ol())
		if err == nil {
			return func() {
				windows.UnlockFileEx(h, 0, 1, 0, ol())
				f.Close()
			}, nil
		}
		if !errors.Is(err, windows.ERROR_LOCK_VIOLATION) {
			f.Close()
			return nil, err
		}
		if time.Now().After(deadline) {
			f.Close()
			return nil, holderOf(path)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
