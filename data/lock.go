package data

import (
	"encoding/json"
	"fmt"
	"os"
	"time"

	"partnerdesk/data/atomicfile"
)

// lockInfo is the sidecar `<path>.lock` the holder writes after it took the
// bbolt lock, so that a second instance can say who holds the file.
type lockInfo struct {
	PID   int       `json:"pid"`
	Host  string    `json:"host"`
	Since time.Time `json:"since"`
}

// LockPath is the sidecar file naming the process that holds path.
func LockPath(path string) string { return path + ".lock" }

func (s *Store) writeLockFile() error {
	host, _ := os.Hostname()
	b, err := json.Marshal(lockInfo{PID: os.Getpid(), Host: host, Since: s.now().UTC()})
	if err != nil {
		return fmt.Errorf("write lock file: %w", err)
	}
	p := LockPath(s.path)
	// Written whole through a temporary file and renamed: a link planted
	// at p is refused, never followed to overwrite its target.
	if err := atomicfile.WriteFile(p, b, 0o600); err != nil {
		return fmt.Errorf("write lock file: %w", err)
	}
	s.lockPath = p
	return nil
}

// holderOf builds the in-use error for path: from the sidecar when the
// holder wrote one, else from the kernel's lock table. A sidecar left by a
// process that died without closing (SIGKILL, a power cut) is stale: when
// the kernel names another holder, or says that no process has the
// sidecar's pid on this host, the sidecar is not believed.
func holderOf(path string) error {
	e := &InUseError{Path: path}
	host, _ := os.Hostname()
	locker := flockHolder(path)
	if b, err := os.ReadFile(LockPath(path)); err == nil {
		var li lockInfo
		if json.Unmarshal(b, &li) == nil && li.PID != 0 {
			stale := (locker != 0 && locker != li.PID) || (li.Host == host && !atomicfile.ProcessAlive(li.PID))
			if !stale {
				e.PID, e.Host, e.Since = li.PID, li.Host, li.Since.Local()
				return e
			}
		}
	}
	if pid := locker; pid != 0 {
		e.PID, e.Host = pid, host
	}
	return e
}
