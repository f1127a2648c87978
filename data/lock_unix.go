//go:build !windows

package data

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"syscall"
)

// flockHolder finds the pid holding a flock on path in /proc/locks (Linux
// only; 0 when unknown). A read-only opener writes no sidecar, so this is
// how a writer learns who holds the shared lock.
func flockHolder(path string) int {
	fi, err := os.Stat(path)
	if err != nil {
		return 0
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return 0
	}
	f, err := os.Open("/proc/locks")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		// "1: FLOCK  ADVISORY  WRITE 1234 08:01:5678 0 EOF"; waiters carry "->".
		if len(fields) < 6 || fields[1] != "FLOCK" {
			continue
		}
		parts := strings.Split(fields[5], ":")
		ino, err := strconv.ParseUint(parts[len(parts)-1], 10, 64)
		if err != nil || ino != st.Ino {
			continue
		}
		if pid, err := strconv.Atoi(fields[4]); err == nil {
			return pid
		}
	}
	return 0
}
