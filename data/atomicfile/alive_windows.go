//go:build windows

package atomicfile

import "os"

// ProcessAlive reports whether a process with pid exists: on Windows,
// FindProcess opens a handle and fails when there is none.
func ProcessAlive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	p.Release()
	return true
}
