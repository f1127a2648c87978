package data

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// Backup writes a consistent copy of the database to dst while the app
// keeps running: a read transaction's snapshot goes to a temporary file in
// dst's folder, which is synced, checked, and only then renamed over dst
// (mode 0600). A failed backup leaves dst as it was.
func (s *Store) Backup(dst string) error {
	if s.db == nil {
		return errClosed
	}
	dir := filepath.Dir(dst)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("back up to %s: %w", dst, err)
	}
	tmp, err := os.CreateTemp(dir, filepath.Base(dst)+".tmp-*")
	if err != nil {
		return fmt.Errorf("back up to %s: %w", dst, err)
	}
	tmpName := tmp.Name()
	keep := false
	defer func() {
		if !keep {
			tmp.Close()
			os.Remove(tmpName)
		}
	}()
	if err := tmp.Chmod(0o600); err != nil {
		return fmt.Errorf("back up to %s: %w", dst, err)
	}
	err = s.db.View(func(btx *bolt.Tx) error {
		_, err := btx.WriteTo(tmp)
		return err
	})
	if err != nil {
		return fmt.Errorf("back up to %s: write the copy: %w", dst, err)
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("back up to %s: sync the copy: %w", dst, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("back up to %s: %w", dst, err)
	}
	rep, err := CheckFile(tmpName)
	if err != nil {
		return fmt.Errorf("back up to %s: check the copy: %w", dst, err)
	}
	if !rep.OK() {
		return fmt.Errorf("back up to %s: the copy fails its check (%s): %w", dst, rep.Problems[0], ErrCheckFailed)
	}
	if err := os.Rename(tmpName, dst); err != nil {
		return fmt.Errorf("back up to %s: %w", dst, err)
	}
	keep = true
	syncDir(dir)
	return nil
}

// Restore replaces the database at dbPath with backup, after checking the
// backup (bbolt's check and the app's invariants). The replaced file is
// kept as `<db>.before-restore-<stamp>`. It fails with an *InUseError
// (engine.ErrInUse) while another process holds dbPath.
func Restore(backup, dbPath string, opt Options) error {
	if opt.Timeout <= 0 {
		opt.Timeout = time.Second
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	abs, err := filepath.Abs(dbPath)
	if err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	dbPath = abs
	rep, err := CheckFile(backup)
	if err != nil {
		return fmt.Errorf("restore from %s: %w", backup, err)
	}
	if !rep.OK() {
		return fmt.Errorf("restore from %s: the backup fails its check, so nothing was replaced: %s: %w", backup, strings.Join(rep.Problems, "; "), ErrCheckFailed)
	}
	dir := filepath.Dir(dbPath)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	// Hold the current file's lock while it is swapped, so that no other
	// instance has it open.
	var held *bolt.DB
	if _, err := os.Stat(dbPath); err == nil {
		if err := checkMode(dbPath); err != nil {
			return err
		}
		held, err = bolt.Open(dbPath, 0o600, &bolt.Options{Timeout: opt.Timeout})
		if err != nil {
			if errors.Is(err, berrors.ErrTimeout) {
				return fmt.Errorf("restore: %w", holderOf(dbPath))
			}
			return fmt.Errorf("restore: open %s: %w", dbPath, err)
		}
		defer held.Close()
	}
	tmp := fmt.Sprintf("%s.restore-%d.tmp", dbPath, os.Getpid())
	os.Remove(tmp)
	if err := copyFile(backup, tmp); err != nil {
		return fmt.Errorf("restore: copy %s: %w", backup, err)
	}
	if held != nil {
		old := fmt.Sprintf("%s.before-restore-%s", dbPath, opt.Now().Format("20060102-150405"))
		if err := os.Rename(dbPath, old); err != nil {
			os.Remove(tmp)
			return fmt.Errorf("restore: keep the current file as %s: %w", old, err)
		}
	}
	if err := os.Rename(tmp, dbPath); err != nil {
		return fmt.Errorf("restore: put %s in place: %w", backup, err)
	}
	syncDir(dir)
	return nil
}

// syncDir makes a rename in dir durable; errors are ignored as not every
// file system supports it.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
