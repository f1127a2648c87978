package data

import (
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"partnerdesk/data/atomicfile"
)

// BackupDir is the folder beside the database where BackupInto puts the
// backups taken without a name.
const BackupDir = "backups"

// stampFormat dates the names of backups and of files kept by a restore.
const stampFormat = "20060102-150405"

// Backup writes a consistent copy of the database to dst while the app
// keeps running: a read transaction's snapshot goes to a temporary file in
// dst's folder, which is synced, verified (read back from the disk, it must
// hash to what was written, and open as a database of the same schema), and
// only then renamed over dst (mode 0600). A failed backup leaves dst as it
// was; a link at dst is refused. The copy is byte for byte a committed
// state of the file, so the app's invariants are not checked again here
// (`check` does, and a restore checks a backup fully before installing it):
// that made a backup of a million sales take thirteen plain copies.
func (s *Store) Backup(dst string) error {
	f, err := s.backupTemp(dst)
	if err != nil {
		return err
	}
	defer f.Abort()
	if err := f.Commit(); err != nil {
		return fmt.Errorf("back up to %s: %w", dst, err)
	}
	return nil
}

// BackupInto writes a backup as a new file in dir (BackupDir beside the
// database when dir is ""), named partnerdesk-<date>-<time>.db by the
// store's clock, with -2, -3, ... added when a backup of the same second
// is there: it never replaces an earlier backup. It returns the file's
// path.
func (s *Store) BackupInto(dir string) (string, error) {
	if dir == "" {
		dir = filepath.Join(filepath.Dir(s.path), BackupDir)
	}
	base := "partnerdesk-" + s.now().Format(stampFormat)
	f, err := s.backupTemp(filepath.Join(dir, base+".db"))
	if err != nil {
		return "", err
	}
	defer f.Abort()
	for n := 1; n <= 1000; n++ {
		dst := filepath.Join(dir, base+".db")
		if n > 1 {
			dst = filepath.Join(dir, fmt.Sprintf("%s-%d.db", base, n))
		}
		err := f.CommitNew(dst)
		if err == nil {
			return dst, nil
		}
		if !errors.Is(err, os.ErrExist) {
			return "", fmt.Errorf("back up to %s: %w", dst, err)
		}
	}
	return "", fmt.Errorf("back up into %s: a thousand backups already carry the name %s", dir, base)
}

// backupTemp writes, syncs and checks the snapshot in a temporary file
// beside dst, ready to be committed.
func (s *Store) backupTemp(dst string) (*atomicfile.File, error) {
	if s.db == nil {
		return nil, errClosed
	}
	dir := filepath.Dir(dst)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("back up to %s: %w", dst, err)
	}
	f, err := atomicfile.Create(dst, 0o600)
	if err != nil {
		return nil, fmt.Errorf("back up: %w", err)
	}
	ok := false
	defer func() {
		if !ok {
			f.Abort()
		}
	}()
	var sum maphash.Hash // seeded once; both sums are taken in this process
	var schema int
	err = s.db.View(func(btx *bolt.Tx) error {
		schema = readSchema(btx)
		_, err := btx.WriteTo(io.MultiWriter(f.File, &sum))
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("back up to %s: write the copy: %w", dst, err)
	}
	if err := f.Finish(); err != nil {
		return nil, fmt.Errorf("back up to %s: %w", dst, err)
	}
	if err := verifyCopy(f.TempName(), &sum, schema); err != nil {
		return nil, fmt.Errorf("back up to %s: %w: %w", dst, err, ErrCheckFailed)
	}
	ok = true
	return f, nil
}

// Restore replaces the database at dbPath with backup. The backup is
// copied into a temporary file beside dbPath, synced and checked (bbolt's
// check and the app's invariants); the file it replaces is kept as
// `<db>.before-restore-<stamp>` (a hard link made before anything moves,
// else a copy); then the copy is renamed over dbPath, which is atomic: at
// every moment dbPath holds the old or the new database, whole. A link at
// dbPath is followed to the real file, which is restored in place. It fails
// with an *InUseError (engine.ErrInUse) while another process holds dbPath.
func Restore(backup, dbPath string, opt Options) error {
	_, err := RestoreKeeping(backup, dbPath, opt)
	return err
}

// RestoreKeeping is Restore that also returns the name under which the
// replaced file was kept ("" when there was none).
//
// It is long because it is the restore's sequence of steps (lock the file,
// copy the backup beside it, check the copy, keep the replaced file,
// rename), each with its error; the order is the safety argument and reads
// best in one place.
func RestoreKeeping(backup, dbPath string, opt Options) (kept string, err error) {
	if opt.Timeout <= 0 {
		opt.Timeout = time.Second
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	abs, err := filepath.Abs(dbPath)
	if err != nil {
		return "", fmt.Errorf("restore: %w", err)
	}
	dbPath = abs
	if real, err := filepath.EvalSymlinks(dbPath); err == nil {
		dbPath = real
	}
	dir := filepath.Dir(dbPath)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("restore: %w", err)
	}
	// Hold the current file's lock while it is swapped, so that no other
	// instance has it open.
	live := false
	unlock := func() {}
	if _, err := os.Stat(dbPath); err == nil {
		live = true
		if err := checkMode(dbPath); err != nil {
			return "", err
		}
		release, err := lockFile(dbPath, opt.Timeout)
		if err != nil {
			return "", fmt.Errorf("restore: %w", err)
		}
		unlock = func() {
			if release != nil {
				release()
				release = nil
			}
		}
		defer unlock()
	} else if !errors.Is(err, os.ErrNotExist) {
		return "", fmt.Errorf("restore: %w", err)
	}
	CleanTemps(dbPath)

	f, err := atomicfile.Create(dbPath, 0o600)
	if err != nil {
		return "", fmt.Errorf("restore: %w", err)
	}
	defer f.Abort()
	if err := copyInto(f.File, backup); err != nil {
		return "", fmt.Errorf("restore: copy %s: %w", backup, err)
	}
	if err := f.Finish(); err != nil {
		return "", fmt.Errorf("restore: copy %s: %w", backup, err)
	}
	if err := restoreStep("copied"); err != nil {
		return "", err
	}
	// The copy is what gets installed, so the copy is what is checked.
	rep, err := CheckFile(f.TempName())
	if err != nil {
		why := strings.TrimPrefix(err.Error(), "check "+f.TempName()+": ")
		why = strings.ReplaceAll(why, f.TempName(), "the copy")
		return "", fmt.Errorf("restore from %s: the backup does not open as a Partnerdesk database, so nothing was replaced (%s): %w", backup, why, ErrCheckFailed)
	}
	if !rep.OK() {
		return "", fmt.Errorf("restore from %s: the backup fails its check, so nothing was replaced: %s: %w", backup, strings.Join(rep.Problems, "; "), ErrCheckFailed)
	}
	if err := restoreStep("checked"); err != nil {
		return "", err
	}
	if live {
		if kept, err = keepCopy(dbPath, opt.Now()); err != nil {
			return "", fmt.Errorf("restore: keep the current file: %w", err)
		}
	}
	if err := restoreStep("kept"); err != nil {
		return "", err
	}
	if unlockBeforeRename {
		unlock()
	}
	if err := f.Commit(); err != nil {
		return "", fmt.Errorf("restore: put %s in place: %w", backup, err)
	}
	return kept, nil
}

// restoreStep is called after each step of Restore; a test makes it fail
// to stop Restore there, as a crash or an I/O error would.
var restoreStep = func(step string) error { return nil }

// copyInto copies the file at src into w.
func copyInto(w io.Writer, src string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	_, err = io.Copy(w, in)
	return err
}

// keepCopy keeps the file at path under a new name,
// `<path>.before-restore-<stamp>` (with -2, -3, ... when taken), without
// moving it: a hard link where the file system has them, else a synced
// copy. It returns the name.
func keepCopy(path string, now time.Time) (string, error) {
	base := path + ".before-restore-" + now.Format(stampFormat)
	var f *atomicfile.File
	defer func() {
		if f != nil {
			f.Abort()
		}
	}()
	for n := 1; n <= 1000; n++ {
		name := base
		if n > 1 {
			name = fmt.Sprintf("%s-%d", base, n)
		}
		if f == nil {
			err := os.Link(path, name)
			if err == nil {
				atomicfile.SyncDir(filepath.Dir(path))
				return name, nil
			}
			if errors.Is(err, os.ErrExist) {
				continue
			}
			// No hard links here: copy the file instead.
			if f, err = atomicfile.Create(name, 0o600); err != nil {
				return "", err
			}
			if err := copyInto(f.File, path); err != nil {
				return "", err
			}
		}
		err := f.CommitNew(name)
		if err == nil {
			return name, nil
		}
		if !errors.Is(err, os.ErrExist) {
			return "", err
		}
	}
	return "", fmt.Errorf("a thousand files are already named %s", base)
}

// verifyCopy reads the copy at path back through the file system and
// compares its hash with written's (the hash of what was written, same
// seed), then opens it read-only and reads its schema. maphash, not a
// cryptographic hash: it detects a copy that differs by accident, at a
// tenth of SHA-256's cost, which was half of a backup's time.
func verifyCopy(path string, written *maphash.Hash, schema int) error {
	in, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("read the copy back: %w", err)
	}
	var h maphash.Hash
	h.SetSeed(written.Seed())
	_, err = io.Copy(&h, in)
	in.Close()
	if err != nil {
		return fmt.Errorf("read the copy back: %w", err)
	}
	if h.Sum64() != written.Sum64() {
		return errors.New("the copy read back from the disk differs from what was written")
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		return fmt.Errorf("the copy does not open: %w", err)
	}
	defer db.Close()
	got := 0
	db.View(func(btx *bolt.Tx) error {
		got = readSchema(btx)
		return nil
	})
	if got != schema {
		return fmt.Errorf("the copy has schema %d, the file %d", got, schema)
	}
	return nil
}
