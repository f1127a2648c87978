//go:build !windows

package atomicfile

import (
	"errors"
	"syscall"
)

// ProcessAlive reports whether a process with pid exists (EPERM: it exists
// but belongs to someone else).
func ProcessAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
